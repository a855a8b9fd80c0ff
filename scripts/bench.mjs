// Benchmarks Warden against secretlint on a corpus built at run time: whole-folder audit and single-file latency.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const FILES = Number(process.env.BENCH_FILES ?? 600);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

// Secret-shaped values are assembled here so that no literal key sits in the repository.
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const pick = (alphabet, n) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
const UP = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const MIX = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const awsKey = () => 'AK' + 'IA' + pick(UP, 16);
const password = () => pick(MIX, 20);

function codeFile(i) {
  // One module in five talks to the database, as in a typical service; the rest is plain application code.
  const db = i % 5 === 0;
  const lines = [`// module ${i}`, db ? `import { pool } from './db';` : `import { load } from './store';`, ''];
  for (let f = 0; f < 40; f++) {
    lines.push(`export async function handler${f}(req, res) {`);
    lines.push(`  const id = Number(req.params.id) + ${f};`);
    lines.push(db ? `  const rows = await pool.query('SELECT * FROM t${f} WHERE id = $1', [id]);` : `  const rows = await load('t${f}', id);`);
    lines.push(`  if (!rows.length) return res.status(404).send('not found');`);
    lines.push(`  return res.json(rows.map((r) => ({ ...r, label: 'item ' + r.id })));`);
    lines.push('}', '');
  }
  if (i % 10 === 0) lines.push(`const awsKey = "${awsKey()}";`);
  if (i % 15 === 0) lines.push(`const dbPassword = "${password()}";`);
  if (db && i % 20 === 0) lines.push('export const q = (name) => pool.query(`SELECT * FROM users WHERE name = \'${name}\'`);');
  return lines.join('\n') + '\n';
}

function makeCorpus(dir) {
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  for (let i = 0; i < FILES; i++) fs.writeFileSync(path.join(dir, 'src', `m${i}.js`), codeFile(i));
  for (let i = 0; i < FILES / 20; i++) {
    fs.writeFileSync(path.join(dir, `config${i}.env`), `PORT=80${i}\nDB_PASSWORD=${password()}\nAWS_ACCESS_KEY_ID=${awsKey()}\n`);
    fs.writeFileSync(path.join(dir, `settings${i}.yaml`), `server:\n  port: 80\n  api_key: ${password()}\n  name: demo\n`);
  }
  fs.writeFileSync(path.join(dir, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeCommand(cmd, args, cwd) {
  const times = [];
  let out;
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    out = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(performance.now() - t);
    if (out.error) throw out.error;
  }
  return { ms: median(times), out };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-bench-'));
try {
  if (!fs.existsSync(path.join(root, 'dist', 'cli.js'))) execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  makeCorpus(dir);
  const files = fs.readdirSync(path.join(dir, 'src')).length + Math.floor(FILES / 10);
  console.log(`corpus: ${files} files (${FILES} JS modules of ~290 lines, plus .env and YAML), median of ${RUNS} runs\n`);

  const warden = timeCommand('node', [path.join(root, 'dist', 'cli.js'), 'audit', dir, '--format', 'json'], dir);
  const wardenFindings = JSON.parse(warden.out.stdout).findings.length;
  console.log(`warden audit      ${warden.ms.toFixed(0).padStart(7)} ms  ${wardenFindings} findings (all rules)`);
  // Every rule outside the secret family, as `warden rules` lists them, turned off.
  const ruleIds = spawnSync('node', [path.join(root, 'dist', 'cli.js'), 'rules'], { encoding: 'utf8' }).stdout.split('\n').map((l) => l.split(/\s+/)[0]);
  const secretRulesOff = ruleIds.filter((id) => /^(?:sql|config|git)\//.test(id)).flatMap((id) => ['--rule', `${id}=off`]);
  const wardenSecrets = timeCommand('node', [path.join(root, 'dist', 'cli.js'), 'audit', dir, '--format', 'json', ...secretRulesOff], dir);
  console.log(`warden secrets    ${wardenSecrets.ms.toFixed(0).padStart(7)} ms  ${JSON.parse(wardenSecrets.out.stdout).findings.length} findings (secret rules only)`);

  let peer;
  const secretlintBin = path.join(root, 'node_modules', '.bin', 'secretlint');
  if (fs.existsSync(secretlintBin)) {
    // secretlint exits before a large stdout is flushed to a pipe, so its report goes to a file.
    const report = path.join(os.tmpdir(), `warden-bench-secretlint-${process.pid}.json`);
    peer = timeCommand(secretlintBin, ['**/*', '--format', 'json', '--output', report, '--secretlintrc', '.secretlintrc.json'], dir);
    let count = NaN;
    try {
      count = JSON.parse(fs.readFileSync(report, 'utf8')).reduce((n, f) => n + f.messages.length, 0);
    } catch (e) {
      console.log(`(secretlint report unreadable: ${e.message.slice(0, 200)})`);
    } finally {
      fs.rmSync(report, { force: true });
    }
    console.log(`secretlint        ${peer.ms.toFixed(0).padStart(7)} ms  ${count} findings`);
    console.log(`ratio (warden all rules / secretlint): ${(warden.ms / peer.ms).toFixed(2)}x time`);
    console.log(`ratio (warden secrets / secretlint):   ${(wardenSecrets.ms / peer.ms).toFixed(2)}x time`);
  } else {
    console.log('secretlint not installed: no peer ratio (npm ci installs it)');
  }

  // Live-editing latency: one ~2,000-line file checked in-process, as the language server does per keystroke.
  const big = Array.from({ length: 7 }, (_, i) => codeFile(i * 10)).join('\n');
  const esbuild = await import('esbuild');
  const engineFile = path.join(dir, 'engine.cjs');
  await esbuild.build({ entryPoints: [path.join(root, 'server/src/engine/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: engineFile, logLevel: 'warning' });
  const engine = require(engineFile);
  {
    const { checkFile, MemoryHost } = engine;
    const host = new MemoryHost(new Map([['src/big.js', big]]));
    const timeCheck = async (options) => {
      const ts = [];
      for (let r = 0; r < 20; r++) {
        const t = performance.now();
        await checkFile({ path: 'src/big.js', text: big }, host, options);
        ts.push(performance.now() - t);
      }
      return ts;
    };
    const ts = await timeCheck({});
    const secretsOnly = await timeCheck({ rules: Object.fromEntries(engine.allRules.filter((r) => r.meta.category !== 'secret').map((r) => [r.meta.id, 'off'])) });
    const lines = big.split('\n').length;
    console.log(`\nsingle file (${lines} lines, with SQL), warden checkFile all rules: first ${ts[0].toFixed(1)} ms, median ${median(ts.slice(1)).toFixed(1)} ms`);
    console.log(`single file, warden checkFile secret rules only: median ${median(secretsOnly.slice(1)).toFixed(1)} ms`);
    try {
      const { lintSource } = require('@secretlint/core');
      const preset = require('@secretlint/secretlint-rule-preset-recommend');
      const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: preset.creator }] };
      const ps = [];
      for (let r = 0; r < 20; r++) {
        const t = performance.now();
        await lintSource({ source: { filePath: '/bench/big.js', content: big, contentType: 'text' }, options: { config } });
        ps.push(performance.now() - t);
      }
      console.log(`single file, secretlint lintSource: median ${median(ps.slice(1)).toFixed(1)} ms`);
      console.log(`ratio (warden secrets / secretlint): ${(median(secretsOnly.slice(1)) / median(ps.slice(1))).toFixed(2)}x time`);
      console.log(`ratio (warden all rules / secretlint): ${(median(ts.slice(1)) / median(ps.slice(1))).toFixed(2)}x time (Warden also parses the file for SQL)`);
    } catch (e) {
      console.log(`secretlint core not available for the single-file comparison (${e.message.split('\n')[0]})`);
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
