/**
 * The promotion the registry command tests make over each transport (a local git repository, the GitHub API): churn
 * to prod, a minor bump, the artifact `model` at `ref`, by ana, without manifest or gate results.
 */
export const minorBumpArgs = (model: string, ref: string): string[] => [
  "--model",
  "churn",
  "--stage",
  "prod",
  "--bump",
  "minor",
  "--artifacts",
  model,
  "--ref",
  ref,
  "--allow-missing-manifest",
  "--allow-ungated",
  "--actor",
  "ana",
];
