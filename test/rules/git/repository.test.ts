// The pure repository check over MemoryHost: which files it reports, in which mode, with which rules and levels.
import * as assert from 'node:assert/strict';
import { MemoryHost, type GitFileStatus } from '../../../server/src/engine';
import envFileStaged from '../../../server/src/engine/rules/git/env-file-staged';
import { checkRepository } from '../../../server/src/engine/rules/git/repository';
import secretFileCommitted from '../../../server/src/engine/rules/git/secret-file-committed';
import secretFileNotIgnored from '../../../server/src/engine/rules/git/secret-file-not-ignored';
import { privateKey, sqliteText } from './samples';

const ruleSet = [envFileStaged, secretFileCommitted, secretFileNotIgnored];

function host(files: Record<string, string>, git?: Record<string, Partial<GitFileStatus>>): MemoryHost {
  return new MemoryHost(new Map(Object.entries(files)), git && new Map(Object.entries(git)));
}

describe('checkRepository (MemoryHost)', () => {
  const files = { 'app.db': sqliteText(), id_rsa: privateKey(), '.env': 'A=1\n', 'src/a.ts': 'x', 'cache.db': sqliteText(), 'old.db': sqliteText() };
  const git = { 'app.db': { staged: true }, id_rsa: { staged: true }, '.env': { tracked: true }, 'cache.db': {}, 'old.db': { ignored: true } };

  it('by default reports only what checkFile cannot read, and lists every secret file', async () => {
    const r = await checkRepository(host(files, git), { ruleSet });
    assert.equal(r.available, true);
    assert.deepEqual(r.findings.map((f) => `${f.path} ${f.ruleId} ${f.messageId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`), [
      'app.db git/secret-file-committed staged 1:1-1:1',
      'cache.db git/secret-file-not-ignored notIgnored 1:1-1:1',
    ]);
    assert.deepEqual(r.files.map((f) => `${f.path} ${f.state} ${f.ruleId} ${f.checkable}`), [
      '.env tracked git/env-file-staged true',
      'app.db staged git/secret-file-committed false',
      'cache.db untracked git/secret-file-not-ignored false',
      'id_rsa staged git/secret-file-committed true',
    ]);
    assert.deepEqual(r.errors, []);
  });

  it('`all` adds the text files through their rules, with the same findings checkFile gives', async () => {
    const r = await checkRepository(host(files, git), { ruleSet, report: 'all' });
    assert.deepEqual(r.findings.map((f) => `${f.path} ${f.ruleId} ${f.line}:${f.column}-${f.endColumn}`), [
      '.env git/env-file-staged 1:1-4',
      'app.db git/secret-file-committed 1:1-1',
      'cache.db git/secret-file-not-ignored 1:1-1',
      'id_rsa git/secret-file-committed 1:1-28',
    ]);
  });

  it('fingerprints are stable per file and state', async () => {
    const a = await checkRepository(host(files, git), { ruleSet });
    const b = await checkRepository(host({ ...files, 'app.db': sqliteText() + '\u0000more' }, git), { ruleSet });
    assert.deepEqual(a.findings.map((f) => f.fingerprint), b.findings.map((f) => f.fingerprint));
  });

  it('`paths` limits the check to the given files (the staged ones)', async () => {
    const r = await checkRepository(host(files, git), { ruleSet, paths: ['app.db', 'src/a.ts'] });
    assert.deepEqual(r.findings.map((f) => f.path), ['app.db']);
  });

  it('rules outside the rule set or turned off do not report; levels apply', async () => {
    assert.deepEqual((await checkRepository(host(files, git), { ruleSet: [envFileStaged] })).findings, []);
    const r = await checkRepository(host(files, git), { ruleSet, rules: { 'git/secret-file-not-ignored': 'off', 'git/secret-file-committed': 'warning' } });
    assert.deepEqual(r.findings.map((f) => `${f.path} ${f.severity}`), ['app.db warning']);
  });

  it('no git: unavailable and silent', async () => {
    const r = await checkRepository(host(files), { ruleSet });
    assert.deepEqual(r, { findings: [], files: [], available: false, errors: [] });
    assert.equal((await checkRepository(host(files), { ruleSet, paths: ['app.db'] })).available, false);
    assert.equal((await checkRepository({ readFile: async () => undefined }, { ruleSet })).available, false);
  });

  it('stops when cancelled', async () => {
    const r = await checkRepository(host(files, git), { ruleSet, token: { cancelled: true } });
    assert.deepEqual(r.findings, []);
  });
});
