// `npm run test:vscode`: the same extension test suite as `npm run test:e2e`, in VS Code desktop through
// @vscode/test-electron (which downloads VS Code into .vscode-test/ unless VSCODE_EXECUTABLE names an installed one).
// Needs a display on Linux (e.g. `xvfb-run -a npm run test:vscode`). Ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSuite, root } from './code-server.mjs';

const VSCODE_VERSION = process.env.VSCODE_VERSION || 'stable';

async function main() {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit', timeout: 180_000 });
  if (build.status !== 0) throw new Error('the extension build failed');
  const { suite, fixture } = await buildSuite();
  const home = mkdtempSync(join(tmpdir(), 'warden-vscode-'));
  const folder = join(home, 'workspace');
  createRequire(import.meta.url)(fixture).createFixture(folder);
  const resultFile = join(home, 'vscode-suite-result.json');
  try {
    const { runTests } = await import('@vscode/test-electron');
    const launchArgs = [
      folder,
      '--disable-extensions', // other installed extensions stay out; the one under development still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir', join(home, 'user-data'),
    ];
    // Electron refuses to run as root without it (CI containers).
    if (process.platform === 'linux' && process.getuid?.() === 0) launchArgs.push('--no-sandbox');
    try {
      await runTests({
        ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : { version: VSCODE_VERSION }),
        extensionDevelopmentPath: root,
        extensionTestsPath: suite,
        extensionTestsEnv: { WARDEN_E2E_RESULT: resultFile },
        launchArgs,
      });
    } catch (e) {
      // A failing test makes VS Code exit non-zero; the result file says which. Without one, the suite did not run.
      if (!existsSync(resultFile)) throw e;
    }
    if (!existsSync(resultFile)) throw new Error('VS Code exited without the suite reporting');
    const result = JSON.parse(readFileSync(resultFile, 'utf8'));
    console.log(`\ntest:vscode: VS Code ${result.vscodeVersion}, suite ran in ${(result.durationMs / 1000).toFixed(1)} s`);
    for (const t of result.tests) {
      console.log(`  ${t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip'} ${t.title} (${t.durationMs} ms)`);
      if (t.error) console.log(t.error.split('\n').map((l) => `       ${l}`).join('\n'));
    }
    console.log(`test:vscode metrics: ${JSON.stringify(result.metrics)}`);
    const failed = result.passed + result.failed === 0 ? 1 : result.failed;
    console.log(`${result.passed} passed, ${failed} failed`);
    return failed > 0 ? 1 : 0;
  } finally {
    rmSync(home, { recursive: true, force: true, maxRetries: 3 });
  }
}

try {
  process.exit(await main());
} catch (e) {
  console.error(`test:vscode: ${e instanceof Error ? e.message : String(e)}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
