// git/secret-file-committed: a private key, keystore, database, credentials file or Terraform state that is staged or committed.
import { defineRule, docsUrl } from '../../rule';
import type { GitFileStatus } from '../../host';
import type { Fix, Report } from '../../types';
import { isSecretEnvFile } from './env-file-staged';
import { addToGitignoreFix, classifySecretFile, ignorePatterns, isSecretFileName, unstageFix, type SecretFile } from './secret-files';

export const COMMITTED_ID = 'git/secret-file-committed';

/** Plain dotenv files belong to git/env-file-staged; this rule takes their backups (`prod.env.bak`) and everything else. */
export function isCommittedCandidate(path: string, options: { json?: boolean } = {}): boolean {
  return isSecretFileName(path, options) && !isSecretEnvFile(path);
}

export interface GitLookups {
  readFile(path: string): Promise<string | undefined>;
  isGitIgnored?(path: string): Promise<boolean | undefined>;
}

/** The report for a staged or committed secret file, without its range: shared with the repository check. */
export async function committedReport(path: string, file: SecretFile, status: GitFileStatus, io: GitLookups): Promise<Omit<Report, 'start' | 'end'>> {
  // A file already in HEAD leaks through history whether or not this commit changes it.
  const messageId = status.tracked ? 'tracked' : 'staged';
  const fixes: Fix[] = [];
  if (!status.ignored && !(await io.isGitIgnored?.(path))) {
    const patterns = await ignorePatterns(path, status.repoRoot, async (p) => (await io.readFile(p)) !== undefined);
    const fix = await addToGitignoreFix(path, status.repoRoot, patterns, io.readFile);
    if (fix) fixes.push(fix);
  }
  fixes.push(unstageFix(path, status.tracked));
  return {
    messageId,
    data: { name: path, kind: file.label },
    // Stable while the file's contents change: one finding per file and state.
    matched: `${messageId}:${path}`,
    fixes,
  };
}

export default defineRule({
  meta: {
    id: COMMITTED_ID,
    category: 'git',
    description: 'A private key, keystore, database, credentials file or Terraform state is staged for commit or already committed to git.',
    severity: 'error',
    cwe: 'CWE-538',
    fix: 'safe',
    messages: {
      staged: '{{name}} ({{kind}}) is staged for commit; its contents would go into the repository',
      tracked:
        '{{name}} ({{kind}}) is committed, so it is in git history: rotate the secrets it holds, stop tracking it (git rm --cached) ' +
        'and purge it from history (git filter-repo or BFG Repo-Cleaner)',
    },
    help:
      'Private keys, keystores, password and application databases, dumps, credentials files and Terraform state hold secrets ' +
      'or personal data and do not belong in git. Remove the file from the index, ignore it, and rotate what it contained if ' +
      `it was ever pushed. Docs: ${docsUrl(COMMITTED_ID)}`,
  },
  appliesTo: ({ path }) => isCommittedCandidate(path, { json: true }),
  async check(ctx) {
    const file = classifySecretFile(ctx.path, ctx.text);
    if (!file) return;
    const status = await ctx.host.gitStatus?.(ctx.path);
    if (!status || (!status.staged && !status.tracked)) return;
    const report = await committedReport(ctx.path, file, status, { readFile: ctx.readFile, isGitIgnored: (p) => ctx.host.isGitIgnored?.(p) ?? Promise.resolve(undefined) });
    ctx.report({ ...report, start: 0, end: ctx.lines.lineEnd(0) });
  },
});
