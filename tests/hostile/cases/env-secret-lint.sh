# An environment variable that is not one of kcsat's kbuild variables is
# never read with --shell=off: `$(info,$(SECRET_TOKEN))`, a prompt, a
# select and a default naming it printed the token in the SARIF, the notes
# and the warnings.  It is an unknown named "$(SECRET_TOKEN)" instead.
gen() {
	cat > Kconfig <<'K'
config A
	bool "a $(SECRET_TOKEN)"
	select $(SECRET_TOKEN)
config B
	string "b $(info,token=$(SECRET_TOKEN))"
	default "$(SECRET_TOKEN)"
config C
	bool "c"
	depends on D
config D
	bool
config E
	bool "e"
	select C
	depends on $(SECRET_TOKEN)
K
}
run='for f in text json sarif github; do
	SECRET_TOKEN=ghp_hostile123 "$KCSAT" lint --tree . --format $f
done; SECRET_TOKEN=ghp_hostile123 "$KCSAT" dump --tree .'
limit_s=20 limit_mb=1024
want_rc=0
want_err='^Kconfig:5: note: token=\$\(SECRET_TOKEN\)$'
want_out='select "\\\$\(SECRET_TOKEN\)"'
check() { ! grep -q ghp_hostile .out .err && grep -q "note: token=" .err; }
