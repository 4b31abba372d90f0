/* Minimal JSON emission helpers (escaping is the only subtle part). */
#ifndef KCSAT_JSON_H
#define KCSAT_JSON_H

#include <stdio.h>

/* A JSON string literal, quotes included; NULL prints null. */
void json_str(FILE *f, const char *s);

#endif
