// config/python-csrf-disabled: CSRF protection turned off (Flask-WTF WTF_CSRF_ENABLED = False, Django @csrf_exempt, Flask-WTF csrf.exempt).
import { isNonProductionClass, isNonProductionModule, pySource, pythonFix, type PySource } from '../../languages/python';
import { basename } from '../../languages/detect';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import { isTestLikePath } from '../secret/heuristics';

const ID = 'config/python-csrf-disabled';
const SETTING = 'WTF_CSRF_ENABLED';

function isFalse(src: PySource, from: number, to: number): boolean {
  const v = src.literal(from, to);
  return v?.kind === 'bool' && !v.value;
}

function enable(ctx: RuleContext, src: PySource, from: number, to: number): ReturnType<typeof pythonFix> {
  const [s, e] = src.span(from, to);
  return pythonFix(ctx, `Turn CSRF protection back on (${SETTING} = True)`, [ctx.lines.edit(s, e, 'True')], false);
}

/** Flask-WTF's global switch, in config modules, `app.config[...]` and `app.config.update(...)`. */
function checkSetting(ctx: RuleContext, src: PySource): void {
  if (!ctx.text.includes(SETTING) || isNonProductionModule(ctx.path)) return;
  for (const a of src.assignments()) {
    if (a.op !== '=' || !isFalse(src, a.from, a.to)) continue;
    const plain = a.target === SETTING && !isNonProductionClass(src.enclosingClass(a.targetFrom));
    if (!plain && !new RegExp(`^\\w+\\.config\\['${SETTING}'\\]$`).test(a.target)) continue;
    const [start] = src.span(a.targetFrom, a.targetTo);
    ctx.report({ start, end: src.tokens[a.to - 1].end, messageId: 'wtfDisabled', fixes: [enable(ctx, src, a.from, a.to)] });
  }
  for (const call of src.calls()) {
    if (!/\.config\.(?:update|from_mapping)$/.test(call.callee)) continue;
    const arg = src.kwarg(call, SETTING);
    // `app.config.update(TESTING=True, WTF_CSRF_ENABLED=False)`: the usual test-client setup, not the served app.
    const testing = src.kwarg(call, 'TESTING');
    const on = testing && src.literal(testing.from, testing.to);
    if (on && on.kind === 'bool' && on.value) continue;
    if (arg && isFalse(src, arg.from, arg.to)) ctx.report({ start: arg.start, end: arg.end, messageId: 'wtfDisabled', fixes: [enable(ctx, src, arg.from, arg.to)] });
  }
}

/** Every use of Django's `csrf_exempt` (decorator, wrapper call, `method_decorator(csrf_exempt)`) and Flask-WTF's `csrf.exempt`. */
function checkExempt(ctx: RuleContext, src: PySource): void {
  const t = src.tokens;
  const django = src.importsModule('django.views.decorators.csrf');
  for (let k = 0; k < t.length; k++) {
    const first = t[t[k].lineFirst];
    if (first.text === 'import' || first.text === 'from') continue;
    if (django && src.isName(k, 'csrf_exempt') && !src.isName(k - 1, 'def') && !src.is(k + 1, '=')) {
      if (exemptsNothing(src, k)) continue;
      const from = src.is(k - 1, '.') ? backToDotted(src, k) : k;
      ctx.report({ start: t[from].start, end: t[k].end, messageId: 'djangoExempt', severity: 'info' });
    } else if (src.is(k, '@') && src.isName(k + 1) && src.is(k + 2, '.') && src.isName(k + 3, 'exempt') && /csrf/i.test(t[k + 1].text)) {
      ctx.report({ start: t[k + 1].start, end: t[k + 3].end, messageId: 'flaskExempt', severity: 'info' });
    }
  }
}

/**
 * Whether the decorator line holding token `k` exempts nothing: the decorated function is a DRF `@api_view` (DRF marks
 * its views exempt itself and then enforces CSRF for session-authenticated requests, so the decorator changes nothing),
 * or a method of a class-based view other than `dispatch` (Django reads the exemption from the view function, which
 * `as_view()` copies from `dispatch` only).
 */
function exemptsNothing(src: PySource, k: number): boolean {
  const t = src.tokens;
  let j = t[k].lineFirst;
  if (!src.is(j, '@')) return false;
  while (j > 0 && src.is(t[j - 1].lineFirst, '@')) j = t[j - 1].lineFirst;
  const decorators: string[] = [];
  for (; j < t.length && src.is(j, '@'); j = src.lineEnd(j)) if (src.isName(j + 1)) decorators.push(t[backToEnd(src, j + 1)].text);
  if (src.isName(j, 'async')) j++;
  if (!src.isName(j, 'def') || !src.isName(j + 1)) return false;
  if (decorators.includes('api_view')) return true;
  return src.enclosingClass(j) !== undefined && t[j + 1].text !== 'dispatch';
}

/** The last name of the dotted name starting at token `k` (`rest_framework.decorators.api_view` -> `api_view`). */
function backToEnd(src: PySource, k: number): number {
  let end = k;
  while (src.is(end + 1, '.') && src.isName(end + 2)) end += 2;
  return end;
}

function backToDotted(src: PySource, k: number): number {
  let from = k;
  while (src.is(from - 1, '.') && src.isName(from - 2)) from -= 2;
  return from;
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'CSRF protection turned off: Flask-WTF WTF_CSRF_ENABLED = False outside test config, Django @csrf_exempt views.',
    severity: 'warning',
    cwe: 'CWE-352',
    fix: 'unsafe',
    messages: {
      wtfDisabled: `${SETTING} = False turns off CSRF protection for every form: other sites can submit them as your signed-in users`,
      djangoExempt: 'csrf_exempt turns off CSRF protection for this view: make sure it authenticates requests some other way (token, signature)',
      flaskExempt: 'csrf.exempt turns off CSRF protection for this view: make sure it authenticates requests some other way (token, signature)',
    },
    help:
      'Without CSRF protection, any website a signed-in user visits can submit forms and state-changing requests as that user. ' +
      `Keep it on; exempt only endpoints that authenticate every request with a token or signature. Docs: ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang, path }) => lang === 'python' && !isTestLikePath(path) && basename(path) !== 'conftest.py',
  check(ctx) {
    if (!/csrf/i.test(ctx.text)) return;
    const src = pySource(ctx);
    checkSetting(ctx, src);
    checkExempt(ctx, src);
  },
});
