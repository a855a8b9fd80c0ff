// Tests for config/compose-docker-socket.
import rule from '../../../server/src/engine/rules/config/compose-docker-socket';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: 'docker-compose.yml',
  valid: [
    'services:\n  app:\n    volumes:\n      - ./data:/data\n      - /var/run/postgresql:/var/run/postgresql\n',
    'services:\n  app:\n    volumes:\n      # - /var/run/docker.sock:/var/run/docker.sock\n      - ./x:/x\n',
  ],
  invalid: [
    {
      code: 'services:\n  traefik:\n    image: traefik:v3\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
      errors: [{ messageId: 'socket', line: 5, column: 9, endColumn: 53, message: /Service traefik mounts the Docker socket/ }],
    },
    {
      path: 'compose.prod.yaml',
      code: 'services:\n  ci:\n    volumes:\n      - type: bind\n        source: /run/docker.sock\n        target: /var/run/docker.sock\n',
      errors: [{ messageId: 'socket', line: 4, column: 9 }],
    },
  ],
});
