// Writes schema/modelgate.schema.json, the JSON Schema of modelgate.yml, from the zod policy schema
// (shared/src/policy/policy-schema.ts through to-policy-json-schema.ts); new policy sections appear without edits here.
// Usage: node shared/tools/generate-schema.mjs [--check]   (--check: exit 1 when the committed file is stale)
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { register } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

register("./ts-loader-hooks.mjs", import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const OUT = path.join(root, "schema/modelgate.schema.json");
const { toPolicyJsonSchema } = await import("../src/policy/to-policy-json-schema.ts");
const text = `${JSON.stringify(toPolicyJsonSchema(), null, 2)}\n`;

if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(OUT, "utf8");
  } catch {
    // missing counts as stale
  }
  if (committed !== text) {
    console.error("schema/modelgate.schema.json is stale: run npm run generate and commit the result.");
    process.exit(1);
  }
  console.log("schema/modelgate.schema.json is up to date.");
} else {
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, text);
  console.log(`wrote ${path.relative(root, OUT)}`);
}
