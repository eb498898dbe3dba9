// "Open or Create copydesk.toml": opens the workspace's config, or writes a starter one with `copydesk init`.
import { execFile } from "node:child_process";
import * as vscode from "vscode";
import { Controller } from "./controller";

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function openOrCreateConfig(controller: Controller): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: "Folder for copydesk.toml" }) : folders[0];
  if (!folder) {
    void vscode.window.showInformationMessage("copydesk: open a folder first; copydesk.toml lives at its root.");
    return;
  }
  const config = vscode.Uri.joinPath(folder.uri, "copydesk.toml");
  if (!(await exists(config))) {
    const server = controller.server;
    if (!server) {
      void vscode.window.showErrorMessage("copydesk: no server binary, so `copydesk init` cannot run.");
      return;
    }
    try {
      await new Promise<void>((resolve, reject) =>
        execFile(server.path, ["init"], { cwd: folder.uri.fsPath, timeout: 10_000 }, (err, _out, stderr) =>
          err ? reject(new Error(stderr.trim() || err.message)) : resolve(),
        ),
      );
    } catch (err) {
      void vscode.window.showErrorMessage(`copydesk init failed: ${(err as Error).message}`);
      return;
    }
  }
  await vscode.window.showTextDocument(config);
}
