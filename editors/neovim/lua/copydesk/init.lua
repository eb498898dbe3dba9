-- copydesk for Neovim: starts `copydesk lsp` on articles and adds entity, lint and restart commands.
--
--   require("copydesk").setup({ settings = { rules = { ["unsourced-claim"] = "off" } } })

local M = {}

local NAME = "copydesk"
local has_011 = vim.fn.has("nvim-0.11") == 1

---@class copydesk.Options
M.defaults = {
  -- The server command; its first word is also the binary run by :CopydeskLint and :checkhealth.
  cmd = { "copydesk", "lsp" },
  filetypes = { "text", "markdown" },
  root_markers = { "copydesk.toml", ".git" },
  -- Sent as the "copydesk" settings section and as initializationOptions.
  settings = {
    rules = {}, -- ["<rule-id>"] = "off" | "hint" | "info" | "warning" | "error" | "default"
    minSeverity = "hint",
    inlayHints = { enabled = true },
  },
  -- Extra client capabilities merged over Neovim's defaults.
  capabilities = nil,
  -- Link the semantic token groups (@lsp.type.person, …) to standard highlight groups.
  highlights = true,
}

M.config = vim.deepcopy(M.defaults)

local function binary()
  return M.config.cmd[1]
end

-- Settings with `rules` kept a JSON object even when empty (an empty Lua table encodes as []).
local function settings()
  local s = vim.deepcopy(M.config.settings)
  if s.rules == nil or next(s.rules) == nil then
    s.rules = vim.empty_dict()
  end
  return s
end

-- 0.11 clients use method calls; 0.10 clients take no self.
local function request(client, method, params, handler, bufnr)
  if has_011 then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

-- Neovim does not handle workspace/diagnostic/refresh (it does not advertise refreshSupport
-- either); pull the attached buffers' diagnostics again so a configuration change shows at once.
local function refresh_diagnostics(_, _, ctx)
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  for bufnr in pairs(client and client.attached_buffers or {}) do
    request(client, "textDocument/diagnostic", { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }, nil, bufnr)
  end
  return vim.NIL
end

--- The client configuration, usable with vim.lsp.config, vim.lsp.start or nvim-lspconfig.
function M.client_config()
  local s = settings()
  local config = {
    name = NAME,
    cmd = M.config.cmd,
    filetypes = M.config.filetypes,
    root_markers = M.config.root_markers,
    settings = { [NAME] = s },
    init_options = s,
    handlers = { ["workspace/diagnostic/refresh"] = refresh_diagnostics },
  }
  if M.config.capabilities then
    config.capabilities =
      vim.tbl_deep_extend("force", vim.lsp.protocol.make_client_capabilities(), M.config.capabilities)
  end
  return config
end

local function root_dir(bufnr)
  return vim.fs.root(bufnr, M.config.root_markers)
end

--- Starts (or reuses) the copydesk client for a buffer.
function M.start(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local config = M.client_config()
  config.root_dir = root_dir(bufnr)
  config.root_markers = nil
  config.filetypes = nil
  return vim.lsp.start(config, { bufnr = bufnr })
end

function M.clients(bufnr)
  return vim.lsp.get_clients({ name = NAME, bufnr = bufnr })
end

-- Byte index of a character index counted in `encoding` ("utf-8", "utf-16" or "utf-32").
local function byte_index(line, index, encoding)
  if encoding == "utf-8" then
    return math.min(index, #line)
  end
  local ok, col
  if has_011 then
    ok, col = pcall(vim.str_byteindex, line, encoding, index, false)
  else
    ok, col = pcall(vim.str_byteindex, line, index, encoding == "utf-16")
  end
  return ok and col or #line
end

-- Byte column of an LSP position in a buffer.
local function byte_col(bufnr, pos, encoding)
  local line = vim.api.nvim_buf_get_lines(bufnr, pos.line, pos.line + 1, false)[1] or ""
  return byte_index(line, pos.character, encoding)
end

local function count(x)
  if type(x) == "table" then
    return #x
  end
  return tonumber(x) or 0
end

--- Turns a `copydesk/entities` result into quickfix items (in text order).
function M.entity_items(bufnr, entities, encoding)
  local filename = vim.api.nvim_buf_get_name(bufnr)
  local items = {}
  for _, e in ipairs(entities or {}) do
    local start = e.range.start
    local mentions = count(e.mentions)
    local text = string.format("%s [%s] %d mention%s", e.name, e.type, mentions, mentions == 1 and "" or "s")
    if type(e.roles) == "table" and #e.roles > 0 then
      text = text .. " — " .. table.concat(e.roles, "; ")
    end
    table.insert(items, {
      bufnr = bufnr,
      filename = filename,
      lnum = start.line + 1,
      col = byte_col(bufnr, start, encoding) + 1,
      end_lnum = e.range["end"].line + 1,
      end_col = byte_col(bufnr, e.range["end"], encoding) + 1,
      text = text,
      type = "I",
    })
  end
  table.sort(items, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return items
end

--- Fills the location list (or the quickfix list with `opts.quickfix`) with the buffer's entities.
function M.entities(opts)
  opts = opts or {}
  local bufnr = vim.api.nvim_get_current_buf()
  local winid = vim.api.nvim_get_current_win()
  local client = M.clients(bufnr)[1]
  if not client then
    vim.notify("copydesk: no language server attached to this buffer", vim.log.levels.WARN)
    return
  end
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }
  request(client, "copydesk/entities", params, function(err, result)
    if err then
      vim.notify("copydesk/entities: " .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      return
    end
    local items = M.entity_items(bufnr, result, client.offset_encoding)
    local what = { title = "copydesk entities: " .. vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ":t"), items = items }
    if opts.quickfix then
      vim.fn.setqflist({}, " ", what)
    elseif vim.api.nvim_win_is_valid(winid) then
      vim.fn.setloclist(winid, {}, " ", what)
    end
    if opts.open ~= false and #items > 0 then
      vim.cmd(opts.quickfix and "botright copen" or "lopen")
    end
    vim.api.nvim_exec_autocmds("User", { pattern = "CopydeskEntities", modeline = false })
  end, bufnr)
end

-- `copydesk lint --format line`: `path:line:col: severity: message [rule]`.
M.lint_errorformat = "%f:%l:%c: %t%*[a-z]: %m"

local qf_type = { e = "E", w = "W", i = "I", h = "N" }

-- `copydesk lint` counts columns in code points of the file on disk; quickfix columns are bytes.
-- `files` caches each file's lines by buffer number.
local function code_point_col_to_byte(files, bufnr, lnum, col)
  if bufnr == 0 or col <= 1 then
    return col
  end
  if files[bufnr] == nil then
    local ok, lines = pcall(vim.fn.readfile, vim.api.nvim_buf_get_name(bufnr))
    files[bufnr] = ok and lines or {}
  end
  local line = files[bufnr][lnum]
  return line and byte_index(line, col - 1, "utf-32") + 1 or col
end

--- Lints the workspace (or `paths`) into the quickfix list.
function M.lint(paths, opts)
  opts = opts or {}
  if not paths or #paths == 0 then
    local client = M.clients(0)[1]
    paths = { (client and client.root_dir) or root_dir(0) or vim.fn.getcwd() }
  end
  paths = vim.tbl_map(function(p)
    return vim.fn.fnamemodify(p, ":p")
  end, paths)
  local cmd = vim.list_extend({ binary(), "lint", "--format", "line" }, paths)
  local ok, err = pcall(vim.system, cmd, { text = true }, vim.schedule_wrap(function(res)
    -- 0: clean, 1: findings at the failure threshold, 2: usage, config or I/O errors.
    if res.code ~= 0 and res.code ~= 1 then
      vim.notify("copydesk lint: " .. vim.trim(res.stderr or ""), vim.log.levels.ERROR)
    end
    local lines = vim.split(res.stdout or "", "\n", { trimempty = true })
    vim.fn.setqflist({}, " ", { title = "copydesk lint", lines = lines, efm = M.lint_errorformat })
    local items, files = vim.fn.getqflist(), {}
    for _, item in ipairs(items) do
      item.type = qf_type[item.type:lower()] or item.type
      item.col = code_point_col_to_byte(files, item.bufnr, item.lnum, item.col)
    end
    vim.fn.setqflist({}, "r", { items = items })
    if opts.open ~= false and #items > 0 then
      vim.cmd("botright copen")
    end
    vim.api.nvim_exec_autocmds("User", { pattern = "CopydeskLint", modeline = false, data = { code = res.code } })
  end))
  if not ok then
    vim.notify("copydesk lint: cannot run " .. binary() .. ": " .. tostring(err), vim.log.levels.ERROR)
  end
end

--- Stops the copydesk clients and starts them again on the buffers they served.
function M.restart()
  local buffers, ids = {}, {}
  for _, client in ipairs(M.clients()) do
    -- Detach first: Neovim would otherwise still send the buffer's pending refreshes (diagnostics,
    -- inlay hints, tokens) to the stopping server, which rightly answers them with InvalidRequest.
    for bufnr in pairs(client.attached_buffers or {}) do
      buffers[bufnr] = true
      vim.lsp.buf_detach_client(bufnr, client.id)
    end
    table.insert(ids, client.id)
    vim.lsp.stop_client(client.id)
  end
  if #ids == 0 and vim.tbl_contains(M.config.filetypes, vim.bo.filetype) then
    buffers[vim.api.nvim_get_current_buf()] = true
  end
  -- Start again only once the old server has exited, so no request reaches a server shutting down.
  local function again(tries)
    local alive = vim.tbl_filter(function(id)
      return vim.lsp.get_client_by_id(id) ~= nil
    end, ids)
    if #alive > 0 and tries > 0 then
      return vim.defer_fn(function()
        again(tries - 1)
      end, 20)
    end
    for _, id in ipairs(alive) do
      vim.lsp.stop_client(id, true)
    end
    for bufnr in pairs(buffers) do
      if vim.api.nvim_buf_is_valid(bufnr) then
        M.start(bufnr)
      end
    end
  end
  again(250)
end

-- Semantic token types and modifiers registered by the server, linked to standard groups.
M.highlight_links = {
  CopydeskPerson = "Identifier",
  CopydeskOrganization = "Type",
  CopydeskPlace = "Constant",
  CopydeskGroup = "Special",
  CopydeskMisc = "PreProc",
  CopydeskQuote = "String",
  CopydeskCue = "Keyword",
  CopydeskSource = "Function",
  CopydeskDefining = "Underlined",
  ["@lsp.type.person"] = "CopydeskPerson",
  ["@lsp.type.organization"] = "CopydeskOrganization",
  ["@lsp.type.place"] = "CopydeskPlace",
  ["@lsp.type.norp"] = "CopydeskGroup",
  ["@lsp.type.misc"] = "CopydeskMisc",
  ["@lsp.type.quote"] = "CopydeskQuote",
  ["@lsp.type.cue"] = "CopydeskCue",
  ["@lsp.type.source"] = "CopydeskSource",
  ["@lsp.mod.definition"] = "CopydeskDefining",
}

function M.apply_highlights()
  for group, target in pairs(M.highlight_links) do
    vim.api.nvim_set_hl(0, group, { link = target, default = true })
  end
end

local commands_defined = false

function M.define_commands()
  if commands_defined then
    return
  end
  commands_defined = true
  vim.api.nvim_create_user_command("CopydeskEntities", function(a)
    M.entities({ quickfix = a.bang })
  end, { bang = true, desc = "copydesk: entities of this article in the location list (! for quickfix)" })
  vim.api.nvim_create_user_command("CopydeskLint", function(a)
    M.lint(a.fargs)
  end, { nargs = "*", complete = "file", desc = "copydesk: lint the workspace (or paths) into quickfix" })
  vim.api.nvim_create_user_command("CopydeskRestart", function()
    M.restart()
  end, { desc = "copydesk: restart the language server" })
end

--- Configures and enables the copydesk language server.
---@param opts copydesk.Options|nil
function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts or {})
  M.define_commands()

  local group = vim.api.nvim_create_augroup("copydesk", { clear = true })
  if M.config.highlights then
    M.apply_highlights()
    vim.api.nvim_create_autocmd("ColorScheme", { group = group, callback = M.apply_highlights })
  end
  vim.api.nvim_create_autocmd("LspAttach", {
    group = group,
    callback = function(ev)
      local client = vim.lsp.get_client_by_id(ev.data.client_id)
      if client and client.name == NAME and M.config.settings.inlayHints.enabled and vim.lsp.inlay_hint then
        vim.lsp.inlay_hint.enable(true, { bufnr = ev.buf })
      end
    end,
  })

  if vim.lsp.config and vim.lsp.enable then
    vim.lsp.config(NAME, M.client_config())
    vim.lsp.enable(NAME)
  else
    vim.api.nvim_create_autocmd("FileType", {
      group = group,
      pattern = M.config.filetypes,
      callback = function(ev)
        M.start(ev.buf)
      end,
    })
    for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(M.config.filetypes, vim.bo[bufnr].filetype) then
        M.start(bufnr)
      end
    end
  end
end

return M
