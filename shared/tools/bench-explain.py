"""pandas/NumPy side of shared/tools/bench-explain.mjs: reads both attribution tables and computes what modelgate's
explanation summary computes (mean |attribution|, mean attribution, ranks by importance with ties by name).
Usage: /usr/bin/python3 bench-explain.py <candidate.csv> <baseline.csv>; prints one JSON line."""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd

start = time.perf_counter()
out = {}
for side, path in (("candidate", sys.argv[1]), ("baseline", sys.argv[2])):
    frame = pd.read_csv(path)
    values = frame.drop(columns=["id"]).to_numpy(dtype=np.float64)
    features = list(frame.columns.drop("id"))
    importance = np.abs(values).mean(axis=0)
    mean = values.mean(axis=0)
    order = np.lexsort((np.array(features), -importance))
    out[side] = {features[j]: {"importance": float(importance[j]), "mean": float(mean[j]), "rank": r + 1} for r, j in enumerate(order)}
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "maxRssKiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "pandas": pd.__version__, **out}))
