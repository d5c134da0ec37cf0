// What the bundles load when `@actions/http-client` or `@actions/github` import "undici" (tsconfig.json maps the
// name here; ncc follows that mapping). Both import it at start-up: http-client for `ProxyAgent`, which it builds
// only when a proxy is configured, and @actions/github for the `fetch` Octokit sends its requests with. Evaluating
// undici's ~400 KiB costs every step about 25 ms before its first line runs, whether or not the step calls the
// API. Here the real undici (the same package and version) is required on first use: the first request, or the
// first proxy agent, pays it instead. Each export is the real one's behaviour: the constructor returns the real
// ProxyAgent, fetch is the real fetch.
"use strict";

let undici;
const load = () => (undici ??= require("undici/index.js"));

exports.ProxyAgent = class ProxyAgent {
  constructor(...args) {
    return new (load().ProxyAgent)(...args);
  }
};

exports.fetch = (...args) => load().fetch(...args);
