// config/phoenix-check-origin-disabled: Phoenix sockets accepting WebSocket connections from any website (`check_origin: false`) outside dev and test config.
import { isCode } from '../../languages/lexer';
import { defineRule, docsUrl } from '../../rule';
import { isTestLikePath } from '../secret/heuristics';
import { inNonProdBlock, isElixirConfig, isNonProdElixirConfig, scanElixir } from './shared/elixir';

const ID = 'config/phoenix-check-origin-disabled';

/**
 * The top-level statement around offset `at` (from the line that starts at column 0 before it to the next such line):
 * the whole `config :app, Endpoint, …` keyword list a setting belongs to.
 */
function topLevelStatement(text: string, at: number): [number, number] {
  let start = text.lastIndexOf('\n', at);
  while (start > 0 && /^[\s#}\])]/.test(text.slice(start + 1, start + 2) || ' ')) start = text.lastIndexOf('\n', start - 1);
  start = start < 0 ? 0 : start + 1;
  const next = /\n(?=[^\s#}\])])/g;
  next.lastIndex = at;
  const m = next.exec(text);
  return [start, m ? m.index : text.length];
}

/** Code reloading is a development server's setting (`phx.new` puts it in dev.exs only); no release reloads code. */
const DEV_ENDPOINT = /(?<![\w:])code_reloader:\s*true\b/g;

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A Phoenix endpoint or socket accepts WebSocket connections from any origin (check_origin: false) outside dev and test config.',
    severity: 'warning',
    cwe: 'CWE-1385',
    fix: 'unsafe',
    messages: {
      checkOrigin: 'check_origin: false lets any website open a WebSocket to this app with the visitor\'s cookies (cross-site WebSocket hijacking); list the allowed origins',
    },
    help: `Phoenix checks the Origin header of socket connections against the endpoint's url by default. Keep it on, or list the origins: check_origin: ["https://example.com"]. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang, path }) => lang === 'elixir' && !isTestLikePath(path) && !(isElixirConfig(path) && isNonProdElixirConfig(path)),
  async check(ctx) {
    if (!ctx.text.includes('check_origin')) return;
    // config.exs is the base every environment imports: prod.exs or runtime.exs may set their own check_origin.
    if (/(?:^|\/)config\/config\.exs$/.test(ctx.path)) {
      const dir = ctx.path.slice(0, ctx.path.lastIndexOf('/') + 1);
      for (const name of ['prod.exs', 'runtime.exs']) {
        const other = await ctx.readFile(dir + name);
        if (other && /(?<![\w:])check_origin:/.test(other.replace(/#.*$/gm, ''))) return;
      }
    }
    const mask = ctx.memo('elixir:mask', () => scanElixir(ctx.text));
    for (const m of ctx.text.matchAll(/(?<![\w:])check_origin:\s*false\b/g)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!isCode(mask, start, end) || inNonProdBlock(ctx.lines, mask, ctx.lines.positionAt(start).line)) continue;
      // The same endpoint config turns on code reloading: a development endpoint in a file whose name does not say so.
      const [from, to] = topLevelStatement(ctx.text, start);
      if ([...ctx.text.slice(from, to).matchAll(DEV_ENDPOINT)].some((d) => isCode(mask, from + d.index, from + d.index + d[0].length))) continue;
      ctx.report({
        start, end, messageId: 'checkOrigin',
        fixes: [{ title: 'Set check_origin: true (allow only the endpoint\'s own host)', applicability: 'unsafe', changes: [{ path: ctx.path, edits: [ctx.lines.edit(end - 'false'.length, end, 'true')] }] }],
      });
    }
  },
});
