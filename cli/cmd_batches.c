/*
 * cmd_batches.c - `cbm batches` lists the loaded files; `cbm undo BATCH`
 * removes one, refusing when later batches still need its rows.
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
	    "workbook), with its\nkind, name, sheet, rows, time and SHA-256.",
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

static int add_batch(void *data, const struct st_batch *b)
{
	struct out_table *t = data;
	char id[32], rows[32];

	snprintf(id, sizeof(id), "%lld", (long long)b->id);
	snprintf(rows, sizeof(rows), "%lld", (long long)b->rows);
	out_table_row(t);
	out_set(t, 0, id, NULL, true);
	out_set(t, 1, b->kind, NULL, false);
	out_set(t, 2, b->file_name, NULL, false);
	out_set(t, 3, b->sheet[0] ? b->sheet : NULL, NULL, false);
	out_set(t, 4, rows, NULL, true);
	out_set(t, 5, b->loaded_at, NULL, false);
	out_set(t, 6, b->sha256, NULL, false);
	out_set(t, 7, b->tool_version, NULL, false);
	return 0;
}

int cmd_batches(struct cli *cli, int argc, char **argv)
{
	struct batches_opts o = {0};
	GOptionContext *octx = cmd_batches_options(cli, &o);
	struct cbm_error err = {0};
	struct st_db *db = NULL;
	enum out_format format = OUT_TABLE;
	struct out_table t;
	static const char *const columns[] = {"batch",  "kind",   "file",
	                                      "sheet",  "rows",   "loaded",
	                                      "sha256", "version"};
	int rc = cli_parse(cli, octx, &argc, &argv);

	g_option_context_free(octx);
	if (rc == CBM_OK && o.format && !out_format_parse(o.format, &format))
		rc = cli_usage(cli, "unknown format '%s'", o.format);
	if (rc == CBM_OK && argc > 1)
		rc = cli_usage(cli, "unexpected argument '%s'", argv[1]);
	g_free(o.format);
	if (rc != CBM_OK)
		return rc;
	if (st_open(&db, cli->db_path, ST_OPEN_READONLY, &err) != CBM_OK)
		return cli_fail(cli, &err);
	out_table_init(&t);
	for (size_t i = 0; i < sizeof(columns) / sizeof(*columns); i++)
		out_table_column(&t, columns[i]);
	if (st_batch_each(db, add_batch, &t, &err) == CBM_OK)
		out_print(&t, format, stdout);
	else
		rc = cli_fail(cli, &err);
	out_table_release(&t);
	st_close(db);
	return rc;
}

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

/* Parses a batch number: digits only, > 0. */
int cmd_undo(struct cli *cli, int argc, char **argv)
{
	GOptionContext *octx = cmd_undo_options(cli, NULL);
	struct cbm_error err = {0};
	struct st_db *db = NULL;
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
	if (st_open(&db, cli->db_path, ST_OPEN_READWRITE, &err) != CBM_OK)
		return cli_fail(cli, &err);
	rc = st_batch_get(db, id, &b, &err);
	if (rc == CBM_OK)
		rc = st_undo(db, id, &err);
	if (rc == CBM_OK && b.sheet[0])
		printf("removed batch %lld (%s, %s, sheet %s, %lld rows)\n",
		       (long long)id, b.kind, b.file_name, b.sheet,
		       (long long)b.rows);
	else if (rc == CBM_OK)
		printf("removed batch %lld (%s, %s, %lld rows)\n",
		       (long long)id, b.kind, b.file_name, (long long)b.rows);
	else
		rc = cli_fail(cli, &err);
	st_close(db);
	return rc;
}
