// Where the copydesk binary comes from, and whether it is new enough.
// Pure: every file-system question goes through the `isExecutableFile` callback, so the unit tests
// can describe a machine without touching the real one.
import * as path from "node:path";

/** The oldest server whose protocol (settings, custom requests) this extension speaks. */
export const MIN_SERVER_VERSION = "0.1.0";

export type ServerSource = "setting" | "bundled" | "path";

export interface DiscoveryInput {
  /** The `copydesk.path` setting; empty when unset. */
  configuredPath: string;
  /** First workspace folder, to resolve a relative `copydesk.path`. */
  workspaceFolder?: string;
  /** Root of the installed extension (holds `bin/` when a server is bundled). */
  extensionPath: string;
  /** The `PATH` environment variable. */
  pathEnv: string;
  platform: NodeJS.Platform;
  homeDir: string;
  isExecutableFile(file: string): boolean;
}

export type Discovery =
  | { kind: "found"; path: string; source: ServerSource }
  /** `source` says where the search stopped: a bad `copydesk.path` ("setting"), or nothing anywhere ("path"). */
  | { kind: "missing"; source: "setting" | "path"; message: string; tried: string[] };

export function binaryName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "copydesk.exe" : "copydesk";
}

export function bundledServerPath(extensionPath: string, platform: NodeJS.Platform): string {
  return path.join(extensionPath, "bin", binaryName(platform));
}

/** Expands `~` and `${workspaceFolder}`, and makes a relative path relative to the workspace folder. */
export function resolveConfiguredPath(configured: string, input: Pick<DiscoveryInput, "workspaceFolder" | "homeDir">): string {
  let p = configured.trim();
  if (input.workspaceFolder) p = p.split("${workspaceFolder}").join(input.workspaceFolder);
  if (p === "~" || p.startsWith("~/")) p = path.join(input.homeDir, p.slice(1));
  if (!path.isAbsolute(p) && input.workspaceFolder) p = path.join(input.workspaceFolder, p);
  return p;
}

/**
 * Setting first, then the binary bundled in the extension, then `copydesk` on PATH.
 * A `copydesk.path` that points nowhere is an error, not a reason to fall back: the user asked for that binary.
 */
export function findServer(input: DiscoveryInput): Discovery {
  if (input.configuredPath.trim() !== "") {
    const configured = resolveConfiguredPath(input.configuredPath, input);
    if (input.isExecutableFile(configured)) return { kind: "found", path: configured, source: "setting" };
    return {
      kind: "missing",
      source: "setting",
      message: `The copydesk.path setting points to ${configured}, which is not an executable file.`,
      tried: [configured],
    };
  }
  const tried: string[] = [];
  const bundled = bundledServerPath(input.extensionPath, input.platform);
  tried.push(bundled);
  if (input.isExecutableFile(bundled)) return { kind: "found", path: bundled, source: "bundled" };
  const name = binaryName(input.platform);
  const sep = input.platform === "win32" ? ";" : ":";
  for (const dir of input.pathEnv.split(sep)) {
    if (dir === "") continue;
    const candidate = path.join(dir, name);
    tried.push(candidate);
    if (input.isExecutableFile(candidate)) return { kind: "found", path: candidate, source: "path" };
  }
  return {
    kind: "missing",
    source: "path",
    message: "No copydesk server found: none is bundled with this extension and there is no `copydesk` on PATH.",
    tried,
  };
}

/** `copydesk 0.3.1` (clap's `--version`) → `0.3.1`. */
export function parseServerVersion(output: string): string | undefined {
  const m = /\b(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?\b/.exec(output);
  return m ? m[0] : undefined;
}

/** Semantic-version order of the numeric parts; a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core, pre] = v.split("-", 2);
    return { nums: core.split(".").map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

export type VersionCheck = { ok: true; version: string } | { ok: false; version?: string; message: string };

export function checkServerVersion(versionOutput: string, serverPath: string, minimum = MIN_SERVER_VERSION): VersionCheck {
  const version = parseServerVersion(versionOutput);
  if (version === undefined) {
    return { ok: false, message: `${serverPath} --version printed no version (${JSON.stringify(versionOutput.trim())}); is it copydesk?` };
  }
  if (compareVersions(version, minimum) < 0) {
    return {
      ok: false,
      version,
      message: `copydesk ${version} at ${serverPath} is older than ${minimum}, the oldest version this extension supports.`,
    };
  }
  return { ok: true, version };
}
