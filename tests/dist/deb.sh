#!/bin/sh
# make deb: the package builds from the tree (DEB_BUILD_OPTIONS=nocheck: the
# same binary is tested by every other suite; noautodbgsym), holds what make install
# installs, depends on picosat and libyaml-0-2 through ${shlibs:Depends},
# unpacks with dpkg -x into a temporary root and runs from there, and apt
# would install it (apt-get install -s ./kcsat_*.deb).  lintian is not run
# here (about 10 s more): `make deb lint-deb`.
# usage: tests/dist/deb.sh
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/dist/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

if ! DEB_BUILD_OPTIONS="nocheck noautodbgsym" make -s -C "$top" deb B="$tmp/b" >"$tmp/log" 2>&1; then
	bad "make deb failed: $(tail -5 "$tmp/log")"
	done_tests deb
	exit 1
fi
deb=$(ls "$tmp"/b/deb/kcsat_*_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] && ok "make deb built $(basename "$deb")" || { bad "no .deb in $tmp/b/deb"; done_tests deb; exit 1; }
v=$(cd "$top" && dpkg-parsechangelog -S Version)
case $deb in */kcsat_${v}_*.deb) ok "the .deb's version is debian/changelog's ($v)" ;;
*) bad "$(basename "$deb") does not carry debian/changelog's version $v" ;; esac

grep -q "^\.TH KCSAT 1 .* \"kcsat ${v%%-*}\"" "$top/man/kcsat.1" && ok "man/kcsat.1's .TH names version ${v%%-*}" ||
	bad "man/kcsat.1's .TH does not name version ${v%%-*} (debian/changelog)"

dpkg-deb -c "$deb" | awk '{ print $NF }' | sed 's|^\./||' >"$tmp/contents"
for f in usr/bin/kcsat usr/share/man/man1/kcsat.1.gz usr/share/doc/kcsat/copyright \
	usr/share/bash-completion/completions/kcsat usr/share/zsh/vendor-completions/_kcsat \
	usr/share/kcsat/git/sendemail-validate \
	$(cd "$top" && for r in rules/*.yaml; do echo "usr/share/kcsat/$r"; done); do
	grep -qx "$f" "$tmp/contents" && ok "dpkg-deb -c lists /$f" || bad "the .deb lacks /$f"
done
dep=$(dpkg-deb -f "$deb" Depends)
for p in picosat libyaml-0-2 libc6; do
	echo "$dep" | grep -q "\\(^\\|, \\)$p\\( \\|,\\|$\\)" && ok "Depends names $p" ||
		bad "Depends ($dep) does not name $p"
done

root=$tmp/root
dpkg -x "$deb" "$root" || bad "dpkg -x failed"
out=$(cd "$tmp" && "$root/usr/bin/kcsat" --version 2>&1) &&
	echo "$out" | head -1 | grep -q "^kcsat ${v%%-*}\$" && ok "unpacked kcsat --version: $(echo "$out" | head -1)" ||
	bad "unpacked kcsat --version: $out"
(cd "$tmp" && "$root/usr/bin/kcsat" dump --tree "$top/tests/cli/fixtures/full" --summary) >"$tmp/sum" 2>&1 &&
	grep -q symbols "$tmp/sum" && ok "unpacked kcsat reads a tree" || bad "unpacked kcsat: $(cat "$tmp/sum")"
MANWIDTH=80 man -l "$root/usr/share/man/man1/kcsat.1.gz" 2>"$tmp/manerr" | cat >"$tmp/man"
grep -q 'KCSAT(1)' "$tmp/man" && [ ! -s "$tmp/manerr" ] && ok "man -l on the unpacked page" ||
	bad "man -l on the unpacked page: $(head -2 "$tmp/manerr")"

# apt resolves the dependencies (simulation: nothing is installed)
if apt-get install -s "$deb" >"$tmp/apt" 2>&1 && grep -q '^Inst kcsat\|^Conf kcsat\|kcsat is already' "$tmp/apt"; then
	ok "apt-get install -s ./$(basename "$deb") resolves"
else
	bad "apt-get install -s: $(tail -3 "$tmp/apt")"
fi
done_tests deb
