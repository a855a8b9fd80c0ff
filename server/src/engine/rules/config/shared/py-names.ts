// Python: the value a plain name holds where it is used, when the code sets it exactly once (function local, else module level).
import type { PySource } from '../../../languages/python';

/** Token range of a value. */
export interface PyValue {
  from: number;
  to: number;
}

/**
 * The assignment to `name` that reaches token `k` in the function around it (`key = "…"` then `jwt.encode(p, key)`): the last
 * one before `k`, when it is a plain `=` in the same block (no branch or loop between decides). null when the value is
 * unknown (a parameter, or set in a branch), undefined when the function does not set `name` (the module's value applies).
 */
export function localValue(src: PySource, k: number, name: string): PyValue | null | undefined {
  const t = src.tokens;
  let def = -1;
  for (let j = t[k].lineFirst - 1; j >= 0; j--) {
    const first = t[t[j].lineFirst];
    if (t[j] === first && first.indent < t[k].indent && src.isName(j, 'def')) {
      def = j;
      break;
    }
    if (t[j] === first && first.indent === 0) break;
  }
  if (def < 0) return undefined;
  const header = src.lineEnd(def);
  for (let j = def + 1; j < header; j++) if (src.isName(j, name)) return null;
  let end = header;
  while (end < t.length && t[end].indent > t[def].indent) end = src.lineEnd(end);
  const sets = src.assignments().filter((a) => a.targetFrom > def && a.targetFrom < end && a.target === name);
  // Any assignment makes the name local to the function (the module's value never reaches it).
  if (sets.length === 0) return undefined;
  const last = sets.filter((a) => a.targetFrom < k).pop();
  if (!last || last.op !== '=' || last.indent !== t[k].indent) return null;
  for (let j = src.lineEnd(last.targetFrom); j < t[k].lineFirst; j = src.lineEnd(j)) if (t[j].indent < last.indent) return null;
  return { from: last.from, to: last.to };
}

/** The value of `name` at token `k`: set once in the enclosing function, or (not a parameter there) once at module level. */
export function nameValue(src: PySource, k: number, name: string): PyValue | undefined {
  const local = localValue(src, k, name);
  if (local !== undefined) return local ?? undefined;
  const sets = src.assignments().filter((a) => a.indent === 0 && a.target === name);
  return sets.length === 1 && sets[0].op === '=' ? { from: sets[0].from, to: sets[0].to } : undefined;
}
