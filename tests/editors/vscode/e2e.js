#!/usr/bin/env node
// End-to-end test of the copydesk extension in a real VS Code workbench (code-server), driven by
// chromium through playwright-core. Run by tests/editors/vscode.sh, which installs the tools and builds
// the server and the .vsix first. Every state file lives under $E2E_DIR; on failure it keeps a
// screenshot, the code-server output and the workbench logs there.
//
// env: E2E_DIR (run directory, wiped first), VSIX, CODE_SERVER, PLAYWRIGHT (playwright-core dir),
//      CHROMIUM (default /usr/bin/chromium), FIXTURES (the workspace's articles: article.txt, briefing.md),
//      COPYDESK (the CLI, for the expected finding counts), SHOTS (optional: keep step screenshots)
"use strict";
const { spawn, execFileSync } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const path = require("node:path");

const env = (name, fallback) => {
  const v = process.env[name] ?? fallback;
  if (v === undefined) throw new Error(`${name} is not set`);
  return v;
};
const RUN = path.resolve(env("E2E_DIR"));
const VSIX = path.resolve(env("VSIX"));
const CODE_SERVER = env("CODE_SERVER");
const { chromium } = require(path.resolve(env("PLAYWRIGHT")));
const CHROMIUM = env("CHROMIUM", "/usr/bin/chromium");
const FIXTURES = path.resolve(env("FIXTURES"));
const COPYDESK = path.resolve(env("COPYDESK"));
const SHOTS = process.env.SHOTS ? path.resolve(process.env.SHOTS) : undefined;
const STEP_TIMEOUT = Number(process.env.E2E_STEP_TIMEOUT_MS ?? 30000);

const dirs = Object.fromEntries(["ws", "ud", "ext", "chrome", "xdg"].map((d) => [d, path.join(RUN, d)]));
const started = Date.now();
const log = (msg) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

function prepare() {
  fs.rmSync(RUN, { recursive: true, force: true });
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.cpSync(FIXTURES, dirs.ws, { recursive: true });
  fs.mkdirSync(path.join(dirs.ud, "User"), { recursive: true });
  // No copydesk.path: the extension must find the server bundled in the .vsix.
  const settings = {
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "workbench.editor.enablePreview": false,
    "workbench.secondarySideBar.defaultVisibility": "hidden",
    "workbench.colorTheme": "Default Light Modern",
    "security.workspace.trust.enabled": false,
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "workbench.enableExperiments": false,
    "chat.disableAIFeatures": true,
    "git.enabled": false,
    "git.openRepositoryInParentFolders": "never",
    "editor.wordWrap": "on",
    "editor.minimap.enabled": false,
    "editor.fontSize": 15,
    "window.zoomLevel": 0,
  };
  baseSettings = settings;
  writeSettings({});
}

let baseSettings;
/** Writes the user settings file before the workbench starts. */
function writeSettings(extra) {
  fs.writeFileSync(path.join(dirs.ud, "User/settings.json"), JSON.stringify({ ...baseSettings, ...extra }, null, 2));
}

/** Changes user settings the way a user does: edit settings.json in the workbench and save it. */
async function editSettings(extra) {
  const file = path.join(dirs.ud, "User/settings.json");
  const key = Object.keys(extra)[0];
  await runCommand("Preferences: Open User Settings (JSON)");
  // The settings editor opens focused (a modal editor in recent releases), showing the file's first key.
  await page.locator(".monaco-editor.focused .view-line", { hasText: "workbench.startupEditor" }).waitFor();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(JSON.stringify({ ...baseSettings, ...extra }, null, 2)); // no auto-closing quotes
  await page.keyboard.press("Control+S");
  await until(() => fs.readFileSync(file, "utf8").includes(key), `settings.json to be saved with ${key}`);
  await page.keyboard.press("Control+W");
}

const childEnv = () => ({
  ...process.env,
  XDG_CONFIG_HOME: dirs.xdg,
  XDG_CACHE_HOME: dirs.xdg,
  XDG_DATA_HOME: dirs.xdg,
});
const csArgs = ["--config", path.join(RUN, "cs.yaml"), "--user-data-dir", dirs.ud, "--extensions-dir", dirs.ext];

function installVsix() {
  const out = execFileSync(CODE_SERVER, [...csArgs, "--install-extension", VSIX], { env: childEnv(), encoding: "utf8" });
  if (!/successfully installed/i.test(out)) throw new Error(`installing the .vsix: ${out}`);
}

async function startCodeServer(port) {
  const out = fs.openSync(path.join(RUN, "code-server.log"), "w");
  const child = spawn(
    CODE_SERVER,
    [...csArgs, "--auth", "none", "--bind-addr", `127.0.0.1:${port}`, "--disable-telemetry", "--disable-update-check",
      "--disable-workspace-trust", "--disable-getting-started-override", dirs.ws],
    { env: childEnv(), detached: true, stdio: ["ignore", out, out] },
  );
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see code-server.log`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("code-server did not answer /healthz in 20 s");
}

/**
 * What `copydesk lint` finds in each workspace file, keyed by file name: the editor must show the same.
 * The CLI and the server share the analysis, so a difference is a client (or protocol) bug.
 */
function expectedFindings() {
  let out;
  try {
    out = execFileSync(COPYDESK, ["lint", "--format", "json", "."], { cwd: dirs.ws, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (err) {
    if (err.status !== 1) throw err; // 1 = findings at or above --fail-on
    out = err.stdout;
  }
  const byFile = {};
  for (const f of JSON.parse(out).files) byFile[path.basename(f.path)] = f.findings;
  return byFile;
}
const count = (findings, severity) => findings.filter((f) => f.severity === severity).length;

let page;
let expected;
let step = "start";

async function shot(name) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(400); // let hovers and lists finish fading in: this is a picture, not an assertion
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** The extension's own log (the "copydesk" output channel), as the workbench wrote it to disk. */
function extensionLog() {
  const logs = path.join(dirs.ud, "logs");
  const files = fs.existsSync(logs) ? fs.readdirSync(logs, { recursive: true }).filter((f) => f.endsWith(path.join("copydesk.copydesk", "copydesk.log"))) : [];
  return files.map((f) => fs.readFileSync(path.join(logs, f), "utf8")).join("");
}

/** How many times the extension started the bundled server so far. */
const serverStarts = () => (extensionLog().match(/Using copydesk \S+ \(bundled\)/g) ?? []).length;

async function until(condition, what, detail = () => "") {
  for (const deadline = Date.now() + STEP_TIMEOUT; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    if (await condition()) return;
  }
  throw new Error(`timed out waiting for ${what} ${detail()}`);
}

/** Waits until the status bar's Problems item shows these error and warning counts. */
async function problemCounts(errors, warnings) {
  const item = page.locator('[id="status.problems"]');
  const want = new RegExp(`^\\D*${errors}\\D+${warnings}(\\D|$)`);
  try {
    await item.filter({ hasText: want }).waitFor();
  } catch (err) {
    throw new Error(`Problems shows ${JSON.stringify(await item.innerText())}, expected ${errors} errors and ${warnings} warnings`);
  }
}

const editorText = () => page.locator(".monaco-editor .view-lines").first();
// Monaco renders spaces as U+00A0; Playwright's string hasText normalizes whitespace, so plain strings match.
const line = (text) => page.locator(".monaco-editor .view-line", { hasText: text }).first();
const cursor = (text) => page.locator('[id="status.editor.selection"]', { hasText: text }).waitFor();

async function goTo(lineCol) {
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("Control+G");
  // Type only once the Go to Line box has focus, or the keys would land in the article.
  await page.locator(".quick-input-widget input:focus").waitFor();
  await page.keyboard.type(lineCol);
  await page.keyboard.press("Enter");
  const [l, c] = lineCol.split(":");
  await cursor(`Ln ${l}, Col ${c}`);
}

async function runCommand(title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first().waitFor();
  await page.keyboard.press("Enter");
}

/**
 * The TextMate scopes VS Code gives the token at `lineCol` must include `scopes`. Semantic tokens from the
 * server colour the same words, so colours alone would not show that the grammar works.
 */
async function inspectScopes(lineCol, scopes) {
  await goTo(lineCol);
  await runCommand("Developer: Inspect Editor Tokens and Scopes");
  const widget = page.locator(".token-inspect-widget");
  await widget.waitFor();
  await widget.filter({ hasText: "textmate scopes" }).waitFor();
  const text = await widget.innerText();
  await page.keyboard.press("Escape");
  const missing = scopes.filter((s) => !text.includes(s));
  if (missing.length) throw new Error(`token at ${lineCol} lacks ${missing.join(", ")}:\n${text}`);
}

const checks = [
  ["the article opens from the Explorer", async () => {
    await page.getByRole("treeitem", { name: "article.txt" }).click();
    await line("Raisi said the country").waitFor();
  }],
  ["the TextMate grammar scopes cue words and quotations (before and without the server)", async () => {
    await inspectScopes("5:8", ["keyword.other.cue.copydesk", "text.copydesk"]); // "said"
    await inspectScopes("5:80", ["string.quoted.double.copydesk"]); // "We will not negotiate…"
  }],
  ["the status bar shows the server state and the article's counts", async () => {
    await page.locator(".statusbar-item", { hasText: /\d+ entit(y|ies) · \d+ attributions? · \d+ unsourced/ }).first().waitFor();
    await shot("article");
  }],
  ["an unsourced claim gets a warning squiggle on its line and a Problems entry", async () => {
    const target = line("Inflation rose to 45 percent");
    await target.waitFor();
    const squiggles = page.locator(".monaco-editor .squiggly-warning");
    await squiggles.first().waitFor();
    // Code lenses can arrive meanwhile and move the lines down, so measure line and squiggles together, until they agree.
    let seen;
    const onLine = async () => {
      const want = await target.boundingBox();
      const boxes = await Promise.all((await squiggles.all()).map((s) => s.boundingBox()));
      seen = { line: want, squiggles: boxes };
      return boxes.some((b) => b && want && Math.abs(b.y - want.y) < want.height / 2);
    };
    await until(onLine, "a warning squiggle on the \"Inflation rose\" line", () => JSON.stringify(seen));
    const findings = expected["article.txt"];
    if (!findings.some((f) => f.rule === "unsourced-claim" && f.line === 7)) {
      throw new Error(`the fixture no longer has an unsourced claim on line 7: ${JSON.stringify(findings)}`);
    }
    await problemCounts(count(findings, "error"), count(findings, "warning"));
    await page.keyboard.press("Control+Shift+M");
    await page.locator(".markers-panel .monaco-list-row", { hasText: "unsourced-claim" }).first().waitFor();
    await shot("problems");
    await page.keyboard.press("Control+Shift+M");
  }],
  ["hover on a surname shows the entity card with the full name and role", async () => {
    await goTo("5:2");
    await page.keyboard.press("Control+K");
    await page.keyboard.press("Control+I");
    const hover = page.locator(".monaco-hover", { hasText: "Ebrahim Raisi" }).first();
    await hover.waitFor();
    const text = await hover.innerText();
    if (!/President/.test(text)) throw new Error(`hover card has no role: ${JSON.stringify(text)}`);
    await shot("hover");
    await page.keyboard.press("Escape");
  }],
  ["F12 on a surname jumps to the defining mention", async () => {
    await goTo("5:2");
    await page.keyboard.press("F12");
    // "TEHRAN — Iranian President Ebrahim Raisi": the em dash is one UTF-16 unit, so column 28.
    await cursor("Ln 3, Col 28");
  }],
  ["the entity quick pick lists the article's entities and jumps to the defining mention", async () => {
    await goTo("9:1");
    await runCommand("copydesk: Show Entities of This Article");
    const row = page.locator(".quick-input-list .monaco-list-row", { hasText: "Ebrahim Raisi" }).first();
    await row.waitFor();
    if (!/PERSON/i.test(await row.innerText())) throw new Error(`entity row without its type: ${await row.innerText()}`);
    await shot("entities");
    await page.locator(".quick-input-widget input").fill("Ebrahim Raisi");
    await page.keyboard.press("Enter");
    await cursor("Ln 3, Col 28");
  }],
  ["Lint Workspace fills the Problems panel with the files that are not open", async () => {
    const all = Object.values(expected).flat();
    await runCommand("copydesk: Lint Workspace");
    await problemCounts(count(all, "error"), count(all, "warning"));
    await page.locator(".markers-panel .monaco-list-row", { hasText: "briefing.md" }).first().waitFor();
    await shot("lint-workspace");
    await page.keyboard.press("Control+Shift+M");
  }],
  ["a Markdown article gets the server's findings (not doubled by the lint results) and the grammar's colours", async () => {
    await page.getByRole("treeitem", { name: "briefing.md" }).click();
    await line("Unemployment doubled").waitFor();
    await page.locator(".monaco-editor .squiggly-warning").first().waitFor();
    const all = Object.values(expected).flat();
    await problemCounts(count(all, "error"), count(all, "warning"));
    await inspectScopes("5:28", ["keyword.other.cue.copydesk", "text.html.markdown"]); // "said", via the injection
    await page.getByRole("treeitem", { name: "article.txt" }).click();
    await line("Raisi said the country").waitFor();
  }],
  ["rename of a surname changes every mention of the entity", async () => {
    await goTo("5:2");
    await page.keyboard.press("F2");
    const input = page.locator(".rename-box input, .rename-box textarea").first();
    await input.waitFor();
    await input.fill("Raeisi");
    await page.keyboard.press("Enter");
    await line("Raeisi said the country").waitFor();
    await line("Ebrahim Raeisi").waitFor();
    await line("that Raeisi had approved").waitFor();
    const text = await editorText().innerText();
    if (/Raisi/.test(text)) throw new Error(`a mention was not renamed:\n${text}`);
  }],
  ["Restart Server starts a new server, which answers with the article's counts", async () => {
    const before = serverStarts();
    if (before < 1) throw new Error(`the extension log does not say which server it started:\n${extensionLog()}`);
    await runCommand("copydesk: Restart Server");
    await until(() => serverStarts() > before, "a second server start in the extension log");
    await page.locator(".statusbar-item", { hasText: /\d+ entit(y|ies) · \d+ attributions? · 1 unsourced/ }).first().waitFor();
  }],
  ["Open or Create copydesk.toml writes a starter config with copydesk init and opens it", async () => {
    await runCommand("copydesk: Open or Create copydesk.toml");
    await page.locator(".tabs-container .tab", { hasText: "copydesk.toml" }).waitFor();
    if (!fs.existsSync(path.join(dirs.ws, "copydesk.toml"))) throw new Error("copydesk.toml was not written");
  }],
  ["a rule turned off in the settings disappears without restarting the server", async () => {
    await page.locator(".tabs-container .tab", { hasText: "article.txt" }).click();
    const starts = serverStarts();
    await editSettings({ "copydesk.rules.unsourced-claim": "off" });
    await problemCounts(0, 0);
    await page.locator(".statusbar-item", { hasText: /· 0 unsourced/ }).first().waitFor();
    if (serverStarts() !== starts) throw new Error("the server was restarted instead of receiving the new settings");
  }],
  ["a copydesk.path that points nowhere gives a notification that says how to fix it", async () => {
    // copydesk.path is machine-overridable: a remote window (code-server) ignores it in user settings, so set it
    // for the workspace, as a user of Remote/code-server would.
    fs.mkdirSync(path.join(dirs.ws, ".vscode"), { recursive: true });
    fs.writeFileSync(path.join(dirs.ws, ".vscode/settings.json"), JSON.stringify({ "copydesk.path": "/nonexistent/copydesk" }));
    const toast = page.locator(".notification-toast", { hasText: "copydesk.path setting points to /nonexistent/copydesk" });
    await toast.waitFor();
    await toast.getByRole("button", { name: "Open Settings" }).waitFor();
    await shot("not-found");
  }],
];

async function main() {
  const watchdog = setTimeout(() => {
    console.error("FAIL: watchdog (150 s)");
    process.exit(3);
  }, 150_000);
  prepare();
  expected = expectedFindings();
  installVsix();
  log("vsix installed");
  const port = await freePort();
  const cs = await startCodeServer(port);
  log(`code-server on port ${port}`);
  let ctx;
  const failures = [];
  try {
    ctx = await chromium.launchPersistentContext(dirs.chrome, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 800 },
      env: childEnv(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    page = ctx.pages()[0] ?? (await ctx.newPage());
    page.setDefaultTimeout(STEP_TIMEOUT);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.ws)}`, { timeout: 60000 });
    await page.locator(".monaco-workbench").waitFor({ timeout: 60000 });
    log("workbench loaded");
    // Every check runs even after one fails, so one CI log shows all that is broken.
    for (const [index, [name, check]] of checks.entries()) {
      step = name;
      try {
        await check();
        log(`ok - ${name}`);
      } catch (err) {
        failures.push(name);
        log(`not ok - ${name}\n${err.message ?? err}`);
        await page.screenshot({ path: path.join(RUN, `failure-${index + 1}.png`) }).catch(() => {});
        await page.keyboard.press("Escape").catch(() => {});
      }
    }
    await shot("final");
  } catch (err) {
    failures.push(step);
    console.error(`FAIL: ${step}\n${err.stack ?? err}`);
    if (page) await page.screenshot({ path: path.join(RUN, "failure.png") }).catch(() => {});
  } finally {
    await ctx?.close().catch(() => {});
    try {
      process.kill(-cs.pid, "SIGTERM");
    } catch {
      // already gone
    }
    clearTimeout(watchdog);
  }
  if (failures.length) {
    console.error(`FAIL: ${failures.length} of ${checks.length} checks:\n  ${failures.join("\n  ")}`);
    console.error(`artifacts: ${RUN} (failure-*.png, code-server.log, ud/logs/)`);
    process.exitCode = 1;
  } else {
    log(`PASS (${checks.length} checks)`);
    process.exitCode = 0;
  }
}

main().catch((err) => {
  console.error(`FAIL: ${err.stack ?? err}`);
  process.exitCode = 1;
});
