// Tests for config/tls-verification-disabled across JS/TS, Python, Go, .env, Dockerfile, YAML, shell and JSON.
import rule from '../../../server/src/engine/rules/config/tls-verification-disabled';
import { ruleTester } from '../../helpers/rule-tester';

const REJECT = 'Remove rejectUnauthorized: false (verify certificates)';
const ENV = 'Remove the NODE_TLS_REJECT_UNAUTHORIZED=0 setting';

ruleTester(rule, {
  path: 'src/client.ts',
  valid: [
    'const agent = new https.Agent({ rejectUnauthorized: true });',
    "const agent = new https.Agent({ rejectUnauthorized: process.env.NODE_ENV === 'production' });",
    'const opts = { rejectUnauthorized: false || strict };',
    '// const agent = new https.Agent({ rejectUnauthorized: false });',
    '/* tls.connect({ rejectUnauthorized: false }) */',
    "const help = 'pass { rejectUnauthorized: false } to accept self-signed certs';",
    'const help = `{ "rejectUnauthorized": false }`;',
    'const x = cond ? rejectUnauthorized : false;',
    "if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') console.warn('insecure');",
    "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';",
    "console.warn('Do not set NODE_TLS_REJECT_UNAUTHORIZED=0 in production');",
    'type Env = { NODE_TLS_REJECT_UNAUTHORIZED: "0" | "1" };',
    { path: 'app.py', code: 'requests.get(url, verify=True)' },
    { path: 'app.py', code: 'requests.get(url, verify=ca_bundle_path)' },
    { path: 'app.py', code: 'requests.get(url, verify=False if insecure else True)' },
    { path: 'app.py', code: 'verify = False\nif verify:\n    check()' },
    { path: 'app.py', code: 'def fetch(url, verify=False):\n    return url' },
    { path: 'app.py', code: '# requests.get(url, verify=False)\nx = "verify=False"\n' },
    { path: 'app.py', code: 'payload = jwt.decode(token, verify=False)' },
    { path: 'app.py', code: 'self.verify = False  # no requests import: some other flag' },
    { path: 'app.py', code: 'os.environ["NODE_TLS_REJECT_UNAUTHORIZED"] = "1"' },
    { path: '.env', code: 'NODE_TLS_REJECT_UNAUTHORIZED=1\n' },
    { path: '.env', code: '# NODE_TLS_REJECT_UNAUTHORIZED=0\n' },
    { path: '.env', code: 'NODE_TLS_REJECT_UNAUTHORIZED=0.5\n' },
    { path: 'Dockerfile', code: 'FROM node:20\n# ENV NODE_TLS_REJECT_UNAUTHORIZED=0\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n' },
    { path: 'docker-compose.yml', code: 'environment:\n  # NODE_TLS_REJECT_UNAUTHORIZED: "0"\n  NODE_TLS_REJECT_UNAUTHORIZED: "1"\n' },
    { path: 'config.yml', code: 'db:\n  ssl:\n    rejectUnauthorized: true\n' },
    { path: 'main.go', code: 'cfg := &tls.Config{InsecureSkipVerify: false}\n// InsecureSkipVerify: true\n' },
    { path: 'run.sh', code: 'echo ok # NODE_TLS_REJECT_UNAUTHORIZED=0\n' },
    { path: 'README.md', code: 'Set `NODE_TLS_REJECT_UNAUTHORIZED=0` only to debug.' },
  ],
  invalid: [
    {
      name: 'JS: inline property, the only one',
      path: 'src/a.js',
      code: 'const agent = new https.Agent({ rejectUnauthorized: false });\n',
      errors: [{
        messageId: 'rejectUnauthorized', line: 1, column: 33, endColumn: 58, severity: 'warning',
        fixes: [{ title: REJECT, applicability: 'safe', output: 'const agent = new https.Agent({ });\n' }],
      }],
    },
    {
      name: 'TS: property on its own line, with a comma after',
      code: 'const opts = {\n  host,\n  rejectUnauthorized: false,\n  port: 443,\n};\n',
      errors: [{
        messageId: 'rejectUnauthorized', line: 3, column: 3, endLine: 3, endColumn: 28,
        fixes: [{ output: 'const opts = {\n  host,\n  port: 443,\n};\n' }],
      }],
    },
    {
      name: 'TS: last property without a trailing comma',
      code: 'const opts = {\n  host,\n  rejectUnauthorized: false\n};\n',
      errors: [{ messageId: 'rejectUnauthorized', line: 3, column: 3, fixes: [{ output: 'const opts = {\n  host\n};\n' }] }],
    },
    {
      name: 'TS: last inline property',
      code: 'tls.connect({ host, rejectUnauthorized: false });',
      errors: [{ messageId: 'rejectUnauthorized', column: 21, endColumn: 46, fixes: [{ output: 'tls.connect({ host });' }] }],
    },
    {
      name: 'TS: a comment between the property and its comma goes with it',
      code: 'tls.connect({ rejectUnauthorized: false /* dev */, host });',
      errors: [{ messageId: 'rejectUnauthorized', column: 15, fixes: [{ output: 'tls.connect({ host });' }] }],
    },
    {
      name: 'TS: quoted key',
      code: "const o = { 'rejectUnauthorized': false, ca };",
      errors: [{ messageId: 'rejectUnauthorized', column: 13, endColumn: 40, fixes: [{ output: 'const o = { ca };' }] }],
    },
    {
      name: 'TS: inside a template expression',
      code: 'const s = `${fetch(u, { agent: new Agent({ rejectUnauthorized: false }) })}`;',
      errors: [{ messageId: 'rejectUnauthorized', column: 44, fixes: [{ output: 'const s = `${fetch(u, { agent: new Agent({ }) })}`;' }] }],
    },
    {
      name: 'TS: assignment to an options property (no fix)',
      code: 'agent.options.rejectUnauthorized = false;',
      errors: [{ messageId: 'rejectUnauthorized', column: 15, endColumn: 41, fixes: [] }],
    },
    {
      name: 'TS: process.env assignment on its own line',
      code: "import x from 'x';\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\nrun();\n",
      errors: [{
        messageId: 'nodeTlsEnv', line: 2, column: 1, endColumn: 47, severity: 'error',
        fixes: [{ title: ENV, applicability: 'safe', output: "import x from 'x';\nrun();\n" }],
      }],
    },
    {
      name: 'JS: bracket form with a number, no semicolon',
      path: 'src/a.js',
      code: 'process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = 0\nmain()\n',
      errors: [{ messageId: 'nodeTlsEnv', column: 1, endColumn: 48, fixes: [{ output: 'main()\n' }] }],
    },
    {
      name: 'TS: process.env assignment as a braceless if body (no fix)',
      code: "if (dev)\n  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\nrun();\n",
      errors: [{ messageId: 'nodeTlsEnv', line: 2, column: 3, fixes: [] }],
    },
    {
      name: 'TS: env object for a child process',
      code: "spawn('node', ['a.js'], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } });",
      errors: [{
        messageId: 'nodeTlsEnv', column: 50, endColumn: 83,
        fixes: [{ output: "spawn('node', ['a.js'], { env: { ...process.env } });" }],
      }],
    },
    {
      name: 'Python: verify=False as the last argument',
      path: 'app.py',
      code: 'import requests\nr = requests.get(url, verify=False)\n',
      errors: [{
        messageId: 'verifyFalse', message: 'verify=False turns off TLS certificate verification; these requests accept any certificate',
        line: 2, column: 23, endColumn: 35,
        fixes: [{ title: 'Remove verify=False (verify certificates)', applicability: 'safe', output: 'import requests\nr = requests.get(url)\n' }],
      }],
    },
    {
      name: 'Python: verify=False first, with a comma after',
      path: 'app.py',
      code: 'client = httpx.Client(verify=False, timeout=3)\n',
      errors: [{ messageId: 'verifyFalse', column: 23, endColumn: 35, fixes: [{ output: 'client = httpx.Client(timeout=3)\n' }] }],
    },
    {
      name: 'Python: multi-line call',
      path: 'app.py',
      code: 'r = requests.post(\n    url,\n    json=body,\n    verify=False,\n)\n',
      errors: [{ messageId: 'verifyFalse', line: 4, column: 5, fixes: [{ output: 'r = requests.post(\n    url,\n    json=body,\n)\n' }] }],
    },
    {
      name: 'Python: sole argument, spaces around =',
      path: 'app.py',
      code: 'session.get(verify = False)\n',
      errors: [{ messageId: 'verifyFalse', column: 13, endColumn: 27, fixes: [{ output: 'session.get()\n' }] }],
    },
    {
      name: 'Python: aiohttp verify_ssl',
      path: 'app.py',
      code: 'conn = aiohttp.TCPConnector(limit=10, verify_ssl=False)\n',
      errors: [{ messageId: 'verifyFalse', message: /^verify_ssl=False/, column: 39, fixes: [{ output: 'conn = aiohttp.TCPConnector(limit=10)\n' }] }],
    },
    {
      name: 'Python: a requests session attribute (no fix)',
      path: 'app.py',
      code: 'import requests\ns = requests.Session()\ns.verify = False\n',
      errors: [{ messageId: 'verifyFalse', line: 3, column: 3, endColumn: 17, fixes: [] }],
    },
    {
      name: 'Python: os.environ assignment',
      path: 'app.py',
      code: 'import os\nos.environ["NODE_TLS_REJECT_UNAUTHORIZED"] = "0"\nmain()\n',
      errors: [{ messageId: 'nodeTlsEnv', line: 2, column: 1, endColumn: 49, severity: 'error', fixes: [{ output: 'import os\nmain()\n' }] }],
    },
    {
      name: 'Python: os.environ assignment alone in a block (no fix: it would leave the block empty)',
      path: 'app.py',
      code: 'if dev:\n    os.environ["NODE_TLS_REJECT_UNAUTHORIZED"] = "0"\nmain()\n',
      errors: [{ messageId: 'nodeTlsEnv', line: 2, column: 5, fixes: [] }],
    },
    {
      name: '.env: the line goes',
      path: '.env',
      code: 'PORT=3000\nNODE_TLS_REJECT_UNAUTHORIZED=0\nDEBUG=1\n',
      errors: [{
        messageId: 'nodeTlsEnv', line: 2, column: 1, endColumn: 31, severity: 'warning',
        fixes: [{ title: ENV, applicability: 'safe', output: 'PORT=3000\nDEBUG=1\n' }],
      }],
    },
    {
      name: '.env: export, quotes, last line without newline, CRLF',
      path: '.env.local',
      code: 'PORT=3000\r\nexport NODE_TLS_REJECT_UNAUTHORIZED="0"',
      errors: [{ messageId: 'nodeTlsEnv', line: 2, column: 8, endColumn: 40, fixes: [{ output: 'PORT=3000' }] }],
    },
    {
      name: 'Dockerfile: ENV K=V and ENV K V lines go; a multi-variable ENV and RUN have no fix',
      path: 'Dockerfile',
      code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nENV NODE_TLS_REJECT_UNAUTHORIZED 0\nENV A=1 NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\n',
      errors: [
        {
          messageId: 'nodeTlsEnv', line: 2, column: 5, endColumn: 35, severity: 'error',
          fixes: [{ output: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED 0\nENV A=1 NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\n' }],
        },
        {
          messageId: 'nodeTlsEnv', line: 3, column: 5, endColumn: 35, severity: 'error',
          fixes: [{ output: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nENV A=1 NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\n' }],
        },
        { messageId: 'nodeTlsEnv', line: 4, column: 9, severity: 'error', fixes: [] },
        { messageId: 'nodeTlsEnv', line: 5, column: 5, severity: 'warning', fixes: [] },
      ],
    },
    {
      name: 'YAML: compose map, list and Kubernetes forms; rejectUnauthorized keys',
      path: 'deploy/docker-compose.yml',
      code: [
        'services:',
        '  app:',
        '    environment:',
        '      NODE_TLS_REJECT_UNAUTHORIZED: "0"',
        '      - NODE_TLS_REJECT_UNAUTHORIZED=0',
        '      - name: NODE_TLS_REJECT_UNAUTHORIZED',
        "        value: '0'",
        '    db:',
        '      ssl: { rejectUnauthorized: false }',
        '      rejectUnauthorized: false # dev only',
        '',
      ].join('\n'),
      errors: [
        { messageId: 'nodeTlsEnv', line: 4, column: 7, endColumn: 40, fixes: [] },
        { messageId: 'nodeTlsEnv', line: 5, column: 9, endColumn: 39, fixes: [] },
        { messageId: 'nodeTlsEnv', line: 6, column: 15, endLine: 7, endColumn: 19, fixes: [] },
        { messageId: 'rejectUnauthorized', line: 9, column: 14, endColumn: 39, fixes: [] },
        { messageId: 'rejectUnauthorized', line: 10, column: 7, endColumn: 32, fixes: [] },
      ],
    },
    {
      name: 'shell: export',
      path: 'scripts/dev.sh',
      code: '#!/bin/sh\nexport NODE_TLS_REJECT_UNAUTHORIZED=0\nnode server.js\n',
      errors: [{ messageId: 'nodeTlsEnv', line: 2, column: 8, endColumn: 38, fixes: [] }],
    },
    {
      name: 'JSON: a package.json script and a config property',
      path: 'package.json',
      code: '{\n  "scripts": { "dev": "NODE_TLS_REJECT_UNAUTHORIZED=0 node a.js" },\n  "db": { "ssl": { "ca": "x", "rejectUnauthorized": false } }\n}\n',
      errors: [
        { messageId: 'nodeTlsEnv', line: 2, column: 24, endColumn: 54, fixes: [] },
        {
          messageId: 'rejectUnauthorized', line: 3, column: 31, endColumn: 58,
          fixes: [{ output: '{\n  "scripts": { "dev": "NODE_TLS_REJECT_UNAUTHORIZED=0 node a.js" },\n  "db": { "ssl": { "ca": "x" } }\n}\n' }],
        },
      ],
    },
    {
      name: 'Go: InsecureSkipVerify in a multi-line and an inline tls.Config',
      path: 'client.go',
      code: 'cfg := &tls.Config{\n\tMinVersion: tls.VersionTLS12,\n\tInsecureSkipVerify: true,\n}\nc := &tls.Config{InsecureSkipVerify: true}\n',
      errors: [
        {
          messageId: 'insecureSkipVerify', line: 3, column: 2, endColumn: 26,
          fixes: [{ output: 'cfg := &tls.Config{\n\tMinVersion: tls.VersionTLS12,\n}\nc := &tls.Config{InsecureSkipVerify: true}\n' }],
        },
        {
          messageId: 'insecureSkipVerify', line: 5, column: 18, endColumn: 42,
          fixes: [{ output: 'cfg := &tls.Config{\n\tMinVersion: tls.VersionTLS12,\n\tInsecureSkipVerify: true,\n}\nc := &tls.Config{}\n' }],
        },
      ],
    },
  ],
});
