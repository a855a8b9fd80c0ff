// End to end over stdio: spawns dist/server.js and speaks LSP to it, in pull and in push diagnostics mode.
import * as assert from 'node:assert/strict';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RequestType,
  ShutdownRequest,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type TextDocumentEdit,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AuditWorkspaceRequest, RecheckNotification, type AuditWorkspaceParams, type AuditWorkspaceResult } from '../../server/src/protocol';

const repo = path.resolve(__dirname, '../..');
const serverJs = path.join(repo, 'dist', 'server.js');
const TLS = 'config/tls-verification-disabled';
const SECRET = 'secret/generic-secret';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

let buildChecked = false;

/** Rebuilds dist/ once per test run when the bundle is missing or older than the server sources. */
function buildIfStale(): void {
  if (buildChecked) return;
  buildChecked = true;
  const built = fs.existsSync(serverJs) ? fs.statSync(serverJs).mtimeMs : 0;
  if (built >= newestMtime(path.join(repo, 'server', 'src'))) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repo, stdio: 'pipe', timeout: 120_000 });
}

/** Splits raw stdout into LSP frames; throws on anything that is not one. */
function parseFrames(buf: Buffer): unknown[] {
  const messages: unknown[] = [];
  let at = 0;
  while (at < buf.length) {
    const headerEnd = buf.indexOf('\r\n\r\n', at);
    assert.ok(headerEnd >= 0, `stdout has bytes that are not an LSP frame at ${at}: ${JSON.stringify(buf.subarray(at, at + 80).toString())}`);
    const header = buf.subarray(at, headerEnd).toString('ascii');
    const m = /^Content-Length: (\d+)(\r\nContent-Type: [^\r\n]+)?$/i.exec(header);
    assert.ok(m, `bad LSP header: ${JSON.stringify(header)}`);
    const start = headerEnd + 4;
    const end = start + Number(m[1]);
    assert.ok(end <= buf.length, 'truncated LSP frame');
    messages.push(JSON.parse(buf.subarray(start, end).toString('utf8')));
    at = end;
  }
  return messages;
}

const auditRequest = new RequestType<AuditWorkspaceParams, AuditWorkspaceResult, void>(AuditWorkspaceRequest.method);

const badJs = [
  "const https = require('https');",
  'const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });',
  'module.exports = agent;',
  '',
].join('\n');

class Session {
  readonly child: ChildProcess;
  readonly conn: MessageConnection;
  readonly stdout: Buffer[] = [];
  readonly stderr: Buffer[] = [];
  readonly logs: { type: number; message: string }[] = [];
  readonly progress: { token: string | number; value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd }[] = [];
  readonly published: PublishDiagnosticsParams[] = [];
  settings: Record<string, unknown> = { enable: true, run: 'onType', rules: {}, exclude: [], maxFileSize: 1_000_000 };
  configRequests = 0;
  refreshRequests = 0;
  private waiters: (() => void)[] = [];

  constructor(cwd: string) {
    this.child = spawn(process.execPath, [serverJs, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (b: Buffer) => this.stdout.push(b));
    this.child.stderr!.on('data', (b: Buffer) => this.stderr.push(b));
    this.conn = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.conn.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      this.configRequests++;
      return params.items.map((i) => (i.section === 'warden' ? this.settings : null));
    });
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshRequests++;
      this.notify();
      return null;
    });
    this.conn.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      this.logs.push(p);
      this.notify();
    });
    this.conn.onNotification('$/progress', (p: Session['progress'][number]) => {
      this.progress.push(p);
      this.notify();
    });
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      this.notify();
    });
    this.conn.listen();
  }

  private notify(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves once `test()` holds, re-testing after each server message we track. */
  async until<T>(what: string, test: () => T | undefined, ms = 10_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = test();
      if (v !== undefined) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; server log:\n${this.logs.map((l) => l.message).join('\n')}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }

  lastPublished(uri: string, version: number): PublishDiagnosticsParams | undefined {
    return [...this.published].reverse().find((p) => p.uri === uri && p.version === version);
  }

  async close(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    await this.conn.sendRequest(ShutdownRequest.type);
    await this.conn.sendNotification(ExitNotification.type);
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000))]);
    if (code === 'timeout') {
      this.child.kill();
      throw new Error('server did not exit after shutdown/exit');
    }
    this.conn.dispose();
    return code;
  }
}

function capabilities(pull: boolean): ClientCapabilities {
  return {
    workspace: {
      configuration: true,
      workspaceFolders: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: false },
      ...(pull ? { diagnostics: { refreshSupport: true } } : {}),
    },
    textDocument: {
      synchronization: { didSave: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, dataSupport: true, isPreferredSupport: true },
      ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
    window: { workDoneProgress: true },
  };
}

function applyTo(text: string, uri: string, action: CodeAction): string {
  const edits = (action.edit?.documentChanges ?? []).filter((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === uri);
  assert.equal(edits.length, 1, 'one TextDocumentEdit for the document');
  return TextDocument.applyEdits(TextDocument.create(uri, 'javascript', 1, text), edits[0].edits.map((e) => ({ range: e.range, newText: 'newText' in e ? e.newText : e.snippet.value })));
}

for (const mode of ['pull', 'push'] as const) {
  describe(`language server over stdio (${mode} diagnostics)`, function () {
    this.timeout(60_000);
    let dir: string;
    let folderUri: string;
    let session: Session;

    before(function () {
      this.timeout(180_000);
      buildIfStale();
      dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `warden-lsp-${mode}-`)));
      folderUri = pathToFileURL(dir).href;
      fs.writeFileSync(path.join(dir, 'agent.js'), badJs);
      // Built at run time so no secret-shaped literal sits in the repository.
      const secret = randomBytes(24).toString('base64').replace(/[+/=]/g, 'x');
      fs.writeFileSync(path.join(dir, 'config.js'), `module.exports = {\n  password: '${secret}',\n};\n`);
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'nothing to see here\n');
    });

    after(() => {
      if (session && session.child.exitCode === null) session.child.kill();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('initializes with the capabilities of the mode', async () => {
      session = new Session(dir);
      const init: InitializeResult = await session.conn.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: folderUri,
        workspaceFolders: [{ uri: folderUri, name: 'w' }],
        capabilities: capabilities(mode === 'pull'),
      });
      assert.equal(init.serverInfo?.name, 'warden');
      assert.equal(init.capabilities.diagnosticProvider !== undefined, mode === 'pull');
      assert.ok(init.capabilities.codeActionProvider);
      await session.conn.sendNotification(InitializedNotification.type, {});
    });

    const uri = (): string => pathToFileURL(path.join(dir, 'agent.js')).href;

    async function diagnostics(version: number): Promise<Diagnostic[]> {
      if (mode === 'pull') {
        const report = await session.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uri() } });
        assert.equal(report.kind, 'full');
        return (report as FullDocumentDiagnosticReport).items;
      }
      return (await session.until(`publishDiagnostics v${version}`, () => session.lastPublished(uri(), version))).diagnostics;
    }

    let diagnostic: Diagnostic;

    it(`reports ${TLS} on open`, async () => {
      await session.conn.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: uri(), languageId: 'javascript', version: 1, text: badJs },
      });
      const items = await diagnostics(1);
      const d = items.find((x) => x.code === TLS);
      assert.ok(d, `no ${TLS} diagnostic in ${JSON.stringify(items)}`);
      diagnostic = d;
      assert.equal(d.source, 'Warden');
      assert.match(d.codeDescription?.href ?? '', /config-tls-verification-disabled\.md$/);
      assert.equal(d.range.start.line, 1);
      const doc = TextDocument.create(uri(), 'javascript', 1, badJs);
      assert.match(doc.getText(d.range), /rejectUnauthorized|false/);
      const data = d.data as { ruleId: string; fingerprint: string; fixes: unknown[] };
      assert.equal(data.ruleId, TLS);
      assert.equal(typeof data.fingerprint, 'string');
      assert.ok(session.configRequests > 0, 'settings come from workspace/configuration');
    });

    it('offers the fix as a preferred quick fix, suppression last, and fix-all', async () => {
      const actions = (await session.conn.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: uri() },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      })) as CodeAction[];
      const fix = actions.find((a) => a.isPreferred);
      assert.ok(fix, `no preferred fix in ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.equal(fix.kind, 'quickfix');
      const fixed = applyTo(badJs, uri(), fix);
      assert.ok(!fixed.includes('rejectUnauthorized'), fixed);
      assert.match(fixed, /new https\.Agent\(\{ keepAlive: true,? ?\}\)/);
      assert.match(actions[actions.length - 1].title, /suppress/i);

      const all = (await session.conn.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: uri() },
        range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      })) as CodeAction[];
      assert.deepEqual(all.map((a) => a.kind), ['source.fixAll.warden']);
      assert.equal(applyTo(badJs, uri(), all[0]), fixed);
    });

    it('clears the diagnostic once the text is fixed, and brings it back', async () => {
      const fixedText = badJs.replace(', rejectUnauthorized: false', '');
      await session.conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: uri(), version: 2 },
        contentChanges: [{ text: fixedText }],
      });
      assert.deepEqual((await diagnostics(2)).filter((d) => d.code === TLS), []);
      await session.conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: uri(), version: 3 },
        contentChanges: [{ text: badJs }],
      });
      assert.equal((await diagnostics(3)).filter((d) => d.code === TLS).length, 1);
    });

    it('re-reads settings on didChangeConfiguration and refreshes', async () => {
      const before = session.refreshRequests;
      session.settings = { ...session.settings, rules: { [TLS]: 'off', 'no/such-rule': 'error' } };
      await session.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      if (mode === 'pull') {
        await session.until('workspace/diagnostic/refresh', () => (session.refreshRequests > before ? true : undefined));
        assert.deepEqual((await diagnostics(3)).filter((d) => d.code === TLS), []);
      } else {
        await session.until('a re-publish without the finding', () => {
          const p = session.lastPublished(uri(), 3);
          return p && !p.diagnostics.some((d) => d.code === TLS) ? p : undefined;
        });
      }
      await session.until('a log line about the unknown rule', () => session.logs.find((l) => l.message.includes('no/such-rule')));
      session.settings = { ...session.settings, rules: {} };
      await session.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    });

    it('re-checks open documents when watched files change or the client asks', async () => {
      for (const send of [
        () => session.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(path.join(dir, '.gitignore')).href, type: FileChangeType.Created }] }),
        () => session.conn.sendNotification(RecheckNotification.method, { reason: 'test' }),
      ]) {
        const refreshes = session.refreshRequests;
        const publishes = session.published.length;
        await send();
        if (mode === 'pull') await session.until('workspace/diagnostic/refresh', () => (session.refreshRequests > refreshes ? true : undefined));
        else await session.until('a re-publish', () => session.published.slice(publishes).find((p) => p.uri === uri()));
      }
    });

    it('with run: onSave, checks only on open and save', async () => {
      session.settings = { ...session.settings, run: 'onSave' };
      const [refreshes0, publishes0] = [session.refreshRequests, session.published.length];
      await session.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      // Let the refresh that follows a settings change pass, so it does not count as a check.
      if (mode === 'pull') await session.until('refresh after the settings change', () => (session.refreshRequests > refreshes0 ? true : undefined));
      else await session.until('re-publish after the settings change', () => session.published.slice(publishes0).find((p) => p.uri === uri()));
      const b = pathToFileURL(path.join(dir, 'b.js')).href;
      const get = async (version: number): Promise<Diagnostic[] | undefined> => {
        if (mode === 'pull') return ((await session.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: b } })) as FullDocumentDiagnosticReport).items;
        return session.lastPublished(b, version)?.diagnostics;
      };
      await session.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: b, languageId: 'javascript', version: 1, text: badJs } });
      if (mode === 'push') await session.until('diagnostics on open', () => session.lastPublished(b, 1));
      assert.equal((await get(1))?.filter((d) => d.code === TLS).length, 1);
      await session.conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: b, version: 2 }, contentChanges: [{ text: badJs.replace(', rejectUnauthorized: false', '') }],
      });
      await new Promise((r) => setTimeout(r, 400));
      const whileTyping = await get(2);
      if (mode === 'push') assert.equal(whileTyping, undefined, 'no check on change');
      else assert.equal(whileTyping?.filter((d) => d.code === TLS).length, 1, 'the last saved result stays');
      const refreshes = session.refreshRequests;
      await session.conn.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: b } });
      if (mode === 'pull') await session.until('refresh after save', () => (session.refreshRequests > refreshes ? true : undefined));
      else await session.until('diagnostics after save', () => session.lastPublished(b, 2));
      assert.deepEqual((await get(2))?.filter((d) => d.code === TLS), []);
      await session.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: b } });
      session.settings = { ...session.settings, run: 'onType' };
      await session.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    });

    it('checks untitled documents by language id', async () => {
      const untitled = 'untitled:Untitled-1';
      await session.conn.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: untitled, languageId: 'javascript', version: 1, text: badJs },
      });
      let items: Diagnostic[];
      if (mode === 'pull') {
        items = ((await session.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: untitled } })) as FullDocumentDiagnosticReport).items;
      } else {
        items = (await session.until('untitled diagnostics', () => session.lastPublished(untitled, 1))).diagnostics;
      }
      const d = items.find((x) => x.code === TLS);
      assert.ok(d);
      const actions = (await session.conn.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: untitled }, range: d.range, context: { diagnostics: [d] },
      })) as CodeAction[];
      const fix = actions.find((a) => a.isPreferred);
      assert.ok(fix);
      assert.ok(!applyTo(badJs, untitled, fix).includes('rejectUnauthorized'));
      await session.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: untitled } });
    });

    it('audits the workspace folder with progress', async () => {
      const result = await session.conn.sendRequest(auditRequest, { workDoneToken: 'audit-1' });
      assert.equal(result.folders.length, 1);
      const folder = result.folders[0];
      assert.equal(folder.uri, folderUri);
      assert.equal(folder.cancelled, false);
      assert.ok(folder.files >= 3, `files: ${folder.files}`);
      const byFile = new Map(folder.findings.map((d) => [path.basename(new URL(d.uri).pathname), d.diagnostics.map((x) => x.code)]));
      assert.ok(byFile.get('agent.js')?.includes(TLS), JSON.stringify([...byFile]));
      assert.ok(byFile.get('config.js')?.includes(SECRET), JSON.stringify([...byFile]));
      assert.ok(!byFile.has('notes.txt'));
      const kinds = session.progress.filter((p) => p.token === 'audit-1').map((p) => p.value.kind);
      assert.equal(kinds[0], 'begin');
      assert.equal(kinds[kinds.length - 1], 'end');
    });

    it('stops the audit when the request is cancelled', async () => {
      const many = path.join(dir, 'many');
      fs.mkdirSync(many);
      for (let i = 0; i < 1000; i++) fs.writeFileSync(path.join(many, `f${i}.js`), `module.exports = ${i};\n`);
      try {
        const source = new CancellationTokenSource();
        const seenBefore = session.progress.length;
        const pending = session.conn.sendRequest(auditRequest, { workDoneToken: 'audit-2' }, source.token);
        await session.until('first audit progress report', () => session.progress.slice(seenBefore).find((p) => p.token === 'audit-2' && p.value.kind === 'report'));
        source.cancel();
        const result = await pending;
        assert.equal(result.folders[0].cancelled, true);
        await session.until('progress end', () => session.progress.find((p) => p.token === 'audit-2' && p.value.kind === 'end'));
      } finally {
        fs.rmSync(many, { recursive: true, force: true });
      }
    });

    it('clears pushed diagnostics on close, then shuts down cleanly with only LSP frames on stdout', async () => {
      await session.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri() } });
      if (mode === 'push') {
        await session.until('empty diagnostics after close', () => {
          const last = [...session.published].reverse().find((p) => p.uri === uri());
          return last && last.diagnostics.length === 0 ? last : undefined;
        });
      }
      const code = await session.close();
      assert.equal(code, 0);
      const frames = parseFrames(Buffer.concat(session.stdout));
      assert.ok(frames.length > 3);
      const errors = session.logs.filter((l) => l.type === 1);
      assert.deepEqual(errors, [], 'no errors logged');
    });
  });
}
