import { InputError } from "../core/modelgate-error.js";
import type { Check } from "../core/check.js";
import type { Subject } from "../core/subject.js";
import type { Verdict } from "../core/verdict.js";
import { registryCheck as check } from "./registry-check.js";
import { matchManifest } from "./match-manifest.js";
import { matchSubject } from "./match-subject.js";
import type { GateRecord } from "./registry-records.js";
import { evaluateStageRules } from "./evaluate-stage-rules.js";
import type { PublishedResult } from "../publish/published-result-schema.js";
import type { PromotionEvidence } from "./promotion-evidence.js";
import { toCheckRecord, toGateRecord } from "./to-gate-record.js";

export interface PromotionDecision {
  checks: Check[];
  gates: GateRecord[];
  subject: Subject;
}

/**
 * Decides whether the evidence allows a promotion. Every required check must be `success` on the judged commit,
 * every gate result must pass or warn with at least one check (a verdict better than its worst check is refused when
 * the result is read), each result's subject must bind it to what is promoted (a digest that is an artifact, the
 * manifest's lineage, or a manifest input or output, and none that names other files), every artifact the manifest
 * lists must have the manifest's digest, and the policy's rules for the stage must hold (`evaluateStageRules`). A
 * commit nothing judged fails: evidence is required, not optional.
 * @throws InputError when two results are for the same gate (which one decides would be a guess).
 */
export function decidePromotion(evidence: PromotionEvidence): PromotionDecision {
  const checks: Check[] = evidence.rules
    ? evaluateStageRules(evidence.rules, evidence.results, evidence.allowUngated ?? false)
    : [];
  if (evidence.requiredChecks.length === 0 && evidence.results.length === 0 && !evidence.allowUngated) {
    checks.push(
      check(
        "evidence:gated",
        "evidence",
        "gated",
        "fail",
        "Nothing judged this commit: no require-checks and no results were given, so an un-gated commit cannot be told from a gated one.",
      ),
    );
  }
  for (const required of evidence.requiredChecks) {
    checks.push(
      check(
        `required-check:${required.name}`,
        required.name,
        "required-check",
        required.ok ? "pass" : required.waived ? "warn" : "fail",
        required.message,
      ),
    );
  }
  const seen = new Map<string, string>();
  for (const { file, result } of evidence.results) {
    const gate = `${result.action}/${result.key}`;
    const earlier = seen.get(gate);
    if (earlier !== undefined) {
      throw new InputError(
        `Results ${earlier} and ${file} are both for ${gate}.`,
        `Pass one result per gate and key in results.`,
        { input: "results", file },
      );
    }
    seen.set(gate, file);
    checks.push(verdictCheck(gate, file, result));
    checks.push(matchSubject(gate, file, result, evidence));
  }
  if (evidence.manifest) checks.push(...matchManifest(evidence.manifest, evidence.artifacts));

  const gates: GateRecord[] = [
    ...evidence.requiredChecks.map(toCheckRecord),
    ...evidence.results.map(({ result }) => toGateRecord(result, evidence.runUrl)),
  ].sort((a, b) => compare(`${a.action}/${a.key}`, `${b.action}/${b.key}`));

  const main = evidence.artifacts[0];
  const subject: Subject = {
    model: evidence.model,
    ...(main ? { candidate_sha256: main.sha256 } : {}),
    ...(evidence.manifest ? { manifest_lineage_sha256: evidence.manifest.lineage_sha256 } : {}),
  };
  return { checks, gates, subject };
}

function verdictCheck(gate: string, file: string, result: PublishedResult): Check {
  const name = `gate:${gate}`;
  if (result.error)
    return check(name, gate, "verdict", "fail", `${file}: ${gate} could not decide (${result.error.message}).`);
  if (result.checks.length === 0)
    return check(
      name,
      gate,
      "verdict",
      "fail",
      `${file}: ${gate} has no checks (its checks field is empty); a ${result.verdict} that judged nothing is no evidence.`,
    );
  const count = (verdict: Verdict) => result.checks.filter((c) => c.verdict === verdict).length;
  if (result.verdict === "fail")
    return check(
      name,
      gate,
      "verdict",
      "fail",
      `${file}: ${gate} failed (${count("fail")} of ${result.checks.length} checks).`,
    );
  const warned = result.verdict === "warn" ? ` with warnings (${count("warn")})` : "";
  return check(name, gate, "verdict", "pass", `${file}: ${gate} passed${warned}.`);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
