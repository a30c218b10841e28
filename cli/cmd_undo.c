/*
 * cmd_undo.c - `cbm undo BATCH`: remove an import batch and every row it
 * loaded, in one transaction, unless later batches still need its rows.
 */
#include <glib.h>

#include "cli.h"
#include "store.h"

GOptionContext *cmd_undo_options(struct cli *cli, void *opts)
{
	(void)opts;
	return cli_context(
	    cli, "BATCH",
	    "Remove an import batch (see 'cbm batches') and every row it "
	    "loaded, in one transaction.",
	    "Refused, with the database unchanged, when rows of other "
	    "batches still refer to\nwhat it holds (states, areas, fx "
	    "rates): undo those first.  An undone file\nmay be imported "
	    "again.");
}

int cmd_undo(struct cli *cli, int argc, char **argv)
{
	GOptionContext *octx = cmd_undo_options(cli, NULL);
	struct cbm_error err = {0};
	struct st_batch b;
	int64_t id = 0;
	int rc = cli_parse(cli, octx, &argc, &argv);

	g_option_context_free(octx);
	if (rc != CBM_OK)
		return rc;
	if (argc != 2)
		return cli_usage(cli, "give one batch number");
	if (!cli_batch_number(argv[1], &id))
		return cli_usage(cli, "not a batch number: '%s'", argv[1]);
	if ((rc = cli_ready(cli)) != CBM_OK)
		return rc;
	rc = st_batch_get(cli->db, id, &b, &err);
	if (rc == CBM_OK)
		rc = st_undo(cli->db, id, &err);
	if (rc == CBM_OK && b.sheet[0])
		printf("removed batch %lld (%s, %s, sheet %s, %lld rows)\n",
		       (long long)id, b.kind, b.file_name, b.sheet,
		       (long long)b.rows);
	else if (rc == CBM_OK)
		printf("removed batch %lld (%s, %s, %lld rows)\n",
		       (long long)id, b.kind, b.file_name, (long long)b.rows);
	else
		rc = cli_fail(cli, &err);
	return rc;
}
