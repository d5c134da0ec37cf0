import type { TableColumn } from "../data/table/table.js";
import type { Check } from "../core/check.js";
import type { Verdict } from "../core/verdict.js";
import type { DriftPolicy } from "./data-policy-schema.js";
import { adjustBenjaminiHochberg, adjustHolm } from "../stats/multiple-testing.js";
import { StatsInputError } from "../stats/stats-input-error.js";
import { computeColumnDrift, DEFAULT_DISTANCE_THRESHOLD, PSI_FAIL } from "./compute-column-drift.js";
import type { ColumnDriftOptions } from "./compute-column-drift.js";
import type { RawColumnDrift } from "./drift-types.js";
import type { DriftCheck, DriftStatus } from "./drift-types.js";
import { makeCheck } from "./make-check.js";
import { ownEntry } from "../core/own-entry.js";

/** The drift part of a validation: one check per compared column, domain and coverage checks, and the data set's drift share. */
export interface DriftOutcome {
  checks: Check[];
  drift: DriftCheck[];
  drifted_columns: string[];
  /** Drifted columns over compared columns; 0 when none was compared. */
  drift_share: number;
}

/** The columns drift compares, by name: a table's (raw values) or a profile's (counts and sketches). */
export interface DriftColumns<C extends { kind: "number" | "string" }> {
  name: string;
  columns: ReadonlyMap<string, C>;
}

/** One column's test on either kind of source. */
export type ColumnDriftTest<C> = (
  reference: C,
  current: C,
  options: ColumnDriftOptions,
) => RawColumnDrift | { unusable: string };

/**
 * Compares every column the data and the reference share (contract §7): per column the automatic or named test,
 * the effect size beside any p-value, p-values adjusted across columns (Holm by default), then the verdict:
 * a detectable but negligible change (effect below `min-effect`) passes, a drifted column gets `on-column-drift`
 * (PSI: 0.1 warn, 0.25 fail), and the data set fails when the drifted share reaches `max-drift-share`.
 */
export function decideDrift(
  current: DriftColumns<TableColumn>,
  reference: DriftColumns<TableColumn>,
  policy: DriftPolicy,
): DriftOutcome;
export function decideDrift<C extends { kind: "number" | "string" }>(
  current: DriftColumns<C>,
  reference: DriftColumns<C>,
  policy: DriftPolicy,
  test: ColumnDriftTest<C>,
): DriftOutcome;
export function decideDrift<C extends { kind: "number" | "string" }>(
  current: DriftColumns<C>,
  reference: DriftColumns<C>,
  policy: DriftPolicy,
  test: ColumnDriftTest<C> = computeColumnDrift as unknown as ColumnDriftTest<C>,
): DriftOutcome {
  const checks: Check[] = [];
  const raws: Array<{
    column: string;
    raw: RawColumnDrift;
    method: DriftPolicy["method"];
    threshold: number | undefined;
  }> = [];
  const referenceColumns = new Set(reference.columns.keys());
  for (const [column, data] of current.columns) {
    const own = ownEntry(policy.columns, column);
    if (own?.skip) continue;
    const ref = reference.columns.get(column);
    if (ref === undefined) {
      checks.push(
        makeCheck(
          column,
          "in-reference",
          "fail",
          0,
          1,
          `Column is not in the reference ${reference.name}, so its drift cannot be judged; add it to the reference or set data.drift.columns.${column}.skip: true.`,
        ),
      );
      continue;
    }
    if (ref.kind !== data.kind) {
      checks.push(
        makeCheck(
          column,
          "drift",
          "fail",
          null,
          0,
          `Column holds ${ref.kind === "number" ? "numbers" : "text"} in the reference but ${data.kind === "number" ? "numbers" : "text"} in the data; the test needs one type.`,
        ),
      );
      continue;
    }
    const method = own?.method ?? policy.method;
    const raw = testColumn(test, ref, data, { method, sample: policy.sample, seed: policy.seed });
    if ("unusable" in raw) {
      checks.push(makeCheck(column, "drift", "fail", null, 0, `Drift cannot be judged: ${raw.unusable}.`));
      continue;
    }
    raws.push({ column, raw, method, threshold: own?.threshold ?? policy.threshold });
  }
  for (const column of referenceColumns) {
    if (!current.columns.has(column) && !ownEntry(policy.columns, column)?.skip) {
      checks.push(
        makeCheck(column, "in-data", "fail", 0, 1, `Column is in the reference but missing from ${current.name}.`),
      );
    }
  }
  const adjusted = adjustAcross(
    raws.map(({ raw }) => raw.p_value),
    policy["multiple-testing"],
  );
  const drift = raws.map(({ column, raw, threshold }, i) =>
    toDriftCheck(column, raw, adjusted[i] ?? null, threshold, policy),
  );
  for (const { column, raw } of raws) {
    if (raw.new_categories.values > 0) {
      const { values, rows } = raw.new_categories;
      checks.push(
        makeCheck(
          column,
          "new-categories",
          "warn",
          rows,
          0,
          `${values} value${values === 1 ? "" : "s"} never seen in the reference, in ${rows} row${rows === 1 ? "" : "s"} (reported apart from the drift distance).`,
        ),
      );
    }
  }
  const drifted = drift.filter((check) => check.status === "drift").map((check) => check.metric);
  const share = drift.length === 0 ? 0 : drifted.length / drift.length;
  const bound = policy["max-drift-share"];
  const tripped = drift.length > 0 && share >= bound;
  checks.push(
    makeCheck(
      "dataset",
      "drift-share",
      drift.length === 0 ? "fail" : tripped ? "fail" : "pass",
      share,
      bound,
      drift.length === 0
        ? `No column could be compared with the reference ${reference.name}.`
        : `${drifted.length} of ${drift.length} compared column${drift.length === 1 ? "" : "s"} drifted (${(share * 100).toFixed(1)}%); the data set counts as drifted at ${(bound * 100).toFixed(1)}%.`,
    ),
  );
  return { checks: [...drift, ...checks], drift, drifted_columns: drifted, drift_share: share };
}

/** One column's test; counts its test cannot use make that column undecided, never the whole validation. */
function testColumn<C>(
  test: ColumnDriftTest<C>,
  reference: C,
  current: C,
  options: ColumnDriftOptions,
): RawColumnDrift | { unusable: string } {
  try {
    return test(reference, current, options);
  } catch (error) {
    if (!(error instanceof StatsInputError)) throw error;
    return { unusable: error.message.replace(/\.$/, "") };
  }
}

function adjustAcross(
  pValues: ReadonlyArray<number | null>,
  correction: DriftPolicy["multiple-testing"],
): Array<number | null> {
  const indices = pValues.flatMap((p, i) => (p === null ? [] : [i]));
  const values = indices.map((i) => pValues[i]!);
  const adjusted =
    correction === "holm" ? adjustHolm(values) : correction === "bh" ? adjustBenjaminiHochberg(values) : values;
  const out: Array<number | null> = pValues.map(() => null);
  indices.forEach((index, k) => (out[index] = adjusted[k]!));
  return out;
}

function toDriftCheck(
  column: string,
  raw: RawColumnDrift,
  adjusted: number | null,
  threshold: number | undefined,
  policy: DriftPolicy,
): DriftCheck {
  const base = {
    name: `${column}:drift`,
    metric: column,
    rule: "drift" as const,
    baseline: null,
    delta: null,
    delta_pct: null,
    column_type: raw.column_type,
    method: raw.method,
    statistic: raw.statistic,
    p_value: raw.p_value,
    p_value_adjusted: adjusted,
    effect_size: raw.effect_size,
    effect_size_name: raw.effect_size_name,
    reference_rows: raw.reference_rows,
    current_rows: raw.current_rows,
    ...(raw.approximation === undefined ? {} : { approximation: raw.approximation }),
  };
  const approximate = raw.approximation === undefined ? "" : ` Approximate, ${raw.approximation}.`;
  const effectText = `${raw.effect_size_name} ${round(raw.effect_size)}`;
  if (raw.p_value !== null) {
    const alpha = policy.alpha;
    const significant = adjusted! < alpha;
    const negligible = significant && raw.effect_size < policy["min-effect"];
    const status: DriftStatus = !significant ? "stable" : negligible ? "negligible" : "drift";
    const verdict: Verdict = status === "drift" ? policy["on-column-drift"] : "pass";
    const pText = `${raw.method} p = ${round(raw.p_value)}${policy["multiple-testing"] === "none" ? "" : ` (${policy["multiple-testing"]}-adjusted ${round(adjusted!)})`}`;
    const message =
      status === "stable"
        ? `No drift detected: ${pText} >= ${alpha}; ${effectText}.`
        : status === "negligible"
          ? `Statistically detectable, negligible: ${pText} < ${alpha}, but ${effectText} is below min-effect ${policy["min-effect"]}.`
          : `Drift: ${pText} < ${alpha}, ${effectText} (min-effect ${policy["min-effect"]}).`;
    return { ...base, verdict, status, value: adjusted, threshold: alpha, message: message + approximate };
  }
  const method = raw.method as keyof typeof DEFAULT_DISTANCE_THRESHOLD;
  const bound = threshold ?? DEFAULT_DISTANCE_THRESHOLD[method];
  const drifted = raw.statistic > bound;
  const verdict: Verdict = !drifted
    ? "pass"
    : raw.method === "psi" && threshold === undefined
      ? raw.statistic > PSI_FAIL
        ? "fail"
        : "warn"
      : policy["on-column-drift"];
  const message = drifted
    ? `Drift: ${raw.method} ${round(raw.statistic)} > ${bound}.`
    : `No drift: ${raw.method} ${round(raw.statistic)} <= ${bound}.`;
  return {
    ...base,
    verdict,
    status: drifted ? "drift" : "stable",
    value: raw.statistic,
    threshold: bound,
    message: message + approximate,
  };
}

function round(value: number): string {
  return value === 0 ? "0" : Math.abs(value) < 1e-4 ? value.toExponential(2) : String(Number(value.toPrecision(4)));
}
