// STUB: to be written.
import { defineRule } from '../../rule';

export default defineRule({
  meta: {
    id: 'sql/string-built-query',
    category: 'sql',
    description: 'TODO',
    severity: 'warning',
    cwe: 'CWE-0',
    fix: 'none',
    messages: { found: 'TODO' },
  },
  appliesTo: () => false,
  check: () => {},
});
