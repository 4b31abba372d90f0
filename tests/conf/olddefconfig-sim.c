/* olddefconfig-sim [--kernel X.Y] TREE ARCH OUTDIR CONFIG...: kcsat's
 * olddefconfig simulation (kconfig/confsim.h) of each CONFIG on the tree
 * loaded once for ARCH (- for a tree without arch/; with $(shell,...) run,
 * as conf runs it), written to OUTDIR/<basename of CONFIG> as
 * conf --olddefconfig would write it (without the menu comments).
 * --kernel gives the dialect of a tree without a Makefile, as kcsat's
 * option does.  Exit 2 on an error. */
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig/confdata.h"
#include "kconfig/confsim.h"
#include "kconfig/dialect.h"
#include "kconfig/kconfig.h"
#include "util/strbuf.h"

int main(int argc, char **argv)
{
	struct load_config lc;
	struct kctree *t;
	int rc = 0, kversion = 0;

	if (argc > 2 && !strcmp(argv[1], "--kernel")) {
		if (!dialect_parse_version(argv[2], &kversion)) {
			fprintf(stderr, "%s: --kernel takes a version like 6.1, not '%s'\n", argv[0], argv[2]);
			return 2;
		}
		argv += 2;
		argc -= 2;
	}
	if (argc < 4) {
		fprintf(stderr, "usage: %s [--kernel X.Y] TREE ARCH OUTDIR CONFIG...\n", argv[0]);
		return 2;
	}
	load_config_init(&lc);
	lc.srctree = argv[1];
	lc.shell = SHELL_RUN;
	lc.kversion = kversion;
	t = kctree_load(&lc, strcmp(argv[2], "-") ? argv[2] : NULL);
	load_config_release(&lc);
	if (!t)
		return 2;
	for (int i = 4; i < argc; i++) {
		struct config in, out = { 0 };
		struct confsim *cs = confsim_new(t);
		struct strbuf path = STRBUF_INIT;
		char *dup = strdup(argv[i]);
		FILE *f;

		if (!cs || !dup || !config_read(argv[i], &in)) {
			rc = 2;
		} else {
			confsim_load(cs, &in);
			confsim_result(cs, &out);
			sb_addf(&path, "%s/%s", argv[3], basename(dup));
			if (!(f = fopen(sb_str(&path), "w"))) {
				perror(sb_str(&path));
				rc = 2;
			} else {
				config_write_file(f, &out, NULL);
				if (fclose(f))
					rc = 2;
			}
			config_release(&in);
			config_release(&out);
		}
		sb_release(&path);
		free(dup);
		confsim_free(cs);
	}
	kctree_free(t);
	return rc;
}
