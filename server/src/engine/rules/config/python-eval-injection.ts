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

/** A module that defines or imports its own `eval` / `exec` (sympy, a DSL) calls that instead of the builtin. */
function shadowsBuiltin(src: PySource, name: string): boolean {
  const t = src.tokens;
  for (let k = 1; k < t.length; k++) {
    if (t[k].kind !== 'name' || t[k].text !== name) continue;
    if (src.isName(k - 1, 'def') || src.isName(k - 1, 'import') || (src.is(k - 1, ',') && t[t[k].lineFirst].text === 'from') || src.isName(k - 1, 'as')) return true;
  }
  return false;
}

function classify(src: PySource, call: PyCall): 'dynamic' | 'userInput' | undefined {
  const first = call.args[0];
  if (!first || first.name) return undefined;
  if (src.literal(first.from, first.to)?.kind === 'str') return undefined;
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
    const shadowed = new Map<string, boolean>();
    for (const call of src.calls()) {
      if (!BUILTINS.has(call.callee)) continue;
      const name = call.callee.replace('builtins.', '');
      if (!shadowed.has(name)) shadowed.set(name, shadowsBuiltin(src, name));
      if (shadowed.get(name)) continue;
      const kind = classify(src, call);
      if (!kind) continue;
      const t = src.tokens;
      ctx.report({ start: t[call.calleeFrom].start, end: t[call.close].end, messageId: kind, data: { name }, severity: kind === 'userInput' ? 'error' : undefined });
    }
  },
});
