// config/python-autoescape-disabled: Jinja2 environments rendering HTML without autoescaping, and Django templates with autoescape off.
import { isNonProductionModule, isSettingsModule, pySource, pythonFix, type PyCall, type PySource } from '../../languages/python';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import { isTestLikePath } from '../secret/heuristics';

const ID = 'config/python-autoescape-disabled';
const ENVIRONMENTS = /^(?:jinja2\.)?(?:sandbox\.)?(?:Sandboxed)?Environment$/;
/** Jinja2 also renders SQL, YAML and code, where escaping must stay off: only HTML-rendering modules count. */
const RENDERS_HTML = /\.html?\b|text\/html|<\/?(?:html|body|div|p|span|a|h[1-6]|ul|li|table|form|br|script)\b|\bimport\s+(?:flask|django|fastapi|starlette|aiohttp|bottle|tornado|sanic|quart)\b|\bfrom\s+(?:flask|django|fastapi|starlette|aiohttp|bottle|tornado|sanic|quart)\b/;

function checkEnvironment(ctx: RuleContext, src: PySource, call: PyCall): void {
  if (src.hasUnpacking(call)) return;
  const arg = src.kwarg(call, 'autoescape');
  if (arg) {
    const v = src.literal(arg.from, arg.to);
    if (v?.kind !== 'bool' || v.value) return;
    const [s, e] = src.span(arg.from, arg.to);
    ctx.report({ start: arg.start, end: arg.end, messageId: 'jinjaDisabled', fixes: [pythonFix(ctx, 'Turn autoescaping on (autoescape=True)', [ctx.lines.edit(s, e, 'True')], false)] });
    return;
  }
  if (/\bselect_autoescape\b/.test(ctx.text)) return;
  const t = src.tokens;
  const last = call.args[call.args.length - 1];
  const at = last ? last.end : t[call.close].start;
  ctx.report({
    start: t[call.calleeFrom].start, end: t[call.open - 1].end, messageId: 'jinjaDefault', data: { callee: call.callee },
    fixes: [pythonFix(ctx, 'Turn autoescaping on (autoescape=True)', [ctx.lines.edit(at, at, last ? ', autoescape=True' : 'autoescape=True')], false)],
  });
}

/** Django `TEMPLATES[...]["OPTIONS"]["autoescape"] = False`, written as a dict entry in a settings module. */
function checkDjango(ctx: RuleContext, src: PySource): void {
  const t = src.tokens;
  for (let k = 0; k + 2 < t.length; k++) {
    if (t[k].kind !== 'string' || t[k].value !== 'autoescape' || !src.is(k + 1, ':') || !src.isName(k + 2, 'False')) continue;
    if (!src.is(k + 3, ',') && !src.is(k + 3, '}')) continue;
    ctx.report({
      start: t[k].start, end: t[k + 2].end, messageId: 'djangoDisabled',
      fixes: [pythonFix(ctx, 'Turn autoescaping on ("autoescape": True)', [ctx.lines.edit(t[k + 2].start, t[k + 2].end, 'True')], false)],
    });
  }
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'HTML templates rendered without autoescaping: Jinja2 Environment(autoescape=False) or without autoescape, Django "autoescape": False.',
    severity: 'warning',
    cwe: 'CWE-79',
    fix: 'unsafe',
    messages: {
      jinjaDisabled: 'autoescape=False renders every template variable as raw HTML: any user-controlled value becomes cross-site scripting',
      jinjaDefault: '{{callee}}() without autoescape does not escape HTML (Jinja2 defaults to off): pass autoescape=True or select_autoescape()',
      djangoDisabled: '"autoescape": False turns off HTML escaping in every Django template: any user-controlled value becomes cross-site scripting',
    },
    help:
      'Autoescaping turns <, >, & and quotes in template variables into entities, which is what stops user input from becoming script. ' +
      `Keep it on for HTML and mark trusted markup with |safe or Markup. Docs: ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang, path }) => lang === 'python' && !isTestLikePath(path),
  check(ctx) {
    if (!ctx.text.includes('autoescape') && !ctx.text.includes('Environment')) return;
    const src = pySource(ctx);
    if (src.importsModule('jinja2') && RENDERS_HTML.test(ctx.text)) {
      for (const call of src.calls()) if (ENVIRONMENTS.test(call.callee)) checkEnvironment(ctx, src, call);
    }
    if (isSettingsModule(ctx.path) && !isNonProductionModule(ctx.path) && ctx.text.includes('TEMPLATES')) checkDjango(ctx, src);
  },
});
