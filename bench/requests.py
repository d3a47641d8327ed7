#!/usr/bin/env python3
"""Distinct, realistic requests for the search benchmark.

    bench/requests.py DIR [COUNT] [SEED] > DIR/requests.txt

Reads the synthetic directory that `search_bench generate` wrote into
DIR/ikon.sqlite3 (its offers' words, the real postal codes and
municipalities of the official geography) and writes COUNT (default
20,000) request paths, one per line, no two alike: free text of one to
three words (some misspelt, some typed without umlauts, some with a town's
name), postal codes and radii, points and radii, filters alone and with
words, other pages and answer languages, and contact-point lookups. Replayed
in turn (bench/replay.lua), every search is computed: the process keeps at
most a few hundred answers and none comes round again before it is
forgotten. Seeded, so the same arguments give the same list.
"""

import random
import re
import sqlite3
import sys
import urllib.parse

FIELDS = ["kindergarten", "school", "work", "leisure", "seniors", "counselling",
          "language", "health", "housing", "other"]
TYPES = ["mbe", "jmd", "refugee_counselling", "integration_course", "language_course",
         "childcare", "school_support", "job_support", "leisure", "seniors", "women"]
GROUPS = ["refugees", "eu_citizens", "women", "families", "seniors", "young_people"]
LANGUAGES = ["en", "ar", "tr", "uk", "ru", "fa", "fr", "pl", "ro"]
ANSWER_LANGS = ["en", "ar", "tr", "uk"]
FINDER_GROUPS = ["adults", "young_people", "refugees"]
# What people type besides the offers' own words.
EVERYDAY = ["Beratung", "Hilfe", "Kurs", "Deutsch", "Kinder", "Arbeit", "Wohnung",
            "Jugendliche", "Frauen", "Familie", "kostenlos", "Termin", "Sprache",
            "Job", "Kita", "Ausländeramt", "Geflüchtete", "Schule", "Ausbildung",
            "counselling", "language course", "help", "استشارة", "danışmanlık",
            "консультації", "MBE", "JMD", "VHS"]
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss",
                         "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def typo(word, rng):
    """One slip of the finger: a letter dropped, doubled or swapped."""
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]


def main():
    folder = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    db = sqlite3.connect(f"{folder}/ikon.sqlite3")
    words = set()
    for (text,) in db.execute("SELECT title || ' ' || summary FROM offers LIMIT 20000"):
        words.update(w for w in re.findall(r"[^\W\d_]{4,}", text))
    town_words = set()
    for (name,) in db.execute("SELECT name FROM regions WHERE level = 'municipality'"):
        town_words.update(re.findall(r"[^\W\d_]{4,}", name))
    # The offers' topic words (their titles name towns too; a town comes
    # into a query on its own, below).
    words = sorted(words - town_words)
    towns = [row for row in db.execute(
        "SELECT r.name, r.lat, r.lon, r.key FROM regions r "
        "WHERE r.level = 'municipality' AND r.lat IS NOT NULL "
        "AND EXISTS (SELECT 1 FROM postal_codes p WHERE p.municipality_key = r.key)")]
    codes = [c for (c,) in db.execute(
        "SELECT DISTINCT p.postal_code FROM postal_codes p "
        "JOIN regions r ON r.key = p.municipality_key WHERE r.lat IS NOT NULL")]
    kreise = [k for (k,) in db.execute("SELECT key FROM regions WHERE level = 'district'")]

    def text():
        n = rng.choice([1, 1, 1, 2, 2, 3])
        picked = [rng.choice(words if rng.random() < 0.6 else EVERYDAY) for _ in range(n)]
        roll = rng.random()
        if roll < 0.2:
            picked[0] = typo(picked[0], rng)
        elif roll < 0.3:
            picked[0] = picked[0].translate(UMLAUTS).lower()
        elif roll < 0.4:
            picked.append(rng.choice(towns)[0])
        return " ".join(picked)

    def filters():
        pairs = []
        for name, values, chance in (("field", FIELDS, 0.3), ("type", TYPES, 0.15),
                                     ("target_group", GROUPS, 0.2),
                                     ("language", LANGUAGES, 0.15)):
            if rng.random() < chance:
                pairs.append((name, rng.choice(values)))
        if rng.random() < 0.15:
            pairs.append(("free", "1"))
        if rng.random() < 0.08:
            pairs.append(("open_now", "1"))
        if rng.random() < 0.1:
            pairs.append(("region", rng.choice(kreise)))
        return pairs

    def offers():
        pairs = []
        kind = rng.random()
        if kind < 0.45:
            pairs.append(("q", text()))
            pairs += filters() if rng.random() < 0.3 else []
        elif kind < 0.6:
            pairs.append(("postal_code", rng.choice(codes)))
            if rng.random() < 0.5:
                pairs.append(("radius_km", str(rng.choice([5, 10, 15, 20, 30, 50]))))
            if rng.random() < 0.5:
                pairs.append(("q", text()))
        elif kind < 0.7:
            _, lat, lon, _ = rng.choice(towns)
            lat += rng.uniform(-0.05, 0.05)
            lon += rng.uniform(-0.05, 0.05)
            pairs.append(("near", f"{lat:.4f},{lon:.4f}"))
            pairs.append(("radius_km", str(rng.choice([5, 10, 20, 40]))))
            if rng.random() < 0.3:
                pairs.append(("q", text()))
        else:
            pairs += filters() or [("field", rng.choice(FIELDS))]
            if rng.random() < 0.3:
                pairs.append(("q", text()))
        if rng.random() < 0.1:
            pairs.append(("lang", rng.choice(ANSWER_LANGS)))
        if rng.random() < 0.1:
            pairs.append(("page", str(rng.randint(2, 4))))
        if rng.random() < 0.05:
            pairs.append(("per_page", str(rng.choice([10, 50]))))
        return "/api/v1/offers?" + urllib.parse.urlencode(pairs, quote_via=urllib.parse.quote)

    def contact_points():
        pairs = [("postal_code", rng.choice(codes))]
        if rng.random() < 0.5:
            pairs.append(("target_group", rng.choice(FINDER_GROUPS)))
        if rng.random() < 0.5:
            pairs.append(("age", str(rng.randint(14, 80))))
        return "/api/v1/contact-points?" + urllib.parse.urlencode(pairs)

    seen = set()
    while len(seen) < count:
        path = contact_points() if rng.random() < 0.1 else offers()
        if path not in seen:
            seen.add(path)
            print(path)


if __name__ == "__main__":
    main()
