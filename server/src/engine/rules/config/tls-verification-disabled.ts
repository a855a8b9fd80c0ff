// STUB: to be written.
import { defineRule } from '../../rule';

export default defineRule({
  meta: {
    id: 'config/tls-verification-disabled',
    category: 'config',
    description: 'TODO',
    severity: 'warning',
    cwe: 'CWE-0',
    fix: 'none',
    messages: { found: 'TODO' },
  },
  appliesTo: () => false,
  check: () => {},
});
