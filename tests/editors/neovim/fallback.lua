-- The Neovim 0.10 route of setup(): without vim.lsp.config/vim.lsp.enable the plugin starts the
-- client itself from a FileType autocommand. Neovim 0.10 is not on PyPI, so this hides the 0.11
-- functions in 0.11 and checks the same server start, root and reuse.

local BIN = assert(os.getenv("COPYDESK_BIN"), "COPYDESK_BIN")
local TMP = assert(os.getenv("COPYDESK_TMP"), "COPYDESK_TMP")
local ROOT = assert(os.getenv("COPYDESK_ROOT"), "COPYDESK_ROOT")
local H = dofile(ROOT .. "/tests/editors/neovim/harness.lua")

local ws = TMP .. "/fallback/desk"
vim.fn.mkdir(ws .. "/.git", "p")
vim.fn.mkdir(ws .. "/politics", "p")
local article = ws .. "/politics/article.txt"
vim.fn.writefile(vim.fn.readfile(ROOT .. "/tests/editors/neovim/article.txt"), article)
local brief = ws .. "/brief.md"
vim.fn.writefile({ "# Dam", "", "The dam failed on Sunday, sources said." }, brief)

H.step("setup() without vim.lsp.config starts the server on FileType, rooted at .git", function()
  vim.lsp.config, vim.lsp.enable = nil, nil
  local copydesk = require("copydesk")
  copydesk.setup({ cmd = { BIN, "lsp" } })
  vim.cmd.edit(vim.fn.fnameescape(article))
  local buf = vim.api.nvim_get_current_buf()
  H.wait(10000, function()
    return #vim.diagnostic.get(buf) > 0
  end, "diagnostics")
  local client = copydesk.clients(buf)[1]
  H.eq(client.root_dir, ws, "root_dir from .git")
  H.eq(client.config.init_options, { rules = vim.empty_dict(), minSeverity = "hint", inlayHints = { enabled = true } }, "init_options")
  H.eq(
    vim.tbl_map(function(d)
      return { d.code, d.lnum, d.col, d.end_col }
    end, vim.diagnostic.get(buf)),
    { { "weasel-attribution", 3, 65, 72 } },
    "diagnostics"
  )

  vim.cmd.edit(vim.fn.fnameescape(brief))
  local md = vim.api.nvim_get_current_buf()
  H.wait(10000, function()
    return #copydesk.clients(md) > 0
  end, "client on the Markdown buffer")
  H.eq(#vim.lsp.get_clients({ name = "copydesk" }), 1, "one server for the workspace")
  H.eq(copydesk.clients(md)[1].id, client.id, "same client")
end)

H.run()
