// Tests for config/compose-docker-socket.
import rule from '../../../server/src/engine/rules/config/compose-docker-socket';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: 'docker-compose.yml',
  valid: [
    'services:\n  app:\n    volumes:\n      - ./data:/data\n      - /var/run/postgresql:/var/run/postgresql\n',
    'services:\n  app:\n    volumes:\n      # - /var/run/docker.sock:/var/run/docker.sock\n      - ./x:/x\n',
    // A variable source mounted somewhere other than the socket path is some other directory.
    'services:\n  app:\n    volumes:\n      - ${DATA_DIR}:/srv/data:rw\n      - ${CERTS:-./certs}:/certs\n',
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
    {
      name: 'socket location taken from .env, mounted at the socket path',
      code: 'services:\n  shipper:\n    volumes:\n      - ${SOCK_PATH}:/var/run/docker.sock:ro,z\n',
      errors: [{ messageId: 'socket', line: 4, column: 9, endColumn: 47 }],
    },
    {
      name: 'variable defaulting to the socket (the colon in the default is not a field separator)',
      code: 'services:\n  agent:\n    volumes:\n      - ${DOCKER_SOCK:-/var/run/docker.sock}:/tmp/docker.sock\n',
      errors: [{ messageId: 'socket', line: 4, column: 9 }],
    },
  ],
});
