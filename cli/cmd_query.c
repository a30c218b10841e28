/*
 * cmd_query.c - `cbm query SQL`: read-only SQL for finance staff, and
 * `cbm query --list`: the documented views and their columns.
 */
#include <math.h>
#include <string.h>

#include "cli.h"
#include "store.h"

struct query_opts {
	char *format;
	gboolean list;
	gint timeout;
};

/* Seconds a query may run unless --timeout says otherwise. */
#define QUERY_TIMEOUT_DEFAULT 60

GOptionContext *cmd_query_options(struct cli *cli, void *opts)
{
	struct query_opts *o = opts;
	GOptionContext *octx = cli_context(
	    cli, "SQL", "Run one read-only SQL statement and print its result.",
	    "The database is opened read-only; statements that would "
	    "write (INSERT, UPDATE,\nDELETE, CREATE, DROP, ATTACH, "
	    "VACUUM, PRAGMA x = y, load_extension(), ...) and\nseveral "
	    "statements at once are refused.  'cbm query --list' shows "
	    "the views\nmade for this, e.g.\n"
	    "  cbm query 'SELECT * FROM v_collection_by_year'\n"
	    "  cbm query --format csv 'SELECT * FROM v_contributions "
	    "WHERE budget_year = 2024'\n\n"
	    "Rows are printed as they come, so results of any size take "
	    "little memory.\nA query stops with exit status 1 once it has "
	    "run 60 seconds (--timeout\nSECONDS to change, 0 for no limit) "
	    "or needs more than 1 GiB of memory,\nsorting and grouping "
	    "included.  Ctrl-C stops it at once (exit status 130).");
	GOptionEntry entries[] = {
	    {"format", 0, 0, G_OPTION_ARG_STRING, &o->format,
	     "table (default), csv or json", "FORMAT"},
	    {"list", 0, 0, G_OPTION_ARG_NONE, &o->list,
	     "list the documented views and their columns", NULL},
	    {"timeout", 0, 0, G_OPTION_ARG_INT, &o->timeout,
	     "seconds a query may run (default 60; 0: no limit)", "SECONDS"},
	    G_OPTION_ENTRY_NULL,
	};

	g_option_context_add_main_entries(octx, entries, NULL);
	return octx;
}

/* One SQLite value of column COL as a cell, pointing into the statement's
 * memory: numbers stay numbers; NaN and infinities, which JSON cannot
 * hold, become undefined; text keeps its length, NUL bytes included.
 * False when SQLite could not give the value (out of memory). */
static bool cell_of(sqlite3_stmt *st, int col, struct out_cell *cell)
{
	int type = sqlite3_column_type(st, col);

	memset(cell, 0, sizeof(*cell));
	cell->number = type == SQLITE_INTEGER || type == SQLITE_FLOAT;
	if (type == SQLITE_NULL ||
	    (type == SQLITE_FLOAT &&
	     !isfinite(sqlite3_column_double(st, col)))) {
		cell->display = "";
	} else if (type == SQLITE_BLOB) {
		cell->plain = "(blob)";
		cell->len = strlen(cell->plain);
	} else {
		/* Text first, then its length in that form (SQLite's rule). */
		cell->plain = (const char *)sqlite3_column_text(st, col);
		cell->len = (size_t)sqlite3_column_bytes(st, col);
		if (!cell->plain)
			return false;
	}
	return true;
}

/* Steps Q and writes each row to stdout as it comes. */
static int run_query(struct cli *cli, struct st_query *q,
                     enum out_format format)
{
	sqlite3_stmt *st = st_query_stmt(q);
	int ncol = sqlite3_column_count(st);
	struct out_stream *out = out_stream_open(format, stdout);
	struct out_cell *cells = g_new0(struct out_cell, (size_t)ncol + 1);
	struct cbm_error err = {0};
	enum cbm_status rc = CBM_OK;
	bool row, written = true;

	for (int c = 0; c < ncol; c++)
		out_stream_column(out, sqlite3_column_name(st, c));
	while (written && (rc = st_query_step(q, &row, &err)) == CBM_OK &&
	       row) {
		for (int c = 0; c < ncol && rc == CBM_OK; c++)
			if (!cell_of(st, c, &cells[c]))
				rc = st_query_failed(q, &err);
		if (rc != CBM_OK)
			break;
		written = out_stream_row(out, cells);
	}
	/* On an error the rows so far stay and the output is left unended
	 * (an open json array): no one takes it for the whole result.  A
	 * failed write is reported by main(). */
	if (rc == CBM_OK && written)
		out_stream_finish(out);
	out_stream_close(out);
	g_free(cells);
	if (rc != CBM_OK)
		return cli_fail(cli, &err);
	return written ? CBM_OK : CBM_EINTERNAL;
}

/* The columns of a view, comma-separated (caller frees). */
static char *view_columns(struct st_db *db, const char *view)
{
	char *sql = g_strdup_printf("SELECT * FROM %s LIMIT 0", view);
	sqlite3_stmt *st = NULL;
	GString *s = g_string_new(NULL);

	if (sqlite3_prepare_v2(st_sqlite(db), sql, -1, &st, NULL) == SQLITE_OK)
		for (int c = 0; c < sqlite3_column_count(st); c++)
			g_string_append_printf(s, "%s%s", c ? ", " : "",
			                       sqlite3_column_name(st, c));
	sqlite3_finalize(st);
	g_free(sql);
	return g_string_free(s, FALSE);
}

static int list_views(struct st_db *db, enum out_format format)
{
	size_t n;
	const struct st_view *views = st_views(&n);
	struct out_table t;

	out_table_init(&t);
	out_table_column(&t, "view");
	out_table_column(&t, "description");
	out_table_column(&t, "columns");
	for (size_t i = 0; i < n; i++) {
		char *cols = view_columns(db, views[i].name);
		out_table_row(&t);
		out_set(&t, 0, views[i].name, NULL, false);
		out_set(&t, 1, views[i].description, NULL, false);
		out_set(&t, 2, cols, NULL, false);
		g_free(cols);
	}
	if (format == OUT_TABLE) {
		/* Three long columns do not fit a terminal: one block each. */
		for (size_t i = 0; i < n; i++) {
			char *cols = view_columns(db, views[i].name);
			printf("%s\n  %s\n  columns: %s\n\n", views[i].name,
			       views[i].description, cols);
			g_free(cols);
		}
	} else {
		out_print(&t, format, stdout);
	}
	out_table_release(&t);
	return CBM_OK;
}

int cmd_query(struct cli *cli, int argc, char **argv)
{
	struct query_opts o = {.timeout = QUERY_TIMEOUT_DEFAULT};
	GOptionContext *octx = cmd_query_options(cli, &o);
	struct cbm_error err = {0};
	struct st_query *q = NULL;
	enum out_format format = OUT_TABLE;
	int rc = cli_parse(cli, octx, &argc, &argv);

	g_option_context_free(octx);
	if (rc == CBM_OK && o.format && !out_format_parse(o.format, &format))
		rc = cli_usage(cli, "unknown format '%s'", o.format);
	if (rc == CBM_OK && o.timeout < 0)
		rc = cli_usage(cli, "--timeout takes seconds, 0 or more");
	if (rc == CBM_OK && !o.list && argc != 2)
		rc = cli_usage(cli, "give one SQL statement, in quotes");
	if (rc == CBM_OK && o.list && argc != 1)
		rc = cli_usage(cli, "--list takes no SQL");
	g_free(o.format);
	if (rc != CBM_OK)
		return rc;
	if ((rc = cli_ready(cli)) != CBM_OK)
		return rc;
	if (o.list)
		rc = list_views(cli->db, format);
	else if (st_query_open(&q, cli->db, argv[1], (unsigned)o.timeout,
	                       &err) != CBM_OK)
		rc = cli_fail(cli, &err);
	else
		rc = run_query(cli, q, format);
	st_query_close(q);
	return rc;
}
