#include "util/cleanup.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "util/xalloc.h"

#define MAX_ENTRIES 1024

enum kind { FREE, PATH, DIR_PATH, PID };

struct entry {
	volatile sig_atomic_t kind;
	int dirfd;
	char *name;
	pid_t pid;
};

static struct entry entries[MAX_ENTRIES];
static pid_t owner;		/* the process that installed the handlers */
static const int signals[] = { SIGINT, SIGTERM, SIGHUP };

static void on_signal(int sig)
{
	/* workers first, so that none writes into a directory being removed */
	for (size_t i = MAX_ENTRIES; i-- > 0;)
		if (entries[i].kind == PID)
			kill(entries[i].pid, SIGTERM);
	for (size_t i = MAX_ENTRIES; i-- > 0;)
		if (entries[i].kind == PATH || entries[i].kind == DIR_PATH)
			unlinkat(entries[i].dirfd, entries[i].name,
				 entries[i].kind == DIR_PATH ? AT_REMOVEDIR : 0);
	signal(sig, SIG_DFL);
	raise(sig);
}

void cleanup_install(void)
{
	struct sigaction sa;

	owner = getpid();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigfillset(&sa.sa_mask);	/* one handler run at a time */
	for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
		struct sigaction old;

		/* a signal ignored by whoever started us stays ignored */
		if (!sigaction(signals[i], NULL, &old) && old.sa_handler == SIG_IGN)
			continue;
		sigaction(signals[i], &sa, NULL);
	}
}

/* The table changes with the signals blocked: the handler never sees a
 * half-made entry. */
static int add(enum kind kind, int dirfd, const char *name, pid_t pid)
{
	sigset_t all, old;
	int h = -1;

	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	for (int i = 0; i < MAX_ENTRIES && h < 0; i++)
		if (entries[i].kind == FREE) {
			entries[i].dirfd = dirfd;
			entries[i].name = name ? xstrdup(name) : NULL;
			entries[i].pid = pid;
			entries[i].kind = (sig_atomic_t)kind;
			h = i;
		}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return h;
}

int cleanup_add_path(int dirfd, const char *name, bool dir)
{
	return add(dir ? DIR_PATH : PATH, dirfd, name, 0);
}

int cleanup_add_pid(pid_t pid)
{
	return add(PID, -1, NULL, pid);
}

void cleanup_done(int h)
{
	sigset_t all, old;
	char *name;

	if (h < 0 || h >= MAX_ENTRIES)
		return;
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	entries[h].kind = FREE;
	name = entries[h].name;
	entries[h].name = NULL;
	sigprocmask(SIG_SETMASK, &old, NULL);
	free(name);
}

void cleanup_child(void)
{
	for (int i = 0; i < MAX_ENTRIES; i++) {
		entries[i].kind = FREE;
		free(entries[i].name);
		entries[i].name = NULL;
	}
	for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
		struct sigaction old;

		if (!sigaction(signals[i], NULL, &old) && old.sa_handler == on_signal)
			signal(signals[i], SIG_DFL);
	}
	/* a parent killed by SIGKILL runs no handler: the kernel tells us */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (owner && getppid() != owner)	/* it died before prctl() */
		_exit(1);
}
