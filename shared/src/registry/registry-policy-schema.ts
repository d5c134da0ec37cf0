import * as z from "zod/mini";
import { once } from "../core/once.js";
import { NAME_PATTERN } from "./registry-names.js";

/**
 * Gates whose result can be promotion evidence: each names files a promotion stores (the model, its predictions,
 * the manifest's inputs). shadow-compare's result names only the model, so it is required through `checks`.
 */
export const REQUIRABLE_GATES = ["validate-data", "train-reproducibly", "evaluate-gate", "bias-check"] as const;

/**
 * The `registry:` section's schemas, built on first use: a run whose policy has no `registry:` section never builds them.
 */
export const registryPolicySchemas = once(() => {
  /** `evaluate-gate` (a result of that gate, any key) or `evaluate-gate/churn` (that key). */
  const GATE_REF = new RegExp(`^(${REQUIRABLE_GATES.join("|")})(/[A-Za-z0-9][A-Za-z0-9._/-]{0,99})?$`);
  const gateRef = z
    .string()
    .check(
      z.regex(
        GATE_REF,
        `must be a gate, optionally with its key: ${REQUIRABLE_GATES.join(", ")} (e.g. evaluate-gate or evaluate-gate/churn)`,
      ),
    );

  /** A workflow file as a workflow run's `path` names it; a bare file name means the one in .github/workflows. */
  const workflow = z
    .string()
    .check(
      z.regex(
        /^(\.github\/workflows\/)?[A-Za-z0-9._-]+\.ya?ml$/,
        "must be a workflow file, e.g. .github/workflows/pr-model-gate.yml",
      ),
    );
  const jobName = z
    .string()
    .check(z.regex(/^[^\r\n]{1,255}$/, "must be a job's check-run name on one line (its name:, or its id)"));

  /** Check runs a stage requires: jobs of one workflow, run for the judged commit (see the promote action). */
  const RequiredChecksPolicySchema = z.strictObject({
    workflow,
    jobs: z.array(jobName).check(z.refine((jobs) => jobs.length > 0, "must name at least one job")),
  });

  /** What a promotion to one stage needs, and where a rollback of it must run. */
  const StagePolicySchema = z.strictObject({
    /** Gates whose passing (or warning) result must be among the promotion's evidence. */
    require: z.optional(z.array(gateRef)),
    checks: z.optional(RequiredChecksPolicySchema),
    /** The GitHub environment whose approval a rollback run of this stage must show. */
    "rollback-environment": z.optional(
      z.string().check(z.regex(/^[^\r\n]{1,255}$/, "must be an environment name on one line")),
    ),
  });

  /** GTO's name grammar as a pattern (it reaches the JSON Schema), without "//", which no git tag can carry. */
  const stageName = z.string().check(
    z.regex(
      new RegExp(`^${NAME_PATTERN}$`),
      "stage names follow GTO's name grammar (see the catalog), e.g. production or Prod",
    ),
    z.refine((name) => !name.includes("//"), `stage names cannot contain "//": git cannot carry it in a tag`),
  );

  /**
   * The `registry:` section (promote, rollback, verify, and the CLI alike): promotion and rollback rules per stage,
   * and the keys that keep the registry GTO-compatible (contract §5).
   */
  const RegistryPolicySchema = z.strictObject({
    /** Every stage that may be promoted to; a stage not listed here is refused once any is listed. */
    stages: z.optional(z.record(stageName, StagePolicySchema)),
    /** `one` (default): a commit carries one version of a model, as GTO requires. `many`: scheduled retrains on an
     * unchanged commit may register further versions; GTO's show and history then fail for the model (ManyVersions). */
    "versions-per-commit": z.optional(z.enum(["one", "many"])),
    /** Tags written outside modelgate (GTO, `git tag -a`) are always read, with no gate evidence; `registry verify`
     * fails on them unless this is true. */
    "allow-foreign-tags": z.optional(z.boolean()),
  });

  return { RequiredChecksPolicySchema, StagePolicySchema, RegistryPolicySchema };
});
type Schemas = ReturnType<typeof registryPolicySchemas>;
export type StagePolicy = z.infer<Schemas["StagePolicySchema"]>;
export type RegistryPolicy = z.infer<Schemas["RegistryPolicySchema"]>;

/** What the registry reads from the GTO keys of `registry:`, with their defaults. */
export interface RegistryGtoPolicy {
  versionsPerCommit: "one" | "many";
  allowForeignTags: boolean;
}

/** The GTO keys of a parsed `registry:` section (or none), with defaults: one version per commit, no foreign tags. */
export function toRegistryGtoPolicy(section: RegistryPolicy | undefined): RegistryGtoPolicy {
  return {
    versionsPerCommit: section?.["versions-per-commit"] ?? "one",
    allowForeignTags: section?.["allow-foreign-tags"] ?? false,
  };
}
