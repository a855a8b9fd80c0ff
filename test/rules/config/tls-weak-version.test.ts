// Tests for config/tls-weak-version: Python ssl, Node tls options, Go tls.Config, Java, C#, PHP and Ruby.
import rule from '../../../server/src/engine/rules/config/tls-weak-version';
import { ruleTester } from '../../helpers/rule-tester';

const TLS12 = "Require TLS 1.2 or later (minVersion: 'TLSv1.2')";

ruleTester(rule, {
  path: 'src/server.ts',
  valid: [
    // Libraries that map or compare protocol constants do not choose one.
    { path: 'contrib/pyopenssl.py', code: 'import ssl\nfrom OpenSSL import SSL\n_versions = {\n    ssl.PROTOCOL_TLSv1: SSL.TLSv1_METHOD,\n}\n_versions[ssl.PROTOCOL_SSLv3] = SSL.SSLv3_METHOD\n' },
    { path: 'net/conn.py', code: 'import ssl\nif version == ssl.PROTOCOL_TLSv1:\n    warn()\nif proto in (ssl.PROTOCOL_TLSv1_1,):\n    pass\n' },
    "tls.createServer({ minVersion: 'TLSv1.2' });",
    "const o = { secureProtocol: 'SSLv23_method' };",
    'const msg = "minVersion: \'TLSv1\'";',
    "type T = { minVersion: 'TLSv1' | 'TLSv1.2' };",
    "// tls.createServer({ minVersion: 'TLSv1' })",
    "const v = cond ? minVersion : 'TLSv1';",
    { path: 'a.py', code: 'ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\nctx.minimum_version = ssl.TLSVersion.TLSv1_2\n# ssl.PROTOCOL_TLSv1\nif hasattr(ssl, "PROTOCOL_TLSv1"):\n    pass\nctx.options |= ssl.OP_NO_TLSv1\n' },
    { path: 'a.py', code: 'PROTOCOL_TLSv1 = 3  # no ssl import: our own constant\n' },
    { path: 'a.go', code: 'cfg := &tls.Config{MinVersion: tls.VersionTLS12}\n// MinVersion: tls.VersionTLS10\n' },
    { path: 'A.java', code: 'SSLContext ctx = SSLContext.getInstance("TLS");\nsocket.setEnabledProtocols(new String[] { "TLSv1.3", "TLSv1.2" });\nString s = "SSLContext.getInstance(\\"TLSv1\\")";\n' },
    { path: 'A.cs', code: 'handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;\n' },
    { path: 'a.rb', code: 'ctx.min_version = OpenSSL::SSL::TLS1_2_VERSION\n# http.ssl_version = :TLSv1\n' },
    { path: 'a.php', code: '<?php\ncurl_setopt($ch, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2);\n// CURL_SSLVERSION_TLSv1_0\n' },
  ],
  invalid: [
    {
      name: 'Python: clearing an OP_NO_* flag turns the old version back on',
      path: 'net/legacy.py',
      code: 'import ssl\nctx = ssl.create_default_context()\nctx.options &= ~ssl.OP_NO_TLSv1_1\nctx.options &= ~(ssl.OP_NO_SSLv3)\nctx.options |= ssl.OP_NO_TLSv1\n',
      errors: [
        { messageId: 'weakVersion', message: /^TLS 1\.1 is obsolete/, line: 3, column: 5, endColumn: 34, fixes: [] },
        { messageId: 'weakVersion', message: /^SSL 3\.0 is obsolete/, line: 4, column: 5, endColumn: 33, fixes: [] },
      ],
    },
    {
      name: 'one finding per line where a call names the version twice',
      path: 'net/client.py',
      code: 'import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # was SSL.TLSv1_METHOD\n',
      errors: [{ messageId: 'weakVersion', line: 2, column: 22 }],
    },
    {
      name: 'TS: minVersion TLSv1 and secureProtocol TLSv1_method',
      code: "const s = tls.createServer({ key, cert, minVersion: 'TLSv1' });\nconst a = new https.Agent({\n  secureProtocol: 'TLSv1_method',\n});\n",
      errors: [
        {
          messageId: 'weakVersion', message: 'TLS 1.0 is obsolete (deprecated by RFC 8996, open to downgrade and known attacks); require TLS 1.2 or later',
          line: 1, column: 41, endColumn: 60,
          fixes: [{ title: TLS12, applicability: 'unsafe', output: "const s = tls.createServer({ key, cert, minVersion: 'TLSv1.2' });\nconst a = new https.Agent({\n  secureProtocol: 'TLSv1_method',\n});\n" }],
        },
        {
          messageId: 'weakVersion', line: 3, column: 3, endColumn: 33,
          fixes: [{ title: "Replace with minVersion: 'TLSv1.2'", output: "const s = tls.createServer({ key, cert, minVersion: 'TLSv1' });\nconst a = new https.Agent({\n  minVersion: 'TLSv1.2',\n});\n" }],
        },
      ],
    },
    {
      name: 'JS: TLSv1.1 with double quotes',
      path: 'server.js',
      code: 'https.createServer({ minVersion: "TLSv1.1" }, app);',
      errors: [{ messageId: 'weakVersion', message: /^TLS 1\.1 is obsolete/, column: 22, endColumn: 43, fixes: [{ output: 'https.createServer({ minVersion: "TLSv1.2" }, app);' }] }],
    },
    {
      name: 'Python: PROTOCOL_TLSv1, minimum_version, pyOpenSSL method',
      path: 'client.py',
      code: 'import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\nctx.minimum_version = ssl.TLSVersion.TLSv1_1\nc = SSL.Context(SSL.SSLv3_METHOD)\n',
      errors: [
        { messageId: 'weakVersion', line: 2, column: 22, endColumn: 40, fixes: [] },
        {
          messageId: 'weakVersion', message: /^TLS 1\.1/, line: 3, column: 5, endColumn: 45,
          fixes: [{ title: 'Require TLS 1.2 or later', output: 'import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\nctx.minimum_version = ssl.TLSVersion.TLSv1_2\nc = SSL.Context(SSL.SSLv3_METHOD)\n' }],
        },
        { messageId: 'weakVersion', message: /^SSL 3\.0/, line: 4, column: 17, endColumn: 33, fixes: [] },
      ],
    },
    {
      name: 'Python: imported from ssl',
      path: 'client.py',
      code: 'from ssl import SSLContext, PROTOCOL_TLSv1_1\nctx = SSLContext(PROTOCOL_TLSv1_1)\n',
      errors: [{ messageId: 'weakVersion', line: 2, column: 18, endColumn: 34 }],
    },
    {
      name: 'Go: MinVersion and MaxVersion in a tls.Config, MinVersion assignment',
      path: 'client.go',
      code: 'cfg := &tls.Config{\n\tMinVersion: tls.VersionTLS10,\n\tMaxVersion: tls.VersionTLS11,\n}\ncfg.MinVersion = tls.VersionSSL30\n',
      errors: [
        { messageId: 'weakVersion', line: 2, column: 2, endColumn: 30, fixes: [{ output: 'cfg := &tls.Config{\n\tMinVersion: tls.VersionTLS12,\n\tMaxVersion: tls.VersionTLS11,\n}\ncfg.MinVersion = tls.VersionSSL30\n' }] },
        { messageId: 'weakVersion', message: /^TLS 1\.1/, line: 3, column: 2, endColumn: 30, fixes: [] },
        { messageId: 'weakVersion', line: 5, column: 5, endColumn: 34, fixes: [{ output: 'cfg := &tls.Config{\n\tMinVersion: tls.VersionTLS10,\n\tMaxVersion: tls.VersionTLS11,\n}\ncfg.MinVersion = tls.VersionTLS12\n' }] },
      ],
    },
    {
      name: 'Java: SSLContext.getInstance, setEnabledProtocols, OkHttp TlsVersion',
      path: 'A.java',
      code: 'SSLContext ctx = SSLContext.getInstance("TLSv1");\nsocket.setEnabledProtocols(new String[] { "TLSv1.2", "TLSv1.1" });\nConnectionSpec spec = new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS).tlsVersions(TlsVersion.TLS_1_0).build();\n',
      errors: [
        { messageId: 'weakVersion', line: 1, column: 41, endColumn: 48, fixes: [{ title: 'Use TLSv1.2', output: 'SSLContext ctx = SSLContext.getInstance("TLSv1.2");\nsocket.setEnabledProtocols(new String[] { "TLSv1.2", "TLSv1.1" });\nConnectionSpec spec = new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS).tlsVersions(TlsVersion.TLS_1_0).build();\n' }] },
        { messageId: 'weakVersion', line: 2, column: 54, endColumn: 63, fixes: [] },
        { messageId: 'weakVersion', line: 3, column: 89, endColumn: 107 },
      ],
    },
    {
      name: 'C#: SecurityProtocolType.Tls and SslProtocols.Tls11',
      path: 'Client.cs',
      code: 'ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls12;\nhandler.SslProtocols = SslProtocols.Tls11;\n',
      errors: [
        { messageId: 'weakVersion', line: 1, column: 40, endColumn: 64 },
        { messageId: 'weakVersion', line: 2, column: 24, endColumn: 42 },
      ],
    },
    {
      name: 'PHP: cURL and stream crypto constants',
      path: 'a.php',
      code: '<?php\ncurl_setopt($ch, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_0);\nstream_socket_enable_crypto($s, true, STREAM_CRYPTO_METHOD_SSLv3_CLIENT);\n',
      errors: [
        { messageId: 'weakVersion', line: 2, column: 38, endColumn: 61 },
        { messageId: 'weakVersion', message: /^SSL 3\.0/, line: 3, column: 39, endColumn: 72 },
      ],
    },
    {
      name: 'Ruby: ssl_version symbol and string, min_version constant',
      path: 'lib/a.rb',
      code: 'http.ssl_version = :TLSv1\nctx.min_version = OpenSSL::SSL::TLS1_1_VERSION\nFaraday.new(url, ssl: { ssl_version: "SSLv3" })\n',
      errors: [
        { messageId: 'weakVersion', line: 1, column: 6, endColumn: 26, fixes: [] },
        { messageId: 'weakVersion', line: 2, column: 5, endColumn: 47, fixes: [{ output: 'http.ssl_version = :TLSv1\nctx.min_version = OpenSSL::SSL::TLS1_2_VERSION\nFaraday.new(url, ssl: { ssl_version: "SSLv3" })\n' }] },
        { messageId: 'weakVersion', line: 3, column: 25, endColumn: 45 },
      ],
    },
  ],
});
