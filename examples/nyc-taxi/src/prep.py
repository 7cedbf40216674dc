"""Clean and unify green and yellow NYC taxi trip records into one CSV.

Keeps trips with a positive distance and fare, a plausible duration and passenger count, and
writes the columns the later steps use. Standard library only.
"""
import argparse
import csv
import datetime
import os

COLUMNS = {
    "green": ("lpepPickupDatetime", "lpepDropoffDatetime"),
    "yellow": ("tpepPickupDateTime", "tpepDropoffDateTime"),
}


def rows(path, kind):
    pickup_col, dropoff_col = COLUMNS[kind]
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            try:
                pickup = datetime.datetime.fromisoformat(r[pickup_col])
                dropoff = datetime.datetime.fromisoformat(r[dropoff_col])
                minutes = (dropoff - pickup).total_seconds() / 60
                distance = float(r["tripDistance"])
                fare = float(r["fareAmount"])
                passengers = int(r["passengerCount"])
            except (KeyError, ValueError):
                continue
            if 0 < distance < 100 and 0 < fare < 500 and 1 <= minutes < 180 and 1 <= passengers <= 6:
                yield [kind, pickup.hour, pickup.weekday(), passengers, distance, round(minutes, 2), fare]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--raw_data", required=True)
    p.add_argument("--cleaned", required=True)
    a = p.parse_args()
    os.makedirs(a.cleaned, exist_ok=True)
    n = 0
    with open(os.path.join(a.cleaned, "trips.csv"), "w", newline="") as out:
        w = csv.writer(out)
        w.writerow(["kind", "hour", "weekday", "passengers", "distance", "minutes", "fare"])
        for kind in ("green", "yellow"):
            for r in rows(os.path.join(a.raw_data, kind + ".csv"), kind):
                w.writerow(r)
                n += 1
    print(f"##trainyard[metric name=clean_rows value={n}]")


if __name__ == "__main__":
    main()
