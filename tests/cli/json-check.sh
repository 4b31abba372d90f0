#!/bin/sh
# $KCSAT inside the CLI cases (tests/run-cli.sh): runs the real binary
# ($KCSAT_BIN) and, when the command line asks for JSON or SARIF, checks
# that its stdout is one valid JSON document (strict UTF-8) with Python's
# parser.  A failure is logged to $KCSAT_JSON_LOG, which fails the case;
# stdout, stderr and the exit code pass through unchanged.
json=0
prev=
for a in "$@"; do
	case $prev/$a in
	--format/json | --format/sarif | */--format=json | */--format=sarif) json=1 ;;
	esac
	prev=$a
done
[ $json = 1 ] || exec "$KCSAT_BIN" "$@"
out=$(mktemp "${TMPDIR:-/tmp}/kcsat-json.XXXXXX") || exit 3
"$KCSAT_BIN" "$@" >"$out"
rc=$?
cat "$out"
# An error may leave stdout empty; anything printed must parse.
if [ -s "$out" ]; then
	if python3 -c '
import json, sys
try:
    json.load(open(sys.argv[1], encoding="utf-8"))
except ValueError as e:
    sys.exit(str(e))' "$out" 2>"$out.err"; then
		echo "ok" >>"$KCSAT_JSON_LOG.ok"
	else
		{ echo "invalid JSON from: kcsat $*"; cat "$out.err"; } >>"$KCSAT_JSON_LOG"
	fi
	rm -f "$out.err"
fi
rm -f "$out"
exit $rc
