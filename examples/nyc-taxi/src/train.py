"""Split trips into train and test sets and fit a linear fare model by least squares.

Features: distance, minutes, passengers, rush hour, weekend, cab kind. Solves the normal
equations with Gaussian elimination (standard library only), writes the model as JSON.
"""
import argparse
import csv
import json
import os
import random


def features(r):
    hour, weekday = int(r["hour"]), int(r["weekday"])
    return [1.0, float(r["distance"]), float(r["minutes"]), float(r["passengers"]),
            1.0 if hour in (7, 8, 9, 16, 17, 18, 19) else 0.0, 1.0 if weekday >= 5 else 0.0,
            1.0 if r["kind"] == "yellow" else 0.0]


def solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda i: abs(m[i][c]))
        m[c], m[p] = m[p], m[c]
        for i in range(n):
            if i != c and m[c][c] != 0:
                f = m[i][c] / m[c][c]
                m[i] = [x - f * y for x, y in zip(m[i], m[c])]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cleaned", required=True)
    p.add_argument("--test_fraction", type=float, default=0.2)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--ridge", type=float, default=1.0)
    p.add_argument("--model", required=True)
    p.add_argument("--test_data", required=True)
    a = p.parse_args()
    with open(os.path.join(a.cleaned, "trips.csv"), newline="") as f:
        trips = list(csv.DictReader(f))
    random.Random(a.seed).shuffle(trips)
    cut = int(len(trips) * (1 - a.test_fraction))
    train, test = trips[:cut], trips[cut:]
    k = len(features(train[0]))
    xtx = [[0.0] * k for _ in range(k)]
    xty = [0.0] * k
    for r in train:
        x, y = features(r), float(r["fare"])
        for i in range(k):
            xty[i] += x[i] * y
            for j in range(k):
                xtx[i][j] += x[i] * x[j]
    for i in range(1, k):
        xtx[i][i] += a.ridge
    weights = solve(xtx, xty)
    os.makedirs(a.model, exist_ok=True)
    os.makedirs(a.test_data, exist_ok=True)
    with open(os.path.join(a.model, "model.json"), "w") as f:
        json.dump({"type": "linear", "features": ["bias", "distance", "minutes", "passengers", "rush_hour",
                   "weekend", "yellow"], "weights": weights}, f, indent=2)
    with open(os.path.join(a.test_data, "test.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(test[0].keys()))
        w.writeheader()
        w.writerows(test)
    print(f"##trainyard[metric name=train_rows value={len(train)}]")
    print(f"##trainyard[metric name=test_rows value={len(test)}]")


if __name__ == "__main__":
    main()
