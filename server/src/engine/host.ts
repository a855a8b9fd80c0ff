// The I/O interface the engine needs; the language server, the CLI and the tests each implement it.

/** Where a file stands in the git repository around it. */
export interface GitFileStatus {
  /** In the index with changes not yet committed (new or modified). */
  staged: boolean;
  /** In HEAD (committed). */
  tracked: boolean;
  /** Matched by .gitignore (and not tracked). */
  ignored: boolean;
  /** Workspace-relative path of the repository root ('' when it is the workspace root). */
  repoRoot: string;
}

/** A file git knows about in a repository under the workspace, as `Host.gitFiles` lists it. */
export interface GitListedFile {
  /** Workspace-relative posix path. */
  path: string;
  /**
   * Index entries are `staged` and/or `tracked`; an untracked file that is present and not ignored has neither
   * (`ignored` is always false: ignored files are not listed).
   */
  status: GitFileStatus;
}

export interface Host {
  /** Text of a workspace-relative file, or undefined when it does not exist or is not readable. */
  readFile(path: string): Promise<string | undefined>;
  /**
   * Git state of a workspace-relative path. Undefined when git is missing, the path is not in a
   * repository, or git failed: git rules then stay silent.
   */
  gitStatus?(path: string): Promise<GitFileStatus | undefined>;
  /** Whether `path` is ignored by git (.gitignore, info/exclude); undefined when unknown. */
  isGitIgnored?(path: string): Promise<boolean | undefined>;
  /**
   * Every index entry (not submodule gitlinks) and every untracked, not ignored file under the workspace, across the
   * repositories in it (the one around the root, nested repositories, checked-out submodules). `filter` sees
   * workspace-relative paths and keeps the answer small. Undefined when git is missing or fails, or no repository is
   * found: repository checks then stay silent.
   */
  gitFiles?(filter?: (path: string) => boolean): Promise<GitListedFile[] | undefined>;
  /**
   * Bytes of a bundled WebAssembly file by name: `tree-sitter.wasm` (the parser runtime) or `tree-sitter-<grammar>.wasm`.
   * Undefined when it is not available: checks that need a real parser then stay silent.
   */
  loadWasm?(file: string): Promise<Uint8Array | undefined>;
}

/** A host over an in-memory file map, for tests and for single-buffer checks. */
export class MemoryHost implements Host {
  constructor(
    readonly files: Map<string, string> = new Map(),
    readonly git?: Map<string, Partial<GitFileStatus>>,
    /** Where `loadWasm` gets its bytes; without it no grammar is available. */
    readonly wasm?: (file: string) => Promise<Uint8Array | undefined>,
  ) {}

  async loadWasm(file: string): Promise<Uint8Array | undefined> {
    return this.wasm?.(file);
  }

  async readFile(path: string): Promise<string | undefined> {
    return this.files.get(path);
  }

  async gitStatus(path: string): Promise<GitFileStatus | undefined> {
    if (!this.git) return undefined;
    const s = this.git.get(path);
    return { staged: false, tracked: false, ignored: false, repoRoot: '', ...s };
  }

  async isGitIgnored(path: string): Promise<boolean | undefined> {
    if (!this.git) return undefined;
    return this.git.get(path)?.ignored ?? false;
  }

  /** Index entries are the staged or tracked paths of the git map; untracked ones are the other files neither ignored nor in it as such. */
  async gitFiles(filter?: (path: string) => boolean): Promise<GitListedFile[] | undefined> {
    if (!this.git) return undefined;
    const out: GitListedFile[] = [];
    const paths = new Set([...this.git.keys(), ...this.files.keys()]);
    for (const path of [...paths].sort()) {
      if (filter && !filter(path)) continue;
      const s = this.git.get(path) ?? {};
      if (s.ignored && !s.staged && !s.tracked) continue;
      out.push({ path, status: { staged: false, tracked: false, repoRoot: '', ...s, ignored: false } });
    }
    return out;
  }
}
