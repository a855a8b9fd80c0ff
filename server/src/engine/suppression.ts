// Suppression comments: Warden's own `warden-ignore` plus the markers users already have for other scanners.
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

/**
 * Where a marker counts: `line` on the finding's line; `above` on the line before it; `both` on either, but
 * above only from a comment-only line (so `x = f()  # nosemgrep` silences its own line, not the next one).
 */
export type MarkerPlace = 'line' | 'above' | 'both';

export interface Marker {
  /** As users write it, for docs and tests. */
  name: string;
  /** Tested against the comment text of a line only. */
  pattern: RegExp;
  place: MarkerPlace;
  /** `secret`: the marker belongs to a secret scanner and silences `secret/*` rules only. */
  scope: 'secret' | 'all';
}

/**
 * Other tools' markers. Each is honoured with that tool's own placement; rule ids after a marker (`nosec B105`,
 * `nosemgrep: rule-id`) name the other tool's rules, which never match Warden's, so any marker silences the line.
 */
export const MARKERS: readonly Marker[] = [
  { name: 'gitleaks:allow', pattern: /\bgitleaks:allow\b/i, place: 'line', scope: 'secret' },
  // detect-secrets; `whitelist` is its older spelling.
  { name: 'pragma: allowlist secret', pattern: /\bpragma:\s*(?:allow|white)list[ -]secret\b/i, place: 'line', scope: 'secret' },
  { name: 'pragma: allowlist nextline secret', pattern: /\bpragma:\s*(?:allow|white)list[ -]nextline[ -]secret\b/i, place: 'above', scope: 'secret' },
  { name: 'secretlint-disable-line', pattern: /\bsecretlint-disable-line\b/i, place: 'line', scope: 'secret' },
  { name: 'secretlint-disable-next-line', pattern: /\bsecretlint-disable-next-line\b/i, place: 'above', scope: 'secret' },
  { name: 'trufflehog:ignore', pattern: /\btrufflehog:ignore\b/i, place: 'line', scope: 'secret' },
  { name: 'ggignore', pattern: /\bggignore\b/i, place: 'line', scope: 'secret' },
  // Bandit (`# nosec`, `# nosec B105`) and gosec (`// #nosec G101`).
  { name: 'nosec', pattern: /\bnosec\b/i, place: 'line', scope: 'all' },
  { name: 'NOSONAR', pattern: /\bnosonar\b/i, place: 'line', scope: 'all' },
  // Semgrep honours the marker on the finding's line or the line before it.
  { name: 'nosemgrep', pattern: /\bnosemgrep\b/i, place: 'both', scope: 'all' },
];

/** Cheap test before lexing: every marker contains one of these (lower case). */
const HINTS = ['gitleaks', 'allowlist', 'whitelist', 'secretlint', 'trufflehog', 'ggignore', 'nosec', 'nosonar', 'nosemgrep'];

/**
 * The comment parts of one line, joined by spaces, with `start` telling whether the line is a comment from its
 * first non-blank character. Language-agnostic on purpose: `#`, `//`, `/* *\/`, `<!-- -->` and `-- ` all open a
 * comment, and quoted text is skipped so a marker inside a string (`log("nosec")`, `"https://x/#nosec"`) does not
 * count. A quote that never closes on the line (a Rust lifetime, an apostrophe, a multi-line string) is read as a
 * plain character rather than hiding the rest of the line.
 */
export function commentText(line: string): { text: string; start: boolean } {
  const trimmed = line.trimStart();
  // Continuation lines of a block comment (` * nosec`) are comments even though their opener is lines away.
  if (trimmed.startsWith('*') && !trimmed.startsWith('*/')) return { text: trimmed.slice(1), start: true };
  const parts: string[] = [];
  let start = false;
  const first = line.length - trimmed.length;
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line[i];
    let close: string | undefined;
    let open = 0;
    // `://` is a URL, not a comment.
    if (c === '/' && line[i + 1] === '/' && line[i - 1] !== ':') open = 2;
    else if (c === '#') open = 1;
    else if (c === '-' && line[i + 1] === '-' && (i + 2 >= n || /\s/.test(line[i + 2]))) open = 2;
    else if (c === '/' && line[i + 1] === '*') {
      open = 2;
      close = '*/';
    } else if (c === '<' && line.startsWith('<!--', i)) {
      open = 4;
      close = '-->';
    }
    if (open) {
      if (i === first) start = true;
      const from = i + open;
      const end = close ? line.indexOf(close, from) : -1;
      if (end < 0) {
        parts.push(line.slice(from));
        break;
      }
      parts.push(line.slice(from, end));
      i = end + close!.length;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < n && line[j] !== c) j += line[j] === '\\' ? 2 : 1;
      // Unclosed: not a string after all; go on from the next character.
      i = j < n ? j + 1 : i + 1;
      continue;
    }
    i++;
  }
  return { text: parts.join(' '), start };
}

function hasHint(line: string): boolean {
  const lower = line.toLowerCase();
  return HINTS.some((h) => lower.includes(h));
}

/** The other tools' marker that silences `ruleId` at 0-based `line0`, if any. */
export function foreignMarker(lines: LineIndex, line0: number, ruleId: string): Marker | undefined {
  const isSecret = ruleId.startsWith('secret/');
  const here = lines.lineText(line0);
  const above = line0 > 0 ? lines.lineText(line0 - 1) : '';
  const hereComment = hasHint(here) ? commentText(here) : undefined;
  const aboveComment = hasHint(above) ? commentText(above) : undefined;
  for (const m of MARKERS) {
    if (m.scope === 'secret' && !isSecret) continue;
    if (m.place !== 'above' && hereComment && m.pattern.test(hereComment.text)) return m;
    if (m.place !== 'line' && aboveComment && (m.place === 'above' || aboveComment.start) && m.pattern.test(aboveComment.text)) return m;
  }
  return undefined;
}

export function isSuppressed(lines: LineIndex, line0: number, ruleId: string): boolean {
  for (const l of [line0, line0 - 1]) {
    if (l < 0) continue;
    const ids = suppressedOn(lines.lineText(l));
    if (ids && matches(ids, ruleId)) return true;
  }
  return foreignMarker(lines, line0, ruleId) !== undefined;
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
