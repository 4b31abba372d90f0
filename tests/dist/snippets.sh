#!/bin/sh
# The CI snippets (issue 18): the GitHub Actions workflow, the GitLab CI job
# and the set-up lines of README.md's "In CI" and man/kcsat.1's CONTINUOUS
# INTEGRATION, checked as a user pastes them (tests/dist/snippets.py):
# README and man page say the same; each CI file is valid YAML of its kind;
# apt-get update comes before apt-get install and every package name has a
# candidate in apt-cache policy (Debian's lists: Ubuntu's cannot be reached
# here); the clone of KCSAT_GIT (this repository) works and stops without
# it, make and make install exist in the clone; make install puts kcsat on
# the PATH and the rules where the set-up copies them from; the set-up lines
# run in a fresh git repository; every kcsat line parses (options validated
# up to --help, by the installed binary); the rules, baseline, -W options
# and SARIF file agree between set-up, job and upload.
# usage: tests/dist/snippets.sh KCSAT_BINARY   (the binary is not used: the
# snippets run what make install puts in a DESTDIR)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/dist/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3) || { bad "python3 is missing"; done_tests snippets; exit 1; }
"$py" -c 'import yaml' 2>/dev/null || { bad "python3-yaml is missing (tests/setup-deps.sh test)"; done_tests snippets; exit 1; }
"$py" "$top/tests/dist/snippets.py" "$top" "$tmp"
