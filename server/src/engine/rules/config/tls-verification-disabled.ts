// config/tls-verification-disabled: code and config that turn off TLS certificate checks (rejectUnauthorized, verify=False, NODE_TLS_REJECT_UNAUTHORIZED=0).
import type { Lang } from '../../languages/detect';
import { closingBracket, CODE, COMMENT, STRING, codeMask, isCode, isWholeString, lineSpan, listItemSpan, nextSignificant, prevSignificant } from '../../languages/lexer';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import type { LineIndex } from '../../text';
import type { Fix, Severity } from '../../types';

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
    // `false`, `!true`, `!!false`, or (in JS) a variable declared once as `false` and never reassigned.
    const value = isReject ? /^(?:false\b|!\s*true\b|!!\s*false\b|(?!(?:true|null|undefined)\b)[A-Za-z_$][\w$]*(?![\w$.([]))/.exec(text.slice(v, v + 80)) : /^(["'`]?)0\1(?![\w.])/.exec(text.slice(v, v + 4));
    if (!value || (isReject && !isCode(mask, v, v + value[0].length))) continue;
    const indirect = isReject && /^[A-Za-z_$]/.test(value[0]) && value[0] !== 'false';
    if (indirect && (ctx.lang === 'json' || !declaredFalse(text, mask, value[0]))) continue;
    const end = v + value[0].length;
    const next = text[nextSignificant(text, mask, end)];
    if (next !== undefined && next !== ',' && next !== '}') continue;
    const span = listItemSpan(lines, mask, start, end);
    out.push(isReject
      ? { start, end, messageId: 'rejectUnauthorized', fix: indirect ? undefined : removal(ctx, REMOVE_REJECT, span) }
      : { start, end, messageId: 'nodeTlsEnv', fix: removal(ctx, REMOVE_ENV, span) });
  }
}

/** `name` is declared exactly once, as `let|const|var name = false`, and never assigned again. */
function declaredFalse(text: string, mask: Uint8Array, name: string): boolean {
  const id = name.replace(/\$/g, '\\$');
  const decls = [...text.matchAll(new RegExp(`\\b(?:const|let|var)\\s+${id}\\s*=\\s*false\\s*[;,\\n]`, 'g'))].filter((m) => isCode(mask, m.index, m.index + m[0].length));
  if (decls.length !== 1) return false;
  const writes = [...text.matchAll(new RegExp(`(?<![\\w$.])${id}\\s*(?:[-+*/|&]?=(?![=>])|\\+\\+|--)|(?:const|let|var|function)\\s+${id}\\b|[(,]\\s*${id}\\s*[,)=]`, 'g'))]
    .filter((m) => mask[m.index] === CODE);
  return writes.length === 1;
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

/** The offset of the code `{` that encloses `at`, or -1. */
function enclosingBrace(text: string, mask: Uint8Array, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    if (mask[i] !== CODE) continue;
    if (text[i] === '}') depth++;
    else if (text[i] === '{' && depth-- === 0) return i;
  }
  return -1;
}

/** Names of options that ask for verification to be skipped (`if opts.Insecure {`, `if !cfg.VerifyTLS {`, `if selfSigned {`). */
const GO_FLAG = /insecure|secure|verif|validat|self.?(?:sign|cert)|trust|skip|unsafe/i;

/**
 * The setting sits in an `if` block whose condition tests an option about verification: the caller opted out, the
 * same as `InsecureSkipVerify: opts.Insecure`, which is not reported. Composite literals (`&tls.Config{…}`) are looked through.
 */
function goFlagGuarded(ctx: RuleContext, mask: Uint8Array, at: number): boolean {
  const { text, lines } = ctx;
  for (let open = enclosingBrace(text, mask, at); open >= 0; open = enclosingBrace(text, mask, open)) {
    const head = text.slice(lines.lineStart(lines.positionAt(open).line), open);
    const cond = /^\s*(?:\}\s*else\s+)?if\s+(.+?)\s*$/.exec(head);
    // A quoted option name counts too: `if opts.Get("skipVerify") {`.
    if (cond) return GO_FLAG.test(cond[1]);
    // Keep going out of composite literals (`Type{`, `&pkg.Type{`, `Key: &tls.Config{`); stop at any other block.
    if (!/[\w\]]\s*$/.test(head) || /^\s*(?:func|for|switch|select|else|case|default|go|defer)\b|\)\s*[\w.*[\]]*\s*$/.test(head)) return false;
  }
  return false;
}

/** Go's documented way to verify by hand: skip the default check and verify the chain in a callback. */
const GO_OWN_VERIFY = /\b(?:VerifyPeerCertificate|VerifyConnection)\s*:/;

function checkGo(ctx: RuleContext, mask: Uint8Array, out: Hit[]): void {
  const { text, lines } = ctx;
  for (const m of text.matchAll(/\bInsecureSkipVerify\s*:\s*true\b/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isCode(mask, start, end) || (start > 0 && /[\w.]/.test(text[start - 1]))) continue;
    const next = text[nextSignificant(text, mask, end)];
    if (next !== undefined && next !== ',' && next !== '}') continue;
    // A tls.Config that also sets VerifyPeerCertificate or VerifyConnection checks the chain itself.
    const open = enclosingBrace(text, mask, start);
    // nhooyr/coder websocket.AcceptOptions: the field of that name turns off the Origin check, not certificate checks.
    if (open >= 0 && /\bAcceptOptions\s*$/.test(text.slice(Math.max(0, open - 60), open))) continue;
    const close = open < 0 ? -1 : closingBracket(text, mask, open);
    if (open >= 0 && close > open && GO_OWN_VERIFY.test(text.slice(open, close))) continue;
    if (goFlagGuarded(ctx, mask, start)) continue;
    out.push({ start, end, messageId: 'insecureSkipVerify', fix: removal(ctx, 'Remove InsecureSkipVerify: true (verify certificates)', listItemSpan(lines, mask, start, end)) });
  }
  for (const m of text.matchAll(/([\w.]*)\.InsecureSkipVerify\s*=\s*true\b/g)) {
    if (!isCode(mask, m.index, m.index + m[0].length)) continue;
    // `cfg.InsecureSkipVerify = true` next to `cfg.VerifyPeerCertificate = …`: the same hand-made verification.
    const receiver = m[1].replace(/[.$]/g, '\\$&');
    if (receiver && new RegExp(`(?<![\\w.])${receiver}\\.(?:VerifyPeerCertificate|VerifyConnection)\\s*=(?!=)`).test(text)) continue;
    if (goFlagGuarded(ctx, mask, m.index)) continue;
    out.push({ start: m.index + m[1].length + 1, end: m.index + m[0].length, messageId: 'insecureSkipVerify' });
  }
}

/** Calls whose `verify` keyword is about something other than TLS (PyJWT 1.x `jwt.decode(..., verify=False)`). */
const NOT_TLS_CALLEE = /(?:^|\.)decode$|jwt/i;
const USES_HTTP_CLIENT = /^\s*(?:import|from)\s+(?:requests|httpx)\b/m;

function checkPython(ctx: RuleContext, mask: Uint8Array, out: Hit[]): void {
  const { text, lines } = ctx;
  for (const m of text.matchAll(/\b(verify|verify_ssl|verify_certs)\s*=\s*(False|0)\b(?![.\w])/g)) {
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
      out.push({ start, end, messageId: 'verifyFalse', data: { name: 'verify', value: m[2] } });
      continue;
    }
    if (NOT_TLS_CALLEE.test(callee)) continue;
    const next = text[nextSignificant(text, mask, end)];
    if (next !== ',' && next !== ')') continue;
    out.push({
      start, end, messageId: 'verifyFalse', data: { name: m[1], value: m[2] },
      fix: removal(ctx, `Remove ${m[1]}=${m[2]} (verify certificates)`, listItemSpan(lines, mask, start, end)),
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
  if (lang === 'json') checkProperties(ctx, codeMask(ctx), out, 'rejectUnauthorized');
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

/** A fix that replaces `[start, end)`. */
function replacement(ctx: RuleContext, title: string, start: number, end: number, newText: string, applicability: Fix['applicability'] = 'safe'): Fix {
  return { title, applicability, changes: [{ path: ctx.path, edits: [ctx.lines.edit(start, end, newText)] }] };
}

/** `checkServerIdentity: () => undefined` and friends: the hostname is never compared with the certificate. */
const JS_NO_IDENTITY_CHECK = /\bcheckServerIdentity\s*:\s*(?:(?:async\s*)?(?:\(\s*[^()]*\)|\w+)\s*=>\s*(?:undefined|null|\{\s*(?:return\s*(?:undefined|null)?\s*;?\s*)?\}|void\s+0)|function\s*\w*\s*\([^()]*\)\s*\{\s*(?:return\s*(?:undefined|null)?\s*;?\s*)?\})/g;

function checkJsIdentity(ctx: RuleContext, mask: Uint8Array, out: Hit[]): void {
  const { text, lines } = ctx;
  for (const m of text.matchAll(JS_NO_IDENTITY_CHECK)) {
    const start = m.index;
    const end = start + m[0].length;
    if (mask[start] !== CODE || mask[end - 1] !== CODE || (start > 0 && /[\w$.]/.test(text[start - 1]))) continue;
    const before = text[prevSignificant(text, mask, start)];
    const next = text[nextSignificant(text, mask, end)];
    if ((before !== '{' && before !== ',') || (next !== undefined && next !== ',' && next !== '}')) continue;
    out.push({ start, end, messageId: 'checkServerIdentity', fix: removal(ctx, 'Remove checkServerIdentity (verify the hostname)', listItemSpan(lines, mask, start, end)) });
  }
}

/** Python `ssl` module: unverified contexts, `CERT_NONE`, `check_hostname = False`, pyOpenSSL `VERIFY_NONE`. */
function checkPythonSsl(ctx: RuleContext, mask: Uint8Array, out: Hit[]): void {
  const { text, lines } = ctx;
  const fromSsl = /^\s*from\s+ssl\s+import\b/m.test(text);
  for (const m of text.matchAll(/(?<![\w.])(?:ssl\.)?_create_unverified_context\b/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isCode(mask, start, end) || (!m[0].startsWith('ssl.') && !fromSsl)) continue;
    const line = lines.positionAt(start).line;
    const ls = lines.lineStart(line);
    const lineText = lines.lineText(line);
    let fix: Fix | undefined;
    // The monkeypatch `ssl._create_default_https_context = ssl._create_unverified_context` goes as a whole.
    if (/^\s*(?:ssl\.)?_create_default_https_context\s*=\s*(?:ssl\.)?_create_unverified_context\s*(?:#.*)?$/.test(lineText)) {
      if (pythonLineDeletable(lines, line)) fix = removal(ctx, 'Remove the unverified default context', lineSpan(lines, ls, lines.lineEnd(line)));
    } else if (text[nextSignificant(text, mask, end)] === '(') {
      fix = replacement(ctx, 'Use ssl.create_default_context() (verifies certificates)', start, end, m[0].startsWith('ssl.') ? 'ssl.create_default_context' : 'create_default_context', 'unsafe');
      if (!m[0].startsWith('ssl.')) fix = undefined;
    }
    out.push({ start, end, messageId: 'unverifiedContext', fix });
  }
  const certNone = /\b(verify_mode|cert_reqs|ssl_cert_reqs)(["']?)\s*(?:=(?!=)|(?<=["'])\s*:)\s*((?:ssl\.)?CERT_NONE)\b/g;
  for (const m of text.matchAll(certNone)) {
    const start = m.index;
    const end = start + m[0].length;
    const quoted = m[2] !== '';
    if (quoted ? mask[start] !== STRING || mask[end - 1] !== CODE : !isCode(mask, start, end)) continue;
    if (!quoted && start > 0 && text[start - 1] !== '.' && /[\w]/.test(text[start - 1])) continue;
    if (!m[3].startsWith('ssl.') && !fromSsl) continue;
    // `CERT_NONE if insecure else CERT_REQUIRED`: an option the caller chose, not verification turned off here.
    if (/^[ \t]+if\b/.test(text.slice(end, end + 8))) continue;
    const vStart = end - m[3].length;
    out.push({
      start: quoted ? start - 1 : start, end, messageId: 'certNone', data: { name: m[1] },
      fix: replacement(ctx, 'Require a valid certificate (CERT_REQUIRED)', vStart, end, m[3].replace('CERT_NONE', 'CERT_REQUIRED'), 'unsafe'),
    });
  }
  // urllib3 resolves the strings 'NONE'/'CERT_NONE' to ssl.CERT_NONE; redis-py takes 'none' and None as CERT_NONE too.
  const certNoneWord = /\b(cert_reqs|ssl_cert_reqs)(["']?)\s*(?:=(?!=)|(?<=["'])\s*:)\s*(?:(["'])((?:CERT_)?NONE)\3|None\b)/gi;
  for (const m of text.matchAll(certNoneWord)) {
    const start = m.index;
    const end = start + m[0].length;
    const quoted = m[2] !== '';
    if (quoted ? mask[start] !== STRING : mask[start] !== CODE) continue;
    if (!quoted && start > 0 && text[start - 1] !== '.' && /[\w]/.test(text[start - 1])) continue;
    // Python is case-sensitive: only the names themselves, and None only for redis-py's ssl_cert_reqs (urllib3's None is the default).
    if (!/^(?:ssl_)?cert_reqs$/.test(m[1]) || (!m[3] && (m[1] !== 'ssl_cert_reqs' || !m[0].endsWith('None')))) continue;
    if (m[3] && !/^(?:CERT_NONE|NONE|none)$/.test(m[4])) continue;
    if (/^[ \t]+if\b/.test(text.slice(end, end + 8))) continue;
    out.push({ start: quoted ? start - 1 : start, end, messageId: 'certNone', data: { name: m[1] } });
  }
  for (const m of text.matchAll(/\.(check_hostname|assert_hostname)\s*=(?!=)\s*False\b|\b(assert_hostname)\s*=\s*False\b(?=\s*[,)])/g)) {
    const start = m.index + (m[0].startsWith('.') ? 1 : 0);
    const end = m.index + m[0].length;
    if (!isCode(mask, m.index, end)) continue;
    if (m[2] && (calleeOf(text, mask, start) ?? '') === '') continue;
    out.push({ start, end, messageId: 'checkHostname', data: { name: m[1] ?? m[2] } });
  }
  for (const m of text.matchAll(/\bset_verify\s*\(\s*(?:OpenSSL\.)?SSL\.VERIFY_NONE\b/g)) {
    const end = m.index + m[0].length;
    if (!isCode(mask, m.index, end)) continue;
    out.push({ start: end - 'SSL.VERIFY_NONE'.length, end, messageId: 'verifyNone', data: { name: 'SSL.VERIFY_NONE' } });
  }
}

/** Java and Kotlin: trust managers that accept any chain, hostname verifiers that accept any name. */
function checkJvm(ctx: RuleContext, mask: Uint8Array, out: Hit[]): void {
  const { text } = ctx;
  // `public void checkServerTrusted(X509Certificate[] chain, String authType) {}` (Java) or `override fun …() {}` (Kotlin).
  for (const m of text.matchAll(/\b(?:void|fun)\s+(checkServerTrusted)\s*\(/g)) {
    const nameStart = m.index + m[0].indexOf('checkServerTrusted');
    if (!isCode(mask, m.index, m.index + m[0].length)) continue;
    const open = m.index + m[0].length - 1;
    const close = closingBracket(text, mask, open);
    if (close < 0) continue;
    let i = nextSignificant(text, mask, close + 1);
    const rest = text.slice(i, i + 200);
    const head = /^(?:throws\s+[\w.]+(?:\s*,\s*[\w.]+)*\s*|:\s*Unit\s*)?/.exec(rest)!;
    i = nextSignificant(text, mask, i + head[0].length);
    if (text[i] === '=' && /^=\s*Unit\b/.test(text.slice(i))) {
      out.push({ start: nameStart, end: nameStart + m[1].length, messageId: 'trustAllManager' });
      continue;
    }
    if (text[i] !== '{') continue;
    let j = nextSignificant(text, mask, i + 1);
    if (/^return\s*;/.test(text.slice(j, j + 10))) j = nextSignificant(text, mask, text.indexOf(';', j) + 1);
    if (text[j] !== '}') continue;
    out.push({ start: nameStart, end: nameStart + m[1].length, messageId: 'trustAllManager' });
  }
  checkWebViewSslError(ctx, mask, out);
  const accepts = [
    // `boolean verify(String host, SSLSession s) { return true; }`
    /\bboolean\s+verify\s*\(\s*(?:final\s+)?String\s+\w+\s*,\s*(?:final\s+)?SSLSession\s+\w+\s*\)\s*\{\s*return\s+true\s*;\s*\}/g,
    /\bfun\s+verify\s*\(\s*\w+\s*:\s*String\??\s*,\s*\w+\s*:\s*SSLSession\??\s*\)\s*(?::\s*Boolean\s*)?(?:=\s*true\b|\{\s*return\s+true\s*;?\s*\})/g,
    // `.hostnameVerifier((h, s) -> true)`, `setDefaultHostnameVerifier((h, s) -> true)`, `HostnameVerifier v = (h, s) -> true`.
    /\b(?:[Hh]ostnameVerifier\s*\(\s*|HostnameVerifier\s+\w+\s*=\s*)\(\s*\w+\s*,\s*\w+\s*\)\s*->\s*true\b/g,
    /\b[Hh]ostnameVerifier\s*(?:\(\s*)?\{\s*\w+\s*,\s*\w+\s*->\s*true\s*\}/g,
    /\bnew\s+(?:NoopHostnameVerifier|AllowAllHostnameVerifier)\s*\(\s*\)|\bNoopHostnameVerifier\.INSTANCE\b|\bALLOW_ALL_HOSTNAME_VERIFIER\b/g,
  ];
  for (const re of accepts) {
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      if (!isCode(mask, m.index, end) || /^\s*import\b/.test(ctx.lines.lineText(ctx.lines.positionAt(m.index).line))) continue;
      out.push({ start: m.index, end, messageId: 'hostnameVerifier' });
    }
  }
  for (const m of text.matchAll(/\b(?:new\s+(?:TrustAllStrategy|TrustSelfSignedStrategy)\s*\(\s*\)|(?:TrustAllStrategy|TrustSelfSignedStrategy)\.INSTANCE\b)|\bloadTrustMaterial\s*\(\s*(?:null\s*,\s*)?\(\s*\w+\s*,\s*\w+\s*\)\s*->\s*true\b/g)) {
    const end = m.index + m[0].length;
    if (!isCode(mask, m.index, end)) continue;
    out.push({ start: m.index, end, messageId: 'trustAllManager' });
  }
}

/**
 * Android `WebViewClient.onReceivedSslError(view, handler, error)` whose body calls `handler.proceed()` without
 * deciding anything first (no condition, no dialog, no cancel): every certificate error is ignored.
 */
function checkWebViewSslError(ctx: RuleContext, mask: Uint8Array, out: Hit[]): void {
  const { text } = ctx;
  for (const m of text.matchAll(/\b(?:void|fun)\s+onReceivedSslError\s*\(/g)) {
    if (!isCode(mask, m.index, m.index + m[0].length)) continue;
    const open = m.index + m[0].length - 1;
    const close = closingBracket(text, mask, open);
    if (close < 0) continue;
    // The handler is the second parameter: `SslErrorHandler handler` (Java) or `handler: SslErrorHandler?` (Kotlin).
    const params = text.slice(open + 1, close).split(',');
    const handler = params.length === 3 ? /(?:^|\s)(\w+)\s*(?::|$)/.exec(params[1].trim())?.[1] ?? /(\w+)\s*$/.exec(params[1].trim())?.[1] : undefined;
    if (!handler) continue;
    const brace = nextSignificant(text, mask, close + 1);
    if (text[brace] !== '{') continue;
    const end = closingBracket(text, mask, brace);
    if (end < 0) continue;
    let body = '';
    for (let i = brace + 1; i < end; i++) body += mask[i] === CODE ? text[i] : mask[i] === STRING ? '"' : ' ';
    if (/\b(?:if|when|switch|cancel|new|fun|object|return)\b|\?(?!\.)|->|\{/.test(body)) continue;
    const call = new RegExp(`(?<![\\w.])${handler}\\s*\\??\\.\\s*proceed\\s*\\(\\s*\\)`).exec(body);
    if (!call) continue;
    const start = brace + 1 + call.index;
    out.push({ start, end: start + call[0].length, messageId: 'webViewProceed' });
  }
}

/** A C# lambda or anonymous method that returns `true` whatever it is given. */
const CS_PARAM = String.raw`(?:[\w.<>?\[\]]+\s+)?\w+`;
const CS_ACCEPT_ALL = new RegExp(String.raw`\(\s*${CS_PARAM}\s*,\s*${CS_PARAM}\s*,\s*${CS_PARAM}\s*,\s*${CS_PARAM}\s*\)\s*=>\s*(?:true\b|\{\s*return\s+true\s*;\s*\})` +
  String.raw`|\bdelegate\s*(?:\([^()]*\))?\s*\{\s*return\s+true\s*;\s*\}|\bHttpClientHandler\.DangerousAcceptAnyServerCertificateValidator\b`, 'g');

/**
 * C#: certificate validation callbacks that accept everything: `ServicePointManager.ServerCertificateValidationCallback
 * += (s, c, ch, e) => true`, `handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAccept…`,
 * `new SslStream(stream, false, (s, c, ch, e) => true)`, and a method that only returns true used as the callback.
 */
function checkCsharp(ctx: RuleContext, mask: Uint8Array, out: Hit[]): void {
  const { text } = ctx;
  for (const m of text.matchAll(CS_ACCEPT_ALL)) {
    const end = m.index + m[0].length;
    if (!isCode(mask, m.index, end)) continue;
    // The statement it belongs to sets or builds a certificate callback.
    let from = m.index;
    while (from > 0 && !(mask[from - 1] === CODE && /[;{}]/.test(text[from - 1]))) from--;
    if (!/ValidationCallback|\bnew\s+SslStream\s*\(/.test(text.slice(from, m.index))) continue;
    out.push({ start: m.index, end, messageId: 'acceptAllCallback' });
  }
  // Methods whose whole body is `return true;`, taking an X509Certificate: used as a callback, they accept everything.
  const acceptAll = new Set<string>();
  for (const m of text.matchAll(/\bbool\s+(\w+)\s*\(([^()]*)\)\s*\{\s*return\s+true\s*;\s*\}|\bbool\s+(\w+)\s*\(([^()]*)\)\s*=>\s*true\s*;/g)) {
    if (isCode(mask, m.index, m.index + m[0].length) && /X509Certificate/.test(m[2] ?? m[4])) acceptAll.add(m[1] ?? m[3]);
  }
  if (acceptAll.size === 0) return;
  for (const m of text.matchAll(/ValidationCallback\s*\+?=\s*(?:new\s+RemoteCertificateValidationCallback\s*\(\s*)?(?:\w+\.)?(\w+)\b(?!\s*[.(])/g)) {
    if (!acceptAll.has(m[1]) || !isCode(mask, m.index, m.index + m[0].length)) continue;
    const start = m.index + m[0].length - m[1].length;
    out.push({ start, end: start + m[1].length, messageId: 'acceptAllCallback' });
  }
}

/** PHP: cURL options, Guzzle/Laravel `verify`, stream context `verify_peer`. */
function checkPhp(ctx: RuleContext, mask: Uint8Array, out: Hit[]): void {
  const { text } = ctx;
  const secure: Record<string, string> = { CURLOPT_SSL_VERIFYHOST: '2' };
  const FALSE = String.raw`(?<value>false|FALSE|False|0)\b`;
  const patterns = [
    new RegExp(String.raw`\bcurl_setopt\s*\(\s*[^,()]+,\s*(?<name>CURLOPT_SSL_VERIFY(?:PEER|HOST))\s*,\s*${FALSE}(?=\s*\))`, 'g'),
    new RegExp(String.raw`(?<![\w$])(?<name>CURLOPT_SSL_VERIFY(?:PEER|HOST))\s*=>\s*${FALSE}`, 'g'),
    new RegExp(String.raw`(?<q>["'])(?<name>verify|verify_peer|verify_peer_name)\k<q>\s*=>\s*(?<value>false|FALSE|False)\b`, 'g'),
  ];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const { name, value, q } = m.groups!;
      const end = m.index + m[0].length;
      const start = q ? m.index : m.index + m[0].indexOf(name);
      if (q ? !isWholeString(mask, start, start + name.length + 2) || !isCode(mask, start + name.length + 2, end) : !isCode(mask, start, end)) continue;
      const good = secure[name] ?? 'true';
      out.push({
        start, end, messageId: 'phpVerifyOff', data: { name },
        fix: replacement(ctx, `Set ${name} to ${good} (verify certificates)`, end - value.length, end, good),
      });
    }
  }
  for (const m of text.matchAll(/(?:->|::)\s*withoutVerifying\s*\(\s*\)/g)) {
    const end = m.index + m[0].length;
    if (!isCode(mask, m.index, end)) continue;
    out.push({ start: m.index + m[0].indexOf('withoutVerifying'), end, messageId: 'phpVerifyOff', data: { name: 'withoutVerifying()' } });
  }
}

/** Ruby option names whose `false` turns verification off: rest-client, Excon, HTTParty, Typhoeus/Ethon. */
const RUBY_FLAGS = 'verify_ssl|ssl_verify_peer|verify_peer|ssl_verifypeer';

/** Ruby: `OpenSSL::SSL::VERIFY_NONE`, Faraday `ssl: { verify: false }`, rest-client/Excon flags. */
function checkRuby(ctx: RuleContext, mask: Uint8Array, out: Hit[]): void {
  const { text } = ctx;
  for (const m of text.matchAll(/(?<![\w:])(?:OpenSSL::)?SSL::VERIFY_NONE\b/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isCode(mask, start, end)) continue;
    const before = text.slice(Math.max(0, start - 4), start);
    if (/(?:==|!=|===)\s*$/.test(before)) continue;
    out.push({
      start, end, messageId: 'verifyNone', data: { name: m[0] },
      fix: replacement(ctx, 'Use VERIFY_PEER (verify certificates)', start, end, m[0].replace('VERIFY_NONE', 'VERIFY_PEER')),
    });
  }
  const seen = new Set<number>();
  // HTTParty's own `verify: false` / `:verify => false`, in a file that uses HTTParty (JWT.decode has a `verify` keyword too).
  const httparty = /\bHTTParty\b/.test(text) ? String.raw`|(?<![\w:])(verify:\s*false)\b|(?<![\w:])(:verify\s*=>\s*false)\b` : '';
  const re = new RegExp(String.raw`\bssl:\s*\{[^{}]*?(?<![\w:])(verify:\s*false)\b|(?<![\w:])((?:${RUBY_FLAGS}):\s*false)\b|(?<![\w:])(:(?:${RUBY_FLAGS})\s*=>\s*false)\b` +
    // Excon's process-wide defaults: `Excon.defaults[:ssl_verify_peer] = false`, `Excon.ssl_verify_peer = false`.
    String.raw`|(?<=\[\s*)(:(?:${RUBY_FLAGS})\s*\]\s*=(?!=)\s*false)\b|(?<=\.)((?:ssl_verify_peer|verify_ssl)\s*=(?!=)\s*false)\b${httparty}`, 'g');
  for (const m of text.matchAll(re)) {
    const part = m.slice(1).find((g) => g !== undefined)!;
    const start = m.index + m[0].length - part.length;
    const end = m.index + m[0].length;
    if (!isCode(mask, m.index, end) || seen.has(start)) continue;
    seen.add(start);
    if (part.startsWith('verify') && !m[0].startsWith('ssl') && /\bJWT\b|\bdecode\b/.test(ctx.lines.lineText(ctx.lines.positionAt(start).line))) continue;
    out.push({
      start, end, messageId: 'verifyNone', data: { name: part.replace(/^:(\w+)\s*\]\s*=/, '$1 =').replace(/\s+/g, ' ') },
      fix: replacement(ctx, 'Set it to true (verify certificates)', end - 'false'.length, end, 'true'),
    });
  }
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
      verifyFalse: '{{name}}={{value}} turns off TLS certificate verification; these requests accept any certificate',
      nodeTlsEnv: `${ENV}=0 turns off TLS certificate verification for every HTTPS request in the Node process`,
      insecureSkipVerify: 'InsecureSkipVerify: true turns off TLS certificate verification; this connection accepts any certificate',
      checkServerIdentity: 'checkServerIdentity accepts every certificate name; this connection trusts a certificate issued for any host',
      unverifiedContext: 'ssl._create_unverified_context() makes a context that accepts any certificate',
      certNone: '{{name}} = CERT_NONE turns off TLS certificate verification; this connection accepts any certificate',
      checkHostname: '{{name}} = False turns off the TLS hostname check; a certificate for any host is accepted',
      verifyNone: '{{name}} turns off TLS certificate verification; this connection accepts any certificate',
      trustAllManager: 'This trust manager accepts every certificate chain, so TLS verification is off for every connection that uses it',
      hostnameVerifier: 'This hostname verifier accepts every host name, so a certificate issued for any site is accepted',
      acceptAllCallback: 'This certificate validation callback accepts every certificate, so TLS verification is off for the connections that use it',
      webViewProceed: 'onReceivedSslError calls proceed() for every TLS error, so this WebView loads pages whatever certificate they present',
      phpVerifyOff: '{{name}} set to false/0 turns off TLS certificate verification; these requests accept any certificate',
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
    if (!PREFILTER.test(text)) return;
    if (lang === 'javascript' || lang === 'typescript') {
      const mask = codeMask(ctx);
      checkJs(ctx, mask, hits);
      if (text.includes('checkServerIdentity')) checkJsIdentity(ctx, mask, hits);
    } else if (lang === 'python') {
      const mask = codeMask(ctx);
      checkPython(ctx, mask, hits);
      checkPythonSsl(ctx, mask, hits);
    } else if (lang === 'go') checkGo(ctx, codeMask(ctx), hits);
    else if (lang === 'java' || lang === 'kotlin') checkJvm(ctx, codeMask(ctx), hits);
    else if (lang === 'php') checkPhp(ctx, codeMask(ctx), hits);
    else if (lang === 'ruby') checkRuby(ctx, codeMask(ctx), hits);
    else if (lang === 'csharp') checkCsharp(ctx, codeMask(ctx), hits);
    else checkLines(ctx, hits);
    for (const h of hits) {
      ctx.report({ start: h.start, end: h.end, messageId: h.messageId, data: h.data, severity: h.severity, fixes: h.fix ? [h.fix] : [] });
    }
  },
});

/** Files with none of these words cannot hold anything the rule reports. */
const PREFILTER = new RegExp([
  'rejectUnauthorized', ENV, String.raw`verify(?:_ssl|_certs)?\s*=\s*(?:False|0)`, 'InsecureSkipVerify', 'checkServerIdentity',
  '_create_unverified_context', 'CERT_NONE', 'cert_reqs', String.raw`(?:check|assert)_hostname`, 'VERIFY_NONE', 'checkServerTrusted',
  'HostnameVerifier', 'HOSTNAME_VERIFIER', 'onReceivedSslError', 'ValidationCallback', 'SslStream', 'TrustAllStrategy', 'TrustSelfSignedStrategy', 'loadTrustMaterial',
  'CURLOPT_SSL_VERIFY', `["']verify`, 'withoutVerifying', 'verify_ssl', 'verify_peer', 'ssl_verifypeer', 'HTTParty',
].join('|'));

const LANGS = new Set<Lang>(['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'php', 'ruby', 'csharp', 'dotenv', 'dockerfile', 'shell', 'yaml', 'json']);
