// `warden audit --staged` on real repositories: the staged content (not the working tree) of staged files only, plus staged secret files.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../server/src/cli/main';
import { allRules, type Rule } from '../../server/src/engine';
import secretFileCommitted from '../../server/src/engine/rules/git/secret-file-committed';
import secretFileNotIgnored from '../../server/src/engine/rules/git/secret-file-not-ignored';
import { sqlite } from '../rules/git/samples';
import { awsKeyId } from '../helpers/secrets';
import { git, initRepo, write } from '../helpers/workspace';

const ruleSet: Rule[] = [...allRules.filter((r) => r.meta.id !== secretFileCommitted.meta.id && r.meta.id !== secretFileNotIgnored.meta.id), secretFileCommitted, secretFileNotIgnored];
const STAGED_KEY = awsKeyId(11);
const DISK_KEY = awsKeyId(12);

async function cli(argv: string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const saved = process.env.GIT_CEILING_DIRECTORIES;
  if (env?.GIT_CEILING_DIRECTORIES) process.env.GIT_CEILING_DIRECTORIES = env.GIT_CEILING_DIRECTORIES;
  try {
    const code = await run(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, ruleSet });
    return { code, stdout, stderr };
  } finally {
    if (saved === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
    else process.env.GIT_CEILING_DIRECTORIES = saved;
  }
}

interface JsonOut {
  files: number;
  findings: { ruleId: string; path: string; line: number; message: string }[];
}

describe('warden audit --staged', function () {
  this.timeout(30_000);
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-staged-'));
    initRepo(tmp);
    write(tmp, 'src/clean.js', 'module.exports = 1;\n');
    write(tmp, 'src/config.js', 'module.exports = {};\n');
    git(tmp, 'add', '.');
    git(tmp, 'commit', '-q', '-m', 'init');
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('scans the staged content, not later edits in the working tree', async () => {
    write(tmp, 'src/config.js', `const accessKeyId = '${STAGED_KEY}';\nmodule.exports = { accessKeyId };\n`);
    git(tmp, 'add', 'src/config.js');
    // After staging, the file is cleaned on disk (not staged) and another file gets a key (not staged either).
    write(tmp, 'src/config.js', 'module.exports = {};\n');
    write(tmp, 'src/clean.js', `const k = '${DISK_KEY}';\n`);
    const r = await cli(['audit', '--staged', '--format', 'json'], tmp);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as JsonOut;
    assert.equal(out.files, 1);
    assert.deepEqual(out.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`), ['src/config.js:1 secret/aws-access-key-id']);
    assert.ok(!r.stdout.includes(STAGED_KEY), 'the staged secret is not printed');
  });

  it('reports staged secret files, binary ones included, and exits 1', async () => {
    write(tmp, 'data/app.db', sqlite());
    write(tmp, 'untracked.db', sqlite());
    git(tmp, 'add', 'data/app.db');
    const r = await cli(['audit', '--staged', '--format', 'json'], tmp);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as JsonOut;
    assert.deepEqual(out.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`), ['data/app.db:1 git/secret-file-committed']);
    assert.match(out.findings[0].message, /staged for commit/);
  });

  it('a staged file deleted from the working tree is still scanned from the index', async () => {
    write(tmp, 'src/leak.js', `const accessKeyId = '${STAGED_KEY}';\n`);
    git(tmp, 'add', 'src/leak.js');
    fs.rmSync(path.join(tmp, 'src/leak.js'));
    const r = await cli(['audit', '--staged', '--format', 'json'], tmp);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as JsonOut).findings.map((f) => f.path), ['src/leak.js']);
  });

  it('nothing staged, or only clean changes and deletions: exit 0', async () => {
    assert.equal((await cli(['audit', '--staged'], tmp)).code, 0);
    write(tmp, 'src/clean.js', 'module.exports = 2;\n');
    git(tmp, 'add', 'src/clean.js');
    git(tmp, 'rm', '-q', '--cached', 'src/config.js');
    const r = await cli(['audit', '--staged', '--format', 'json'], tmp);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal((JSON.parse(r.stdout) as JsonOut).files, 1);
  });

  it('a folder argument limits the scan to staged files under it; --exclude applies', async () => {
    write(tmp, 'a/x.js', `const accessKeyId = '${STAGED_KEY}';\n`);
    write(tmp, 'b/y.js', `const accessKeyId = '${DISK_KEY}';\n`);
    write(tmp, 'a/gen/z.js', `const accessKeyId = '${DISK_KEY}';\n`);
    git(tmp, 'add', '.');
    const r = await cli(['audit', '--staged', 'a', '--exclude', 'gen/**', '--format', 'json'], tmp);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as JsonOut).findings.map((f) => f.path), ['x.js']);
  });

  it('a submodule pointer change is not a file', async () => {
    const lib = path.join(tmp, '..', path.basename(tmp) + '-lib');
    try {
      initRepo(lib);
      write(lib, 'README.md', 'x\n');
      git(lib, 'add', '.');
      git(lib, 'commit', '-q', '-m', 'lib');
      git(tmp, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib, 'vendor/lib');
      const r = await cli(['audit', '--staged', '--format', 'json'], tmp);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal((JSON.parse(r.stdout) as JsonOut).files, 1, '.gitmodules only');
    } finally {
      fs.rmSync(lib, { recursive: true, force: true });
    }
  });

  it('inside a hook of `git commit -a` or `git commit <paths>`: the temporary index git names in GIT_INDEX_FILE', async () => {
    const index = path.join(tmp, '.git', 'next-index-test.lock');
    const env: NodeJS.ProcessEnv = { ...process.env, GIT_INDEX_FILE: index };
    delete env.GIT_DIR;
    execFileSync('git', ['read-tree', 'HEAD'], { cwd: tmp, env });
    write(tmp, 'src/config.js', `const accessKeyId = '${STAGED_KEY}';\n`);
    execFileSync('git', ['add', 'src/config.js'], { cwd: tmp, env });
    assert.equal((await cli(['audit', '--staged'], tmp)).code, 0, 'the real index has nothing staged');
    const saved = process.env.GIT_INDEX_FILE;
    process.env.GIT_INDEX_FILE = index;
    try {
      const r = await cli(['audit', '--staged', '--format', 'json'], tmp);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.deepEqual((JSON.parse(r.stdout) as JsonOut).findings.map((f) => f.path), ['src/config.js']);
    } finally {
      if (saved === undefined) delete process.env.GIT_INDEX_FILE;
      else process.env.GIT_INDEX_FILE = saved;
    }
  });

  it('outside a repository: a usage error (exit 2)', async () => {
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-norepo-'));
    try {
      const r = await cli(['audit', '--staged'], bare, { GIT_CEILING_DIRECTORIES: path.dirname(bare) });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--staged needs a git repository/);
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
  });

  it('is in the help', async () => {
    const r = await cli(['--help'], tmp);
    assert.match(r.stdout, /--staged +Check only what would be committed/);
  });
});
