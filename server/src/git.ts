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

interface Snapshot {
  index: Set<string>;
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
    for (const rec of files.stdout.split('\0')) {
      const tab = rec.indexOf('\t');
      if (tab >= 0) index.add(rec.slice(tab + 1));
    }
    const changed = new Map<string, string>();
    const parts = diff.stdout.split('\0');
    for (let i = 0; i + 1 < parts.length; i += 2) {
      if (parts[i]) changed.set(parts[i + 1], parts[i][0]);
    }
    return { index, changed };
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
  private async run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string } | undefined> {
    if (this.missing) return undefined;
    const r = await this.exec(args, cwd);
    if (r.ok) return r;
    if (r.reason === 'missing') {
      this.missing = true;
      this.logOnce('missing', `git was not found (${this.gitPath}); git checks are off`);
    } else if (r.reason === 'timeout') {
      this.logOnce('timeout', `git ${args[0]} took longer than ${this.timeoutMs} ms in ${cwd}; git checks are off there until the repository changes`);
    } else {
      this.logOnce('error', `git ${args[0]} could not run in ${cwd}: ${r.message}`);
    }
    return undefined;
  }

  private exec(args: string[], cwd: string): Promise<RunResult> {
    return new Promise((resolve) => {
      let guard: NodeJS.Timeout | undefined;
      try {
        const child = execFile(this.gitPath, args, {
          cwd, env: this.env, timeout: this.timeoutMs, maxBuffer: MAX_BUFFER, windowsHide: true, encoding: 'utf8',
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
        }, this.timeoutMs + 1000);
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
