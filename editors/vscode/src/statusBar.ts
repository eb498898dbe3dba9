// The status bar item: server state, and the active article's counts from `copydesk/documentInfo`.
import * as vscode from "vscode";
import { State } from "vscode-languageclient/node";
import { articleFilters, Controller } from "./controller";
import { describeCounts, DOCUMENT_INFO_REQUEST, DocumentInfo, plural } from "./protocol";

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("copydesk.status", vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;

  constructor(private readonly controller: Controller) {
    this.item.name = "copydesk";
    this.item.command = "copydesk.showEntities";
    this.disposables.push(
      controller.onDidChangeState(() => this.schedule(0)),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      // Diagnostics arrive after each analysis, so they are the moment the counts change.
      vscode.languages.onDidChangeDiagnostics((e) => {
        const uri = vscode.window.activeTextEditor?.document.uri.toString();
        if (e.uris.some((u) => u.toString() === uri)) this.schedule(150);
      }),
    );
    this.render();
    this.item.show();
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private render(counts?: string, tooltip?: string): void {
    const { state, server } = this.controller;
    const icon = { starting: "$(sync~spin)", running: "$(book)", stopped: "$(debug-stop)", missing: "$(error)" }[state];
    this.item.text = counts ? `${icon} ${counts}` : `${icon} copydesk`;
    const who = server ? `copydesk ${server.version} (${server.source})` : "copydesk";
    this.item.tooltip = [`${who}: ${state === "missing" ? "server not found" : state}`, tooltip].filter(Boolean).join("\n");
    this.item.backgroundColor = state === "missing" ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const client = this.controller.client;
    const editor = vscode.window.activeTextEditor;
    if (!client || client.state !== State.Running || !editor || !vscode.languages.match(articleFilters(), editor.document)) {
      this.render();
      return;
    }
    try {
      const info = await client.sendRequest<DocumentInfo>(DOCUMENT_INFO_REQUEST, {
        textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) },
      });
      if (generation !== this.generation) return;
      this.render(
        describeCounts(info),
        `${plural(info.entities, "entity", "entities")}, ${plural(info.attributions, "attribution")}, ` +
          `${plural(info.unsourced, "unsourced claim")}, ${plural(info.findings, "finding")}. Click to list the entities.`,
      );
    } catch (err) {
      if (generation === this.generation) this.render(undefined, `No counts: ${(err as Error).message}`);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
