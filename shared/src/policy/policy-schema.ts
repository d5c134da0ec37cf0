// zod/mini: the same validation as classic zod at half the bundle and start-up cost (measured), which
// every action run pays before it does anything.
import * as z from "zod/mini";
import { EvaluatePolicySchema } from "../evaluate/evaluate-policy-schema.js";
import { ShadowPolicySchema } from "../shadow/shadow-policy-schema.js";
import { DataPolicySchema } from "../validate/data-policy-schema.js";
import { FairnessPolicySchema } from "../fairness/fairness-policy-schema.js";
import { RegistryPolicySchema } from "../registry/registry-policy-schema.js";
import { LimitsPolicySchema } from "./limits-policy-schema.js";

/** GTO 1.10's model name grammar, `[dirname:]name` (contract §5); also keeps names safe inside comment markers and tags. */
export const MODEL_NAME_PATTERN = /^(?:[a-zA-Z0-9_./-]+:)?[a-zA-Z0-9](?:[a-zA-Z0-9/_-]*[a-zA-Z0-9])?$/;

export const PolicySchema = z.strictObject({
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
  evaluate: z.optional(EvaluatePolicySchema),
  data: z.optional(DataPolicySchema),
  fairness: z.optional(FairnessPolicySchema),
  shadow: z.optional(ShadowPolicySchema),
  registry: z.optional(RegistryPolicySchema),
  /** Limits on what the gates read: rows, columns, bytes uncompressed, memory held (the catalog's "Limits"). */
  limits: z.optional(LimitsPolicySchema),
});
export type Policy = z.infer<typeof PolicySchema>;
