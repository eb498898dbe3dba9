import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseLintReport } from "../src/lintReport";

describe("parseLintReport", () => {
  it("groups findings by file, converting 1-based line/column to 0-based positions", () => {
    const report = JSON.stringify({
      files: [
        {
          path: "a.txt",
          findings: [
            { rule: "unsourced-claim", severity: "warning", message: "Claim with no source", line: 3, column: 1, end_line: 3, end_column: 42, docs_url: "https://x/#unsourced-claim" },
          ],
        },
        { path: "clean.md", findings: [] },
      ],
    });
    assert.deepEqual(parseLintReport(report, "/ws"), [
      {
        path: "/ws/a.txt",
        problems: [
          {
            rule: "unsourced-claim",
            severity: "warning",
            message: "Claim with no source",
            start: { line: 2, character: 0 },
            end: { line: 2, character: 41 },
            docsUrl: "https://x/#unsourced-claim",
          },
        ],
      },
      { path: "/ws/clean.md", problems: [] },
    ]);
  });

  it("reads a flat finding list with LSP ranges", () => {
    const report = JSON.stringify({
      findings: [{ path: "/abs/b.txt", rule: "anonymous-source", severity: "info", message: "m", range: { start: { line: 0, character: 4 }, end: { line: 0, character: 9 } } }],
    });
    assert.deepEqual(parseLintReport(report, "/ws"), [
      {
        path: "/abs/b.txt",
        problems: [{ rule: "anonymous-source", severity: "info", message: "m", start: { line: 0, character: 4 }, end: { line: 0, character: 9 }, docsUrl: undefined }],
      },
    ]);
  });
});
