// The cold-start reference of `npm run bench`: the smallest useful action, bundled with ncc like ours. It reads its
// inputs with @actions/core and writes one output, and nothing else; each action's cold start is measured against it.
import * as core from "@actions/core";

const inputs = ["candidate", "baseline", "policy"].map((name) => core.getInput(name));
core.setOutput("verdict", inputs.every((value) => value !== "") ? "pass" : "fail");
