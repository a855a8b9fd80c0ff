// Tests for git/env-file-staged: which files, staged vs committed, and the .gitignore and unstage fixes.
import * as assert from 'node:assert/strict';
import rule, { gitignorePattern, isSecretEnvFile } from '../../../server/src/engine/rules/git/env-file-staged';
import { ruleTester } from '../../helpers/rule-tester';

const UNSTAGE = 'warden.unstageFile';

ruleTester(rule, {
  path: '.env',
  valid: [
    { name: 'no git: silent', code: 'API_TOKEN=abc\n' },
    { name: 'untracked', code: 'API_TOKEN=abc\n', git: { '.env': {} } },
    { name: 'ignored', code: 'API_TOKEN=abc\n', git: { '.env': { ignored: true } } },
    { name: 'a staged template', path: '.env.example', code: 'API_TOKEN=\n', git: { '.env.example': { staged: true } } },
    { name: 'a committed sample', path: 'config/.env.sample', code: 'API_TOKEN=\n', git: { 'config/.env.sample': { tracked: true } } },
    { path: '.env.template', code: 'A=\n', git: { '.env.template': { tracked: true } } },
    { path: '.env.dist', code: 'A=\n', git: { '.env.dist': { tracked: true } } },
    { path: '.env.defaults', code: 'A=\n', git: { '.env.defaults': { tracked: true } } },
    { path: '.env.local.example', code: 'A=\n', git: { '.env.local.example': { staged: true } } },
    { path: 'example.env', code: 'A=\n', git: { 'example.env': { staged: true } } },
    { name: 'dotenv-vault output is encrypted and meant to be committed', path: '.env.vault', code: 'DOTENV_VAULT_PRODUCTION="x"\n', git: { '.env.vault': { tracked: true } } },
    { name: 'test fixtures', path: 'test/fixtures/.env', code: 'A=1\n', git: { 'test/fixtures/.env': { tracked: true } } },
    { name: 'not a dotenv file', path: 'src/env.ts', code: 'export const env = 1;\n', git: { 'src/env.ts': { staged: true } } },
    { path: '.envrc', code: 'export A=1\n', git: { '.envrc': { staged: true } } },
    { name: "test runs' settings are committed by design (Next.js .env.test)", path: '.env.test', code: 'DATABASE_URL=postgres://postgres:postgres@localhost/app_test\n', git: { '.env.test': { tracked: true } } },
    { path: 'config/.env.testing', code: 'APP_ENV=testing\n', git: { 'config/.env.testing': { tracked: true } } },
    { path: '.env.ci', code: 'CI=true\n', git: { '.env.ci': { staged: true } } },
    { path: 'config/.env.e2e', code: 'BASE_URL=http://localhost:3000\n', git: { 'config/.env.e2e': { tracked: true } } },
  ],
  invalid: [
    {
      name: 'staged at the repo root, no .gitignore yet: create one',
      code: 'API_TOKEN=abc\nDEBUG=1\n',
      git: { '.env': { staged: true } },
      errors: [{
        messageId: 'staged', message: '.env is staged for commit; it will be committed with its secrets',
        line: 1, column: 1, endLine: 1, endColumn: 14, severity: 'error',
        fixes: [
          { title: 'Add .env to .gitignore', applicability: 'safe', files: { '.gitignore': '/.env\n' } },
          { title: 'Unstage .env (keep the file)', applicability: 'unsafe', command: UNSTAGE, files: { '.gitignore': null } },
        ],
      }],
    },
    {
      name: 'committed: appended to an existing .gitignore without a final newline, CRLF kept',
      code: 'API_TOKEN=abc\n',
      files: { '.gitignore': 'node_modules/\r\ndist/' },
      git: { '.env': { tracked: true } },
      errors: [{
        messageId: 'tracked', message: '.env is committed: its secrets are in git history; rotate them and remove it from the index',
        fixes: [
          { title: 'Add .env to .gitignore', files: { '.gitignore': 'node_modules/\r\ndist/\r\n/.env\r\n' } },
          { title: 'Stop tracking .env (keep the file)', command: UNSTAGE },
        ],
      }],
    },
    {
      name: 'committed and modified in the index: reported as committed',
      code: 'A=1\n',
      files: { '.gitignore': 'node_modules/\n' },
      git: { '.env': { tracked: true, staged: true } },
      errors: [{ messageId: 'tracked', fixes: [{ files: { '.gitignore': 'node_modules/\n/.env\n' } }, { command: UNSTAGE }] }],
    },
    {
      name: 'force-added although ignored: only the unstage fix',
      path: '.env.production',
      code: 'A=1\n',
      files: { '.gitignore': '.env*\n' },
      git: { '.env.production': { staged: true, ignored: true } },
      errors: [{ messageId: 'staged', fixes: [{ title: 'Unstage .env.production (keep the file)', command: UNSTAGE }] }],
    },
    {
      name: 'the exact pattern is already in .gitignore: only the unstage fix',
      code: 'A=1\n',
      files: { '.gitignore': '/.env\n' },
      git: { '.env': { tracked: true } },
      errors: [{ messageId: 'tracked', fixes: [{ command: UNSTAGE }] }],
    },
    {
      name: 'a nested repository: its own .gitignore, path relative to it',
      path: 'services/api/config/.env.local',
      code: 'DB_PASSWORD=x\n',
      files: { 'services/api/.gitignore': '# deps\nnode_modules\n' },
      git: { 'services/api/config/.env.local': { staged: true, repoRoot: 'services/api' } },
      errors: [{
        messageId: 'staged', message: /^services\/api\/config\/\.env\.local is staged/,
        fixes: [
          { title: 'Add services/api/config/.env.local to .gitignore', files: { 'services/api/.gitignore': '# deps\nnode_modules\nconfig/.env.local\n', '.gitignore': null } },
          { command: UNSTAGE },
        ],
      }],
    },
    {
      name: 'an empty file: reported at 0..0',
      path: 'prod.env',
      code: '',
      git: { 'prod.env': { staged: true } },
      errors: [{ messageId: 'staged', line: 1, column: 1, endLine: 1, endColumn: 1 }],
    },
    {
      name: 'first line ends at CRLF',
      code: 'A=1\r\nB=2\r\n',
      git: { '.env': { staged: true } },
      errors: [{ messageId: 'staged', line: 1, column: 1, endLine: 1, endColumn: 4 }],
    },
  ],
});

describe('git/env-file-staged helpers', () => {
  it('names: secret env files vs committed-by-design ones', () => {
    for (const p of ['.env', '.env.local', '.env.production', 'config/.env', 'prod.env', '.env.keys']) assert.ok(isSecretEnvFile(p), p);
    for (const p of ['.env.example', '.env.sample', '.env.template', '.env.dist', '.env.defaults', 'sample.env', 'env', '.envrc', 'x/testdata/.env', '.env.test', '.env.testing', 'test.env', '.env.e2e', '.env.bench', '.env.load']) {
      assert.ok(!isSecretEnvFile(p), p);
    }
  });

  it('gitignore patterns are anchored and escaped', () => {
    assert.equal(gitignorePattern('.env', ''), '/.env');
    assert.equal(gitignorePattern('app/.env', ''), 'app/.env');
    assert.equal(gitignorePattern('app/.env', 'app'), '/.env');
    assert.equal(gitignorePattern('[x]/#.env', ''), '\\[x\\]/#.env');
  });
});
