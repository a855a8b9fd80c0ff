// Audits a whole folder: lists its files, checks each through the engine, and stays responsive and cancellable.
import { checkFile, type Finding, type Host, type Rule, type RuleLevel, type TestPathMode } from './engine';
import { Minimatch } from 'minimatch';
import { checkRepository } from './engine/rules/git/repository';
import { listWorkspaceFiles } from './workspace-files';

export interface AuditOptions {
  host: Host;
  /** minimatch globs relative to the root. */
  exclude?: string[];
  rules?: Record<string, RuleLevel>;
  maxFileSize?: number;
  testPaths?: TestPathMode;
  includeMinified?: boolean;
  token?: { readonly cancelled: boolean };
  /** Called after each file; `path` is the file just checked. */
  onProgress?: (done: number, total: number, path: string) => void;
  /** Root-relative files to check instead of listing the folder. */
  files?: string[];
  /** Rules to run instead of the registry (tests). */
  ruleSet?: readonly Rule[];
  log?: (msg: string) => void;
  /**
   * Also report the secret files git stages, tracks or would pick up that no per-file check can read (databases,
   * keystores), through the engine's repository check; with `files`, only among those. Default true.
   */
  repository?: boolean;
}

export interface AuditResult {
  root: string;
  /** Number of files looked at (listed, or given). */
  files: number;
  findings: Finding[];
  skipped: { path: string; reason: string }[];
  errors: { path: string; ruleId: string; message: string }[];
  cancelled: boolean;
  durationMs: number;
}

/** Reads run this far ahead of the checks, so disk waits overlap rule work. */
const READ_AHEAD = 8;
/** Longest stretch of synchronous work before giving the event loop a turn. */
const SLICE_MS = 15;

export async function auditFolder(root: string, options: AuditOptions): Promise<AuditResult> {
  const started = Date.now();
  const { host, token } = options;
  const result: AuditResult = { root, files: 0, findings: [], skipped: [], errors: [], cancelled: false, durationMs: 0 };
  const finish = (): AuditResult => {
    result.cancelled = result.cancelled || !!token?.cancelled;
    result.durationMs = Date.now() - started;
    return result;
  };

  let files: string[];
  try {
    files = options.files ?? (await listWorkspaceFiles(root, { exclude: options.exclude, token, log: options.log }));
  } catch (e) {
    result.errors.push({ path: '', ruleId: '', message: `could not list the files of ${root}: ${errorMessage(e)}` });
    return finish();
  }
  result.files = files.length;
  if (token?.cancelled) return finish();

  const reads = new Map<number, Promise<string | undefined>>();
  const readAt = (i: number): Promise<string | undefined> | undefined => {
    if (i >= files.length) return undefined;
    let p = reads.get(i);
    if (!p) {
      // A host that throws counts as "not readable"; one bad file never fails the audit.
      p = host.readFile(files[i]).catch(() => undefined);
      reads.set(i, p);
    }
    return p;
  };

  let sliceStart = Date.now();
  for (let i = 0; i < files.length; i++) {
    if (token?.cancelled) break;
    for (let j = i; j < i + READ_AHEAD; j++) void readAt(j);
    const path = files[i];
    const text = await readAt(i);
    reads.delete(i);
    if (text === undefined) {
      result.skipped.push({ path, reason: 'could not be read; not checked' });
    } else {
      try {
        const r = await checkFile({ path, text }, host, {
          rules: options.rules, maxFileSize: options.maxFileSize, token, ruleSet: options.ruleSet,
          testPaths: options.testPaths, includeMinified: options.includeMinified,
        });
        if (r.skipped) result.skipped.push({ path, reason: r.skipped });
        for (const e of r.errors) result.errors.push({ path, ruleId: e.ruleId, message: e.message });
        result.findings.push(...r.findings);
      } catch (e) {
        result.errors.push({ path, ruleId: '', message: errorMessage(e) });
      }
    }
    options.onProgress?.(i + 1, files.length, path);
    // Rules may be fully synchronous; yield on a clock so a server keeps answering and cancel requests land.
    if (Date.now() - sliceStart >= SLICE_MS || (i & 7) === 7) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = Date.now();
    }
  }
  if (options.repository !== false && !token?.cancelled) await addRepositoryFindings(result, options);
  return finish();
}

/** Findings of the repository check (binary and unreadable secret files), minus excluded paths, merged by path. */
async function addRepositoryFindings(result: AuditResult, options: AuditOptions): Promise<void> {
  try {
    const repo = await checkRepository(options.host, {
      rules: options.rules, ruleSet: options.ruleSet, maxFileSize: options.maxFileSize, token: options.token, paths: options.files,
      testPaths: options.testPaths,
    });
    const excluded = pathExcluder(options.exclude ?? []);
    const found = repo.findings.filter((f) => !excluded(f.path));
    for (const e of repo.errors) result.errors.push(e);
    if (!found.length) return;
    result.findings.push(...found);
    // Stable: each file's findings keep their order.
    result.findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  } catch (e) {
    result.errors.push({ path: '', ruleId: 'git/secret-file-committed', message: `repository check failed: ${errorMessage(e)}` });
  }
}

/** The listing's exclusions for paths the repository check found on its own: the globs, any excluded folder, node_modules. */
export function pathExcluder(globs: string[]): (path: string) => boolean {
  const matchers = globs.filter((g) => g.trim()).map((g) => new Minimatch(g.trim().replace(/^\.\//, '').replace(/^\/+/, ''), { dot: true }));
  return (path) => {
    const parts = path.split('/');
    if (parts.includes('node_modules')) return true;
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (matchers.some((m) => m.match(prefix) || (i < parts.length && m.match(prefix + '/')))) return true;
    }
    return false;
  };
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
