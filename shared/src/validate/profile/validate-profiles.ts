import { sha256Hex } from "../../core/digest.js";
import type { PolicyProvenance } from "../../core/result-base.js";
import { worstVerdict } from "../../core/verdict.js";
import { dataPolicySchemas } from "../data-policy-schema.js";
import type { DataPolicy } from "../data-policy-schema.js";
import { decideDrift } from "../decide-drift.js";
import type { TableSummary, ValidateDataResult } from "../validate-result.js";
import type { NamedProfile } from "./merge-profiles.js";
import { profileColumnDrift, profileDriftColumns } from "./profile-drift.js";
import { profileQualityOf } from "./profile-quality-of.js";

export interface ValidateProfilesInput {
  data: NamedProfile;
  reference: NamedProfile;
  /** The policy's model and data: section (the parts validate-data reads). */
  policy: { model?: string | undefined; data?: DataPolicy | undefined };
  policyProvenance: PolicyProvenance;
  key: string;
  notes: string[];
}

/**
 * validate-data's drift decision on profiles (data too big for one runner, profiled per shard and merged): the
 * policy's drift settings, per column the test of `profileColumnDrift`, the quality report read from the
 * profile. Schema checks need the rows: they run on each shard (validate-data per shard).
 */
export function validateProfiles(input: ValidateProfilesInput): ValidateDataResult {
  const drift = (input.policy.data ?? dataPolicySchemas().DataPolicySchema.parse({})).drift;
  const outcome = decideDrift(
    profileDriftColumns(input.data.profile, input.data.file),
    profileDriftColumns(input.reference.profile, input.reference.file),
    drift,
    profileColumnDrift,
  );
  const shards = input.data.profile.shards;
  const notes = [
    ...input.notes,
    `Drift judged on profiles: ${input.data.file} (${shards.length} shard${shards.length === 1 ? "" : "s"}, ${input.data.profile.rows} rows) against ${input.reference.file}. Schema and quality rules run on each shard's data; the percentiles below are read from the sketch.`,
  ];
  return {
    action: "validate-data",
    key: input.key,
    verdict: worstVerdict(outcome.checks.map((check) => check.verdict)),
    checks: outcome.checks,
    policy: input.policyProvenance,
    notes,
    subject: {
      model: input.policy.model ?? input.key,
      eval_data_sha256:
        input.data.profile.shards.length === 1 ? input.data.profile.shards[0]!.sha256 : profileDigest(input.data),
    },
    data: summarize(input.data),
    reference: summarize(input.reference),
    quality: input.data.profile.columns.map(profileQualityOf),
    drift: {
      method: drift.method,
      alpha: drift.alpha,
      multiple_testing: drift["multiple-testing"],
      min_effect: drift["min-effect"],
      max_drift_share: drift["max-drift-share"],
      sample: null,
      seed: drift.seed,
      columns: outcome.drift,
      drifted_columns: outcome.drifted_columns,
      drift_share: outcome.drift_share,
    },
  };
}

/** A merged profile's identity: the sha256 of its shards' digests in order (what it was made of). */
function profileDigest(named: NamedProfile): string {
  return sha256Hex(named.profile.shards.map((shard) => shard.sha256).join("\n"));
}

function summarize(named: NamedProfile): TableSummary {
  const { profile } = named;
  return {
    file: named.file,
    format: "profile",
    gzip: false,
    sha256: profile.shards.length === 1 ? profile.shards[0]!.sha256 : profileDigest(named),
    bytes: 0,
    rows: profile.rows,
    columns: profile.columns.length,
  };
}
