// "Lint Workspace": `copydesk lint --format json` over each workspace folder, into the Problems panel.
import { execFile } from "node:child_process";
import * as vscode from "vscode";
import { Controller } from "./controller";
import { LintProblem, parseLintReport, Severity, toUtf16 } from "./lintReport";

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function toDiagnostic(p: LintProblem): vscode.Diagnostic {
  const range = new vscode.Range(p.start.line, p.start.character, p.end.line, p.end.character);
  const d = new vscode.Diagnostic(range, p.message, SEVERITY[p.severity]);
  d.source = "copydesk lint";
  d.code = p.docsUrl ? { value: p.rule, target: vscode.Uri.parse(p.docsUrl) } : p.rule;
  return d;
}

function runLint(server: string, cwd: string, token: vscode.CancellationToken): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(server, ["lint", "--format", "json", "."], { cwd, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      // Exit 1 only means "findings at or above --fail-on"; 2 is a real failure.
      if (err && (err as { code?: unknown }).code !== 1) reject(new Error(stderr.trim() || err.message));
      else resolve(stdout);
    });
    token.onCancellationRequested(() => child.kill());
  });
}

export class WorkspaceLinter implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection("copydesk-lint");
  private readonly listener: vscode.Disposable;

  constructor(private readonly controller: Controller) {
    // Once a file is open the language server reports it live; drop the batch result to avoid doubles.
    this.listener = vscode.workspace.onDidOpenTextDocument((doc) => {
      if (this.controller.client?.isRunning()) this.diagnostics.delete(doc.uri);
    });
  }

  async lint(): Promise<void> {
    const server = this.controller.server;
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!server) {
      void vscode.window.showErrorMessage("copydesk: no server binary, so the workspace cannot be linted.");
      return;
    }
    if (folders.length === 0) {
      void vscode.window.showInformationMessage("copydesk: open a folder to lint it.");
      return;
    }
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: "copydesk: linting the workspace", cancellable: true },
      async (_progress, token) => {
        this.diagnostics.clear();
        const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
        let count = 0;
        for (const folder of folders) {
          let report: string;
          try {
            report = await runLint(server.path, folder.uri.fsPath, token);
          } catch (err) {
            this.controller.output.error(`copydesk lint in ${folder.uri.fsPath}: ${(err as Error).message}`);
            void vscode.window.showErrorMessage(`copydesk lint failed in ${folder.name}: ${(err as Error).message}`);
            continue;
          }
          for (const file of parseLintReport(report, folder.uri.fsPath)) {
            const uri = vscode.Uri.file(file.path);
            count += file.problems.length;
            if (open.has(uri.toString()) && this.controller.client?.isRunning()) continue;
            const text = file.problems.length ? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) : "";
            this.diagnostics.set(uri, toUtf16(file.problems, text).map(toDiagnostic));
          }
        }
        void vscode.window.showInformationMessage(`copydesk: ${count} finding${count === 1 ? "" : "s"} in the workspace.`);
        await vscode.commands.executeCommand("workbench.actions.view.problems");
      },
    );
  }

  dispose(): void {
    this.listener.dispose();
    this.diagnostics.dispose();
  }
}
