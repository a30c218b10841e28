/*
 * cmd_backup.c - `cbm backup -o FILE`: a consistent copy of the database,
 * made with SQLite's backup API while others may read or write it.
 */
#include <glib.h>

#include "cli.h"
#include "store.h"

struct backup_opts {
	char *output;
};

GOptionContext *cmd_backup_options(struct cli *cli, void *opts)
{
	struct backup_opts *o = opts;
	GOptionContext *octx = cli_context(
	    cli, "-o FILE", "Copy the database, consistently, into a new file.",
	    "The copy is what the database held at one moment; imports may "
	    "go on meanwhile.\nThe file appears whole or not at all.  "
	    "Restore by naming the copy with --db.");
	GOptionEntry entries[] = {
	    {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output,
	     "the file to write", "FILE"},
	    G_OPTION_ENTRY_NULL,
	};

	g_option_context_add_main_entries(octx, entries, NULL);
	return octx;
}

int cmd_backup(struct cli *cli, int argc, char **argv)
{
	struct backup_opts o = {0};
	GOptionContext *octx = cmd_backup_options(cli, &o);
	struct cbm_error err = {0};
	struct cbm_outfile of = {0};
	int rc = cli_parse(cli, octx, &argc, &argv);

	g_option_context_free(octx);
	if (rc == CBM_OK && argc > 1)
		rc = cli_usage(cli, "unexpected argument '%s'", argv[1]);
	if (rc == CBM_OK && !o.output)
		rc = cli_usage(cli, "say where to write: -o FILE");
	if (rc == CBM_OK && cbm_outfile_is_stdout(o.output))
		rc = cli_usage(cli, "a backup goes to a file, not to stdout");
	if (rc == CBM_OK)
		rc = cli_output_check(cli, o.output, true);
	if (rc == CBM_OK)
		rc = cli_ready(cli);
	if (rc == CBM_OK && (cbm_outfile_open(&of, o.output, &err) != CBM_OK ||
	                     st_backup(cli->db, of.tmp, &err) != CBM_OK ||
	                     cbm_outfile_commit(&of, &err) != CBM_OK))
		rc = cli_fail(cli, &err);
	else if (rc == CBM_OK)
		cli_wrote(o.output);
	cbm_outfile_abort(&of);
	g_free(o.output);
	return rc;
}
