// `warden audit --baseline/--write-baseline`, `--test-paths` and `--include-minified`, in-process over temporary workspaces.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../server/src/cli/main';
import { awsKeyId } from '../helpers/secrets';
import { write } from '../helpers/workspace';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], cwd: string): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd });
  return { code, stdout, stderr };
}

const KEY = awsKeyId(21);
const OTHER_KEY = awsKeyId(22);
const APP = (key: string, before = ''): string => `${before}const accessKeyId = '${key}';\nmodule.exports = { accessKeyId };\n`;

describe('cli: baseline', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-baseline-'));
    write(root, 'src/app.js', APP(KEY));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  async function writeBaseline(): Promise<number> {
    const w = await cli(['audit', '--write-baseline', '.warden-baseline.json'], root);
    assert.equal(w.code, 0, w.stderr);
    assert.equal(w.stdout, '');
    const m = /^warden: (\d+) findings? written to the baseline \.warden-baseline\.json\n$/.exec(w.stderr);
    assert.ok(m, w.stderr);
    return Number(m[1]);
  }

  it('writes the fingerprints of the current findings, without values or lines, and exits 0', async () => {
    const before = await cli(['audit', '-f', 'json'], root);
    assert.equal(before.code, 1);
    const reported = JSON.parse(before.stdout).findings as { ruleId: string; path: string; fingerprint: string }[];
    assert.ok(reported.length > 0);
    assert.equal(await writeBaseline(), new Set(reported.map((f) => f.fingerprint)).size);
    const text = fs.readFileSync(path.join(root, '.warden-baseline.json'), 'utf8');
    assert.ok(!text.includes(KEY), 'the secret is in the baseline');
    const file = JSON.parse(text);
    assert.equal(file.version, 1);
    assert.equal(file.tool, 'warden');
    for (const f of reported) assert.ok(file.findings.some((b: typeof f) => b.fingerprint === f.fingerprint && b.ruleId === f.ruleId && b.path === f.path));
    assert.doesNotMatch(text, /"line"/);
    await writeBaseline();
    assert.equal(fs.readFileSync(path.join(root, '.warden-baseline.json'), 'utf8'), text, 'rewriting gives the same bytes');
  });

  it('--baseline hides accepted findings and says how many', async () => {
    const n = await writeBaseline();
    const r = await cli(['audit', '--baseline', '.warden-baseline.json', '--no-color'], root);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, new RegExp(`^No findings; \\d+ files? checked, ${n} baselined\\.\\n$`));
    const json = await cli(['audit', '--baseline=.warden-baseline.json', '-f', 'json'], root);
    assert.equal(JSON.parse(json.stdout).baselined, n);
    const plain = await cli(['audit', '-f', 'json'], root);
    assert.equal(JSON.parse(plain.stdout).baselined, undefined, 'no baseline, no count');
  });

  it('keeps findings baselined when lines move, and reports a changed secret', async () => {
    const n = await writeBaseline();
    write(root, 'src/app.js', APP(KEY, '// header\n\n\nfunction unrelated() {}\n\n'));
    const moved = await cli(['audit', '--baseline', '.warden-baseline.json', '--no-color'], root);
    assert.equal(moved.code, 0, moved.stdout);

    write(root, 'src/app.js', APP(OTHER_KEY));
    const changed = await cli(['audit', '--baseline', '.warden-baseline.json', '--no-color'], root);
    assert.equal(changed.code, 1);
    assert.match(changed.stdout, /src\/app\.js:1:/);
    assert.match(changed.stdout, / 0 baselined\.\n$/);
    assert.ok(n > 0);
  });

  it('reports a new secret while the old one stays baselined', async () => {
    await writeBaseline();
    write(root, 'src/new.js', APP(OTHER_KEY));
    const r = await cli(['audit', '--baseline', '.warden-baseline.json', '-f', 'json'], root);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout);
    assert.deepEqual([...new Set(report.findings.map((f: { path: string }) => f.path))], ['src/new.js']);
    assert.ok(report.baselined > 0);
  });

  it('a missing or bad baseline file is a usage error (exit 2) with a clear message', async () => {
    const missing = await cli(['audit', '--baseline', 'nope.json'], root);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^warden: baseline file not found: nope\.json \(create it with --write-baseline nope\.json\)\n$/);
    write(root, 'bad.json', '{"version": 1, "findings": [{"ruleId": "secret/x"}]}');
    const bad = await cli(['audit', '--baseline', 'bad.json'], root);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^warden: bad baseline bad\.json: findings\[0\]\.path must be a non-empty string\n$/);
    write(root, 'broken.json', '{ not json');
    const broken = await cli(['audit', '--baseline', 'broken.json'], root);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /bad baseline broken\.json: not valid JSON/);
    assert.equal(broken.stdout, '');
    const noName = await cli(['audit', '--baseline='], root);
    assert.equal(noName.code, 2);
  });

  it('--write-baseline reports an unwritable path as exit 2', async () => {
    write(root, 'blocker', 'a file, not a folder');
    const r = await cli(['audit', '--write-baseline', 'blocker/baseline.json'], root);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot write blocker\/baseline\.json/);
  });
});

describe('cli: --test-paths and --include-minified', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-scope-'));
    write(root, 'test/fixture.js', APP(KEY));
    write(root, 'dist/app.min.js', APP(OTHER_KEY));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  interface Row { path: string; severity: string; message: string }
  async function audit(...flags: string[]): Promise<{ code: number; findings: Row[]; skipped: { path: string; reason: string }[] }> {
    const r = await cli(['audit', '-f', 'json', ...flags], root);
    const report = JSON.parse(r.stdout);
    return { code: r.code, findings: report.findings, skipped: report.skipped };
  }

  it('marks findings in test files, lowers them or drops them', async () => {
    const same = await audit();
    assert.ok(same.findings.length > 0);
    for (const f of same.findings) {
      assert.equal(f.path, 'test/fixture.js');
      assert.match(f.message, /\(in a test file\)$/);
    }
    const lower = await audit('--test-paths', 'lower');
    const down: Record<string, string> = { error: 'warning', warning: 'info', info: 'hint', hint: 'hint' };
    assert.deepEqual(lower.findings.map((f) => f.severity), same.findings.map((f) => down[f.severity]));
    const off = await audit('--test-paths=off');
    assert.deepEqual(off.findings, []);
    assert.equal(off.code, 0);
    const bad = await cli(['audit', '--test-paths', 'hide'], root);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown --test-paths mode 'hide' \(expected same, lower or off\)/);
  });

  it('skips minified bundles with a reason unless --include-minified', async () => {
    const def = await audit();
    assert.ok(!def.findings.some((f) => f.path === 'dist/app.min.js'));
    assert.match(def.skipped.find((s) => s.path === 'dist/app.min.js')?.reason ?? '', /minified bundle/);
    const all = await audit('--include-minified');
    assert.ok(all.findings.some((f) => f.path === 'dist/app.min.js'));
    assert.ok(!all.skipped.some((s) => s.path === 'dist/app.min.js'));
    const bad = await cli(['audit', '--include-minified=yes'], root);
    assert.equal(bad.code, 2);
  });
});
