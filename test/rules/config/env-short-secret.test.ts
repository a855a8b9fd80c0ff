// Tests for config/env-short-secret.
import rule from '../../../server/src/engine/rules/config/env-short-secret';
import { ruleTester } from '../../helpers/rule-tester';
import { hexToken, token } from '../../helpers/secrets';

const long32 = token(5, 32);
const long64 = hexToken(6, 64);
const short20 = token(8, 20);
const short40 = hexToken(9, 40);

ruleTester(rule, {
  path: '.env',
  valid: [
    `INTERNAL_API_KEY=${long32}\nJWT_SECRET=${long64}\n`,
    'STRIPE_API_KEY=\nSENTRY_TOKEN=${SENTRY_TOKEN}\nMAIL_TOKEN=<your-token>\nGH_TOKEN=your_token_here\n',
    { path: '.env.development', code: 'JWT_SECRET=devsecret\n' },
    { path: '.env.test', code: 'API_KEY=abc\n' },
    { path: '.env.example', code: 'API_KEY=changeme\n' },
    'CSRF_TOKEN=abc\nNEXT_PUBLIC_API_KEY=pk_short\nTOKEN_URL=https://auth.example.com/token\nMAX_TOKENS=100\n',
    '# JWT_SECRET=short\n',
    { name: 'fake_/dummy_ placeholders', code: 'CRM_APP_SECRET=fake_app_secret\nCHAT_TOKEN=dummy-token\n' },
    { name: 'a file that sets its own environment to dev', path: '.env.perf', code: 'BASE_URL=http://localhost:4000\nENVIRONMENT=dev\nCRM_APP_SECRET=loadtest1\n' },
    { name: 'NODE_ENV=test in an unnamed env file', code: 'NODE_ENV="test"\nWEBHOOK_TOKEN=12345\n' },
  ],
  invalid: [
    {
      name: 'ENVIRONMENT=dev does not excuse a file named for production',
      path: '.env.production',
      code: 'ENVIRONMENT=dev\nWEBHOOK_TOKEN=12345\n',
      errors: [{ messageId: 'short', line: 2, column: 15 }],
    },
    {
      name: 'a variable that only ends in ENV is not the environment',
      code: 'PYENV=dev\nWEBHOOK_TOKEN=12345\n',
      errors: [{ messageId: 'short', line: 2, column: 15 }],
    },
    {
      code: 'APP_NAME=shop\nJWT_SECRET=supersecret\n',
      errors: [{ messageId: 'short', line: 2, column: 12, endColumn: 23, message: 'JWT_SECRET is only 11 characters; use at least 64 random characters (e.g. openssl rand -hex 32)' }],
    },
    {
      path: '.env.production',
      code: `PAYMENTS_API_KEY="${short20}"\nSESSION_SECRET=${short40}\nWEBHOOK_TOKEN=12345\n`,
      errors: [
        { messageId: 'short', line: 1, column: 19, endColumn: 39, message: /only 20 characters; use at least 32/ },
        { messageId: 'short', line: 2, column: 16, message: /only 40 characters; use at least 64/ },
        { messageId: 'short', line: 3, column: 15 },
      ],
    },
  ],
});
