// Owns the language client: start, stop, restart, and the settings it sends.
import * as vscode from "vscode";
import {
  ConfigurationParams,
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from "vscode-languageclient/node";
import { ResolvedServer, resolveServer } from "./server";
import { ruleIdsFromManifest, serverSettings, ServerSettings } from "./settings";

export type ServerState = "starting" | "running" | "stopped" | "missing";

export const DEFAULT_FILE_PATTERNS = ["**/*.txt", "**/*.md", "**/*.markdown"];

/** Which documents are articles: `copydesk.filePatterns` on disk and in unsaved editors. */
export function articleFilters(): { scheme: string; pattern: string }[] {
  const patterns = vscode.workspace.getConfiguration("copydesk").get<string[]>("filePatterns") ?? DEFAULT_FILE_PATTERNS;
  return patterns.flatMap((pattern) => [
    { scheme: "file", pattern },
    { scheme: "untitled", pattern },
  ]);
}

export class Controller implements vscode.Disposable {
  client: LanguageClient | undefined;
  server: ResolvedServer | undefined;
  state: ServerState = "stopped";
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly ruleIds: string[];

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly output: vscode.LogOutputChannel,
  ) {
    this.ruleIds = ruleIdsFromManifest(context.extension.packageJSON);
  }

  settingsFor(scope?: vscode.Uri): ServerSettings {
    return serverSettings(vscode.workspace.getConfiguration("copydesk", scope), this.ruleIds);
  }

  private setState(state: ServerState): void {
    this.state = state;
    this.stateEmitter.fire(state);
  }

  async start(): Promise<void> {
    this.setState("starting");
    this.server = await resolveServer(this.context, this.output);
    if (!this.server) {
      this.setState("missing");
      return;
    }
    const serverOptions: ServerOptions = {
      command: this.server.path,
      args: ["lsp"],
      transport: TransportKind.stdio,
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: articleFilters(),
      outputChannel: this.output,
      initializationOptions: this.settingsFor(),
      middleware: {
        workspace: {
          // Answer with the contract's shape instead of VS Code's raw settings tree.
          configuration: (params: ConfigurationParams, token, next) => {
            if (params.items.every((item) => item.section !== "copydesk")) return next(params, token);
            return params.items.map((item) =>
              item.section === "copydesk" ? this.settingsFor(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : null,
            );
          },
        },
      },
    };
    const client = new LanguageClient("copydesk", "copydesk", serverOptions, clientOptions);
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) this.setState("running");
      else if (e.newState === State.Stopped) this.setState("stopped");
      else this.setState("starting");
    });
    this.client = client;
    try {
      await client.start();
    } catch (err) {
      this.output.error(`the server did not start: ${(err as Error).message}`);
      this.setState("stopped");
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) {
      try {
        await client.stop(5000);
      } catch (err) {
        this.output.warn(`stopping the server: ${(err as Error).message}`);
      }
    }
    this.setState("stopped");
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Push changed settings to a running server (it may also pull them with workspace/configuration). */
  async sendSettings(): Promise<void> {
    if (this.client?.state !== State.Running) return;
    await this.client.sendNotification(DidChangeConfigurationNotification.type, { settings: { copydesk: this.settingsFor() } });
  }

  dispose(): void {
    void this.stop();
    this.stateEmitter.dispose();
  }
}
