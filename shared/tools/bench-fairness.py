"""numpy side of shared/tools/bench-fairness.mjs: the same bias-check computation on the same CSV.

Reads label, prediction and two sensitive columns (pandas), tallies TP/FP/FN/TN per combination of sensitive values,
computes per-group rates and fairlearn's demographic parity / equalized odds differences and ratios for each column
and their intersection, and a stratified percentile bootstrap (multinomial counts per combination, numpy's
default_rng) of every group rate and metric. Prints one JSON line: seconds (read + compute) and the metric values.
Usage: /usr/bin/python3 bench-fairness.py <csv> <resamples>
"""
import json
import sys
import time

import numpy as np
import pandas as pd

start = time.perf_counter()
frame = pd.read_csv(sys.argv[1], usecols=["label", "prediction", "region", "segment"], dtype={"region": str, "segment": str})
resamples = int(sys.argv[2])
read_seconds = time.perf_counter() - start
y = frame["label"].to_numpy()
p = frame["prediction"].to_numpy()
region_codes, regions = pd.factorize(frame["region"])
segment_codes, segments = pd.factorize(frame["segment"])
cell = region_codes * len(segments) + segment_codes
confusion = np.where(y == 1, np.where(p == 1, 0, 2), np.where(p == 1, 1, 3))
counts = np.bincount(cell * 4 + confusion, minlength=len(regions) * len(segments) * 4).reshape(-1, 4).astype(float)
groupings = {
    "region": [np.flatnonzero(np.arange(len(counts)) // len(segments) == r) for r in range(len(regions))],
    "segment": [np.flatnonzero(np.arange(len(counts)) % len(segments) == s) for s in range(len(segments))],
    "region × segment": [np.array([c]) for c in range(len(counts)) if counts[c].sum() > 0],
}


def measure(cell_counts):
    out = {}
    for name, members in groupings.items():
        g = np.array([cell_counts[m].sum(axis=0) for m in members])
        n = g.sum(axis=1)
        sel = (g[:, 0] + g[:, 1]) / n
        tpr = g[:, 0] / (g[:, 0] + g[:, 2])
        fpr = g[:, 1] / (g[:, 1] + g[:, 3])
        out[name] = {
            "rates": np.concatenate([sel, tpr, fpr]),
            "dpd": sel.max() - sel.min(),
            "dpr": sel.min() / sel.max(),
            "eod": max(tpr.max() - tpr.min(), fpr.max() - fpr.min()),
        }
    return out


point = measure(counts)
rng = np.random.default_rng(20240601)
draws = {name: {"rates": [], "dpd": [], "dpr": [], "eod": []} for name in groupings}
sizes = counts.sum(axis=1).astype(int)
probabilities = counts / counts.sum(axis=1, keepdims=True)
for _ in range(resamples):
    resampled = np.array([rng.multinomial(n, pr) for n, pr in zip(sizes, probabilities)], dtype=float)
    for name, values in measure(resampled).items():
        for key in draws[name]:
            draws[name][key].append(values[key])
intervals = {name: {key: np.percentile(np.array(v), [2.5, 97.5], axis=0).tolist() for key, v in d.items() if key != "rates"} for name, d in draws.items()}
seconds = time.perf_counter() - start
print(json.dumps({
    "seconds": seconds,
    "read_seconds": read_seconds,
    "values": {name: {k: float(v) for k, v in m.items() if k != "rates"} for name, m in point.items()},
    "intervals": intervals,
}))
