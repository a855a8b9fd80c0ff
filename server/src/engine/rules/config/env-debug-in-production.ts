// config/env-debug-in-production: Laravel APP_DEBUG=true outside local env files, LOG_LEVEL=debug in production env files.
import { dotenvEnvironment, parseDotenv } from '../../languages/dotenv';
import { defineRule, docsUrl } from '../../rule';
import type { Fix } from '../../types';

const ID = 'config/env-debug-in-production';

const LOCAL_APP_ENV = /^(?:local|dev|develop|development|test|testing|ci)$/i;
const PROD_APP_ENV = /^(?:prod|production|staging|stage|live)$/i;
const LOG_NAME = /^(?:[A-Z0-9]+_)*(?:LOG_LEVEL|LOGGER_LEVEL|LOGLEVEL)$/;

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'Debug mode or debug logging enabled in a production env file',
    severity: 'warning',
    cwe: 'CWE-489',
    fix: 'unsafe',
    messages: {
      appDebug: 'APP_DEBUG=true in {{where}}: error pages show stack traces, environment variables and secrets to visitors',
      logLevel: '{{name}}={{value}} in a production env file: debug logs often contain tokens, passwords and personal data',
    },
    help: `Debug settings meant for development leak internals and secrets when they reach production. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang }) => lang === 'dotenv',
  check(ctx) {
    const env = dotenvEnvironment(ctx.path);
    if (env === 'development' || env === 'local' || env === 'test') return;
    const entries = ctx.memo('dotenv', () => parseDotenv(ctx.text));
    const appEnv = entries.filter((e) => e.key === 'APP_ENV').pop()?.value.trim();
    const edit = (start: number, end: number, text: string, title: string): Fix[] => [
      { title, applicability: 'unsafe', changes: [{ path: ctx.path, edits: [ctx.lines.edit(start, end, text)] }] },
    ];
    for (const e of entries) {
      if (e.key === 'APP_DEBUG' && /^(?:true|1|on|yes)$/i.test(e.value.trim())) {
        if (appEnv !== undefined && LOCAL_APP_ENV.test(appEnv)) continue;
        // A plain .env or a template only says which environment it is for through APP_ENV.
        const prod = env === 'production' || (appEnv !== undefined && PROD_APP_ENV.test(appEnv)) || (env === 'other' && appEnv === undefined);
        if (!prod) continue;
        const where = appEnv !== undefined && env !== 'production' ? `an env file with APP_ENV=${appEnv}` : 'a production env file';
        ctx.report({ start: e.start, end: e.end, messageId: 'appDebug', data: { where }, fixes: edit(e.valueStart, e.valueEnd, 'false', 'Set APP_DEBUG=false') });
      } else if (env === 'production' && LOG_NAME.test(e.key) && /^(?:debug|trace|silly|verbose|all)$/i.test(e.value.trim())) {
        // Keep the file's case: Python's logging takes `INFO`, not `info`.
        const info = e.value.trim() === e.value.trim().toUpperCase() ? 'INFO' : 'info';
        ctx.report({ start: e.start, end: e.end, messageId: 'logLevel', data: { name: e.key, value: e.value.trim() }, fixes: edit(e.valueStart, e.valueEnd, info, `Set ${e.key}=${info}`) });
      }
    }
  },
});
