import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { demoValidate } from "../../../shared/src/cli/demo-validate.js";

const example = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/examples/churn");

describe("validate-data demo", () => {
  it("passes the clean batch and stops the drifted one, naming what drifted", async () => {
    const recorded: string[] = [];
    const { lines, verdicts } = await demoValidate(example, true, (label, _story, result) =>
      recorded.push(`${label} ${result.verdict}`),
    );
    expect(recorded).toEqual(["clean-batch pass", "drifted-batch fail"]);
    const text = lines.join("\n");
    expect(verdicts[0]).toMatch(/^batch-clean\.csv: pass/);
    expect(verdicts[1]).toMatch(/^batch-drifted\.csv: fail/);
    expect(text).toMatch(/FAIL +plan +allowed +1\d\d +0\n +why: 1\d\d rows hold 1 value outside the allowed list/);
    expect(text).toMatch(/monthly_charges: wasserstein/);
  });
});
