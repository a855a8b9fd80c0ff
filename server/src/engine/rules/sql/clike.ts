// Shared by the Go and Java halves of sql/string-built-query: `+` operands, and the placeholder rewrite of SQL built by
// concatenation or a format call (the language writes the result back in its own literal syntax).
import { MARK, type Analysis, type Ch, type Hole, type Item } from '../../fixes/parameterize';
import type { SyntaxNode as Node } from '../../languages/tree-sitter';
import { valueHoles } from './placeholders';
import { field, unparen, type LocalWrite } from './shared';

/** A Go or Java declaration's writes (in source order) before `call`, as `localParts` reads them: `=` assigns, `+=` appends. */
export function writesBefore(writes: { at: Node; op: string; value?: Node }[], call: Node): LocalWrite[] {
  const out: LocalWrite[] = [];
  for (const w of writes) {
    if (w.at.startIndex >= call.startIndex) break;
    out.push({ kind: w.op === '=' ? 'assign' : w.op === '+=' ? 'append' : 'other', value: w.value });
  }
  return out;
}

/** The operands of a chain of `+` (`binary_expression`), left to right; leaves keep their parentheses. */
export function plusOperands(e: Node): Node[] {
  const u = unparen(e);
  if (u.type === 'binary_expression' && field(u, 'operator')?.text === '+') return [...plusOperands(field(u, 'left')!), field(u, 'right')!];
  return [e];
}

/** A character of constant SQL text; `o` says which kind of literal it was read from (`r` is its text there). */
export interface CCh extends Ch {
  o?: 'block' | 'raw' | 'str';
}

/** An interpolated expression of a C-like language. */
export interface CHole extends Hole {
  /** The expression the driver should receive as the parameter; undefined when it cannot be passed as is. */
  value?: string;
  /** How the hole is written back when it stays in the SQL: an operand of `+` (wrapped when needed). */
  keep?: string;
  /** The conversion of a format call the hole came from (`%s`, `%d`); `fmtCall` is that call's node id. */
  verb?: string;
  fmtCall?: number;
  /** The value is a string (Go: it can be concatenated). */
  isString?: boolean;
}

export type Piece = { lit: string; ch?: CCh } | { hole: CHole };

export interface Placed {
  pieces: Piece[];
  /** Parameters in placeholder order: an existing one (its index among the call's values) or a new value. */
  order: ({ existing: number } | { value: string })[];
}

export interface PlaceOptions {
  /** The placeholder text for the next new value. */
  placeholder(value: string): string;
  /** The expression for the text of a quoted SQL value with holes in it (`'%${q}%'`); undefined: cannot be written. */
  regionValue(inner: Item[]): string | undefined;
  /** Length of an existing placeholder starting at skeleton index `i` (in SQL code), 0 when there is none. */
  existingAt?(skeleton: string, i: number): number;
}

/**
 * The SQL with placeholders for its unsafe value holes (quotes around a value removed); other holes stay. Undefined when
 * it cannot be done soundly (a quote inside a constant, a list in `IN (...)`, a value that cannot be passed as is).
 */
export function placeValues(items: Item[], a: Analysis, opts: PlaceOptions): Placed | undefined {
  const holes = valueHoles(items, a);
  if (!holes) return undefined;
  const { isValue, first, regionAt } = holes;
  const pieces: Piece[] = [];
  const order: Placed['order'] = [];
  let existing = 0;
  const lits = (s: string) => { for (const c of s) pieces.push({ lit: c }); };
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const r = regionAt.get(i);
    if (r !== undefined) {
      const end = a.owner[a.regions[r][1]];
      const inner = items.slice(i + 1, end);
      const value = inner.length === 1 && inner[0].kind === 'hole' ? (inner[0] as CHole).value : opts.regionValue(inner);
      if (value === undefined) return undefined;
      order.push({ value });
      lits(opts.placeholder(value));
      i = end;
      continue;
    }
    if (it.kind === 'hole') {
      const h = it as CHole;
      if (isValue.has(i)) {
        if (h.value === undefined) return undefined;
        order.push({ value: h.value });
        lits(opts.placeholder(h.value));
      } else pieces.push({ hole: h });
      continue;
    }
    const at = first[i];
    const n = a.state[at] === 'code' && opts.existingAt ? opts.existingAt(a.skeleton, at) : 0;
    if (n > 0) {
      order.push({ existing: existing++ });
      for (let k = 0; k < n && i + k < items.length && items[i + k].kind === 'ch'; k++) pieces.push({ lit: (items[i + k] as Ch).c, ch: items[i + k] as CCh });
      i += n - 1;
      continue;
    }
    pieces.push({ lit: it.c, ch: it as CCh });
  }
  return { pieces, order };
}

/** Placeholders already in the SQL code: the highest `$n` (or `?n`) and the number of bare `?`. */
export function existingPlaceholders(a: Analysis, prefix: '$' | '?'): { max: number; bare: number; named: Set<string> } {
  let max = 0;
  let bare = 0;
  const namedSet = new Set<string>();
  for (let i = 0; i < a.skeleton.length; i++) {
    if (a.state[i] !== 'code') continue;
    const c = a.skeleton[i];
    const prev = a.skeleton[i - 1] ?? '';
    if (c === prefix) {
      const m = /^\d+/.exec(a.skeleton.slice(i + 1, i + 8));
      if (m && !/[\w$]/.test(prev)) max = Math.max(max, Number(m[0]));
      else if (c === '?' && !m) bare++;
    } else if (c === '?') bare++;
    else if (c === ':' && prev !== ':' && !/[\w]/.test(prev)) {
      const m = /^([A-Za-z_]\w*)/.exec(a.skeleton.slice(i + 1, i + 64));
      if (m && a.skeleton[i + 1 + m[1].length] !== ':') namedSet.add(m[1]);
    }
  }
  return { max, bare, named: namedSet };
}

/** A parameter name for a value expression: `user.getName()` -> `name`, `req.id` -> `id`. */
export function bindName(src: string): string {
  let s = src.replace(/\(\s*\)\s*$/, '');
  const m = /(?:^|\.)([A-Za-z_]\w*)\s*$/.exec(s);
  s = m?.[1] ?? 'param';
  if (/^(?:get|is)[A-Z]/.test(s) && src.endsWith(')')) s = s.replace(/^(?:get|is)/, '').replace(/^./, (c) => c.toLowerCase());
  return s === 'this' || s === '' ? 'param' : s;
}

/** Characters of a C-like double-quoted literal: `\\`, `\"`, newlines and control characters escaped. */
export function escapeDq(c: string): string {
  switch (c) {
    case '\\': return '\\\\';
    case '"': return '\\"';
    case '\n': return '\\n';
    case '\r': return '\\r';
    case '\t': return '\\t';
    default: {
      const code = c.charCodeAt(0);
      return code < 0x20 || code === 0x7f ? '\\u' + code.toString(16).padStart(4, '0') : c;
    }
  }
}

/**
 * A printf-style format (Go `fmt.Sprintf`, Java `String.format`) read for its verbs: `from` is the format's items (a
 * literal or a `+` of literals) or a named constant's text. Holes (constants inside a `+`) are read as their text; then,
 * as for a named constant, the fix cannot write the format back (`foreign`). `s` is the text with other holes as MARK.
 */
export function readFormat(from: Item[] | string): { fmt: Item[]; s: string; foreign: boolean } {
  let fmt: Item[] = typeof from === 'string' ? [...from].map((c) => ({ kind: 'ch', c, r: c })) : from;
  let foreign = typeof from === 'string';
  if (fmt.some((i) => i.kind === 'hole')) {
    foreign = true;
    fmt = fmt.flatMap((i) => (i.kind === 'ch' || i.text === undefined ? [i] : [...i.text].map((c) => ({ kind: 'ch' as const, c, r: c }))));
  }
  return { fmt, s: fmt.map((i) => (i.kind === 'ch' ? i.c : MARK)).join(''), foreign };
}
