/* kconfig/confdata.c: .config files read (every line kind of the kernel's
 * format, later lines overriding earlier ones, every error at its line,
 * files that are not regular refused without blocking) and written (the
 * "is not set" comments, string escapes, transitional values in a comment
 * conf ignores), and what is written reads back the same. */
#include "unit.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kconfig/confdata.h"
#include "util/xalloc.h"

struct cfx {
	struct fx *fx;
	struct config c, back;
	char path[512];
	char *out;		/* what config_write_file() wrote */
};

static int cfx_setup(void **state)
{
	struct cfx *t = calloc(1, sizeof(*t));
	void *fx;

	if (!t || fx_setup(&fx)) {
		free(t);
		return -1;
	}
	t->fx = fx;
	fx_mkdtemp(t->fx);
	*state = t;
	return 0;
}

static int cfx_teardown(void **state)
{
	struct cfx *t = *state;
	void *fx = t->fx;

	config_release(&t->c);
	config_release(&t->back);
	free(t->out);
	free(t);
	return fx_teardown(&fx);
}

#define CTEST(fn) cmocka_unit_test_setup_teardown(fn, cfx_setup, cfx_teardown)

/* Write text to the temporary directory's file name and read it into c. */
static bool rd(struct cfx *t, const char *name, const char *text)
{
	fx_write(t->fx, name, text);
	snprintf(t->path, sizeof(t->path), "%s/%s", t->fx->tmpdir, name);
	return config_read(t->path, &t->c);
}

static const char *errors(struct cfx *t)
{
	return cap_text(&t->fx->cap);
}

/* The text config_write_file() makes of c. */
static const char *wr(struct cfx *t, const struct config *c, const char *header)
{
	size_t len = 0;
	FILE *f;

	free(t->out);
	t->out = NULL;
	f = open_memstream(&t->out, &len);
	assert_non_null(f);
	config_write_file(f, c, header);
	assert_int_equal(fclose(f), 0);
	return t->out;
}

static void assert_entry(const struct config *c, const char *name, const char *value,
			 bool is_string, unsigned line)
{
	const struct config_entry *e = config_find(c, name);

	assert_non_null(e);
	assert_string_equal(e->name, name);
	assert_string_equal(e->value, value);
	assert_int_equal(e->is_string, is_string);
	assert_false(e->unwritten);
	assert_int_equal(e->loc.line, line);
}

static void test_every_line_kind(void **state)
{
	struct cfx *t = *state;

	assert_true(rd(t, ".config",
		"#\n"
		"# Automatically generated file; DO NOT EDIT.\n"
		"#\n"
		"CONFIG_64BIT=y\n"
		"CONFIG_E1000=m\n"
		"# CONFIG_DEBUG_KERNEL is not set\n"
		"\n"
		"CONFIG_NR_CPUS=64\n"
		"CONFIG_PHYSICAL_START=0x1000000\n"
		"CONFIG_LOCALVERSION=\"\"\n"
		"CONFIG_CMDLINE=\"root=\\\"/dev/sda1\\\" c:\\\\x\"\n"
		"CONFIG_RAW=n\n"));
	assert_string_equal(errors(t), "");
	assert_int_equal(t->c.v.n, 8);
	assert_entry(&t->c, "64BIT", "y", false, 4);
	assert_entry(&t->c, "E1000", "m", false, 5);
	assert_entry(&t->c, "DEBUG_KERNEL", "n", false, 6);
	assert_entry(&t->c, "NR_CPUS", "64", false, 8);
	assert_entry(&t->c, "PHYSICAL_START", "0x1000000", false, 9);
	assert_entry(&t->c, "LOCALVERSION", "", true, 10);
	/* backslash escapes the next character, as conf writes them */
	assert_entry(&t->c, "CMDLINE", "root=\"/dev/sda1\" c:\\x", true, 11);
	/* "=n" is n too (conf never writes it but reads it) */
	assert_entry(&t->c, "RAW", "n", false, 12);
	/* the entries keep their order; the file is named in every loc */
	assert_string_equal(t->c.v.v[0].name, "64BIT");
	assert_string_equal(t->c.v.v[7].name, "RAW");
	assert_string_equal(diag_file_name(t->c.v.v[0].loc.file), t->path);
	assert_null(config_find(&t->c, "MISSING"));
	assert_null(config_find(&t->c, "CONFIG_64BIT"));
}

/* Later lines override earlier ones (conf_read()); every line stays in v. */
static void test_later_lines_win(void **state)
{
	struct cfx *t = *state;

	assert_true(rd(t, ".config",
		"CONFIG_A=y\n"
		"CONFIG_B=m\n"
		"CONFIG_A=n\n"
		"# CONFIG_B is not set\n"
		"CONFIG_B=y\n"));
	assert_int_equal(t->c.v.n, 5);
	assert_entry(&t->c, "A", "n", false, 3);
	assert_entry(&t->c, "B", "y", false, 5);
	assert_ptr_equal(config_find(&t->c, "B"), &t->c.v.v[4]);
}

/* Comments that only look like "is not set" lines, CRLF line ends, a last
 * line without a newline, and a string value with text after its quote. */
static void test_comments_and_line_ends(void **state)
{
	struct cfx *t = *state;

	assert_true(rd(t, ".config",
		"# CONFIG_A is not set, really\r\n"
		"#CONFIG_B is not set\r\n"
		"# CONFIG_C is not set\r\n"
		"CONFIG_D=\"x\"ignored\r\n"
		"CONFIG_E=y"));
	assert_string_equal(errors(t), "");
	assert_int_equal(t->c.v.n, 3);
	assert_null(config_find(&t->c, "A"));
	assert_null(config_find(&t->c, "B"));
	assert_entry(&t->c, "C", "n", false, 3);
	assert_entry(&t->c, "D", "x", true, 4);
	assert_entry(&t->c, "E", "y", false, 5);
}

static void test_empty_file(void **state)
{
	struct cfx *t = *state;

	assert_true(rd(t, ".config", ""));
	assert_int_equal(t->c.v.n, 0);
	assert_null(config_find(&t->c, "A"));
	/* a config that was never indexed finds nothing either */
	assert_null(config_find(&t->back, "A"));
}

/* Every bad line is reported at its line; the result is released. */
static void test_malformed_lines(void **state)
{
	struct cfx *t = *state;
	char want[2400];

	assert_false(rd(t, "bad.config",
		"CONFIG_A=y\n"
		"junk\n"
		"CONFIG_B\n"
		"CONFIG_C=\"never closed\n"
		"CONFIG_D=\"\\\"\n"
		"CONFIG_E=y\n"));
	snprintf(want, sizeof(want),
		 "%s:2: error: malformed line in .config: 'junk'\n"
		 "%s:3: error: malformed line in .config: 'CONFIG_B'\n"
		 "%s:4: error: unterminated string value for CONFIG_C\n"
		 "%s:5: error: unterminated string value for CONFIG_D\n",
		 t->path, t->path, t->path, t->path);
	assert_string_equal(errors(t), want);
	assert_int_equal(diag_error_count(), 4);
	assert_int_equal(t->c.v.n, 0);
	assert_null(config_find(&t->c, "A"));
}

static void test_missing_file(void **state)
{
	struct cfx *t = *state;
	char want[1200];

	snprintf(t->path, sizeof(t->path), "%s/absent.config", t->fx->tmpdir);
	assert_false(config_read(t->path, &t->c));
	snprintf(want, sizeof(want), "kcsat: error: cannot open '%s': %s\n", t->path, strerror(ENOENT));
	assert_string_equal(errors(t), want);
}

/* A directory and a FIFO are refused at once: a FIFO nobody writes to
 * must not block the read (issue 17). */
static void test_not_a_regular_file(void **state)
{
	struct cfx *t = *state;
	char want[2400];

	assert_false(config_read(t->fx->tmpdir, &t->c));
	snprintf(t->path, sizeof(t->path), "%s/fifo", t->fx->tmpdir);
	assert_int_equal(mkfifo(t->path, 0600), 0);
	assert_false(config_read(t->path, &t->c));
	snprintf(want, sizeof(want),
		 "kcsat: error: cannot open '%s': %s\n"
		 "kcsat: error: cannot open '%s': not a regular file\n",
		 t->fx->tmpdir, strerror(EISDIR), t->path);
	assert_string_equal(errors(t), want);
}

static void push(struct config *c, const char *name, const char *value, bool is_string,
		 bool unwritten)
{
	struct config_entry e = { xstrdup(name), xstrdup(value), is_string, unwritten, { 0, 0 } };

	vec_push(c->v, e);
}

/* The writer's format: the header, n as conf's comment, strings quoted
 * with '"' and '\' escaped, everything else as it is. */
static void test_write(void **state)
{
	struct cfx *t = *state;
	struct config c = { 0 };

	push(&c, "A", "y", false, false);
	push(&c, "B", "n", false, false);
	push(&c, "C", "m", false, false);
	push(&c, "N", "-12", false, false);
	push(&c, "H", "0xffffffffffffffff", false, false);
	push(&c, "S", "say \"hi\" \\o/", true, false);
	push(&c, "E", "", true, false);
	push(&c, "NSTR", "n", true, false);
	config_index(&c);
	assert_string_equal(wr(t, &c, "# header\n#\n"),
		"# header\n"
		"#\n"
		"CONFIG_A=y\n"
		"# CONFIG_B is not set\n"
		"CONFIG_C=m\n"
		"CONFIG_N=-12\n"
		"CONFIG_H=0xffffffffffffffff\n"
		"CONFIG_S=\"say \\\"hi\\\" \\\\o/\"\n"
		"CONFIG_E=\"\"\n"
		"CONFIG_NSTR=\"n\"\n");
	/* no header: the entries first */
	assert_true(!strncmp(wr(t, &c, NULL), "CONFIG_A=y\n# CONFIG_B is not set\n", 32));
	config_release(&c);
}

/* Transitional values conf reads and never writes: in a comment block at
 * the top that conf ignores ("#   CONFIG_", not "# CONFIG_"), left out when
 * they are n or an empty string; none of them among the entries. */
static void test_write_unwritten(void **state)
{
	struct cfx *t = *state;
	struct config c = { 0 };

	push(&c, "A", "y", false, false);
	push(&c, "OLD_BOOL", "y", false, true);
	push(&c, "OLD_N", "n", false, true);
	push(&c, "OLD_EMPTY", "", true, true);
	push(&c, "OLD_STR", "v\"1", true, true);
	config_index(&c);
	assert_string_equal(wr(t, &c, "# h\n"),
		"# h\n"
		"# Made from an old .config with these transitional values\n"
		"# (conf reads them and never writes them):\n"
		"#   CONFIG_OLD_BOOL=y\n"
		"#   CONFIG_OLD_STR=\"v\\\"1\"\n"
		"CONFIG_A=y\n");
	/* read back, the comment block is only comments */
	fx_write(t->fx, "w.config", t->out);
	snprintf(t->path, sizeof(t->path), "%s/w.config", t->fx->tmpdir);
	assert_true(config_read(t->path, &t->back));
	assert_int_equal(t->back.v.n, 1);
	assert_entry(&t->back, "A", "y", false, 6);
	/* nothing to note: no comment block */
	config_release(&c);
	memset(&c, 0, sizeof(c));
	push(&c, "OLD_N", "n", false, true);
	config_index(&c);
	assert_string_equal(wr(t, &c, NULL), "");
	config_release(&c);
}

/* What the writer writes reads back as the same entries. */
static void test_round_trip(void **state)
{
	struct cfx *t = *state;

	assert_true(rd(t, "in.config",
		"CONFIG_A=y\n"
		"# CONFIG_B is not set\n"
		"CONFIG_C=\"\\\\\\\"\\x\"\n"
		"CONFIG_D=0x10\n"
		"CONFIG_E=\"\"\n"
		"CONFIG_F=\"tab\there\"\n"
		"CONFIG_A=m\n"));
	fx_write(t->fx, "out.config", wr(t, &t->c, "# again\n"));
	snprintf(t->path, sizeof(t->path), "%s/out.config", t->fx->tmpdir);
	assert_true(config_read(t->path, &t->back));
	assert_int_equal(t->back.v.n, t->c.v.n);
	for (size_t i = 0; i < t->c.v.n; i++) {
		assert_string_equal(t->back.v.v[i].name, t->c.v.v[i].name);
		assert_string_equal(t->back.v.v[i].value, t->c.v.v[i].value);
		assert_int_equal(t->back.v.v[i].is_string, t->c.v.v[i].is_string);
		assert_int_equal(t->back.v.v[i].loc.line, i + 2);
	}
	assert_entry(&t->back, "C", "\\\"x", true, 4);
	assert_entry(&t->back, "A", "m", false, 8);
}

/* The heading conf_write() puts on top names the arch and version;
 * config_heading() reads it alone, and only where config_read() does
 * (found by fuzz_config: a long line read in pieces made one). */
static void test_heading(void **state)
{
	struct cfx *t = *state;
	char *arch, *version, line[700];

	assert_true(rd(t, "h.config",
		"#\n# Automatically generated file; DO NOT EDIT.\n"
		"# Linux/x86_64 6.12.118 Kernel Configuration\n#\nCONFIG_A=y\n"));
	assert_string_equal(t->c.header_arch, "x86_64");
	assert_string_equal(t->c.header_version, "6.12.118");
	assert_int_equal(t->c.header.line, 3);
	config_heading(t->path, &arch, &version);
	assert_string_equal(arch, "x86_64");
	assert_string_equal(version, "6.12.118");
	free(arch);
	free(version);

	memset(line, 'x', sizeof(line));
	memcpy(line, "# ", 2);
	snprintf(line + 509, sizeof(line) - 509, "# Linux/x86 6.12.0 Kernel Configuration\nCONFIG_A=y\n");
	config_release(&t->c);
	assert_true(rd(t, "long.config", line));
	assert_null(t->c.header_arch);
	config_heading(t->path, &arch, &version);
	assert_null(arch);
	assert_null(version);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		CTEST(test_every_line_kind),
		CTEST(test_later_lines_win),
		CTEST(test_comments_and_line_ends),
		CTEST(test_empty_file),
		CTEST(test_malformed_lines),
		CTEST(test_missing_file),
		CTEST(test_not_a_regular_file),
		CTEST(test_write),
		CTEST(test_write_unwritten),
		CTEST(test_round_trip),
		CTEST(test_heading),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
