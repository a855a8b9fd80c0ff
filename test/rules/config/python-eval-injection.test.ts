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
    {
      name: 'a name tested against constants in every branch of an or',
      code: 'def pick():\n    mode = request.args.get("mode")\n    if mode == "True" or mode == "False":\n        return eval(mode)\n    if (mode == "None") or (mode in ("1", "0") and strict):\n        return eval(mode)\n',
    },
    { path: 'tests/test_repr.py', code: 'assert eval(repr(point)) == point\n' },
    { name: 'a module constant holding code is a constant string', code: 'BOOTSTRAP = "import sys; sys.path.insert(0, \'lib\')"\n\ndef boot():\n    exec(BOOTSTRAP)\n' },
    { name: 'constants concatenated, in parentheses', code: 'PREFIX = ("import " +\n          "os")\nexec(PREFIX + "; os.getcwd()")\n' },
    {
      name: 'a code object compiled earlier (the source was chosen where it was compiled)',
      code:
        'def run_script(path, namespace):\n    code = compile(source, path, "exec")\n    exec(code, namespace, namespace)\n\n' +
        'class Ref:\n    def __init__(self, arg):\n        code = compile(arg, "<string>", "eval")\n        self.code = code\n\n' +
        '    def evaluate(self, ns):\n        return eval(self.code, ns)\n',
    },
    { name: 'a loader running module code from get_code', code: 'def load(mod, name):\n    code, is_pkg, path = _get_module_code(name)\n    exec(code, mod.__dict__)\n' },
    {
      name: 'code generation: a function definition from a constant template, run in a namespace',
      code: 'def make_property(name):\n    ns = {}\n    exec("def get_%s(self):\\n    return self._%s" % (name, name), ns)\n    return ns["get_" + name]\n',
    },
    {
      name: 'code generation: a lambda built with an f-string (namedtuple) and a template constant with .format',
      code:
        'BODY = """def {name}(self, *args):\n    return self.inner.{name}(*args)\n"""\n\n' +
        'def make(name, fields):\n    arg_list = ", ".join(fields)\n    code = f"lambda _cls, {arg_list}: _new(_cls, ({arg_list}))"\n' +
        '    new = eval(code, {"_new": tuple.__new__})\n    exec(BODY.format(name=name), globals())\n    return new\n',
    },
    {
      name: 'a debugger evaluating in a stack frame',
      code: 'class Debugger:\n    def do_print(self, arg):\n        return eval(arg, self.curframe.f_globals, self.curframe.f_locals)\n',
    },
    {
      name: 'an evaluator that takes the namespaces from its caller (profilers, typing.get_type_hints)',
      code:
        'def runctx(cmd, globals, locals):\n    exec(cmd, globals, locals)\n\n' +
        'def annotations(obj, *, globals=None, locals=None):\n    return {k: eval(v, globals, locals) for k, v in obj.__annotations__.items()}\n',
    },
    {
      name: 'a value tested against constants first',
      code: 'def parse(value, request):\n    if value in ["True", "False", "None"]:\n        value = eval(value)\n    elif request == "None": return eval(request)\n    return value\n',
    },
    {
      name: 'names built from a constant list in a loop',
      code: 'METHODS = ["forward", "back"]\n\ndef docs():\n    out = {}\n    for name in METHODS:\n        key = "Turtle." + name\n        out[key] = eval(key).__doc__\n    return out\n',
    },
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
      errors: [{ messageId: 'userInput', line: 2, column: 1, endColumn: 14, severity: 'error' }],
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
    {
      name: 'user input reaches eval through a local, a compile() call or a template with a namespace',
      path: 'app/views.py',
      code:
        'def calc():\n    expr = request.args.get("q")\n    return eval(expr)\n\n' +
        'def run(ns):\n    exec(compile(request.form["src"], "<form>", "exec"))\n    exec("def f():\\n    return %s" % request.args["q"], ns)\n',
      errors: [
        { messageId: 'userInput', line: 3, column: 12, endColumn: 22, severity: 'error' },
        { messageId: 'userInput', line: 6, column: 5, endColumn: 57, severity: 'error' },
        { messageId: 'userInput', line: 7, column: 5, endColumn: 60, severity: 'error' },
      ],
    },
    {
      name: 'a code object compiled from user input, run later; an or whose other branch does not pin the value',
      path: 'app/views.py',
      code: 'def run():\n    obj = compile(request.form["src"], "<form>", "exec")\n    exec(obj)\n\ndef pick(flag):\n    mode = request.args.get("mode")\n    if mode == "True" or flag:\n        return eval(mode)\n',
      errors: [
        { messageId: 'userInput', line: 3, column: 5, endColumn: 14, severity: 'error' },
        { messageId: 'userInput', line: 8, column: 16, endColumn: 26, severity: 'error' },
      ],
    },
    {
      name: 'argparse arguments are user input; a plain local named args is not',
      code: 'def main(section):\n    args = parser.parse_args()\n    print(eval(args.expr))\n    args = section.get("args", "()")\n    return eval(args, vars(logging))\n',
      errors: [
        { messageId: 'userInput', line: 3, column: 11, endColumn: 26, severity: 'error' },
        { messageId: 'dynamic', line: 5, column: 12, endColumn: 37, severity: 'warning' },
      ],
    },
    {
      name: 'templates that are not a definition, or have no namespace, are not code generation',
      code: 'def plural(expr):\n    ns = {}\n    exec("if True:\\n    def func(n):\\n        return int(%s)" % expr, ns)\n    exec("def f(): return %s" % expr)\n',
      errors: [
        { messageId: 'dynamic', line: 3, column: 5, endColumn: 74 },
        { messageId: 'dynamic', line: 4, column: 5, endColumn: 38 },
      ],
    },
    {
      name: 'a constant test guards only its own branch; a later loop rebinding keeps the value unknown',
      code: 'def read(y, keys):\n    if y == "0":\n        y = None\n    else:\n        y = eval(y)\n    key = "Turtle.forward"\n    eval(key)\n    for key in keys:\n        eval(key)\n',
      errors: [
        { messageId: 'dynamic', line: 5, column: 13, endColumn: 20 },
        { messageId: 'dynamic', line: 9, column: 9, endColumn: 18 },
      ],
    },
    {
      name: 'a namespace of the enclosing object does not make a parameter safe; a line read from a .pth-style file is reported',
      code: 'class Console:\n    def runcode(self, code):\n        exec(code, self.locals)\n\ndef add_pth(f):\n    for line in f:\n        if line.startswith("import "):\n            exec(line)\n',
      errors: [
        { messageId: 'dynamic', line: 3, column: 9, endColumn: 32 },
        { messageId: 'dynamic', line: 8, column: 13, endColumn: 23 },
      ],
    },
  ],
});
