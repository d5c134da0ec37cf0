"""The pandas + SciPy side of bench-validate.mjs: the same work as `modelgate validate` on two CSVs.

Usage: /usr/bin/python3 bench-validate.py reference.csv current.csv
Reads both files, checks each column's schema (type, nulls, min/max or allowed values), profiles quality
(nulls, distinct, min/max/mean/std, percentiles, top values) and measures drift with the contract's defaults
for references above 1000 rows: normed Wasserstein (numeric) and Jensen-Shannon base 2 (categorical).
Prints one JSON line of the drift statistics and the wall time; peak RSS is measured from outside.
"""
import json, sys, time
import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial.distance import jensenshannon

start = time.perf_counter()
ref = pd.read_csv(sys.argv[1])
cur = pd.read_csv(sys.argv[2])
out = {}
for name in cur.columns:
    c, r = cur[name], ref[name]
    nulls = int(c.isna().sum())
    distinct = int(c.nunique())
    if pd.api.types.is_numeric_dtype(c):
        v = c.dropna().to_numpy()
        _ = (v < 0).sum(), (v > 1e9).sum(), v.min(), v.max(), v.mean(), v.std(ddof=1), np.percentile(v, [1, 5, 25, 50, 75, 95, 99])
        rv = r.dropna().to_numpy()
        out[name] = stats.wasserstein_distance(rv, v) / max(np.std(rv), 0.001)
    else:
        counts_c = c.value_counts()
        counts_r = r.value_counts()
        _ = (~c.dropna().isin(counts_r.index)).sum(), counts_c.head(5)
        levels = sorted(set(counts_r.index) | set(counts_c.index))
        p = np.array([counts_r.get(x, 0) for x in levels], dtype=float)
        q = np.array([counts_c.get(x, 0) for x in levels], dtype=float)
        out[name] = float(jensenshannon(p / p.sum(), q / q.sum(), base=2))
print(json.dumps({"seconds": time.perf_counter() - start, "drift": out}, sort_keys=True))
