// Dotenv templates (.env.example, .env.template, .env.sample) through the secret rules: placeholders stay clean, real values do not.
import genericSecret from '../../../server/src/engine/rules/secret/generic-secret';
import awsAccessKeyId from '../../../server/src/engine/rules/secret/aws-access-key-id';
import * as assert from 'node:assert/strict';
import { checkFile, MemoryHost } from '../../../server/src/engine';
import { ruleTester } from '../../helpers/rule-tester';
import { awsKeyId, password, token } from '../../helpers/secrets';

const PLACEHOLDERS = [
  'API_KEY=',
  'API_KEY=your-api-key-here',
  'API_TOKEN=<your token>',
  'DB_PASSWORD=changeme',
  'DB_PASSWORD=password',
  'SECRET_KEY=replace-me',
  'JWT_SECRET=${JWT_SECRET}',
  'SESSION_SECRET=xxxxxxxxxxxxxxxx',
  'CLIENT_SECRET="..."',
  'DATABASE_URL=postgres://postgres:postgres@localhost:5432/app',
  'REDIS_PASSWORD= # set me',
  'STRIPE_SECRET_KEY=sk_test_' + 'x'.repeat(24),
  'AWS_SECRET_ACCESS_KEY=',
].join('\n') + '\n';

const AWS_DOCS_KEY = 'AKIA' + 'IOSFODNN7' + 'EXAMPLE';

for (const rule of [genericSecret, awsAccessKeyId]) {
  ruleTester(rule, {
    path: '.env.example',
    valid: [
      { name: 'placeholders in .env.example', code: PLACEHOLDERS },
      { name: 'placeholders in .env.template', path: '.env.template', code: PLACEHOLDERS },
      { name: 'placeholders in config/.env.sample', path: 'config/.env.sample', code: PLACEHOLDERS },
      { name: "AWS's documentation key", code: `AWS_ACCESS_KEY_ID=${AWS_DOCS_KEY}\n` },
    ],
    invalid: rule === genericSecret
      ? [
        { name: 'a real-looking token in .env.example', code: `API_TOKEN=${token(21)}\n`, errors: [{ messageId: 'found', line: 1, column: 11 }] },
        { name: 'a real-looking password in .env.template', path: '.env.template', code: `API_KEY=\nDB_PASSWORD=${password(4)}\n`, errors: [{ messageId: 'found', line: 2, column: 13 }] },
      ]
      : [{ name: 'a real-looking AWS key in .env.example', code: `AWS_ACCESS_KEY_ID=${awsKeyId(5)}\n`, errors: [{ messageId: 'found', line: 1, column: 19 }] }],
  });
}

describe('dotenv templates through every registered rule', () => {
  for (const path of ['.env.example', '.env.template', '.env.sample', '.env.dist']) {
    it(`placeholders in ${path} are clean`, async () => {
      const r = await checkFile({ path, text: PLACEHOLDERS + `AWS_ACCESS_KEY_ID=${AWS_DOCS_KEY}\n` }, new MemoryHost());
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`), []);
    });
  }
});
