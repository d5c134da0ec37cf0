import { readInputFile } from "../data/files/read-input-file.js";
import { resolveInputPath } from "../data/files/resolve-input-path.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import { parsePatternLines } from "./glob-pattern.js";
import type { TrainInputs } from "./train-inputs.js";
import type { TrainOptions } from "./train-options.js";

/**
 * The action's parsed inputs as a training run's options: the user's `run` becomes bash's script exactly
 * as a `run:` step runs it (`bash --noprofile --norc -eo pipefail`), and nothing else reaches the command.
 * @throws DataError for a working directory outside the workspace or an unreadable baseline manifest.
 */
export async function toTrainOptions(
  inputs: TrainInputs,
  access: FileAccess,
  key: string,
  runUrl: string | null,
): Promise<TrainOptions> {
  const workingDirectory = resolveInputPath(inputs.workingDirectory, access, "working-directory");
  const baseline =
    inputs.baselineManifest === undefined
      ? undefined
      : await readInputFile(inputs.baselineManifest, access, "baseline-manifest");
  return {
    key,
    argv: ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", inputs.run],
    workingDirectory,
    workspace: access.workspace,
    seed: inputs.seed,
    inputs: parsePatternLines(inputs.inputs),
    outputs: parsePatternLines(inputs.outputs),
    params: parsePatternLines(inputs.params),
    metrics: inputs.metrics,
    allowEmpty: inputs.allowEmpty,
    manifestPath: inputs.manifest,
    verifyRuns: inputs.verifyRuns,
    verifyCompare: inputs.verifyCompare,
    verifyTolerance: inputs.verifyTolerance,
    onUnrepeatable: inputs.onUnrepeatable,
    cache: inputs.cache,
    artifactName: inputs.artifactName,
    baselineManifest: baseline && { name: baseline.name, text: baseline.text },
    runUrl,
  };
}
