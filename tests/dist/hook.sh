#!/bin/sh
# The pre-send hook (contrib/git/sendemail-validate) in a real git repository
# made here from Linux 6.12's Kconfig files: installed with one command,
# `git send-email --dry-run` sends the seed patch
# (tests/patches/pci-p2pdma-64bit.patch) and refuses a patch that adds an
# unmet select (tests/patches/pci-stub-select-p2pdma.patch), printing the
# findings; each patch of a series is checked against its own parent; a
# patch without Kconfig changes is not analysed; the b4 mode prints one
# finding per line and nothing for a clean patch.
# usage: tests/dist/hook.sh KCSAT_BINARY
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/dist/lib.sh"
kcsat=${1:?usage: hook.sh KCSAT_BINARY}
case $kcsat in /*) ;; *) kcsat=$(pwd)/$kcsat ;; esac
hook=$top/contrib/git/sendemail-validate
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
tree=$("$top/tests/kernel-tree.sh" 6.12) || { bad "no Linux 6.12 tree"; done_tests hook; exit 1; }

# kcsat from PATH, as an installed one would be found
mkdir "$tmp/bin" && ln -s "$kcsat" "$tmp/bin/kcsat"
PATH=$tmp/bin:$PATH
export PATH
unset KCSAT GIT_DIR GIT_WORK_TREE
export GIT_CONFIG_NOSYSTEM=1 HOME=$tmp

r=$tmp/linux
cp -a "$tree" "$r" && rm -f "$r/.kcsat-complete"
cd "$r" || exit 1
git init -q . && git config user.name "kcsat tests" && git config user.email tests@kcsat.invalid &&
	git add -A && git commit -q -m "Linux 6.12 Kconfig files" || { bad "git repository"; done_tests hook; exit 1; }
[ -x "$hook" ] && ok "contrib/git/sendemail-validate is executable" || bad "$hook is not executable"

# one command installs it; again is harmless; a foreign hook is kept
out=$("$hook" --install 2>&1)
[ "$(readlink .git/hooks/sendemail-validate)" = "$hook" ] && ok "--install: $(echo "$out" | head -1)" ||
	bad "--install did not link .git/hooks/sendemail-validate: $out"
out=$("$hook" --install 2>&1) && echo "$out" | grep -q 'already installed' &&
	ok "--install again: already installed" || bad "--install twice: $out"
mkdir -p "$tmp/other/.git/hooks" && git -C "$tmp/other" init -q && echo '#!/bin/sh' >"$tmp/other/.git/hooks/sendemail-validate"
out=$(cd "$tmp/other" && "$hook" --install 2>&1)
rc=$?
[ $rc -eq 2 ] && echo "$out" | grep -qF "$hook \"\$@\" || exit" && [ ! -L "$tmp/other/.git/hooks/sendemail-validate" ] &&
	ok "--install keeps an existing hook and prints the line to add" || bad "--install over a foreign hook (rc $rc): $out"

# a series: the seed patch, then the unmet select on top of it
git am -q "$top/tests/patches/pci-p2pdma-64bit.patch" || bad "git am of the seed patch"
git apply --index "$top/tests/patches/pci-stub-select-p2pdma.patch" &&
	git commit -q -m "PCI: stub: select PCI_P2PDMA" || bad "committing the unmet select"
printf '\n# a comment\n' >>Makefile && git commit -q -a -m "kbuild: a comment" || bad "committing a Makefile change"
git format-patch -q -3 -o "$tmp/out" || bad "git format-patch"
seed=$tmp/out/0001-PCI-P2PDMA-drop-the-64BIT-dependency.patch
unmet=$tmp/out/0002-PCI-stub-select-PCI_P2PDMA.patch
mk=$tmp/out/0003-kbuild-a-comment.patch
[ -f "$seed" ] && [ -f "$unmet" ] && [ -f "$mk" ] || bad "format-patch file names: $(ls "$tmp/out")"

send() {
	git send-email --dry-run --confirm=never --from="kcsat tests <tests@kcsat.invalid>" \
		--to=list@kcsat.invalid --smtp-server=/bin/true "$@" </dev/null >"$tmp/send" 2>&1
}

# the seed patch sends (HEAD is two commits later: it is checked against its parent)
if send "$seed"; then
	ok "git send-email sends the seed patch: $(grep "^0001" "$tmp/send")"
else
	bad "git send-email refused the seed patch: $(cat "$tmp/send")"
fi
grep -q "^0001-PCI-P2PDMA-drop-the-64BIT-dependency.patch: no new Kconfig warnings (1 Kconfig file(s), kcsat patch against $(git rev-parse --short HEAD~3))" "$tmp/send" &&
	ok "the seed patch is checked against its parent commit" || bad "seed hook output: $(head -5 "$tmp/send")"

# the unmet select is refused, with the finding as file:line: warning: ... [check]
if send "$unmet"; then
	bad "git send-email sent a patch that adds an unmet select"
else
	ok "git send-email refuses the unmet select: $(grep 'rejected by sendemail-validate' "$tmp/send")"
fi
grep -q '^drivers/pci/Kconfig:94: warning: PCI_STUB selects PCI_P2PDMA while PCI_P2PDMA.s direct dependencies can be unmet, on .* \[unmet-select\]$' "$tmp/send" &&
	grep -q "^	on [^:]*x86 64-bit[^:]*: PCI_STUB=y selects PCI_P2PDMA" "$tmp/send" &&
	grep -q '^total: 1 new warning(s) in the Kconfig this patch changes' "$tmp/send" &&
	grep -q '^0002-PCI-stub-select-PCI_P2PDMA.patch: refused: ' "$tmp/send" &&
	ok "the refusal prints the finding, its evidence and a total" || bad "unmet hook output: $(cat "$tmp/send")"
grep -q 'Dry-Sent' "$tmp/send" && bad "something was sent with the unmet select" || ok "nothing of it was sent"

# no Kconfig change: not analysed (and fast)
start=$(date +%s)
send "$mk" && grep -q '^0003-kbuild-a-comment.patch: no Kconfig file changed: not checked by kcsat' "$tmp/send" &&
	ok "a patch without Kconfig changes sends unchecked ($(( $(date +%s) - start )) s)" ||
	bad "Makefile-only patch: $(cat "$tmp/send")"

# b4 prep --check pipes each patch (no "From <commit>" line) into the
# command: one finding per line on stdout, nothing for a clean patch; the
# commit is found by patch-id; kcsat.patchOptions is passed on
git config kcsat.patchOptions "--arch x86"
sed 1d "$unmet" | "$hook" --b4 >"$tmp/b4" 2>"$tmp/b4err"
rc=$?
[ $rc -eq 1 ] && [ "$(wc -l <"$tmp/b4")" -eq 1 ] &&
	grep -q '^drivers/pci/Kconfig:94: warning: PCI_STUB selects PCI_P2PDMA .*, on x86 \[unmet-select\]$' "$tmp/b4" &&
	[ ! -s "$tmp/b4err" ] && ok "--b4 on the unmet select: $(cat "$tmp/b4")" ||
	bad "--b4 on the unmet select (rc $rc): $(cat "$tmp/b4" "$tmp/b4err")"
sed 1d "$seed" | "$hook" --b4 >"$tmp/b4" 2>"$tmp/b4err"
rc=$?
[ $rc -eq 0 ] && [ ! -s "$tmp/b4" ] && [ ! -s "$tmp/b4err" ] && ok "--b4 on the seed patch: no output (b4: passed)" ||
	bad "--b4 on the seed patch (rc $rc): $(cat "$tmp/b4" "$tmp/b4err")"
git config --unset kcsat.patchOptions

# a patch that does not apply is refused with kcsat's error
if "$hook" "$top/tests/patches/pci-stub-stale.patch" >"$tmp/stale" 2>&1; then
	bad "the hook passed a patch that does not apply"
else
	grep -q 'pci-stub-stale.patch:6: error: hunk #1 of .drivers/pci/Kconfig. does not apply' "$tmp/stale" && grep -q '^pci-stub-stale.patch: refused' "$tmp/stale" &&
		ok "a patch that does not apply is refused: $(grep ': error: ' "$tmp/stale" | head -1)" ||
		bad "stale patch output: $(cat "$tmp/stale")"
fi

# b4: one command adds the check and keeps checkpatch (b4's default)
mkdir -p scripts && printf '#!/bin/sh\n' >scripts/checkpatch.pl && chmod +x scripts/checkpatch.pl
"$hook" --install-b4 >"$tmp/b4i" 2>&1 && "$hook" --install-b4 >>"$tmp/b4i" 2>&1
got=$(git config --get-all b4.prep-perpatch-check-cmd)
want="./scripts/checkpatch.pl -q --terse --no-summary --mailback --showfile
$hook --b4"
[ "$got" = "$want" ] && grep -q 'already runs' "$tmp/b4i" && ok "--install-b4 adds the command once, checkpatch kept" ||
	bad "--install-b4: $got / $(cat "$tmp/b4i")"
done_tests hook
