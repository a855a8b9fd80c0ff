// Text helpers: offset/position conversion, hashing, redaction and edit construction.
import type { Position, TextEdit } from './types';

/** Maps UTF-16 offsets to 0-based line/character and back. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[Math.max(0, pos.line)] + pos.character, this.lineEnd(pos.line));
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset of the end of `line`, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The file's dominant line ending. */
  get eol(): string {
    return /\r\n/.test(this.text) ? '\r\n' : '\n';
  }

  edit(start: number, end: number, newText: string): TextEdit {
    return { start, end, newText, range: { start: this.positionAt(start), end: this.positionAt(end) } };
  }
}

/** Applies edits (by offset) to a text; edits must not overlap. */
export function applyEdits(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** A 53-bit string hash (cyrb53), hex; stable across platforms, no crypto import needed. */
export function hash(str: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * Masks a secret for display. A known public prefix (`AKIA`, `ghp_`) may stay; of the secret part, only the
 * last 4 characters show, and only when it is at least 16 long, so at most a quarter is ever revealed:
 * `AKIA************WXYZ`, `************R4nW`, `********`.
 */
export function redact(value: string, publicPrefix = ''): string {
  const prefix = publicPrefix && value.startsWith(publicPrefix) ? publicPrefix : '';
  const rest = value.slice(prefix.length);
  const n = rest.length;
  if (n >= 16) return prefix + '*'.repeat(Math.min(n - 4, 24)) + rest.slice(-4);
  return prefix + '*'.repeat(Math.max(Math.min(n, 12), 3));
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(s: string): number {
  if (!s) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let e = 0;
  const n = [...s].length;
  for (const c of counts.values()) {
    const p = c / n;
    e -= p * Math.log2(p);
  }
  return e;
}

/** Fills `{{name}}` placeholders. */
export function format(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}
