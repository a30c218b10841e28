/*
 * cmd_query.c - `cbm query SQL`: read-only SQL for finance staff, and
 * `cbm query --list`: the documented views and their columns.
 */
#include <math.h>
#include <string.h>

#include "cli.h"
#include "report.h"
#include "store.h"

struct query_opts {
	char *format, *output;
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
	    "included.  Ctrl-C stops it at once (exit status 130).\n\n"
	    "Money in the views (amount, amount_usd, approved, spent, ...) "
	    "prints with its\ncurrency's decimals (56000.00, 56000 in JPY): "
	    "the decimals of the row's currency\ncolumn when the result has "
	    "one, two for the *_usd columns.  -o FILE writes the\nresult "
	    "into a file, whole or not at all, its format from its name "
	    "(.txt, .csv,\n.json, .xlsx); a workbook holds at most 1,048,576 "
	    "rows (more is exit status 1:\nwrite CSV instead).");
	GOptionEntry entries[] = {
	    {"format", 0, 0, G_OPTION_ARG_STRING, &o->format,
	     "table (default), csv, json or xlsx", "FORMAT"},
	    {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output,
	     "write into FILE (format from .txt, .csv, .json, .xlsx)", "FILE"},
	    {"list", 0, 0, G_OPTION_ARG_NONE, &o->list,
	     "list the documented views and their columns", NULL},
	    {"timeout", 0, 0, G_OPTION_ARG_INT, &o->timeout,
	     "seconds a query may run (default 60; 0: no limit)", "SECONDS"},
	    G_OPTION_ENTRY_NULL,
	};

	g_option_context_add_main_entries(octx, entries, NULL);
	return octx;
}

/* Steps Q and writes each row to OUT as it comes. */
static int run_query(struct cli *cli, struct st_query *q,
                     struct out_stream *out)
{
	struct cbm_error err = {0};
	enum cbm_status rc = view_query_stream(q, out, 0, 0, NULL, NULL, &err);

	/* A failed write is reported by main(); a sheet that is full, or a
	 * file that cannot be written, here. */
	if (rc != CBM_OK && out_stream_status(out, NULL) == CBM_EINTERNAL)
		return CBM_EINTERNAL;
	if (rc != CBM_OK)
		return cli_fail(cli, &err);
	return CBM_OK;
}

/* The documented views, their descriptions and columns, into T. */
static void list_views(struct st_db *db, struct out_table *t)
{
	size_t n;
	const struct st_view *views = st_views(&n);

	out_table_column(t, "view");
	out_table_column(t, "description");
	out_table_column(t, "columns");
	for (size_t i = 0; i < n; i++) {
		char *cols = view_columns(db, views[i].name);
		out_table_row(t);
		out_set(t, 0, views[i].name, NULL, false);
		out_set(t, 1, views[i].description, NULL, false);
		out_set(t, 2, cols, NULL, false);
		g_free(cols);
	}
}

/* The table format of the list: three long columns do not fit a
 * terminal, so one block each. */
static void print_list(const struct out_table *t, FILE *fp)
{
	for (guint i = 0; i < t->rows->len; i++) {
		const struct out_cell *c = g_ptr_array_index(t->rows, i);
		fprintf(fp, "%s\n  %s\n  columns: %s\n\n", c[0].plain,
		        c[1].plain, c[2].plain);
	}
}

/* A workbook of the result: its sheet, then the Read me. */
static int run_book(struct cli *cli, struct st_query *q,
                    const struct out_table *list, struct out_book *b,
                    const char *command)
{
	struct view_book bk = {
	    .lang = CBM_LANG_EN, .command = command, .db_path = cli->db_path};
	struct cbm_error err = {0};

	if (view_book_query(b, &bk, q, list, &err) != CBM_OK)
		return cli_fail(cli, &err);
	return CBM_OK;
}

/* Writes the result of Q, or the list of views, into OUTPUT (NULL:
 * stdout) in FORMAT: a file appears whole or not at all. */
static int write_result(struct cli *cli, struct st_query *q, bool list,
                        enum out_format format, const char *output,
                        const char *command)
{
	struct cbm_outfile of = {0};
	struct cbm_error err = {0};
	struct out_book *b = NULL;
	struct out_table t;
	struct out_stream *out;
	int rc = CBM_OK;

	out_table_init(&t);
	if (list)
		list_views(cli->db, &t);
	if (cbm_outfile_open(&of, output ? output : "-", &err) != CBM_OK ||
	    (format == OUT_XLSX &&
	     out_book_open(&b, &of, true, &err) != CBM_OK))
		rc = cli_fail(cli, &err);
	else if (format == OUT_XLSX)
		rc = run_book(cli, q, list ? &t : NULL, b, command);
	else if (list && format == OUT_TABLE)
		print_list(&t, of.fp);
	else if (list)
		out_print(&t, format, of.fp);
	else {
		out = out_stream_open(format, of.fp);
		rc = run_query(cli, q, out);
		out_stream_close(out);
	}
	if (b && rc == CBM_OK && out_book_close(b, &err) != CBM_OK)
		rc = cli_fail(cli, &err);
	else if (b && rc != CBM_OK)
		out_book_abort(b);
	/* A result cut short stays cut short on stdout (see run_query); a
	 * file is written whole or not at all. */
	if (rc == CBM_OK && cbm_outfile_commit(&of, &err) != CBM_OK)
		rc = cli_fail(cli, &err);
	else if (rc == CBM_OK && output)
		cli_wrote(output);
	if (!output)
		fflush(stdout);
	cbm_outfile_abort(&of);
	out_table_release(&t);
	return rc;
}

int cmd_query(struct cli *cli, int argc, char **argv)
{
	struct query_opts o = {.timeout = QUERY_TIMEOUT_DEFAULT};
	GOptionContext *octx = cmd_query_options(cli, &o);
	struct cbm_error err = {0};
	struct st_query *q = NULL;
	enum out_format format = OUT_TABLE;
	char *command = cli_command_line(argc, argv);
	const char *output;
	int rc = cli_parse(cli, octx, &argc, &argv);

	g_option_context_free(octx);
	if (rc == CBM_OK && o.timeout < 0)
		rc = cli_usage(cli, "--timeout takes seconds, 0 or more");
	if (rc == CBM_OK && !o.list && argc != 2)
		rc = cli_usage(cli, "give one SQL statement, in quotes");
	if (rc == CBM_OK && o.list && argc != 1)
		rc = cli_usage(cli, "--list takes no SQL");
	if (rc == CBM_OK)
		rc = cli_output_format(cli, o.format, o.output, &format);
	output = o.output && !cbm_outfile_is_stdout(o.output) ? o.output : NULL;
	if (rc == CBM_OK)
		rc = cli_ready(cli);
	if (rc == CBM_OK && !o.list &&
	    st_query_open(&q, cli->db, argv[1], (unsigned)o.timeout, &err) !=
	        CBM_OK)
		rc = cli_fail(cli, &err);
	if (rc == CBM_OK)
		rc = write_result(cli, q, o.list, format, output, command);
	st_query_close(q);
	g_free(o.format);
	g_free(o.output);
	g_free(command);
	return rc;
}
