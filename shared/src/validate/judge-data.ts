import type { LimitError } from "../data/files/limit-error.js";
import type { Table } from "../data/table/table.js";
import type { Check } from "../core/check.js";
import type { PolicyProvenance } from "../core/result-base.js";
import { worstVerdict } from "../core/verdict.js";
import { dataPolicySchemas } from "./data-policy-schema.js";
import type { DataPolicy } from "./data-policy-schema.js";
import { checkSchema } from "./check-schema.js";
import { sortNumberColumnsInPlace } from "./column-values.js";
import type { DriftOutcome } from "./decide-drift.js";
import type { DriftPlot } from "./drift-plots.js";
import { makeCheck } from "./make-check.js";
import { formatByteSize } from "../core/byte-size.js";
import type { Profile } from "./profile/profile-schema.js";
import type { StreamedProfile } from "./profile/stream-profile.js";
import { profileQuality } from "./profile-quality.js";
import type { TableSummary, ValidateDataResult } from "./validate-result.js";

export interface ValidateDataInput {
  data: Table;
  reference: Table | undefined;
  /** The policy's model and data: section (the parts validate-data reads). */
  policy: { model?: string | undefined; data?: DataPolicy | undefined };
  policyProvenance: PolicyProvenance;
  policyLineOf?: (path: ReadonlyArray<string>) => number | undefined;
  notes: string[];
  key: string;
  /** Skip drift even when a reference is given. */
  schemaOnly: boolean;
  /**
   * In place of `reference`: the reference streamed into its profile because it was too large to hold (`refusal`
   * says which limit), with the data's profile; drift is then judged on the two profiles, and the notes say so.
   */
  referenceProfile?: { streamed: StreamedProfile; refusal: LimitError; data: Profile };
}

/**
 * validate-data's drift judgement on tables whose number columns are sorted (`judgeDrift` in judge-drift.ts): the
 * outcome, and the plots of drifted columns when both tables are held.
 */
export type DriftJudge = (
  input: Pick<ValidateDataInput, "data" | "reference" | "referenceProfile">,
  policy: DataPolicy["drift"],
) => { outcome: DriftOutcome; plots: DriftPlot[] };

/**
 * validate-data's decision (it sorts the tables' number columns in place once the schema is checked): schema checks of the policy's `data:` section, the quality report, and drift
 * against the reference (contract §7). With neither a schema nor a reference there is nothing to judge: fail.
 * `judgeDrift` judges the drift (loaded apart: a run without a reference does not load the drift tests); required
 * when there is a reference to compare and the run is not schema-only.
 */
export function judgeData(input: ValidateDataInput, judgeDrift: DriftJudge | undefined): ValidateDataResult {
  const dataPolicy: DataPolicy = input.policy.data ?? dataPolicySchemas().DataPolicySchema.parse({});
  const checks: Check[] = checkSchema(input.data, dataPolicy);
  // Row order is not read past the schema checks: sort each number column once, in place, for every statistic below.
  sortNumberColumnsInPlace(input.data.columns.values());
  if (input.reference) sortNumberColumnsInPlace(input.reference.columns.values());
  const streamed = input.referenceProfile;
  const compare = (input.reference !== undefined || streamed !== undefined) && !input.schemaOnly;
  if (compare && judgeDrift === undefined) throw new Error("judgeData: a reference to compare needs judgeDrift");
  const judged = compare ? judgeDrift!(input, dataPolicy.drift) : undefined;
  const drift = judged?.outcome;
  if (drift) checks.push(...drift.checks);
  if (checks.length === 0) {
    checks.push(
      makeCheck(
        "table",
        "checks",
        "fail",
        0,
        1,
        input.reference !== undefined || streamed !== undefined
          ? "schema-only is set and the policy's data.schema names no column, so nothing was checked."
          : "The policy's data: section declares no schema and no reference was given, so nothing was checked. Add data.schema to the policy (modelgate infer-schema writes one) or set reference.",
      ),
    );
  }
  for (const check of checks) {
    const line = input.policyLineOf?.(policyPathOf(check));
    if (line !== undefined) check.policy_line = line;
  }
  const notes = [
    ...input.notes,
    ...(streamed ? [streamedNote(streamed)] : []),
    ...input.data.warnings,
    ...(input.reference?.warnings ?? streamed?.streamed.table.warnings ?? []),
  ];
  const { drift: driftPolicy } = dataPolicy;
  const plots = judged?.plots ?? [];
  return {
    action: "validate-data",
    key: input.key,
    verdict: worstVerdict(checks.map((c) => c.verdict)),
    checks,
    policy: input.policyProvenance,
    notes,
    subject: { model: input.policy.model ?? input.key, eval_data_sha256: input.data.sha256 },
    data: summarize(input.data),
    reference: input.reference ? summarize(input.reference) : streamed ? summarize(streamed.streamed.table) : null,
    quality: profileQuality(input.data),
    drift: drift
      ? {
          method: driftPolicy.method,
          alpha: driftPolicy.alpha,
          multiple_testing: driftPolicy["multiple-testing"],
          min_effect: driftPolicy["min-effect"],
          max_drift_share: driftPolicy["max-drift-share"],
          sample: streamed ? null : (driftPolicy.sample ?? null),
          seed: driftPolicy.seed,
          columns: drift.drift,
          drifted_columns: drift.drifted_columns,
          drift_share: drift.drift_share,
        }
      : null,
    ...(plots.length > 0 && { drift_plots: plots }),
  };
}

function policyPathOf(check: Check): string[] {
  if (check.metric === "table" || check.metric === "dataset")
    return check.rule.startsWith("rows") ? ["data", "rows"] : ["data"];
  if (check.rule === "drift" || check.rule === "new-categories" || check.rule.startsWith("in-"))
    return ["data", "drift"];
  return ["data", "schema", check.metric, check.rule === "present" ? "type" : check.rule];
}

/** What the result says of a reference compared as its streamed profile: why, and what changes for drift. */
function streamedNote({ streamed, refusal }: NonNullable<ValidateDataInput["referenceProfile"]>): string {
  const limit =
    refusal.limit === "rows"
      ? `the rows limit of ${refusal.value}`
      : `the memory limit of ${formatByteSize(refusal.value)}`;
  return `${streamed.table.name} (${streamed.table.rows} rows) is larger than ${limit} allows in memory, so drift was judged against its profile, streamed in memory that does not grow with its rows: numbers with more than 5 distinct values are compared on quantile sketches (each check states its bound; KS needs the raw values and is not run), categories on exact counts.`;
}

function summarize(table: Omit<Table<unknown>, "columns">): TableSummary {
  return {
    file: table.name,
    format: table.format,
    gzip: table.gzip,
    sha256: table.sha256,
    bytes: table.bytes,
    rows: table.rows,
    columns: table.fileColumns.length,
  };
}
