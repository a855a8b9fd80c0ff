// Builds the LanguageClient: how to start the server and which documents, settings and files it watches.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
    // Settings: the server reads them per resource with workspace/configuration and registers for changes itself.
    synchronize: {
      // Git state and .env files decide what the git and secret rules report.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.gitignore'),
        vscode.workspace.createFileSystemWatcher('**/.git/index'),
        vscode.workspace.createFileSystemWatcher('**/.git/HEAD'),
        vscode.workspace.createFileSystemWatcher('**/.env*'),
        // `warden.baseline` files (the default `.warden-baseline.json` and names like it), so edits take effect.
        vscode.workspace.createFileSystemWatcher('**/*baseline*.json'),
      ],
    },
    diagnosticCollectionName: 'warden',
    // `warden.run: onSave` needs a pull after each save, not only after each change.
    diagnosticPullOptions: { onChange: true, onSave: true },
    outputChannel: output,
  };
  // The id `warden` makes the client honour `warden.trace.server`.
  return new LanguageClient('warden', 'Warden', serverOptions, clientOptions);
}
