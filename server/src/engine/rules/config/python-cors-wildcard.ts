// config/python-cors-wildcard: CORS opened to every origin in FastAPI/Starlette, flask-cors and django-cors-headers.
import { envList, isNonProductionModule, pySource, pythonFix, type PyArg, type PyCall, type PySource } from '../../languages/python';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import type { Fix } from '../../types';
import { isTestLikePath } from '../secret/heuristics';

const ID = 'config/python-cors-wildcard';
const ENV = 'CORS_ORIGINS';
/** `allow_origin_regex` patterns that match any origin. */
const ANY_REGEX = /^\^?(?:\.[*+]|https?:\/\/\.[*+]|https\?:\/\/\.[*+])\$?$/;

interface Hit {
  start: number;
  end: number;
  messageId: 'wildcard' | 'credentials' | 'defaultOrigins';
  what: string;
  fix?: Fix;
}

/** `"*"`, `["*"]`, `("*",)` or a list holding `"*"` among others. */
function isWildcard(src: PySource, from: number, to: number): boolean {
  const v = src.literal(from, to);
  if (v?.kind === 'str') return v.value === '*';
  return v?.kind === 'list' && v.items.some((i) => i?.kind === 'str' && i.value === '*');
}

function isTrue(src: PySource, arg: { from: number; to: number } | undefined): boolean {
  const v = arg && src.literal(arg.from, arg.to);
  return v?.kind === 'bool' && v.value;
}

function replaceOrigins(ctx: RuleContext, src: PySource, from: number, to: number): Fix {
  const [s, e] = src.span(from, to);
  return pythonFix(ctx, `Read the allowed origins from the ${ENV} environment variable`, [ctx.lines.edit(s, e, envList(ENV))]);
}

function isCorsMiddleware(src: PySource, call: PyCall): boolean {
  if (/(?:^|\.)CORSMiddleware$/.test(call.callee)) return true;
  const first = call.args[0];
  return first !== undefined && !first.name && src.tokens[first.to - 1].text === 'CORSMiddleware';
}

function checkStarlette(ctx: RuleContext, src: PySource, call: PyCall, out: Hit[]): void {
  const creds = isTrue(src, src.kwarg(call, 'allow_credentials'));
  const messageId = creds ? 'credentials' : 'wildcard';
  const origins = src.kwarg(call, 'allow_origins');
  if (origins && isWildcard(src, origins.from, origins.to)) {
    out.push({ start: origins.start, end: origins.end, messageId, what: 'CORSMiddleware', fix: replaceOrigins(ctx, src, origins.from, origins.to) });
  }
  const regex = src.kwarg(call, 'allow_origin_regex');
  const r = regex && src.literal(regex.from, regex.to);
  if (regex && r?.kind === 'str' && ANY_REGEX.test(r.value)) out.push({ start: regex.start, end: regex.end, messageId, what: 'CORSMiddleware' });
}

/** `resources={r"/api/*": {"origins": "*"}}`: each `"origins": <wildcard>` entry. */
function wildcardResources(src: PySource, arg: PyArg): [number, number][] {
  const t = src.tokens;
  const out: [number, number][] = [];
  for (let k = arg.from; k + 2 < arg.to; k++) {
    if (t[k].kind !== 'string' || t[k].value !== 'origins' || !src.is(k + 1, ':')) continue;
    const from = k + 2;
    let to = from;
    while (to < arg.to && !src.is(to, ',') && !src.is(to, '}')) to = src.next(to);
    if (isWildcard(src, from, to)) out.push([from, to]);
  }
  return out;
}

function checkFlaskCors(ctx: RuleContext, src: PySource, call: PyCall, out: Hit[]): void {
  if (src.hasUnpacking(call)) return;
  const decorator = call.callee.endsWith('cross_origin');
  const what = decorator ? '@cross_origin()' : 'CORS(app)';
  const messageId = isTrue(src, src.kwarg(call, 'supports_credentials')) ? 'credentials' : 'wildcard';
  const origins = src.kwarg(call, 'origins');
  const resources = src.kwarg(call, 'resources');
  if (origins) {
    if (isWildcard(src, origins.from, origins.to)) out.push({ start: origins.start, end: origins.end, messageId, what, fix: replaceOrigins(ctx, src, origins.from, origins.to) });
    return;
  }
  if (resources) {
    for (const [from, to] of wildcardResources(src, resources)) {
      out.push({ start: src.tokens[from - 2].start, end: src.tokens[to - 1].end, messageId, what, fix: replaceOrigins(ctx, src, from, to) });
    }
    return;
  }
  // flask-cors reads CORS_ORIGINS / CORS_RESOURCES from the app config; a bare `CORS()` is set up later by init_app.
  const positional = call.args.filter((a) => !a.name);
  if ((!decorator && positional.length === 0) || /\bCORS_(?:ORIGINS|RESOURCES)\b/.test(ctx.text)) return;
  const close = src.tokens[call.close];
  const insert = call.args.length ? `, origins=${envList(ENV)}` : `origins=${envList(ENV)}`;
  const at = call.args.length ? call.args[call.args.length - 1].end : close.start;
  out.push({
    start: src.tokens[call.calleeFrom].start, end: close.end, messageId: messageId === 'credentials' ? 'credentials' : 'defaultOrigins', what,
    fix: pythonFix(ctx, `Pass the allowed origins from the ${ENV} environment variable`, [ctx.lines.edit(at, at, insert)]),
  });
}

function checkDjango(ctx: RuleContext, src: PySource, out: Hit[]): void {
  if (isNonProductionModule(ctx.path)) return;
  const moduleLevel = src.assignments().filter((a) => a.indent === 0 && a.op === '=');
  const creds = moduleLevel.some((a) => a.target === 'CORS_ALLOW_CREDENTIALS' && isTrue(src, a));
  const hasList = moduleLevel.some((a) => /^CORS_(?:ALLOWED_ORIGINS|ORIGIN_WHITELIST)$/.test(a.target));
  for (const a of moduleLevel) {
    if ((a.target !== 'CORS_ALLOW_ALL_ORIGINS' && a.target !== 'CORS_ORIGIN_ALLOW_ALL') || !isTrue(src, a)) continue;
    const start = src.tokens[a.targetFrom].start;
    const end = src.tokens[a.to - 1].end;
    const [vs, ve] = src.span(a.from, a.to);
    // With an allow-list already defined, turning the switch off makes it apply.
    const fix = hasList
      ? pythonFix(ctx, `Set ${a.target} = False (use the allowed origins list)`, [ctx.lines.edit(vs, ve, 'False')], false)
      : pythonFix(ctx, 'Read CORS_ALLOWED_ORIGINS from the environment', [
        ctx.lines.edit(start, end, `CORS_ALLOWED_ORIGINS = [o for o in ${envList('CORS_ALLOWED_ORIGINS')} if o]`),
      ]);
    out.push({ start, end, messageId: creds ? 'credentials' : 'wildcard', what: `${a.target} = True`, fix });
  }
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'CORS allows every origin (FastAPI/Starlette CORSMiddleware, flask-cors, django-cors-headers); an error with credentials.',
    severity: 'warning',
    cwe: 'CWE-942',
    fix: 'unsafe',
    messages: {
      wildcard: '{{what}} allows requests from every origin; list the origins that may call this app',
      credentials: '{{what}} allows every origin with credentials: any website can send requests as your signed-in users and read the responses',
      defaultOrigins: '{{what}} without origins allows every origin (flask-cors defaults to "*"); pass the origins that may call this app',
    },
    help:
      'A wildcard CORS policy lets any website read your API\'s responses from a visitor\'s browser; with credentials it can act ' +
      `as the signed-in user. List the allowed origins, read from configuration. Docs: ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang, path }) => lang === 'python' && !isTestLikePath(path),
  check(ctx) {
    if (!/cors/i.test(ctx.text)) return;
    const src = pySource(ctx);
    const flaskCors = src.importsModule('flask_cors');
    const hits: Hit[] = [];
    for (const call of src.calls()) {
      if (isCorsMiddleware(src, call)) checkStarlette(ctx, src, call, hits);
      else if (flaskCors && /^(?:flask_cors\.)?(?:CORS|cross_origin)$/.test(call.callee)) checkFlaskCors(ctx, src, call, hits);
    }
    checkDjango(ctx, src, hits);
    for (const h of hits) {
      ctx.report({
        start: h.start, end: h.end, messageId: h.messageId, data: { what: h.what },
        severity: h.messageId === 'credentials' ? 'error' : undefined, fixes: h.fix ? [h.fix] : [],
      });
    }
  },
});
