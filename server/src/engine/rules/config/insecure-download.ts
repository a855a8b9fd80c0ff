// config/insecure-download: TLS checks turned off for downloads in Dockerfile RUN/ENV and shell scripts (curl -k, wget --no-check-certificate, git, pip, npm).
import { dockerfile, runCommand } from '../../languages/dockerfile';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import type { Fix } from '../../types';

const ID = 'config/insecure-download';

/** curl short options that take an argument: a `k` after one of them in a cluster is that argument, not `-k`. */
const CURL_ARG_OPTS = new Set('AbcCdDeEFHKmoPQrtTuUwxXyYz');
/** Where a simple command ends. */
const END = /[;&|\n`)]/;

interface Hit {
  start: number;
  end: number;
  messageId: string;
  /** The span the fix deletes, when it can. */
  remove?: [number, number];
}

/** Shell text with `#` comments and line continuations blanked to spaces (same length). */
function shellCode(text: string): string {
  let out = text.replace(/\\\r?\n/g, (m) => ' '.repeat(m.length));
  out = out.replace(/^.*$/gm, (line) => {
    const c = commentStart(line);
    return c < 0 ? line : line.slice(0, c) + ' '.repeat(line.length - c);
  });
  return out;
}

function commentStart(line: string): number {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '\\') i++;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return i;
  }
  return -1;
}

/** Words of the simple command that starts at `from` (up to `;`, `&&`, `|`, a line break), with offsets. */
function commandWords(code: string, from: number): { word: string; at: number }[] {
  const rest = code.slice(from);
  const stop = END.exec(rest);
  const cmd = stop ? rest.slice(0, stop.index) : rest;
  return [...cmd.matchAll(/\S+/g)].map((m) => ({ word: m[0], at: from + m.index }));
}

/**
 * curl or wget in command position: first in a command (also after `sudo`, `env`, `VAR=x` prefixes and inside
 * `sh -c "…"`), so `echo "use curl -k"` is not one.
 */
const TOOL = /(?<=(?:^|[;&|(`\n"']|\$\(|\b(?:then|do|else))[ \t]*(?:(?:sudo|env|exec|time|command|nohup|xargs)[ \t]+(?:-\S+[ \t]+)*|[A-Za-z_]\w*=\S*[ \t]+)*)(curl|wget)(?=[ \t])/g;

/** A URL (with or without scheme) whose host is this machine: `https://localhost:8443/x`, `127.0.0.1:9200`, `[::1]`. */
const LOOPBACK_URL = /^["']?(?:https?:\/\/)?(?:[^@/\s"']*@)?(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?(?:[/?#]|["']?$)/i;
const URL_WORD = /^["']?(?:https?|ftp):\/\//i;

/**
 * Whether every address the command names is on this machine (a health check against a local self-signed server):
 * nothing crosses a network, so there is no transit to tamper with.
 */
function onlyLoopback(words: { word: string }[]): boolean {
  const urls = words.filter(({ word }) => URL_WORD.test(word) || LOOPBACK_URL.test(word));
  return urls.length > 0 && urls.every(({ word }) => LOOPBACK_URL.test(word));
}

/** Findings in shell code; `base` is the offset of `code` in the file. */
function scanShell(code: string, base: number, out: Hit[]): void {
  for (const m of code.matchAll(TOOL)) {
    const words = commandWords(code, m.index + m[0].length);
    if (onlyLoopback(words)) continue;
    for (let i = 0; i < words.length; i++) {
      const { word, at } = words[i];
      if (m[1] === 'wget') {
        if (word === '--no-check-certificate') out.push({ start: base + at, end: base + at + word.length, messageId: 'wget', remove: wordSpan(code, base, at, word.length) });
        continue;
      }
      if (word === '--insecure' || word === '-k') {
        out.push({ start: base + at, end: base + at + word.length, messageId: 'curl', remove: wordSpan(code, base, at, word.length) });
        continue;
      }
      const cluster = /^-([A-Za-z0-9#]+)$/.exec(word);
      if (!cluster) {
        if (/^--?[A-Za-z]/.test(word) && !word.includes('=') && ARG_LONG.test(word)) i++;
        continue;
      }
      for (let j = 0; j < cluster[1].length; j++) {
        const c = cluster[1][j];
        if (c === 'k') {
          const k = base + at + 1 + j;
          out.push({ start: base + at, end: base + at + word.length, messageId: 'curl', remove: [k, k + 1] });
          break;
        }
        if (CURL_ARG_OPTS.has(c)) {
          // The option's argument is the rest of the cluster, or the next word.
          if (j === cluster[1].length - 1) i++;
          break;
        }
      }
    }
  }
  for (const m of code.matchAll(/(?<=^|[\s;&|(])(GIT_SSL_NO_VERIFY)=(["']?)(?:1|true|yes)\2(?![\w-])/gi)) {
    out.push({ start: base + m.index, end: base + m.index + m[0].length, messageId: 'git' });
  }
  for (const m of code.matchAll(/\bgit\b[^;&|\n]*?\s(?:-c\s+)?(http(?:\.[^\s.=]+)?\.sslverify)(?:\s+|=)(["']?)false\2(?![\w-])/gi)) {
    const at = m.index + m[0].indexOf(m[1]);
    out.push({ start: base + at, end: base + m.index + m[0].length, messageId: 'git' });
  }
  for (const m of code.matchAll(/(?<=^|[\s;&|(])(?:PIP_TRUSTED_HOST=(?=["']?[\w.*-])|--trusted-host(?:=|\s+)(?=\S)|pip3?\s+config\s+set\s+\S*trusted-host\s+(?=\S))/g)) {
    const value = /^(["']?)[^\s;&|"']+\1/.exec(code.slice(m.index + m[0].length));
    if (!value) continue;
    out.push({ start: base + m.index, end: base + m.index + m[0].length + value[0].length, messageId: 'pip' });
  }
  for (const m of code.matchAll(/\b(?:npm|yarn|pnpm)\s+(?:config\s+)?set\s+strict-ssl\s+(["']?)false\1(?![\w-])|(?<=\s)--strict-ssl=false\b/g)) {
    out.push({ start: base + m.index, end: base + m.index + m[0].length, messageId: 'npm' });
  }
}

/** curl long options taking a separate argument: the next word is their value, not an option. */
const ARG_LONG = /^--(?:header|data[\w-]*|output|user|user-agent|request|url|form|cookie|cert|key|cacert|proxy|referer|config|max-time|write-out|upload-file|connect-timeout|retry|resolve|output-dir)$/;

/** The word and the blanks before it, so deleting leaves single spacing. */
function wordSpan(code: string, base: number, at: number, len: number): [number, number] {
  let s = at;
  while (s > 0 && (code[s - 1] === ' ' || code[s - 1] === '\t')) s--;
  return [base + s, base + at + len];
}

function fixFor(ctx: RuleContext, h: Hit): Fix[] {
  if (!h.remove) return [];
  const flag = ctx.text.slice(h.start, h.end);
  const title = flag.startsWith('--') ? `Remove ${flag} (verify certificates)` : 'Remove -k (verify certificates)';
  return [{ title, applicability: 'safe', changes: [{ path: ctx.path, edits: [ctx.lines.edit(h.remove[0], h.remove[1], '')] }] }];
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A download in a Dockerfile or shell script turns off TLS certificate verification',
    severity: 'warning',
    cwe: 'CWE-295',
    fix: 'safe',
    messages: {
      curl: 'curl with -k/--insecure accepts any certificate: what it downloads can be swapped in transit',
      wget: 'wget --no-check-certificate accepts any certificate: what it downloads can be swapped in transit',
      git: 'Git TLS verification is turned off (GIT_SSL_NO_VERIFY / http.sslVerify false): clones and fetches accept any certificate',
      pip: 'pip trusted-host turns off certificate checks (and allows plain HTTP) for that index: packages can be swapped in transit',
      npm: 'npm strict-ssl false accepts any registry certificate: packages can be swapped in transit',
    },
    help: `Build steps that download code or packages without verifying TLS let anyone on the network path replace what gets installed. Trust the proxy's CA instead (SSL_CERT_FILE, --cacert, PIP_CERT, npm cafile). See ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang }) => lang === 'dockerfile' || lang === 'shell',
  check(ctx) {
    if (!/curl|wget|GIT_SSL_NO_VERIFY|sslverify|trusted-host|PIP_TRUSTED_HOST|strict-ssl/i.test(ctx.text)) return;
    const hits: Hit[] = [];
    if (ctx.lang === 'shell') scanShell(shellCode(ctx.text), 0, hits);
    else {
      for (const ins of dockerfile(ctx).instructions) {
        if (ins.name === 'RUN') {
          const cmd = runCommand(ins);
          scanShell(cmd.text, cmd.at, hits);
        } else if (ins.name === 'ENV' || ins.name === 'ARG') {
          // Both `ENV NAME=value` and the legacy `ENV NAME value`.
          for (const m of ins.args.matchAll(/(?<=^|\s)(?:(GIT_SSL_NO_VERIFY)(?:=|\s+)(["']?)(?:1|true|yes)\2(?![\w-])|PIP_TRUSTED_HOST(?:=|\s+)(["']?)[\w.*-]+\3)/gi)) {
            hits.push({ start: ins.argsStart + m.index, end: ins.argsStart + m.index + m[0].length, messageId: m[1] ? 'git' : 'pip' });
          }
        }
      }
    }
    for (const h of hits) ctx.report({ start: h.start, end: h.end, messageId: h.messageId, fixes: fixFor(ctx, h) });
  },
});
