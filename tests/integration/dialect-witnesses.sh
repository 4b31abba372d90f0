#!/bin/sh
# Witnesses of the dialect fixtures (tests/cli/dialect-*) checked by the
# olddefconfig simulation (tests/conf/olddefconfig-sim.c, itself checked
# against the kernel's conf by olddefconfig-sim.sh): for each satisfiable
# model answer of a rule of 6.11 and later, the .config `kcsat sat
# --witness` writes, read with the transitional values its comment names
# (conf reads them from an old .config and never writes them), keeps every
# value through the simulation (tests/conf/same-values.py, as for conf's
# output elsewhere): the answer is one conf keeps.  The simulation models
# the 6.11 choices on, so the older rules (int-hex-zero, choice-submenu)
# are checked against the kernel's own conf of 6.1 by conf-fidelity.sh.
# Fixture trees only: seconds.
# Usage: dialect-witnesses.sh KCSAT (the simulator is built beside it).
set -u
kcsat=${1:?usage: dialect-witnesses.sh KCSAT}
sim=$(cd "$(dirname "$kcsat")" && pwd)/olddefconfig-sim
cli=$(cd "$(dirname "$0")/../cli" && pwd)
same=$(cd "$(dirname "$0")/../conf" && pwd)/same-values.py
PY=/usr/bin/python3
[ -x "$PY" ] || PY=$(command -v python3)
[ -x "$sim" ] || { echo "dialect-witnesses: $sim not built"; echo "0 passed, 1 failed"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0 fail=0 n=0

# CASE VERSION EXPR: the witness of EXPR on tests/cli/CASE read as VERSION
# (- for the tree's own: the newest dialect without a Makefile)
witness() {
	n=$((n + 1))
	kopt=
	[ "$2" = - ] || kopt="--kernel $2"
	w=$tmp/w$n.config
	# shellcheck disable=SC2086
	if ! "$kcsat" sat "$3" --tree "$cli/$1" $kopt --witness "$w" >"$tmp/out" 2>&1; then
		echo "FAIL $1 ($2): sat '$3' gives no witness: $(cat "$tmp/out")"
		fail=$((fail + 1))
		return
	fi
	sed 's/^#   CONFIG_/CONFIG_/' "$w" >"$tmp/in$n.config"
	mkdir -p "$tmp/sim$n"
	# shellcheck disable=SC2086
	if ! "$sim" $kopt "$cli/$1" - "$tmp/sim$n" "$tmp/in$n.config" >"$tmp/out" 2>&1; then
		echo "FAIL $1 ($2): the simulation of the witness of '$3' failed: $(cat "$tmp/out")"
		fail=$((fail + 1))
		return
	fi
	if "$PY" "$same" "$w" "$tmp/sim$n/in$n.config" >"$tmp/out" 2>&1; then
		echo "PASS $1 ($2): '$3': the witness survives olddefconfig ($(tail -1 "$tmp/out")$(
			grep -c '^#   CONFIG_' "$w" | sed 's/^0$//; s/^[1-9].*/, & transitional values read/'))"
		pass=$((pass + 1))
	else
		echo "FAIL $1 ($2): '$3': olddefconfig changes the witness:"
		head -10 "$tmp/out"
		fail=$((fail + 1))
	fi
}

# 7.0: depends on A if B
for q in 'T && B = n && A = n' 'T && B = y && A = y' 'T_OR && B = m && A = n' \
	'T = m && B = m && A = m' 'BOTH && B = y && A = y'; do
	witness dialect-conditional-dep 7.0 "$q"
done
# 6.18: transitional values read from an old .config, never written
witness dialect-transitional 6.18 'RECV = y && USER'
witness dialect-transitional 6.18 'NEW_BOOL && NEW_INT = 1'
for q in 'RECV_HEX = 0x10' 'RECV_STR = "abc"' 'NEEDS_HEX'; do
	witness dialect-transitional-types 6.18 "$q"
done
# def_int, def_hex, def_string (the newest dialect)
for q in 'X && N = 5' '!X && N = 7' 'H = 0x10' 'S = "abc"'; do
	witness dialect-def-int - "$q"
done

echo "dialect-witnesses: $pass passed, $fail failed"
[ $fail -eq 0 ]
