// RuleTester: valid/invalid cases per rule, asserting ids, positions, messages and each fix's output.
import * as assert from 'node:assert/strict';
import { loadBundledWasm } from '../../server/src/host-node';
import { applyFix, checkFile, MemoryHost, type Applicability, type Finding, type GitFileStatus, type Rule, type Severity } from '../../server/src/engine';

export interface ValidCase {
  /** Shown in the test title; defaults to the code. */
  name?: string;
  code: string;
  /** Workspace-relative path of the file under test; the default depends on the rule's tests. */
  path?: string;
  /** Other workspace files (`.env`, `.gitignore`). */
  files?: Record<string, string>;
  /** Git state per path; omit for "no git". */
  git?: Record<string, Partial<GitFileStatus>>;
}

export interface ExpectedFix {
  title?: string | RegExp;
  applicability?: Applicability;
  /** Text of the file under test after applying the fix. */
  output?: string;
  /** Text of other files after applying the fix (`null`: must not be touched). */
  files?: Record<string, string | null>;
  /** The fix runs this command. */
  command?: string;
}

export interface ExpectedError {
  messageId: string;
  message?: string | RegExp;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity?: Severity;
  /** Non-suppression fixes, in order; when given, their count must match. */
  fixes?: ExpectedFix[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
}

export interface RuleTests {
  /** Default path for cases that give none. */
  path?: string;
  valid: (ValidCase | string)[];
  invalid: InvalidCase[];
}

function normalize(c: ValidCase | string, path: string): ValidCase & { path: string } {
  const v = typeof c === 'string' ? { code: c } : c;
  return { ...v, path: v.path ?? path };
}

function title(c: ValidCase): string {
  const t = c.name ?? c.code.replace(/\s+/g, ' ').trim();
  return t.length > 90 ? t.slice(0, 87) + '...' : t;
}

async function run(rule: Rule, c: ValidCase & { path: string }): Promise<Finding[]> {
  const files = new Map(Object.entries(c.files ?? {}));
  files.set(c.path, c.code);
  const git = c.git ? new Map(Object.entries(c.git)) : undefined;
  // The bundled tree-sitter grammars, as the Node host reads them (rules that parse with a real grammar need them).
  const host = new MemoryHost(files, git, loadBundledWasm);
  const result = await checkFile({ path: c.path, text: c.code }, host, { ruleSet: [rule] });
  assert.deepEqual(result.errors, [], 'rule threw');
  return result.findings;
}

/** Registers a mocha suite for `rule`. */
export function ruleTester(rule: Rule, tests: RuleTests): void {
  const defaultPath = tests.path ?? 'src/index.ts';
  describe(`rule ${rule.meta.id}`, () => {
    it('has well-formed tests (no duplicates, every invalid case expects errors)', () => {
      const keys = new Set<string>();
      for (const c of [...tests.valid, ...tests.invalid]) {
        const n = normalize(c, defaultPath);
        const key = `${n.path}\u0000${n.code}\u0000${JSON.stringify(n.files ?? {})}\u0000${JSON.stringify(n.git ?? null)}`;
        assert.ok(!keys.has(key), `duplicate test case: ${title(n)}`);
        keys.add(key);
      }
      for (const c of tests.invalid) assert.ok(c.errors.length > 0, `invalid case without errors: ${title(c)}`);
      assert.ok(tests.valid.length > 0 && tests.invalid.length > 0, 'a rule needs valid and invalid cases');
      for (const e of tests.invalid.flatMap((c) => c.errors)) {
        assert.ok(e.messageId in rule.meta.messages, `unknown messageId ${e.messageId}`);
      }
    });

    describe('valid', () => {
      for (const raw of tests.valid) {
        const c = normalize(raw, defaultPath);
        it(title(c), async () => {
          const findings = await run(rule, c);
          assert.deepEqual(findings.map((f) => `${f.line}:${f.column} ${f.messageId}: ${f.message}`), [], 'expected no findings');
        });
      }
    });

    describe('invalid', () => {
      for (const raw of tests.invalid) {
        const c = normalize(raw, defaultPath) as InvalidCase & { path: string };
        it(title(c), async () => {
          const findings = await run(rule, c);
          assert.equal(findings.length, c.errors.length,
            `expected ${c.errors.length} finding(s), got: ${JSON.stringify(findings.map((f) => `${f.line}:${f.column} ${f.messageId}`))}`);
          findings.forEach((f, i) => checkFinding(rule, c, f, c.errors[i]));
        });
      }
    });
  });
}

function checkFinding(rule: Rule, c: InvalidCase & { path: string }, f: Finding, e: ExpectedError): void {
  assert.equal(f.ruleId, rule.meta.id);
  assert.equal(f.messageId, e.messageId);
  if (typeof e.message === 'string') assert.equal(f.message, e.message);
  else if (e.message) assert.match(f.message, e.message);
  if (e.line !== undefined) assert.equal(f.line, e.line, 'line');
  if (e.column !== undefined) assert.equal(f.column, e.column, 'column');
  if (e.endLine !== undefined) assert.equal(f.endLine, e.endLine, 'endLine');
  if (e.endColumn !== undefined) assert.equal(f.endColumn, e.endColumn, 'endColumn');
  if (e.severity !== undefined) assert.equal(f.severity, e.severity, 'severity');
  // A message never repeats a secret: the reported text must not appear in it.
  const reported = c.code.slice(f.start, f.end);
  if (rule.meta.category === 'secret' && reported.length >= 8) assert.ok(!f.message.includes(reported), `message leaks the secret: ${f.message}`);
  if (!e.fixes) return;
  const fixes = f.fixes.filter((x) => x.kind !== 'suppress');
  assert.equal(fixes.length, e.fixes.length, `fix count; got ${JSON.stringify(fixes.map((x) => x.title))}`);
  fixes.forEach((fix, i) => {
    const want = e.fixes![i];
    if (typeof want.title === 'string') assert.equal(fix.title, want.title);
    else if (want.title) assert.match(fix.title, want.title);
    if (want.applicability) assert.equal(fix.applicability, want.applicability, 'applicability');
    if (want.command) assert.equal(fix.command?.id, want.command, 'command');
    const files: Record<string, string> = { ...(c.files ?? {}), [c.path]: c.code };
    const after = applyFix(fix, (p) => files[p]);
    if (want.output !== undefined) assert.equal(after.get(c.path) ?? c.code, want.output, 'fix output');
    for (const [p, text] of Object.entries(want.files ?? {})) {
      if (text === null) assert.ok(!after.has(p), `fix must not touch ${p}`);
      else assert.equal(after.get(p), text, `fix output of ${p}`);
    }
  });
}
