// Tests for config/phoenix-force-ssl-missing: an endpoint with https: and http: listeners in production config and no force_ssl.
import rule from '../../../server/src/engine/rules/config/phoenix-force-ssl-missing';
import { ruleTester } from '../../helpers/rule-tester';

const HTTPS = 'https: [\n    port: 443,\n    cipher_suite: :strong,\n    keyfile: System.get_env("SSL_KEY_PATH"),\n    certfile: System.get_env("SSL_CERT_PATH")\n  ]';
const BOTH = `import Config\n\nconfig :my_app, MyAppWeb.Endpoint,\n  http: [port: 80],\n  ${HTTPS}\n`;

ruleTester(rule, {
  path: 'config/prod.exs',
  valid: [
    { name: 'HTTPS only: no plain HTTP listener to redirect', code: `import Config\n\nconfig :my_app, MyAppWeb.Endpoint,\n  ${HTTPS}\n` },
    { name: 'force_ssl next to https', code: `import Config\n\nconfig :my_app, MyAppWeb.Endpoint,\n  force_ssl: [hsts: true],\n  http: [port: 80],\n  ${HTTPS}\n` },
    { name: 'force_ssl in another production config file', code: BOTH, files: { 'config/config.exs': 'import Config\nconfig :my_app, MyAppWeb.Endpoint, force_ssl: [rewrite_on: [:x_forwarded_proto]]\n' } },
    {
      name: 'the generated runtime.exs: url scheme https behind a proxy, the SSL section commented out',
      path: 'config/runtime.exs',
      code:
        'import Config\n\nif config_env() == :prod do\n  config :my_app, MyAppWeb.Endpoint,\n    url: [host: host, port: 443, scheme: "https"],\n    http: [ip: {0, 0, 0, 0, 0, 0, 0, 0}, port: port]\n\n' +
        '  #     config :my_app, MyAppWeb.Endpoint,\n  #       https: [port: 443, cipher_suite: :strong]\nend\n',
    },
    { name: 'Plug.SSL in the endpoint module', code: BOTH, files: { 'lib/my_app_web/endpoint.ex': 'defmodule MyAppWeb.Endpoint do\n  use Phoenix.Endpoint, otp_app: :my_app\n  plug Plug.SSL, rewrite_on: [:x_forwarded_proto]\nend\n' } },
    { name: 'dev config', path: 'config/dev.exs', code: BOTH },
    {
      name: 'a dev-only block in runtime.exs',
      path: 'config/runtime.exs',
      code: 'import Config\n\nif config_env() == :dev do\n  config :my_app, MyAppWeb.Endpoint,\n    http: [port: 4000],\n    https: [port: 4001, keyfile: "priv/cert/key.pem", certfile: "priv/cert/cert.pem"]\nend\n',
    },
    { name: 'another module than an endpoint', code: 'config :my_app, MyApp.Mailer,\n  http: [port: 80],\n  https: [port: 443]\n' },
  ],
  invalid: [
    {
      name: 'both listeners, no redirect',
      code: BOTH,
      errors: [{
        messageId: 'missing', line: 5, column: 3, endColumn: 9, severity: 'warning',
        message: 'MyAppWeb.Endpoint serves HTTPS and plain HTTP, and nothing redirects HTTP to HTTPS: sessions and logins can travel in cleartext; set force_ssl: [hsts: true]',
        fixes: [{
          title: 'Add force_ssl: [hsts: true] (redirect HTTP to HTTPS, send HSTS)', applicability: 'unsafe',
          output: `import Config\n\nconfig :my_app, MyAppWeb.Endpoint,\n  http: [port: 80],\n  force_ssl: [hsts: true],\n  ${HTTPS}\n`,
        }],
      }],
    },
    {
      name: 'the HTTP listener set in runtime.exs, HTTPS in prod.exs',
      code: `import Config\n\nconfig :my_app, MyAppWeb.Endpoint,\n  ${HTTPS}\n`,
      files: { 'config/runtime.exs': 'import Config\n\nif config_env() == :prod do\n  config :my_app, MyAppWeb.Endpoint,\n    http: [port: String.to_integer(System.get_env("PORT") || "4000")]\nend\n' },
      errors: [{ messageId: 'missing', line: 4, column: 3, endColumn: 9 }],
    },
    {
      name: 'one line, in parentheses, in an umbrella app',
      path: 'apps/my_app_web/config/prod.exs',
      code: 'import Config\nconfig(:my_app_web, MyAppWeb.Endpoint, http: [port: 80], https: [port: 443])\n',
      errors: [{
        messageId: 'missing', line: 2, column: 58, endColumn: 64,
        fixes: [{ output: 'import Config\nconfig(:my_app_web, MyAppWeb.Endpoint, http: [port: 80], force_ssl: [hsts: true], https: [port: 443])\n' }],
      }],
    },
  ],
});
