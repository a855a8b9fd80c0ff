// Status bar items: whether the Warden server runs (a click opens the output), and how many secret files are staged.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { gitIndexFile, stagedSecretFiles, type StagedFiles } from '../../server/src/hooks';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('warden.status', vscode.StatusBarAlignment.Right, 100);
  private subscription: vscode.Disposable | undefined;

  constructor() {
    this.item.name = 'Warden';
    this.item.command = 'warden.showOutput';
    this.set('$(sync~spin) Warden', 'Warden: starting the language server');
    this.item.show();
  }

  track(client: LanguageClient): void {
    this.subscription?.dispose();
    this.subscription = client.onDidChangeState((e) => {
      switch (e.newState) {
        case State.Starting: this.set('$(sync~spin) Warden', 'Warden: starting the language server'); break;
        case State.Running: this.set('$(shield) Warden', 'Warden: checking files for secrets, SQL injection and unsafe config'); break;
        case State.Stopped: this.set('$(warning) Warden', 'Warden: the language server stopped; run "Warden: Restart Server"'); break;
      }
    });
  }

  failed(reason: string): void {
    this.set('$(error) Warden', `Warden: the language server failed to start (${reason}); click for the log`);
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  }

  private set(text: string, tooltip: string): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = undefined;
  }

  dispose(): void {
    this.subscription?.dispose();
    this.item.dispose();
  }
}

/**
 * "Warden: N secret files staged": recounted when a repository's index changes (debounced) or the window regains
 * focus, since watchers on .git are not reliable everywhere; hidden when nothing is staged. A click lists the files.
 */
export class StagedSecretsItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('wardenStagedSecrets', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private readonly quiet = new Set<string>();
  /** The last count, per repository. */
  staged: StagedFiles[] = [];

  constructor(private readonly output: vscode.LogOutputChannel, command: vscode.Command, private readonly debounceMs = 300) {
    this.item.name = 'Warden: staged secret files';
    this.item.command = command;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    this.subscriptions.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.watch()),
      vscode.window.onDidChangeWindowState((s) => s.focused && this.schedule()),
    );
    void this.watch();
  }

  /** Recounts after a quiet period, so one `git add -A` is one count. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), this.debounceMs);
  }

  async refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.count().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    });
    return this.running;
  }

  private async count(): Promise<void> {
    const byRoot = new Map<string, StagedFiles>();
    for (const f of vscode.workspace.workspaceFolders ?? []) {
      if (f.uri.scheme !== 'file') continue;
      try {
        const s = await stagedSecretFiles(f.uri.fsPath);
        byRoot.set(s.root, s);
      } catch (e) {
        // Not a repository, or no git: say so once per folder, then stay quiet.
        if (!this.quiet.has(f.uri.fsPath)) this.output.info(`staged secret files not checked in ${f.uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
        this.quiet.add(f.uri.fsPath);
      }
    }
    this.staged = [...byRoot.values()].filter((s) => s.files.length > 0);
    const n = this.staged.reduce((sum, s) => sum + s.files.length, 0);
    if (n === 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(warning) Warden: ${n} secret file${n === 1 ? '' : 's'} staged`;
    const tooltip = new vscode.MarkdownString('**Staged for commit, with secrets:**\n\n', true);
    for (const s of this.staged) for (const f of s.files) tooltip.appendMarkdown(`- \`${f.replace(/`/g, "'")}\`\n`);
    tooltip.appendMarkdown('\nClick to unstage them (they stay on disk).');
    this.item.tooltip = tooltip;
    this.item.show();
  }

  /** One watcher per repository index (a linked worktree's index lives outside the work tree). */
  private async watch(): Promise<void> {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    const seen = new Set<string>();
    for (const f of vscode.workspace.workspaceFolders ?? []) {
      if (f.uri.scheme !== 'file') continue;
      const where = await gitIndexFile(f.uri.fsPath).catch(() => undefined);
      if (!where || seen.has(where.index)) continue;
      seen.add(where.index);
      const dir = vscode.Uri.file(path.dirname(where.index));
      // The index is replaced by a rename from index.lock, which some platforms report as create or delete.
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, path.basename(where.index)));
      w.onDidChange(() => this.schedule());
      w.onDidCreate(() => this.schedule());
      w.onDidDelete(() => this.schedule());
      this.watchers.push(w);
    }
    this.schedule();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of [...this.watchers, ...this.subscriptions]) d.dispose();
    this.item.dispose();
  }
}
