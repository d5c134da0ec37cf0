import type { FileAccess } from "../data/files/resolve-input-path.js";
import { runTraining } from "../lineage/run-training.js";
import { toTrainOptions } from "../lineage/to-train-options.js";
import type { TrainInputs } from "../lineage/train-inputs.js";
import type { TrainResult } from "../lineage/train-result.js";
import type { TrainServices } from "../lineage/train-services.js";

/** What train-reproducibly's edge provides: the process and stores, the policy's model, file access and the run's link. */
export interface TrainEdge {
  services: TrainServices;
  /** The policy's model when a policy file exists (train-reproducibly needs none); it names the key. */
  model: string | undefined;
  access: FileAccess;
  runUrl: string | null;
  /** The command's words as given on a command line, run directly; by default `run` runs in bash. */
  argv?: string[];
}

/**
 * train-reproducibly from its inputs: the key from the inputs or the policy's model, the run's options, then the
 * seeded, hashed and verified training run. The action and the CLI both run exactly this.
 */
export async function runTrainReproducibly(inputs: TrainInputs, edge: TrainEdge): Promise<TrainResult> {
  const key = inputs.key ?? edge.model ?? "default";
  const options = await toTrainOptions(inputs, edge.access, key, edge.runUrl);
  return runTraining(edge.argv ? { ...options, argv: edge.argv } : options, edge.services);
}
