// config/phoenix-force-ssl-missing: a Phoenix endpoint serving both `https:` and plain `http:` in production config with no `force_ssl` redirect.
import { CODE } from '../../languages/lexer';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import type { Fix } from '../../types';
import { isTestLikePath } from '../secret/heuristics';
import { inNonProdBlock, isElixirConfig, isNonProdElixirConfig, scanElixir } from './shared/elixir';

const ID = 'config/phoenix-force-ssl-missing';
/** Config scripts that run in production besides dev.exs/test.exs. */
const PROD_CONFIGS = ['config.exs', 'prod.exs', 'runtime.exs', 'releases.exs'];
const CONFIG_CALL = /\bconfig\s*\(?\s*:\w+\s*,\s*([A-Z][\w]*(?:\.[A-Z]\w*)*)\s*,/g;
const KEY = /(?<![\w:])(https|http|force_ssl):(?=[\s[])/y;

interface EndpointConfig {
  module: string;
  /** Offsets of the top-level keys `https`, `http`, `force_ssl` in this statement. */
  keys: Map<string, number>;
}

/** Endpoint `config :app, Mod.Endpoint, key: value, …` statements of an Elixir config script and their top-level keys. */
function endpointConfigs(text: string, mask: Uint8Array): EndpointConfig[] {
  const out: EndpointConfig[] = [];
  for (const m of text.matchAll(CONFIG_CALL)) {
    if (mask[m.index] !== CODE || !/(?:^|\.)Endpoint$/.test(m[1])) continue;
    const keys = new Map<string, number>();
    const paren = m[0].includes('(');
    let depth = 0;
    let i = m.index + m[0].length;
    let base = -1;
    let last = ',';
    for (; i < text.length; i++) {
      if (mask[i] !== CODE) continue;
      const c = text[i];
      if (c === '\n' && depth === 0 && last !== ',' && !paren) break;
      if (/\s/.test(c)) continue;
      if (base < 0) base = c === '[' ? 1 : 0;
      if (c === '[' || c === '(' || c === '{') depth++;
      else if (c === ']' || c === ')' || c === '}') {
        if (--depth < 0) break;
      } else if (depth === base) {
        KEY.lastIndex = i;
        const k = KEY.exec(text);
        if (k && !keys.has(k[1])) keys.set(k[1], i);
      }
      last = c;
    }
    out.push({ module: m[1], keys });
  }
  return out;
}

/** `MyAppWeb.Endpoint` -> `my_app_web/endpoint.ex` (Macro.underscore, the generator's layout). */
function modulePath(module: string): string {
  const underscore = (s: string): string => s.replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').replace(/([a-z\d])([A-Z])/g, '$1_$2').toLowerCase();
  return module.split('.').map(underscore).join('/') + '.ex';
}

/** Inserts `force_ssl: [hsts: true],` as the keyword item before `https:`, on its own line when the key starts one. */
function addForceSsl(ctx: RuleContext, at: number): Fix {
  const lineStart = ctx.text.lastIndexOf('\n', at - 1) + 1;
  const before = ctx.text.slice(lineStart, at);
  const insert = /^\s*$/.test(before) ? `force_ssl: [hsts: true],\n${before}` : 'force_ssl: [hsts: true], ';
  return { title: 'Add force_ssl: [hsts: true] (redirect HTTP to HTTPS, send HSTS)', applicability: 'unsafe', changes: [{ path: ctx.path, edits: [ctx.lines.edit(at, at, insert)] }] };
}

async function check(ctx: RuleContext): Promise<void> {
  if (!/(?<![\w:])https:/.test(ctx.text)) return;
  const mask = ctx.memo('elixir:mask', () => scanElixir(ctx.text));
  const configs = endpointConfigs(ctx.text, mask);
  const own = configs.filter((e) => e.keys.has('https') && !inNonProdBlock(ctx.lines, mask, ctx.lines.positionAt(e.keys.get('https')!).line));
  if (own.length === 0) return;
  const slash = ctx.path.lastIndexOf('/');
  const dir = ctx.path.slice(0, slash + 1);
  for (const name of PROD_CONFIGS) {
    if (dir + name === ctx.path) continue;
    const other = await ctx.readFile(dir + name);
    if (other === undefined) continue;
    const otherMask = scanElixir(other);
    // Any force_ssl in production config, even one this parser cannot place, means someone decided.
    if (/(?<![\w:])force_ssl:/.test(codeOnly(other, otherMask))) return;
    configs.push(...endpointConfigs(other, otherMask));
  }
  if (/(?<![\w:])force_ssl:/.test(codeOnly(ctx.text, mask))) return;
  // `config/` sits at the project root: the endpoint module is in `lib/` next to it.
  const root = dir.replace(/(?:^|\/)(?:config|rel)\/$/, (m) => (m.startsWith('/') ? '/' : ''));
  for (const e of own) {
    if (!configs.some((c) => c.module === e.module && c.keys.has('http'))) continue;
    const endpoint = await ctx.readFile(`${root}lib/${modulePath(e.module)}`);
    if (endpoint && /\bplug\s*\(?\s*Plug\.SSL\b/.test(codeOnly(endpoint, scanElixir(endpoint)))) continue;
    const at = e.keys.get('https')!;
    ctx.report({ start: at, end: at + 'https:'.length, messageId: 'missing', data: { module: e.module }, fixes: [addForceSsl(ctx, at)] });
  }
}

function codeOnly(text: string, mask: Uint8Array): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += mask[i] === CODE ? text[i] : ' ';
  return out;
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A Phoenix endpoint listens on both https: and plain http: in production config, and no force_ssl (or Plug.SSL) redirects HTTP to HTTPS.',
    severity: 'warning',
    cwe: 'CWE-319',
    fix: 'unsafe',
    messages: {
      missing: '{{module}} serves HTTPS and plain HTTP, and nothing redirects HTTP to HTTPS: sessions and logins can travel in cleartext; set force_ssl: [hsts: true]',
    },
    help: `Phoenix only redirects to HTTPS and sends HSTS when the endpoint sets force_ssl. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang, path }) => lang === 'elixir' && isElixirConfig(path) && !isNonProdElixirConfig(path) && !isTestLikePath(path),
  check,
});
