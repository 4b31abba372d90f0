/* Replays fuzz inputs without libFuzzer: every regular file below the
 * directories (or the files) named on the command line is passed to
 * LLVMFuzzerTestOneInput once, each in its own child process so that a
 * crash, a sanitizer report, a leak found at exit or a hang fails that input
 * alone and the others still run.  Prints one line per failure and a final
 * "N passed, N failed"; exits 1 if any input failed, 2 on a usage error.
 *
 * REPLAY_NOFORK=1 runs every input in this process instead (for gdb).
 * REPLAY_TIMEOUT=N bounds each input (seconds, default 20). */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned passed, failed;
static int nofork;
static unsigned timeout_s = 20;

/* The whole file in an exact-size buffer (ASan then catches any read past
 * the input's end).  Returns NULL on error. */
static uint8_t *read_input(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	long len;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET))
		goto out;
	buf = malloc(len ? (size_t)len : 1);
	if (buf && fread(buf, 1, (size_t)len, f) != (size_t)len) {
		free(buf);
		buf = NULL;
	}
	*size = (size_t)len;
out:
	fclose(f);
	return buf;
}

static int run_one(const char *path)
{
	uint8_t *data;
	size_t size = 0;

	data = read_input(path, &size);
	if (!data) {
		fprintf(stderr, "replay: cannot read %s: %s\n", path, strerror(errno));
		return 1;
	}
	LLVMFuzzerTestOneInput(data, size);
	free(data);
	return 0;
}

static void replay_file(const char *path)
{
	pid_t pid;
	int status;

	if (nofork) {
		if (run_one(path)) {
			printf("FAIL: %s (unreadable)\n", path);
			failed++;
		} else {
			passed++;
		}
		return;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		perror("replay: fork");
		exit(2);
	}
	if (pid == 0) {
		alarm(timeout_s);
		/* exit(), not _exit(): LeakSanitizer checks at exit. */
		exit(run_one(path));
	}
	if (waitpid(pid, &status, 0) < 0) {
		perror("replay: waitpid");
		exit(2);
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		passed++;
		return;
	}
	failed++;
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
		printf("FAIL: %s (timed out after %us)\n", path, timeout_s);
	else if (WIFSIGNALED(status))
		printf("FAIL: %s (killed by signal %d)\n", path, WTERMSIG(status));
	else
		printf("FAIL: %s (exit status %d)\n", path, WEXITSTATUS(status));
}

static int skip_name(const struct dirent *de)
{
	return de->d_name[0] != '.';
}

static void replay_path(const char *path)
{
	struct stat st;
	struct dirent **names;
	int n;

	if (stat(path, &st)) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		printf("FAIL: %s (missing)\n", path);
		failed++;
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		replay_file(path);
		return;
	}
	n = scandir(path, &names, skip_name, alphasort);
	if (n < 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		failed++;
		return;
	}
	for (int i = 0; i < n; i++) {
		size_t len = strlen(path) + strlen(names[i]->d_name) + 2;
		char *sub = malloc(len);

		if (!sub)
			abort();
		snprintf(sub, len, "%s/%s", path, names[i]->d_name);
		replay_path(sub);
		free(sub);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	const char *e;

	if (argc < 2) {
		fprintf(stderr, "usage: %s DIR|FILE...\n", argv[0]);
		return 2;
	}
	nofork = (e = getenv("REPLAY_NOFORK")) && *e && strcmp(e, "0");
	if ((e = getenv("REPLAY_TIMEOUT")) && atoi(e) > 0)
		timeout_s = (unsigned)atoi(e);
	for (int i = 1; i < argc; i++)
		replay_path(argv[i]);
	printf("%u passed, %u failed\n", passed, failed);
	return failed ? 1 : 0;
}
