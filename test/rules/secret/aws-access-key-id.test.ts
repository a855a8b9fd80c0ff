// Tests for secret/aws-access-key-id: detection, allowlisted examples, .env handling and the env-var fix.
import rule from '../../../server/src/engine/rules/secret/aws-access-key-id';
import { ruleTester } from '../../helpers/rule-tester';
import { ALPHABETS, awsKeyId, hexToken, sampleSecret } from '../../helpers/secrets';

const key = awsKeyId(1);
const temp = awsKeyId(2, 'ASIA');
const docKey = 'AKIA' + 'IOSFODNN7' + 'EXAMPLE';

ruleTester(rule, {
  path: 'src/config.ts',
  valid: [
    `const key = "${docKey}";`,
    { code: `aws_access_key_id = ${docKey}\n`, path: 'docs/setup.ini' },
    `const key = "${'AKIA' + 'A'.repeat(16)}";`,
    `const key = "${'AKIA' + 'ABCDEFGHIJKLMNOP'}";`,
    `const key = "${'AKIA' + 'Z'.repeat(4) + 'Y'.repeat(12)}";`,
    `const key = "${key.toLowerCase()}";`,
    `const id = "X${key}";`,
    `const id = "${key}7";`,
    `const id = "${key.slice(0, 19)}";`,
    `const id = "${'AKIA' + '0189' + sampleSecret(ALPHABETS.base32, 12, 4)}";`,
    `const sha = "${hexToken(3)}";`,
    `// no key here, only the word AKIA\nconst prefix = "AKIA";`,
  ],
  invalid: [
    {
      name: 'JS constant: moved to AWS_ACCESS_KEY_ID, .env and .gitignore created',
      code: `const key = "${key}";\n`,
      errors: [{
        messageId: 'found',
        message: 'AWS access key id AKIA************4KDH is hardcoded; load it from the environment',
        line: 1, column: 14, endLine: 1, endColumn: 34, severity: 'error',
        fixes: [{
          title: 'Move secret to environment variable AWS_ACCESS_KEY_ID',
          applicability: 'unsafe',
          output: 'const key = process.env.AWS_ACCESS_KEY_ID;\n',
          files: { '.env': `AWS_ACCESS_KEY_ID=${key}\n`, '.gitignore': '.env\n' },
        }],
      }],
    },
    {
      name: 'Python keyword argument: import os added',
      path: 'app/s3.py',
      code: `import boto3\n\nclient = boto3.client("s3", aws_access_key_id='${temp}')\n`,
      files: { '.gitignore': 'node_modules/\n.env*\n' },
      errors: [{
        messageId: 'found', line: 3, column: 48,
        fixes: [{
          output: `import os\nimport boto3\n\nclient = boto3.client("s3", aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"])\n`,
          files: { '.env': `AWS_ACCESS_KEY_ID=${temp}\n`, '.gitignore': null },
        }],
      }],
    },
    {
      name: 'same value already in .env: reused, .env untouched',
      code: `export const creds = { accessKeyId: '${key}' };`,
      files: { '.env': `AWS_ACCESS_KEY_ID=${key}\n`, '.gitignore': '.env\n' },
      errors: [{
        messageId: 'found',
        fixes: [{ output: 'export const creds = { accessKeyId: process.env.AWS_ACCESS_KEY_ID };', files: { '.env': null, '.gitignore': null } }],
      }],
    },
    {
      name: 'a local .env is where keys belong: informational, no fix',
      path: '.env',
      code: `AWS_ACCESS_KEY_ID=${key}\nAWS_REGION=eu-west-1\n`,
      errors: [{ messageId: 'dotenv', message: 'AWS access key id AKIA************4KDH is stored in .env; keep this file out of version control', severity: 'info', line: 1, column: 19, fixes: [] }],
    },
    {
      name: '.env.example is committed: a real key there is an error',
      path: '.env.example',
      code: `AWS_ACCESS_KEY_ID=${key}\n`,
      errors: [{ messageId: 'found', severity: 'error', fixes: [] }],
    },
    {
      name: 'YAML and JSON cannot reference the environment: no fix',
      path: 'deploy/values.yaml',
      code: `aws:\n  accessKeyId: ${temp}\n`,
      errors: [{ messageId: 'found', line: 2, column: 16, fixes: [] }],
    },
    {
      name: 'JSON',
      path: 'config/prod.json',
      code: `{ "aws": { "key": "${key}", "other": "${awsKeyId(3, 'A3TX')}" } }`,
      errors: [{ messageId: 'found', fixes: [{ applicability: 'displayOnly' }] }, { messageId: 'found', fixes: [{ applicability: 'displayOnly' }] }],
    },
    {
      name: 'inside a URL query string',
      path: 'README.txt',
      code: `https://bucket.s3.amazonaws.com/f?AWSAccessKeyId=${key}&Expires=1`,
      errors: [{ messageId: 'found', column: 50 }],
    },
    {
      name: 'a template literal is rewritten too',
      code: 'const k = `' + key + '`;',
      files: { '.gitignore': '*.env\n.env\n' },
      errors: [{ messageId: 'found', fixes: [{ output: 'const k = process.env.AWS_ACCESS_KEY_ID;', files: { '.gitignore': null } }] }],
    },
    {
      name: 'an f-string is left alone (no fix)',
      path: 'a.py',
      code: `k = f"${key}"`,
      errors: [{ messageId: 'found', fixes: [] }],
    },
  ],
});
