import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

// What the bundles load for "undici" (tsconfig.json `paths`): the real undici, required on first use.
const shimPath = path.resolve("shared/src/github/undici-on-first-use.cjs");
const require = createRequire(import.meta.url);
const shim = require(shimPath) as { ProxyAgent: new (options: unknown) => unknown; fetch: typeof fetch };
const undici = require("undici/index.js") as { ProxyAgent: abstract new (...args: never[]) => unknown };

describe("undici-on-first-use", () => {
  it("does not evaluate undici when it is loaded, and does when its first export is used", () => {
    // A fresh process: this one's module cache already holds undici.
    const script = `
      const loaded = () => Object.keys(require.cache).some((file) => /node_modules\\/undici\\/index\\.js$/.test(file));
      const shim = require(${JSON.stringify(shimPath)});
      const before = loaded();
      new shim.ProxyAgent({ uri: "http://127.0.0.1:9" });
      console.log(JSON.stringify({ before, after: loaded() }));`;
    const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(JSON.parse(out)).toEqual({ before: false, after: true });
  });

  it("builds undici's own ProxyAgent when a proxy agent is asked for", () => {
    const agent = new shim.ProxyAgent({ uri: "http://127.0.0.1:9" });
    expect(agent).toBeInstanceOf(undici.ProxyAgent);
  });

  it("fetches with undici's fetch when a request is made", async () => {
    const server = createServer((request, response) => {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ method: request.method, url: request.url }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await shim.fetch(`http://127.0.0.1:${port}/repos/acme/models`, { method: "GET" });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ method: "GET", url: "/repos/acme/models" });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
