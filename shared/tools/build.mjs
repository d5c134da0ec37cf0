// Builds every action's bundle and the CLI with ncc (one self-contained ESM bundle each, minified).
// Usage: node shared/tools/build.mjs [cli | <action> ...]   (no argument: everything)
import { spawn } from "node:child_process";
import {
  readdirSync,
  readFileSync,
  writeFileSync,
  existsSync,
  rmSync,
  renameSync,
  mkdirSync,
  copyFileSync,
  cpSync,
  mkdtempSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "acorn";
import { minify } from "terser";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const actions = readdirSync(path.join(root, "actions")).filter((name) =>
  existsSync(path.join(root, "actions", name, "src/main.ts")),
);
// validate-data's reference reader runs on a worker thread from its own small bundle, in reference-worker/ beside
// the bundle that starts it (shared/src/use-cases/reference-worker.ts finds it there).
const referenceWorker = { entry: "shared/src/use-cases/reference-worker-main.ts", dir: "reference-worker" };
const targets = [
  ...actions.map((name) => ({
    name,
    entry: `actions/${name}/src/main.ts`,
    out: `actions/${name}/dist`,
    ...(name === "validate-data" ? { workers: [referenceWorker] } : {}),
  })),
  // The CLI's preview page inlines GitHub's markdown CSS and the Mermaid bundle: copied beside the CLI (with their
  // licences), read by shared/src/cli/load-preview-assets.ts. No action bundle has them.
  {
    name: "cli",
    entry: "shared/src/cli/main.ts",
    out: "shared/dist/cli",
    workers: [referenceWorker],
    assets: [
      ["github-markdown-css/github-markdown-light.css", "github-markdown-light.css"],
      ["github-markdown-css/license", "github-markdown-css.LICENSE"],
      ["mermaid/dist/mermaid.min.js", "mermaid.min.js"],
      ["mermaid/LICENSE", "mermaid.LICENSE"],
    ],
  },
  // The cold-start reference of npm run bench: a minimal action (@actions/core inputs, one output), bundled by ncc as
  // any action is: from its own folder, whose tsconfig.json has none of the project's `paths`.
  {
    name: "bench-reference",
    entry: "shared/tools/bench-reference/index.js",
    out: "shared/dist/bench-reference",
    cwd: "shared/tools/bench-reference",
  },
];
const wanted = process.argv.slice(2);
const selected = wanted.length === 0 ? targets : targets.filter((t) => wanted.includes(t.name));
if (selected.length !== (wanted.length || targets.length)) {
  console.error(`unknown build target; known: ${targets.map((t) => t.name).join(", ")}`);
  process.exit(2);
}

const ncc = path.join(root, "node_modules/@vercel/ncc/dist/ncc/cli.js");
// ncc reads the tsconfig.json it finds from `cwd` up: the project's (its `paths` among the options) unless a target
// names a folder with its own.
const runNcc = (entry, outDir, name, cwd = ".") =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ncc,
        "build",
        path.join(root, entry),
        "-o",
        outDir,
        "--minify",
        "--quiet",
        "--license",
        "licenses.txt",
        "--target",
        "es2022",
      ],
      { cwd: path.join(root, cwd), stdio: "inherit" },
    );
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`ncc failed for ${name} (exit ${code})`))));
  })
    .then(() => minifyChunks(outDir))
    .then(() => (cwd === "." ? dropDeadCode(path.join(outDir, "index.js")) : undefined));
// ncc's minifier only shortens (no `compress`), so code webpack leaves in a bundle but nothing calls stays in it:
// the unused exports of a concatenated module (about a fifth of each entry bundle: zod's, @actions/core's, ours),
// which V8 pre-parses at every start. Terser's dead-code pass removes them: unused declarations and calls marked
// pure, nothing else (no other transform, names kept). validate-data's cold start, side by side: 138.4 → 130.8 ms
// (Node 20, 15 runs), its entry 421 → 343 KB. The bench's reference action is left as ncc builds any action.
const dropDeadCode = async (file) => {
  const { code } = await minify(dropUnusedPureExpressions(readFileSync(file, "utf8")), {
    module: true,
    compress: { defaults: false, unused: true, side_effects: true },
    mangle: false,
    format: { comments: "some" },
  });
  if (code === undefined) throw new Error(`terser returned nothing for ${file}`);
  writeFileSync(file, code);
};
// webpack keeps an unused export whose value is marked pure as `null && <value>` (zod's schema classes and checks
// nothing imports, about 30 KB of each entry bundle); terser's dead-code pass keeps that expression, since without
// `evaluate` it does not know `null` is falsy. `null && x` is `null` without evaluating `x`, so each is replaced by
// `null` (a statement terser then drops, and whatever only that code used with it).
const dropUnusedPureExpressions = (code) => {
  const spans = [];
  const visit = (node) => {
    if (
      node.type === "LogicalExpression" &&
      node.operator === "&&" &&
      node.left.type === "Literal" &&
      node.left.raw === "null"
    )
      return void spans.push(node);
    for (const value of Object.values(node))
      for (const child of Array.isArray(value) ? value : [value]) if (typeof child?.type === "string") visit(child);
  };
  visit(parse(code, { ecmaVersion: "latest", sourceType: "module" }));
  let out = code;
  for (const { start, end } of spans.sort((a, b) => b.start - a.start))
    out = `${out.slice(0, start)}null${out.slice(end)}`;
  return out;
};
// ncc minifies index.js only: the chunks of lazily imported modules (`<id>.index.js`) come out with webpack's
// comments and indentation, 2.5 times their minified size, which the engine scans at every load. Each is minified as
// ncc minifies index.js (whitespace, comments and local names only), its module factories kept in parentheses as
// webpack writes them: V8 compiles a parenthesized function with the script instead of pre-parsing it and parsing it
// again at its first call, which Node 24 does for every factory a run calls (the CLI's evaluate cold start: 1.30× the
// minimal action unminified, 1.49× minified bare, 1.24× minified in parentheses on Node 24; 1.84×, 1.67×, 1.69× on
// Node 20, CPU time, interleaved).
const minifyChunks = async (outDir) => {
  for (const file of readdirSync(outDir).filter((name) => /^\d+\.index\.js$/.test(name))) {
    const chunk = path.join(outDir, file);
    const { code } = await minify(readFileSync(chunk, "utf8"), {
      module: true,
      compress: false,
      mangle: { keep_classnames: true, keep_fnames: true },
    });
    if (code === undefined) throw new Error(`terser returned nothing for ${chunk}`);
    writeFileSync(chunk, parenthesizeFactories(code));
  }
};
/** The chunk with each function of its `export const modules = {…}` in parentheses. */
const parenthesizeFactories = (code) => {
  const factories = parse(code, { ecmaVersion: "latest", sourceType: "module" })
    .body.filter((node) => node.type === "ExportNamedDeclaration" && node.declaration?.type === "VariableDeclaration")
    .flatMap((node) => node.declaration.declarations)
    .filter((declaration) => declaration.id.name === "modules" && declaration.init?.type === "ObjectExpression")
    .flatMap((declaration) => declaration.init.properties.map((property) => property.value))
    .filter((value) => value.type === "ArrowFunctionExpression" || value.type === "FunctionExpression");
  let out = code;
  for (const { start, end } of factories.sort((a, b) => b.start - a.start))
    out = `${out.slice(0, start)}(${out.slice(start, end)})${out.slice(end)}`;
  return out;
};
// A worker's bundle is built once per run and copied beside each bundle that starts it.
const workerBuilds = new Map();
const workerBundle = (worker) => {
  if (!workerBuilds.has(worker.entry)) {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "modelgate-build-")), worker.dir);
    workerBuilds.set(
      worker.entry,
      runNcc(worker.entry, dir, worker.dir).then(() => dir),
    );
  }
  return workerBuilds.get(worker.entry);
};
const build = async (target) => {
  // Build beside the old bundle and swap, so a failed build never leaves a half-written dist/.
  const out = path.join(root, target.out);
  const next = `${out}.next`;
  rmSync(next, { recursive: true, force: true });
  await runNcc(target.entry, next, target.name, target.cwd);
  for (const worker of target.workers ?? [])
    cpSync(await workerBundle(worker), path.join(next, worker.dir), { recursive: true });
  if (target.assets) {
    mkdirSync(path.join(next, "preview-assets"));
    for (const [from, to] of target.assets)
      copyFileSync(path.join(root, "node_modules", from), path.join(next, "preview-assets", to));
  }
  rmSync(out, { recursive: true, force: true });
  renameSync(next, out);
};

// Two at a time: the machines have two cores.
const queue = [...selected];
const worker = async () => {
  for (let t = queue.shift(); t; t = queue.shift()) await build(t);
};
const started = Date.now();
await Promise.all([worker(), worker()]);
for (const built of workerBuilds.values()) rmSync(path.dirname(await built), { recursive: true, force: true });
console.log(`built ${selected.map((t) => t.name).join(", ")} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
