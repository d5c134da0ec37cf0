import { readDataTable } from "../validate/read-data-table.js";
import { ReadLimits } from "../data/files/read-limits.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import { InputError } from "../core/modelgate-error.js";
import type { PolicyProvenance } from "../core/result-base.js";
import type { Policy } from "../policy/policy-schema.js";
import { buildProfile } from "../validate/profile/build-profile.js";
import { isProfileFile } from "../validate/profile/is-profile-file.js";
import type { Profile } from "../validate/profile/profile-schema.js";
import { judgeData } from "../validate/judge-data.js";
import type { ValidateDataResult } from "../validate/validate-result.js";
import type { GateEdge } from "./gate-edge.js";

/** What validate-data's edge provides besides the policy and file access: what it does with the profile and the verdict. */
export interface ValidateDataEdge extends GateEdge {
  /** Keeps the data's profile (the action writes it and sets its profile output); not called for a profile input. */
  saveProfile?: (profile: Profile, key: string) => void;
  /** Runs after the verdict (the action's drift issue); may add notes, never changes the verdict. */
  watchDrift?: (result: ValidateDataResult) => Promise<ValidateDataResult>;
}

/**
 * validate-data from its file inputs under the edge's policy, for the action and the CLI alike: the key from the
 * inputs or the policy's model, then the files judged (`validateFromFiles`), the profile handed to the edge, and the
 * edge's drift watch.
 */
export async function runValidateData(
  inputs: ValidateFileInputs & { key?: string | undefined },
  edge: ValidateDataEdge,
): Promise<ValidateDataResult> {
  const { policy: selected, access } = edge;
  const key = inputs.key ?? selected.policy.model ?? "default";
  const { result, profile } = await validateFromFiles(
    {
      inputs,
      policy: selected.policy,
      provenance: selected.provenance,
      lineOf: selected.lineOf,
      notes: selected.notes,
      key,
    },
    access,
  );
  if (profile) edge.saveProfile?.(profile, key);
  return edge.watchDrift ? edge.watchDrift(result) : result;
}

type ValidateFileInputs = { data: string; reference?: string | undefined; schemaOnly: boolean };

interface ValidateFilesInput {
  inputs: ValidateFileInputs;
  policy: Policy;
  provenance: PolicyProvenance;
  lineOf?: (path: ReadonlyArray<string>) => number | undefined;
  notes: string[];
  key: string;
}

/**
 * validate-data from its files, for the action and the CLI alike: a data file is validated (schema, quality,
 * drift) and profiled; a `*.profile.json` (shards profiled and merged) is compared with the reference's profile,
 * or with the reference file profiled the same way, for drift.
 * @returns the result, and the data's profile when the data was a data file.
 */
async function validateFromFiles(
  input: ValidateFilesInput,
  access: FileAccess,
): Promise<{ result: ValidateDataResult; profile: Profile | undefined }> {
  const { inputs, policy } = input;
  // Profiles, the reference and drift load their code only in a run that has them: a data file checked alone
  // (the usual pull-request run) compiles none of it.
  if (isProfileFile(inputs.data)) {
    if (inputs.reference === undefined || inputs.schemaOnly) {
      throw new InputError(
        `Input "data" is a profile (${inputs.data}), and on profiles only drift is judged, so it needs a reference.`,
        `Set reference to the training data or its profile (*.profile.json), or validate each shard's data file for its schema.`,
        { input: "reference" },
      );
    }
    const [{ loadProfileFile }, { streamProfile }, { validateProfiles }] = await Promise.all([
      import("../validate/profile/load-profile-file.js"),
      import("../validate/profile/stream-profile.js"),
      import("../validate/profile/validate-profiles.js"),
    ]);
    const data = await loadProfileFile(inputs.data, access, "data");
    const reference = isProfileFile(inputs.reference)
      ? await loadProfileFile(inputs.reference, access, "reference")
      : {
          file: inputs.reference,
          profile: (await streamProfile(inputs.reference, "reference", access, policy.data)).profile,
        };
    return {
      result: validateProfiles({
        data,
        reference,
        policy,
        policyProvenance: input.provenance,
        key: input.key,
        notes: input.notes,
      }),
      profile: undefined,
    };
  }
  if (inputs.reference !== undefined && isProfileFile(inputs.reference)) {
    throw new InputError(
      `Input "reference" is a profile (${inputs.reference}) but "data" is a data file.`,
      `Compare profiles with profiles: profile the data too (validate-data's profile output, or modelgate profile build), or give the reference data file.`,
      { input: "reference" },
    );
  }
  // One memory account for the data and the reference.
  const run = { ...access, limits: access.limits ?? new ReadLimits() };
  const wanted = inputs.reference === undefined || inputs.schemaOnly ? undefined : inputs.reference;
  // A large reference is read on a worker thread meanwhile; whatever the worker cannot do, the main thread redoes.
  const readers = wanted === undefined ? undefined : await loadReferenceReaders();
  const early = wanted === undefined ? undefined : await readers!.startReferenceRead(wanted, run, policy.data);
  let data;
  try {
    data = await readDataTable(inputs.data, "data", run, policy.data);
  } catch (error) {
    early?.cancel();
    throw error;
  }
  // Profiled in row order, before validateData sorts the number columns; meanwhile the worker reads on.
  const profile = buildProfile(data);
  const table = await early?.table(run.limits);
  const reference =
    wanted === undefined ? undefined : table ? { table } : await readers!.readReference(wanted, run, policy.data);
  const compared =
    reference === undefined
      ? { reference: undefined }
      : "table" in reference
        ? { reference: reference.table }
        : { reference: undefined, referenceProfile: { ...reference, data: profile } };
  const result = judgeData(
    {
      data,
      ...compared,
      policy,
      policyProvenance: input.provenance,
      ...(input.lineOf ? { policyLineOf: input.lineOf } : {}),
      notes: input.notes,
      key: input.key,
      schemaOnly: inputs.schemaOnly,
    },
    readers?.judgeDrift,
  );
  return { result, profile };
}

/** What a run with a reference (not schema-only) loads: the reference's readers and the drift tests. */
async function loadReferenceReaders() {
  const [{ startReferenceRead }, { readReference }, { judgeDrift }] = await Promise.all([
    import("./reference-worker.js"),
    import("../validate/read-reference.js"),
    import("../validate/judge-drift.js"),
  ]);
  return { startReferenceRead, readReference, judgeDrift };
}
