// The "move secret to an environment variable" fix: reference the variable in code, store the value in .env, keep .env out of git.
import { dirname, type Lang } from '../languages/detect';
import { isComposeFile, isWorkflowFile } from '../languages/yaml';
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

/** Languages whose source can read an environment variable where the literal stood. */
const CODE_LANGS: ReadonlySet<Lang> = new Set<Lang>(['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'csharp', 'ruby', 'php', 'elixir', 'rust', 'shell']);

/** Whether the fix can write a reference to an environment variable in this language (YAML only in compose files). */
export function supportsEnvReference(lang: Lang, path = ''): boolean {
  return CODE_LANGS.has(lang) || (lang === 'yaml' && isComposeFile(path));
}

function envReference(lang: Lang, name: string, ctx: { text: string; path: string }, target: { start: number; end: number }): string {
  switch (lang) {
    case 'python': return `os.environ["${name}"]`;
    case 'go': return `os.Getenv("${name}")`;
    case 'java': return `System.getenv("${name}")`;
    case 'kotlin': return `System.getenv("${name}")`;
    // Fully qualified: compiles with or without `using System;`.
    case 'csharp': return `System.Environment.GetEnvironmentVariable("${name}")`;
    case 'ruby': return `ENV.fetch("${name}")`;
    // Laravel config files read the environment through env(), which also sees its cached config.
    case 'php': return /(?:^|\/)config\/[^/]+\.php$/.test(ctx.path) && /\benv\(\s*['"]/.test(ctx.text) ? `env('${name}')` : `getenv('${name}')`;
    case 'elixir': return `System.fetch_env!("${name}")`;
    case 'rust': {
      // An owned String where the code made one from the literal, else a &str that lives as long as the statement needs.
      const call = `std::env::var("${name}").expect("${name} must be set")`;
      const after = ctx.text.slice(target.end, target.end + 16);
      const before = ctx.text.slice(Math.max(0, target.start - 16), target.start);
      return /^\.(?:to_string|to_owned|into)\(\)/.test(after) || /String::from\(\s*$/.test(before) ? call : `&${call}`;
    }
    case 'shell': return `"\${${name}:?${name} is not set}"`;
    case 'yaml': return `\${${name}}`;
    default: return `process.env.${name}`;
  }
}

/**
 * Places where a function call cannot replace a literal: constants and annotations must be compile-time values
 * (Go/C#/Rust `const`, Java annotations and `case` labels, PHP class constants and property defaults).
 */
function needsConstant(lang: Lang, lineText: string, textBefore: string): boolean {
  switch (lang) {
    case 'go':
      return /^\s*const\b/.test(lineText) || /\bconst\s*\([^)]*$/.test(textBefore);
    case 'csharp':
      return /\bconst\b/.test(lineText) || /^\s*\[/.test(lineText);
    case 'rust':
      return /^\s*(?:pub(?:\([^)]*\))?\s+)?(?:const|static)\b/.test(lineText) || /^\s*#\[/.test(lineText);
    case 'java': case 'kotlin':
      return /@\w+(?:\.\w+)*\s*\([^)]*$/.test(textBefore.slice(-300)) || /^\s*case\b/.test(lineText) || (lang === 'kotlin' && /\bconst\s+val\b/.test(lineText));
    case 'php':
      return /^\s*(?:(?:public|private|protected|final)\s+)*const\b/.test(lineText) ||
        /^\s*(?:(?:public|private|protected|static|var|readonly)\s+)+(?:\??[\w\\]+\s+)?\$\w+\s*=/.test(lineText);
    default:
      return false;
  }
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
 * or the value cannot be stored on one .env line. Dockerfiles and JSON get a display-only hint instead, and
 * workflows a `${{ secrets.NAME }}` reference (the value belongs in the repository's secrets, not in a file).
 */
export async function envVarFix(ctx: RuleContext, target: EnvVarTarget): Promise<Fix | undefined> {
  if (!target.value || /[\r\n]/.test(target.value)) return undefined;
  const base = envVarName(target.name);
  if (!base) return undefined;
  if (ctx.lang === 'dockerfile') {
    return { title: `Pass ${base} as a build secret (RUN --mount=type=secret,id=${base}) or at run time (docker run -e ${base}), not in the image`, applicability: 'displayOnly', changes: [] };
  }
  if (ctx.lang === 'json') {
    return { title: `JSON cannot read the environment: set ${base} in the environment and read it where this file is loaded`, applicability: 'displayOnly', changes: [] };
  }
  if (ctx.lang === 'yaml' && isWorkflowFile(ctx.path)) {
    return {
      title: `Use the repository secret \${{ secrets.${base} }} (add it under Settings → Secrets)`,
      applicability: 'unsafe',
      changes: [{ path: ctx.path, edits: [ctx.lines.edit(target.start, target.end, `\${{ secrets.${base} }}`)] }],
    };
  }
  if (!supportsEnvReference(ctx.lang, ctx.path)) return undefined;
  const line = ctx.lines.positionAt(target.start).line;
  if (needsConstant(ctx.lang, ctx.lines.lineText(line), ctx.text.slice(Math.max(0, target.start - 2000), target.start))) return undefined;

  // Compose reads the .env next to the compose file; code reads the workspace folder's.
  const dir = ctx.lang === 'yaml' ? dirname(ctx.path) : '';
  const envFile = dir ? `${dir}/${ENV_FILE}` : ENV_FILE;
  const envText = await ctx.readFile(envFile);
  const { name, exists } = chooseEnvName(parseDotenv(envText ?? ''), base, target.value);

  const edits: TextEdit[] = [ctx.lines.edit(target.start, target.end, envReference(ctx.lang, name, ctx, target))];
  const imp = ctx.lang === 'python' ? pythonImportOsEdit(ctx.lines) : ctx.lang === 'go' ? goImportOsEdit(ctx.lines) : undefined;
  if (imp) edits.unshift(imp);
  const changes: FileChange[] = [{ path: ctx.path, edits }];
  if (!exists) changes.push(appendLineChange(envFile, envText, `${name}=${quoteDotenvValue(target.value)}`));

  const gitignore = await ctx.readFile(GITIGNORE_FILE);
  if (gitignore === undefined || !gitignoreCovers(gitignore, envFile)) changes.push(appendLineChange(GITIGNORE_FILE, gitignore, envFile === ENV_FILE ? ENV_FILE : `/${envFile}`));

  const exampleFile = dir ? `${dir}/${ENV_EXAMPLE_FILE}` : ENV_EXAMPLE_FILE;
  const example = await ctx.readFile(exampleFile);
  if (example !== undefined && !parseDotenv(example).has(name)) changes.push(appendLineChange(exampleFile, example, `${name}=`));

  return { title: `Move secret to environment variable ${name}`, applicability: 'unsafe', changes };
}

/**
 * An edit importing "os" in a Go file, or undefined when it is already imported: into the first `import (` block,
 * next to a single `import "x"`, or after the package clause.
 */
export function goImportOsEdit(lines: LineIndex): TextEdit | undefined {
  const text = lines.text;
  if (GO_IMPORTS_OS.test(lines.text)) return undefined;
  const eol = lines.eol;
  const block = /^import\s*\(\s*$/m.exec(text);
  if (block) {
    const at = lines.lineStart(lines.positionAt(block.index).line + 1);
    return lines.edit(at, at, `\t"os"${eol}`);
  }
  const single = /^import\s+(?:\w+\s+)?"[^"]*"[^\S\r\n]*$/m.exec(text);
  if (single) {
    const end = lines.lineEnd(lines.positionAt(single.index).line);
    return lines.edit(end, end, `${eol}import "os"`);
  }
  const pkg = /^package\s+\w+[^\S\r\n]*$/m.exec(text);
  if (!pkg) return undefined;
  const end = lines.lineEnd(lines.positionAt(pkg.index).line);
  return lines.edit(end, end, `${eol}${eol}import "os"`);
}

const GO_IMPORTS_OS = /^import\s+(?:\.\s+)?"os"|^import\s*\([^)]*^\s*(?:\.\s+)?"os"\s*$/m;
