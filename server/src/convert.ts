// Pure conversions from engine findings and fixes to LSP diagnostics, code actions and workspace edits.
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type Command,
  type CreateFile,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { docsUrl, type FileChange, type Finding, type Fix, type FixCommand, type Severity } from './engine';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, type AuditedDocument } from './protocol';

/** What rides on `Diagnostic.data`, so code actions need no server state. */
export interface DiagnosticData {
  ruleId: string;
  fingerprint: string;
  fixes: Fix[];
}

/** Where a finding's document sits, to turn workspace-relative fix paths into URIs. */
export interface DocumentContext {
  /** URI of the document the findings are for, exactly as the client sent it. */
  uri: string;
  /** Its version, or null when unknown (closed files). */
  version: number | null;
  /** Its workspace-relative posix path (what fixes call it). */
  path: string;
  /** URI of another workspace-relative path; undefined when it cannot be placed (untitled documents). */
  resolve(path: string): string | undefined;
}

export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error': return DiagnosticSeverity.Error;
    case 'warning': return DiagnosticSeverity.Warning;
    case 'info': return DiagnosticSeverity.Information;
    case 'hint': return DiagnosticSeverity.Hint;
  }
}

export function findingToDiagnostic(f: Finding): Diagnostic {
  const data: DiagnosticData = { ruleId: f.ruleId, fingerprint: f.fingerprint, fixes: plain(f.fixes) };
  return {
    range: {
      start: { line: f.line - 1, character: f.column - 1 },
      end: { line: f.endLine - 1, character: f.endColumn - 1 },
    },
    severity: toLspSeverity(f.severity),
    code: f.ruleId,
    codeDescription: { href: docsUrl(f.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
    data,
  };
}

/** Groups findings by the URI of their file (for the workspace audit); files keep the findings' order. */
export function groupFindings(findings: readonly Finding[], resolve: (path: string) => string): AuditedDocument[] {
  const byPath = new Map<string, Diagnostic[]>();
  for (const f of findings) {
    let list = byPath.get(f.path);
    if (!list) byPath.set(f.path, (list = []));
    list.push(findingToDiagnostic(f));
  }
  return [...byPath].map(([path, diagnostics]) => ({ uri: resolve(path), diagnostics }));
}

/** Drops undefined members and class instances: `data` must survive JSON unchanged. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPosition(v: unknown): boolean {
  return isRecord(v) && typeof v.line === 'number' && typeof v.character === 'number';
}

function isEdit(v: unknown): boolean {
  return isRecord(v) && typeof v.newText === 'string' && typeof v.start === 'number' && typeof v.end === 'number'
    && isRecord(v.range) && isPosition(v.range.start) && isPosition(v.range.end);
}

function isFix(v: unknown): v is Fix {
  if (!isRecord(v) || typeof v.title !== 'string' || !Array.isArray(v.changes)) return false;
  if (v.applicability !== 'safe' && v.applicability !== 'unsafe' && v.applicability !== 'displayOnly') return false;
  if (!v.changes.every((c) => isRecord(c) && typeof c.path === 'string' && Array.isArray(c.edits) && c.edits.every(isEdit))) return false;
  if (v.command !== undefined) {
    const c = v.command;
    if (!isRecord(c) || typeof c.id !== 'string' || typeof c.title !== 'string' || !Array.isArray(c.args) || !c.args.every((a) => typeof a === 'string')) return false;
  }
  return true;
}

/** Reads Warden's data back from a diagnostic the client returned; undefined for anything else or malformed data. */
export function readDiagnosticData(d: Diagnostic): DiagnosticData | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE || !isRecord(d.data)) return undefined;
  const { ruleId, fingerprint, fixes } = d.data;
  if (typeof ruleId !== 'string' || typeof fingerprint !== 'string' || !Array.isArray(fixes)) return undefined;
  return { ruleId, fingerprint, fixes: fixes.filter(isFix) };
}

/**
 * One WorkspaceEdit for a list of file changes: file creations first, then one TextDocumentEdit per
 * file (edits to the same file merged, as separate TextDocumentEdits would shift each other's ranges).
 * Undefined when a path cannot be resolved.
 */
export function changesToWorkspaceEdit(changes: readonly FileChange[], ctx: DocumentContext): WorkspaceEdit | undefined {
  const creates: CreateFile[] = [];
  const edits = new Map<string, LspTextEdit[]>();
  for (const change of changes) {
    const uri = change.path === ctx.path ? ctx.uri : ctx.resolve(change.path);
    if (uri === undefined) return undefined;
    if (change.create && uri !== ctx.uri && !creates.some((c) => c.uri === uri)) {
      creates.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
    }
    let list = edits.get(uri);
    if (!list) edits.set(uri, (list = []));
    for (const e of change.edits) list.push({ range: e.range, newText: e.newText });
  }
  const documentChanges: (CreateFile | TextDocumentEdit)[] = [...creates];
  for (const [uri, list] of edits) {
    if (list.length === 0) continue;
    documentChanges.push({ textDocument: { uri, version: uri === ctx.uri ? ctx.version : null }, edits: list });
  }
  return { documentChanges };
}

export function fixCommand(command: FixCommand, ctx: DocumentContext): Command | undefined {
  // The first argument is a workspace-relative path; the client gets a URI it can run git next to.
  const target = command.args.length > 0 ? (command.args[0] === ctx.path ? ctx.uri : ctx.resolve(command.args[0])) : ctx.uri;
  if (target === undefined) return undefined;
  return { title: command.title, command: command.id, arguments: [target, command.confirm ?? '', ...command.args.slice(1)] };
}

export interface CodeActionOptions {
  /** The client can show disabled code actions (`codeAction.disabledSupport`). */
  disabledSupport?: boolean;
}

/** A quick fix for one Warden fix; undefined when it cannot be expressed for this document. */
export function fixToCodeAction(fix: Fix, diagnostics: Diagnostic[], ctx: DocumentContext, options: CodeActionOptions = {}): CodeAction | undefined {
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics };
  if (fix.applicability === 'displayOnly') {
    // As ruff: shown for reference, never applied by the editor.
    if (!options.disabledSupport) return undefined;
    action.disabled = { reason: 'Warden shows this fix for reference only; review and apply it by hand.' };
    return action;
  }
  if (fix.applicability === 'safe' && fix.kind !== 'suppress') action.isPreferred = true;
  if (fix.changes.length > 0) {
    const edit = changesToWorkspaceEdit(fix.changes, ctx);
    if (!edit) return undefined;
    action.edit = edit;
  }
  if (fix.command) {
    const command = fixCommand(fix.command, ctx);
    if (!command) return undefined;
    action.command = command;
  }
  return action.edit || action.command ? action : undefined;
}

/** Quick fixes for the Warden diagnostics in a code action request: real fixes first, suppressions last, no duplicates. */
export function codeActionsForDiagnostics(diagnostics: readonly Diagnostic[], ctx: DocumentContext, options: CodeActionOptions = {}): CodeAction[] {
  const fixes: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    const data = readDiagnosticData(d);
    if (!data) continue;
    for (const fix of data.fixes) {
      const action = fixToCodeAction(fix, [d], ctx, options);
      if (!action) continue;
      const key = JSON.stringify([action.title, action.edit, action.command]);
      if (seen.has(key)) continue;
      seen.add(key);
      (fix.kind === 'suppress' ? suppressions : fixes).push(action);
    }
  }
  return [...fixes, ...suppressions];
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  // Two insertions at one offset conflict too: their order would be arbitrary.
  return a.start < b.end && b.start < a.end || a.start === b.start;
}

/** Safe, non-suppression, edit-only fixes that do not overlap each other (first come, first kept). */
export function selectFixAll(fixes: readonly Fix[]): Fix[] {
  const taken = new Map<string, { start: number; end: number }[]>();
  const chosen: Fix[] = [];
  for (const fix of fixes) {
    if (fix.applicability !== 'safe' || fix.kind === 'suppress' || fix.command || fix.changes.length === 0) continue;
    const clash = fix.changes.some((c) => c.edits.some((e) => (taken.get(c.path) ?? []).some((t) => overlaps(t, e))));
    if (clash) continue;
    for (const c of fix.changes) {
      let list = taken.get(c.path);
      if (!list) taken.set(c.path, (list = []));
      for (const e of c.edits) list.push({ start: e.start, end: e.end });
    }
    chosen.push(fix);
  }
  return chosen;
}

/** The `source.fixAll.warden` action for a document, or undefined when no safe fix applies. */
export function fixAllAction(fixes: readonly Fix[], ctx: DocumentContext): CodeAction | undefined {
  const placeable = (f: Fix) => f.changes.every((c) => c.path === ctx.path || ctx.resolve(c.path) !== undefined);
  const chosen = selectFixAll(fixes.filter(placeable));
  if (chosen.length === 0) return undefined;
  const edit = changesToWorkspaceEdit(chosen.flatMap((f) => f.changes), ctx);
  if (!edit) return undefined;
  return { title: 'Fix all safe Warden problems', kind: FIX_ALL_KIND, edit };
}
