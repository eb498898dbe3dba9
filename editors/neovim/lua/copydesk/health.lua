-- :checkhealth copydesk — the binary, its version, the project's copydesk.toml and the running clients.

local M = {}

local health = vim.health

local function run(cmd, stdin)
  local ok, res = pcall(function()
    return vim.system(cmd, { text = true, stdin = stdin }):wait(10000)
  end)
  if not ok then
    return { code = -1, stdout = "", stderr = tostring(res) }
  end
  return res
end

local function first_line(s)
  return vim.split(vim.trim(s or ""), "\n")[1] or ""
end

-- Where to look for copydesk.toml: the roots of running clients, the article being edited, the cwd.
local function config_files(markers)
  local starts = {}
  for _, client in ipairs(vim.lsp.get_clients({ name = "copydesk" })) do
    if client.root_dir then
      table.insert(starts, client.root_dir)
    end
  end
  local alt = vim.fn.bufnr("#")
  if alt > 0 and vim.api.nvim_buf_get_name(alt) ~= "" then
    table.insert(starts, vim.fs.dirname(vim.api.nvim_buf_get_name(alt)))
  end
  table.insert(starts, vim.fn.getcwd())
  local seen, found = {}, {}
  for _, start in ipairs(starts) do
    local file = vim.fs.find(markers, { upward = true, path = start, type = "file" })[1]
    if file and not seen[file] then
      seen[file] = true
      table.insert(found, file)
    end
  end
  return found
end

-- `copydesk lint` on an empty stdin with this config: exit 2 means the config is invalid.
local function validate(bin, file)
  if run({ bin, "lint", "--help" }).code ~= 0 then
    health.warn("found " .. file .. ", but this copydesk has no `lint` command to validate it")
    return
  end
  local res = run({ bin, "lint", "--config", file, "--stdin", "--stdin-filename", "copydesk-health.txt" }, "")
  if res.code == 0 or res.code == 1 then
    health.ok("valid: " .. file)
  else
    health.error(("invalid: %s\n%s"):format(file, vim.trim(res.stderr or "")), {
      "Fix the line and column named above, or run `copydesk init` for a commented starter file.",
    })
  end
end

function M.check()
  local copydesk = require("copydesk")
  health.start("copydesk")

  if vim.fn.has("nvim-0.10") == 1 then
    health.ok("Neovim " .. tostring(vim.version()))
  else
    health.error("Neovim 0.10 or newer is required")
  end

  local bin = copydesk.config.cmd[1]
  local path = vim.fn.exepath(bin)
  if path == "" then
    health.error(("`%s` not found"):format(bin), {
      "Install it with `cargo install --path server/cli`, or set `cmd` in require('copydesk').setup().",
    })
    return
  end
  health.ok("binary: " .. path)

  local version = run({ path, "--version" })
  if version.code == 0 then
    health.ok("version: " .. first_line(version.stdout))
  else
    health.error("`" .. path .. " --version` failed: " .. first_line(version.stderr))
  end

  local files = config_files({ "copydesk.toml" })
  if #files == 0 then
    health.info("no copydesk.toml found (defaults apply); `copydesk init` writes one")
  end
  for _, file in ipairs(files) do
    validate(path, file)
  end

  local clients = copydesk.clients()
  if #clients == 0 then
    health.info("no copydesk language server running (filetypes: " .. table.concat(copydesk.config.filetypes, ", ") .. ")")
  end
  for _, client in ipairs(clients) do
    health.ok(
      ("client %d running, root %s, encoding %s"):format(client.id, client.root_dir or "(none)", client.offset_encoding)
    )
  end
end

return M
