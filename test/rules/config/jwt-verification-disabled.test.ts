// Tests for config/jwt-verification-disabled: JWTs decoded without signature or expiry checks.
import rule from '../../../server/src/engine/rules/config/jwt-verification-disabled';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: 'app/auth.py',
  valid: [
    'import jwt\nclaims = jwt.decode(token, key, algorithms=["HS256"])\n',
    'import jwt\nclaims = jwt.decode(token, key, algorithms=["HS256"], options={"verify_signature": True, "verify_aud": False})\n',
    'import jwt\nheader = jwt.get_unverified_header(token)\n',
    {
      name: 'an unverified peek at the issuer, then the same token verified with a key in the same function',
      code: 'import jwt\n\ndef check(tok, keys):\n    peek = jwt.decode(tok, options={"verify_signature": False})\n    key = keys.for_issuer(peek["iss"])\n    return jwt.decode(tok, key, algorithms=["RS256"])\n',
    },
    { name: 'TLS verify=False is another rule\'s', code: 'import requests\nrequests.get(url, verify=False)\n' },
    { name: 'no JWT import', code: 'import codec\ncodec.decode(data, options={"verify_signature": False})\n' },
    '# jwt.decode(token, options={"verify_signature": False})\nimport jwt\n',
    { name: 'a test file', path: 'tests/test_auth.py', code: 'import jwt\njwt.decode(t, options={"verify_signature": False})\n' },
    {
      name: 'options set in a branch: the value at the call is not known',
      code: 'import jwt\n\ndef read(token, key, debug):\n    if debug:\n        opts = {"verify_signature": False}\n    else:\n        opts = {}\n    return jwt.decode(token, key, options=opts)\n',
    },
    {
      name: 'an options variable that keeps verification on, or is the caller\'s',
      code: 'import jwt\nSTRICT = {"verify_signature": True, "require": ["exp"]}\n\ndef read(token, key, opts):\n    jwt.decode(token, key, algorithms=["HS256"], options=STRICT)\n    return jwt.decode(token, key, algorithms=["HS256"], options=opts)\n',
    },
    { path: 'src/auth.js', code: "const jwt = require('jsonwebtoken');\njwt.verify(token, key, { ignoreExpiration: false });\n" },
    { path: 'src/auth.js', code: "const jwt = require('jwt-simple');\njwt.decode(token, key);\n" },
  ],
  invalid: [
    {
      name: 'the later decode is of another token, in another function, or also unverified',
      code: 'import jwt\n\ndef a(tok, other, key):\n    c = jwt.decode(tok, options={"verify_signature": False})\n    jwt.decode(other, key, algorithms=["HS256"])\n    return c\n\ndef b(tok):\n    c = jwt.decode(tok, options={"verify_signature": False})\n    return jwt.decode(tok, options={"verify_signature": False})\n\ndef c(tok, key):\n    return jwt.decode(tok, options={"verify_signature": False})\n\ndef d(tok, key):\n    return jwt.decode(tok, key, algorithms=["HS256"])\n',
      errors: [
        { messageId: 'signature', line: 4, column: 34 },
        { messageId: 'signature', line: 9, column: 34 },
        { messageId: 'signature', line: 10, column: 37 },
        { messageId: 'signature', line: 13, column: 37 },
      ],
    },
    {
      name: 'PyJWT 2 options',
      code: 'import jwt\nclaims = jwt.decode(token, options={"verify_signature": False})\n',
      errors: [{
        messageId: 'signature', line: 2, column: 37, endColumn: 62, severity: 'warning',
        message: '"verify_signature": False skips the signature check: the claims are whatever the client wrote; verify the token before trusting them',
      }],
    },
    {
      name: 'python-jose, expiry off',
      code: 'from jose import jwt\nclaims = jwt.decode(token, key, algorithms=["HS256"], options={"verify_exp": False})\n',
      errors: [{ messageId: 'expiry', line: 2, column: 64, endColumn: 83, message: '"verify_exp": False accepts expired tokens, so a leaked or revoked token works forever' }],
    },
    {
      name: 'PyJWT options dict kept in a variable, used twice, reported once',
      code: 'import jwt\n\ndef peek(token):\n    opts = {"verify_signature": False}\n    kid = jwt.decode(token, options=opts)["kid"]\n    return kid, jwt.decode(token, options=opts)\n',
      errors: [{ messageId: 'signature', line: 4, column: 13, endColumn: 38 }],
    },
    {
      name: 'the options assignment that reaches the call counts, not a later one',
      code: 'import jwt\n\ndef peek(token, key):\n    opts = {"verify_signature": False}\n    header = jwt.decode(token, key, options=opts)\n    opts = {"verify_signature": True}\n    return header, jwt.decode(token, key, options=opts)\n',
      errors: [{ messageId: 'signature', line: 4, column: 13, endColumn: 38 }],
    },
    {
      name: 'PyJWT 1 verify=False',
      code: 'import jwt\nuser = jwt.decode(request.headers["X-Token"], verify=False)["sub"]\n',
      errors: [{ messageId: 'signature', line: 2, column: 47, endColumn: 59 }],
    },
    {
      name: 'jsonwebtoken ignoreExpiration',
      path: 'src/auth.js',
      code: "const jwt = require('jsonwebtoken');\njwt.verify(token, key, { algorithms: ['HS256'], ignoreExpiration: true });\n",
      errors: [{ messageId: 'expiry', line: 2, column: 49, endColumn: 71 }],
    },
    {
      name: 'jwt-simple noVerify',
      path: 'src/auth.ts',
      code: "import jwt from 'jwt-simple';\nconst claims = jwt.decode(token, secret, true);\n",
      errors: [{ messageId: 'signature', line: 2, column: 42, endColumn: 46 }],
    },
  ],
});
