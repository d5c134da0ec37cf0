import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

// What the bundles load for "undici" (tsconfig.json `paths`): the real undici, imported on first use.
const shimPath = path.resolve("shared/src/github/undici-on-first-use.cjs");
const require = createRequire(import.meta.url);
const shim = require(shimPath) as {
  ProxyAgent: new (options: unknown) => object;
  fetch: (input: string, init?: Omit<RequestInit, "dispatcher"> & { dispatcher?: object }) => Promise<Response>;
};

/** A server answering each request with its method and path. */
async function listen(handler: Parameters<typeof createServer>[1]) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}
const close = (server: ReturnType<typeof createServer>) => new Promise((resolve) => server.close(resolve));
const echo: Parameters<typeof createServer>[1] = (request, response) => {
  response.setHeader("content-type", "application/json");
  response.end(JSON.stringify({ method: request.method, url: request.url }));
};

describe("undici-on-first-use", () => {
  it("does not evaluate undici when it is loaded or a proxy agent is built, and does at the first fetch", () => {
    // A fresh process: this one's module cache already holds undici.
    const script = `
      const loaded = () => Object.keys(require.cache).some((file) => /node_modules\\/undici\\/index\\.js$/.test(file));
      const shim = require(${JSON.stringify(shimPath)});
      const before = loaded();
      new shim.ProxyAgent({ uri: "http://127.0.0.1:9" });
      const afterAgent = loaded();
      shim.fetch("data:,ok").then(async (response) =>
        console.log(JSON.stringify({ before, afterAgent, after: loaded(), body: await response.text() })));`;
    const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(JSON.parse(out)).toEqual({ before: false, afterAgent: false, after: true, body: "ok" });
  });

  it("fetches with undici's fetch when a request is made", async () => {
    const { server, port } = await listen(echo);
    try {
      const response = await shim.fetch(`http://127.0.0.1:${port}/repos/acme/models`, { method: "GET" });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ method: "GET", url: "/repos/acme/models" });
    } finally {
      await close(server);
    }
  });

  it("sends through the proxy a proxy agent names when fetch is given it as dispatcher", async () => {
    const { server: target, port: targetPort } = await listen(echo);
    const { server: proxy, port: proxyPort } = await listen((_, response) => response.end());
    const tunnels: string[] = [];
    proxy.on("connect", (request, client, head) => {
      tunnels.push(`${request.url} ${request.headers["proxy-authorization"]}`);
      const upstream = connect(targetPort, "127.0.0.1", () => {
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
    });
    try {
      const agent = new shim.ProxyAgent({ uri: `http://127.0.0.1:${proxyPort}`, token: "Basic dTpw" });
      const response = await shim.fetch(`http://127.0.0.1:${targetPort}/repos/acme/models`, { dispatcher: agent });
      expect(await response.json()).toEqual({ method: "GET", url: "/repos/acme/models" });
      expect(tunnels).toEqual([`127.0.0.1:${targetPort} Basic dTpw`]);
    } finally {
      await close(target);
      proxy.closeAllConnections();
      await close(proxy);
    }
  });
});
