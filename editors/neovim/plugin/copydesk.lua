-- Commands are available as soon as the plugin is on the runtimepath; the server starts only
-- after require("copydesk").setup().
if vim.g.loaded_copydesk then
  return
end
vim.g.loaded_copydesk = true

require("copydesk").define_commands()
