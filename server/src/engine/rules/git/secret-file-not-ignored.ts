// git/secret-file-not-ignored: a secret file in the working tree that is neither tracked nor ignored, so `git add -A` would commit it.
import { defineRule, docsUrl } from '../../rule';
import type { GitFileStatus } from '../../host';
import type { Fix, Report } from '../../types';
import { addToGitignoreFix, classifySecretFile, ignorePatterns, isSecretFileName, type SecretFile } from './secret-files';

export const NOT_IGNORED_ID = 'git/secret-file-not-ignored';

/** In the working tree, not in the index, not ignored. */
export function isUntracked(status: GitFileStatus): boolean {
  return !status.staged && !status.tracked && !status.ignored;
}

/** The report for an untracked, unignored secret file, without its range: shared with the repository check. */
export async function notIgnoredReport(
  path: string, file: SecretFile, status: GitFileStatus, readFile: (path: string) => Promise<string | undefined>,
): Promise<Omit<Report, 'start' | 'end'>> {
  const fixes: Fix[] = [];
  const patterns = await ignorePatterns(path, status.repoRoot, async (p) => (await readFile(p)) !== undefined);
  const fix = await addToGitignoreFix(path, status.repoRoot, patterns, readFile);
  if (fix) fixes.push(fix);
  return { messageId: 'notIgnored', data: { name: path, kind: file.label }, matched: `notIgnored:${path}`, fixes };
}

export default defineRule({
  meta: {
    id: NOT_IGNORED_ID,
    category: 'git',
    description: 'A secret file (.env, private key, keystore, database, credentials) is in the working tree but not covered by .gitignore.',
    severity: 'warning',
    cwe: 'CWE-538',
    fix: 'safe',
    messages: {
      notIgnored: '{{name}} ({{kind}}) is not covered by .gitignore; `git add -A` or `git commit -a` would commit it',
    },
    help:
      'A secret file that is neither tracked nor ignored is one `git add .` away from the repository. Add it to .gitignore ' +
      `(the fix appends the narrowest pattern). Docs: ${docsUrl(NOT_IGNORED_ID)}`,
  },
  appliesTo: ({ path }) => isSecretFileName(path, { json: true }),
  async check(ctx) {
    const file = classifySecretFile(ctx.path, ctx.text);
    if (!file) return;
    const status = await ctx.host.gitStatus?.(ctx.path);
    if (!status || !isUntracked(status)) return;
    const report = await notIgnoredReport(ctx.path, file, status, ctx.readFile);
    ctx.report({ ...report, start: 0, end: ctx.lines.lineEnd(0) });
  },
});
