// Engine behaviour shared by all rules: registry, suppression, skipping, crash isolation, fingerprints.
import * as assert from 'node:assert/strict';
import { allRules, buildRegistry, checkFile, defineRule, MemoryHost, redact, type Rule } from '../../server/src/engine';

const todo: Rule = defineRule({
  meta: { id: 'config/todo', category: 'config', description: 'x', severity: 'warning', cwe: 'CWE-1', fix: 'none', messages: { found: 'found {{what}}' } },
  appliesTo: () => true,
  check(ctx) {
    for (const m of ctx.text.matchAll(/TODO/g)) ctx.report({ start: m.index, end: m.index + 4, messageId: 'found', data: { what: 'TODO' } });
  },
});

describe('engine', () => {
  it('registry ids are unique, sorted and category-prefixed', () => {
    const ids = allRules.map((r) => r.meta.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(new Set(ids).size, ids.length);
    for (const r of allRules) assert.match(r.meta.id, new RegExp(`^${r.meta.category}/[a-z0-9-]+$`));
  });

  it('a duplicate rule id is fatal', () => {
    assert.throws(() => buildRegistry([todo, todo]), /duplicate rule id: config\/todo/);
  });

  it('reports 1-based positions and a line-independent fingerprint', async () => {
    const host = new MemoryHost();
    const a = await checkFile({ path: 'a.js', text: 'x\n  TODO' }, host, { ruleSet: [todo] });
    const b = await checkFile({ path: 'a.js', text: '\n\n\nx\n  TODO' }, host, { ruleSet: [todo] });
    assert.equal(a.findings.length, 1);
    assert.deepEqual([a.findings[0].line, a.findings[0].column, a.findings[0].endColumn], [2, 3, 7]);
    assert.equal(a.findings[0].message, 'found TODO');
    assert.equal(a.findings[0].fingerprint, b.findings[0].fingerprint);
  });

  it('honours warden-ignore on the line and the line above, for the named rule only', async () => {
    const host = new MemoryHost();
    const text = [
      'TODO // warden-ignore: config/todo -- tracked in JIRA-1',
      '// warden-ignore: config/todo -- ok',
      'TODO',
      '// warden-ignore: secret/other -- wrong rule',
      'TODO',
    ].join('\n');
    const r = await checkFile({ path: 'a.ts', text }, host, { ruleSet: [todo] });
    assert.deepEqual(r.findings.map((f) => f.line), [5]);
  });

  it('offers a suppression fix in the file language comment syntax', async () => {
    const r = await checkFile({ path: 'a.py', text: 'def f():\n    TODO\n' }, new MemoryHost(), { ruleSet: [todo] });
    const fix = r.findings[0].fixes.find((f) => f.kind === 'suppress');
    assert.ok(fix);
    assert.equal(fix.changes[0].edits[0].newText, '    # warden-ignore: config/todo -- <reason>\n');
    const json = await checkFile({ path: 'a.json', text: '{"a": "TODO"}' }, new MemoryHost(), { ruleSet: [todo] });
    assert.equal(json.findings[0].fixes.length, 0, 'JSON has no comments');
  });

  it('skips binary and oversized files with a reason', async () => {
    const bin = await checkFile({ path: 'a.bin', text: 'TODO\u0000' }, new MemoryHost(), { ruleSet: [todo] });
    assert.match(bin.skipped ?? '', /binary/);
    const big = await checkFile({ path: 'a.txt', text: 'TODO'.repeat(100) }, new MemoryHost(), { ruleSet: [todo], maxFileSize: 100 });
    assert.match(big.skipped ?? '', /larger than/);
    assert.equal(big.findings.length, 0);
  });

  it('isolates a crashing rule and applies settings', async () => {
    const boom = defineRule({ ...todo, meta: { ...todo.meta, id: 'config/boom' }, check: () => { throw new Error('kaput'); } });
    const r = await checkFile({ path: 'a.ts', text: 'TODO' }, new MemoryHost(), { ruleSet: [boom, todo], rules: { 'config/todo': 'error' } });
    assert.deepEqual(r.errors, [{ ruleId: 'config/boom', message: 'kaput' }]);
    assert.equal(r.findings[0].severity, 'error');
    const off = await checkFile({ path: 'a.ts', text: 'TODO' }, new MemoryHost(), { ruleSet: [todo], rules: { 'config/todo': 'off' } });
    assert.equal(off.findings.length, 0);
  });
});

describe('redact', () => {
  it('shows at most the public prefix and the last 4 of 16+ characters', () => {
    const key = 'AKIA' + 'ABCDEFGHIJKL' + 'WXYZ';
    assert.equal(redact(key, 'AKIA'), 'AKIA************WXYZ');
    assert.equal(redact('p4ss' + 'w0rd' + 'XY'), '**********');
    assert.equal(redact('x'.repeat(12) + 'TAIL'), '************TAIL');
    assert.equal(redact('ab'), '***');
  });
});
