"""SciPy side of shared/tools/bench-drift.mjs: the drift statistics on the two columns bench-drift.mjs wrote.

Usage: /usr/bin/python3 shared/tools/bench-drift.py <data dir> <n>
Prints one JSON line: per statistic its value and seconds (the computation only), then maxRssKiB (peak RSS) and the
SciPy version. The definitions are those of the tests' oracle: ks_2samp (auto), wasserstein_distance, divided by
np.std(reference) (ddof 0), PSI on np.quantile deciles of the reference (searchsorted side='right', proportions
floored at 1e-4), jensenshannon (base e) and chi2_contingency on the same bin counts; last, the sum of the KS p-value,
the normed Wasserstein and the PSI in one go (SciPy's functions sort internally, each on its own).
"""
import json
import os
import resource
import sys
import time

import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance

directory, n = sys.argv[1], int(sys.argv[2])
reference = np.fromfile(os.path.join(directory, "reference.f64"), dtype=np.float64, count=n)
current = np.fromfile(os.path.join(directory, "current.f64"), dtype=np.float64, count=n)
results = {}
state = {}


def timed(name, compute):
    start = time.perf_counter()
    value = compute()
    results[name] = {"value": float(value), "seconds": time.perf_counter() - start}


def psi():
    interior = np.unique(np.quantile(reference, np.linspace(0.0, 1.0, 11))[1:-1])
    rc = np.bincount(np.searchsorted(interior, reference, side="right"), minlength=len(interior) + 1)
    cc = np.bincount(np.searchsorted(interior, current, side="right"), minlength=len(interior) + 1)
    state["counts"] = (rc, cc)
    p = np.maximum(rc / rc.sum(), 1e-4)
    q = np.maximum(cc / cc.sum(), 1e-4)
    return np.sum((q - p) * np.log(q / p))


timed("ks statistic", lambda: stats.ks_2samp(reference, current).statistic)
timed("ks p-value", lambda: stats.ks_2samp(reference, current).pvalue)
timed("wasserstein", lambda: stats.wasserstein_distance(reference, current))
timed("normed wasserstein",
      lambda: stats.wasserstein_distance(reference, current) / max(float(np.std(reference)), 0.001))
timed("psi (deciles)", psi)
timed("jensen-shannon (deciles)", lambda: distance.jensenshannon(*state["counts"]))
timed("chi2 p-value (deciles)", lambda: stats.chi2_contingency(np.vstack(state["counts"]))[1])
timed("ks p + normed W + PSI, each sample sorted once",
      lambda: stats.ks_2samp(reference, current).pvalue
      + stats.wasserstein_distance(reference, current) / max(float(np.std(reference)), 0.001) + psi())
print(json.dumps({"results": results, "maxRssKiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "scipy": scipy.__version__}))
