// The Node host: workspace files from disk (or unsaved editor buffers) and git state from the git CLI.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { GitFileStatus, GitListedFile, Host } from './engine/host';
import { GitRepos, type StagedBlob } from './git';

export interface NodeHostOptions {
  /** Text of an open, possibly unsaved editor buffer for a workspace-relative path; it wins over the disk. */
  overlay?: (relPath: string) => string | undefined;
  /** Per git command. Default 3000 ms. */
  gitTimeoutMs?: number;
  log?: (msg: string) => void;
  /** The git executable. Default `git` from PATH. */
  gitPath?: string;
  /** Environment for git (tests point PATH elsewhere). Default `process.env`. */
  gitEnv?: NodeJS.ProcessEnv;
}

/** The wasm files a host may hand to the engine (tree-sitter runtime and grammars). */
const WASM_NAME = /^tree-sitter(?:-[a-z]+(?:-[a-z]+)?)?\.wasm$/;
/** Next to the bundle (dist/, where the build copies them), else the package when running from sources. */
const WASM_DIRS = [__dirname, path.join(__dirname, '..', '..', 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm')];
const wasmCache = new Map<string, Promise<Uint8Array | undefined>>();

/** Reads a bundled tree-sitter wasm file once per process; undefined when it is not shipped. */
export function loadBundledWasm(file: string): Promise<Uint8Array | undefined> {
  if (!WASM_NAME.test(file)) return Promise.resolve(undefined);
  let p = wasmCache.get(file);
  if (!p) {
    p = (async () => {
      for (const dir of WASM_DIRS) {
        try {
          return new Uint8Array(await fsp.readFile(path.join(dir, file)));
        } catch {
          // try the next place
        }
      }
      return undefined;
    })();
    wasmCache.set(file, p);
  }
  return p;
}

/** Files above this size are not read: they are not source a rule should scan. */
export const MAX_READ_BYTES = 10 * 1024 * 1024;

export class NodeHost implements Host {
  private readonly git: GitRepos;
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });

  constructor(readonly root: string, private readonly options: NodeHostOptions = {}) {
    this.git = new GitRepos({ gitPath: options.gitPath, env: options.gitEnv, timeoutMs: options.gitTimeoutMs, log: options.log });
  }

  async readFile(relPath: string): Promise<string | undefined> {
    const open = this.options.overlay?.(relPath);
    if (open !== undefined) return open;
    const abs = this.resolve(relPath);
    if (!abs) return undefined;
    try {
      const st = await fsp.stat(abs);
      if (!st.isFile() || st.size > MAX_READ_BYTES) return undefined;
      return this.decoder.decode(await fsp.readFile(abs));
    } catch {
      return undefined;
    }
  }

  loadWasm(file: string): Promise<Uint8Array | undefined> {
    return loadBundledWasm(file);
  }

  async gitStatus(relPath: string): Promise<GitFileStatus | undefined> {
    const abs = this.resolve(relPath);
    if (!abs) return undefined;
    try {
      const s = await this.git.status(abs);
      if (!s) return undefined;
      return { staged: s.staged, tracked: s.tracked, ignored: s.ignored, repoRoot: await this.repoRoot(relPath, s.relPath, s.top) };
    } catch (e) {
      this.options.log?.(`git status of ${relPath} failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  async isGitIgnored(relPath: string): Promise<boolean | undefined> {
    const abs = this.resolve(relPath);
    if (!abs) return undefined;
    try {
      return await this.git.isIgnored(abs);
    } catch {
      return undefined;
    }
  }

  async gitFiles(filter?: (path: string) => boolean): Promise<GitListedFile[] | undefined> {
    try {
      const listed = await this.git.listFiles(this.root, filter);
      return listed?.map((f) => ({ path: f.relPath, status: { staged: f.staged, tracked: f.tracked, ignored: false, repoRoot: f.repoRoot } }));
    } catch (e) {
      this.options.log?.(`git listing of ${this.root} failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  /**
   * What `git commit` would record under the root: each staged file's root-relative path and its content from the
   * index (undefined above MAX_READ_BYTES). Undefined when git is missing, the root is not in a repository, or git fails.
   */
  async stagedFiles(): Promise<{ path: string; text: string | undefined }[] | undefined> {
    let blobs: StagedBlob[] | undefined;
    try {
      blobs = await this.git.stagedBlobs(this.root, MAX_READ_BYTES);
    } catch (e) {
      this.options.log?.(`reading the staged files of ${this.root} failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    return blobs?.map((b) => ({ path: b.relPath, text: b.content && this.decoder.decode(b.content) }));
  }

  /** Drops cached git answers; call it when .git/index, HEAD or an ignore file changes. */
  invalidate(): void {
    this.git.invalidate();
  }

  /** Absolute path of a workspace-relative one; undefined when it would leave the workspace. */
  private resolve(relPath: string): string | undefined {
    if (path.isAbsolute(relPath) || path.posix.isAbsolute(relPath)) return undefined;
    const abs = path.resolve(this.root, relPath);
    const rel = path.relative(this.root, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return abs;
  }

  /**
   * The repository top as a workspace-relative path. Derived from the file's path inside the repository, so
   * symlinked or case-folded roots still line up; a repository that encloses the workspace maps to ''
   * (a .gitignore at the workspace root still applies to the workspace's files).
   */
  private async repoRoot(wsPath: string, repoPath: string, top: string): Promise<string> {
    const ws = path.posix.normalize(wsPath);
    if (ws === repoPath) return '';
    if (ws.endsWith('/' + repoPath)) return ws.slice(0, ws.length - repoPath.length - 1);
    if (repoPath.endsWith('/' + ws)) return '';
    let realRoot = this.root;
    try {
      realRoot = await fsp.realpath(this.root);
    } catch {
      // fall back to the root as given
    }
    const rel = path.relative(realRoot, top).split(path.sep).join('/');
    return rel.startsWith('..') || path.isAbsolute(rel) ? '' : rel;
  }
}
