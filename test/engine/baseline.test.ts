// Baseline format, parsing errors, filtering by fingerprint, and the editor's per-folder cache (no protocol involved).
import * as assert from 'node:assert/strict';
import { checkFile, defineRule, MemoryHost, type Finding, type Rule } from '../../server/src/engine';
import {
  BaselineCache,
  BaselineError,
  createBaseline,
  DEFAULT_BASELINE_PATH,
  filterBaselined,
  parseBaseline,
  serializeBaseline,
} from '../../server/src/engine/baseline';
import { parseSettings } from '../../server/src/settings';
import { token } from '../helpers/secrets';

/** Reports every `key = "<value>"` value, so the fingerprint hashes the value. */
const keyRule: Rule = defineRule({
  meta: { id: 'secret/test-key', category: 'secret', description: 'x', severity: 'error', cwe: 'CWE-798', fix: 'none', messages: { found: 'hardcoded key' } },
  appliesTo: () => true,
  check(ctx) {
    for (const m of ctx.text.matchAll(/key = "([^"]+)"/g)) {
      const start = m.index + m[0].indexOf('"') + 1;
      ctx.report({ start, end: start + m[1].length, messageId: 'found' });
    }
  },
});

async function findings(path: string, text: string): Promise<Finding[]> {
  return (await checkFile({ path, text }, new MemoryHost(), { ruleSet: [keyRule] })).findings;
}

const SECRET_A = token(11);
const SECRET_B = token(12);

describe('baseline', () => {
  it('is sorted, deduplicated and holds no values or line numbers', async () => {
    const b = await findings('b.py', `key = "${SECRET_B}"\nkey = "${SECRET_B}"\n`);
    const a = await findings('a.py', `key = "${SECRET_A}"\n`);
    const baseline = createBaseline([...b, ...a]);
    assert.deepEqual(baseline.findings.map((f) => f.path), ['a.py', 'b.py']);
    const text = serializeBaseline(baseline);
    assert.ok(!text.includes(SECRET_A) && !text.includes(SECRET_B), 'a secret value is in the baseline');
    assert.doesNotMatch(text, /"line"|"column"|"start"/);
    assert.deepEqual(Object.keys(JSON.parse(text)), ['version', 'tool', 'findings']);
    assert.deepEqual(Object.keys(JSON.parse(text).findings[0]), ['ruleId', 'path', 'fingerprint']);
    assert.ok(text.endsWith('}\n'));
    assert.equal(serializeBaseline(createBaseline([...a, ...b])), text, 'order of findings does not matter');
    assert.deepEqual(parseBaseline(text), baseline);
  });

  it('keeps a finding baselined when lines move, and reports it again when the secret changes', async () => {
    const before = await findings('app.py', `import os\nkey = "${SECRET_A}"\n`);
    const baseline = createBaseline(before);
    const moved = await findings('app.py', `import os\n\n\ndef f():\n    key = "${SECRET_A}"\n`);
    assert.deepEqual(filterBaselined(moved, baseline), { findings: [], baselined: 1 });
    const changed = await findings('app.py', `import os\nkey = "${SECRET_B}"\n`);
    const r = filterBaselined(changed, baseline);
    assert.equal(r.baselined, 0);
    assert.equal(r.findings.length, 1);
    const renamed = await findings('other.py', `key = "${SECRET_A}"\n`);
    assert.equal(filterBaselined(renamed, baseline).findings.length, 1, 'the path is part of the fingerprint');
  });

  it('filterBaselined accepts a set, a baseline or nothing', () => {
    const fs = [{ fingerprint: 'a' }, { fingerprint: 'b' }, { fingerprint: 'a' }];
    assert.deepEqual(filterBaselined(fs, new Set(['a'])), { findings: [{ fingerprint: 'b' }], baselined: 2 });
    assert.deepEqual(filterBaselined(fs, undefined), { findings: fs, baselined: 0 });
    assert.deepEqual(filterBaselined(fs, { version: 1, tool: 'warden', findings: [{ ruleId: 'r/x', path: 'p', fingerprint: 'b' }] }).baselined, 1);
  });

  it('rejects bad files with a message saying what is wrong', () => {
    const bad: [string, RegExp][] = [
      ['{', /not valid JSON/],
      ['[]', /expected a JSON object/],
      ['{"version": 2, "findings": []}', /unsupported version 2/],
      ['{"findings": []}', /unsupported version undefined/],
      ['{"version": 1, "tool": "gitleaks", "findings": []}', /written by "gitleaks"/],
      ['{"version": 1, "tool": "warden"}', /"findings" must be an array/],
      ['{"version": 1, "tool": "warden", "findings": [3]}', /findings\[0\] must be an object/],
      ['{"version": 1, "tool": "warden", "findings": [{"ruleId": "a/b", "path": "x"}]}', /findings\[0\]\.fingerprint must be a non-empty string/],
    ];
    for (const [text, message] of bad) assert.throws(() => parseBaseline(text), (e: unknown) => e instanceof BaselineError && message.test(e.message), text);
    assert.deepEqual(parseBaseline('\uFEFF{"version": 1, "findings": []}'), { version: 1, tool: 'warden', findings: [] }, 'BOM and missing tool are fine');
  });
});

describe('baseline in the editor (server-side filter)', () => {
  const file = serializeBaseline(createBaseline([{ ruleId: 'secret/x', path: 'a.py', fingerprint: 'f1' }]));

  it('reads each folder baseline once, until cleared', async () => {
    let reads = 0;
    const cache = new BaselineCache();
    const read = async (p: string): Promise<string | undefined> => (reads++, p === DEFAULT_BASELINE_PATH ? file : undefined);
    const [x, y] = await Promise.all([cache.get('/ws', DEFAULT_BASELINE_PATH, read), cache.get('/ws', DEFAULT_BASELINE_PATH, read)]);
    assert.equal(x, y);
    assert.deepEqual([...x!], ['f1']);
    assert.equal(reads, 1);
    assert.deepEqual(filterBaselined([{ fingerprint: 'f1' }, { fingerprint: 'f2' }], x).findings, [{ fingerprint: 'f2' }]);
    await cache.get('/other', DEFAULT_BASELINE_PATH, read);
    assert.equal(reads, 2, 'one entry per folder');
    cache.clear();
    await cache.get('/ws', DEFAULT_BASELINE_PATH, read);
    assert.equal(reads, 3);
  });

  it('treats a missing file as no baseline and logs a bad one once', async () => {
    const logs: string[] = [];
    const cache = new BaselineCache((m) => logs.push(m));
    assert.equal(await cache.get('/ws', 'none.json', async () => undefined), undefined);
    assert.equal(await cache.get('/ws', 'throws.json', async () => { throw new Error('EACCES'); }), undefined);
    assert.equal(await cache.get('/ws', 'bad.json', async () => '{"version": 9}'), undefined);
    assert.equal(await cache.get('/ws2', 'bad.json', async () => '{"version": 9}'), undefined);
    assert.deepEqual(logs, ['baseline bad.json ignored: unsupported version 9 (expected 1)']);
  });

  it('settings: warden.baseline, warden.testPaths and warden.includeMinified', () => {
    const known = new Set<string>();
    const ok = parseSettings({ baseline: '.\\ci\\baseline.json', testPaths: 'lower', includeMinified: true }, known);
    assert.deepEqual(ok.problems, []);
    assert.equal(ok.settings.baseline, 'ci/baseline.json');
    assert.equal(ok.settings.testPaths, 'lower');
    assert.equal(ok.settings.includeMinified, true);
    const defaults = parseSettings({}, known).settings;
    assert.deepEqual([defaults.baseline, defaults.testPaths, defaults.includeMinified], ['.warden-baseline.json', 'same', false]);
    const bad = parseSettings({ baseline: 3, testPaths: 'hide', includeMinified: 'yes' }, known);
    assert.equal(bad.problems.length, 3);
    assert.deepEqual([bad.settings.baseline, bad.settings.testPaths, bad.settings.includeMinified], ['.warden-baseline.json', 'same', false]);
  });
});
