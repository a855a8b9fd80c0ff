// Extension entry: registers every command, starts the language client and shows activation errors.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AuditView } from './audit';
import { createClient } from './client';
import { registerCommands, type Session } from './commands';
import { StatusItem } from './status';

let session: Session | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Warden', { log: true });
  const audit = new AuditView(output);
  const status = new StatusItem();
  context.subscriptions.push(output, audit, status);

  const start = async (s: Session): Promise<void> => {
    let client: LanguageClient | undefined;
    try {
      client = createClient(context, output);
      s.client = client;
      s.startError = undefined;
      status.track(client);
      await client.start();
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      s.startError = msg;
      output.error(`the language server failed to start: ${msg}`);
      status.failed(msg);
      void vscode.window.showErrorMessage(`Warden: the language server failed to start: ${msg}`, 'Show Output').then((choice) => {
        if (choice === 'Show Output') output.show();
      });
    }
  };

  const s: Session = {
    output,
    audit,
    client: undefined,
    startError: undefined,
    restart: async () => {
      const old = s.client;
      s.client = undefined;
      if (old) await old.dispose(2000).catch((e: unknown) => output.warn(`stopping the old server: ${String(e)}`));
      audit.clear();
      await start(s);
    },
  };
  session = s;
  // Commands first: they must exist (and explain) even when the server cannot start.
  registerCommands(context, s);
  await start(s);
}

export async function deactivate(): Promise<void> {
  const client = session?.client;
  session = undefined;
  if (client) await client.stop(2000).catch(() => undefined);
}
