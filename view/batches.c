/*
 * batches.c - the import batches as a table: one row per loaded file (or
 * sheet of a workbook), as cbm batches lists them and the web view shows
 * them.
 */
#include <stdio.h>

#include "view.h"

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

enum cbm_status view_batch_table(struct st_db *db, const enum cbm_lang *lang,
                                 struct out_table *t, struct cbm_error *err)
{
	static const char *const columns[] = {
	    "batch",  "kind",   "file",    "sheet", "rows",
	    "loaded", "sha256", "version", "user",  "mapping"};

	for (size_t i = 0; i < G_N_ELEMENTS(columns); i++) {
		char *h = lang
		              ? view_heading(*lang, "batches", columns[i], NULL)
		              : g_strdup(columns[i]);
		out_table_column(t, h);
		g_free(h);
	}
	return st_batch_each(db, add_batch, t, err);
}
