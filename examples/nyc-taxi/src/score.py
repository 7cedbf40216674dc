"""Predict test-set fares with the trained model and report MAE, RMSE and R^2."""
import argparse
import csv
import json
import math
import os

from train import features


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", required=True)
    p.add_argument("--test_data", required=True)
    p.add_argument("--report", required=True)
    a = p.parse_args()
    with open(os.path.join(a.model, "model.json")) as f:
        weights = json.load(f)["weights"]
    with open(os.path.join(a.test_data, "test.csv"), newline="") as f:
        test = list(csv.DictReader(f))
    ys = [float(r["fare"]) for r in test]
    preds = [sum(w * x for w, x in zip(weights, features(r))) for r in test]
    mean = sum(ys) / len(ys)
    mae = sum(abs(p - y) for p, y in zip(preds, ys)) / len(ys)
    rmse = math.sqrt(sum((p - y) ** 2 for p, y in zip(preds, ys)) / len(ys))
    r2 = 1 - sum((p - y) ** 2 for p, y in zip(preds, ys)) / sum((y - mean) ** 2 for y in ys)
    os.makedirs(a.report, exist_ok=True)
    with open(os.path.join(a.report, "predictions.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["fare", "predicted"])
        w.writerows([y, round(p, 2)] for y, p in zip(ys, preds))
    scores = {"mae": round(mae, 4), "rmse": round(rmse, 4), "r2": round(r2, 4), "rows": len(ys)}
    with open(os.path.join(a.report, "scores.json"), "w") as f:
        json.dump(scores, f, indent=2)
    for name in ("mae", "rmse", "r2"):
        print(f"##trainyard[metric name={name} value={scores[name]}]")
    print(f"MAE {mae:.2f} USD, RMSE {rmse:.2f} USD, R^2 {r2:.3f} on {len(ys)} held-out trips")


if __name__ == "__main__":
    main()
