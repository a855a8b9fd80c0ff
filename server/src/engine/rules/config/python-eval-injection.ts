// config/python-eval-injection: eval() / exec() of a value that is not a constant string (user input is an error).
import { basename } from '../../languages/detect';
import { pySource, type PyCall, type PySource } from '../../languages/python';
import { defineRule, docsUrl } from '../../rule';
import { isTestLikePath } from '../secret/heuristics';

const ID = 'config/python-eval-injection';
const BUILTINS = new Set(['eval', 'exec', 'builtins.eval', 'builtins.exec']);
/** Packaging and docs scripts that exec their own version file: `exec(open("pkg/version.py").read())`. */
const BUILD_SCRIPTS = new Set(['setup.py', 'conf.py', 'noxfile.py', 'fabfile.py', 'tasks.py']);
const FILE_READ = new Set(['open', 'read', 'read_text', '__file__', 'read_bytes']);
const USER_INPUT = /^(?:request|input|raw_input|argv|stdin|query_params|form|args|GET|POST|body|json)$/;

/**
 * Where a module starts calling its own `eval` / `exec` (sympy, a DSL) instead of the builtin: everywhere for a module-level
 * `def`, from the import on for `from x import eval` (function bodies run later, so the import reaches them wherever it is);
 * a method named `eval` (indented `def`) shadows nothing.
 */
function shadowedFrom(src: PySource, name: string): number {
  const t = src.tokens;
  let from = Infinity;
  for (let k = 1; k < t.length; k++) {
    if (t[k].kind !== 'name' || t[k].text !== name) continue;
    if (src.isName(k - 1, 'def')) {
      if (t[k - 1].indent === 0) return 0;
    } else if (src.isName(k - 1, 'import') || (src.is(k - 1, ',') && t[t[k].lineFirst].text === 'from') || src.isName(k - 1, 'as')) {
      from = Math.min(from, t[k].start);
    }
  }
  return from;
}

/** A name that only ever holds one constant string (`code = "x = 1"` at module level, never a parameter or loop variable). */
function constantName(src: PySource, k: number): boolean {
  const t = src.tokens;
  const name = t[k].text;
  const sets = src.assignments().filter((a) => a.target === name);
  if (sets.length === 0 || sets.some((a) => a.op !== '=' || src.literal(a.from, a.to)?.kind !== 'str')) return false;
  for (let j = 1; j < t.length; j++) {
    if (t[j].kind !== 'name' || t[j].text !== name) continue;
    const first = t[t[j].lineFirst].text;
    if (first === 'def' || first === 'async' || first === 'lambda' || src.isName(j - 1, 'for') || src.isName(j - 1, 'as') || src.isName(j - 1, 'global')) return false;
  }
  return true;
}

function classify(src: PySource, call: PyCall): 'dynamic' | 'userInput' | undefined {
  const first = call.args[0];
  if (!first || first.name) return undefined;
  if (src.literal(first.from, first.to)?.kind === 'str') return undefined;
  if (first.to - first.from === 1 && src.tokens[first.from].kind === 'name' && constantName(src, first.from)) return undefined;
  const names = src.tokens.slice(first.from, first.to).filter((t) => t.kind === 'name').map((t) => t.text);
  if (names.some((n) => FILE_READ.has(n))) return undefined;
  return names.some((n) => USER_INPUT.test(n)) ? 'userInput' : 'dynamic';
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'eval() or exec() called on a value that is not a constant string; an error when it comes from the request, argv or input().',
    severity: 'warning',
    cwe: 'CWE-95',
    fix: 'none',
    messages: {
      dynamic: '{{name}}() runs whatever code this value holds; parse data with ast.literal_eval or json.loads instead',
      userInput: '{{name}}() runs code taken from user input: anyone who controls it can run commands on this machine',
    },
    help:
      'eval and exec run arbitrary Python. For data, use ast.literal_eval or json.loads; for dispatch, use a dict of allowed functions. ' +
      `Docs: ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang, path }) => lang === 'python' && !isTestLikePath(path) && !BUILD_SCRIPTS.has(basename(path)),
  check(ctx) {
    if (!/\b(?:eval|exec)\s*\(/.test(ctx.text)) return;
    const src = pySource(ctx);
    const shadowed = new Map<string, number>();
    for (const call of src.calls()) {
      if (!BUILTINS.has(call.callee)) continue;
      const name = call.callee.replace('builtins.', '');
      if (!shadowed.has(name)) shadowed.set(name, shadowedFrom(src, name));
      const from = shadowed.get(name)!;
      const callee = src.tokens[call.calleeFrom];
      if (!call.callee.startsWith('builtins.') && (callee.start >= from || (from < Infinity && callee.indent > 0))) continue;
      const kind = classify(src, call);
      if (!kind) continue;
      const t = src.tokens;
      ctx.report({ start: t[call.calleeFrom].start, end: t[call.close].end, messageId: kind, data: { name }, severity: kind === 'userInput' ? 'error' : undefined });
    }
  },
});
