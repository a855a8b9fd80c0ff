// `npm run test:e2e`: runs the extension test suite (test/vscode/suite) in a real VS Code — code-server, opened by headless Chromium.
// Ends with "N passed, N failed"; a suite that did not run or report counts as one failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSuite, ensureCodeServer, launchChromium, root, startCodeServer, stop } from './code-server.mjs';

const SUITE_TIMEOUT_MS = Number(process.env.WARDEN_E2E_TIMEOUT_MS || 5 * 60_000);
/** After the install (which has its own timeout), the whole run must end within this. */
const WATCHDOG_MS = SUITE_TIMEOUT_MS + 5 * 60_000;
const verbose = process.argv.includes('--verbose') || process.env.WARDEN_E2E_VERBOSE === '1';
const keep = process.argv.includes('--keep');

function secs(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** What has to be undone however the run ends. */
const state = { server: undefined, browser: undefined, home: undefined };

async function cleanup() {
  const { browser, server, home } = state;
  state.browser = state.server = state.home = undefined;
  await browser?.close().catch(() => undefined);
  await stop(server?.child);
  if (home && !keep) rmSync(home, { recursive: true, force: true, maxRetries: 3 });
  else if (home) console.log(`e2e: kept ${home}`);
}

async function abort(message) {
  console.error(`e2e: ${message}`);
  await cleanup();
  console.log('0 passed, 1 failed');
  process.exit(1);
}

async function main() {
  const t0 = Date.now();
  const entry = await ensureCodeServer();
  setTimeout(() => void abort(`hard timeout (${secs(WATCHDOG_MS)} after the install)`), WATCHDOG_MS).unref();
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit', timeout: 180_000 });
  if (build.status !== 0) throw new Error('the extension build failed');
  const { suite, fixture } = await buildSuite();

  const home = (state.home = mkdtempSync(join(tmpdir(), 'warden-e2e-')));
  const folder = join(home, 'workspace');
  createRequire(import.meta.url)(fixture).createFixture(folder);
  const resultFile = join(home, 'vscode-suite-result.json');
  console.log(`e2e: workspace ${folder}; setup ${secs(Date.now() - t0)}`);

  const server = (state.server = await startCodeServer({
    entry,
    home,
    kind: 'vscode-server',
    env: { WARDEN_E2E_RESULT: resultFile },
    log: verbose ? (s) => process.stdout.write(`[code-server] ${s}`) : undefined,
  }));
  console.log(`e2e: code-server ${server.url} up after ${secs(Date.now() - t0)}`);
  const browser = (state.browser = await launchChromium());
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // The extension host's console (mocha's spec reporter) is forwarded to the page's console.
  page.on('console', (msg) => {
    const text = msg.text();
    if (verbose || /^\[Extension Host\]/.test(text)) console.log(`  ${text.replace(/^\[Extension Host\]\s*/, '').replace(/%c/g, '')}`);
  });
  const opened = Date.now();
  // The VS Code server ignores --extensionDevelopmentPath/--extensionTestsPath on its command line ("not supported
  // for server"); the web workbench takes them from the `payload` query parameter and hands them to the remote
  // extension host, which runs the tests (the same route as "Developer: Reload With Extensions Under Development").
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(root)], ['extensionTestsPath', remote(suite)]];
  await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, { timeout: 60_000 });

  const deadline = Date.now() + SUITE_TIMEOUT_MS;
  while (!existsSync(resultFile)) {
    if (server.exited()) throw new Error(`code-server exited before the suite reported\n${server.output().slice(-4000)}`);
    if (Date.now() > deadline) throw new Error(`the suite did not report within ${secs(SUITE_TIMEOUT_MS)} (did the extension host start?)\n${server.output().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  console.log(`\ne2e: VS Code ${result.vscodeVersion}, suite ran in ${secs(result.durationMs)} (${secs(Date.now() - opened)} after opening the page)`);
  for (const t of result.tests) {
    console.log(`  ${t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip'} ${t.title} (${t.durationMs} ms)`);
    if (t.error) console.log(t.error.split('\n').map((l) => `       ${l}`).join('\n'));
  }
  console.log(`e2e metrics: ${JSON.stringify(result.metrics)}`);
  if (typeof result.metrics.activateCallMs === 'number') {
    console.log(`e2e: activation ${result.metrics.activateCallMs} ms (activate() until the language server answered initialize)` +
      `; first diagnostic ${result.metrics.firstDiagnosticMsFromSuiteStart ?? '?'} ms after the suite started`);
  }
  let { passed, failed } = result;
  if (passed + failed === 0) {
    console.error('e2e: no tests ran');
    failed = 1;
  }
  await cleanup();
  console.log(`e2e: total ${secs(Date.now() - t0)}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => void abort(`stopped by ${sig}`));

try {
  process.exit(await main());
} catch (e) {
  await abort(e instanceof Error ? e.message : String(e));
}
