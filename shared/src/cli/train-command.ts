import { parseCliArgs } from "./parse-cli-args.js";
import { InputError } from "../core/modelgate-error.js";
import { blocksMerge } from "../github/to-outputs.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import type { TrainInputs } from "../lineage/train-inputs.js";
import type { SelectedPolicy } from "../policy/select-policy.js";
import type { Command } from "./commands.js";
import { EXIT, UsageError } from "./commands.js";
import { writeReport } from "./write-report.js";

/** Flags with the action's input names; the list ones may repeat (each use is one line of the input). */
const LIST_FLAGS = ["inputs", "outputs", "params"] as const;
const VALUE_FLAGS = [
  "seed",
  "metrics",
  "working-directory",
  "manifest",
  "baseline-manifest",
  "verify-runs",
  "verify-compare",
  "verify-tolerance",
  "on-unrepeatable",
  "key",
  "policy",
  "allow-empty",
] as const;

export const trainCommand: Command = {
  name: "train",
  usage: `Usage: modelgate train --outputs PATH [options] -- COMMAND [ARG...]

Runs COMMAND (directly, no shell) with the seed variables set, and writes the same
modelgate.manifest/v1 lineage manifest as the train-reproducibly action: git state with the
content digest of every uncommitted file (except this run's outputs, metrics and manifest),
inputs, params, lockfiles, outputs, seed, and the Python or Node.js COMMAND runs ("unknown"
unless COMMAND is an interpreter or a script whose #! line names one). Fails when an output
is older than the run, i.e. COMMAND did not write it.

Options:
  --seed N                  integer seed (default 0): MODELGATE_SEED, SEED, PYTHONHASHSEED + determinism switches
  --inputs GLOB             data and code the model is made from (repeatable)
  --outputs GLOB            what the command writes (repeatable; the first is the model)
  --params GLOB             parameter files (repeatable)
  --metrics FILE            a metrics file the command writes
  --working-directory DIR   where the command runs (default .)
  --manifest FILE           where the manifest goes (default modelgate.manifest.json)
  --baseline-manifest FILE  list what changed since this manifest
  --verify-runs N           run N times (N >= 2) and compare the outputs
  --verify-compare MODE     digests (default) | metrics
  --verify-tolerance X      allowed metric difference between runs (metrics mode)
  --on-unrepeatable V       fail (default) | warn
  --allow-empty true        let a pattern match nothing
  --policy FILE             policy file (default modelgate.yml; optional: its model names the key)
  --key KEY                 report key (default: the policy's model, else default)
  --format FORMAT           text (default) | markdown | json | html (a preview page)
  -h, --help                show this help

Exit status: 0 on pass (or warn), 1 on fail or when the run cannot be recorded, 2 on a usage error.`,
  async run(args) {
    const { values, positionals } = parseCliArgs({
      args,
      options: {
        ...Object.fromEntries(LIST_FLAGS.map((f) => [f, { type: "string" as const, multiple: true }])),
        ...Object.fromEntries(VALUE_FLAGS.map((f) => [f, { type: "string" as const }])),
        format: { type: "string", default: "text" },
      },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length === 0)
      throw new UsageError("no command given: put the training command after --, e.g. -- node train.mjs");
    const flags = values as Record<string, string | string[] | undefined>;
    // Loaded here, not at the top: `modelgate evaluate` should not pay for the training modules' start-up.
    const [{ runTrainReproducibly }, { systemProbe }, { readTrainInputs }] = await Promise.all([
      import("../use-cases/run-train-reproducibly.js"),
      import("../lineage/system-probe.js"),
      import("../lineage/train-inputs.js"),
    ]);
    const inputs = readCliInputs(readTrainInputs, (name) =>
      name === "run" ? positionals.join(" ") : [flags[name] ?? ""].flat().join("\n"),
    );
    const access = { workspace: process.cwd(), allowedRoots: [process.cwd()] };
    const selected = await readOptionalPolicy(inputs.policy, access);
    const result = await runTrainReproducibly(inputs, {
      services: {
        probe: systemProbe(),
        stdout: process.stderr,
        stderr: process.stderr,
        now: Date.now,
        warn: (message) => process.stderr.write(`warning: ${message}\n`),
        policy: selected?.provenance ?? { file: inputs.policy, sha256: "", source: "file" },
      },
      model: selected?.policy.model,
      access,
      runUrl: null,
      argv: positionals,
    });
    await writeReport(
      result,
      flags.format === "json" || flags.format === "markdown" || flags.format === "html" ? flags.format : "text",
    );
    return blocksMerge(result.verdict, "fail") ? EXIT.fail : EXIT.ok;
  },
};

/** The policy file when it exists (train-reproducibly needs none); an invalid one fails as in the action. */
async function readOptionalPolicy(file: string, access: FileAccess): Promise<SelectedPolicy | undefined> {
  const [{ locatePolicy, readPolicyText }, { selectPolicy }, { DEFAULT_POLICY_MAX_BYTES }] = await Promise.all([
    import("../data/files/read-policy-file.js"),
    import("../policy/select-policy.js"),
    import("../core/parse-inputs.js"),
  ]);
  const head = await readPolicyText(locatePolicy(file, access), file, {
    bytes: DEFAULT_POLICY_MAX_BYTES,
    setting: "the default policy-max-bytes",
  });
  return head && selectPolicy({ file, mode: "file", head });
}

function readCliInputs(
  read: (getInput: (name: string) => string) => TrainInputs,
  getInput: (name: string) => string,
): TrainInputs {
  try {
    return read(getInput);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new UsageError(error.message.replace(/^Inputs? "([a-z-]+)"/, "--$1"));
  }
}
