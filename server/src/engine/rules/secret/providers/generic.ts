// Provider-neutral credential shapes: JWTs, PEM private keys, passwords in URLs, literal Authorization headers.
import type { ProviderSpec } from '../provider';
import { ALPHABETS, sampleSecret } from '../samples';
import { decodeBase64, decodeJsonSegment, isExampleHost, isPrintable, PLACEHOLDER_WORDS } from './checks';
import { pemBody, realKeyBody } from './cloud';

const url = (n: number, seed: number): string => sampleSecret(ALPHABETS.base64url, n, seed);
const alnum = (n: number, seed: number): string => sampleSecret(ALPHABETS.alnum, n, seed);
const b64url = (s: string): string => btoa(s).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

const jwt = (seed: number, header: object = { alg: 'HS256', typ: 'JWT' }, payload: object = { sub: `user-${seed}`, iat: 1700000000 + seed }): string =>
  `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${url(43, 1200 + seed)}`;

const REGISTERED_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'role', 'scope', 'client_id', 'azp'];

export const jwtToken: ProviderSpec = {
  id: 'secret/jwt',
  label: 'JSON Web Token',
  description: 'JSON Web Token (a signed bearer credential) hardcoded in source or configuration',
  regex: /(?<![\w.-])(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*)(?![\w.-])/,
  keywords: ['eyj'],
  severity: 'warning',
  cwe: 'CWE-798',
  publicPrefix: /^eyJ[A-Za-z0-9_-]*\./,
  validate: (secret) => {
    const [h, p, sig] = secret.split('.');
    const header = decodeJsonSegment(h);
    const payload = decodeJsonSegment(p);
    if (!header || !payload || typeof header.alg !== 'string') return false;
    // jwt.io's and RFC 7519's example tokens (subject 1234567890, "John Doe") are everywhere in docs and tests.
    if (payload.sub === '1234567890' || payload.name === 'John Doe' || payload.iss === 'joe') return false;
    // Real tokens carry registered claims; `{"some": "payload"}` is a library's README.
    if (!REGISTERED_CLAIMS.some((c) => c in payload)) return false;
    // An unsigned token (alg none) is still a bearer credential for servers that accept it; a signed one needs a signature.
    return header.alg.toLowerCase() === 'none' || sig.length >= 16;
  },
  samples: {
    tp: () => [`const token = "${jwt(1)}";`, `Authorization: Bearer ${jwt(2, { alg: 'RS256', kid: 'k1' })}`, `token=${jwt(3, { alg: 'none' }).replace(/[^.]+$/, '')}`],
    fp: () => [
      `const token = "${jwt(4, { alg: 'HS256' }, { sub: '1234567890', name: 'John Doe', iat: 1516239022 })}";`,
      `const token = "${jwt(5, { typ: 'JWT' })}";`,
      `const token = "${jwt(6).slice(0, 30)}";`,
      `const token = "eyJ${alnum(30, 1210)}.eyJ${alnum(40, 1211)}.${url(43, 1212)}";`,
      `const token = "${jwt(7).replace(/[^.]+$/, 'ab')}";`,
      `encoded = "${jwt(8, { alg: 'HS256', typ: 'JWT' }, { some: 'payload' })}"`,
    ],
  },
  help: 'A JWT is accepted by its audience until it expires, and long-lived service tokens often never do. Do not commit real tokens; mint them at run time or read them from the environment.',
};

const pem = (label: string, seed: number, lines = 12, sep = '\n'): string =>
  `-----BEGIN ${label}-----${sep}${pemBody(1300 + seed, lines, sep)}${sep}-----END ${label}-----`;

export const privateKey: ProviderSpec = {
  id: 'secret/private-key',
  label: 'Private key',
  description: 'PEM private key block (RSA, EC, DSA, OpenSSH, PGP, PKCS#8) with a real body committed to the repository',
  regex: /(-----BEGIN ((?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?)-----[\s\S]{64,16000}?-----END \2-----)/,
  keywords: ['private key'],
  severity: 'error',
  cwe: 'CWE-321',
  envName: 'PRIVATE_KEY',
  publicPrefix: /^-----BEGIN [A-Z ]*PRIVATE KEY(?: BLOCK)?-----/,
  validate: (secret, at) => {
    const body = secret.replace(/^-----BEGIN[^\n]*?-----/, '').replace(/-----END[^\n]*?-----$/, '');
    if (!realKeyBody(body)) return false;
    // Escaped inside a service account JSON: secret/gcp-service-account-key reports it with better advice.
    return !(body.includes('\\n') && at.text.slice(Math.max(0, at.start - 4000), at.start).includes('service_account'));
  },
  samples: {
    tp: () => [
      pem('RSA PRIVATE KEY', 1),
      `const key = "${pem('PRIVATE KEY', 2, 10, '\\n')}";`,
      pem('OPENSSH PRIVATE KEY', 3, 6),
      pem('EC PRIVATE KEY', 4, 3).replace('-----\n', '-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,' + alnum(32, 1310) + '\n\n'),
    ],
    fp: () => [
      '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC...\n-----END PRIVATE KEY-----',
      `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(64)}\n${'A'.repeat(64)}\n-----END PRIVATE KEY-----`,
      `-----BEGIN PRIVATE KEY-----\n<your key here>\n${pemBody(1320, 1, '\n')}\n-----END PRIVATE KEY-----`,
      pem('PUBLIC KEY', 5),
      `const re = /-----BEGIN PRIVATE KEY-----[\\s\\S]+?-----END PRIVATE KEY-----/;`,
    ],
  },
  help: 'A private key signs or decrypts as its owner (TLS server, SSH user, JWT issuer, package signer). Keep keys in a secret manager or files outside the repository, and replace an exposed key: removing it from the code does not remove it from the history.',
};

/** Passwords people put in example URLs and local setups. */
const WEAK_PASSWORDS = new Set([
  'pass', 'password', 'passwd', 'pwd', 'secret', 'changeme', 'admin', 'root', 'guest', 'test', 'postgres', 'mysql',
  'redis', 'user', 'username', 'pw', 'foo', 'bar', 'foobar', 'example', 'mypassword', 'yourpassword', 'x', 'xxx', 'token',
]);

const credUrl = (scheme: string, user: string, pass: string, host: string): string => `${scheme}://${user}:${pass}@${host}`;

export const urlCredentials: ProviderSpec = {
  id: 'secret/url-credentials',
  label: 'Password in a URL',
  description: 'Password embedded in a URL (`scheme://user:password@host`): database, broker and HTTP connection strings',
  regex: /(?<![\w+.-])[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/?#@'"`<>{}$\\]{1,128}:([^\s/?#@'"`<>{}$\\[\]]{1,256})@[A-Za-z0-9[]/i,
  keywords: ['://'],
  severity: 'error',
  cwe: 'CWE-798',
  allowlist: { stopwords: PLACEHOLDER_WORDS },
  deferToProviders: true,
  validate: (secret, at) => {
    if (WEAK_PASSWORDS.has(secret.toLowerCase()) || /^%[\w(]|^\*+$|^[.…]+$/.test(secret)) return false;
    const userStart = at.text.lastIndexOf('//', at.start) + 2;
    const user = at.text.slice(userStart, at.start - 1);
    if (user.toLowerCase() === secret.toLowerCase() || /^(?:user(?:name)?|my_?user|your_?user(?:name)?|login|name)$/i.test(user)) return false;
    const host = /^[^\s/:?#'"`<>]+/.exec(at.text.slice(at.end + 1))?.[0] ?? '';
    return !isExampleHost(host.replace(/^\[|\]$/g, ''));
  },
  samples: {
    tp: () => [
      `DATABASE_URL=${credUrl('postgres', 'app', alnum(20, 1400), 'db.internal.corp.net:5432/app')}`,
      `const uri = "${credUrl('mongodb+srv', 'svc', alnum(16, 1401), 'cluster0.ab1cd.mongodb.net/db')}";`,
      `broker_url = '${credUrl('amqp', 'worker', url(12, 1402), 'mq.prod.acme.io:5672//')}'`,
      `REDIS_URL=${credUrl('redis', 'default', alnum(24, 1403), 'redis-123.c1.cloud.redislabs.com:16379')}`,
      `pip install --index-url ${credUrl('https', 'deploy', alnum(18, 1404), 'pypi.acme.io/simple')} pkg`,
    ],
    fp: () => [
      `DATABASE_URL=${credUrl('postgres', 'user', 'password', 'db.acme.io/app')}`,
      `DATABASE_URL=${credUrl('postgres', 'app', '${DB_PASSWORD}', 'db.acme.io/app')}`,
      `DATABASE_URL=${credUrl('postgres', 'app', '<password>', 'db.acme.io/app')}`,
      'DATABASE_URL=postgres://app:@db.acme.io/app',
      `DATABASE_URL=${credUrl('mysql', 'app', '****', 'db.acme.io/app')}`,
      `DATABASE_URL=${credUrl('postgres', 'app', alnum(20, 1405), 'example.com/app')}`,
      `DATABASE_URL=${credUrl('postgres', 'app', alnum(20, 1406), 'localhost:5432/app')}`,
      `DATABASE_URL=${credUrl('postgres', 'app', alnum(20, 1408), '127.0.0.1:5432/app')}`,
      `AMQP_URL=${credUrl('amqp', 'app', alnum(20, 1409), 'host.docker.internal:5672')}`,
      `const u = \`postgres://\${user}:\${pass}@\${host}/db\`;`,
      `REDIS_URL=${credUrl('redis', 'postgres', 'postgres', 'db.acme.io')}`,
      `conn = "${credUrl('mysql', 'root', '%s', '%s:3306')}"`,
      `pip install --index-url ${credUrl('https', 'user', 'he%2F%2Fo', 'pypi.company.com/simple')}`,
      `REDIS_URL=${credUrl('redis', 'user', alnum(16, 1407), 'cache.acme.io')}`,
    ],
  },
  help: 'A password in a connection string is readable by everyone with the code. Keep the whole URL in the environment (DATABASE_URL, REDIS_URL) or a secret manager, and rotate the exposed password.',
};

const basic = (user: string, pass: string): string => btoa(`${user}:${pass}`);

export const authorizationHeader: ProviderSpec = {
  id: 'secret/authorization-header',
  label: 'Authorization header credential',
  description: 'Literal credential in an `Authorization: Bearer …` or `Basic …` header (not a variable or placeholder)',
  regex: /authorization["'`]?\s*[:=,]\s*["'`]?(?:bearer|basic|token)\s+([A-Za-z0-9._~+/-]{16,}={0,2})(?![\w.~+/=-])/i,
  keywords: ['authorization'],
  minEntropy: 3.3,
  severity: 'error',
  cwe: 'CWE-798',
  allowlist: { stopwords: PLACEHOLDER_WORDS },
  deferToProviders: true,
  validate: (secret, at) => {
    // RFCs and library docs introduce their sample requests with "For example:".
    if (at.text.slice(Math.max(0, at.start - 400), at.start).toLowerCase().includes('example')) return false;
    if (/basic\s+$/i.test(at.text.slice(Math.max(0, at.start - 12), at.start))) {
      const pair = decodeBase64(secret);
      if (!pair || !isPrintable(pair)) return false;
      const colon = pair.indexOf(':');
      const pass = pair.slice(colon + 1);
      return colon > 0 && pass.length >= 6 && !WEAK_PASSWORDS.has(pass.toLowerCase()) && !PLACEHOLDER_WORDS.some((w) => pass.toLowerCase().includes(w));
    }
    return /\d/.test(secret) && /[A-Za-z]/.test(secret);
  },
  samples: {
    tp: () => [
      `curl -H "Authorization: Bearer ${alnum(40, 1500)}" https://api.acme.io/v1/items`,
      `headers = {"Authorization": "Basic ${basic('deploy', alnum(16, 1501))}"}`,
      `fetch(url, { headers: { Authorization: 'Bearer ${url(32, 1502)}' } });`,
      `Authorization: token ${alnum(40, 1503)}`,
    ],
    fp: () => [
      'headers: { Authorization: `Bearer ${token}` }',
      'curl -H "Authorization: Bearer <token>" https://api.acme.io',
      'curl -H "Authorization: Bearer $API_TOKEN" https://api.acme.io',
      `headers = {"Authorization": "Basic ${basic('user', 'password')}"}`,
      'Authorization: Bearer YOUR_ACCESS_TOKEN_HERE',
      `headers = {"Authorization": "Bearer " + token}`,
      `Authorization: Bearer ${'abcdefghijklmnopqrstuvwxyz'}`,
      `Authorization: Basic ${btoa(alnum(12, 1504))}`,
      `For example:\n\n    POST /token HTTP/1.1\n    Authorization: Basic ${basic('s6Bh' + alnum(6, 1505), alnum(10, 1506))}`,
    ],
  },
  help: 'A literal bearer token or Basic credential in code is usable by anyone who reads it. Build the header from a value read from the environment or a secret store at run time.',
};
