// sql/string-built-query for Elixir: "…#{x}…" interpolation and `<>` concatenation reaching Ecto.Adapters.SQL.query,
// Repo.query, Postgrex / MyXQL queries, and `fragment/1` with a non-literal SQL argument. There is no Elixir grammar in
// the bundle: a small tokenizer (strings with interpolations, heredocs, sigils, comments, calls and parentheses) is
// enough for these call shapes.
import { analyze, looksLikeSql, type Analysis, type Hole, type Item } from '../../fixes/parameterize';
import type { Lang } from '../../languages/detect';
import type { RuleContext } from '../../rule';
import type { Fix, TextEdit } from '../../types';
import { short, type SqlDetector, hasUnsafeHole } from './detector';
import { placeholderize, unquoteRegion, type Piece, type PlaceholderStyle } from './placeholders';

export const elixir: SqlDetector = {
  appliesTo: ({ lang }: { lang: Lang }) => lang === 'elixir',
  check(ctx) {
    if (!SINK_HINT.test(ctx.text)) return;
    new ExChecker(ctx).run();
  },
};

/** A parameter named for a table (`table`, `table_name`, `dest_table`, `tbl`). */
const TABLE_PARAM = /^(?:table|tbl)(?:_?name)?$|^[a-z]\w*_table(?:_name)?$/;
const SINK_HINT = /\b(?:query!?|query_many!?|stream|fragment)\s*\(/;

interface StrPart { kind: 'text' | 'interp'; start: number; end: number }
interface Tok {
  type: 'str' | 'name' | 'num' | 'atom' | 'attr' | 'op' | 'open' | 'close' | 'comma' | 'other';
  start: number;
  end: number;
  text: string;
  /** Strings: text spans and interpolations (inner expression spans). */
  parts?: StrPart[];
  /** `"""` heredoc, charlist or a non-`~s` sigil. */
  heredoc?: boolean;
  charlist?: boolean;
  /** A sigil that is not plain text (~r, ~w, ~D…). */
  opaque?: boolean;
}

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>', '/': '/', '|': '|', '"': '"', "'": "'" };

/** Tokens of Elixir source, comments dropped. */
export function lexElixir(text: string): Tok[] {
  const toks: Tok[] = [];
  const n = text.length;
  let i = 0;
  /** Reads a string body from `j` up to `close`, with `#{…}` interpolations when `interp`; returns the end (after close). */
  const body = (j: number, close: string, interp: boolean, parts: StrPart[]): number => {
    let from = j;
    while (j < n) {
      if (text.startsWith(close, j)) {
        if (j > from) parts.push({ kind: 'text', start: from, end: j });
        return j + close.length;
      }
      const c = text[j];
      if (c === '\\') { j += 2; continue; }
      if (interp && c === '#' && text[j + 1] === '{') {
        if (j > from) parts.push({ kind: 'text', start: from, end: j });
        let depth = 1;
        let k = j + 2;
        while (k < n && depth > 0) {
          const d = text[k];
          if (d === '"') {
            k++;
            while (k < n && text[k] !== '"') k += text[k] === '\\' ? 2 : 1;
          } else if (d === '{') depth++;
          else if (d === '}') depth--;
          if (depth > 0) k++;
        }
        parts.push({ kind: 'interp', start: j + 2, end: k });
        j = k + 1;
        from = j;
        continue;
      }
      j++;
    }
    if (j > from) parts.push({ kind: 'text', start: from, end: Math.min(j, n) });
    return n;
  };
  while (i < n) {
    const c = text[i];
    if (c === '#') {
      const e = text.indexOf('\n', i);
      i = e < 0 ? n : e;
      continue;
    }
    if (/\s/.test(c)) { i++; continue; }
    const start = i;
    if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const parts: StrPart[] = [];
      let j = i + (triple ? 3 : 1);
      if (triple) {
        const nl = text.indexOf('\n', j);
        j = nl < 0 ? n : nl + 1;
      }
      const end = body(j, triple ? c.repeat(3) : c, true, parts);
      toks.push({ type: 'str', start, end, text: text.slice(start, end), parts, heredoc: triple, charlist: c === "'" });
      i = end;
      continue;
    }
    if (c === '~' && /[a-zA-Z]/.test(text[i + 1] ?? '')) {
      let j = i + 1;
      while (j < n && /[a-zA-Z]/.test(text[j])) j++;
      const letter = text.slice(i + 1, j);
      const open = text[j];
      const triple = open === '"' && text.startsWith('"""', j);
      const close = triple ? '"""' : CLOSERS[open] ?? open;
      const parts: StrPart[] = [];
      let k = j + (triple ? 3 : 1);
      if (triple) {
        const nl = text.indexOf('\n', k);
        k = nl < 0 ? n : nl + 1;
      }
      const end = body(k, close, letter === 's', parts);
      let e = end;
      while (e < n && /[a-zA-Z]/.test(text[e])) e++;
      const plain = letter === 's' || letter === 'S';
      toks.push({ type: 'str', start, end: e, text: text.slice(start, e), parts, heredoc: triple, opaque: !plain });
      i = e;
      continue;
    }
    if (c === '?' && i + 1 < n && !/\s/.test(text[i + 1])) {
      const e = text[i + 1] === '\\' ? i + 3 : i + 2;
      toks.push({ type: 'num', start, end: e, text: text.slice(start, e) });
      i = e;
      continue;
    }
    if (c === ':' && text[i + 1] === '"') {
      const parts: StrPart[] = [];
      const end = body(i + 2, '"', true, parts);
      toks.push({ type: 'atom', start, end, text: text.slice(start, end) });
      i = end;
      continue;
    }
    if (c === ':' && /[a-zA-Z_]/.test(text[i + 1] ?? '')) {
      const m = /^:[A-Za-z_][\w@]*[?!]?/.exec(text.slice(i, i + 256))!;
      toks.push({ type: 'atom', start, end: i + m[0].length, text: m[0] });
      i += m[0].length;
      continue;
    }
    if (c === '@' && /[a-z_]/.test(text[i + 1] ?? '')) {
      const m = /^@[a-z_]\w*/.exec(text.slice(i, i + 256))!;
      toks.push({ type: 'attr', start, end: i + m[0].length, text: m[0] });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      // A dotted name: `Ecto.Adapters.SQL.query!`, `opts.repo`.
      const m = /^[A-Za-z_]\w*[?!]?(?:\.[A-Za-z_]\w*[?!]?)*/.exec(text.slice(i, i + 512))!;
      // `Kernel.<>/2` and keyword keys (`do:`) stay simple.
      toks.push({ type: 'name', start, end: i + m[0].length, text: m[0] });
      i += m[0].length;
      continue;
    }
    if (/\d/.test(c)) {
      const m = /^\d[\d_]*(?:\.\d+)?(?:e[-+]?\d+)?|^0x[\da-fA-F]+/.exec(text.slice(i, i + 64))!;
      toks.push({ type: 'num', start, end: i + m[0].length, text: m[0] });
      i += m[0].length;
      continue;
    }
    if ('([{'.includes(c)) { toks.push({ type: 'open', start, end: i + 1, text: c }); i++; continue; }
    if (')]}'.includes(c)) { toks.push({ type: 'close', start, end: i + 1, text: c }); i++; continue; }
    if (c === ',') { toks.push({ type: 'comma', start, end: i + 1, text: c }); i++; continue; }
    const op = /^(?:<>|\|>|->|=>|==|!=|<=|>=|=~|\+\+|--|&&|\|\||::|\.\.|<-|\\\\|[-+*/=<>!^&|.%])/.exec(text.slice(i, i + 3));
    const t = op ? op[0] : c;
    toks.push({ type: op ? 'op' : 'other', start, end: i + t.length, text: t });
    i += t.length;
  }
  return toks;
}

interface Sink {
  /** Index of the `(` token. */
  open: number;
  close: number;
  name: string;
  args: [number, number][];
  queryArg: number;
  style?: PlaceholderStyle;
  /** The style is a guess: the file names no adapter. */
  assumed?: boolean;
  fragment: boolean;
}

interface Built {
  items: Item[];
  /** Replaceable span of the SQL expression. */
  root: [number, number];
  rewritable: boolean;
}

const SAFE_CALLS = /^(?:Integer\.to_string|String\.to_integer|Integer\.parse|length|map_size|tuple_size|byte_size|trunc|round|abs|Enum\.count|DateTime\.to_iso8601|Date\.to_iso8601|NaiveDateTime\.to_iso8601|Ecto\.UUID\.generate)$/;

class ExChecker {
  private readonly toks: Tok[];
  /** Index of each token's matching close (for opens). */
  private readonly match = new Map<number, number>();
  /** The `(` of the call under check. */
  private callAt: number | undefined;

  constructor(private readonly ctx: RuleContext) {
    this.toks = lexElixir(ctx.text);
    const stack: number[] = [];
    this.toks.forEach((t, i) => {
      if (t.type === 'open') stack.push(i);
      else if (t.type === 'close' && stack.length) this.match.set(stack.pop()!, i);
    });
  }

  run(): void {
    const t = this.toks;
    for (let i = 0; i + 1 < t.length; i++) {
      if (t[i].type !== 'name' || t[i + 1].type !== 'open' || t[i + 1].text !== '(' || t[i + 1].start !== t[i].end) continue;
      const sink = this.sink(i);
      if (sink) this.check(sink);
    }
  }

  private sink(i: number): Sink | undefined {
    const name = this.toks[i].text;
    const open = i + 1;
    const close = this.match.get(open);
    if (close === undefined) return undefined;
    const args = this.splitArgs(open, close);
    const parts = name.split('.');
    const last = parts[parts.length - 1];
    const mod = parts.slice(0, -1).join('.');
    const base: Omit<Sink, 'queryArg' | 'fragment'> = { open, close, name, args };
    if (name === 'fragment') return args.length ? { ...base, queryArg: 0, fragment: true } : undefined;
    if (!/^(?:query!?|query_many!?|stream)$/.test(last)) return undefined;
    if (/(?:^|\.)(?:Ecto\.Adapters\.SQL|SQL)$/.test(mod)) return { ...base, queryArg: 1, fragment: false, ...this.repoStyle() };
    if (/^(?:Postgrex)$/.test(mod)) return { ...base, queryArg: 1, fragment: false, style: '$' };
    if (/^(?:MyXQL)$/.test(mod)) return { ...base, queryArg: 1, fragment: false, style: '?' };
    if (/(?:^|\.)Repo$|^repo$/.test(mod) && last !== 'stream') return { ...base, queryArg: 0, fragment: false, ...this.repoStyle() };
    return undefined;
  }

  /**
   * `$1` when the file's repo is evidently Postgres, `?` for MyXQL or SQLite3; when the file does not say, `$1` is
   * assumed (Postgres is Ecto's and Phoenix's default) and the fix title says so. Conflicting adapters, or SQL Server
   * (Tds, `@1`), get no fix.
   */
  private repoStyle(): { style: PlaceholderStyle; assumed?: boolean } | undefined {
    const pg = /Ecto\.Adapters\.Postgres|Postgrex/.test(this.ctx.text);
    const q = /Ecto\.Adapters\.(?:MyXQL|SQLite3)|MyXQL|Exqlite/.test(this.ctx.text);
    if (/Ecto\.Adapters\.Tds|\bTds\./.test(this.ctx.text) || (pg && q)) return undefined;
    return pg ? { style: '$' } : q ? { style: '?' } : { style: '$', assumed: true };
  }

  /** Token ranges [from, to) of the arguments between `open` and `close`. */
  private splitArgs(open: number, close: number): [number, number][] {
    const out: [number, number][] = [];
    let from = open + 1;
    for (let k = open + 1; k < close; k++) {
      const t = this.toks[k];
      if (t.type === 'open') { k = this.match.get(k) ?? close; continue; }
      if (t.type === 'comma') { out.push([from, k]); from = k + 1; }
    }
    if (from < close) out.push([from, close]);
    return out;
  }

  private check(sink: Sink): void {
    this.callAt = sink.open;
    const [a0, a1] = sink.args[sink.queryArg] ?? [];
    if (a0 === undefined || a1 === undefined || a0 >= a1) return;
    const t = this.toks;
    const start = t[a0].start;
    const end = t[a1 - 1].end;
    if (sink.fragment) {
      // Ecto only compiles a literal; `fragment(^sql)` or a variable is the SQL-injection shape.
      const only = a1 - a0 === 1 ? t[a0] : undefined;
      if (only?.type === 'str' && !only.opaque) return;
      if (t[a0].type === 'attr' && a1 - a0 === 1) return;
      const expr = this.ctx.text.slice(start, end);
      this.ctx.report({ start, end, messageId: 'interpolatedIdentifier', data: { expr: short(expr.replace(/^\^/, '')) } });
      return;
    }
    const built = this.build(a0, a1, sink.open);
    if (!built) return;
    const a = analyze(built.items, 'fragment');
    if (!looksLikeSql(a.skeleton)) return;
    const values: Hole[] = [];
    const others: Hole[] = [];
    for (const h of a.holes) {
      const it = built.items[h.item] as Hole;
      if (it.kind !== 'hole' || it.safe || h.pos === 'ignored') continue;
      if (h.pos === 'value') values.push(it);
      else if (!it.devControlled && (h.pos === 'name' || sink.args.length <= sink.queryArg + 1)) others.push(it);
    }
    if (values.length) {
      this.ctx.report({ start, end, messageId: 'interpolatedValue', data: { expr: short(values[0].src) }, fixes: built.rewritable ? this.fixes(sink, built, a) : [] });
    } else if (others.length) {
      this.ctx.report({ start, end, messageId: 'interpolatedIdentifier', data: { expr: short(others[0].src) } });
    }
  }

  /** The items of an argument: a built expression, or a variable assigned (and `<>`-appended) earlier in the def. */
  private build(a0: number, a1: number, callAt: number): Built | undefined {
    const direct = this.operands(a0, a1);
    if (!direct) return undefined;
    if (this.isBuilt(direct)) {
      const items = this.items(direct);
      if (!hasUnsafeHole(items)) return undefined;
      return { items, root: [this.toks[a0].start, this.toks[a1 - 1].end], rewritable: !direct.some(([f]) => this.toks[f].heredoc) };
    }
    if (a1 - a0 !== 1 || this.toks[a0].type !== 'name' || this.toks[a0].text.includes('.')) return undefined;
    const name = this.toks[a0].text;
    const assigns = this.assignments(name, callAt);
    if (!assigns.length) return undefined;
    let ops: [number, number][] | undefined;
    let appended = false;
    for (const [f, e] of assigns) {
      const o = this.operands(f, e);
      if (!o) return undefined;
      const [h0, h1] = o[0];
      if (ops && h1 - h0 === 1 && this.toks[h0].text === name) {
        ops.push(...o.slice(1));
        appended = true;
      } else ops = o;
    }
    if (!ops || (!appended && !this.isBuilt(ops))) return undefined;
    const items = this.items(ops);
    if (!hasUnsafeHole(items)) return undefined;
    const [f, e] = assigns[0];
    const reads = this.toks.filter((x, k) => x.type === 'name' && x.text === name && k > e && this.defStart(k) === this.defStart(callAt)).length;
    return {
      items, root: [this.toks[f].start, this.toks[e - 1].end],
      rewritable: !appended && assigns.length === 1 && reads === 1 && !ops.some(([x]) => this.toks[x].heredoc),
    };
  }

  private defStart(k: number): number {
    for (let j = k; j >= 0; j--) if (this.toks[j].type === 'name' && /^(?:def|defp|defmacro|defmacrop)$/.test(this.toks[j].text)) return j;
    return 0;
  }

  /** Whether `name` appears in the head of the def around the current call (before its `do`). */
  private isParam(name: string): boolean {
    if (this.callAt === undefined) return false;
    for (let k = this.defStart(this.callAt) + 1; k < this.callAt; k++) {
      const x = this.toks[k];
      if (x.text === 'do' || x.text === 'do:') return false;
      if (x.type === 'name' && x.text === name) return true;
    }
    return false;
  }

  /** Right-hand sides [from, to) of `name = …` statements in the enclosing def before `callAt`, in order. */
  private assignments(name: string, callAt: number): [number, number][] {
    const t = this.toks;
    const text = this.ctx.text;
    const out: [number, number][] = [];
    const from = this.defStart(callAt);
    for (let k = from; k < callAt - 1; k++) {
      if (t[k].type !== 'name' || t[k].text !== name || t[k + 1].type !== 'op' || t[k + 1].text !== '=') continue;
      // At the start of a line (a statement, not a pattern inside an expression).
      const lineStart = text.lastIndexOf('\n', t[k].start - 1) + 1;
      if (text.slice(lineStart, t[k].start).trim() !== '') continue;
      let e = k + 2;
      let line = text.slice(0, t[k].end).split('\n').length;
      for (; e < callAt; e++) {
        const x = t[e];
        const xLine = line + (text.slice(t[e - 1].end, x.start).match(/\n/g)?.length ?? 0);
        if (xLine > line && !(t[e - 1].type === 'op' && t[e - 1].text === '<>') && !(x.type === 'op' && x.text === '<>')) break;
        line = xLine + (x.text.match(/\n/g)?.length ?? 0);
        if (x.type === 'open') e = this.match.get(e) ?? e;
      }
      if (e > k + 2) out.push([k + 2, e]);
    }
    return out;
  }

  /** Operands of a `<>` chain spanning tokens [a0, a1), each a token range; undefined for other shapes. */
  private operands(a0: number, a1: number): [number, number][] | undefined {
    const out: [number, number][] = [];
    let from = a0;
    for (let k = a0; k < a1; k++) {
      const t = this.toks[k];
      if (t.type === 'open') { k = this.match.get(k) ?? a1; continue; }
      if (t.type === 'op' && t.text === '<>') {
        if (k === from) return undefined;
        out.push([from, k]);
        from = k + 1;
      } else if (t.type === 'op' && t.text !== '.' && k === from && t.text !== '^') return undefined;
      else if (t.type === 'op' && (t.text === '|>' || t.text === '=' || t.text === '->')) return undefined;
      else if (t.type === 'comma') return undefined;
    }
    if (from >= a1) return undefined;
    out.push([from, a1]);
    return out;
  }

  private isString(r: [number, number]): boolean {
    const t = this.toks[r[0]];
    return r[1] - r[0] === 1 && t.type === 'str' && !t.opaque && !t.charlist;
  }

  private isBuilt(ops: [number, number][]): boolean {
    if (!ops.some((o) => this.isString(o))) return false;
    if (ops.length > 1) return true;
    return this.toks[ops[0][0]].parts!.some((p) => p.kind === 'interp');
  }

  private items(ops: [number, number][]): Item[] {
    const out: Item[] = [];
    const text = this.ctx.text;
    for (const o of ops) {
      if (!this.isString(o)) {
        out.push(this.hole(text.slice(this.toks[o[0]].start, this.toks[o[1] - 1].end), o[1] - o[0] === 1 ? this.toks[o[0]] : undefined));
        continue;
      }
      for (const p of this.toks[o[0]].parts!) {
        if (p.kind === 'interp') {
          out.push(this.hole(text.slice(p.start, p.end).trim()));
          continue;
        }
        for (let i = p.start; i < p.end; i++) {
          const c = text[i];
          if (c === '\\' && i + 1 < p.end) {
            const n = text[i + 1];
            const v = n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n === 's' ? ' ' : n;
            out.push({ kind: 'ch', c: v, r: text.slice(i, i + 2) });
            i++;
            continue;
          }
          out.push({ kind: 'ch', c, r: c === '"' ? '\\"' : c });
        }
      }
    }
    return out;
  }

  /** A local name bound once in the def to constant text or a placeholder list (`Enum.map_join(…, fn i -> "$#{i}" end)`). */
  private safeLocal(name: string): boolean {
    if (this.callAt === undefined || !/^[a-z_]\w*$/.test(name)) return false;
    const assigns = this.assignments(name, this.callAt);
    if (assigns.length !== 1) return false;
    const [f, e] = assigns[0];
    const rhs = this.ctx.text.slice(this.toks[f].start, this.toks[e - 1].end);
    if (/^-?\d[\d_]*$/.test(rhs)) return true;
    if (e - f === 1 && this.toks[f].type === 'str' && !this.toks[f].parts!.some((p) => p.kind === 'interp')) return true;
    return /^Enum\.(?:map_join|join|map)\(/.test(rhs) && /(?:"\?"|"\$#\{[^}"]*\}"|&"\$#\{&1\}")/.test(rhs) && !/"[^"?$]*[A-Za-z][^"]*"/.test(rhs.replace(/"\$#\{[^}"]*\}"/g, '').replace(/"\?"/g, '').replace(/"[,\s]*"/g, ''));
  }

  private hole(src: string, tok?: Tok): Hole {
    if (this.safeLocal(src)) return { kind: 'hole', src, safe: true };
    if (/^-?\d[\d_]*(?:\.\d+)?$/.test(src)) return { kind: 'hole', src, safe: true, text: src.replace(/_/g, '') };
    if (tok?.type === 'str' && !tok.parts!.some((p) => p.kind === 'interp')) return { kind: 'hole', src, safe: true };
    if (/^:[A-Za-z_]\w*$/.test(src)) return { kind: 'hole', src, safe: true, text: src.slice(1) };
    if (/^@[a-z_]\w*$/.test(src)) return { kind: 'hole', src, safe: false, devControlled: true };
    if (/^__MODULE__(?:\.__schema__\(:source\))?$/.test(src)) return { kind: 'hole', src, safe: false, devControlled: true };
    // A parameter named for a table (`table`, `table_name`), never rebound in the def: the callers pass the code's tables.
    if (TABLE_PARAM.test(src) && this.isParam(src) && this.callAt !== undefined && !this.assignments(src, this.callAt).length) {
      return { kind: 'hole', src, safe: false, devControlled: true };
    }
    const call = /^([A-Za-z_][\w.]*[?!]?)\s*\(/.exec(src);
    if (call && SAFE_CALLS.test(call[1])) return { kind: 'hole', src, safe: true };
    return { kind: 'hole', src, safe: false };
  }

  // --- fixes ----------------------------------------------------------------------------------------------------

  private fixes(sink: Sink, built: Built, a: Analysis): Fix[] {
    if (!sink.style || sink.args.length !== sink.queryArg + 1) return [];
    const r = placeholderize(built.items, a, sink.style, [], (inner) => exString(unquoteRegion(inner).map((x) => (x.kind === 'ch' ? { ch: x } : { hole: x }))));
    if (!r) return [];
    const lines = this.ctx.lines;
    const qEnd = this.toks[sink.args[sink.queryArg][1] - 1].end;
    const edits: TextEdit[] = [
      lines.edit(built.root[0], built.root[1], exString(r.pieces)),
      lines.edit(qEnd, qEnd, `, [${r.values.join(', ')}]`),
    ];
    const title = sink.assumed ? 'Parameterize query (assumed $1 placeholders: Postgres, the Ecto default)' : 'Parameterize query';
    return [{ title, applicability: 'unsafe', changes: [{ path: this.ctx.path, edits }] }];
  }
}

/** The pieces as an Elixir string literal, kept holes as `#{…}`. */
function exString(pieces: Piece[]): string {
  let out = '';
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if ('hole' in p) { out += `#{${p.hole.src}}`; continue; }
    const c = p.ch.c;
    if (c === '#' && (pieces[i + 1] && ('hole' in pieces[i + 1] || (pieces[i + 1] as { ch: { c: string } }).ch.c === '{'))) { out += '\\#'; continue; }
    if (p.placeholder) { out += c; continue; }
    out += p.ch.r.startsWith('\\') ? p.ch.r : c === '"' ? '\\"' : c === '\\' ? '\\\\' : c;
  }
  return `"${out}"`;
}
