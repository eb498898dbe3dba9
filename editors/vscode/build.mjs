// Builds the extension: bundles src/ with esbuild, builds the TextMate grammars from grammars/,
// and (with --bundle-server) copies this platform's copydesk binary into bin/.
//   node build.mjs                  dist/extension.js + dist/*.tmLanguage.json
//   node build.mjs --tests          also out/test/*.test.js for `node --test`
//   node build.mjs --bundle-server  also bin/copydesk (COPYDESK_SERVER, else the newer of target/{release,debug})
import * as esbuild from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const args = new Set(process.argv.slice(2));

await esbuild.build({
  entryPoints: [path.join(here, "src/extension.ts")],
  outfile: path.join(here, "dist/extension.js"),
  bundle: true,
  external: ["vscode"],
  format: "cjs",
  platform: "node",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
});

/** Entries of a lexicon file: one a line, `#` comments, first column of a .tsv. */
export function lexiconEntries(text) {
  return text
    .split("\n")
    .map((l) => l.replace(/#.*/, "").split("\t")[0].trim().toLowerCase())
    .filter(Boolean);
}

/** A case-insensitive, word-bounded alternation; longest phrases first so "people familiar with" beats "people". */
export function phraseRegex(phrases) {
  const unique = [...new Set(phrases)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const alternatives = unique.map((p) => p.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&").replace(/\s+/g, "\\s+"));
  return `(?i)\\b(?:${alternatives.join("|")})\\b`;
}

function buildGrammar(name) {
  const grammar = JSON.parse(fs.readFileSync(path.join(repo, "grammars", name), "utf8"));
  for (const rule of Object.values(grammar.repository ?? {})) {
    const files = rule["x-copydesk-lexicons"];
    if (!files) continue;
    rule.match = phraseRegex(files.flatMap((f) => lexiconEntries(fs.readFileSync(path.join(repo, "grammars/lexicon", f), "utf8"))));
    delete rule["x-copydesk-lexicons"];
  }
  fs.writeFileSync(path.join(here, "dist", name), JSON.stringify(grammar, null, 2) + "\n");
}
buildGrammar("copydesk.tmLanguage.json");
buildGrammar("copydesk-markdown.tmLanguage.json");

if (args.has("--tests")) {
  const tests = fs.readdirSync(path.join(here, "test")).filter((f) => f.endsWith(".test.ts"));
  await esbuild.build({
    entryPoints: tests.map((f) => path.join(here, "test", f)),
    outdir: path.join(here, "out/test"),
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    logLevel: "warning",
  });
}

if (args.has("--bundle-server")) {
  const exe = process.platform === "win32" ? "copydesk.exe" : "copydesk";
  const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(repo, "target");
  const candidates = process.env.COPYDESK_SERVER
    ? [process.env.COPYDESK_SERVER]
    : ["release", "debug"].map((p) => path.join(targetDir, p, exe)).filter((f) => fs.existsSync(f));
  const newest = candidates.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  if (!newest || !fs.existsSync(newest)) {
    console.error(`build.mjs: no copydesk binary to bundle; run \`cargo build -p copydesk\` first (looked in ${targetDir}).`);
    process.exit(1);
  }
  fs.mkdirSync(path.join(here, "bin"), { recursive: true });
  fs.copyFileSync(newest, path.join(here, "bin", exe));
  fs.chmodSync(path.join(here, "bin", exe), 0o755);
  console.log(`bundled ${path.relative(repo, newest)} as bin/${exe}`);
}
