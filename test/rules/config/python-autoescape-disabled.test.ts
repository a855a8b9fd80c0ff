// Tests for config/python-autoescape-disabled: Jinja2 environments for HTML and Django's TEMPLATES option.
import rule from '../../../server/src/engine/rules/config/python-autoescape-disabled';
import { ruleTester } from '../../helpers/rule-tester';

const JINJA = 'from jinja2 import Environment, FileSystemLoader\n\n';
const LOADER = 'FileSystemLoader("templates")';

ruleTester(rule, {
  path: 'render.py',
  valid: [
    JINJA + `env = Environment(loader=${LOADER}, autoescape=True)\nenv.get_template("index.html")\n`,
    'from jinja2 import Environment, select_autoescape\n' + 'env = Environment(autoescape=select_autoescape(["html"]))\nT = "page.html"\n',
    'from jinja2 import Environment, select_autoescape\n' + 'env = Environment(loader=loader)\nenv.autoescape = select_autoescape()\nT = "page.html"\n',
    { name: 'Jinja2 for SQL/YAML (no sign of HTML): autoescape off is right', code: JINJA + 'env = Environment(autoescape=False)\nsql = env.from_string(QUERY)\n' },
    { name: 'Jinja2 for config files without autoescape', code: JINJA + 'env = Environment(loader=FileSystemLoader("deploy"))\nenv.get_template("nginx.conf.j2")\n' },
    JINJA + 'env = Environment(**options)\nT = "page.html"\n',
    JINJA + '# env = Environment(autoescape=False)\nT = "page.html"\n',
    'env = Environment(autoescape=False)  # not jinja2\nT = "page.html"\n',
    { path: 'mysite/settings.py', code: 'TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "OPTIONS": {"autoescape": True}}]\n' },
    { path: 'mysite/settings/dev.py', code: 'TEMPLATES = [{"OPTIONS": {"autoescape": False}}]\n' },
  ],
  invalid: [
    {
      name: 'Jinja2 autoescape=False for HTML templates',
      code: JINJA + `env = Environment(loader=${LOADER}, autoescape=False)\nhtml = env.get_template("index.html").render(user=user)\n`,
      errors: [{
        messageId: 'jinjaDisabled', line: 3, column: 57, endColumn: 73, severity: 'warning',
        message: 'autoescape=False renders every template variable as raw HTML: any user-controlled value becomes cross-site scripting',
        fixes: [{
          title: 'Turn autoescaping on (autoescape=True)', applicability: 'unsafe',
          output: JINJA + `env = Environment(loader=${LOADER}, autoescape=True)\nhtml = env.get_template("index.html").render(user=user)\n`,
        }],
      }],
    },
    {
      name: 'jinja2.Environment without autoescape in a Flask module',
      code: 'import jinja2\nfrom flask import Flask\n\nenv = jinja2.Environment(loader=jinja2.PackageLoader("app"))\n',
      errors: [{
        messageId: 'jinjaDefault', line: 4, column: 7, endColumn: 25,
        message: 'jinja2.Environment() without autoescape does not escape HTML (Jinja2 defaults to off): pass autoescape=True or select_autoescape()',
        fixes: [{ output: 'import jinja2\nfrom flask import Flask\n\nenv = jinja2.Environment(loader=jinja2.PackageLoader("app"), autoescape=True)\n' }],
      }],
    },
    {
      name: 'Environment() with no arguments',
      code: JINJA + 'env = Environment()\nout = env.from_string("<p>{{ name }}</p>").render(name=name)\n',
      errors: [{ messageId: 'jinjaDefault', line: 3, column: 7, endColumn: 18, fixes: [{ output: JINJA + 'env = Environment(autoescape=True)\nout = env.from_string("<p>{{ name }}</p>").render(name=name)\n' }] }],
    },
    {
      name: 'Django TEMPLATES OPTIONS autoescape False',
      path: 'mysite/settings.py',
      code: 'TEMPLATES = [\n    {\n        "BACKEND": "django.template.backends.django.DjangoTemplates",\n        "OPTIONS": {"autoescape": False},\n    },\n]\n',
      errors: [{
        messageId: 'djangoDisabled', line: 4, column: 21, endColumn: 40,
        fixes: [{ title: 'Turn autoescaping on ("autoescape": True)', output: 'TEMPLATES = [\n    {\n        "BACKEND": "django.template.backends.django.DjangoTemplates",\n        "OPTIONS": {"autoescape": True},\n    },\n]\n' }],
      }],
    },
  ],
});
