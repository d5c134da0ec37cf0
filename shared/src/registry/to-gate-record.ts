import type { PublishedResult } from "../publish/published-result-schema.js";
import type { GateRecord } from "./registry-records.js";
import type { RequiredCheckOutcome } from "./promotion-evidence.js";

/**
 * What a gate's result judged, as the version record keeps it: verdict, subject digests, checks by verdict, the
 * candidate's value of each metric a whole-set check judged (the first check of a metric gives it), and the policy.
 */
export function toGateRecord(result: PublishedResult, runUrl: string | null): GateRecord {
  const checks = { pass: 0, warn: 0, fail: 0 };
  const metrics: Record<string, number> = {};
  for (const c of result.checks) {
    checks[c.verdict] += 1;
    if (c.slice === undefined && c.value !== null && Number.isFinite(c.value) && !(c.metric in metrics))
      metrics[c.metric] = c.value;
  }
  const policy = result.policy?.sha256;
  return {
    action: result.action,
    key: result.key,
    verdict: result.verdict,
    run_url: runUrl,
    ...(result.subject ? { subject: result.subject } : {}),
    checks,
    ...(Object.keys(metrics).length > 0 ? { metrics } : {}),
    ...(policy ? { policy_sha256: policy } : {}),
  };
}

/** A required check as the version record keeps it: `action: "check"`, its job name and workflow file. */
export function toCheckRecord(required: RequiredCheckOutcome): GateRecord {
  return {
    action: "check",
    key: required.name,
    verdict: required.ok ? "pass" : (required.conclusion ?? "pending"),
    run_url: required.url,
    ...(required.workflow !== undefined ? { workflow: required.workflow } : {}),
  };
}
