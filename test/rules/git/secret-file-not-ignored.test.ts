// Tests for git/secret-file-not-ignored: untracked secret files outside .gitignore, and the "Add to .gitignore" fix.
import rule from '../../../server/src/engine/rules/git/secret-file-not-ignored';
import { ruleTester } from '../../helpers/rule-tester';
import { certificate, privateKey, token } from './samples';

const untracked = (path: string) => ({ [path]: {} });
const tok = token(9);

ruleTester(rule, {
  path: '.env',
  valid: [
    { name: 'no git: silent', code: 'A=1\n' },
    { name: 'ignored', code: 'A=1\n', git: { '.env': { ignored: true } } },
    { name: 'staged: git/env-file-staged reports it', code: 'A=1\n', git: { '.env': { staged: true } } },
    { name: 'committed', code: 'A=1\n', git: { '.env': { tracked: true } } },
    { name: 'a template is meant to be committed', path: '.env.example', code: 'API_TOKEN=\n', git: untracked('.env.example') },
    { name: 'a certificate', path: 'certs/ca.pem', code: certificate(), git: untracked('certs/ca.pem') },
    { name: 'a public key', path: 'id_ed25519.pub', code: 'ssh-ed25519 AAAA me\n', git: untracked('id_ed25519.pub') },
    { name: 'an .npmrc without credentials', path: '.npmrc', code: 'engine-strict=true\n', git: untracked('.npmrc') },
    { name: 'source code', path: 'src/env.ts', code: 'export {};\n', git: untracked('src/env.ts') },
  ],
  invalid: [
    {
      name: '.env with no .gitignore: one is created',
      code: 'API_TOKEN=abc\n',
      git: untracked('.env'),
      errors: [{
        messageId: 'notIgnored', message: '.env (dotenv file) is not covered by .gitignore; `git add -A` or `git commit -a` would commit it',
        line: 1, column: 1, endLine: 1, endColumn: 14, severity: 'warning',
        fixes: [{ title: 'Add .env to .gitignore', applicability: 'safe', files: { '.gitignore': '.env\n' } }],
      }],
    },
    {
      name: '.env.local next to a template: .env.* and a re-include, CRLF kept',
      path: '.env.local',
      code: 'A=1\r\n',
      files: { '.gitignore': 'node_modules/\r\n', '.env.example': 'A=\r\n' },
      git: untracked('.env.local'),
      errors: [{ messageId: 'notIgnored', fixes: [{ files: { '.gitignore': 'node_modules/\r\n.env.*\r\n!.env.example\r\n', '.env.example': null } }] }],
    },
    {
      name: 'the patterns are already there (negated later): no fix',
      path: '.env.production',
      code: 'A=1\n',
      files: { '.gitignore': '.env.*\n!.env.production\n' },
      git: untracked('.env.production'),
      errors: [{ messageId: 'notIgnored', fixes: [] }],
    },
    {
      name: 'a .env in a subfolder: every .env is ignored',
      path: 'apps/web/.env',
      code: 'A=1\n',
      files: { '.gitignore': 'dist' },
      git: untracked('apps/web/.env'),
      errors: [{ messageId: 'notIgnored', message: /^apps\/web\/\.env \(dotenv file\)/, fixes: [{ files: { '.gitignore': 'dist\n.env\n' } }] }],
    },
    {
      name: 'an SSH key: its own anchored path',
      path: 'id_rsa',
      code: privateKey(),
      git: untracked('id_rsa'),
      errors: [{ messageId: 'notIgnored', message: /^id_rsa \(private key\)/, line: 1, column: 1, endColumn: 28, fixes: [{ title: 'Add id_rsa to .gitignore', files: { '.gitignore': '/id_rsa\n' } }] }],
    },
    {
      name: 'a nested repository: its own .gitignore',
      path: 'packages/api/.env',
      code: 'A=1\n',
      files: { 'packages/api/.gitignore': 'node_modules\n' },
      git: { 'packages/api/.env': { repoRoot: 'packages/api' } },
      errors: [{ messageId: 'notIgnored', fixes: [{ files: { 'packages/api/.gitignore': 'node_modules\n.env\n', '.gitignore': null } }] }],
    },
    {
      name: 'an .npmrc with a token',
      path: '.npmrc',
      code: `//npm.pkg.github.com/:_authToken=${tok}\n`,
      git: untracked('.npmrc'),
      errors: [{ messageId: 'notIgnored', message: /^\.npmrc \(npm credentials\)/, fixes: [{ files: { '.gitignore': '/.npmrc\n' } }] }],
    },
    {
      name: 'a key under a test folder says so',
      path: 'spec/keys/test.pem',
      code: privateKey(3),
      git: untracked('spec/keys/test.pem'),
      errors: [{ messageId: 'notIgnored', severity: 'warning', message: /would commit it \(in a test file\)$/ }],
    },
  ],
});
