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

/* The mapping on one line: its lines separated by "; ". */
static char *one_line(const char *mapping)
{
	char **lines = g_strsplit(mapping, "\n", -1);
	GString *s = g_string_new(NULL);

	for (int i = 0; lines[i]; i++)
		if (*lines[i])
			g_string_append_printf(s, "%s%s", s->len ? "; " : "",
			                       lines[i]);
	g_strfreev(lines);
	return g_string_free(s, FALSE);
}

static int add_batch(void *data, const struct st_batch *b)
{
	struct out_table *t = data;
	char id[32], rows[32];
	char *mapping = one_line(b->mapping);

	snprintf(id, sizeof(id), "%lld", (long long)b->id);
	snprintf(rows, sizeof(rows), "%lld", (long long)b->rows);
	out_table_row(t);
	out_set_kind(t, 0, id, NULL, OUT_INT, 0);
	out_set_kind(t, 1, b->kind, NULL, OUT_TEXT, 0);
	out_set_kind(t, 2, b->file_name, NULL, OUT_TEXT, 0);
	/* A text file has no sheet: an undefined cell. */
	out_set_kind(t, 3, b->sheet[0] ? b->sheet : NULL, NULL, OUT_TEXT, 0);
	out_set_kind(t, 4, rows, NULL, OUT_INT, 0);
	out_set_kind(t, 5, b->loaded_at, NULL, OUT_TEXT, 0);
	out_set_kind(t, 6, b->sha256, NULL, OUT_TEXT, 0);
	out_set_kind(t, 7, b->tool_version, NULL, OUT_TEXT, 0);
	out_set_kind(t, 8, b->loaded_by[0] ? b->loaded_by : NULL, NULL,
	             OUT_TEXT, 0);
	/* Every header read by its English name: no mapping. */
	out_set_kind(t, 9, mapping[0] ? mapping : NULL, NULL, OUT_TEXT, 0);
	g_free(mapping);
	return 0;
}

enum cbm_status cli_batch_table(struct st_db *db, const enum cbm_lang *lang,
                                struct out_table *t, struct cbm_error *err)
{
	static const char *const columns[] = {
	    "batch",  "kind",   "file",    "sheet", "rows",
	    "loaded", "sha256", "version", "user",  "mapping"};

	for (size_t i = 0; i < G_N_ELEMENTS(columns); i++) {
		char *h = lang ? cli_heading(*lang, "batches", columns[i], NULL)
		               : g_strdup(columns[i]);
		out_table_column(t, h);
		g_free(h);
	}
	return st_batch_each(db, add_batch, t, err);
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
	if (cli_batch_table(cli->db, NULL, &t, &err) == CBM_OK)
		out_print(&t, format, stdout);
	else
		rc = cli_fail(cli, &err);
	out_table_release(&t);
	return rc;
}
