/* Rules in YAML: loading and validation; see include/rules.h.  Every
 * libyaml call of kcsat lives in this file.  libyaml's marks are 0-based;
 * diagnostics add 1 to both line and column. */
#include "check/rules.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "kconfig/kconfig.h"
#include "check/lint.h"
#include "kconfig/parse.h"
#include "util/srccache.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

struct loader {
	yaml_document_t *doc;
	uint32_t file;
	struct rule_set *rs;
	struct kctree *scratch;		/* symbol table for syntax checks */
};

static const char *const kind_keys[] = { "assert", "reachable", "implies", "forbids" };

const char *rule_kind_name(enum rule_kind k)
{
	return kind_keys[k];
}

/* ---- nodes ---- */

static struct loc node_loc(const struct loader *L, const yaml_node_t *n)
{
	return (struct loc){ L->file, (uint32_t)n->start_mark.line + 1 };
}

static unsigned node_col(const yaml_node_t *n)
{
	return (unsigned)n->start_mark.column + 1;
}

static bool node_error(const struct loader *L, const yaml_node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Always false, so a check can `return node_error(...)`. */
static bool node_error(const struct loader *L, const yaml_node_t *n, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_error_col(node_loc(L, n), node_col(n), "%s", msg);
	return false;
}

static yaml_node_t *node(const struct loader *L, int index)
{
	return yaml_document_get_node(L->doc, index);
}

/* A plain string scalar (YAML reads `!x` as a tag: say to quote it). */
static bool scalar(const struct loader *L, const yaml_node_t *n, const char *what,
		   struct rule_text *out)
{
	const char *tag = (const char *)n->tag;
	size_t len;

	if (n->type != YAML_SCALAR_NODE)
		return node_error(L, n, "%s must be a string", what);
	if (tag && strncmp(tag, "tag:yaml.org,2002:", 18))
		return node_error(L, n, "%s: unexpected YAML tag '%s' (quote an expression that starts with '!')",
				  what, tag);
	len = n->data.scalar.length;
	if (memchr(n->data.scalar.value, '\0', len))
		return node_error(L, n, "%s contains a NUL byte", what);
	out->text = xstrndup((const char *)n->data.scalar.value, len);
	out->loc = node_loc(L, n);
	out->col = node_col(n);
	return true;
}

static bool key_is(const struct loader *L, const yaml_node_pair_t *p, const char *name)
{
	const yaml_node_t *k = node(L, p->key);

	return k->type == YAML_SCALAR_NODE && k->data.scalar.length == strlen(name) &&
	       !memcmp(k->data.scalar.value, name, k->data.scalar.length);
}

/* Every key of mapping n is a string among keys[], none twice. */
static bool check_keys(const struct loader *L, const yaml_node_t *n, const char *what,
		       const char *const *keys, size_t nkeys)
{
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = node(L, p->key);
		struct strbuf list = STRBUF_INIT;
		size_t i;

		if (k->type != YAML_SCALAR_NODE || memchr(k->data.scalar.value, '\0', k->data.scalar.length))
			return node_error(L, k, "keys of %s must be strings", what);
		for (yaml_node_pair_t *q = n->data.mapping.pairs.start; q < p; q++)
			if (key_is(L, q, (const char *)k->data.scalar.value))
				return node_error(L, k, "duplicate key '%s' in %s", k->data.scalar.value, what);
		for (i = 0; i < nkeys && !key_is(L, p, keys[i]); i++)
			;
		if (i < nkeys)
			continue;
		for (i = 0; i < nkeys; i++)
			sb_addf(&list, "%s%s", i ? (i + 1 == nkeys ? " or " : ", ") : "", keys[i]);
		node_error(L, k, "unknown key '%s' in %s (expected %s)", k->data.scalar.value, what,
			   sb_str(&list));
		sb_release(&list);
		return false;
	}
	return true;
}

static yaml_node_t *lookup(const struct loader *L, const yaml_node_t *map, const char *key)
{
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++)
		if (key_is(L, p, key))
			return node(L, p->value);
	return NULL;
}

/* ---- expressions ---- */

static const char *empty_vfs(const void *ctx, const char *path, size_t *len)
{
	(void)ctx;
	*len = 0;
	return strcmp(path, "Kconfig") ? NULL : "";
}

/* Syntax only: the expression is parsed against an empty tree, inside a
 * diagnostic scope that reports the parser's message at the YAML scalar. */
static bool check_expr(struct loader *L, const struct rule_text *x, const char *id)
{
	struct diag_scope s = { .at = x->loc, .col = x->col };
	struct strbuf lead = { 0 };
	bool ok;

	if (!L->scratch) {
		struct load_config lo = { .vfs = empty_vfs, .kversion = 612 };

		L->scratch = kctree_load(&lo, NULL);
		if (!L->scratch)
			return false;
	}
	sb_addf(&lead, "bad expression '%s' in rule '%s': ", x->text, id);
	s.lead = sb_str(&lead);
	diag_scope_enter(&s);
	ok = parse_expr_string(L->scratch, x->text) != NULL;
	diag_scope_leave(&s);
	if (!ok && !s.nerrors)
		diag_error_col(x->loc, x->col, "%s", sb_str(&lead));
	sb_release(&lead);
	return ok && !s.nerrors;
}

/* ---- one rule ---- */

static void text_release(struct rule_text *x)
{
	free(x->text);
	x->text = NULL;
}

static void rule_release(struct rule *r)
{
	text_release(&r->id);
	free(r->description);
	text_release(&r->subject);
	for (size_t i = 0; i < r->arches.n; i++)
		text_release(&r->arches.v[i]);
	vec_release(r->arches);
	for (size_t i = 0; i < r->items.n; i++)
		text_release(&r->items.v[i]);
	vec_release(r->items);
}

/* A scalar or a sequence of scalars, at least one. */
static bool text_list(const struct loader *L, const yaml_node_t *n, const char *what, bool exprs,
		      struct rule_texts *out)
{
	struct rule_text x;

	if (n->type == YAML_SCALAR_NODE) {
		if (!scalar(L, n, what, &x))
			return false;
		vec_push(*out, x);
		return true;
	}
	if (n->type != YAML_SEQUENCE_NODE)
		return node_error(L, n, "%s must be %s or a list of them", what,
				  exprs ? "an expression" : "an arch name");
	if (n->data.sequence.items.start == n->data.sequence.items.top)
		return node_error(L, n, "%s is an empty list", what);
	for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++) {
		if (!scalar(L, node(L, *i), what, &x))
			return false;
		vec_push(*out, x);
	}
	return true;
}

/* "all", one arch or a list of them. */
static bool load_arches(const struct loader *L, const yaml_node_t *n, struct rule *r)
{
	if (n->type == YAML_SCALAR_NODE && n->data.scalar.length == 3 &&
	    !memcmp(n->data.scalar.value, "all", 3))
		return true;
	return text_list(L, n, "'arches'", false, &r->arches);
}

/* implies: {symbol, requires} or forbids: {symbol, excludes}. */
static bool load_pair_kind(struct loader *L, const yaml_node_t *n, struct rule *r)
{
	const char *list = r->kind == RULE_IMPLIES ? "requires" : "excludes";
	const char *keys[] = { "symbol", list };
	char what[64];
	const yaml_node_t *s, *l;

	snprintf(what, sizeof(what), "'%s'", kind_keys[r->kind]);
	if (n->type != YAML_MAPPING_NODE)
		return node_error(L, n, "%s must be a mapping with 'symbol' and '%s'", what, list);
	if (!check_keys(L, n, what, keys, 2))
		return false;
	if (!(s = lookup(L, n, "symbol")))
		return node_error(L, n, "%s has no 'symbol'", what);
	if (!(l = lookup(L, n, list)))
		return node_error(L, n, "%s has no '%s'", what, list);
	snprintf(what, sizeof(what), "'%s'", list);
	return scalar(L, s, "'symbol'", &r->subject) && text_list(L, l, what, true, &r->items);
}

static bool valid_id(const char *id)
{
	if (!*id || !((*id >= 'a' && *id <= 'z') || (*id >= 'A' && *id <= 'Z') || (*id >= '0' && *id <= '9')))
		return false;
	return strspn(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") == strlen(id);
}

static bool check_id(const struct loader *L, const yaml_node_t *n, const struct rule *r)
{
	const char *id = r->id.text;

	if (!valid_id(id))
		return node_error(L, n, "bad rule id '%s' (letters, digits, '_', '.' and '-', from a letter or digit)", id);
	if (lint_check_by_name(id) >= 0)
		return node_error(L, n, "rule id '%s' is the name of a lint check", id);
	for (size_t i = 0; i < L->rs->v.n; i++) {
		const struct rule *o = &L->rs->v.v[i];
		char where[512];

		if (!strcmp(o->id.text, id))
			return node_error(L, n, "duplicate rule id '%s' (first at %s:%u)", id,
					  loc_str(o->id.loc, where, sizeof(where)), o->id.col);
	}
	return true;
}

static bool load_fields(struct loader *L, const yaml_node_t *n, struct rule *r)
{
	static const char *const keys[] = { "id", "description", "arches", "assert", "reachable",
					    "implies", "forbids" };
	const yaml_node_t *v, *kind = NULL;
	struct rule_text d = { 0 };

	if (!check_keys(L, n, "a rule", keys, 7))
		return false;
	if (!(v = lookup(L, n, "id")))
		return node_error(L, n, "rule has no 'id'");
	if (!scalar(L, v, "'id'", &r->id) || !check_id(L, v, r))
		return false;
	if (!(v = lookup(L, n, "description")))
		return node_error(L, n, "rule '%s' has no 'description'", r->id.text);
	if (!scalar(L, v, "'description'", &d))
		return false;
	r->description = d.text;
	if ((v = lookup(L, n, "arches")) && !load_arches(L, v, r))
		return false;
	for (int k = RULE_ASSERT; k <= RULE_FORBIDS; k++) {
		const yaml_node_t *x = lookup(L, n, kind_keys[k]);

		if (x && kind)
			return node_error(L, x, "rule '%s' has both '%s' and '%s' (one kind per rule)", r->id.text,
					  kind_keys[r->kind], kind_keys[k]);
		if (x) {
			kind = x;
			r->kind = (enum rule_kind)k;
		}
	}
	if (!kind)
		return node_error(L, n, "rule '%s' has none of assert, reachable, implies, forbids", r->id.text);
	if (r->kind == RULE_ASSERT || r->kind == RULE_REACHABLE)
		return scalar(L, kind, r->kind == RULE_ASSERT ? "'assert'" : "'reachable'", &r->subject);
	return load_pair_kind(L, kind, r);
}

static bool load_rule(struct loader *L, const yaml_node_t *n)
{
	struct rule r = { 0 };
	bool ok;

	if (n->type != YAML_MAPPING_NODE)
		return node_error(L, n, "expected a rule (a mapping with id, description and a kind)");
	r.loc = node_loc(L, n);
	r.col = node_col(n);
	ok = load_fields(L, n, &r) && check_expr(L, &r.subject, r.id.text);
	for (size_t i = 0; ok && i < r.items.n; i++)
		ok = check_expr(L, &r.items.v[i], r.id.text);
	if (ok)
		vec_push(L->rs->v, r);
	else
		rule_release(&r);
	return ok;
}

/* ---- files ---- */

static bool load_document(struct loader *L)
{
	yaml_node_t *root = yaml_document_get_root_node(L->doc);
	bool ok = true;

	if (root->type == YAML_SCALAR_NODE && root->data.scalar.length == 0)
		return true;	/* `---` alone */
	if (root->type != YAML_SEQUENCE_NODE)
		return node_error(L, root, "expected a list of rules ('- id: ...')");
	for (yaml_node_item_t *i = root->data.sequence.items.start; i < root->data.sequence.items.top; i++)
		ok &= load_rule(L, node(L, *i));
	return ok;
}

static void yaml_error(const struct loader *L, const yaml_parser_t *p)
{
	yaml_mark_t m = p->error == YAML_READER_ERROR ? p->mark : p->problem_mark;
	struct loc at = { L->file, (uint32_t)m.line + 1 };

	if (p->error == YAML_MEMORY_ERROR)
		diag_fatal("out of memory reading '%s'", diag_file_name(L->file));
	else if (p->context)
		diag_error_col(at, (unsigned)m.column + 1, "malformed YAML: %s %s", p->problem, p->context);
	else
		diag_error_col(at, (unsigned)m.column + 1, "malformed YAML: %s", p->problem ? p->problem : "error");
}

/* The path findings and baselines name: "./" and doubled slashes out, so
 * `--rules rules`, `--rules ./rules/` give the same fingerprints. */
static const char *clean_path(const char *path, struct strbuf *sb)
{
	const char *p = path;

	if (*p == '/')
		sb_addc(sb, '/');
	while (*p) {
		size_t n;

		p += strspn(p, "/");
		n = strcspn(p, "/");
		if (n && !(n == 1 && *p == '.')) {
			if (sb->len && sb_str(sb)[sb->len - 1] != '/')
				sb_addc(sb, '/');
			sb_add(sb, p, n);
		}
		p += n;
	}
	return sb->len ? sb_str(sb) : path;
}

/* Rules are a few kilobytes, a few levels deep (list, rule, kind, list).
 * The bounds keep hostile YAML cheap: libyaml's scanner takes time
 * quadratic in the nesting depth, so the depth is checked on the events
 * before anything is loaded, stopping at the first level too deep. */
#define RULES_MAX_FILE ((size_t)4 << 20)
#define RULES_MAX_DEPTH 32
#define RULES_MAX_EVENTS 1000000

/* The events of text within the bounds; a YAML error is left for the
 * loader to report. */
static bool yaml_bounded(const struct loader *L, const char *text, size_t len)
{
	yaml_parser_t parser;
	bool ok = true, done = false;
	unsigned depth = 0;
	size_t events = 0;

	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	while (ok && !done) {
		yaml_event_t e;
		struct loc at;

		if (!yaml_parser_parse(&parser, &e))
			break;
		at = (struct loc){ L->file, (uint32_t)e.start_mark.line + 1 };
		if (e.type == YAML_SEQUENCE_START_EVENT || e.type == YAML_MAPPING_START_EVENT) {
			if (++depth > RULES_MAX_DEPTH) {
				diag_error_col(at, (unsigned)e.start_mark.column + 1,
					       "YAML nested deeper than %d levels", RULES_MAX_DEPTH);
				ok = false;
			}
		} else if (e.type == YAML_SEQUENCE_END_EVENT || e.type == YAML_MAPPING_END_EVENT) {
			depth--;
		}
		if (ok && ++events > RULES_MAX_EVENTS) {
			diag_error_col(at, (unsigned)e.start_mark.column + 1,
				       "more than %d YAML nodes", RULES_MAX_EVENTS);
			ok = false;
		}
		done = e.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&e);
	}
	yaml_parser_delete(&parser);
	return ok;
}

static bool load_file(struct loader *L, const char *path)
{
	struct strbuf clean = STRBUF_INIT;
	size_t len = 0;
	char *text = read_file_max(path, RULES_MAX_FILE, &len);
	yaml_parser_t parser;
	bool ok = true;

	if (!text) {
		diag_fatal("cannot read rules '%s': %s", path, errno == SRC_ETOOBIG ?
			   "larger than 4 MiB" : src_strerror(errno));
		return false;
	}
	L->file = diag_file_intern(clean_path(path, &clean));
	sb_release(&clean);
	if (!yaml_bounded(L, text, len)) {
		free(text);
		return false;
	}
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	for (;;) {
		yaml_document_t doc;

		if (!yaml_parser_load(&parser, &doc)) {
			yaml_error(L, &parser);
			ok = false;
			break;
		}
		if (!yaml_document_get_root_node(&doc)) {
			yaml_document_delete(&doc);
			break;
		}
		L->doc = &doc;
		ok &= load_document(L);
		L->doc = NULL;
		yaml_document_delete(&doc);
	}
	yaml_parser_delete(&parser);
	free(text);
	return ok;
}

static bool is_rules_file(const char *name)
{
	size_t n = strlen(name);

	if (name[0] == '.')
		return false;
	return (n > 5 && !strcmp(name + n - 5, ".yaml")) || (n > 4 && !strcmp(name + n - 4, ".yml"));
}

static bool load_dir(struct loader *L, const char *path)
{
	DIR *d = opendir(path);
	strvec names = { 0 };
	struct dirent *e;
	bool ok = true;

	if (!d) {
		diag_fatal("cannot read rules '%s': %s", path, strerror(errno));
		return false;
	}
	while ((e = readdir(d)))
		if (is_rules_file(e->d_name))
			vec_push(names, xstrdup(e->d_name));
	closedir(d);
	if (!names.n) {
		diag_fatal("no rules in '%s' (*.yaml or *.yml files)", path);
		ok = false;
	}
	strvec_sort(&names);
	for (size_t i = 0; i < names.n; i++) {
		struct strbuf p = STRBUF_INIT;

		sb_addf(&p, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", names.v[i]);
		ok &= load_file(L, sb_str(&p));
		sb_release(&p);
		free(names.v[i]);
	}
	vec_release(names);
	return ok;
}

const char *rules_yaml_version(void)
{
	static char v[64];

	if (!v[0])
		snprintf(v, sizeof(v), "libyaml %s", yaml_get_version_string());
	return v;
}

bool rules_load(struct rule_set *rs, const char *path)
{
	struct loader L = { .rs = rs };
	struct stat st;
	bool ok;

	if (!*path || stat(path, &st)) {
		diag_fatal("cannot read rules '%s': %s", path, *path ? strerror(errno) : "empty path");
		return false;
	}
	ok = S_ISDIR(st.st_mode) ? load_dir(&L, path) : load_file(&L, path);
	kctree_free(L.scratch);
	return ok;
}

void rules_release(struct rule_set *rs)
{
	for (size_t i = 0; i < rs->v.n; i++)
		rule_release(&rs->v.v[i]);
	vec_release(rs->v);
}

bool rule_applies(const struct rule *r, const char *arch)
{
	if (!arch || !r->arches.n)
		return true;
	for (size_t i = 0; i < r->arches.n; i++)
		if (!strcmp(r->arches.v[i].text, arch))
			return true;
	return false;
}

bool rules_check_arches(const struct rule_set *rs, char *const *all, size_t n)
{
	bool ok = true;

	for (size_t i = 0; i < rs->v.n; i++)
		for (size_t j = 0; j < rs->v.v[i].arches.n; j++) {
			const struct rule_text *a = &rs->v.v[i].arches.v[j];
			struct strbuf have = STRBUF_INIT;
			size_t k;

			for (k = 0; k < n && strcmp(all[k], a->text); k++)
				sb_addf(&have, "%s%s", k ? " " : "", all[k]);
			if (k < n) {
				sb_release(&have);
				continue;
			}
			diag_error_col(a->loc, a->col, "unknown arch '%s' in rule '%s' (have: %s)", a->text,
				       rs->v.v[i].id.text, sb_str(&have));
			sb_release(&have);
			ok = false;
		}
	return ok;
}
