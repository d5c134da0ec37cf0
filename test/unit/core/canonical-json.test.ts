import { describe, expect, it } from "vitest";
import { toCanonicalJson } from "../../../shared/src/core/canonical-json.js";

describe("toCanonicalJson", () => {
  it("sorts keys at every depth so equal objects give equal bytes", () => {
    expect(toCanonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
    expect(toCanonicalJson({ x: 1, y: 2 })).toBe(toCanonicalJson({ y: 2, x: 1 }));
  });

  it("writes non-finite numbers as null and drops undefined fields", () => {
    expect(toCanonicalJson({ a: Number.NaN, b: undefined, c: Number.NEGATIVE_INFINITY })).toBe(
      '{\n  "a": null,\n  "c": null\n}\n',
    );
  });

  it("keeps a key named __proto__ (a metric, a column) as a key when the object has one", () => {
    const value = JSON.parse('{"metrics": {"__proto__": 0.5, "accuracy": 0.9}}') as unknown;
    expect(toCanonicalJson(value)).toBe('{\n  "metrics": {\n    "__proto__": 0.5,\n    "accuracy": 0.9\n  }\n}\n');
  });
});
