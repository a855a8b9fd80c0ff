// config/env-short-secret: API keys, tokens and signing secrets in env files shorter than 32 (signing keys: 64) characters.
import { dotenvEnvironment, parseDotenv } from '../../languages/dotenv';
import { defineRule, docsUrl } from '../../rule';
import { secretKind } from '../secret/heuristics';
import { matchesAnyProvider } from '../secret/provider';

const ID = 'config/env-short-secret';

const NAME = /(?:^|_)(?:API_?KEY|TOKEN|SECRET|SECRET_KEY|SECRET_KEY_BASE)$/;
/** Keys that sign sessions and tokens: brute-forcing them forges any user's session, so they need 64 characters. */
const SIGNING = /(?:^|_)(?:SESSION|JWT|COOKIE|SIGNING|HMAC)(?:_|$)|^(?:SECRET_KEY_BASE|APP_SECRET|SECRET_KEY)$/;
/** Values that say "fill me in" rather than being one. */
const FILL_ME = /^<.*>$|^\[.*\]$|^(?:x+|\.{3}|\*+|-+|none|null|nil|false|true)$|^(?:your|fake|dummy|example|sample|placeholder|changeme)[-_]|[-_]here$|^\$|\$\{/i;
/** A line in the file that names its own environment as development or test (`ENVIRONMENT=dev`, `NODE_ENV=test`). */
const DECLARES_DEV = /^[ \t]*(?:export[ \t]+)?(?:\w+_)?ENV(?:IRONMENT)?[ \t]*=[ \t]*["']?(?:dev|develop|development|local|test|testing)["']?[ \t]*(?:#.*)?$/im;

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'An API key, token or signing secret in an env file is too short to resist guessing',
    severity: 'warning',
    cwe: 'CWE-521',
    fix: 'none',
    messages: {
      short: '{{name}} is only {{length}} characters; use at least {{min}} random characters (e.g. openssl rand -hex {{bytes}})',
    },
    help: `Short or human-chosen secrets are guessed or brute-forced; security policies ask for 32+ random characters for API keys and 64+ for session and JWT signing keys. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang }) => lang === 'dotenv',
  check(ctx) {
    // Development and test values are not meant to be strong, and templates hold placeholders.
    const env = dotenvEnvironment(ctx.path);
    if (env === 'development' || env === 'local' || env === 'test' || env === 'template') return;
    // A file whose name says nothing (`.env.bench`, `.env.load`) but which sets its own environment to dev or test.
    if (env !== 'production' && DECLARES_DEV.test(ctx.text)) return;
    for (const e of ctx.memo('dotenv', () => parseDotenv(ctx.text))) {
      if (!NAME.test(e.key) || secretKind(e.key) !== 'secret') continue;
      const value = e.value;
      if (value === '' || /\s/.test(value) || FILL_ME.test(value) || /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('/')) continue;
      const min = SIGNING.test(e.key) ? 64 : 32;
      if ([...value].length >= min || matchesAnyProvider(value)) continue;
      ctx.report({
        start: e.valueStart, end: e.valueEnd, messageId: 'short',
        data: { name: e.key, length: [...value].length, min, bytes: min / 2 },
        matched: `${e.key}:${value.length}`,
      });
    }
  },
});
