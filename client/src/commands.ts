// Registers every Warden command at activation; while the server is down they say why nothing happens.
import * as vscode from 'vscode';
import { NotificationType, type LanguageClient } from 'vscode-languageclient/node';
import { Commands, RecheckNotification, type RecheckParams } from '../../server/src/protocol';
import type { AuditView } from './audit';
import { confirmAndUnstage, installHookCommand, pickStagedFiles, uninstallHookCommand, unstageAllCommand } from './hook';
import { StagedSecretsItem } from './status';
import { targetFile, unstageFile } from './unstage';

const recheck = new NotificationType<RecheckParams>(RecheckNotification.method);

/** What the commands need; `client` changes on restart. */
export interface Session {
  readonly output: vscode.LogOutputChannel;
  readonly audit: AuditView;
  client: LanguageClient | undefined;
  /** Why the server is not running, when it failed to start. */
  startError: string | undefined;
  restart(): Promise<void>;
}

function runningClient(session: Session): LanguageClient | undefined {
  if (session.client?.isRunning()) return session.client;
  const why = session.startError
    ? `the language server failed to start (${session.startError})`
    : 'the language server is not running';
  void vscode.window.showWarningMessage(`Warden: ${why}.`, 'Show Output', 'Restart Server').then((choice) => {
    if (choice === 'Show Output') session.output.show();
    else if (choice === 'Restart Server') void vscode.commands.executeCommand(Commands.restartServer);
  });
  return undefined;
}

export function registerCommands(context: vscode.ExtensionContext, session: Session): void {
  const register = (id: string, run: (...args: unknown[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        await run(...args);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        session.output.error(`${id} failed: ${msg}`);
        void vscode.window.showErrorMessage(`Warden: ${msg}`);
      }
    }));
  };

  // Git-only, so it works while the server is down.
  const staged = new StagedSecretsItem(session.output, { command: Commands.unstageAllSecretFiles, title: 'Unstage secret files', arguments: [{ pick: true }] });
  context.subscriptions.push(staged);
  const afterUnstage = async (reason: string): Promise<void> => {
    void staged.refresh();
    // The .git/index watcher would notice too, but watchers on .git are not reliable everywhere.
    if (session.client?.isRunning()) await session.client.sendNotification(recheck, { reason });
  };

  register(Commands.auditWorkspace, async () => {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage('Warden: open a folder to audit it.');
      return;
    }
    const client = runningClient(session);
    if (client) await session.audit.run(client);
  });

  register(Commands.unstageFile, async (target: unknown, confirm: unknown) => {
    const file = targetFile(target);
    if (!file) {
      void vscode.window.showInformationMessage('Warden: open the file to unstage, or run this from a Warden quick fix.');
      return;
    }
    if (!(await unstageFile(file, typeof confirm === 'string' ? confirm : undefined, session.output))) return;
    await afterUnstage(`unstaged ${file.fsPath}`);
  });

  register(Commands.installHook, () => installHookCommand(session.output));

  register(Commands.uninstallHook, () => uninstallHookCommand(session.output));

  register(Commands.unstageAllSecretFiles, async (options: unknown) => {
    if ((options as { pick?: unknown } | undefined)?.pick === true) {
      // From the status item: every repository's files, each one can be unticked.
      await staged.refresh();
      const picked = await pickStagedFiles(staged.staged);
      if (await confirmAndUnstage(picked, session.output)) await afterUnstage('unstaged secret files');
    } else if (await unstageAllCommand(session.output)) {
      await afterUnstage('unstaged all secret files');
    }
  });

  register(Commands.restartServer, () => session.restart());

  register(Commands.showOutput, () => session.output.show());
}
