import { describe, expect, it } from "vitest";
import { once } from "../../../shared/src/core/once.js";

describe("once", () => {
  it("builds nothing until the first call, then returns the first value at every call", () => {
    let builds = 0;
    const value = once(() => ({ built: ++builds }));
    expect(builds).toBe(0);
    const first = value();
    expect(value()).toBe(first);
    expect(builds).toBe(1);
  });

  it("keeps an undefined value instead of building again", () => {
    let builds = 0;
    const value = once(() => {
      builds++;
      return undefined;
    });
    value();
    value();
    expect(builds).toBe(1);
  });
});
