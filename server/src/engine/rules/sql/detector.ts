// What sql/string-built-query needs from each language's detector, and the bits they share.
import type { Analysis, Hole, Item } from '../../fixes/parameterize';
import type { Lang } from '../../languages/detect';
import type { RuleContext } from '../../rule';
import type { Fix } from '../../types';

/** One language's half of sql/string-built-query: reports through `ctx` with the rule's message ids. */
export interface SqlDetector {
  /** Cheap test on path and language. */
  appliesTo(file: { path: string; lang: Lang }): boolean;
  check(ctx: RuleContext): void | Promise<void>;
}

/**
 * A loose superset of what `looksLikeSql` accepts, run over the whole file: a file with none of these words
 * cannot hold a statement the rule would report.
 */
export const SQL_HINT = /\bselect\b|\bdelete\b[\s\S]{0,400}?\bfrom\b|\b(?:insert|replace|merge)\s+(?:\w+\s+){0,2}into\b|\bupdate\b[\s\S]{0,200}?\bset\b|\bwhere\s|\bwith\s+(?:recursive\s+)?\w+|\b(?:create|drop|alter)\s+\w|\b(?:truncate|pragma|explain|vacuum|grant|revoke|call|show)\s|\b(?:backup|restore)\s+(?:database|log)\b/i;

/** Whether the items hold a value the developer does not control: without one there is nothing to report. */
export function hasUnsafeHole(items: readonly Item[]): boolean {
  return items.some((i) => i.kind === 'hole' && !i.safe);
}

/**
 * The items of the parts a local variable was built from (assignment and appends): literals and built strings are read
 * through, any other part is one hole.
 */
export function partItems<N>(parts: readonly N[], readThrough: (n: N) => boolean, flattenInto: (n: N, out: Item[]) => void, hole: (n: N) => Item): Item[] {
  const items: Item[] = [];
  for (const p of parts) {
    if (readThrough(p)) flattenInto(p, items);
    else items.push(hole(p));
  }
  return items;
}

/** An expression as the message quotes it: one line, at most 40 characters. */
export function short(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 40 ? one.slice(0, 37) + '...' : one;
}

/**
 * Reports the SQL argument at `query` from the analysis of its items: the first unsafe value (`fixes` are asked for only
 * then), else the first name or fragment the developer does not control. A fragment alone is not reported when the call
 * passes parameters (`hasParams`, asked only then): most often a list of conditions with placeholders, built in a loop.
 */
export function reportHoles(
  ctx: RuleContext,
  query: { startIndex: number; endIndex: number },
  items: Item[],
  a: Analysis,
  hasParams: () => boolean,
  fixes: () => Fix[],
): void {
  const values: Hole[] = [];
  const names: Hole[] = [];
  const fragments: Hole[] = [];
  for (const h of a.holes) {
    const it = items[h.item] as Hole;
    if (it.kind !== 'hole' || it.safe || h.pos === 'ignored') continue;
    if (h.pos === 'value') values.push(it);
    else if (!it.devControlled) (h.pos === 'name' ? names : fragments).push(it);
  }
  if (!values.length && !names.length && (!fragments.length || hasParams())) return;
  const [from, to] = [query.startIndex, query.endIndex];
  if (values.length) {
    ctx.report({ start: from, end: to, messageId: 'interpolatedValue', data: { expr: short(values[0].src) }, fixes: fixes() });
  } else {
    const first = names[0] ?? fragments[0];
    ctx.report({ start: from, end: to, messageId: 'interpolatedIdentifier', data: { expr: short(first.src) } });
  }
}
