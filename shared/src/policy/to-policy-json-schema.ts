import * as z from "zod/mini";
import { policySchema } from "./policy-schema.js";

/** Where the published schema lives; editors find it through `# yaml-language-server: $schema=…` or SchemaStore. */
export const POLICY_SCHEMA_ID = "https://raw.githubusercontent.com/OWNER/modelgate/v1/schema/modelgate.schema.json";

/**
 * The JSON Schema (draft 2020-12) of `modelgate.yml`, generated from the zod policy schema so the two cannot
 * drift: every section the zod schema gains appears here without edits. It describes what a policy file may
 * contain (keys, types, enums); checks zod makes in code (a min above its max, a rule-less metric) stay in the
 * actions, which report them with the line and the fix.
 */
export function toPolicyJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(policySchema(), {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: POLICY_SCHEMA_ID,
    title: "modelgate policy (modelgate.yml)",
    description: "One versioned file for all modelgate gates; each action reads its section. See action-catalog.md.",
    ...rest,
  };
}
