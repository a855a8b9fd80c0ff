// config/env-cors-wildcard: CORS_ORIGIN=* in an env file (an error together with CORS_CREDENTIALS=true).
import { dotenvEnvironment, parseDotenv } from '../../languages/dotenv';
import { defineRule, docsUrl } from '../../rule';

const ID = 'config/env-cors-wildcard';

const ORIGIN_NAME = /^(?:[A-Z0-9]+_)*(?:CORS_(?:ALLOWED_|ALLOW_)?ORIGINS?|ALLOWED_ORIGINS|ACCESS_CONTROL_ALLOW_ORIGIN)$/;
const CREDENTIALS_NAME = /^(?:[A-Z0-9]+_)*CORS_(?:ALLOW_|SUPPORTS_)?CREDENTIALS$/;

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'CORS allows every origin in an env file',
    severity: 'warning',
    cwe: 'CWE-942',
    fix: 'none',
    messages: {
      wildcard: '{{name}}=* lets any website call this API from a visitor\'s browser; list the origins you serve',
      withCredentials: '{{name}}=* with {{credentials}}=true: any website can make authenticated requests with a visitor\'s cookies and read the answers',
    },
    help: `A wildcard CORS origin opens the API to every site; with credentials, libraries reflect the caller's origin, so any site can act as the logged-in user. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang }) => lang === 'dotenv',
  check(ctx) {
    const env = dotenvEnvironment(ctx.path);
    if (env === 'development' || env === 'local' || env === 'test') return;
    const entries = ctx.memo('dotenv', () => parseDotenv(ctx.text));
    const credentials = entries.filter((e) => CREDENTIALS_NAME.test(e.key)).pop();
    const withCredentials = credentials !== undefined && /^(?:true|1|yes|on)$/i.test(credentials.value.trim());
    for (const e of entries) {
      if (!ORIGIN_NAME.test(e.key) || !e.value.split(/[\s,]+/).includes('*')) continue;
      ctx.report(withCredentials
        ? { start: e.start, end: e.end, messageId: 'withCredentials', data: { name: e.key, credentials: credentials.key }, severity: 'error' }
        : { start: e.start, end: e.end, messageId: 'wildcard', data: { name: e.key } });
    }
  },
});
