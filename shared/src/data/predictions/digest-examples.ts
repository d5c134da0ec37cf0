import { createHash } from "node:crypto";
import type { Predictions } from "./predictions.js";

/** How the canonical text of {@link digestExamples} starts; a new layout gets a new version. */
export const EXAMPLES_DIGEST_HEADER = "modelgate.examples/v1";

/**
 * The SHA-256 of the evaluation examples a predictions file scores, without the model's outputs: the task, the
 * label texts that became 1 and 0, then one line per example, `<id>\t<label>\n`, in ascending order of id (UTF-16
 * code units, as `Array.prototype.sort` compares strings) — or in file order with an empty id when the file has no
 * id column. Labels are written as JavaScript writes the number (shortest round-trip). Two models scored on the same
 * examples with the same truth get the same digest whatever their predictions, scores or row order (with ids), so a
 * model's history can compare versions evaluated on the same data.
 */
export function digestExamples(predictions: Predictions): string {
  const hash = createHash("sha256");
  hash.update(`${EXAMPLES_DIGEST_HEADER}\n${predictions.task}\n`);
  hash.update(`positive\t${predictions.positiveLabel ?? ""}\nnegative\t${predictions.negativeLabel ?? ""}\n`);
  const { ids, labels } = predictions;
  const order = ids === undefined ? undefined : sortedOrder(ids);
  const lines: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    const row = order === undefined ? i : order[i]!;
    lines.push(`${ids?.[row] ?? ""}\t${labels[row]!}\n`);
    if (lines.length === 4096) hash.update(lines.splice(0).join(""));
  }
  hash.update(lines.join(""));
  return hash.digest("hex");
}

/** Row indices in ascending order of id; none when the ids are already in order (the common case, and free). */
function sortedOrder(ids: readonly string[]): Uint32Array | undefined {
  let sorted = true;
  for (let i = 1; i < ids.length && sorted; i++) sorted = ids[i - 1]! < ids[i]!;
  if (sorted) return undefined;
  const order = Uint32Array.from(ids.keys());
  order.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  return order;
}
