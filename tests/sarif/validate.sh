#!/bin/sh
# Validates SARIF logs (kcsat --format=sarif output) against the official
# SARIF 2.1.0 JSON schema (draft-07), so tests catch output that code-scanning
# consumers would reject.  Usage: tests/sarif/validate.sh FILE.sarif...
# Prints "valid: FILE" (exit 0) or the schema errors (exit 1).
set -eu
[ $# -ge 1 ] || { echo "usage: $0 FILE.sarif..." >&2; exit 2; }
schema=$(sh "$(dirname "$0")/setup.sh" -p)
exec /usr/bin/python3 - "$schema" "$@" <<'PY'
import datetime, json, sys
from jsonschema import Draft7Validator, FormatChecker
with open(sys.argv[1]) as f:
    schema = json.load(f)
# Pinned to draft-07 (what the schema declares); the log's own "$schema"
# value is only checked as a URI, never fetched.
fc = FormatChecker()
@fc.checks("date-time", raises=ValueError)  # Debian lacks rfc3339-validator
def date_time(s):
    return not isinstance(s, str) or (
        "T" in s.upper() and datetime.datetime.fromisoformat(s).tzinfo is not None)
v = Draft7Validator(schema, format_checker=fc)
rc = 0
for name in sys.argv[2:]:
    try:
        with open(name) as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{name}: {e}")
        rc = 1
        continue
    errs = sorted(v.iter_errors(doc), key=lambda e: list(e.absolute_path))
    for e in errs:
        path = "/".join(str(p) for p in e.absolute_path)
        print(f"{name}: /{path}: {e.message}")
    if errs:
        rc = 1
    else:
        print(f"valid: {name}")
sys.exit(rc)
PY
