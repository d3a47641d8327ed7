#!/usr/bin/env python3
"""Validates one of the bulletin's feeds with real validators and prints a
JSON summary; exits 1 (with the reasons on stdout) when the feed is not
valid.

    python3 tests/support/check_feeds.py atom|json|ics FILE

* atom: `xmllint --noout --relaxng atom.rng FILE` against the RELAX NG
  grammar of RFC 4287 Appendix B (atom.rnc, converted to atom.rng beside
  this file), then every link and id absolute, every date in the offset of
  Europe/Berlin at that instant.
* json: the JSON Schema of JSON Feed 1.1 beside this file
  (jsonfeed-1.1.schema.json) with Python's `jsonschema`, then the same link
  and date checks.
* ics: parsed with Python's `icalendar`; CRLF line ends, lines of at most
  75 octets, `UID` and `DTSTAMP` in every VEVENT, timed events in
  Europe/Berlin, all-day deadlines as dates, absolute `URL`s.
"""

import datetime as dt
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
BERLIN = ZoneInfo("Europe/Berlin")
ATOM = "{http://www.w3.org/2005/Atom}"


def absolute(url, problems, what):
    if not (url.startswith("http://") or url.startswith("https://")) or "//" not in url[:9]:
        problems.append(f"{what} is not an absolute URL: {url!r}")


def berlin_offset(value, problems, what):
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        problems.append(f"{what} is no RFC 3339 date: {value!r}")
        return
    if moment.tzinfo is None:
        problems.append(f"{what} has no offset: {value!r}")
    elif moment.utcoffset() != moment.astimezone(BERLIN).utcoffset():
        problems.append(f"{what} is not in German local time: {value!r}")


def check_atom(path):
    problems = []
    run = subprocess.run(
        ["xmllint", "--noout", "--relaxng", str(HERE / "atom.rng"), str(path)],
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        problems.append("RELAX NG (RFC 4287): " + run.stderr.strip())
    root = ET.parse(path).getroot()
    entries = root.findall(f"{ATOM}entry")
    for link in root.iter(f"{ATOM}link"):
        absolute(link.get("href", ""), problems, "link")
    for node in root.iter(f"{ATOM}id"):
        absolute(node.text or "", problems, "id")
    for tag in ("updated", "published"):
        for node in root.iter(f"{ATOM}{tag}"):
            berlin_offset(node.text or "", problems, tag)
    return problems, {
        "title": root.findtext(f"{ATOM}title"),
        "entries": [e.findtext(f"{ATOM}title") for e in entries],
        "categories": sorted({c.get("term") for c in root.iter(f"{ATOM}category")}),
    }


def check_json(path):
    import jsonschema

    problems = []
    feed = json.loads(Path(path).read_text(encoding="utf-8"))
    schema = json.loads((HERE / "jsonfeed-1.1.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    for error in validator.iter_errors(feed):
        problems.append(f"JSON Feed 1.1 schema: {'/'.join(map(str, error.path))}: {error.message}")
    for key in ("home_page_url", "feed_url"):
        if key in feed:
            absolute(feed[key], problems, key)
    for item in feed.get("items", []):
        for key in ("url", "id"):
            if key in item:
                absolute(item[key], problems, f"item {key}")
        for key in ("date_published", "date_modified"):
            if key in item:
                berlin_offset(item[key], problems, key)
    return problems, {
        "title": feed.get("title"),
        "items": [i.get("title") for i in feed.get("items", [])],
        "types": sorted({i.get("_ikon", {}).get("type") for i in feed.get("items", [])}),
        "audiences": sorted({i.get("_ikon", {}).get("audience") for i in feed.get("items", [])}),
    }


def check_ics(path):
    import icalendar

    problems = []
    raw = Path(path).read_bytes()
    if not raw.endswith(b"\r\n") or b"\n" in raw.replace(b"\r\n", b""):
        problems.append("lines must end in CRLF")
    longest = max(len(line) for line in raw.split(b"\r\n"))
    if longest > 75:
        problems.append(f"a line has {longest} octets (at most 75)")
    calendar = icalendar.Calendar.from_ical(raw)
    events = []
    for event in calendar.walk("VEVENT"):
        for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if prop not in event:
                problems.append(f"VEVENT without {prop}")
        start = event.decoded("DTSTART")
        if isinstance(start, dt.datetime):
            if start.tzinfo is None or str(start.tzinfo) != "Europe/Berlin":
                problems.append(f"DTSTART not in Europe/Berlin: {start!r}")
            kind = "event"
        else:
            kind = "deadline"
        if "URL" in event:
            absolute(str(event.get("URL")), problems, "URL")
        events.append(
            {
                "summary": str(event.get("SUMMARY")),
                "uid": str(event.get("UID")),
                "kind": kind,
                "start": start.isoformat(),
            }
        )
    return problems, {
        "version": str(calendar.get("VERSION", "")),
        "timezones": [str(tz.get("TZID")) for tz in calendar.walk("VTIMEZONE")],
        "events": events,
    }


def main():
    kind, path = sys.argv[1], sys.argv[2]
    check = {"atom": check_atom, "json": check_json, "ics": check_ics}[kind]
    problems, summary = check(path)
    summary["problems"] = problems
    print(json.dumps(summary, ensure_ascii=False))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
