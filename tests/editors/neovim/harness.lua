-- A tiny step runner for headless Neovim tests: ordered steps, assertions that say what differed,
-- a watchdog so a hung server fails the run instead of blocking it, and an exit code.

local uv = vim.uv or vim.loop
local H = { steps = {} }

local function say(s)
  io.stdout:write(s .. "\n")
  io.stdout:flush()
end

local function finish(code)
  if code == 0 then
    vim.cmd("qall!")
  else
    vim.cmd("cquit " .. code)
  end
end

-- The outer `timeout` is the second net; this one prints which step hung.
local current = "(start)"
local watchdog = uv.new_timer()
watchdog:start(
  tonumber(os.getenv("COPYDESK_WATCHDOG_MS") or "60000"),
  0,
  vim.schedule_wrap(function()
    say("not ok - watchdog fired during: " .. current)
    finish(3)
  end)
)

function H.step(name, fn)
  table.insert(H.steps, { name = name, fn = fn })
end

-- COPYDESK_E2E_SKIP (comma-separated words) leaves steps naming one out while debugging; a run that skipped
-- anything exits 4, so it can never pass as complete.
function H.run()
  local started = uv.hrtime()
  local skip, skipped = vim.split(os.getenv("COPYDESK_E2E_SKIP") or "", ",", { trimempty = true }), 0
  for _, s in ipairs(H.steps) do
    current = s.name
    if vim.iter(skip):any(function(word)
      return s.name:find(word, 1, true) ~= nil
    end) then
      say("skip - " .. s.name)
      skipped = skipped + 1
      goto continue
    end
    local t0 = uv.hrtime()
    local ok, err = xpcall(s.fn, debug.traceback)
    if not ok then
      say("not ok - " .. s.name .. "\n" .. tostring(err))
      return finish(1)
    end
    say(("ok - %s (%d ms)"):format(s.name, (uv.hrtime() - t0) / 1e6))
    ::continue::
  end
  watchdog:stop()
  if skipped > 0 then
    say(("%d steps skipped: incomplete run"):format(skipped))
    return finish(4)
  end
  say(("all %d steps passed in %d ms"):format(#H.steps, (uv.hrtime() - started) / 1e6))
  finish(0)
end

function H.eq(got, want, what)
  if not vim.deep_equal(got, want) then
    error(("%s: expected %s, got %s"):format(what, vim.inspect(want), vim.inspect(got)), 2)
  end
end

local function as_text(x)
  return type(x) == "table" and table.concat(x, "\n") or tostring(x)
end

function H.contains(haystack, needle, what)
  if not as_text(haystack):find(needle, 1, true) then
    error(("%s: %q not found in:\n%s"):format(what, needle, as_text(haystack)), 2)
  end
end

function H.absent(haystack, needle, what)
  if as_text(haystack):find(needle, 1, true) then
    error(("%s: %q unexpectedly found in:\n%s"):format(what, needle, as_text(haystack)), 2)
  end
end

function H.find(list, pred, what)
  for _, x in ipairs(list) do
    if pred(x) then
      return x
    end
  end
  error(("%s: not found in %s"):format(what, vim.inspect(list)), 2)
end

function H.wait(ms, pred, what)
  if not vim.wait(ms, pred, 10) then
    error("timed out waiting for " .. what, 2)
  end
end

--- The buffer's diagnostics in position order, reduced to what a user sees.
function H.diagnostics(buf)
  local out = vim.tbl_map(function(d)
    return {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      code = d.code,
      source = d.source,
      message = d.message,
    }
  end, vim.diagnostic.get(buf))
  table.sort(out, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and (a.col < b.col or (a.col == b.col and a.code < b.code)))
  end)
  return out
end

local function floats()
  return vim.tbl_filter(function(w)
    return vim.api.nvim_win_get_config(w).relative ~= ""
  end, vim.api.nvim_list_wins())
end

--- Waits for a floating window (hover) and returns its text.
function H.wait_float()
  H.wait(5000, function()
    return #floats() > 0
  end, "a floating window")
  local buf = vim.api.nvim_win_get_buf(floats()[1])
  return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
end

function H.close_floats()
  for _, w in ipairs(floats()) do
    vim.api.nvim_win_close(w, true)
  end
end

--- Runs `:checkhealth copydesk`, returns its text and closes the report.
function H.checkhealth()
  local win = vim.api.nvim_get_current_win()
  vim.cmd("checkhealth copydesk")
  local report = vim.api.nvim_get_current_buf()
  local text = table.concat(vim.api.nvim_buf_get_lines(report, 0, -1, false), "\n")
  vim.cmd("bwipeout! " .. report)
  if vim.api.nvim_win_is_valid(win) then
    vim.api.nvim_set_current_win(win)
  end
  return text
end

--- The semantic token of `type` at (row, col) (0-based, bytes), if the client has one. Read from
--- the client's token state, which does not wait for a redraw (headless Neovim seldom redraws).
function H.token(buf, row, col, type)
  for _, t in ipairs(vim.lsp.semantic_tokens.get_at_pos(buf, row, col) or {}) do
    if t.type == type then
      return t
    end
  end
end

return H
