// Installs code-server (VS Code's server) from npm into .cache/code-server, offline-safe for ripgrep, and finds free ports.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CODE_SERVER_VERSION = '4.100.3';
const cacheDir = join(root, '.cache', 'code-server');
const entry = join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const INSTALL_TIMEOUT_MS = 15 * 60_000;

// code-server's @vscode/ripgrep postinstall downloads rg from GitHub unless this tarball is in its cache;
// it untars into its bin/ folder and expects `rg` at the top of the archive.
const RG_VERSION = '1.15.11';
const RG_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function seedRipgrepCache() {
  if (process.platform !== 'linux' || process.arch !== 'x64') return;
  const dir = join(tmpdir(), `vscode-ripgrep-cache-${RG_VERSION}`);
  const tarball = join(dir, RG_ASSET);
  if (existsSync(tarball)) return;
  const rg = which('rg');
  if (!rg) {
    console.warn('code-server: no rg on PATH (apt-get install ripgrep); its install will try to download ripgrep from GitHub');
    return;
  }
  mkdirSync(dir, { recursive: true });
  const stage = mkdtempSync(join(tmpdir(), 'warden-rg-'));
  copyFileSync(rg, join(stage, 'rg'));
  const r = spawnSync('tar', ['czf', tarball, '-C', stage, 'rg']);
  rmSync(stage, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`could not build ${tarball}: ${r.stderr}`);
}

/** Returns the path of code-server's entry script, installing it first when the cache does not hold it. */
export async function ensureCodeServer() {
  if (existsSync(entry)) return entry;
  seedRipgrepCache();
  mkdirSync(cacheDir, { recursive: true });
  // Its own package.json keeps npm from treating the repository as the project.
  writeFileSync(join(cacheDir, 'package.json'), JSON.stringify({ name: 'warden-code-server-cache', private: true }) + '\n');
  console.log(`code-server: installing ${CODE_SERVER_VERSION} into ${cacheDir} (first run only; a few minutes)`);
  const started = Date.now();
  await new Promise((resolve, reject) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], {
      cwd: cacheDir,
      stdio: ['ignore', 'inherit', 'inherit'],
      // Its own process group, so a timeout also ends the install scripts npm started.
      detached: process.platform !== 'win32',
      // postinstall.sh refuses to run as root unless npm_config_unsafe_perm is set (npm 7+ ignores the flag itself).
      env: { ...process.env, npm_config_yes: 'true', npm_config_unsafe_perm: 'true' },
    });
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { child.kill('SIGKILL'); }
      reject(new Error(`npm install code-server timed out after ${INSTALL_TIMEOUT_MS / 60_000} minutes`));
    }, INSTALL_TIMEOUT_MS);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`npm install code-server exited with ${code ?? signal}`));
    });
  });
  if (!existsSync(entry)) throw new Error(`code-server installed but ${entry} is missing`);
  console.log(`code-server: installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return entry;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Bundles the extension-host test suite and the fixture builder into out/vscode/ (mocha stays external). */
export async function buildSuite() {
  const esbuild = await import('esbuild');
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline', logLevel: 'warning', external: ['vscode', 'mocha'] };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: ['test/vscode/suite/index.ts'], outfile: 'out/vscode/suite/index.js', absWorkingDir: root }),
    esbuild.build({ ...common, entryPoints: ['test/vscode/suite/warden.suite.ts'], outfile: 'out/vscode/suite/warden.suite.js', absWorkingDir: root }),
    esbuild.build({ ...common, entryPoints: ['test/vscode/fixture.ts'], outfile: 'out/vscode/fixture.js', absWorkingDir: root }),
  ]);
  return { suite: join(root, 'out/vscode/suite/index.js'), fixture: join(root, 'out/vscode/fixture.js') };
}

/** User settings that keep the workbench quiet and deterministic for tests and screenshots. */
export const TEST_USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'chat.commandCenter.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
};

/** Waits until `url` answers (any HTTP status), or throws after timeoutMs. */
export async function waitForHttp(url, timeoutMs, isAlive = () => true) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      return;
    } catch {
      if (!isAlive()) throw new Error(`the server exited before ${url} answered`);
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** VS Code's own server inside the code-server package: unlike code-server's CLI it takes --extensionDevelopmentPath/--extensionTestsPath. */
export function vscodeServerMain(entry) {
  return join(dirname(entry), '..', '..', 'lib', 'vscode', 'out', 'server-main.js');
}

/**
 * Starts code-server (`kind: 'code-server'`) or the VS Code server inside it (`kind: 'vscode-server'`) on 127.0.0.1
 * without auth, with its own config, user data and extensions folders. The child runs in its own process group,
 * so stop() ends its helpers (extension host, language server) too.
 */
export async function startCodeServer({ entry, home, kind = 'code-server', extraArgs = [], env = {}, log, settings = {} }) {
  const port = await freePort();
  const userDataDir = join(home, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...TEST_USER_SETTINGS, ...settings }, null, 2));
  const common = ['--extensions-dir', join(home, 'extensions'), '--disable-workspace-trust'];
  let args;
  if (kind === 'vscode-server') {
    args = [
      vscodeServerMain(entry), '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
      '--server-data-dir', join(home, 'server-data'), '--user-data-dir', userDataDir, '--telemetry-level', 'off', ...common, ...extraArgs,
    ];
  } else {
    writeFileSync(join(home, 'config.yaml'), 'auth: none\ncert: false\n');
    args = [
      entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--config', join(home, 'config.yaml'), '--user-data-dir', userDataDir,
      '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', ...common, ...extraArgs,
    ];
  }
  const child = spawn(process.execPath, args, { cwd: home, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let exited = false;
  child.on('exit', () => { exited = true; });
  const out = [];
  const keep = (chunk) => {
    out.push(chunk);
    if (log) log(chunk.toString());
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(kind === 'vscode-server' ? `${url}/version` : `${url}/healthz`, 60_000, () => !exited);
  } catch (e) {
    await stop(child);
    throw new Error(`${e.message}\n${Buffer.concat(out).toString().slice(-4000)}`);
  }
  return { child, url, port, output: () => Buffer.concat(out).toString(), exited: () => exited };
}

/** Installs a .vsix into `home`'s extensions folder with code-server's CLI (the folder startCodeServer uses). */
export function installExtension(entry, home, vsix) {
  const r = spawnSync(process.execPath, [entry, '--extensions-dir', join(home, 'extensions'), '--user-data-dir', join(home, 'user-data'), '--install-extension', vsix], {
    cwd: home, encoding: 'utf8', timeout: 120_000,
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.error || r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (${r.error?.message ?? r.status}):\n${out.slice(-2000)}`);
  return out.trim();
}

/**
 * Ends a process started with detached: true, and everything it started (its process group): SIGTERM, then SIGKILL
 * after 3 s. Resolves once the group is gone or was sent SIGKILL, so callers can exit right after.
 */
export function stop(child) {
  if (!child) return Promise.resolve();
  const signalGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
      return true;
    } catch {
      return false; // no such group: everything has exited
    }
  };
  if (!signalGroup('SIGTERM')) return Promise.resolve();
  return new Promise((resolve) => {
    const deadline = Date.now() + 3000;
    const poll = setInterval(() => {
      // Signal 0 probes the group without touching it.
      if (!signalGroup(0)) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() > deadline) {
        clearInterval(poll);
        signalGroup('SIGKILL');
        resolve();
      }
    }, 100);
  });
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** Debian's Chromium through playwright-core (override with CHROMIUM_PATH). Playwright gives each launch a fresh profile. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const executablePath = process.env.CHROMIUM_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
  if (!executablePath) throw new Error('no Chromium found: apt-get install chromium, or set CHROMIUM_PATH');
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await ensureCodeServer());
}
