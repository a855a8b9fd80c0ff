// Tests for config/python-insecure-cookie: Secure / HttpOnly cookie flags set to False in Django and Flask settings.
import rule from '../../../server/src/engine/rules/config/python-insecure-cookie';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: 'mysite/settings.py',
  valid: [
    'SESSION_COOKIE_SECURE = True\nCSRF_COOKIE_SECURE = True\n',
    'import os\nSESSION_COOKIE_SECURE = os.environ.get("HTTPS") == "1"\n',
    'CSRF_COOKIE_HTTPONLY = False\n',
    '# SESSION_COOKIE_SECURE = False\n',
    { path: 'mysite/settings/dev.py', code: 'SESSION_COOKIE_SECURE = False\nCSRF_COOKIE_SECURE = False\n' },
    { path: 'mysite/settings/local.py', code: 'SESSION_COOKIE_SECURE = False\n' },
    {
      name: 'a settings module that serves only localhost names (a local container setup)',
      path: 'portal/settings/container.py',
      code: 'ALLOWED_HOSTS = [".localhost", "127.0.0.1", "[::1]"]\nSESSION_COOKIE_SECURE = False\nCSRF_COOKIE_SECURE = False\n',
    },
    { path: 'config.py', code: 'class DevelopmentConfig(Config):\n    SESSION_COOKIE_SECURE = False\n' },
    { name: 'not a settings or config module', path: 'app/cookies.py', code: 'SESSION_COOKIE_SECURE = False\n' },
    { path: 'tests/test_settings.py', code: 'SESSION_COOKIE_SECURE = False\n' },
    {
      name: 'Flask: config.update for the test client (TESTING=True)',
      path: 'app/factory.py',
      code: 'def create_app(testing=False):\n    app = Flask(__name__)\n    if testing:\n        app.config.update(TESTING=True, SESSION_COOKIE_SECURE=False)\n    return app\n',
    },
  ],
  invalid: [
    {
      name: 'localhost next to a real host name is a deployment',
      path: 'portal/settings/container.py',
      code: 'ALLOWED_HOSTS = ["localhost", "portal.example.org"]\nSESSION_COOKIE_SECURE = False\n',
      errors: [{ messageId: 'notSecure', line: 2, column: 1 }],
    },
    {
      name: 'Flask: module settings loaded with app.config.from_object(__name__)',
      path: 'flaskr/app.py',
      code: 'DATABASE = "/tmp/flaskr.db"\nSESSION_COOKIE_HTTPONLY = False\n\napp = Flask(__name__)\napp.config.from_object(__name__)\n',
      errors: [{ messageId: 'notHttpOnly', line: 2, column: 1, endColumn: 32 }],
    },
    {
      name: 'Flask: config.update with TESTING=False is the served configuration',
      path: 'app/factory.py',
      code: 'app.config.update(TESTING=False, SESSION_COOKIE_SECURE=False)\n',
      errors: [{ messageId: 'notSecure', line: 1, column: 34, endColumn: 61 }],
    },
    {
      name: 'Django settings: Secure off for session and CSRF cookies',
      code: 'SESSION_COOKIE_SECURE = False\nCSRF_COOKIE_SECURE = False  # behind a proxy\n',
      errors: [
        {
          messageId: 'notSecure', line: 1, column: 1, endColumn: 30, severity: 'warning',
          message: 'SESSION_COOKIE_SECURE = False lets the browser send this cookie over plain HTTP, where anyone on the network can read it',
          fixes: [{ title: 'Set SESSION_COOKIE_SECURE = True', applicability: 'unsafe', output: 'SESSION_COOKIE_SECURE = True\nCSRF_COOKIE_SECURE = False  # behind a proxy\n' }],
        },
        { messageId: 'notSecure', line: 2, column: 1, endColumn: 27, fixes: [{ output: 'SESSION_COOKIE_SECURE = False\nCSRF_COOKIE_SECURE = True  # behind a proxy\n' }] },
      ],
    },
    {
      name: 'Django settings: HttpOnly off',
      path: 'mysite/settings/production.py',
      code: 'from .base import *\nSESSION_COOKIE_HTTPONLY = False\n',
      errors: [{ messageId: 'notHttpOnly', line: 2, column: 1, endColumn: 32, message: /^SESSION_COOKIE_HTTPONLY = False lets page scripts read this cookie/ }],
    },
    {
      name: 'Flask: app.config and config.update, any module',
      path: 'app/__init__.py',
      code: 'app.config["SESSION_COOKIE_SECURE"] = False\napp.config.update(REMEMBER_COOKIE_HTTPONLY=False, SESSION_COOKIE_SAMESITE="Lax")\n',
      errors: [
        { messageId: 'notSecure', line: 1, column: 1, endColumn: 44, fixes: [{ output: 'app.config["SESSION_COOKIE_SECURE"] = True\napp.config.update(REMEMBER_COOKIE_HTTPONLY=False, SESSION_COOKIE_SAMESITE="Lax")\n' }] },
        { messageId: 'notHttpOnly', line: 2, column: 19, endColumn: 49 },
      ],
    },
    {
      name: 'Flask config class',
      path: 'config.py',
      code: 'class ProductionConfig(Config):\n    REMEMBER_COOKIE_SECURE = False\n',
      errors: [{ messageId: 'notSecure', line: 2, column: 5, endColumn: 35 }],
    },
  ],
});
