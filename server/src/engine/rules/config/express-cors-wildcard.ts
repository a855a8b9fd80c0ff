// config/express-cors-wildcard: the Node `cors` middleware or hand-written CORS headers allowing every origin, or reflecting the request's Origin.
import type { TSESTree } from '@typescript-eslint/types';
import { isJsLike } from '../../languages/detect';
import { jsAst, walk, type JsAst, type Node } from '../../languages/javascript';
import { calleeBinding, follow, getProp, inDevBranch, isBool, isDevOnlyFile, moduleBindings, optionObjects, propKey, spreadAfter, stringValue, unwrap } from '../../languages/js-patterns';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import type { Fix } from '../../types';
import { isTestLikePath } from '../secret/heuristics';

const ID = 'config/express-cors-wildcard';
const ENV = 'CORS_ORIGINS';
const ORIGINS = `(process.env.${ENV} ?? '').split(',')`;
const ALLOW_ORIGIN = 'access-control-allow-origin';
const ALLOW_CREDENTIALS = 'access-control-allow-credentials';
/** Modules exporting a CORS middleware with the `cors` package's options. */
const CORS_MODULES = new Set(['cors', '@koa/cors', 'koa2-cors', '@fastify/cors', 'fastify-cors']);
/** Response methods that set one header: `res.setHeader(name, value)`, `res.header(…)`, `res.set(…)`, `reply.header(…)`. */
const SET_HEADER = new Set(['setHeader', 'header', 'set', 'append']);

type MessageId = 'wildcard' | 'reflect' | 'credentials' | 'nullOrigin';

interface Hit {
  node: Node;
  messageId: MessageId;
  what: string;
  fix?: Fix;
}

/** `function (origin, cb) { cb(null, true) }` and `(o, cb) => cb(null, true)`: every origin allowed. */
function allowsEveryOrigin(node: Node): boolean {
  const n = unwrap(node);
  if (n.type !== 'FunctionExpression' && n.type !== 'ArrowFunctionExpression') return false;
  const cb = n.params[1];
  if (cb?.type !== 'Identifier') return false;
  let body: Node = n.body;
  if (body.type === 'BlockStatement') {
    if (body.body.length !== 1 || body.body[0].type !== 'ExpressionStatement') return false;
    body = body.body[0].expression;
  }
  if (body.type !== 'CallExpression' || body.callee.type !== 'Identifier' || body.callee.name !== cb.name || body.arguments.length !== 2) return false;
  const first = unwrap(body.arguments[0]);
  return first.type === 'Literal' && first.value === null && isBool(body.arguments[1], true);
}

/** `req`, `request`, `ctx.request`: the incoming request; also `url.parse(req.url, true)`, its parsed URL. */
function isRequest(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === 'Identifier') return /^(?:req|request)$/.test(n.name);
  if (n.type === 'CallExpression' && n.arguments.length >= 1) {
    const c = n.callee;
    const name = c.type === 'Identifier' ? c.name : c.type === 'MemberExpression' && !c.computed && c.property.type === 'Identifier' ? c.property.name : '';
    const arg = unwrap(n.arguments[0]);
    return name === 'parse' && arg.type === 'MemberExpression' && !arg.computed && arg.property.type === 'Identifier' && arg.property.name === 'url' && isRequest(arg.object);
  }
  return n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier' && n.property.name === 'request';
}

/**
 * `req.headers.origin`, `req.headers['origin']`, `req.header('Origin')`, `req.get('origin')`, `ctx.get('Origin')`, and any
 * request parameter (`req.query.origin`, `req.body.x`): a value the caller chooses.
 */
function isRequestOrigin(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === 'MemberExpression') {
    const key = !n.computed && n.property.type === 'Identifier' ? n.property.name : stringValue(n.property);
    const o = unwrap(n.object);
    if (o.type !== 'MemberExpression' || o.computed || o.property.type !== 'Identifier') return false;
    if (o.property.name === 'headers') return key?.toLowerCase() === 'origin';
    return /^(?:query|body|params)$/.test(o.property.name) && isRequest(o.object);
  }
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed && n.callee.property.type === 'Identifier') {
    return /^(?:header|get|getHeader)$/.test(n.callee.property.name) && n.arguments.length === 1 && stringValue(n.arguments[0])?.toLowerCase() === 'origin';
  }
  return false;
}

/** The request's Origin is compared or looked up on the way to `node` (an allow-list check), so the reflection is guarded. */
function originChecked(text: string, node: Node, variable?: string): boolean {
  // The test names the origin, or the variable the header is set from (`if (TRUSTED.includes(o))`).
  const re = variable ? new RegExp(`origin|(?<![\\w$])${variable.replace(/\$/g, '\\$')}(?![\\w$])`, 'i') : /origin/i;
  let child: Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if ((p.type === 'IfStatement' || p.type === 'ConditionalExpression') && child !== p.test && re.test(text.slice(p.test.range[0], p.test.range[1]))) return true;
    if (p.type === 'LogicalExpression' && p.operator === '&&' && child === p.right && re.test(text.slice(p.left.range[0], p.left.range[1]))) return true;
    if (p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression' || p.type === 'ArrowFunctionExpression') {
      // An early exit for unknown origins before the header: `if (!allowed.includes(origin)) return next()`.
      const body = p.body.type === 'BlockStatement' ? p.body.body : [];
      for (const s of body) {
        if (s.range[0] >= node.range[0]) break;
        if (s.type === 'IfStatement' && re.test(text.slice(s.test.range[0], s.test.range[1]))) return true;
      }
      break;
    }
  }
  return false;
}

function replaceFix(ctx: RuleContext, node: Node, title: string, newText: string): Fix {
  return { title, applicability: 'unsafe', changes: [{ path: ctx.path, edits: [ctx.lines.edit(node.range[0], node.range[1], newText)] }] };
}

/** @koa/cors answers with the request's own Origin when none is configured; the others send `*`. */
function defaultMessage(module: string): MessageId {
  return module === '@koa/cors' ? 'reflect' : 'wildcard';
}

/** `cors()`, `cors({ origin: '*' })`, `cors({ origin: true, credentials: true })`, options in a `const`. */
function checkCorsCall(ctx: RuleContext, js: JsAst, call: TSESTree.CallExpression, module: string, out: Hit[]): void {
  const what = `${module}()`;
  const arg = call.arguments[0];
  if (!arg) {
    const callee = ctx.text.slice(call.callee.range[0], call.callee.range[1]);
    out.push({ node: call, messageId: defaultMessage(module), what, fix: replaceFix(ctx, call, `Allow only the origins in the ${ENV} environment variable`, `${callee}({ origin: ${ORIGINS} })`) });
    return;
  }
  for (const opts of optionObjects(js, arg)) checkOptions(ctx, opts, module, what, opts === unwrap(arg), out);
}

function checkOptions(ctx: RuleContext, opts: TSESTree.ObjectExpression, module: string, what: string, inline: boolean, out: Hit[]): void {
  const origin = getProp(opts, 'origin');
  if (spreadAfter(opts, origin)) return;
  const creds = isBool(getProp(opts, 'credentials')?.value, true);
  if (!origin) {
    if (opts.properties.some((p) => p.type !== 'Property' || /^(?:origins?|allowedOrigins?)$/i.test(propKey(p) ?? ''))) return;
    // `cors({ credentials: true })` keeps the default `*`, which browsers refuse with credentials: broken, not open.
    if (defaultMessage(module) === 'reflect' && creds) {
      out.push({ node: opts, messageId: 'credentials', what });
    } else if (opts.properties.length === 0 && inline) {
      out.push({ node: opts, messageId: defaultMessage(module), what, fix: replaceFix(ctx, opts, `Allow only the origins in the ${ENV} environment variable`, `{ origin: ${ORIGINS} }`) });
    }
    return;
  }
  const v = origin.value as Node;
  const fix = replaceFix(ctx, v, `Allow only the origins in the ${ENV} environment variable`, ORIGINS);
  const u = unwrap(v);
  if (stringValue(v) === '*' || (u.type === 'ArrayExpression' && u.elements.some((e) => e && stringValue(e) === '*'))) {
    // With credentials the cors package still sends `*`, which browsers refuse: every origin for the rest.
    out.push({ node: origin, messageId: 'wildcard', what, fix });
  } else if (isBool(v, true) || allowsEveryOrigin(v) || isMatchAllRegex(v)) {
    out.push({ node: origin, messageId: creds ? 'credentials' : 'reflect', what, fix });
  }
}

function isMatchAllRegex(node: Node): boolean {
  const n = unwrap(node);
  return n.type === 'Literal' && 'regex' in n && n.regex !== undefined && /^\^?\.[*+]\$?$/.test(n.regex.pattern);
}

/** The header name and value of `res.setHeader('Access-Control-Allow-Origin', v)` or of a `{ 'Access-Control-Allow-Origin': v }` header object. */
function headerSets(call: TSESTree.CallExpression): { name: string; value: Node; node: Node }[] {
  const c = call.callee;
  if (c.type !== 'MemberExpression' || c.computed || c.property.type !== 'Identifier') return [];
  const method = c.property.name;
  const out: { name: string; value: Node; node: Node }[] = [];
  if (SET_HEADER.has(method) && call.arguments.length === 2) {
    const name = stringValue(call.arguments[0]);
    if (name) out.push({ name: name.toLowerCase(), value: call.arguments[1], node: call });
  }
  // `res.set({ … })`, `res.header({ … })`, `res.writeHead(200, { … })`.
  const obj = method === 'writeHead' ? call.arguments[call.arguments.length - 1] : SET_HEADER.has(method) && call.arguments.length === 1 ? call.arguments[0] : undefined;
  if (obj?.type === 'ObjectExpression') {
    for (const p of obj.properties) {
      const name = p.type === 'Property' ? propKey(p) : undefined;
      if (name && p.type === 'Property') out.push({ name: name.toLowerCase(), value: p.value as Node, node: p });
    }
  }
  return out;
}

/** The function (or program) a node runs in. */
function enclosingFunction(node: Node): Node {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression' || p.type === 'ArrowFunctionExpression' || p.type === 'Program') return p;
  }
  return node;
}

function checkHeaders(ctx: RuleContext, js: JsAst, out: Hit[]): void {
  const { text } = ctx;
  const origins: { value: Node; node: Node; fn: Node }[] = [];
  const credsIn = new Set<Node>();
  walk(js.ast, (n) => {
    if (n.type !== 'CallExpression') return;
    for (const h of headerSets(n)) {
      if (h.name === ALLOW_ORIGIN) origins.push({ value: h.value, node: h.node, fn: enclosingFunction(n) });
      else if (h.name === ALLOW_CREDENTIALS && (stringValue(h.value) === 'true' || isBool(h.value, true))) credsIn.add(enclosingFunction(n));
    }
  });
  for (const o of origins) {
    if (inDevBranch(text, o.node)) continue;
    const value = stringValue(o.value);
    // `null` / `'null'` with credentials: sandboxed iframes and `data:` pages send `Origin: null`, so any site can get in.
    if ((value === 'null' || (unwrap(o.value).type === 'Literal' && (unwrap(o.value) as TSESTree.Literal).value === null)) && credsIn.has(o.fn)) {
      out.push({ node: o.node, messageId: 'nullOrigin', what: 'Access-Control-Allow-Origin: null' });
      continue;
    }
    if (value === '*') {
      const fix = o.node.type === 'CallExpression'
        ? replaceFix(ctx, o.value, 'Allow one origin from the CORS_ORIGIN environment variable', `process.env.CORS_ORIGIN ?? ''`)
        : undefined;
      out.push({ node: o.node, messageId: 'wildcard', what: 'Access-Control-Allow-Origin: *', fix });
      continue;
    }
    // Reflected straight from the request, or through a variable set from it.
    // `req.headers.origin || '*'` reflects too.
    let v = unwrap(o.value);
    if (v.type === 'LogicalExpression' && (v.operator === '||' || v.operator === '??')) v = unwrap(v.left);
    let reflected = isRequestOrigin(v);
    if (!reflected && v.type === 'Identifier') {
      const init = follow(js, v);
      reflected = init !== v && isRequestOrigin(init);
    }
    if (!reflected || originChecked(text, o.node, v.type === 'Identifier' ? v.name : undefined)) continue;
    out.push({ node: o.node, messageId: credsIn.has(o.fn) ? 'credentials' : 'reflect', what: 'Access-Control-Allow-Origin' });
  }
}

/** `cors()` passed to `app.options(path, cors())`: the preflight handler of a policy the app usually also `use`s. */
function isPreflightRoute(node: Node): boolean {
  const p = node.parent;
  return p?.type === 'CallExpression' && p.arguments.includes(node as TSESTree.CallExpressionArgument) && p.callee.type === 'MemberExpression'
    && !p.callee.computed && p.callee.property.type === 'Identifier' && p.callee.property.name === 'options';
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'CORS in Node (cors, @koa/cors, @fastify/cors, hand-written headers) allows every origin or reflects the request Origin; an error with credentials.',
    severity: 'warning',
    cwe: 'CWE-942',
    fix: 'unsafe',
    messages: {
      wildcard: '{{what}} allows requests from every origin; list the origins that may call this API',
      reflect: '{{what}} is set from the request itself (its Origin header or a parameter), so every website is allowed; check it against a list of origins',
      credentials: '{{what}} allows every origin with credentials: any website can send requests as your signed-in users and read the responses',
      nullOrigin: '{{what}} with credentials trusts the "null" origin, which any website can send from a sandboxed iframe: it can act as your signed-in users and read the responses',
    },
    help:
      'A CORS policy that allows every origin lets any website read your API\'s responses from a visitor\'s browser; with credentials ' +
      `it can act as the signed-in user. List the allowed origins, read from configuration. Docs: ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang, path }) => isJsLike(lang) && !path.endsWith('.d.ts') && !isTestLikePath(path) && !isDevOnlyFile(path),
  check(ctx) {
    if (!/cors|access-control-allow-origin/i.test(ctx.text)) return;
    const js = jsAst(ctx);
    if (!js) return;
    const hits: Hit[] = [];
    const bindings = moduleBindings(js, (m) => CORS_MODULES.has(m));
    if (bindings.size > 0 || /require\(\s*['"](?:cors|@koa\/cors)['"]\s*\)\s*\(/.test(ctx.text)) {
      walk(js.ast, (n) => {
        if (n.type !== 'CallExpression') return;
        const b = calleeBinding(js, bindings, n.callee);
        if (b && CORS_MODULES.has(b.module) && !b.module.includes('fastify') && b.imported === 'default' && !inDevBranch(ctx.text, n)) checkCorsCall(ctx, js, n, b.module, hits);
        // @fastify/cors: `fastify.register(cors, { origin: '*' })`; registered without options it allows every origin.
        const c = n.callee;
        if (c.type !== 'MemberExpression' || c.property.type !== 'Identifier' || c.property.name !== 'register' || !n.arguments[0]) return;
        const plugin = calleeBinding(js, bindings, n.arguments[0]);
        if (!plugin || !plugin.module.includes('fastify') || plugin.imported !== 'default' || inDevBranch(ctx.text, n)) return;
        const what = `register(${plugin.module})`;
        if (n.arguments.length === 1) {
          hits.push({ node: n, messageId: 'wildcard', what });
          return;
        }
        for (const opts of optionObjects(js, n.arguments[1])) checkOptions(ctx, opts, plugin.module, what, opts === unwrap(n.arguments[1]), hits);
      });
    }
    if (/access-control-allow-origin/i.test(ctx.text)) checkHeaders(ctx, js, hits);
    const seen = new Set<string>();
    const src = (h: Hit): string => ctx.text.slice(h.node.range[0], h.node.range[1]);
    for (const h of hits) {
      const key = `${h.node.range[0]}:${h.node.range[1]}`;
      if (seen.has(key)) continue;
      // `app.options('*', cors())` next to `app.use(cors())` answers preflights with the same policy: one finding, not two.
      if (isPreflightRoute(h.node) && hits.some((o) => o !== h && !isPreflightRoute(o.node) && o.messageId === h.messageId && src(o) === src(h))) continue;
      seen.add(key);
      ctx.report({
        start: h.node.range[0], end: h.node.range[1], messageId: h.messageId, data: { what: h.what },
        severity: h.messageId === 'credentials' || h.messageId === 'nullOrigin' ? 'error' : undefined, fixes: h.fix ? [h.fix] : [],
      });
    }
  },
});
