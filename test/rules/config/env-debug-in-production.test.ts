// Tests for config/env-debug-in-production.
import rule from '../../../server/src/engine/rules/config/env-debug-in-production';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: '.env.production',
  valid: [
    'APP_DEBUG=false\nLOG_LEVEL=info\n',
    { path: '.env.development', code: 'APP_DEBUG=true\nLOG_LEVEL=debug\n' },
    { path: '.env.local', code: 'APP_DEBUG=true\n' },
    { path: '.env.testing', code: 'APP_DEBUG=true\n' },
    { name: 'plain .env with APP_ENV=local', path: '.env', code: 'APP_ENV=local\nAPP_DEBUG=true\n' },
    { name: 'plain .env without APP_ENV', path: '.env', code: 'APP_DEBUG=true\n' },
    { name: 'Laravel .env.example', path: '.env.example', code: 'APP_ENV=local\nAPP_DEBUG=true\nLOG_LEVEL=debug\n' },
    { name: 'LOG_LEVEL=debug outside production files', path: '.env', code: 'APP_ENV=production\nLOG_LEVEL=debug\n' },
    '# APP_DEBUG=true\nLOG_LEVEL=warn\n',
  ],
  invalid: [
    {
      code: 'APP_NAME=shop\nAPP_DEBUG=true\n',
      errors: [{ messageId: 'appDebug', line: 2, column: 1, endColumn: 15, message: /in a production env file/, fixes: [{ title: 'Set APP_DEBUG=false', applicability: 'unsafe', output: 'APP_NAME=shop\nAPP_DEBUG=false\n' }] }],
    },
    {
      name: 'plain .env with APP_ENV=production',
      path: '.env',
      code: 'APP_ENV=production\nAPP_DEBUG="true"\n',
      errors: [{ messageId: 'appDebug', line: 2, column: 1, endColumn: 17, message: /APP_ENV=production/, fixes: [{ output: 'APP_ENV=production\nAPP_DEBUG="false"\n' }] }],
    },
    {
      path: 'prod.env',
      code: 'LOG_LEVEL=debug # temporary\nAPI_LOGGER_LEVEL=trace\n',
      errors: [
        { messageId: 'logLevel', line: 1, column: 1, endColumn: 16, fixes: [{ title: 'Set LOG_LEVEL=info', output: 'LOG_LEVEL=info # temporary\nAPI_LOGGER_LEVEL=trace\n' }] },
        { messageId: 'logLevel', line: 2, message: 'API_LOGGER_LEVEL=trace in a production env file: debug logs often contain tokens, passwords and personal data' },
      ],
    },
    { path: '.env.staging', code: 'APP_DEBUG=1\n', errors: [{ messageId: 'appDebug', line: 1 }] },
    {
      name: 'upper-case level keeps its case (Python logging takes INFO)',
      path: '.env.prod', code: 'LOG_LEVEL=DEBUG\n',
      errors: [{ messageId: 'logLevel', line: 1, fixes: [{ title: 'Set LOG_LEVEL=INFO', output: 'LOG_LEVEL=INFO\n' }] }],
    },
  ],
});
