// NodeHost against real temporary git repositories: index state, nesting, missing git, overlays and decoding.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeHost } from '../../server/src/host-node';
import { git, initRepo, write } from '../helpers/workspace';

describe('NodeHost', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-host-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('gitStatus', () => {
    it('a new .env added to the index is staged, not tracked', async () => {
      initRepo(tmp);
      write(tmp, '.env', 'A=1\n');
      git(tmp, 'add', '.env');
      const host = new NodeHost(tmp);
      assert.deepEqual(await host.gitStatus('.env'), { staged: true, tracked: false, ignored: false, repoRoot: '' });
    });

    it('a committed .env is tracked; staging a change makes it staged too', async () => {
      initRepo(tmp);
      write(tmp, '.env', 'A=1\n');
      git(tmp, 'add', '.env');
      git(tmp, 'commit', '-q', '-m', 'init');
      const host = new NodeHost(tmp);
      assert.deepEqual(await host.gitStatus('.env'), { staged: false, tracked: true, ignored: false, repoRoot: '' });
      write(tmp, '.env', 'A=2\n');
      git(tmp, 'add', '.env');
      assert.equal((await host.gitStatus('.env'))?.staged, false, 'cached until invalidate()');
      host.invalidate();
      assert.deepEqual(await host.gitStatus('.env'), { staged: true, tracked: true, ignored: false, repoRoot: '' });
    });

    it('a committed .env whose removal is staged is neither staged nor tracked', async () => {
      initRepo(tmp);
      write(tmp, '.env', 'A=1\n');
      git(tmp, 'add', '.env');
      git(tmp, 'commit', '-q', '-m', 'init');
      git(tmp, 'rm', '-q', '--cached', '.env');
      const host = new NodeHost(tmp);
      assert.deepEqual(await host.gitStatus('.env'), { staged: false, tracked: false, ignored: false, repoRoot: '' });
    });

    it('an ignored .env is ignored; isGitIgnored agrees', async () => {
      initRepo(tmp);
      write(tmp, '.gitignore', '.env\n');
      write(tmp, '.env', 'A=1\n');
      write(tmp, 'app.js', '');
      const host = new NodeHost(tmp);
      assert.deepEqual(await host.gitStatus('.env'), { staged: false, tracked: false, ignored: true, repoRoot: '' });
      assert.equal(await host.isGitIgnored('.env'), true);
      assert.equal(await host.isGitIgnored('app.js'), false);
    });

    it('a force-added .env matched by .gitignore is staged, and isGitIgnored still sees the pattern', async () => {
      initRepo(tmp);
      write(tmp, '.gitignore', '.env\n');
      write(tmp, '.env', 'A=1\n');
      git(tmp, 'add', '-f', '.env');
      const host = new NodeHost(tmp);
      assert.deepEqual(await host.gitStatus('.env'), { staged: true, tracked: false, ignored: false, repoRoot: '' });
      assert.equal(await host.isGitIgnored('.env'), true);
    });

    it('an untracked .env is neither staged, tracked nor ignored', async () => {
      initRepo(tmp);
      write(tmp, 'config/.env', 'A=1\n');
      const host = new NodeHost(tmp);
      assert.deepEqual(await host.gitStatus('config/.env'), { staged: false, tracked: false, ignored: false, repoRoot: '' });
    });

    it('a path that does not exist yet still gets a status', async () => {
      initRepo(tmp);
      const host = new NodeHost(tmp);
      assert.deepEqual(await host.gitStatus('not/yet/.env'), { staged: false, tracked: false, ignored: false, repoRoot: '' });
    });

    it('finds the nested repository around the file', async () => {
      initRepo(tmp);
      initRepo(path.join(tmp, 'packages/api'));
      write(tmp, 'packages/api/config/.env', 'A=1\n');
      git(path.join(tmp, 'packages/api'), 'add', 'config/.env');
      write(tmp, '.env', 'B=1\n');
      const host = new NodeHost(tmp);
      assert.deepEqual(await host.gitStatus('packages/api/config/.env'), { staged: true, tracked: false, ignored: false, repoRoot: 'packages/api' });
      assert.deepEqual(await host.gitStatus('.env'), { staged: false, tracked: false, ignored: false, repoRoot: '' });
    });

    it('a workspace inside a larger repository maps the repository root to the workspace root', async () => {
      initRepo(tmp);
      write(tmp, 'svc/.env', 'A=1\n');
      git(tmp, 'add', 'svc/.env');
      const host = new NodeHost(path.join(tmp, 'svc'));
      assert.deepEqual(await host.gitStatus('.env'), { staged: true, tracked: false, ignored: false, repoRoot: '' });
    });

    it('outside any repository: undefined, logged once', async () => {
      write(tmp, '.env', 'A=1\n');
      const logs: string[] = [];
      // A ceiling stops git from finding a repository above the temporary folder.
      const host = new NodeHost(tmp, { log: (m) => logs.push(m), gitEnv: { ...process.env, GIT_CEILING_DIRECTORIES: path.dirname(tmp) } });
      assert.equal(await host.gitStatus('.env'), undefined);
      assert.equal(await host.gitStatus('.env'), undefined);
      assert.equal(await host.isGitIgnored('.env'), undefined);
      assert.equal(logs.length, 1, logs.join('\n'));
      assert.match(logs[0], /not in a git repository/);
    });

    it('without git on PATH: undefined, logged once, never throws', async () => {
      initRepo(tmp);
      write(tmp, '.env', 'A=1\n');
      git(tmp, 'add', '.env');
      const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-nopath-'));
      try {
        const logs: string[] = [];
        const host = new NodeHost(tmp, { log: (m) => logs.push(m), gitEnv: { ...process.env, PATH: empty } });
        assert.equal(await host.gitStatus('.env'), undefined);
        assert.equal(await host.isGitIgnored('.env'), undefined);
        host.invalidate();
        assert.equal(await host.gitStatus('.env'), undefined);
        assert.equal(logs.length, 1);
        assert.match(logs[0], /git was not found/);
      } finally {
        fs.rmSync(empty, { recursive: true, force: true });
      }
    });

    it('a git that hangs is cut off by the timeout', async function () {
      if (process.platform === 'win32') this.skip();
      initRepo(tmp);
      const slow = path.join(tmp, 'slow-git.sh');
      fs.writeFileSync(slow, '#!/bin/sh\nsleep 10 &\nsleep 10\n', { mode: 0o755 });
      const logs: string[] = [];
      const host = new NodeHost(tmp, { gitPath: slow, gitTimeoutMs: 200, log: (m) => logs.push(m) });
      const t0 = Date.now();
      assert.equal(await host.gitStatus('.env'), undefined);
      assert.ok(Date.now() - t0 < 5000, 'returned promptly');
      assert.match(logs[0] ?? '', /took longer than 200 ms/);
    });

    it('answers repeated calls from one snapshot', async function () {
      if (process.platform === 'win32') this.skip();
      initRepo(tmp);
      write(tmp, 'a/.env', 'A=1\n');
      write(tmp, 'a/.env.local', 'A=1\n');
      git(tmp, 'add', '.');
      const counter = path.join(tmp, 'count-git.sh');
      const calls = path.join(tmp, 'calls.log');
      fs.writeFileSync(counter, `#!/bin/sh\necho "$1" >> '${calls}'\nexec git "$@"\n`, { mode: 0o755 });
      const host = new NodeHost(tmp, { gitPath: counter });
      for (let i = 0; i < 3; i++) {
        assert.equal((await host.gitStatus('a/.env'))?.staged, true);
        assert.equal((await host.gitStatus('a/.env.local'))?.staged, true);
      }
      assert.deepEqual(fs.readFileSync(calls, 'utf8').trim().split('\n').sort(), ['diff', 'ls-files', 'rev-parse']);
    });
  });

  describe('readFile', () => {
    it('reads UTF-8 files relative to the root', async () => {
      write(tmp, 'src/a.ts', 'const é = 1;\n');
      assert.equal(await new NodeHost(tmp).readFile('src/a.ts'), 'const é = 1;\n');
    });

    it('prefers the overlay (unsaved editor text) over the disk', async () => {
      write(tmp, 'a.ts', 'disk');
      const host = new NodeHost(tmp, { overlay: (p) => (p === 'a.ts' || p === 'new.ts' ? 'buffer' : undefined) });
      assert.equal(await host.readFile('a.ts'), 'buffer');
      assert.equal(await host.readFile('new.ts'), 'buffer');
    });

    it('replaces invalid UTF-8 instead of throwing', async () => {
      write(tmp, 'bad.txt', Buffer.from([0x41, 0xff, 0xfe, 0x42]));
      assert.equal(await new NodeHost(tmp).readFile('bad.txt'), 'A\uFFFD\uFFFDB');
    });

    it('is undefined for a missing file, a directory, a path outside the root and a file over 10 MB', async () => {
      write(tmp, 'dir/x.txt', 'x');
      write(tmp, 'big.txt', Buffer.alloc(10 * 1024 * 1024 + 1, 0x61));
      const host = new NodeHost(path.join(tmp, 'dir'));
      assert.equal(await host.readFile('missing.txt'), undefined);
      assert.equal(await new NodeHost(tmp).readFile('dir'), undefined);
      assert.equal(await host.readFile('../big.txt'), undefined);
      assert.equal(await new NodeHost(tmp).readFile('big.txt'), undefined);
      assert.equal(await host.readFile('x.txt'), 'x');
    });
  });
});
