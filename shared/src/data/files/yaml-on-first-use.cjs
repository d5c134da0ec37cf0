// The `yaml` package, evaluated when a document first needs it: most policies and metrics files are read without it
// (parse-plain-yaml.ts, parse-plain-json.ts), and evaluating its ~280 KiB cost every gate about 6 ms at start-up.
// CommonJS so that the require is synchronous: the parsers' callers are.
"use strict";

let yaml;
exports.loadYaml = () => (yaml ??= require("yaml"));
