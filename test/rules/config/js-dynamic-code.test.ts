// Tests for config/js-dynamic-code: eval, the Function constructor and string timers with non-constant code.
import rule from '../../../server/src/engine/rules/config/js-dynamic-code';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: 'src/app.js',
  valid: [
    'eval("1 + 2");\nconst g = new Function("return this")();\nconst h = Function("return this")();\n',
    'eval(`globalThis`);\nconst CODE = "a" + "b";\neval(CODE);\neval(["x", "y"].join(";"));\n',
    'const run = new Function("return " + JSON.stringify(config));\n',
    'eval(debug ? "startDebug()" : "start()");\n',
    'setTimeout(() => tick(), 100);\nsetTimeout(tick, 100);\nsetTimeout(callback, ms);\nsetInterval("poll()", 1000);\n',
    { name: 'a timer whose first argument may be a function', code: 'function later(fn, ms) {\n  return setTimeout(fn, ms);\n}\n' },
    'math.eval(expr);\nmodel.eval();\nparser.Function(body);\n',
    { name: 'a parameter named like the global', code: 'function schedule(setTimeout, name) {\n  setTimeout("run(" + name + ")");\n}\n' },
    { name: 'TypeScript: a local eval method and a typed constant', path: 'src/calc.ts', code: 'const EXPR = "6 * 7" as const;\nexport const answer: number = eval(EXPR);\nclass Calc { eval(s: string) { return s; } }\nnew Calc().eval(input);\n' },
    { name: 'test file', path: 'test/eval.test.js', code: 'eval(source);\n' },
    '// eval(userInput)\nconst help = "never call eval(x)";\n',
    {
      name: 'vm with constant code, vm.createContext, a local object called vm, and a timer given a handler looked up by request data',
      code: "const vm = require('node:vm');\nvm.runInNewContext('1 + 1', {});\nconst ctx = vm.createContext({});\nnew vm.Script(`globalThis`);\nfunction f(req) {\n  setTimeout(handlers[req.query.name], 10);\n}\nconst other = { runInThisContext(x) { return x; } };\nother.runInThisContext(code);\n",
    },
  ],
  invalid: [
    {
      name: 'the vm module: calls and classes, a function taken off require, and request input',
      code: "import vm from 'vm';\nconst runHere = require('vm').runInThisContext;\nexport function load(src, sandbox) {\n  vm.runInNewContext(src, sandbox);\n  const s = new vm.Script(src);\n  runHere(src);\n}\napp.post('/run', (req, res) => {\n  res.json(vm.compileFunction(req.body.code)());\n});\n",
      errors: [
        {
          messageId: 'vm', line: 4, column: 3, endColumn: 35, severity: 'warning',
          message: 'vm.runInNewContext() compiles this value into code and runs it, like eval(); the vm module is not a security boundary',
        },
        { messageId: 'vm', line: 5, column: 13, endColumn: 31, message: /^new vm\.Script\(\) compiles/ },
        { messageId: 'vm', line: 6, column: 3, endColumn: 15, message: /^vm\.runInThisContext\(\)/ },
        { messageId: 'userInput', line: 9, column: 12, endColumn: 45, severity: 'error', message: /^vm\.compileFunction\(\) runs code taken from user input/ },
      ],
    },
    {
      name: 'a timer given text read from the URL, and req.param() input',
      code: "setTimeout(location.hash.slice(1));\napp.get('/x', function (req, res) {\n  eval(req.param('expr'));\n});\n",
      errors: [
        { messageId: 'userInput', line: 1, column: 1, endColumn: 35, severity: 'error', message: /^setTimeout\(\) runs code taken from user input/ },
        { messageId: 'userInput', line: 3, column: 3, endColumn: 26, severity: 'error' },
      ],
    },
    {
      name: 'eval of a parameter',
      code: 'function compute(expr) {\n  return eval(expr);\n}\n',
      errors: [{
        messageId: 'eval', line: 2, column: 10, endColumn: 20, severity: 'warning', fixes: [],
        message: 'eval() runs whatever code this value holds; parse data with JSON.parse and dispatch with a lookup table instead',
      }],
    },
    {
      name: 'the Function constructor with a non-constant body or spread parameters',
      code: 'const f = new Function("a", "b", body);\nconst g = Function(...names, "return 1");\n',
      errors: [
        { messageId: 'function', line: 1, column: 11, endColumn: 39, message: /^new Function\(\) compiles this value into code/ },
        { messageId: 'function', line: 2, column: 11, endColumn: 41 },
      ],
    },
    {
      name: 'string timers built from values',
      code: 'setTimeout("update(" + id + ")", 100);\nwindow.setInterval(`poll(${n})`, 1000);\n',
      errors: [
        { messageId: 'timer', line: 1, column: 1, endColumn: 38, message: 'setTimeout() with a string runs it as code, like eval(); pass a function instead' },
        { messageId: 'timer', line: 2, column: 1, endColumn: 39, message: /^setInterval\(\) with a string/ },
      ],
    },
    {
      name: 'indirect and global-object eval; a template with a hole',
      code: '(0, eval)(src);\nwindow.eval(src);\nglobalThis["eval"](src);\neval(`${prefix}.run()`);\n',
      errors: [
        { messageId: 'eval', line: 1, column: 1, endColumn: 15 },
        { messageId: 'eval', line: 2, column: 1, endColumn: 17 },
        { messageId: 'eval', line: 3, column: 1, endColumn: 24 },
        { messageId: 'eval', line: 4, column: 1, endColumn: 24 },
      ],
    },
    {
      name: 'request and URL input is an error, also through a constant',
      path: 'src/server.ts',
      code:
        'app.get("/calc", (req, res) => res.send(String(eval(req.query.expr))));\n' +
        'app.post("/run", (req, res) => {\n  const code = req.body.code;\n  new Function(code)();\n});\n' +
        'eval(location.hash.slice(1));\n',
      errors: [
        { messageId: 'userInput', line: 1, column: 48, endColumn: 68, severity: 'error', message: 'eval() runs code taken from user input: anyone who controls it can run code in this context' },
        { messageId: 'userInput', line: 4, column: 3, endColumn: 21, severity: 'error', message: /^Function\(\) runs code taken from user input/ },
        { messageId: 'userInput', line: 6, column: 1, endColumn: 29, severity: 'error' },
      ],
    },
  ],
});
