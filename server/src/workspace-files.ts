// Lists the files of a workspace folder to audit: git's view when it is a repository, else a .gitignore-aware walk.
import { execFile } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import { Minimatch } from 'minimatch';

export interface ListOptions {
  /** minimatch globs relative to the root (`{ dot: true }`); a glob matching a folder excludes all below it. */
  exclude?: string[];
  token?: { readonly cancelled: boolean };
  /** The git executable. Default `git` from PATH. */
  gitPath?: string;
  /** Environment of git (tests hide git by changing PATH). Default `process.env`. */
  gitEnv?: NodeJS.ProcessEnv;
  /** Timeout of the git listing. Default 30 s. */
  gitTimeoutMs?: number;
  log?: (msg: string) => void;
}

/** Folders never worth scanning, whatever the ignore files say. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);
const STAT_BATCH = 64;
const MAX_BUFFER = 512 * 1024 * 1024;

/** Root-relative posix paths of the files to check, sorted. Never throws for a bad entry; returns what it found when cancelled. */
export async function listWorkspaceFiles(root: string, options: ListOptions = {}): Promise<string[]> {
  const rootReal = await fsp.realpath(root);
  const excluded = excluder(options.exclude ?? []);
  const out = new Set<string>();
  await listInto(root, rootReal, '', excluded, options, out, 0);
  return [...out].sort(comparePaths);
}

/** Plain code-unit order, so the result does not depend on the machine's locale. */
function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Excluder = (relPath: string, isDir: boolean) => boolean;

function excluder(globs: string[]): Excluder {
  const matchers = globs.filter((g) => g.trim()).map((g) => {
    // Users write `./dist/**` or `/dist/**` meaning the root's dist; minimatch would not match those.
    const pattern = g.trim().replace(/^\.\//, '').replace(/^\/+/, '');
    // Compiled once: a big repository tests every file and each of its folders against every glob.
    const mm = new Minimatch(pattern, { dot: true });
    return (p: string) => mm.match(p);
  });
  if (!matchers.length) return () => false;
  // Every file asks about each of its folders; answer each folder once.
  const dirs = new Map<string, boolean>();
  return (relPath, isDir) => {
    if (!isDir) return matchers.some((m) => m(relPath));
    let hit = dirs.get(relPath);
    if (hit === undefined) dirs.set(relPath, (hit = matchers.some((m) => m(relPath) || m(relPath + '/'))));
    return hit;
  };
}

function hasSkippedSegment(relPath: string): boolean {
  return relPath.split('/').some((s) => ALWAYS_SKIPPED.has(s));
}

/** An excluded ancestor folder excludes the file (`dist` or `**\/fixtures` as well as `dist/**`). */
function isExcluded(relPath: string, excluded: Excluder): boolean {
  if (excluded(relPath, false)) return true;
  const parts = relPath.split('/');
  for (let i = 1; i < parts.length; i++) {
    if (excluded(parts.slice(0, i).join('/'), true)) return true;
  }
  return false;
}

/** Lists `dir` (absolute; `prefix` is its root-relative path with a trailing slash, or '') into `out`. */
async function listInto(dir: string, rootReal: string, prefix: string, excluded: Excluder, options: ListOptions, out: Set<string>, depth: number): Promise<void> {
  if (options.token?.cancelled) return;
  const fromGit = depth < 8 ? await gitList(dir, options) : undefined;
  if (!fromGit) {
    await walk(dir, rootReal, prefix, excluded, options, out);
    return;
  }
  const candidates: string[] = [];
  const nested: string[] = [];
  for (const entry of fromGit) {
    // Untracked nested repositories come back as `sub/`; list them with their own ignore rules.
    if (entry.endsWith('/')) nested.push(entry.slice(0, -1));
    else candidates.push(entry);
  }
  const kept = candidates.filter((e) => {
    const rel = prefix + e;
    return !hasSkippedSegment(rel) && !isExcluded(rel, excluded);
  });
  for (let i = 0; i < kept.length; i += STAT_BATCH) {
    if (options.token?.cancelled) return;
    const batch = kept.slice(i, i + STAT_BATCH);
    const kinds = await Promise.all(batch.map((e) => kindOf(path.join(dir, e), rootReal)));
    batch.forEach((e, j) => {
      if (kinds[j] === 'file') out.add(prefix + e);
      // A tracked directory is a submodule: the user's workspace shows its files, so list them too.
      else if (kinds[j] === 'dir') nested.push(e);
    });
  }
  for (const n of nested) {
    const rel = prefix + n;
    if (hasSkippedSegment(rel) || excluded(rel, true) || isExcluded(rel, excluded)) continue;
    const abs = path.join(dir, n);
    if ((await kindOf(abs, rootReal)) !== 'dir') continue;
    await listInto(abs, rootReal, rel + '/', excluded, options, out, depth + 1);
  }
}

/**
 * What a path is, for listing: symlinks count only when they resolve inside the root, and a symlinked
 * folder is never entered (no cycles, no scanning outside the workspace).
 */
async function kindOf(abs: string, rootReal: string): Promise<'file' | 'dir' | 'other'> {
  try {
    const l = await fsp.lstat(abs);
    if (l.isFile()) return 'file';
    if (l.isDirectory()) return 'dir';
    if (!l.isSymbolicLink()) return 'other';
    const target = await fsp.realpath(abs);
    if (!isInside(rootReal, target)) return 'other';
    return (await fsp.stat(target)).isFile() ? 'file' : 'other';
  } catch {
    return 'other';
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Tracked plus untracked-not-ignored files under `dir`, relative to it; undefined when git is missing,
 * `dir` is not in a work tree, or git fails. `-c` keeps a tracked `.env` even if .gitignore names it later.
 */
function gitList(dir: string, options: ListOptions): Promise<string[] | undefined> {
  const env: NodeJS.ProcessEnv = { ...(options.gitEnv ?? process.env), GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' };
  // Variables set inside git hooks would point git at another repository.
  delete env.GIT_DIR;
  delete env.GIT_WORK_TREE;
  delete env.GIT_INDEX_FILE;
  delete env.GIT_PREFIX;
  return new Promise((resolve) => {
    execFile(
      options.gitPath ?? 'git',
      ['-c', 'core.quotePath=false', 'ls-files', '-co', '--exclude-standard', '-z', '--', '.'],
      { cwd: dir, env, timeout: options.gitTimeoutMs ?? 30_000, maxBuffer: MAX_BUFFER, windowsHide: true, encoding: 'utf8' },
      (err, stdout) => {
        if (err) {
          const code: unknown = (err as { code?: unknown }).code;
          // Exit 128 just means "not a repository"; anything else is worth a line in the log.
          if (code !== 128 && code !== 'ENOENT') options.log?.(`git ls-files in ${dir} failed (${err.message.split('\n')[0]}); walking the folder instead`);
          resolve(undefined);
          return;
        }
        resolve(stdout.split('\0').filter(Boolean));
      },
    );
  });
}

interface IgnoreScope {
  /** Root-relative folder of the .gitignore, with a trailing slash, or ''. */
  base: string;
  ig: ignore.Ignore;
}

/** The fallback: a directory walk honouring every .gitignore on the way down. */
async function walk(dir: string, rootReal: string, prefix: string, excluded: Excluder, options: ListOptions, out: Set<string>): Promise<void> {
  const stack: { abs: string; rel: string; scopes: IgnoreScope[] }[] = [{ abs: dir, rel: prefix, scopes: [] }];
  while (stack.length) {
    if (options.token?.cancelled) return;
    const { abs, rel, scopes: parentScopes } = stack.pop()!;
    let scopes = parentScopes;
    const gitignore = await fsp.readFile(path.join(abs, '.gitignore'), 'utf8').catch(() => undefined);
    if (gitignore !== undefined) scopes = [...scopes, { base: rel, ig: ignore().add(gitignore) }];
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fsp.readdir(abs, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (ALWAYS_SKIPPED.has(name)) continue;
      const childRel = rel + name;
      const childAbs = path.join(abs, name);
      let kind: 'file' | 'dir' | 'other' = entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : 'other';
      if (entry.isSymbolicLink()) kind = await kindOf(childAbs, rootReal);
      if (kind === 'other') continue;
      if (isIgnored(scopes, childRel, kind === 'dir')) continue;
      if (excluded(childRel, kind === 'dir')) continue;
      if (kind === 'dir') stack.push({ abs: childAbs, rel: childRel + '/', scopes });
      else out.add(childRel);
    }
  }
}

function isIgnored(scopes: IgnoreScope[], relPath: string, isDir: boolean): boolean {
  // The deepest .gitignore decides when it says something (a later `!keep` re-includes).
  for (let i = scopes.length - 1; i >= 0; i--) {
    const s = scopes[i];
    const local = relPath.slice(s.base.length) + (isDir ? '/' : '');
    const r = s.ig.test(local);
    if (r.ignored) return true;
    if (r.unignored) return false;
  }
  return false;
}
