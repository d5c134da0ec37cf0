import * as z from "zod/mini";

const sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/));
const nullableString = z.nullable(z.string());

/**
 * One artifact of a version: its digest and where it is stored. `role` marks the two files a promotion stores for
 * readers: `predictions` (the version's evaluation predictions, which a `registry:` baseline pairs with) and
 * `manifest` (the lineage manifest); the model files have none.
 */
export const ArtifactRecordSchema = z.object({
  name: z.string().check(z.minLength(1)),
  sha256,
  bytes: z.number().check(z.int(), z.nonnegative()),
  uri: z.string(),
  role: z.optional(z.enum(["predictions", "manifest"])),
});
export type ArtifactRecord = z.infer<typeof ArtifactRecordSchema>;

/** What a gate judged (contract §2 `subject`), copied from its result so the record shows the digests behind each verdict. */
export const SubjectRecordSchema = z.object({
  model: z.string(),
  candidate_sha256: z.optional(sha256),
  baseline_sha256: z.optional(sha256),
  eval_data_sha256: z.optional(sha256),
  manifest_lineage_sha256: z.optional(sha256),
});

const count = z.number().check(z.int(), z.nonnegative());

/**
 * A gate's verdict as promote found it for the commit it promotes: a gate's result or a required check on the
 * judged commit (`action: "check"`, `key` its job name, `workflow` its file). A result also records what it judged:
 * its `subject` digests (the evaluation data's among them), its checks by verdict, the candidate's value of each
 * metric it judged on the whole set (`metrics`), and the digest of the policy that decided (`policy_sha256`).
 */
export const GateRecordSchema = z.object({
  action: z.string(),
  key: z.string(),
  verdict: z.string(),
  run_url: nullableString,
  subject: z.optional(SubjectRecordSchema),
  checks: z.optional(z.object({ pass: count, warn: count, fail: count })),
  metrics: z.optional(z.record(z.string(), z.number())),
  policy_sha256: z.optional(sha256),
  workflow: z.optional(z.string()),
});
export type GateRecord = z.infer<typeof GateRecordSchema>;

/** The message of a version tag `<model>@v<semver>` (contract §5). */
export const VersionRecordSchema = z.object({
  schema: z.literal("modelgate.registry/v1"),
  model: z.string(),
  version: z.string(),
  artifacts: z.array(ArtifactRecordSchema),
  manifest_sha256: z.nullable(sha256),
  metrics: z.record(z.string(), z.number()),
  gates: z.array(GateRecordSchema),
  actor: z.string(),
  created_at: z.string(),
  /** true when promoted with the CLI's explicit --allow-ungated: required gates may be missing from `gates`. */
  allow_ungated: z.optional(z.boolean()),
});
export type VersionRecord = z.infer<typeof VersionRecordSchema>;

/** The message of a stage event tag `<model>#<stage>#<N>` / `<model>#<stage>!#<N>` (contract §5). */
export const EventRecordSchema = z.object({
  event: z.enum(["promote", "rollback", "unassign"]),
  version: z.string(),
  previous_version: nullableString,
  reason: nullableString,
  actor: z.string(),
  run_url: nullableString,
  created_at: z.string(),
  previous_event_sha: nullableString,
  /**
   * A promotion's own gates and metrics: the evidence of this assignment. The version record keeps those of the
   * promotion that registered it; a later promotion to another stage is judged again, and this is where it is kept.
   */
  gates: z.optional(z.array(GateRecordSchema)),
  metrics: z.optional(z.record(z.string(), z.number())),
});
export type EventRecord = z.infer<typeof EventRecordSchema>;

/** A record read from a tag message: the parsed record, or why it cannot be trusted. */
export type ParsedRecord<T> = { ok: true; record: T } | { ok: false; problem: string };

/** Parses a tag message as JSON against `schema`; a malformed message is reported, never trusted. */
export function parseRecord<T>(schema: z.ZodMiniType<T>, message: string): ParsedRecord<T> {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch (error) {
    return { ok: false, problem: `its message is not JSON (${(error as Error).message})` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join(".") : "(root)";
    return { ok: false, problem: `its record is malformed at ${where}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, record: parsed.data };
}
