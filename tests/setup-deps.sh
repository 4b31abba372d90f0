#!/bin/sh
# Install the Debian packages kcsat builds and tests with, when missing.
# Usage: tests/setup-deps.sh [GROUP...]   (default: build)
#   build     compiler, make and the libraries kcsat links with
#   test      + the oracles and tools the test suites run
#   deb       + what `make deb` needs (debhelper, dpkg-dev)
#   lint-deb  + lintian, for `make lint-deb`
#   analyze   + cppcheck, for `make analyze`
set -eu
want="gcc make libc6-dev picosat libyaml-dev libcmocka-dev"
for g in "${@:-build}"; do
	case $g in
	build) ;;
	test) want="$want python3-kconfiglib python3 flex bison xz-utils patch python3-yaml debhelper dpkg-dev git git-email libmailtools-perl man-db groff-base bash-completion zsh" ;;
	deb) want="$want debhelper dpkg-dev" ;;
	lint-deb) want="$want debhelper dpkg-dev lintian" ;;
	analyze) want="$want cppcheck" ;;
	*) echo "setup-deps.sh: unknown group '$g' (build, test, deb, lint-deb, analyze)" >&2; exit 2 ;;
	esac
done
missing=
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "setup-deps.sh: missing Debian packages:$missing (run as root to install)" >&2
	exit 2
fi
echo "setup-deps.sh: installing$missing" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >&2
