import { InputError } from "../core/modelgate-error.js";
import type { EvaluateShadowInput } from "../shadow/evaluate-shadow.js";
import type { ShadowInputs } from "../shadow/shadow-inputs.js";
import type { ShadowPolicy } from "../shadow/shadow-policy-schema.js";
import { compareShadowLogs } from "../shadow/compare-shadow-logs.js";
import { rankDisagreements, selectReviewPairs } from "../shadow/rank-disagreements.js";
import { toReviewRows } from "../shadow/to-review-rows.js";
import { loadShadowFiles } from "./load-shadow-files.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import { writeReviewQueue } from "./write-review-queue.js";

/**
 * Reads the logs, compares them, writes the review queue when asked, and picks the report's examples when
 * show-examples is set: everything evaluateShadow needs besides the policy.
 * @throws InputError for example-columns naming an unknown column; DataError from the readers, the join and the writer.
 */
export async function compareShadowFiles(
  inputs: ShadowInputs,
  policy: ShadowPolicy,
  access: FileAccess,
): Promise<Pick<EvaluateShadowInput, "comparison" | "labelsFile" | "reviewQueue" | "examples">> {
  const files = await loadShadowFiles(inputs, access);
  const judge = policy["latency-judge"];
  const confidence = policy["latency-confidence"] ?? (judge === "kayenta" ? 0.98 : 0.95);
  const comparison = compareShadowLogs(files.production, files.shadow, {
    duplicates: inputs.duplicateIds,
    latency: { judge, confidence, resamples: inputs.bootstrapResamples, seed: inputs.seed },
    ...(files.labels && { labels: files.labels }),
  });
  let reviewQueue: EvaluateShadowInput["reviewQueue"];
  if (inputs.reviewQueue !== undefined) {
    const picks = selectReviewPairs(comparison, {
      margin: inputs.reviewMargin,
      threshold: inputs.threshold,
      limit: inputs.reviewLimit,
    });
    const queue = toReviewRows(comparison, picks, files.explanations);
    reviewQueue = { path: await writeReviewQueue(inputs.reviewQueue, access, queue), rows: queue.rows.length };
  }
  let examples: EvaluateShadowInput["examples"];
  if (inputs.showExamples) {
    const picks = rankDisagreements(comparison)
      .slice(0, inputs.examples)
      .map((pair) => ({ pair, reason: "disagreement" }));
    const all = toReviewRows(comparison, picks, files.explanations);
    const unknown = inputs.exampleColumns.filter((column) => !all.columns.includes(column));
    if (unknown.length > 0) {
      throw new InputError(
        `Input "example-columns" names ${unknown.map((c) => JSON.stringify(c)).join(", ")}, which the examples do not have.`,
        `Allowed: ${all.columns.filter((c) => c !== "label" && c !== "reason").join(", ")}. Set example-columns in the step's with: block.`,
        { input: "example-columns" },
      );
    }
    examples = {
      columns: inputs.exampleColumns,
      rows: all.rows.map((row) => ({ cells: Object.fromEntries(inputs.exampleColumns.map((c) => [c, row[c] ?? ""])) })),
    };
  }
  return {
    comparison,
    ...(files.labels && { labelsFile: files.labels.file }),
    ...(reviewQueue && { reviewQueue }),
    ...(examples && { examples }),
  };
}
