/* Helper processes; see include/util/helper.h.
 *
 * Two pipes per helper: "go" from the parent (one byte, or its end when
 * the parent closes it), and the result from the helper: its length as a
 * size_t, then the bytes.  A result shorter than its length is a helper
 * that died while writing it. */
#include "util/helper.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "util/strbuf.h"
#include "util/xalloc.h"

struct helper {
	pid_t pid;
	int go[2];	/* parent -> helper */
	int res[2];	/* helper -> parent */
};

void *helper_shared(size_t n)
{
	void *p = mmap(NULL, n ? n : 1, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;	/* anonymous mappings start zeroed */
}

void helper_unshare(void *p, size_t n)
{
	if (p)
		munmap(p, n ? n : 1);
}

static bool write_all(int fd, const void *buf, size_t n)
{
	const char *b = buf;

	while (n) {
		ssize_t k = write(fd, b, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		b += k;
		n -= (size_t)k;
	}
	return true;
}

/* Up to n bytes; how many arrived before the end. */
static size_t read_all(int fd, void *buf, size_t n)
{
	char *b = buf;
	size_t got = 0;

	while (got < n) {
		ssize_t k = read(fd, b + got, n - got);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	return got;
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

static void run_helper(struct helper *h, helper_fn fn, void *ctx, pid_t parent)
{
	static const int stop[] = { SIGINT, SIGTERM, SIGHUP, SIGALRM };
	struct strbuf result = STRBUF_INIT;
	size_t n;

	for (size_t k = 0; k < sizeof(stop) / sizeof(stop[0]); k++)
		signal(stop[k], SIG_DFL);	/* the parent cleans up, not the helper */
#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
	if (getppid() != parent)	/* it died before the line above */
		_exit(EXIT_FAILURE);
	close_fd(&h->go[1]);
	close_fd(&h->res[0]);
	fn(h, ctx, &result);
	n = result.len;
	if (!write_all(h->res[1], &n, sizeof(n)) || !write_all(h->res[1], sb_str(&result), n))
		_exit(EXIT_FAILURE);
	_exit(EXIT_SUCCESS);
}

struct helper *helper_start(helper_fn fn, void *ctx)
{
	struct helper *h = xcalloc(1, sizeof(*h));
	pid_t parent = getpid();

	h->go[0] = h->go[1] = h->res[0] = h->res[1] = -1;
	if (pipe(h->go) < 0 || pipe(h->res) < 0) {
		close_fd(&h->go[0]);
		close_fd(&h->go[1]);
		free(h);
		return NULL;
	}
	h->pid = fork();
	if (h->pid == 0)
		run_helper(h, fn, ctx, parent);
	close_fd(&h->go[0]);
	close_fd(&h->res[1]);
	if (h->pid < 0) {
		close_fd(&h->go[1]);
		close_fd(&h->res[0]);
		free(h);
		return NULL;
	}
	return h;
}

void helper_go(struct helper *h)
{
	char c = 1;

	if (h->go[1] >= 0 && !write_all(h->go[1], &c, 1))
		close_fd(&h->go[1]);	/* the helper is gone: helper_join() says so */
}

bool helper_wait(struct helper *h)
{
	char c;

	return read_all(h->go[0], &c, 1) == 1;
}

bool helper_join(struct helper *h, struct strbuf *result)
{
	struct strbuf got = STRBUF_INIT;
	char buf[1 << 16];
	size_t n = 0, k;
	bool ok;
	int status = 0;

	close_fd(&h->go[1]);	/* a helper still waiting for go sees the end */
	ok = read_all(h->res[0], &n, sizeof(n)) == sizeof(n);
	while (ok && got.len < n) {
		k = read_all(h->res[0], buf, n - got.len < sizeof(buf) ? n - got.len : sizeof(buf));
		if (!k)
			break;
		sb_add(&got, buf, k);
	}
	ok = ok && got.len == n;
	close_fd(&h->res[0]);
	while (waitpid(h->pid, &status, 0) < 0 && errno == EINTR)
		;
	ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == EXIT_SUCCESS;
	if (ok)
		sb_add(result, sb_str(&got), got.len);
	sb_release(&got);
	free(h);
	return ok;
}
