/* conf-server: the kernel's own scripts/kconfig/conf, parsing Kconfig once
 * and then running its usual steps once per job, each in a forked child.
 *
 * Built by conf-server.sh from the tree's conf.c compiled with
 * -Dconf_parse=fid_conf_parse, so conf's main() calls fid_conf_parse()
 * below instead of the parser.  That parses the tree (the real conf_parse,
 * with every $(shell,...) of it), then reads jobs from standard input, one
 * a line:
 *
 *     CONFIG_PATH [SEED]
 *
 * and forks for each.  The child sets KCONFIG_CONFIG=CONFIG_PATH (and, with
 * a SEED, KCONFIG_SEED and srand(SEED), what set_randconfig_seed() did
 * before parsing), sends its output to CONFIG_PATH.log, and returns into
 * conf's main(), which goes on exactly as in a plain run of
 *
 *     KCONFIG_CONFIG=CONFIG_PATH conf --MODE Kconfig
 *
 * (conf_read, the mode's settings, conf_write) and exits.  A child starts
 * from a copy of the state right after parsing, so jobs cannot see each
 * other.  The parent prints "RC CONFIG_PATH" per job and exits 0 at the end
 * of its input.  Test tooling only: it spares the fidelity tests the ~0.8 s
 * parse of every conf run; tests/integration/conf-fidelity.sh compares its
 * output with the plain conf binary's on each case. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

void conf_parse(const char *name);
void fid_conf_parse(const char *name);

void fid_conf_parse(const char *name)
{
	char line[8192];

	conf_parse(name);
	fflush(NULL);
	while (fgets(line, sizeof(line), stdin)) {
		char *path = strtok(line, " \t\r\n"), *seed = strtok(NULL, " \t\r\n");
		char log[8300];
		pid_t pid;
		int status, rc;

		if (!path)
			continue;
		pid = fork();
		if (pid < 0) {
			perror("conf-server: fork");
			exit(2);
		}
		if (pid == 0) {
			int fd;

			snprintf(log, sizeof(log), "%s.log", path);
			fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
			if (fd >= 0) {
				dup2(fd, 1);
				dup2(fd, 2);
				close(fd);
			}
			fd = open("/dev/null", O_RDONLY);
			if (fd >= 0) {
				dup2(fd, 0);
				close(fd);
			}
			setenv("KCONFIG_CONFIG", path, 1);
			if (seed) {
				char *end;
				unsigned int s = strtol(seed, &end, 0);

				setenv("KCONFIG_SEED", seed, 1);
				printf("KCONFIG_SEED=0x%X\n", s);
				srand(s);
			}
			return;	/* into conf's main(), which exits */
		}
		while (waitpid(pid, &status, 0) < 0)
			;
		rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
		printf("%d %s\n", rc, path);
		fflush(stdout);
	}
	exit(0);
}
