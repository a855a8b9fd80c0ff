-- Neovim (0.7+) with its built-in LSP client attached to Warden's bundled server (dist/server.js --stdio).
-- Run by test/e2e/nvim.ts: `nvim --headless --clean -n -S test/e2e/nvim.lua` with WARDEN_SERVER, WARDEN_FIXTURE
-- and WARDEN_NVIM_RESULT set. Writes {tests = [{name, ok, ms, error}]} as JSON to WARDEN_NVIM_RESULT and quits.
-- Only APIs that exist in 0.7 (vim.lsp.start_client, vim.diagnostic.get) so it runs on Debian 12's Neovim.

local server = assert(os.getenv('WARDEN_SERVER'), 'WARDEN_SERVER is not set')
local root = assert(os.getenv('WARDEN_FIXTURE'), 'WARDEN_FIXTURE is not set')
local result_file = assert(os.getenv('WARDEN_NVIM_RESULT'), 'WARDEN_NVIM_RESULT is not set')
local node = os.getenv('WARDEN_NODE') or 'node'
local WAIT_MS = 20000

vim.cmd('filetype on')

local tests = {}
local server_log = {}

local function finish()
  local f = assert(io.open(result_file .. '.tmp', 'w'))
  f:write(vim.fn.json_encode({ tests = tests, nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch, log = server_log }))
  f:close()
  os.rename(result_file .. '.tmp', result_file)
  vim.cmd('qall!')
end

-- The whole script runs inside pcall: a Lua error must still produce a result file, never a hang.
local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'warden',
    cmd = { node, server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'workspace' } },
    -- Turns the TLS rule up to an error. Neovim 0.7 does not announce workspace/configuration, so the settings
    -- reach the server the way nvim-lspconfig sends them: a didChangeConfiguration notification from on_init.
    settings = { warden = { rules = { ['config/tls-verification-disabled'] = 'error' } } },
    on_init = function(client)
      client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
    end,
    handlers = {
      ['window/logMessage'] = function(_, params)
        table.insert(server_log, params.message)
      end,
    },
  })
  assert(client_id, 'vim.lsp.start_client returned nil')

  local function open(rel)
    vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/' .. rel))
    local buf = vim.api.nvim_get_current_buf()
    vim.lsp.buf_attach_client(buf, client_id)
    return buf
  end

  local function warden(buf, code)
    local found = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.source == 'Warden' and (code == nil or d.code == code) then
        table.insert(found, d)
      end
    end
    return found
  end

  local function codes(buf)
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      table.insert(list, tostring(d.code))
    end
    return table.concat(list, ', ')
  end

  local function diagnostic(buf, code)
    local found
    vim.wait(WAIT_MS, function()
      found = warden(buf, code)[1]
      return found ~= nil
    end, 50)
    assert(found, string.format('no %s diagnostic within %d ms (has: %s)', code, WAIT_MS, codes(buf)))
    return found
  end

  local function eq(actual, expected, what)
    if actual ~= expected then
      error(string.format('%s: expected %s, got %s', what, vim.inspect(expected), vim.inspect(actual)), 2)
    end
  end

  local function test(name, fn)
    local started = vim.loop.hrtime()
    local passed, msg = pcall(fn)
    table.insert(tests, { name = name, ok = passed, ms = math.floor((vim.loop.hrtime() - started) / 1e6), error = (not passed) and tostring(msg) or nil })
  end

  local secret_buf
  test('the server starts and initializes over stdio', function()
    local ready = vim.wait(WAIT_MS, function()
      local c = vim.lsp.get_client_by_id(client_id)
      return c ~= nil and c.initialized == true
    end, 50)
    assert(ready, 'the client did not initialize within ' .. WAIT_MS .. ' ms')
  end)

  test('a hardcoded secret in Python: warning, rule id, redacted message, value range', function()
    secret_buf = open('app/settings.py')
    local d = diagnostic(secret_buf, 'secret/generic-secret')
    eq(d.severity, vim.diagnostic.severity.WARN, 'severity')
    eq(d.lnum, 3, 'line (0-based)')
    local line = vim.api.nvim_buf_get_lines(secret_buf, 3, 4, false)[1]
    local value = line:match('api_key = "([^"]+)"')
    assert(value, 'the fixture line holds the secret')
    eq(line:sub(d.col + 1, d.end_col), value, 'the range covers the value')
    assert(d.message:find('api_key is assigned a hardcoded secret', 1, true), 'message: ' .. d.message)
    assert(not d.message:find(value, 1, true), 'the message must not repeat the secret')
  end)

  test('an AWS access key id in JavaScript is an error', function()
    local buf = open('src/aws.js')
    local d = diagnostic(buf, 'secret/aws-access-key-id')
    eq(d.severity, vim.diagnostic.severity.ERROR, 'severity')
  end)

  test('string-built SQL', function()
    local buf = open('src/db.js')
    local d = diagnostic(buf, 'sql/string-built-query')
    eq(d.lnum, 5, 'line (0-based)')
    assert(d.message:find('SQL query built by interpolating', 1, true), 'message: ' .. d.message)
  end)

  test('disabled TLS verification, raised to an error by the client settings (didChangeConfiguration)', function()
    local buf = open('src/tls.js')
    local d = diagnostic(buf, 'config/tls-verification-disabled')
    -- A first check may beat the settings; the server re-checks when they arrive.
    vim.wait(5000, function()
      d = warden(buf, 'config/tls-verification-disabled')[1] or d
      return d.severity == vim.diagnostic.severity.ERROR
    end, 50)
    eq(d.severity, vim.diagnostic.severity.ERROR, 'severity from settings')
    eq(d.lnum, 2, 'line (0-based)')
  end)

  test('a .env file staged in git', function()
    local buf = open('.env')
    local d = diagnostic(buf, 'git/env-file-staged')
    eq(d.severity, vim.diagnostic.severity.ERROR, 'severity')
    assert(d.message:find('.env is staged for commit', 1, true), 'message: ' .. d.message)
  end)

  test('the env-var fix through vim.lsp.buf.code_action() edits the code, .env and .gitignore', function()
    vim.cmd('buffer ' .. secret_buf)
    local d = diagnostic(secret_buf, 'secret/generic-secret')
    vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
    -- The user's path: code_action() sends the line's diagnostics (rebuilt from vim.diagnostic, with Warden's data)
    -- and shows the actions with vim.ui.select, which this stand-in answers by picking the fix.
    local titles, picked
    local select = vim.ui.select
    vim.ui.select = function(items, opts, on_choice)
      titles = {}
      local choice
      for _, item in ipairs(items) do
        local title = opts.format_item and opts.format_item(item) or tostring(item)
        table.insert(titles, title)
        if title == 'Move secret to environment variable API_KEY' then choice = item end
      end
      picked = choice ~= nil
      on_choice(choice)
    end
    vim.lsp.buf.code_action({ only = { 'quickfix' } })
    local asked = vim.wait(WAIT_MS, function() return titles ~= nil end, 50)
    vim.ui.select = select
    assert(asked, 'no code actions came back within ' .. WAIT_MS .. ' ms')
    assert(picked, 'the env-var fix among: ' .. table.concat(titles, ' | '))
    local text
    local edited = vim.wait(WAIT_MS, function()
      text = table.concat(vim.api.nvim_buf_get_lines(secret_buf, 0, -1, false), '\n')
      return text:find('api_key = os.environ["API_KEY"]', 1, true) ~= nil
    end, 50)
    assert(edited, 'settings.py after the fix: ' .. text)
    assert(text:find('\nimport os\n', 1, true), 'the fix imports os: ' .. text)
    vim.cmd('silent wall')
    local function read(rel)
      local f = io.open(root .. '/' .. rel)
      if not f then return '' end
      local s = f:read('*a')
      f:close()
      return s
    end
    assert(read('.env'):find('\nAPI_KEY=%S+'), '.env holds API_KEY: ' .. read('.env'))
    assert(read('.gitignore'):find('^%.env\n') or read('.gitignore'):find('\n%.env\n'), '.gitignore lists .env: ' .. read('.gitignore'))
    -- The server re-checks the edited buffer: the finding goes.
    local gone = vim.wait(WAIT_MS, function() return #warden(secret_buf, 'secret/generic-secret') == 0 end, 50)
    assert(gone, 'the secret diagnostic is still there after the fix')
  end)

  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end)

if not ok then
  table.insert(tests, { name = 'running the Neovim script', ok = false, ms = 0, error = tostring(err) })
end
finish()
