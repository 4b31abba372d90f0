/* The job runner; see include/util/jobs.h.
 *
 * With several workers, item i leaves three files in the run's directory:
 *   i.run   the number of the worker that took it (written first)
 *   i.out   what the job printed
 *   i.res   its exit code on the first line, then its result (renamed
 *           into place from i.tmp once complete, so a worker killed while
 *           writing leaves no half result)
 * An item with i.run and no i.res is the one its worker died on. */
#include "util/jobs.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "util/diag.h"
#include "util/srccache.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

enum { F_RUN, F_OUT, F_TMP, F_RES, NFILES };
static const char *const suffix[NFILES] = { "run", "out", "tmp", "res" };

/* ---- the status line (job_spec.progress) ---- */

static bool progress_on;	/* a run with progress is under way */
static const char spinner[] = "|/-\\";

bool jobs_progress_active(void)
{
	return progress_on;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The terminal's width, less one column so the line never wraps. */
static size_t line_width(void)
{
	struct winsize ws;

	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
		return (size_t)ws.ws_col - 1;
	return 79;
}

static const char *item_name(const struct job_spec *js, size_t i, char *buf, size_t size)
{
	if (js->names)
		return js->names[i];
	snprintf(buf, size, "%zu", i);
	return buf;
}

/* Draw "kcsat: WHAT DONE/N done, running: A, B  Ts S", cut to the width
 * of the terminal (the time and spinner always shown). */
static void draw(const char *head, const char *list, double elapsed, unsigned tick)
{
	struct strbuf line = STRBUF_INIT;
	char tail[48];
	size_t width = line_width(), room;

	snprintf(tail, sizeof(tail), "  %.0fs %c", elapsed, spinner[tick % 4]);
	room = width > strlen(tail) ? width - strlen(tail) : 0;
	sb_addf(&line, "\r\033[K%s%s", head, list);
	if (line.len - 4 > room) {	/* "\r\033[K" takes no column */
		line.len = room > 3 ? room + 4 - 3 : 4;
		line.buf[line.len] = 0;
		sb_adds(&line, "...");
	}
	sb_adds(&line, tail);
	fputs(sb_str(&line), stderr);
	fflush(stderr);
	sb_release(&line);
}

static void clear_line(void)
{
	fputs("\r\033[K", stderr);
	fflush(stderr);
}

/* In one process: a timer redraws the item's line.  The handler only
 * formats into a static buffer and write()s it (async-signal-safe); the
 * item's part of the line is swapped with SIGALRM blocked. */
static struct {
	char head[512];		/* "\r\033[Kkcsat: arch 3/21: x86" */
	struct timespec start;
	unsigned tick;
	struct sigaction old;
} here;

static void on_alarm(int sig)
{
	struct timespec ts;
	char buf[600], num[24];
	size_t n = 0, k = 0;
	long secs;

	(void)sig;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	secs = (long)(ts.tv_sec - here.start.tv_sec);
	for (const char *p = here.head; *p && n < sizeof(buf) - 40; p++)
		buf[n++] = *p;
	buf[n++] = ' ', buf[n++] = ' ';
	do
		num[k++] = (char)('0' + secs % 10);
	while ((secs /= 10) && k < sizeof(num));
	while (k)
		buf[n++] = num[--k];
	buf[n++] = 's', buf[n++] = ' ';
	buf[n++] = spinner[here.tick++ % 4];
	if (write(STDERR_FILENO, buf, n) < 0)
		return;
}

static void here_start(void)
{
	struct sigaction sa;
	struct itimerval it = { { 0, 250000 }, { 0, 250000 } };

	here.head[0] = 0;
	here.tick = 0;
	clock_gettime(CLOCK_MONOTONIC, &here.start);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, &here.old);
	setitimer(ITIMER_REAL, &it, NULL);
}

static void here_item(const struct job_spec *js, size_t i)
{
	sigset_t block, old;
	char idx[32];
	size_t width = line_width();

	sigemptyset(&block);
	sigaddset(&block, SIGALRM);
	sigprocmask(SIG_BLOCK, &block, &old);
	snprintf(here.head, sizeof(here.head), "\r\033[Kkcsat: %s %zu/%zu: %s", js->what, i + 1, js->n,
		 item_name(js, i, idx, sizeof(idx)));
	if (width > 16 && strlen(here.head) > width - 12 + 4)	/* room for "  NNNs S" */
		here.head[width - 12 + 4] = 0;
	sigprocmask(SIG_SETMASK, &old, NULL);
	on_alarm(SIGALRM);	/* at once, not a tick later */
}

static void here_stop(void)
{
	struct itimerval off = { { 0, 0 }, { 0, 0 } };

	setitimer(ITIMER_REAL, &off, NULL);
	sigaction(SIGALRM, &here.old, NULL);
	clear_line();
}

static int worst(int a, int b)
{
	return a == EXIT_ERROR || b == EXIT_ERROR ? EXIT_ERROR : a > b ? a : b;
}

static void emit(FILE *out, const char *text, size_t len, const char *sep, bool *any)
{
	if (!len)
		return;
	if (*any && sep)
		fputs(sep, out);
	fwrite(text, 1, len, out);
	*any = true;
}

static int run_here(const struct job_spec *js, FILE *out)
{
	struct strbuf res = STRBUF_INIT;
	bool any = false;
	int rc = EXIT_OK;

	if (js->progress)
		here_start();
	for (size_t i = 0; i < js->n; i++) {
		char *buf = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);

		sb_reset(&res);
		if (js->progress)
			here_item(js, i);
		rc = worst(rc, js->run(i, js->ctx, mem, &res));
		fclose(mem);
		if (js->progress && len) {	/* the output on a clean line, no tick inside */
			sigset_t block, old;

			sigemptyset(&block);
			sigaddset(&block, SIGALRM);
			sigprocmask(SIG_BLOCK, &block, &old);
			clear_line();
			emit(out, buf, len, js->sep, &any);
			fflush(out);
			sigprocmask(SIG_SETMASK, &old, NULL);
		} else {
			emit(out, buf, len, js->sep, &any);
		}
		free(buf);
		if (js->merge)
			js->merge(js->ctx, i, sb_str(&res));
	}
	if (js->progress)
		here_stop();
	sb_release(&res);
	return rc;
}

/* ---- the run's state, also for the signal handler ---- */

static struct {
	char dir[4096];
	char **paths;		/* NFILES per item, computed before any signal */
	size_t npaths;
	pid_t *pids;
	int nprocs;
	struct sigaction old[3];
} run;

static const int stop_signals[3] = { SIGINT, SIGTERM, SIGHUP };

/* Only async-signal-safe calls: kill, unlink, rmdir, sigaction, raise. */
static void on_signal(int sig)
{
	for (int k = 0; k < run.nprocs; k++)
		if (run.pids[k] > 0)
			kill(run.pids[k], SIGKILL);
	for (size_t i = 0; i < run.npaths; i++)
		unlink(run.paths[i]);
	rmdir(run.dir);
	for (int k = 0; k < 3; k++)
		if (stop_signals[k] == sig)
			sigaction(sig, &run.old[k], NULL);
	raise(sig);
}

static void catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (int k = 0; k < 3; k++)
		sigaddset(&sa.sa_mask, stop_signals[k]);
	for (int k = 0; k < 3; k++) {
		sigaction(stop_signals[k], NULL, &run.old[k]);
		/* a signal ignored by whoever started us (nohup, a background
		 * job of sh) stays ignored, as in cleanup.c */
		if (run.old[k].sa_handler != SIG_IGN)
			sigaction(stop_signals[k], &sa, NULL);
	}
}

static void restore_signals(void)
{
	for (int k = 0; k < 3; k++)
		sigaction(stop_signals[k], &run.old[k], NULL);
}

static const char *path(size_t i, int kind)
{
	return run.paths[i * NFILES + (size_t)kind];
}

static bool make_dir(void)
{
	const char *tmp = getenv("TMPDIR");

	if (!tmp || !*tmp)
		tmp = "/tmp";
	if ((size_t)snprintf(run.dir, sizeof(run.dir), "%s/kcsat-jobs-XXXXXX", tmp) >= sizeof(run.dir) ||
	    !mkdtemp(run.dir)) {
		diag_fatal("cannot create a temporary directory in '%s' for --jobs: %s", tmp,
			   strerror(errno));
		return false;
	}
	return true;
}

static void remove_files(void)
{
	for (size_t i = 0; i < run.npaths; i++)
		unlink(run.paths[i]);
	rmdir(run.dir);
	for (size_t i = 0; i < run.npaths; i++)
		free(run.paths[i]);
	free(run.paths);
	free(run.pids);
	run.paths = NULL;
	run.npaths = 0;
	run.pids = NULL;
	run.nprocs = 0;
}

static bool write_file(const char *p, const char *a, const char *b)
{
	FILE *f = fopen(p, "w");
	bool ok;

	if (!f)
		return false;
	fputs(a, f);
	fputs(b, f);
	ok = !ferror(f);
	return !fclose(f) && ok;
}

/* A worker: items from the queue until it is empty; never returns. */
static void worker(const struct job_spec *js, int k, int queue, pid_t parent)
{
	struct strbuf res = STRBUF_INIT;
	char num[32];
	uint32_t i;

	for (int s = 0; s < 3; s++)	/* the parent cleans up, not each worker */
		sigaction(stop_signals[s], &run.old[s], NULL);
#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
	if (getppid() != parent)	/* it died before the line above */
		_exit(EXIT_ERROR);
	snprintf(num, sizeof(num), "%d\n", k);
	/* reads of 4 bytes written 4 at a time are never split */
	while (read(queue, &i, sizeof(i)) == (ssize_t)sizeof(i)) {
		FILE *out;
		int rc;

		if (i >= js->n || !write_file(path(i, F_RUN), num, ""))
			_exit(EXIT_ERROR);
		out = fopen(path(i, F_OUT), "w");
		if (!out)
			_exit(EXIT_ERROR);
		sb_reset(&res);
		rc = js->run(i, js->ctx, out, &res);
		if (fclose(out))
			_exit(EXIT_ERROR);
		snprintf(num, sizeof(num), "%d\n", rc);
		if (!write_file(path(i, F_TMP), num, sb_str(&res)) ||
		    rename(path(i, F_TMP), path(i, F_RES)))
			_exit(EXIT_ERROR);
		snprintf(num, sizeof(num), "%d\n", k);
	}
	fflush(NULL);
	_exit(EXIT_OK);
}

static void describe_death(const struct job_spec *js, size_t i, const int *status)
{
	char idx[32], *text;
	const char *name = js->names ? js->names[i] : idx;
	size_t len;
	long k = -1;

	snprintf(idx, sizeof(idx), "%zu", i);
	if ((text = read_whole_file(path(i, F_RUN), &len))) {
		char *end;

		k = strtol(text, &end, 10);
		if (end == text || *end != '\n' || k < 0 || k >= run.nprocs)
			k = -1;
		free(text);
	}
	if (k < 0) {
		diag_fatal("%s %s: not run: no worker was left to take it", js->what, name);
	} else if (WIFSIGNALED(status[k])) {
		int sig = WTERMSIG(status[k]);

		diag_fatal("%s %s: worker killed by signal %d (%s)", js->what, name, sig, strsignal(sig));
	} else {
		diag_fatal("%s %s: worker exited with status %d before its result", js->what, name,
			   WIFEXITED(status[k]) ? WEXITSTATUS(status[k]) : -1);
	}
}

/* Item i's files: output emitted, result merged; false if it has none. */
static bool collect(const struct job_spec *js, size_t i, FILE *out, bool *any, int *rc)
{
	size_t len = 0;
	char *res = read_whole_file(path(i, F_RES), &len), *nl, *end;
	long jrc;

	if (!res)
		return false;
	jrc = strtol(res, &end, 10);
	nl = end;
	if (end == res || *nl != '\n' || jrc < 0 || jrc > 255) {
		free(res);
		return false;
	}
	{
		size_t olen = 0;
		char *text = read_whole_file(path(i, F_OUT), &olen);

		if (text)
			emit(out, text, olen, js->sep, any);
		free(text);
	}
	*rc = worst(*rc, (int)jrc);
	if (js->merge)
		js->merge(js->ctx, i, nl + 1);
	free(res);
	return true;
}

static bool exists(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0;
}

/* The parent while the workers run: reap them (run.pids[k] = 0 once
 * reaped) and redraw the status line from the items' files. */
static void wait_drawing(const struct job_spec *js, int *status)
{
	struct strbuf head = STRBUF_INIT, list = STRBUF_INIT;
	const struct timespec pause = { 0, 100000000 };	/* 10 redraws a second */
	double start = now();
	unsigned tick = 0;
	int left = run.nprocs;

	while (left > 0) {
		size_t done = 0;
		char idx[32];

		for (int k = 0; k < run.nprocs; k++) {
			pid_t r;

			if (run.pids[k] <= 0)
				continue;
			r = waitpid(run.pids[k], &status[k], WNOHANG);
			if (r == run.pids[k] || (r < 0 && errno != EINTR)) {
				run.pids[k] = 0;
				left--;
			}
		}
		sb_reset(&list);
		for (size_t i = 0; i < js->n; i++) {
			if (exists(path(i, F_RES)))
				done++;
			else if (exists(path(i, F_RUN)))
				sb_addf(&list, "%s%s", list.len ? ", " : "running: ",
					item_name(js, i, idx, sizeof(idx)));
		}
		sb_reset(&head);
		sb_addf(&head, "kcsat: %s %zu/%zu done%s", js->what, done, js->n, list.len ? ", " : "");
		if (left > 0) {
			draw(sb_str(&head), sb_str(&list), now() - start, tick++);
			nanosleep(&pause, NULL);
		}
	}
	clear_line();
	sb_release(&head);
	sb_release(&list);
}

static int run_workers(const struct job_spec *js, FILE *out, int procs)
{
	int queue[2] = { -1, -1 }, *status, rc = EXIT_OK;
	pid_t parent = getpid();
	bool any = false;

	if (!make_dir())
		return EXIT_ERROR;
	run.npaths = js->n * NFILES;
	run.paths = xcalloc(run.npaths, sizeof(char *));
	for (size_t i = 0; i < js->n; i++)
		for (int f = 0; f < NFILES; f++) {
			struct strbuf p = STRBUF_INIT;

			sb_addf(&p, "%s/%zu.%s", run.dir, i, suffix[f]);
			run.paths[i * NFILES + (size_t)f] = sb_detach(&p);
		}
	run.pids = xcalloc((size_t)procs, sizeof(pid_t));
	status = xcalloc((size_t)procs, sizeof(int));
	if (pipe(queue) < 0 || fcntl(queue[1], F_SETFL, O_NONBLOCK) < 0) {
		diag_fatal("cannot create a pipe for --jobs: %s", strerror(errno));
		rc = EXIT_ERROR;
		goto out;
	}
	/* the whole queue before the workers start: it must fit the pipe */
	for (uint32_t i = 0; i < (uint32_t)js->n; i++)
		if (write(queue[1], &i, sizeof(i)) != (ssize_t)sizeof(i)) {
			diag_fatal("cannot queue %zu jobs: %s", js->n, strerror(errno));
			rc = EXIT_ERROR;
			goto out;
		}
	close(queue[1]);
	queue[1] = -1;
	catch_signals();
	fflush(NULL);
	for (int k = 0; k < procs; k++) {
		pid_t pid = fork();

		if (pid < 0) {
			diag_fatal("cannot start a worker for --jobs: %s", strerror(errno));
			rc = EXIT_ERROR;
			break;
		}
		if (pid == 0)
			worker(js, k, queue[0], parent);
		run.pids[k] = pid;
		run.nprocs = k + 1;
	}
	close(queue[0]);
	queue[0] = -1;
	if (js->progress)
		wait_drawing(js, status);
	for (int k = 0; k < run.nprocs; k++)
		while (run.pids[k] > 0 && waitpid(run.pids[k], &status[k], 0) < 0 && errno == EINTR)
			;
	for (size_t i = 0; i < js->n; i++)
		if (!collect(js, i, out, &any, &rc)) {
			describe_death(js, i, status);
			rc = EXIT_ERROR;
		}
	restore_signals();
out:
	if (queue[0] >= 0)
		close(queue[0]);
	if (queue[1] >= 0)
		close(queue[1]);
	free(status);
	remove_files();
	return rc;
}

int jobs_run(const struct job_spec *js)
{
	FILE *out = js->out ? js->out : stdout;
	int procs = js->procs < 1 ? 1 : (size_t)js->procs > js->n ? (int)js->n : js->procs;

	bool was = progress_on;
	int rc;

	progress_on = was || js->progress;
	if (procs <= 1)
		rc = run_here(js, out);
	else
		rc = run_workers(js, out, procs);
	progress_on = was;
	return rc;
}
