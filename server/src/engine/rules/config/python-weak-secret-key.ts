// config/python-weak-secret-key: Django and Flask SECRET_KEY set to a default, short, low-variety or django-insecure- value (or such a fallback).
import { isConfigModule, isNonProductionClass, isNonProductionModule, pySource, pythonFix, type PyCall, type PySource } from '../../languages/python';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import type { Fix, Severity } from '../../types';
import { isTestLikePath, looksLikeSecret } from '../secret/heuristics';

const ID = 'config/python-weak-secret-key';
const INSECURE_PREFIX = 'django-insecure-';
/** Django's own check (security.W009) wants 50 characters; Flask's docs generate 32 random bytes. */
const MIN_DJANGO = 50;
const MIN_FLASK = 32;

/** Lower-cased, letters and digits only: the values tutorials, generators and docs ship. */
const KNOWN = new Set([
  'dev', 'devkey', 'devsecret', 'devsecretkey', 'development', 'developmentkey', 'developmentsecret', 'changeme', 'changethis',
  'changethiskey', 'changemeplease', 'pleasechangeme', 'replaceme', 'secret', 'secretkey', 'secretkeyhere', 'mysecret', 'mysecretkey',
  'supersecret', 'supersecretkey', 'topsecret', 'default', 'defaultkey', 'defaultsecret', 'defaultsecretkey', 'test', 'testing',
  'testkey', 'key', 'password', 'yoursecretkey', 'yoursecretkeyhere', 'yourkey', 'keyboardcat', 'hardtoguessstring',
  'hardtoguess', 'youwillneverguess', 'notsecret', 'notasecret', 'insecure', 'insecurekey', 'flask', 'flasksecret',
  'flasksecretkey', 'django', 'djangosecret', 'djangosecretkey', 'foo', 'foobar', 'abc', 'abc123', '123', '1234', '12345', '123456',
  'admin', 'qwerty', 'xxx', 'xxxx', 'xxxxxxxx', 'todo', 'fixme', 'none', 'null', 'asdf', 'secret123', 'mykey', 'appsecret',
  'appsecretkey', 'sessionsecret', 'thisisasecret', 'thisismysecretkey', 'thisisasecretkey', 'somesecret', 'somesecretkey',
]);

/** Values made of words (and a few digits), like a sentence or a slug: guessable however long. */
const WORDS = /^(?:[A-Za-z]+[\s_.,!'-]*)+\d{0,4}[!.]?$/;

interface Weakness {
  messageId: 'insecurePrefix' | 'empty' | 'knownDefault' | 'lowVariety' | 'short' | 'guessable';
  data?: Record<string, string | number>;
}

/** Why a key is weak, or undefined when it is not (or a random-looking literal that secret/generic-secret reports). */
export function weakness(value: string, min: number): Weakness | undefined {
  if (value.startsWith(INSECURE_PREFIX)) return { messageId: 'insecurePrefix' };
  if (value.trim() === '') return { messageId: 'empty' };
  if (KNOWN.has(value.toLowerCase().replace(/[^a-z0-9]/g, '')) || /change[\s_.-]?(?:me|this)|replace[\s_.-]?(?:me|this)|your[\s_.-]?secret/i.test(value)) {
    return { messageId: 'knownDefault' };
  }
  // A random-looking literal is a leaked secret, which is secret/generic-secret's finding.
  if (looksLikeSecret(value, 'secret', { key: 'SECRET_KEY' })) return undefined;
  const unique = new Set(value).size;
  if (unique < 5) return { messageId: 'lowVariety', data: { unique } };
  if (WORDS.test(value)) return { messageId: 'guessable' };
  if (value.length < min) return { messageId: 'short', data: { length: value.length, min } };
  return undefined;
}

const SEVERE = new Set(['insecurePrefix', 'empty', 'knownDefault']);

/** Environment reads with a fallback: `os.environ.get(NAME, "x")`, `os.getenv(NAME, "x")`, `env("NAME", default="x")`, `config(...)`. */
const ENV_GET = /^(?:os\.environ\.get|environ\.get|os\.getenv|getenv)$/;
const ENV_DEFAULT_KW = /^(?:env(?:\.str)?|config|environ\.Env\.str)$/;

interface Target {
  subject: string;
  /** Token range of the value. */
  from: number;
  to: number;
  min: number;
}

function check(ctx: RuleContext, src: PySource, target: Target): void {
  const t = src.tokens;
  const lit = src.literal(target.from, target.to);
  let value: string;
  let subject = target.subject;
  /** What the fix replaces, and what the finding points at. */
  let replace = src.span(target.from, target.to);
  let at = replace;
  let envName = 'SECRET_KEY';
  let fixable = true;
  const or = orFallback(src, target.from, target.to);
  if (lit?.kind === 'str') {
    value = lit.value;
  } else if (or) {
    // `os.environ.get("SECRET_KEY") or "dev key"`: the literal is what runs wherever the variable is unset or empty.
    value = or.value;
    subject = `the fallback of ${subject}`;
    if (or.name) envName = or.name;
    fixable = or.name !== undefined;
    at = src.span(or.from, or.to);
  } else {
    const call = src.calls().find((c) => c.calleeFrom === target.from && c.close === target.to - 1);
    const fallback = call && envFallback(src, call);
    if (!call || !fallback) return;
    value = fallback.value;
    subject = `the fallback of ${subject}`;
    if (fallback.name) envName = fallback.name;
    fixable = ENV_GET.test(call.callee) && fallback.name !== undefined;
    replace = [t[call.calleeFrom].start, t[call.close].end];
    at = src.span(fallback.from, fallback.to);
  }
  const weak = weakness(value, target.min);
  if (!weak) return;
  const fixes: Fix[] = fixable
    ? [pythonFix(ctx, `Read ${envName} from the environment (set a new random key there)`, [ctx.lines.edit(replace[0], replace[1], `os.environ["${envName}"]`)])]
    : [];
  const severity: Severity | undefined = SEVERE.has(weak.messageId) ? 'error' : undefined;
  ctx.report({ start: at[0], end: at[1], messageId: weak.messageId, data: { subject, ...weak.data }, severity, fixes });
}

/** `<environment read> or "literal"`: the literal, and the variable's name when written. */
function orFallback(src: PySource, from: number, to: number): { value: string; name?: string; from: number; to: number } | undefined {
  let or = -1;
  for (let j = from; j < to; j = src.next(j)) {
    if (src.isName(j, 'or')) {
      if (or >= 0) return undefined;
      or = j;
    }
  }
  if (or <= from) return undefined;
  const call = src.calls().find((c) => c.calleeFrom === from && c.close === or - 1);
  const right = src.literal(or + 1, to);
  if (!call || !ENV_GET.test(call.callee) || right?.kind !== 'str') return undefined;
  const first = call.args.find((a) => !a.name);
  const name = first && src.literal(first.from, first.to);
  return { value: right.value, name: name?.kind === 'str' ? name.value : undefined, from: or + 1, to };
}

function envFallback(src: PySource, call: PyCall): { value: string; name?: string; from: number; to: number } | undefined {
  if (!ENV_GET.test(call.callee) && !ENV_DEFAULT_KW.test(call.callee)) return undefined;
  const positional = call.args.filter((a) => !a.name);
  const def = ENV_GET.test(call.callee) ? positional[1] ?? src.kwarg(call, 'default') : src.kwarg(call, 'default');
  const v = def && src.literal(def.from, def.to);
  if (!def || v?.kind !== 'str') return undefined;
  const nameArg = positional[0] && src.literal(positional[0].from, positional[0].to);
  return { value: v.value, name: nameArg?.kind === 'str' ? nameArg.value : undefined, from: def.from, to: def.to };
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'Django or Flask SECRET_KEY set to a default, short, low-variety or django-insecure- value, directly or as an environment fallback.',
    severity: 'warning',
    cwe: 'CWE-1392',
    fix: 'unsafe',
    messages: {
      insecurePrefix: '{{subject}} is the development key django-admin startproject generated (django-insecure- prefix); generate a new key and read it from the environment',
      empty: '{{subject}} is empty: anyone can forge sessions, password reset links and other signed values',
      knownDefault: '{{subject}} is a well-known default value: anyone can forge sessions, password reset links and other signed values',
      lowVariety: '{{subject}} has only {{unique}} distinct characters: it can be guessed',
      short: '{{subject}} is only {{length}} characters long: use at least {{min}} random characters',
      guessable: '{{subject}} is made of words, not random characters: it can be guessed',
    },
    help:
      'SECRET_KEY signs sessions, password reset tokens and CSRF tokens; whoever knows it can forge them and log in as anyone. ' +
      `Generate a long random key (python -c "import secrets; print(secrets.token_urlsafe(64))") and read it from the environment. Docs: ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang, path }) => lang === 'python' && !isTestLikePath(path),
  check(ctx) {
    if (!/secret_key/i.test(ctx.text)) return;
    const src = pySource(ctx);
    const configModule = isConfigModule(ctx.path) && !isNonProductionModule(ctx.path);
    const django = /\bdjango\b|INSTALLED_APPS|ROOT_URLCONF/.test(ctx.text);
    const min = django ? MIN_DJANGO : MIN_FLASK;
    for (const a of src.assignments()) {
      if (a.op !== '=') continue;
      if (a.target === 'SECRET_KEY') {
        if (!configModule || isNonProductionClass(src.enclosingClass(a.targetFrom))) continue;
        check(ctx, src, { subject: 'SECRET_KEY', from: a.from, to: a.to, min });
      } else if (/^\w+\.secret_key$/.test(a.target) || /^\w+\.config\['SECRET_KEY'\]$/.test(a.target)) {
        check(ctx, src, { subject: a.target, from: a.from, to: a.to, min: MIN_FLASK });
      }
    }
    for (const call of src.calls()) {
      if (!/\.config\.(?:update|from_mapping)$/.test(call.callee)) continue;
      const arg = src.kwarg(call, 'SECRET_KEY');
      if (arg) check(ctx, src, { subject: 'SECRET_KEY', from: arg.from, to: arg.to, min: MIN_FLASK });
    }
  },
});
