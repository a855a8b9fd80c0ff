// Tests for config/python-weak-secret-key: default, short, low-variety and django-insecure- SECRET_KEY values in Django and Flask.
import rule from '../../../server/src/engine/rules/config/python-weak-secret-key';
import { ruleTester } from '../../helpers/rule-tester';

/** Random-looking key material, built at run time so no key-shaped literal sits in the repository. */
function randomish(n: number, seed: number): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz0123456789!@#%^&*(-_=+)ABCDEFGH';
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[(i * 7919 + i * i * 31 + seed * 13) % alphabet.length];
  return out;
}
const RANDOM_50 = randomish(50, 1);
const INSECURE = 'django' + '-insecure-' + randomish(50, 2);
const FLASK = 'from flask import Flask\n\napp = Flask(__name__)\n';
const FIX = 'Read SECRET_KEY from the environment (set a new random key there)';

ruleTester(rule, {
  path: 'app.py',
  valid: [
    { name: 'an `or` fallback that is not a literal, or an `or` after something other than an environment read', path: 'config.py', code: 'import os\nSECRET_KEY = os.environ.get("SECRET_KEY") or load_key()\nSECRET_KEY = cfg.get("key") or "dev"\n' },
    { path: 'mysite/settings.py', code: 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n' },
    { path: 'mysite/settings.py', code: 'import os\nSECRET_KEY = os.environ.get("SECRET_KEY")\n' },
    { name: 'a long random literal is secret/generic-secret\'s finding', path: 'mysite/settings.py', code: `SECRET_KEY = "${RANDOM_50}"\n` },
    { path: 'mysite/settings/dev.py', code: 'SECRET_KEY = "dev"\n' },
    { path: 'mysite/settings/local.py', code: `SECRET_KEY = "${INSECURE}"\n` },
    { path: 'mysite/test_settings.py', code: 'SECRET_KEY = "test"\n' },
    { path: 'tests/conftest.py', code: FLASK + 'app.config["SECRET_KEY"] = "test"\n' },
    { path: 'config.py', code: 'class Config:\n    SECRET_KEY = os.environ["SECRET_KEY"]\n\nclass DevelopmentConfig(Config):\n    SECRET_KEY = "dev"\n\nclass TestingConfig(Config):\n    SECRET_KEY = "testing"\n' },
    { name: 'SECRET_KEY in a module that is not a config module', path: 'app/constants.py', code: 'SECRET_KEY = "dev"\n' },
    { path: 'mysite/settings.py', code: '# SECRET_KEY = "dev"\nDOC = "SECRET_KEY = \'changeme\'"\n' },
    FLASK + 'app.secret_key = os.urandom(32)\n',
    FLASK + 'app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", secrets.token_hex())\n',
    FLASK + 'app.config["SECRET_KEY_FILE"] = "/run/secrets/key"\n',
    FLASK + 'app.config.update(SECRET_KEY=os.environ["SECRET_KEY"])\n',
  ],
  invalid: [
    {
      name: 'Django: django-insecure- key in settings.py',
      path: 'mysite/settings.py',
      code: `from pathlib import Path\n\nSECRET_KEY = '${INSECURE}'\n`,
      errors: [{
        messageId: 'insecurePrefix', line: 3, column: 14, endColumn: 14 + INSECURE.length + 2, severity: 'error',
        message: 'SECRET_KEY is the development key django-admin startproject generated (django-insecure- prefix); generate a new key and read it from the environment',
        fixes: [{ title: FIX, applicability: 'unsafe', output: 'import os\nfrom pathlib import Path\n\nSECRET_KEY = os.environ["SECRET_KEY"]\n' }],
      }],
    },
    {
      name: 'Django: a short word key',
      path: 'mysite/settings/production.py',
      code: 'INSTALLED_APPS = []\nSECRET_KEY = "my django project key"\n',
      errors: [{ messageId: 'guessable', line: 2, column: 14, endColumn: 37, severity: 'warning', message: 'SECRET_KEY is made of words, not random characters: it can be guessed' }],
    },
    {
      name: 'Django: low variety',
      path: 'mysite/settings.py',
      code: 'import os\nSECRET_KEY = "' + 'ab'.repeat(30) + '"\n',
      errors: [{ messageId: 'lowVariety', message: 'SECRET_KEY has only 2 distinct characters: it can be guessed', fixes: [{ output: 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n' }] }],
    },
    {
      name: 'Django: short identifier-like key',
      path: 'mysite/settings.py',
      code: 'ROOT_URLCONF = "mysite.urls"\nSECRET_KEY = "site-2024-key-v3"\n',
      errors: [{ messageId: 'short', line: 2, message: 'SECRET_KEY is only 16 characters long: use at least 50 random characters' }],
    },
    {
      name: 'Django: weak fallback of an environment read',
      path: 'mysite/settings.py',
      code: 'import os\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "changeme")\n',
      errors: [{
        messageId: 'knownDefault', line: 2, column: 50, endColumn: 60, severity: 'error',
        message: 'the fallback of SECRET_KEY is a well-known default value: anyone can forge sessions, password reset links and other signed values',
        fixes: [{ title: 'Read DJANGO_SECRET_KEY from the environment (set a new random key there)', output: 'import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n' }],
      }],
    },
    {
      name: 'django-environ default: reported without a fix',
      path: 'config/settings/base.py',
      code: 'env = environ.Env()\nSECRET_KEY = env("SECRET_KEY", default="")\n',
      errors: [{ messageId: 'empty', line: 2, column: 40, endColumn: 42, fixes: [] }],
    },
    {
      name: 'Flask: app.secret_key tutorial default',
      code: FLASK + "app.secret_key = 'development key'\n",
      errors: [{
        messageId: 'knownDefault', line: 4, column: 18, endColumn: 35,
        message: /^app\.secret_key is a well-known default value/,
        fixes: [{ output: 'import os\n' + FLASK + 'app.secret_key = os.environ["SECRET_KEY"]\n' }],
      }],
    },
    {
      name: 'Flask: app.config["SECRET_KEY"] and from_mapping',
      code: FLASK + 'app.config["SECRET_KEY"] = "you-will-never-guess"\napp.config.from_mapping(SECRET_KEY="dev", DATABASE=db)\n',
      errors: [
        { messageId: 'knownDefault', line: 4, column: 28, endColumn: 50 },
        { messageId: 'knownDefault', line: 5, column: 36, endColumn: 41, fixes: [{ output: 'import os\n' + FLASK + 'app.config["SECRET_KEY"] = "you-will-never-guess"\napp.config.from_mapping(SECRET_KEY=os.environ["SECRET_KEY"], DATABASE=db)\n' }] },
      ],
    },
    {
      name: 'Flask config module: class attribute and getenv fallback',
      path: 'config.py',
      code: 'import os\n\nclass Config:\n    SECRET_KEY = os.getenv("SECRET_KEY", "hard to guess string")\n\nclass ProductionConfig(Config):\n    SECRET_KEY = "s3cr3t"\n',
      errors: [
        { messageId: 'knownDefault', line: 4, column: 42, endColumn: 64, fixes: [{ output: 'import os\n\nclass Config:\n    SECRET_KEY = os.environ["SECRET_KEY"]\n\nclass ProductionConfig(Config):\n    SECRET_KEY = "s3cr3t"\n' }] },
        { messageId: 'short', line: 7, column: 18, message: 'SECRET_KEY is only 6 characters long: use at least 32 random characters' },
      ],
    },
    {
      name: 'Flask config module: an environment read with an `or` fallback',
      path: 'config.py',
      code: "import os\n\nclass Config:\n    SECRET_KEY = os.environ.get('SECRET_KEY') or 'a secret for my blog'\n",
      errors: [{
        messageId: 'guessable', line: 4, column: 50, endColumn: 72, message: /^the fallback of SECRET_KEY is made of words/,
        fixes: [{ output: 'import os\n\nclass Config:\n    SECRET_KEY = os.environ["SECRET_KEY"]\n' }],
      }],
    },
  ],
});
