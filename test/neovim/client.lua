-- Runs inside `nvim --headless --clean`: starts the language server with Neovim's own LSP
-- client on one article, asks for hover, document symbols and references, collects the
-- pushed diagnostics, and writes every answer to a JSON file for test/neovim/run.mjs.
-- Works on Neovim 0.7 (Debian bookworm: vim.lsp.start_client) and on 0.8+ (vim.lsp.start).
local req = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('VN_NVIM_REQUEST')), '\n'))
local out = { neovim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch), errors = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(out) }, req.out)
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(req.file))
  local bufnr = vim.api.nvim_get_current_buf()
  local initialized = false
  local config = {
    name = 'vn-corpus',
    cmd = req.cmd,
    root_dir = req.root,
    workspace_folders = { { uri = vim.uri_from_fname(req.root), name = 'corpus' } },
    settings = { vnCorpus = { files = { '**/*.txt' } } },
    on_init = function() initialized = true end,
  }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  if not vim.wait(req.timeoutMs, function() return initialized end, 20) then
    table.insert(out.errors, 'server did not initialize')
    return
  end
  out.initialized = true
  local client = vim.lsp.get_client_by_id(client_id)
  out.capabilities = client.server_capabilities or client.resolved_capabilities
  local uri = vim.uri_from_bufnr(bufnr)

  local function request(method, params, quiet)
    local answers, e = vim.lsp.buf_request_sync(bufnr, method, params, req.timeoutMs)
    if not answers then
      if not quiet then table.insert(out.errors, method .. ': ' .. tostring(e)) end
      return vim.NIL
    end
    local a = answers[client_id] or {}
    if a.err and not quiet then table.insert(out.errors, method .. ': ' .. vim.inspect(a.err)) end
    if a.result == nil then return vim.NIL end
    return a.result
  end
  local function at(p) return { textDocument = { uri = uri }, position = p } end

  out.hover = {}
  for _, p in ipairs(req.hover) do table.insert(out.hover, request('textDocument/hover', at(p))) end
  out.symbols = request('textDocument/documentSymbol', { textDocument = { uri = uri } })
  local refs = at(req.references)
  refs.context = { includeDeclaration = true }
  -- Cross-file references need the server's workspace index: give it a bounded while.
  if out.capabilities and out.capabilities.referencesProvider then
    vim.wait(req.timeoutMs, function()
      out.references = request('textDocument/references', refs, true)
      if type(out.references) ~= 'table' then return false end
      local files = {}
      for _, loc in ipairs(out.references) do files[loc.uri] = true end
      return vim.tbl_count(files) >= 2
    end, 200)
    out.references = request('textDocument/references', refs)
  else
    table.insert(out.errors, 'the server does not offer referencesProvider')
  end

  -- Diagnostics are pushed: wait a bounded while for them, then take what arrived.
  vim.wait(req.diagnosticsWaitMs, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(out.diagnostics, { lnum = d.lnum, message = d.message, code = lsp.code or d.code, source = d.source, severity = d.severity })
  end
  vim.lsp.stop_client(client_id)
end)
if not ok then table.insert(out.errors, tostring(err)) end
finish()
