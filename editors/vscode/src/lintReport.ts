// Reads `copydesk lint --format json` into per-file problems. Pure, so the unit tests can feed it JSON.
import * as path from "node:path";

export type Severity = "error" | "warning" | "info" | "hint";

export interface LintProblem {
  rule: string;
  severity: Severity;
  message: string;
  /** 0-based, start inclusive and end exclusive; `character` counts code points until `toUtf16`. */
  start: { line: number; character: number };
  end: { line: number; character: number };
  docsUrl?: string;
}

export interface LintFile {
  path: string;
  problems: LintProblem[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

function severity(v: unknown): Severity {
  const s = String(v ?? "").toLowerCase();
  if (s === "error" || s === "warning" || s === "hint") return s;
  if (s === "info" || s === "information") return "info";
  return "warning";
}

/**
 * Accepts `{line, column}` (1-based, columns in code points: the CLI's JSON) or LSP `{line, character}` (0-based).
 * Both come out 0-based with `character` still in code points; `toUtf16` converts them once the text is known.
 */
function position(v: unknown): { line: number; character: number } | undefined {
  if (!isObject(v)) return undefined;
  const line = num(v.line);
  if (line === undefined) return undefined;
  if (num(v.character) !== undefined) return { line, character: num(v.character)! };
  const column = num(v.column) ?? num(v.col);
  if (column === undefined) return undefined;
  return { line: Math.max(0, line - 1), character: Math.max(0, column - 1) };
}

function problem(v: unknown): LintProblem | undefined {
  if (!isObject(v)) return undefined;
  const range = isObject(v.range) ? v.range : v;
  const start = position(range.start) ?? position({ line: range.line, column: range.column });
  if (!start) return undefined;
  const end = position(range.end) ?? position({ line: range.end_line ?? range.line, column: range.end_column }) ?? start;
  return {
    rule: String(v.rule ?? v.code ?? "copydesk"),
    severity: severity(v.severity ?? v.level),
    message: String(v.message ?? ""),
    start,
    end,
    docsUrl: typeof v.docs_url === "string" ? v.docs_url : undefined,
  };
}

/** Groups the report by file; relative paths are resolved against `cwd`. */
export function parseLintReport(text: string, cwd: string): LintFile[] {
  const report: unknown = JSON.parse(text);
  const files = new Map<string, LintProblem[]>();
  const add = (file: unknown, p: LintProblem | undefined) => {
    if (typeof file !== "string" || !p) return;
    const abs = path.resolve(cwd, file);
    files.set(abs, [...(files.get(abs) ?? []), p]);
  };
  const root = isObject(report) ? report : { findings: report };
  if (Array.isArray(root.files)) {
    for (const f of root.files) {
      if (!isObject(f)) continue;
      const file = f.path ?? f.file;
      if (typeof file === "string" && !files.has(path.resolve(cwd, file))) files.set(path.resolve(cwd, file), []);
      for (const p of Array.isArray(f.findings) ? f.findings : []) add(file, problem(p));
    }
  }
  if (Array.isArray(root.findings)) {
    for (const p of root.findings) if (isObject(p)) add(p.path ?? p.file, problem(p));
  }
  return [...files].map(([file, problems]) => ({ path: file, problems }));
}

/** A code-point column of `line` as UTF-16 code units (VS Code's unit): characters beyond U+FFFF count twice. */
export function codePointsToUtf16(line: string, column: number): number {
  let units = 0;
  let points = 0;
  for (const ch of line) {
    if (points === column) break;
    units += ch.length;
    points++;
  }
  return units + Math.max(0, column - points);
}

/** The problems of a file whose text is `text`, with columns in UTF-16 code units. */
export function toUtf16(problems: LintProblem[], text: string): LintProblem[] {
  const lines = text.split("\n");
  const convert = (p: { line: number; character: number }) => ({ line: p.line, character: codePointsToUtf16(lines[p.line] ?? "", p.character) });
  return problems.map((p) => ({ ...p, start: convert(p.start), end: convert(p.end) }));
}
