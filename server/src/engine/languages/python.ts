// A small Python tokenizer and the views the config rules need: logical lines, calls with keyword arguments, assignments, literals.
import { pythonImportOsEdit } from '../fixes/env-var';
import type { LineIndex } from '../text';
import type { Fix, TextEdit } from '../types';
import { basename, dirname } from './detect';

export type PyKind = 'name' | 'number' | 'string' | 'op';

export interface PyToken {
  kind: PyKind;
  start: number;
  end: number;
  text: string;
  /** Strings: the contents as the program sees them (escapes decoded unless raw). */
  value?: string;
  /** Strings: an f-string with replacement fields, so not a constant. */
  dynamic?: boolean;
  /** Index of the first token of this token's logical line. */
  lineFirst: number;
  /** Column of the first token of the logical line (its indentation). */
  indent: number;
  /** Brackets: index of the matching bracket token, or -1 when unbalanced. */
  match?: number;
}

export interface PyArg {
  /** Keyword name; `*` / `**` for unpacking. */
  name?: string;
  /** Offsets of the whole argument, keyword included. */
  start: number;
  end: number;
  /** Token range `[from, to)` of the value. */
  from: number;
  to: number;
}

export interface PyCall {
  /** Dotted name called: `app.run`, `jinja2.Environment`; a leading `.` when the receiver is not a name (`Flask(x).run`). */
  callee: string;
  /** Token index of the first callee name, and of the parentheses. */
  calleeFrom: number;
  open: number;
  close: number;
  args: PyArg[];
}

export interface PyAssign {
  /** Normalized target: `DEBUG`, `app.debug`, `app.config['DEBUG']`. */
  target: string;
  /** `=`, `+=`, … */
  op: string;
  /** Token range of the target (annotation excluded) and of the value. */
  targetFrom: number;
  targetTo: number;
  from: number;
  to: number;
  indent: number;
}

export type PyLiteral =
  | { kind: 'bool'; value: boolean }
  | { kind: 'none' }
  | { kind: 'number'; text: string }
  | { kind: 'str'; value: string }
  | { kind: 'list'; items: (PyLiteral | undefined)[] };

const KEYWORDS = new Set([
  'and', 'or', 'not', 'in', 'is', 'if', 'elif', 'else', 'while', 'for', 'return', 'yield', 'lambda', 'assert', 'del', 'with',
  'except', 'import', 'from', 'as', 'await', 'raise', 'global', 'nonlocal', 'pass', 'class', 'def', 'print', 'exec', 'async',
]);
/** Python 3 builtins a call may name even though they are keywords above (`exec` and `print` are functions in Python 3). */
const CALLABLE_KEYWORDS = new Set(['print', 'exec']);

const STRING_START = /([rRbBuUfF]{0,2})("""|'''|"|')/y;
const NAME = /[A-Za-z_\u00C0-\uFFFF][\w\u00C0-\uFFFF]*/y;
const NUMBER = /(?:\d[\w]*(?:\.[\w]*)?|\.\d[\w]*)(?:[eE][-+]?\d+)?/y;
const OP = /\*\*=|\/\/=|>>=|<<=|\.\.\.|->|:=|[-+*/%&|^@<>=!]=|\*\*|\/\/|<<|>>|[()[\]{}.,:;@=+\-*/%&|^~<>!]/y;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\n': '' };

function decode(body: string, raw: boolean): string {
  if (raw || !body.includes('\\')) return body;
  return body.replace(/\\(\r\n|.)/gs, (_, c: string) => ESCAPES[c] ?? (c === '\r\n' ? '' : c));
}

/** Tokens of Python source (comments dropped) and the per-file views built from them. */
export class PySource {
  readonly tokens: PyToken[] = [];
  private callList?: PyCall[];
  private assignList?: PyAssign[];
  private importSet?: Set<string>;

  constructor(readonly text: string) {
    this.tokenize();
  }

  private tokenize(): void {
    const { text, tokens } = this;
    const n = text.length;
    const stack: number[] = [];
    let i = 0;
    let lineFirst = -1;
    let indent = 0;
    let lineStart = 0;
    const push = (kind: PyKind, start: number, end: number, extra: Partial<PyToken> = {}): PyToken => {
      if (lineFirst < 0) {
        lineFirst = tokens.length;
        indent = start - lineStart;
      }
      const t: PyToken = { kind, start, end, text: text.slice(start, end), lineFirst, indent, ...extra };
      tokens.push(t);
      return t;
    };
    while (i < n) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\f') {
        i++;
      } else if (c === '\\' && (text[i + 1] === '\n' || text[i + 1] === '\r')) {
        i += text.startsWith('\r\n', i + 1) ? 3 : 2;
        lineStart = i;
      } else if (c === '\n' || c === '\r') {
        i++;
        lineStart = i;
        if (stack.length === 0) lineFirst = -1;
      } else if (c === '#') {
        while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
      } else {
        STRING_START.lastIndex = i;
        const s = STRING_START.exec(text);
        if (s && (s[1] === '' || !/[\w]/.test(text[i - 1] ?? ''))) {
          const prefix = s[1].toLowerCase();
          const quote = s[2];
          const bodyStart = i + s[0].length;
          let j = bodyStart;
          while (j < n && !text.startsWith(quote, j) && (quote.length === 3 || (text[j] !== '\n' && text[j] !== '\r'))) j += text[j] === '\\' ? 2 : 1;
          const bodyEnd = Math.min(j, n);
          const end = Math.min(n, j + quote.length);
          const body = text.slice(bodyStart, bodyEnd);
          const fstring = prefix.includes('f');
          push('string', i, end, { value: decode(body, prefix.includes('r')), dynamic: fstring && /\{(?!\{)/.test(body.replace(/\{\{/g, '')) });
          // Multi-line strings move the physical line start.
          const nl = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1));
          if (nl >= i) lineStart = nl + 1;
          i = end;
          continue;
        }
        let m: RegExpExecArray | null;
        NAME.lastIndex = i;
        if ((m = NAME.exec(text))) {
          push('name', i, i + m[0].length);
          i += m[0].length;
          continue;
        }
        NUMBER.lastIndex = i;
        if ((m = NUMBER.exec(text))) {
          push('number', i, i + m[0].length);
          i += m[0].length;
          continue;
        }
        OP.lastIndex = i;
        const op = OP.exec(text)?.[0] ?? c;
        const t = push('op', i, i + op.length);
        if (op === '(' || op === '[' || op === '{') {
          stack.push(tokens.length - 1);
          t.match = -1;
        } else if (op === ')' || op === ']' || op === '}') {
          const open = stack.pop();
          t.match = open ?? -1;
          if (open !== undefined) tokens[open].match = tokens.length - 1;
        }
        i += op.length;
      }
    }
  }

  /** Index after token `k`, or after its whole bracket group when it opens one. */
  next(k: number): number {
    const m = this.tokens[k].match;
    return m !== undefined && m > k ? m + 1 : k + 1;
  }

  /** Whether token `k` is the operator `op`. */
  is(k: number, op: string): boolean {
    const t = this.tokens[k];
    return t !== undefined && t.kind === 'op' && t.text === op;
  }

  isName(k: number, name?: string): boolean {
    const t = this.tokens[k];
    return t !== undefined && t.kind === 'name' && (name === undefined || t.text === name);
  }

  /** Index one past the last token of the logical line that token `k` is on. */
  lineEnd(k: number): number {
    const first = this.tokens[k].lineFirst;
    let j = k + 1;
    while (j < this.tokens.length && this.tokens[j].lineFirst === first) j++;
    return j;
  }

  /** Every call `name(...)` / `a.b.c(...)`, in source order. */
  calls(): PyCall[] {
    if (this.callList) return this.callList;
    const out: PyCall[] = [];
    const t = this.tokens;
    for (let k = 1; k < t.length; k++) {
      const close = t[k].match;
      if (!this.is(k, '(') || close === undefined || close < 0 || t[k - 1].kind !== 'name') continue;
      const last = t[k - 1].text;
      if (KEYWORDS.has(last) && !CALLABLE_KEYWORDS.has(last)) continue;
      let from = k - 1;
      const parts = [last];
      while (from >= 2 && this.is(from - 1, '.') && t[from - 2].kind === 'name') {
        parts.unshift(t[from - 2].text);
        from -= 2;
      }
      if (this.isName(from - 1, 'def') || this.isName(from - 1, 'class')) continue;
      const chained = this.is(from - 1, '.');
      out.push({ callee: (chained ? '.' : '') + parts.join('.'), calleeFrom: from, open: k, close, args: this.splitArgs(k, close) });
    }
    return (this.callList = out);
  }

  /** Arguments between the bracket tokens `open` and `close`. */
  splitArgs(open: number, close: number): PyArg[] {
    const t = this.tokens;
    const args: PyArg[] = [];
    let k = open + 1;
    while (k < close) {
      let end = k;
      while (end < close && !this.is(end, ',')) end = this.next(end);
      if (end > k) {
        let arg: PyArg;
        if (t[k].kind === 'name' && this.is(k + 1, '=') && k + 2 <= end) arg = { name: t[k].text, start: t[k].start, end: t[end - 1].end, from: k + 2, to: end };
        else if (this.is(k, '*') || this.is(k, '**')) arg = { name: t[k].text, start: t[k].start, end: t[end - 1].end, from: k + 1, to: end };
        else arg = { start: t[k].start, end: t[end - 1].end, from: k, to: end };
        args.push(arg);
      }
      k = end + 1;
    }
    return args;
  }

  /** Every assignment statement `target = value` (also annotated and augmented ones). */
  assignments(): PyAssign[] {
    if (this.assignList) return this.assignList;
    const out: PyAssign[] = [];
    const t = this.tokens;
    for (let k = 0; k < t.length; k = this.lineEnd(k)) {
      const end = this.lineEnd(k);
      let eq = -1;
      let annot = -1;
      for (let j = k; j < end; j++) {
        const tok = t[j];
        if (this.next(j) > j + 1) {
          j = this.next(j) - 1;
          continue;
        }
        if (tok.kind !== 'op') continue;
        if (tok.text === ':' && annot < 0 && eq < 0) annot = j;
        else if (tok.text === '=' || (/^[-+*/%&|^@<>]{1,2}=$/.test(tok.text) && tok.text !== '==' && tok.text !== '<=' && tok.text !== '>=')) {
          eq = j;
          break;
        } else if (tok.text === ';') break;
      }
      if (eq <= k || KEYWORDS.has(t[k].text)) continue;
      const targetTo = annot > k ? annot : eq;
      const target = this.normalize(k, targetTo);
      if (target === undefined) continue;
      let valueFrom = eq + 1;
      // `a = b = value`: the value is after the last `=`.
      for (let j = valueFrom; j < end; j++) {
        if (this.next(j) > j + 1) j = this.next(j) - 1;
        else if (this.is(j, '=')) valueFrom = j + 1;
        else if (this.is(j, ';')) break;
      }
      let to = valueFrom;
      while (to < end && !this.is(to, ';')) to = this.next(to);
      out.push({ target, op: t[eq].text, targetFrom: k, targetTo, from: valueFrom, to, indent: t[k].indent });
    }
    return (this.assignList = out);
  }

  /** `app.config["DEBUG"]` -> `app.config['DEBUG']`; undefined when the target is not a name, attribute or subscript chain. */
  normalize(from: number, to: number): string | undefined {
    const t = this.tokens;
    let out = '';
    for (let j = from; j < to; j++) {
      const tok = t[j];
      if (tok.kind === 'name' || (tok.kind === 'op' && (tok.text === '.' || tok.text === '[' || tok.text === ']'))) out += tok.text;
      else if (tok.kind === 'string' && !tok.dynamic && this.is(j - 1, '[')) out += `'${tok.value}'`;
      else return undefined;
    }
    return out || undefined;
  }

  /** The constant value of tokens `[from, to)`, or undefined when it is not a literal. */
  literal(from: number, to: number): PyLiteral | undefined {
    const t = this.tokens;
    if (from >= to) return undefined;
    const first = t[from];
    if (first.kind === 'string') {
      let value = '';
      for (let j = from; j < to; j++) {
        if (t[j].kind !== 'string' || t[j].dynamic) return undefined;
        value += t[j].value;
      }
      return { kind: 'str', value };
    }
    if (to - from === 1) {
      if (first.kind === 'name') {
        if (first.text === 'True' || first.text === 'False') return { kind: 'bool', value: first.text === 'True' };
        if (first.text === 'None') return { kind: 'none' };
        return undefined;
      }
      if (first.kind === 'number') return { kind: 'number', text: first.text };
      return undefined;
    }
    if ((first.text === '[' || first.text === '(') && first.match === to - 1) {
      const items = this.splitArgs(from, to - 1).map((a) => (a.name ? undefined : this.literal(a.from, a.to)));
      return { kind: 'list', items };
    }
    return undefined;
  }

  /** Keyword argument `name` of a call. */
  kwarg(call: PyCall, name: string): PyArg | undefined {
    return call.args.find((a) => a.name === name);
  }

  /** Whether the call unpacks `*args` / `**kwargs`, so any keyword may be passed unseen. */
  hasUnpacking(call: PyCall): boolean {
    return call.args.some((a) => a.name === '*' || a.name === '**');
  }

  /** Modules imported by `import x` / `from x import y`: top-level and full dotted names, and `x.y` for `from x import y`. */
  imports(): Set<string> {
    if (this.importSet) return this.importSet;
    const out = (this.importSet = new Set<string>());
    const t = this.tokens;
    const dotted = (j: number): [string, number] => {
      let name = t[j].text;
      while (this.is(j + 1, '.') && this.isName(j + 2)) {
        j += 2;
        name += '.' + t[j].text;
      }
      return [name, j];
    };
    for (let k = 0; k < t.length; k = this.lineEnd(k)) {
      const kw = t[k].text;
      if (t[k].kind !== 'name' || (kw !== 'import' && kw !== 'from')) continue;
      const end = this.lineEnd(k);
      if (kw === 'from') {
        if (!this.isName(k + 1)) continue;
        const [mod, j] = dotted(k + 1);
        for (let p = mod.indexOf('.'); p >= 0; p = mod.indexOf('.', p + 1)) out.add(mod.slice(0, p));
        out.add(mod);
        for (let n = j + 2; n < end; n++) if (this.isName(n) && !this.isName(n - 1, 'as') && t[n].text !== 'as') out.add(`${mod}.${t[n].text}`);
        continue;
      }
      for (let j = k + 1; j < end; j++) {
        if (!this.isName(j) || this.isName(j - 1, 'as') || t[j].text === 'as') continue;
        const [name, last] = dotted(j);
        for (let p = name.indexOf('.'); p >= 0; p = name.indexOf('.', p + 1)) out.add(name.slice(0, p));
        out.add(name);
        j = last;
      }
    }
    return out;
  }

  /** Whether the module imports `mod` or one of its submodules. */
  importsModule(mod: string): boolean {
    for (const m of this.imports()) if (m === mod || m.startsWith(mod + '.')) return true;
    return false;
  }

  /** Name of the class whose body holds token `k` (directly), or undefined. */
  enclosingClass(k: number): string | undefined {
    const t = this.tokens;
    const own = t[k].indent;
    if (own === 0) return undefined;
    for (let j = t[k].lineFirst - 1; j >= 0; j = t[j].lineFirst - 1) {
      if (t[j].indent >= own) continue;
      const f = t[j].lineFirst;
      return this.isName(f, 'class') && this.isName(f + 1) ? t[f + 1].text : undefined;
    }
    return undefined;
  }

  /** Offsets spanned by tokens `[from, to)`. */
  span(from: number, to: number): [number, number] {
    return [this.tokens[from].start, this.tokens[to - 1].end];
  }
}

/** The per-file parse, shared by every rule through `ctx.memo`. */
export function pySource(ctx: { text: string; memo<T>(key: string, compute: () => T): T }): PySource {
  return ctx.memo('python:source', () => new PySource(ctx.text));
}

/** Module names (without `.py`) of development, test and example settings: debug there is intended. */
const NON_PROD = /(?:^|[_.-])(?:dev|devel|develop|development|local|localhost|test|tests|testing|ci|debug|sample|example|demo|docker[_-]?dev)(?:[_.-]|$)/i;

function moduleName(path: string): string {
  return basename(path).replace(/\.py$/, '');
}

/** A settings module meant for development or tests, by its file name (`settings/dev.py`, `local_settings.py`, `test_settings.py`). */
export function isNonProductionModule(path: string): boolean {
  return NON_PROD.test(moduleName(path));
}

/** A Django-style settings module: `settings.py`, `settings/*.py`, `*_settings.py` (development and test ones included). */
export function isSettingsModule(path: string): boolean {
  const name = moduleName(path);
  if (!path.endsWith('.py')) return false;
  return name === 'settings' || /(?:^|_)settings$/.test(name) || /^settings_/.test(name) || basename(dirname(path)) === 'settings';
}

/** A configuration module of a Flask-style app: `config.py`, `config/*.py`, `*_config.py`, or a settings module. */
export function isConfigModule(path: string): boolean {
  const name = moduleName(path);
  return path.endsWith('.py') && (isSettingsModule(path) || name === 'config' || /(?:^|_)config$/.test(name) || basename(dirname(path)) === 'config');
}

/** A class holding development or test configuration (`DevelopmentConfig`, `TestingConfig`, `LocalSettings`). */
export function isNonProductionClass(name: string | undefined): boolean {
  return name !== undefined && /dev|test|local|debug|example|sample|demo/i.test(name);
}

/** `os.environ.get("NAME", "").split(",")`: a list read from a comma-separated environment variable. */
export function envList(name: string): string {
  return `os.environ.get("${name}", "").split(",")`;
}

/** An unsafe fix of edits to the current file, adding `import os` when the new code reads the environment. */
export function pythonFix(ctx: { path: string; lines: LineIndex }, title: string, edits: TextEdit[], needsOs = true): Fix {
  const all = [...edits];
  const imp = needsOs ? pythonImportOsEdit(ctx.lines) : undefined;
  if (imp) all.unshift(imp);
  return { title, applicability: 'unsafe', changes: [{ path: ctx.path, edits: all }] };
}
