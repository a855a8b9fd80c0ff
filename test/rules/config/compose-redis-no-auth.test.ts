// Tests for config/compose-redis-no-auth.
import rule from '../../../server/src/engine/rules/config/compose-redis-no-auth';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: 'docker-compose.yml',
  valid: [
    { name: 'not published: only the compose network reaches it', code: 'services:\n  redis:\n    image: redis:7-alpine\n' },
    { name: 'published on localhost', code: 'services:\n  redis:\n    image: redis:7\n    ports:\n      - "127.0.0.1:6379:6379"\n' },
    'services:\n  redis:\n    image: redis:7\n    command: redis-server --requirepass ${REDIS_PASSWORD}\n    ports:\n      - "6379:6379"\n',
    'services:\n  redis:\n    image: bitnami/redis:7.2\n    environment:\n      REDIS_PASSWORD: ${REDIS_PASSWORD}\n    ports: ["6379:6379"]\n',
    'services:\n  redis:\n    image: redis:7\n    command: ["redis-server", "/usr/local/etc/redis/redis.conf"]\n    ports: ["6379:6379"]\n',
    { name: 'redis-stack: only the web UI is public, Redis is on localhost', code: 'services:\n  redis:\n    image: redis/redis-stack:latest\n    ports:\n      - "127.0.0.1:6379:6379"\n      - "8001:8001"\n' },
  ],
  invalid: [
    {
      code: 'services:\n  cache:\n    image: redis:7\n    command: redis-server --protected-mode no\n',
      errors: [{ messageId: 'protectedMode', line: 4, column: 27, endColumn: 43 }],
    },
    {
      code: 'services:\n  redis:\n    image: "redis:7-alpine"\n    ports:\n      - "6379:6379"\n',
      errors: [{ messageId: 'noPassword', line: 3, column: 12, endColumn: 28, message: /Service redis publishes Redis on every host interface/ }],
    },
    {
      name: 'IPv6 all interfaces and an empty REDIS_PASSWORD',
      code: 'services:\n  redis:\n    image: redis:7\n    environment:\n      REDIS_PASSWORD: ""\n    ports:\n      - "[::]:6379:6379"\n',
      errors: [{ messageId: 'noPassword', line: 3 }],
    },
    {
      code: 'services:\n  redis:\n    image: bitnami/redis:latest\n    environment:\n      - ALLOW_EMPTY_PASSWORD=yes\n',
      errors: [{ messageId: 'emptyPassword', line: 5, column: 9, endColumn: 33 }],
    },
  ],
});
