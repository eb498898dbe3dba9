-- Headless end-to-end test of editors/neovim against the real `copydesk lsp` (run by neovim.sh).
-- Each step drives the plugin the way a user would (commands, vim.lsp.buf.*) and checks exact
-- positions. Positions are 0-based byte columns (Neovim's diagnostic and cursor columns).

local uv = vim.uv or vim.loop
local BIN = assert(os.getenv("COPYDESK_BIN"), "COPYDESK_BIN")
local TMP = assert(os.getenv("COPYDESK_TMP"), "COPYDESK_TMP")
local ROOT = assert(os.getenv("COPYDESK_ROOT"), "COPYDESK_ROOT")
local H = dofile(ROOT .. "/tests/editors/neovim/harness.lua")

local copydesk = require("copydesk")
if os.getenv("COPYDESK_LSP_LOG") then
  vim.lsp.set_log_level(os.getenv("COPYDESK_LSP_LOG"))
end

-- Workspace: the fixture article, a valid copydesk.toml; a second folder with a broken one.
local ws = TMP .. "/ws"
local broken = TMP .. "/broken"
vim.fn.mkdir(ws, "p")
vim.fn.mkdir(broken, "p")
local article = ws .. "/article.txt"
vim.fn.writefile(vim.fn.readfile(ROOT .. "/tests/editors/neovim/article.txt"), article)
vim.fn.writefile({ 'min-severity = "hint"', "", "[rules]", 'anonymous-source = "warning"' }, ws .. "/copydesk.toml")
local brief = ws .. "/brief.md"
vim.fn.writefile({ "# Dam", "", "The dam failed on Sunday, sources said." }, brief)
vim.fn.writefile({ 'min-severity = "hint"', "[rules]", 'weasel-attribution = "loud"' }, broken .. "/copydesk.toml")

-- Line 4 of the fixture (0-based 3): curly quotes and non-ASCII names before "critics say".
local QUOTE_LINE = 3
local buf, client

H.step("setup() starts copydesk lsp on a text buffer, rooted at copydesk.toml", function()
  copydesk.setup({
    cmd = { BIN, "lsp" },
    -- Reaches the server as settings/initializationOptions: makes weasel attributions errors.
    settings = { rules = { ["weasel-attribution"] = "error" } },
  })
  vim.cmd.edit(vim.fn.fnameescape(article))
  buf = vim.api.nvim_get_current_buf()
  H.eq(vim.bo[buf].filetype, "text", "filetype")
  H.wait(10000, function()
    return #copydesk.clients(buf) > 0
  end, "client attached")
  client = copydesk.clients(buf)[1]
  H.eq(client.root_dir, ws, "root_dir")
  H.eq(client.offset_encoding, "utf-8", "negotiated position encoding")
end)

local first_diagnostics
H.step("diagnostics: exact byte columns after curly quotes and non-ASCII names, severity from settings", function()
  H.wait(10000, function()
    return #vim.diagnostic.get(buf) > 0
  end, "diagnostics")
  first_diagnostics = H.diagnostics(buf)
  local weasel = H.find(first_diagnostics, function(d)
    return d.code == "weasel-attribution"
  end, "weasel-attribution diagnostic")
  local line = vim.api.nvim_buf_get_lines(buf, QUOTE_LINE, QUOTE_LINE + 1, false)[1]
  H.eq(line:sub(weasel.col + 1, weasel.end_col), "critics", "text under the diagnostic")
  H.eq({ weasel.lnum, weasel.col, weasel.end_lnum, weasel.end_col }, { QUOTE_LINE, 65, QUOTE_LINE, 72 }, "range")
  H.eq(weasel.severity, vim.diagnostic.severity.ERROR, "severity set by settings.rules")
  H.eq(weasel.source, "copydesk", "source")
end)

H.step("a Markdown article joins the same server; copydesk.toml raises anonymous-source to warning", function()
  vim.cmd.edit(vim.fn.fnameescape(brief))
  local md = vim.api.nvim_get_current_buf()
  H.eq(vim.bo[md].filetype, "markdown", "filetype")
  H.wait(10000, function()
    return #vim.diagnostic.get(md) > 0
  end, "diagnostics in the Markdown buffer")
  H.eq(copydesk.clients(md)[1].id, client.id, "one server per root")
  local d = H.diagnostics(md)
  H.eq(#d, 1, "one diagnostic: " .. vim.inspect(d))
  H.eq({ d[1].code, d[1].lnum, d[1].col, d[1].end_col, d[1].severity }, {
    "anonymous-source",
    2,
    26,
    33,
    vim.diagnostic.severity.WARN,
  }, "anonymous source")
  vim.cmd.buffer(buf)
end)

local RAISI_LATER = { 7, 0 } -- "Raisi returned …" (1-based line, 0-based byte column)

H.step("hover on a surname shows the entity card in a float", function()
  vim.api.nvim_win_set_cursor(0, RAISI_LATER)
  vim.lsp.buf.hover()
  local lines = vim.split(H.wait_float(), "\n")
  H.eq(lines[1], "**Ebrahim Raisi** · PERSON", "hover title")
  H.eq(lines[3], "*Iranian President*", "role stated in the article")
  H.contains(lines, "3 mentions in this article", "hover")
  H.contains(lines, "> the government would rebuild the dam", "what Raisi is quoted as saying")
  H.close_floats()
end)

H.step("go-to-definition from a surname jumps to the defining mention", function()
  vim.api.nvim_win_set_cursor(0, RAISI_LATER)
  vim.lsp.buf.definition()
  H.wait(5000, function()
    return vim.api.nvim_win_get_cursor(0)[1] == 3
  end, "cursor on line 3")
  H.eq(vim.api.nvim_win_get_cursor(0), { 3, 29 }, "cursor at Ebrahim Raisi")
end)

H.step("references from a surname: every mention of Raisi", function()
  vim.api.nvim_win_set_cursor(0, RAISI_LATER)
  local refs
  vim.lsp.buf.references({ includeDeclaration = true }, {
    on_list = function(list)
      refs = list.items
    end,
  })
  H.wait(5000, function()
    return refs ~= nil
  end, "references")
  local at = vim.tbl_map(function(i)
    return { i.lnum, i.col }
  end, refs)
  H.eq(at, { { 3, 30 }, { 6, 1 }, { 7, 1 } }, "reference positions (1-based)")
end)

local function entity_items()
  vim.fn.setloclist(0, {})
  vim.cmd("CopydeskEntities")
  H.wait(5000, function()
    return #vim.fn.getloclist(0) > 0
  end, "location list")
  local items = vim.fn.getloclist(0)
  vim.cmd("lclose")
  return items
end

H.step(":CopydeskEntities fills the location list in text order", function()
  local items = entity_items()
  local raisi = H.find(items, function(i)
    return i.text:find("^Ebrahim Raisi %[PERSON%]") ~= nil
  end, "Ebrahim Raisi item")
  H.eq({ raisi.lnum, raisi.col }, { 3, 30 }, "Ebrahim Raisi position")
  H.contains(raisi.text, "3 mentions", "mentions")
  local zoe = H.find(items, function(i)
    return i.text:find("^Zoë Łukasiewicz") ~= nil
  end, "Zoë Łukasiewicz item")
  H.eq({ zoe.lnum, zoe.col }, { 4, 41 }, "Zoë Łukasiewicz position (byte column after curly quotes)")
end)

H.step(":CopydeskLint puts the workspace findings in quickfix", function()
  vim.fn.setqflist({}, "f")
  local done
  vim.api.nvim_create_autocmd("User", {
    pattern = "CopydeskLint",
    once = true,
    callback = function(ev)
      done = ev.data
    end,
  })
  vim.cmd("CopydeskLint")
  H.wait(10000, function()
    return done ~= nil
  end, "lint to finish")
  local items = vim.fn.getqflist()
  H.eq(vim.fn.getqflist({ title = 1 }).title, "copydesk lint", "quickfix title")
  local weasel = H.find(items, function(i)
    return i.text:find("%[weasel%-attribution%]$") ~= nil
  end, "weasel-attribution in quickfix")
  H.eq(vim.api.nvim_buf_get_name(weasel.bufnr), article, "file")
  H.eq({ weasel.lnum, weasel.col, weasel.type }, { 4, 66, "W" }, "line, byte column and type")
  local anonymous = H.find(items, function(i)
    return vim.api.nvim_buf_get_name(i.bufnr) == brief
  end, "brief.md in quickfix")
  H.eq({ anonymous.lnum, anonymous.col, anonymous.type }, { 3, 27, "W" }, "the Markdown article's finding")
  H.contains(anonymous.text, "[anonymous-source]", "rule id")
  vim.cmd("cclose")
end)

H.step(":checkhealth copydesk reports the binary, its version and a valid config", function()
  local text = H.checkhealth()
  H.contains(text, "OK binary: " .. BIN, "health")
  H.contains(text, "OK version: copydesk ", "health")
  H.contains(text, "OK valid: " .. ws .. "/copydesk.toml", "health")
  H.contains(text, "OK client " .. client.id .. " running, root " .. ws .. ", encoding utf-8", "health")
  H.absent(text, "ERROR", "health")
end)

H.step(":checkhealth copydesk names the line of an invalid copydesk.toml", function()
  local cwd = vim.fn.getcwd()
  vim.cmd.cd(vim.fn.fnameescape(broken))
  local text = H.checkhealth()
  vim.cmd.cd(vim.fn.fnameescape(cwd))
  H.contains(text, "ERROR invalid: " .. broken .. "/copydesk.toml", "health")
  H.contains(text, ":3:", "health names the line")
end)

H.step("semantic tokens: entity types at exact byte columns, linked to standard groups", function()
  H.wait(5000, function()
    return H.token(buf, 2, 29, "person") ~= nil
  end, "a person token on Ebrahim Raisi")
  local raisi = H.token(buf, 2, 29, "person")
  H.eq({ raisi.line, raisi.start_col, raisi.end_col, raisi.modifiers }, { 2, 29, 42, { definition = true } }, "Ebrahim Raisi token")
  local zoe = H.token(buf, 3, 40, "person")
  H.eq({ zoe.start_col, zoe.end_col }, { 40, 57 }, "Zoë Łukasiewicz token (bytes)")
  H.eq(vim.api.nvim_get_hl(0, { name = "@lsp.type.person" }).link, "CopydeskPerson", "@lsp.type.person")
  H.eq(vim.api.nvim_get_hl(0, { name = "CopydeskPerson" }).link, "Identifier", "CopydeskPerson")
  H.eq(vim.api.nvim_get_hl(0, { name = "@lsp.mod.definition" }).link, "CopydeskDefining", "@lsp.mod.definition")
end)

H.step("rename a surname renames every mention of the entity", function()
  vim.api.nvim_win_set_cursor(0, RAISI_LATER)
  vim.lsp.buf.rename("Raeesi")
  H.wait(5000, function()
    return vim.api.nvim_buf_get_lines(buf, 6, 7, false)[1]:find("^Raeesi") ~= nil
  end, "rename applied")
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  H.contains(lines[3], "Iranian President Ebrahim Raeesi met", "line 3")
  H.eq(lines[6], "Raeesi said the government would rebuild the dam.", "line 6")
  H.eq(lines[7], "Raeesi returned to Tehran on Monday.", "line 7")
  H.eq(#vim.tbl_filter(function(l)
    return l:find("Raisi") ~= nil
  end, lines), 0, "no Raisi left")
  -- The whole rename is one undo step.
  vim.cmd("silent undo")
  H.eq(vim.api.nvim_buf_get_lines(buf, 0, -1, false), vim.fn.readfile(article), "text after one undo")
  H.eq(vim.bo[buf].modified, false, "modified after undo")
end)

H.step(":CopydeskRestart with utf-16 gives the same byte positions", function()
  local old = client.id
  copydesk.setup({
    cmd = { BIN, "lsp" },
    settings = { rules = { ["weasel-attribution"] = "error" } },
    capabilities = { general = { positionEncodings = { "utf-16" } } },
  })
  vim.cmd("CopydeskRestart")
  H.wait(10000, function()
    local c = copydesk.clients(buf)[1]
    return c ~= nil and c.id ~= old and c.initialized
  end, "a new client")
  client = copydesk.clients(buf)[1]
  H.eq(client.offset_encoding, "utf-16", "negotiated position encoding")
  H.eq(#vim.lsp.get_clients({ name = "copydesk" }), 1, "old client stopped")
  H.wait(10000, function()
    return vim.deep_equal(H.diagnostics(buf), first_diagnostics)
  end, "same diagnostics as with utf-8: " .. vim.inspect(first_diagnostics))
  local zoe = H.find(entity_items(), function(i)
    return i.text:find("^Zoë Łukasiewicz") ~= nil
  end, "Zoë Łukasiewicz item")
  H.eq({ zoe.lnum, zoe.col }, { 4, 41 }, "Zoë Łukasiewicz position")
  H.wait(5000, function()
    local t = H.token(buf, 3, 40, "person")
    return t ~= nil and t.end_col == 57
  end, "Zoë Łukasiewicz token at bytes 40-57 with utf-16")
end)

H.step(":help copydesk: the help file has valid tags", function()
  local rt = TMP .. "/help"
  vim.fn.mkdir(rt .. "/doc", "p")
  vim.fn.writefile(vim.fn.readfile(ROOT .. "/editors/neovim/doc/copydesk.txt"), rt .. "/doc/copydesk.txt")
  vim.cmd.helptags(vim.fn.fnameescape(rt .. "/doc"))
  vim.opt.runtimepath:append(rt)
  for _, tag in ipairs({ "copydesk", ":CopydeskLint", ":CopydeskEntities", ":CopydeskRestart", "copydesk-lspconfig" }) do
    vim.cmd.help(tag)
    H.contains(vim.api.nvim_get_current_line(), "*" .. tag .. "*", ":help " .. tag)
    vim.cmd.helpclose()
  end
end)

H.step("no error messages along the way", function()
  H.absent(vim.api.nvim_exec2("messages", { output = true }).output, "copydesk:", "messages")
end)

H.run()
