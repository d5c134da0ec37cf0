/** The command lines the sweep runs, each on the base working folder (see workspace-files.ts); `extra` is appended. */
export const cmd = {
  evaluate: (...extra: string[]) => [
    "evaluate",
    "--candidate",
    "c.json",
    "--baseline",
    "b.json",
    "--format",
    "json",
    ...extra,
  ],
  evaluatePredictions: (...extra: string[]) => [
    "evaluate",
    "--candidate-predictions",
    "preds.csv",
    "--baseline-predictions",
    "base-preds.csv",
    "--format",
    "json",
    ...extra,
  ],
  bias: (...extra: string[]) => ["bias", "--predictions", "preds.csv", "--format", "json", ...extra],
  shadow: (...extra: string[]) => [
    "shadow",
    "--production",
    "prod.csv",
    "--shadow",
    "shadow.csv",
    "--format",
    "json",
    ...extra,
  ],
  validate: (...extra: string[]) => [
    "validate",
    "--data",
    "data.csv",
    "--reference",
    "ref.csv",
    "--format",
    "json",
    ...extra,
  ],
  /** promote of the model churn to the stage prod (registry commands run in a git repository). */
  promote: (...extra: string[]) => ["promote", "--model", "churn", "--stage", "prod", ...extra],
};

/** The command that reads each policy section. */
export const SECTION_COMMAND = {
  evaluate: cmd.evaluate,
  fairness: cmd.bias,
  shadow: cmd.shadow,
  data: cmd.validate,
} as const;
