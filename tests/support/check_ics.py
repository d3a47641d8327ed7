#!/usr/bin/env python3
"""Reads an e-mail (.eml) on stdin, finds its text/calendar attachment,
checks the RFC 5545 line rules and parses it with the `icalendar` package.
Prints JSON: the line checks and the first VEVENT's main properties."""

import email
import json
import sys

import icalendar


def main():
    message = email.message_from_bytes(sys.stdin.buffer.read())
    part = next(
        (p for p in message.walk() if p.get_content_type() == "text/calendar"), None
    )
    if part is None:
        print(json.dumps({"error": "no text/calendar part"}))
        return
    raw = part.get_payload(decode=True)
    lines = raw.split(b"\r\n")
    calendar = icalendar.Calendar.from_ical(raw)
    event = next(iter(calendar.walk("VEVENT")), None)
    out = {
        "content_type": part.get("Content-Type"),
        "filename": part.get_filename(),
        "crlf_only": raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""),
        "max_line_octets": max(len(line) for line in lines),
        "method": str(calendar.get("METHOD", "")),
        "version": str(calendar.get("VERSION", "")),
    }
    if event is not None:
        start = event.decoded("DTSTART")
        out.update(
            {
                "uid": str(event.get("UID", "")),
                "sequence": int(event.get("SEQUENCE", -1)),
                "dtstamp": event.decoded("DTSTAMP").isoformat() if "DTSTAMP" in event else None,
                "dtstart": start.isoformat(),
                "tz": str(start.tzinfo) if start.tzinfo else None,
                "dtend": event.decoded("DTEND").isoformat(),
                "summary": str(event.get("SUMMARY", "")),
                "location": str(event.get("LOCATION", "")),
                "status": str(event.get("STATUS", "")),
                "organizer": str(event.get("ORGANIZER", "")),
                "attendee": str(event.get("ATTENDEE", "")),
                "rsvp": str(event.get("ATTENDEE").params.get("RSVP", "")) if "ATTENDEE" in event else None,
            }
        )
    print(json.dumps(out))


if __name__ == "__main__":
    main()
