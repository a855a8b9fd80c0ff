// secret/generic-secret: a secret-named variable or key (password, api_key, githubToken…) assigned a literal that looks like a real secret.
import { envVarFix } from '../../fixes/env-var';
import { basename, type Lang } from '../../languages/detect';
import { parseDotenv } from '../../languages/dotenv';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import { redact } from '../../text';
import type { Fix } from '../../types';
import { isCommitted, isDocFile, isTestLikePath, isTestSourcePath, looksLikeSecret, secretKind } from './heuristics';
import { filePrefilter, findProviderSecrets, isLocalDotenv } from './provider';
import { providerSpecs } from './providers';

const ID = 'secret/generic-secret';

interface Candidate {
  key: string;
  /** Offsets of the value as written (inside any quotes). */
  start: number;
  end: number;
  /** The value as the program sees it. */
  value: string;
  /** The whole literal, when the env-var fix may replace it. */
  literal?: { start: number; end: number };
}

type Family = 'code' | 'env' | 'yaml' | 'ini' | 'docker' | 'xml' | 'netrc' | 'sql';

/** Tool rc files that the language detector sees as plain text but are really INI-like or netrc. */
function effectiveLang(path: string, lang: Lang): Lang {
  const name = basename(path).toLowerCase();
  return /^(?:\.npmrc|\.yarnrc|\.pypirc|pip\.conf|\.gemrc|\.netrc|_netrc)$/.test(name) ? 'ini' : lang;
}

function familiesFor(path: string, lang: Lang): Family[] {
  const name = basename(path).toLowerCase();
  if (name === '.netrc' || name === '_netrc') return ['netrc'];
  switch (lang) {
    case 'dotenv': case 'shell': return ['env'];
    case 'yaml': return ['yaml'];
    // `.conf` holds many syntaxes: also `"key" => "value"` and other quoted pairs.
    case 'ini': return /\.conf$/.test(name) ? ['ini', 'code'] : ['ini'];
    case 'properties': return ['ini'];
    case 'dockerfile': return ['docker'];
    case 'xml': case 'html': return ['code', 'xml'];
    case 'sql': return ['sql'];
    case 'markdown': return [];
    default: return ['code'];
  }
}

/** Generated, vendored or translated files: values there are not credentials someone typed. */
const SKIP_NAME = /^(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.ya?ml|bun\.lockb?|cargo\.lock|poetry\.lock|pipfile\.lock|composer\.lock|gemfile\.lock|go\.sum|go\.mod|flake\.lock|packages\.lock\.json|uv\.lock|pdm\.lock)$|\.(?:min\.[cm]?js|map|snap|lock|po|pot|xlf|xliff|strings|resx|arb|svg|ipynb|csv|tsv)$/i;
const SKIP_DIR = /(?:^|\/)(?:node_modules|vendor|dist|build|out|\.git|locales?|i18n|l10n|translations?|lang)\//i;

const HASH_COMMENT: ReadonlySet<Lang> = new Set<Lang>(['python', 'ruby', 'elixir', 'shell', 'toml', 'plaintext', 'php', 'dockerfile', 'yaml', 'dotenv', 'ini', 'properties']);
const C_COMMENT: ReadonlySet<Lang> = new Set<Lang>(['javascript', 'typescript', 'go', 'java', 'csharp', 'rust', 'php', 'kotlin', 'swift', 'c', 'cpp', 'json', 'plaintext']);

// `@"…"` is a C# verbatim (or Objective-C) string: its backslashes are not escapes.
const LITERAL = String.raw`(?<prefix>[rRuUbBfF]{0,2}|@)(?<lit>"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\\\r\n]|\\.)*'|` + '`(?:[^`\\\\$\\r\\n]|\\\\.)*`)';
/** `"key": "v"`, `"key" => "v"`, `["key"] = "v"`, `:key => "v"`, `key = "v"`, `key: "v"`, `key := "v"`, `key ?= "v"`, `key: str = "v"`, `var key T = "v"`. */
const CODE = new RegExp(
  String.raw`(?:(?<qq>["'])(?<qkey>[A-Za-z_$@][\w.\-$@]*)\k<qq>\]?\s*(?:=>|:(?!:)|=(?![=>~]))` +
  String.raw`|(?<![\w$@:])(?<skey>:[A-Za-z_]\w*)\s*=>` +
  // A type annotation (`key: str = "v"`) needs the `=`; without it `a: true, key: "v"` would read as one pair.
  // Go's `var key Type = "v"` / `const key Type = "v"`.
  // (Not C#'s `const string Key = "v"`, whose first word is the type.)
  String.raw`|\b(?:var|const)\s+(?!(?:string|int|long|short|bool|double|float|decimal|char|byte|object|dynamic|var)\b)(?<gkey>[A-Za-z_]\w*)\s+\*?[\w.[\]]+\s*=(?![=>~])` +
  // `?=` is Make's (and `??=` JavaScript's) assign-if-unset.
  String.raw`|(?<![\w$@-])(?<key>[$@]*[A-Za-z_][\w$]*)(?:\s*:\s*[A-Za-z_][\w.<>[\],|? ]*?\s*=(?![=>~])|\s*(?::=|\?\??=|\.=|=(?![=>~])|:(?![:=]))))\s*` + LITERAL,
  'g',
);
/** Calls given a secret; looked for only on lines that `CALL_HINT` finds, since most lines have no such call. */
const CALL = new RegExp(
  String.raw`(?<=\.\s*)(?:` +
  // A key and its value given to a map, properties or headers: `props.setProperty("password", "…")`, `.put("api_key", "…")`.
  // (Before the setter below, which would take `setProperty("password"` for a setter given a literal.)
  String.raw`(?:setProperty|put|putString|add|set|append|setHeader|header|addHeader)\s*\(\s*(?<pq>["'])(?<pkey>[A-Za-z_][\w.\-]*)\k<pq>\s*,` +
  // A setter or builder call given the secret alone: `ds.setPassword("…")`, `.withApiKey("…")`, `.password("…")`,
  // and the capitalised Go and C# spellings (`option.WithAPIKey("…")`, `user.SetPassword("…")`).
  String.raw`|(?<mkey>(?:[sS]et|[wW]ith)[A-Z_]\w*|password|passwd|secret|apiKey|clientSecret|accessToken|authToken|secretKey|token)\s*\(` +
  String.raw`)\s*` + LITERAL,
  'g',
);
const CALL_HINT = /\.\s*(?:[sS]et|[wW]ith|put|add|append|header|password|passwd|secret|apiKey|clientSecret|accessToken|authToken|secretKey|token)/;
const ENV_LINE = /^(\s*(?:export\s+|local\s+|declare\s+(?:-\w+\s+)?|readonly\s+|set\s+)?)([A-Za-z_][\w.-]*)(\s*=\s*)(.*)$/;
const YAML_LINE = /^(\s*(?:-\s+)?)(?:(["'])([^"'\r\n]+)\2|([A-Za-z_$@][\w.\-$@]*))(\s*:[ \t]+)(.*)$/;
const YAML_LIST_ENV = /^(\s*-\s+["']?)([A-Za-z_][\w.-]*)=(.*)$/;
const INI_LINE = /^(\s*(?:\/\/\S*?:)?)([A-Za-z_][\w.\-[\]]*)(\s*[=:]\s*)(.*)$/;
const DOCKER_LINE = /^(\s*(?:ENV|ARG)\s+)([A-Za-z_][\w.-]*)(\s*=\s*|\s+)(.*)$/i;
const XML_ELEMENT = /<(?:[\w.-]+:)?([A-Za-z_][\w.-]*)(?:\s[^>]*)?>([^<\s]+)<\/(?:[\w.-]+:)?\1>/g;
const XML_KEY_VALUE = /\b(?:key|name)\s*=\s*"([^"]+)"\s+value\s*=\s*"([^"]*)"/g;
const NETRC = /\bpassword\s+(\S+)/g;
const SQL = /\b(?:IDENTIFIED\s+BY|PASSWORD)\s*=?\s*'([^'\r\n]*)'/gi;
const BEARER = /^(?:Bearer|Basic|Token|Bot)\s+(\S+)$/i;
/** `Password=…` / `PWD=…` inside a connection string (ADO.NET, ODBC, JDBC): the value up to `;` or the string's end. */
const CONN_PASSWORD = /(?:^|[;"'`\s])(?:password|pwd)\s*=\s*(?<v>[^;"'`<>\s{}]+)/gi;
/** Another connection-string key on the same line. */
const CONN_KEY = /(?:^|[;"'`\s])(?:server|data\s+source|host|address|addr|initial\s+catalog|database|uid|user\s+id|user(?:name)?)\s*=/i;
/** A YAML block scalar header (`|`, `>-`, `|2`), the value on the lines below. */
const YAML_BLOCK = /^[|>][-+1-9]{0,2}[ \t]*(?:#.*)?$/;
/** In a curl command: `-u user:pass`, `--user "user:pass"`, `-uuser:'pass'`; the password after the first colon. */
const CURL_USER = /(?:^|\s)(?:-u\s*|--user[\s=]+)(?<q1>["']?)[^\s:"'$]*:(?<q2>["']?)(?<pass>[^\s"']+)\k<q2>\k<q1>(?=\s|$|[`;)|&\\])/g;
/** In a curl command: `-H "Authorization: [scheme] credential"`, `-H "X-Api-Key: value"` (not templates such as `{x}`). */
const CURL_HEADER = /(?:^|\s)(?:-H|--header)[\s=]*(?<q>["'])\s*(?<name>[A-Za-z][\w-]*)\s*:\s*(?:(?<scheme>[A-Za-z][\w-]*)\s+(?=[^\s"']))?(?<cred>[^\s"'{}()<>[\]$]+)\s*\k<q>/g;

/** A query parameter of a URL written out on the line: `https://host/path?client_secret=v&…`; the name and its value. */
// (The value also ends at a bracket or parenthesis: `…?token=v[codecov]` in AsciiDoc, `(…?token=v)` in prose.)
const QUERY_PARAM = /[?&](?<name>[A-Za-z_][\w.-]*)=(?<value>[^&\s#"'`<>\\[\]()]+)/g;
/**
 * The URL of a status badge: an image (`…/badge.svg?token=`, `.png?token=`) or a badge endpoint (`/project_badges/`).
 * Codecov, Travis CI and SonarCloud hand out a read-only token for such images to paste into a README.
 */
const BADGE_URL = /(?:\.(?:svg|png|gif|jpe?g|webp)|\/badges?|_badges?\/[\w/-]*)$/i;

/** Helm's `--set key=value[,key=value]` (and `--set-string`), quoted or not: the list of pairs after the flag. */
const HELM_SET = /(?:^|\s)--set(?:-string)?(?:\s+|=)(?<q>["']?)(?<pairs>[A-Za-z_][^\s"']*)\k<q>(?=\s|$|[;|&\\])/g;
const HELM_PAIR = /(?:^|,)(?<key>[A-Za-z_][\w.[\]-]*)=(?<value>[^,]*)/g;

/** Decodes the common escapes of a quoted literal; `raw` is the text between the quotes. */
function unescape(raw: string): string {
  if (!raw.includes('\\')) return raw;
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0' };
  return raw.replace(/\\(.)/g, (_, c: string) => map[c] ?? c);
}

/**
 * A config value: quoted (`"…"`, `'…'`) or bare up to an inline comment. Returns the value's offset in
 * `raw`, its length and its text; undefined when it is empty, multi-line or not a scalar.
 */
function scalar(raw: string, opts: { comment: RegExp; bareEnd?: RegExp; yaml?: boolean }): { at: number; len: number; value: string; quoted: boolean } | undefined {
  const q = raw[0];
  if (q === '"' || q === "'") {
    const body = q === '"' ? /^"((?:[^"\\]|\\.)*)"/.exec(raw) : opts.yaml ? /^'((?:[^']|'')*)'/.exec(raw) : /^'([^']*)'/.exec(raw);
    if (!body) return undefined;
    const value = q === '"' ? unescape(body[1]) : opts.yaml ? body[1].replace(/''/g, "'") : body[1];
    return { at: 1, len: body[1].length, value, quoted: true };
  }
  if (opts.yaml && /^[&*!|>{[@%`]/.test(raw)) return undefined;
  let text = raw.replace(opts.comment, '');
  if (opts.bareEnd) {
    const m = opts.bareEnd.exec(text);
    if (m) text = text.slice(0, m.index);
  }
  text = text.trimEnd();
  return text ? { at: 0, len: text.length, value: text, quoted: false } : undefined;
}

/** Tracks whether a line starts inside a block comment or a Python triple-quoted string. */
function blockTracker(lang: Lang): (line: string) => boolean {
  let inside: string | undefined;
  return (line) => {
    const startsInside = inside !== undefined;
    let rest = line;
    for (;;) {
      if (inside) {
        const close = rest.indexOf(inside);
        if (close < 0) break;
        rest = rest.slice(close + inside.length);
        inside = undefined;
        continue;
      }
      const open = lang === 'python' ? /"""|'''/.exec(rest) : C_COMMENT.has(lang) ? /\/\*/.exec(rest) : null;
      if (!open) break;
      inside = open[0] === '/*' ? '*/' : open[0];
      rest = rest.slice(open.index + open[0].length);
    }
    return startsInside;
  };
}

function isCommentLine(trimmed: string, lang: Lang): boolean {
  if (trimmed.startsWith('<!--')) return true;
  if ((trimmed.startsWith('//') || trimmed.startsWith('/*') || trimmed.startsWith('*')) && C_COMMENT.has(lang)) return true;
  if (trimmed.startsWith('#') && HASH_COMMENT.has(lang)) return true;
  if ((trimmed.startsWith(';') || trimmed.startsWith('!')) && (lang === 'ini' || lang === 'properties')) return true;
  return lang === 'sql' && trimmed.startsWith('--');
}

function codeCandidates(line: string, at: number, out: Candidate[]): void {
  literalCandidates(line, at, CODE, out);
  if (CALL_HINT.test(line)) literalCandidates(line, at, CALL, out);
}

/** Each match of `re` (a key, then a string literal): a candidate for the literal's value. */
function literalCandidates(line: string, at: number, re: RegExp, out: Candidate[]): void {
  for (const m of line.matchAll(re)) {
    const g = m.groups!;
    const key = g.mkey ? g.mkey.replace(/^(?:set|with)_?/i, '') : (g.pkey ?? g.qkey ?? g.skey ?? g.gkey ?? g.key).replace(/^[:$@]+/, '');
    const lit = g.lit;
    const litStart = m.index + m[0].length - lit.length;
    const litEnd = litStart + lit.length;
    // A call passes the literal as its only argument.
    if ((g.mkey || g.pkey) && !/^\s*\)/.test(line.slice(litEnd))) continue;
    // `a ? token : "x"` is a ternary, `"a" + x` and `"%s" % x` build a string rather than hold one.
    if (/\?\s*$/.test(line.slice(0, m.index))) continue;
    if (/^\s*(?:[+%*["'`]|\/(?![/*])|\.format\()/.test(line.slice(litEnd))) continue;
    const raw = lit.slice(1, -1);
    const prefix = g.prefix.toLowerCase();
    const rawString = prefix.includes('r') || prefix === '@';
    const fixable = !/[bf]/.test(prefix) && (rawString || !raw.includes('\\'));
    out.push({
      key,
      start: at + litStart + 1,
      end: at + litEnd - 1,
      value: rawString ? raw : unescape(raw),
      literal: fixable ? { start: at + litStart - g.prefix.length, end: at + litEnd } : undefined,
    });
  }
}

function lineCandidates(family: Family, line: string, at: number, lang: Lang, out: Candidate[]): void {
  const push = (key: string, valueAt: number, s: ReturnType<typeof scalar>): void => {
    if (!s) return;
    const start = at + valueAt + s.at;
    const end = start + s.len;
    // The env-var fix replaces the whole scalar, quotes included; it decides per language whether it can.
    out.push({ key, start, end, value: s.value, literal: s.quoted ? { start: start - 1, end: end + 1 } : { start, end } });
  };
  switch (family) {
    case 'code':
      return codeCandidates(line, at, out);
    case 'env': {
      const m = ENV_LINE.exec(line);
      if (!m) return;
      const bareEnd = lang === 'shell' ? /[\s;&|]/ : undefined;
      push(m[2], m[1].length + m[2].length + m[3].length, scalar(m[4], { comment: /\s+#.*$/, bareEnd }));
      return;
    }
    case 'yaml': {
      const e = YAML_LIST_ENV.exec(line);
      if (e) {
        push(e[2], e[1].length + e[2].length + 1, scalar(e[3].replace(/["']\s*$/, ''), { comment: /\s+#.*$/ }));
        return;
      }
      const m = YAML_LINE.exec(line);
      if (!m) return;
      const keyLen = m[2] ? m[3].length + 2 : m[4].length;
      push(m[3] ?? m[4], m[1].length + keyLen + m[5].length, scalar(m[6], { comment: /\s+#.*$/, yaml: true }));
      return;
    }
    case 'ini': {
      const m = INI_LINE.exec(line);
      if (!m) return;
      push(m[2], m[1].length + m[2].length + m[3].length, scalar(m[4], { comment: /\s+[#;].*$/ }));
      return;
    }
    case 'docker': {
      const m = DOCKER_LINE.exec(line);
      if (!m) return;
      push(m[2], m[1].length + m[2].length + m[3].length, scalar(m[4], { comment: /\s+#.*$/, bareEnd: m[3].includes('=') ? /\s/ : undefined }));
      return;
    }
    case 'xml':
      for (const m of line.matchAll(XML_ELEMENT)) {
        const valueAt = m.index + m[0].indexOf('>') + 1;
        out.push({ key: m[1], start: at + valueAt, end: at + valueAt + m[2].length, value: m[2] });
      }
      for (const m of line.matchAll(XML_KEY_VALUE)) {
        const valueAt = m.index + m[0].lastIndexOf('"', m[0].length - 2) + 1;
        out.push({ key: m[1], start: at + valueAt, end: at + valueAt + m[2].length, value: m[2] });
      }
      return;
    case 'netrc':
      for (const m of line.matchAll(NETRC)) {
        const valueAt = m.index + m[0].length - m[1].length;
        out.push({ key: 'password', start: at + valueAt, end: at + valueAt + m[1].length, value: m[1] });
      }
      return;
    case 'sql':
      for (const m of line.matchAll(SQL)) {
        const valueAt = m.index + m[0].length - m[1].length - 1;
        out.push({ key: 'password', start: at + valueAt, end: at + valueAt + m[1].length, value: m[1] });
      }
      return;
  }
}

/** Every `name = value` pair in the file that the families of its language can see. */
function candidates(ctx: RuleContext): Candidate[] {
  const lang = effectiveLang(ctx.path, ctx.lang);
  const families = familiesFor(ctx.path, lang);
  // Dotenv values may span lines (double quotes), so they come from the parser, not the line scan.
  if (lang === 'dotenv') {
    return ctx.memo('dotenv', () => parseDotenv(ctx.text)).map((e) => ({ key: e.key, start: e.valueStart, end: e.valueEnd, value: e.value }));
  }
  const out: Candidate[] = [];
  const inBlock = blockTracker(lang);
  let curlContinues = false;
  for (let l = 0; l < ctx.lines.lineCount; l++) {
    const line = ctx.lines.lineText(l);
    // A curl command continued over lines with a trailing backslash.
    const inCurl: boolean = curlContinues || /\bcurl\s/.test(line);
    curlContinues = inCurl && /\\\s*$/.test(line);
    if (inBlock(line) || line.length > 4000) continue;
    const trimmed = line.trimStart();
    if (!trimmed || isCommentLine(trimmed, lang)) continue;
    const at = ctx.lines.lineStart(l);
    for (const f of families) lineCandidates(f, line, at, lang, out);
    if (families.includes('yaml')) yamlBlock(ctx, l, line, out);
    if (inCurl) curlCandidates(line, at, out);
    if (line.includes('mysql')) {
      for (const m of line.matchAll(MYSQL_PASSWORD)) {
        const v = m.groups!.v;
        const valueAt = m.index + m[0].length - m.groups!.q.length - v.length;
        out.push({ key: 'password', start: at + valueAt, end: at + valueAt + v.length, value: v });
      }
    }
    if (line.includes(';') && /p(?:ass)?w(?:or)?d\s*=/i.test(line) && CONN_KEY.test(line)) connectionCandidates(line, at, out);
    if (line.includes('://')) queryCandidates(line, at, out);
    if (line.includes('--set')) helmCandidates(line, at, out);
  }
  return out;
}

/** `helm install … --set db.password=…,api.token=…` in scripts, CI steps and docs. */
function helmCandidates(line: string, at: number, out: Candidate[]): void {
  for (const m of line.matchAll(HELM_SET)) {
    const { pairs } = m.groups!;
    const pairsAt = m.index + m[0].length - m.groups!.q.length - pairs.length;
    for (const p of pairs.matchAll(HELM_PAIR)) {
      const { key, value } = p.groups!;
      if (!value) continue;
      const valueAt = pairsAt + p.index + p[0].length - value.length;
      out.push({ key, start: at + valueAt, end: at + valueAt + value.length, value });
    }
  }
}

/** `?access_token=…`, `&client_secret=…` in a URL (the part from `scheme://` to the first space). */
function queryCandidates(line: string, at: number, out: Candidate[]): void {
  for (const m of line.matchAll(QUERY_PARAM)) {
    const url = /[a-z][a-z0-9+.-]*:\/\/[^\s"'`<>]*$/i.exec(line.slice(0, m.index));
    if (!url) continue;
    // A badge image's token only shows the badge: the service means it to be pasted into a README.
    if (BADGE_URL.test(url[0].split('?')[0])) continue;
    const { name, value } = m.groups!;
    const valueAt = m.index + m[0].length - value.length;
    out.push({ key: name, start: at + valueAt, end: at + valueAt + value.length, value });
  }
}

/** MySQL clients given the password on the command line: `mysql -uroot -pS3cret`, `mysqldump --password=S3cret`. */
const MYSQL_PASSWORD = /\bmysql(?:dump|admin|import|check|slap|sh)?\b[^\r\n]*?\s(?:-p|--password=)(?<q>["']?)(?<v>[^\s"'$`{<][^\s"'`]*)\k<q>(?=\s|$|[;|&)\\])/g;

/** `password: |` with the secret alone on the more indented line below (a longer block is a key or a certificate). */
function yamlBlock(ctx: RuleContext, l: number, line: string, out: Candidate[]): void {
  const m = YAML_LINE.exec(line);
  if (!m || !YAML_BLOCK.test(m[6])) return;
  const indent = line.length - line.trimStart().length;
  let found: { l: number; text: string } | undefined;
  for (let k = l + 1; k < ctx.lines.lineCount; k++) {
    const next = ctx.lines.lineText(k);
    if (!next.trim()) continue;
    if (next.length - next.trimStart().length <= indent) break;
    if (found) return;
    found = { l: k, text: next };
  }
  if (!found) return;
  const value = found.text.trim();
  const start = ctx.lines.lineStart(found.l) + found.text.indexOf(value);
  out.push({ key: m[3] ?? m[4], start, end: start + value.length, value });
}

/** The password of a connection string written out in code or configuration (`appsettings.json`, `web.config`). */
function connectionCandidates(line: string, at: number, out: Candidate[]): void {
  for (const m of line.matchAll(CONN_PASSWORD)) {
    const v = m.groups!.v;
    const valueAt = m.index + m[0].length - v.length;
    out.push({ key: 'password', start: at + valueAt, end: at + valueAt + v.length, value: v });
  }
}

/** The password of `curl -u user:pass` and the credential of its `-H "Authorization: …"`, wherever curl is run. */
function curlCandidates(line: string, at: number, out: Candidate[]): void {
  for (const m of line.matchAll(CURL_USER)) {
    const { q1, q2, pass } = m.groups!;
    const valueAt = m.index + m[0].length - q1.length - q2.length - pass.length;
    out.push({ key: 'password', start: at + valueAt, end: at + valueAt + pass.length, value: pass });
  }
  for (const m of line.matchAll(CURL_HEADER)) {
    const { name, scheme, cred } = m.groups!;
    // A scheme (`Bearer`, `Api-Token`) is only read for Authorization; other headers are named by their own name.
    const auth = /^authorization$/i.test(name);
    if (scheme && !auth) continue;
    const valueAt = m.index + m[0].lastIndexOf(cred);
    out.push({ key: auth ? 'token' : name, start: at + valueAt, end: at + valueAt + cred.length, value: cred });
  }
}

/** Spans the provider rules report in this file, computed once and only when a generic candidate gets this far. */
function providerSpans(ctx: RuleContext): [number, number][] {
  return ctx.memo('secret/provider-spans', () =>
    providerSpecs.flatMap((spec) => findProviderSecrets(spec, ctx.text, filePrefilter(ctx)).map((m): [number, number] => [m.start, m.end])));
}

export default defineRule({
  meta: {
    id: ID,
    category: 'secret',
    description: 'Secret-named variable or key assigned a hardcoded secret',
    severity: 'warning',
    cwe: 'CWE-798',
    fix: 'unsafe',
    messages: {
      found: '{{name}} is assigned a hardcoded secret {{redacted}}; load it from the environment or a secret manager',
      dotenv: '{{name}} holds a secret {{redacted}} in {{file}}; keep this file out of version control',
      tracked:
        '{{name}} is assigned a hardcoded secret {{redacted}} in a file committed to git: it is in history, so rotate it, then load it from the environment',
    },
    help: `A password, token or key written into source or configuration is readable by everyone with the repository and stays in its history. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ path, lang }) => lang !== 'markdown' && !SKIP_NAME.test(basename(path)) && !SKIP_DIR.test(path),
  async check(ctx) {
    const strict = isTestLikePath(ctx.path) || isTestSourcePath(ctx.path) || isDocFile(ctx.path);
    const dotenv = isLocalDotenv(ctx.path);
    const seen = new Set<number>();
    for (const c of candidates(ctx)) {
      if (seen.has(c.start)) continue;
      let kind = secretKind(c.key);
      if (!kind) continue;
      let { start, value, literal } = c;
      const bearer = BEARER.exec(value);
      if (bearer) {
        start = c.end - bearer[1].length;
        value = bearer[1];
        literal = undefined;
        if (kind === 'authorization') kind = 'secret';
      } else if (kind === 'authorization') {
        continue;
      }
      if (!looksLikeSecret(value, kind, { key: c.key, strict })) continue;
      // A provider rule that needs context (a secret-access-key name, a nearby key id) reports this value itself.
      if (providerSpans(ctx).some(([s, e]) => s < c.end && start < e)) continue;
      seen.add(c.start);
      const data = { name: c.key, redacted: redact(value), file: basename(ctx.path) };
      if (dotenv) {
        ctx.report({ start, end: c.end, messageId: 'dotenv', data, severity: 'info' });
        continue;
      }
      const fixes: Fix[] = [];
      if (literal) {
        const fix = await envVarFix(ctx, { start: literal.start, end: literal.end, value, name: c.key });
        if (fix) fixes.push(fix);
      }
      ctx.report({ start, end: c.end, messageId: (await isCommitted(ctx)) ? 'tracked' : 'found', data, fixes });
    }
  },
});
