// Tests for config/compose-host-namespace.
import rule from '../../../server/src/engine/rules/config/compose-host-namespace';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: 'docker-compose.yml',
  valid: [
    'services:\n  app:\n    network_mode: bridge\n    pid: "service:db"\n    ipc: shareable\n',
    'networks:\n  host:\n    external: true\n',
  ],
  invalid: [
    {
      code: 'services:\n  monitor:\n    network_mode: host\n    pid: "host"\n    ipc: host\n',
      errors: [
        { messageId: 'host', line: 3, column: 5, endColumn: 23, message: /Service monitor sets network_mode: host/ },
        { messageId: 'host', line: 4, column: 5, endColumn: 16 },
        { messageId: 'host', line: 5, column: 5 },
      ],
    },
  ],
});
