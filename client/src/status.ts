// Status bar item showing whether the Warden server runs; a click opens the Warden output.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';

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
