// Python: every place a name gets its value (assignments, tuple unpacking, loop targets, parameters), scoped to the enclosing function.
import type { PySource } from '../../../languages/python';

/** How a name is bound: `value` is the token range of what it is set to (for `for`, of the iterable). */
export type PyBinding =
  | { kind: 'assign' | 'for'; at: number; from: number; to: number }
  | { kind: 'param'; at: number }
  /** `as x`, `global x`, `x := …`: a value this module does not spell out here. */
  | { kind: 'other'; at: number };

const BLOCK_KEYWORDS = new Set(['if', 'elif', 'else', 'while', 'for', 'return', 'def', 'class', 'with', 'assert', 'del', 'try', 'except', 'finally', 'raise', 'import', 'from', 'lambda', 'yield', 'async', 'await', 'pass', 'global', 'nonlocal']);

/** Token index of the `def` whose header starts the logical line at `first`, or -1. */
function defAt(src: PySource, first: number): number {
  if (src.isName(first, 'def')) return first;
  return src.isName(first, 'async') && src.isName(first + 1, 'def') ? first + 1 : -1;
}

/** The `:` ending a block header that starts at `first`, or -1 when the line is no header (a one-line body follows it). */
export function headerColon(src: PySource, first: number): number {
  const end = src.lineEnd(first);
  for (let j = first; j < end; j = src.next(j)) if (src.is(j, ':')) return j;
  return -1;
}

/** Index of the `def` of the function whose body holds token `k`, or -1 at module level and in class bodies. */
export function enclosingDef(src: PySource, k: number): number {
  const t = src.tokens;
  const first = t[k].lineFirst;
  const own = defAt(src, first);
  // `def f(x): return eval(x)`: a one-line body belongs to its def.
  if (own >= 0 && k > headerColon(src, first)) return own;
  let indent = t[first].indent;
  for (let j = first - 1; j >= 0 && indent > 0; j = t[j].lineFirst - 1) {
    const f = t[j].lineFirst;
    if (t[f].indent >= indent) continue;
    indent = t[f].indent;
    const def = defAt(src, f);
    if (def >= 0) return def;
    if (src.isName(f, 'class')) return -1;
  }
  return -1;
}

/** Token range `[from, to)` of the function whose `def` is at `def`: its header and indented body. */
export function defRange(src: PySource, def: number): [number, number] {
  const t = src.tokens;
  const first = t[def].lineFirst;
  let end = src.lineEnd(def);
  while (end < t.length && t[end].indent > t[first].indent) end = src.lineEnd(end);
  return [first, end];
}

/** Names of the parameters of the function whose `def` is at `def`. */
export function paramNames(src: PySource, def: number): string[] {
  const open = def + 2;
  const close = src.tokens[open]?.match;
  if (!src.is(open, '(') || close === undefined || close < 0) return [];
  const out: string[] = [];
  for (const a of src.splitArgs(open, close)) {
    if (a.name === '*' || a.name === '**' || a.name === undefined) {
      if (a.from < a.to && src.isName(a.from)) out.push(src.tokens[a.from].text);
    } else {
      out.push(a.name);
    }
  }
  return out;
}

/** Whether name token `j` is itself bound by a target list: not an attribute, subscript or call part. */
function isTargetName(src: PySource, j: number, segFrom: number): boolean {
  if (src.is(j + 1, '.') || src.is(j + 1, '[') || src.is(j + 1, '(')) return false;
  if (j === segFrom) return true;
  const prev = src.tokens[j - 1];
  if (prev.kind !== 'op' || !/^(?:,|\(|\[|\*)$/.test(prev.text)) return false;
  // `x[name] = …` binds x, not name: a `[` after a name or bracket is a subscript.
  return prev.text !== '[' || j - 1 === segFrom || /^(?:,|\(|\[)$/.test(src.tokens[j - 2]?.text ?? '');
}

/** Bindings of `name` on the logical line starting at `first`. */
function lineBindings(src: PySource, first: number, name: string, out: PyBinding[]): void {
  const t = src.tokens;
  const end = src.lineEnd(first);
  for (let j = first; j < end; j++) {
    if (src.isName(j, 'for')) {
      // `for a, b in it:` and comprehensions: the targets run to the `in` at the same depth.
      let k = j + 1;
      while (k < end && !src.isName(k, 'in')) k = src.next(k);
      let hit = false;
      for (let m = j + 1; m < k; m++) if (src.isName(m, name) && isTargetName(src, m, j + 1)) hit = true;
      if (hit) {
        let to = k + 1;
        while (to < end && !src.is(to, ':') && !src.isName(to, 'if') && !src.isName(to, 'for') && !/^[)\]}]$/.test(t[to].text)) to = src.next(to);
        out.push({ kind: 'for', at: j, from: k + 1, to });
      }
    } else if (src.isName(j, name) && (src.isName(j - 1, 'as') || src.is(j + 1, ':=') || ((src.isName(j - 1, 'global') || src.is(j - 1, ',')) && src.isName(first, 'global')))) {
      out.push({ kind: 'other', at: j });
    }
  }
  if (t[first].kind === 'name' && BLOCK_KEYWORDS.has(t[first].text)) return;
  // `a = b = value`, `x, y = value`, `x: int = value`, `x += value`: targets before the last top-level `=`.
  const eqs: number[] = [];
  for (let j = first; j < end; j = src.next(j)) {
    const tok = t[j];
    if (tok.kind === 'op' && (tok.text === '=' || (/^[-+*/%&|^@<>]{1,2}=$/.test(tok.text) && !/^[=<>!]=$/.test(tok.text)))) eqs.push(j);
    else if (src.isName(j, 'lambda')) break;
  }
  if (eqs.length === 0) return;
  const valueFrom = eqs[eqs.length - 1] + 1;
  let segFrom = first;
  for (const eq of eqs) {
    for (let j = segFrom; j < eq; j++) {
      if (src.is(j, ':')) break;
      if (src.isName(j, name) && isTargetName(src, j, segFrom)) {
        out.push({ kind: 'assign', at: j, from: valueFrom, to: end });
        return;
      }
    }
    segFrom = eq + 1;
  }
}

/**
 * Where `name`, used at token `k`, gets its value: bindings in the enclosing function (parameters included), else at module
 * level (statements outside any function). Nested functions' own bindings count too: more bindings only make a caller more careful.
 */
export function bindingsOf(src: PySource, k: number, name: string): PyBinding[] {
  const t = src.tokens;
  const def = enclosingDef(src, k);
  const out: PyBinding[] = [];
  if (def >= 0) {
    if (paramNames(src, def).includes(name)) out.push({ kind: 'param', at: def });
    const [from, to] = defRange(src, def);
    for (let j = src.lineEnd(from); j < to; j = src.lineEnd(j)) lineBindings(src, j, name, out);
    // A one-line body after the header's colon.
    const colon = headerColon(src, from);
    if (colon >= 0 && colon + 1 < src.lineEnd(from)) lineBindings(src, colon + 1, name, out);
    if (out.length > 0 && !out.some((b) => b.kind === 'other' && src.isName(t[b.at].lineFirst, 'global'))) {
      const loops = loopsAround(src, k);
      // A binding later in the function reaches `k` only through a loop around both.
      const reaching = out.filter((b) => b.kind === 'param' || b.at < k || loops.some(([a, z]) => b.at >= a && b.at < z));
      return reaching.length > 0 ? reaching : out;
    }
    out.length = 0;
  }
  for (const j of moduleLines(src)) lineBindings(src, j, name, out);
  return out;
}

/** Token ranges of the `for` / `while` statements (header and body) around token `k`, inside its function. */
function loopsAround(src: PySource, k: number): [number, number][] {
  const t = src.tokens;
  const out: [number, number][] = [];
  let indent = t[t[k].lineFirst].indent;
  for (let j = t[k].lineFirst - 1; j >= 0 && indent > 0; j = t[j].lineFirst - 1) {
    const f = t[j].lineFirst;
    if (t[f].indent >= indent) continue;
    indent = t[f].indent;
    if (defAt(src, f) >= 0 || src.isName(f, 'class')) break;
    if (!src.isName(f, 'for') && !src.isName(f, 'while') && !(src.isName(f, 'async') && src.isName(f + 1, 'for'))) continue;
    let end = src.lineEnd(f);
    while (end < t.length && t[end].indent > indent) end = src.lineEnd(end);
    out.push([f, end]);
  }
  return out;
}

const moduleLineCache = new WeakMap<PySource, number[]>();

/** First tokens of the logical lines outside every function body (module statements and class bodies). */
function moduleLines(src: PySource): number[] {
  let lines = moduleLineCache.get(src);
  if (lines) return lines;
  lines = [];
  const t = src.tokens;
  const blocks: { indent: number; def: boolean }[] = [];
  for (let j = 0; j < t.length; j = src.lineEnd(j)) {
    while (blocks.length > 0 && blocks[blocks.length - 1].indent >= t[j].indent) blocks.pop();
    if (!blocks.some((b) => b.def)) lines.push(j);
    if (defAt(src, j) >= 0) blocks.push({ indent: t[j].indent, def: true });
    else if (src.isName(j, 'class')) blocks.push({ indent: t[j].indent, def: false });
  }
  moduleLineCache.set(src, lines);
  return lines;
}

/** Assignments to an attribute or subscript target such as `self.code` anywhere in the file, by their normalized text. */
export function attributeBindings(src: PySource, target: string): PyBinding[] {
  return src.assignments().filter((a) => a.target === target).map((a) => ({ kind: 'assign' as const, at: a.targetFrom, from: a.from, to: a.to }));
}
