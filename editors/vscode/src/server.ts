// Finds the copydesk binary on this machine and checks its version, telling the user how to fix it when that fails.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as vscode from "vscode";
import { bundledServerPath, checkServerVersion, findServer, MIN_SERVER_VERSION, ServerSource } from "./discovery";

export interface ResolvedServer {
  path: string;
  version: string;
  source: ServerSource;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (process.platform !== "win32") fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A VSIX does not always keep the executable bit of bin/copydesk; restore it once. */
function ensureBundledIsExecutable(extensionPath: string): void {
  const bundled = bundledServerPath(extensionPath, process.platform);
  if (process.platform === "win32" || !fs.existsSync(bundled) || isExecutableFile(bundled)) return;
  try {
    fs.chmodSync(bundled, 0o755);
  } catch {
    // Read-only install: discovery will report it as missing and fall back to PATH.
  }
}

function runVersion(file: string): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(file, ["--version"], { timeout: 10_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}${stderr ? `\n${stderr}` : ""}`)) : resolve(stdout),
    ),
  );
}

const INSTALL_HINT = "Install it with `cargo install --path server/cli` from the copydesk repository, or set `copydesk.path` to a copydesk binary.";
const SETTING_HINT = "Correct `copydesk.path`, or clear it to use the bundled server or `copydesk` on PATH.";

async function notify(message: string, output: vscode.LogOutputChannel, hint = INSTALL_HINT): Promise<void> {
  output.error(message);
  const choice = await vscode.window.showErrorMessage(`copydesk: ${message} ${hint}`, "Open Settings", "Show Output");
  if (choice === "Open Settings") await vscode.commands.executeCommand("workbench.action.openSettings", "copydesk.path");
  else if (choice === "Show Output") output.show(true);
}

export async function resolveServer(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<ResolvedServer | undefined> {
  ensureBundledIsExecutable(context.extensionPath);
  const found = findServer({
    configuredPath: vscode.workspace.getConfiguration("copydesk").get<string>("path") ?? "",
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    extensionPath: context.extensionPath,
    pathEnv: process.env.PATH ?? "",
    platform: process.platform,
    homeDir: os.homedir(),
    isExecutableFile,
  });
  if (found.kind === "missing") {
    output.info(`Looked for the server in:\n  ${found.tried.join("\n  ")}`);
    void notify(found.message, output, found.source === "setting" ? SETTING_HINT : INSTALL_HINT);
    return undefined;
  }
  let versionOutput: string;
  try {
    versionOutput = await runVersion(found.path);
  } catch (err) {
    void notify(`Could not run ${found.path} --version: ${(err as Error).message}`, output);
    return undefined;
  }
  const check = checkServerVersion(versionOutput, found.path, MIN_SERVER_VERSION);
  if (!check.ok) {
    void notify(check.message, output);
    return undefined;
  }
  output.info(`Using copydesk ${check.version} (${found.source}): ${found.path}`);
  return { path: found.path, version: check.version, source: found.source };
}
