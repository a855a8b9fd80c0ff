// "Audit Workspace": asks the server to check every file, shows progress, and lists findings of closed files.
import * as vscode from 'vscode';
import { RequestType, WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { AuditWorkspaceRequest, type AuditWorkspaceParams, type AuditWorkspaceResult } from '../../server/src/protocol';

const auditRequest = new RequestType<AuditWorkspaceParams, AuditWorkspaceResult, void>(AuditWorkspaceRequest.method);

export function summarize(result: AuditWorkspaceResult): string {
  let findings = 0;
  let withFindings = 0;
  let files = 0;
  let skipped = 0;
  let cancelled = false;
  for (const f of result.folders) {
    files += f.files;
    skipped += f.skipped.length;
    cancelled ||= f.cancelled;
    for (const d of f.findings) {
      if (d.diagnostics.length === 0) continue;
      withFindings++;
      findings += d.diagnostics.length;
    }
  }
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  let msg = findings === 0
    ? `Warden: no findings in ${plural(files, 'file')}`
    : `Warden: ${plural(findings, 'finding')} in ${withFindings} of ${plural(files, 'file')}`;
  if (skipped > 0) msg += ` (${skipped} skipped: binary or too large)`;
  if (cancelled) msg += '; cancelled before the end';
  return msg;
}

/** Findings of the last audit for files that are not open; open files have live diagnostics. */
export class AuditView implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('warden-audit');
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly output: vscode.LogOutputChannel) {
    this.subscriptions = [vscode.workspace.onDidOpenTextDocument((d) => this.collection.delete(d.uri))];
  }

  async run(client: LanguageClient): Promise<void> {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Warden: auditing workspace', cancellable: true },
      async (progress, token) => {
        const workDoneToken = `warden-audit-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
        let done = 0;
        const sub = client.onProgress(WorkDoneProgress.type, workDoneToken, (p) => {
          if (p.kind === 'end') return;
          const pct = p.percentage ?? done;
          progress.report({ increment: Math.max(0, pct - done), message: p.message });
          done = Math.max(done, pct);
        });
        try {
          const result = await client.sendRequest(auditRequest, { workDoneToken }, token);
          await this.show(client, result);
          void vscode.window.showInformationMessage(summarize(result));
        } catch (e) {
          if (token.isCancellationRequested) {
            void vscode.window.showInformationMessage('Warden: audit cancelled.');
            return;
          }
          const msg = e instanceof Error ? e.message : String(e);
          this.output.error(`audit failed: ${msg}`);
          void vscode.window.showErrorMessage(`Warden: the audit failed: ${msg}`);
        } finally {
          sub.dispose();
        }
      },
    );
  }

  private async show(client: LanguageClient, result: AuditWorkspaceResult): Promise<void> {
    this.collection.clear();
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const folder of result.folders) {
      for (const doc of folder.findings) {
        const uri = client.protocol2CodeConverter.asUri(doc.uri);
        if (open.has(uri.toString())) continue;
        this.collection.set(uri, await client.protocol2CodeConverter.asDiagnostics(doc.diagnostics));
      }
    }
  }

  clear(): void {
    this.collection.clear();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}
