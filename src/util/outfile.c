#include "util/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/cleanup.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* A reason of our own, beside errno's. */
#define E_SYMLINK (-1)

static void fail(const struct outfile *o, int err)
{
	diag_fatal("cannot write %s: %s", o->path,
		   err == E_SYMLINK ? "it is a symbolic link (kcsat does not follow them when writing)"
				    : strerror(err));
}

static void release(struct outfile *o)
{
	if (o->dirfd >= 0)
		close(o->dirfd);
	cleanup_done(o->cleanup);
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof(*o));
	o->dirfd = -1;
	o->cleanup = -1;
}

/* A name no one else picks: pid, time and a counter, mixed. */
static void tmp_name(struct strbuf *sb, const char *base, unsigned attempt)
{
	static uint64_t counter;
	uint64_t x = ((uint64_t)getpid() << 32) ^ (uint64_t)time(NULL) ^ (++counter * 0x9e3779b97f4a7c15ull) ^
		     attempt;

	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	sb_reset(sb);
	sb_addf(sb, ".%.200s.kcsat-%06llx", base, (unsigned long long)(x & 0xffffff));
}

bool outfile_open(struct outfile *o, const char *path)
{
	const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
	struct strbuf dir = STRBUF_INIT, tmp = STRBUF_INIT;
	struct stat st;
	mode_t mode = 0666;
	int fd = -1, err = 0;

	memset(o, 0, sizeof(*o));
	o->path = xstrdup(path);
	o->dirfd = -1;
	o->cleanup = -1;
	if (!*base || !strcmp(base, ".") || !strcmp(base, "..")) {
		fail(o, EISDIR);
		release(o);
		return false;
	}
	if (slash)
		sb_add(&dir, path, slash == path ? 1 : (size_t)(slash - path));
	else
		sb_adds(&dir, ".");
	/* the directory as the user named it; only what is in it is not
	 * followed, and every step below is relative to it */
	o->dirfd = open(sb_str(&dir), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	sb_release(&dir);
	if (o->dirfd < 0) {
		err = errno;
	} else if (!fstatat(o->dirfd, base, &st, AT_SYMLINK_NOFOLLOW)) {
		if (S_ISLNK(st.st_mode))
			err = E_SYMLINK;
		else if (S_ISDIR(st.st_mode))
			err = EISDIR;
		else if (!S_ISREG(st.st_mode)) {
			/* a device or FIFO: in place, never blocking on the
			 * open (a FIFO without reader is ENXIO) */
			fd = openat(o->dirfd, base, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
			if (fd < 0)
				err = errno;
			else
				(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
		} else {
			mode = st.st_mode & 07777;	/* keep a file's mode */
		}
	} else if (errno != ENOENT) {
		err = errno;
	}
	for (unsigned attempt = 0; !err && fd < 0; attempt++) {
		tmp_name(&tmp, base, attempt);
		fd = openat(o->dirfd, sb_str(&tmp), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
			    mode);
		if (fd >= 0) {
			o->tmp = sb_detach(&tmp);
			o->cleanup = cleanup_add_path(o->dirfd, o->tmp, false);
			if (mode != 0666)
				(void)fchmod(fd, mode);
		} else if (errno != EEXIST || attempt > 100) {
			err = errno;
		}
	}
	sb_release(&tmp);
	if (!err && !(o->f = fdopen(fd, "w")))
		err = errno;
	if (err) {
		if (fd >= 0)
			close(fd);
		if (o->tmp)
			unlinkat(o->dirfd, o->tmp, 0);
		fail(o, err);
		release(o);
		return false;
	}
	return true;
}

bool outfile_commit(struct outfile *o)
{
	int err = 0;

	if (!o->f) {
		release(o);
		return false;
	}
	/* fflush() first: fclose() reports a failed flush too, but a
	 * failed earlier write only through ferror() */
	if (fflush(o->f) || ferror(o->f))
		err = errno ? errno : EIO;
	if (fclose(o->f) && !err)
		err = errno ? errno : EIO;
	o->f = NULL;
	if (!err && o->tmp) {
		const char *base = strrchr(o->path, '/');

		base = base ? base + 1 : o->path;
		if (renameat(o->dirfd, o->tmp, o->dirfd, base))
			err = errno;
	}
	if (err) {
		if (o->tmp)
			unlinkat(o->dirfd, o->tmp, 0);
		fail(o, err);
		release(o);
		return false;
	}
	if (o->tmp)	/* a file, not a device: say where it went */
		diag_note((struct loc){ 0, 0 }, "wrote %s", o->path);
	release(o);
	return true;
}

void outfile_abort(struct outfile *o)
{
	if (o->f)
		fclose(o->f);
	if (o->tmp)
		unlinkat(o->dirfd, o->tmp, 0);
	release(o);
}
