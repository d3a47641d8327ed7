"""Validates OParl objects against the official OParl 1.1 JSON Schema.

Usage: check_oparl.py SCHEMA_DIR OBJECTS_JSON

OBJECTS_JSON holds a list of objects as served. Each object, and every
object embedded in it, is checked against the schema of its `type`; the
formats `date-time`, `date` and `url` are checked too. A deleted object
(`deleted: true`) keeps, as the specification says, only `id`, `type`,
`created`, `modified` and `deleted`: those are required of it instead of
the type's own required properties. Prints a JSON list of problems (empty
when all is valid).
"""

import json
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

from jsonschema import Draft7Validator, FormatChecker

PREFIX = "https://schema.oparl.org/1.1/"
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

checker = FormatChecker()


@checker.checks("date-time")
def is_date_time(value):
    return not isinstance(value, str) or bool(DATE_TIME.match(value))


@checker.checks("date")
def is_date(value):
    return not isinstance(value, str) or bool(DATE.match(value))


@checker.checks("url")
def is_url(value):
    if not isinstance(value, str):
        return True
    parsed = urlparse(value)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def main():
    schema_dir, objects_file = Path(sys.argv[1]), Path(sys.argv[2])
    schemas = {path.stem: json.loads(path.read_text()) for path in schema_dir.glob("*.json")}
    validators = {
        name: Draft7Validator(schema, format_checker=checker) for name, schema in schemas.items()
    }
    tombstone_validators = {
        name: Draft7Validator(
            {**schema, "required": ["id", "type", "created", "modified", "deleted"]},
            format_checker=checker,
        )
        for name, schema in schemas.items()
    }
    problems = []

    def check(obj, where):
        kind = obj.get("type", "")
        name = kind[len(PREFIX):] if kind.startswith(PREFIX) else None
        if name not in validators:
            problems.append(f"{where}: unknown type {kind!r}")
            return
        validator = tombstone_validators[name] if obj.get("deleted") is True else validators[name]
        for error in validator.iter_errors(obj):
            path = "/".join(str(p) for p in error.absolute_path)
            problems.append(f"{where} ({name}) {path}: {error.message}")
        for key, value in obj.items():
            items = value if isinstance(value, list) else [value]
            for i, item in enumerate(items):
                if isinstance(item, dict):
                    check(item, f"{where}/{key}[{i}]")

    for obj in json.loads(objects_file.read_text()):
        check(obj, obj.get("id", "?"))
    print(json.dumps(problems))


if __name__ == "__main__":
    main()
