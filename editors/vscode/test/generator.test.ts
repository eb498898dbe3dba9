// scripts/gen-vscode-settings: its output for a known registry, and the drift check against the real one.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { describe, it } from "node:test";
import { ruleIdsFromManifest } from "../src/settings";

interface Rule {
  id: string;
  severity: string;
  summary: string;
  docs_url?: string;
  explanation?: string;
}
interface Generator {
  ruleSettings(rules: Rule[]): { id: string; title: string; properties: Record<string, Record<string, unknown>> };
  applyToManifest(manifest: object, rules: Rule[]): { contributes: { configuration: { id: string }[] } };
  serialize(manifest: object): string;
  loadRules(opts?: object): Rule[];
  MANIFEST: string;
}
// Built into out/test/, so the repository root is four levels up. Loaded at run time: the script is not bundled.
const repo = path.resolve(__dirname, "../../../..");
const gen: Generator = createRequire(__filename)(path.join(repo, "scripts/gen-vscode-settings"));

const sample: Rule[] = [
  {
    id: "unattributed-quote",
    severity: "warning",
    summary: "Quotation with no speaker in reach",
    docs_url: "https://example.org/rules#unattributed-quote",
    explanation: "Quotation marks promise\nexact words.\n\nFix: name the speaker.",
  },
  { id: "anonymous-source", severity: "info", summary: "Anonymous source" },
];

describe("gen-vscode-settings", () => {
  it("makes one enum setting per rule, defaulting to the server's level", () => {
    const section = gen.ruleSettings(sample);
    assert.equal(section.id, "copydesk.rules");
    assert.deepEqual(Object.keys(section.properties), ["copydesk.rules.unattributed-quote", "copydesk.rules.anonymous-source"]);
    const quote = section.properties["copydesk.rules.unattributed-quote"];
    assert.deepEqual(quote.enum, ["default", "off", "hint", "info", "warning", "error"]);
    assert.equal(quote.default, "default");
    assert.equal(quote.order, 0);
    assert.equal(
      quote.markdownDescription,
      "**Quotation with no speaker in reach.** Default severity: `warning`.\n\nQuotation marks promise exact words.\n\n" +
        "[Rule documentation](https://example.org/rules#unattributed-quote)",
    );
    assert.equal(section.properties["copydesk.rules.anonymous-source"].markdownDescription, "**Anonymous source.** Default severity: `info`.");
  });

  it("replaces only the rules section and keeps the others", () => {
    const manifest = { contributes: { configuration: [{ id: "copydesk.general", properties: {} }, { id: "copydesk.rules", properties: { stale: {} } }] } };
    const out = gen.applyToManifest(manifest, sample);
    assert.deepEqual(
      out.contributes.configuration.map((s) => s.id),
      ["copydesk.general", "copydesk.rules"],
    );
    assert.equal(gen.serialize(out).includes('"stale"'), false);
  });

  it("package.json matches the server's rule registry (run scripts/gen-vscode-settings when this fails)", () => {
    const rules = gen.loadRules();
    assert.ok(rules.length > 0, "the registry lists no rules");
    const current = fs.readFileSync(gen.MANIFEST, "utf8");
    assert.equal(current, gen.serialize(gen.applyToManifest(JSON.parse(current), rules)));
    assert.deepEqual(ruleIdsFromManifest(JSON.parse(current)), rules.map((r) => r.id));
  });

  it("notices drift: a registry with one more rule changes package.json", () => {
    const current = fs.readFileSync(gen.MANIFEST, "utf8");
    const rules = [...gen.loadRules(), { id: "brand-new-rule", severity: "hint", summary: "New" }];
    assert.notEqual(current, gen.serialize(gen.applyToManifest(JSON.parse(current), rules)));
  });
});
