// Tests for config/compose-run-as-root.
import rule from '../../../server/src/engine/rules/config/compose-run-as-root';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: 'docker-compose.yml',
  valid: [
    { name: 'no user: the image decides', code: 'services:\n  app:\n    image: node:20\n' },
    'services:\n  app:\n    image: node:20\n    user: node\n',
    'services:\n  app:\n    image: app\n    user: "1000:1000"\n',
    { name: 'a uid that merely starts with 0 is not root', code: 'services:\n  app:\n    image: app\n    user: "01000"\n' },
    { name: 'from the environment', code: 'services:\n  app:\n    image: app\n    user: "${UID}:${GID}"\n' },
    { name: 'not a compose file', path: 'config/app.yml', code: 'app:\n  user: root\n' },
    { name: 'a commented-out line', code: 'services:\n  app:\n    image: app\n    # user: root\n' },
    { name: 'an environment variable named USER', code: 'services:\n  app:\n    image: app\n    environment:\n      user: root\n' },
  ],
  invalid: [
    {
      code: 'services:\n  app:\n    image: nginx\n    user: root\n',
      errors: [{ messageId: 'root', line: 4, column: 5, endColumn: 15, message: 'Service app runs as root (user: root): a compromise of the process is root in the container, one step from the host' }],
    },
    { name: 'uid 0 with a group', code: 'services:\n  worker:\n    image: app\n    user: "0:0"\n', errors: [{ messageId: 'root', line: 4, column: 5 }] },
    { name: 'uid 0 unquoted', path: 'compose.yaml', code: 'services:\n  db:\n    image: postgres\n    user: 0\n', errors: [{ messageId: 'root', line: 4 }] },
  ],
});
