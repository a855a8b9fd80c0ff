// Per-character masks (code, comment, string) for text-level rules, and the spans that remove a list item or a line.
import type { LineIndex } from '../text';
import type { Lang } from './detect';

export const CODE = 0;
export const COMMENT = 1;
export const STRING = 2;

export interface ScanOptions {
  /** `${…}` in backtick strings is code (JS, TS). */
  templates?: boolean;
  /** `#` starts a line comment (PHP). */
  hashComments?: boolean;
  /** Quoted strings may span lines (PHP). */
  multilineStrings?: boolean;
  /** `"""…"""` text blocks (Java, Kotlin). */
  textBlocks?: boolean;
  /** `/…/` regex literals (JS, TS). */
  regex?: boolean;
}

/** Per-character class of a C-like source (JS, TS, Go, Java, PHP, JSON): code, comment or string. */
export function scanCLike(text: string, lang: Lang | ScanOptions): Uint8Array {
  const opts: ScanOptions = typeof lang === 'string' ? optionsFor(lang) : lang;
  const mask = new Uint8Array(text.length);
  const n = text.length;
  const templates = opts.templates === true;
  const stack: number[] = [];
  let depth = 0;
  let lastCode = -1;
  const fill = (from: number, to: number, kind: number): void => {
    mask.fill(kind, from, Math.min(to, n));
  };

  /** Scans a template body from `j`; returns where code resumes. */
  const template = (j: number): number => {
    const from = j;
    while (j < n) {
      const c = text[j];
      if (c === '\\') j += 2;
      else if (c === '`') {
        fill(from, j + 1, STRING);
        return j + 1;
      } else if (templates && c === '$' && text[j + 1] === '{') {
        fill(from, j + 2, STRING);
        stack.push(depth);
        return j + 2;
      } else j++;
    }
    fill(from, n, STRING);
    return n;
  };

  const lineComment = (i: number): number => {
    let j = text.indexOf('\n', i);
    if (j < 0) j = n;
    fill(i, j, COMMENT);
    return j;
  };

  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') i = lineComment(i);
    else if (c === '#' && opts.hashComments && text[i + 1] !== '[') i = lineComment(i);
    else if (c === '/' && text[i + 1] === '*') {
      let j = text.indexOf('*/', i + 2);
      j = j < 0 ? n : j + 2;
      fill(i, j, COMMENT);
      i = j;
    } else if (c === '"' && opts.textBlocks && text.startsWith('"""', i)) {
      let j = text.indexOf('"""', i + 3);
      j = j < 0 ? n : j + 3;
      fill(i, j, STRING);
      lastCode = j - 1;
      i = j;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && text[j] !== c && (opts.multilineStrings || text[j] !== '\n')) j += text[j] === '\\' ? 2 : 1;
      fill(i, j + 1, STRING);
      lastCode = Math.min(j, n - 1);
      i = j + 1;
    } else if (c === '`') {
      i = template(i + 1);
      lastCode = i - 1;
    } else if (opts.regex && c === '/' && regexAllowed(text, lastCode)) {
      let j = i + 1;
      let cls = false;
      while (j < n && text[j] !== '\n') {
        if (text[j] === '\\') j++;
        else if (text[j] === '[') cls = true;
        else if (text[j] === ']') cls = false;
        else if (text[j] === '/' && !cls) break;
        j++;
      }
      fill(i, j + 1, STRING);
      lastCode = j;
      i = j + 1;
    } else {
      if (c === '{') depth++;
      else if (c === '}') {
        if (stack.length && stack[stack.length - 1] === depth) {
          stack.pop();
          mask[i] = STRING;
          i = template(i + 1);
          lastCode = i - 1;
          continue;
        }
        depth--;
      }
      if (!/\s/.test(c)) lastCode = i;
      i++;
    }
  }
  return mask;
}

function optionsFor(lang: Lang): ScanOptions {
  const js = lang === 'javascript' || lang === 'typescript';
  return {
    templates: js,
    regex: js,
    hashComments: lang === 'php',
    multilineStrings: lang === 'php',
    textBlocks: lang === 'java' || lang === 'kotlin',
  };
}

const REGEX_AFTER_WORD = /\b(?:return|typeof|case|in|of|delete|void|throw|new|yield|await|else|do|instanceof)$/;

/** A `/` starts a regex literal (not a division) after an operator, an opener or a keyword. */
function regexAllowed(text: string, lastCode: number): boolean {
  if (lastCode < 0) return true;
  const p = text[lastCode];
  if ('(,=:[!&|?{};+-*%<>~^'.includes(p)) return true;
  if (/[\w$]/.test(p)) return REGEX_AFTER_WORD.test(text.slice(Math.max(0, lastCode - 11), lastCode + 1));
  return false;
}

/** Per-character class of Python source. */
export function scanPython(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === '#') {
      let j = text.indexOf('\n', i);
      if (j < 0) j = n;
      mask.fill(COMMENT, i, j);
      i = j;
    } else if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const close = triple ? c.repeat(3) : c;
      let j = i + close.length;
      while (j < n && !text.startsWith(close, j) && (triple || text[j] !== '\n')) j += text[j] === '\\' ? 2 : 1;
      j = Math.min(n, j + close.length);
      mask.fill(STRING, i, j);
      i = j;
    } else i++;
  }
  return mask;
}

/** Per-character class of Ruby source: `#` comments, `=begin`/`=end` blocks, quoted strings (which may span lines). */
export function scanRuby(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === '#') {
      let j = text.indexOf('\n', i);
      if (j < 0) j = n;
      mask.fill(COMMENT, i, j);
      i = j;
    } else if (c === '=' && text.startsWith('=begin', i) && (i === 0 || text[i - 1] === '\n')) {
      const close = /^=end\b.*$/m.exec(text.slice(i));
      const j = close ? i + close.index + close[0].length : n;
      mask.fill(COMMENT, i, j);
      i = j;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      j = Math.min(n, j + 1);
      mask.fill(STRING, i, j);
      i = j;
    } else i++;
  }
  return mask;
}

/** The file's mask, computed once per file and shared by every rule that asks for it. */
export function codeMask(ctx: { lang: Lang; text: string; memo<T>(key: string, compute: () => T): T }): Uint8Array {
  const { lang, text } = ctx;
  return ctx.memo(`mask:${lang}`, () => (lang === 'python' ? scanPython(text) : lang === 'ruby' ? scanRuby(text) : scanCLike(text, lang)));
}

export function isCode(mask: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (mask[i] !== CODE) return false;
  return true;
}

/** `[start, end)` is one whole string literal, quotes included. */
export function isWholeString(mask: Uint8Array, start: number, end: number): boolean {
  if (start > 0 && mask[start - 1] === STRING) return false;
  if (end < mask.length && mask[end] === STRING) return false;
  for (let i = start; i < end; i++) if (mask[i] !== STRING) return false;
  return true;
}

/** The offset of the code bracket closing the `(`, `[` or `{` at `open` (brackets in strings and comments skipped), or -1. */
export function closingBracket(text: string, mask: Uint8Array, open: number): number {
  const o = text[open];
  const c = o === '(' ? ')' : o === '[' ? ']' : '}';
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (mask[i] !== CODE) continue;
    if (text[i] === o) depth++;
    else if (text[i] === c && --depth === 0) return i;
  }
  return -1;
}

/** Next offset at or after `i` that is code and not whitespace. */
export function nextSignificant(text: string, mask: Uint8Array, i: number): number {
  while (i < text.length && (mask[i] !== CODE || /\s/.test(text[i]))) i++;
  return i;
}

/** Previous offset before `i` that is code and not whitespace, or -1. */
export function prevSignificant(text: string, mask: Uint8Array, i: number): number {
  i--;
  while (i >= 0 && (mask[i] !== CODE || /\s/.test(text[i]))) i--;
  return i;
}

/** The span to delete to remove `text[s..e)` from its lines: the whole lines when nothing else is on them. */
export function lineSpan(lines: LineIndex, s: number, e: number): [number, number] {
  const text = lines.text;
  const line = lines.positionAt(s).line;
  const last = lines.positionAt(e).line;
  const ls = lines.lineStart(line);
  const le = lines.lineEnd(last);
  if (text.slice(ls, s).trim() !== '' || text.slice(e, le).trim() !== '') return [s, e];
  if (last + 1 < lines.lineCount) return [ls, lines.lineStart(last + 1)];
  if (line > 0) return [lines.lineEnd(line - 1), le];
  return [ls, le];
}

/**
 * Span that removes one item of a comma-separated list (object property, keyword argument) and one of its
 * commas, so the rest stays valid: the comma after it when there is one, else the comma before it.
 */
export function listItemSpan(lines: LineIndex, mask: Uint8Array, s: number, e: number): [number, number] {
  const text = lines.text;
  const after = nextSignificant(text, mask, e);
  if (text[after] === ',') {
    let end = after + 1;
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    // A comment between the item and its comma goes with the item.
    return lineSpan(lines, s, end);
  }
  const before = prevSignificant(text, mask, s);
  if (before >= 0 && text[before] === ',' && text.slice(before + 1, s).trim() === '') return [before, e];
  let end = e;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return lineSpan(lines, s, end);
}
