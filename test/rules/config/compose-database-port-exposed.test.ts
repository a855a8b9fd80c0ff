// Tests for config/compose-database-port-exposed.
import rule from '../../../server/src/engine/rules/config/compose-database-port-exposed';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: 'docker-compose.yml',
  valid: [
    'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n',
    'services:\n  web:\n    ports:\n      - "8080:80"\n      - 3000:3000\n',
    'services:\n  db:\n    image: postgres:16\n    expose:\n      - "5432"\n',
    'services:\n  db:\n    ports:\n      - target: 5432\n        published: 5432\n        host_ip: 127.0.0.1\n',
    { name: '${VAR} ports are not guessed', code: 'services:\n  db:\n    ports:\n      - "${DB_PORT}:5432"\n' },
  ],
  invalid: [
    {
      code: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n',
      errors: [{
        messageId: 'exposed', line: 5, column: 9, endColumn: 20, message: 'Service db publishes PostgreSQL port 5432 on every interface of the host; bind it to 127.0.0.1',
        fixes: [{ title: 'Publish on 127.0.0.1 only', applicability: 'unsafe', output: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n' }],
      }],
    },
    {
      code: 'services:\n  cache:\n    ports: [6379, "0.0.0.0:27017:27017/tcp"]\n  mq:\n    ports:\n      - 15432:5432\n',
      errors: [
        { messageId: 'exposed', line: 3, column: 13, fixes: [{ output: 'services:\n  cache:\n    ports: [127.0.0.1::6379, "0.0.0.0:27017:27017/tcp"]\n  mq:\n    ports:\n      - 15432:5432\n' }] },
        { messageId: 'exposed', line: 3, column: 19, fixes: [{ output: 'services:\n  cache:\n    ports: [6379, "127.0.0.1:27017:27017/tcp"]\n  mq:\n    ports:\n      - 15432:5432\n' }] },
        { messageId: 'exposed', line: 6, column: 9, fixes: [{ output: 'services:\n  cache:\n    ports: [6379, "0.0.0.0:27017:27017/tcp"]\n  mq:\n    ports:\n      - 127.0.0.1:15432:5432\n' }] },
      ],
    },
    {
      name: 'long syntax without host_ip (no fix)',
      code: 'services:\n  es:\n    ports:\n      - target: 9200\n        published: "9200"\n',
      errors: [{ messageId: 'exposed', line: 4, column: 9, fixes: [] }],
    },
  ],
});
