// config/tls-verification-disabled: code and config that turn off TLS certificate checks (rejectUnauthorized, verify=False, NODE_TLS_REJECT_UNAUTHORIZED=0).
import type { Lang } from '../../languages/detect';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import type { LineIndex } from '../../text';
import type { Fix, Severity } from '../../types';

const CODE = 0;
const COMMENT = 1;
const STRING = 2;

/** Per-character class of a C-like source (JS, TS, Go, JSON): code, comment or string. */
function scanCLike(text: string, lang: Lang): Uint8Array {
  const mask = new Uint8Array(text.length);
  const n = text.length;
  const templates = lang === 'javascript' || lang === 'typescript';
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

  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      let j = text.indexOf('\n', i);
      if (j < 0) j = n;
      fill(i, j, COMMENT);
      i = j;
    } else if (c === '/' && text[i + 1] === '*') {
      let j = text.indexOf('*/', i + 2);
      j = j < 0 ? n : j + 2;
      fill(i, j, COMMENT);
      i = j;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      fill(i, j + 1, STRING);
      lastCode = Math.min(j, n - 1);
      i = j + 1;
    } else if (c === '`') {
      i = template(i + 1);
      lastCode = i - 1;
    } else if (templates && c === '/' && regexAllowed(text, lastCode)) {
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
function scanPython(text: string): Uint8Array {
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

/** Where a `#` comment starts on a line of YAML, shell, dotenv or a Dockerfile (outside quotes), or -1. */
function hashCommentStart(line: string): number {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s=:[{,(-]/.test(line[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return i;
  }
  return -1;
}

function isCode(mask: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (mask[i] !== CODE) return false;
  return true;
}

/** Next offset at or after `i` that is code and not whitespace. */
function nextSignificant(text: string, mask: Uint8Array, i: number): number {
  while (i < text.length && (mask[i] !== CODE || /\s/.test(text[i]))) i++;
  return i;
}

/** Previous offset before `i` that is code and not whitespace, or -1. */
function prevSignificant(text: string, mask: Uint8Array, i: number): number {
  i--;
  while (i >= 0 && (mask[i] !== CODE || /\s/.test(text[i]))) i--;
  return i;
}

/** The span to delete to remove `text[s..e)` from the line: the whole line when nothing else is on it. */
function lineSpan(lines: LineIndex, s: number, e: number): [number, number] {
  const text = lines.text;
  const line = lines.positionAt(s).line;
  const ls = lines.lineStart(line);
  const le = lines.lineEnd(line);
  if (text.slice(ls, s).trim() !== '' || text.slice(e, le).trim() !== '') return [s, e];
  if (line + 1 < lines.lineCount) return [ls, lines.lineStart(line + 1)];
  if (line > 0) return [lines.lineEnd(line - 1), le];
  return [ls, le];
}

/**
 * Span that removes one item of a comma-separated list (object property, keyword argument) and one of its
 * commas, so the rest stays valid: the comma after it when there is one, else the comma before it.
 */
function listItemSpan(lines: LineIndex, mask: Uint8Array, s: number, e: number): [number, number] {
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

/** A safe fix that deletes `[start, end)`. */
function removal(ctx: RuleContext, title: string, [start, end]: [number, number]): Fix {
  return { title, applicability: 'safe', changes: [{ path: ctx.path, edits: [ctx.lines.edit(start, end, '')] }] };
}

/** Deleting a whole line of a braceless `if`/`else` body would attach the next statement to it. */
function jsLineDeletable(lines: LineIndex, line: number): boolean {
  for (let l = line - 1; l >= 0; l--) {
    const t = lines.lineText(l).trim();
    if (t === '' || t.startsWith('//') || t.startsWith('*') || t.startsWith('/*')) continue;
    return !/^(?:\}\s*)?(?:if|for|while|else\s+if)\b.*\)\s*$/.test(t) && !/\belse\s*$/.test(t) && !/=>\s*$/.test(t);
  }
  return true;
}

/** Deleting a line of Python must not leave an empty block. */
function pythonLineDeletable(lines: LineIndex, line: number): boolean {
  const indent = (t: string): number => /^[ \t]*/.exec(t)![0].length;
  const own = indent(lines.lineText(line));
  for (let l = line - 1; l >= 0; l--) {
    const t = lines.lineText(l);
    if (t.trim() === '' || t.trim().startsWith('#')) continue;
    if (!/:\s*(?:#.*)?$/.test(t) || indent(t) >= own) return true;
    break;
  }
  for (let l = line + 1; l < lines.lineCount; l++) {
    const t = lines.lineText(l);
    if (t.trim() === '' || t.trim().startsWith('#')) continue;
    return indent(t) === own;
  }
  return false;
}

const ENV = 'NODE_TLS_REJECT_UNAUTHORIZED';
const REMOVE_ENV = `Remove the ${ENV}=0 setting`;
const REMOVE_REJECT = 'Remove rejectUnauthorized: false (verify certificates)';

interface Hit {
  start: number;
  end: number;
  messageId: string;
  data?: Record<string, string>;
  fix?: Fix;
  severity?: Severity;
}

/** Object properties `rejectUnauthorized: false` and `NODE_TLS_REJECT_UNAUTHORIZED: '0'`, keys bare or quoted. */
function checkProperties(ctx: RuleContext, mask: Uint8Array, out: Hit[], keys: string): void {
  const { text, lines } = ctx;
  for (const m of text.matchAll(new RegExp(`(["'\`]?)\\b(${keys})\\1\\s*:\\s*`, 'g'))) {
    const start = m.index;
    const quoted = m[1] !== '';
    // A quoted key must be a whole string literal, not words inside one.
    if (quoted ? !(mask[start] === STRING && (start === 0 || mask[start - 1] !== STRING)) : mask[start] !== CODE) continue;
    if (!quoted && start > 0 && /[\w$.]/.test(text[start - 1])) continue;
    const before = text[prevSignificant(text, mask, start)];
    if (before !== '{' && before !== ',') continue;
    const v = start + m[0].length;
    const isReject = m[2] === 'rejectUnauthorized';
    const value = isReject ? /^false\b/.exec(text.slice(v, v + 6)) : /^(["'`]?)0\1(?![\w.])/.exec(text.slice(v, v + 4));
    if (!value || (isReject && !isCode(mask, v, v + 5))) continue;
    const end = v + value[0].length;
    const next = text[nextSignificant(text, mask, end)];
    if (next !== undefined && next !== ',' && next !== '}') continue;
    const span = listItemSpan(lines, mask, start, end);
    out.push(isReject
      ? { start, end, messageId: 'rejectUnauthorized', fix: removal(ctx, REMOVE_REJECT, span) }
      : { start, end, messageId: 'nodeTlsEnv', fix: removal(ctx, REMOVE_ENV, span) });
  }
}

/** The rest of a statement's line holds nothing but an optional `;` and comment. */
const END_OF_STATEMENT = /^\s*;?\s*(?:\/\/.*|\/\*.*)?$/;

function checkJs(ctx: RuleContext, mask: Uint8Array, out: Hit[]): void {
  const { text, lines } = ctx;
  checkProperties(ctx, mask, out, `rejectUnauthorized|${ENV}`);
  // Assignment to a property: `agent.options.rejectUnauthorized = false`.
  for (const m of text.matchAll(/\.rejectUnauthorized\s*=(?!=)\s*false\b/g)) {
    const start = m.index + 1;
    const end = m.index + m[0].length;
    if (!isCode(mask, m.index, end)) continue;
    const line = lines.positionAt(end).line;
    if (!END_OF_STATEMENT.test(text.slice(end, lines.lineEnd(line))) && !/^\s*[,)]/.test(text.slice(end))) continue;
    out.push({ start, end, messageId: 'rejectUnauthorized' });
  }
  // `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'` or `process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = "0"`.
  const assign = new RegExp(`\\bprocess\\.env(?:\\.${ENV}|\\[\\s*(["'\`])${ENV}\\1\\s*\\])\\s*=(?!=)\\s*(["'\`]?)0\\2(?![\\w.])`, 'g');
  for (const m of text.matchAll(assign)) {
    const start = m.index;
    const end = start + m[0].length;
    if (mask[start] !== CODE || mask[end - 1] === COMMENT || (start > 0 && text[start - 1] === '.')) continue;
    const line = lines.positionAt(start).line;
    const ls = lines.lineStart(line);
    const wholeLine = text.slice(ls, start).trim() === '' && END_OF_STATEMENT.test(text.slice(end, lines.lineEnd(line)));
    const fix = wholeLine && jsLineDeletable(lines, line) ? removal(ctx, REMOVE_ENV, lineSpan(lines, ls, lines.lineEnd(line))) : undefined;
    out.push({ start, end, messageId: 'nodeTlsEnv', fix, severity: 'error' });
  }
}

function checkGo(ctx: RuleContext, mask: Uint8Array, out: Hit[]): void {
  const { text, lines } = ctx;
  for (const m of text.matchAll(/\bInsecureSkipVerify\s*:\s*true\b/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isCode(mask, start, end) || (start > 0 && /[\w.]/.test(text[start - 1]))) continue;
    const next = text[nextSignificant(text, mask, end)];
    if (next !== undefined && next !== ',' && next !== '}') continue;
    out.push({ start, end, messageId: 'insecureSkipVerify', fix: removal(ctx, 'Remove InsecureSkipVerify: true (verify certificates)', listItemSpan(lines, mask, start, end)) });
  }
  for (const m of text.matchAll(/\.InsecureSkipVerify\s*=\s*true\b/g)) {
    if (!isCode(mask, m.index, m.index + m[0].length)) continue;
    out.push({ start: m.index + 1, end: m.index + m[0].length, messageId: 'insecureSkipVerify' });
  }
}

/** Calls whose `verify` keyword is about something other than TLS (PyJWT 1.x `jwt.decode(..., verify=False)`). */
const NOT_TLS_CALLEE = /(?:^|\.)decode$|jwt/i;
const USES_HTTP_CLIENT = /^\s*(?:import|from)\s+(?:requests|httpx)\b/m;

function checkPython(ctx: RuleContext, mask: Uint8Array, out: Hit[]): void {
  const { text, lines } = ctx;
  for (const m of text.matchAll(/\b(verify|verify_ssl|verify_certs)\s*=\s*False\b/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isCode(mask, start, end)) continue;
    const callee = calleeOf(text, mask, start);
    if (callee === undefined) {
      // `session.verify = False` as a statement, in a module that uses requests or httpx.
      if (m[1] !== 'verify' || text[start - 1] !== '.' || !USES_HTTP_CLIENT.test(text)) continue;
      const line = lines.positionAt(start).line;
      const ls = lines.lineStart(line);
      if (!/^[ \t]*[\w.]+$/.test(text.slice(ls, start - 1)) || !/^\s*;?\s*(?:#.*)?$/.test(text.slice(end, lines.lineEnd(line)))) continue;
      out.push({ start, end, messageId: 'verifyFalse', data: { name: 'verify' } });
      continue;
    }
    if (NOT_TLS_CALLEE.test(callee)) continue;
    const next = text[nextSignificant(text, mask, end)];
    if (next !== ',' && next !== ')') continue;
    out.push({
      start, end, messageId: 'verifyFalse', data: { name: m[1] },
      fix: removal(ctx, `Remove ${m[1]}=False (verify certificates)`, listItemSpan(lines, mask, start, end)),
    });
  }
  const environ = new RegExp(`\\[\\s*(["'])${ENV}\\1\\s*\\]\\s*=(?!=)\\s*(["'])0\\2`, 'g');
  for (const m of text.matchAll(environ)) {
    const end = m.index + m[0].length;
    if (mask[m.index] !== CODE || mask[m.index + 1] !== STRING) continue;
    const line = lines.positionAt(m.index).line;
    const ls = lines.lineStart(line);
    const target = /([\w.]+)\s*$/.exec(text.slice(ls, m.index));
    if (!target || !/environ$|env$/.test(target[1])) continue;
    const start = ls + target.index;
    const wholeLine = text.slice(ls, start).trim() === '' && /^\s*(?:#.*)?$/.test(text.slice(end, lines.lineEnd(line)));
    const fix = wholeLine && pythonLineDeletable(lines, line) ? removal(ctx, REMOVE_ENV, lineSpan(lines, ls, lines.lineEnd(line))) : undefined;
    out.push({ start, end, messageId: 'nodeTlsEnv', fix, severity: 'error' });
  }
}

/** The dotted name called by the parenthesis enclosing a keyword argument at `at`; undefined when not a call argument. */
function calleeOf(text: string, mask: Uint8Array, at: number): string | undefined {
  const prev = prevSignificant(text, mask, at);
  if (prev < 0 || (text[prev] !== ',' && text[prev] !== '(')) return undefined;
  let depth = 0;
  let i = prev;
  for (; i >= 0; i--) {
    if (mask[i] !== CODE) continue;
    const c = text[i];
    if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '(' || c === '[' || c === '{') {
      if (depth === 0) break;
      depth--;
    }
  }
  if (i < 0 || text[i] !== '(') return undefined;
  const head = /([\w.]*)\s*$/.exec(text.slice(Math.max(0, i - 200), i))!;
  const name = head[1];
  if (!name) return text[prevSignificant(text, mask, i)] === ')' || text[prevSignificant(text, mask, i)] === ']' ? '' : undefined;
  const before = text.slice(Math.max(0, i - 200), i - head[0].length);
  if (/\b(?:def|class)\s*$/.test(before)) return undefined;
  return name;
}

/** `NODE_TLS_REJECT_UNAUTHORIZED=0`, `: "0"`, and Dockerfile's `ENV NODE_TLS_REJECT_UNAUTHORIZED 0`. */
const SETTING = new RegExp(`(["']?)\\b${ENV}\\1(?:\\s*[=:]\\s*|(?<=ENV\\s+${ENV})\\s+)(["']?)0\\2(?![\\w.-])`, 'g');
/** Kubernetes style: `- name: NODE_TLS_REJECT_UNAUTHORIZED` then `value: "0"` on the next line. */
const K8S_ENV = new RegExp(`^[ \\t]*-?[ \\t]*name:[ \\t]*(["']?)(${ENV})\\1[ \\t]*\\r?\\n[ \\t]*value:[ \\t]*((["']?)0\\4)[ \\t]*(?:#.*)?$`, 'gmd');

/** Line-oriented formats: dotenv, Dockerfile, shell, YAML, JSON (package.json scripts, config files). */
function checkLines(ctx: RuleContext, out: Hit[]): void {
  const { text, lines, lang } = ctx;
  if (lang === 'json') checkProperties(ctx, ctx.memo('mask:json', () => scanCLike(text, 'json')), out, 'rejectUnauthorized');
  for (let l = 0; l < lines.lineCount; l++) {
    const line = lines.lineText(l);
    if (!line.includes(ENV) && !(lang === 'yaml' && line.includes('rejectUnauthorized'))) continue;
    const ls = lines.lineStart(l);
    const comment = lang === 'json' ? -1 : hashCommentStart(line);
    const visible = comment < 0 ? line : line.slice(0, comment);
    for (const m of visible.matchAll(SETTING)) {
      const start = ls + m.index;
      out.push({ start, end: start + m[0].length, messageId: 'nodeTlsEnv', ...envLineFix(ctx, l, line, m.index) });
    }
    if (lang === 'yaml') {
      // No fix: emptying a mapping such as `ssl:` would turn it into null, which means something else.
      for (const m of visible.matchAll(/(?:^|(?<=[\s{,-]))(["']?)rejectUnauthorized\1\s*:\s*false(?=\s*(?:[,}]|$))/g)) {
        out.push({ start: ls + m.index, end: ls + m.index + m[0].length, messageId: 'rejectUnauthorized' });
      }
    }
  }
  if (lang === 'yaml') {
    for (const m of text.matchAll(K8S_ENV)) {
      // The pattern anchors `name:` at the line start, so a commented-out pair cannot match.
      const [keyStart] = m.indices![2]!;
      const [, valueEnd] = m.indices![3]!;
      out.push({ start: keyStart, end: valueEnd, messageId: 'nodeTlsEnv' });
    }
  }
}

/** Fix and severity of an env setting found on a line of a line-oriented format. */
function envLineFix(ctx: RuleContext, l: number, line: string, at: number): { fix?: Fix; severity?: Severity } {
  const { lines, lang } = ctx;
  const value = `\\s*(["']?)0\\1\\s*(?:#.*)?$`;
  const whole = (): [number, number] => lineSpan(lines, lines.lineStart(l), lines.lineEnd(l));
  if (lang === 'dotenv') {
    if (!new RegExp(`^\\s*(?:export\\s+)?${ENV}\\s*=${value}`).test(line)) return {};
    return { fix: removal(ctx, REMOVE_ENV, whole()) };
  }
  if (lang === 'dockerfile') {
    if (!/^\s*ENV\s/i.test(line.slice(0, at))) return {};
    const continued = l > 0 && /\\\s*$/.test(lines.lineText(l - 1));
    const single = new RegExp(`^\\s*ENV\\s+${ENV}(?:\\s*=|\\s+)${value}`, 'i').test(line);
    return { fix: single && !continued ? removal(ctx, REMOVE_ENV, whole()) : undefined, severity: 'error' };
  }
  return {};
}

export default defineRule({
  meta: {
    id: 'config/tls-verification-disabled',
    category: 'config',
    description: 'TLS certificate verification is turned off, so connections accept any certificate (man-in-the-middle).',
    severity: 'warning',
    cwe: 'CWE-295',
    fix: 'safe',
    messages: {
      rejectUnauthorized: 'rejectUnauthorized: false turns off TLS certificate verification; this connection accepts any certificate',
      verifyFalse: '{{name}}=False turns off TLS certificate verification; these requests accept any certificate',
      nodeTlsEnv: `${ENV}=0 turns off TLS certificate verification for every HTTPS request in the Node process`,
      insecureSkipVerify: 'InsecureSkipVerify: true turns off TLS certificate verification; this connection accepts any certificate',
    },
    help:
      'Turning off certificate verification lets anyone on the network path impersonate the server and read or alter the traffic. ' +
      'Trust the private CA instead (a `ca` option, REQUESTS_CA_BUNDLE, NODE_EXTRA_CA_CERTS) and keep verification on. ' +
      `Docs: ${docsUrl('config/tls-verification-disabled')}`,
  },
  appliesTo: ({ lang }) => LANGS.has(lang),
  check(ctx) {
    const hits: Hit[] = [];
    const { lang, text } = ctx;
    if (!text.includes('rejectUnauthorized') && !text.includes(ENV) && !/verify(?:_ssl|_certs)?\s*=\s*False|InsecureSkipVerify/.test(text)) return;
    if (lang === 'javascript' || lang === 'typescript') checkJs(ctx, ctx.memo(`mask:${lang}`, () => scanCLike(text, lang)), hits);
    else if (lang === 'python') checkPython(ctx, ctx.memo('mask:python', () => scanPython(text)), hits);
    else if (lang === 'go') checkGo(ctx, ctx.memo('mask:go', () => scanCLike(text, lang)), hits);
    else checkLines(ctx, hits);
    for (const h of hits) {
      ctx.report({ start: h.start, end: h.end, messageId: h.messageId, data: h.data, severity: h.severity, fixes: h.fix ? [h.fix] : [] });
    }
  },
});

const LANGS = new Set<Lang>(['javascript', 'typescript', 'python', 'go', 'dotenv', 'dockerfile', 'shell', 'yaml', 'json']);
