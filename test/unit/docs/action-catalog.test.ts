import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
// @ts-expect-error: a plain .mjs build script without type declarations.
import { renderCatalog } from "../../../shared/tools/generate-catalog.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

describe("action-catalog.md", () => {
  it("is what the generator writes from the action.yml files and docs/catalog (run `npm run generate` when this fails)", () => {
    expect(readFileSync(path.join(root, "action-catalog.md"), "utf8")).toBe((renderCatalog as () => string)());
  });

  it("has a section for every action, naming each of its inputs and outputs", () => {
    const catalog = readFileSync(path.join(root, "action-catalog.md"), "utf8");
    for (const action of readdirSync(path.join(root, "actions"))) {
      const section = catalog.split(/^## /m).find((s) => s.startsWith(`${action}\n`));
      expect(section, action).toBeDefined();
      const metadata = parse(readFileSync(path.join(root, "actions", action, "action.yml"), "utf8")) as {
        inputs: object;
        outputs: object;
      };
      for (const name of [...Object.keys(metadata.inputs), ...Object.keys(metadata.outputs)])
        expect(section, `${action}: ${name}`).toContain(`\`${name}\``);
    }
  });

  it("describes evaluate-gate's charts and plots as the report draws them: signed bars from zero, binary classes only", () => {
    const catalog = readFileSync(path.join(root, "action-catalog.md"), "utf8");
    const section = catalog.split(/^## /m).find((s) => s.startsWith("evaluate-gate\n"))!;
    // The change charts are text bars from a visible zero (render-signed-bars), not Mermaid bars from the axis minimum.
    expect(section).toContain("signed values are drawn from a visible zero as diverging Unicode bars");
    expect(section).not.toContain("symmetric axis");
    // The predictions reader refuses a third class (read-predictions.test.ts), so no multiclass plot exists.
    expect(section).not.toMatch(/multiclass labels \| one-vs-rest/);
    expect(section).toContain("a label column with more classes is refused");
  });
});
