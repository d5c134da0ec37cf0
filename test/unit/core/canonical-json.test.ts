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

  it("writes objects and arrays already in key order, deep in a sorted one or not, as their sorted copies", () => {
    const ordered = { a: [[1, 2], ["x", Number.NaN], [{ d: 1, c: 2 }]], b: { c: undefined, d: [Infinity, undefined] } };
    expect(toCanonicalJson(ordered)).toBe(
      '{\n  "a": [\n    [\n      1,\n      2\n    ],\n    [\n      "x",\n      null\n    ],\n    [\n      {\n' +
        '        "c": 2,\n        "d": 1\n      }\n    ]\n  ],\n  "b": {\n    "d": [\n      null,\n      null\n    ]\n  }\n}\n',
    );
    expect(ordered.a[2]).toEqual([{ d: 1, c: 2 }]);
    expect(toCanonicalJson({ a: { b: { d: 1, c: 2 } } })).toBe(
      '{\n  "a": {\n    "b": {\n      "c": 2,\n      "d": 1\n    }\n  }\n}\n',
    );
  });

  it("writes index-like keys in ascending number order, and a class's object as its own keys", () => {
    expect(toCanonicalJson({ a: 3, "10": 1, "9": 2 })).toBe('{\n  "9": 2,\n  "10": 1,\n  "a": 3\n}\n');
    expect(toCanonicalJson({ at: new Date(0), seen: new Map([[1, 2]]) })).toBe('{\n  "at": {},\n  "seen": {}\n}\n');
  });
});
