// zod/mini: the same validation as classic zod at half the bundle and start-up cost (measured), which
// every action run pays before it does anything.
import * as z from "zod/mini";
import { once } from "../core/once.js";
import { evaluatePolicySchemas } from "../evaluate/evaluate-policy-schema.js";
import { shadowPolicySchemas } from "../shadow/shadow-policy-schema.js";
import { dataPolicySchemas } from "../validate/data-policy-schema.js";
import { fairnessPolicySchemas } from "../fairness/fairness-policy-schema.js";
import { registryPolicySchemas } from "../registry/registry-policy-schema.js";
import { limitsPolicySchema } from "./limits-policy-schema.js";

/** GTO 1.10's model name grammar, `[dirname:]name` (contract §5); also keeps names safe inside comment markers and tags. */
export const MODEL_NAME_PATTERN = /^(?:[a-zA-Z0-9_./-]+:)?[a-zA-Z0-9](?:[a-zA-Z0-9/_-]*[a-zA-Z0-9])?$/;

/** Each section's schema, built when first asked for: the concerns own them. */
const SECTIONS = {
  evaluate: () => evaluatePolicySchemas().EvaluatePolicySchema,
  data: () => dataPolicySchemas().DataPolicySchema,
  fairness: () => fairnessPolicySchemas().FairnessPolicySchema,
  shadow: () => shadowPolicySchemas().ShadowPolicySchema,
  registry: () => registryPolicySchemas().RegistryPolicySchema,
  /** Limits on what the gates read: rows, columns, bytes uncompressed, memory held (the catalog's "Limits"). */
  limits: () => limitsPolicySchema(),
};
type SectionName = keyof typeof SECTIONS;
const SECTION_NAMES = Object.keys(SECTIONS) as SectionName[];

/** A section's schema by its name, as the whole schema has it. */
type SectionSchema<K extends SectionName> = ReturnType<(typeof SECTIONS)[K]>;

function buildPolicySchema(section: <K extends SectionName>(name: K) => SectionSchema<K>) {
  return z.strictObject({
    version: z.literal(1),
    model: z.optional(
      z
        .string()
        .check(
          z.regex(
            MODEL_NAME_PATTERN,
            "must match [a-zA-Z0-9]([a-zA-Z0-9-/_]*[a-zA-Z0-9])?, optionally after dirname: (GTO's model name rule)",
          ),
        ),
    ),
    evaluate: z.optional(section("evaluate")),
    data: z.optional(section("data")),
    fairness: z.optional(section("fairness")),
    shadow: z.optional(section("shadow")),
    registry: z.optional(section("registry")),
    limits: z.optional(section("limits")),
  });
}

/** The whole policy schema, every section built: for the JSON Schema, and for the keys a "did you mean" offers. */
export const policySchema = once(() => buildPolicySchema((name) => SECTIONS[name]() as SectionSchema<typeof name>));
export type Policy = z.infer<ReturnType<typeof policySchema>>;

/** Stands for a section the document does not have: zod never parses the schema of an absent optional key. */
const ABSENT = z.never();
const partialSchemas = new Map<string, ReturnType<typeof policySchema>>();

/**
 * The policy schema for one document, building only the sections it has (a section's schemas are hundreds of zod
 * objects, built at each start when eager). The same keys and the same schema for every key present, so the
 * document parses to the same value, with the same issues, as with {@link policySchema}.
 */
export function policySchemaFor(document: unknown): ReturnType<typeof policySchema> {
  const present =
    typeof document === "object" && document !== null && !Array.isArray(document)
      ? SECTION_NAMES.filter((name) => Object.hasOwn(document, name))
      : [];
  if (present.length === SECTION_NAMES.length) return policySchema();
  const key = present.join(",");
  let schema = partialSchemas.get(key);
  if (schema === undefined) {
    schema = buildPolicySchema(
      (name) => (present.includes(name) ? SECTIONS[name]() : ABSENT) as SectionSchema<typeof name>,
    );
    partialSchemas.set(key, schema);
  }
  return schema;
}
