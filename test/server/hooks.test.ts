// Tests the pre-commit hook install/uninstall on real temporary git repositories, with real commits through a fake `warden`.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import {
  BEGIN, CHAINED_SUFFIX, END, HookError, hookStatus, installHook, PRE_COMMIT_ENTRY, stagedSecretFiles, uninstallHook, unstageFiles,
} from '../../server/src/hooks';
import { token } from '../helpers/secrets';
import { git, gitEnv, initRepo, write } from '../helpers/workspace';

const posix = process.platform !== 'win32';

describe('pre-commit hook', function () {
  this.timeout(30_000);
  let tmp: string;
  let bin: string;
  let n = 0;

  before(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'warden-hooks-')));
    // A stand-in for the real CLI, first on PATH for the commits: logs its arguments, exits with FAKE_WARDEN_EXIT.
    bin = path.join(tmp, 'bin');
    write(bin, 'warden', '#!/bin/sh\necho "warden $*" >> "$WARDEN_LOG"\nexit "${FAKE_WARDEN_EXIT:-0}"\n');
    fs.chmodSync(path.join(bin, 'warden'), 0o755);
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function repo(): string {
    const dir = path.join(tmp, `repo${++n}`);
    initRepo(dir);
    write(dir, 'README.md', 'hello\n');
    git(dir, 'add', 'README.md');
    git(dir, 'commit', '-q', '--no-verify', '-m', 'init');
    return dir;
  }

  /** A real `git commit` of one new file; `warden` is the fake unless `withWarden` is false. */
  function commit(dir: string, opts: { exit?: number; withWarden?: boolean } = {}): { ok: boolean; stderr: string; log: string } {
    const file = `f${Date.now()}${Math.random().toString(36).slice(2)}.txt`;
    write(dir, file, 'x\n');
    git(dir, 'add', file);
    const log = path.join(dir, '..', `${path.basename(dir)}.warden.log`);
    fs.rmSync(log, { force: true });
    const env: NodeJS.ProcessEnv = { ...gitEnv(), WARDEN_LOG: log, FAKE_WARDEN_EXIT: String(opts.exit ?? 0) };
    env.PATH = opts.withWarden === false
      ? (env.PATH ?? '').split(path.delimiter).filter((p) => !fs.existsSync(path.join(p, 'warden'))).join(path.delimiter)
      : bin + path.delimiter + (env.PATH ?? '');
    const r = spawnSync('git', ['commit', '-q', '-m', 'test'], { cwd: dir, env, encoding: 'utf8' });
    if (r.status !== 0) git(dir, 'reset', '-q', '--', file);
    return { ok: r.status === 0, stderr: r.stderr, log: fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '' };
  }

  const hookFile = (dir: string): string => path.join(dir, '.git', 'hooks', 'pre-commit');
  const mode = (file: string): number => fs.statSync(file).mode & 0o777;

  describe('plain git', () => {
    it('writes an executable hook that blocks the commit on findings and allows it otherwise', async () => {
      const dir = repo();
      const r = await installHook(dir);
      assert.equal(r.changed, true);
      assert.equal(r.target, 'git');
      assert.equal(r.file, hookFile(dir));
      const text = fs.readFileSync(hookFile(dir), 'utf8');
      assert.ok(text.startsWith('#!/bin/sh\n' + BEGIN));
      assert.ok(text.trimEnd().endsWith(END));
      if (posix) assert.equal(mode(hookFile(dir)) & 0o111, 0o111);

      const pass = commit(dir, { exit: 0 });
      assert.ok(pass.ok, pass.stderr);
      assert.equal(pass.log, 'warden audit --staged\n');

      const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).stdout;
      const blocked = commit(dir, { exit: 1 });
      assert.equal(blocked.ok, false);
      assert.match(blocked.stderr, /commit blocked/);
      assert.equal(spawnSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).stdout, head);

      const broken = commit(dir, { exit: 2 });
      assert.equal(broken.ok, false);
      assert.match(broken.stderr, /failed \(exit 2\)/);
    });

    it('warns and lets the commit through when warden is not installed', async () => {
      const dir = repo();
      await installHook(dir);
      const r = commit(dir, { withWarden: false });
      assert.ok(r.ok, r.stderr);
      assert.match(r.stderr, /not installed.*NOT checked/);
    });

    it('prefers the project\'s node_modules/.bin/warden over the one on PATH', async () => {
      const dir = repo();
      await installHook(dir);
      write(dir, 'node_modules/.bin/warden', '#!/bin/sh\necho "local $*" >> "$WARDEN_LOG"\n');
      fs.chmodSync(path.join(dir, 'node_modules/.bin/warden'), 0o755);
      write(dir, '.gitignore', 'node_modules/\n');
      const r = commit(dir);
      assert.ok(r.ok, r.stderr);
      assert.equal(r.log, 'local audit --staged\n');
    });

    it('is idempotent, and uninstall deletes the hook it created', async () => {
      const dir = repo();
      await installHook(dir);
      const before = fs.readFileSync(hookFile(dir));
      const again = await installHook(dir);
      assert.equal(again.changed, false);
      assert.match(again.message, /already installed/);
      assert.deepEqual(fs.readFileSync(hookFile(dir)), before);

      const u = await uninstallHook(dir);
      assert.equal(u.changed, true);
      assert.deepEqual(u.removed.map((l) => l.target), ['git']);
      assert.equal(fs.existsSync(hookFile(dir)), false);
      const u2 = await uninstallHook(dir);
      assert.equal(u2.changed, false);
      assert.match(u2.message, /not installed/);
    });

    it('finds the block in pre-commit.legacy, where `pre-commit install` moves an existing hook', async () => {
      const dir = repo();
      await installHook(dir);
      fs.renameSync(hookFile(dir), hookFile(dir) + '.legacy');
      const framework = '#!/usr/bin/env bash\n# File generated by pre-commit: https://pre-commit.com\n';
      fs.writeFileSync(hookFile(dir), framework, { mode: 0o755 });
      assert.deepEqual((await hookStatus(dir)).installed, [{ target: 'git', file: hookFile(dir) + '.legacy' }]);
      const u = await uninstallHook(dir);
      assert.equal(u.changed, true);
      assert.equal(fs.existsSync(hookFile(dir) + '.legacy'), false);
      assert.equal(fs.readFileSync(hookFile(dir), 'utf8'), framework);
    });

    it('refreshes a block written by an older version, keeping what undoes it', async () => {
      const dir = repo();
      await installHook(dir);
      const fresh = fs.readFileSync(hookFile(dir), 'utf8');
      fs.writeFileSync(hookFile(dir), fresh.replace('audit --staged\n', 'audit --old\n'));
      const r = await installHook(dir);
      assert.equal(r.changed, true);
      assert.match(r.message, /updated/);
      assert.equal(fs.readFileSync(hookFile(dir), 'utf8'), fresh);
      await uninstallHook(dir);
      assert.equal(fs.existsSync(hookFile(dir)), false);
    });
  });

  describe('chaining an existing hook', () => {
    const userHook = '#!/bin/sh\n# my hook\necho ran > "$(git rev-parse --show-toplevel)/../$(basename "$(git rev-parse --show-toplevel)").marker"\n';

    function marker(dir: string): boolean {
      const file = path.join(dir, '..', `${path.basename(dir)}.marker`);
      const there = fs.existsSync(file);
      fs.rmSync(file, { force: true });
      return there;
    }

    it('runs Warden first, then the user\'s shell hook; uninstall restores it byte for byte', async () => {
      const dir = repo();
      fs.writeFileSync(hookFile(dir), userHook, { mode: 0o750 });
      fs.chmodSync(hookFile(dir), 0o750);
      const r = await installHook(dir);
      assert.equal(r.changed, true);
      assert.match(r.message, /existing pre-commit hook/);
      const text = fs.readFileSync(hookFile(dir), 'utf8');
      assert.ok(text.startsWith('#!/bin/sh\n' + BEGIN));
      assert.ok(text.endsWith(userHook.slice('#!/bin/sh\n'.length)));

      const pass = commit(dir);
      assert.ok(pass.ok, pass.stderr);
      assert.equal(pass.log, 'warden audit --staged\n');
      assert.equal(marker(dir), true, 'the user hook ran');

      const blocked = commit(dir, { exit: 1 });
      assert.equal(blocked.ok, false);
      assert.equal(marker(dir), false, 'a blocked commit stops before the user hook');

      assert.equal((await installHook(dir)).changed, false);
      await uninstallHook(dir);
      assert.equal(fs.readFileSync(hookFile(dir), 'utf8'), userHook);
      if (posix) assert.equal(mode(hookFile(dir)), 0o750);
    });

    it('keeps CRLF line endings and a missing final line break exactly', async () => {
      const dir = repo();
      const original = '#!/bin/sh\r\necho crlf\r\nexit 0';
      fs.writeFileSync(hookFile(dir), original, { mode: 0o755 });
      await installHook(dir);
      assert.ok(fs.readFileSync(hookFile(dir), 'utf8').includes(BEGIN + '\r\n'));
      await uninstallHook(dir);
      assert.equal(fs.readFileSync(hookFile(dir), 'utf8'), original);

      const bare = '#!/bin/sh';
      fs.writeFileSync(hookFile(dir), bare, { mode: 0o755 });
      await installHook(dir);
      assert.match(fs.readFileSync(hookFile(dir), 'utf8'), /^#!\/bin\/sh\n# >>> warden >>> joined\n/);
      await uninstallHook(dir);
      assert.equal(fs.readFileSync(hookFile(dir), 'utf8'), bare);
    });

    it('chains a non-shell hook under another name and restores it on uninstall', async function () {
      if (!posix) this.skip();
      const dir = repo();
      const nodeHook = `#!${process.execPath}\nrequire('fs').writeFileSync(require('path').join(process.cwd(), '..', ${JSON.stringify(path.basename(dir) + '.marker')}), 'ran');\n`;
      fs.writeFileSync(hookFile(dir), nodeHook, { mode: 0o700 });
      fs.chmodSync(hookFile(dir), 0o700);
      const r = await installHook(dir);
      assert.match(r.message, /kept as pre-commit\.warden-chained/);
      assert.equal(fs.readFileSync(hookFile(dir) + CHAINED_SUFFIX, 'utf8'), nodeHook);

      const pass = commit(dir);
      assert.ok(pass.ok, pass.stderr);
      assert.equal(pass.log, 'warden audit --staged\n');
      assert.equal(marker(dir), true);
      assert.equal(commit(dir, { exit: 1 }).ok, false);
      assert.equal(marker(dir), false);

      await uninstallHook(dir);
      assert.equal(fs.readFileSync(hookFile(dir), 'utf8'), nodeHook);
      assert.equal(mode(hookFile(dir)), 0o700);
      assert.equal(fs.existsSync(hookFile(dir) + CHAINED_SUFFIX), false);
    });

    it('keeps a disabled (not executable) hook disabled', async function () {
      if (!posix) this.skip();
      const dir = repo();
      fs.writeFileSync(hookFile(dir), userHook, { mode: 0o644 });
      fs.chmodSync(hookFile(dir), 0o644);
      await installHook(dir);
      const pass = commit(dir);
      assert.ok(pass.ok, pass.stderr);
      assert.equal(pass.log, 'warden audit --staged\n');
      assert.equal(marker(dir), false, 'git skipped it before, so it stays skipped');
      await uninstallHook(dir);
      assert.equal(fs.readFileSync(hookFile(dir), 'utf8'), userHook);
      assert.equal(mode(hookFile(dir)), 0o644);
    });

    it('chains a symlinked hook without touching its target', async function () {
      if (!posix) this.skip();
      const dir = repo();
      write(dir, 'scripts/pre-commit', userHook);
      fs.chmodSync(path.join(dir, 'scripts/pre-commit'), 0o755);
      fs.symlinkSync('../../scripts/pre-commit', hookFile(dir));
      await installHook(dir);
      assert.equal(fs.readFileSync(path.join(dir, 'scripts/pre-commit'), 'utf8'), userHook);
      const pass = commit(dir);
      assert.ok(pass.ok, pass.stderr);
      assert.equal(marker(dir), true);
      await uninstallHook(dir);
      assert.equal(fs.readlinkSync(hookFile(dir)), '../../scripts/pre-commit');
    });
  });

  describe('where the hook goes', () => {
    it('follows core.hooksPath', async () => {
      const dir = repo();
      git(dir, 'config', 'core.hooksPath', '.githooks');
      const r = await installHook(path.join(dir));
      assert.equal(r.file, path.join(dir, '.githooks', 'pre-commit'));
      assert.ok(r.notes.some((note) => /core\.hooksPath is \.githooks/.test(note)));
      const pass = commit(dir);
      assert.ok(pass.ok, pass.stderr);
      assert.equal(pass.log, 'warden audit --staged\n');
      assert.equal(fs.existsSync(hookFile(dir)), false);
      await uninstallHook(dir);
      assert.equal(fs.existsSync(path.join(dir, '.githooks', 'pre-commit')), false);
    });

    it('installs from a sub-folder and from a linked worktree into the shared hooks folder', async () => {
      const dir = repo();
      fs.mkdirSync(path.join(dir, 'src'));
      const r = await installHook(path.join(dir, 'src'));
      assert.equal(r.file, hookFile(dir));
      await uninstallHook(dir);
      const wt = path.join(tmp, `wt${n}`);
      git(dir, 'worktree', 'add', '-q', wt);
      const w = await installHook(wt);
      assert.equal(w.file, hookFile(dir));
      const pass = commit(wt);
      assert.ok(pass.ok, pass.stderr);
      assert.equal(pass.log, 'warden audit --staged\n');
    });

    it('adds the block to .husky/pre-commit (after husky\'s setup line) and says when husky is not active', async () => {
      const dir = repo();
      const husky = '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\nnpx lint-staged\n';
      write(dir, '.husky/pre-commit', husky);
      const r = await installHook(dir);
      assert.equal(r.target, 'husky');
      assert.equal(r.file, path.join(dir, '.husky', 'pre-commit'));
      assert.ok(r.notes.some((note) => /npx husky/.test(note)));
      const text = fs.readFileSync(r.file, 'utf8');
      assert.ok(text.startsWith('#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n' + BEGIN));
      assert.equal(fs.existsSync(hookFile(dir)), false);
      await uninstallHook(dir);
      assert.equal(fs.readFileSync(r.file, 'utf8'), husky);
    });

    it('creates .husky/pre-commit for an active husky v9 and the commit runs it', async () => {
      const dir = repo();
      // What `husky` (v9) sets up: core.hooksPath=.husky/_ whose hooks run .husky/<name> with sh -e.
      write(dir, '.husky/_/pre-commit', '#!/bin/sh\nexec sh -e "$(dirname "$0")/../pre-commit" "$@"\n');
      fs.chmodSync(path.join(dir, '.husky/_/pre-commit'), 0o755);
      git(dir, 'config', 'core.hooksPath', '.husky/_');
      const r = await installHook(dir);
      assert.equal(r.target, 'husky');
      assert.equal(r.file, path.join(dir, '.husky', 'pre-commit'));
      assert.deepEqual(r.notes, []);
      assert.ok(fs.readFileSync(r.file, 'utf8').startsWith(BEGIN + ' created\n'));
      assert.ok(commit(dir).ok);
      assert.equal(commit(dir, { exit: 1 }).ok, false);
      const s = await hookStatus(dir);
      assert.deepEqual(s.installed.map((l) => l.target), ['husky']);
      await uninstallHook(dir);
      assert.equal(fs.existsSync(r.file), false);
    });

    it('honours an explicit target', async () => {
      const dir = repo();
      write(dir, '.husky/pre-commit', 'npm test\n');
      const r = await installHook(dir, { target: 'git' });
      assert.equal(r.file, hookFile(dir));
      assert.equal(fs.readFileSync(path.join(dir, '.husky/pre-commit'), 'utf8'), 'npm test\n');
    });

    it('reports a folder outside any repository', async () => {
      const dir = path.join(tmp, 'plain');
      fs.mkdirSync(dir, { recursive: true });
      for (const f of [installHook, uninstallHook, hookStatus]) {
        await assert.rejects(f(dir), (e: unknown) => e instanceof HookError && e.reason === 'not-a-repo' && /not in a git repository/.test(e.message));
      }
      await assert.rejects(installHook(path.join(tmp, 'missing')), (e: unknown) => e instanceof HookError && e.reason === 'not-a-repo');
    });
  });

  describe('pre-commit framework', () => {
    const config = [
      '# See https://pre-commit.com for more information',
      'default_stages: [pre-commit]',
      'repos:',
      '-   repo: https://github.com/pre-commit/pre-commit-hooks',
      '    rev: v4.6.0  # pinned',
      '    hooks:',
      '    -   id: trailing-whitespace',
      '    -   id: end-of-file-fixer',
      '# trailing comment',
      '',
    ].join('\n');

    function hooksOf(text: string): { repo: string; hooks: { id: string; entry?: string }[] }[] {
      return (parse(text) as { repos: { repo: string; hooks: { id: string }[] }[] }).repos;
    }

    it('adds a local hook entry, keeps the rest of the file and its comments, and removes it exactly', async () => {
      const dir = repo();
      write(dir, '.pre-commit-config.yaml', config);
      const r = await installHook(dir);
      assert.equal(r.target, 'pre-commit');
      assert.equal(r.changed, true);
      assert.ok(r.notes.some((note) => /pre-commit install/.test(note)));
      const text = fs.readFileSync(path.join(dir, '.pre-commit-config.yaml'), 'utf8');
      const repos = hooksOf(text);
      assert.equal(repos.length, 2);
      assert.deepEqual(repos[1], {
        repo: 'local',
        hooks: [{ id: 'warden', name: 'Warden', entry: PRE_COMMIT_ENTRY, language: 'system', pass_filenames: false, always_run: true }],
      });
      assert.ok(text.includes('rev: v4.6.0  # pinned') && text.includes('# trailing comment'));
      assert.ok(text.includes('-   repo: local'), 'matches the file\'s indentation');
      assert.equal(fs.existsSync(hookFile(dir)), false);

      assert.equal((await installHook(dir)).changed, false);
      assert.deepEqual((await hookStatus(dir)).installed.map((l) => l.target), ['pre-commit']);
      await uninstallHook(dir);
      assert.equal(fs.readFileSync(path.join(dir, '.pre-commit-config.yaml'), 'utf8'), config);
    });

    it('handles an empty config, one without repos, and indented sequences', async () => {
      for (const original of ['', '# only a comment\n', 'minimum_pre_commit_version: "3.0"', 'repos:\n  - repo: local\n    hooks:\n      - id: mine\n        name: mine\n        entry: ./check\n        language: script\n']) {
        const dir = repo();
        write(dir, '.pre-commit-config.yaml', original);
        await installHook(dir);
        const repos = hooksOf(fs.readFileSync(path.join(dir, '.pre-commit-config.yaml'), 'utf8'));
        assert.equal(repos.filter((x) => x.hooks.some((h) => h.id === 'warden')).length, 1, JSON.stringify(original));
        await uninstallHook(dir);
        assert.equal(fs.readFileSync(path.join(dir, '.pre-commit-config.yaml'), 'utf8'), original);
      }
    });

    it('leaves a hand-written warden hook alone and refuses a layout it cannot edit safely', async () => {
      const dir = repo();
      const manual = 'repos:\n- repo: local\n  hooks:\n  - id: warden\n    name: W\n    entry: warden audit --staged\n    language: system\n';
      write(dir, '.pre-commit-config.yaml', manual);
      const r = await installHook(dir);
      assert.equal(r.changed, false);
      assert.match(r.message, /by hand/);
      assert.equal(fs.readFileSync(path.join(dir, '.pre-commit-config.yaml'), 'utf8'), manual);

      write(dir, '.pre-commit-config.yaml', 'repos: []\n');
      await assert.rejects(installHook(dir), (e: unknown) => e instanceof HookError && /by hand/.test(e.message) && e.message.includes('repo: local'));
      assert.equal(fs.readFileSync(path.join(dir, '.pre-commit-config.yaml'), 'utf8'), 'repos: []\n');
    });
  });

  describe('status', () => {
    it('says where the hook is and where it would go', async () => {
      const dir = repo();
      let s = await hookStatus(dir);
      assert.equal(s.root, dir);
      assert.deepEqual(s.installed, []);
      assert.deepEqual(s.target, { target: 'git', file: hookFile(dir) });
      await installHook(dir);
      s = await hookStatus(dir);
      assert.deepEqual(s.installed, [{ target: 'git', file: hookFile(dir) }]);
    });
  });

  describe('staged secret files', () => {
    it('lists staged secret files by name and staged content, and unstages them keeping them on disk', async () => {
      const dir = repo();
      const key = ['-----BEGIN OPENSSH ', 'PRIVATE KEY-----\n', token(4, 70), '\n', token(5, 70), '\n-----END OPENSSH ', 'PRIVATE KEY-----\n'].join('');
      write(dir, {
        '.env': `API_TOKEN=${token(6)}\n`,
        '.env.example': 'API_TOKEN=\n',
        'deploy/id_rsa': key,
        'cert.pem': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
        'src/app.js': 'module.exports = 1;\n',
        'name with space.env': `A=${token(7)}\n`,
      });
      git(dir, 'add', '-A');
      const staged = await stagedSecretFiles(path.join(dir, 'deploy'));
      assert.equal(staged.root, dir);
      assert.deepEqual(staged.files.sort(), ['.env', 'deploy/id_rsa', 'name with space.env']);

      await unstageFiles(staged.root, staged.files);
      assert.deepEqual((await stagedSecretFiles(dir)).files, []);
      assert.ok(fs.existsSync(path.join(dir, '.env')) && fs.existsSync(path.join(dir, 'deploy/id_rsa')));
      const still = spawnSync('git', ['diff', '--cached', '--name-only'], { cwd: dir, encoding: 'utf8', env: gitEnv() }).stdout.split('\n').filter(Boolean).sort();
      assert.deepEqual(still, ['.env.example', 'cert.pem', 'src/app.js']);
    });
  });
});
