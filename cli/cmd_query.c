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

/* How a result column is printed beyond its SQLite type: money of the
 * documented views with its currency's decimals, rates as rates; a
 * table's own columns (money in minor units) as they are. */
struct query_col {
	const struct st_view_column *view; /* NULL: as SQLite gives it */
	int currency; /* money: the result column naming the row's currency,
	               * or -1 */
	char buf[CBM_MONEY_BUF]; /* money: this row's value as text */
};

/* The printing of each of the NCOL columns of ST. */
static struct query_col *query_cols(sqlite3_stmt *st, int ncol)
{
	struct query_col *cols = g_new0(struct query_col, (size_t)ncol + 1);

	for (int c = 0; c < ncol; c++) {
		/* A column straight from a table (it has an origin) holds
		 * money as the table stores it, in minor units: printed as
		 * SQLite gives it.  The views' money is computed (no origin). */
		if (sqlite3_column_origin_name(st, c))
			cols[c].view = NULL;
		else
			cols[c].view =
			    st_view_column(sqlite3_column_name(st, c));
		cols[c].currency = -1;
		for (int k = 0;
		     cols[c].view && cols[c].view->currency && k < ncol; k++)
			if (strcmp(sqlite3_column_name(st, k),
			           cols[c].view->currency) == 0)
				cols[c].currency = k;
	}
	return cols;
}

/* Decimals of a money value V of column COL in this row: those of the
 * row's currency, 2 for US dollars; without a currency column, 2, or 3
 * when V has a third decimal (BHD, JOD, KWD). */
static int money_decimals(sqlite3_stmt *st, const struct query_col *col,
                          double v)
{
	const unsigned char *code;
	double cents;

	if (!col->view->currency)
		return 2;
	if (col->currency >= 0 &&
	    (code = sqlite3_column_text(st, col->currency)) &&
	    cbm_currency_valid((const char *)code))
		return cbm_currency_exponent((const char *)code);
	cents = v * 100.0;
	return fabs(cents - round(cents)) > 1e-6 * fmax(1.0, fabs(cents)) ? 3
	                                                                  : 2;
}

/* One SQLite value of column C as a cell, pointing into the statement's
 * memory (or COL's buffer): numbers stay numbers, money with its
 * currency's decimals; NaN and infinities, which JSON cannot hold,
 * become undefined; text keeps its length, NUL bytes included, and a
 * text that is a day (YYYY-MM-DD) is a date for a workbook.  False when
 * SQLite could not give the value (out of memory). */
static bool cell_of(sqlite3_stmt *st, int c, struct query_col *col,
                    struct out_cell *cell)
{
	int type = sqlite3_column_type(st, c);
	bool number = type == SQLITE_INTEGER || type == SQLITE_FLOAT;
	double v = number ? sqlite3_column_double(st, c) : 0;
	int32_t day;

	memset(cell, 0, sizeof(*cell));
	cell->number = number;
	if (type == SQLITE_NULL || (type == SQLITE_FLOAT && !isfinite(v))) {
		cell->display = "";
	} else if (type == SQLITE_BLOB) {
		cell->plain = "(blob)";
		cell->len = strlen(cell->plain);
		cell->kind = OUT_TEXT;
	} else if (number && col->view && col->view->kind == ST_COLUMN_MONEY) {
		cell->kind = OUT_MONEY;
		cell->decimals = money_decimals(st, col, v);
		snprintf(col->buf, sizeof(col->buf), "%.*f", cell->decimals, v);
		cell->plain = col->buf;
		cell->len = strlen(col->buf);
	} else {
		/* Text first, then its length in that form (SQLite's rule). */
		cell->plain = (const char *)sqlite3_column_text(st, c);
		cell->len = (size_t)sqlite3_column_bytes(st, c);
		if (!cell->plain)
			return false;
		cell->kind = OUT_TEXT;
		cell->decimals = -1;
		if (type == SQLITE_INTEGER) {
			cell->kind = OUT_INT;
		} else if (number && col->view) {
			cell->kind = OUT_RATE;
			cell->decimals = 1;
		} else if (number) {
			cell->kind = OUT_REAL;
		} else if (cell->len == 10 &&
		           cbm_date_parse_iso(cell->plain, &day)) {
			cell->kind = OUT_DATE;
		}
	}
	return true;
}

/* Steps Q and writes each row to OUT as it comes. */
static int run_query(struct cli *cli, struct st_query *q,
                     struct out_stream *out)
{
	sqlite3_stmt *st = st_query_stmt(q);
	int ncol = sqlite3_column_count(st);
	struct out_cell *cells = g_new0(struct out_cell, (size_t)ncol + 1);
	struct query_col *cols = query_cols(st, ncol);
	struct cbm_error err = {0};
	enum cbm_status rc = CBM_OK;
	bool row, written = true;

	for (int c = 0; c < ncol; c++)
		out_stream_column(out, sqlite3_column_name(st, c));
	while (written && (rc = st_query_step(q, &row, &err)) == CBM_OK &&
	       row) {
		for (int c = 0; c < ncol && rc == CBM_OK; c++)
			if (!cell_of(st, c, &cols[c], &cells[c]))
				rc = st_query_failed(q, &err);
		if (rc != CBM_OK)
			break;
		written = out_stream_row(out, cells);
	}
	/* On an error the rows so far stay and the output is left unended
	 * (an open json array): no one takes it for the whole result.  A
	 * failed write is reported by main(); a sheet that is full, or a
	 * file that cannot be written, here. */
	if (rc == CBM_OK && written)
		out_stream_finish(out);
	g_free(cells);
	g_free(cols);
	if (rc != CBM_OK)
		return cli_fail(cli, &err);
	if (!written && out_stream_status(out, &err) == CBM_EDATA)
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
	struct cli_book bk = {
	    .lang = CBM_LANG_EN, .command = command, .db_path = cli->db_path};
	GPtrArray *sheets = g_ptr_array_new_with_free_func(cli_sheet_free);
	struct cli_sheet *sheet = g_new0(struct cli_sheet, 1);
	struct cbm_error err = {0};
	struct out_stream *out;
	int rc = CBM_OK;

	sheet->name = g_strdup(list ? "Views" : "Query");
	sheet->note = g_strdup(list ? "The documented views and their columns."
	                            : rpt_label(CBM_LANG_EN, "def.query"));
	g_ptr_array_add(sheets, sheet);
	if (cli_book_info(b, &bk, &err) != CBM_OK ||
	    (list && out_book_table(b, sheet->name, list, &err) != CBM_OK))
		rc = cli_fail(cli, &err);
	if (rc == CBM_OK && !list) {
		out = out_stream_sheet(b, sheet->name);
		rc = run_query(cli, q, out);
		out_stream_close(out);
	}
	if (rc == CBM_OK && cli_book_readme(b, &bk, sheets, &err) != CBM_OK)
		rc = cli_fail(cli, &err);
	g_ptr_array_free(sheets, TRUE);
	return rc;
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
