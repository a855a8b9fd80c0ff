// The repository check against real temporary git repositories: staged, committed, ignored, untracked, nested, submodule, worktree, no git.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { auditFolder } from '../../server/src/audit';
import envFileStaged from '../../server/src/engine/rules/git/env-file-staged';
import { checkRepository, type SecretFileEntry } from '../../server/src/engine/rules/git/repository';
import secretFileCommitted from '../../server/src/engine/rules/git/secret-file-committed';
import secretFileNotIgnored from '../../server/src/engine/rules/git/secret-file-not-ignored';
import { NodeHost } from '../../server/src/host-node';
import { certificate, privateKey, sqlite } from '../rules/git/samples';
import { git, initRepo, write } from '../helpers/workspace';

const ruleSet = [envFileStaged, secretFileCommitted, secretFileNotIgnored];
const DER = Buffer.from([0x30, 0x82, 0x02, 0x00, 0x02, 0x01, 0x00, 0x00]);

function summary(files: SecretFileEntry[]): string[] {
  return files.map((f) => `${f.path} ${f.state}${f.staged && f.state === 'tracked' ? '+staged' : ''} ${f.kind} root=${f.repoRoot} ${f.checkable ? 'text' : 'binary'}`);
}

describe('checkRepository on real repositories', function () {
  this.timeout(30_000);
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-repo-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('staged, committed, ignored and untracked files, binary ones included', async () => {
    initRepo(tmp);
    write(tmp, '.gitignore', 'ignored.db\n');
    write(tmp, 'data/app.db', sqlite());
    write(tmp, 'ignored.db', sqlite());
    write(tmp, 'release.p12', DER);
    write(tmp, 'id_rsa', privateKey());
    write(tmp, 'cache.sqlite', sqlite());
    write(tmp, 'certs/ca.pem', certificate());
    write(tmp, 'src/app.js', 'x\n');
    write(tmp, 'node_modules/lib/test/key.pem', privateKey(2));
    git(tmp, 'add', '.gitignore', 'release.p12', 'certs/ca.pem', 'src/app.js');
    git(tmp, 'commit', '-q', '-m', 'init');
    git(tmp, 'add', 'data/app.db', 'id_rsa');

    const host = new NodeHost(tmp);
    const all = await checkRepository(host, { report: 'all', ruleSet });
    assert.equal(all.available, true);
    assert.deepEqual(summary(all.files), [
      'cache.sqlite untracked database root= binary',
      'data/app.db staged database root= binary',
      'id_rsa staged private-key root= text',
      'release.p12 tracked keystore root= binary',
    ]);
    assert.deepEqual(all.findings.map((f) => `${f.path} ${f.ruleId} ${f.messageId} ${f.severity} ${f.line}:${f.column}`), [
      'cache.sqlite git/secret-file-not-ignored notIgnored warning 1:1',
      'data/app.db git/secret-file-committed staged error 1:1',
      'id_rsa git/secret-file-committed staged error 1:1',
      'release.p12 git/secret-file-committed tracked error 1:1',
    ]);
    const db = all.findings[1];
    assert.equal(db.message, 'data/app.db (database) is staged for commit; its contents would go into the repository');
    assert.deepEqual(db.fixes.map((f) => f.title), ['Add data/app.db to .gitignore', 'Unstage data/app.db (keep the file)']);
    assert.deepEqual(db.fixes[0].changes[0].edits.map((e) => e.newText), ['data/app.db\n']);
    assert.match(all.findings[3].message, /in git history: rotate the secrets/);

    // By default only what a per-file check cannot read: the text key is left to checkFile.
    const uncovered = await checkRepository(host, { ruleSet });
    assert.deepEqual(uncovered.findings.map((f) => f.path), ['cache.sqlite', 'data/app.db', 'release.p12']);

    const off = await checkRepository(host, { ruleSet, rules: { 'git/secret-file-committed': 'off', 'git/secret-file-not-ignored': 'error' } });
    assert.deepEqual(off.findings.map((f) => `${f.path} ${f.severity}`), ['cache.sqlite error']);
    assert.equal(off.files.length, 4, 'a disabled rule still lists its files');
  });

  it('the folder audit reports binary secret files once, text ones through their rule, and honours excludes', async () => {
    initRepo(tmp);
    write(tmp, 'db/prod.sqlite3', sqlite());
    write(tmp, 'keys/deploy.pem', privateKey());
    write(tmp, 'vendor/x.db', sqlite());
    git(tmp, 'add', '.');
    const host = new NodeHost(tmp);
    const r = await auditFolder(tmp, { host, ruleSet, exclude: ['vendor/**'] });
    assert.deepEqual(r.findings.map((f) => `${f.path} ${f.ruleId} ${f.messageId}`), [
      'db/prod.sqlite3 git/secret-file-committed staged',
      'keys/deploy.pem git/secret-file-committed staged',
    ]);
    assert.ok(r.skipped.some((s) => s.path === 'db/prod.sqlite3' && /binary/.test(s.reason)));
    const noRepo = await auditFolder(tmp, { host, ruleSet, repository: false });
    assert.deepEqual(noRepo.findings.map((f) => f.path), ['keys/deploy.pem']);
  });

  it('binary files under test folders are marked like checkFile marks its findings, and follow testPaths', async () => {
    initRepo(tmp);
    write(tmp, 'test/fixtures/sample.db', sqlite());
    git(tmp, 'add', '.');
    const host = new NodeHost(tmp);
    const same = await checkRepository(host, { ruleSet });
    assert.deepEqual(same.findings.map((f) => `${f.severity} ${f.message}`), [
      'error test/fixtures/sample.db (database) is staged for commit; its contents would go into the repository (in a test file)',
    ]);
    assert.deepEqual((await checkRepository(host, { ruleSet, testPaths: 'lower' })).findings.map((f) => f.severity), ['warning']);
    assert.deepEqual((await checkRepository(host, { ruleSet, testPaths: 'off' })).findings, []);
  });

  it('nested repositories: each file against its own repository', async () => {
    initRepo(tmp);
    write(tmp, 'README.md', 'x\n');
    git(tmp, 'add', 'README.md');
    const api = path.join(tmp, 'packages/api');
    initRepo(api);
    write(api, 'keys.jks', DER);
    write(api, '.gitignore', 'local.db\n');
    write(api, 'local.db', sqlite());
    git(api, 'add', 'keys.jks');
    write(tmp, '.env', 'A=1\n');
    const r = await checkRepository(new NodeHost(tmp), { report: 'all', ruleSet });
    assert.deepEqual(summary(r.files), [
      '.env untracked dotenv root= text',
      'packages/api/keys.jks staged keystore root=packages/api binary',
    ]);
    const jks = r.findings.find((f) => f.path === 'packages/api/keys.jks')!;
    assert.equal(jks.fixes[0].changes[0].path, 'packages/api/.gitignore');
    assert.equal(jks.fixes[0].changes[0].edits[0].newText, '/keys.jks\n');
  });

  it('a folder that is not a repository: the repositories below it', async () => {
    initRepo(path.join(tmp, 'one'));
    initRepo(path.join(tmp, 'group/two'));
    write(tmp, 'one/a.db', sqlite());
    write(tmp, 'group/two/b.kdbx', DER);
    git(path.join(tmp, 'one'), 'add', 'a.db');
    const host = new NodeHost(tmp, { gitEnv: { ...process.env, GIT_CEILING_DIRECTORIES: path.dirname(tmp) } });
    const r = await checkRepository(host, { ruleSet });
    assert.deepEqual(r.findings.map((f) => `${f.path} ${f.messageId}`), ['group/two/b.kdbx notIgnored', 'one/a.db staged']);
  });

  it('submodules: the gitlink is not a file; the checked-out submodule is its own repository', async () => {
    const lib = path.join(tmp, 'lib-src');
    initRepo(lib);
    write(lib, 'vault.kdbx', DER);
    git(lib, 'add', '.');
    git(lib, 'commit', '-q', '-m', 'lib');
    const app = path.join(tmp, 'app');
    initRepo(app);
    git(app, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib, 'vendor/lib');
    write(app, 'vendor/lib/new.db', sqlite());
    git(path.join(app, 'vendor/lib'), 'add', 'new.db');
    const r = await checkRepository(new NodeHost(app), { report: 'all', ruleSet });
    assert.deepEqual(summary(r.files), [
      'vendor/lib/new.db staged database root=vendor/lib binary',
      'vendor/lib/vault.kdbx tracked password-database root=vendor/lib binary',
    ]);
    assert.ok(!r.findings.some((f) => f.path === 'vendor/lib'), 'the gitlink');
  });

  it('worktrees: .git is a file, the worktree has its own index', async () => {
    const main = path.join(tmp, 'main');
    initRepo(main);
    write(main, 'README.md', 'x\n');
    git(main, 'add', '.');
    git(main, 'commit', '-q', '-m', 'init');
    const wt = path.join(tmp, 'wt');
    git(main, 'worktree', 'add', '-q', '-b', 'feature', wt);
    assert.ok(fs.statSync(path.join(wt, '.git')).isFile());
    write(wt, 'prod.sqlite', sqlite());
    git(wt, 'add', 'prod.sqlite');
    const r = await checkRepository(new NodeHost(wt), { ruleSet });
    assert.deepEqual(r.findings.map((f) => `${f.path} ${f.messageId}`), ['prod.sqlite staged']);
    const inMain = await checkRepository(new NodeHost(main), { ruleSet });
    assert.deepEqual(inMain.findings, []);
  });

  it('no git on PATH: silent, unavailable, logged once', async () => {
    initRepo(tmp);
    write(tmp, 'a.db', sqlite());
    git(tmp, 'add', 'a.db');
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-nopath-'));
    try {
      const logs: string[] = [];
      const host = new NodeHost(tmp, { log: (m) => logs.push(m), gitEnv: { ...process.env, PATH: empty } });
      const r = await checkRepository(host, { ruleSet });
      assert.deepEqual({ ...r, findings: r.findings.length }, { findings: 0, files: [], available: false, errors: [] });
      await checkRepository(host, { ruleSet, paths: ['a.db'] });
      const audit = await auditFolder(tmp, { host, ruleSet });
      assert.deepEqual(audit.findings, []);
      assert.equal(logs.filter((l) => /git was not found/.test(l)).length, 1, logs.join('\n'));
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('not a repository: silent', async () => {
    write(tmp, 'a.db', sqlite());
    const host = new NodeHost(tmp, { gitEnv: { ...process.env, GIT_CEILING_DIRECTORIES: path.dirname(tmp) } });
    const r = await checkRepository(host, { ruleSet });
    assert.equal(r.available, false);
    assert.deepEqual(r.findings, []);
  });

  it('a git that hangs is cut off', async function () {
    if (process.platform === 'win32') this.skip();
    initRepo(tmp);
    const slow = path.join(tmp, 'slow-git.sh');
    fs.writeFileSync(slow, '#!/bin/sh\nsleep 10\n', { mode: 0o755 });
    const host = new NodeHost(tmp, { gitPath: slow, gitTimeoutMs: 200 });
    const t0 = Date.now();
    const r = await checkRepository(host, { ruleSet });
    assert.equal(r.available, false);
    assert.ok(Date.now() - t0 < 5000);
  });
});
