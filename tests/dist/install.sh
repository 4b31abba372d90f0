#!/bin/sh
# make install / make uninstall: every file lands under DESTDIR+PREFIX with
# its mode, the installed binary runs, the installed man page formats with
# man -l, and uninstall leaves no file behind.  Also the default PREFIX.
# usage: tests/dist/install.sh   (run from anywhere; builds with make all)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/dist/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

d=$tmp/stage
make -s -C "$top" install DESTDIR="$d" PREFIX=/usr >"$tmp/log" 2>&1 ||
	bad "make install failed: $(tail -3 "$tmp/log")"
for f in usr/bin/kcsat:755 usr/share/man/man1/kcsat.1:644 \
	usr/share/bash-completion/completions/kcsat:644 usr/share/zsh/site-functions/_kcsat:644 \
	usr/share/kcsat/git/sendemail-validate:755 $(
	cd "$top" && for r in rules/*.yaml; do echo "usr/share/kcsat/$r:644"; done); do
	path=${f%:*} mode=${f##*:}
	if [ -f "$d/$path" ]; then
		m=$(stat -c %a "$d/$path")
		[ "$m" = "$mode" ] && ok "installed /$path ($mode)" || bad "/$path has mode $m, not $mode"
	else
		bad "make install did not install /$path"
	fi
done
# nothing installed that the list above does not name
extra=$(cd "$d" && find . -type f | sed 's|^\./||' | sort | while read -r f; do
	case $f in usr/bin/kcsat|usr/share/man/man1/kcsat.1|usr/share/kcsat/rules/*.yaml) ;;
	usr/share/kcsat/git/sendemail-validate) ;;
	usr/share/bash-completion/completions/kcsat|usr/share/zsh/site-functions/_kcsat) ;;
	*) echo "$f" ;; esac; done)
[ -z "$extra" ] && ok "no unexpected files" || bad "unexpected files installed: $extra"

# the installed binary, from a directory that is not the source tree
out=$(cd "$tmp" && "$d/usr/bin/kcsat" --version 2>&1) &&
	echo "$out" | grep -q '^kcsat [0-9]' && ok "installed kcsat --version: $(echo "$out" | head -1)" ||
	bad "installed kcsat --version: $out"
fix=$top/tests/cli/fixtures/full
(cd "$tmp" && "$d/usr/bin/kcsat" dump --tree "$fix" --summary >"$tmp/sum" 2>&1) &&
	grep -q symbols "$tmp/sum" && ok "installed kcsat reads a tree" ||
	bad "installed kcsat dump --summary: $(cat "$tmp/sum")"
# the installed rules are the shipped ones (tests/integration/rules-6.12.sh
# checks those on Linux 6.12)
for r in "$top"/rules/*.yaml; do
	cmp -s "$r" "$d/usr/share/kcsat/rules/$(basename "$r")" &&
		ok "installed rules/$(basename "$r") is the shipped file" ||
		bad "installed rules/$(basename "$r") differs from the source"
done

# the installed completion is the shipped one, and bash loads it
cmp -s "$top/contrib/completion/kcsat.bash" "$d/usr/share/bash-completion/completions/kcsat" &&
	cmp -s "$top/contrib/completion/kcsat.zsh" "$d/usr/share/zsh/site-functions/_kcsat" &&
	ok "installed completion files are the shipped ones" || bad "installed completion files differ"
got=$(bash -c '. "$1"; complete -p kcsat' bash "$d/usr/share/bash-completion/completions/kcsat" 2>&1)
[ "$got" = "complete -F _kcsat kcsat" ] && ok "the installed bash completion binds _kcsat" ||
	bad "installed bash completion: $got"

# the installed hook is the shipped one and runs from there
cmp -s "$top/contrib/git/sendemail-validate" "$d/usr/share/kcsat/git/sendemail-validate" &&
	(cd "$tmp" && "$d/usr/share/kcsat/git/sendemail-validate" --help) | grep -q 'git send-email' &&
	ok "installed sendemail-validate is the shipped one and runs" || bad "installed sendemail-validate"

# the installed man page
if MANWIDTH=80 man -l "$d/usr/share/man/man1/kcsat.1" 2>"$tmp/manerr" | cat >"$tmp/man" &&
	grep -q 'KCSAT(1)' "$tmp/man" && grep -q 'COMMON OPTIONS' "$tmp/man" && [ ! -s "$tmp/manerr" ]; then
	ok "man -l on the installed page ($(wc -l <"$tmp/man") lines)"
else
	bad "man -l on the installed page: $(head -3 "$tmp/manerr")"
fi

make -s -C "$top" uninstall DESTDIR="$d" PREFIX=/usr >"$tmp/log" 2>&1 || bad "make uninstall failed"
left=$(cd "$d" && find . -type f)
[ -z "$left" ] && ok "make uninstall removes every file" || bad "left after uninstall: $left"
[ ! -d "$d/usr/share/kcsat" ] && ok "make uninstall removes share/kcsat" ||
	bad "share/kcsat left after uninstall"

# the default PREFIX is /usr/local
make -s -C "$top" install DESTDIR="$tmp/local" >"$tmp/log" 2>&1 &&
	[ -x "$tmp/local/usr/local/bin/kcsat" ] && [ -f "$tmp/local/usr/local/share/man/man1/kcsat.1" ] &&
	ok "default PREFIX /usr/local" || bad "default PREFIX: $(cd "$tmp/local" 2>/dev/null && find . -type f | head -3)"
done_tests install
