// Tests for config/phoenix-check-origin-disabled.
import rule from '../../../server/src/engine/rules/config/phoenix-check-origin-disabled';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: 'config/prod.exs',
  valid: [
    'config :my_app, MyAppWeb.Endpoint,\n  check_origin: ["https://example.com"]\n',
    'config :my_app, MyAppWeb.Endpoint,\n  url: [host: "example.com"]\n  # check_origin: false\n',
    { name: 'dev config', path: 'config/dev.exs', code: 'config :my_app, MyAppWeb.Endpoint,\n  check_origin: false\n' },
    {
      name: 'an endpoint config that reloads code is a development one, whatever the file name',
      path: 'config/host.exs',
      code: 'import Config\n\nconfig :cam, CamWeb.Endpoint,\n  http: [port: 4000],\n  check_origin: false,\n  code_reloader: true,\n  watchers: []\n',
    },
    { name: 'runtime.exs in a dev block', path: 'config/runtime.exs', code: 'import Config\n\nif config_env() == :dev do\n  config :my_app, MyAppWeb.Endpoint,\n    check_origin: false\nend\n' },
    {
      name: 'config.exs overridden by prod.exs',
      path: 'config/config.exs',
      code: 'config :my_app, MyAppWeb.Endpoint,\n  check_origin: false\n',
      files: { 'config/prod.exs': 'config :my_app, MyAppWeb.Endpoint,\n  check_origin: ["https://example.com"]\n' },
    },
    { name: 'a string mentioning it', path: 'lib/my_app/help.ex', code: 'defmodule Help do\n  @doc "Never set check_origin: false in production"\nend\n' },
  ],
  invalid: [
    {
      name: 'code reloading in another config statement does not make this endpoint a development one',
      path: 'config/host.exs',
      code: 'import Config\n\nconfig :cam, CamWeb.Endpoint,\n  check_origin: false\n\nconfig :cam, CamWeb.Admin,\n  code_reloader: true\n',
      errors: [{ messageId: 'checkOrigin', line: 4, column: 3 }],
    },
    {
      name: 'a commented-out code_reloader does not count',
      path: 'config/host.exs',
      code: 'config :cam, CamWeb.Endpoint,\n  # code_reloader: true,\n  check_origin: false\n',
      errors: [{ messageId: 'checkOrigin', line: 3, column: 3 }],
    },
    {
      code: 'config :my_app, MyAppWeb.Endpoint,\n  url: [host: "example.com", port: 443],\n  check_origin: false\n',
      errors: [{
        messageId: 'checkOrigin', line: 3, column: 3, endColumn: 22, severity: 'warning',
        message: "check_origin: false lets any website open a WebSocket to this app with the visitor's cookies (cross-site WebSocket hijacking); list the allowed origins",
        fixes: [{ title: "Set check_origin: true (allow only the endpoint's own host)", applicability: 'unsafe', output: 'config :my_app, MyAppWeb.Endpoint,\n  url: [host: "example.com", port: 443],\n  check_origin: true\n' }],
      }],
    },
    {
      name: 'endpoint socket in lib/',
      path: 'lib/my_app_web/endpoint.ex',
      code: 'defmodule MyAppWeb.Endpoint do\n  use Phoenix.Endpoint, otp_app: :my_app\n\n  socket "/live", Phoenix.LiveView.Socket,\n    websocket: [connect_info: [session: @session_options], check_origin: false]\nend\n',
      errors: [{ messageId: 'checkOrigin', line: 5, column: 60, endColumn: 79 }],
    },
    {
      name: 'config.exs without an override',
      path: 'config/config.exs',
      code: 'config :my_app, MyAppWeb.Endpoint,\n  check_origin: false\n',
      files: { 'config/prod.exs': 'config :my_app, MyAppWeb.Endpoint,\n  # check_origin: ["https://example.com"]\n  url: [host: "example.com"]\n' },
      errors: [{ messageId: 'checkOrigin', line: 2, column: 3 }],
    },
    {
      name: 'runtime.exs in a prod block',
      path: 'config/runtime.exs',
      code: 'import Config\n\nif config_env() == :prod do\n  config :my_app, MyAppWeb.Endpoint,\n    check_origin: false\nend\n',
      errors: [{ messageId: 'checkOrigin', line: 5, column: 5 }],
    },
  ],
});
