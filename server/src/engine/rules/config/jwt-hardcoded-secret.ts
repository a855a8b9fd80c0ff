// config/jwt-hardcoded-secret: JWTs signed or verified with a secret written in the code (jsonwebtoken, jose, express-jwt, passport-jwt, Nest, Fastify, PyJWT, python-jose).
import type { Variable } from '@typescript-eslint/scope-manager';
import { isJsLike } from '../../languages/detect';
import { jsAst, resolveVariable, walk, type JsAst, type Node } from '../../languages/javascript';
import { calleeBinding, getProp, moduleBindings, optionObjects, unwrap, type Binding } from '../../languages/js-patterns';
import { isConfigModule, isNonProductionModule, pySource, pythonFix, type PyCall, type PySource } from '../../languages/python';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import { isTestLikePath, looksLikeSecret, secretKind } from '../secret/heuristics';
import { weakness } from './python-weak-secret-key';
import { SecretValues } from './shared/js-secret-value';
import { localValue } from './shared/py-names';

const ID = 'config/jwt-hardcoded-secret';
const ENV = 'JWT_SECRET';

/** Functions whose second argument is the signing or verification key. */
const POSITIONAL: Record<string, Set<string>> = {
  jsonwebtoken: new Set(['sign', 'verify']),
  'jwt-simple': new Set(['encode', 'decode']),
  'hono/jwt': new Set(['sign', 'verify']),
  jose: new Set(['jwtVerify']),
};
/** Factories taking an options object with the key: module -> option names. */
const OPTIONS: Record<string, string[]> = {
  'express-jwt': ['secret'],
  'koa-jwt': ['secret'],
  'passport-jwt': ['secretOrKey'],
  '@nestjs/jwt': ['secret'],
  '@fastify/jwt': ['secret'],
  'fastify-jwt': ['secret'],
  '@hapi/jwt': ['key'],
  'hapi-auth-jwt2': ['key'],
  // Auth.js signs and encrypts its session JWTs with `secret`.
  'next-auth': ['secret'],
};
const JWT_MODULES = new Set([...Object.keys(POSITIONAL), ...Object.keys(OPTIONS)]);

function checkJs(ctx: RuleContext, js: JsAst): void {
  const bindings = moduleBindings(js, (m) => JWT_MODULES.has(m));
  if (bindings.size === 0) return;
  const values = new SecretValues(ctx, js);
  const optionsOf = (b: Binding, arg: Node | undefined): void => {
    for (const opts of optionObjects(js, arg)) {
      for (const name of OPTIONS[b.module] ?? []) {
        const p = getProp(opts, name);
        if (p) values.check(p.value as Node, `JWT ${name}`, ENV, name);
      }
    }
    // passport-jwt's documented form: `const opts = {}` then `opts.secretOrKey = '…'` before `new Strategy(opts, …)`.
    for (const { name, value } of propertyWrites(js, arg)) {
      if (OPTIONS[b.module]?.includes(name)) values.check(value, `JWT ${name}`, ENV, name);
    }
  };
  walk(js.ast, (n) => {
    if (n.type !== 'CallExpression' && n.type !== 'NewExpression') return;
    const b = calleeBinding(js, bindings, n.callee);
    if (b) {
      if (n.type === 'CallExpression' && POSITIONAL[b.module]?.has(b.imported) && n.arguments[1]) {
        values.check(n.arguments[1], `JWT ${/^(?:sign|encode)$/.test(b.imported) ? 'signing' : 'verification'} secret`, ENV);
      } else if (b.module in OPTIONS) {
        // `expressjwt({ secret })`, `new Strategy({ secretOrKey })`, `JwtModule.register({ secret })`.
        optionsOf(b, n.arguments[0]);
      }
      return;
    }
    const c = n.callee;
    if (n.type !== 'CallExpression' || c.type !== 'MemberExpression' || c.property.type !== 'Identifier') return;
    // Nest: `JwtModule.register({ secret })`.
    const owner = calleeBinding(js, bindings, c.object);
    if (owner && owner.module in OPTIONS && c.property.name === 'register') optionsOf(owner, n.arguments[0]);
    // `fastify.register(fastifyJwt, { secret })`.
    if (c.property.name === 'register' && n.arguments.length >= 2) {
      const plugin = calleeBinding(js, bindings, n.arguments[0]);
      if (plugin && plugin.module in OPTIONS) optionsOf(plugin, n.arguments[1]);
    }
    // jose: `new SignJWT(claims).setProtectedHeader(…).sign(key)`.
    if (c.property.name === 'sign' && n.arguments[0] && signJwtChain(js, bindings, c.object)) values.check(n.arguments[0], 'JWT signing secret', ENV);
  });
  values.report();
}

/** `opts.name = value` statements on the variable an options argument names. */
function propertyWrites(js: JsAst, arg: Node | undefined): { name: string; value: Node }[] {
  const id = arg && unwrap(arg);
  if (id?.type !== 'Identifier') return [];
  const v = resolveVariable(js, id);
  if (!v) return [];
  const out: { name: string; value: Node }[] = [];
  for (const r of v.references) {
    const m = r.identifier.parent;
    if (m?.type !== 'MemberExpression' || m.object !== r.identifier || m.computed || m.property.type !== 'Identifier') continue;
    const a = m.parent;
    if (a?.type === 'AssignmentExpression' && a.operator === '=' && a.left === m) out.push({ name: m.property.name, value: a.right });
  }
  return out;
}

function signJwtChain(js: JsAst, bindings: Map<Variable, Binding>, node: Node): boolean {
  let n = unwrap(node);
  for (let depth = 0; depth < 12; depth++) {
    if (n.type === 'NewExpression') {
      const b = calleeBinding(js, bindings, n.callee);
      return b?.module === 'jose' && b.imported === 'SignJWT';
    }
    if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression') n = unwrap(n.callee.object);
    else return false;
  }
  return false;
}

/** `jwt.encode` of PyJWT/python-jose, or a bare `encode` imported from them. */
function isJwtCallee(src: PySource, call: PyCall): boolean {
  if (call.callee.includes('.')) return true;
  return /^\s*from\s+(?:jwt|jose(?:\.jwt)?)\s+import\b[^\n]*\b(?:encode|decode)\b/m.test(src.text);
}

/** PyJWT / python-jose `jwt.encode(payload, key, …)`, `jwt.decode(token, key, …)`. */
function checkPython(ctx: RuleContext): void {
  const src = pySource(ctx);
  // Authlib's `jwt.encode(header, payload, key)` takes the key third; its `jwt.decode(s, key)` second, like PyJWT.
  const authlib = /^[ \t]*from[ \t]+authlib\.jose[ \t]+import\b[^\n]*\bjwt\b(?![ \t]+as\b)/m.test(src.text);
  if (!src.importsModule('jwt') && !src.importsModule('jose') && !authlib) return;
  const moduleLevel = new Map<string, { from: number; to: number; count: number }>();
  for (const a of src.assignments()) {
    if (a.op !== '=' || a.indent !== 0 || !/^\w+$/.test(a.target)) continue;
    const prev = moduleLevel.get(a.target);
    moduleLevel.set(a.target, { from: a.from, to: a.to, count: (prev?.count ?? 0) + 1 });
  }
  const reported = new Set<number>();
  for (const call of src.calls()) {
    if (!/^(?:jwt\.|jose\.jwt\.)?(?:encode|decode)$/.test(call.callee) || !isJwtCallee(src, call)) continue;
    const keyAt = authlib && call.callee === 'jwt.encode' ? 2 : 1;
    const key = src.kwarg(call, 'key') ?? call.args.filter((a) => !a.name)[keyAt];
    if (!key) continue;
    let { from, to } = key;
    let name: string | undefined;
    if (!src.literal(from, to) && to - from === 1 && src.tokens[from].kind === 'name') {
      name = src.tokens[from].text;
      const local = localValue(src, call.calleeFrom, name);
      const def = local === undefined ? moduleLevel.get(name) : local;
      if (!def || ('count' in def && def.count !== 1)) continue;
      ({ from, to } = def);
    }
    const v = src.literal(from, to);
    // An empty constant is often a placeholder filled in at start-up; an empty literal in the call is the key.
    if (v?.kind !== 'str' || (v.value === '' && name) || v.value.startsWith('-----BEGIN') || reported.has(from)) continue;
    // secret/generic-secret reports a random-looking value assigned to a secret-named constant.
    if (name && secretKind(name) === 'secret' && looksLikeSecret(v.value, 'secret', { key: name })) continue;
    // A weak SECRET_KEY of a settings module is config/python-weak-secret-key's finding.
    if (name === 'SECRET_KEY' && isConfigModule(ctx.path) && !isNonProductionModule(ctx.path)) continue;
    reported.add(from);
    const [start, end] = src.span(from, to);
    // An empty HMAC key: anyone can compute the signature.
    const known = v.value === '' || weakness(v.value, 32)?.messageId === 'knownDefault';
    ctx.report({
      start, end, messageId: v.value === '' ? 'empty' : known ? 'knownDefault' : 'literal', severity: known ? 'error' : undefined,
      data: { what: `JWT ${call.callee.endsWith('decode') ? 'verification' : 'signing'} secret` },
      fixes: [pythonFix(ctx, `Read the secret from the ${ENV} environment variable`, [ctx.lines.edit(start, end, `os.environ["${ENV}"]`)])],
    });
  }
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'JWTs are signed or verified with a secret written in the code (Node JWT libraries, PyJWT, python-jose).',
    severity: 'warning',
    cwe: 'CWE-798',
    fix: 'unsafe',
    messages: {
      literal: 'The {{what}} is written in the code: whoever reads the repository can mint valid tokens for any user; read it from the environment',
      knownDefault: 'The {{what}} is a well-known example value: anyone can mint valid tokens for any user; generate a random secret and read it from the environment',
      empty: 'The {{what}} is empty: anyone can compute the signature and mint valid tokens for any user; generate a random secret and read it from the environment',
      fallback: 'The {{what}} falls back to a value written in the code when the environment variable is missing, so a misconfigured deployment accepts tokens anyone can mint',
    },
    help:
      'An HMAC JWT secret lets whoever holds it create tokens the server accepts. Keep it out of the code: generate at least 32 random ' +
      `bytes and read them from the environment or a secret manager (or use an asymmetric key pair). Docs: ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang, path }) => (isJsLike(lang) || lang === 'python') && !path.endsWith('.d.ts') && !isTestLikePath(path),
  check(ctx) {
    if (!/jwt|jose|jws|next-auth/i.test(ctx.text)) return;
    if (ctx.lang === 'python') {
      checkPython(ctx);
      return;
    }
    const js = jsAst(ctx);
    if (js) checkJs(ctx, js);
  },
});
