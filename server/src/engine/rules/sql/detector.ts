// What sql/string-built-query needs from each language's detector, and the bits they share.
import type { Lang } from '../../languages/detect';
import type { RuleContext } from '../../rule';

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
export const SQL_HINT = /\bselect\b|\bdelete\b[\s\S]{0,400}?\bfrom\b|\b(?:insert|replace|merge)\s+(?:\w+\s+){0,2}into\b|\bupdate\b[\s\S]{0,200}?\bset\b|\bwhere\s|\bwith\s+(?:recursive\s+)?\w+|\b(?:create|drop|alter)\s+\w|\b(?:truncate|pragma|explain|vacuum|grant|revoke|call|show)\s/i;

/** An expression as the message quotes it: one line, at most 40 characters. */
export function short(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 40 ? one.slice(0, 37) + '...' : one;
}
