// Tests for config/jwt-hardcoded-secret: JWT signing and verification keys written in JS/TS and Python code.
import rule from '../../../server/src/engine/rules/config/jwt-hardcoded-secret';
import { ruleTester } from '../../helpers/rule-tester';
import { token } from '../../helpers/secrets';

const J = "const jwt = require('jsonwebtoken');\n";
const PY = 'import jwt\n';

ruleTester(rule, {
  path: 'src/auth.js',
  valid: [
    {
      name: 'passport-jwt options whose key is read from the environment after the object is made',
      code: "const JwtStrategy = require('passport-jwt').Strategy;\nconst options = {};\noptions.secretOrKey = process.env.JWT_SECRET;\noptions.issuer = 'orders-service';\npassport.use(new JwtStrategy(options, check));\n",
    },
    { name: 'next-auth secret from the environment', code: "import NextAuth from 'next-auth';\nexport default NextAuth({ providers: [], secret: process.env.AUTH_SECRET });\n" },
    J + 'const t = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: "1h" });\n',
    J + 'jwt.verify(token, config.jwtSecret);\n',
    J + "jwt.verify(token, fs.readFileSync('public.pem'));\n",
    J + 'jwt.sign(payload, privateKey, { algorithm: "RS256" });\n',
    { name: 'a random-looking const is secret/generic-secret\'s finding', code: J + `const JWT_SECRET = '${token(5, 32)}';\njwt.sign(p, JWT_SECRET);\n` },
    { name: 'other sign functions', code: "const crypto = require('crypto');\ncrypto.sign('sha256', data, 'key');\nsigner.sign(payload, 'secret');\n" },
    { name: 'comments and strings', code: J + "// jwt.sign(p, 'secret')\nconst help = \"jwt.sign(p, 'secret')\";\n" },
    { name: 'a test file', path: 'test/auth.test.js', code: J + "jwt.sign(p, 'secret');\n" },
    { path: 'app/auth.py', code: PY + 'jwt.encode(payload, os.environ["JWT_SECRET"], algorithm="HS256")\n' },
    { path: 'app/auth.py', code: PY + 'jwt.decode(token, options={"verify_signature": False})\n' },
    { name: 'a settings SECRET_KEY is python-weak-secret-key\'s', path: 'app/config.py', code: PY + 'SECRET_KEY = "dev"\n\ndef mint(p):\n    return jwt.encode(p, SECRET_KEY)\n' },
    { name: 'not PyJWT', path: 'app/codec.py', code: 'import base64\nbase64.encode(data, "secret")\n' },
    {
      name: 'an empty module constant is a placeholder filled in at start-up',
      path: 'app/tokens.py',
      code: PY + 'SIGNING_KEY = ""\n\ndef issue(claims):\n    return jwt.encode(claims, SIGNING_KEY, algorithm="HS256")\n',
    },
    {
      name: 'Authlib: the second argument of encode is the payload, not the key',
      path: 'app/tokens.py',
      code: 'from authlib.jose import jwt\nBODY = "fixed body"\nt = jwt.encode({"alg": "HS256"}, BODY, os.environ["JWT_SECRET"])\n',
    },
    {
      name: 'a parameter shares the name of a module constant: the caller\'s key is used',
      path: 'app/tokens.py',
      code: PY + 'signing_key = "local dev phrase"\n\ndef issue(claims, signing_key):\n    return jwt.encode(claims, signing_key, algorithm="HS256")\n',
    },
  ],
  invalid: [
    {
      name: 'jsonwebtoken sign with a known example secret: error',
      code: J + "const t = jwt.sign({ sub: user.id }, 'secret', { expiresIn: '1h' });\n",
      errors: [{
        messageId: 'knownDefault', line: 2, column: 38, endColumn: 46, severity: 'error',
        message: 'The JWT signing secret is a well-known example value: anyone can mint valid tokens for any user; generate a random secret and read it from the environment',
        fixes: [{
          title: 'Read the secret from the JWT_SECRET environment variable', applicability: 'unsafe',
          output: J + "const t = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });\n",
        }],
      }],
    },
    {
      name: 'a random-looking literal passed directly (no name for generic-secret to see)',
      path: 'src/auth.ts',
      code: `import * as jwt from 'jsonwebtoken';\nconst claims = jwt.verify(token, '${token(6, 32)}');\n`,
      errors: [{
        messageId: 'literal', line: 2, column: 34, endColumn: 68, severity: 'warning',
        message: /^The JWT verification secret is written in the code/,
        fixes: [{ output: "import * as jwt from 'jsonwebtoken';\nconst claims = jwt.verify(token, process.env.JWT_SECRET!);\n" }],
      }],
    },
    {
      name: 'named import and a weak const',
      code: "import { sign } from 'jsonwebtoken';\nconst key = 'my jwt key';\nexport const mint = (u) => sign({ id: u.id }, key);\n",
      errors: [{ messageId: 'literal', line: 2, column: 13, endColumn: 25 }],
    },
    {
      name: 'environment fallback',
      code: J + "jwt.sign(p, process.env.JWT_SECRET || 'changeme');\n",
      errors: [{ messageId: 'fallback', line: 2, column: 39, endColumn: 49, fixes: [{ output: J + 'jwt.sign(p, process.env.JWT_SECRET);\n' }] }],
    },
    {
      name: 'express-jwt options',
      code: "const { expressjwt } = require('express-jwt');\napp.use(expressjwt({ secret: 'shhhhhhared-secret', algorithms: ['HS256'] }));\n",
      errors: [{ messageId: 'literal', line: 2, column: 30, endColumn: 50 }],
    },
    {
      name: 'express-jwt options merged with Object.assign, secret in a let',
      code: "var jwt = require('express-jwt');\nlet secret = \"hardcode\"\nconst opts = Object.assign({ issuer: 'http://issuer' }, { secret: secret })\napp.get('/p', jwt(opts), h);\n",
      errors: [{ messageId: 'literal', line: 2, column: 14, endColumn: 24 }],
    },
    {
      name: 'passport-jwt and Nest',
      code: "const { Strategy } = require('passport-jwt');\nconst { JwtModule } = require('@nestjs/jwt');\nnew Strategy({ secretOrKey: 'super secret' }, verify);\nJwtModule.register({ secret: 'jwt-secret-key' });\n",
      errors: [{ messageId: 'knownDefault', line: 3, column: 29, endColumn: 43 }, { messageId: 'literal', line: 4, column: 30, endColumn: 46 }],
    },
    {
      name: 'passport-jwt Strategy taken off the require, key set on the options object after it is made',
      code: "const JwtStrategy = require('passport-jwt').Strategy;\nconst options = {};\noptions.jwtFromRequest = fromHeader;\noptions.secretOrKey = 'orders-service-signing';\npassport.use(new JwtStrategy(options, check));\n",
      errors: [{ messageId: 'literal', message: /^The JWT secretOrKey is written in the code/, line: 4, column: 23, endColumn: 47 }],
    },
    {
      name: 'Auth.js (next-auth) secret',
      code: "import NextAuth from 'next-auth';\nexport default NextAuth({ providers: [], secret: 'next-session-phrase' });\n",
      errors: [{ messageId: 'literal', line: 2, column: 50, endColumn: 71 }],
    },
    {
      name: 'Python: an empty key literal in the call (PyJWT, python-jose, Authlib) is an error',
      path: 'app/tokens.py',
      code: 'import jwt\nfrom authlib.jose import jwt as ajwt\na = jwt.encode(claims, "", algorithm="HS256")\nb = jwt.decode(t, key="", algorithms=["HS256"])\n',
      errors: [
        {
          messageId: 'empty', severity: 'error', line: 3, column: 24, endColumn: 26,
          message: 'The JWT signing secret is empty: anyone can compute the signature and mint valid tokens for any user; generate a random secret and read it from the environment',
          fixes: [{ output: 'import os\nimport jwt\nfrom authlib.jose import jwt as ajwt\na = jwt.encode(claims, os.environ["JWT_SECRET"], algorithm="HS256")\nb = jwt.decode(t, key="", algorithms=["HS256"])\n' }],
        },
        { messageId: 'empty', severity: 'error', line: 4, column: 23, endColumn: 25, message: /^The JWT verification secret is empty/ },
      ],
    },
    {
      name: 'Authlib: the key is the third argument of jwt.encode',
      path: 'app/tokens.py',
      code: 'from authlib.jose import jwt\nt = jwt.encode({"alg": "HS256"}, claims, "issuer signing phrase")\n',
      errors: [{ messageId: 'literal', line: 2, column: 42, endColumn: 65 }],
    },
    {
      name: 'jose SignJWT with an encoded literal',
      code: "import { SignJWT } from 'jose';\nconst t = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('my-jwt-signing-key'));\n",
      errors: [{ messageId: 'literal', line: 2, column: 104, endColumn: 124 }],
    },
    {
      name: 'PyJWT encode: import os is added',
      path: 'app/auth.py',
      code: PY + 'token = jwt.encode({"sub": user_id}, "secret", algorithm="HS256")\n',
      errors: [{
        messageId: 'knownDefault', line: 2, column: 38, endColumn: 46, severity: 'error',
        fixes: [{ output: 'import os\n' + PY + 'token = jwt.encode({"sub": user_id}, os.environ["JWT_SECRET"], algorithm="HS256")\n' }],
      }],
    },
    {
      name: 'PyJWT decode with key= and a module constant',
      path: 'app/auth.py',
      code: 'import os\nimport jwt\nSIGNING_KEY = "my app signing phrase"\n\ndef check(t):\n    return jwt.decode(t, key=SIGNING_KEY, algorithms=["HS256"])\n',
      errors: [{ messageId: 'literal', line: 3, column: 15, endColumn: 38, message: /^The JWT verification secret/ }],
    },
    {
      name: 'PyJWT encode with a key set earlier in the same function',
      path: 'app/tokens.py',
      code: PY + '\ndef issue(user):\n    key = "team signing phrase"\n    claims = {"sub": user.id}\n    return jwt.encode(claims, key, algorithm="HS256")\n',
      errors: [{ messageId: 'literal', line: 4, column: 11, endColumn: 32, message: /^The JWT signing secret/ }],
    },
  ],
});
