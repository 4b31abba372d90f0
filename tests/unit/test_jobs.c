/* util/jobs.c: outputs and results in item order whatever the number of
 * workers; a worker that dies (killed, crashed, exited before its result)
 * is an error naming the item, never a silently missing one; the
 * temporary files go, also when the parent is killed. */
#include "unit.h"

#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util/jobs.h"

static const char *const names[] = { "alpha", "beta", "gamma", "delta", "eps", "zeta", "eta" };
#define N (sizeof(names) / sizeof(names[0]))

struct run {
	const char *die;	/* per item: 0 ok, 'k' SIGKILL, 'x' _exit(5), 's' sleep */
	char merged[N][64];
	unsigned nmerged;
	const char *marker;	/* 's': create this file, then sleep */
};

static int job(size_t i, void *ctx, FILE *out, struct strbuf *result)
{
	const struct run *r = ctx;

	switch (r->die ? r->die[i] : 0) {
	case 'k':
		raise(SIGKILL);
		break;
	case 'x':
		_exit(5);
	case 's': {
		FILE *f = fopen(r->marker, "w");

		if (f)
			fclose(f);
		for (;;)
			pause();
	}
	}
	/* later items finish first: the order must come from the runner */
	usleep((useconds_t)((N - i) * 2000));
	if (i % 3 != 1)		/* some items print nothing */
		fprintf(out, "out %s\n", names[i]);
	sb_addf(result, "res\t%s", names[i]);
	return i == 4 ? EXIT_NO : EXIT_OK;
}

static void merge(void *ctx, size_t i, const char *result)
{
	struct run *r = ctx;

	snprintf(r->merged[i], sizeof(r->merged[i]), "%s", result);
	r->nmerged++;
}

static int run_jobs(struct run *r, int procs, char **out)
{
	size_t len = 0;
	FILE *f = open_memstream(out, &len);
	struct job_spec js = {
		.n = N, .what = "arch", .names = names, .procs = procs,
		.run = job, .merge = merge, .ctx = r, .sep = "--\n", .out = f,
	};
	int rc = jobs_run(&js);

	fclose(f);
	return rc;
}

static void test_order_and_results(void **state)
{
	struct fx *fx = *state;
	static const char want[] = "out alpha\n--\nout gamma\n--\nout delta\n--\nout zeta\n--\nout eta\n";

	(void)fx;
	for (int procs = 1; procs <= 4; procs++) {
		struct run r = { 0 };
		char *out = NULL;

		assert_int_equal(run_jobs(&r, procs, &out), EXIT_NO);	/* the worst */
		assert_string_equal(out, want);
		assert_int_equal(r.nmerged, N);
		for (size_t i = 0; i < N; i++) {
			char w[64];

			snprintf(w, sizeof(w), "res\t%s", names[i]);
			assert_string_equal(r.merged[i], w);
		}
		free(out);
	}
	assert_string_equal(cap_text(&fx->cap), "");
}

static void test_killed_worker_names_its_arch(void **state)
{
	struct fx *fx = *state;
	struct run r = { .die = "\0\0k\0\0\0\0" };
	char *out = NULL;

	assert_int_equal(run_jobs(&r, 2, &out), EXIT_ERROR);
	assert_contains(cap_text(&fx->cap), "kcsat: error: arch gamma: worker killed by signal 9");
	/* the other worker took the rest: every other arch is merged */
	assert_int_equal(r.nmerged, N - 1);
	assert_string_equal(r.merged[2], "");
	assert_string_equal(r.merged[6], "res\teta");
	assert_null(strstr(out, "gamma"));
	free(out);
}

static void test_exit_without_result(void **state)
{
	struct fx *fx = *state;
	struct run r = { .die = "\0\0\0\0\0x\0" };
	char *out = NULL;

	assert_int_equal(run_jobs(&r, 3, &out), EXIT_ERROR);
	assert_contains(cap_text(&fx->cap),
			"kcsat: error: arch zeta: worker exited with status 5 before its result");
	assert_int_equal(r.nmerged, N - 1);
	free(out);
}

/* Every worker dies on its first item: those never reached are named too. */
static void test_no_worker_left(void **state)
{
	struct fx *fx = *state;
	struct run r = { .die = "kkkkkkk" };
	char *out = NULL;
	const char *t, *p;
	int killed = 0, notrun = 0;

	assert_int_equal(run_jobs(&r, 2, &out), EXIT_ERROR);
	t = cap_text(&fx->cap);
	for (p = t; (p = strstr(p, "worker killed by signal 9")); p++)
		killed++;
	for (p = t; (p = strstr(p, "not run: no worker was left to take it")); p++)
		notrun++;
	assert_int_equal(killed, 2);
	assert_int_equal(notrun, (int)N - 2);
	assert_int_equal(r.nmerged, 0);
	free(out);
}

static bool dir_is_empty(const char *dir)
{
	struct strbuf cmd = STRBUF_INIT;
	FILE *p;
	char line[256];
	bool empty;

	sb_addf(&cmd, "ls -A '%s'", dir);
	p = popen(sb_str(&cmd), "r");
	assert_non_null(p);
	empty = !fgets(line, sizeof(line), p);
	pclose(p);
	sb_release(&cmd);
	return empty;
}

/* Temporary files live under $TMPDIR and go, after a normal run and when
 * the parent is stopped by SIGTERM while its workers run. */
static void test_temp_files_removed(void **state)
{
	struct fx *fx = *state;
	struct strbuf tmp = STRBUF_INIT, marker = STRBUF_INIT;
	const char *old = getenv("TMPDIR");
	char *saved = old ? strdup(old) : NULL;
	struct run r = { 0 };
	char *out = NULL;
	pid_t pid;
	int status;

	fx_mkdtemp(fx);
	sb_addf(&tmp, "%s/tmp", fx->tmpdir);
	sb_addf(&marker, "%s/started", fx->tmpdir);
	assert_int_equal(mkdir(sb_str(&tmp), 0700), 0);
	setenv("TMPDIR", sb_str(&tmp), 1);
	assert_int_equal(run_jobs(&r, 3, &out), EXIT_NO);
	free(out);
	assert_true(dir_is_empty(sb_str(&tmp)));

	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct run s = { .die = "sssssss", .marker = sb_str(&marker) };
		char *o = NULL;

		run_jobs(&s, 2, &o);
		_exit(0);	/* not reached: the workers never finish */
	}
	for (int waited = 0; access(sb_str(&marker), F_OK); waited++) {
		assert_true(waited < 1000);	/* 10 s */
		usleep(10000);
	}
	assert_false(dir_is_empty(sb_str(&tmp)));
	kill(pid, SIGTERM);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGTERM);
	assert_true(dir_is_empty(sb_str(&tmp)));

	if (saved)
		setenv("TMPDIR", saved, 1);
	else
		unsetenv("TMPDIR");
	free(saved);
	sb_release(&tmp);
	sb_release(&marker);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(test_order_and_results),
		FX_TEST(test_killed_worker_names_its_arch),
		FX_TEST(test_exit_without_result),
		FX_TEST(test_no_worker_left),
		FX_TEST(test_temp_files_removed),
	};

	unit_init();
	return cmocka_run_group_tests_name("jobs", tests, NULL, NULL);
}
