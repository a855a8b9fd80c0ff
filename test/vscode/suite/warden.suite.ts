// Extension tests in a real VS Code: activation, diagnostics per category, quick fixes, the audit command and settings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FILES } from '../fixture';

const EXTENSION_ID = 'warden-security.warden';
const TLS = 'config/tls-verification-disabled';
const SQL = 'sql/string-built-query';
const GENERIC = 'secret/generic-secret';
const AWS = 'secret/aws-access-key-id';
const ENV_STAGED = 'git/env-file-staged';
const DIAGNOSTIC_TIMEOUT_MS = 30_000;

const metrics: Record<string, number | boolean> = (globalThis as { wardenMetrics?: Record<string, number | boolean> }).wardenMetrics ?? {};
const suiteStarted = Date.now();

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the fixture folder is open');
  return f.uri;
}

const uri = (rel: string): vscode.Uri => vscode.Uri.joinPath(folder(), rel);

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

function warden(target: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(target).filter((d) => d.source === 'Warden' && (code === undefined || codeOf(d) === code));
}

async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = DIAGNOSTIC_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}

async function diagnostic(rel: string, code: string): Promise<vscode.Diagnostic> {
  const target = uri(rel);
  return waitFor(`a ${code} diagnostic on ${rel} (has: ${JSON.stringify(vscode.languages.getDiagnostics(target).map(codeOf))})`, () => warden(target, code)[0]);
}

async function quickFixes(rel: string, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  // The workbench cancels the first request now and then ("Canceled", in about half the runs here, for the request
  // right after the settings test made the server re-check every document; the document itself had not changed).
  // The lightbulb simply asks again on the next cursor move; so do we, and count it in the metrics.
  for (let attempt = 1; ; attempt++) {
    try {
      const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider', uri(rel), d.range, vscode.CodeActionKind.QuickFix.value);
      return (all ?? []).filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a || 'diagnostics' in a);
    } catch (e) {
      if (!(e instanceof Error && e.message === 'Canceled') || attempt >= 3) throw e;
      metrics.codeActionRetries = ((metrics.codeActionRetries as number | undefined) ?? 0) + 1;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

async function applyFix(rel: string, d: vscode.Diagnostic, title: string | RegExp): Promise<vscode.CodeAction> {
  const actions = await quickFixes(rel, d);
  const action = actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.ok(action, `quick fix ${String(title)} among ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.ok(action.edit, `${action.title} carries a workspace edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `${action.title} applied`);
  return action;
}

async function textOf(rel: string): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri(rel))).getText();
}

describe('Warden in VS Code', () => {
  after(async () => {
    await vscode.workspace.saveAll(false);
  });

  it('activates and registers its commands', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    metrics.alreadyActiveAtSuiteStart = ext.isActive;
    const t0 = Date.now();
    await ext.activate();
    // activate() resolves once the language client has started, so this is the time to a running server.
    metrics.activateCallMs = Date.now() - t0;
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['warden.auditWorkspace', 'warden.unstageFile', 'warden.restartServer', 'warden.showOutput']) {
      assert.ok(commands.includes(id), `command ${id} is registered`);
    }
  });

  it('reports a hardcoded secret in Python with a redacted message, its rule id, docs link and source', async () => {
    const editor = await open(FILES.pythonSecret);
    const d = await diagnostic(FILES.pythonSecret, GENERIC);
    metrics.firstDiagnosticMsFromSuiteStart = Date.now() - suiteStarted;
    const secret = /api_key = "([^"]+)"/.exec(editor.document.getText())?.[1];
    assert.ok(secret);
    assert.equal(d.source, 'Warden');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /^api_key is assigned a hardcoded secret \S+; load it from the environment/);
    assert.ok(!d.message.includes(secret), 'the message does not repeat the secret');
    const code = d.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, GENERIC);
    assert.match(code.target.toString(), /secret-generic-secret/);
    assert.equal(d.range.start.line, 3);
    // The range covers the value, not its quotes.
    assert.equal(editor.document.getText(d.range), secret);
  });

  it('reports an AWS access key id', async () => {
    await open(FILES.aws);
    const d = await diagnostic(FILES.aws, AWS);
    assert.match(d.message, /^AWS access key id AKIA\*+\w{4} is hardcoded/);
  });

  it('reports a string-built SQL query', async () => {
    await open(FILES.sql);
    const d = await diagnostic(FILES.sql, SQL);
    assert.match(d.message, /^SQL query built by interpolating `name`/);
    assert.equal(d.range.start.line, 5);
  });

  it('reports disabled TLS verification', async () => {
    await open(FILES.tls);
    const d = await diagnostic(FILES.tls, TLS);
    assert.equal(d.message, 'rejectUnauthorized: false turns off TLS certificate verification; this connection accepts any certificate');
    assert.equal(d.range.start.line, 2);
  });

  it('reports the staged .env file and offers .gitignore and unstage fixes', async () => {
    const editor = await open(FILES.env);
    assert.equal(editor.document.languageId, 'dotenv', 'the extension contributes the dotenv language');
    const d = await diagnostic(FILES.env, ENV_STAGED);
    assert.match(d.message, /^\.env is staged for commit/);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    const actions = await quickFixes(FILES.env, d);
    assert.ok(actions.some((a) => a.command?.command === 'warden.unstageFile'), `an unstage action among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(actions.some((a) => a.edit && a.edit.entries().some(([u]) => u.path.endsWith('/.gitignore'))), 'a .gitignore action');
  });

  it('takes a settings change into account: a rule turned off loses its diagnostics, and comes back', async () => {
    const config = vscode.workspace.getConfiguration('warden', folder());
    await config.update('rules', { [TLS]: 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the TLS diagnostic to go once the rule is off', () => warden(uri(FILES.tls), TLS).length === 0);
      assert.ok(warden(uri(FILES.sql), SQL).length > 0, 'other rules keep reporting');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnostic(FILES.tls, TLS);
  });

  it('applies the safe TLS fix', async () => {
    const d = await diagnostic(FILES.tls, TLS);
    const action = await applyFix(FILES.tls, d, 'Remove rejectUnauthorized: false (verify certificates)');
    assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(await textOf(FILES.tls), "const https = require('https');\n\nconst agent = new https.Agent({ keepAlive: true });\n\nmodule.exports = { agent };\n");
    await waitFor('the TLS diagnostic to go after the fix', () => warden(uri(FILES.tls), TLS).length === 0);
  });

  it('applies the parameterize-query fix', async () => {
    const d = await diagnostic(FILES.sql, SQL);
    await applyFix(FILES.sql, d, 'Parameterize query');
    assert.match(await textOf(FILES.sql), /pool\.query\(`SELECT \* FROM users WHERE name = \$1`, \[name\]\)/);
    await waitFor('the SQL diagnostic to go after the fix', () => warden(uri(FILES.sql), SQL).length === 0);
  });

  it('applies the env-var fix: code reads os.environ, the value moves to .env, .env goes into .gitignore', async () => {
    const before = await textOf(FILES.pythonSecret);
    const secret = /api_key = "([^"]+)"/.exec(before)?.[1];
    assert.ok(secret);
    const d = await diagnostic(FILES.pythonSecret, GENERIC);
    await applyFix(FILES.pythonSecret, d, 'Move secret to environment variable API_KEY');
    assert.equal(await textOf(FILES.pythonSecret), '"""Application settings."""\nimport os\n\nDEBUG = False\napi_key = os.environ["API_KEY"]\n');
    const env = await textOf('.env');
    assert.ok(env.startsWith('DATABASE_URL=postgres://localhost/app\n'), 'existing .env lines stay');
    assert.ok(env.split(/\r?\n/).includes(`API_KEY=${secret}`), '.env holds the secret');
    assert.ok((await textOf('.gitignore')).split(/\r?\n/).includes('.env'), '.gitignore lists .env');
    await waitFor('the secret diagnostic to go after the fix', () => warden(uri(FILES.pythonSecret), GENERIC).length === 0);
  });

  it('audits the workspace: files never opened get diagnostics', async () => {
    const target = uri(FILES.auditOnly);
    assert.ok(!vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === target.toString()), 'the file is not open');
    assert.equal(warden(target).length, 0, 'no diagnostics before the audit');
    await vscode.workspace.saveAll(false);
    const t0 = Date.now();
    await vscode.commands.executeCommand('warden.auditWorkspace');
    metrics.auditMs = Date.now() - t0;
    const found = await waitFor('audit diagnostics on the unopened file', () => warden(target, TLS)[0], 10_000);
    assert.equal(found.range.start.line, 2);
    // Other categories in closed files too: the secret in another file no test opened.
    const secret = warden(uri(FILES.jsSecret), GENERIC)[0];
    assert.ok(secret, `the audit reports ${FILES.jsSecret}'s secret (has: ${JSON.stringify(vscode.languages.getDiagnostics(uri(FILES.jsSecret)).map(codeOf))})`);
    assert.equal(secret.range.start.line, 1);
  });
});
