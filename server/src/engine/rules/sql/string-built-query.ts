// Flags SQL text built from non-constant values (templates, f-strings, `+`, `%`, `.format()`) that reaches a database
// query call. One rule; each language's detection lives in its own module.
import { defineRule } from '../../rule';
import type { SqlDetector } from './detector';
import { javascript } from './javascript';
import { python } from './python';
import { php } from './php';
import { ruby } from './ruby';
import { elixir } from './elixir';
import { go } from './go';
import { java } from './java';
import { csharp } from './csharp';

const DETECTORS: readonly SqlDetector[] = [javascript, python, php, ruby, elixir, go, java, csharp];

/**
 * Schema migrations (`db/migrate/`, `migrations/`, `alembic/versions/`) and their helpers (`migration_helpers.rb`): run
 * by developers and deploy scripts, never with a request's input; the names and values they build SQL from are the
 * schema's own.
 */
const MIGRATION_PATH = /(?:^|\/)(?:migrations?|migrate|alembic\/versions)\/|(?:^|\/)migration_?helpers?\.\w+$/i;

export default defineRule({
  meta: {
    id: 'sql/string-built-query',
    category: 'sql',
    description: 'SQL query text built from non-constant values (template literal, f-string, concatenation, formatting) instead of query parameters.',
    severity: 'warning',
    cwe: 'CWE-89',
    fix: 'unsafe',
    messages: {
      interpolatedValue: 'SQL query built by interpolating `{{expr}}`: pass it as a query parameter instead (SQL injection).',
      interpolatedIdentifier:
        'SQL structure (table or column name, sort order, fragment) built from `{{expr}}`: a placeholder cannot stand for it; check it against an allow-list.',
    },
    help:
      'Building SQL text from values lets a crafted value change the statement (SQL injection). Pass values as parameters (the ' +
      "driver's placeholders: $1, ?, %s or :name) and the values to the driver; names and sort orders cannot be parameters, so " +
      'map them through a fixed allow-list.',
  },
  appliesTo: (file) => !MIGRATION_PATH.test(file.path.replace(/\\/g, '/')) && DETECTORS.some((d) => d.appliesTo(file)),
  async check(ctx) {
    for (const d of DETECTORS) if (d.appliesTo(ctx)) await d.check(ctx);
  },
});
