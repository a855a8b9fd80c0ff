// Which files the engine checks and how: test/fixture/example paths (marked, lowered or dropped) and minified bundles (skipped).
import * as assert from 'node:assert/strict';
import { checkFile, defineRule, isTestPath, MemoryHost, minifiedReason, skipReason, type Rule, type Severity } from '../../server/src/engine';

const todo: Rule = defineRule({
  meta: { id: 'config/todo', category: 'config', description: 'x', severity: 'error', cwe: 'CWE-1', fix: 'none', messages: { found: 'found {{what}}' } },
  appliesTo: () => true,
  check(ctx) {
    for (const m of ctx.text.matchAll(/TODO(!?)/g)) ctx.report({ start: m.index, end: m.index + 4, messageId: 'found', data: { what: 'TODO' }, severity: m[1] ? 'warning' : undefined });
  },
});

describe('test, fixture and example paths', () => {
  const tests = [
    'test/app.js', 'tests/conftest.py', 'src/__tests__/a.tsx', 'spec/models/user_spec.rb', 'pkg/fixtures/creds.json',
    'a/__fixtures__/x.ts', 'internal/testdata/key.pem', 'examples/basic/.env', 'src/api.test.ts', 'src/api.spec.js',
    'db/store_test.go', 'test_settings.py', 'Tests/Unit/AppTest.cs', 'src/__mocks__/client.ts', 'lib/util_test.py',
  ];
  const notTests = [
    'src/app.js', 'src/testing.py', 'contest/entry.py', 'src/latest/x.js', 'attestation.go', 'src/test.js', 'src/protest_test.txt',
    'my_test.rs', 'examples.md', 'spec.md', 'src/specimen.ts', 'docs/example/config.yml',
  ];
  for (const p of tests) it(`${p} is a test path`, () => assert.equal(isTestPath(p), true));
  for (const p of notTests) it(`${p} is not a test path`, () => assert.equal(isTestPath(p), false));

  async function check(path: string, testPaths?: 'same' | 'lower' | 'off'): Promise<{ message: string; severity: Severity }[]> {
    const r = await checkFile({ path, text: 'TODO\nTODO!\n' }, new MemoryHost(), { ruleSet: [todo], testPaths });
    return r.findings.map((f) => ({ message: f.message, severity: f.severity }));
  }

  it('keeps the severity and says so in the message by default', async () => {
    assert.deepEqual(await check('tests/test_api.py'), [
      { message: 'found TODO (in a test file)', severity: 'error' },
      { message: 'found TODO (in a test file)', severity: 'warning' },
    ]);
    assert.deepEqual(await check('src/api.py'), [{ message: 'found TODO', severity: 'error' }, { message: 'found TODO', severity: 'warning' }]);
  });

  it('lowers one level with testPaths: lower, and drops them with off', async () => {
    assert.deepEqual((await check('src/a.test.ts', 'lower')).map((f) => f.severity), ['warning', 'info']);
    assert.deepEqual((await check('src/a.ts', 'lower')).map((f) => f.severity), ['error', 'warning'], 'other files keep theirs');
    assert.deepEqual(await check('fixtures/a.ts', 'off'), []);
    assert.equal((await check('src/a.ts', 'off')).length, 2);
  });

  it('keeps the fingerprint of a finding whatever the mode', async () => {
    const host = new MemoryHost();
    const same = await checkFile({ path: 'test/a.js', text: 'TODO' }, host, { ruleSet: [todo] });
    const lower = await checkFile({ path: 'test/a.js', text: 'TODO' }, host, { ruleSet: [todo], testPaths: 'lower' });
    assert.equal(same.findings[0].fingerprint, lower.findings[0].fingerprint);
  });
});

describe('minified bundles and source maps', () => {
  const longLine = 'var a=1;'.repeat(700);
  const dense = Array.from({ length: 50 }, (_, i) => `var v${i}=` + '"x",'.repeat(150)).join('\n');

  it('skips them by name', () => {
    for (const p of ['dist/app.min.js', 'static/site.min.css', 'public/main.bundle.js', 'dist/app.js.map', 'dist/site.css.map']) {
      assert.ok(minifiedReason(p, 'TODO'), p);
    }
    assert.match(minifiedReason('out/x.map', '{"version":3,"mappings":"AAAA"}') ?? '', /source map/);
    assert.equal(minifiedReason('maps/level.map', 'tiles 1 2 3'), undefined, 'a .map that is not a source map');
  });

  it('skips web assets with a very long line, or long lines on average in a large file', () => {
    assert.match(minifiedReason('vendor/lib.js', `/* header */\n${longLine}\n`) ?? '', /line of 5600 characters/);
    assert.ok(dense.length > 20_000);
    assert.match(minifiedReason('vendor/data.json', dense) ?? '', /average/);
    assert.equal(minifiedReason('src/app.js', 'const a = 1;\n'.repeat(3000)), undefined, 'large but ordinary');
    assert.equal(minifiedReason('src/small.js', dense.slice(0, 15_000)), undefined, 'small files are judged by their longest line only');
  });

  it('never skips config files with long lines (a long line there is more likely a credential)', () => {
    for (const p of ['k8s/secret.yaml', '.env', 'notebook.ipynb', 'id_rsa', 'app.properties', 'Dockerfile']) assert.equal(minifiedReason(p, longLine), undefined, p);
  });

  it('reports the reason as a skip unless includeMinified is set', async () => {
    const text = `TODO\n${longLine}`;
    const r = await checkFile({ path: 'dist/vendor.js', text }, new MemoryHost(), { ruleSet: [todo] });
    assert.equal(r.findings.length, 0);
    assert.match(r.skipped ?? '', /^minified file .*not checked \(set warden.includeMinified or pass --include-minified to check it\)$/);
    const all = await checkFile({ path: 'dist/vendor.js', text }, new MemoryHost(), { ruleSet: [todo], includeMinified: true });
    assert.equal(all.findings.length, 1);
    assert.equal(skipReason(text), undefined, 'without a path only size and binary content count');
  });
});
