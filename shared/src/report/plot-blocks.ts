/** Plots go before any table when a comment is over budget: the lowest drop order of every report's blocks. */
export const PLOTS_DROP_ORDER = 0.25;

/** What the report says when its plots were dropped to fit the comment. */
export const PLOTS_LEFT_OUT =
  "_The plots were left out to stay within GitHub's comment size limit; the result JSON (the `result` output) has their data._";
