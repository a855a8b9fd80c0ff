// config/express-session-weak-secret: session and cookie signing secrets (express-session, cookie-session, cookie-parser, Koa keys, Fastify, hapi) written as literals in code.
import type { TSESTree } from '@typescript-eslint/types';
import { isJsLike } from '../../languages/detect';
import { jsAst, walk, type JsAst, type Node } from '../../languages/javascript';
import { calleeBinding, getProp, moduleBindings, optionObjects, stringValue, unwrap } from '../../languages/js-patterns';
import { defineRule, docsUrl } from '../../rule';
import { isTestLikePath } from '../secret/heuristics';
import { SecretValues } from './shared/js-secret-value';

const ID = 'config/express-session-weak-secret';

/** Middleware factories and plugins taking `{ secret }` (cookie-session also `{ keys }`), and the environment variable the fix reads. */
const OPTION_MODULES: Record<string, string> = {
  'express-session': 'SESSION_SECRET',
  'cookie-session': 'SESSION_SECRET',
  '@fastify/session': 'SESSION_SECRET',
  '@fastify/secure-session': 'SESSION_SECRET',
  'fastify-session': 'SESSION_SECRET',
  '@fastify/cookie': 'COOKIE_SECRET',
  'fastify-cookie': 'COOKIE_SECRET',
  '@hapi/cookie': 'COOKIE_PASSWORD',
};
const COOKIE_PARSER = 'cookie-parser';

/** Options of a session/cookie plugin: `secret`, cookie-session's `keys`, @hapi/cookie's `cookie.password`. */
function checkOptions(js: JsAst, values: SecretValues, arg: Node | undefined, module: string): void {
  for (const opts of optionObjects(js, arg)) checkObject(values, opts, module);
}

function checkObject(values: SecretValues, opts: TSESTree.ObjectExpression, module: string): void {
  const env = OPTION_MODULES[module];
  for (const name of module === 'cookie-session' ? ['secret', 'keys'] : ['secret']) {
    const p = getProp(opts, name);
    if (p) values.check(p.value as Node, `${module} ${name === 'keys' ? 'signing key' : name}`, env, name);
  }
  const cookie = getProp(opts, 'cookie');
  const inner = cookie && unwrap(cookie.value as Node);
  if (module === '@hapi/cookie' && inner?.type === 'ObjectExpression') {
    const pw = getProp(inner, 'password');
    if (pw) values.check(pw.value as Node, `${module} password`, env, 'password');
  }
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A session or cookie signing secret (express-session, cookie-session, cookie-parser, Koa app.keys, Fastify, hapi) is written in the code.',
    severity: 'warning',
    cwe: 'CWE-798',
    fix: 'unsafe',
    messages: {
      literal: 'The {{what}} is written in the code: whoever reads the repository can sign cookies and forge sessions; read it from the environment',
      knownDefault: 'The {{what}} is a well-known example value: anyone can sign cookies and forge sessions; generate a random secret and read it from the environment',
      fallback: 'The {{what}} falls back to a value written in the code when the environment variable is missing, so a misconfigured deployment runs with a known secret',
    },
    help:
      'The session secret signs session cookies; whoever knows it can forge a session for any user. Generate a long random value ' +
      `(node -e "console.log(require('crypto').randomBytes(32).toString('hex'))") and read it from the environment. Docs: ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang, path }) => isJsLike(lang) && !path.endsWith('.d.ts') && !isTestLikePath(path),
  check(ctx) {
    if (!/session|cookie|\.keys\b/i.test(ctx.text)) return;
    const js = jsAst(ctx);
    if (!js) return;
    const bindings = moduleBindings(js, (m) => m in OPTION_MODULES || m === COOKIE_PARSER || m === 'koa');
    if (bindings.size === 0) return;
    const values = new SecretValues(ctx, js);
    const koa = [...bindings.values()].some((b) => b.module === 'koa');
    const hapiCookie = [...bindings.values()].some((b) => b.module === '@hapi/cookie');
    walk(js.ast, (n) => {
      if (n.type === 'CallExpression') {
        const b = calleeBinding(js, bindings, n.callee);
        if (b?.module === COOKIE_PARSER && b.imported === 'default' && n.arguments[0]) {
          values.check(n.arguments[0], 'cookie-parser secret', 'COOKIE_SECRET');
        } else if (b && b.module in OPTION_MODULES && (b.imported === 'default' || b.imported === 'session')) {
          checkOptions(js, values, n.arguments[0], b.module);
        }
        const c = n.callee;
        if (c.type !== 'MemberExpression' || c.property.type !== 'Identifier') return;
        // `fastify.register(fastifySession, { secret })`.
        if (c.property.name === 'register' && n.arguments.length >= 2) {
          const plugin = calleeBinding(js, bindings, n.arguments[0]);
          if (plugin && plugin.module in OPTION_MODULES && plugin.imported === 'default') checkOptions(js, values, n.arguments[1], plugin.module);
        }
        // hapi: `server.auth.strategy('session', 'cookie', { cookie: { password } })`.
        if (hapiCookie && c.property.name === 'strategy' && stringValue(n.arguments[1]) === 'cookie') checkOptions(js, values, n.arguments[2], '@hapi/cookie');
      } else if (koa && n.type === 'AssignmentExpression' && n.operator === '=' && n.left.type === 'MemberExpression' && !n.left.computed &&
        n.left.property.type === 'Identifier' && n.left.property.name === 'keys') {
        // Koa signs cookies with `app.keys = ['…']`.
        const v = unwrap(n.right);
        if (v.type === 'ArrayExpression') values.check(v, 'Koa app.keys signing key', 'APP_KEY');
      }
    });
    values.report();
  },
});
