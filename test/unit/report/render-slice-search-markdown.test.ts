import { describe, expect, it } from "vitest";
import {
  describeSliceSearch,
  renderSliceSearchMarkdown,
} from "../../../shared/src/report/render-slice-search-markdown.js";
import { renderSliceSearchText } from "../../../shared/src/report/render-slice-search-text.js";
import { searchSlices } from "../../../shared/src/evaluate/slice-search/search-slices.js";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import type { EvaluatePolicy } from "../../../shared/src/evaluate/evaluate-policy-schema.js";
import type { TableColumn } from "../../../shared/src/data/table/table.js";
import { synthetic, textColumn } from "../evaluate/slice-search/synthetic-predictions.js";

const policy = parsePolicy(
  "version: 1\nevaluate:\n  metrics:\n    accuracy: { direction: higher, max-regression: 0.02 }\n",
  "modelgate.yml",
).evaluate as EvaluatePolicy;
const planted = synthetic(7, 4000, 0.1, { where: (a, b) => a === "a2" && b === "b1", rate: 0.4 });

describe("renderSliceSearchMarkdown", () => {
  it("lists the slices found automatically worst first, with how they were searched, when a regression is planted", async () => {
    const { summary } = searchSlices(policy, planted, "modelgate.yml")!;
    await expect(renderSliceSearchMarkdown(summary)).toMatchFileSnapshot("golden/slice-search.md");
    await expect(`${renderSliceSearchText(summary).join("\n")}\n`).toMatchFileSnapshot("golden/slice-search.txt");
  });

  it("names the loss the slices were ranked by and the metric it stands for, and no metric of another task", () => {
    const { summary } = searchSlices(policy, planted, "modelgate.yml")!;
    const regression = describeSliceSearch({ ...summary!, loss: "squared-error", metric: "mse" });
    expect(regression).toContain("paired change of the per-example squared error (the per-example form of mse)");
    expect(regression).not.toMatch(/AUC|F1/);
  });

  it("escapes a hostile value in a slice name", () => {
    const features = new Map<string, TableColumn>([
      [
        "a",
        textColumn(
          "a",
          Array.from({ length: 4000 }, (_, i) => (i % 4 === 2 ? "<img src=x>|**b**" : `a${i % 4}`)),
        ),
      ],
    ]);
    const { summary } = searchSlices(
      policy,
      { candidate: { ...planted.candidate, features }, baseline: planted.baseline },
      "modelgate.yml",
    )!;
    const markdown = renderSliceSearchMarkdown(summary);
    expect(markdown).not.toContain("<img");
    expect(markdown).not.toMatch(/[^\\]\|\*\*b/);
  });

  it("renders nothing without a search, and a sentence when no slice regressed beyond the margin", () => {
    expect(renderSliceSearchMarkdown(undefined)).toBe("");
    const none = synthetic(3, 2000, 0.1);
    const { summary } = searchSlices(
      parsePolicy(
        "version: 1\nevaluate:\n  metrics:\n    accuracy: { direction: higher, max-regression: 0.5 }\n",
        "m.yml",
      ).evaluate as EvaluatePolicy,
      none,
      "m.yml",
    )!;
    expect(renderSliceSearchMarkdown(summary)).toContain(
      "_No slice's accuracy regressed by more than the margin 0.5._",
    );
  });
});
