// Maps document URIs to the root they are checked in (the innermost workspace folder) and back.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface WorkspaceFolderRef {
  uri: string;
  name?: string;
}

export interface Location {
  /** Absolute file-system root fixes and git are relative to; undefined for untitled documents. */
  root: string | undefined;
  /** URI of the workspace folder, or undefined when the file is outside every folder. */
  folderUri: string | undefined;
  /** Root-relative posix path (for untitled documents, their name). */
  path: string;
}

// File systems on these platforms are usually case-insensitive; VS Code may hand us either case.
const foldCase = process.platform === 'win32' || process.platform === 'darwin';

export function pathKey(fsPath: string): string {
  const p = path.resolve(fsPath);
  return foldCase ? p.toLowerCase() : p;
}

export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function uriOf(fsPath: string): string {
  return pathToFileURL(fsPath).href;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export class Folders {
  private folders: { uri: string; fsPath: string; key: string }[] = [];

  set(list: readonly WorkspaceFolderRef[]): void {
    const next: { uri: string; fsPath: string; key: string }[] = [];
    for (const f of list) {
      const fsPath = fsPathOf(f.uri);
      if (fsPath) next.push({ uri: f.uri, fsPath: path.resolve(fsPath), key: pathKey(fsPath) });
    }
    // Longest first, so nested folders win over their parents.
    this.folders = next.sort((a, b) => b.key.length - a.key.length);
  }

  add(list: readonly WorkspaceFolderRef[]): void {
    this.set([...this.all(), ...list]);
  }

  remove(list: readonly WorkspaceFolderRef[]): void {
    const gone = new Set(list.map((f) => f.uri));
    this.set(this.all().filter((f) => !gone.has(f.uri)));
  }

  all(): { uri: string; fsPath: string }[] {
    return this.folders.map(({ uri, fsPath }) => ({ uri, fsPath }));
  }

  locate(uri: string): Location {
    const fsPath = fsPathOf(uri);
    if (!fsPath) {
      const name = decodeURIComponent(uri.replace(/^[a-z][\w+.-]*:/i, '').replace(/^\/+/, '')) || 'untitled';
      return { root: undefined, folderUri: undefined, path: name };
    }
    const key = pathKey(fsPath);
    for (const f of this.folders) {
      if (key === f.key || key.startsWith(f.key.endsWith(path.sep) ? f.key : f.key + path.sep)) {
        return { root: f.fsPath, folderUri: f.uri, path: toPosix(path.relative(f.fsPath, path.resolve(fsPath))) };
      }
    }
    const resolved = path.resolve(fsPath);
    return { root: path.dirname(resolved), folderUri: undefined, path: path.basename(resolved) };
  }
}

/** URI of a root-relative posix path. */
export function resolveUri(root: string, relPath: string): string {
  return uriOf(path.join(root, ...relPath.split('/')));
}
