// Machine-readable report: `{ version, root, files, findings, skipped, errors }`, stable field order.
import type { Finding } from '../engine';
import type { Report } from './report';

export interface JsonFinding {
  ruleId: string;
  severity: Finding['severity'];
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fingerprint: string;
  fixes: {
    title: string;
    applicability: string;
    kind: 'fix' | 'suppress';
    /** Edits by UTF-16 offset (`start`/`end`), with the same range as 0-based LSP positions. */
    changes: Finding['fixes'][number]['changes'];
    command?: Finding['fixes'][number]['command'];
  }[];
}

export interface JsonReport {
  version: string;
  root: string;
  files: number;
  findings: JsonFinding[];
  skipped: Report['skipped'];
  errors: Report['errors'];
  cancelled: boolean;
  durationMs: number;
  /** Findings the baseline accepted; only with `--baseline`. */
  baselined?: number;
}

/** Expects a report whose fixes were already filtered with `reportWithSafeFixes`. */
export function toJson(report: Report): JsonReport {
  return {
    version: report.version,
    root: report.root,
    files: report.files,
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      path: f.path,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      message: f.message,
      fingerprint: f.fingerprint,
      fixes: f.fixes.map((x) => ({
        title: x.title,
        applicability: x.applicability,
        kind: x.kind ?? 'fix',
        changes: x.changes,
        ...(x.command ? { command: x.command } : {}),
      })),
    })),
    skipped: report.skipped,
    errors: report.errors,
    cancelled: report.cancelled,
    durationMs: report.durationMs,
    ...(report.baselined !== undefined ? { baselined: report.baselined } : {}),
  };
}

export function formatJson(report: Report): string {
  return JSON.stringify(toJson(report), null, 2) + '\n';
}
