// config/python-eval-injection: eval() / exec() of a value that is not a constant string (user input is an error).
import { basename } from '../../languages/detect';
import { pySource, type PyArg, type PyCall, type PySource } from '../../languages/python';
import { defineRule, docsUrl } from '../../rule';
import { isTestLikePath } from '../secret/heuristics';
import { attributeBindings, bindingsOf, enclosingDef, headerColon, paramNames, type PyBinding } from './shared/py-bindings';

const ID = 'config/python-eval-injection';
const BUILTINS = new Set(['eval', 'exec', 'builtins.eval', 'builtins.exec']);
/** Packaging and docs scripts that exec their own version file: `exec(open("pkg/version.py").read())`. */
const BUILD_SCRIPTS = new Set(['setup.py', 'conf.py', 'noxfile.py', 'fabfile.py', 'tasks.py']);
const FILE_READ = new Set(['open', 'read', 'read_text', '__file__', 'read_bytes']);
/** Names that carry user input wherever they appear. */
const USER_INPUT = /^(?:request|input|raw_input|argv|stdin)$/;
/** Names that carry user input as an attribute (`request.args`, `self.request.GET`); alone they are often plain locals. */
const USER_ATTRIBUTE = /^(?:query_params|form|args|GET|POST|body|json)$/;
/** Calls that produce code objects: `exec(code)` then runs what was compiled, which is where the source was chosen. */
const CODE_OBJECT = /^(?:compile|get_code|source_to_code|get_frozen_object|_get_module_code|_compile_bytecode)$/;
/** Text of a code-generation template: it defines a function or class whose holes are identifiers. */
const CODEGEN = /^\s*(?:(?:async\s+)?def\s|lambda\b|class\s|@)/;
/** Namespaces of a stack frame: a debugger evaluating what its user typed at the prompt. */
const FRAME_NAMESPACE = /^f_(?:globals|locals|builtins)$/;

/** Where the code comes from, from safest to worst; the worst source of a value wins. */
const enum Origin {
  Constant,
  /** A code object (`compile(...)`) or a file the program reads (`open("version.py").read()`). */
  Code,
  Param,
  Dynamic,
  User,
}

/**
 * Where an eval/exec argument comes from, following names through their assignments, loop targets and parameters in the
 * enclosing function (else the module), with a depth limit so cycles stop.
 */
class Tracer {
  constructor(private readonly src: PySource) {}

  private readonly seen = new Set<string>();

  origin(from: number, to: number, depth = 0): Origin {
    const src = this.src;
    const t = src.tokens;
    [from, to] = this.unwrap(from, to);
    if (from >= to || depth > 6) return Origin.Dynamic;
    if (this.text(from, to, depth) !== undefined) return Origin.Constant;
    const names: number[] = [];
    for (let j = from; j < to; j++) if (t[j].kind === 'name') names.push(j);
    if (names.some((j) => this.userName(j))) return Origin.User;
    const target = this.reference(from, to);
    if (target !== undefined) return this.bindingsOrigin(from, target, depth);
    // `compile(request.args["code"], "<string>", "exec")`: the code object holds user input, the same as the text.
    if (src.isName(from, 'compile') && src.is(from + 1, '(') && t[from + 1].match === to - 1) {
      const source = src.splitArgs(from + 1, to - 1).find((a) => !a.name || a.name === 'source');
      if (source && this.origin(source.from, source.to, depth + 1) === Origin.User) return Origin.User;
    }
    if (names.some((j) => CODE_OBJECT.test(t[j].text) || (t[j].text === 'loads' && src.isName(j - 2, 'marshal')))) return Origin.Code;
    if (names.some((j) => FILE_READ.has(t[j].text))) return Origin.Code;
    // `"x = " + value`, `template % args`: the worst operand.
    const parts = this.split(from, to, /^[+%]$/);
    if (parts.length > 1) return Math.max(...parts.map(([a, b]) => this.origin(a, b, depth + 1)));
    return Origin.Dynamic;
  }

  /** Whether name token `j` reads user input: `request`, `input()`, `sys.argv`, `request.args`, argparse's `args.expr`. */
  private userName(j: number): boolean {
    const src = this.src;
    const name = src.tokens[j].text;
    // `f(input=...)`: a keyword argument's name.
    if (src.is(j + 1, '=')) return false;
    if (USER_INPUT.test(name)) return !src.is(j - 1, '.') || name !== 'input';
    return USER_ATTRIBUTE.test(name) && (src.is(j - 1, '.') || (name === 'args' && src.is(j + 1, '.')));
  }

  /** `name` or `self.attr`: the target text whose bindings give the value. */
  private reference(from: number, to: number): string | undefined {
    const src = this.src;
    if (to - from === 1 && src.isName(from)) return src.tokens[from].text;
    if (to - from === 3 && src.isName(from) && src.is(from + 1, '.') && src.isName(from + 2) && /^(?:self|cls)$/.test(src.tokens[from].text)) {
      return src.normalize(from, to);
    }
    return undefined;
  }

  private bindings(at: number, target: string): PyBinding[] {
    return target.includes('.') ? attributeBindings(this.src, target) : bindingsOf(this.src, at, target);
  }

  private bindingsOrigin(at: number, target: string, depth: number): Origin {
    if (!target.includes('.') && this.guarded(at, target, depth)) return Origin.Constant;
    const key = `${target}@${target.includes('.') ? '' : enclosingDef(this.src, at)}`;
    if (this.seen.has(key)) return Origin.Dynamic;
    this.seen.add(key);
    try {
      const all = this.bindings(at, target);
      if (all.length === 0) return Origin.Dynamic;
      return Math.max(...all.map((b) => {
        if (b.kind === 'param') return Origin.Param;
        if (b.kind === 'other') return Origin.Dynamic;
        if (b.kind === 'for') return this.items(b.from, b.to, depth + 1) ? Origin.Constant : Origin.Dynamic;
        return this.origin(b.from, b.to, depth + 1);
      }));
    } finally {
      this.seen.delete(key);
    }
  }

  /** The constant string tokens `[from, to)` spell: literals, their concatenation, names that only ever hold one. */
  text(from: number, to: number, depth = 0): string | undefined {
    const src = this.src;
    [from, to] = this.unwrap(from, to);
    if (from >= to || depth > 6) return undefined;
    const lit = src.literal(from, to);
    if (lit?.kind === 'str') return lit.value;
    const parts = this.split(from, to, /^\+$/);
    if (parts.length > 1) {
      const texts = parts.map(([a, b]) => this.text(a, b, depth + 1));
      return texts.every((x) => x !== undefined) ? texts.join('') : undefined;
    }
    const target = this.reference(from, to);
    if (target === undefined) return undefined;
    if (!target.includes('.') && this.guarded(from, target, depth)) return '';
    const key = `text:${target}@${enclosingDef(src, from)}`;
    if (this.seen.has(key)) return undefined;
    this.seen.add(key);
    try {
      const all = this.bindings(from, target);
      const values = all.map((b) => (b.kind === 'assign' ? this.text(b.from, b.to, depth + 1) : b.kind === 'for' && this.items(b.from, b.to, depth + 1) ? '' : undefined));
      return all.length > 0 && values.every((v) => v !== undefined) ? values.join('\n') : undefined;
    } finally {
      this.seen.delete(key);
    }
  }

  /** Whether tokens `[from, to)` are a list, tuple or set of constant strings, directly or through a name. */
  items(from: number, to: number, depth: number): boolean {
    const src = this.src;
    const t = src.tokens;
    [from, to] = this.unwrap(from, to, false);
    if (from >= to || depth > 6) return false;
    if (/^[[({]$/.test(t[from].text) && t[from].match === to - 1) {
      const items = src.splitArgs(from, to - 1);
      return items.every((a) => !a.name && this.text(a.from, a.to, depth + 1) !== undefined);
    }
    const target = this.reference(from, to);
    if (target === undefined) return false;
    const all = this.bindings(from, target);
    return all.length > 0 && all.every((b) => b.kind === 'assign' && this.items(b.from, b.to, depth + 1));
  }

  /**
   * Whether the name at token `at` sits in a branch that only runs for constant values of it:
   * `if name in ["True", "False"]:`, `elif name == "x":`.
   */
  private guarded(at: number, name: string, depth: number): boolean {
    const src = this.src;
    const t = src.tokens;
    let first = t[at].lineFirst;
    const own = headerColon(src, first);
    let indent = t[first].indent;
    // `if name in (...): eval(name)` on one line.
    if (own >= 0 && at > own && this.constantTest(first, own, name, depth)) return true;
    for (let j = first - 1; j >= 0 && indent > 0; j = t[j].lineFirst - 1) {
      first = t[j].lineFirst;
      if (t[first].indent >= indent) continue;
      indent = t[first].indent;
      if (src.isName(first, 'def') || src.isName(first, 'async') || src.isName(first, 'class')) return false;
      const colon = headerColon(src, first);
      if (colon >= 0 && this.constantTest(first, colon, name, depth)) return true;
    }
    return false;
  }

  /**
   * Whether the header `if`/`elif` at `first` tests `name in <constant strings>` or `name == "…"` (alone or in an `and`),
   * in every branch of an `or` (`if name == "a" or name == "b":`).
   */
  private constantTest(first: number, colon: number, name: string, depth: number): boolean {
    const src = this.src;
    if (!src.isName(first, 'if') && !src.isName(first, 'elif')) return false;
    const [from, to] = this.unwrap(first + 1, colon);
    return this.split(from, to, /^or$/).every(([o1, o2]) => this.split(...this.unwrap(o1, o2), /^and$/).some(([a, b]) => {
      [a, b] = this.unwrap(a, b);
      if (!src.isName(a, name) || b - a < 3) return false;
      if (src.isName(a + 1, 'in') && this.items(a + 2, b, depth + 1)) return true;
      return src.is(a + 1, '==') && this.text(a + 2, b, depth + 1) !== undefined;
    }));
  }

  /** Whether tokens `[from, to)` build the text of a function or class to define (`"def %s(self): ..." % name`). */
  codegen(from: number, to: number, depth = 0): boolean {
    const src = this.src;
    const t = src.tokens;
    [from, to] = this.unwrap(from, to);
    if (from >= to || depth > 6) return false;
    if (t[from].kind === 'string') {
      let j = from;
      while (j < to && t[j].kind === 'string') j++;
      if (j === to || src.is(j, '%') || (src.is(j, '.') && src.isName(j + 1, 'format'))) {
        return CODEGEN.test(t.slice(from, j).map((x) => x.value ?? '').join(''));
      }
      return false;
    }
    const target = this.reference(from, to);
    if (target !== undefined) {
      const all = this.bindings(from, target);
      return all.length > 0 && all.every((b) => b.kind === 'assign' && this.codegen(b.from, b.to, depth + 1));
    }
    // `TEMPLATE % args`, `TEMPLATE.format(...)` with a constant template.
    let end = from;
    while (end < to && !src.is(end, '%') && !(src.is(end, '.') && src.isName(end + 1, 'format') && src.is(end + 2, '('))) end = src.next(end);
    if (end === to) return false;
    const text = this.text(from, end, depth + 1);
    return text !== undefined && CODEGEN.test(text);
  }

  /** Tokens inside redundant parentheses: `(a + b)` but not the tuple `(a, b)`. */
  private unwrap(from: number, to: number, tuples = true): [number, number] {
    const src = this.src;
    while (to - from > 2 && src.is(from, '(') && src.tokens[from].match === to - 1) {
      if (!tuples) break;
      if (src.splitArgs(from, to - 1).length !== 1 || src.is(to - 2, ',')) break;
      from++;
      to--;
    }
    return [from, to];
  }

  /** Tokens `[from, to)` cut at top-level operators matching `op` (names too, for `and`). */
  private split(from: number, to: number, op: RegExp): [number, number][] {
    const src = this.src;
    const out: [number, number][] = [];
    let start = from;
    for (let j = from; j < to; j = src.next(j)) {
      const tok = src.tokens[j];
      if ((tok.kind === 'op' || tok.kind === 'name') && op.test(tok.text) && j > start) {
        out.push([start, j]);
        start = j + 1;
      }
    }
    out.push([start, to]);
    return out;
  }
}

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

/** Positional and keyword namespaces passed to eval/exec: `globals`, `locals`. */
function namespaces(call: PyCall): PyArg[] {
  return call.args.filter((a, i) => (i > 0 && !a.name) || a.name === 'globals' || a.name === 'locals');
}

/**
 * Whether a namespace shows that this is an evaluator rather than a sink: a stack frame's (a debugger), or one the enclosing
 * function takes as a parameter (`def run(cmd, globals, locals)`, as profilers and `typing.get_type_hints` do).
 */
function evaluatorNamespace(src: PySource, call: PyCall, ns: PyArg): boolean {
  const t = src.tokens;
  for (let j = ns.from; j < ns.to; j++) if (t[j].kind === 'name' && FRAME_NAMESPACE.test(t[j].text)) return true;
  if (ns.to - ns.from !== 1 || !src.isName(ns.from)) return false;
  const def = enclosingDef(src, call.calleeFrom);
  return def >= 0 && paramNames(src, def).includes(t[ns.from].text);
}

function classify(src: PySource, call: PyCall): 'dynamic' | 'userInput' | undefined {
  const first = call.args[0];
  if (!first || first.name) return undefined;
  const tracer = new Tracer(src);
  const origin = tracer.origin(first.from, first.to);
  if (origin === Origin.User) return 'userInput';
  if (origin <= Origin.Code) return undefined;
  const ns = namespaces(call);
  if (ns.length > 0 && tracer.codegen(first.from, first.to)) return undefined;
  if (ns.some((a) => evaluatorNamespace(src, call, a))) return undefined;
  return 'dynamic';
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'eval() or exec() of code built from data (not constants, code objects or code generation); an error when it comes from the request, argv or input().',
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
