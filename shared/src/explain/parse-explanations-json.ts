import { DataError } from "../core/modelgate-error.js";
import { computeGlobalAttributions } from "./compute-global-attributions.js";
import type { Explanations, FeatureAttribution, LocalAttributions } from "./explanations.js";
import { findJsonSyntaxError } from "../data/files/find-json-syntax-error.js";

const FORMAT_HINT =
  'Write {"global": {"<feature>": {"mean_abs": <number>, "mean": <number>}}, "local": [{"id": "<id>", "attributions": {"<feature>": <number>}}]} (either part may be left out, not both).';

/**
 * Parses an explanations JSON file (contract §4): `global` per-feature importance (`mean_abs`) and direction
 * (`mean`; a bare number is `mean_abs` only), `local` per-example attributions by id. Without `global`, it is
 * computed from `local`. Keys other than these two are ignored (exporters add metadata).
 * @throws DataError naming the input, file and JSON path: invalid JSON, neither part, a non-finite or negative
 * importance, |mean| > mean_abs, a local row without an id or with a different feature set, duplicated ids.
 */
export function parseExplanationsJson(text: string, name: string, sha256: string, input: string): Explanations {
  const fail = (what: string, path?: string, hint = FORMAT_HINT) =>
    new DataError(`Input "${input}": ${name}${path ? `, ${path}` : ""}: ${what}`, hint, {
      input,
      file: name,
      ...(path && { path }),
    });
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    const problem = findJsonSyntaxError(text);
    const where = problem?.line ? ` at line ${problem.line}, column ${problem.column}` : "";
    throw new DataError(
      `Input "${input}": ${name} is not valid JSON${where}: ${problem?.reason ?? "syntax error"}.`,
      `Fix the JSON syntax of ${name}.`,
      {
        input,
        file: name,
        ...(problem?.line && { line: problem.line }),
      },
    );
  }
  if (!isRecord(document) || (document.global === undefined && document.local === undefined)) {
    throw fail("is not an explanations object: it has neither a global nor a local part.");
  }
  const local = document.local === undefined ? undefined : parseLocal(document.local, fail);
  const global = document.global === undefined ? computeGlobalAttributions(local!) : parseGlobal(document.global, fail);
  if (global.size === 0) throw fail("names no feature.", "global");
  if (local && document.global !== undefined) {
    const extra =
      local.features.find((feature) => !global.has(feature)) ??
      [...global.keys()].find((feature) => !local.features.includes(feature));
    if (extra !== undefined)
      throw fail(
        `feature ${JSON.stringify(extra)} is in one of global and local but not the other.`,
        "local",
        "Give global and local the same features.",
      );
  }
  return { input, name, sha256, global, ...(local && { local }) };
}

type Fail = (what: string, path?: string, hint?: string) => DataError;

function parseGlobal(value: unknown, fail: Fail): Map<string, FeatureAttribution> {
  if (!isRecord(value)) throw fail("must be an object of features.", "global");
  const global = new Map<string, FeatureAttribution>();
  for (const [feature, entry] of Object.entries(value)) {
    const path = `global.${feature}`;
    const raw = isRecord(entry) ? entry.mean_abs : entry;
    if (typeof raw !== "number" || !Number.isFinite(raw) || raw < 0)
      throw fail("the importance (mean_abs) must be a finite number ≥ 0.", path);
    const mean = isRecord(entry) ? entry.mean : undefined;
    if (mean !== undefined && (typeof mean !== "number" || !Number.isFinite(mean)))
      throw fail("mean must be a finite number.", path);
    if (mean !== undefined && Math.abs(mean) > raw * (1 + 1e-9) + 1e-12) {
      throw fail(
        `|mean| (${Math.abs(mean)}) exceeds mean_abs (${raw}), which no set of attributions allows.`,
        path,
        "Check that mean_abs is the mean of absolute attributions and mean the mean of signed ones.",
      );
    }
    global.set(feature, { meanAbs: raw, mean: mean ?? null });
  }
  return global;
}

function parseLocal(value: unknown, fail: Fail): LocalAttributions {
  if (!Array.isArray(value) || value.length === 0)
    throw fail("must be a non-empty list of {id, attributions}.", "local");
  const first = value[0];
  const features = isRecord(first) && isRecord(first.attributions) ? Object.keys(first.attributions) : [];
  if (features.length === 0) throw fail("has no attributions.", "local[0]");
  const values = features.map(() => new Float64Array(value.length));
  const ids: string[] = [];
  const seen = new Set<string>();
  value.forEach((row: unknown, i) => {
    const path = `local[${i}]`;
    if (!isRecord(row) || !isRecord(row.attributions))
      throw fail("must be an object with an attributions object.", path);
    const id = typeof row.id === "number" && Number.isFinite(row.id) ? String(row.id) : row.id;
    if (typeof id !== "string" || id === "")
      throw fail(
        "has no id (a string or number).",
        path,
        "Give every local entry the id of its example, as in the predictions file.",
      );
    if (seen.has(id))
      throw fail(`repeats the id ${JSON.stringify(id.slice(0, 40))}.`, path, "Give each example one local entry.");
    seen.add(id);
    ids.push(id);
    const attributions = row.attributions;
    const keys = Object.keys(attributions);
    const odd =
      keys.find((key) => !features.includes(key)) ?? features.find((feature) => !Object.hasOwn(attributions, feature));
    if (odd !== undefined || keys.length !== features.length) {
      throw fail(
        `its features differ from local[0]'s (${JSON.stringify(odd)}).`,
        path,
        "Give every example an attribution for the same features.",
      );
    }
    features.forEach((feature, f) => {
      const attribution = attributions[feature];
      if (typeof attribution !== "number" || !Number.isFinite(attribution))
        throw fail(`the attribution of ${JSON.stringify(feature)} must be a finite number.`, `${path}.attributions`);
      values[f]![i] = attribution;
    });
  });
  return { features, ids, rows: value.length, values };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
