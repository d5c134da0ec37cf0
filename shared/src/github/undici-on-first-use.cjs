// What the bundles load when `@actions/http-client` or `@actions/github` import "undici" (tsconfig.json maps the
// name here; ncc follows that mapping). Both import it at start-up: http-client for `ProxyAgent`, which it builds
// only when a proxy is configured, and @actions/github for the `fetch` Octokit sends its requests with. Evaluating
// undici's ~400 KiB cost every step about 25 ms before its first line ran, and even unevaluated its text, half of an
// action's bundle, cost V8 about 10 ms to compile at each start. So the real undici (the same package and version)
// is imported on first use, and ncc puts it in a chunk of its own, beside the bundle, read only then: the first
// request pays it, whether or not a proxy is configured. `fetch` is the real fetch. `ProxyAgent` stands for the real
// one until the fetch it is given as `dispatcher` (the only use the two packages make of it) builds the real agent
// from the same arguments, with any property set on the stand-in meanwhile.
"use strict";

let undici;
const load = () => (undici ??= import("undici/index.js").then((module) => module.default ?? module));

const real = Symbol("the real ProxyAgent");

class ProxyAgent {
  #args;
  #agent;
  constructor(...args) {
    this.#args = args;
  }

  /** undici's own ProxyAgent for the constructor's arguments, built once. */
  [real](loaded) {
    this.#agent ??= Object.assign(new loaded.ProxyAgent(...this.#args), this);
    return this.#agent;
  }
}
exports.ProxyAgent = ProxyAgent;

exports.fetch = async (input, init) => {
  const loaded = await load();
  const dispatcher = init?.dispatcher;
  return dispatcher instanceof ProxyAgent
    ? loaded.fetch(input, { ...init, dispatcher: dispatcher[real](loaded) })
    : loaded.fetch(input, init);
};
