# kcsat -- see README.md.  `make` builds build/kcsat; `make check` runs every
# test (unit, CLI golden, fuzz replay, real kernels) in a normal and an
# ASan+UBSan build; `make demo` runs the main job on Linux 6.12.

CC      ?= gcc
CFLAGS  ?= -O2 -g
WARN    = -std=c11 -Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes -Wshadow \
          -Wundef -Wnull-dereference -Wcast-qual -Wwrite-strings -Wvla -Wformat=2 -fno-common
CPPFLAGS += -D_GNU_SOURCE -Iinclude -MMD -MP
LDLIBS  = -lpicosat -lyaml

# Installation (make install / uninstall): GNU-style directories under
# PREFIX, each overridable; DESTDIR stages the whole tree (packaging).
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR  ?= $(DATADIR)/man
KCSATDIR ?= $(DATADIR)/kcsat
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR ?= $(DATADIR)/zsh/site-functions
INSTALL ?= install

B       = build
ASAN_B  = build/asan
SAN     = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# The library, one object per line, stage by stage (src/<stage>/).
# util/: allocation, strings, vectors, diagnostics, JSON, the file cache,
# the job runner
LIB_OBJS += util/arena.o
LIB_OBJS += util/cleanup.o
LIB_OBJS += util/diag.o
LIB_OBJS += util/helper.o
LIB_OBJS += util/jobs.o
LIB_OBJS += util/record.o
LIB_OBJS += util/json.o
LIB_OBJS += util/outfile.o
LIB_OBJS += util/srccache.o
LIB_OBJS += util/strbuf.o
LIB_OBJS += util/strindex.o
LIB_OBJS += util/textout.o
LIB_OBJS += util/vec.o
LIB_OBJS += util/xalloc.o
# kconfig/: the front-end (lexer to menu tree) and concrete Kconfig semantics
LIB_OBJS += kconfig/arch.o
LIB_OBJS += kconfig/because.o
LIB_OBJS += kconfig/confdata.o
LIB_OBJS += kconfig/confsim.o
LIB_OBJS += kconfig/cppcond.o
LIB_OBJS += kconfig/dialect.o
LIB_OBJS += kconfig/eval.o
LIB_OBJS += kconfig/explain.o
LIB_OBJS += kconfig/kbuild.o
LIB_OBJS += kconfig/show.o
LIB_OBJS += kconfig/expr.o
LIB_OBJS += kconfig/lex.o
LIB_OBJS += kconfig/menu.o
LIB_OBJS += kconfig/names.o
LIB_OBJS += kconfig/parse.o
LIB_OBJS += kconfig/preprocess.o
LIB_OBJS += kconfig/symbol.o
LIB_OBJS += kconfig/tree.o
LIB_OBJS += kconfig/value.o
# sat/: the model, its CNF, the solver, queries and witnesses
LIB_OBJS += sat/answers.o
LIB_OBJS += sat/cnf.o
LIB_OBJS += sat/fix.o
LIB_OBJS += sat/implied.o
LIB_OBJS += sat/model.o
LIB_OBJS += sat/query.o
LIB_OBJS += sat/sat.o
LIB_OBJS += sat/witness.o
# check/: lint, rules, findings, patch and delta
LIB_OBJS += check/cover.o
LIB_OBJS += check/delta.o
LIB_OBJS += check/findings.o
LIB_OBJS += check/lint-evidence.o
LIB_OBJS += check/lint-fragment.o
LIB_OBJS += check/lint-merge.o
LIB_OBJS += check/lint-round1.o
LIB_OBJS += check/lint-source.o
LIB_OBJS += check/lint-static.o
LIB_OBJS += check/lint.o
LIB_OBJS += check/patch.o
LIB_OBJS += check/rules-check.o
LIB_OBJS += check/rules.o
LIB_OBJS += check/srclint.o

# cmd/: main(), the shared command line (cli) and one file per subcommand;
# none of it is in the library.
CMD_OBJS += cmd/cli.o
CMD_OBJS += cmd/cmd-check.o
CMD_OBJS += cmd/cmd-cnf.o
CMD_OBJS += cmd/cmd-cover.o
CMD_OBJS += cmd/cmd-complete.o
CMD_OBJS += cmd/cmd-diff.o
CMD_OBJS += cmd/cmd-dump.o
CMD_OBJS += cmd/cmd-help.o
CMD_OBJS += cmd/cmd-implies.o
CMD_OBJS += cmd/cmd-lint.o
CMD_OBJS += cmd/cmd-matrix.o
CMD_OBJS += cmd/cmd-patch.o
CMD_OBJS += cmd/cmd-sat.o
CMD_OBJS += cmd/cmd-show.o
CMD_OBJS += cmd/cmd-verify.o
CMD_OBJS += cmd/cmd-why.o
CMD_OBJS += cmd/cmd-whynot.o
CMD_OBJS += cmd/lintopt.o
CMD_OBJS += cmd/main.o

# One fuzz target per untrusted reader (tests/fuzz/fuzz_NAME.c, its seeds
# in tests/fuzz/corpus-NAME/, or corpus/ and the error cases of tests/cli/
# for the front-end): the Kconfig
# front-end, the patch reader, the .config reader and the YAML rules loader.
FUZZ_TARGETS = parse patch config rules kbuild
FUZZ_REPLAY = $(addsuffix _replay,$(addprefix fuzz_,$(FUZZ_TARGETS)))

UNIT_TESTS = $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))

ifeq ($(V),1)
Q =
msg = @true
else
Q = @
msg = @printf '  %-7s %s\n' $(1) $(2)
endif

.PHONY: all asan deps test-deps check demo clean unit cli fuzz hostile integration integration-full integration-build bench analyze \
	install uninstall deb lint-deb
all: $(B)/kcsat

define build_rules
$(1)/obj/%.o: src/%.c
	$$(call msg,CC,$$@)
	@mkdir -p $$(@D)
	$$(Q)$$(CC) $$(CPPFLAGS) $$(WARN) $$(CFLAGS) $(2) -c -o $$@ $$<

$(1)/tobj/%.o: tests/%.c
	$$(call msg,CC,$$@)
	@mkdir -p $$(@D)
	$$(Q)$$(CC) $$(CPPFLAGS) $$(WARN) $$(CFLAGS) $(2) -c -o $$@ $$<

# The fuzz targets' objects outlive the pattern rule that links them.
.SECONDARY: $$(addprefix $(1)/tobj/fuzz/,fuzz.o replay.o $$(addsuffix .o,$$(addprefix fuzz_,$$(FUZZ_TARGETS))))

$(1)/libkcsat.a: $$(addprefix $(1)/obj/,$$(LIB_OBJS))
	$$(call msg,AR,$$@)
	$$(Q)rm -f $$@ && ar rcs $$@ $$^

$(1)/kcsat: $$(addprefix $(1)/obj/,$$(CMD_OBJS)) $(1)/libkcsat.a
	$$(call msg,LD,$$@)
	$$(Q)$$(CC) $$(CFLAGS) $(2) $$(LDFLAGS) -o $$@ $$^ $$(LDLIBS)

$(1)/unit/%: $(1)/tobj/unit/%.o $(1)/libkcsat.a
	$$(call msg,LD,$$@)
	@mkdir -p $$(@D)
	$$(Q)$$(CC) $$(CFLAGS) $(2) $$(LDFLAGS) -o $$@ $$^ $$(LDLIBS) -lcmocka

$(1)/olddefconfig-sim: $(1)/tobj/conf/olddefconfig-sim.o $(1)/libkcsat.a
	$$(call msg,LD,$$@)
	$$(Q)$$(CC) $$(CFLAGS) $(2) -o $$@ $$^ $$(LDLIBS)

$(1)/fuzz_%_replay: $(1)/tobj/fuzz/fuzz_%.o $(1)/tobj/fuzz/fuzz.o $(1)/tobj/fuzz/replay.o \
		$(1)/libkcsat.a
	$$(call msg,LD,$$@)
	$$(Q)$$(CC) $$(CFLAGS) $(2) $$(LDFLAGS) -o $$@ $$^ $$(LDLIBS)
endef

$(eval $(call build_rules,$(B),))
$(eval $(call build_rules,$(ASAN_B),$(SAN)))

asan: $(ASAN_B)/kcsat

deps:
	@tests/setup-deps.sh build

test-deps:
	@tests/setup-deps.sh test
	@# The real trees come first: unit tests read them too (none may skip).
	@tests/kernel-tree.sh 6.12 >/dev/null
	@tests/kernel-tree.sh 6.1 >/dev/null

# Test suites; each takes the build directory to test as BUILD=.
BUILD ?= $(B)
unit: $(addprefix $(BUILD)/unit/,$(UNIT_TESTS))
	@tests/run-unit.sh $(BUILD) $(UNIT_TESTS)

cli: $(BUILD)/kcsat
	@tests/run-cli.sh $(BUILD)/kcsat

fuzz: $(addprefix $(BUILD)/,$(FUZZ_REPLAY))
	@fail=0; for t in $(FUZZ_TARGETS); do \
		c=tests/fuzz/corpus-$$t; [ $$t = parse ] && c="tests/fuzz/corpus tests/cli/errors"; \
		printf '  %-7s %s: ' REPLAY "$$t"; \
		$(BUILD)/fuzz_$${t}_replay $$c || fail=1; \
	done; printf '  %-7s ' AGREE; tests/fuzz/errors-agree.sh $(BUILD) || fail=1; exit $$fail

hostile: $(BUILD)/kcsat
	@tests/hostile/run.sh $(BUILD)/kcsat

# Static analysis, clean on every file (not part of make check: -fanalyzer
# takes minutes).  cppcheck's warning and portability classes, gcc's
# analyzer on each source as it is compiled, and the allocation rule.
ANALYZE_OUT = $(B)/analyze
analyze:
	@tests/setup-deps.sh analyze
	@mkdir -p $(ANALYZE_OUT)
	cppcheck -q --std=c11 -D_GNU_SOURCE -Iinclude --enable=warning,portability \
		--error-exitcode=1 -j2 src
	@set -e; for f in $(wildcard src/*/*.c); do \
		echo "  ANALYZE $$f"; \
		$(CC) $(CPPFLAGS) $(WARN) -O1 -fanalyzer -c -o $(ANALYZE_OUT)/a.o $$f; \
	done
	@sh tests/check-alloc.sh

integration: $(BUILD)/kcsat $(BUILD)/olddefconfig-sim
	@tests/integration/run.sh $(BUILD)/kcsat

# The same suites with their full samples (conf-fidelity: every case, 50
# randconfigs and 100 witnesses each; kconfiglib-diff: every arch of 6.1
# too): longer than make check allows, for a nightly job or before a release.
integration-full: $(BUILD)/kcsat $(BUILD)/olddefconfig-sim
	@KCSAT_FULL=1 tests/integration/run.sh $(BUILD)/kcsat

# kcsat cover's witnesses really compile their files: the kernel's own build
# (olddefconfig prepare, then path/file.o) for the fixed sample of
# tests/build/cover-build.sample on x86, arm64, arm and riscv, with the host
# gcc and Debian's cross gcc; an hour or more, never in make check.
integration-build: $(BUILD)/kcsat
	@tests/build/cover-build.sh $(BUILD)/kcsat

# Everything the suites run is built first: they run two at a time
# (tests/check.sh), and two makes must never build the same file.
check: test-deps
	@$(MAKE) --no-print-directory all asan $(addprefix $(B)/,$(FUZZ_REPLAY)) \
		$(addprefix $(ASAN_B)/,$(FUZZ_REPLAY)) $(addprefix $(B)/unit/,$(UNIT_TESTS)) \
		$(addprefix $(ASAN_B)/unit/,$(UNIT_TESTS)) $(B)/olddefconfig-sim
	@tests/check.sh

demo: deps
	@$(MAKE) --no-print-directory all
	@tests/demo.sh $(B)/kcsat

bench: all
	@bench/load.sh $(B)/kcsat

# What `make install` puts where, one "MODE SOURCE DESTINATION" per line;
# uninstall removes the same files (tests/dist/install.sh checks both).
INSTALL_FILES = \
	755 $(B)/kcsat $(BINDIR)/kcsat \
	644 man/kcsat.1 $(MANDIR)/man1/kcsat.1 \
	644 contrib/completion/kcsat.bash $(BASHCOMPDIR)/kcsat \
	644 contrib/completion/kcsat.zsh $(ZSHCOMPDIR)/_kcsat \
	755 contrib/git/sendemail-validate $(KCSATDIR)/git/sendemail-validate \
	$(foreach f,$(sort $(wildcard rules/*.yaml)),644 $(f) $(KCSATDIR)/$(f))

install: all
	@set -- $(INSTALL_FILES); while [ $$# -gt 0 ]; do \
		$(INSTALL) -d "$(DESTDIR)$$(dirname "$$3")" && \
		$(INSTALL) -m "$$1" "$$2" "$(DESTDIR)$$3" || exit 1; \
		printf '  %-7s %s\n' INSTALL "$(DESTDIR)$$3"; shift 3; \
	done

uninstall:
	@set -- $(INSTALL_FILES); while [ $$# -gt 0 ]; do \
		rm -f "$(DESTDIR)$$3"; shift 3; \
	done
	@rmdir "$(DESTDIR)$(KCSATDIR)/rules" "$(DESTDIR)$(KCSATDIR)/git" "$(DESTDIR)$(KCSATDIR)" 2>/dev/null || true

# The Debian package, from debian/: the tree (without build/ and .git) is
# copied to build/deb/kcsat-VERSION and built there with dpkg-buildpackage,
# so the .deb, .buildinfo and .changes land in build/deb/, not next to the
# source; its own make starts afresh (none of this make's variables, B=
# included, reach it: its `make clean` would remove them).  DEB_BUILD_OPTIONS
# works as usual (nocheck skips the CLI tests).
DEB_DIR = $(B)/deb
deb:
	@tests/setup-deps.sh deb
	@v=$$(dpkg-parsechangelog -S Version) && d=$(DEB_DIR)/kcsat-$$v && \
	rm -rf $(DEB_DIR) && mkdir -p "$$d" && \
	tar --exclude=./build --exclude=./.git -cf - . | tar -C "$$d" -xf - && \
	(cd "$$d" && env -u MAKEFLAGS -u MFLAGS -u MAKEOVERRIDES -u MAKELEVEL -u B dpkg-buildpackage -b -us -uc -Jauto >../build.log 2>&1) || \
		{ tail -30 $(DEB_DIR)/build.log; exit 1; }
	@ls $(DEB_DIR)/*.deb

# lintian on the package just built (make deb first); its warnings fail.
lint-deb:
	@tests/setup-deps.sh lint-deb
	lintian --info --display-info --fail-on error,warning $(DEB_DIR)/kcsat_*.changes

clean:
	rm -rf $(B)

-include $(shell find $(B) -name '*.d' 2>/dev/null)
