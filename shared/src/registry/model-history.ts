import type { ModelRegistry } from "./model-registry.js";
import type { GateRecord } from "./registry-records.js";
import { median } from "../stats/median.js";

/** One version that held the stage, as the history compares it. */
export interface HistoryVersion {
  version: string;
  /** When it last took the stage (its latest promote, rollback or assign event there). */
  held_at: string;
  /** The digest of the evaluation data its evaluate-gate result was computed on, when recorded. */
  eval_data_sha256: string | null;
  /** Its recorded value of each metric; null when it has none. */
  values: Record<string, number | null>;
}

/** A version that held the stage but is not compared, and why. */
export interface ApartVersion {
  version: string;
  reason: string;
}

/** A gated metric's series over the comparable versions (oldest first), and their median. */
export interface ModelHistory {
  stage: string;
  /** The number of comparable versions asked for (N). */
  window: number;
  metrics: string[];
  /** Up to `window` versions on the same evaluation data as the reference, oldest first. */
  comparable: HistoryVersion[];
  /** Versions that held the stage but were evaluated on other (or unrecorded) data, newest first. */
  apart: ApartVersion[];
  /** The digest compared against: the candidate's evaluation data, or the stage's latest holder's. */
  reference_sha256: string | null;
  /** The median of each metric over `comparable`; null when no comparable version has the metric. */
  median: Record<string, number | null>;
  /** Set when fewer than `window` comparable versions exist: says how many there are. */
  shortfall: string | null;
}

export interface ModelHistoryRequest {
  stage: string;
  window: number;
  /** The metrics to show (the gated ones), in order. */
  metrics: readonly string[];
  /** The candidate's evaluation-data digest; undefined to compare with the stage's latest holder's data. */
  candidateEvalData?: string | null;
}

/**
 * The last `window` versions that held `stage`, compared like with like: only versions whose evaluate-gate result
 * was computed on the same evaluation data (the `eval_data_sha256` of the gate's subject) as the candidate (or,
 * without a candidate, as the latest holder); the others are listed apart with the reason. Each version's evidence
 * is the gates of its latest promotion to that stage (recorded with the event), else its version record's.
 */
export function buildModelHistory(registry: ModelRegistry, request: ModelHistoryRequest): ModelHistory {
  const held = versionsThatHeld(registry, request.stage);
  const readings = held.map(({ version, heldAt, gates }) => readVersion(version, heldAt, gates, request.metrics));
  const reference =
    request.candidateEvalData !== undefined
      ? request.candidateEvalData
      : (readings.find((r) => r.point)?.point?.eval_data_sha256 ?? null);
  const comparable: HistoryVersion[] = [];
  const apart: ApartVersion[] = [];
  for (const reading of readings) {
    if (comparable.length >= request.window) break;
    const why = reading.point
      ? differs(reading.point, reference, request.candidateEvalData !== undefined)
      : reading.reason!;
    if (why === undefined) comparable.push(reading.point!);
    else apart.push({ version: reading.version, reason: why });
  }
  comparable.reverse();
  const medians: Record<string, number | null> = {};
  for (const metric of request.metrics)
    medians[metric] = medianOf(
      comparable.map((v) => v.values[metric]).filter((x): x is number => typeof x === "number"),
    );
  const n = comparable.length;
  const shortfall =
    n >= request.window
      ? null
      : held.length === 0
        ? `No version has held ${request.stage} yet; the history asks for ${request.window}.`
        : `Only ${n} of the ${held.length} version${held.length === 1 ? "" : "s"} that held ${request.stage} ${n === 1 ? "is" : "are"} comparable; the history asks for ${request.window}.`;
  return {
    stage: request.stage,
    window: request.window,
    metrics: [...request.metrics],
    comparable,
    apart,
    reference_sha256: reference,
    median: medians,
    shortfall,
  };
}

function medianOf(values: number[]): number | null {
  return median(values) ?? null;
}

/** Distinct versions that held the stage, the most recent holder first, with the gates of their latest promotion there. */
function versionsThatHeld(
  registry: ModelRegistry,
  stage: string,
): Array<{ version: string; heldAt: string; gates: GateRecord[] | null }> {
  const seen = new Map<string, { version: string; heldAt: string; gates: GateRecord[] | null }>();
  for (const event of [...registry.events].reverse()) {
    if (event.stage !== stage || event.cancel || event.record.event === "unassign") continue;
    if (seen.has(event.record.version)) continue;
    const version = registry.versions.find((v) => v.version === event.record.version);
    const gates = version ? (event.record.gates ?? version.record.gates) : null;
    seen.set(event.record.version, { version: event.record.version, heldAt: event.record.created_at, gates });
  }
  return [...seen.values()];
}

function readVersion(
  version: string,
  heldAt: string,
  gates: GateRecord[] | null,
  metrics: readonly string[],
): { version: string; point?: HistoryVersion; reason?: string } {
  if (gates === null) return { version, reason: "written outside modelgate: no gate evidence" };
  const evaluations = gates.filter((gate) => gate.action === "evaluate-gate" && gate.metrics !== undefined);
  if (evaluations.length === 0) return { version, reason: "no evaluate-gate result with metrics was recorded" };
  const gate = evaluations[0]!;
  const values: Record<string, number | null> = {};
  for (const metric of metrics) values[metric] = gate.metrics?.[metric] ?? null;
  return {
    version,
    point: { version, held_at: heldAt, eval_data_sha256: gate.subject?.eval_data_sha256 ?? null, values },
  };
}

function differs(point: HistoryVersion, reference: string | null, forCandidate: boolean): string | undefined {
  if (point.eval_data_sha256 === null) return "no digest of its evaluation data was recorded";
  if (reference === null)
    return forCandidate
      ? "the candidate's evaluation data has no digest to compare with (eval-data names it)"
      : "the latest holder's evaluation data has no digest";
  if (point.eval_data_sha256 !== reference)
    return `evaluated on other data (sha256:${point.eval_data_sha256.slice(0, 12)})`;
  return undefined;
}

/** The note a gate's result carries when fewer comparable versions exist than the history asks for. */
export function toShortfallNote(shortfall: string): string {
  return `History: ${shortfall}`;
}
