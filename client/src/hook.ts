// The pre-commit hook commands and "Unstage All Secret Files": pick a folder, call server/src/hooks.ts, show what happened.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { HookError, installHook, stagedSecretFiles, uninstallHook, unstageFiles, type StagedFiles } from '../../server/src/hooks';

/** The only folder, or the one the user picks; undefined when none is open or the pick is dismissed. */
export async function pickFolder(action: string): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(`Warden: open a folder in a git repository to ${action}.`);
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: `Warden: which folder's repository to ${action}?` });
}

/** A HookError outside a repository is the user's situation, not a failure: say it plainly; anything else goes to the command's error handler. */
function explain(e: unknown, output: vscode.LogOutputChannel): boolean {
  if (e instanceof HookError && e.reason !== 'failed') {
    output.warn(e.message);
    void vscode.window.showWarningMessage(`Warden: ${e.message}.`);
    return true;
  }
  return false;
}

export async function installHookCommand(output: vscode.LogOutputChannel): Promise<void> {
  const folder = await pickFolder('install the pre-commit hook');
  if (!folder) return;
  try {
    const r = await installHook(folder.uri.fsPath);
    output.info(r.message);
    for (const n of r.notes) output.info(`note: ${n}`);
    const text = [r.message, ...r.notes].join(' ');
    const choice = await vscode.window.showInformationMessage(`Warden: ${text}`, 'Open Hook File');
    if (choice === 'Open Hook File') await vscode.window.showTextDocument(vscode.Uri.file(r.file));
  } catch (e) {
    if (!explain(e, output)) throw e;
  }
}

export async function uninstallHookCommand(output: vscode.LogOutputChannel): Promise<void> {
  const folder = await pickFolder('remove the pre-commit hook');
  if (!folder) return;
  try {
    const r = await uninstallHook(folder.uri.fsPath);
    output.info(r.message);
    void vscode.window.showInformationMessage(`Warden: ${r.message.split('\n').join('; ')}`);
  } catch (e) {
    if (!explain(e, output)) throw e;
  }
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Asks once (modal, listing the files), then `git rm --cached` per repository; the files stay on disk.
 * Returns how many files left the index.
 */
export async function confirmAndUnstage(groups: readonly StagedFiles[], output: vscode.LogOutputChannel): Promise<number> {
  const several = new Set(groups.map((g) => g.root)).size > 1;
  const shown = groups.flatMap((g) => g.files.map((f) => (several ? path.join(path.basename(g.root), f) : f)));
  if (shown.length === 0) return 0;
  const list = shown.length > 20 ? [...shown.slice(0, 20), `… and ${shown.length - 20} more`] : shown;
  const choice = await vscode.window.showWarningMessage(
    `Unstage ${plural(shown.length, 'secret file')}? They stay on disk; add them to .gitignore so they are not staged again.`,
    { modal: true, detail: list.join('\n') },
    'Unstage',
  );
  if (choice !== 'Unstage') return 0;
  let done = 0;
  for (const g of groups) {
    if (!g.files.length) continue;
    await unstageFiles(g.root, g.files);
    output.info(`unstaged in ${g.root}: ${g.files.join(', ')}`);
    done += g.files.length;
  }
  void vscode.window.showInformationMessage(`Warden: unstaged ${plural(done, 'secret file')}; ${done === 1 ? 'it is' : 'they are'} still on disk.`);
  return done;
}

export async function unstageAllCommand(output: vscode.LogOutputChannel): Promise<number> {
  const folder = await pickFolder('unstage secret files');
  if (!folder) return 0;
  let staged: StagedFiles;
  try {
    staged = await stagedSecretFiles(folder.uri.fsPath);
  } catch (e) {
    if (explain(e, output)) return 0;
    throw e;
  }
  if (staged.files.length === 0) {
    void vscode.window.showInformationMessage(`Warden: no secret files are staged in ${staged.root}.`);
    return 0;
  }
  return confirmAndUnstage([staged], output);
}

interface StagedPick extends vscode.QuickPickItem {
  root: string;
  file: string;
}

/** The status item's list: every staged secret file, all ticked; the ticked ones are returned grouped by repository. */
export async function pickStagedFiles(groups: readonly StagedFiles[]): Promise<StagedFiles[]> {
  const several = groups.length > 1;
  const items: StagedPick[] = groups.flatMap((g) => g.files.map((file) => ({
    label: `$(file) ${file}`,
    description: several ? path.basename(g.root) : undefined,
    picked: true,
    root: g.root,
    file,
  })));
  if (items.length === 0) {
    void vscode.window.showInformationMessage('Warden: no secret files are staged.');
    return [];
  }
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: `Warden: ${plural(items.length, 'secret file')} staged for commit`,
    placeHolder: 'Tick the files to unstage (they stay on disk), then press Enter',
  });
  if (!picked?.length) return [];
  const byRoot = new Map<string, string[]>();
  for (const p of picked) byRoot.set(p.root, [...(byRoot.get(p.root) ?? []), p.file]);
  return [...byRoot].map(([root, files]) => ({ root, files }));
}
