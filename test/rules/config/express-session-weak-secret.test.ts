// Tests for config/express-session-weak-secret: session and cookie signing secrets written in JS/TS code.
import rule from '../../../server/src/engine/rules/config/express-session-weak-secret';
import { ruleTester } from '../../helpers/rule-tester';
import { token } from '../../helpers/secrets';

const S = "const session = require('express-session');\n";

ruleTester(rule, {
  path: 'src/app.js',
  valid: [
    S + 'app.use(session({ secret: process.env.SESSION_SECRET, resave: false }));\n',
    S + "app.use(session({ secret: config.get('session.secret') }));\n",
    S + 'app.use(session({ secret: [process.env.SECRET_A, process.env.SECRET_B] }));\n',
    { name: 'a random-looking literal is secret/generic-secret\'s finding', code: S + `app.use(session({ secret: '${token(3, 24)}' }));\n` },
    S + "// app.use(session({ secret: 'keyboard cat' }))\nconst doc = \"session({ secret: 'keyboard cat' })\";\n",
    { name: 'not express-session', code: "const session = require('./session');\napp.use(session({ secret: 'keyboard cat' }));\n" },
    { name: 'a test file', path: 'test/app.test.js', code: S + "app.use(session({ secret: 'keyboard cat' }));\n" },
    "const cookieParser = require('cookie-parser');\napp.use(cookieParser());\napp.use(cookieParser(process.env.COOKIE_SECRET));\n",
    { name: 'a let that is reassigned', code: S + "let secret = 'dev';\nsecret = load();\napp.use(session({ secret }));\n" },
    { name: 'keys on a non-Koa object', code: "const x = require('lodash');\nconfig.keys = ['a', 'b'];\n" },
  ],
  invalid: [
    {
      name: 'the README example value: error',
      code: S + "app.use(session({ secret: 'keyboard cat', resave: false }));\n",
      errors: [{
        messageId: 'knownDefault', line: 2, column: 27, endColumn: 41, severity: 'error',
        message: 'The express-session secret is a well-known example value: anyone can sign cookies and forge sessions; generate a random secret and read it from the environment',
        fixes: [{
          title: 'Read the secret from the SESSION_SECRET environment variable', applicability: 'unsafe',
          output: S + 'app.use(session({ secret: process.env.SESSION_SECRET, resave: false }));\n',
        }],
      }],
    },
    {
      name: 'TypeScript import, a literal: the fix keeps the string type',
      path: 'src/app.ts',
      code: "import session from 'express-session';\napp.use(session({ secret: 'my session phrase' }));\n",
      errors: [{
        messageId: 'literal', line: 2, column: 27, endColumn: 46, severity: 'warning',
        fixes: [{ output: "import session from 'express-session';\napp.use(session({ secret: process.env.SESSION_SECRET! }));\n" }],
      }],
    },
    {
      name: 'fallback after the environment variable',
      code: S + "app.use(session({ secret: process.env.SESSION_SECRET || 'dev-secret' }));\n",
      errors: [{
        messageId: 'fallback', line: 2, column: 57, endColumn: 69,
        fixes: [{ title: 'Remove the hardcoded fallback (fail when the variable is missing)', output: S + 'app.use(session({ secret: process.env.SESSION_SECRET }));\n' }],
      }],
    },
    {
      name: 'options and secret through consts',
      code: S + "const sessionSecret = 'correct horse battery';\nconst opts = { secret: sessionSecret, resave: false };\napp.use(session(opts));\n",
      errors: [{ messageId: 'literal', line: 2, column: 23, endColumn: 46, fixes: [{ output: S + "const sessionSecret = process.env.SESSION_SECRET;\nconst opts = { secret: sessionSecret, resave: false };\napp.use(session(opts));\n" }] }],
    },
    {
      name: 'cookie-parser positional secret (any value)',
      code: `const cookieParser = require('cookie-parser');\napp.use(cookieParser('${token(4, 24)}'));\n`,
      errors: [{ messageId: 'literal', line: 2, column: 22, endColumn: 48, fixes: [{ output: "const cookieParser = require('cookie-parser');\napp.use(cookieParser(process.env.COOKIE_SECRET));\n" }] }],
    },
    {
      name: 'cookie-session keys: one finding per key, no fix for a list of two',
      code: "const cookieSession = require('cookie-session');\napp.use(cookieSession({ name: 'session', keys: ['key1', 'key2'] }));\n",
      errors: [
        { messageId: 'literal', line: 2, column: 49, endColumn: 55, message: /^The cookie-session signing key is written in the code/, fixes: [] },
        { messageId: 'literal', line: 2, column: 57, endColumn: 63, fixes: [] },
      ],
    },
    {
      name: 'Koa app.keys',
      code: "const Koa = require('koa');\nconst app = new Koa();\napp.keys = ['im a newer secret'];\n",
      errors: [{ messageId: 'literal', line: 3, column: 13, endColumn: 32, fixes: [{ output: "const Koa = require('koa');\nconst app = new Koa();\napp.keys = [process.env.APP_KEY];\n" }] }],
    },
    {
      name: 'Fastify session plugin',
      code: "const fastifySession = require('@fastify/session');\nfastify.register(fastifySession, { secret: 'a secret with minimum length of 32 characters' });\n",
      errors: [{ messageId: 'literal', line: 2, column: 44, endColumn: 91 }],
    },
  ],
});
