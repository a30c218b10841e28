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
};

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
	    "WHERE budget_year = 2024'");
	GOptionEntry entries[] = {
	    {"format", 0, 0, G_OPTION_ARG_STRING, &o->format,
	     "table (default), csv or json", "FORMAT"},
	    {"list", 0, 0, G_OPTION_ARG_NONE, &o->list,
	     "list the documented views and their columns", NULL},
	    G_OPTION_ENTRY_NULL,
	};

	g_option_context_add_main_entries(octx, entries, NULL);
	return octx;
}

/* One SQLite value as a cell: numbers stay numbers; NaN and infinities,
 * which JSON cannot hold, become undefined. */
static void set_value(struct out_table *t, size_t col, sqlite3_stmt *st)
{
	int type = sqlite3_column_type(st, (int)col);
	double v;

	switch (type) {
	case SQLITE_NULL:
		out_set(t, col, NULL, "", false);
		break;
	case SQLITE_INTEGER:
		out_set(t, col, (const char *)sqlite3_column_text(st, (int)col),
		        NULL, true);
		break;
	case SQLITE_FLOAT:
		v = sqlite3_column_double(st, (int)col);
		if (isfinite(v))
			out_set(t, col,
			        (const char *)sqlite3_column_text(st, (int)col),
			        NULL, true);
		else
			out_set(t, col, NULL, "", true);
		break;
	case SQLITE_BLOB:
		out_set(t, col, "(blob)", NULL, false);
		break;
	default:
		out_set(t, col, (const char *)sqlite3_column_text(st, (int)col),
		        NULL, false);
		break;
	}
}

static int run_statement(struct cli *cli, struct st_db *db, sqlite3_stmt *st,
                         enum out_format format)
{
	struct out_table t;
	int ncol = sqlite3_column_count(st), rc;
	struct cbm_error err = {0};

	out_table_init(&t);
	for (int c = 0; c < ncol; c++)
		out_table_column(&t, sqlite3_column_name(st, c));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out_table_row(&t);
		for (int c = 0; c < ncol; c++)
			set_value(&t, (size_t)c, st);
	}
	if (rc == SQLITE_DONE) {
		out_print(&t, format, stdout);
		rc = CBM_OK;
	} else {
		CBM_ERROR(&err, CBM_EDATA, NULL, "%s",
		          sqlite3_errmsg(st_sqlite(db)));
		rc = cli_fail(cli, &err);
	}
	out_table_release(&t);
	return rc;
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
	struct query_opts o = {0};
	GOptionContext *octx = cmd_query_options(cli, &o);
	struct cbm_error err = {0};
	sqlite3_stmt *st = NULL;
	enum out_format format = OUT_TABLE;
	int rc = cli_parse(cli, octx, &argc, &argv);

	g_option_context_free(octx);
	if (rc == CBM_OK && o.format && !out_format_parse(o.format, &format))
		rc = cli_usage(cli, "unknown format '%s'", o.format);
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
	else if (st_query_prepare(cli->db, argv[1], &st, &err) != CBM_OK)
		rc = cli_fail(cli, &err);
	else
		rc = run_statement(cli, cli->db, st, format);
	sqlite3_finalize(st);
	return rc;
}
