// Suppression comments: `warden-ignore: <rule-id> -- <reason>` on the finding's line or the line above.
import { lineComment, type Lang } from './languages/detect';
import type { LineIndex } from './text';
import type { Finding, Fix } from './types';

const WARDEN = /warden-ignore(?:-next-line)?:\s*([\w\-/*,\s]+?)(?:\s+--\s*(.*?))?\s*(?:-->|\*\/)?\s*$/;

/** Rule ids (or `all`) suppressed by a comment on this line, if any. */
function suppressedOn(lineText: string): string[] | undefined {
  const m = WARDEN.exec(lineText);
  if (!m) return undefined;
  return m[1].split(/[\s,]+/).filter(Boolean);
}

function matches(ids: string[], ruleId: string): boolean {
  return ids.some((id) => id === ruleId || id === 'all' || id === '*' || (id.endsWith('/*') && ruleId.startsWith(id.slice(0, -1))));
}

export function isSuppressed(lines: LineIndex, line0: number, ruleId: string): boolean {
  for (const l of [line0, line0 - 1]) {
    if (l < 0) continue;
    const ids = suppressedOn(lines.lineText(l));
    if (ids && matches(ids, ruleId)) return true;
  }
  return false;
}

/** A fix that inserts a suppression comment above the finding's line. */
export function suppressionFix(lines: LineIndex, lang: Lang, finding: Pick<Finding, 'ruleId' | 'line' | 'path'>): Fix | undefined {
  const comment = lineComment(lang);
  if (!comment) return undefined;
  const line0 = finding.line - 1;
  const indent = /^[ \t]*/.exec(lines.lineText(line0))?.[0] ?? '';
  const at = lines.lineStart(line0);
  const text = `${indent}${comment.open} warden-ignore: ${finding.ruleId} -- <reason>${comment.close}${lines.eol}`;
  return {
    title: `Suppress ${finding.ruleId} on this line (with a reason)`,
    applicability: 'unsafe',
    kind: 'suppress',
    changes: [{ path: finding.path, edits: [lines.edit(at, at, text)] }],
  };
}
