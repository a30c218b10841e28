/*
 * cmd_batches.c - `cbm batches`: the loaded files, when, by which version
 * of cbm, from which file (SHA-256).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store.h"

struct batches_opts {
	char *format;
};

GOptionContext *cmd_batches_options(struct cli *cli, void *opts)
{
	struct batches_opts *o = opts;
	GOptionContext *octx = cli_context(
	    cli, "",
	    "List the import batches: one per loaded file (or sheet of a "
	    "workbook), with its\nkind, name, sheet, rows, time, SHA-256, "
	    "the user who loaded it and how its\nheaders were read (the "
	    "--map lines, separated by ';').",
	    "A batch number is what 'cbm undo' and 'cbm import --replace' "
	    "take.");
	GOptionEntry entries[] = {
	    {"format", 0, 0, G_OPTION_ARG_STRING, &o->format,
	     "table (default), csv or json", "FORMAT"},
	    G_OPTION_ENTRY_NULL,
	};

	g_option_context_add_main_entries(octx, entries, NULL);
	return octx;
}

int cmd_batches(struct cli *cli, int argc, char **argv)
{
	struct batches_opts o = {0};
	GOptionContext *octx = cmd_batches_options(cli, &o);
	struct cbm_error err = {0};
	enum out_format format = OUT_TABLE;
	struct out_table t;
	int rc = cli_parse(cli, octx, &argc, &argv);

	g_option_context_free(octx);
	if (rc == CBM_OK && o.format && !out_format_parse(o.format, &format))
		rc = cli_usage(cli, "unknown format '%s'", o.format);
	if (rc == CBM_OK && argc > 1)
		rc = cli_usage(cli, "unexpected argument '%s'", argv[1]);
	g_free(o.format);
	if (rc != CBM_OK)
		return rc;
	if ((rc = cli_ready(cli)) != CBM_OK)
		return rc;
	out_table_init(&t);
	if (view_batch_table(cli->db, NULL, &t, &err) == CBM_OK)
		out_print(&t, format, stdout);
	else
		rc = cli_fail(cli, &err);
	out_table_release(&t);
	return rc;
}
