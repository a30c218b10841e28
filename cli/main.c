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
#include "store.h"

static const struct cli_command commands[] = {
    {"init", "", "create the database, or upgrade its schema", CLI_DB_CREATE,
     cmd_init, cmd_init_options},
    {"import", "KIND FILE...", "load CSV files of one kind, each as a batch",
     CLI_DB_WRITE, cmd_import, cmd_import_options},
    {"batches", "", "list the loaded files (import batches)", CLI_DB_READ,
     cmd_batches, cmd_batches_options},
    {"undo", "BATCH", "remove an import batch and all its rows", CLI_DB_WRITE,
     cmd_undo, cmd_undo_options},
    {"backup", "-o FILE", "copy the database consistently into a file",
     CLI_DB_READ, cmd_backup, cmd_backup_options},
    {"stats", "FIGURE", "compute a figure: collection, trend, shares, ...",
     CLI_DB_READ, cmd_stats, cmd_stats_options},
    {"export", "-o FILE.xlsx",
     "write every figure into one Excel workbook, a sheet each", CLI_DB_READ,
     cmd_export, cmd_export_options},
    {"chart", "KIND -o FILE", "draw a chart of the figures (PDF, PNG, SVG)",
     CLI_DB_READ, cmd_chart, cmd_chart_options},
    {"report", "annual|budget|state -o FILE",
     "write a PDF report in en, ru or kk", CLI_DB_READ, cmd_report,
     cmd_report_options},
    {"demo", "[-o DIR]", "make every report from the example data", CLI_DB_NONE,
     cmd_demo, cmd_demo_options},
    {"query", "SQL | --list", "run read-only SQL, or list the views",
     CLI_DB_READ, cmd_query, cmd_query_options},
    {"serve", "[--port N] [--open]",
     "show the figures, charts, reports and queries in a browser",
     CLI_DB_READ, cmd_serve, cmd_serve_options},
    {"help", "[COMMAND]", "show help on cbm or on one command", CLI_DB_NONE,
     cmd_help, cmd_help_options},
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

/* Global options, before the command: --db FILE, --version, --help.
 * Strict POSIX parsing stops at the command's name, so the command's own
 * options (and its --db) are left to it. */
static int global_options(struct cli *cli, int *argc, char ***argv)
{
	gboolean version = FALSE, help = FALSE;
	GOptionEntry entries[] = {
	    {"db", 0, 0, G_OPTION_ARG_FILENAME, &cli->db_arg, "", "FILE"},
	    {"version", 0, 0, G_OPTION_ARG_NONE, &version, "", NULL},
	    {"help", 'h', 0, G_OPTION_ARG_NONE, &help, "", NULL},
	    G_OPTION_ENTRY_NULL,
	};
	GOptionContext *octx = g_option_context_new(NULL);
	GError *gerr = NULL;
	bool ok;

	g_option_context_set_help_enabled(octx, FALSE);
	g_option_context_set_strict_posix(octx, TRUE);
	g_option_context_add_main_entries(octx, entries, NULL);
	ok = g_option_context_parse(octx, argc, argv, &gerr);
	g_option_context_free(octx);
	if (!ok) {
		int rc = cli_usage(cli, "%s", gerr->message);
		g_error_free(gerr);
		return rc;
	}
	if (cli->db_arg)
		cli->db_path = cli->db_arg;
	if (version) {
		printf("cbm %s\n", CBM_VERSION);
		return -1;
	}
	if (help) {
		char *help_argv[] = {"help", NULL};
		cmd_help(cli, 1, help_argv);
		return -1;
	}
	return 0;
}

/* Runs CMD with the arguments after its name and closes the database it
 * opened (cli_ready). */
static int dispatch(struct cli *cli, const struct cli_command *cmd, int argc,
                    char **argv)
{
	int rc;

	cli->command = cmd->name;
	cli->db_mode = cmd->db;
	rc = cmd->run(cli, argc, argv);
	st_close(cli->db);
	cli->db = NULL;
	return rc;
}

int main(int argc, char **argv)
{
	struct cli cli = {0};
	const struct cli_command *cmd;
	int rc;

	gsl_set_error_handler_off();
	cli_signals_install();
	/* Character classes only, for GLib's help text; numbers are parsed
	 * and printed in the C locale whatever the environment says. */
	setlocale(LC_CTYPE, "");
	cli.db_path = getenv("CBM_DB");
	if (!cli.db_path || !*cli.db_path)
		cli.db_path = "cbm.sqlite";
	rc = global_options(&cli, &argc, &argv);
	if (rc == 0 && argc < 2)
		rc = cli_usage(&cli, "no command given; 'cbm help' lists "
		                     "the commands");
	if (rc != 0) {
		g_free(cli.db_arg);
		return rc < 0 ? CBM_OK : rc;
	}
	cmd = cli_find(argv[1]);
	if (!cmd) {
		rc = cli_usage(&cli,
		               "unknown command '%s'; 'cbm help' lists the "
		               "commands",
		               argv[1]);
		g_free(cli.db_arg);
		return rc;
	}
	rc = dispatch(&cli, cmd, argc - 1, argv + 1);
	g_free(cli.db_arg);
	/* Output that never arrived (a full disk, a closed pipe) is an
	 * error, not a success. */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "cbm %s: cannot write the output\n", cmd->name);
		rc = CBM_EINTERNAL;
	}
	return rc;
}
