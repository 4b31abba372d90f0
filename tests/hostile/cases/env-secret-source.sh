# `source "$(SECRET_TOKEN)"` printed the token in the error; now the error
# names the variable and the option that would read it.
gen() { printf 'config A\n\tbool "a"\nsource "$(SECRET_TOKEN)/Kconfig"\n' > Kconfig; }
run='SECRET_TOKEN=ghp_hostile123 "$KCSAT" dump --tree .'
limit_s=20 limit_mb=1024
want_rc=2
want_err="^Kconfig:3: error: source path \"\\\$\(SECRET_TOKEN\)/Kconfig\" depends on environment variable 'SECRET_TOKEN', not read \(use --env SECRET_TOKEN\)$"
check() { ! grep -q ghp_hostile .out .err; }
