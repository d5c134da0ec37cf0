/** Reference sizes up to this use the p-value tests of contract §7; larger ones the distances. */
export const SMALL_REFERENCE_ROWS = 1000;
/** PSI: 10 bins at the reference's quantiles; proportions (and categories' shares) floored at 1e-4 (contract §7). */
export const PSI_BINS = 10;
export const PSI_EPSILON = 1e-4;

/** The default bound of each method: alpha for p-value tests, the distance for distances; PSI's is its warn level. */
export const DEFAULT_DISTANCE_THRESHOLD: Record<"psi" | "jensen-shannon" | "wasserstein", number> = {
  psi: 0.1,
  "jensen-shannon": 0.1,
  wasserstein: 0.1,
};
export const PSI_FAIL = 0.25;
