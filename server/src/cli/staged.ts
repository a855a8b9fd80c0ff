// `warden audit --staged`: a host whose files are the staged blobs from the git index, and the list of staged files to check.
import { pathExcluder } from '../audit';
import type { GitFileStatus, Host } from '../engine';
import type { NodeHost } from '../host-node';

/**
 * Reads staged files from the index and everything else (.gitignore for fixes) from the disk, so the audit sees
 * exactly what `git commit` would record, not later edits in the working tree.
 */
export class StagedHost implements Host {
  private readonly staged: Map<string, string | undefined>;

  constructor(private readonly disk: NodeHost, files: readonly { path: string; text: string | undefined }[]) {
    this.staged = new Map(files.map((f) => [f.path, f.text]));
  }

  async readFile(path: string): Promise<string | undefined> {
    // A staged blob too large to read stays unreadable: the disk copy may differ from what is committed.
    if (this.staged.has(path)) return this.staged.get(path);
    return this.disk.readFile(path);
  }

  gitStatus(path: string): Promise<GitFileStatus | undefined> {
    return this.disk.gitStatus(path);
  }

  isGitIgnored(path: string): Promise<boolean | undefined> {
    return this.disk.isGitIgnored(path);
  }
}

/** The host and files of a staged audit, minus excluded paths; undefined when git cannot list the index. */
export async function stagedAudit(disk: NodeHost, exclude: string[]): Promise<{ host: StagedHost; files: string[] } | undefined> {
  const staged = await disk.stagedFiles();
  if (!staged) return undefined;
  const excluded = pathExcluder(exclude);
  const kept = staged.filter((f) => !excluded(f.path));
  return { host: new StagedHost(disk, kept), files: kept.map((f) => f.path).sort() };
}
