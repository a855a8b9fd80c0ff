// Tests for config/tls-sslmode-disable: PostgreSQL DSNs and MySQL JDBC URLs with TLS turned off, in code.
import rule from '../../../server/src/engine/rules/config/tls-sslmode-disable';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: 'internal/db/db.go',
  valid: [
    'dsn := "postgres://app@localhost:5432/app?sslmode=disable"',
    'dsn := "host=127.0.0.1 user=app sslmode=disable"',
    'dsn := "postgres://app@db.example.com/app?sslmode=verify-full"',
    '// dsn := "host=db.example.com sslmode=disable"',
    { path: 'internal/db/db_test.go', code: 'dsn := "host=db sslmode=disable"' },
    { path: 'test/setup.ts', code: "const url = 'postgres://app@db/app?sslmode=disable';" },
    { path: 'db.py', code: 'msg = "use sslmode=disable only locally"\nsslmode_disable = True\n' },
    { path: 'Db.java', code: 'String s = "useSSL=false";  // not a JDBC URL\n' },
    { path: 'README.md', code: 'postgres://app@db/app?sslmode=disable' },
    { name: 'a regular expression that looks for the setting', path: 'src/check.ts', code: 'if (!/sslmode=disable|useSSL=false/i.test(text)) return;\n' },
  ],
  invalid: [
    {
      name: 'Go: key-value DSN',
      code: 'dsn := "host=db.internal user=app dbname=app sslmode=disable"\n',
      errors: [{
        messageId: 'sslmodeDisable', line: 1, column: 46, endColumn: 61, severity: 'warning',
        message: 'sslmode=disable sends the database password and data in clear text; use sslmode=verify-full (or at least require)',
        fixes: [{ title: 'Use sslmode=require', applicability: 'unsafe', output: 'dsn := "host=db.internal user=app dbname=app sslmode=require"\n' }],
      }],
    },
    {
      name: 'TS: template URL with an unknown host',
      path: 'src/db.ts',
      code: 'const url = `postgres://${user}:${pw}@${host}:5432/app?sslmode=disable`;\n',
      errors: [{ messageId: 'sslmodeDisable', column: 56, endColumn: 71, fixes: [{ output: 'const url = `postgres://${user}:${pw}@${host}:5432/app?sslmode=require`;\n' }] }],
    },
    {
      name: 'Python: SQLAlchemy URL',
      path: 'app/db.py',
      code: 'engine = create_engine("postgresql://app@db.example.com/app?sslmode=disable")\n',
      errors: [{ messageId: 'sslmodeDisable', column: 61, endColumn: 76 }],
    },
    {
      name: 'Python: a DSN suffix on its own',
      path: 'app/db.py',
      code: 'url = base + "?sslmode=disable"\n',
      errors: [{ messageId: 'sslmodeDisable', column: 16, endColumn: 31 }],
    },
    {
      name: 'Java: MySQL JDBC useSSL=false',
      path: 'src/main/java/Db.java',
      code: 'String url = "jdbc:mysql://db.example.com:3306/app?useSSL=false&serverTimezone=UTC";\n',
      errors: [{
        messageId: 'mysqlSslOff', message: /^useSSL=false sends/, column: 52, endColumn: 64,
        fixes: [{ title: 'Turn TLS on (useSSL=true)', applicability: 'unsafe', output: 'String url = "jdbc:mysql://db.example.com:3306/app?useSSL=true&serverTimezone=UTC";\n' }],
      }],
    },
    {
      name: 'Kotlin: sslMode=DISABLED',
      path: 'Db.kt',
      code: 'val url = "jdbc:mysql://db:3306/app?sslMode=DISABLED"\n',
      errors: [{ messageId: 'mysqlSslOff', column: 37, endColumn: 53, fixes: [{ title: 'Turn TLS on (sslMode=REQUIRED)', output: 'val url = "jdbc:mysql://db:3306/app?sslMode=REQUIRED"\n' }] }],
    },
  ],
});
