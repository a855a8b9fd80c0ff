// Language-neutral half of the parameterize fix for the tree-sitter and token-level detectors (PHP, Ruby, Elixir,
// C#): turns analysed SQL items into pieces (constant text, kept interpolations, placeholders) plus the values to bind.
// Each detector writes the pieces back as a string literal of its own language. `valueHoles` and `unquoteRegion` serve
// the Python, Go and Java rewrites too.
import { MARK, type Analysis, type Ch, type Hole, type Item } from '../../fixes/parameterize';

/** `?` (PDO, Laravel, ActiveRecord, MyXQL) or `$1, $2…` (Postgres). */
export type PlaceholderStyle = '?' | '$';

/** Constant text (a character with its raw form, or a placeholder) or an interpolation kept as is. */
export type Piece = { ch: Ch; placeholder?: boolean } | { hole: Hole };

export interface Placeholdered {
  pieces: Piece[];
  /** Source of every value in placeholder order (existing bindings included). */
  values: string[];
  /** Number of new placeholders. */
  added: number;
}

/** How many skeleton characters an item stands for. */
export const lenOf = (it: Item): number => (it.kind === 'ch' ? 1 : (it.text ?? MARK).length);

/** Where the placeholders go: the unsafe value holes of analysed SQL. */
export interface ValueHoles {
  /** Item index of each unsafe value hole, with the quoted SQL value it stands in (`'%${q}%'`), if any. */
  isValue: Map<number, { region?: number }>;
  /** The first skeleton index of each item. */
  first: number[];
  /** Item index of the opening quote of each quoted value that gets one placeholder (quotes included) -> its region. */
  regionAt: Map<number, number>;
}

/**
 * The unsafe value holes of the items. Undefined when there is none, or one cannot soundly become a placeholder: a list
 * in `IN (…)`, or a quoted value whose quotes are not constant text.
 */
export function valueHoles(items: Item[], a: Analysis): ValueHoles | undefined {
  const isValue = new Map<number, { region?: number }>();
  for (const h of a.holes) {
    const it = items[h.item] as Hole;
    if (h.pos === 'value' && !it.safe) isValue.set(h.item, h);
  }
  if (isValue.size === 0) return undefined;
  const first: number[] = [];
  a.owner.forEach((it, i) => { if (first[it] === undefined) first[it] = i; });
  // One placeholder cannot stand for a list: `IN (${ids})`, `IN ${tuple(ids)}`.
  for (const [i, h] of isValue) {
    if (h.region !== undefined) continue;
    const at = first[i];
    const before = a.skeleton.slice(0, at).replace(/\s+$/, '');
    const after = a.skeleton.slice(at + lenOf(items[i]));
    if (/\bin$/i.test(before) || (/\bin\s*\($/i.test(before) && /^\s*\)/.test(after))) return undefined;
  }
  const regionAt = new Map<number, number>();
  for (const h of isValue.values()) {
    if (h.region === undefined) continue;
    const [qa, qb] = a.regions[h.region];
    const oa = a.owner[qa];
    const ob = a.owner[qb];
    if (items[oa].kind !== 'ch' || items[ob].kind !== 'ch') return undefined;
    regionAt.set(oa, h.region);
  }
  return { isValue, first, regionAt };
}

/**
 * Replaces the value holes with placeholders; name and fragment holes stay. `regionValue` writes the text of a quoted
 * SQL value that mixes constant text and holes (`'%$q%'`) as an expression of the language, or undefined. Undefined
 * when it cannot be done soundly (a list in `IN (…)`, existing placeholders that do not match `existing`).
 */
export function placeholderize(
  items: Item[],
  a: Analysis,
  style: PlaceholderStyle,
  existing: string[],
  regionValue: (inner: Item[]) => string | undefined,
): Placeholdered | undefined {
  const holes = valueHoles(items, a);
  if (!holes) return undefined;
  const { isValue, first, regionAt } = holes;

  let existingQ = 0;
  let maxDollar = 0;
  for (let i = 0; i < a.skeleton.length; i++) {
    if (a.state[i] !== 'code') continue;
    const c = a.skeleton[i];
    if (c === '?') {
      if (style === '$') return undefined; // a `?` meant for another driver
      existingQ++;
    } else if (c === '$') {
      const m = /^\$(\d+)/.exec(a.skeleton.slice(i, i + 8));
      if (m && !/[\w$]/.test(a.skeleton[i - 1] ?? '')) {
        if (style === '?') return undefined;
        maxDollar = Math.max(maxDollar, Number(m[1]));
      }
    } else if (c === ':' && /^:[A-Za-z_]\w*/.test(a.skeleton.slice(i, i + 3)) && a.skeleton[i - 1] !== ':' && a.skeleton[i + 1] !== ':') {
      return undefined; // named placeholders: mixing styles is not written
    }
  }
  if (style === '$' ? existing.length !== maxDollar : existing.length !== existingQ) return undefined;

  const pieces: Piece[] = [];
  const newValues: string[] = [];
  const order: ('e' | 'v')[] = [];
  let n = 0;
  const placeholder = (value: string) => {
    newValues.push(value);
    order.push('v');
    const text = style === '$' ? `$${maxDollar + ++n}` : (++n, '?');
    for (const c of text) pieces.push({ ch: { kind: 'ch', c, r: c }, placeholder: true });
  };
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const r = regionAt.get(i);
    if (r !== undefined) {
      const end = a.owner[a.regions[r][1]];
      const inner = items.slice(i + 1, end);
      const value = inner.length === 1 && inner[0].kind === 'hole' ? inner[0].src : regionValue(inner);
      if (value === undefined) return undefined;
      placeholder(value);
      i = end;
      continue;
    }
    if (it.kind === 'hole') {
      if (isValue.has(i)) placeholder(it.src);
      else pieces.push({ hole: it });
      continue;
    }
    if (style === '?' && it.c === '?' && a.state[first[i]] === 'code') order.push('e');
    pieces.push({ ch: it });
  }
  let values: string[];
  if (style === '$') values = [...existing, ...newValues];
  else {
    values = [];
    let e = 0;
    let v = 0;
    for (const o of order) values.push(o === 'e' ? existing[e++] : newValues[v++]);
  }
  return { pieces, values, added: n };
}

/** Text of the quoted SQL value between the quotes, with `''` undoubled: characters and holes in order. */
export function unquoteRegion(inner: Item[]): Item[] {
  const out: Item[] = [];
  for (let k = 0; k < inner.length; k++) {
    const x = inner[k];
    out.push(x);
    if (x.kind === 'ch' && x.c === "'" && inner[k + 1]?.kind === 'ch' && (inner[k + 1] as Ch).c === "'") k++;
  }
  return out;
}
