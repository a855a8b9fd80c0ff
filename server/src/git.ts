// Git CLI wrapper for the Node host: finds the repository around a file and answers index questions from one cached snapshot per repo.
import { execFile } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

export interface GitOptions {
  /** The git executable; looked up on the PATH of `env` when not absolute. Default `git`. */
  gitPath?: string;
  /** Environment of the git processes. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Per-command timeout. Default 3000 ms. */
  timeoutMs?: number;
  /** Timeout of whole-repository listings (untracked files, staged blobs). Default 10 times `timeoutMs`, at least 30 s. */
  listTimeoutMs?: number;
  log?: (msg: string) => void;
}

/** Where a file stands in the repository around it. */
export interface GitPathStatus {
  /** Absolute path of the repository's top folder, as git prints it. */
  top: string;
  /** The file's path inside the repository (posix). */
  relPath: string;
  staged: boolean;
  tracked: boolean;
  ignored: boolean;
}

interface Location {
  top: string;
  /** The looked-up folder inside the repository: '' or `a/b/`. */
  prefix: string;
}

/** A file under the listed folder, from the index or the untracked files. */
export interface GitListedPath {
  /** Path relative to the listed folder (posix). */
  relPath: string;
  /** The repository's top folder relative to the listed folder ('' when the top is the folder or encloses it). */
  repoRoot: string;
  staged: boolean;
  tracked: boolean;
}

/** A blob staged for commit. */
export interface StagedBlob {
  /** Path relative to the folder asked about (posix). */
  relPath: string;
  /** Blob content; undefined when larger than the limit. */
  content: Buffer | undefined;
}

interface Snapshot {
  index: Set<string>;
  /** Submodule entries (mode 160000): folders with their own repository, not files. */
  gitlinks: Set<string>;
  /** Index entries that differ from HEAD, with their status letter (A, M, T, U...). */
  changed: Map<string, string>;
}

type RunResult =
  | { ok: true; code: number; stdout: string; stderr: string }
  | { ok: false; reason: 'missing' | 'timeout' | 'error'; message: string };

const MAX_BUFFER = 512 * 1024 * 1024;

/**
 * Git's own discovery variables (set inside hooks) would point every command at one repository and break
 * nested-repo discovery; a relative index file would resolve against the wrong folder.
 */
function gitEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' };
  delete out.GIT_DIR;
  delete out.GIT_WORK_TREE;
  delete out.GIT_PREFIX;
  if (out.GIT_INDEX_FILE && !path.isAbsolute(out.GIT_INDEX_FILE)) delete out.GIT_INDEX_FILE;
  return out;
}

export class GitRepos {
  private readonly gitPath: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly timeoutMs: number;
  private readonly listTimeoutMs: number;
  private readonly logged = new Set<string>();
  private locations = new Map<string, Promise<Location | undefined>>();
  private snapshots = new Map<string, Promise<Snapshot | undefined>>();
  private ignores = new Map<string, Promise<boolean | undefined>>();
  /** Set after ENOENT so a missing git costs one spawn per cache generation, not one per file. */
  private missing = false;

  constructor(private readonly options: GitOptions = {}) {
    this.gitPath = options.gitPath ?? 'git';
    this.env = gitEnv(options.env ?? process.env);
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.listTimeoutMs = options.listTimeoutMs ?? Math.max(30_000, this.timeoutMs * 10);
  }

  /** Forgets every cached answer (the index, HEAD or an ignore file changed). */
  invalidate(): void {
    this.locations = new Map();
    this.snapshots = new Map();
    this.ignores = new Map();
    this.missing = false;
  }

  /** Status of the file at absolute path `file`, or undefined when git cannot tell. */
  async status(file: string): Promise<GitPathStatus | undefined> {
    const where = await this.locate(file);
    if (!where) return undefined;
    const snap = await this.snapshot(where.top);
    if (!snap) return undefined;
    const inIndex = snap.index.has(where.relPath);
    const change = snap.changed.get(where.relPath);
    // A staged removal (`git rm --cached`) leaves the path out of the index: it is on its way out, so neither.
    const staged = inIndex && change !== undefined;
    const tracked = inIndex && change !== 'A';
    let ignored = false;
    if (!inIndex) {
      const ign = await this.checkIgnore(where.top, where.relPath);
      if (ign === undefined) return undefined;
      ignored = ign;
    }
    return { top: where.top, relPath: where.relPath, staged, tracked, ignored };
  }

  /** Whether the ignore rules match the file, whether or not it is tracked; undefined when git cannot tell. */
  async isIgnored(file: string): Promise<boolean | undefined> {
    const where = await this.locate(file);
    if (!where) return undefined;
    return this.checkIgnore(where.top, where.relPath);
  }

  /**
   * Index entries (not gitlinks) and untracked, not ignored files under the folder `root`, across the repository around
   * it, nested repositories and checked-out submodules; when `root` is not in a repository, the repositories found in
   * its first levels. `filter` sees root-relative paths. Undefined when git is missing or no repository answered.
   */
  async listFiles(root: string, filter: (relPath: string) => boolean = () => true): Promise<GitListedPath[] | undefined> {
    const out: GitListedPath[] = [];
    let answered = false;
    const visit = async (dir: string, rel: string, depth: number): Promise<void> => {
      const loc = await this.locateDir(dir);
      if (!loc) {
        if (depth === 0 && !this.missing) for (const sub of await findRepositories(dir)) await visit(path.join(dir, sub), sub + '/', depth + 1);
        return;
      }
      const [snap, untracked] = await Promise.all([
        this.snapshot(loc.top),
        this.run(['-c', 'core.quotePath=false', 'ls-files', '-o', '--exclude-standard', '-z', '--', '.'], dir, this.listTimeoutMs),
      ]);
      if (!snap || !untracked || untracked.code !== 0) {
        if (untracked && untracked.code !== 0) this.logOnce('untracked', `git ls-files failed in ${dir}: ${firstLine(untracked.stderr)}`);
        return;
      }
      answered = true;
      // Below the workspace root each visited folder is its repository's top.
      const repoRoot = rel.replace(/\/$/, '');
      const nested: string[] = [];
      for (const p of snap.index) {
        if (!p.startsWith(loc.prefix)) continue;
        const local = p.slice(loc.prefix.length);
        if (snap.gitlinks.has(p)) {
          nested.push(local);
          continue;
        }
        if (!filter(rel + local)) continue;
        const change = snap.changed.get(p);
        out.push({ relPath: rel + local, repoRoot, staged: change !== undefined, tracked: change !== 'A' });
      }
      for (const p of untracked.stdout.split('\0')) {
        if (!p) continue;
        // An untracked nested repository is listed as its folder.
        if (p.endsWith('/')) nested.push(p.slice(0, -1));
        else if (filter(rel + p)) out.push({ relPath: rel + p, repoRoot, staged: false, tracked: false });
      }
      if (depth >= 8) return;
      for (const n of nested) {
        const abs = path.join(dir, n);
        // A submodule that is not checked out has no .git: nothing to list.
        if (await exists(path.join(abs, '.git'))) await visit(abs, rel + n + '/', depth + 1);
      }
    };
    await visit(root, '', 0);
    return answered ? out : undefined;
  }

  /**
   * The blobs staged for commit under the folder `dir` (added, copied, modified, renamed or type-changed files; not
   * deletions, submodules or symlinks), read from the index. Blobs over `maxBytes` come without content. Undefined when
   * git is missing, `dir` is not in a repository, or git fails.
   */
  async stagedBlobs(dir: string, maxBytes: number): Promise<StagedBlob[] | undefined> {
    const loc = await this.locateDir(dir);
    if (!loc) return undefined;
    const diff = await this.run(['-c', 'core.quotePath=false', 'diff', '--cached', '--raw', '-z', '--no-renames', '--no-abbrev', '--diff-filter=ACMRT', '--', '.'], dir, this.listTimeoutMs);
    if (!diff) return undefined;
    if (diff.code !== 0) {
      this.logOnce('staged', `git diff --cached failed in ${dir}: ${firstLine(diff.stderr)}`);
      return undefined;
    }
    const entries: { relPath: string; sha: string }[] = [];
    const parts = diff.stdout.split('\0');
    for (let i = 0; i + 1 < parts.length; i += 2) {
      // `:100644 100644 <old sha> <new sha> M`, then the path (repository-relative).
      const [, dstMode, , sha] = parts[i].slice(1).split(' ');
      const p = parts[i + 1];
      if (!dstMode || !sha || !p.startsWith(loc.prefix)) continue;
      if (dstMode === '160000' || dstMode === '120000') continue;
      entries.push({ relPath: p.slice(loc.prefix.length), sha });
    }
    if (entries.length === 0) return [];
    const sizes = await this.runInput(['cat-file', '--batch-check=%(objectname) %(objectsize)'], loc.top, entries.map((e) => e.sha).join('\n') + '\n');
    if (!sizes) return undefined;
    const size = new Map<string, number>();
    for (const line of sizes.toString('utf8').split('\n')) {
      const [sha, n] = line.split(' ');
      if (sha && n && /^\d+$/.test(n)) size.set(sha, Number(n));
    }
    const wanted = [...new Set(entries.filter((e) => (size.get(e.sha) ?? Infinity) <= maxBytes).map((e) => e.sha))];
    const blobs = new Map<string, Buffer>();
    if (wanted.length) {
      const raw = await this.runInput(['cat-file', '--batch'], loc.top, wanted.join('\n') + '\n');
      if (!raw) return undefined;
      parseBatch(raw, blobs);
    }
    return entries.map((e) => ({ relPath: e.relPath, content: blobs.get(e.sha) }));
  }

  private async locateDir(dir: string): Promise<Location | undefined> {
    if (this.missing) return undefined;
    let loc = this.locations.get(dir);
    if (!loc) this.locations.set(dir, (loc = this.revParse(dir)));
    return loc;
  }

  private async locate(file: string): Promise<(Location & { relPath: string }) | undefined> {
    if (this.missing) return undefined;
    const dir = await existingAncestor(path.dirname(file));
    if (dir === undefined) return undefined;
    let loc = this.locations.get(dir);
    if (!loc) this.locations.set(dir, (loc = this.revParse(dir)));
    const found = await loc;
    if (!found) return undefined;
    const rest = path.relative(dir, file).split(path.sep).join('/');
    return { ...found, relPath: found.prefix + rest };
  }

  private async revParse(dir: string): Promise<Location | undefined> {
    const r = await this.run(['rev-parse', '--show-toplevel', '--show-prefix'], dir);
    if (!r) return undefined;
    if (r.code !== 0) {
      if (/not a git repository/i.test(r.stderr)) this.logOnce('norepo', `${dir} is not in a git repository; git checks are off there`);
      else this.logOnce('revparse', `git rev-parse failed in ${dir}: ${firstLine(r.stderr)}`);
      return undefined;
    }
    const [top, prefix = ''] = r.stdout.split(/\r?\n/);
    if (!top) return undefined;
    return { top, prefix };
  }

  private snapshot(top: string): Promise<Snapshot | undefined> {
    let s = this.snapshots.get(top);
    if (!s) this.snapshots.set(top, (s = this.readSnapshot(top)));
    return s;
  }

  private async readSnapshot(top: string): Promise<Snapshot | undefined> {
    const [files, diff] = await Promise.all([
      this.run(['ls-files', '--stage', '-z'], top),
      // Against an unborn HEAD git compares with the empty tree, so every entry shows as added.
      this.run(['diff', '--cached', '--name-status', '--no-renames', '-z'], top),
    ]);
    if (!files || !diff) return undefined;
    for (const r of [files, diff]) {
      if (r.code !== 0) {
        this.logOnce('snapshot', `git failed in ${top}: ${firstLine(r.stderr)}`);
        return undefined;
      }
    }
    const index = new Set<string>();
    const gitlinks = new Set<string>();
    for (const rec of files.stdout.split('\0')) {
      const tab = rec.indexOf('\t');
      if (tab < 0) continue;
      index.add(rec.slice(tab + 1));
      if (rec.startsWith('160000 ')) gitlinks.add(rec.slice(tab + 1));
    }
    const changed = new Map<string, string>();
    const parts = diff.stdout.split('\0');
    for (let i = 0; i + 1 < parts.length; i += 2) {
      if (parts[i]) changed.set(parts[i + 1], parts[i][0]);
    }
    return { index, gitlinks, changed };
  }

  private checkIgnore(top: string, relPath: string): Promise<boolean | undefined> {
    const key = top + '\0' + relPath;
    let p = this.ignores.get(key);
    if (!p) {
      p = this.run(['check-ignore', '-q', '--no-index', '--', relPath], top).then((r) => {
        if (!r) return undefined;
        if (r.code === 0) return true;
        if (r.code === 1) return false;
        this.logOnce('checkignore', `git check-ignore failed in ${top}: ${firstLine(r.stderr)}`);
        return undefined;
      });
      this.ignores.set(key, p);
    }
    return p;
  }

  /** Runs git; undefined (logged once) when it is missing, times out or cannot start. */
  private async run(args: string[], cwd: string, timeoutMs = this.timeoutMs): Promise<{ code: number; stdout: string; stderr: string } | undefined> {
    if (this.missing) return undefined;
    const r = await this.exec(args, cwd, timeoutMs);
    if (r.ok) return r;
    if (r.reason === 'missing') {
      this.missing = true;
      this.logOnce('missing', `git was not found (${this.gitPath}); git checks are off`);
    } else if (r.reason === 'timeout') {
      this.logOnce('timeout', `git ${args.find((a) => !a.startsWith('-') && !a.includes('='))} took longer than ${timeoutMs} ms in ${cwd}; git checks are off there until the repository changes`);
    } else {
      this.logOnce('error', `git ${args[0]} could not run in ${cwd}: ${r.message}`);
    }
    return undefined;
  }

  /** Runs git with `input` on stdin; its raw stdout, or undefined (logged once) when it fails. */
  private async runInput(args: string[], cwd: string, input: string): Promise<Buffer | undefined> {
    if (this.missing) return undefined;
    const r = await new Promise<{ ok: true; stdout: Buffer } | { ok: false; message: string }>((resolve) => {
      let guard: NodeJS.Timeout | undefined;
      try {
        const child = execFile(this.gitPath, args, {
          cwd, env: this.env, timeout: this.listTimeoutMs, maxBuffer: MAX_BUFFER, windowsHide: true, encoding: 'buffer',
        }, (err, stdout) => {
          clearTimeout(guard);
          resolve(err ? { ok: false, message: err.message } : { ok: true, stdout });
        });
        guard = setTimeout(() => {
          child.kill('SIGKILL');
          resolve({ ok: false, message: 'no exit after kill' });
        }, this.listTimeoutMs + 1000);
        guard.unref();
        child.stdin?.on('error', () => undefined);
        child.stdin?.end(input);
      } catch (e) {
        resolve({ ok: false, message: e instanceof Error ? e.message : String(e) });
      }
    });
    if (r.ok) return r.stdout;
    this.logOnce('input', `git ${args[0]} failed in ${cwd}: ${firstLine(r.message)}`);
    return undefined;
  }

  private exec(args: string[], cwd: string, timeoutMs: number): Promise<RunResult> {
    return new Promise((resolve) => {
      let guard: NodeJS.Timeout | undefined;
      try {
        const child = execFile(this.gitPath, args, {
          cwd, env: this.env, timeout: timeoutMs, maxBuffer: MAX_BUFFER, windowsHide: true, encoding: 'utf8',
        }, (err, stdout, stderr) => {
          clearTimeout(guard);
          if (!err) return resolve({ ok: true, code: 0, stdout, stderr });
          const e = err as NodeJS.ErrnoException & { code?: string | number; killed?: boolean; signal?: string | null };
          if (e.code === 'ENOENT') return resolve({ ok: false, reason: 'missing', message: e.message });
          if (e.killed || e.signal) return resolve({ ok: false, reason: 'timeout', message: e.message });
          if (typeof e.code === 'number') return resolve({ ok: true, code: e.code, stdout, stderr });
          resolve({ ok: false, reason: 'error', message: e.message });
        });
        // The callback waits for stdio to close, which a grandchild holding the pipes can delay past the kill.
        guard = setTimeout(() => {
          child.kill('SIGKILL');
          resolve({ ok: false, reason: 'timeout', message: 'no exit after kill' });
        }, timeoutMs + 1000);
        guard.unref();
      } catch (e) {
        resolve({ ok: false, reason: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    });
  }

  private logOnce(key: string, msg: string): void {
    if (this.logged.has(key)) return;
    this.logged.add(key);
    this.options.log?.(msg);
  }
}

function firstLine(s: string): string {
  return s.trim().split(/\r?\n/)[0] ?? '';
}

/** The nearest folder that exists, so git gets a valid cwd even for a path that is not on disk yet. */
async function existingAncestor(dir: string): Promise<string | undefined> {
  for (let d = dir; ; d = path.dirname(d)) {
    try {
      if ((await fsp.stat(d)).isDirectory()) return d;
    } catch {
      // keep walking up
    }
    if (path.dirname(d) === d) return undefined;
  }
}

/** `<sha> blob <size>\n<content>\n` records of `git cat-file --batch`; `<sha> missing` records are skipped. */
function parseBatch(raw: Buffer, out: Map<string, Buffer>): void {
  let i = 0;
  while (i < raw.length) {
    const nl = raw.indexOf(0x0a, i);
    if (nl < 0) return;
    const [sha, type, size] = raw.subarray(i, nl).toString('latin1').split(' ');
    i = nl + 1;
    if (type === 'missing' || size === undefined) continue;
    const n = Number(size);
    out.set(sha, raw.subarray(i, i + n));
    i += n + 1;
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fsp.lstat(p);
    return true;
  } catch {
    return false;
  }
}

/** Folders skipped when looking for repositories below a folder that is not in one. */
const SKIP_DIRS = new Set(['node_modules', '.git', 'vendor', 'dist', 'build', 'target', '.venv', 'venv']);

/**
 * Repositories in the first three levels below `dir` (a multi-repository folder), as relative posix paths. Stops at
 * each repository found (its nested ones come from its own listing) and after a few thousand folders.
 */
async function findRepositories(dir: string): Promise<string[]> {
  const found: string[] = [];
  let budget = 2000;
  let level = [''];
  for (let depth = 0; depth < 3 && level.length; depth++) {
    const next: string[] = [];
    for (const rel of level) {
      let entries: import('node:fs').Dirent[];
      try {
        entries = await fsp.readdir(path.join(dir, rel), { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        if (!e.isDirectory() || SKIP_DIRS.has(e.name) || --budget < 0) continue;
        const child = rel ? `${rel}/${e.name}` : e.name;
        if (await exists(path.join(dir, child, '.git'))) found.push(child);
        else next.push(child);
      }
    }
    level = next;
  }
  return found.sort();
}
