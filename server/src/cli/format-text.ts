// Human-readable report: one `path:line:col  severity  message  [rule-id]` line per finding, grouped by file, then a summary.
import type { Finding, Severity } from '../engine';
import type { Report } from './report';

export interface TextOptions {
  color: boolean;
  /** List skipped files with the reason. */
  verbose?: boolean;
}

const SGR = { reset: '\u001b[0m', bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', yellow: '\u001b[33m', blue: '\u001b[34m', underline: '\u001b[4m' };
const SEVERITY_COLOR: Record<Severity, string> = { error: SGR.red, warning: SGR.yellow, info: SGR.blue, hint: SGR.dim };
const SEVERITY_WIDTH = 7;

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Prints messages only, never source lines: a snippet would show the very value a secret finding
 * points at (messages are redacted by the rules).
 */
export function formatText(report: Report, options: TextOptions): string {
  const paint = (code: string, s: string): string => (options.color ? code + s + SGR.reset : s);
  const findings = [...report.findings].sort(byLocation);
  const lines: string[] = [];
  let current: string | undefined;
  for (const f of findings) {
    if (current !== undefined && f.path !== current) lines.push('');
    current = f.path;
    const where = paint(SGR.bold, `${f.path}:${f.line}:${f.column}`);
    const severity = paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(SEVERITY_WIDTH));
    lines.push(`${where}  ${severity}  ${oneLine(f.message)}  ${paint(SGR.dim, `[${f.ruleId}]`)}`);
  }
  if (options.verbose && report.skipped.length) {
    if (lines.length) lines.push('');
    lines.push(paint(SGR.dim, 'Skipped:'));
    for (const s of report.skipped) lines.push(paint(SGR.dim, `  ${s.path}: ${s.reason}`));
  }
  if (lines.length) lines.push('');
  lines.push(summary(report, paint, options.verbose ?? false));
  return lines.join('\n') + '\n';
}

function summary(report: Report, paint: (code: string, s: string) => string, verbose: boolean): string {
  const n = report.findings.length;
  const counts = new Map<Severity, number>();
  for (const f of report.findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  const inFiles = new Set(report.findings.map((f) => f.path)).size;
  const bySeverity = (['error', 'warning', 'info', 'hint'] as const)
    .filter((s) => counts.get(s))
    .map((s) => plural(counts.get(s)!, s === 'info' ? 'info' : s, s === 'info' ? 'info' : undefined))
    .join(', ');
  const head = n
    ? paint(SGR.bold + (counts.get('error') ? SGR.red : SGR.yellow), `${plural(n, 'finding')} (${bySeverity}) in ${plural(inFiles, 'file')}`)
    : paint(SGR.bold, 'No findings');
  let tail = `${plural(report.files - report.skipped.length, 'file')} checked`;
  if (report.skipped.length) tail += `, ${report.skipped.length} skipped${verbose ? '' : ' (--verbose lists them)'}`;
  if (report.errors.length) tail += `, ${plural(report.errors.length, 'rule error')}`;
  if (report.baselined !== undefined) tail += `, ${report.baselined} baselined`;
  const cancelled = report.cancelled ? ' Audit cancelled: the report is incomplete.' : '';
  return `${head}; ${tail}.${cancelled}`;
}

function byLocation(a: Finding, b: Finding): number {
  return (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

/** A message with a line break would break the one-finding-per-line shape that editors and grep rely on. */
function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}
