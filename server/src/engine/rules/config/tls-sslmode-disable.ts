// config/tls-sslmode-disable: database connection strings in code that turn TLS off (`sslmode=disable`, JDBC `useSSL=false`).
import type { Lang } from '../../languages/detect';
import { STRING, codeMask } from '../../languages/lexer';
import { defineRule, docsUrl } from '../../rule';
import { isTestLikePath } from '../secret/heuristics';

const LANGS = new Set<Lang>(['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'csharp', 'ruby', 'php', 'rust']);

/** `sslmode=disable` in a PostgreSQL URL or key-value DSN; `useSSL=false` / `sslMode=DISABLED` in a MySQL JDBC URL. */
const SETTING = /(?<![\w-])(?:(?<pg>sslmode=(?<pgValue>disable))|(?<my>(?:useSSL|requireSSL)=(?<myValue>false)|sslMode=(?<myMode>DISABLED)))(?![\w-])/g;

/** Loopback hosts: traffic that never leaves the machine does not need TLS. */
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[?::1\]?|0\.0\.0\.0)$/i;

/** The host a URL or key-value DSN names, or undefined when it cannot tell. */
function hostOf(dsn: string): string | undefined {
  const url = /:\/\/(?:[^@/?#\s]*@)?(\[[^\]]*\]|[^:/?#\s,]+)/.exec(dsn);
  if (url) return url[1];
  const kv = /(?:^|[\s;"'`])(?:host|hostaddr|server|data source)\s*=\s*['"]?([^\s;'",]+)/i.exec(dsn);
  return kv?.[1];
}

export default defineRule({
  meta: {
    id: 'config/tls-sslmode-disable',
    category: 'config',
    description: 'A database connection string in code turns TLS off (sslmode=disable, useSSL=false), so credentials and data cross the network in clear text.',
    severity: 'warning',
    cwe: 'CWE-319',
    fix: 'unsafe',
    messages: {
      sslmodeDisable: 'sslmode=disable sends the database password and data in clear text; use sslmode=verify-full (or at least require)',
      mysqlSslOff: '{{setting}} sends the database password and data in clear text; turn TLS on for this connection',
    },
    help:
      'With TLS off, anyone on the network path between the application and the database can read the password and the data. ' +
      'Loopback hosts and test files are not reported. ' +
      `Docs: ${docsUrl('config/tls-sslmode-disable')}`,
  },
  appliesTo: ({ lang, path }) => LANGS.has(lang) && !isTestLikePath(path),
  check(ctx) {
    const { text } = ctx;
    if (!/sslmode=disable|useSSL=false|requireSSL=false|sslMode=DISABLED/i.test(text)) return;
    const mask = codeMask(ctx);
    for (const m of text.matchAll(SETTING)) {
      const start = m.index;
      const end = start + m[0].length;
      if (mask[start] !== STRING || mask[end - 1] !== STRING) continue;
      // The string run holding the setting: prose that mentions it ("never use sslmode=disable") is not a DSN.
      let from = start;
      while (from > 0 && mask[from - 1] === STRING && text[from - 1] !== '\n') from--;
      let to = end;
      while (to < text.length && mask[to] === STRING && text[to] !== '\n') to++;
      // A regular expression that looks for the setting (`/sslmode=disable/`) is not a connection string.
      if (text[from] === '/' && (ctx.lang === 'javascript' || ctx.lang === 'typescript')) continue;
      const words = text.slice(from, to).replace(/^["'`]|["'`]$/g, '').split(/[\s&?;]+/);
      if (words.some((w) => /^[A-Za-z][A-Za-z'.,!]*$/.test(w))) continue;
      const g = m.groups!;
      const line = ctx.lines.lineText(ctx.lines.positionAt(start).line);
      if (g.my && !/jdbc:(?:mysql|mariadb):/i.test(line)) continue;
      const host = hostOf(line);
      if (host && LOOPBACK.test(host)) continue;
      if (g.pg) {
        const vs = start + m[0].length - g.pgValue.length;
        ctx.report({
          start, end, messageId: 'sslmodeDisable',
          fixes: [{ title: 'Use sslmode=require', applicability: 'unsafe', changes: [{ path: ctx.path, edits: [ctx.lines.edit(vs, end, 'require')] }] }],
        });
      } else {
        const value = g.myValue ?? g.myMode;
        const vs = end - value.length;
        ctx.report({
          start, end, messageId: 'mysqlSslOff', data: { setting: m[0] },
          fixes: [{ title: `Turn TLS on (${m[0].slice(0, -value.length)}${g.myMode ? 'REQUIRED' : 'true'})`, applicability: 'unsafe', changes: [{ path: ctx.path, edits: [ctx.lines.edit(vs, end, g.myMode ? 'REQUIRED' : 'true')] }] }],
        });
      }
    }
  },
});
