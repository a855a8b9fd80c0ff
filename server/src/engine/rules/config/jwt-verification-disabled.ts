// config/jwt-verification-disabled: JWTs decoded without checking the signature or the expiry (PyJWT/python-jose options, jsonwebtoken ignoreExpiration, jwt-simple noVerify).
import { isJsLike } from '../../languages/detect';
import { jsAst, walk, type JsAst } from '../../languages/javascript';
import { calleeBinding, follow, getProp, isBool, moduleBindings } from '../../languages/js-patterns';
import { pySource, type PyArg, type PyCall, type PySource } from '../../languages/python';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import { isTestLikePath } from '../secret/heuristics';
import { nameValue } from './shared/py-names';

const ID = 'config/jwt-verification-disabled';

const OPTION_MESSAGES: Record<string, 'signature' | 'expiry'> = { verify_signature: 'signature', verify_exp: 'expiry' };

function checkJs(ctx: RuleContext, js: JsAst): void {
  const bindings = moduleBindings(js, (m) => m === 'jsonwebtoken' || m === 'jwt-simple');
  if (bindings.size === 0) return;
  walk(js.ast, (n) => {
    if (n.type !== 'CallExpression') return;
    const b = calleeBinding(js, bindings, n.callee);
    if (b?.module === 'jsonwebtoken' && b.imported === 'verify' && n.arguments[2]) {
      const opts = follow(js, n.arguments[2]);
      const p = opts.type === 'ObjectExpression' ? getProp(opts, 'ignoreExpiration') : undefined;
      if (p && isBool(p.value, true)) ctx.report({ start: p.range[0], end: p.range[1], messageId: 'expiry', data: { what: 'ignoreExpiration: true' } });
    } else if (b?.module === 'jwt-simple' && b.imported === 'decode' && isBool(n.arguments[2], true)) {
      // jwt-simple: `decode(token, key, noVerify)`.
      const a = n.arguments[2];
      ctx.report({ start: a.range[0], end: a.range[1], messageId: 'signature', data: { what: 'decode(token, key, true)' } });
    }
  });
}

/** `{"verify_signature": False, "verify_exp": False}` entries of an options dict, written in the call or set once in a variable. */
function falseOptions(src: PySource, arg: PyArg): { name: string; start: number; end: number }[] {
  const t = src.tokens;
  const out: { name: string; start: number; end: number }[] = [];
  let { from, to } = arg;
  if (to - from === 1 && t[from].kind === 'name') {
    // `opts = {"verify_signature": False}` then `jwt.decode(token, key, options=opts)`.
    const v = nameValue(src, from, t[from].text);
    if (!v) return out;
    ({ from, to } = v);
  }
  if (!src.is(from, '{') || t[from].match !== to - 1) return out;
  for (const item of src.splitArgs(from, to - 1)) {
    const k = t[item.from];
    if (k.kind !== 'string' || k.value === undefined || !src.is(item.from + 1, ':') || !(k.value in OPTION_MESSAGES)) continue;
    const v = src.literal(item.from + 2, item.to);
    if (v?.kind === 'bool' && !v.value) out.push({ name: k.value, start: item.start, end: item.end });
  }
  return out;
}

const FROM_IMPORT_DECODE = /^\s*from\s+(?:jwt|jose(?:\.jwt)?)\s+import\b[^\n]*\bdecode\b/m;

/** Token range of the `def` body around token `k` (the whole module when `k` is at module level). */
function functionRange(src: PySource, k: number): [number, number] {
  const t = src.tokens;
  let def = -1;
  for (let j = t[k].lineFirst - 1, indent = t[k].indent; j >= 0; j = t[j].lineFirst - 1) {
    const first = t[j].lineFirst;
    if (t[first].indent >= indent) continue;
    indent = t[first].indent;
    const d = src.isName(first, 'async') ? first + 1 : first;
    if (src.isName(d, 'def')) {
      def = first;
      break;
    }
  }
  if (def < 0) return [0, t.length];
  let end = src.lineEnd(def);
  while (end < t.length && t[t[end].lineFirst].indent > t[def].indent) end = src.lineEnd(end);
  return [def, end];
}

/** The plain name a decode call is given as its token (first positional argument), if any. */
function tokenName(src: PySource, call: PyCall): string | undefined {
  const first = call.args.find((a) => !a.name);
  return first && first.to - first.from === 1 && src.tokens[first.from].kind === 'name' ? src.tokens[first.from].text : undefined;
}

/**
 * Whether a later `decode` in the same function verifies the same token with a key (`jwt.decode(token, key, …)` without
 * false options): the unverified read only peeks at a claim (the issuer, the key id) to choose how to verify.
 */
function verifiedLater(src: PySource, calls: PyCall[], peek: PyCall): boolean {
  const name = tokenName(src, peek);
  if (!name) return false;
  const [, end] = functionRange(src, peek.calleeFrom);
  return calls.some((c) => {
    if (c.calleeFrom <= peek.close || c.calleeFrom >= end || c.callee !== peek.callee || tokenName(src, c) !== name) return false;
    const hasKey = c.args.filter((a) => !a.name).length >= 2 || c.args.some((a) => a.name === 'key');
    // Options written inline only: a name set elsewhere may be turned off on another path.
    const options = src.kwarg(c, 'options');
    return hasKey && (!options || (src.is(options.from, '{') && falseOptions(src, options).length === 0));
  });
}

function checkPython(ctx: RuleContext): void {
  const src = pySource(ctx);
  if (!src.importsModule('jwt') && !src.importsModule('jose')) return;
  const reported = new Set<number>();
  const calls = src.calls();
  for (const call of calls) {
    if (!/^(?:jwt\.|jose\.jwt\.)?decode$/.test(call.callee) || (!call.callee.includes('.') && !FROM_IMPORT_DECODE.test(src.text))) continue;
    const options = src.kwarg(call, 'options');
    if (options && verifiedLater(src, calls, call)) continue;
    if (options) {
      for (const o of falseOptions(src, options)) {
        if (reported.has(o.start)) continue;
        reported.add(o.start);
        ctx.report({ start: o.start, end: o.end, messageId: OPTION_MESSAGES[o.name], data: { what: `"${o.name}": False` } });
      }
    }
    // PyJWT 1.x: `jwt.decode(token, verify=False)`.
    const verify = src.kwarg(call, 'verify');
    const v = verify && src.literal(verify.from, verify.to);
    if (verify && v?.kind === 'bool' && !v.value) ctx.report({ start: verify.start, end: verify.end, messageId: 'signature', data: { what: 'verify=False' } });
  }
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'JWTs are decoded without checking their signature or expiry (PyJWT, python-jose, jsonwebtoken, jwt-simple).',
    severity: 'warning',
    cwe: 'CWE-347',
    fix: 'none',
    messages: {
      signature: '{{what}} skips the signature check: the claims are whatever the client wrote; verify the token before trusting them',
      expiry: '{{what}} accepts expired tokens, so a leaked or revoked token works forever',
    },
    help:
      'A decoded but unverified JWT is just client input. Verify the signature (and the expiry) with the key and algorithms you expect; to read ' +
      `the header before choosing a key, use jwt.get_unverified_header() instead of turning verification off. Docs: ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang, path }) => (isJsLike(lang) || lang === 'python') && !path.endsWith('.d.ts') && !isTestLikePath(path),
  check(ctx) {
    if (ctx.lang === 'python') {
      if (/verify_signature|verify_exp|verify\s*=\s*False/.test(ctx.text)) checkPython(ctx);
      return;
    }
    if (!/ignoreExpiration|jwt-simple/.test(ctx.text)) return;
    const js = jsAst(ctx);
    if (js) checkJs(ctx, js);
  },
});
