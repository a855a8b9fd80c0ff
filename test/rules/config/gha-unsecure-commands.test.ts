// Tests for config/gha-unsecure-commands.
import rule from '../../../server/src/engine/rules/config/gha-unsecure-commands';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: '.github/workflows/build.yml',
  valid: [
    'on: push\nenv:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: false\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "PATH_EXTRA=/opt/bin" >> "$GITHUB_ENV"\n',
    '# ACTIONS_ALLOW_UNSECURE_COMMANDS: true\non: push\njobs: {}\n',
    { name: 'not a workflow', path: 'config/ci.yml', code: 'env:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: true\n' },
  ],
  invalid: [
    {
      name: 'workflow env',
      code: "on: push\nenv:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: 'true'\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n",
      errors: [{
        messageId: 'env', line: 3, column: 3, endColumn: 42, severity: 'error', message: /^ACTIONS_ALLOW_UNSECURE_COMMANDS: true in the workflow env re-enables/,
        fixes: [{ title: 'Set ACTIONS_ALLOW_UNSECURE_COMMANDS to false', applicability: 'unsafe', output: "on: push\nenv:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: 'false'\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n" }],
      }],
    },
    {
      name: 'job and step env, and a script',
      code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      ACTIONS_ALLOW_UNSECURE_COMMANDS: true\n    steps:\n      - name: s\n        env:\n          ACTIONS_ALLOW_UNSECURE_COMMANDS: true\n        run: echo "ACTIONS_ALLOW_UNSECURE_COMMANDS=true" >> $GITHUB_ENV\n',
      errors: [
        { messageId: 'env', line: 6, column: 7, message: /in the job env/ },
        { messageId: 'env', line: 10, column: 11, message: /in the step env/ },
        { messageId: 'script', line: 11, column: 20, endColumn: 56 },
      ],
    },
  ],
});
