// git/env-file-staged: a .env file that is staged for commit or already committed, with fixes to ignore and unstage it.
import { basename } from '../../languages/detect';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import { LineIndex } from '../../text';
import type { GitFileStatus } from '../../host';
import type { Fix } from '../../types';

/**
 * Name parts that mark a file meant to be committed: templates, encrypted bundles, and the settings of test, benchmark and
 * load-test runs (Next.js `.env.test`, Laravel `.env.testing`, `.env.ci`, `.env.e2e`, `.env.bench`, `.env.load`), which
 * point at throwaway local services. A real
 * credential inside any of them is still reported by the secret rules.
 */
const COMMITTED_BY_DESIGN = new Set([
  'example', 'examples', 'sample', 'samples', 'template', 'templates', 'tmpl', 'tpl', 'dist', 'default', 'defaults',
  'schema', 'vault', 'enc', 'encrypted', 'test', 'tests', 'testing', 'ci', 'e2e', 'bench', 'benchmark', 'perf', 'load', 'loadtest',
]);

/** Folders whose .env files are test data. */
const FIXTURE_DIR = /(?:^|\/)(?:__fixtures__|fixtures|testdata)\//;

/** `.env`, `.env.production`, `prod.env`; not `.env.example`, `example.env` and other committed-by-design variants. */
export function isSecretEnvFile(path: string): boolean {
  const name = basename(path).toLowerCase();
  if (name !== '.env' && !name.startsWith('.env.') && !(name.endsWith('.env') && name.length > 4)) return false;
  if (FIXTURE_DIR.test(path)) return false;
  return !name.split(/[.\-_]/).some((part) => COMMITTED_BY_DESIGN.has(part));
}

/** Escapes a path for a .gitignore line so it matches only itself. */
function gitignoreLiteral(rel: string): string {
  let p = rel.replace(/[\\*?[\]]/g, '\\$&').replace(/ +$/, (s) => s.replace(/ /g, '\\ '));
  if (p.startsWith('#') || p.startsWith('!')) p = '\\' + p;
  return p;
}

/** The narrowest ignore pattern for `path`, relative to the repository root: `/.env` at the root, else `config/.env`. */
export function gitignorePattern(path: string, repoRoot: string): string {
  const rel = repoRoot && path.startsWith(repoRoot + '/') ? path.slice(repoRoot.length + 1) : path;
  return rel.includes('/') ? gitignoreLiteral(rel) : '/' + gitignoreLiteral(rel);
}

async function gitignoreFix(ctx: RuleContext, status: GitFileStatus): Promise<Fix | undefined> {
  if (status.ignored || (await ctx.host.isGitIgnored?.(ctx.path))) return undefined;
  const file = status.repoRoot ? `${status.repoRoot}/.gitignore` : '.gitignore';
  const pattern = gitignorePattern(ctx.path, status.repoRoot);
  const title = `Add ${ctx.path} to .gitignore`;
  const current = await ctx.readFile(file);
  if (current === undefined) {
    const lines = new LineIndex('');
    return { title, applicability: 'safe', changes: [{ path: file, create: true, edits: [lines.edit(0, 0, pattern + '\n')] }] };
  }
  const lines = new LineIndex(current);
  const existing = current.split(/\r?\n|\r/).map((l) => l.trim());
  if (existing.includes(pattern) || existing.includes(pattern.replace(/^\//, ''))) return undefined;
  const eol = lines.eol;
  const sep = current === '' || /[\r\n]$/.test(current) ? '' : eol;
  return { title, applicability: 'safe', changes: [{ path: file, edits: [lines.edit(current.length, current.length, `${sep}${pattern}${eol}`)] }] };
}

function unstageFix(ctx: RuleContext, tracked: boolean): Fix {
  const title = tracked ? `Stop tracking ${ctx.path} (keep the file)` : `Unstage ${ctx.path} (keep the file)`;
  return {
    title,
    applicability: 'unsafe',
    changes: [],
    command: { id: 'warden.unstageFile', title, args: [ctx.path], confirm: `Remove ${ctx.path} from the git index? The file stays on disk.` },
  };
}

export default defineRule({
  meta: {
    id: 'git/env-file-staged',
    category: 'git',
    description: 'A .env file is staged for commit or already committed to git.',
    severity: 'error',
    cwe: 'CWE-538',
    fix: 'safe',
    messages: {
      staged: '{{name}} is staged for commit; it will be committed with its secrets',
      tracked: '{{name}} is committed: its secrets are in git history; rotate them and remove it from the index',
    },
    help:
      '.env files hold local secrets and belong in .gitignore. Once committed, every clone and fork keeps the values: ' +
      'remove the file from the index, ignore it, and rotate what it contained. Commit a `.env.example` with placeholders instead. ' +
      `Docs: ${docsUrl('git/env-file-staged')}`,
  },
  appliesTo: ({ path }) => isSecretEnvFile(path),
  async check(ctx) {
    const status = await ctx.host.gitStatus?.(ctx.path);
    if (!status || (!status.staged && !status.tracked)) return;
    // A file already in HEAD leaks through history whether or not this commit changes it.
    const messageId = status.tracked ? 'tracked' : 'staged';
    const fixes: Fix[] = [];
    const ignore = await gitignoreFix(ctx, status);
    if (ignore) fixes.push(ignore);
    fixes.push(unstageFix(ctx, status.tracked));
    ctx.report({
      start: 0,
      end: ctx.lines.lineEnd(0),
      messageId,
      data: { name: ctx.path },
      // Stable while the file's contents change: one finding per file.
      matched: `${messageId}:${ctx.path}`,
      fixes,
    });
  },
});
