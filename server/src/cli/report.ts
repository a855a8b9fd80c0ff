// The report every formatter prints, and the guards that keep secret values out of it.
import type { AuditResult } from '../audit';
import { redact, type Finding, type Fix } from '../engine';
import { basename, isDotenvName } from '../engine/languages/detect';

export interface Report extends AuditResult {
  /** Warden's version. */
  version: string;
  /** Findings a `--baseline` file accepted (left out of `findings`); absent without a baseline. */
  baselined?: number;
}

/** Values shorter than this are too common to scrub from a whole report without mangling it. */
const MIN_SCRUB_LENGTH = 8;

export function isDotenvPath(path: string): boolean {
  return isDotenvName(basename(path).toLowerCase());
}

/**
 * The secret values behind the report's secret findings, read back from the files: a formatter never sees
 * them, but `scrub` uses them as a last guard on the finished output.
 */
export async function secretValues(findings: readonly Finding[], readFile: (path: string) => Promise<string | undefined>): Promise<string[]> {
  const texts = new Map<string, Promise<string | undefined>>();
  const out = new Set<string>();
  for (const f of findings) {
    if (!f.ruleId.startsWith('secret/')) continue;
    let p = texts.get(f.path);
    if (!p) texts.set(f.path, (p = readFile(f.path).catch(() => undefined)));
    const text = await p;
    if (text === undefined) continue;
    const value = text.slice(f.start, f.end).trim().replace(/^(['"`])([\s\S]*)\1$/, '$2');
    if (value.length >= MIN_SCRUB_LENGTH) out.add(value);
  }
  // Longest first, so a value that contains another is replaced whole.
  return [...out].sort((a, b) => b.length - a.length);
}

/**
 * Whether a fix may appear in a report. A fix that writes to a dotenv file carries the secret it moves
 * there (the `.env` append of the env-var fix): applying it locally is fine, printing it is not, and
 * half of that fix would leave the code reading an unset variable, so the whole fix is left out.
 */
export function reportableFix(fix: Fix, secrets: readonly string[]): boolean {
  for (const change of fix.changes) {
    if (isDotenvPath(change.path)) return false;
    if (change.edits.some((e) => secrets.some((s) => e.newText.includes(s)))) return false;
  }
  return true;
}

/** Last guard: masks any secret value that still made it into the output. */
export function scrub(output: string, secrets: readonly string[]): string {
  let out = output;
  for (const s of secrets) {
    // Also the JSON-escaped spelling, for values with quotes or backslashes in JSON and SARIF output.
    for (const form of new Set([s, JSON.stringify(s).slice(1, -1)])) {
      if (out.includes(form)) out = out.split(form).join(redact(s));
    }
  }
  return out;
}

/** The report with unprintable fixes removed. */
export function reportWithSafeFixes(report: Report, secrets: readonly string[]): Report {
  return { ...report, findings: report.findings.map((f) => ({ ...f, fixes: f.fixes.filter((x) => reportableFix(x, secrets)) })) };
}
