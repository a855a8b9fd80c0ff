// "Unstage File": `git rm --cached` after a modal confirmation; the file stays on disk.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';

const GIT_TIMEOUT_MS = 15_000;

function git(args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, timeout: GIT_TIMEOUT_MS, windowsHide: true }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stderr: String(stderr) }));
      else resolve({ stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** A file URI from a command argument (URI string, absolute path or Uri), else the active editor's file. */
export function targetFile(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg.scheme === 'file' ? arg : undefined;
  if (typeof arg === 'string' && arg !== '') {
    const uri = /^[a-z][\w+.-]+:/i.test(arg) && !/^[a-z]:[\\/]/i.test(arg) ? vscode.Uri.parse(arg) : vscode.Uri.file(arg);
    return uri.scheme === 'file' ? uri : undefined;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  return active?.scheme === 'file' ? active : undefined;
}

/** Returns true when git removed the file from the index. */
export async function unstageFile(file: vscode.Uri, confirm: string | undefined, output: vscode.LogOutputChannel): Promise<boolean> {
  const name = path.basename(file.fsPath);
  const question = confirm || `Remove ${name} from the git index? The file stays on disk; commit the change and add ${name} to .gitignore.`;
  const choice = await vscode.window.showWarningMessage(question, { modal: true }, 'Unstage');
  if (choice !== 'Unstage') return false;
  try {
    await git(['rm', '--cached', '--quiet', '--', name], path.dirname(file.fsPath));
  } catch (e) {
    const detail = ((e as { stderr?: string }).stderr || (e as Error).message || String(e)).trim().split('\n')[0];
    output.error(`git rm --cached -- ${name} failed: ${detail}`);
    void vscode.window.showErrorMessage(`Warden: could not unstage ${name}: ${detail}`);
    return false;
  }
  output.info(`unstaged ${file.fsPath}`);
  void vscode.window.showInformationMessage(`Warden: ${name} is no longer staged; it is still on disk.`);
  return true;
}
