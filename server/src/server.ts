// The Warden language server: LSP wiring only (documents, diagnostics, code actions, settings, workspace audit).
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  NotificationType,
  ProposedFeatures,
  RequestType,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { auditFolder } from './audit';
import { codeActionsForDiagnostics, findingToDiagnostic, fixAllAction, groupFindings, readDiagnosticData, type DocumentContext } from './convert';
import { allRules, checkFile, MemoryHost, type CheckResult, type Finding, type Host } from './engine';
import { Folders, fsPathOf, pathKey, resolveUri, type Location } from './folders';
import { loadBundledWasm, NodeHost } from './host-node';
import {
  AuditWorkspaceRequest,
  FIX_ALL_KIND,
  RecheckNotification,
  type AuditFolderResult,
  type AuditWorkspaceParams,
  type AuditWorkspaceResult,
  type RecheckParams,
} from './protocol';
import { SettingsCache, type Settings } from './settings';
import { BaselineCache, filterBaselined } from './engine/baseline';

const CHANGE_DEBOUNCE_MS = 200;
const REFRESH_DEBOUNCE_MS = 100;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const folders = new Folders();
const log = (msg: string): void => connection.console.log(msg);
const logError = (what: string, e: unknown): void => connection.console.error(`${what}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);

const caps = {
  pull: false,
  pullRefresh: false,
  configuration: false,
  workspaceFolders: false,
  dynamicConfiguration: false,
  disabledCodeActions: false,
};

/** Settings pushed with didChangeConfiguration, for clients without `workspace/configuration`. */
let pushedSettings: unknown;
const settings = new SettingsCache(
  async (scopeUri) => (caps.configuration ? connection.workspace.getConfiguration({ scopeUri, section: 'warden' }) : pushedSettings),
  new Set(allRules.map((r) => r.meta.id)),
  log,
);

/** One NodeHost per root, keyed by pathKey(root), so git caches are shared by every document under it. */
const hosts = new Map<string, NodeHost>();
/** pathKey(fsPath) -> URI of the open document, for the overlay and for edits to open files. */
const openPaths = new Map<string, string>();
/** Last findings per open document, for fix-all, onSave pulls and clients that drop `Diagnostic.data`. */
const results = new Map<string, { version: number; findings: Finding[] }>();
/** Newest check per document; an older check whose number is no longer here is stale. */
const runs = new Map<string, number>();
const timers = new Map<string, NodeJS.Timeout>();
const seen = new Set<string>();
const loggedSkips = new Set<string>();
/** Each workspace folder's `warden.baseline` file; cleared when watched files or settings change. */
const baselines = new BaselineCache(log);
let runCounter = 0;

function openText(fsPath: string): string | undefined {
  const uri = openPaths.get(pathKey(fsPath));
  return uri === undefined ? undefined : documents.get(uri)?.getText();
}

function hostForRoot(root: string): NodeHost {
  const key = pathKey(root);
  let host = hosts.get(key);
  if (!host) {
    // Unsaved editor text wins over the disk, so fixes and cross-file checks see what the user sees.
    host = new NodeHost(root, { overlay: (rel) => openText(path.join(root, ...rel.split('/'))), log });
    hosts.set(key, host);
  }
  return host;
}

function hostFor(loc: Location, doc: TextDocument): Host {
  if (loc.root === undefined) return new MemoryHost(new Map([[loc.path, doc.getText()]]), undefined, loadBundledWasm);
  return hostForRoot(loc.root);
}

function resolverFor(root: string | undefined): (p: string) => string | undefined {
  if (root === undefined) return () => undefined;
  return (p) => {
    // Keep the client's own spelling of an open document's URI.
    const fsPath = path.join(root, ...p.split('/'));
    return openPaths.get(pathKey(fsPath)) ?? resolveUri(root, p);
  };
}

function contextFor(doc: TextDocument): DocumentContext {
  const loc = folders.locate(doc.uri);
  return { uri: doc.uri, version: doc.version, path: loc.path, resolve: resolverFor(loc.root) };
}

function isExcluded(s: Settings, relPath: string): boolean {
  return s.exclude.some((glob) => minimatch(relPath, glob, { dot: true, matchBase: !glob.includes('/') }));
}

function report(uri: string, relPath: string, result: CheckResult): void {
  if (result.skipped) {
    const key = `${uri}\u0000${result.skipped}`;
    if (!loggedSkips.has(key)) {
      loggedSkips.add(key);
      log(`${relPath}: ${result.skipped}`);
    }
  }
  for (const e of result.errors) connection.console.error(`rule ${e.ruleId} failed on ${relPath}: ${e.message}`);
}

/** Checks a document; undefined when the check went stale before it finished. */
async function check(doc: TextDocument, stale: () => boolean): Promise<Finding[] | undefined> {
  const s = await settings.get(doc.uri);
  if (stale()) return undefined;
  if (!s.enable) return [];
  const loc = folders.locate(doc.uri);
  if (isExcluded(s, loc.path)) return [];
  const token = { get cancelled() { return stale(); } };
  const result = await checkFile({ path: loc.path, text: doc.getText(), languageId: doc.languageId }, hostFor(loc, doc), {
    rules: s.rules,
    maxFileSize: s.maxFileSize,
    testPaths: s.testPaths,
    includeMinified: s.includeMinified,
    token,
  });
  const findings = loc.folderUri === undefined ? result.findings : await withoutBaselined(result.findings, loc.root, s);
  if (stale()) return undefined;
  report(doc.uri, loc.path, result);
  results.set(doc.uri, { version: doc.version, findings });
  return findings;
}

/** Drops the findings the workspace folder's baseline file accepts (a missing file accepts none). */
async function withoutBaselined(findings: Finding[], root: string | undefined, s: Settings): Promise<Finding[]> {
  if (root === undefined || !s.baseline) return findings;
  const accepted = await baselines.get(pathKey(root), s.baseline, (p) => hostForRoot(root).readFile(p));
  return filterBaselined(findings, accepted).findings;
}

// ---- push diagnostics -------------------------------------------------------------------------

function schedule(doc: TextDocument, delay: number): void {
  const uri = doc.uri;
  clearTimeout(timers.get(uri));
  const run = ++runCounter;
  runs.set(uri, run);
  timers.set(uri, setTimeout(() => {
    timers.delete(uri);
    void validate(uri, run);
  }, delay));
}

async function validate(uri: string, run: number): Promise<void> {
  const doc = documents.get(uri);
  if (!doc) return;
  const version = doc.version;
  const stale = (): boolean => runs.get(uri) !== run || documents.get(uri)?.version !== version;
  try {
    const findings = await check(doc, stale);
    if (findings === undefined) return;
    await connection.sendDiagnostics({ uri, version, diagnostics: findings.map(findingToDiagnostic) });
  } catch (e) {
    logError(`checking ${uri} failed`, e);
    // Stale diagnostics would point at text that no longer matches.
    if (!stale()) await connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }
}

// ---- pull diagnostics -------------------------------------------------------------------------

async function pull(uri: string, isCancelled: () => boolean): Promise<DocumentDiagnosticReport> {
  const doc = documents.get(uri);
  if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const s = await settings.get(uri);
  const cached = results.get(uri);
  // onSave: keep what the last open/save found until the next save (the server drops the cache then).
  if (cached && (cached.version === doc.version || s.run === 'onSave')) {
    return { kind: DocumentDiagnosticReportKind.Full, items: cached.findings.map(findingToDiagnostic) };
  }
  const run = ++runCounter;
  runs.set(uri, run);
  const version = doc.version;
  const stale = (): boolean => isCancelled() || runs.get(uri) !== run || documents.get(uri)?.version !== version;
  if (cached) await new Promise((resolve) => setTimeout(resolve, CHANGE_DEBOUNCE_MS));
  const findings = stale() ? undefined : await check(doc, stale);
  if (findings === undefined) {
    if (isCancelled()) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    throw new ResponseError(LSPErrorCodes.ServerCancelled, 'document changed while checking', { retriggerRequest: true });
  }
  return { kind: DocumentDiagnosticReportKind.Full, items: findings.map(findingToDiagnostic) };
}

// ---- refresh ----------------------------------------------------------------------------------

let refreshTimer: NodeJS.Timeout | undefined;

/** Re-checks every open document soon (settings, git state or workspace folders changed). */
function refreshAll(): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    refreshTimer = undefined;
    results.clear();
    if (caps.pull) {
      if (caps.pullRefresh) connection.languages.diagnostics.refresh().catch((e) => logError('diagnostic refresh failed', e));
    } else {
      for (const doc of documents.all()) schedule(doc, 0);
    }
  }, REFRESH_DEBOUNCE_MS);
}

function invalidateHosts(): void {
  for (const h of hosts.values()) h.invalidate();
}

// ---- lifecycle --------------------------------------------------------------------------------

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const c = params.capabilities;
  caps.pull = c.textDocument?.diagnostic !== undefined;
  caps.pullRefresh = c.workspace?.diagnostics?.refreshSupport === true;
  caps.configuration = c.workspace?.configuration === true;
  caps.workspaceFolders = c.workspace?.workspaceFolders === true;
  caps.dynamicConfiguration = c.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  caps.disabledCodeActions = c.textDocument?.codeAction?.disabledSupport === true;

  if (params.workspaceFolders) folders.set(params.workspaceFolders);
  else if (params.rootUri) folders.set([{ uri: params.rootUri }]);

  const result: InitializeResult = {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'warden' },
  };
  if (caps.pull) {
    // Inter-file: a .env finding depends on .gitignore, which may be open with unsaved edits.
    result.capabilities.diagnosticProvider = { identifier: 'warden', interFileDependencies: true, workspaceDiagnostics: false };
  }
  return result;
});

connection.onInitialized(() => {
  if (caps.dynamicConfiguration) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'warden' }).catch((e) => logError('registering for configuration changes failed', e));
  }
  if (caps.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      folders.add(e.added);
      folders.remove(e.removed);
      hosts.clear();
      refreshAll();
    });
  }
});

connection.onDidChangeConfiguration((params) => {
  if (!caps.configuration) pushedSettings = (params.settings as { warden?: unknown } | undefined)?.warden;
  settings.clear();
  baselines.clear();
  refreshAll();
});

connection.onDidChangeWatchedFiles((params) => {
  if (params.changes.length === 0) return;
  invalidateHosts();
  baselines.clear();
  refreshAll();
});

connection.onNotification(new NotificationType<RecheckParams>(RecheckNotification.method), (params) => {
  if (params?.reason) log(`re-checking: ${params.reason}`);
  invalidateHosts();
  baselines.clear();
  refreshAll();
});

connection.onShutdown(() => {
  for (const t of timers.values()) clearTimeout(t);
  timers.clear();
  clearTimeout(refreshTimer);
});

// ---- documents --------------------------------------------------------------------------------

documents.onDidOpen(({ document }) => {
  const fsPath = fsPathOf(document.uri);
  if (fsPath) openPaths.set(pathKey(fsPath), document.uri);
});

/** Files other documents' checks and fixes read (fix edits to .env carry offsets into its current text). */
const CROSS_FILE = /(?:^|\/)(?:\.gitignore|\.env[^/]*)$/;

documents.onDidChangeContent(({ document }) => {
  const uri = document.uri;
  const opening = !seen.has(uri);
  seen.add(uri);
  if (CROSS_FILE.test(uri)) {
    for (const other of documents.all()) {
      if (other.uri === uri) continue;
      results.delete(other.uri);
      // Pull clients re-pull every document themselves (interFileDependencies).
      if (!caps.pull) {
        settings.get(other.uri).then((s) => {
          if (s.run === 'onType' && documents.get(other.uri)) schedule(other, CHANGE_DEBOUNCE_MS);
        }, (e) => logError('reading settings failed', e));
      }
    }
  }
  if (caps.pull) return;
  if (opening) return schedule(document, 0);
  settings.get(uri).then((s) => {
    if (s.run === 'onType' && documents.get(uri)) schedule(document, CHANGE_DEBOUNCE_MS);
  }, (e) => logError('reading settings failed', e));
});

documents.onDidSave(({ document }) => {
  const uri = document.uri;
  settings.get(uri).then((s) => {
    if (s.run !== 'onSave') return;
    results.delete(uri);
    if (!caps.pull) schedule(document, 0);
    else if (caps.pullRefresh) connection.languages.diagnostics.refresh().catch((e) => logError('diagnostic refresh failed', e));
  }, (e) => logError('reading settings failed', e));
});

documents.onDidClose(({ document }) => {
  const uri = document.uri;
  const fsPath = fsPathOf(uri);
  if (fsPath && openPaths.get(pathKey(fsPath)) === uri) openPaths.delete(pathKey(fsPath));
  clearTimeout(timers.get(uri));
  timers.delete(uri);
  runs.delete(uri);
  results.delete(uri);
  seen.delete(uri);
  if (!caps.pull) connection.sendDiagnostics({ uri, diagnostics: [] }).catch((e) => logError('clearing diagnostics failed', e));
});

connection.languages.diagnostics.on(async (params, token) => {
  try {
    return await pull(params.textDocument.uri, () => token.isCancellationRequested);
  } catch (e) {
    if (e instanceof ResponseError) throw e;
    logError(`checking ${params.textDocument.uri} failed`, e);
    return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  }
});

// ---- code actions -----------------------------------------------------------------------------

/** Whether an action of `kind` was asked for by `only` (a requested kind covers its sub-kinds). */
function wanted(kind: string, only: string[] | undefined): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((k) => kind === k || kind.startsWith(k + '.'));
}

/** Re-attaches fix data from the last check when the client did not keep `Diagnostic.data`. */
function withData(d: Diagnostic, uri: string): Diagnostic {
  if (readDiagnosticData(d) || d.source !== 'Warden') return d;
  const f = results.get(uri)?.findings.find((x) => x.ruleId === d.code && x.line - 1 === d.range.start.line && x.column - 1 === d.range.start.character);
  return f ? { ...d, data: findingToDiagnostic(f).data } : d;
}

async function codeActions(params: CodeActionParams): Promise<CodeAction[]> {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const ctx = contextFor(doc);
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix, only)) {
    const diagnostics = params.context.diagnostics.map((d) => withData(d, doc.uri));
    actions.push(...codeActionsForDiagnostics(diagnostics, ctx, { disabledSupport: caps.disabledCodeActions }));
  }
  if (only && wanted(FIX_ALL_KIND, only)) {
    const cached = results.get(doc.uri);
    const findings = cached?.version === doc.version ? cached.findings : await check(doc, () => false);
    const action = fixAllAction((findings ?? []).flatMap((f) => f.fixes), ctx);
    if (action) actions.push(action);
  }
  return actions;
}

connection.onCodeAction(async (params) => {
  try {
    return await codeActions(params);
  } catch (e) {
    logError('code actions failed', e);
    return [];
  }
});

// ---- workspace audit --------------------------------------------------------------------------

connection.onRequest(new RequestType<AuditWorkspaceParams, AuditWorkspaceResult, void>(AuditWorkspaceRequest.method), async (params, token) => {
  const progress = connection.window.attachWorkDoneProgress(params?.workDoneToken);
  const wantedFolders = params?.folders;
  const targets = folders.all().filter((f) => !wantedFolders?.length || wantedFolders.includes(f.uri));
  const out: AuditFolderResult[] = [];
  progress.begin('Warden: auditing workspace', 0, undefined, true);
  try {
    for (const [i, folder] of targets.entries()) {
      const s = await settings.get(folder.uri);
      if (!s.enable) {
        log(`audit: Warden is disabled for ${folder.fsPath}; skipped`);
        continue;
      }
      if (token.isCancellationRequested) {
        out.push({ uri: folder.uri, files: 0, findings: [], skipped: [], cancelled: true, durationMs: 0 });
        continue;
      }
      let lastReport = 0;
      const auditToken = { get cancelled() { return token.isCancellationRequested; } };
      const result = await auditFolder(folder.fsPath, {
        host: hostForRoot(folder.fsPath),
        exclude: s.exclude,
        rules: s.rules,
        maxFileSize: s.maxFileSize,
        testPaths: s.testPaths,
        includeMinified: s.includeMinified,
        token: auditToken,
        log,
        onProgress: (done: number, total: number, file: string) => {
          const now = Date.now();
          if (now - lastReport < 100 && done < total) return;
          lastReport = now;
          const share = total > 0 ? done / total : 1;
          progress.report(((i + share) / targets.length) * 100, file);
        },
      });
      for (const e of result.errors) connection.console.error(`audit: rule ${e.ruleId} failed on ${e.path}: ${e.message}`);
      for (const sk of result.skipped) {
        const key = `${resolveUri(folder.fsPath, sk.path)}\u0000${sk.reason}`;
        if (!loggedSkips.has(key)) {
          loggedSkips.add(key);
          log(`${sk.path}: ${sk.reason}`);
        }
      }
      out.push({
        uri: folder.uri,
        files: result.files,
        findings: groupFindings(await withoutBaselined(result.findings, folder.fsPath, s), (p) => resolverFor(folder.fsPath)(p) ?? resolveUri(folder.fsPath, p)),
        skipped: result.skipped,
        cancelled: result.cancelled,
        durationMs: result.durationMs,
      });
    }
  } finally {
    progress.done();
  }
  return { folders: out };
});

// ---- start ------------------------------------------------------------------------------------

process.on('uncaughtException', (e) => logError('uncaught exception', e));
process.on('unhandledRejection', (e) => logError('unhandled rejection', e));

documents.listen(connection);
connection.listen();
