// Entry point: wires the language client, the status bar and the commands.
import * as vscode from "vscode";
import { openOrCreateConfig } from "./configFile";
import { Controller } from "./controller";
import { showEntities } from "./entities";
import { WorkspaceLinter } from "./lintWorkspace";
import { RESTART_SETTINGS } from "./settings";
import { StatusBar } from "./statusBar";

let controller: Controller | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("copydesk", { log: true });
  controller = new Controller(context, output);
  const c = controller;
  const linter = new WorkspaceLinter(c);
  context.subscriptions.push(
    output,
    c,
    new StatusBar(c),
    linter,
    vscode.commands.registerCommand("copydesk.restartServer", () => c.restart()),
    vscode.commands.registerCommand("copydesk.showOutput", () => output.show(true)),
    vscode.commands.registerCommand("copydesk.showEntities", () => showEntities(c)),
    vscode.commands.registerCommand("copydesk.lintWorkspace", () => linter.lint()),
    vscode.commands.registerCommand("copydesk.openConfig", () => openOrCreateConfig(c)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration("copydesk")) return;
      if (RESTART_SETTINGS.some((s) => e.affectsConfiguration(s))) void c.restart();
      else void c.sendSettings();
    }),
  );
  await c.start();
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
}
