// Builds the editor tests' workspace at run time: one file per rule category and a git repo with a staged .env.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { awsKeyId, token } from '../helpers/secrets';
import { git, initRepo, write } from '../helpers/workspace';

export interface Fixture {
  folder: string;
  /** Secret-shaped values written into the files, for assertions on the fix's .env edits. */
  secrets: { apiKey: string; awsKeyId: string };
}

/** Relative paths of the fixture files, by what they exercise. */
export const FILES = {
  tls: 'src/tls.js',
  sql: 'src/db.js',
  pythonSecret: 'app/settings.py',
  jsSecret: 'src/config.js',
  aws: 'src/aws.js',
  /** Never opened by the tests: only the workspace audit can report it. */
  auditOnly: 'jobs/worker.js',
  env: '.env',
} as const;

export function createFixture(folder: string): Fixture {
  fs.mkdirSync(folder, { recursive: true });
  const apiKey = token(7);
  const aws = awsKeyId(7);
  write(folder, {
    [FILES.tls]: "const https = require('https');\n\nconst agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });\n\nmodule.exports = { agent };\n",
    [FILES.sql]:
      "const { Pool } = require('pg');\n\nconst pool = new Pool();\n\n" +
      'async function findUser(name) {\n  return pool.query(`SELECT * FROM users WHERE name = \'${name}\'`);\n}\n\nmodule.exports = { findUser };\n',
    [FILES.pythonSecret]: `"""Application settings."""\n\nDEBUG = False\napi_key = "${apiKey}"\n`,
    [FILES.jsSecret]: `// Client configuration.\nconst stripeSecret = "${token(8)}";\n\nmodule.exports = { stripeSecret };\n`,
    [FILES.aws]: `const { S3Client } = require('@aws-sdk/client-s3');\n\nexports.s3 = new S3Client({ credentials: { accessKeyId: '${aws}', secretAccessKey: process.env.AWS_SECRET } });\n`,
    [FILES.auditOnly]: "const https = require('https');\n\nhttps.get('https://internal.example', { rejectUnauthorized: false }, () => {});\n",
    [FILES.env]: 'DATABASE_URL=postgres://localhost/app\n',
    'README.md': '# Demo app\n',
  });
  initRepo(folder);
  git(folder, 'add', '--', FILES.env, 'README.md');
  return { folder, secrets: { apiKey, awsKeyId: aws } };
}

// `node out/vscode/fixture.js <dir>` creates a fixture for trying things by hand.
if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? 'warden-fixture');
  createFixture(dir);
  console.log(dir);
}
