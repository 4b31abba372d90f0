# kcsat -- see README.md.  `make` builds build/kcsat; `make check` runs every
# test (unit, CLI golden, fuzz replay, real kernels) in a normal and an
# ASan+UBSan build; `make demo` runs the main job on Linux 6.12.

CC      ?= gcc
CFLAGS  ?= -O2 -g
WARN    = -std=c11 -Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes \
          -Wwrite-strings -Wvla -Wformat=2 -fno-common
CPPFLAGS += -D_GNU_SOURCE -Iinclude -MMD -MP
LDLIBS  = -lpicosat -lyaml

B       = build
ASAN_B  = build/asan
SAN     = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# The front-end and the rest of the library, one object per line.
LIB_OBJS += arena.o
LIB_OBJS += arch.o
LIB_OBJS += cli.o
LIB_OBJS += cnf.o
LIB_OBJS += confdata.o
LIB_OBJS += witness.o
LIB_OBJS += confsim.o
LIB_OBJS += delta.o
LIB_OBJS += diag.o
LIB_OBJS += eval.o
LIB_OBJS += expr.o
LIB_OBJS += implied.o
LIB_OBJS += findings.o
LIB_OBJS += json.o
LIB_OBJS += lex.o
LIB_OBJS += lint.o
LIB_OBJS += lint-merge.o
LIB_OBJS += menu.o
LIB_OBJS += model.o
LIB_OBJS += parse.o
LIB_OBJS += patch.o
LIB_OBJS += preprocess.o
LIB_OBJS += query.o
LIB_OBJS += rules.o
LIB_OBJS += rules-check.o
LIB_OBJS += sat.o
LIB_OBJS += strbuf.o
LIB_OBJS += srccache.o
LIB_OBJS += symbol.o
LIB_OBJS += tree.o
LIB_OBJS += value.o
LIB_OBJS += xalloc.o

CMD_OBJS += cmd-check.o
CMD_OBJS += cmd-cnf.o
CMD_OBJS += cmd-diff.o
CMD_OBJS += cmd-dump.o
CMD_OBJS += cmd-help.o
CMD_OBJS += cmd-implies.o
CMD_OBJS += cmd-lint.o
CMD_OBJS += cmd-matrix.o
CMD_OBJS += cmd-patch.o
CMD_OBJS += cmd-verify.o
CMD_OBJS += cmd-why.o
CMD_OBJS += cmd-whynot.o
CMD_OBJS += cmd-sat.o
CMD_OBJS += main.o

UNIT_TESTS = $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))

ifeq ($(V),1)
Q =
msg = @true
else
Q = @
msg = @printf '  %-7s %s\n' $(1) $(2)
endif

.PHONY: all asan deps test-deps check demo clean unit cli fuzz integration bench
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

$(1)/libkcsat.a: $$(addprefix $(1)/obj/,$$(LIB_OBJS))
	$$(call msg,AR,$$@)
	$$(Q)rm -f $$@ && ar rcs $$@ $$^

$(1)/kcsat: $$(addprefix $(1)/obj/,$$(CMD_OBJS)) $(1)/libkcsat.a
	$$(call msg,LD,$$@)
	$$(Q)$$(CC) $$(CFLAGS) $(2) -o $$@ $$^ $$(LDLIBS)

$(1)/unit/%: $(1)/tobj/unit/%.o $(1)/libkcsat.a
	$$(call msg,LD,$$@)
	@mkdir -p $$(@D)
	$$(Q)$$(CC) $$(CFLAGS) $(2) -o $$@ $$^ $$(LDLIBS) -lcmocka

$(1)/fuzz_parse_replay: $(1)/tobj/fuzz/fuzz_parse.o $(1)/tobj/fuzz/replay.o $(1)/libkcsat.a
	$$(call msg,LD,$$@)
	$$(Q)$$(CC) $$(CFLAGS) $(2) -o $$@ $$^ $$(LDLIBS)
endef

$(eval $(call build_rules,$(B),))
$(eval $(call build_rules,$(ASAN_B),$(SAN)))

asan: $(ASAN_B)/kcsat

deps:
	@tests/setup-deps.sh build

test-deps:
	@tests/setup-deps.sh test

# Test suites; each takes the build directory to test as BUILD=.
BUILD ?= $(B)
unit: $(addprefix $(BUILD)/unit/,$(UNIT_TESTS))
	@tests/run-unit.sh $(BUILD) $(UNIT_TESTS)

cli: $(BUILD)/kcsat
	@tests/run-cli.sh $(BUILD)/kcsat

fuzz: $(BUILD)/fuzz_parse_replay
	@$(BUILD)/fuzz_parse_replay tests/fuzz/corpus

integration: $(BUILD)/kcsat
	@tests/integration/run.sh $(BUILD)/kcsat

check: test-deps
	@$(MAKE) --no-print-directory all asan $(B)/fuzz_parse_replay $(ASAN_B)/fuzz_parse_replay
	@tests/check.sh

demo: deps
	@$(MAKE) --no-print-directory all
	@tests/demo.sh $(B)/kcsat

bench: all
	@bench/load.sh $(B)/kcsat

clean:
	rm -rf $(B)

-include $(shell find $(B) -name '*.d' 2>/dev/null)
