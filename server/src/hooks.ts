// Installs, removes and reports Warden's pre-commit hook (plain git, husky, pre-commit framework) and unstages staged secret files.
import { execFile } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { parseDocument, isMap, isScalar, isSeq } from 'yaml';
import { classifySecretFile, isSecretFileName } from './engine/rules/git/secret-files';

export const BEGIN = '# >>> warden >>>';
export const END = '# <<< warden <<<';
/** Where a non-shell, symlinked or disabled hook is kept while ours runs in its place. */
export const CHAINED_SUFFIX = '.warden-chained';
export const PRE_COMMIT_CONFIG = '.pre-commit-config.yaml';
export const PRE_COMMIT_ENTRY = 'npx --no-install warden audit --staged';

/** Where the hook lives: git's hooks folder, husky's `.husky/pre-commit`, or a local hook in `.pre-commit-config.yaml`. */
export type HookTarget = 'git' | 'husky' | 'pre-commit';

export interface HookOptions {
  /** Force a target instead of detecting husky and the pre-commit framework. */
  target?: HookTarget;
  /** The git executable. Default `git`. */
  gitPath?: string;
  /** Per git command. Default 10 s. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export interface HookLocation {
  target: HookTarget;
  /** Absolute path of the file that holds (or would hold) the hook. */
  file: string;
}

export interface HookChange extends HookLocation {
  changed: boolean;
  message: string;
  /** Things the user should know or do (e.g. run `pre-commit install`). */
  notes: string[];
}

export interface UninstallResult {
  changed: boolean;
  removed: HookLocation[];
  message: string;
  notes: string[];
}

export interface HookStatus {
  /** The repository's top folder. */
  root: string;
  /** Where `installHook` would write. */
  target: HookLocation;
  /** Locations that hold Warden's block. */
  installed: HookLocation[];
  notes: string[];
}

export class HookError extends Error {
  constructor(message: string, readonly reason: 'not-a-repo' | 'git-missing' | 'failed') {
    super(message);
  }
}

/**
 * The hook body, shared by every shell target. It runs in a subshell so its variables never leak into the
 * user's hook around it. A missing tool warns and lets the commit through: the hook may be shared (husky,
 * a committed hooks folder) with people who have not installed Warden yet, and blocking them all would get
 * the hook deleted. Findings (exit 1) and a broken install (any other failure) block the commit.
 */
const SCRIPT = [
  '# Added by `warden hook install`; `warden hook uninstall` removes this block and nothing else.',
  '# Blocks the commit when `warden audit --staged` finds problems; `git commit --no-verify` skips the check once.',
  '(',
  '  top=$(git rev-parse --show-toplevel 2>/dev/null) || top=.',
  '  if [ -x "$top/node_modules/.bin/warden" ]; then',
  '    warden="$top/node_modules/.bin/warden"',
  '  elif command -v warden >/dev/null 2>&1; then',
  '    warden=warden',
  '  else',
  '    echo "warden: not installed (not in node_modules, not on PATH): this commit was NOT checked for secrets." >&2',
  '    echo "warden: install it (npm install --save-dev warden) or remove this hook (warden hook uninstall)." >&2',
  '    exit 0',
  '  fi',
  '  "$warden" audit --staged',
  '  code=$?',
  '  [ "$code" -eq 0 ] && exit 0',
  '  if [ "$code" -eq 1 ]; then',
  '    echo "warden: commit blocked by the findings above: fix them or unstage the files (git commit --no-verify skips the check)." >&2',
  '  else',
  '    echo "warden: \'warden audit --staged\' failed (exit $code), so the commit is blocked; git commit --no-verify skips the check." >&2',
  '  fi',
  '  exit 1',
  ') || exit 1',
];

function chainLines(chained: string): string[] {
  return [
    `# Your previous pre-commit hook, kept as ${chained}; it runs after Warden (git skipped it when it was not executable).`,
    `if [ -x "$(dirname -- "$0")/${chained}" ]; then exec "$(dirname -- "$0")/${chained}" "$@"; fi`,
  ];
}

const SHEBANG = '#!/bin/sh';

/** Shells that can run our block inline; anything else (python, node) is chained instead. */
const SHELL_SHEBANG = /^#!\s*(?:\S*\/)?(?:env\s+(?:-\S+\s+)*)?(?:sh|bash|dash|zsh|ksh|ash|mksh)(?:\s|$)/;

// ---------------------------------------------------------------------------------------------------------------
// Marked blocks: insertion and its exact inverse.

interface Block {
  /** Offset of the begin marker line's first character. */
  start: number;
  /** Offset just after the end marker line (and its line break). */
  end: number;
  flags: Set<string>;
  /** `chained=NAME` flag. */
  chained?: string;
}

function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

export function findBlock(text: string): Block | undefined {
  const re = /^([ \t]*)# >>> warden >>>([^\r\n]*)(?:\r?\n|$)/m;
  const m = re.exec(text);
  if (!m) return undefined;
  const after = m.index + m[0].length;
  const endRe = /^[ \t]*# <<< warden <<<[^\r\n]*(?:\r?\n|$)/m;
  const rest = text.slice(after);
  const e = endRe.exec(rest);
  if (!e) return undefined;
  const flags = new Set(m[2].trim().split(/\s+/).filter(Boolean));
  const chained = [...flags].find((f) => f.startsWith('chained='))?.slice('chained='.length);
  return { start: m.index, end: after + e.index + e[0].length, flags, chained };
}

/**
 * Inserts `lines` (begin marker first, end marker last) at `pos`, a line start or the end of a text without a
 * final line break; in the latter case a line break is added first and the `joined` flag records it.
 */
function insertBlock(text: string, pos: number, lines: string[], indent = ''): string {
  const eol = eolOf(text);
  const atLineStart = pos === 0 || text[pos - 1] === '\n';
  const flagged = [...lines];
  if (!atLineStart) flagged[0] += ' joined';
  const body = flagged.map((l) => (l ? indent + l : l) + eol).join('');
  return text.slice(0, pos) + (atLineStart ? '' : eol) + body + text.slice(pos);
}

/** The exact inverse of insertBlock. */
function removeBlock(text: string, block: Block): string {
  let start = block.start;
  if (block.flags.has('joined')) start -= text[start - 2] === '\r' && text[start - 1] === '\n' ? 2 : text[start - 1] === '\n' ? 1 : 0;
  return text.slice(0, start) + text.slice(block.end);
}

function blockLines(flags: string[], body: string[]): string[] {
  return [[BEGIN, ...flags].join(' '), ...body, END];
}

// ---------------------------------------------------------------------------------------------------------------
// Git.

const GIT_TIMEOUT_MS = 10_000;

function gitEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // Set when this runs inside a git hook: they would pin every command to one repository and index.
  const out: NodeJS.ProcessEnv = { ...env, GIT_TERMINAL_PROMPT: '0' };
  delete out.GIT_DIR;
  delete out.GIT_WORK_TREE;
  delete out.GIT_PREFIX;
  delete out.GIT_INDEX_FILE;
  return out;
}

interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runGit(args: string[], cwd: string, options: HookOptions = {}): Promise<GitRun> {
  const gitPath = options.gitPath ?? 'git';
  return new Promise((resolve, reject) => {
    execFile(gitPath, args, {
      cwd, env: gitEnv(options.env ?? process.env), timeout: options.timeoutMs ?? GIT_TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024, windowsHide: true, encoding: 'utf8',
    }, (err, stdout, stderr) => {
      if (!err) return resolve({ code: 0, stdout, stderr });
      const e = err as NodeJS.ErrnoException & { code?: string | number; killed?: boolean; signal?: string | null };
      if (e.code === 'ENOENT') {
        // ENOENT is also what a missing cwd gives.
        return reject(new HookError(`git was not found (${gitPath}) or ${cwd} does not exist`, 'git-missing'));
      }
      if (e.killed || e.signal) return reject(new HookError(`git ${args[0]} timed out in ${cwd}`, 'failed'));
      if (typeof e.code === 'number') return resolve({ code: e.code, stdout, stderr });
      reject(new HookError(`git ${args[0]} failed in ${cwd}: ${e.message}`, 'failed'));
    });
  });
}

async function gitOk(args: string[], cwd: string, options: HookOptions): Promise<string> {
  const r = await runGit(args, cwd, options);
  if (r.code !== 0) throw new HookError(`git ${args.join(' ')} failed in ${cwd}: ${firstLine(r.stderr)}`, 'failed');
  return r.stdout;
}

function firstLine(s: string): string {
  return s.trim().split(/\r?\n/)[0] ?? '';
}

/** The top folder of the repository around `folder`; HookError('not-a-repo') outside one (or in a bare one). */
export async function repoRoot(folder: string, options: HookOptions = {}): Promise<string> {
  try {
    if (!(await fsp.stat(folder)).isDirectory()) throw new HookError(`${folder} is not a folder`, 'not-a-repo');
  } catch (e) {
    if (e instanceof HookError) throw e;
    throw new HookError(`folder not found: ${folder}`, 'not-a-repo');
  }
  const r = await runGit(['rev-parse', '--show-toplevel'], folder, options);
  const top = r.stdout.trim();
  if (r.code !== 0 || !top) {
    const why = /not a git repository/i.test(r.stderr) ? 'is not in a git repository' : `has no work tree (${firstLine(r.stderr)})`;
    throw new HookError(`${folder} ${why}`, 'not-a-repo');
  }
  return path.resolve(top);
}

// ---------------------------------------------------------------------------------------------------------------
// Where the hook goes.

interface Layout {
  root: string;
  /** git's effective hooks folder (core.hooksPath, worktrees respected). */
  hooksDir: string;
  /** core.hooksPath when set. */
  hooksPath?: string;
  /** The husky folder, and whether git runs it. */
  husky?: { dir: string; active: boolean };
  preCommitConfig?: string;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.lstat(file);
    return true;
  } catch {
    return false;
  }
}

async function isDir(file: string): Promise<boolean> {
  try {
    return (await fsp.stat(file)).isDirectory();
  } catch {
    return false;
  }
}

async function layout(folder: string, options: HookOptions): Promise<Layout> {
  const root = await repoRoot(folder, options);
  const hooksDir = path.resolve(root, (await gitOk(['rev-parse', '--git-path', 'hooks'], root, options)).trim());
  const cfg = await runGit(['config', '--get', 'core.hooksPath'], root, options);
  const hooksPath = cfg.code === 0 && cfg.stdout.trim() ? cfg.stdout.trim() : undefined;
  const out: Layout = { root, hooksDir, hooksPath };
  // husky v9 points core.hooksPath at .husky/_, husky v4-8 at .husky; the folder may sit in a sub-package.
  const base = path.basename(hooksDir);
  if (hooksPath && base === '_' && path.basename(path.dirname(hooksDir)) === '.husky') out.husky = { dir: path.dirname(hooksDir), active: true };
  else if (hooksPath && base === '.husky') out.husky = { dir: hooksDir, active: true };
  else if (await isDir(path.join(root, '.husky'))) out.husky = { dir: path.join(root, '.husky'), active: false };
  if (await exists(path.join(root, PRE_COMMIT_CONFIG))) out.preCommitConfig = path.join(root, PRE_COMMIT_CONFIG);
  return out;
}

/** An active husky wins (the pre-commit framework refuses to install under core.hooksPath), then the framework's config, then an inactive .husky. */
function chooseTarget(l: Layout, forced?: HookTarget): HookLocation {
  const target: HookTarget = forced
    ?? (l.husky?.active ? 'husky' : l.preCommitConfig ? 'pre-commit' : l.husky ? 'husky' : 'git');
  return { target, file: fileFor(l, target) };
}

function fileFor(l: Layout, target: HookTarget): string {
  switch (target) {
    case 'git': return path.join(l.hooksDir, 'pre-commit');
    case 'husky': return path.join(l.husky?.dir ?? path.join(l.root, '.husky'), 'pre-commit');
    case 'pre-commit': return path.join(l.root, PRE_COMMIT_CONFIG);
  }
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await fsp.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function rel(l: Layout, file: string): string {
  const r = path.relative(l.root, file);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r.split(path.sep).join('/') : file;
}

async function notesFor(l: Layout, target: HookTarget): Promise<string[]> {
  const notes: string[] = [];
  if (target === 'husky' && l.husky && !l.husky.active) {
    notes.push('husky is not set up in this clone (core.hooksPath does not point at .husky): run `npx husky` (or `npm install` when the prepare script runs husky) so git runs .husky/pre-commit.');
  }
  if (target === 'pre-commit') {
    const hook = await readText(path.join(l.hooksDir, 'pre-commit')).catch(() => undefined);
    if (!hook?.includes('pre-commit.com')) notes.push('git does not run the pre-commit framework in this clone yet: run `pre-commit install`.');
  }
  if (target === 'git' && l.hooksPath) {
    notes.push(`core.hooksPath is ${l.hooksPath}: the hook is in ${rel(l, l.hooksDir)}, shared by everyone who uses that folder.`);
  }
  return notes;
}

// ---------------------------------------------------------------------------------------------------------------
// Shell hooks (git hooks folder, husky).

async function isExecutable(file: string): Promise<boolean> {
  if (process.platform === 'win32') return true;
  try {
    return ((await fsp.stat(file)).mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

async function installShell(file: string, target: 'git' | 'husky'): Promise<{ changed: boolean; message: string }> {
  const name = path.basename(file);
  const stat = await fsp.lstat(file).catch(() => undefined);
  const current = stat?.isFile() ? await fsp.readFile(file, 'utf8') : undefined;

  if (current !== undefined) {
    const block = findBlock(current);
    if (block) {
      // Already ours: refresh the body if an older Warden wrote it, keeping the flags that undo it.
      const flags = [...block.flags].filter((f) => f !== 'joined');
      const body = block.chained ? [...SCRIPT, ...chainLines(block.chained)] : SCRIPT;
      const indent = /^[ \t]*/.exec(current.slice(block.start))?.[0] ?? '';
      const eol = eolOf(current);
      const fresh = blockLines([...flags, ...(block.flags.has('joined') ? ['joined'] : [])], body).map((l) => indent + l + eol).join('');
      if (current.slice(block.start, block.end) === fresh) return { changed: false, message: `the Warden hook is already installed in ${file}` };
      await fsp.writeFile(file, current.slice(0, block.start) + fresh + current.slice(block.end));
      return { changed: true, message: `updated the Warden hook in ${file}` };
    }
  }

  if (!stat) {
    // husky v9 runs .husky/pre-commit with sh itself; older husky and git need the shebang and the executable bit.
    const text = (target === 'git' ? SHEBANG + '\n' : '') + blockLines(['created'], SCRIPT).join('\n') + '\n';
    await fsp.mkdir(path.dirname(file), { recursive: true });
    await fsp.writeFile(file, text, { mode: 0o755 });
    await fsp.chmod(file, 0o755);
    return { changed: true, message: `installed the Warden pre-commit hook in ${file}` };
  }

  const firstLineText = current?.split(/\r?\n/, 1)[0] ?? '';
  const shell = current !== undefined && (!firstLineText.startsWith('#!') || SHELL_SHEBANG.test(firstLineText));
  const enabled = target === 'husky' || (await isExecutable(file));
  if (current !== undefined && shell && enabled) {
    // Ours runs first, right after the shebang (and husky's own setup line), so an `exec` or `exit` at the end of the user's hook cannot skip it.
    const lines = current.split('\n');
    let pos = 0;
    let i = 0;
    if (lines[0]?.startsWith('#!')) pos += lines[i++].length + 1;
    if (target === 'husky' && /^\.\s.*husky\.sh/.test(lines[i] ?? '')) pos += lines[i++].length + 1;
    pos = Math.min(pos, current.length);
    await fsp.writeFile(file, insertBlock(current, pos, blockLines([], SCRIPT)));
    return { changed: true, message: `added Warden to your existing ${name} hook in ${file}` };
  }

  // A non-shell, symlinked or disabled hook cannot take our lines: keep it, byte for byte, under another name and chain it.
  const chained = name + CHAINED_SUFFIX;
  const keep = path.join(path.dirname(file), chained);
  if (await exists(keep)) {
    throw new HookError(`${keep} already exists (left by an earlier install?); move it away and run the install again`, 'failed');
  }
  await fsp.rename(file, keep);
  const text = SHEBANG + '\n' + blockLines(['created', `chained=${chained}`], [...SCRIPT, ...chainLines(chained)]).join('\n') + '\n';
  await fsp.writeFile(file, text, { mode: 0o755 });
  await fsp.chmod(file, 0o755);
  return { changed: true, message: `installed the Warden hook in ${file}; your previous hook is kept as ${chained} and runs after it` };
}

async function uninstallShell(file: string, target: 'git' | 'husky'): Promise<{ changed: boolean; message?: string }> {
  const stat = await fsp.lstat(file).catch(() => undefined);
  if (!stat?.isFile()) return { changed: false };
  const current = await fsp.readFile(file, 'utf8');
  const block = findBlock(current);
  if (!block) return { changed: false };
  const rest = removeBlock(current, block);
  const created = block.flags.has('created');
  const ours = target === 'git' ? [SHEBANG + '\n', SHEBANG + '\r\n'] : [''];
  if (created && ours.includes(rest)) await fsp.unlink(file);
  else await fsp.writeFile(file, rest);
  if (block.chained) {
    const keep = path.join(path.dirname(file), block.chained);
    if (await exists(keep)) {
      if (await exists(file)) return { changed: true, message: `removed Warden from ${file}; your previous hook is still at ${keep} because ${file} has other content now` };
      await fsp.rename(keep, file);
      return { changed: true, message: `removed the Warden hook from ${file} and restored your previous hook` };
    }
  }
  return { changed: true, message: `removed the Warden hook from ${file}` };
}

// ---------------------------------------------------------------------------------------------------------------
// The pre-commit framework: a `repo: local` entry between marker comments, inserted as text so the rest of the
// file (comments, quoting, layout) stays exactly as it was.

/**
 * Our `repo: local` item, in the list style of the file around it: `pad` is the space after each dash (pre-commit's
 * sample config uses `-   repo:`, whose nested lists sit flush with their key).
 */
function localRepo(pad = 1): string[] {
  const dash = '-' + ' '.repeat(pad);
  const key = ' '.repeat(dash.length);
  const inner = key + (pad > 1 ? '' : '  ');
  const hookKey = inner + key;
  return [
    `${dash}repo: local`,
    `${key}hooks:`,
    `${inner}${dash}id: warden`,
    `${hookKey}name: Warden`,
    `${hookKey}entry: ${PRE_COMMIT_ENTRY}`,
    `${hookKey}language: system`,
    `${hookKey}pass_filenames: false`,
    `${hookKey}always_run: true`,
  ];
}

const LOCAL_REPO = localRepo();

/** The snippet to paste when the file's shape is too unusual to edit safely. */
export const PRE_COMMIT_SNIPPET = ['repos:', ...LOCAL_REPO.map((l) => '  ' + l)].join('\n') + '\n';

function hasWardenHook(repos: unknown): boolean {
  return Array.isArray(repos) && repos.some((r) => r && typeof r === 'object' && (r as { repo?: unknown }).repo === 'local'
    && Array.isArray((r as { hooks?: unknown }).hooks) && ((r as { hooks: unknown[] }).hooks).some((h) => (h as { id?: unknown })?.id === 'warden'));
}

function yamlPlan(text: string): string | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length) return undefined;
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
    return insertBlock(text, text.length, blockLines([], ['repos:', ...LOCAL_REPO.map((l) => '  ' + l)]));
  }
  if (!isMap(contents)) return undefined;
  const pair = contents.items.find((p) => isScalar(p.key) && p.key.value === 'repos');
  if (!pair) return insertBlock(text, text.length, blockLines([], ['repos:', ...LOCAL_REPO.map((l) => '  ' + l)]));
  const repos = pair.value;
  if (!isSeq(repos) || repos.flow || !repos.items.length || !repos.range) return undefined;
  const first = repos.items[0] as { range?: [number, number, number] };
  const last = repos.items[repos.items.length - 1] as { range?: [number, number, number] };
  if (!first.range || !last.range) return undefined;
  const dash = text.lastIndexOf('-', first.range[0]);
  if (dash < 0) return undefined;
  const indent = ' '.repeat(dash - (text.lastIndexOf('\n', dash) + 1));
  const pad = first.range[0] - dash - 1;
  if (pad < 1 || text.slice(dash + 1, first.range[0]).trim()) return undefined;
  let pos = last.range[1];
  if (pos > 0 && text[pos - 1] !== '\n') {
    const nl = text.indexOf('\n', pos);
    pos = nl < 0 ? text.length : nl + 1;
  }
  return insertBlock(text, pos, blockLines([], localRepo(pad)), indent);
}

/** The edit must parse, add our hook, and leave every other entry as it was; else the user gets the snippet. */
function yamlVerified(before: string, after: string): boolean {
  const a = parseDocument(after);
  if (a.errors.length) return false;
  const b = parseDocument(before).toJS() as Record<string, unknown> | null;
  const aj = a.toJS() as Record<string, unknown> | null;
  if (!aj || !Array.isArray(aj.repos) || !hasWardenHook(aj.repos)) return false;
  const others = (aj.repos as unknown[]).filter((r) => !(hasWardenHook([r]) && (r as { hooks: unknown[] }).hooks.length === 1));
  const restAfter = { ...aj, repos: undefined };
  const restBefore = { ...(b ?? {}), repos: undefined };
  return JSON.stringify(others) === JSON.stringify(b?.repos ?? []) && JSON.stringify(restAfter) === JSON.stringify(restBefore);
}

async function installPreCommit(file: string): Promise<{ changed: boolean; message: string }> {
  const current = (await readText(file)) ?? '';
  if (findBlock(current)) return { changed: false, message: `the Warden hook is already in ${file}` };
  const parsed = parseDocument(current);
  if (!parsed.errors.length && hasWardenHook((parsed.toJS() as { repos?: unknown } | null)?.repos)) {
    return { changed: false, message: `${file} already has a local hook with id warden (added by hand); left as it is` };
  }
  const next = yamlPlan(current);
  if (next === undefined || !yamlVerified(current, next)) {
    throw new HookError(`could not edit ${file} safely (unusual layout or invalid YAML); add this entry under repos: by hand:\n${PRE_COMMIT_SNIPPET}`, 'failed');
  }
  await fsp.writeFile(file, next);
  return { changed: true, message: `added a local Warden hook to ${file}` };
}

async function uninstallPreCommit(file: string): Promise<{ changed: boolean; message?: string }> {
  const current = await readText(file);
  const block = current === undefined ? undefined : findBlock(current);
  if (current === undefined || !block) return { changed: false };
  await fsp.writeFile(file, removeBlock(current, block));
  return { changed: true, message: `removed the Warden hook from ${file}` };
}

// ---------------------------------------------------------------------------------------------------------------
// Public API.

/**
 * Every file that may hold our block. `pre-commit install` (the framework) moves an existing git hook to
 * `pre-commit.legacy` and still runs it, so our block can end up there.
 */
function placesOf(l: Layout): HookLocation[] {
  const places: HookLocation[] = [
    { target: 'git', file: fileFor(l, 'git') },
    { target: 'git', file: fileFor(l, 'git') + '.legacy' },
  ];
  if (l.husky) places.push({ target: 'husky', file: fileFor(l, 'husky') });
  if (l.preCommitConfig) places.push({ target: 'pre-commit', file: fileFor(l, 'pre-commit') });
  return places;
}

/** Installs the hook where the repository runs its pre-commit hooks; installing twice changes nothing. */
export async function installHook(folder: string, options: HookOptions = {}): Promise<HookChange> {
  const l = await layout(folder, options);
  const where = chooseTarget(l, options.target);
  const done = where.target === 'pre-commit' ? await installPreCommit(where.file) : await installShell(where.file, where.target);
  return { ...where, ...done, notes: await notesFor(l, where.target) };
}

/** Removes Warden's block from every place it may be (so a repo that switched to husky is cleaned too) and restores a chained hook. */
export async function uninstallHook(folder: string, options: HookOptions = {}): Promise<UninstallResult> {
  const l = await layout(folder, options);
  const removed: HookLocation[] = [];
  const messages: string[] = [];
  for (const p of placesOf(l)) {
    const r = p.target === 'pre-commit' ? await uninstallPreCommit(p.file) : await uninstallShell(p.file, p.target);
    if (r.changed) {
      removed.push(p);
      if (r.message) messages.push(r.message);
    }
  }
  if (!removed.length) return { changed: false, removed, message: `the Warden hook is not installed in ${l.root}; nothing to remove`, notes: [] };
  return { changed: true, removed, message: messages.join('\n'), notes: [] };
}

export async function hookStatus(folder: string, options: HookOptions = {}): Promise<HookStatus> {
  const l = await layout(folder, options);
  const installed: HookLocation[] = [];
  for (const p of placesOf(l)) {
    const stat = await fsp.lstat(p.file).catch(() => undefined);
    if (stat?.isFile() && findBlock(await fsp.readFile(p.file, 'utf8'))) installed.push(p);
  }
  const target = chooseTarget(l, options.target);
  const notes = installed.some((p) => p.target === target.target) ? await notesFor(l, target.target) : [];
  return { root: l.root, target, installed, notes };
}

// ---------------------------------------------------------------------------------------------------------------
// Staged secret files (the "Unstage all secret files" command and the status bar item).

export interface StagedFiles {
  root: string;
  /** Repository-relative posix paths. */
  files: string[];
}

/** Staged blobs larger than this are judged by name alone, as the audit does with unreadable files. */
const MAX_BLOB = 1_000_000;

/**
 * Staged additions and changes (not deletions) that are secret files, judged like the audit judges them: by name,
 * then by the staged content (a `.pem` with only a certificate, an `.npmrc` without a token are not secrets).
 */
export async function stagedSecretFiles(folder: string, options: HookOptions = {}): Promise<StagedFiles> {
  const root = await repoRoot(folder, options);
  const out = await gitOk(['diff', '--cached', '--name-only', '--no-renames', '--diff-filter=d', '-z'], root, options);
  const candidates = out.split('\0').filter((f) => f && isSecretFileName(f, { json: true }));
  if (!candidates.length) return { root, files: [] };
  const blobs = await stagedBlobs(root, candidates, options);
  return { root, files: candidates.filter((f, i) => classifySecretFile(f, blobs[i]) !== undefined) };
}

/** The staged content of each path (latin1, so binary bytes and NULs survive), undefined when missing or large. */
async function stagedBlobs(root: string, files: readonly string[], options: HookOptions): Promise<(string | undefined)[]> {
  // The batch protocol is line-based: a name with a line break is judged by name alone.
  const askable = files.filter((f) => !/[\r\n]/.test(f));
  const input = askable.map((f) => `:${f}`).join('\n') + '\n';
  const answers = (await gitInput(['cat-file', '--batch-check=%(objectsize)'], root, input, options)).toString('latin1').split('\n');
  const sizes = new Map(askable.map((f, i) => [f, answers[i] ?? '']));
  const small = files.map((f) => /^\d+$/.test(sizes.get(f) ?? '') && Number(sizes.get(f)) <= MAX_BLOB);
  const wanted = files.filter((_, i) => small[i]);
  const result: (string | undefined)[] = files.map(() => undefined);
  if (!wanted.length) return result;
  const batch = await gitInput(['cat-file', '--batch=%(objectsize)'], root, wanted.map((f) => `:${f}`).join('\n') + '\n', options);
  let at = 0;
  let w = 0;
  for (let i = 0; i < files.length; i++) {
    if (!small[i]) continue;
    const nl = batch.indexOf(0x0a, at);
    const size = Number(batch.toString('latin1', at, nl));
    result[i] = batch.toString('latin1', nl + 1, nl + 1 + size);
    at = nl + 1 + size + 1;
    w++;
  }
  return w === wanted.length ? result : files.map(() => undefined);
}

function gitInput(args: string[], cwd: string, input: string, options: HookOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(options.gitPath ?? 'git', args, {
      cwd, env: gitEnv(options.env ?? process.env), timeout: options.timeoutMs ?? GIT_TIMEOUT_MS,
      maxBuffer: 256 * 1024 * 1024, windowsHide: true, encoding: 'buffer',
    }, (err, stdout, stderr) => {
      if (err) reject(new HookError(`git ${args.join(' ')} failed in ${cwd}: ${firstLine(String(stderr)) || err.message}`, 'failed'));
      else resolve(stdout);
    });
    child.stdin?.end(input);
  });
}

/** `git rm --cached` for repository-relative paths: the files leave the index and stay on disk. */
export async function unstageFiles(root: string, files: readonly string[], options: HookOptions = {}): Promise<void> {
  if (!files.length) return;
  // Batches keep the command line under the OS limit on large lists.
  for (let i = 0; i < files.length; i += 200) {
    await gitOk(['rm', '--cached', '--quiet', '--ignore-unmatch', '--', ...files.slice(i, i + 200).map((f) => `:(literal)${f}`)], root, options);
  }
}

/** The repository's top folder and its index file (a linked worktree has its own, outside the work tree), for watchers. */
export async function gitIndexFile(folder: string, options: HookOptions = {}): Promise<{ root: string; index: string }> {
  const root = await repoRoot(folder, options);
  const index = path.resolve(root, (await gitOk(['rev-parse', '--git-path', 'index'], root, options)).trim());
  return { root, index };
}
