import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkServerVersion, compareVersions, DiscoveryInput, findServer, parseServerVersion } from "../src/discovery";

/** A machine where exactly `executables` exist and are executable. */
function machine(executables: string[], overrides: Partial<DiscoveryInput> = {}): DiscoveryInput {
  return {
    configuredPath: "",
    workspaceFolder: "/news",
    extensionPath: "/ext/copydesk-0.1.0",
    pathEnv: "/usr/local/bin:/usr/bin",
    platform: "linux",
    homeDir: "/home/ed",
    isExecutableFile: (f) => executables.includes(f),
    ...overrides,
  };
}

describe("findServer", () => {
  it("uses copydesk.path before the bundled binary and PATH", () => {
    const input = machine(["/opt/cd/copydesk", "/ext/copydesk-0.1.0/bin/copydesk", "/usr/bin/copydesk"], { configuredPath: "/opt/cd/copydesk" });
    assert.deepEqual(findServer(input), { kind: "found", path: "/opt/cd/copydesk", source: "setting" });
  });

  it("expands ~ and ${workspaceFolder}, and resolves relative paths against the workspace folder", () => {
    assert.deepEqual(findServer(machine(["/home/ed/bin/copydesk"], { configuredPath: "~/bin/copydesk" })), {
      kind: "found",
      path: "/home/ed/bin/copydesk",
      source: "setting",
    });
    assert.deepEqual(findServer(machine(["/news/target/debug/copydesk"], { configuredPath: "${workspaceFolder}/target/debug/copydesk" })), {
      kind: "found",
      path: "/news/target/debug/copydesk",
      source: "setting",
    });
    assert.deepEqual(findServer(machine(["/news/tools/copydesk"], { configuredPath: "tools/copydesk" })), {
      kind: "found",
      path: "/news/tools/copydesk",
      source: "setting",
    });
  });

  it("does not fall back when copydesk.path points nowhere", () => {
    const result = findServer(machine(["/usr/bin/copydesk"], { configuredPath: "/opt/missing/copydesk" }));
    assert.deepEqual(result, {
      kind: "missing",
      source: "setting",
      message: "The copydesk.path setting points to /opt/missing/copydesk, which is not an executable file.",
      tried: ["/opt/missing/copydesk"],
    });
  });

  it("prefers the bundled binary over PATH", () => {
    assert.deepEqual(findServer(machine(["/ext/copydesk-0.1.0/bin/copydesk", "/usr/bin/copydesk"])), {
      kind: "found",
      path: "/ext/copydesk-0.1.0/bin/copydesk",
      source: "bundled",
    });
  });

  it("searches PATH in order, skipping empty entries", () => {
    const input = machine(["/usr/bin/copydesk", "/usr/local/bin/copydesk"], { pathEnv: ":/usr/local/bin::/usr/bin" });
    assert.deepEqual(findServer(input), { kind: "found", path: "/usr/local/bin/copydesk", source: "path" });
  });

  it("uses copydesk.exe and ; on Windows", () => {
    const input = machine(["C:\\tools/copydesk.exe"], { platform: "win32", pathEnv: "C:\\Windows;C:\\tools" });
    assert.equal(findServer(input).kind, "found");
  });

  it("lists every place it looked when nothing is found", () => {
    assert.deepEqual(findServer(machine([])), {
      kind: "missing",
      source: "path",
      message: "No copydesk server found: none is bundled with this extension and there is no `copydesk` on PATH.",
      tried: ["/ext/copydesk-0.1.0/bin/copydesk", "/usr/local/bin/copydesk", "/usr/bin/copydesk"],
    });
  });
});

describe("server version", () => {
  it("reads clap's --version output", () => {
    assert.equal(parseServerVersion("copydesk 0.1.0\n"), "0.1.0");
    assert.equal(parseServerVersion("copydesk 1.2.3-rc.1"), "1.2.3-rc.1");
    assert.equal(parseServerVersion("usage: something"), undefined);
  });

  it("orders versions numerically, pre-releases first", () => {
    assert.equal(compareVersions("0.10.0", "0.9.9"), 1);
    assert.equal(compareVersions("0.1.0", "0.1.0"), 0);
    assert.equal(compareVersions("1.0.0-rc.1", "1.0.0"), -1);
    assert.equal(compareVersions("0.0.9", "0.1.0"), -1);
  });

  it("accepts the minimum and newer, rejects older with a message naming both versions", () => {
    assert.deepEqual(checkServerVersion("copydesk 0.2.0", "/bin/copydesk", "0.2.0"), { ok: true, version: "0.2.0" });
    assert.deepEqual(checkServerVersion("copydesk 0.1.9", "/bin/copydesk", "0.2.0"), {
      ok: false,
      version: "0.1.9",
      message: "copydesk 0.1.9 at /bin/copydesk is older than 0.2.0, the oldest version this extension supports.",
    });
    assert.deepEqual(checkServerVersion("oops", "/bin/other", "0.2.0"), {
      ok: false,
      message: '/bin/other --version printed no version ("oops"); is it copydesk?',
    });
  });
});
