// Tests for config/python-debug-enabled: Flask, Django settings and FastAPI/Starlette debug switches.
import rule from '../../../server/src/engine/rules/config/python-debug-enabled';
import { ruleTester } from '../../helpers/rule-tester';

const FLASK = 'from flask import Flask\n\napp = Flask(__name__)\n';

ruleTester(rule, {
  path: 'app.py',
  valid: [
    {
      name: 'Django settings that serve only loopback names (a local container setup)',
      path: 'portal/settings/container.py',
      code: 'ALLOWED_HOSTS = [".localhost", "127.0.0.1"]\nDEBUG = True\n',
    },
    FLASK + 'app.run()\n',
    FLASK + 'app.run(debug=False)\n',
    { name: 'a debug constant that is also set from the environment', code: FLASK + 'DEBUG = True\nif PROD:\n    DEBUG = os.environ.get("DEBUG") == "1"\napp.run(debug=DEBUG)\n' },
    { name: 'a debug constant set to False or 0', code: FLASK + 'DEBUG = False\nVERBOSE = 0\napp.run(debug=DEBUG)\napp.run(debug=VERBOSE)\n' },
    { name: 'a name assigned nowhere in the file', code: FLASK + 'from config import DEBUG\napp.run(debug=DEBUG)\n' },
    FLASK + 'app.run(debug=os.environ.get("FLASK_DEBUG") == "1")\n',
    FLASK + 'app.run(host="0.0.0.0", port=8080)\n',
    FLASK + '# app.run(debug=True)\nprint("app.run(debug=True)")\n',
    FLASK + 'app.config["DEBUG"] = False\napp.debug = False\n',
    FLASK + 'app.config.update(DEBUG=os.getenv("DEBUG") == "1")\n',
    'asyncio.run(main(), debug=True)\n',
    'import subprocess\nsubprocess.run(cmd, check=True)\n',
    'self.debug = True\n',
    'logger.debug = True\n',
    'runner.run(suite, debug=True)\n',
    'def run(debug=True):\n    pass\n',
    'from fastapi import FastAPI\napp = FastAPI(debug=False)\n',
    'from fastapi import FastAPI\napp = FastAPI(debug=settings.debug)\n',
    'FastAPI(debug=True)  # no fastapi import: some other FastAPI\n',
    { path: 'mysite/settings.py', code: 'DEBUG = False\n' },
    { path: 'mysite/settings.py', code: 'import os\nDEBUG = os.environ.get("DEBUG", "0") == "1"\n' },
    { path: 'mysite/settings.py', code: 'DEBUG = env.bool("DEBUG", default=True)\n' },
    { path: 'mysite/settings.py', code: 'if os.environ.get("LOCAL"):\n    DEBUG = True\n' },
    { path: 'mysite/settings/dev.py', code: 'from .base import *\nDEBUG = True\n' },
    { path: 'mysite/settings/local.py', code: 'DEBUG = True\n' },
    { path: 'mysite/settings/development.py', code: 'DEBUG = True\n' },
    { path: 'mysite/settings/test.py', code: 'DEBUG = True\n' },
    { path: 'mysite/local_settings.py', code: 'DEBUG = True\n' },
    { path: 'mysite/test_settings.py', code: 'DEBUG = True\n' },
    { path: 'mysite/settings_dev.py', code: 'DEBUG = True\n' },
    { path: 'tools/build.py', code: 'DEBUG = True\n' },
    { path: 'tests/test_app.py', code: FLASK + 'app.run(debug=True)\n' },
  ],
  invalid: [
    {
      name: 'a module constant set to True or 1 and passed as debug',
      code: FLASK + 'DEV_MODE = True\nDEV_MODE = 1\napp.run(port=8000, debug=DEV_MODE)\n',
      errors: [{
        messageId: 'flaskRun', line: 6, column: 20, endColumn: 34,
        fixes: [{
          title: 'Read debug mode from the FLASK_DEBUG environment variable', applicability: 'unsafe',
          output: 'import os\nfrom flask import Flask\n\napp = Flask(__name__)\nDEV_MODE = True\nDEV_MODE = 1\napp.run(port=8000, debug=os.environ.get("FLASK_DEBUG") == "1")\n',
        }],
      }],
    },
    {
      name: 'Flask app.run(debug=True) in the main guard',
      code: FLASK + 'if __name__ == "__main__":\n    app.run(debug=True)\n',
      errors: [{
        messageId: 'flaskRun', line: 5, column: 13, endColumn: 23, severity: 'warning',
        message: 'app.run(debug=True) starts the Werkzeug debugger, which runs any code sent to it; read the flag from the environment',
        fixes: [{
          title: 'Read debug mode from the FLASK_DEBUG environment variable', applicability: 'unsafe',
          output: 'import os\nfrom flask import Flask\n\napp = Flask(__name__)\nif __name__ == "__main__":\n    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")\n',
        }],
      }],
    },
    {
      name: 'bind to all interfaces with the debugger on is an error',
      code: 'import os\n' + FLASK + 'app.run(host="0.0.0.0", port=5000, debug=True)\n',
      errors: [{
        messageId: 'flaskRunExposed', line: 5, column: 36, endColumn: 46, severity: 'error',
        message: 'app.run(debug=True) listens on 0.0.0.0: the Werkzeug debugger is reachable from the network and runs any code sent to it',
        fixes: [{ output: 'import os\n' + FLASK + 'app.run(host="0.0.0.0", port=5000, debug=os.environ.get("FLASK_DEBUG") == "1")\n' }],
      }],
    },
    {
      name: 'app imported from another module, multi-line call',
      code: 'from myproject import app\n\napp.run(\n    host="127.0.0.1",\n    debug=True,\n)\n',
      errors: [{ messageId: 'flaskRun', line: 5, column: 5, endLine: 5, endColumn: 15 }],
    },
    {
      name: 'Flask-SocketIO',
      code: 'from flask_socketio import SocketIO\nsocketio.run(app, debug=True)\n',
      errors: [{ messageId: 'flaskRun', line: 2, column: 19 }],
    },
    {
      name: 'app.debug = True',
      code: FLASK + 'app.debug = True\n',
      errors: [{
        messageId: 'flaskAttr', line: 4, column: 1, endColumn: 17,
        fixes: [{ output: 'import os\n' + FLASK + 'app.debug = os.environ.get("FLASK_DEBUG") == "1"\n' }],
      }],
    },
    {
      name: 'app.config["DEBUG"] = True and config.update(DEBUG=True)',
      code: FLASK + 'app.config["DEBUG"] = True\napp.config.update(DEBUG=True, TESTING=False)\n',
      errors: [
        { messageId: 'flaskConfig', line: 4, column: 1, endColumn: 27 },
        {
          messageId: 'flaskConfig', line: 5, column: 19, endColumn: 29,
          fixes: [{ output: 'import os\n' + FLASK + 'app.config["DEBUG"] = True\napp.config.update(DEBUG=os.environ.get("FLASK_DEBUG") == "1", TESTING=False)\n' }],
        },
      ],
    },
    {
      name: 'Django settings.py, import os added after the docstring',
      path: 'mysite/settings.py',
      code: '"""Django settings for mysite."""\nfrom pathlib import Path\n\nDEBUG = True  # TODO\n',
      errors: [{
        messageId: 'djangoDebug', line: 4, column: 1, endColumn: 13,
        fixes: [{
          title: 'Read debug mode from the DEBUG environment variable',
          output: '"""Django settings for mysite."""\nimport os\nfrom pathlib import Path\n\nDEBUG = os.environ.get("DEBUG") == "1"  # TODO\n',
        }],
      }],
    },
    {
      name: 'Django settings package production module',
      path: 'mysite/settings/production.py',
      code: 'import os\nfrom .base import *\nDEBUG = True\n',
      errors: [{ messageId: 'djangoDebug', line: 3, column: 1, fixes: [{ output: 'import os\nfrom .base import *\nDEBUG = os.environ.get("DEBUG") == "1"\n' }] }],
    },
    { name: 'Django *_settings.py', path: 'conf/prod_settings.py', code: 'DEBUG: bool = True\n', errors: [{ messageId: 'djangoDebug', column: 1, endColumn: 19 }] },
    {
      name: 'Django: ALLOWED_HOSTS read from the environment is a deployment',
      path: 'portal/settings/container.py',
      code: 'import os\nALLOWED_HOSTS = os.environ.get("HOSTS", "localhost").split(",")\nDEBUG = True\n',
      errors: [{ messageId: 'djangoDebug', line: 3, column: 1 }],
    },
    {
      name: 'FastAPI(debug=True)',
      code: 'from fastapi import FastAPI\n\napp = FastAPI(title="api", debug=True)\n',
      errors: [{
        messageId: 'asgiDebug', line: 3, column: 28, endColumn: 38, message: /^FastAPI\(debug=True\) sends tracebacks/,
        fixes: [{ title: 'Read debug mode from the DEBUG environment variable', output: 'import os\nfrom fastapi import FastAPI\n\napp = FastAPI(title="api", debug=os.environ.get("DEBUG") == "1")\n' }],
      }],
    },
    {
      name: 'Starlette(debug=True)',
      code: 'from starlette.applications import Starlette\napp = Starlette(debug=True, routes=routes)\n',
      errors: [{ messageId: 'asgiDebug', line: 2, column: 17, endColumn: 27 }],
    },
  ],
});
