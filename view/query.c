/*
 * query.c - the rows of a read-only query (store/'s guard) as typed cells
 * of output/, streamed: the same printing for cbm query and the web view.
 */
#include <math.h>
#include <string.h>

#include "view.h"

/* How a result column is printed beyond its SQLite type: money of the
 * documented views with its currency's decimals, rates as rates. */
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

enum cbm_status view_query_stream(struct st_query *q, struct out_stream *out,
                                  size_t skip, size_t max_rows, size_t *rows,
                                  bool *more, struct cbm_error *err)
{
	sqlite3_stmt *st = st_query_stmt(q);
	int ncol = sqlite3_column_count(st);
	struct out_cell *cells = g_new0(struct out_cell, (size_t)ncol + 1);
	struct query_col *cols = query_cols(st, ncol);
	enum cbm_status rc = CBM_OK;
	bool row = false, written = true;
	size_t n = 0;

	for (int c = 0; c < ncol; c++)
		out_stream_column(out, sqlite3_column_name(st, c));
	while (written && (rc = st_query_step(q, &row, err)) == CBM_OK && row) {
		if (skip > 0) {
			skip--;
			continue;
		}
		if (max_rows > 0 && n == max_rows)
			break;
		for (int c = 0; c < ncol && rc == CBM_OK; c++)
			if (!cell_of(st, c, &cols[c], &cells[c]))
				rc = st_query_failed(q, err);
		if (rc != CBM_OK)
			break;
		written = out_stream_row(out, cells);
		n += written;
	}
	/* On an error the rows so far stay and the output is left unended
	 * (an open json array): no one takes it for the whole result. */
	if (rc == CBM_OK && written)
		out_stream_finish(out);
	if (rows)
		*rows = n;
	if (more)
		*more = rc == CBM_OK && row && max_rows > 0 && n == max_rows;
	g_free(cells);
	g_free(cols);
	if (rc == CBM_OK && !written)
		rc = out_stream_status(out, err);
	return rc;
}

/* The columns of a view, comma-separated (caller frees). */
char *view_columns(struct st_db *db, const char *view)
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
