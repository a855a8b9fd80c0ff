// Tests for config/default-password.
import rule from '../../../server/src/engine/rules/config/default-password';
import { ruleTester } from '../../helpers/rule-tester';
import { password } from '../../helpers/secrets';

const strong = password(3);

ruleTester(rule, {
  path: 'docker-compose.yml',
  valid: [
    'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n',
    'services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD\n      - MYSQL_ROOT_PASSWORD=${DB_ROOT_PASSWORD:?}\n',
    { name: 'null map value passes the host value through', code: 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD:\n' },
    `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: "${strong}"\n`,
    'services:\n  db:\n    environment:\n      POSTGRES_USER: postgres\n      POSTGRES_DB: postgres\n',
    { name: 'CI service containers are throwaway', path: '.github/workflows/ci.yml', code: 'jobs:\n  t:\n    services:\n      pg:\n        env:\n          POSTGRES_PASSWORD: postgres\n' },
    { name: 'test code', path: 'tests/conftest.py', code: 'os.environ["POSTGRES_PASSWORD"] = "postgres"\n' },
    { name: '.env.test', path: '.env.test', code: 'POSTGRES_PASSWORD=postgres\n' },
    { name: 'empty dotenv value means fill me in', path: '.env.example', code: 'POSTGRES_PASSWORD=\n' },
    { path: 'scripts/db.sh', code: '# docker run -e POSTGRES_PASSWORD=postgres postgres\n' },
    { path: 'README.md', code: 'docker run -e POSTGRES_PASSWORD=postgres postgres\n' },
    { name: 'an empty fallback of an environment read', path: 'app/db.py', code: 'import os\npw = os.environ.get("POSTGRES_PASSWORD", "")\n' },
    { name: 'a password different from the user and database names', code: `services:\n  db:\n    environment:\n      POSTGRES_USER: shop\n      POSTGRES_DB: shop\n      POSTGRES_PASSWORD: "${strong}"\n` },
    { name: 'the same host variable for user and password is not a value', code: 'services:\n  db:\n    environment:\n      - MYSQL_USER=${DB_SECRET}\n      - MYSQL_PASSWORD=${DB_SECRET}\n' },
  ],
  invalid: [
    {
      name: 'a compose password that repeats the user (preferred) or database name of the same service',
      code: 'services:\n  git:\n    ports:\n      - 3000:3000\n    environment:\n      - POSTGRES_DB=forge\n      - POSTGRES_USER=forge\n      - POSTGRES_PASSWORD=Forge\n  db:\n    environment:\n      MYSQL_DATABASE: wiki\n      MYSQL_ROOT_PASSWORD: wiki\n',
      errors: [
        {
          messageId: 'sameAsName', line: 8, column: 27, endColumn: 32, severity: 'warning',
          message: 'POSTGRES_PASSWORD repeats POSTGRES_USER: a password equal to the user or database name is among the first anyone tries',
          fixes: [{ title: 'Read POSTGRES_PASSWORD from the environment', applicability: 'unsafe', output: 'services:\n  git:\n    ports:\n      - 3000:3000\n    environment:\n      - POSTGRES_DB=forge\n      - POSTGRES_USER=forge\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}\n  db:\n    environment:\n      MYSQL_DATABASE: wiki\n      MYSQL_ROOT_PASSWORD: wiki\n' }],
        },
        { messageId: 'sameAsName', line: 12, column: 28, endColumn: 32, severity: 'info', message: /^MYSQL_ROOT_PASSWORD repeats MYSQL_DATABASE:/ },
      ],
    },
    {
      name: 'a default password as the fallback of an environment read',
      path: 'app/db.py',
      code: 'import os\npw = os.environ.get("POSTGRES_PASSWORD", "postgres")\n',
      errors: [{ messageId: 'default', line: 2 }],
    },
    {
      code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n',
      errors: [{
        messageId: 'default', line: 5, column: 26, endColumn: 34, message: 'POSTGRES_PASSWORD is set to a well-known default password; anyone who reaches the service can log in',
        fixes: [{ title: 'Read POSTGRES_PASSWORD from the environment', applicability: 'unsafe', output: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}\n' }],
      }],
    },
    {
      name: 'list form, quoted map value and an empty password',
      code: 'services:\n  minio:\n    environment:\n      - MINIO_ROOT_PASSWORD=minioadmin\n  mysql:\n    environment:\n      MYSQL_ROOT_PASSWORD: "root"\n      MYSQL_PASSWORD: ""\n',
      errors: [
        { messageId: 'default', line: 4, column: 29, endColumn: 39, fixes: [{ output: 'services:\n  minio:\n    environment:\n      - MINIO_ROOT_PASSWORD=${MINIO_ROOT_PASSWORD:?set MINIO_ROOT_PASSWORD}\n  mysql:\n    environment:\n      MYSQL_ROOT_PASSWORD: "root"\n      MYSQL_PASSWORD: ""\n' }] },
        { messageId: 'default', line: 7, column: 29, endColumn: 33 },
        { messageId: 'empty', line: 8, column: 7, endColumn: 21, fixes: [{ output: 'services:\n  minio:\n    environment:\n      - MINIO_ROOT_PASSWORD=minioadmin\n  mysql:\n    environment:\n      MYSQL_ROOT_PASSWORD: "root"\n      MYSQL_PASSWORD: "${MYSQL_PASSWORD:?set MYSQL_PASSWORD}"\n' }] },
      ],
    },
    {
      name: 'a service published only on loopback, or not at all: info',
      code: 'services:\n  db:\n    image: postgres\n    ports:\n      - "127.0.0.1:5432:5432"\n    environment:\n      POSTGRES_PASSWORD: pass\n  cache:\n    environment:\n      REDIS_PASSWORD: redis\n',
      errors: [{ messageId: 'default', line: 7, severity: 'info' }, { messageId: 'default', line: 10, severity: 'info' }],
    },
    {
      name: 'a service published on every interface, or on the host network: warning',
      code: 'services:\n  db:\n    ports:\n      - "127.0.0.1:8080:8080"\n      - "5432:5432"\n    environment:\n      POSTGRES_PASSWORD: pass\n  mq:\n    network_mode: host\n    environment:\n      RABBITMQ_DEFAULT_PASS: guest\n',
      errors: [{ messageId: 'default', line: 7, severity: 'warning' }, { messageId: 'default', line: 11, severity: 'warning' }],
    },
    {
      name: 'development compose file: info',
      path: 'docker-compose.dev.yml',
      code: 'services:\n  mq:\n    environment:\n      RABBITMQ_DEFAULT_PASS: guest\n',
      errors: [{ messageId: 'default', line: 4, severity: 'info' }],
    },
    { path: '.env', code: 'APP=1\nexport POSTGRES_PASSWORD="postgres"\nREDIS_PASSWORD=changeme # set me\n', errors: [{ messageId: 'default', line: 2, column: 27, endColumn: 35, fixes: [] }, { messageId: 'default', line: 3, column: 16, endColumn: 24 }] },
    { path: 'Dockerfile', code: 'FROM postgres:16\nENV POSTGRES_PASSWORD=postgres POSTGRES_DB=app\nENV MONGO_INITDB_ROOT_PASSWORD example\n', errors: [{ messageId: 'default', line: 2, column: 23, endColumn: 31 }, { messageId: 'default', line: 3, column: 32 }] },
    { path: 'scripts/dev-db.sh', code: 'docker run -d -e POSTGRES_PASSWORD=postgres -p 5432:5432 postgres:16\n', errors: [{ messageId: 'default', line: 1, column: 36, endColumn: 44 }] },
    { path: 'src/config.py', code: 'os.environ.setdefault("POSTGRES_PASSWORD", "admin")\n', errors: [{ messageId: 'default', line: 1, column: 45, endColumn: 50 }] },
  ],
});
