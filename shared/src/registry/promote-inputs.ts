import * as z from "zod/mini";
import { InputError } from "../core/modelgate-error.js";
import { booleanInput, CommonInputShape, parseInputs } from "../core/parse-inputs.js";
import type { GetInput } from "../core/parse-inputs.js";
import { toWorkflowPath } from "./stage-rules.js";

/** Inputs promote and rollback share with the gates (contract §2): the policy (its registry: section), no comment or fail-on. */
export const RegistryCommonShape = {
  policy: CommonInputShape.policy,
  "github-token": CommonInputShape["github-token"],
  "result-path": CommonInputShape["result-path"],
  "check-run": CommonInputShape["check-run"],
  environment: z.optional(z.string().check(z.regex(/^[^\r\n]{1,255}$/))),
  dispatch: z.optional(z.string().check(z.regex(/^[A-Za-z0-9._-]+\.ya?ml$/))),
  "dispatch-ref": z.optional(z.string().check(z.regex(/^[A-Za-z0-9._/-]+$/))),
};

export const PromoteInputShape = {
  ...RegistryCommonShape,
  model: z.string(),
  stage: z.string(),
  version: z.optional(z.string()),
  bump: z.optional(z.enum(["major", "minor", "patch"])),
  artifacts: z.string(),
  manifest: z.optional(z.string()),
  predictions: z.optional(z.string()),
  "allow-missing-manifest": z._default(booleanInput, false),
  results: z._default(z.string(), ""),
  "require-checks": z._default(z.string(), ""),
  "checks-workflow": z.optional(z.string().check(z.regex(/^(\.github\/workflows\/)?[A-Za-z0-9._-]+\.ya?ml$/))),
  reason: z.optional(z.string().check(z.maxLength(1000))),
};

export type PromoteInputs = ReturnType<typeof readPromoteInputs>;

/** One entry per non-empty line, trimmed. */
export const toLines = (value: string) =>
  value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");

/**
 * promote's inputs, parsed in one place.
 * @throws InputError for a refused input, neither or both of version and bump, no manifest without
 * allow-missing-manifest, require-checks without checks-workflow, and dispatch without dispatch-ref.
 */
export function readPromoteInputs(getInput: GetInput) {
  const inputs = parseInputs(PromoteInputShape, getInput);
  if ((inputs.version === undefined) === (inputs.bump === undefined)) {
    throw new InputError(
      inputs.version === undefined
        ? `Neither "version" nor "bump" is set, so there is no version to promote.`
        : `Both "version" and "bump" are set.`,
      `Set exactly one: version (e.g. 1.4.0) or bump (major, minor or patch of the highest registered version).`,
      { input: "version" },
    );
  }
  if (inputs.manifest === undefined && !inputs.allowMissingManifest) {
    throw new InputError(
      `No lineage manifest was given, so nothing records how the artifacts were made.`,
      `Set manifest to the file train-reproducibly wrote (its manifest output), or allow-missing-manifest: true to promote without one.`,
      { input: "manifest" },
    );
  }
  requireDispatchRef(inputs);
  const artifacts = toLines(inputs.artifacts);
  if (artifacts.length === 0)
    throw new InputError(`Input "artifacts" names no file.`, `List the model files to promote, one path per line.`, {
      input: "artifacts",
    });
  const names = [...new Set(toLines(inputs.requireChecks))];
  if (names.length > 0 && inputs.checksWorkflow === undefined) {
    throw new InputError(
      `Input "require-checks" names ${names.join(", ")} but "checks-workflow" is empty, so nothing says which workflow's jobs may provide them.`,
      `Set checks-workflow to the workflow file that runs those jobs on pull requests (e.g. .github/workflows/pr-model-gate.yml): a check run's name alone is no evidence.`,
      { input: "checks-workflow" },
    );
  }
  const workflow = inputs.checksWorkflow === undefined ? "" : toWorkflowPath(inputs.checksWorkflow);
  return {
    ...inputs,
    artifacts,
    results: toLines(inputs.results),
    requireChecks: names.map((name) => ({ name, workflow })),
  };
}

/** dispatch needs the ref to run the workflow on. */
export function requireDispatchRef(inputs: { dispatch?: string | undefined; dispatchRef?: string | undefined }): void {
  if (inputs.dispatch !== undefined && inputs.dispatchRef === undefined) {
    throw new InputError(
      `Input "dispatch" is set but "dispatch-ref" is empty, so there is no ref to run ${inputs.dispatch} on.`,
      `Set dispatch-ref (e.g. \${{ github.ref_name }}) to the branch the workflow runs on.`,
      { input: "dispatch-ref" },
    );
  }
}
