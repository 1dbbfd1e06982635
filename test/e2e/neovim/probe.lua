-- Drives the language server from inside Neovim 0.7 the way a user would (hover float, diagnostics, go to definition)
-- and writes what Neovim ended up showing as JSON for the mocha suite to check.
-- Run: nvim --headless --clean -c 'luafile probe.lua' with PROBE_SPEC=<spec.json>; positions are 0-based.
-- spec: { cmd, file, root, initOptions?, hovers?: [{line, character}], diagnostics?: bool,
--         definition?: {line, character}, timeoutMs?, out }

local spec = vim.fn.json_decode(table.concat(vim.fn.readfile(assert(os.getenv('PROBE_SPEC'), 'PROBE_SPEC not set')), '\n'))
local timeout = spec.timeoutMs or 30000
local result = { hovers = {}, log = {} }

local function write_result()
  vim.fn.writefile({ vim.fn.json_encode(result) }, spec.out)
end

local function floating_windows()
  local found = {}
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= '' then table.insert(found, win) end
  end
  return found
end

local function close_floats()
  for _, win in ipairs(floating_windows()) do vim.api.nvim_win_close(win, true) end
end

-- The hover as the user sees it: vim.lsp.buf.hover() opens a float; its buffer holds the rendered lines.
local function hover_at(bufnr, client_id, pos)
  vim.api.nvim_win_set_cursor(0, { pos.line + 1, pos.character })
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = pos }
  local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, timeout)
  local reply = res and res[client_id]
  assert(reply and not reply.err, 'hover failed: ' .. vim.inspect(reply and reply.err))
  close_floats()
  vim.lsp.buf.hover()
  local shown = vim.wait(timeout, function() return #floating_windows() > 0 end, 20)
  local lines = {}
  if shown then
    lines = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(floating_windows()[1]), 0, -1, false)
  end
  close_floats()
  return { result = reply.result or vim.NIL, float = lines }
end

local function diagnostics_of(bufnr)
  local ok = vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  if not ok then return {} end
  local items = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(items, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source, code = d.code or vim.NIL })
  end
  return items
end

-- Go to definition as the user does it: vim.lsp.buf.definition() jumps; we record where the window landed.
local function definition_at(bufnr, pos)
  vim.api.nvim_set_current_buf(bufnr)
  vim.api.nvim_win_set_cursor(0, { pos.line + 1, pos.character })
  vim.lsp.buf.definition()
  local jumped = vim.wait(timeout, function() return vim.api.nvim_get_current_buf() ~= bufnr end, 20)
  local cursor = vim.api.nvim_win_get_cursor(0)
  return { jumped = jumped, file = vim.api.nvim_buf_get_name(0), line = cursor[1] - 1, character = cursor[2],
    firstLine = vim.api.nvim_buf_get_lines(0, cursor[1] - 1, cursor[1], false)[1] or vim.NIL }
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(spec.file))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype
  local initialized = false
  local client_id = vim.lsp.start_client({
    name = 'api-guidelines',
    cmd = spec.cmd,
    root_dir = spec.root,
    init_options = spec.initOptions,
    on_init = function() initialized = true end,
    handlers = {
      ['window/logMessage'] = function(_, msg) table.insert(result.log, msg.message) end,
    },
  })
  assert(client_id, 'start_client failed')
  vim.lsp.buf_attach_client(bufnr, client_id)
  assert(vim.wait(timeout, function() return initialized end, 20), 'initialize timed out')
  result.serverName = vim.lsp.get_client_by_id(client_id).name

  for _, pos in ipairs(spec.hovers or {}) do table.insert(result.hovers, hover_at(bufnr, client_id, pos)) end
  if spec.diagnostics then result.diagnostics = diagnostics_of(bufnr) end
  if spec.definition then result.definition = definition_at(bufnr, spec.definition) end

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end)

if not ok then result.error = tostring(err) end
write_result()
vim.cmd(ok and 'qall!' or 'cquit 1')
