import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { policySchema, policySchemaFor } from "../../../shared/src/policy/policy-schema.js";

/** Documents that reach the schema: valid sections, wrong types, unknown keys at each level, null and non-mappings. */
const DOCUMENTS: unknown[] = [
  { version: 1 },
  { version: 1, model: "churn", evaluate: { metrics: { accuracy: { direction: "higher", min: 0.8 } } } },
  { version: 1, data: {} },
  { version: 1, data: { drift: { alpha: 2 }, schema: { a: { type: "blob" } } } },
  { version: 1, fairness: { sensitive: ["region"], metrics: { demographic_parity_ratio: { min: 0.8 } } } },
  { version: 1, shadow: { "max-flip-rate": 0.1, scorecard: { pass: 101 } } },
  { version: 1, registry: { stages: { production: { require: ["evaluate-gate"], extra: 1 } } } },
  { version: 1, limits: { rows: 0, bytes: "2 GiB" } },
  { version: 1, evaluate: null, data: "x", fairness: [], shadow: 3, registry: true, limits: {} },
  { version: 2, evaluat: { metrics: {} }, model: "bad name!" },
  { evaluate: { metrics: { "": { direction: "up" } }, "slice-search": { depth: 4 }, explanations: { "top-k": 0 } } },
  [],
  "version: 1",
  null,
];

describe("policySchemaFor", () => {
  it.each(DOCUMENTS.map((document) => [JSON.stringify(document), document]))(
    "parses %s to the same value and the same issues as the whole schema",
    (_, document) => {
      expect(z.safeParse(policySchemaFor(document), document, { reportInput: true })).toEqual(
        z.safeParse(policySchema(), document, { reportInput: true }),
      );
    },
  );

  it("builds the whole schema only when the document has every section", () => {
    const all = { version: 1, evaluate: {}, data: {}, fairness: {}, shadow: {}, registry: {}, limits: {} };
    expect(policySchemaFor(all)).toBe(policySchema());
    expect(policySchemaFor({ version: 1, data: {} })).not.toBe(policySchema());
  });

  it("keeps every key of the whole schema, so an unknown section is refused as before", () => {
    expect(Object.keys(policySchemaFor({ version: 1 }).shape)).toEqual(Object.keys(policySchema().shape));
    expect(policySchemaFor({ version: 1, data: {} })).toBe(policySchemaFor({ version: 1, data: { rows: {} } }));
  });
});
