// `npm run test:nvim`: Warden's bundled language server (dist/server.js --stdio) under Neovim's built-in LSP client,
// headless, on the same fixture workspace as the VS Code tests. The cases live in nvim.lua; this builds, creates the
// fixture, runs Neovim with a time limit and prints "N passed, N failed" (every case fails when Neovim cannot run).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createFixture } from '../vscode/fixture';

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(__dirname, 'nvim.lua');
const NVIM = process.env.NVIM_BIN || 'nvim';
const TIMEOUT_MS = 120_000;

interface CaseResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

/** The number of `test(...)` cases in nvim.lua, so a run that never reports still counts each as failed. */
function expectedCases(): number {
  return (fs.readFileSync(SCRIPT, 'utf8').match(/^\s*test\('/gm) ?? []).length;
}

function main(): number {
  const t0 = Date.now();
  const expected = expectedCases();
  const fail = (why: string): number => {
    console.error(`nvim: ${why}`);
    console.log(`0 passed, ${expected} failed`);
    return 1;
  };
  const version = spawnSync(NVIM, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (version.status !== 0) return fail(`cannot run ${NVIM} (apt-get install neovim): ${version.error?.message ?? version.stderr}`);
  console.log(`nvim: ${version.stdout.split('\n')[0]}`);
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit', timeout: 180_000 });
  if (build.status !== 0) return fail('the build failed');

  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-nvim-'));
  try {
    const folder = path.join(home, 'workspace');
    createFixture(folder);
    const resultFile = path.join(home, 'nvim-result.json');
    const started = Date.now();
    const run = spawnSync(NVIM, ['--headless', '--clean', '-n', '-S', SCRIPT], {
      cwd: folder,
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      killSignal: 'SIGKILL',
      env: {
        ...process.env,
        WARDEN_SERVER: path.join(ROOT, 'dist', 'server.js'),
        WARDEN_FIXTURE: folder,
        WARDEN_NVIM_RESULT: resultFile,
        WARDEN_NODE: process.execPath,
        // Neovim's own state (LSP log, shada) stays in the temporary folder.
        XDG_STATE_HOME: path.join(home, 'state'),
        XDG_CACHE_HOME: path.join(home, 'cache'),
        XDG_DATA_HOME: path.join(home, 'data'),
        XDG_CONFIG_HOME: path.join(home, 'config'),
      },
    });
    if (!fs.existsSync(resultFile)) {
      const why = run.error ? run.error.message : `exit ${run.status ?? run.signal}`;
      return fail(`Neovim did not report (${why}):\n${`${run.stdout}${run.stderr}`.slice(-3000)}`);
    }
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { tests: CaseResult[]; nvim: string; log: string[] };
    console.log(`nvim: Neovim ${result.nvim}, ran in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const t of result.tests) {
      console.log(`  ${t.ok ? 'ok  ' : 'FAIL'} ${t.name} (${t.ms} ms)`);
      if (t.error) console.log(t.error.split('\n').map((l) => `       ${l}`).join('\n'));
    }
    const passed = result.tests.filter((t) => t.ok).length;
    // Cases that never reported (the script died half-way) count as failed.
    const failed = Math.max(expected - passed, result.tests.length - passed);
    if (failed > 0 && result.log.length) console.log(`nvim: server log:\n${result.log.slice(-20).map((l) => `  ${l}`).join('\n')}`);
    console.log(`nvim: total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    console.log(`${passed} passed, ${failed} failed`);
    return failed > 0 ? 1 : 0;
  } finally {
    fs.rmSync(home, { recursive: true, force: true, maxRetries: 3 });
  }
}

process.exit(main());
