/* A memoizing stand-in for the C compiler, so the ~100 $(shell,...) probes
 * of each conf run are answered from a cache after the first run: the same
 * arguments (and standard input, when a "-" argument reads it) give the
 * same stdout, stderr, exit code and -o output file.  A temporary -o path
 * (cc-option's .tmp_$$/tmp.o, mktemp names) does not take part in the key.
 * Real compiler: $KCSAT_REAL_CC (gcc).  Cache directory: $KCSAT_CC_CACHE.
 * Test tooling only: it lets the fidelity tests run conf hundreds of times. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static uint64_t h = 1469598103934665603ull;

static void hash(const void *p, size_t n)
{
	const unsigned char *c = p;

	while (n--)
		h = (h ^ *c++) * 1099511628211ull;
}

static char *slurp(FILE *f, size_t *n)
{
	char *buf = NULL;
	size_t cap = 0, len = 0, r;

	do {
		if (len + 65536 > cap)
			buf = realloc(buf, cap = cap * 2 + 65536);
		r = fread(buf + len, 1, cap - len, f);
		len += r;
	} while (r > 0);
	*n = len;
	return buf;
}

static int put(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		return -1;
	fwrite(data, 1, n, f);
	return fclose(f);
}

static char *get(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *d;

	if (!f)
		return NULL;
	d = slurp(f, n);
	fclose(f);
	return d;
}

int main(int argc, char **argv)
{
	const char *real = getenv("KCSAT_REAL_CC"), *cache = getenv("KCSAT_CC_CACHE");
	const char *outfile = NULL;
	char dir[4096], path[4200], tmpdir[4200];
	char *in = NULL, *out, *err, *file, *rcs;
	size_t nin = 0, nout, nerr, nfile, nrc;
	int reads_stdin = 0, rc;

	if (!real)
		real = "gcc";
	hash(real, strlen(real) + 1);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-"))
			reads_stdin = 1;
		if (i > 1 && !strcmp(argv[i - 1], "-o") && strcmp(argv[i], "/dev/null") &&
		    strcmp(argv[i], "-")) {
			outfile = argv[i];
			hash("OUTFILE", 8);
			continue;
		}
		hash(argv[i], strlen(argv[i]) + 1);
	}
	if (reads_stdin)
		in = slurp(stdin, &nin);
	hash(in ? in : "", nin);
	snprintf(dir, sizeof(dir), "%s/%016llx", cache ? cache : "/tmp/kcsat-cc-memo",
		 (unsigned long long)h);
	snprintf(path, sizeof(path), "%s/rc", dir);
	rcs = get(path, &nrc);
	if (!rcs) {
		/* miss: run the compiler with the output captured */
		int pin[2], po = -1, pe = -1;
		char tout[] = "/tmp/kcsat-ccmXXXXXX", terr[] = "/tmp/kcsat-cceXXXXXX";
		pid_t pid;
		int status;

		po = mkstemp(tout);
		pe = mkstemp(terr);
		if (pipe(pin) || po < 0 || pe < 0)
			return 127;
		pid = fork();
		if (pid == 0) {
			dup2(pin[0], 0);
			dup2(po, 1);
			dup2(pe, 2);
			close(pin[1]);
			argv[0] = (char *)real;
			execvp(real, argv);
			_exit(127);
		}
		close(pin[0]);
		if (nin && write(pin[1], in, nin) < 0)
			;
		close(pin[1]);
		waitpid(pid, &status, 0);
		rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
		out = get(tout, &nout);
		err = get(terr, &nerr);
		unlink(tout);
		unlink(terr);
		file = outfile ? get(outfile, &nfile) : NULL;
		snprintf(tmpdir, sizeof(tmpdir), "%s.%d", dir, (int)getpid());
		if (cache)
			mkdir(cache, 0777);
		if (!mkdir(tmpdir, 0777)) {
			char p2[4300], rcbuf[16];

			snprintf(p2, sizeof(p2), "%s/out", tmpdir);
			put(p2, out, nout);
			snprintf(p2, sizeof(p2), "%s/err", tmpdir);
			put(p2, err, nerr);
			if (file) {
				snprintf(p2, sizeof(p2), "%s/file", tmpdir);
				put(p2, file, nfile);
			}
			snprintf(rcbuf, sizeof(rcbuf), "%d", rc);
			snprintf(p2, sizeof(p2), "%s/rc", tmpdir);
			put(p2, rcbuf, strlen(rcbuf));
			if (rename(tmpdir, dir)) {
				snprintf(p2, sizeof(p2), "rm -rf '%s'", tmpdir);
				if (system(p2))
					;
			}
		}
	} else {
		rc = atoi(rcs);
		snprintf(path, sizeof(path), "%s/out", dir);
		out = get(path, &nout);
		snprintf(path, sizeof(path), "%s/err", dir);
		err = get(path, &nerr);
		snprintf(path, sizeof(path), "%s/file", dir);
		file = outfile ? get(path, &nfile) : NULL;
		if (file)
			put(outfile, file, nfile);
	}
	if (out)
		fwrite(out, 1, nout, stdout);
	if (err)
		fwrite(err, 1, nerr, stderr);
	return rc;
}
