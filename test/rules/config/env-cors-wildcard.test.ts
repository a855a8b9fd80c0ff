// Tests for config/env-cors-wildcard.
import rule from '../../../server/src/engine/rules/config/env-cors-wildcard';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: '.env',
  valid: [
    'CORS_ORIGIN=https://app.example.com\n',
    'CORS_ORIGINS=https://a.example.com,https://b.example.com\n',
    { path: '.env.development', code: 'CORS_ORIGIN=*\n' },
    { path: '.env.local', code: 'CORS_ORIGIN=*\nCORS_CREDENTIALS=true\n' },
    'CORS_ORIGIN=${FRONTEND_URL}\n',
    '# CORS_ORIGIN=*\n',
    'CORS_ORIGIN=*.example.com\n',
  ],
  invalid: [
    { code: 'PORT=3000\nCORS_ORIGIN=*\n', errors: [{ messageId: 'wildcard', line: 2, column: 1, endColumn: 14, severity: 'warning' }] },
    {
      path: '.env.production',
      code: 'CORS_ALLOWED_ORIGINS="*"\nCORS_CREDENTIALS=true\n',
      errors: [{ messageId: 'withCredentials', line: 1, column: 1, endColumn: 25, severity: 'error', message: /CORS_ALLOWED_ORIGINS=\* with CORS_CREDENTIALS=true/ }],
    },
    { path: '.env.example', code: 'APP_CORS_ORIGINS=https://a.example.com, *\n', errors: [{ messageId: 'wildcard', line: 1 }] },
  ],
});
