import type { PromoteRequest } from "../../../shared/src/registry/promote-version.js";

/**
 * A promotion of `churn` to `prod` with no evidence, metrics or reason, at a fixed time: the request the registry
 * tests start from, each overriding what it is about.
 */
export function promotionRequest(
  version: string,
  commitSha: string,
  overrides: Partial<PromoteRequest> = {},
): PromoteRequest {
  return {
    model: "churn",
    stage: "prod",
    version: { explicit: version },
    commitSha,
    artifacts: [{ name: "model.bin", bytes: Buffer.from(`churn ${version}`) }],
    manifestSha256: null,
    metrics: {},
    gates: [],
    actor: "octocat",
    reason: null,
    runUrl: null,
    now: "2026-01-02T03:04:05Z",
    ...overrides,
  };
}
