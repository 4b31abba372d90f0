/* Findings: ordering, fingerprints, baselines and output; see
 * include/findings.h. */
#include "check/findings.h"

#include <stdarg.h>
#include <stdint.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util/diag.h"
#include "util/json.h"
#include "util/srccache.h"
#include "util/outfile.h"
#include "util/strbuf.h"
#include "util/textout.h"
#include "util/xalloc.h"

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

struct finding *finding_add(struct findings *fs, const char *check, enum finding_level level,
			    const char *file, unsigned line, const char *symbol, const char *key)
{
	struct finding *f = xcalloc(1, sizeof(*f));

	f->check = check;
	f->level = level;
	f->file = dup_or_null(file);
	f->line = line;
	f->symbol = dup_or_null(symbol && *symbol ? symbol : NULL);
	f->key = xstrdup(key ? key : "");
	vec_push(fs->v, f);
	return f;
}

static char *vformat(const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT;
	va_list aq;
	int n;
	char *buf;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	buf = xmalloc((size_t)n + 1);
	vsnprintf(buf, (size_t)n + 1, fmt, ap);
	sb_release(&sb);
	return buf;
}

void finding_set_message(struct finding *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	free(f->message);
	f->message = vformat(fmt, ap);
	va_end(ap);
}

void finding_add_evidence(struct finding *f, const char *fmt, ...)
{
	va_list ap;
	char *text, *save = NULL;

	va_start(ap, fmt);
	text = vformat(fmt, ap);
	va_end(ap);
	/* one entry per line */
	for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
		vec_push(f->evidence, xstrdup(l));
	free(text);
}

void finding_set_class(struct finding *f, const char *cls)
{
	free(f->cls);
	f->cls = cls && *cls ? xstrdup(cls) : NULL;
}

void finding_add_arch(struct finding *f, const char *arch)
{
	for (size_t i = 0; i < f->arches.n; i++)
		if (!strcmp(f->arches.v[i], arch))
			return;
	vec_push(f->arches, xstrdup(arch));
}

/* ---- order and fingerprints ---- */

static int cmp_str(const char *a, const char *b)
{
	if (!a || !b)	/* NULL last */
		return a == b ? 0 : a ? -1 : 1;
	return strcmp(a, b);
}

static int finding_cmp(const void *pa, const void *pb)
{
	const struct finding *a = *(struct finding *const *)pa, *b = *(struct finding *const *)pb;
	int c;

	if ((c = cmp_str(a->file, b->file)))
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if ((c = strcmp(a->check, b->check)))
		return c;
	return strcmp(a->key, b->key);
}

static uint64_t fnv(uint64_t h, const char *s)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
	return (h ^ 0xff) * 0x100000001b3ull;	/* field separator */
}

void findings_finish(struct findings *fs)
{
	if (fs->v.n)	/* qsort's base must not be NULL, even for 0 items */
		qsort(fs->v.v, fs->v.n, sizeof(*fs->v.v), finding_cmp);
	for (size_t i = 0; i < fs->v.n; i++) {
		struct finding *f = fs->v.v[i];
		uint64_t h = 0xcbf29ce484222325ull;

		/* no line numbers: a finding keeps its fingerprint when lines
		 * above it come and go */
		h = fnv(h, f->check);
		h = fnv(h, f->file);
		h = fnv(h, f->key);
		snprintf(f->fingerprint, sizeof(f->fingerprint), "%016llx", (unsigned long long)h);
	}
}

static void finding_free(struct finding *f)
{
	free(f->file);
	free(f->cls);
	free(f->symbol);
	free(f->selector);
	free(f->message);
	free(f->key);
	strvec_free_all(&f->evidence);
	strvec_free_all(&f->arches);
	for (size_t i = 0; i < f->witnesses.n; i++) {
		free(f->witnesses.v[i].arch);
		free(f->witnesses.v[i].path);
		free(f->witnesses.v[i].fragment);
	}
	vec_release(f->witnesses);
	free(f);
}

void findings_release(struct findings *fs)
{
	for (size_t i = 0; i < fs->v.n; i++)
		finding_free(fs->v.v[i]);
	vec_release(fs->v);
	strvec_free_all(&fs->unknown);
}

/* "x86, arm64" */
static void unknown_list(FILE *out, const struct findings *fs)
{
	for (size_t i = 0; i < fs->unknown.n; i++)
		fprintf(out, "%s%s", i ? ", " : "", fs->unknown.v[i]);
}

static const char unknown_text[] = "unknown: solver budget exhausted on arch ";
static const char unknown_tail[] = "; no findings reported (see --sat-budget)";

size_t findings_count(const struct findings *fs, enum finding_level level)
{
	size_t n = 0;

	for (size_t i = 0; i < fs->v.n; i++)
		n += fs->v.v[i]->level == level;
	return n;
}

/* ---- baselines ---- */

bool findings_write_baseline(const struct findings *fs, const char *path)
{
	struct outfile of;
	FILE *f;

	if (!outfile_open(&of, path))
		return false;
	f = of.f;
	fputs("# kcsat baseline: one finding per line, fingerprint first (see kcsat(1), BASELINES)\n", f);
	for (size_t i = 0; i < fs->v.n; i++) {
		const struct finding *x = fs->v.v[i];

		fprintf(f, "%s %s %s: %s\n", x->fingerprint, x->check, x->file ? x->file : "-", x->message);
	}
	return outfile_commit(&of);
}

int findings_apply_baseline(struct findings *fs, const char *path)
{
	FILE *f = src_fopen(path);
	strvec fps = { 0 };
	char line[4096];
	uint32_t file;
	unsigned lineno = 0;
	int dropped = 0;
	size_t keep = 0;

	if (!f) {
		diag_fatal("cannot read baseline '%s': %s", path, src_strerror(errno));
		return -1;
	}
	file = diag_file_intern(path);
	while (fgets(line, sizeof(line), f)) {
		size_t n = strspn(line, "0123456789abcdef");

		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (n != 16 || (line[16] != ' ' && line[16] != '\n')) {
			diag_error((struct loc){ file, lineno }, "not a baseline line (16 hex digits first)");
			strvec_free_all(&fps);
			fclose(f);
			return -1;
		}
		vec_push(fps, xstrndup(line, 16));
	}
	fclose(f);
	strvec_sort(&fps);
	for (size_t i = 0; i < fs->v.n; i++) {
		const char *key = fs->v.v[i]->fingerprint;

		if (strvec_has_sorted(&fps, key)) {
			finding_free(fs->v.v[i]);
			dropped++;
		} else {
			fs->v.v[keep++] = fs->v.v[i];
		}
	}
	fs->v.n = keep;
	strvec_free_all(&fps);
	return dropped;
}

/* ---- output ---- */

static const char *level_name(enum finding_level l)
{
	return l == LEVEL_NOTE ? "note" : "warning";
}

static void print_text(FILE *out, const struct findings *fs)
{
	for (size_t i = 0; i < fs->v.n; i++) {
		const struct finding *f = fs->v.v[i];

		if (f->file)
			fprintf(out, "%s:%u: ", f->file, f->line);
		fprintf(out, "%s: %s [%s%s%s]\n", level_name(f->level), f->message, f->check,
			f->cls ? ":" : "", f->cls ? f->cls : "");
		for (size_t k = 0; k < f->evidence.n; k++)
			fprintf(out, "\t%s\n", f->evidence.v[k]);
		for (size_t k = 0; k < f->witnesses.n; k++)
			fprintf(out, "\twitness (%s%s%s): %s\n", f->witnesses.v[k].arch,
				f->witnesses.v[k].bits ? " " : "",
				f->witnesses.v[k].bits == 64 ? "64-bit" : f->witnesses.v[k].bits == 32 ? "32-bit" : "",
				f->witnesses.v[k].path);
		for (size_t k = 0; k < f->witnesses.n; k++)
			if (f->witnesses.v[k].fragment)
				fprintf(out, "\tfragment (%s%s%s): %s\n", f->witnesses.v[k].arch,
					f->witnesses.v[k].bits ? " " : "",
					f->witnesses.v[k].bits == 64 ? "64-bit" :
					f->witnesses.v[k].bits == 32 ? "32-bit" : "",
					f->witnesses.v[k].fragment);
	}
}

static void print_unknown_text(FILE *out, const struct findings *fs)
{
	if (!fs->unknown.n)
		return;
	fputs(unknown_text, out);
	unknown_list(out, fs);
	fprintf(out, "%s\n", unknown_tail);
}

static void print_json(FILE *out, const struct findings *fs)
{
	struct json j;

	json_init(&j, out);
	json_object(&j);
	json_key(&j, "findings");
	json_array_layout(&j, JSON_LINES | JSON_LINES_END);
	for (size_t i = 0; i < fs->v.n; i++) {
		const struct finding *f = fs->v.v[i];

		json_object(&j);
		json_kstring(&j, "check", f->check);
		if (f->cls)
			json_kstring(&j, "class", f->cls);
		json_kstring(&j, "level", level_name(f->level));
		json_kstring(&j, "file", f->file);
		json_kuint(&j, "line", f->line);
		json_kstring(&j, "symbol", f->symbol);
		if (f->selector)
			json_kstring(&j, "selector", f->selector);
		json_kstring(&j, "message", f->message);
		json_key(&j, "arches");
		json_strings(&j, f->arches.v, f->arches.n);
		json_key(&j, "evidence");
		json_strings(&j, f->evidence.v, f->evidence.n);
		json_karray(&j, "witnesses");
		for (size_t k = 0; k < f->witnesses.n; k++) {
			json_object(&j);
			json_kstring(&j, "arch", f->witnesses.v[k].arch);
			json_kint(&j, "bits", f->witnesses.v[k].bits);
			json_kstring(&j, "config", f->witnesses.v[k].path);
			if (f->witnesses.v[k].fragment)
				json_kstring(&j, "fragment", f->witnesses.v[k].fragment);
			json_end(&j);
		}
		json_end(&j);
		json_kstring(&j, "fingerprint", f->fingerprint);
		json_end(&j);
	}
	json_end(&j);
	json_kuint(&j, "warnings", findings_count(fs, LEVEL_WARNING));
	json_kuint(&j, "notes", findings_count(fs, LEVEL_NOTE));
	if (fs->unknown.n) {	/* the arches whose answers are unknown */
		json_key(&j, "unknown");
		json_strings(&j, fs->unknown.v, fs->unknown.n);
	}
	json_end(&j);
	json_finish(&j);
	fputc('\n', out);
}

static void sarif_text(struct json *j, const struct finding *f)
{
	struct strbuf sb = STRBUF_INIT;

	sb_adds(&sb, f->message);
	for (size_t k = 0; k < f->evidence.n; k++)
		sb_addf(&sb, "\n  %s", f->evidence.v[k]);
	json_kobject(j, "message");
	json_kstring(j, "text", sb_str(&sb));
	json_end(j);
	sb_release(&sb);
}

/* {"text": s} as the value of key */
static void sarif_message(struct json *j, const char *key, const char *s)
{
	json_kobject(j, key);
	json_kstring(j, "text", s);
	json_end(j);
}

static void print_sarif(FILE *out, const struct findings *fs, const struct check_doc *docs,
			size_t ndocs)
{
	struct json j;

	json_init(&j, out);
	json_object(&j);
	json_kstring(&j, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
	json_kstring(&j, "version", "2.1.0");
	json_karray(&j, "runs");
	json_object(&j);
	json_kobject(&j, "tool");
	json_kobject(&j, "driver");
	json_kstring(&j, "name", "kcsat");
	json_kstring(&j, "informationUri",
		     "https://www.kernel.org/doc/html/latest/kbuild/kconfig-language.html");
	json_key(&j, "rules");
	json_array_layout(&j, JSON_LINES);
	for (size_t r = 0; r < ndocs; r++) {
		json_object(&j);
		json_kstring(&j, "id", docs[r].name);
		sarif_message(&j, "shortDescription", docs[r].summary);
		sarif_message(&j, "fullDescription", docs[r].summary);
		sarif_message(&j, "help", docs[r].help ? docs[r].help : "");
		json_end(&j);
	}
	json_end(&j);	/* rules */
	json_end(&j);	/* driver */
	json_end(&j);	/* tool */
	json_kstring(&j, "columnKind", "utf16CodeUnits");
	json_key(&j, "results");
	json_array_layout(&j, JSON_LINES | JSON_LINES_END);
	for (size_t i = 0; i < fs->v.n; i++) {
		const struct finding *f = fs->v.v[i];
		size_t rule = 0;

		while (rule < ndocs && strcmp(docs[rule].name, f->check))
			rule++;
		json_object(&j);
		json_kstring(&j, "ruleId", f->check);
		if (rule < ndocs)
			json_kuint(&j, "ruleIndex", rule);
		json_kstring(&j, "level", level_name(f->level));
		sarif_text(&j, f);
		if (f->file) {
			json_karray(&j, "locations");
			json_object(&j);
			json_kobject(&j, "physicalLocation");
			json_kobject(&j, "artifactLocation");
			json_kstring(&j, "uri", f->file);
			json_kstring(&j, "uriBaseId", "SRCROOT");
			json_end(&j);
			json_kobject(&j, "region");
			json_kuint(&j, "startLine", f->line ? f->line : 1);
			json_end(&j);
			json_end(&j);	/* physicalLocation */
			json_end(&j);
			json_end(&j);	/* locations */
		}
		json_kobject(&j, "partialFingerprints");
		json_kstring(&j, "kcsat/v1", f->fingerprint);
		json_end(&j);
		json_kobject(&j, "properties");
		if (f->cls)
			json_kstring(&j, "class", f->cls);
		json_key(&j, "arches");
		json_strings(&j, f->arches.v, f->arches.n);
		json_end(&j);
		json_end(&j);
	}
	json_end(&j);	/* results */
	if (fs->unknown.n) {
		char *msg = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&msg, &len);

		if (m) {
			print_unknown_text(m, fs);
			fclose(m);
		}
		json_karray(&j, "invocations");
		json_object(&j);
		json_kbool(&j, "executionSuccessful", false);
		json_karray(&j, "toolExecutionNotifications");
		json_object(&j);
		json_kstring(&j, "level", "error");
		sarif_message(&j, "message", msg ? msg : "unknown: solver budget exhausted");
		json_end(&j);
		json_end(&j);
		json_end(&j);
		json_end(&j);
		free(msg);
	}
	json_end(&j);	/* the run */
	json_end(&j);	/* runs */
	json_end(&j);
	json_finish(&j);
	fputc('\n', out);
}

/* Workflow commands: %, CR and LF escaped; in properties also : and ,.
 * Any other control character (util/textout.h, C1 ones in UTF-8 too) as
 * %XX a byte, which GitHub shows as it is. */
static void gh_escape(FILE *out, const char *s, bool prop)
{
	size_t n = s ? strlen(s) : 0, len;

	for (size_t i = 0; i < n; i += len) {
		char c = s[i];

		if (textout_scan(s + i, n - i, true, &len) == TEXTOUT_CONTROL || c == '%' ||
		    c == '\n' || (prop && (c == ':' || c == ','))) {
			for (size_t k = 0; k < len; k++)
				fprintf(out, "%%%02X", (unsigned char)s[i + k]);	/* never raw */
		} else {
			fwrite(s + i, 1, len, out);
		}
	}
}

static void print_github(FILE *out, const struct findings *fs)
{
	for (size_t i = 0; i < fs->v.n; i++) {
		const struct finding *f = fs->v.v[i];

		fprintf(out, "::%s ", f->level == LEVEL_NOTE ? "notice" : "warning");
		if (f->file) {
			fputs("file=", out);
			gh_escape(out, f->file, true);
			fprintf(out, ",line=%u,", f->line);
		}
		fputs("title=kcsat ", out);
		gh_escape(out, f->check, true);
		fputs("::", out);
		gh_escape(out, f->message, false);
		for (size_t k = 0; k < f->evidence.n; k++) {
			fputs("%0A  ", out);
			gh_escape(out, f->evidence.v[k], false);
		}
		fputc('\n', out);
	}
}

void findings_print(FILE *out, const struct findings *fs, enum findings_format fmt,
		    const struct check_doc *docs, size_t ndocs, const char *tree)
{
	(void)tree;
	switch (fmt) {
	case FF_TEXT: print_text(out, fs); print_unknown_text(out, fs); break;
	case FF_JSON: print_json(out, fs); break;
	case FF_SARIF: print_sarif(out, fs, docs, ndocs); break;
	case FF_GITHUB:
		print_github(out, fs);
		if (fs->unknown.n) {
			fputs("::error title=kcsat::", out);
			print_unknown_text(out, fs);
		}
		break;
	}
}
