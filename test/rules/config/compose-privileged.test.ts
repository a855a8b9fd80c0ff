// Tests for config/compose-privileged.
import rule from '../../../server/src/engine/rules/config/compose-privileged';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: 'docker-compose.yml',
  valid: [
    'services:\n  app:\n    image: node:20\n    privileged: false\n    cap_add: [NET_BIND_SERVICE]\n    security_opt: ["no-new-privileges:true"]\n',
    { name: 'not a compose file', path: 'k8s/deploy.yml', code: 'services:\n  app:\n    privileged: true\n' },
    '# privileged: true\nservices:\n  app:\n    image: x\n',
    { name: 'broken YAML does not throw', code: 'services:\n  app:\n    image: [x\n' },
  ],
  invalid: [
    {
      code: 'services:\n  dind:\n    image: docker:dind\n    privileged: true\n',
      errors: [{ messageId: 'privileged', line: 4, column: 5, endColumn: 21, message: /Service dind runs privileged/, fixes: [{ title: 'Set privileged: false', applicability: 'unsafe', output: 'services:\n  dind:\n    image: docker:dind\n    privileged: false\n' }] }],
    },
    {
      path: 'compose.yaml',
      code: 'services:\n  app:\n    image: x\n    cap_add:\n      - SYS_ADMIN\n      - NET_ADMIN\n      - ALL\n    security_opt:\n      - seccomp:unconfined\n      - "apparmor=unconfined"\n      - label:disable\n',
      errors: [
        { messageId: 'capability', line: 5, column: 9, endColumn: 18 },
        { messageId: 'capability', line: 7, column: 9 },
        { messageId: 'securityOpt', line: 9, column: 9, endColumn: 27 },
        { messageId: 'securityOpt', line: 10, column: 9 },
        { messageId: 'securityOpt', line: 11, column: 9 },
      ],
    },
  ],
});
