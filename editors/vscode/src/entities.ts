// "Show Entities of This Article": a quick pick of `copydesk/entities` that jumps to each defining mention.
import * as vscode from "vscode";
import { Controller } from "./controller";
import { ENTITIES_REQUEST, EntityInfo, plural } from "./protocol";

interface EntityItem extends vscode.QuickPickItem {
  range: vscode.Range;
}

export async function showEntities(controller: Controller): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const client = controller.client;
  if (!editor) {
    void vscode.window.showInformationMessage("copydesk: open an article first.");
    return;
  }
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage("copydesk: the server is not running.", "Restart Server").then((c) => {
      if (c) void vscode.commands.executeCommand("copydesk.restartServer");
    });
    return;
  }
  const entities = await client.sendRequest<EntityInfo[]>(ENTITIES_REQUEST, {
    textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) },
  });
  const document = editor.document;
  const items: EntityItem[] = entities.map((e) => {
    const range = client.protocol2CodeConverter.asRange(e.range);
    return {
      label: e.name,
      description: [e.type, ...e.roles].join(" · "),
      detail: `${plural(e.mentions, "mention")}, first on line ${range.start.line + 1}: “${document.getText(range)}”`,
      range,
    };
  });
  const original = editor.selection;
  const reveal = (item: EntityItem) => {
    // Cursor at the start of the name, the name selected: where F12 lands too.
    editor.selection = new vscode.Selection(item.range.end, item.range.start);
    editor.revealRange(item.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };
  const pick = vscode.window.createQuickPick<EntityItem>();
  pick.title = `Entities in ${vscode.workspace.asRelativePath(document.uri)}`;
  pick.placeholder = items.length ? "Go to the defining mention" : "No entities found in this article";
  pick.matchOnDescription = true;
  pick.items = items;
  let accepted = false;
  pick.onDidChangeActive((active) => active[0] && reveal(active[0]));
  pick.onDidAccept(() => {
    const item = pick.selectedItems[0];
    if (item) {
      accepted = true;
      reveal(item);
    }
    pick.hide();
  });
  pick.onDidHide(() => {
    if (!accepted) editor.selection = original;
    pick.dispose();
  });
  pick.show();
}
