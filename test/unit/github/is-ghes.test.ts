import { describe, expect, it } from "vitest";
import { isGhes } from "../../../shared/src/github/is-ghes.js";

describe("isGhes", () => {
  it.each([
    ["https://github.com", false],
    [undefined, false],
    ["", false],
    ["https://acme.ghe.com", false],
    ["https://github.localhost", false],
    ["https://github.acme-corp.example", true],
    ["https://10.0.0.7", true],
    ["not a url", false],
  ])("decides %s as @actions/artifact does (GHES: %s)", (url, expected) => {
    expect(isGhes(url)).toBe(expected);
  });
});
