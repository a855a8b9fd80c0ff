// Tests for config/jwt-none-algorithm: the unsigned 'none' JWT algorithm in JS/TS and Python.
import rule from '../../../server/src/engine/rules/config/jwt-none-algorithm';
import { ruleTester } from '../../helpers/rule-tester';

const J = "const jwt = require('jsonwebtoken');\n";

ruleTester(rule, {
  path: 'src/auth.js',
  valid: [
    J + "jwt.verify(token, key, { algorithms: ['RS256'] });\n",
    J + "jwt.sign(payload, key, { algorithm: 'HS256' });\n",
    { name: 'not a JWT module', code: "const zlib = require('zlib');\ncompress(data, { algorithm: 'none' });\n" },
    { name: 'comments and strings', code: J + "// jwt.sign(p, k, { algorithm: 'none' })\nconst s = \"algorithms: ['none']\";\n" },
    { name: 'a test file', path: 'test/jwt.test.js', code: J + "jwt.verify(t, k, { algorithms: ['none'] });\n" },
    { path: 'app/auth.py', code: 'import jwt\njwt.decode(token, key, algorithms=["HS256"])\n' },
    { name: 'Python without a JWT import', path: 'app/codec.py', code: 'import codecs\ncodecs.encode(data, algorithm="none")\n' },
  ],
  invalid: [
    {
      name: 'signing with none',
      code: J + "const t = jwt.sign(payload, '', { algorithm: 'none' });\n",
      errors: [{
        messageId: 'sign', line: 2, column: 35, endColumn: 52, severity: 'error',
        message: "algorithm 'none' makes unsigned tokens: anyone can change the claims; sign with HS256, RS256 or ES256", fixes: [],
      }],
    },
    {
      name: 'verification accepting none among others: safe removal',
      path: 'src/auth.ts',
      code: "import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret, algorithms: ['HS256', 'none'] }));\n",
      errors: [{
        messageId: 'accept', line: 2, column: 52, endColumn: 58,
        fixes: [{ title: "Remove 'none' from the accepted algorithms", applicability: 'safe', output: "import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret, algorithms: ['HS256'] }));\n" }],
      }],
    },
    {
      name: 'none first in the list',
      code: J + "jwt.verify(token, key, { algorithms: ['none', 'HS256'] });\n",
      errors: [{ messageId: 'accept', line: 2, column: 39, endColumn: 45, fixes: [{ output: J + "jwt.verify(token, key, { algorithms: ['HS256'] });\n" }] }],
    },
    {
      name: 'none alone: no fix (an empty list is not valid)',
      code: J + "jwt.verify(token, key, { algorithms: ['none'] });\n",
      errors: [{ messageId: 'accept', line: 2, column: 39, fixes: [] }],
    },
    {
      name: 'PyJWT encode and decode',
      path: 'app/auth.py',
      code: 'import jwt\nt = jwt.encode(payload, None, algorithm="none")\nc = jwt.decode(t, key, algorithms=["HS256", "none"])\n',
      errors: [
        { messageId: 'sign', line: 2, column: 31, endColumn: 47 },
        { messageId: 'accept', line: 3, column: 45, endColumn: 51, fixes: [{ output: 'import jwt\nt = jwt.encode(payload, None, algorithm="none")\nc = jwt.decode(t, key, algorithms=["HS256"])\n' }] },
      ],
    },
  ],
});
