import { readMetricsFile } from "./read-metrics-file.js";
import type { MetricsFile } from "./read-metrics-file.js";
import type { FileAccess } from "./resolve-input-path.js";

export interface EvaluateFiles {
  candidate: MetricsFile;
  baseline?: MetricsFile;
}

/** Reads evaluate-gate's metrics files: the only file I/O of a metrics evaluation. @throws DataError */
export async function loadEvaluateFiles(inputs: { candidate: string; baseline?: string | undefined }, access: FileAccess): Promise<EvaluateFiles> {
  const candidate = await readMetricsFile(inputs.candidate, access, "candidate");
  if (inputs.baseline === undefined) return { candidate };
  return { candidate, baseline: await readMetricsFile(inputs.baseline, access, "baseline") };
}
