import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { safeParseNames } from "../../../../shared/src/data/files/safe-parse-names.js";

const Rules = z.record(z.string(), z.strictObject({ min: z.number() }));
const Doc = z.strictObject({ metrics: Rules, groups: z.optional(z.array(z.record(z.string(), z.string()))) });
const withProto = (json: string): unknown => JSON.parse(json);

describe("safeParseNames", () => {
  it("keeps a record key named __proto__ as an own key with its parsed value when z.record would drop it", () => {
    const input = withProto('{"metrics": {"accuracy": {"min": 0.8}, "__proto__": {"min": 0.5}}}');
    expect(z.safeParse(Doc, input).data?.metrics).toEqual({ accuracy: { min: 0.8 } });

    const parsed = safeParseNames(Doc, input);
    expect(parsed.success).toBe(true);
    const metrics = parsed.data!.metrics;
    expect(Object.keys(metrics)).toEqual(["accuracy", "__proto__"]);
    expect(Object.getOwnPropertyDescriptor(metrics, "__proto__")?.value).toEqual({ min: 0.5 });
    expect(Object.getPrototypeOf(metrics)).toBe(Object.prototype);
  });

  it("keeps __proto__ keys inside arrays of records", () => {
    const parsed = safeParseNames(Doc, withProto('{"metrics": {}, "groups": [{"__proto__": "a"}]}'));
    expect(Object.entries(parsed.data!.groups![0]!)).toEqual([["__proto__", "a"]]);
  });

  it("names __proto__ in the issue path when its value is invalid", () => {
    const parsed = safeParseNames(Doc, withProto('{"metrics": {"__proto__": {"min": "high"}}}'));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path)).toEqual([["metrics", "__proto__", "min"]]);
  });

  it("lists __proto__ among the unknown keys of a strict object", () => {
    const parsed = safeParseNames(Doc, withProto('{"metrics": {}, "__proto__": 1}'));
    expect(parsed.error!.issues).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["__proto__"], path: [] }),
    ]);
  });

  it("parses a document without such a key exactly as zod does", () => {
    const input = { metrics: { accuracy: { min: 0.8 } } };
    expect(safeParseNames(Doc, input)).toEqual(z.safeParse(Doc, input));
  });
});
