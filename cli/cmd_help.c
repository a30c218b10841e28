/*
 * cmd_help.c - `cbm help [COMMAND]`.
 */
#include <string.h>

#include "cbm_version.h"
#include "cli.h"

GOptionContext *cmd_help_options(struct cli *cli, void *opts)
{
	(void)opts;
	return cli_context(cli, "[COMMAND]",
	                   "Show the commands of cbm, or the help of one.",
	                   NULL);
}

static void overview(void)
{
	size_t n;
	const struct cli_command *cmds = cli_commands(&n);

	printf("cbm %s - CBM plan and budget analytics for a secretariat\n\n"
	       "Usage: cbm [--db FILE] COMMAND [OPTIONS] [ARGS]\n\n"
	       "Commands:\n",
	       CBM_VERSION);
	for (size_t i = 0; i < n; i++) {
		char *head =
		    g_strdup_printf("%s %s", cmds[i].name, cmds[i].usage);
		printf("  %-24s %s\n", head, cmds[i].summary);
		g_free(head);
	}
	printf("\nThe database is --db FILE, else $CBM_DB, else ./cbm.sqlite.\n"
	       "'cbm help COMMAND' or 'cbm COMMAND --help' tells more.\n"
	       "Exit status: 0 success, 1 bad data, 2 bad usage, "
	       "3 internal or I/O error.\n");
}

int cmd_help(struct cli *cli, int argc, char **argv)
{
	GOptionContext *octx = cmd_help_options(cli, NULL);
	const struct cli_command *cmd;
	char *text;
	int rc = CBM_OK;

	if (cli->command)
		rc = cli_parse(cli, octx, &argc, &argv);
	g_option_context_free(octx);
	if (rc != CBM_OK)
		return rc;
	if (argc < 2) {
		overview();
		return CBM_OK;
	}
	cmd = cli_find(argv[1]);
	if (!cmd) {
		cli->command = NULL; /* the hint is 'cbm help' itself */
		return cli_usage(cli, "unknown command '%s'", argv[1]);
	}
	if (argc > 2 && strcmp(cmd->name, "import") == 0)
		return cmd_import_help_kind(cli, argv[2]);
	text = cli_command_help(cli, cmd);
	fputs(text, stdout);
	g_free(text);
	return CBM_OK;
}
