// Tests for config/python-csrf-disabled: Flask-WTF's global switch and Django / Flask-WTF per-view exemptions.
import rule from '../../../server/src/engine/rules/config/python-csrf-disabled';
import { ruleTester } from '../../helpers/rule-tester';

const FLASK = 'from flask import Flask\n\napp = Flask(__name__)\n';
const DJANGO = 'from django.http import JsonResponse\nfrom django.views.decorators.csrf import csrf_exempt\n\n';
const TITLE = 'Turn CSRF protection back on (WTF_CSRF_ENABLED = True)';

ruleTester(rule, {
  path: 'app.py',
  valid: [
    {
      name: 'Django: @csrf_exempt on a DRF @api_view changes nothing (DRF enforces CSRF for session auth itself)',
      path: 'polls/api.py',
      code: DJANGO + 'from rest_framework.decorators import api_view\n\n@csrf_exempt\n@api_view(["POST"])\ndef vote(request):\n    return JsonResponse({})\n',
    },
    {
      name: 'Django: @csrf_exempt on a view method other than dispatch is never read',
      path: 'polls/views.py',
      code: DJANGO + 'class Confirm(View):\n    @csrf_exempt\n    def post(self, request):\n        return JsonResponse({})\n',
    },
    FLASK + 'app.config["WTF_CSRF_ENABLED"] = True\n',
    FLASK + 'app.config["WTF_CSRF_ENABLED"] = not testing\n',
    FLASK + '# app.config["WTF_CSRF_ENABLED"] = False\nHELP = "set WTF_CSRF_ENABLED = False in tests"\n',
    { path: 'config.py', code: 'class Config:\n    WTF_CSRF_ENABLED = True\n\nclass TestingConfig(Config):\n    TESTING = True\n    WTF_CSRF_ENABLED = False\n' },
    { path: 'config/testing.py', code: 'WTF_CSRF_ENABLED = False\n' },
    { path: 'tests/conftest.py', code: FLASK + 'app.config["WTF_CSRF_ENABLED"] = False\n' },
    { path: 'conftest.py', code: FLASK + 'app.config.update(TESTING=True, WTF_CSRF_ENABLED=False)\n' },
    {
      name: 'config.update with TESTING=True in an application factory is the test setup',
      path: 'shop/__init__.py',
      code: FLASK + 'def create_app(test_config=None):\n    if test_config == "unit":\n        app.config.from_mapping(TESTING=True, WTF_CSRF_ENABLED=False)\n    return app\n',
    },
    { name: 'csrf_exempt without the Django import is some other function', code: '@csrf_exempt\ndef hook(request):\n    pass\n' },
    { name: 'the import line itself is not a finding', code: 'from django.views.decorators.csrf import csrf_exempt, ensure_csrf_cookie\n' },
    DJANGO + '@ensure_csrf_cookie\ndef view(request):\n    pass\n',
  ],
  invalid: [
    {
      name: 'Flask app.config["WTF_CSRF_ENABLED"] = False',
      code: FLASK + 'app.config["WTF_CSRF_ENABLED"] = False\n',
      errors: [{
        messageId: 'wtfDisabled', line: 4, column: 1, endColumn: 39, severity: 'warning',
        fixes: [{ title: TITLE, applicability: 'unsafe', output: FLASK + 'app.config["WTF_CSRF_ENABLED"] = True\n' }],
      }],
    },
    {
      name: 'Flask config module and config.update',
      path: 'config.py',
      code: 'class ProductionConfig:\n    WTF_CSRF_ENABLED = False\n\napp.config.update(WTF_CSRF_ENABLED=False)\n',
      errors: [
        { messageId: 'wtfDisabled', line: 2, column: 5, endColumn: 29, fixes: [{ output: 'class ProductionConfig:\n    WTF_CSRF_ENABLED = True\n\napp.config.update(WTF_CSRF_ENABLED=False)\n' }] },
        { messageId: 'wtfDisabled', line: 4, column: 19, endColumn: 41 },
      ],
    },
    {
      name: 'Django @csrf_exempt view: info, no fix',
      path: 'shop/views.py',
      code: DJANGO + '@csrf_exempt\ndef webhook(request):\n    return JsonResponse({})\n',
      errors: [{
        messageId: 'djangoExempt', line: 4, column: 2, endColumn: 13, severity: 'info', fixes: [],
        message: 'csrf_exempt turns off CSRF protection for this view: make sure it authenticates requests some other way (token, signature)',
      }],
    },
    {
      name: 'Django csrf_exempt in urls.py and method_decorator',
      path: 'shop/urls.py',
      code: 'from django.views.decorators import csrf\nfrom django.utils.decorators import method_decorator\n' +
        'urlpatterns = [path("api/", csrf.csrf_exempt(ApiView.as_view()))]\n' +
        '@method_decorator(csrf.csrf_exempt, name="dispatch")\nclass V(View):\n    pass\n',
      errors: [{ messageId: 'djangoExempt', line: 3, column: 29, endColumn: 45 }, { messageId: 'djangoExempt', line: 4, column: 19, endColumn: 35 }],
    },
    {
      name: 'Django: @csrf_exempt on dispatch exempts the whole class-based view',
      path: 'polls/views.py',
      code: DJANGO + 'class Hook(View):\n    @csrf_exempt\n    async def dispatch(self, *args, **kwargs):\n        return await super().dispatch(*args, **kwargs)\n',
      errors: [{ messageId: 'djangoExempt', line: 5, column: 6, severity: 'info' }],
    },
    {
      name: 'Django: @csrf_exempt on a plain function next to an unrelated decorator',
      path: 'polls/views.py',
      code: DJANGO + 'from django.views.decorators.http import require_POST\n\n@require_POST\n@csrf_exempt\ndef hook(request):\n    return JsonResponse({})\n',
      errors: [{ messageId: 'djangoExempt', line: 7, column: 2, severity: 'info' }],
    },
    {
      name: 'Flask-WTF @csrf.exempt',
      code: 'from flask_wtf.csrf import CSRFProtect\ncsrf = CSRFProtect(app)\n\n@csrf.exempt\n@app.post("/hook")\ndef hook():\n    pass\n',
      errors: [{ messageId: 'flaskExempt', line: 4, column: 2, endColumn: 13, severity: 'info' }],
    },
  ],
});
