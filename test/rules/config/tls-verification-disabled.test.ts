// Tests for config/tls-verification-disabled across JS/TS, Python, Go, Java, Kotlin, C#, PHP, Ruby, .env, Dockerfile, YAML, shell and JSON.
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
    {
      name: 'Go: websocket.AcceptOptions InsecureSkipVerify is the Origin check, not TLS',
      path: 'hub.go',
      code: 'c, err := websocket.Accept(w, r, &websocket.AcceptOptions{\n\tInsecureSkipVerify: true,\n})\n',
    },
    {
      name: 'Python: urllib3 cert_reqs None is its verifying default, required stays required',
      path: 'pool.py',
      code: "pool = urllib3.proxy_from_url(proxy, cert_reqs=None)\nhttp = urllib3.PoolManager(cert_reqs='CERT_REQUIRED')\nr = redis.Redis(ssl=True, ssl_cert_reqs='required')\n",
    },
    {
      name: 'Go: the default check skipped for a VerifyConnection callback that verifies the chain itself',
      path: 'dial.go',
      code: 'conf := &tls.Config{\n\tServerName: host,\n\tInsecureSkipVerify: true,\n\tVerifyConnection: func(cs tls.ConnectionState) error {\n\t\topts := x509.VerifyOptions{Roots: pool, Intermediates: x509.NewCertPool()}\n\t\tfor _, c := range cs.PeerCertificates[1:] {\n\t\t\topts.Intermediates.AddCert(c)\n\t\t}\n\t\t_, err := cs.PeerCertificates[0].Verify(opts)\n\t\treturn err\n\t},\n}\n',
    },
    {
      name: 'Go: InsecureSkipVerify set next to VerifyPeerCertificate on the same config',
      path: 'pin.go',
      code: 'cfg := tlsConfig.Clone()\ncfg.InsecureSkipVerify = true\ncfg.VerifyPeerCertificate = verifyPinned(fingerprint)\n',
    },
    { path: 'run.sh', code: 'echo ok # NODE_TLS_REJECT_UNAUTHORIZED=0\n' },
    { path: 'README.md', code: 'Set `NODE_TLS_REJECT_UNAUTHORIZED=0` only to debug.' },
    { name: 'Python: CERT_NONE chosen by a caller flag', path: 'http/conn.py', code: 'import ssl\nctx.verify_mode = ssl.CERT_NONE if disable_validation else ssl.CERT_REQUIRED\n' },
    { path: 'app.py', code: 'if ctx.verify_mode == ssl.CERT_NONE:\n    warn()\nMODES = {"none": ssl.CERT_NONE}\n# ctx.verify_mode = ssl.CERT_NONE\n' },
    { path: 'app.py', code: 'x = "ctx.check_hostname = False"\nif ctx.check_hostname == False:\n    pass\nctx.check_hostname = True\n' },
    { path: 'app.py', code: 'ctx = ssl.create_default_context()\nctx.verify_mode = ssl.CERT_REQUIRED\n' },
    { path: 'T.java', code: 'class T implements X509TrustManager {\n  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {\n    delegate.checkServerTrusted(chain, authType);\n  }\n  public void checkClientTrusted(X509Certificate[] c, String a) {}\n}\n' },
    { path: 'H.java', code: 'class H {\n  public boolean verify(String hostname, SSLSession session) { return hostname.equals(expected); }\n  // .setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE)\n  String s = "ALLOW_ALL_HOSTNAME_VERIFIER";\n}\n' },
    { path: 'H.java', code: 'import org.apache.http.conn.ssl.NoopHostnameVerifier;\nclass H { HostnameVerifier v = new DefaultHostnameVerifier(); }\n' },
    { path: 'a.php', code: '<?php\ncurl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);\ncurl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2);\n// curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);\n# CURLOPT_SSL_VERIFYPEER => false\n$s = "CURLOPT_SSL_VERIFYPEER => false";\n$c = new Client([\'verify\' => $caPath]);\n' },
    { path: 'a.rb', code: '# http.verify_mode = OpenSSL::SSL::VERIFY_NONE\nwarn "VERIFY_NONE is insecure" if mode == OpenSSL::SSL::VERIFY_NONE\nhttp.verify_mode = OpenSSL::SSL::VERIFY_PEER\n=begin\nOpenSSL::SSL::VERIFY_NONE\n=end\n' },
    { path: 'a.rb', code: 'token = JWT.decode(t, key, true, verify: false)\n' },
    {
      name: 'Go: InsecureSkipVerify set only inside an if on a verification option (the same as passing the option through)',
      path: 'client.go',
      code: 'func newClient(o Options) *http.Client {\n\tcfg := &tls.Config{}\n\tif o.SkipTLSVerify {\n\t\tcfg.InsecureSkipVerify = true\n\t}\n\ttr := &http.Transport{}\n\tif !o.VerifyServer {\n\t\ttr.TLSClientConfig = &tls.Config{\n\t\t\tInsecureSkipVerify: true,\n\t\t}\n\t}\n\treturn &http.Client{Transport: tr}\n}\n',
    },
    {
      name: 'JS: a variable that is reassigned, or is not a declared false, is left alone; !false verifies',
      path: 'src/agent.js',
      code: 'let lax = false;\nlax = readFlag();\nconst a = new https.Agent({ rejectUnauthorized: lax });\nconst b = new https.Agent({ rejectUnauthorized: fromConfig });\nconst c = new https.Agent({ rejectUnauthorized: !false });\n',
    },
    {
      name: 'JS: a same-named parameter shadows the module flag',
      path: 'src/agent.js',
      code: 'const strictTls = false;\nfunction agent(strictTls) {\n  return new https.Agent({ rejectUnauthorized: strictTls });\n}\n',
    },
    {
      name: 'Ruby: JWT.decode verify keyword in a file that also uses HTTParty',
      path: 'lib/api.rb',
      code: 'class Api\n  include HTTParty\nend\nclaims = JWT.decode(token, key, true, verify: false)\nApi.get("/me", verify: true)\n',
    },
    { path: 'app.py', code: 'requests.get(url, verify=0.5)\nrun(verify_certs=10)\n' },
    {
      name: 'C#: callbacks that look at the errors, a method that checks, a lambda that is not a certificate callback',
      path: 'src/Net/Client.cs',
      code: 'class Client {\n  void Setup(HttpClientHandler h) {\n    h.ServerCertificateCustomValidationCallback = (req, cert, chain, errors) => errors == SslPolicyErrors.None;\n    ServicePointManager.ServerCertificateValidationCallback = CheckPinned;\n    Func<int, int, int, int, bool> any = (a, b, c, d) => true;\n    // ServicePointManager.ServerCertificateValidationCallback += delegate { return true; };\n  }\n  static bool CheckPinned(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) { return c.GetCertHashString() == Pin; }\n}\n',
    },
    {
      name: 'Android: onReceivedSslError that decides (a pinned check, a dialog, cancel)',
      path: 'app/src/main/java/com/shop/Web.java',
      code: 'class Pinned extends WebViewClient {\n  @Override\n  public void onReceivedSslError(WebView v, SslErrorHandler h, SslError e) {\n    if (pins.matches(e.getCertificate())) h.proceed(); else h.cancel();\n  }\n}\nclass Ask extends WebViewClient {\n  public void onReceivedSslError(WebView v, SslErrorHandler h, SslError e) {\n    confirm(() -> h.proceed());\n  }\n}\nclass Stop extends WebViewClient {\n  public void onReceivedSslError(WebView v, SslErrorHandler h, SslError e) {\n    // h.proceed();\n    h.cancel();\n  }\n}\n',
    },
    'tls.connect({ host, checkServerIdentity: (h, c) => tls.checkServerIdentity(h, c) });',
    "const note = 'checkServerIdentity: () => undefined';",
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
      name: 'Go: InsecureSkipVerify assigned on a transport; a callback on another config does not count',
      path: 'transport.go',
      code: 'tr := http.DefaultTransport.(*http.Transport).Clone()\ntr.TLSClientConfig.InsecureSkipVerify = true\nother.VerifyPeerCertificate = check\n',
      errors: [{ messageId: 'insecureSkipVerify', line: 2, column: 20, endColumn: 45 }],
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
    {
      name: 'Python: ssl._create_unverified_context() call',
      path: 'app.py',
      code: 'import ssl\nctx = ssl._create_unverified_context()\n',
      errors: [{
        messageId: 'unverifiedContext', line: 2, column: 7, endColumn: 37,
        fixes: [{ title: 'Use ssl.create_default_context() (verifies certificates)', applicability: 'unsafe', output: 'import ssl\nctx = ssl.create_default_context()\n' }],
      }],
    },
    {
      name: 'Python: the process-wide monkeypatch line goes',
      path: 'app.py',
      code: 'import ssl\nssl._create_default_https_context = ssl._create_unverified_context\nmain()\n',
      errors: [{ messageId: 'unverifiedContext', line: 2, column: 37, endColumn: 67, fixes: [{ applicability: 'safe', output: 'import ssl\nmain()\n' }] }],
    },
    {
      name: 'Python: check_hostname = False (no fix) and verify_mode = CERT_NONE',
      path: 'app.py',
      code: 'ctx = ssl.create_default_context()\nctx.check_hostname = False\nctx.verify_mode = ssl.CERT_NONE\n',
      errors: [
        { messageId: 'checkHostname', message: 'check_hostname = False turns off the TLS hostname check; a certificate for any host is accepted', line: 2, column: 5, endColumn: 27, fixes: [] },
        {
          messageId: 'certNone', line: 3, column: 5, endColumn: 32,
          fixes: [{ title: 'Require a valid certificate (CERT_REQUIRED)', applicability: 'unsafe', output: 'ctx = ssl.create_default_context()\nctx.check_hostname = False\nctx.verify_mode = ssl.CERT_REQUIRED\n' }],
        },
      ],
    },
    {
      name: 'Python: cert_reqs keyword, dict key and redis ssl_cert_reqs',
      path: 'app.py',
      code: 'sock = ssl.wrap_socket(s, cert_reqs=ssl.CERT_NONE)\nws.run_forever(sslopt={"cert_reqs": ssl.CERT_NONE})\nr = redis.Redis(ssl=True, ssl_cert_reqs=ssl.CERT_NONE)\n',
      errors: [
        { messageId: 'certNone', line: 1, column: 27, endColumn: 50 },
        { messageId: 'certNone', message: /^cert_reqs = CERT_NONE/, line: 2, column: 24, endColumn: 50, fixes: [{ output: 'sock = ssl.wrap_socket(s, cert_reqs=ssl.CERT_NONE)\nws.run_forever(sslopt={"cert_reqs": ssl.CERT_REQUIRED})\nr = redis.Redis(ssl=True, ssl_cert_reqs=ssl.CERT_NONE)\n' }] },
        { messageId: 'certNone', line: 3, column: 27, endColumn: 54 },
      ],
    },
    {
      name: 'Python: urllib3 cert_reqs given as a string, redis-py ssl_cert_reqs none or None',
      path: 'clients.py',
      code: "http = urllib3.PoolManager(cert_reqs='CERT_NONE')\npool = urllib3.connection_from_url(url, cert_reqs=\"NONE\")\ncache = redis.from_url(os.environ['REDIS_URL'], ssl_cert_reqs=None)\nBROKER_USE_SSL = {'ssl_cert_reqs': 'none'}\n",
      errors: [
        { messageId: 'certNone', line: 1, column: 28, endColumn: 49, fixes: [] },
        { messageId: 'certNone', line: 2, column: 41, endColumn: 57 },
        { messageId: 'certNone', line: 3, column: 49, endColumn: 67 },
        { messageId: 'certNone', line: 4, column: 19, endColumn: 42 },
      ],
    },
    {
      name: 'Python: pyOpenSSL VERIFY_NONE and urllib3 assert_hostname=False',
      path: 'app.py',
      code: 'from OpenSSL import SSL\nctx.set_verify(SSL.VERIFY_NONE, cb)\npool = urllib3.PoolManager(assert_hostname=False)\n',
      errors: [
        { messageId: 'verifyNone', line: 2, column: 16, endColumn: 31, fixes: [] },
        { messageId: 'checkHostname', line: 3, column: 28, endColumn: 49, fixes: [] },
      ],
    },
    {
      name: 'Java: X509TrustManager with an empty checkServerTrusted',
      path: 'src/main/java/T.java',
      code: 'class T implements X509TrustManager {\n  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {\n  }\n  public void checkClientTrusted(X509Certificate[] c, String a) {}\n}\n',
      errors: [{ messageId: 'trustAllManager', line: 2, column: 15, endColumn: 33, fixes: [] }],
    },
    {
      name: 'Java: a body with only a comment is still empty',
      path: 'T.java',
      code: 'class T implements X509TrustManager {\n  @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { /* trust */ }\n}\n',
      errors: [{ messageId: 'trustAllManager', line: 2, column: 25, endColumn: 43 }],
    },
    {
      name: 'Java: hostname verifiers that accept any host, trust-all strategies',
      path: 'H.java',
      code: 'import org.apache.http.conn.ssl.NoopHostnameVerifier;\nclass H {\n  HostnameVerifier v = (h, s) -> true;\n  void a() { conn.setHostnameVerifier(new HostnameVerifier() {\n    public boolean verify(String hostname, SSLSession session) { return true; }\n  });\n  b.setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE);\n  f = new SSLConnectionSocketFactory(ctx, SSLConnectionSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER);\n  ok.hostnameVerifier((hostname, session) -> true);\n  SSLContexts.custom().loadTrustMaterial(null, (chain, authType) -> true);\n  x.loadTrustMaterial(TrustAllStrategy.INSTANCE);\n }\n}\n',
      errors: [
        { messageId: 'hostnameVerifier', line: 3, column: 3, endColumn: 38 },
        { messageId: 'hostnameVerifier', line: 5, column: 12, endColumn: 80 },
        { messageId: 'hostnameVerifier', line: 7, column: 28, endColumn: 57 },
        { messageId: 'hostnameVerifier', line: 8, column: 70, endColumn: 97 },
        { messageId: 'hostnameVerifier', line: 9, column: 6, endColumn: 50 },
        { messageId: 'trustAllManager', line: 10, column: 24, endColumn: 73 },
        { messageId: 'trustAllManager', line: 11, column: 23, endColumn: 48 },
      ],
    },
    {
      name: 'Kotlin: empty checkServerTrusted and a lambda hostname verifier',
      path: 'Http.kt',
      code: 'val tm = object : X509TrustManager {\n    override fun checkServerTrusted(chain: Array<X509Certificate>, authType: String) {}\n    override fun checkClientTrusted(chain: Array<X509Certificate>, authType: String) = Unit\n}\nbuilder.hostnameVerifier { _, _ -> true }\n',
      errors: [
        { messageId: 'trustAllManager', line: 2, column: 18, endColumn: 36 },
        { messageId: 'hostnameVerifier', line: 5, column: 9, endColumn: 42 },
      ],
    },
    {
      name: 'PHP: curl_setopt, curl_setopt_array, Guzzle verify, Laravel withoutVerifying, stream context',
      path: 'src/Client.php',
      code: '<?php\ncurl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);\ncurl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);\ncurl_setopt_array($ch, [CURLOPT_SSL_VERIFYPEER => FALSE, CURLOPT_RETURNTRANSFER => true]);\n$c = new Client([\'verify\' => false]);\n$r = Http::withoutVerifying()->get($u);\n$ctx = stream_context_create([\'ssl\' => [\'verify_peer\' => false]]);\n',
      errors: [
        {
          messageId: 'phpVerifyOff', message: /^CURLOPT_SSL_VERIFYPEER set to false/, line: 2, column: 18, endColumn: 47,
          fixes: [{ title: 'Set CURLOPT_SSL_VERIFYPEER to true (verify certificates)', applicability: 'safe', output: '<?php\ncurl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);\ncurl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);\ncurl_setopt_array($ch, [CURLOPT_SSL_VERIFYPEER => FALSE, CURLOPT_RETURNTRANSFER => true]);\n$c = new Client([\'verify\' => false]);\n$r = Http::withoutVerifying()->get($u);\n$ctx = stream_context_create([\'ssl\' => [\'verify_peer\' => false]]);\n' }],
        },
        {
          messageId: 'phpVerifyOff', line: 3, column: 18, endColumn: 43,
          fixes: [{ title: 'Set CURLOPT_SSL_VERIFYHOST to 2 (verify certificates)', output: '<?php\ncurl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);\ncurl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2);\ncurl_setopt_array($ch, [CURLOPT_SSL_VERIFYPEER => FALSE, CURLOPT_RETURNTRANSFER => true]);\n$c = new Client([\'verify\' => false]);\n$r = Http::withoutVerifying()->get($u);\n$ctx = stream_context_create([\'ssl\' => [\'verify_peer\' => false]]);\n' }],
        },
        { messageId: 'phpVerifyOff', line: 4, column: 25, endColumn: 56 },
        {
          messageId: 'phpVerifyOff', line: 5, column: 18, endColumn: 35,
          fixes: [{ output: '<?php\ncurl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);\ncurl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);\ncurl_setopt_array($ch, [CURLOPT_SSL_VERIFYPEER => FALSE, CURLOPT_RETURNTRANSFER => true]);\n$c = new Client([\'verify\' => true]);\n$r = Http::withoutVerifying()->get($u);\n$ctx = stream_context_create([\'ssl\' => [\'verify_peer\' => false]]);\n' }],
        },
        { messageId: 'phpVerifyOff', line: 6, column: 12, endColumn: 30, fixes: [] },
        { messageId: 'phpVerifyOff', line: 7, column: 41, endColumn: 63 },
      ],
    },
    {
      name: 'Ruby: VERIFY_NONE, Faraday ssl verify, rest-client and Excon flags',
      path: 'lib/client.rb',
      code: 'http = Net::HTTP.new(host, 443)\nhttp.verify_mode = OpenSSL::SSL::VERIFY_NONE\nconn = Faraday.new(url, ssl: { ca_file: ca, verify: false })\nRestClient::Request.execute(url: u, verify_ssl: false)\nExcon.get(u, :ssl_verify_peer => false)\n',
      errors: [
        {
          messageId: 'verifyNone', message: 'OpenSSL::SSL::VERIFY_NONE turns off TLS certificate verification; this connection accepts any certificate', line: 2, column: 20, endColumn: 45,
          fixes: [{ title: 'Use VERIFY_PEER (verify certificates)', applicability: 'safe', output: 'http = Net::HTTP.new(host, 443)\nhttp.verify_mode = OpenSSL::SSL::VERIFY_PEER\nconn = Faraday.new(url, ssl: { ca_file: ca, verify: false })\nRestClient::Request.execute(url: u, verify_ssl: false)\nExcon.get(u, :ssl_verify_peer => false)\n' }],
        },
        { messageId: 'verifyNone', line: 3, column: 45, endColumn: 58, fixes: [{ output: 'http = Net::HTTP.new(host, 443)\nhttp.verify_mode = OpenSSL::SSL::VERIFY_NONE\nconn = Faraday.new(url, ssl: { ca_file: ca, verify: true })\nRestClient::Request.execute(url: u, verify_ssl: false)\nExcon.get(u, :ssl_verify_peer => false)\n' }] },
        { messageId: 'verifyNone', line: 4, column: 37, endColumn: 54 },
        { messageId: 'verifyNone', line: 5, column: 14, endColumn: 39 },
      ],
    },
    {
      name: 'Ruby: HTTParty verify and verify_peer, Typhoeus ssl_verifypeer, Excon defaults and module setting',
      path: 'lib/fetch.rb',
      code: 'HTTParty.get(url, verify: false)\nHTTParty.post(url, { body: b, verify_peer: false })\nTyphoeus.get(url, ssl_verifypeer: false)\nExcon.defaults[:ssl_verify_peer] = false\nExcon.ssl_verify_peer = false\n',
      errors: [
        { messageId: 'verifyNone', message: 'verify: false turns off TLS certificate verification; this connection accepts any certificate', line: 1, column: 19, endColumn: 32, fixes: [{ title: 'Set it to true (verify certificates)', applicability: 'safe', output: 'HTTParty.get(url, verify: true)\nHTTParty.post(url, { body: b, verify_peer: false })\nTyphoeus.get(url, ssl_verifypeer: false)\nExcon.defaults[:ssl_verify_peer] = false\nExcon.ssl_verify_peer = false\n' }] },
        { messageId: 'verifyNone', line: 2, column: 31, endColumn: 49 },
        { messageId: 'verifyNone', line: 3, column: 19, endColumn: 40 },
        {
          messageId: 'verifyNone', message: 'ssl_verify_peer = false turns off TLS certificate verification; this connection accepts any certificate', line: 4, column: 16, endColumn: 41,
          fixes: [{ output: 'HTTParty.get(url, verify: false)\nHTTParty.post(url, { body: b, verify_peer: false })\nTyphoeus.get(url, ssl_verifypeer: false)\nExcon.defaults[:ssl_verify_peer] = true\nExcon.ssl_verify_peer = false\n' }],
        },
        { messageId: 'verifyNone', line: 5, column: 7, endColumn: 30, fixes: [{ output: 'HTTParty.get(url, verify: false)\nHTTParty.post(url, { body: b, verify_peer: false })\nTyphoeus.get(url, ssl_verifypeer: false)\nExcon.defaults[:ssl_verify_peer] = false\nExcon.ssl_verify_peer = true\n' }] },
      ],
    },
    {
      name: 'Python: verify=0 is falsy too',
      path: 'app.py',
      code: 'r = requests.post(url, json=body, verify=0)\n',
      errors: [{
        messageId: 'verifyFalse', message: 'verify=0 turns off TLS certificate verification; these requests accept any certificate', column: 35, endColumn: 43,
        fixes: [{ title: 'Remove verify=0 (verify certificates)', applicability: 'safe', output: 'r = requests.post(url, json=body)\n' }],
      }],
    },
    {
      name: 'JS: !true and !!false are false; a const declared false is reported without a fix',
      path: 'src/agents.js',
      code: 'const a = new https.Agent({ rejectUnauthorized: !true });\nconst b = new https.Agent({ keepAlive: true, rejectUnauthorized: !!false });\nconst allowSelfSigned = false;\nconst c = new https.Agent({ rejectUnauthorized: allowSelfSigned });\n',
      errors: [
        { messageId: 'rejectUnauthorized', line: 1, column: 29, endColumn: 54, fixes: [{ title: REJECT, applicability: 'safe', output: 'const a = new https.Agent({ });\nconst b = new https.Agent({ keepAlive: true, rejectUnauthorized: !!false });\nconst allowSelfSigned = false;\nconst c = new https.Agent({ rejectUnauthorized: allowSelfSigned });\n' }] },
        { messageId: 'rejectUnauthorized', line: 2, column: 46, endColumn: 73, fixes: [{ output: 'const a = new https.Agent({ rejectUnauthorized: !true });\nconst b = new https.Agent({ keepAlive: true });\nconst allowSelfSigned = false;\nconst c = new https.Agent({ rejectUnauthorized: allowSelfSigned });\n' }] },
        { messageId: 'rejectUnauthorized', line: 4, column: 29, endColumn: 64, fixes: [] },
      ],
    },
    {
      name: 'Android: onReceivedSslError that always proceeds (Java, and Kotlin with a safe call)',
      path: 'app/src/main/java/com/shop/Web.java',
      code: 'class Lax extends WebViewClient {\n  @Override\n  public void onReceivedSslError(WebView view, SslErrorHandler handler, SslError error) {\n    Log.w(TAG, "tls error " + error);\n    handler.proceed();\n  }\n}\n',
      errors: [{
        messageId: 'webViewProceed', line: 5, column: 5, endColumn: 22, fixes: [],
        message: 'onReceivedSslError calls proceed() for every TLS error, so this WebView loads pages whatever certificate they present',
      }],
    },
    {
      name: 'C#: accept-all lambdas, delegates, the built-in validator, an SslStream callback and a method group',
      path: 'src/Net/Client.cs',
      code: 'class Client {\n' +
        '  void Setup(Stream s) {\n' +
        '    ServicePointManager.ServerCertificateValidationCallback += (sender, cert, chain, errors) => true;\n' +
        '    ServicePointManager.ServerCertificateValidationCallback += delegate { return true; };\n' +
        '    var h = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };\n' +
        '    var ssl = new SslStream(s, false, (o, c, ch, e) => { return true; });\n' +
        '    ServicePointManager.ServerCertificateValidationCallback = new RemoteCertificateValidationCallback(TrustEverything);\n' +
        '  }\n' +
        '  static bool TrustEverything(object o, X509Certificate c, X509Chain ch, SslPolicyErrors e) => true;\n' +
        '}\n',
      errors: [
        {
          messageId: 'acceptAllCallback', line: 3, column: 64, endColumn: 101, fixes: [],
          message: 'This certificate validation callback accepts every certificate, so TLS verification is off for the connections that use it',
        },
        { messageId: 'acceptAllCallback', line: 4, column: 64, endColumn: 89 },
        { messageId: 'acceptAllCallback', line: 5, column: 81, endColumn: 143 },
        { messageId: 'acceptAllCallback', line: 6, column: 39, endColumn: 72 },
        { messageId: 'acceptAllCallback', line: 7, column: 103, endColumn: 118 },
      ],
    },
    {
      name: 'Kotlin: onReceivedSslError with handler?.proceed()',
      path: 'app/src/main/kotlin/Web.kt',
      code: 'class Lax : WebViewClient() {\n    override fun onReceivedSslError(view: WebView?, handler: SslErrorHandler?, error: SslError?) {\n        handler?.proceed()\n    }\n}\n',
      errors: [{ messageId: 'webViewProceed', line: 3, column: 9, endColumn: 27 }],
    },
    {
      name: 'Go: an if on something other than a verification option does not excuse the setting',
      path: 'client.go',
      code: 'if err != nil {\n\tcfg.InsecureSkipVerify = true\n}\nif len(hosts) > 0 {\n\tc := &tls.Config{InsecureSkipVerify: true}\n\tuse(c)\n}\n',
      errors: [
        { messageId: 'insecureSkipVerify', line: 2, column: 6, endColumn: 31 },
        { messageId: 'insecureSkipVerify', line: 5, column: 19, endColumn: 43 },
      ],
    },
    {
      name: 'TS: checkServerIdentity that accepts any name',
      code: 'tls.connect({ host, checkServerIdentity: () => undefined });\nconst a = new https.Agent({\n  ca,\n  checkServerIdentity: function () {},\n});\n',
      errors: [
        { messageId: 'checkServerIdentity', line: 1, column: 21, endColumn: 57, fixes: [{ title: 'Remove checkServerIdentity (verify the hostname)', applicability: 'safe', output: 'tls.connect({ host });\nconst a = new https.Agent({\n  ca,\n  checkServerIdentity: function () {},\n});\n' }] },
        { messageId: 'checkServerIdentity', line: 4, column: 3, endColumn: 38, fixes: [{ output: 'tls.connect({ host, checkServerIdentity: () => undefined });\nconst a = new https.Agent({\n  ca,\n});\n' }] },
      ],
    },
  ],
});
