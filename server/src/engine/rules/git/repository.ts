// The repository check: secret files that git stages, tracks or would pick up, including binary ones no per-file check can read.
import { checkFile, fingerprint, isTestPath, ruleLevel, skipReason, type TestPathMode } from '../../engine';
import type { GitFileStatus, Host } from '../../host';
import { allRules } from '../../registry';
import type { Rule } from '../../rule';
import { format } from '../../text';
import type { Finding, Report, RuleLevel, Severity } from '../../types';
import envFileStaged, { isSecretEnvFile } from './env-file-staged';
import secretFileCommitted, { committedReport } from './secret-file-committed';
import secretFileNotIgnored, { isUntracked, notIgnoredReport } from './secret-file-not-ignored';
import { classifySecretFile, isSecretFileName, type SecretFileKind } from './secret-files';

export interface RepositoryCheckOptions {
  /** Per-rule level from settings; `off` disables a rule. */
  rules?: Record<string, RuleLevel>;
  /** Rules that may report (tests, `--rule`); only the git secret-file rules in it matter. Default: the registry. */
  ruleSet?: readonly Rule[];
  /** As checkFile: larger files count as not checkable. */
  maxFileSize?: number;
  token?: { readonly cancelled: boolean };
  /** As checkFile: findings in test, fixture and example paths keep their severity, are lowered, or are dropped. */
  testPaths?: TestPathMode;
  /**
   * Workspace-relative paths to look at instead of asking `host.gitFiles()` (the staged files of `warden audit --staged`);
   * their state comes from `host.gitStatus`.
   */
  paths?: readonly string[];
  /**
   * `uncovered` (default): findings only for files checkFile cannot check (binary, too large, unreadable), so an audit
   * that also checks every file reports each problem once. `all`: findings for every secret file (the editor's list).
   */
  report?: 'uncovered' | 'all';
}

/** One secret file git stages, tracks or would pick up. */
export interface SecretFileEntry {
  /** Workspace-relative posix path. */
  path: string;
  /** Workspace-relative repository root ('' for the workspace root or a repository around it). */
  repoRoot: string;
  kind: SecretFileKind;
  /** `private key`, `database backup`... */
  label: string;
  /** `staged`: in the index, not yet in HEAD or changed since; `tracked`: in HEAD; `untracked`: present, not ignored. */
  state: 'staged' | 'tracked' | 'untracked';
  /** Also changed in the index (a tracked file with staged changes). */
  staged: boolean;
  /** Whether checkFile can check it (text within the size limit); when false only this check reports it. */
  checkable: boolean;
  ruleId: string;
}

export interface RepositoryCheckResult {
  findings: Finding[];
  /** Every secret file found, sorted by path, reported or not (disabled rules still list their files). */
  files: SecretFileEntry[];
  /** False when git gave no answer (missing, failed, no repository): the check was silent. */
  available: boolean;
  errors: { path: string; ruleId: string; message: string }[];
}

const VENDORED = /(?:^|\/)node_modules\//;

const GIT_RULES = [envFileStaged, secretFileCommitted, secretFileNotIgnored];

/**
 * Lists the secret files of the repositories under the workspace and reports them. Findings sit at line 1, column 1
 * of the secret file itself (0..0); a binary file cannot show them inline, so clients list them elsewhere.
 */
export async function checkRepository(host: Host, options: RepositoryCheckOptions = {}): Promise<RepositoryCheckResult> {
  const result: RepositoryCheckResult = { findings: [], files: [], available: false, errors: [] };
  const listed = await listCandidates(host, options);
  if (!listed) return result;
  result.available = true;

  const enabled = new Map<string, Rule>();
  for (const rule of GIT_RULES) {
    const inSet = (options.ruleSet ?? allRules).some((r) => r.meta.id === rule.meta.id);
    if (inSet && ruleLevel(rule, options) !== 'off') enabled.set(rule.meta.id, rule);
  }

  for (const { path, status } of listed) {
    if (options.token?.cancelled) break;
    const state = status.tracked ? 'tracked' : status.staged ? 'staged' : isUntracked(status) ? 'untracked' : undefined;
    if (!state) continue;
    const text = await host.readFile(path).catch(() => undefined);
    const file = classifySecretFile(path, text);
    if (!file) continue;
    // Any .json may be a service-account key; reading them all is too slow for a listing, so only staged ones count.
    if (file.kind === 'service-account' && !status.staged && !options.paths) continue;
    const ruleId = state === 'untracked' ? secretFileNotIgnored.meta.id : isSecretEnvFile(path) ? envFileStaged.meta.id : secretFileCommitted.meta.id;
    const checkable = text !== undefined && skipReason(text, options.maxFileSize) === undefined;
    result.files.push({ path, repoRoot: status.repoRoot, kind: file.kind, label: file.label, state, staged: status.staged, checkable, ruleId });

    const rule = enabled.get(ruleId);
    if (!rule) continue;
    try {
      if (checkable) {
        if (options.report !== 'all') continue;
        const r = await checkFile({ path, text }, host, { ruleSet: [rule], rules: options.rules, maxFileSize: options.maxFileSize, testPaths: options.testPaths });
        result.findings.push(...r.findings);
        for (const e of r.errors) result.errors.push({ path, ...e });
      } else {
        // Dotenv files are text: an unreadable one has nothing this check could add.
        if (rule === envFileStaged) continue;
        const report = rule === secretFileNotIgnored
          ? await notIgnoredReport(path, file, status, (p) => host.readFile(p))
          : await committedReport(path, file, status, { readFile: (p) => host.readFile(p), isGitIgnored: host.isGitIgnored?.bind(host) });
        const finding = fileFinding(rule, path, report, options);
        if (finding) result.findings.push(finding);
      }
    } catch (e) {
      result.errors.push({ path, ruleId, message: e instanceof Error ? e.message : String(e) });
    }
  }
  result.files.sort((a, b) => compare(a.path, b.path));
  result.findings.sort((a, b) => compare(a.path, b.path) || a.start - b.start || compare(a.ruleId, b.ruleId));
  return result;
}

/** The candidates with their git state: the given paths, or the host's listing filtered by name. */
async function listCandidates(host: Host, options: RepositoryCheckOptions): Promise<{ path: string; status: GitFileStatus }[] | undefined> {
  if (options.paths) {
    if (!host.gitStatus) return undefined;
    const out: { path: string; status: GitFileStatus }[] = [];
    let asked = 0;
    for (const path of options.paths) {
      if (!isSecretFileName(path, { json: true })) continue;
      asked++;
      const status = await host.gitStatus(path).catch(() => undefined);
      if (status) out.push({ path, status });
    }
    // git answered nothing at all: missing or failing, not "no secret files".
    return asked > 0 && out.length === 0 ? undefined : out;
  }
  if (!host.gitFiles) return undefined;
  try {
    // Dependencies are not the project's files (and their test keys are many), even where .gitignore forgot them.
    return await host.gitFiles((p) => isSecretFileName(p, { json: true }) && !VENDORED.test(p));
  } catch {
    return undefined;
  }
}

const LOWER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'hint', hint: 'hint' };

/** A finding at 1:1 of a file checkFile cannot read, marked for test paths as checkFile marks its own. */
function fileFinding(rule: Rule, path: string, r: Omit<Report, 'start' | 'end'>, options: RepositoryCheckOptions): Finding | undefined {
  const level = options.rules?.[rule.meta.id];
  let severity: Severity = level !== undefined && level !== 'off' ? level : (r.severity ?? rule.meta.severity);
  let message = format(rule.meta.messages[r.messageId] ?? r.messageId, r.data);
  if (isTestPath(path)) {
    if (options.testPaths === 'off') return undefined;
    message += ' (in a test file)';
    if (options.testPaths === 'lower') severity = LOWER[severity];
  }
  return {
    ruleId: rule.meta.id,
    messageId: r.messageId,
    message,
    severity,
    path,
    start: 0,
    end: 0,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    fingerprint: fingerprint(rule.meta.id, path, r.matched ?? path),
    fixes: r.fixes ? [...r.fixes] : [],
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
