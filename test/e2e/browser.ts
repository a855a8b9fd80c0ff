// `npm run test:browser`: what a user sees. The packaged .vsix is installed into code-server with --install-extension,
// headless Chromium opens the workbench on the fixture workspace, and the test works the UI: the squiggle and its hover,
// the Problems panel, the env-var quick fix from the lightbulb, and "Warden: Audit Workspace" from the command palette.
// Screenshots go to test/e2e/screenshots/ (git-ignored; `npm run screenshots` copies the README ones into images/).
// Ends with "N passed, N failed": one count per step; steps after a failure, or all of them when setup fails, fail.
//
// WARDEN_VSIX=path skips building the package (CI builds it once with `npm run package`).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { createFixture, FILES } from '../vscode/fixture';

type CodeServerModule = typeof import('../../scripts/code-server.mjs', { with: { 'resolution-mode': 'import' } });

const STEP_TIMEOUT_MS = 60_000;
const TOTAL_TIMEOUT_MS = Number(process.env.WARDEN_BROWSER_TIMEOUT_MS || 8 * 60_000);
const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(__dirname, 'screenshots');
const keep = process.argv.includes('--keep');
const verbose = process.argv.includes('--verbose');

const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Context {
  page: Page;
  folder: string;
  url: string;
}

/** Runs a step's body with a time limit of its own. */
function within<T>(ms: number, what: string, body: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${secs(ms)}`)), ms);
  });
  return Promise.race([body, limit]).finally(() => clearTimeout(timer));
}

async function shot(page: Page, name: string, clip?: Locator): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  if (clip) await clip.screenshot({ path: file, animations: 'disabled' });
  else await page.screenshot({ path: file, animations: 'disabled' });
}

/** Opens the command palette (F1) or quick open with `text` typed in, and picks the row whose label matches. */
async function quickPick(page: Page, text: string, row: RegExp | undefined): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  // F1 opens the palette with ">"; filling the box replaces the prefix, so one entry point serves every mode.
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  if (!row) {
    await page.keyboard.press('Enter');
  } else {
    const item = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: row }).first();
    await item.waitFor({ state: 'visible' });
    await item.click();
  }
  await input.waitFor({ state: 'hidden' });
}

async function runCommand(page: Page, label: string): Promise<void> {
  await quickPick(page, `>${label}`, new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
}

/** The active editor's text as rendered (non-breaking spaces normalised). */
async function editorText(page: Page): Promise<string> {
  const lines = await page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').evaluateAll((els) =>
    // No DOM types here (lib is ES2022 only): the rows are absolutely positioned divs.
    els.map((e) => ({ top: parseFloat((e as unknown as { style: { top: string } }).style.top) || 0, text: e.textContent ?? '' })));
  return lines.sort((a, b) => a.top - b.top).map((l) => l.text.replace(/\u00a0/g, ' ')).join('\n');
}

async function waitForFile(file: string, test: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    last = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '<missing>';
    if (test(last)) return last;
    if (Date.now() > deadline) throw new Error(`${what}; ${path.basename(file)} holds ${JSON.stringify(last)}`);
    await sleep(200);
  }
}

const activeEditor = (page: Page): Locator => page.locator('.editor-group-container.active .monaco-editor').first();

const steps: { name: string; run: (c: Context) => Promise<void> }[] = [
  {
    name: 'the workbench opens the fixture folder with Warden installed',
    run: async ({ page }) => {
      await page.locator('.monaco-workbench').waitFor({ state: 'visible' });
      // The explorer lists the fixture's folders once the remote file system answers.
      await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: /^app$/ }).first().waitFor({ state: 'visible' });
    },
  },
  {
    name: 'opening a file with a hardcoded secret shows a squiggle and its hover message',
    run: async ({ page }) => {
      await quickPick(page, FILES.pythonSecret, /settings\.py/);
      const editor = activeEditor(page);
      await editor.locator('.view-lines').filter({ hasText: 'api_key' }).waitFor({ state: 'visible' });
      // Warden's generic-secret finding is a warning: a yellow squiggle under the value on line 4.
      await editor.locator('.view-overlays .squiggly-warning').first().waitFor({ state: 'visible' });
      await shot(page, '01-squiggle');
      // Cursor on the value (line 4, column 12), then "Show or Focus Hover".
      await quickPick(page, ':4:12', undefined);
      await runCommand(page, 'Show or Focus Hover');
      const hover = page.locator('.monaco-hover').filter({ hasText: 'api_key is assigned a hardcoded secret' }).first();
      await hover.waitFor({ state: 'visible' });
      const text = (await hover.textContent()) ?? '';
      if (!text.includes('secret/generic-secret')) throw new Error(`the hover names the rule: ${JSON.stringify(text)}`);
      await shot(page, '02-hover');
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'the Problems panel lists the finding with its rule id',
    run: async ({ page }) => {
      await runCommand(page, 'View: Focus Problems');
      const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'api_key is assigned a hardcoded secret' }).first();
      await row.waitFor({ state: 'visible' });
      const text = (await row.textContent()) ?? '';
      if (!/Warden/.test(text) || !text.includes('secret/generic-secret')) throw new Error(`the Problems row names Warden and the rule: ${JSON.stringify(text)}`);
      await shot(page, '03-problems');
    },
  },
  {
    name: 'the lightbulb offers the env-var fix, which edits the code, .env and .gitignore',
    run: async ({ page, folder }) => {
      const editor = activeEditor(page);
      // A click on the squiggled value focuses the editor and puts the cursor there: the lightbulb shows on the line.
      const box = await editor.locator('.view-overlays .squiggly-warning').first().boundingBox();
      if (!box) throw new Error('the squiggle has no box');
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const bulb = page.locator('.lightBulbWidget').first();
      await bulb.waitFor({ state: 'visible' });
      await bulb.click();
      const fix = page.locator('.action-widget .monaco-list-row').filter({ hasText: 'Move secret to environment variable API_KEY' }).first();
      await fix.waitFor({ state: 'visible' });
      // The menu takes the keyboard (a pointer block covers the page): move the focus to the fix and press Enter.
      const focused = page.locator('.action-widget .monaco-list-row.focused');
      for (let i = 0; i < 10 && !((await focused.textContent().catch(() => '')) ?? '').includes('Move secret to environment variable'); i++) {
        await page.keyboard.press('ArrowDown');
      }
      await shot(page, '04-quick-fix');
      await page.keyboard.press('Enter');
      await editor.locator('.view-lines').filter({ hasText: 'os.environ["API_KEY"]' }).waitFor({ state: 'visible' });
      const text = await editorText(page);
      if (!text.includes('import os')) throw new Error(`the fix imports os: ${JSON.stringify(text)}`);
      // The squiggle goes once the server has re-checked the edited text.
      await editor.locator('.view-overlays .squiggly-warning').waitFor({ state: 'detached' });
      await runCommand(page, 'File: Save All');
      await waitForFile(path.join(folder, FILES.pythonSecret), (t) => t.includes('api_key = os.environ["API_KEY"]'), 'settings.py saved with the fix');
      await waitForFile(path.join(folder, '.env'), (t) => /^API_KEY=\S+$/m.test(t) && t.startsWith('DATABASE_URL='), '.env holds API_KEY after the existing lines');
      await waitForFile(path.join(folder, '.gitignore'), (t) => t.split(/\r?\n/).includes('.env'), '.gitignore lists .env');
      await shot(page, '05-fixed');
    },
  },
  {
    name: '"Warden: Audit Workspace" from the command palette reports findings in files never opened',
    run: async ({ page }) => {
      await runCommand(page, 'Warden: Audit Workspace');
      const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: /Warden: \d+ findings? in \d+ of \d+ files?/ }).first();
      await toast.waitFor({ state: 'visible' });
      await runCommand(page, 'View: Focus Problems');
      // jobs/worker.js was never opened: only the audit can have reported its disabled TLS verification.
      const worker = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'worker.js' }).first();
      await worker.waitFor({ state: 'visible' });
      await shot(page, '06-audit');
    },
  },
];

async function buildVsix(): Promise<string> {
  if (process.env.WARDEN_VSIX) return path.resolve(process.env.WARDEN_VSIX);
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const r = spawnSync(process.execPath, ['scripts/package.mjs'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`npm run package failed:\n${`${r.stdout}${r.stderr}`.slice(-3000)}`);
  return path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`);
}

async function main(): Promise<number> {
  const t0 = Date.now();
  const cs: CodeServerModule = await import('../../scripts/code-server.mjs');
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<CodeServerModule['startCodeServer']>> | undefined;
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-browser-'));
  const results: { name: string; ok: boolean; ms: number; error?: string }[] = [];
  const cleanup = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    await cs.stop(server?.child);
    if (!keep) fs.rmSync(home, { recursive: true, force: true, maxRetries: 3 });
    else console.log(`browser: kept ${home}`);
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      void cleanup().finally(() => {
        console.log(`0 passed, ${steps.length} failed`);
        process.exit(1);
      });
    });
  }
  const watchdog = setTimeout(() => {
    console.error(`browser: hard timeout after ${secs(TOTAL_TIMEOUT_MS)}`);
    void cleanup().finally(() => {
      console.log(`${results.filter((r) => r.ok).length} passed, ${steps.length - results.filter((r) => r.ok).length} failed`);
      process.exit(1);
    });
  }, TOTAL_TIMEOUT_MS);
  watchdog.unref();

  let page: Page | undefined;
  try {
    const entry = await cs.ensureCodeServer();
    const vsix = await buildVsix();
    console.log(`browser: ${path.relative(ROOT, vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KB) after ${secs(Date.now() - t0)}`);
    const folder = path.join(home, 'workspace');
    createFixture(folder);
    const installed = cs.installExtension(entry, home, vsix);
    if (verbose) console.log(installed);
    fs.rmSync(SHOTS, { recursive: true, force: true });
    server = await cs.startCodeServer({
      entry,
      home,
      kind: 'code-server',
      log: verbose ? (s) => process.stdout.write(`[code-server] ${s}`) : undefined,
      settings: {
        'extensions.ignoreRecommendations': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'editor.fontSize': 14,
        'editor.lightbulb.enabled': 'on',
        'files.autoSave': 'off',
      },
    });
    console.log(`browser: code-server ${server.url} up after ${secs(Date.now() - t0)}`);
    browser = await cs.launchChromium();
    page = await browser.newPage({ viewport: { width: 1100, height: 640 } });
    page.setDefaultTimeout(30_000);
    if (verbose) page.on('console', (m) => console.log(`  [page] ${m.text()}`));
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`, { timeout: 60_000 });
    const ctx: Context = { page, folder, url: server.url };
    for (const step of steps) {
      const started = Date.now();
      if (results.some((r) => !r.ok)) {
        results.push({ name: step.name, ok: false, ms: 0, error: 'not run: an earlier step failed' });
        continue;
      }
      try {
        await within(STEP_TIMEOUT_MS, step.name, step.run(ctx));
        results.push({ name: step.name, ok: true, ms: Date.now() - started });
      } catch (e) {
        results.push({ name: step.name, ok: false, ms: Date.now() - started, error: e instanceof Error ? e.message : String(e) });
        await shot(page, `failure-${results.length}`).catch(() => undefined);
      }
    }
  } catch (e) {
    console.error(`browser: setup failed: ${e instanceof Error ? e.message : String(e)}`);
    if (page) await shot(page, 'failure-setup').catch(() => undefined);
  } finally {
    await cleanup();
    clearTimeout(watchdog);
  }
  for (const r of results) {
    console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.ms} ms)`);
    if (r.error) console.log(r.error.split('\n').map((l) => `       ${l}`).join('\n'));
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = steps.length - passed;
  console.log(`browser: total ${secs(Date.now() - t0)}; screenshots in ${path.relative(ROOT, SHOTS)}/`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    console.log(`0 passed, ${steps.length} failed`);
    process.exit(1);
  },
);
