// config/tls-weak-version: code that allows or pins SSL 3, TLS 1.0 or TLS 1.1 (Python ssl, Node tls, Go, Java, C#, PHP, Ruby).
import type { Lang } from '../../languages/detect';
import { CODE, codeMask, isCode, isWholeString, nextSignificant, prevSignificant } from '../../languages/lexer';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import type { Fix } from '../../types';

interface Pattern {
  re: RegExp;
  /** The fix's replacement for the matched text, by its captured value. */
  fix?: (m: RegExpMatchArray) => { start: number; end: number; text: string; title: string } | undefined;
  /** Extra test on the match (context, imports). */
  when?: (ctx: RuleContext, m: RegExpMatchArray, mask: Uint8Array) => boolean;
  /** The match includes a string literal (a quoted option value). */
  quoted?: boolean;
  /** Report only the version value, not the whole match. */
  atVersion?: boolean;
}

const JS_WEAK = String.raw`(?<q>["'\`])(?<version>TLSv1(?:\.1)?|SSLv3)\k<q>`;
const JS_METHOD = String.raw`(?<q>["'\`])(?<version>(?:TLSv1|TLSv1_1|SSLv3|SSLv2|SSLv23)_(?:client_|server_)?method)\k<q>`;

/** Replaces the value of the match's `version` group. */
function replaceVersion(m: RegExpMatchArray, text: string, title: string): { start: number; end: number; text: string; title: string } {
  const [start, end] = m.indices!.groups!.version!;
  return { start, end, text, title };
}

/** `ssl.PROTOCOL_TLSv1`, or the bare name imported from ssl (the import line itself is not a use). */
function fromSsl(ctx: RuleContext, m: RegExpMatchArray): boolean {
  if (m[0].startsWith('ssl.')) return true;
  const line = ctx.lines.lineText(ctx.lines.positionAt(m.index!).line);
  return /^\s*from\s+ssl\s+import\b/m.test(ctx.text) && !/^\s*(?:from|import)\s/.test(line);
}

const PATTERNS: Partial<Record<Lang, Pattern[]>> = {
  python: [
    { re: /(?<![\w.])(?:ssl\.)?PROTOCOL_(?<version>TLSv1|TLSv1_1|SSLv2|SSLv3)\b/dg, when: fromSsl },
    {
      re: /(?<=\.)minimum_version\s*=(?!=)\s*(?:ssl\.)?TLSVersion\.(?<version>TLSv1|TLSv1_1|SSLv3)\b/dg,
      fix: (m) => replaceVersion(m, 'TLSv1_2', 'Require TLS 1.2 or later'),
    },
    { re: /\bSSL\.(?<version>TLSv1|TLSv1_1|SSLv2|SSLv3)_METHOD\b/dg },
    // Clearing an OP_NO_* flag turns an old version back on: `ctx.options &= ~ssl.OP_NO_TLSv1_1`.
    { re: /(?<=\.)options\s*&=\s*~\s*\(?\s*(?:ssl\.)?OP_NO_(?<version>TLSv1_1|TLSv1|SSLv3|SSLv2)\b/dg },
  ],
  javascript: [
    { re: new RegExp(String.raw`\bminVersion\s*:\s*${JS_WEAK}`, 'dg'), quoted: true, fix: (m) => replaceVersion(m, 'TLSv1.2', "Require TLS 1.2 or later (minVersion: 'TLSv1.2')") },
    {
      re: new RegExp(String.raw`\bsecureProtocol\s*:\s*${JS_METHOD}`, 'dg'),
      quoted: true,
      // SSLv23_method is the old name of "negotiate the best version", not a weak one.
      when: (_ctx, m) => !m.groups!.version.startsWith('SSLv23'),
      fix: (m) => ({ start: m.index!, end: m.index! + m[0].length, text: "minVersion: 'TLSv1.2'", title: "Replace with minVersion: 'TLSv1.2'" }),
    },
  ],
  go: [
    { re: /\bMinVersion\s*:\s*tls\.(?<version>VersionTLS10|VersionTLS11|VersionSSL30)\b/dg, fix: (m) => replaceVersion(m, 'VersionTLS12', 'Require TLS 1.2 or later') },
    { re: /(?<=\.)MinVersion\s*=\s*tls\.(?<version>VersionTLS10|VersionTLS11|VersionSSL30)\b/dg, fix: (m) => replaceVersion(m, 'VersionTLS12', 'Require TLS 1.2 or later') },
    { re: /\bMaxVersion\s*:\s*tls\.(?<version>VersionTLS10|VersionTLS11|VersionSSL30)\b/dg },
  ],
  java: [
    { re: /\bSSLContext\.getInstance\s*\(\s*"(?<version>TLSv1(?:\.1)?|SSLv3|SSLv2)"/dg, quoted: true, atVersion: true, fix: (m) => replaceVersion(m, 'TLSv1.2', 'Use TLSv1.2') },
    { re: /\bsetEnabledProtocols\s*\([^;]*?"(?<version>TLSv1(?:\.1)?|SSLv3|SSLv2(?:Hello)?)"/dg, quoted: true, atVersion: true },
    { re: /\bTlsVersion\.(?<version>TLS_1_0|TLS_1_1|SSL_3_0)\b/dg },
  ],
  csharp: [
    { re: /\b(?:SslProtocols|SecurityProtocolType)\.(?<version>Tls|Tls11|Ssl3|Ssl2)\b(?!\d)/dg },
  ],
  php: [
    { re: /\bCURL_SSLVERSION_(?<version>TLSv1|TLSv1_0|TLSv1_1|SSLv2|SSLv3)\b/dg },
    { re: /\bSTREAM_CRYPTO_METHOD_(?<version>TLSv1_0|TLSv1_1|SSLv2|SSLv3|SSLv23)_(?:CLIENT|SERVER)\b/dg },
  ],
  ruby: [
    { re: /\bssl_version\s*(?:=(?!=)|:|=>)\s*:(?<version>TLSv1|TLSv1_1|SSLv3|SSLv2)\b/dg },
    { re: /\bssl_version\s*(?:=(?!=)|:|=>)\s*(?<q>["'])(?<version>TLSv1|TLSv1_1|SSLv3|SSLv2)\k<q>/dg, quoted: true },
    { re: /\bmin_version\s*(?:=(?!=)|:|=>)\s*(?:OpenSSL::SSL::)?(?<version>TLS1_VERSION|TLS1_1_VERSION|SSL3_VERSION)\b/dg, fix: (m) => replaceVersion(m, 'TLS1_2_VERSION', 'Require TLS 1.2 or later') },
  ],
};
PATTERNS.typescript = PATTERNS.javascript;
PATTERNS.kotlin = PATTERNS.java;

/** Files with none of these words hold nothing the rule reports. */
const PREFILTER = /PROTOCOL_|OP_NO_|TLSVersion|_METHOD|minVersion|secureProtocol|MinVersion|MaxVersion|getInstance|setEnabledProtocols|TlsVersion|SslProtocols|SecurityProtocolType|CURL_SSLVERSION_|STREAM_CRYPTO_METHOD_|ssl_version|min_version/;

/** `TLSv1_1` / `VersionTLS11` / `Tls11` as people say it. */
function label(version: string): string {
  const v = version.replace(/^[:"']|["']$/g, '');
  if (/SSL.?2|Ssl2/i.test(v)) return 'SSL 2.0';
  if (/SSL.?3|SSL30|Ssl3|SSL_3/i.test(v)) return 'SSL 3.0';
  if (/1[._]?1|11/.test(v)) return 'TLS 1.1';
  return 'TLS 1.0';
}

export default defineRule({
  meta: {
    id: 'config/tls-weak-version',
    category: 'config',
    description: 'A TLS client or server allows or pins an obsolete protocol version (SSL 3.0, TLS 1.0, TLS 1.1).',
    severity: 'warning',
    cwe: 'CWE-327',
    fix: 'unsafe',
    messages: {
      weakVersion: '{{version}} is obsolete (deprecated by RFC 8996, open to downgrade and known attacks); require TLS 1.2 or later',
    },
    help:
      'SSL 3.0, TLS 1.0 and TLS 1.1 have known weaknesses (POODLE, BEAST, weak hashes) and are deprecated by RFC 8996. ' +
      `Set the minimum version to TLS 1.2 and let the library negotiate the best one. Docs: ${docsUrl('config/tls-weak-version')}`,
  },
  appliesTo: ({ lang }) => lang in PATTERNS,
  check(ctx) {
    if (!PREFILTER.test(ctx.text)) return;
    const mask = codeMask(ctx);
    const reported = new Set<number>();
    for (const p of PATTERNS[ctx.lang] ?? []) {
      for (const m of ctx.text.matchAll(p.re)) {
        if (!inCode(ctx.text, mask, m, p.quoted === true)) continue;
        const [start, end] = p.atVersion ? versionLiteral(ctx.text, m) : [m.index, m.index + m[0].length];
        if (p.when && !p.when(ctx, m, mask)) continue;
        if (ctx.lang === 'python' && !pythonUse(ctx, m)) continue;
        // One finding per line: `PROTOCOL_TLSv1: SSL.TLSv1_METHOD` names one choice twice.
        const line = ctx.lines.positionAt(start).line;
        if (reported.has(line)) continue;
        reported.add(line);
        const f = p.fix?.(m);
        const fixes: Fix[] = f ? [{ title: f.title, applicability: 'unsafe', changes: [{ path: ctx.path, edits: [ctx.lines.edit(f.start, f.end, f.text)] }] }] : [];
        ctx.report({ start, end, messageId: 'weakVersion', data: { version: label(m.groups!.version) }, fixes });
      }
    }
  },
});

/**
 * A Python protocol constant that selects a version, not one a library names in a table or a test: a mapping
 * (`{PROTOCOL_TLSv1: TLSv1_METHOD}`, `versions[PROTOCOL_SSLv3] = …`), a comparison or a `hasattr` probe is not a use.
 */
function pythonUse(ctx: RuleContext, m: RegExpMatchArray): boolean {
  const line = ctx.lines.lineText(ctx.lines.positionAt(m.index!).line);
  if (/PROTOCOL_\w+\s*[\]:]/.test(line)) return false;
  const before = ctx.text.slice(Math.max(0, m.index! - 12), m.index!);
  const after = ctx.text.slice(m.index! + m[0].length, m.index! + m[0].length + 8);
  if (/(?:==|!=|\bis|\bin|\bnot)\s*[([{]?\s*$/.test(before) || /^\s*(?:==|!=|\bis\b|\bin\b)/.test(after)) return false;
  return true;
}

/** The match is code; a quoted version value must be one whole string literal and the match must not start mid-word. */
function inCode(text: string, mask: Uint8Array, m: RegExpMatchArray, quoted: boolean): boolean {
  const start = m.index!;
  const end = start + m[0].length;
  if (mask[start] !== CODE) return false;
  if (start > 0 && /[\w$]/.test(text[start - 1]) && /[\w$]/.test(text[start])) return false;
  if (!quoted) return isCode(mask, start, end);
  const [vs, ve] = versionLiteral(text, m);
  if (!isWholeString(mask, vs, ve)) return false;
  // A property must be a property (after `{` or `,`), not `x.minVersion: …` in a type or a ternary.
  if (/^(?:minVersion|secureProtocol)\b/.test(m[0])) {
    const before = text[prevSignificant(text, mask, start)];
    const after = text[nextSignificant(text, mask, end)];
    return (before === '{' || before === ',') && (after === undefined || after === ',' || after === '}');
  }
  return true;
}

/** Offsets of the quoted version literal, quotes included. */
function versionLiteral(text: string, m: RegExpMatchArray): [number, number] {
  const [vs, ve] = m.indices!.groups!.version!;
  const q = /["'`]/.test(text[vs - 1]) ? 1 : 0;
  return [vs - q, ve + q];
}
