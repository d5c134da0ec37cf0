// The layers of shared/src (docs/architecture.md), held by dependency-cruiser: each layer imports only the
// layers below it, type-only imports included (tsPreCompilationDeps), and no file takes part in an import cycle.
// `npm run lint:deps` runs it; .ci/run runs that.
//
// Top to bottom. A layer may import any layer after it in this list, never one before it.
const layers = [
  { name: "actions", path: "^actions/[^/]+/src/" },
  // cli/ and github/ are the two edges; the CLI reuses the GitHub edge (its API stores and the
  // registry's git remote), never the other way round.
  { name: "cli", path: "^shared/src/cli/" },
  { name: "github", path: "^shared/src/github/" },
  { name: "use-cases", path: "^shared/src/use-cases/" },
  { name: "report", path: "^shared/src/report/" },
  { name: "policy", path: "^shared/src/policy/" },
  { name: "concerns", path: "^shared/src/(evaluate|validate|fairness|shadow|explain|lineage|registry|publish)/" },
  // data/: predictions read tables, tables and metrics read files.
  { name: "data/predictions", path: "^shared/src/data/predictions/" },
  { name: "data/metrics", path: "^shared/src/data/metrics/" },
  { name: "data/table", path: "^shared/src/data/table/" },
  { name: "data/files", path: "^shared/src/data/files/" },
  { name: "stats", path: "^shared/src/stats/" },
  { name: "core", path: "^shared/src/core/" },
];

// The concerns sit side by side and do not import each other, except in these directions (and never back).
const concerns = ["evaluate", "validate", "fairness", "shadow", "explain", "lineage", "registry", "publish"];
const concernImports = {
  // evaluate-gate's explanation checks (feature-importance stability) use explain's readers and comparisons.
  // Its result carries the stage's model history, which the registry builds from its versions' records.
  evaluate: ["explain", "registry"],
  // A registry version records the training lineage and is published as release assets.
  registry: ["lineage", "publish"],
};

const upward = layers.slice(1).map((layer, index) => ({
  name: `layer-${layer.name.replace("/", "-")}`,
  comment: `${layer.name} imports only the layers below it (docs/architecture.md).`,
  severity: "error",
  from: { path: layer.path },
  to: { path: layers.slice(0, index + 1).map((above) => above.path) },
}));

const sideways = concerns.map((concern) => ({
  name: `concern-${concern}`,
  comment: `${concern}/ imports no other concern${concernImports[concern] ? ` except ${concernImports[concern].join(", ")}` : ""}.`,
  severity: "error",
  from: { path: `^shared/src/${concern}/` },
  to: {
    path: `^shared/src/(${concerns.filter((other) => other !== concern && !(concernImports[concern] ?? []).includes(other)).join("|")})/`,
  },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No file takes part in an import cycle, type-only imports included.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    ...upward,
    ...sideways,
    {
      name: "shared-not-actions-or-tests",
      comment: "The library never imports an action shell, a test or a tool.",
      severity: "error",
      from: { path: "^shared/src/" },
      to: { path: "^(actions|test|shared/tools)/" },
    },
    {
      name: "github-libraries-in-github-edge",
      comment: "Only the GitHub edge (shared/src/github/) talks to the runner and the API libraries.",
      severity: "error",
      from: { path: "^shared/src/", pathNot: "^shared/src/github/" },
      to: { path: "node_modules/@(actions|octokit)/" },
    },
    {
      name: "not-to-unresolvable",
      comment: "Every import resolves.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Built bundles (npm run build) are not source.
    exclude: { path: "/dist(\\.next)?/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
