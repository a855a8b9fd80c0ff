// Tests for config/express-cors-wildcard: the cors middleware family and hand-written CORS headers in JS/TS.
import rule from '../../../server/src/engine/rules/config/express-cors-wildcard';
import { ruleTester } from '../../helpers/rule-tester';

const C = "const cors = require('cors');\n";
const ENV = "(process.env.CORS_ORIGINS ?? '').split(',')";

ruleTester(rule, {
  path: 'src/server.js',
  valid: [
    C + "app.use(cors({ origin: ['https://app.example.com'], credentials: true }));\n",
    C + 'app.use(cors({ origin: process.env.CORS_ORIGIN }));\n',
    C + 'app.use(cors({ origin: allowList, credentials: true }));\n',
    C + 'app.use(cors({ origin: /\\.example\\.com$/, credentials: true }));\n',
    C + 'app.use(cors({ origin: (origin, cb) => cb(null, allowed.includes(origin)) }));\n',
    C + "const opts = { origin: 'https://a.example' };\napp.use(cors(opts));\n",
    { name: 'credentials only: the default * is refused by browsers, not open', code: C + 'app.use(cors({ credentials: true }));\n' },
    { name: 'inside a development check', code: C + "if (process.env.NODE_ENV !== 'production') app.use(cors());\nif (isDev) {\n  app.use(cors({ origin: true, credentials: true }));\n}\n" },
    { name: 'comments and strings', code: C + "// app.use(cors())\nconst s = \"res.setHeader('Access-Control-Allow-Origin', '*')\";\n" },
    { name: 'a local module named cors', code: "const cors = require('./cors');\napp.use(cors());\n" },
    { name: 'a dev server file', path: 'src/dev-server.js', code: C + 'app.use(cors());\n' },
    { name: 'a test file', path: 'src/api.test.js', code: C + 'app.use(cors());\n' },
    "res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');\n",
    { name: 'reflection after an allow-list check', code: "app.use((req, res, next) => {\n  const origin = req.headers.origin;\n  if (allowed.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);\n  next();\n});\n" },
    { name: 'the null origin without credentials sends no cookies', code: "function h(req, res) {\n  res.setHeader('Access-Control-Allow-Origin', 'null');\n}\nfunction g(req, res) {\n  res.setHeader('Access-Control-Allow-Origin', null);\n  res.setHeader('Access-Control-Allow-Credentials', 'false');\n}\n" },
    { name: 'a parsed URL origin checked against a list', code: "const url = require('url');\nfunction h(req, res) {\n  const o = url.parse(req.url, true).query.origin;\n  if (TRUSTED.includes(o)) {\n    res.setHeader('Access-Control-Allow-Origin', o);\n    res.setHeader('Access-Control-Allow-Credentials', 'true');\n  }\n}\n" },
    { name: 'early exit for unknown origins', code: "function h(req, res) {\n  if (!ALLOWED.has(req.headers.origin)) return res.end();\n  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);\n  res.setHeader('Access-Control-Allow-Credentials', 'true');\n}\n" },
  ],
  invalid: [
    {
      name: 'the preflight route repeating the app-wide cors() is one finding, on the app.use call',
      code: C + "app.use(cors());\napp.options('*', cors());\n",
      errors: [{
        messageId: 'wildcard', line: 2, column: 9, endColumn: 15,
        fixes: [{ title: 'Allow only the origins in the CORS_ORIGINS environment variable', applicability: 'unsafe', output: C + `app.use(cors({ origin: ${ENV} }));\napp.options('*', cors());\n` }],
      }],
    },
    {
      name: 'a preflight route alone is still reported',
      code: C + "app.options('/upload', cors());\n",
      errors: [{ messageId: 'wildcard', line: 2, column: 24, endColumn: 30 }],
    },
    {
      name: 'cors() with no options',
      code: C + 'app.use(cors());\n',
      errors: [{
        messageId: 'wildcard', line: 2, column: 9, endColumn: 15, severity: 'warning',
        message: 'cors() allows requests from every origin; list the origins that may call this API',
        fixes: [{ title: 'Allow only the origins in the CORS_ORIGINS environment variable', applicability: 'unsafe', output: C + `app.use(cors({ origin: ${ENV} }));\n` }],
      }],
    },
    {
      name: "origin: '*' (ES module import)",
      path: 'src/server.ts',
      code: "import cors from 'cors';\napp.use(cors({ origin: '*', methods: ['GET'] }));\n",
      errors: [{ messageId: 'wildcard', line: 2, column: 16, endColumn: 27, fixes: [{ output: `import cors from 'cors';\napp.use(cors({ origin: ${ENV}, methods: ['GET'] }));\n` }] }],
    },
    {
      name: 'origin: true with credentials: error',
      code: C + 'app.use(cors({ origin: true, credentials: true }));\n',
      errors: [{
        messageId: 'credentials', line: 2, column: 16, endColumn: 28, severity: 'error',
        message: 'cors() allows every origin with credentials: any website can send requests as your signed-in users and read the responses',
        fixes: [{ output: C + `app.use(cors({ origin: ${ENV}, credentials: true }));\n` }],
      }],
    },
    {
      name: 'an origin callback that allows everything, through a const',
      code: C + 'const corsOptions = {\n  origin: function (origin, callback) { callback(null, true); },\n  credentials: true,\n};\nrouter.get(\'/me\', cors(corsOptions), me);\n',
      errors: [{ messageId: 'credentials', line: 3, column: 3, endColumn: 64 }],
    },
    {
      name: 'origin: true without credentials',
      code: C + 'app.options(\'*\', cors({ origin: true }));\n',
      errors: [{ messageId: 'reflect', line: 2, column: 25, endColumn: 37, severity: 'warning' }],
    },
    {
      name: '@koa/cors reflects the request origin by default',
      code: "const cors = require('@koa/cors');\napp.use(cors({ credentials: true }));\n",
      errors: [{ messageId: 'credentials', line: 2, column: 14, endColumn: 35, fixes: [] }],
    },
    {
      name: '@fastify/cors registered without options',
      code: "const fastifyCors = require('@fastify/cors');\nfastify.register(fastifyCors);\n",
      errors: [{ messageId: 'wildcard', line: 2, column: 1, endColumn: 30, message: /^register\(@fastify\/cors\) allows/ }],
    },
    {
      name: 'hand-written reflection with credentials',
      code: "app.use(function (req, res, next) {\n  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);\n  res.setHeader('Access-Control-Allow-Credentials', 'true');\n  next();\n});\n",
      errors: [{ messageId: 'credentials', line: 2, column: 3, endColumn: 67, message: /^Access-Control-Allow-Origin allows every origin with credentials/ }],
    },
    {
      name: 'a request parameter through a variable (Semgrep cors-misconfiguration)',
      code: "app.get('/t', function (req, res) {\n  let origin = req.query.origin\n  res.set('access-control-allow-origin', origin)\n});\n",
      errors: [{ messageId: 'reflect', line: 3, column: 3, endColumn: 49, message: /^Access-Control-Allow-Origin is set from the request itself/ }],
    },
    {
      name: 'the origin query parameter of url.parse(req.url, true), with credentials',
      code: "const url = require('url');\nserver.on('request', (req, res) => {\n  const wanted = url.parse(req.url, true).query.origin;\n  res.setHeader('Access-Control-Allow-Origin', wanted);\n  res.setHeader('Access-Control-Allow-Credentials', 'true');\n});\n",
      errors: [{ messageId: 'credentials', severity: 'error', line: 4, column: 3, endColumn: 55, fixes: [] }],
    },
    {
      name: 'the null origin with credentials, as a literal and as a string',
      code: "function a(req, res) {\n  res.setHeader('Access-Control-Allow-Origin', null);\n  res.setHeader('Access-Control-Allow-Credentials', true);\n}\nfunction b(req, res) {\n  res.set({ 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Credentials': 'true' });\n}\n",
      errors: [
        {
          messageId: 'nullOrigin', severity: 'error', line: 2, column: 3, endColumn: 53, fixes: [],
          message: 'Access-Control-Allow-Origin: null with credentials trusts the "null" origin, which any website can send from a sandboxed iframe: it can act as your signed-in users and read the responses',
        },
        { messageId: 'nullOrigin', line: 6, column: 13, endColumn: 50 },
      ],
    },
    {
      name: 'reflection with a wildcard fallback',
      code: "function cors(req, res) {\n  res.set('Access-Control-Allow-Origin', req.headers.origin || '*');\n}\n",
      errors: [{ messageId: 'reflect', line: 2, column: 3, endColumn: 68 }],
    },
    {
      name: 'hand-written wildcard and writeHead reflection',
      code: "app.use((req, res, next) => {\n  res.header('Access-Control-Allow-Origin', '*');\n  res.writeHead(200, { 'Access-Control-Allow-Origin': req.get('origin') });\n});\n",
      errors: [
        {
          messageId: 'wildcard', line: 2, column: 3, endColumn: 49, message: 'Access-Control-Allow-Origin: * allows requests from every origin; list the origins that may call this API',
          fixes: [{ title: 'Allow one origin from the CORS_ORIGIN environment variable', output: "app.use((req, res, next) => {\n  res.header('Access-Control-Allow-Origin', process.env.CORS_ORIGIN ?? '');\n  res.writeHead(200, { 'Access-Control-Allow-Origin': req.get('origin') });\n});\n" }],
        },
        { messageId: 'reflect', line: 3, column: 24, endColumn: 72, fixes: [] },
      ],
    },
  ],
});
