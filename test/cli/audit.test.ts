// Tests the shared audit runner (used by the CLI and the language server) and the report's secret guards.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { auditFolder } from '../../server/src/audit';
import { reportableFix, scrub, secretValues } from '../../server/src/cli/report';
import { formatText } from '../../server/src/cli/format-text';
import { defineRule, LineIndex, MemoryHost, type Fix, type Host, type Rule } from '../../server/src/engine';
import { token } from '../helpers/secrets';

const todo: Rule = defineRule({
  meta: { id: 'config/todo', category: 'config', description: 'x', severity: 'warning', cwe: 'CWE-1', fix: 'none', messages: { found: 'found TODO' } },
  appliesTo: () => true,
  check(ctx) {
    for (const m of ctx.text.matchAll(/TODO/g)) ctx.report({ start: m.index, end: m.index + 4, messageId: 'found' });
  },
});

const crashy: Rule = defineRule({
  meta: { id: 'config/crashy', category: 'config', description: 'x', severity: 'error', cwe: 'CWE-1', fix: 'none', messages: { m: 'm' } },
  appliesTo: ({ path }) => path.endsWith('.crash'),
  check() {
    throw new Error('boom');
  },
});

function memoryHost(files: Record<string, string>): MemoryHost {
  return new MemoryHost(new Map(Object.entries(files)));
}

describe('auditFolder', () => {
  it('checks the given files and collects findings, skips and rule errors', async () => {
    const host = memoryHost({ 'a.js': 'TODO\n', 'b.bin': 'TODO\u0000', 'c.crash': 'TODO' });
    const r = await auditFolder('/ws', { host, files: ['a.js', 'b.bin', 'c.crash', 'missing.js'], ruleSet: [todo, crashy] });
    assert.equal(r.root, '/ws');
    assert.equal(r.files, 4);
    assert.deepEqual(r.findings.map((f) => `${f.path}:${f.line}`), ['a.js:1', 'c.crash:1']);
    assert.deepEqual(r.skipped.map((s) => s.path), ['b.bin', 'missing.js']);
    assert.match(r.skipped[0].reason, /binary/);
    assert.deepEqual(r.errors, [{ path: 'c.crash', ruleId: 'config/crashy', message: 'boom' }]);
    assert.equal(r.cancelled, false);
    assert.ok(r.durationMs >= 0);
  });

  it('treats a host that throws as an unreadable file', async () => {
    const host: Host = {
      readFile: async (p) => {
        if (p === 'bad.js') throw new Error('EACCES');
        return 'TODO';
      },
    };
    const r = await auditFolder('/ws', { host, files: ['bad.js', 'good.js'], ruleSet: [todo] });
    assert.deepEqual(r.skipped.map((s) => s.path), ['bad.js']);
    assert.deepEqual(r.findings.map((f) => f.path), ['good.js']);
  });

  it('applies rule levels and the size limit', async () => {
    const host = memoryHost({ 'a.js': 'TODO', 'big.js': 'TODO'.repeat(50) });
    const r = await auditFolder('/ws', { host, files: ['a.js', 'big.js'], ruleSet: [todo], rules: { 'config/todo': 'error' }, maxFileSize: 100 });
    assert.deepEqual(r.findings.map((f) => f.severity), ['error']);
    assert.deepEqual(r.skipped.map((s) => s.path), ['big.js']);
    const off = await auditFolder('/ws', { host, files: ['a.js'], ruleSet: [todo], rules: { 'config/todo': 'off' } });
    assert.equal(off.findings.length, 0);
  });

  it('reports progress for every file', async () => {
    const files = Array.from({ length: 20 }, (_, i) => `f${i}.js`);
    const host = memoryHost(Object.fromEntries(files.map((f) => [f, 'x'])));
    const seen: [number, number, string][] = [];
    await auditFolder('/ws', { host, files, ruleSet: [todo], onProgress: (done, total, p) => seen.push([done, total, p]) });
    assert.deepEqual(seen, files.map((f, i) => [i + 1, 20, f]));
  });

  it('yields to the event loop so a cancel request can land, and stops', async () => {
    const files = Array.from({ length: 200 }, (_, i) => `f${i}.js`);
    const host = memoryHost(Object.fromEntries(files.map((f) => [f, 'TODO'])));
    const token = { cancelled: false };
    let checked = 0;
    setImmediate(() => (token.cancelled = true));
    const r = await auditFolder('/ws', { host, files, ruleSet: [todo], token, onProgress: () => void checked++ });
    assert.equal(r.cancelled, true);
    assert.ok(checked < files.length, `checked all ${checked} files before seeing the cancel`);
    assert.equal(r.findings.length, checked);
  });

  it('lists the folder itself when no files are given, and never throws for a missing folder', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-audit-'));
    try {
      fs.writeFileSync(path.join(tmp, 'a.txt'), 'TODO');
      fs.mkdirSync(path.join(tmp, 'node_modules'));
      fs.writeFileSync(path.join(tmp, 'node_modules', 'b.txt'), 'TODO');
      const host = { readFile: async (p: string) => fs.readFileSync(path.join(tmp, p), 'utf8') };
      const r = await auditFolder(tmp, { host, ruleSet: [todo] });
      assert.deepEqual(r.findings.map((f) => f.path), ['a.txt']);
      const missing = await auditFolder(path.join(tmp, 'nope'), { host, ruleSet: [todo] });
      assert.equal(missing.files, 0);
      assert.equal(missing.errors.length, 1);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('report secret guards', () => {
  const secret = token(11);

  it('reads secret values back from secret findings only', async () => {
    const text = `key = "${secret}"\n`;
    const start = text.indexOf('"');
    const finding = { ruleId: 'secret/generic-secret', path: 'a.py', start, end: text.lastIndexOf('"') + 1 } as any;
    const other = { ...finding, ruleId: 'sql/string-built-query' };
    assert.deepEqual(await secretValues([finding, other], async () => text), [secret]);
    assert.deepEqual(await secretValues([other], async () => text), []);
  });

  it('drops fixes that write to a dotenv file or carry the secret', () => {
    const edit = (newText: string) => new LineIndex('').edit(0, 0, newText);
    const envFix: Fix = { title: 'env', applicability: 'unsafe', changes: [{ path: 'config/.env.local', create: true, edits: [edit('X=1\n')] }] };
    const leaky: Fix = { title: 'leak', applicability: 'unsafe', changes: [{ path: 'a.js', edits: [edit(`x = '${secret}'`)] }] };
    const fine: Fix = { title: 'ok', applicability: 'safe', changes: [{ path: '.gitignore', edits: [edit('/.env\n')] }] };
    assert.equal(reportableFix(envFix, [secret]), false);
    assert.equal(reportableFix(leaky, [secret]), false);
    assert.equal(reportableFix(fine, [secret]), true);
  });

  it('scrubs any secret left in the output, raw or JSON-escaped', () => {
    const quoted = `ab"c\\d${secret}`;
    const out = scrub(`x ${secret} y ${JSON.stringify(quoted)}`, [quoted, secret]);
    assert.ok(!out.includes(secret));
    assert.match(out, /\*{4,}/);
  });

  it('prints messages, never source lines', () => {
    const text = formatText({
      version: '0', root: '/ws', files: 1, skipped: [], errors: [], cancelled: false, durationMs: 1,
      findings: [{ ruleId: 'secret/x', messageId: 'm', message: 'a secret\nsplit', severity: 'error', path: 'a.js', start: 0, end: 1, line: 1, column: 1, endLine: 1, endColumn: 2, fingerprint: 'f', fixes: [] }],
    }, { color: false });
    assert.equal(text, 'a.js:1:1  error    a secret split  [secret/x]\n\n1 finding (1 error) in 1 file; 1 file checked.\n');
  });
});
