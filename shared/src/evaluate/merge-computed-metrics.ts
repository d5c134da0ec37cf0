import { DataError } from "../core/modelgate-error.js";
import type { MetricLeaf } from "../data/metrics/flatten-metrics.js";
import type { ComputedMetrics } from "./load-prediction-metrics.js";
import type { MetricsFile } from "../data/metrics/read-metrics-file.js";

/**
 * Adds metrics computed from predictions to a model's metrics file (or stands in for it when there is none).
 * The result keeps the metrics file's name and digest, so checks and the subject still point at it.
 * @throws DataError naming every metric both sources give, and both files: the gate will not pick one silently.
 */
export function mergeComputedMetrics(
  file: MetricsFile | undefined,
  fileInput: string,
  computed: ComputedMetrics,
): MetricsFile {
  if (!file)
    return {
      name: computed.name,
      sha256: computed.sha256,
      values: new Map<string, MetricLeaf>(computed.metrics),
      undefinedMetrics: computed.undefinedMetrics,
    };
  const both = [...computed.metrics.keys()].filter((metric) => file.values.has(metric));
  if (both.length > 0) {
    const names = both.map((metric) => JSON.stringify(metric)).join(", ");
    throw new DataError(
      `${both.length === 1 ? "Metric" : "Metrics"} ${names} ${both.length === 1 ? "is" : "are"} both in ${file.name} (input "${fileInput}") and computed from ` +
        `${computed.name} (input "${computed.input}"); the gate will not choose between them.`,
      `Pick one source: remove ${both.join(", ")} from ${file.name}, or remove ${computed.input} and gate on the metrics file alone.`,
      { input: computed.input, file: file.name, path: both[0] },
    );
  }
  // A metric the file gives itself is the file's; only the others are undefined for want of a definition.
  const undefinedMetrics = new Map([...computed.undefinedMetrics].filter(([metric]) => !file.values.has(metric)));
  return { ...file, values: new Map<string, MetricLeaf>([...file.values, ...computed.metrics]), undefinedMetrics };
}
