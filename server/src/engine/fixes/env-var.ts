// The "move secret to an environment variable" fix: reference the variable in code, store the value in .env, keep .env out of git.
import type { Lang } from '../languages/detect';
import type { RuleContext } from '../rule';
import type { LineIndex } from '../text';
import type { FileChange, Fix, TextEdit } from '../types';
import { appendLineChange, chooseEnvName, gitignoreCovers, parseDotenv, quoteDotenvValue } from './dotenv-edit';

/** Workspace-root files the fix edits. */
export const ENV_FILE = '.env';
export const ENV_EXAMPLE_FILE = '.env.example';
export const GITIGNORE_FILE = '.gitignore';

export interface EnvVarTarget {
  /** Offsets of the whole string literal (quotes and any string prefix included) in the current file. */
  start: number;
  end: number;
  /** The secret as the program sees it (escapes already decoded). */
  value: string;
  /** Variable or key name the value was assigned to (`githubToken`, `db-password`), or a canonical env name. */
  name: string;
}

/** `githubToken` -> `GITHUB_TOKEN`, `db-password` -> `DB_PASSWORD`, `spring.datasource.password` -> `SPRING_DATASOURCE_PASSWORD`. */
export function envVarName(name: string): string | undefined {
  const snake = name
    .replace(/^(?:this|self|@)\.?|^[$@]+/, '')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  if (!snake) return undefined;
  return /^\d/.test(snake) ? `SECRET_${snake}` : snake;
}

/** Whether the fix can write a reference to an environment variable in this language. */
export function supportsEnvReference(lang: Lang): boolean {
  return lang === 'javascript' || lang === 'typescript' || lang === 'python';
}

function envReference(lang: Lang, name: string): string {
  return lang === 'python' ? `os.environ["${name}"]` : `process.env.${name}`;
}

const IMPORT_OS = /^import[ \t]+(?:[\w.]+(?:[ \t]+as[ \t]+\w+)?[ \t]*,[ \t]*)*os[ \t]*(?:,|#|;|$)/m;

/**
 * An edit adding `import os` to a Python module, or undefined when it is already imported. The import goes
 * after leading comments, the module docstring and `from __future__` imports, which must stay first.
 */
export function pythonImportOsEdit(lines: LineIndex): TextEdit | undefined {
  const text = lines.text;
  if (IMPORT_OS.test(text)) return undefined;
  const n = lines.lineCount;
  const blankOrComment = (l: number): boolean => /^[ \t]*(?:#.*)?$/.test(lines.lineText(l));
  let insert = 0;
  let i = 0;
  for (; i < n && blankOrComment(i); i++) if (/^[ \t]*#/.test(lines.lineText(i))) insert = i + 1;

  const doc = i < n ? /^[rRuU]{0,2}("""|'''|"|')/.exec(lines.lineText(i)) : null;
  if (doc) {
    const end = stringEndLine(lines, i, doc[1], doc[0].length);
    if (end !== undefined) insert = i = end + 1;
  }
  for (;;) {
    let j = i;
    while (j < n && blankOrComment(j)) j++;
    if (j >= n || !/^from[ \t]+__future__[ \t]+import\b/.test(lines.lineText(j))) break;
    let end = j;
    if (lines.lineText(j).includes('(')) while (end < n - 1 && !lines.lineText(end).includes(')')) end++;
    insert = i = end + 1;
  }

  const eol = lines.eol;
  // Past the last line: the file ends inside the header without a line break.
  if (insert >= n) {
    const needsBreak = text.length > 0 && !/[\r\n]$/.test(text);
    return lines.edit(text.length, text.length, (needsBreak ? eol : '') + 'import os' + eol);
  }
  const at = lines.lineStart(insert);
  return lines.edit(at, at, 'import os' + eol);
}

/** Last line of a string statement opening on `line` with `quote`, or undefined when it does not close. */
function stringEndLine(lines: LineIndex, line: number, quote: string, from: number): number | undefined {
  for (let l = line, col = from; l < lines.lineCount; l++, col = 0) {
    const t = lines.lineText(l);
    for (let c = col; c < t.length; c++) {
      if (t[c] === '\\') c++;
      else if (t.startsWith(quote, c)) return l;
    }
    if (quote.length === 1) return undefined;
  }
  return undefined;
}

/**
 * Builds the fix, or undefined when the language has no way to reference an environment variable here
 * (JSON, YAML, .env itself) or the value cannot be stored on one .env line.
 */
export async function envVarFix(ctx: RuleContext, target: EnvVarTarget): Promise<Fix | undefined> {
  if (!supportsEnvReference(ctx.lang) || !target.value || /[\r\n]/.test(target.value)) return undefined;
  const base = envVarName(target.name);
  if (!base) return undefined;

  const envText = await ctx.readFile(ENV_FILE);
  const { name, exists } = chooseEnvName(parseDotenv(envText ?? ''), base, target.value);

  const edits: TextEdit[] = [ctx.lines.edit(target.start, target.end, envReference(ctx.lang, name))];
  if (ctx.lang === 'python') {
    const imp = pythonImportOsEdit(ctx.lines);
    if (imp) edits.unshift(imp);
  }
  const changes: FileChange[] = [{ path: ctx.path, edits }];
  if (!exists) changes.push(appendLineChange(ENV_FILE, envText, `${name}=${quoteDotenvValue(target.value)}`));

  const gitignore = await ctx.readFile(GITIGNORE_FILE);
  if (gitignore === undefined || !gitignoreCovers(gitignore, ENV_FILE)) changes.push(appendLineChange(GITIGNORE_FILE, gitignore, ENV_FILE));

  const example = await ctx.readFile(ENV_EXAMPLE_FILE);
  if (example !== undefined && !parseDotenv(example).has(name)) changes.push(appendLineChange(ENV_EXAMPLE_FILE, example, `${name}=`));

  return { title: `Move secret to environment variable ${name}`, applicability: 'unsafe', changes };
}
