// Custom LSP messages shared by the Warden client and server (method names and payload types only).
//
// The client (vscode-languageclient) and the server (vscode-languageserver) ship different copies of
// vscode-jsonrpc, whose message types compare by identity at run time; so this file has no runtime
// dependency and each side wraps a descriptor in its own RequestType/NotificationType.
import type { Diagnostic, ProgressToken } from 'vscode-languageserver-protocol';

/** A typed method name; `P`/`R` exist only for the type checker. */
export interface RequestDescriptor<P, R> {
  readonly method: string;
  readonly _types?: { params: P; result: R };
}

export interface NotificationDescriptor<P> {
  readonly method: string;
  readonly _types?: { params: P };
}

export interface AuditWorkspaceParams {
  /** Token the server reports `$/progress` (begin, report with percentage and file, end) against. */
  workDoneToken?: ProgressToken;
  /** Folder URIs to audit; all workspace folders when omitted. */
  folders?: string[];
}

export interface AuditedDocument {
  uri: string;
  diagnostics: Diagnostic[];
}

export interface AuditFolderResult {
  /** The workspace folder's URI. */
  uri: string;
  /** Files checked. */
  files: number;
  /** Only documents with at least one finding. */
  findings: AuditedDocument[];
  /** Files not checked, with why (binary, too large); paths are folder-relative. */
  skipped: { path: string; reason: string }[];
  cancelled: boolean;
  durationMs: number;
}

export interface AuditWorkspaceResult {
  folders: AuditFolderResult[];
}

/**
 * Sent by the client (command "Warden: Audit Workspace") to check every file of every workspace folder,
 * not just the open ones. The server reports progress on `workDoneToken` and stops early when the
 * request is cancelled, returning what it found so far with `cancelled: true`.
 */
export const AuditWorkspaceRequest: RequestDescriptor<AuditWorkspaceParams, AuditWorkspaceResult> = {
  method: 'warden/auditWorkspace',
};

export interface RecheckParams {
  /** Why, for the server log. */
  reason?: string;
}

/**
 * Sent by the client after it changed state the server caches (e.g. `git rm --cached` by the
 * "Unstage File" command), so the server drops its git caches and re-checks open documents without
 * waiting for the file watcher.
 */
export const RecheckNotification: NotificationDescriptor<RecheckParams> = {
  method: 'warden/recheck',
};

/** Name of the source code action kind that applies every safe fix in a document. */
export const FIX_ALL_KIND = 'source.fixAll.warden';

/** `Diagnostic.source` of every diagnostic Warden publishes. */
export const DIAGNOSTIC_SOURCE = 'Warden';

/** Command ids contributed by the extension that the server may put in code actions. */
export const Commands = {
  auditWorkspace: 'warden.auditWorkspace',
  unstageFile: 'warden.unstageFile',
  restartServer: 'warden.restartServer',
  showOutput: 'warden.showOutput',
  installHook: 'warden.installHook',
  uninstallHook: 'warden.uninstallHook',
  /** With `{ pick: true }` (the staged-secrets status item): a quick pick of the staged files across repositories. */
  unstageAllSecretFiles: 'warden.unstageAllSecretFiles',
} as const;
