"""Reference values for ikon's residential concentration indices, computed
with PySAL's `segregation` package from ikon's shipped statistics.

Usage: check_segregation.py municipalities PREFIX | grid [PREFIX]
With a PREFIX, `grid` keeps the cells whose centre lies in a Gemeinde with
that key prefix (shapely over the shipped Gemeinde outlines). Prints JSON: dissimilarity, isolation, interaction, entropy, units, total,
group_total and the location quotients in ikon's unit order (Gemeinden by
key, grid cells in file order)."""

import csv
import json
import math
import os
import sys
import warnings

warnings.filterwarnings("ignore")

import pandas as pd  # noqa: E402
from segregation.local import MultiLocationQuotient  # noqa: E402
from segregation.singlegroup import Dissim, Entropy, Interaction, Isolation  # noqa: E402

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "data", "statistics")


def half_up(v):
    # Rust's f64::round: halves away from zero (all values here are >= 0).
    return math.floor(v + 0.5)


def municipalities(prefix):
    rows = []
    with open(os.path.join(DATA, "zensus2022_gemeinden_bayern.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if not r["ags"].startswith(prefix):
                continue
            if not r["population_census22"] or not r["share_foreign_census22"]:
                continue
            total = float(r["population_census22"])
            share = float(r["share_foreign_census22"])
            rows.append((r["ags"], half_up(total * share / 100.0), total))
    rows.sort()
    return rows


def outline(prefix):
    from shapely.geometry import shape
    from shapely.ops import unary_union

    path = os.path.join(DATA, "..", "vg250_2016_gemeinden_bayern.geojson")
    with open(path, encoding="utf-8") as f:
        features = json.load(f)["features"]
    return unary_union([shape(x["geometry"]) for x in features if x["properties"]["AGS"].startswith(prefix)])


def grid(prefix=None):
    from shapely.geometry import Point

    area = outline(prefix) if prefix else None
    rows = []
    with open(os.path.join(DATA, "zensus2011_grid1km_mittelfranken.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            total = float(r["einwohner"])
            share = float(r["auslaender_anteil_pct"])
            if total < 0 or share < 0:
                continue
            if area is not None and not area.contains(Point(float(r["lon"]), float(r["lat"]))):
                continue
            rows.append((None, half_up(total * share / 100.0), total))
    return rows


def main():
    if sys.argv[1] == "grid":
        rows = grid(sys.argv[2] if len(sys.argv) > 2 else None)
    else:
        rows = municipalities(sys.argv[2])
    df = pd.DataFrame({"group": [r[1] for r in rows], "total": [r[2] for r in rows]})
    df["rest"] = df["total"] - df["group"]
    lq = MultiLocationQuotient(df, ["group", "rest"]).statistics[:, 0]
    print(json.dumps({
        "dissimilarity": Dissim(df, "group", "total").statistic,
        "isolation": Isolation(df, "group", "total").statistic,
        "interaction": Interaction(df, "group", "total").statistic,
        "entropy": Entropy(df, "group", "total").statistic,
        "units": len(rows),
        "total": float(df["total"].sum()),
        "group_total": float(df["group"].sum()),
        "location_quotients": [float(v) for v in lq],
    }))


main()
