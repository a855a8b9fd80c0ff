// Tests for config/express-debug-error-handler.
import rule from '../../../server/src/engine/rules/config/express-debug-error-handler';
import { ruleTester } from '../../helpers/rule-tester';

const E = "const errorhandler = require('errorhandler');\n";

ruleTester(rule, {
  path: 'src/app.js',
  valid: [
    E + "if (process.env.NODE_ENV === 'development') {\n  app.use(errorhandler());\n}\n",
    E + "if (app.get('env') !== 'production') app.use(errorhandler({ log: true }));\n",
    E + 'isDev && app.use(errorhandler());\n',
    "const express = require('express');\napp.configure('development', function () {\n  app.use(express.errorHandler({ dumpExceptions: true, showStack: true }));\n});\n",
    { name: 'an own error handler', code: "const errorHandler = require('./middleware/error-handler');\napp.use(errorHandler());\n" },
    { name: 'comments', code: E + '// app.use(errorhandler())\n' },
    { name: 'a dev server file', path: 'src/dev-server.js', code: E + 'app.use(errorhandler());\n' },
  ],
  invalid: [
    {
      code: E + 'app.use(errorhandler());\n',
      errors: [{
        messageId: 'errorhandler', line: 2, column: 9, endColumn: 23, severity: 'warning',
        message: 'errorhandler() sends stack traces and error details to the client; it is meant for development only, so mount it behind a NODE_ENV check',
        fixes: [{ title: "Mount it only when NODE_ENV is 'development'", applicability: 'unsafe', output: E + "if (process.env.NODE_ENV === 'development') app.use(errorhandler());\n" }],
      }],
    },
    {
      name: 'ES import, production branch',
      path: 'src/app.ts',
      code: "import errorHandler from 'errorhandler';\nif (process.env.NODE_ENV === 'production') {\n  app.use(errorHandler())\n}\n",
      errors: [{ messageId: 'errorhandler', line: 3, column: 11, endColumn: 25, fixes: [{ output: "import errorHandler from 'errorhandler';\nif (process.env.NODE_ENV === 'production') {\n  if (process.env.NODE_ENV === 'development') app.use(errorHandler());\n}\n" }] }],
    },
    {
      name: 'Express 3 errorHandler with stack traces',
      code: "const express = require('express');\nconst app = express();\napp.use(express.errorHandler({ dumpExceptions: true, showStack: true }));\n",
      errors: [{ messageId: 'errorhandler', line: 3, column: 9, message: /^express\.errorHandler\(\) sends stack traces/ }],
    },
  ],
});
