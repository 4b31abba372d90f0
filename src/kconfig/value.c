#include "kconfig/value.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig/dialect.h"

enum kind { K_STRING, K_SIGNED, K_UNSIGNED };

union sval {
	long long s;
	unsigned long long u;
};

static enum kind parse(const char *str, enum sym_type type, union sval *val)
{
	char *tail;
	enum kind kind;

	errno = 0;
	switch (type) {
	case S_BOOLEAN:
	case S_TRISTATE:
		val->s = !strcmp(str, "n") ? 0 : !strcmp(str, "m") ? 1 : !strcmp(str, "y") ? 2 : -1;
		return K_SIGNED;
	case S_INT:
		val->s = strtoll(str, &tail, 10);
		kind = K_SIGNED;
		break;
	case S_HEX:
		val->u = strtoull(str, &tail, 16);
		kind = K_UNSIGNED;
		break;
	default:
		val->s = strtoll(str, &tail, 0);
		kind = K_SIGNED;
		break;
	}
	return !errno && !*tail && tail > str && isxdigit((unsigned char)tail[-1]) ? kind : K_STRING;
}

int value_compare(enum expr_type op, const char *s1, enum sym_type t1,
		  const char *s2, enum sym_type t2)
{
	enum kind k1 = K_STRING, k2 = K_STRING;
	union sval l = { 0 }, r = { 0 };
	int res;

	if (t1 != S_STRING || t2 != S_STRING) {
		k1 = parse(s1, t1, &l);
		k2 = parse(s2, t2, &r);
	}
	if (k1 == K_STRING || k2 == K_STRING) {
		res = strcmp(s1, s2);
		res = (res > 0) - (res < 0);
	} else if (k1 == K_UNSIGNED || k2 == K_UNSIGNED) {
		res = (l.u > r.u) - (l.u < r.u);
	} else {
		res = (l.s > r.s) - (l.s < r.s);
	}
	switch (op) {
	case E_EQUAL: return res ? 0 : 2;
	case E_UNEQUAL: return res ? 2 : 0;
	case E_LTH: return res < 0 ? 2 : 0;
	case E_LEQ: return res <= 0 ? 2 : 0;
	case E_GTH: return res > 0 ? 2 : 0;
	case E_GEQ: return res >= 0 ? 2 : 0;
	default: return 0;
	}
}

static long long range_val(const char *v, enum sym_type type, int base)
{
	if (type == S_INT)
		base = 10;
	else if (type == S_HEX)
		base = 16;
	return strtoll(v, NULL, base);
}

const char *value_clamp(const char *v, enum sym_type type,
			const char *lo, enum sym_type lo_type,
			const char *hi, enum sym_type hi_type)
{
	int base = type == S_HEX ? 16 : 10;
	long long val;

	if (type != S_INT && type != S_HEX)
		return v;
	val = strtoll(v, NULL, base);
	if (val < range_val(lo, lo_type, base))
		return lo;
	if (val > range_val(hi, hi_type, base))
		return hi;
	return v;
}

const char *value_empty(enum sym_type type, int kversion)
{
	if (!dialect_at(kversion, DR_INT_HEX_ZERO))
		return "";
	return type == S_INT ? "0" : type == S_HEX ? "0x0" : "";
}

bool value_valid(enum sym_type type, const char *v)
{
	const char *p = v;

	switch (type) {
	case S_INT:
		if (*p == '-')
			p++;
		if (!isdigit((unsigned char)*p))
			return false;
		if (*p == '0' && p[1])
			return false;
		for (; *p; p++)
			if (!isdigit((unsigned char)*p))
				return false;
		return true;
	case S_HEX:
		if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
			p += 2;
		if (!*p)
			return false;
		for (; *p; p++)
			if (!isxdigit((unsigned char)*p))
				return false;
		return true;
	default:
		return true;
	}
}
