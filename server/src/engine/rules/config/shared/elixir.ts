// Elixir source masks (comments, strings, heredocs) and the config-file environment helpers the Phoenix rules share.
import { basename } from '../../../languages/detect';
import { CODE, COMMENT, STRING } from '../../../languages/lexer';
import type { LineIndex } from '../../../text';

/** Per-character class of Elixir source: `#` comments, `"…"`/`'…'` strings and `"""`/`'''` heredocs (which may span lines). */
export function scanElixir(text: string): Uint8Array {
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
    } else if ((c === '"' || c === "'") && text[i - 1] !== '?') {
      // `?"` is a character literal, not a string.
      const close = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      let j = i + close.length;
      while (j < n && !text.startsWith(close, j)) j += text[j] === '\\' ? 2 : 1;
      j = Math.min(n, j + close.length);
      mask.fill(STRING, i, j);
      i = j;
    } else {
      mask[i] = CODE;
      i++;
    }
  }
  return mask;
}

/** `config/dev.exs`, `config/test.exs`, `config/dev.secret.exs`, `config/local.exs`: settings that never reach production. */
export function isNonProdElixirConfig(path: string): boolean {
  return /(?:^|[._-])(?:dev|devel|development|test|testing|local|ci|e2e)(?:[._-]|$)/i.test(basename(path).replace(/\.exs$/, ''));
}

/** A config script: `config/*.exs`, `rel/*.exs` (config.exs, prod.exs, runtime.exs, releases.exs). */
export function isElixirConfig(path: string): boolean {
  return /(?:^|\/)(?:config|rel)\/[^/]+\.exs$/.test(path);
}

const ENV_TEST = /\b(?:config_env\(\)|Mix\.env\(?\)?)/;

/**
 * Whether line `line` sits in a block that runs only in development or test: `if config_env() == :dev do`,
 * `if Mix.env() in [:dev, :test] do`, `unless config_env() == :prod do`. Blocks are found by indentation.
 */
export function inNonProdBlock(lines: LineIndex, mask: Uint8Array, line: number): boolean {
  const indentOf = (t: string): number => /^[ \t]*/.exec(t)![0].length;
  let min = indentOf(lines.lineText(line));
  for (let l = line - 1; l >= 0 && min > 0; l--) {
    const t = lines.lineText(l);
    if (t.trim() === '' || mask[lines.lineStart(l) + indentOf(t)] !== CODE) continue;
    const indent = indentOf(t);
    if (indent >= min) continue;
    min = indent;
    const head = /^\s*(if|unless)\b(.*)\bdo\s*$/.exec(t);
    if (!head || !ENV_TEST.test(head[2])) continue;
    const prod = /:prod\b/.test(head[2]);
    const other = /:(?:dev|test)\b/.test(head[2]);
    const negated = head[1] === 'unless' || /!=|\bnot\s+in\b/.test(head[2]);
    if (prod ? negated : other && !negated) return true;
  }
  return false;
}
