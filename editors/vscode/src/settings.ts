// The settings the server receives, in the shape of the server's contract:
// {"rules": {"<rule-id>": "off|hint|info|warning|error|default"}, "minSeverity": "...", "inlayHints": {"enabled": bool}}.
// Sent as initializationOptions, in answer to workspace/configuration, and with didChangeConfiguration.

export const RULE_LEVELS = ["default", "off", "hint", "info", "warning", "error"] as const;
export const SEVERITIES = ["hint", "info", "warning", "error"] as const;

export interface ServerSettings {
  rules: Record<string, string>;
  minSeverity: string;
  inlayHints: { enabled: boolean };
}

/** The part of `vscode.WorkspaceConfiguration` we use, so this module stays free of `vscode`. */
export interface ConfigurationReader {
  get<T>(key: string): T | undefined;
}

/** Rule ids declared in package.json, from the `copydesk.rules.<id>` settings. */
export function ruleIdsFromManifest(manifest: { contributes?: { configuration?: unknown } }): string[] {
  const sections = manifest.contributes?.configuration;
  const list = Array.isArray(sections) ? sections : sections ? [sections] : [];
  const ids: string[] = [];
  for (const section of list) {
    for (const key of Object.keys((section as { properties?: object }).properties ?? {})) {
      if (key.startsWith("copydesk.rules.")) ids.push(key.slice("copydesk.rules.".length));
    }
  }
  return ids;
}

export function serverSettings(config: ConfigurationReader, ruleIds: readonly string[]): ServerSettings {
  const rules: Record<string, string> = {};
  // Declared rules first, then any other `copydesk.rules.*` a user wrote by hand (a rule newer than this extension).
  const written = config.get<Record<string, unknown>>("rules") ?? {};
  for (const id of [...ruleIds, ...Object.keys(written).filter((k) => !ruleIds.includes(k))]) {
    const level = written[id];
    rules[id] = typeof level === "string" && (RULE_LEVELS as readonly string[]).includes(level) ? level : "default";
  }
  const min = config.get<string>("minSeverity");
  return {
    rules,
    minSeverity: min && (SEVERITIES as readonly string[]).includes(min) ? min : "hint",
    inlayHints: { enabled: config.get<boolean>("inlayHints.enabled") ?? true },
  };
}

/** Settings whose change needs a new server process rather than a didChangeConfiguration. */
export const RESTART_SETTINGS = ["copydesk.path", "copydesk.filePatterns"] as const;
