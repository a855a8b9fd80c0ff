// config/jwt-none-algorithm: JWTs signed with, or verification accepting, the unsigned `none` algorithm (Node JWT libraries, PyJWT, python-jose).
import type { TSESTree } from '@typescript-eslint/types';
import { isJsLike } from '../../languages/detect';
import { importedModules, jsAst, walk, type JsAst } from '../../languages/javascript';
import { propKey, stringValue, unwrap } from '../../languages/js-patterns';
import { pySource } from '../../languages/python';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import type { Fix } from '../../types';
import { isTestLikePath } from '../secret/heuristics';

const ID = 'config/jwt-none-algorithm';
/** Modules whose options take `algorithm` / `algorithms` for JWTs. */
const JWT_MODULE = /^(?:jsonwebtoken|express-jwt|koa-jwt|passport-jwt|@nestjs\/jwt|@fastify\/jwt|fastify-jwt|@hapi\/jwt|hapi-auth-jwt2|jwt-simple|hono\/jwt|fast-jwt|jws|jwa)$/;

const isNone = (v: string | undefined): boolean => v !== undefined && v.toLowerCase() === 'none';

function removeFix(ctx: RuleContext, start: number, end: number): Fix {
  return { title: "Remove 'none' from the accepted algorithms", applicability: 'safe', changes: [{ path: ctx.path, edits: [ctx.lines.edit(start, end, '')] }] };
}

/** Deletes item `i` of a list with one of its separators: up to the next item, or from the previous one when it is last. */
function itemFix(ctx: RuleContext, spans: [number, number][], i: number, keep: boolean): Fix[] {
  if (!keep) return [];
  const next = spans[i + 1];
  const prev = spans[i - 1];
  if (next) return [removeFix(ctx, spans[i][0], next[0])];
  return prev ? [removeFix(ctx, prev[1], spans[i][1])] : [];
}

function checkJs(ctx: RuleContext, js: JsAst): void {
  if (![...importedModules(js)].some((m) => JWT_MODULE.test(m))) return;
  walk(js.ast, (n) => {
    if (n.type !== 'Property') return;
    const key = propKey(n);
    const v = unwrap(n.value as TSESTree.Node);
    if (key === 'algorithm' && isNone(stringValue(v))) {
      ctx.report({ start: n.range[0], end: n.range[1], messageId: 'sign' });
    } else if (key === 'algorithms' && v.type === 'ArrayExpression') {
      const items = v.elements.filter((e): e is TSESTree.Expression | TSESTree.SpreadElement => e !== null);
      const keep = items.some((e) => !isNone(stringValue(e)));
      const spans = items.map((e) => e.range);
      items.forEach((e, i) => {
        if (isNone(stringValue(e))) ctx.report({ start: e.range[0], end: e.range[1], messageId: 'accept', fixes: itemFix(ctx, spans, i, keep) });
      });
    }
  });
}

/** PyJWT / python-jose / authlib: `algorithm="none"` when encoding, `"none"` among `algorithms=[…]` when decoding. */
function checkPython(ctx: RuleContext): void {
  const src = pySource(ctx);
  if (!src.importsModule('jwt') && !src.importsModule('jose') && !src.importsModule('authlib')) return;
  const t = src.tokens;
  for (const call of src.calls()) {
    if (!/(?:^|\.)(?:encode|decode)$/.test(call.callee)) continue;
    const alg = src.kwarg(call, 'algorithm');
    const a = alg && src.literal(alg.from, alg.to);
    if (alg && a?.kind === 'str' && isNone(a.value)) ctx.report({ start: alg.start, end: alg.end, messageId: 'sign' });
    const algs = src.kwarg(call, 'algorithms');
    if (!algs || (!src.is(algs.from, '[') && !src.is(algs.from, '(')) || t[algs.from].match !== algs.to - 1) continue;
    const items = src.splitArgs(algs.from, algs.to - 1);
    const none = items.map((x) => { const l = src.literal(x.from, x.to); return l?.kind === 'str' && isNone(l.value); });
    const keep = none.some((x) => !x);
    const spans = items.map((x): [number, number] => [x.start, x.end]);
    items.forEach((item, i) => {
      if (none[i]) ctx.report({ start: item.start, end: item.end, messageId: 'accept', fixes: itemFix(ctx, spans, i, keep) });
    });
  }
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: "JWTs are signed with the 'none' algorithm, or verification accepts it, so tokens carry no signature.",
    severity: 'error',
    cwe: 'CWE-347',
    fix: 'safe',
    messages: {
      sign: "algorithm 'none' makes unsigned tokens: anyone can change the claims; sign with HS256, RS256 or ES256",
      accept: "Accepting the 'none' algorithm lets anyone send an unsigned token with any claims and have it verified",
    },
    help:
      "The 'none' algorithm means no signature: a verifier that accepts it trusts whatever claims a client writes. List only the " +
      `algorithms your keys use (for example ['HS256'] or ['RS256']). Docs: ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang, path }) => (isJsLike(lang) || lang === 'python') && !path.endsWith('.d.ts') && !isTestLikePath(path),
  check(ctx) {
    if (!/['"`]none['"`]/i.test(ctx.text)) return;
    if (ctx.lang === 'python') {
      checkPython(ctx);
      return;
    }
    const js = jsAst(ctx);
    if (js) checkJs(ctx, js);
  },
});
