#!/usr/bin/env python3
"""SMTP sink for the ikon test suite.

A real SMTP server (built on the PyPI package ``aiosmtpd``, see
``requirements.txt``) that accepts mail on the loopback interface and stores
every message as a file instead of delivering it.

Usage::

    python3 tests/support/smtp_sink.py --port PORT --dir DIR [--reject]

* Listens on 127.0.0.1:PORT (``--host`` changes the address).
* Every accepted message is written to ``DIR/<n>-<timestamp>.eml``, where
  ``<n>`` is a running number starting at 1 (zero-padded to six digits, so
  the files sort in arrival order) and ``<timestamp>`` is the UTC arrival time
  (``YYYYMMDDTHHMMSSffffffZ``). The file holds the raw message bytes exactly
  as received, preceded by two header lines describing the envelope::

      X-Envelope-From: <sender@example.org>
      X-Envelope-To: <a@example.org>, <b@example.org>

  Files are written under a temporary name and then renamed, so a reader
  never sees a partly written ``.eml`` file. DIR is created if needed.
* Prints the line ``READY`` to stdout (flushed) once the socket is
  listening. Nothing else is written to stdout.
* Runs until it receives SIGTERM or SIGINT, then shuts down cleanly with
  exit status 0.

Options for failure tests:

* ``--reject``: answer every RCPT TO with ``451`` (temporary failure), so no
  message is ever accepted.
* ``--reject-first N``: answer the first N RCPT TO commands with ``451`` and
  accept normally afterwards (to test that retries eventually succeed).
* ``--accept-auth``: advertise AUTH PLAIN/LOGIN without TLS and accept any
  user name and password (for clients configured with credentials).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as _dt
import os
import signal
import sys
from pathlib import Path

try:
    from aiosmtpd.smtp import SMTP, AuthResult
except ImportError:  # pragma: no cover - environment problem
    sys.stderr.write(
        "smtp_sink.py: the Python package 'aiosmtpd' is missing; "
        "install it with: pip install -r tests/support/requirements.txt\n"
    )
    sys.exit(2)


TEMPFAIL = "451 4.3.0 Temporary failure, please try again later (ikon test sink)"


class SinkHandler:
    """aiosmtpd handler that stores messages as .eml files."""

    def __init__(self, directory: Path, reject_all: bool, reject_first: int) -> None:
        self.directory = directory
        self.reject_all = reject_all
        self.reject_remaining = reject_first
        self.counter = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject_all:
            return TEMPFAIL
        if self.reject_remaining > 0:
            self.reject_remaining -= 1
            return TEMPFAIL
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        self.counter += 1
        now = _dt.datetime.now(_dt.timezone.utc)
        stamp = now.strftime("%Y%m%dT%H%M%S%fZ")
        name = f"{self.counter:06d}-{stamp}.eml"

        raw = envelope.original_content
        if raw is None:
            raw = envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")

        mail_from = envelope.mail_from or ""
        rcpts = ", ".join(f"<{r}>" for r in envelope.rcpt_tos)
        prefix = (
            f"X-Envelope-From: <{mail_from}>\r\n"
            f"X-Envelope-To: {rcpts}\r\n"
        ).encode("utf-8")

        tmp = self.directory / f".{name}.part"
        final = self.directory / name
        try:
            with open(tmp, "wb") as fh:
                fh.write(prefix)
                fh.write(raw)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, final)
        except OSError as exc:
            sys.stderr.write(f"smtp_sink.py: cannot write {final}: {exc}\n")
            sys.stderr.flush()
            return "451 4.3.0 Local error in processing (ikon test sink)"
        return "250 2.0.0 Message accepted for delivery"


def _accept_any_auth(server, session, envelope, mechanism, auth_data):
    return AuthResult(success=True)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="SMTP sink for the ikon tests: stores every received "
        "message as an .eml file."
    )
    parser.add_argument("--port", type=int, required=True, help="TCP port to listen on")
    parser.add_argument("--dir", required=True, help="directory for the .eml files")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument(
        "--reject",
        action="store_true",
        help="answer every RCPT TO with 451 (temporary failure)",
    )
    parser.add_argument(
        "--reject-first",
        type=int,
        default=0,
        metavar="N",
        help="answer the first N RCPT TO commands with 451, then accept",
    )
    parser.add_argument(
        "--accept-auth",
        action="store_true",
        help="offer AUTH PLAIN/LOGIN without TLS and accept any credentials",
    )
    return parser.parse_args(argv)


async def serve(args: argparse.Namespace) -> None:
    directory = Path(args.dir)
    directory.mkdir(parents=True, exist_ok=True)
    handler = SinkHandler(directory, args.reject, max(0, args.reject_first))

    def factory() -> SMTP:
        kwargs = dict(
            enable_SMTPUTF8=True,
            decode_data=False,
            hostname="ikon-test-sink.localhost",
            ident="ikon test SMTP sink",
        )
        if args.accept_auth:
            kwargs.update(auth_require_tls=False, authenticator=_accept_any_auth)
        return SMTP(handler, **kwargs)

    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)

    server = await loop.create_server(factory, host=args.host, port=args.port)

    sys.stdout.write("READY\n")
    sys.stdout.flush()

    await stop.wait()
    server.close()
    try:
        # Newer Python versions wait here for open client connections too;
        # do not let a lingering client keep the sink alive.
        await asyncio.wait_for(server.wait_closed(), timeout=2)
    except asyncio.TimeoutError:
        pass


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        asyncio.run(serve(args))
    except OSError as exc:
        sys.stderr.write(f"smtp_sink.py: cannot listen on {args.host}:{args.port}: {exc}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
