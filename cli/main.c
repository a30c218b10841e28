/*
 * main.c - the entry point of cbm: global options, the command table and
 * the dispatch to cmd_<name>().
 */
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cbm_version.h"
#include "cli.h"

static const struct cli_command commands[] = {
    {"init", "", "create the database, or upgrade its schema", cmd_init,
     cmd_init_options},
    {"import", "KIND FILE...", "load CSV files of one kind, each as a batch",
     cmd_import, cmd_import_options},
    {"batches", "", "list the loaded files (import batches)", cmd_batches,
     cmd_batches_options},
    {"undo", "BATCH", "remove an import batch and all its rows", cmd_undo,
     cmd_undo_options},
    {"backup", "-o FILE", "copy the database consistently into a file",
     cmd_backup, cmd_backup_options},
    {"stats", "FIGURE", "compute a figure: collection, trend, shares, ...",
     cmd_stats, cmd_stats_options},
    {"chart", "KIND -o FILE", "draw a chart of the figures (PDF, PNG, SVG)",
     cmd_chart, cmd_chart_options},
    {"report", "annual|budget|state -o FILE",
     "write a PDF report in en, ru or kk", cmd_report, cmd_report_options},
    {"demo", "[-o DIR]", "make every report from the example data", cmd_demo,
     cmd_demo_options},
    {"query", "SQL | --list", "run read-only SQL, or list the views", cmd_query,
     cmd_query_options},
    {"help", "[COMMAND]", "show help on cbm or on one command", cmd_help,
     cmd_help_options},
};

const struct cli_command *cli_commands(size_t *n)
{
	*n = sizeof(commands) / sizeof(commands[0]);
	return commands;
}

const struct cli_command *cli_find(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* Global options before the command: --db FILE, --version, --help. */
static int global_options(struct cli *cli, int argc, char **argv, int *next)
{
	int i = 1;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--version") == 0) {
			printf("cbm %s\n", CBM_VERSION);
			return -1;
		} else if (strcmp(argv[i], "--help") == 0 ||
		           strcmp(argv[i], "-h") == 0) {
			char *help_argv[] = {"help", NULL};
			cmd_help(cli, 1, help_argv);
			return -1;
		} else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			cli->db_path = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			cli->db_path = argv[i] + 5;
		} else {
			return cli_usage(cli, "unknown option '%s'", argv[i]);
		}
	}
	*next = i;
	return 0;
}

int main(int argc, char **argv)
{
	struct cli cli = {0};
	const struct cli_command *cmd;
	int next = 0, rc;

	gsl_set_error_handler_off();
	cli_signals_install();
	/* Character classes only, for GLib's help text; numbers are parsed
	 * and printed in the C locale whatever the environment says. */
	setlocale(LC_CTYPE, "");
	cli.command = NULL;
	cli.db_path = getenv("CBM_DB");
	if (!cli.db_path || !*cli.db_path)
		cli.db_path = "cbm.sqlite";
	rc = global_options(&cli, argc, argv, &next);
	if (rc != 0)
		return rc < 0 ? CBM_OK : rc;
	if (next >= argc)
		return cli_usage(&cli, "no command given; 'cbm help' lists "
		                       "the commands");
	cmd = cli_find(argv[next]);
	if (!cmd)
		return cli_usage(&cli,
		                 "unknown command '%s'; 'cbm help' "
		                 "lists the commands",
		                 argv[next]);
	cli.command = cmd->name;
	rc = cmd->run(&cli, argc - next, argv + next);
	g_free(cli.db_arg);
	/* Output that never arrived (a full disk, a closed pipe) is an
	 * error, not a success. */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "cbm %s: cannot write the output\n", cmd->name);
		rc = CBM_EINTERNAL;
	}
	return rc;
}
