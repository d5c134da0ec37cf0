"""The pandas side of the shadow-compare benchmark (shared/tools/bench-shadow.mjs): the same join and statistics as
`modelgate shadow` on two logs, end to end from the CSV files.

Usage: /usr/bin/python3 shared/tools/bench-shadow.py PRODUCTION.csv SHADOW.csv RESAMPLES
"""
import json
import sys

import numpy as np
import pandas as pd
from scipy import stats

production_file, shadow_file, resamples = sys.argv[1], sys.argv[2], int(sys.argv[3])
dtypes = {"request_id": str, "prediction": str, "country": str}
p = pd.read_csv(production_file, dtype=dtypes)
s = pd.read_csv(shadow_file, dtype=dtypes)
p_ids, s_ids = p["request_id"].nunique(), s["request_id"].nunique()
m = p.drop_duplicates("request_id", keep="last").merge(s.drop_duplicates("request_id", keep="last"), on="request_id", suffixes=("_p", "_s"))
agree = m["prediction_p"] == m["prediction_s"]
flips = m[~agree].groupby(["prediction_p", "prediction_s"]).size()
d = (m["score_s"] - m["score_p"]).to_numpy()
ad = np.abs(d)
edges = np.percentile(m["score_p"], np.linspace(0, 100, 11))[1:-1]
pc = np.bincount(np.searchsorted(edges, m["score_p"], side="right"), minlength=10) / len(m)
sc = np.bincount(np.searchsorted(edges, m["score_s"], side="right"), minlength=10) / len(m)
pc, sc = np.clip(pc, 1e-4, None), np.clip(sc, 1e-4, None)
lat_p, lat_s = m["latency_ms_p"].to_numpy(), m["latency_ms_s"].to_numpy()
rng = np.random.default_rng(0)
ratios = {q: [] for q in (50, 95, 99)}
for _ in range(resamples):
    i = rng.integers(0, len(m), len(m))
    a, b = np.percentile(lat_p[i], [50, 95, 99]), np.percentile(lat_s[i], [50, 95, 99])
    for k, q in enumerate((50, 95, 99)):
        ratios[q].append(b[k] / a[k])
slices = (~agree).groupby(m["country_p"]).agg(["size", "mean"])
out = {
    "joined": len(m), "coverage": len(m) / p_ids, "reverse_coverage": len(m) / s_ids, "agreement": float(agree.mean()),
    "flips": {f"{a}->{b}": int(c) for (a, b), c in flips.items()},
    "mean_delta": float(d.mean()), "p95_abs_delta": float(np.percentile(ad, 95)),
    "ks": float(stats.ks_2samp(m["score_p"], m["score_s"]).statistic),
    "wasserstein": float(stats.wasserstein_distance(m["score_p"], m["score_s"])),
    "psi": float(np.sum((sc - pc) * np.log(sc / pc))),
    "latency_ratio_ci": {q: [float(np.percentile(r, 2.5)), float(np.percentile(r, 97.5))] for q, r in ratios.items()},
    "slices": len(slices),
}
print(json.dumps(out))
