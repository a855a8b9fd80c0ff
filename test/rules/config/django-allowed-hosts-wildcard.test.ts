// Tests for config/django-allowed-hosts-wildcard: "*" in ALLOWED_HOSTS of production settings, directly or as a fallback.
import rule from '../../../server/src/engine/rules/config/django-allowed-hosts-wildcard';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: 'mysite/settings.py',
  valid: [
    'ALLOWED_HOSTS = ["example.com", ".example.com"]\n',
    'ALLOWED_HOSTS = []\n',
    'import os\nALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "").split(",")\n',
    'import os\nALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")\n',
    'ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")\n',
    '# ALLOWED_HOSTS = ["*"]\nNOTE = "never use ALLOWED_HOSTS = [\'*\']"\n',
    'if DEBUG:\n    ALLOWED_HOSTS = ["*"]\n',
    { path: 'mysite/settings/dev.py', code: 'ALLOWED_HOSTS = ["*"]\n' },
    { path: 'mysite/settings/local.py', code: 'ALLOWED_HOSTS = ["*"]\n' },
    { path: 'mysite/test_settings.py', code: 'ALLOWED_HOSTS = ["*"]\n' },
    { name: 'not a settings module', path: 'app/hosts.py', code: 'ALLOWED_HOSTS = ["*"]\n' },
  ],
  invalid: [
    {
      name: 'ALLOWED_HOSTS = ["*"]',
      code: 'DEBUG = False\nALLOWED_HOSTS = ["*"]\n',
      errors: [{
        messageId: 'wildcard', line: 2, column: 1, endColumn: 22, severity: 'warning',
        message: 'ALLOWED_HOSTS = ["*"] accepts any Host header: password reset links and absolute URLs can point at an attacker\'s domain',
        fixes: [{ title: 'Read ALLOWED_HOSTS from the environment', applicability: 'unsafe', output: 'import os\nDEBUG = False\nALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "").split(",")\n' }],
      }],
    },
    {
      name: 'a wildcard among other hosts, tuple',
      path: 'mysite/settings/production.py',
      code: 'import os\nALLOWED_HOSTS = ("example.com", "*")\n',
      errors: [{ messageId: 'wildcard', line: 2, column: 1, endColumn: 37, fixes: [{ output: 'import os\nALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "").split(",")\n' }] }],
    },
    { name: 'augmented assignment: no fix', code: "ALLOWED_HOSTS += ['*']\n", errors: [{ messageId: 'wildcard', column: 1, endColumn: 23, fixes: [] }] },
    {
      name: 'wildcard fallback of an environment read',
      code: 'import os\nALLOWED_HOSTS = os.getenv("ALLOWED_HOSTS", "*").split(",")\n',
      errors: [{
        messageId: 'fallback', line: 2, column: 44, endColumn: 47,
        fixes: [{ title: 'Fall back to no allowed hosts', output: 'import os\nALLOWED_HOSTS = os.getenv("ALLOWED_HOSTS", "").split(",")\n' }],
      }],
    },
  ],
});
