import { requireFinite } from "./require-finite.js";
import { requireSameLength } from "./require-same-length.js";
import { cannotCompute, type ScalarResult } from "./stat-result.js";

/**
 * Coefficient of determination 1 − Σ(y − ŷ)²/Σ(y − ȳ)², as sklearn.metrics.r2_score(y_true, y_pred). With constant
 * y_true the ratio is 0/0 or x/0: "cannot compute" (sklearn's force_finite=True reports 1.0 or 0.0 instead).
 * @throws {StatsInputError} on empty or mismatched arrays or non-finite values.
 */
export function computeR2Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): ScalarResult {
  const n = requireSameLength({ yTrue, yPred });
  requireFinite(yTrue, "yTrue");
  requireFinite(yPred, "yPred");
  let sum = 0;
  for (let i = 0; i < n; i++) sum += yTrue[i] as number;
  const mean = sum / n;
  let residual = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const y = yTrue[i] as number;
    residual += (y - (yPred[i] as number)) ** 2;
    total += (y - mean) ** 2;
  }
  if (total === 0) {
    return cannotCompute(
      "R² is undefined: every true value is the same, so there is no variance to explain (scikit-learn reports 1.0 for perfect predictions and 0.0 otherwise).",
    );
  }
  return { ok: true, value: 1 - residual / total };
}
