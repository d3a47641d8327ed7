#!/usr/bin/env python3
"""Reads an e-mail (.eml) on stdin and prints it as JSON: recipient,
decoded subject, the headers named on the command line (unfolded), the
content types of its parts and the decoded text and HTML bodies."""

import email
import email.policy
import json
import sys


def main():
    message = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    out = {
        "to": str(message.get("To", "")),
        "subject": str(message.get("Subject", "")),
        "content_type": message.get_content_type(),
        "parts": [p.get_content_type() for p in message.walk() if not p.is_multipart()],
        "text": text.get_content() if text is not None else None,
        "html": html.get_content() if html is not None else None,
        "headers": {name: str(message.get(name, "")) for name in sys.argv[1:]},
    }
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
