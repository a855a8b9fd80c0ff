// End-to-end tests of the `warden` CLI over a real fixture workspace (git repo, .gitignore, binary file), in-process and bundled.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { allRules, docsUrl } from '../../server/src/engine';
import { run, VERSION } from '../../server/src/cli/main';
import { awsKeyId, token } from '../helpers/secrets';
import { git, gitEnv, initRepo, write } from '../helpers/workspace';

const REPO = path.resolve(__dirname, '../..');

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], cwd: string, extra: { isTTY?: boolean; env?: Record<string, string> } = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, ...extra });
  return { code, stdout, stderr };
}

/** Secret-shaped values, built at run time. */
const AWS_KEY = awsKeyId(7);
const IGNORED_KEY = awsKeyId(8);
const VENDORED_KEY = awsKeyId(9);
const ENV_TOKEN = token(3);
const SECRETS = [AWS_KEY, IGNORED_KEY, VENDORED_KEY, ENV_TOKEN];

function makeWorkspace(root: string): void {
  write(root, 'src/app.js', [
    "const { Pool } = require('pg');",
    'const pool = new Pool();',
    `const accessKeyId = '${AWS_KEY}';`,
    'async function find(name) {',
    `  return pool.query("SELECT * FROM users WHERE name = '" + name + "'");`,
    '}',
    'module.exports = { find, accessKeyId };',
    '',
  ].join('\n'));
  write(root, 'app.py', 'import requests\n\n\ndef fetch(url):\n    return requests.get(url, verify=False)\n');
  write(root, '.env', `API_TOKEN=${ENV_TOKEN}\n`);
  write(root, '.gitignore', 'ignored/\n');
  write(root, 'ignored/leak.js', `const k = '${IGNORED_KEY}';\n`);
  write(root, 'node_modules/lib/index.js', `const k = '${VENDORED_KEY}';\n`);
  write(root, 'logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  initRepo(root);
  git(root, 'add', '.env');
}

function assertNoSecrets(output: string): void {
  for (const s of SECRETS) assert.ok(!output.includes(s), 'a raw secret value is in the output');
}

const EXPECTED_RULES = ['config/tls-verification-disabled', 'git/env-file-staged', 'secret/aws-access-key-id', 'sql/string-built-query'];

describe('warden CLI', function () {
  this.timeout(60_000);
  let tmp: string;
  let ws: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-cli-'));
    ws = path.join(tmp, 'ws');
    fs.mkdirSync(ws);
    makeWorkspace(ws);
  });

  after(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('audit, text output', () => {
    let out: Captured;
    before(async () => {
      out = await cli(['audit', 'ws', '--no-color'], tmp);
    });

    it('exits 1 with findings', () => {
      assert.equal(out.code, 1, out.stderr);
    });

    it('prints one path:line:col line per finding with severity, message and rule id', () => {
      for (const id of EXPECTED_RULES) assert.match(out.stdout, new RegExp(`\\[${id}\\]`), `missing ${id}`);
      assert.match(out.stdout, /^src\/app\.js:3:\d+ +error +.*\[secret\/aws-access-key-id\]$/m);
      assert.match(out.stdout, /^src\/app\.js:5:\d+ +\w+ +.*\[sql\/string-built-query\]$/m);
      assert.match(out.stdout, /^app\.py:5:\d+ +\w+ +.*\[config\/tls-verification-disabled\]$/m);
      assert.match(out.stdout, /^\.env:1:1 +\w+ +.*\[git\/env-file-staged\]$/m);
    });

    it('groups findings by file', () => {
      const paths = out.stdout.split('\n').filter((l) => /^\S+:\d+:\d+ /.test(l)).map((l) => l.slice(0, l.indexOf(':')));
      const seen = new Set<string>();
      for (let i = 0; i < paths.length; i++) {
        if (i > 0 && paths[i] !== paths[i - 1]) assert.ok(!seen.has(paths[i]), `${paths[i]} appears in two groups`);
        seen.add(paths[i]);
      }
    });

    it('does not scan ignored files or node_modules', () => {
      assert.doesNotMatch(out.stdout, /ignored\/leak\.js|node_modules/);
    });

    it('ends with a summary that counts skipped files', () => {
      assert.match(out.stdout, /\d+ findings? \(.*\) in \d+ files?; \d+ files? checked, 1 skipped/);
    });

    it('never prints a secret value, and has no colour codes with --no-color', () => {
      assertNoSecrets(out.stdout + out.stderr);
      assert.ok(!out.stdout.includes('\u001b['));
    });

    it('lists skipped files with --verbose', async () => {
      const verbose = await cli(['audit', ws, '--verbose', '--no-color'], tmp);
      assert.match(verbose.stdout, /logo\.png: binary file/);
    });

    it('colours only on a terminal, unless told', async () => {
      assert.ok((await cli(['audit', ws], tmp, { isTTY: true })).stdout.includes('\u001b['));
      assert.ok(!(await cli(['audit', ws], tmp, { isTTY: false })).stdout.includes('\u001b['));
      assert.ok(!(await cli(['audit', ws, '--no-color'], tmp, { isTTY: true })).stdout.includes('\u001b['));
      assert.ok(!(await cli(['audit', ws], tmp, { isTTY: true, env: { NO_COLOR: '1' } })).stdout.includes('\u001b['));
      assert.ok((await cli(['audit', ws, '--color'], tmp)).stdout.includes('\u001b['));
    });
  });

  describe('audit, JSON output', () => {
    let out: Captured;
    let report: any;
    before(async () => {
      out = await cli(['audit', '--format', 'json'], ws);
      report = JSON.parse(out.stdout);
    });

    it('has the documented shape', () => {
      assert.equal(out.code, 1);
      assert.equal(report.version, VERSION);
      assert.equal(report.root, ws);
      assert.equal(typeof report.files, 'number');
      assert.ok(Array.isArray(report.findings) && Array.isArray(report.skipped) && Array.isArray(report.errors));
      assert.deepEqual(report.skipped.map((s: { path: string }) => s.path), ['logo.png']);
      assert.deepEqual(report.errors, []);
      for (const f of report.findings) {
        for (const key of ['ruleId', 'severity', 'path', 'message', 'fingerprint']) assert.equal(typeof f[key], 'string', key);
        for (const key of ['line', 'column', 'endLine', 'endColumn']) assert.ok(Number.isInteger(f[key]) && f[key] >= 1, key);
        for (const fix of f.fixes) {
          assert.equal(typeof fix.title, 'string');
          assert.ok(['safe', 'unsafe', 'displayOnly'].includes(fix.applicability));
          assert.ok(Array.isArray(fix.changes));
        }
      }
      assert.deepEqual([...new Set(report.findings.map((f: { ruleId: string }) => f.ruleId))].filter((id) => EXPECTED_RULES.includes(id as string)).sort(), EXPECTED_RULES);
    });

    it('keeps file-edit fixes but never one that writes a secret to a dotenv file', () => {
      const sql = report.findings.find((f: { ruleId: string }) => f.ruleId === 'sql/string-built-query');
      assert.ok(sql.fixes.some((x: { kind: string; changes: unknown[] }) => x.kind === 'fix' && x.changes.length > 0));
      for (const f of report.findings) {
        for (const fix of f.fixes) for (const c of fix.changes) assert.ok(!/(^|\/)\.env$/.test(c.path), `fix "${fix.title}" edits ${c.path}`);
      }
      assertNoSecrets(out.stdout);
    });

    it('writes to --output instead of stdout', async () => {
      const file = path.join(tmp, 'reports', 'warden.json');
      const written = await cli(['audit', ws, '-f', 'json', '-o', file], tmp);
      assert.equal(written.code, 1);
      assert.equal(written.stdout, '');
      assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).findings.length, report.findings.length);
    });
  });

  describe('audit, SARIF output', () => {
    let out: Captured;
    let log: any;
    before(async () => {
      out = await cli(['audit', ws, '--format=sarif'], tmp);
      log = JSON.parse(out.stdout);
    });

    it('validates against the SARIF 2.1.0 schema', () => {
      const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats(ajv);
      const validate = ajv.compile(schema);
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      assert.equal(out.code, 1);
    });

    it('describes every registered rule', () => {
      const driver = log.runs[0].tool.driver;
      assert.equal(driver.name, 'Warden');
      assert.equal(driver.version, VERSION);
      assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), allRules.map((r) => r.meta.id));
      for (const [i, r] of driver.rules.entries()) {
        const meta = allRules[i].meta;
        assert.equal(r.helpUri, docsUrl(meta.id));
        assert.equal(r.shortDescription.text, meta.description);
        assert.ok(r.fullDescription.text && r.help.text);
        assert.deepEqual(r.properties.tags.slice(0, 3), ['security', meta.category, meta.cwe]);
        assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration.level));
      }
    });

    it('has results with rule index, level, relative location and fingerprint', () => {
      const run0 = log.runs[0];
      assert.equal(run0.originalUriBaseIds['%SRCROOT%'].uri, new URL(`file://${ws}/`).href);
      const ids = new Set<string>();
      for (const r of run0.results) {
        ids.add(r.ruleId);
        assert.equal(run0.tool.driver.rules[r.ruleIndex].id, r.ruleId);
        assert.ok(['error', 'warning', 'note'].includes(r.level));
        const loc = r.locations[0].physicalLocation;
        assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
        assert.ok(!loc.artifactLocation.uri.startsWith('/'));
        assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
        assert.match(r.partialFingerprints['wardenFingerprint/v1'], /^[0-9a-f]+$/);
      }
      for (const id of EXPECTED_RULES) assert.ok(ids.has(id), `no result for ${id}`);
    });

    it('carries file-edit fixes, without suppressions, commands or dotenv edits', () => {
      const withFixes = log.runs[0].results.filter((r: { fixes?: unknown[] }) => r.fixes?.length);
      assert.ok(withFixes.some((r: { ruleId: string }) => r.ruleId === 'sql/string-built-query'));
      for (const r of withFixes) {
        for (const fix of r.fixes) {
          assert.doesNotMatch(fix.description.text, /^Suppress /);
          for (const change of fix.artifactChanges) {
            assert.ok(!/(^|\/)\.env$/.test(change.artifactLocation.uri));
            assert.ok(change.replacements.length > 0);
          }
        }
      }
      assertNoSecrets(out.stdout);
    });
  });

  describe('configuration', () => {
    it('turns a rule off with --rule id=off', async () => {
      const out = await cli(['audit', ws, '-f', 'json', '--rule', 'secret/aws-access-key-id=off'], tmp);
      const ids = JSON.parse(out.stdout).findings.map((f: { ruleId: string }) => f.ruleId);
      assert.ok(!ids.includes('secret/aws-access-key-id'));
      assert.ok(ids.includes('sql/string-built-query'));
    });

    it('changes a rule level with --rule id=level', async () => {
      const out = await cli(['audit', ws, '-f', 'json', '--rule=sql/string-built-query=error'], tmp);
      const sql = JSON.parse(out.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'sql/string-built-query');
      assert.ok(sql.length > 0 && sql.every((f: { severity: string }) => f.severity === 'error'));
    });

    it('skips files matching --exclude', async () => {
      const out = await cli(['audit', ws, '-f', 'json', '--exclude', 'src/**', '--exclude', '*.py'], tmp);
      const paths = JSON.parse(out.stdout).findings.map((f: { path: string }) => f.path);
      assert.ok(!paths.some((p: string) => p.startsWith('src/') || p.endsWith('.py')));
    });

    it('skips files larger than --max-file-size', async () => {
      const out = await cli(['audit', ws, '-f', 'json', '--max-file-size', '50'], tmp);
      const report = JSON.parse(out.stdout);
      assert.ok(report.skipped.some((s: { path: string; reason: string }) => s.path === 'src/app.js' && /larger/.test(s.reason)));
    });

    it('exits 0 on a clean folder', async () => {
      const clean = path.join(tmp, 'clean');
      write(clean, 'ok.js', 'module.exports = 1;\n');
      const out = await cli(['audit', clean], tmp);
      assert.equal(out.code, 0, out.stdout + out.stderr);
      assert.match(out.stdout, /No findings; 1 file checked\./);
    });
  });

  describe('usage errors exit 2 with a message on stderr', () => {
    const cases: [string, string[], RegExp][] = [
      ['an unknown flag', ['audit', '--frobnicate'], /unknown option '--frobnicate'/],
      ['an unknown command', ['scan'], /unknown command 'scan'/],
      ['no command', [], /missing command/],
      ['an unknown rule id', ['audit', '--rule', 'secret/nope=off'], /unknown rule 'secret\/nope'/],
      ['a bad level', ['audit', '--rule', 'sql/string-built-query=loud'], /unknown level 'loud'/],
      ['a rule setting without a level', ['audit', '--rule', 'sql/string-built-query'], /ID=LEVEL/],
      ['a missing folder', ['audit', 'does-not-exist'], /folder not found: does-not-exist/],
      ['a file instead of a folder', ['audit', 'ws/app.py'], /is not a folder/],
      ['an unknown format', ['audit', '--format', 'xml'], /unknown format 'xml'/],
      ['a missing option value', ['audit', '--format'], /--format needs a value/],
      ['a bad --max-file-size', ['audit', '--max-file-size', 'big'], /--max-file-size/],
      ['two folders', ['audit', 'a', 'b'], /expected one folder/],
    ];
    for (const [what, argv, message] of cases) {
      it(what, async () => {
        const out = await cli(argv, tmp);
        assert.equal(out.code, 2);
        assert.equal(out.stdout, '');
        assert.match(out.stderr, message);
      });
    }
  });

  describe('other commands', () => {
    it('--version prints the package version', async () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
      const out = await cli(['--version'], tmp);
      assert.equal(out.code, 0);
      assert.equal(out.stdout, `${pkg.version}\n`);
    });

    it('--help prints usage', async () => {
      for (const argv of [['--help'], ['audit', '--help'], ['help']]) {
        const out = await cli(argv, tmp);
        assert.equal(out.code, 0);
        assert.match(out.stdout, /Usage: warden/);
        assert.match(out.stdout, /--format/);
      }
    });

    it('rules lists every rule with severity, fix applicability and description', async () => {
      const out = await cli(['rules'], tmp);
      assert.equal(out.code, 0);
      for (const r of allRules) {
        assert.match(out.stdout, new RegExp(`^${r.meta.id} +${r.meta.severity} +${r.meta.fix} +.+$`, 'm'));
      }
      const json = JSON.parse((await cli(['rules', '--format', 'json'], tmp)).stdout);
      assert.deepEqual(json.map((r: { id: string }) => r.id), allRules.map((r) => r.meta.id));
    });
  });

  describe('bundled entry point (bin/warden.js -> dist/cli.js)', () => {
    before(function () {
      this.timeout(120_000);
      execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'pipe' });
    });

    function node(args: string[]) {
      return spawnSync(process.execPath, [path.join(REPO, 'bin/warden.js'), ...args], { cwd: tmp, encoding: 'utf8', env: { ...gitEnv(), NO_COLOR: '1' } });
    }

    it('audits and exits 1 with JSON findings', () => {
      const res = node(['audit', 'ws', '--format', 'json']);
      assert.equal(res.status, 1, res.stderr);
      const report = JSON.parse(res.stdout);
      assert.equal(report.version, VERSION);
      assert.ok(report.findings.some((f: { ruleId: string }) => f.ruleId === 'secret/aws-access-key-id'));
      assertNoSecrets(res.stdout + res.stderr);
    });

    it('exits 2 on a usage error and 0 on --version', () => {
      const bad = node(['audit', '--nope']);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /unknown option/);
      const version = node(['--version']);
      assert.equal(version.status, 0);
      assert.equal(version.stdout.trim(), VERSION);
    });

    it('runs dist/cli.js directly too', () => {
      const res = spawnSync(process.execPath, [path.join(REPO, 'dist/cli.js'), 'rules'], { cwd: tmp, encoding: 'utf8' });
      assert.equal(res.status, 0, res.stderr);
      assert.match(res.stdout, /secret\/aws-access-key-id/);
    });
  });
});
