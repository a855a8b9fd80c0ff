// Pure text helpers for fixes that edit .env, .env.example and .gitignore: parse, pick a free name, append lines.
import ignore from 'ignore';
import { dotenvVars } from '../languages/dotenv';
import { LineIndex } from '../text';
import type { FileChange } from '../types';

/** Variables a dotenv text defines, with their unquoted values (the last definition wins, as in dotenv). */
export const parseDotenv = dotenvVars;

/** Quotes a value when dotenv parsers would otherwise cut it (spaces, `#`, quotes). */
export function quoteDotenvValue(value: string): string {
  if (!/[\s#"'`\\=$]/.test(value)) return value;
  // Single quotes are literal in dotenv and python-dotenv (no `$` expansion, no escapes).
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

/**
 * The name to use for `value`: `base` when free or already holding the same value, otherwise the first
 * free (or same-valued) `base_2`, `base_3`, … `exists` tells whether the line is already there.
 */
export function chooseEnvName(vars: ReadonlyMap<string, string>, base: string, value: string): { name: string; exists: boolean } {
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}_${i}`;
    const current = vars.get(name);
    if (current === undefined) return { name, exists: false };
    if (current === value) return { name, exists: true };
  }
}

/**
 * A change that appends `line` to a file (creating it when `text` is undefined), keeping its line
 * endings and adding a line break first when the file does not end with one.
 */
export function appendLineChange(path: string, text: string | undefined, line: string): FileChange {
  if (text === undefined) {
    const idx = new LineIndex('');
    return { path, create: true, edits: [idx.edit(0, 0, line + '\n')] };
  }
  const idx = new LineIndex(text);
  const eol = idx.eol;
  const needsBreak = text.length > 0 && !/[\r\n]$/.test(text);
  return { path, edits: [idx.edit(text.length, text.length, (needsBreak ? eol : '') + line + eol)] };
}

/** Whether a .gitignore text (at the workspace root) ignores `path`. */
export function gitignoreCovers(gitignoreText: string, path: string): boolean {
  try {
    return ignore().add(gitignoreText).ignores(path);
  } catch {
    return false;
  }
}
