// Tests for config/gha-write-all-permissions.
import rule from '../../../server/src/engine/rules/config/gha-write-all-permissions';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: '.github/workflows/release.yml',
  valid: [
    'on: push\npermissions: read-all\njobs:\n  a:\n    permissions:\n      contents: write\n    steps:\n      - run: make\n',
    'on: push\npermissions:\n  contents: read\njobs: {}\n',
    'on: push\n# permissions: write-all\njobs: {}\n',
    { name: 'not a workflow', path: 'deploy.yml', code: 'permissions: write-all\n' },
  ],
  invalid: [
    {
      code: 'on: push\npermissions: write-all\njobs:\n  a:\n    steps:\n      - run: make\n',
      errors: [{
        messageId: 'writeAll', line: 2, column: 1, endColumn: 23, severity: 'warning',
        message: /^permissions: write-all gives the workflow token write access/,
        fixes: [{ title: 'Use permissions: read-all (then grant the writes the job needs)', applicability: 'unsafe', output: 'on: push\npermissions: read-all\njobs:\n  a:\n    steps:\n      - run: make\n' }],
      }],
    },
    {
      name: 'job level, quoted',
      code: 'on: push\njobs:\n  publish:\n    permissions: "write-all"\n    steps:\n      - run: make\n',
      errors: [{ messageId: 'writeAll', line: 4, column: 5, endColumn: 29, message: /the publish job token/, fixes: [{ output: 'on: push\njobs:\n  publish:\n    permissions: "read-all"\n    steps:\n      - run: make\n' }] }],
    },
  ],
});
