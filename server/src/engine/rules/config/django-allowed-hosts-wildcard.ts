// config/django-allowed-hosts-wildcard: Django ALLOWED_HOSTS accepting any Host header ("*"), directly or as an environment fallback.
import { envList, isNonProductionModule, isSettingsModule, pySource, pythonFix, type PyAssign, type PySource } from '../../languages/python';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import { isTestLikePath } from '../secret/heuristics';

const ID = 'config/django-allowed-hosts-wildcard';
const ENV_GET = /^(?:os\.environ\.get|environ\.get|os\.getenv|getenv)$/;

function hasWildcard(src: PySource, from: number, to: number): boolean {
  const v = src.literal(from, to);
  if (v?.kind === 'str') return v.value === '*';
  return v?.kind === 'list' && v.items.some((i) => i?.kind === 'str' && i.value === '*');
}

/** `os.environ.get("ALLOWED_HOSTS", "*").split(",")`: the default literal when it lets every host in. */
function wildcardFallback(src: PySource, a: PyAssign): [number, number] | undefined {
  for (const call of src.calls()) {
    if (call.open < a.from || call.close >= a.to || !ENV_GET.test(call.callee)) continue;
    const def = call.args.filter((x) => !x.name)[1];
    const v = def && src.literal(def.from, def.to);
    if (def && v?.kind === 'str' && v.value.split(/[\s,]+/).includes('*')) return src.span(def.from, def.to);
  }
  return undefined;
}

function check(ctx: RuleContext, src: PySource): void {
  for (const a of src.assignments()) {
    if (a.target !== 'ALLOWED_HOSTS' || a.indent !== 0 || (a.op !== '=' && a.op !== '+=')) continue;
    if (hasWildcard(src, a.from, a.to)) {
      const [s, e] = src.span(a.from, a.to);
      const fixes = a.op === '=' ? [pythonFix(ctx, 'Read ALLOWED_HOSTS from the environment', [ctx.lines.edit(s, e, envList('ALLOWED_HOSTS'))])] : [];
      ctx.report({ start: src.tokens[a.targetFrom].start, end: e, messageId: 'wildcard', fixes });
      continue;
    }
    const fallback = wildcardFallback(src, a);
    if (fallback) {
      ctx.report({
        start: fallback[0], end: fallback[1], messageId: 'fallback',
        fixes: [pythonFix(ctx, 'Fall back to no allowed hosts', [ctx.lines.edit(fallback[0], fallback[1], '""')], false)],
      });
    }
  }
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'Django ALLOWED_HOSTS contains "*" in a production settings module, so any Host header is accepted.',
    severity: 'warning',
    cwe: 'CWE-644',
    fix: 'unsafe',
    messages: {
      wildcard: 'ALLOWED_HOSTS = ["*"] accepts any Host header: password reset links and absolute URLs can point at an attacker\'s domain',
      fallback: 'ALLOWED_HOSTS falls back to "*" when the environment variable is unset: any Host header is accepted',
    },
    help:
      'Django builds absolute URLs (password reset emails, redirects) from the Host header; ALLOWED_HOSTS is what rejects forged ones. ' +
      `List your domains, read from the environment. Docs: ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang, path }) => lang === 'python' && isSettingsModule(path) && !isNonProductionModule(path) && !isTestLikePath(path),
  check(ctx) {
    if (!ctx.text.includes('ALLOWED_HOSTS')) return;
    check(ctx, pySource(ctx));
  },
});
