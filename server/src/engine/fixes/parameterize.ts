// Models string-built SQL (text + interpolated holes), finds where each hole sits in the SQL, and rewrites it to placeholders.
import type { TextEdit } from '../types';

/** One character of constant SQL text: `c` is its value, `r` how to write it inside a JS template literal. */
export interface Ch {
  kind: 'ch';
  c: string;
  r: string;
}

/** An interpolated JS expression. */
export interface Hole {
  kind: 'hole';
  /** Source text of the expression, written back as `${src}` or as a value. */
  src: string;
  /** Constant, numeric, escaped or a placeholder list: never a finding, kept as is by the fix. */
  safe: boolean;
  /** Value of a constant expression, so the SQL around it reads right (`FROM ${TABLE}`). */
  text?: string;
  /** `this.table`, an import, SCREAMING_CASE: written by the developer; only a finding as a value. */
  devControlled?: boolean;
}

export type Item = Ch | Hole;

/** Where a hole sits in the SQL text. */
export type Position = 'value' | 'name' | 'fragment' | 'ignored';

export interface HoleInfo {
  item: number;
  pos: Position;
  /** Index into `regions` when the hole is inside a single-quoted SQL string. */
  region?: number;
}

export interface Analysis {
  /** The SQL with holes as U+E000 (constant holes expanded). */
  skeleton: string;
  /** skeleton index -> item index */
  owner: number[];
  /** skeleton index -> lexical state */
  state: State[];
  /** Single-quoted SQL strings that contain holes, as [open quote, close quote] skeleton indexes. */
  regions: [number, number][];
  holes: HoleInfo[];
}

type State = 'code' | 'single' | 'dquote' | 'btick' | 'comment';

export const MARK = '\uE000';

// An SQL name or a hole; enough to tell `SELECT id FROM` from "Select a file from".
const NAME = String.raw`(?:[\w$."\`\[\]${MARK}]+)`;
// Statement shapes; SELECT must open the text (or a subquery) so "please select one from the menu" is prose.
const STATEMENT = new RegExp(
  [
    String.raw`(?:^|[(;]|\b(?:union(?:\s+all)?|intersect|except|explain(?:\s+analyze)?)\s)\s*(select)\s+(?:distinct\s+|all\s+|top\s+\S+\s+)?(?=\*|${NAME}(?:\s*,|\s+as\b|\s*\(|\s*\*|\s+from\b|\s*$|\s+${MARK}))[\s\S]*?\bfrom\s+${NAME}`,
    String.raw`^\s*(select)\s+${MARK}`,
    String.raw`\b(insert)\s+(?:ignore\s+|or\s+\w+\s+)?into\s+${NAME}\s*(?:\(|values\b|select\b|set\b|default\b|${MARK}|$)`,
    String.raw`\b(update)\s+(?:only\s+)?${NAME}\s+set\s+${NAME}\s*=`,
    String.raw`\b(delete)\s+from\s+${NAME}(?:\s+(?:as\s+)?\w+)?\s*(?:$|;|where\b|using\b|returning\b|${MARK})`,
    String.raw`^\s*(with)\s+(?:recursive\s+)?${NAME}\s*(?:\([^)]*\)\s*)?as\s*(?:not\s+)?(?:materialized\s+)?\(`,
    String.raw`\b(create|drop|alter)\s+(?:or\s+replace\s+)?(?:temp(?:orary)?\s+|unique\s+|materialized\s+)?(?:table|view|index|schema|database|sequence|function|procedure|trigger|type|extension|role|user)\b`,
    String.raw`^\s*(truncate)\s+(?:table\s+)?${NAME}`,
    String.raw`\b(replace|merge)\s+into\s+${NAME}`,
    String.raw`^\s*(pragma|explain|vacuum|grant|revoke|call|show\s+(?:tables|columns|databases))\b`,
    String.raw`\b(backup|restore)\s+(?:database|log)\b`,
  ].join('|'),
  'gi',
);
const CONDITION = new RegExp(String.raw`\b(where)\s+${NAME}\s*(?:=|<>|!=|<|>|\s(?:like|ilike|in|is|between|not)\b)`, 'gi');

/** SQL keywords are written all upper or all lower case; "Delete from cache" is a sentence. */
function keywordCased(m: RegExpExecArray): boolean {
  const kw = m.slice(1).find((g) => g !== undefined) ?? '';
  return kw === kw.toUpperCase() || kw === kw.toLowerCase();
}

/** Whether the text (holes as MARK) reads as an SQL statement, or at least a WHERE condition. */
export function looksLikeSql(skeleton: string): boolean {
  const s = skeleton.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/--[^\n]*/g, ' ');
  for (const re of [STATEMENT, CONDITION]) {
    for (const m of s.matchAll(re)) if (keywordCased(m)) return true;
  }
  return false;
}

/** Decodes a JS string or template body into characters, each with a form that is safe inside a template literal. */
export function decodeChars(raw: string, fromTemplate: boolean): Ch[] {
  const out: Ch[] = [];
  const push = (c: string, r: string) => {
    if (!fromTemplate) {
      if (r === '`') r = '\\`';
      else if (r === '$' && raw[i + 1] === '{') r = '\\$';
    }
    out.push({ kind: 'ch', c, r });
  };
  let i = 0;
  for (; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\r') {
      // Templates cook CRLF to LF; keep the raw text.
      const r = raw[i + 1] === '\n' ? '\r\n' : '\r';
      push('\n', r);
      i += r.length - 1;
      continue;
    }
    if (ch !== '\\') {
      push(ch, ch);
      continue;
    }
    const start = i;
    const n = raw[i + 1];
    let c: string;
    if (n === undefined) break;
    i++;
    switch (n) {
      case 'n': c = '\n'; break;
      case 't': c = '\t'; break;
      case 'r': c = '\r'; break;
      case 'b': c = '\b'; break;
      case 'f': c = '\f'; break;
      case 'v': c = '\v'; break;
      case '0': c = '\0'; break;
      case 'x': c = String.fromCharCode(parseInt(raw.slice(i + 1, i + 3), 16)); i += 2; break;
      case 'u': {
        if (raw[i + 1] === '{') {
          const close = raw.indexOf('}', i);
          c = String.fromCodePoint(parseInt(raw.slice(i + 2, close), 16));
          i = close;
        } else {
          c = String.fromCharCode(parseInt(raw.slice(i + 1, i + 5), 16));
          i += 4;
        }
        break;
      }
      case '\r': case '\n': case '\u2028': case '\u2029':
        // A line continuation adds no character.
        if (n === '\r' && raw[i + 1] === '\n') i++;
        continue;
      default: c = n;
    }
    out.push({ kind: 'ch', c, r: raw.slice(start, i + 1) });
  }
  return out;
}

/** Scans the SQL lexically and classifies every hole. `start` is the position of a hole at the very beginning. */
export function analyze(items: Item[], start: Position = 'fragment'): Analysis {
  let skeleton = '';
  const owner: number[] = [];
  items.forEach((it, i) => {
    const t = it.kind === 'ch' ? it.c : it.text ?? MARK;
    for (let k = 0; k < t.length; k++) owner.push(i);
    skeleton += t;
  });

  const state: State[] = new Array(skeleton.length);
  const quotes: [number, number][] = [];
  let st: State = 'code';
  let block = false;
  let open = -1;
  for (let i = 0; i < skeleton.length; i++) {
    const c = skeleton[i];
    const next = skeleton[i + 1];
    if (st === 'code') {
      if (c === "'") { st = 'single'; open = i; }
      else if (c === '"') st = 'dquote';
      else if (c === '`') st = 'btick';
      else if ((c === '-' && next === '-') || (c === '/' && next === '*')) { st = 'comment'; block = c === '/'; state[i] = st; state[++i] = st; continue; }
      state[i] = st;
      continue;
    }
    state[i] = st;
    if (st === 'single' && c === "'") {
      if (next === "'") { state[++i] = st; continue; }
      quotes.push([open, i]);
      st = 'code';
    } else if ((st === 'dquote' && c === '"') || (st === 'btick' && c === '`')) st = 'code';
    else if (st === 'comment' && (block ? c === '/' && skeleton[i - 1] === '*' : c === '\n')) st = 'code';
  }

  const regions: [number, number][] = [];
  const holes: HoleInfo[] = [];
  let p = 0;
  items.forEach((it, i) => {
    const len = it.kind === 'ch' ? 1 : (it.text ?? MARK).length;
    const at = p;
    p += len;
    if (it.kind !== 'hole') return;
    const s = state[at] ?? 'code';
    if (s === 'comment') return void holes.push({ item: i, pos: 'ignored' });
    if (s === 'dquote' || s === 'btick') return void holes.push({ item: i, pos: 'name' });
    if (s === 'single' && skeleton[at] !== "'") {
      const q = quotes.findIndex(([a, b]) => a < at && at <= b);
      if (q < 0) return void holes.push({ item: i, pos: 'value' });
      let r = regions.findIndex(([a]) => a === quotes[q][0]);
      if (r < 0) r = regions.push(quotes[q]) - 1;
      return void holes.push({ item: i, pos: 'value', region: r });
    }
    // `${t}.col`, `${t}.${c}`: a qualifier, so a table or alias name whatever comes before it.
    const after = at + len;
    if (skeleton[after] === '.' && state[after] === 'code' && /[A-Za-z_\uE000]/.test(skeleton[after + 1] ?? '')) return void holes.push({ item: i, pos: 'name' });
    holes.push({ item: i, pos: classify(skeleton, state, at, start) });
  });
  // PRAGMA takes no placeholders: its argument (`PRAGMA table_info('${t}')`) names a table, index or setting.
  if (/^\s*pragma\b/i.test(skeleton)) {
    for (const h of holes) if (h.pos === 'value') { h.pos = 'name'; delete h.region; }
    regions.length = 0;
  }
  return { skeleton, owner, state, regions, holes };
}

const VALUE_WORDS = new Set(['like', 'ilike', 'in', 'between', 'is', 'not', 'limit', 'offset', 'values', 'then', 'else', 'interval', 'any', 'all', 'escape', 'fetch', 'top', 'rlike', 'regexp', 'glob', 'similar', 'to', 'default', 'returning_value']);
const NAME_WORDS = new Set(['from', 'join', 'into', 'update', 'table', 'by', 'select', 'distinct', 'set', 'as', 'returning', 'using', 'on', 'exists', 'index', 'view', 'schema', 'database', 'truncate', 'desc', 'asc']);
const FRAGMENT_WORDS = new Set(['where', 'and', 'or', 'having', 'when', 'case']);

interface Tok { t: string; at: number }

/** Significant tokens of the code before `at`, last first (strings collapse into one token). */
function tokensBefore(s: string, state: State[], at: number): Tok[] {
  const toks: Tok[] = [];
  let i = at - 1;
  while (i >= 0 && toks.length < 64) {
    const c = s[i];
    if (state[i] === 'comment' || /\s/.test(c)) { i--; continue; }
    if (state[i] === 'single' || state[i] === 'dquote' || state[i] === 'btick') {
      const kind = state[i];
      let j = i;
      while (j > 0 && state[j - 1] === kind) j--;
      toks.push({ t: kind === 'single' ? "'" : 'ident', at: j });
      i = j - 1;
      continue;
    }
    if (/[\w$]/.test(c)) {
      let j = i;
      while (j > 0 && /[\w$]/.test(s[j - 1]) && state[j - 1] === 'code') j--;
      toks.push({ t: s.slice(j, i + 1).toLowerCase(), at: j });
      i = j - 1;
      continue;
    }
    if (/[<>=!|:]/.test(c)) {
      let j = i;
      while (j > 0 && /[<>=!|:]/.test(s[j - 1])) j--;
      toks.push({ t: s.slice(j, i + 1), at: j });
      i = j - 1;
      continue;
    }
    toks.push({ t: c, at: i });
    i--;
  }
  return toks;
}

/** Whether the SQL at a hole wants a value (a placeholder works) or a name/fragment (it cannot). */
function classify(s: string, state: State[], at: number, start: Position): Position {
  const toks = tokensBefore(s, state, at);
  const prev = toks[0];
  if (!prev) return start;
  const t = prev.t;
  if (t === '$' || t === '@' || t === ':' || t === '?') return 'ignored';
  if (t === '.' || t === MARK || t === 'ident') return 'name';
  if (/^(?:[<>=!]+|\|\||[-+*/%])$/.test(t)) return 'value';
  if (t === '::') return 'name';
  if (t === ',' || t === '(') return listContext(toks);
  if (t === 'and' && isBetweenAnd(toks)) return 'value';
  if (VALUE_WORDS.has(t)) return 'value';
  if (NAME_WORDS.has(t)) return 'name';
  if (FRAGMENT_WORDS.has(t)) return 'fragment';
  return 'fragment';
}

function isBetweenAnd(toks: Tok[]): boolean {
  return toks[2]?.t === 'between' || toks[3]?.t === 'between';
}

/** After `,` or `(`: the enclosing parenthesis or clause decides. */
function listContext(toks: Tok[]): Position {
  let depth = 0;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k].t;
    if (t === ')') depth++;
    else if (t === '(') {
      if (depth > 0) { depth--; continue; }
      const before = toks[k + 1]?.t;
      if (before === undefined) return 'value';
      // `((${x})`: the group opened right after another one takes that one's context (`AND ((cond) OR …)`, `IN ((…))`).
      if (before === '(') continue;
      if (before === 'values' || before === 'in' || before === 'any' || before === 'all' || before === ',' || /^[<>=!]+$/.test(before)) return 'value';
      const beforeThat = toks[k + 2]?.t;
      if (beforeThat === 'into' || beforeThat === 'table' || beforeThat === 'index' || beforeThat === 'exists' || beforeThat === 'on') return 'name';
      if (before === 'select' || before === 'by' || before === 'from' || before === 'join') return 'name';
      if (/^\w+$/.test(before) && !NAME_WORDS.has(before) && !FRAGMENT_WORDS.has(before)) return 'value'; // a function call: lower(${x})
      return 'fragment';
    } else if (depth === 0) {
      if (t === 'select' || t === 'by' || t === 'returning' || t === 'from' || t === 'set' || t === 'distinct') return 'name';
      if (t === 'values' || t === 'limit' || t === 'in') return 'value';
      if (t === 'where' || t === 'having' || t === 'and' || t === 'or') return 'fragment';
    }
  }
  return 'fragment';
}

// ---------------------------------------------------------------------------------------------------------------
// The rewrite

export type Style = '$' | '?';

/** Where the values go; `existing` are the sources of values already passed, in order. */
export interface ValuesSlot {
  existing: string[];
  /** The edit that passes `values` (sources, in placeholder order); undefined when it cannot be written. */
  write(values: string[]): TextEdit | undefined;
}

export interface Rewrite {
  /** The new SQL, as a JS template literal. */
  sql: string;
  /** Sources of all values in placeholder order (existing ones included). */
  values: string[];
  /** Number of placeholders in `sql`. */
  placeholders: number;
}

/**
 * Rewrites the items to SQL with placeholders for the value holes; name and fragment holes stay interpolated.
 * Undefined when the SQL cannot be rewritten soundly (quotes inside constants, mismatched existing values).
 */
export function rewrite(items: Item[], a: Analysis, style: Style, existing: string[]): Rewrite | undefined {
  const isValue = new Map<number, HoleInfo>();
  for (const h of a.holes) {
    const it = items[h.item] as Hole;
    if (h.pos === 'value' && !it.safe) isValue.set(h.item, h);
  }
  if (isValue.size === 0) return undefined;
  // `IN (${ids.join(',')})`: one placeholder would compare against a single joined string.
  let at = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const len = it.kind === 'ch' ? 1 : (it.text ?? MARK).length;
    if (isValue.get(i)?.region === undefined && isValue.has(i)) {
      const toks = tokensBefore(a.skeleton, a.state, at);
      if (toks[0]?.t === '(' && toks[1]?.t === 'in' && /^\s*\)/.test(a.skeleton.slice(at + len))) return undefined;
    }
    at += len;
  }
  // Regions to replace: quoted SQL strings holding at least one unsafe value.
  const replace = new Set<number>();
  for (const h of isValue.values()) if (h.region !== undefined) replace.add(h.region);
  // skeleton index of each item's first character
  const first: number[] = [];
  a.owner.forEach((it, i) => { if (first[it] === undefined) first[it] = i; });
  const regionAt = new Map<number, number>(); // item index of the opening quote -> region
  for (const r of replace) {
    const [qa, qb] = a.regions[r];
    const oa = a.owner[qa];
    const ob = a.owner[qb];
    // Both quotes must be plain characters of this expression, not inside a constant's value.
    if (items[oa].kind !== 'ch' || items[ob].kind !== 'ch') return undefined;
    regionAt.set(oa, r);
  }

  let maxDollar = 0;
  let existingQ = 0;
  for (let i = 0; i < a.skeleton.length; i++) {
    if (a.state[i] !== 'code') continue;
    const m = /^\$(\d+)/.exec(a.skeleton.slice(i, i + 6));
    if (m && !/[\w$]/.test(a.skeleton[i - 1] ?? '')) maxDollar = Math.max(maxDollar, Number(m[1]));
  }

  const order: { existing?: number; src?: string }[] = [];
  let sql = '';
  let n = 0;
  const placeholder = () => (style === '$' ? `$${maxDollar + ++n}` : (++n, '?'));
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const r = regionAt.get(i);
    if (r !== undefined) {
      const [, qb] = a.regions[r];
      const end = a.owner[qb];
      const inner = items.slice(i + 1, end);
      let value: string;
      if (inner.length === 1 && inner[0].kind === 'hole') value = inner[0].src;
      else {
        let t = '';
        for (let k = 0; k < inner.length; k++) {
          const x = inner[k];
          if (x.kind === 'hole') t += '${' + x.src + '}';
          else {
            t += x.r;
            // SQL doubles a quote inside a string; the JS value holds one.
            if (x.c === "'" && inner[k + 1]?.kind === 'ch' && (inner[k + 1] as Ch).c === "'") k++;
          }
        }
        value = '`' + t + '`';
      }
      sql += placeholder();
      order.push({ src: value });
      i = end;
      continue;
    }
    if (it.kind === 'hole') {
      if (isValue.has(i)) {
        sql += placeholder();
        order.push({ src: it.src });
      } else sql += '${' + it.src + '}';
      continue;
    }
    const at = first[i];
    if (style === '?' && it.c === '?' && a.state[at] === 'code') {
      // `??` is one identifier binding (knex, mysql).
      if (items[i + 1]?.kind === 'ch' && (items[i + 1] as Ch).c === '?') { sql += '?'; i++; }
      order.push({ existing: existingQ++ });
    }
    sql += it.r;
  }

  let values: string[];
  if (style === '$') {
    if (existing.length !== maxDollar) return undefined;
    values = [...existing, ...order.filter((o) => o.src !== undefined).map((o) => o.src!)];
  } else {
    if (existing.length !== existingQ) return undefined;
    values = order.map((o) => (o.src !== undefined ? o.src : existing[o.existing!]));
  }
  const placeholders = style === '$' ? maxDollar + n : existingQ + n;
  return { sql: '`' + sql + '`', values, placeholders };
}
