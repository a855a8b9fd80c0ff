// Parses dotenv files (`export`, quotes, escapes, multi-line double-quoted values, comments) with exact offsets.
import { basename, isDotenvName } from './detect';

export interface DotenvEntry {
  key: string;
  /** The value as dotenv loaders see it (quotes removed, `\n` and friends decoded in double quotes). */
  value: string;
  keyStart: number;
  keyEnd: number;
  /** Offsets of the value as written, inside any quotes (equal when the value is empty). */
  valueStart: number;
  valueEnd: number;
  quote: '"' | "'" | '`' | '';
  /** Offsets of the whole entry, from its first non-blank character to the end of its value (closing quote included). */
  start: number;
  end: number;
  exported: boolean;
}

const ENTRY = /^[ \t]*(export[ \t]+)?([A-Za-z_][\w.-]*)[ \t]*=[ \t]*/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', $: '$' };

/** Entries in file order; later definitions of a key override earlier ones when loaded. Never throws. */
export function parseDotenv(text: string): DotenvEntry[] {
  const out: DotenvEntry[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lineEnd = nextBreak(text, i);
    const m = ENTRY.exec(text.slice(i, lineEnd));
    if (!m) {
      i = skipBreak(text, lineEnd);
      continue;
    }
    const keyStart = i + /^[ \t]*/.exec(m[0])![0].length + (m[1]?.length ?? 0);
    const keyEnd = keyStart + m[2].length;
    const at = i + m[0].length;
    const q = text[at];
    const base = { key: m[2], keyStart, keyEnd, start: i + m[0].length - m[0].trimStart().length, exported: m[1] !== undefined };
    if (q === '"' || q === "'" || q === '`') {
      // Double quotes may span lines (dotenv, python-dotenv); single and backtick quotes end on the same line here.
      const limit = q === '"' ? n : lineEnd;
      let j = at + 1;
      while (j < limit && text[j] !== q) j += q === '"' && text[j] === '\\' ? 2 : 1;
      if (j < limit) {
        const raw = text.slice(at + 1, j);
        const value = q === '"' ? raw.replace(/\\(.)/gs, (s, c: string) => ESCAPES[c] ?? s) : raw;
        out.push({ ...base, value, valueStart: at + 1, valueEnd: j, quote: q, end: j + 1 });
        i = skipBreak(text, nextBreak(text, j + 1));
        continue;
      }
    }
    // Unquoted (or an unterminated quote, read as plain text): up to a comment that follows whitespace.
    let raw = text.slice(at, lineEnd);
    const hash = /(?:^|[ \t])#/.exec(raw);
    if (hash) raw = raw.slice(0, hash.index);
    raw = raw.replace(/[ \t]+$/, '');
    out.push({ ...base, value: raw, valueStart: at, valueEnd: at + raw.length, quote: '', end: at + raw.length });
    i = skipBreak(text, lineEnd);
  }
  return out;
}

function nextBreak(text: string, from: number): number {
  const a = text.indexOf('\n', from);
  const b = text.indexOf('\r', from);
  const e = a < 0 ? b : b < 0 ? a : Math.min(a, b);
  return e < 0 ? text.length : e;
}

function skipBreak(text: string, at: number): number {
  if (text[at] === '\r' && text[at + 1] === '\n') return at + 2;
  return at + 1;
}

/** The variables a dotenv text defines (the last definition wins, as when loaded). */
export function dotenvVars(text: string): Map<string, string> {
  return new Map(parseDotenv(text).map((e) => [e.key, e.value]));
}

/** Which environment a dotenv file is for, from its name: `.env.production`, `prod.env`, `.env.local`… */
export function dotenvEnvironment(path: string): 'production' | 'development' | 'test' | 'local' | 'template' | 'default' | 'other' {
  const name = basename(path).toLowerCase();
  if (!isDotenvName(name)) return 'other';
  if (/(?:^|[.\-_])(?:example|sample|template|tpl|dist|defaults?|schema)$/.test(name)) return 'template';
  const parts = name.replace(/^\.env\.?|\.?env$/g, '').split(/[.\-_]/).filter(Boolean);
  if (parts.length === 0) return 'default';
  if (parts.some((p) => p === 'local')) return 'local';
  if (parts.some((p) => /^(?:test|testing|ci|e2e|spec)$/.test(p))) return 'test';
  if (parts.some((p) => /^(?:dev|develop|development|sandbox)$/.test(p))) return 'development';
  if (parts.some((p) => /^(?:prod|production|live|release)$/.test(p))) return 'production';
  return 'other';
}
