/* Helpers of the fuzz targets (fuzz.h). */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char temp_path[4096];

void fuzz_quiet(void)
{
	static FILE *devnull;

	if (devnull || getenv("FUZZ_VERBOSE"))
		return;
	devnull = fopen("/dev/null", "w");
	if (!devnull)
		abort();
	diag_set_stream(devnull);
}

static void remove_temp(void)
{
	if (temp_path[0])
		unlink(temp_path);
}

const char *fuzz_temp_file(const uint8_t *data, size_t size, const char *suffix)
{
	static int fd = -1;
	size_t done = 0;

	if (fd < 0) {
		const char *dir = getenv("TMPDIR");

		snprintf(temp_path, sizeof(temp_path), "%s/kcsat-fuzz-XXXXXX%s",
			 dir && *dir ? dir : "/tmp", suffix);
		fd = mkstemps(temp_path, (int)strlen(suffix));
		if (fd < 0) {
			perror("fuzz: mkstemps");
			abort();
		}
		atexit(remove_temp);
	}
	if (ftruncate(fd, 0))
		abort();
	while (done < size) {
		ssize_t w = pwrite(fd, data + done, size - done, (off_t)done);

		if (w <= 0)
			abort();
		done += (size_t)w;
	}
	return temp_path;
}

void fuzz_agree(bool ok, const struct diag_scope *s)
{
	if (ok != !s->nerrors) {
		fprintf(stderr, "fuzz: reader says %s after %u error(s)\n",
			ok ? "success" : "failure", s->nerrors);
		abort();
	}
}

void fuzz_reset(void)
{
	diag_files_release();
	diag_reset_counts();
}
