// Tests for config/python-cors-wildcard: FastAPI/Starlette CORSMiddleware, flask-cors and django-cors-headers.
import rule from '../../../server/src/engine/rules/config/python-cors-wildcard';
import { ruleTester } from '../../helpers/rule-tester';

const FASTAPI = 'import os\nfrom fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\n';
const FLASK = 'import os\nfrom flask import Flask\nfrom flask_cors import CORS\n\napp = Flask(__name__)\n';
const ENV_LIST = 'os.environ.get("CORS_ORIGINS", "").split(",")';

ruleTester(rule, {
  path: 'main.py',
  valid: [
    FASTAPI + 'app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)\n',
    FASTAPI + 'app.add_middleware(CORSMiddleware, allow_origins=os.environ["CORS_ORIGINS"].split(","))\n',
    FASTAPI + 'app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_credentials=True)\n',
    FASTAPI + 'app.add_middleware(CORSMiddleware, allow_origins=["https://a.example"], allow_methods=["*"], allow_headers=["*"])\n',
    FASTAPI + '# app.add_middleware(CORSMiddleware, allow_origins=["*"])\nDOC = "allow_origins=[\'*\']"\n',
    FASTAPI + 'app.add_middleware(CORSMiddleware, allow_origin_regex=r"https://.*\\.example\\.com")\n',
    FLASK + 'CORS(app, origins=["https://app.example.com"])\n',
    FLASK + 'CORS(app, origins=os.environ.get("CORS_ORIGINS", "").split(","))\n',
    FLASK + 'CORS(app, resources={r"/api/*": {"origins": os.environ["ALLOWED_ORIGINS"]}})\n',
    FLASK + 'app.config["CORS_ORIGINS"] = ["https://app.example.com"]\nCORS(app)\n',
    FLASK + 'cors = CORS()\n',
    FLASK + 'CORS(app, **cors_options)\n',
    'from other import CORS\nCORS(app)\n',
    'CORS_ALLOW_ALL_ORIGINS = False\n',
    'import os\nCORS_ALLOW_ALL_ORIGINS = os.environ.get("CORS_ALLOW_ALL") == "1"\n',
    { path: 'mysite/settings/dev.py', code: 'CORS_ALLOW_ALL_ORIGINS = True\n' },
    { path: 'mysite/settings/local.py', code: 'CORS_ORIGIN_ALLOW_ALL = True\n' },
    { path: 'tests/test_api.py', code: FASTAPI + 'app.add_middleware(CORSMiddleware, allow_origins=["*"])\n' },
    { path: 'mysite/settings.py', code: 'if DEBUG:\n    CORS_ALLOW_ALL_ORIGINS = True\n' },
  ],
  invalid: [
    {
      name: 'FastAPI wildcard without credentials: warning',
      code: FASTAPI + 'app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["*"])\n',
      errors: [{
        messageId: 'wildcard', line: 6, column: 36, endColumn: 55, severity: 'warning',
        message: 'CORSMiddleware allows requests from every origin; list the origins that may call this app',
        fixes: [{
          title: 'Read the allowed origins from the CORS_ORIGINS environment variable', applicability: 'unsafe',
          output: FASTAPI + `app.add_middleware(CORSMiddleware, allow_origins=${ENV_LIST}, allow_methods=["*"])\n`,
        }],
      }],
    },
    {
      name: 'FastAPI wildcard with credentials: error, import os added',
      code: 'from fastapi.middleware.cors import CORSMiddleware\n\napp.add_middleware(\n    CORSMiddleware,\n    allow_origins=["*"],\n    allow_credentials=True,\n)\n',
      errors: [{
        messageId: 'credentials', line: 5, column: 5, endColumn: 24, severity: 'error',
        fixes: [{
          output: 'import os\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp.add_middleware(\n    CORSMiddleware,\n' +
            `    allow_origins=${ENV_LIST},\n    allow_credentials=True,\n)\n`,
        }],
      }],
    },
    {
      name: 'Starlette Middleware(...) list and a match-all regex',
      code: 'from starlette.middleware import Middleware\nfrom starlette.middleware.cors import CORSMiddleware\n' +
        'middleware = [Middleware(CORSMiddleware, allow_origins=("*",)), Middleware(CORSMiddleware, allow_origin_regex=".*", allow_credentials=True)]\n',
      errors: [
        { messageId: 'wildcard', line: 3, column: 42, endColumn: 62 },
        { messageId: 'credentials', line: 3, column: 92, endColumn: 115, fixes: [] },
      ],
    },
    {
      name: 'flask-cors CORS(app) without origins',
      code: FLASK + 'CORS(app)\n',
      errors: [{
        messageId: 'defaultOrigins', line: 6, column: 1, endColumn: 10, severity: 'warning',
        message: 'CORS(app) without origins allows every origin (flask-cors defaults to "*"); pass the origins that may call this app',
        fixes: [{ title: 'Pass the allowed origins from the CORS_ORIGINS environment variable', output: FLASK + `CORS(app, origins=${ENV_LIST})\n` }],
      }],
    },
    {
      name: 'flask-cors default origins with supports_credentials: error',
      code: FLASK + 'CORS(app, supports_credentials=True)\n',
      errors: [{ messageId: 'credentials', line: 6, column: 1, endColumn: 37, severity: 'error' }],
    },
    {
      name: 'flask-cors origins="*"',
      code: FLASK + 'cors = CORS(app, origins="*")\n',
      errors: [{ messageId: 'wildcard', line: 6, column: 18, endColumn: 29, fixes: [{ output: FLASK + `cors = CORS(app, origins=${ENV_LIST})\n` }] }],
    },
    {
      name: 'flask-cors resources with a wildcard origin and credentials',
      code: FLASK + 'CORS(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)\n',
      errors: [{
        messageId: 'credentials', line: 6, column: 34, endColumn: 48,
        fixes: [{ output: FLASK + `CORS(app, resources={r"/api/*": {"origins": ${ENV_LIST}}}, supports_credentials=True)\n` }],
      }],
    },
    {
      name: 'flask-cors @cross_origin() decorator',
      code: 'from flask_cors import cross_origin\n\n@app.route("/data")\n@cross_origin()\ndef data():\n    return "{}"\n',
      errors: [{
        messageId: 'defaultOrigins', line: 4, column: 2, endColumn: 16,
        fixes: [{ output: `import os\nfrom flask_cors import cross_origin\n\n@app.route("/data")\n@cross_origin(origins=${ENV_LIST})\ndef data():\n    return "{}"\n` }],
      }],
    },
    {
      name: 'Django CORS_ALLOW_ALL_ORIGINS = True',
      path: 'mysite/settings.py',
      code: 'INSTALLED_APPS = ["corsheaders"]\nCORS_ALLOW_ALL_ORIGINS = True\n',
      errors: [{
        messageId: 'wildcard', line: 2, column: 1, endColumn: 30, message: /^CORS_ALLOW_ALL_ORIGINS = True allows requests from every origin/,
        fixes: [{
          title: 'Read CORS_ALLOWED_ORIGINS from the environment',
          output: 'import os\nINSTALLED_APPS = ["corsheaders"]\nCORS_ALLOWED_ORIGINS = [o for o in os.environ.get("CORS_ALLOWED_ORIGINS", "").split(",") if o]\n',
        }],
      }],
    },
    {
      name: 'Django legacy name with credentials and an existing allow-list',
      path: 'mysite/settings/production.py',
      code: 'CORS_ORIGIN_ALLOW_ALL = True\nCORS_ALLOW_CREDENTIALS = True\nCORS_ORIGIN_WHITELIST = ["https://app.example.com"]\n',
      errors: [{
        messageId: 'credentials', line: 1, column: 1, endColumn: 29, severity: 'error',
        fixes: [{
          title: 'Set CORS_ORIGIN_ALLOW_ALL = False (use the allowed origins list)',
          output: 'CORS_ORIGIN_ALLOW_ALL = False\nCORS_ALLOW_CREDENTIALS = True\nCORS_ORIGIN_WHITELIST = ["https://app.example.com"]\n',
        }],
      }],
    },
  ],
});
