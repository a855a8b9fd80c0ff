// Tests the workspace file lister: git and walk modes, .gitignore, exclude globs, node_modules and symlinks.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listWorkspaceFiles } from '../../server/src/workspace-files';
import { git, initRepo, write } from '../helpers/workspace';

const NO_GIT = { gitPath: path.join(os.tmpdir(), 'warden-no-such-git') };

const TREE = {
  '.gitignore': 'dist/\n*.log\n',
  'src/a.js': 'a',
  'src/a.test.js': 't',
  'dist/bundle.js': 'b',
  'debug.log': 'l',
  'node_modules/dep/index.js': 'm',
  'vendor/lib.js': 'v',
  'sub/.gitignore': 'gen/\n!keep.log\n',
  'sub/gen/out.js': 'g',
  'sub/keep.log': 'k',
  'sub/x.py': 'x',
};

describe('listWorkspaceFiles', () => {
  let tmp: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-ls-'));
  });

  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const expected = ['.gitignore', 'src/a.js', 'src/a.test.js', 'sub/.gitignore', 'sub/keep.log', 'sub/x.py', 'vendor/lib.js'];

  it('respects .gitignore files (nested, with negation) and skips node_modules in a git repository', async () => {
    write(tmp, TREE);
    initRepo(tmp);
    assert.deepEqual(await listWorkspaceFiles(tmp, {}), expected);
  });

  it('gives the same answer by walking the folder when git is missing', async () => {
    write(tmp, TREE);
    initRepo(tmp);
    assert.deepEqual(await listWorkspaceFiles(tmp, NO_GIT), expected);
  });

  it('walks a folder that is not a repository', async () => {
    write(tmp, TREE);
    assert.deepEqual(await listWorkspaceFiles(tmp, {}), expected);
  });

  it('keeps a tracked .env that .gitignore names later, and tracked files under ignored folders', async () => {
    write(tmp, { '.env': 'A=1\n', 'build/keep.js': 'k', 'app.js': 'x' });
    initRepo(tmp);
    git(tmp, 'add', '.env');
    git(tmp, 'add', '-f', 'build/keep.js');
    write(tmp, { '.gitignore': '.env\nbuild/\n', 'build/other.js': 'o' });
    assert.deepEqual(await listWorkspaceFiles(tmp, {}), ['.env', '.gitignore', 'app.js', 'build/keep.js']);
  });

  it('applies exclude globs to files and to whole folders', async () => {
    write(tmp, TREE);
    initRepo(tmp);
    for (const options of [{}, NO_GIT]) {
      const files = await listWorkspaceFiles(tmp, { ...options, exclude: ['**/*.test.js', 'vendor', './sub/**'] });
      assert.deepEqual(files, ['.gitignore', 'src/a.js']);
    }
  });

  it('matches dotfiles with exclude globs', async () => {
    write(tmp, { '.config/secret.yml': 's', 'a.js': 'a' });
    assert.deepEqual(await listWorkspaceFiles(tmp, { exclude: ['*/**'] }), ['a.js']);
  });

  it('skips node_modules even when it is tracked', async () => {
    write(tmp, { 'node_modules/x/i.js': 'm', 'pkg/node_modules/y/j.js': 'n', 'a.js': 'a' });
    initRepo(tmp);
    git(tmp, 'add', '-A');
    assert.deepEqual(await listWorkspaceFiles(tmp, {}), ['a.js']);
  });

  it('lists the files of an untracked nested repository with its own ignore rules', async () => {
    write(tmp, { 'a.js': 'a', 'inner/b.js': 'b', 'inner/.gitignore': 'tmp/\n', 'inner/tmp/c.js': 'c' });
    initRepo(tmp);
    initRepo(path.join(tmp, 'inner'));
    assert.deepEqual(await listWorkspaceFiles(tmp, {}), ['a.js', 'inner/.gitignore', 'inner/b.js']);
  });

  it('does not follow symlinks out of the root', async function () {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-outside-'));
    try {
      write(outside, { 'secret.js': 's', 'dir/x.js': 'x' });
      write(tmp, { 'a.js': 'a' });
      try {
        fs.symlinkSync(path.join(outside, 'secret.js'), path.join(tmp, 'link.js'));
        fs.symlinkSync(path.join(outside, 'dir'), path.join(tmp, 'linkdir'));
        fs.symlinkSync(path.join(tmp, 'a.js'), path.join(tmp, 'inside.js'));
      } catch {
        this.skip();
      }
      for (const options of [{}, NO_GIT]) {
        assert.deepEqual(await listWorkspaceFiles(tmp, options), ['a.js', 'inside.js']);
      }
      initRepo(tmp);
      assert.deepEqual(await listWorkspaceFiles(tmp, {}), ['a.js', 'inside.js']);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('leaves out tracked files deleted from disk', async () => {
    write(tmp, { 'a.js': 'a', 'gone.js': 'g' });
    initRepo(tmp);
    git(tmp, 'add', '-A');
    fs.rmSync(path.join(tmp, 'gone.js'));
    assert.deepEqual(await listWorkspaceFiles(tmp, {}), ['a.js']);
  });

  it('lists only the folder when it is a subfolder of a repository', async () => {
    write(tmp, { 'a.js': 'a', 'pkg/b.js': 'b', 'pkg/c.log': 'c', '.gitignore': '*.log\n' });
    initRepo(tmp);
    assert.deepEqual(await listWorkspaceFiles(path.join(tmp, 'pkg'), {}), ['b.js']);
  });

  it('stops when cancelled', async () => {
    write(tmp, TREE);
    assert.deepEqual(await listWorkspaceFiles(tmp, { ...NO_GIT, token: { cancelled: true } }), []);
  });
});
