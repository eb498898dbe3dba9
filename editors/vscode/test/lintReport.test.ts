import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { codePointsToUtf16, parseLintReport, toUtf16 } from "../src/lintReport";

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

describe("code points to UTF-16", () => {
  it("counts characters beyond U+FFFF as two units and leaves the rest alone", () => {
    assert.equal(codePointsToUtf16("“Hi” 👍🏽 said Raisi", 0), 0);
    assert.equal(codePointsToUtf16("“Hi” 👍🏽 said Raisi", 5), 5); // curly quotes are one unit
    assert.equal(codePointsToUtf16("“Hi” 👍🏽 said Raisi", 8), 10); // after the emoji and its skin tone
    assert.equal(codePointsToUtf16("ab", 4), 4); // past the end: unchanged
  });

  it("converts a finding after an emoji on its line only", () => {
    const p = { rule: "r", severity: "warning" as const, message: "m", start: { line: 1, character: 2 }, end: { line: 1, character: 7 } };
    assert.deepEqual(toUtf16([p], "😀 a\n😀 Raisi\n"), [{ ...p, start: { line: 1, character: 3 }, end: { line: 1, character: 8 } }]);
  });
});
