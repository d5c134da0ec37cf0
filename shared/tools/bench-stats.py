"""SciPy side of shared/tools/bench-stats.mjs: one case of scipy.stats.bootstrap on the data bench-stats.mjs wrote.

Usage: /usr/bin/python3 shared/tools/bench-stats.py <data dir> <case: accuracy|auc-bootstrap> <n> <resamples> <method>
Prints one JSON line: seconds (the bootstrap call only), low, high, maxRssKiB (peak RSS of this process), scipy version,
batch. `batch` keeps each batch's index matrix to about 10^8 entries (800 MB): unbatched, SciPy's BCa jackknife
allocates n x (n - 1) indices (74.5 GiB at n = 100,000) and the 1,000,000-example resampling about 16 GB.
"""
import json
import os
import resource
import sys
import time

import numpy as np
import scipy
from scipy import stats

SEED = 12345
BATCH_ENTRIES = 100_000_000


def accuracy_delta(baseline, candidate, axis):
    return np.mean(candidate, axis=axis) - np.mean(baseline, axis=axis)


def auc(y, scores, axis):
    """Mann-Whitney AUC from midranks, along `axis` (ties count 1/2), as sklearn.metrics.roc_auc_score."""
    ranks = stats.rankdata(scores, axis=axis)
    positive = y == 1
    p = positive.sum(axis=axis)
    q = y.shape[axis] - p
    return (np.where(positive, ranks, 0).sum(axis=axis) - p * (p + 1) / 2) / (p * q)


def auc_delta(y, baseline, candidate, axis):
    return auc(y, candidate, axis) - auc(y, baseline, axis)


def main():
    directory, case, n, resamples, method = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    y = np.fromfile(os.path.join(directory, "y.u8"), dtype=np.uint8, count=n)
    if case == "accuracy":
        data = (
            np.fromfile(os.path.join(directory, "base_correct.u8"), dtype=np.uint8, count=n),
            np.fromfile(os.path.join(directory, "cand_correct.u8"), dtype=np.uint8, count=n),
        )
        statistic = accuracy_delta
    elif case == "auc-bootstrap":
        data = (
            y,
            np.fromfile(os.path.join(directory, "base_score.f64"), dtype=np.float64, count=n),
            np.fromfile(os.path.join(directory, "cand_score.f64"), dtype=np.float64, count=n),
        )
        statistic = auc_delta
    else:
        raise SystemExit(f"unknown case {case}")
    batch = max(1, BATCH_ENTRIES // n)
    start = time.perf_counter()
    result = stats.bootstrap(
        data,
        statistic=statistic,
        paired=True,
        vectorized=True,
        n_resamples=resamples,
        batch=batch,
        method="BCa" if method == "bca" else "percentile",
        random_state=SEED,
    )
    seconds = time.perf_counter() - start
    interval = result.confidence_interval
    print(json.dumps({
        "seconds": seconds,
        "low": float(interval.low),
        "high": float(interval.high),
        "maxRssKiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "scipy": scipy.__version__,
        "batch": batch,
    }))


if __name__ == "__main__":
    main()
