// Tests for config/python-eval-injection: eval()/exec() of non-constant values, user input as an error.
import rule from '../../../server/src/engine/rules/config/python-eval-injection';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: 'app/calc.py',
  valid: [
    'value = ast.literal_eval(text)\n',
    'result = eval("1 + 2")\n',
    'exec("import sys")\n',
    'model.eval()\nnet.eval(x)\n',
    'df.eval("a + b")\n',
    '# eval(user_input)\nHELP = "do not call eval(x)"\n',
    'def eval(expr):\n    return expr\n\nresult = eval(text)\n',
    'from sympy import eval\nresult = eval(expr)\n',
    'exec(open("pkg/version.py").read(), ns)\n',
    'exec(compile(Path(path).read_text(), path, "exec"))\n',
    { path: 'setup.py', code: 'exec(source, about)\n' },
    { path: 'tests/test_repr.py', code: 'assert eval(repr(point)) == point\n' },
    { name: 'a module constant holding code is a constant string', code: 'BOOTSTRAP = "import sys; sys.path.insert(0, \'lib\')"\n\ndef boot():\n    exec(BOOTSTRAP)\n' },
  ],
  invalid: [
    {
      name: 'eval of a variable',
      code: 'def compute(expr):\n    return eval(expr)\n',
      errors: [{
        messageId: 'dynamic', line: 2, column: 12, endColumn: 22, severity: 'warning', fixes: [],
        message: 'eval() runs whatever code this value holds; parse data with ast.literal_eval or json.loads instead',
      }],
    },
    {
      name: 'a method named eval does not hide the builtin; a parameter that shares a constant\'s name is not that constant',
      code: 'EXPR = "1 + 1"\n\nclass Calculator:\n    def eval(self, EXPR):\n        return eval(EXPR, {"__builtins__": {}})\n',
      errors: [{ messageId: 'dynamic', line: 5, column: 16, endColumn: 48 }],
    },
    {
      name: 'module code that runs before a later `from x import exec` still calls the builtin',
      code: 'snippet = sys.argv[1]\nexec(snippet)\n\nfrom restricted import exec\n\ndef run(code):\n    exec(code)\n',
      errors: [{ messageId: 'dynamic', line: 2, column: 1, endColumn: 14 }],
    },
    {
      name: 'eval of request data is an error',
      path: 'app/views.py',
      code: 'from flask import request\n\n@app.post("/calc")\ndef calc():\n    return str(eval(request.form["expr"]))\n',
      errors: [{ messageId: 'userInput', line: 5, column: 16, endColumn: 42, severity: 'error', message: /^eval\(\) runs code taken from user input/ }],
    },
    {
      name: 'exec of input() and of an f-string',
      code: 'exec(input("> "))\nexec(f"x = {value}")\nbuiltins.eval(code, {})\n',
      errors: [
        { messageId: 'userInput', line: 1, column: 1, endColumn: 18 },
        { messageId: 'dynamic', line: 2, column: 1, endColumn: 21, message: /^exec\(\)/ },
        { messageId: 'dynamic', line: 3, column: 1, endColumn: 24, message: /^eval\(\)/ },
      ],
    },
  ],
});
