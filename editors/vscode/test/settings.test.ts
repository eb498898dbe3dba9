import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigurationReader, ruleIdsFromManifest, serverSettings } from "../src/settings";

/** Reads dotted keys out of a nested object, like vscode.WorkspaceConfiguration.get. */
function reader(values: Record<string, unknown>): ConfigurationReader {
  return {
    get<T>(key: string): T | undefined {
      let v: unknown = values;
      for (const part of key.split(".")) v = (v as Record<string, unknown> | undefined)?.[part];
      return v as T | undefined;
    },
  };
}

describe("serverSettings", () => {
  it("sends every declared rule, the minimum severity and the inlay hint switch in the contract's shape", () => {
    const config = reader({ rules: { "unsourced-claim": "error", "anonymous-source": "off" }, minSeverity: "warning", inlayHints: { enabled: false } });
    assert.deepEqual(serverSettings(config, ["unattributed-quote", "anonymous-source", "unsourced-claim"]), {
      rules: { "unattributed-quote": "default", "anonymous-source": "off", "unsourced-claim": "error" },
      minSeverity: "warning",
      inlayHints: { enabled: false },
    });
  });

  it("defaults when nothing is set, and replaces invalid values by the defaults", () => {
    assert.deepEqual(serverSettings(reader({}), ["a"]), { rules: { a: "default" }, minSeverity: "hint", inlayHints: { enabled: true } });
    assert.deepEqual(serverSettings(reader({ rules: { a: "loud" }, minSeverity: "fatal" }), ["a"]), {
      rules: { a: "default" },
      minSeverity: "hint",
      inlayHints: { enabled: true },
    });
  });

  it("passes on rules the user set that this extension does not declare", () => {
    assert.deepEqual(serverSettings(reader({ rules: { "newer-rule": "info" } }), ["a"]).rules, { a: "default", "newer-rule": "info" });
  });
});

describe("ruleIdsFromManifest", () => {
  it("lists the copydesk.rules.* settings of every configuration section", () => {
    const manifest = {
      contributes: {
        configuration: [
          { properties: { "copydesk.path": {}, "copydesk.minSeverity": {} } },
          { properties: { "copydesk.rules.unattributed-quote": {}, "copydesk.rules.unsourced-claim": {} } },
        ],
      },
    };
    assert.deepEqual(ruleIdsFromManifest(manifest), ["unattributed-quote", "unsourced-claim"]);
  });
});
