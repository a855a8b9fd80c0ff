// STUB: to be written.
import { defineRule } from '../../rule';

export default defineRule({
  meta: {
    id: 'secret/aws-access-key-id',
    category: 'secret',
    description: 'TODO',
    severity: 'warning',
    cwe: 'CWE-0',
    fix: 'none',
    messages: { found: 'TODO' },
  },
  appliesTo: () => false,
  check: () => {},
});
