// config/python-insecure-cookie: session, CSRF and remember-me cookies explicitly sent without Secure or HttpOnly (Django and Flask settings).
import { isConfigModule, isNonProductionClass, isNonProductionModule, pySource, pythonFix, type PySource } from '../../languages/python';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import { isTestLikePath } from '../secret/heuristics';
import { servesOnlyLocalhost } from './shared/py-local-settings';

const ID = 'config/python-insecure-cookie';
const SECURE = new Set(['SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'REMEMBER_COOKIE_SECURE']);
const HTTPONLY = new Set(['SESSION_COOKIE_HTTPONLY', 'REMEMBER_COOKIE_HTTPONLY']);

function isFalse(src: PySource, from: number, to: number): boolean {
  const v = src.literal(from, to);
  return v?.kind === 'bool' && !v.value;
}

function report(ctx: RuleContext, src: PySource, name: string, start: number, end: number, from: number, to: number): void {
  const [s, e] = src.span(from, to);
  ctx.report({
    start, end, messageId: SECURE.has(name) ? 'notSecure' : 'notHttpOnly', data: { name },
    fixes: [pythonFix(ctx, `Set ${name} = True`, [ctx.lines.edit(s, e, 'True')], false)],
  });
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'Session, CSRF or remember-me cookie explicitly configured without Secure or HttpOnly in Django or Flask settings.',
    severity: 'warning',
    cwe: 'CWE-614',
    fix: 'unsafe',
    messages: {
      notSecure: '{{name}} = False lets the browser send this cookie over plain HTTP, where anyone on the network can read it',
      notHttpOnly: '{{name}} = False lets page scripts read this cookie, so any XSS can steal the session',
    },
    help:
      'Session and CSRF cookies must only travel over HTTPS (Secure) and stay out of reach of JavaScript (HttpOnly). ' +
      `Set the flags to True in production settings. Docs: ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang, path }) => lang === 'python' && !isTestLikePath(path),
  check(ctx) {
    if (!/COOKIE_(?:SECURE|HTTPONLY)/.test(ctx.text) || isNonProductionModule(ctx.path)) return;
    const src = pySource(ctx);
    if (servesOnlyLocalhost(src)) return;
    // `app.config.from_object(__name__)` loads this module's own upper-case names as settings (the Flask tutorial layout).
    const configModule = isConfigModule(ctx.path) || /\.config\.from_object\(\s*__name__\s*\)/.test(ctx.text);
    for (const a of src.assignments()) {
      if (a.op !== '=' || !isFalse(src, a.from, a.to)) continue;
      const key = /^\w+\.config\['(\w+)'\]$/.exec(a.target)?.[1];
      const name = key ?? (configModule && !isNonProductionClass(src.enclosingClass(a.targetFrom)) ? a.target : undefined);
      if (!name || (!SECURE.has(name) && !HTTPONLY.has(name))) continue;
      report(ctx, src, name, src.tokens[a.targetFrom].start, src.tokens[a.to - 1].end, a.from, a.to);
    }
    for (const call of src.calls()) {
      if (!/\.config\.(?:update|from_mapping)$/.test(call.callee)) continue;
      // `app.config.update(TESTING=True, ...)`: the test client's configuration, never served to browsers.
      const testing = src.kwarg(call, 'TESTING');
      const on = testing && src.literal(testing.from, testing.to);
      if (on && on.kind === 'bool' && on.value) continue;
      for (const arg of call.args) {
        if (arg.name && (SECURE.has(arg.name) || HTTPONLY.has(arg.name)) && isFalse(src, arg.from, arg.to)) report(ctx, src, arg.name, arg.start, arg.end, arg.from, arg.to);
      }
    }
  },
});
