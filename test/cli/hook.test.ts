// Tests the `warden hook install|uninstall|status` command line: messages and exit codes, in-process on temporary repositories.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../server/src/cli/main';
import { initRepo, write } from '../helpers/workspace';

async function cli(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd });
  return { code, stdout, stderr };
}

describe('warden hook', function () {
  this.timeout(20_000);
  let tmp: string;
  let repo: string;

  before(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'warden-cli-hook-')));
    repo = path.join(tmp, 'repo');
    initRepo(repo);
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const hook = (): string => path.join(repo, '.git', 'hooks', 'pre-commit');

  it('installs, reports, refuses to install twice, and uninstalls', async () => {
    let r = await cli(['hook', 'status', 'repo'], tmp);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `repository: ${repo}\ninstalled: no (warden hook install would add a git hook in .git/hooks/pre-commit)\n`);

    r = await cli(['hook', 'install'], repo);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `warden: installed the Warden pre-commit hook in ${hook()}\n`);
    assert.ok(fs.readFileSync(hook(), 'utf8').includes('audit --staged'));

    r = await cli(['hook', 'install', 'repo'], tmp);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /already installed/);

    r = await cli(['hook', 'status', repo], tmp);
    assert.equal(r.stdout, `repository: ${repo}\ninstalled: git hook in .git/hooks/pre-commit\n`);

    r = await cli(['hook', 'uninstall', 'repo'], tmp);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `warden: removed the Warden hook from ${hook()}\n`);
    assert.equal(fs.existsSync(hook()), false);

    r = await cli(['hook', 'uninstall', 'repo'], tmp);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `warden: the Warden hook is not installed in ${repo}; nothing to remove\n`);
  });

  it('prints notes and honours --target', async () => {
    write(repo, '.husky/pre-commit', 'npm test\n');
    let r = await cli(['hook', 'install', repo], tmp);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /husky/);
    assert.match(r.stdout, /^note: husky is not set up in this clone/m);
    await cli(['hook', 'uninstall', repo], tmp);
    assert.equal(fs.readFileSync(path.join(repo, '.husky/pre-commit'), 'utf8'), 'npm test\n');

    r = await cli(['hook', 'install', '--target=git', repo], tmp);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `warden: installed the Warden pre-commit hook in ${hook()}\n`);
    await cli(['hook', 'uninstall', repo], tmp);
    fs.rmSync(path.join(repo, '.husky'), { recursive: true });
  });

  it('exits 2 outside a git repository and for a missing folder', async () => {
    fs.mkdirSync(path.join(tmp, 'plain'), { recursive: true });
    for (const action of ['install', 'uninstall', 'status']) {
      const r = await cli(['hook', action, 'plain'], tmp);
      assert.equal(r.code, 2, action);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^warden: .*plain is not in a git repository\n$/);
    }
    const r = await cli(['hook', 'install', 'nowhere'], tmp);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /folder not found/);
  });

  it('exits 2 on usage errors', async () => {
    for (const [argv, message] of [
      [['hook'], /hook needs an action/],
      [['hook', 'enable'], /unknown hook action 'enable'/],
      [['hook', 'install', '--target', 'svn'], /unknown --target 'svn'/],
      [['hook', 'status', '--target', 'git'], /unknown option '--target' for hook status/],
      [['hook', 'install', 'a', 'b'], /expected one folder/],
    ] as const) {
      const r = await cli([...argv], tmp);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, message);
    }
  });

  it('is in the help', async () => {
    const r = await cli(['--help'], tmp);
    assert.match(r.stdout, /hook install \[folder\]/);
    assert.match(r.stdout, /hook uninstall \[folder\]/);
    assert.match(r.stdout, /hook status \[folder\]/);
  });
});
