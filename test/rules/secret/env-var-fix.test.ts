// Unit tests for the env-var fix helpers and the generic rule's name and value heuristics.
import * as assert from 'node:assert/strict';
import { appendLineChange, chooseEnvName, gitignoreCovers, parseDotenv, quoteDotenvValue } from '../../../server/src/engine/fixes/dotenv-edit';
import { envVarName, pythonImportOsEdit } from '../../../server/src/engine/fixes/env-var';
import { looksLikeSecret, secretKind } from '../../../server/src/engine/rules/secret/heuristics';
import { applyEdits, LineIndex } from '../../../server/src/engine/text';
import { password, token } from '../../helpers/secrets';

function withImport(src: string): string {
  const lines = new LineIndex(src);
  const e = pythonImportOsEdit(lines);
  return e ? applyEdits(src, [e]) : src;
}

describe('env-var fix helpers', () => {
  it('derives UPPER_SNAKE_CASE names', () => {
    assert.equal(envVarName('githubToken'), 'GITHUB_TOKEN');
    assert.equal(envVarName('db-password'), 'DB_PASSWORD');
    assert.equal(envVarName('APIKey'), 'API_KEY');
    assert.equal(envVarName('spring.datasource.password'), 'SPRING_DATASOURCE_PASSWORD');
    assert.equal(envVarName('$db_pass'), 'DB_PASS');
    assert.equal(envVarName('x-api-key'), 'X_API_KEY');
    assert.equal(envVarName('2fa_secret'), 'SECRET_2FA_SECRET');
    assert.equal(envVarName('--'), undefined);
  });

  it('parses dotenv lines (export, quotes, comments)', () => {
    const vars = parseDotenv('# c\nA=1\r\nexport B="two words"\nC=\'x#y\'\nD=plain # note\n');
    assert.deepEqual([...vars], [['A', '1'], ['B', 'two words'], ['C', 'x#y'], ['D', 'plain']]);
  });

  it('quotes values dotenv parsers would cut', () => {
    assert.equal(quoteDotenvValue('abc123'), 'abc123');
    assert.equal(quoteDotenvValue('a#b'), "'a#b'");
    assert.equal(quoteDotenvValue('a b'), "'a b'");
    assert.equal(quoteDotenvValue("it's"), '"it\'s"');
    assert.equal(quoteDotenvValue('a$b'), "'a$b'");
  });

  it('picks NAME, reuses a same-valued NAME, else NAME_2, NAME_3', () => {
    assert.deepEqual(chooseEnvName(new Map(), 'K', 'v'), { name: 'K', exists: false });
    assert.deepEqual(chooseEnvName(new Map([['K', 'v']]), 'K', 'v'), { name: 'K', exists: true });
    assert.deepEqual(chooseEnvName(new Map([['K', 'a']]), 'K', 'v'), { name: 'K_2', exists: false });
    assert.deepEqual(chooseEnvName(new Map([['K', 'a'], ['K_2', 'b']]), 'K', 'v'), { name: 'K_3', exists: false });
    assert.deepEqual(chooseEnvName(new Map([['K', 'a'], ['K_2', 'v']]), 'K', 'v'), { name: 'K_2', exists: true });
  });

  it('appends lines keeping line endings, creating missing files', () => {
    const apply = (text: string | undefined, line: string): string => applyEdits(text ?? '', appendLineChange('f', text, line).edits);
    assert.equal(apply(undefined, 'X=1'), 'X=1\n');
    assert.equal(appendLineChange('f', undefined, 'X=1').create, true);
    assert.equal(apply('', 'X=1'), 'X=1\n');
    assert.equal(apply('A=1\n', 'X=1'), 'A=1\nX=1\n');
    assert.equal(apply('A=1', 'X=1'), 'A=1\nX=1\n');
    assert.equal(apply('A=1\r\nB=2', 'X=1'), 'A=1\r\nB=2\r\nX=1\r\n');
  });

  it('checks .gitignore coverage like git', () => {
    assert.ok(gitignoreCovers('.env\n', '.env'));
    assert.ok(gitignoreCovers('.env*\n', '.env'));
    assert.ok(gitignoreCovers('*.env\n', '.env'));
    assert.ok(gitignoreCovers('**/.env\n', '.env'));
    assert.ok(!gitignoreCovers('.env.local\n', '.env'));
    assert.ok(!gitignoreCovers('.env*\n!.env\n', '.env'));
    assert.ok(!gitignoreCovers('# .env\nnode_modules\n', '.env'));
  });

  it('adds import os after shebang, coding line, docstring and __future__ imports', () => {
    assert.equal(withImport('x = 1\n'), 'import os\nx = 1\n');
    assert.equal(withImport(''), 'import os\n');
    assert.equal(withImport('# -*- coding: utf-8 -*-\nx = 1\n'), '# -*- coding: utf-8 -*-\nimport os\nx = 1\n');
    assert.equal(withImport('"""Doc."""'), '"""Doc."""\nimport os\n');
    assert.equal(withImport("'''\nMulti\n'''\nx = 1\n"), "'''\nMulti\n'''\nimport os\nx = 1\n");
    assert.equal(withImport('"""D."""\nfrom __future__ import (\n    annotations,\n)\nimport sys\n'), '"""D."""\nfrom __future__ import (\n    annotations,\n)\nimport os\nimport sys\n');
    assert.equal(withImport('"""D."""\r\nx = 1\r\n'), '"""D."""\r\nimport os\r\nx = 1\r\n');
    for (const has of ['import os\n', 'import sys, os\n', 'import os  # env\n', 'import json, os, re\n']) assert.equal(withImport(has + 'x = 1\n'), has + 'x = 1\n');
    assert.equal(withImport('import os.path\n'), 'import os\nimport os.path\n');
    assert.equal(withImport('def f():\n    import os\n'), 'import os\ndef f():\n    import os\n');
  });
});

describe('generic secret heuristics', () => {
  it('recognises secret-named keys in any case style', () => {
    for (const n of ['password', 'DB_PASSWORD', 'dbPassword', 'db-password', 'passwd', 'pwd', 'MYSQL_ROOT_PASSWORD', 'adminpassword', 'db_pass']) assert.equal(secretKind(n), 'password', n);
    for (const n of ['secret', 'client_secret', 'githubToken', 'api_key', 'apiKey', 'API-KEY', 'x-api-key', 'access_key', 'privateKey', 'auth_token', 'credentials', 'SECRET_KEY_BASE', 'refreshToken', 'apikey']) assert.equal(secretKind(n), 'secret', n);
    assert.equal(secretKind('Authorization'), 'authorization');
  });

  it('ignores names about secrets rather than holding them', () => {
    for (const n of ['passwordField', 'PASSWORD_MIN_LENGTH', 'token_url', 'tokenType', 'secretName', 'max_tokens', 'csrfToken', 'publicKey', 'password_hash', 'is_secret', 'tokenizer', 'nextPageToken', 'key', 'monkey', 'keyboard', 'passport', 'bypass', 'ACQUIRE_TOKEN_START', 'secret_arn']) assert.equal(secretKind(n), undefined, n);
  });

  it('accepts real-looking values and rejects placeholders, references and labels', () => {
    for (const v of [token(1), password(1), 'hunter2', 'Summer2024', 'Tr0ub4dor&3']) assert.ok(looksLikeSecret(v, 'password') || looksLikeSecret(v, 'secret'), v);
    assert.ok(looksLikeSecret(token(2), 'secret'));
    assert.ok(looksLikeSecret(token(2), 'secret', { strict: true }));
    assert.ok(!looksLikeSecret('hunter2', 'password', { strict: true }));
    for (const v of ['', 'changeme', 'your-api-key', '<token>', 'xxxxxxxxxxxx', '********', '${TOKEN}', '{{ token }}', '%TOKEN%', '$TOKEN', 'process.env.TOKEN',
      'two words', 'https://example.com/token', '/etc/secret', 'key.pem', '123e4567-e89b-12d3-a456-426614174000', 'true', '12345678', 'FlowPasswordRequiredResultV2',
      'msal:acquireTokenStart', 'GITHUB_TOKEN', 'db-password', 'password123', 'Password', 'P@ssw0rd', 'Pa$$w0rd!', 's3cr3t-K3y!', 'Adm1n@2024', 'sk_test_' + token(3), 'abcdefgh12345678', 'ENC(' + token(4) + ')', 'op://vault/item/field']) {
      assert.ok(!looksLikeSecret(v, 'password') && !looksLikeSecret(v, 'secret'), v);
    }
  });
});
