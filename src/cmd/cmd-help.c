#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "sat/sat.h"
#include "util/diag.h"

const struct command *cmd_current;

/* Words of text, wrapped at 76 columns. */
static void put_wrapped(FILE *f, const char *text)
{
	size_t col = 0;

	while (*text) {
		size_t n = strcspn(text, " ");

		if (col && col + 1 + n > 76) {
			fputc('\n', f);
			col = 0;
		} else if (col) {
			fputc(' ', f);
			col++;
		}
		fwrite(text, 1, n, f);
		col += n;
		text += n;
		text += strspn(text, " ");
	}
	fputc('\n', f);
}

void cmd_print_usage(FILE *f, const char *usage)
{
	const struct command *c = cmd_current;
	char line[512];

	fputs(usage, f);
	if (!c)
		return;
	snprintf(line, sizeof(line), "Exit status: %s%s.", c->exits,
		 c->budget ? "; 3 when an answer is unknown (a SAT solve ran out of --sat-budget)" : "");
	put_wrapped(f, line);
}

int cmd_help(int argc, char **argv)
{
	if (argc > 1) {
		for (unsigned i = 0; i < ncommands; i++)
			if (!strcmp(commands[i].name, argv[1]) && strcmp(argv[1], "help"))
			{
				char help[] = "--help";

				cmd_current = &commands[i];
				return commands[i].fn(2, (char *[]){ argv[1], help, NULL });
			}
		if (strcmp(argv[1], "help")) {
			diag_fatal("unknown command '%s' (see 'kcsat help')", argv[1]);
			return EXIT_ERROR;
		}
	}
	cmd_usage(stdout);
	return EXIT_OK;
}

void cmd_usage(FILE *f)
{
	fprintf(f, "usage: kcsat <command> [options]\n"
	       "\n"
	       "Answers questions about the Linux kernel's Kconfig configuration space.\n"
	       "Run inside a kernel tree or an O= build directory, or pass --tree DIR.\n"
	       "\n"
	       "commands:\n");
	for (unsigned i = 0; i < ncommands; i++)
		fprintf(f, "   %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\n"
	       "common options:\n"
	       "   --tree DIR        kernel tree (default: the one the current directory\n"
	       "                     is in, or the source of an O= build directory)\n"
	       "   --arch A[,B..]    SRCARCH names under arch/, or 'all' (default: x86)\n"
	       "   --shell=off|run   run $(shell,...) macros of the tree (default: off;\n"
	       "                     their results are then unknown and left free)\n"
	       "   --env NAME|all    read NAME (repeatable) or every variable of the\n"
	       "                     environment (default: only kbuild's own, ARCH, CC..;\n"
	       "                     any other $(NAME) is unknown and left free)\n"
	       "   --format text|json\n"
	       "   --kernel X.Y      Kconfig dialect, when the tree has no Makefile\n"
	       "   --jobs N          processes for several arches (default: the CPUs)\n"
	       "   --sat-budget N|none\n"
	       "                     clause visits one SAT solve may make (default:\n"
	       "                     %llu); past it the answer is unknown\n"
	       "   --sat-stats       print each arch's SAT solves and the most clause\n"
	       "                     visits one used (a debugging aid for the budget)\n"
	       "\n"
	       "exit status: 0 answered (yes), 1 answered no, 2 error, 3 unknown (a SAT\n"
	       "solve ran out of --sat-budget).\n"
	       "'kcsat help COMMAND' shows a command's options; see also kcsat(1).\n",
	       SAT_BUDGET_DEFAULT);
}
