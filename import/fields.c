/*
 * fields.c - typed values from the current record.  Each helper reads one
 * column, reports what is wrong with it at FILE:LINE:COLUMN (in a
 * workbook FILE:SHEET!CELL:COLUMN) with the offending value, and returns
 * false; row handlers carry on with the other columns so that one run
 * shows every problem of a row.
 *
 * A workbook's cells keep their types: a number cell is read as the number
 * it is (its plain form "1234.56", so that the rules on decimals hold but
 * the one on "50,000" does not: that is for text), a date cell as its day,
 * and a number where a date belongs, or a date where a number belongs, is
 * an error that says so.  Text cells read as the fields of a CSV file.
 */
#include <stdio.h>
#include <string.h>

#include "import_internal.h"

static void add_diag(struct imp_ctx *ctx, enum imp_severity sev, int col,
                     const char *value, const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));

static void add_diag(struct imp_ctx *ctx, enum imp_severity sev, int col,
                     const char *value, const char *fmt, va_list ap)
{
	char *msg = g_strdup_vprintf(fmt, ap);
	const char *column =
	    col >= 0 && ctx->header[col] ? ctx->header[col] : "";
	const struct imp_record *rec = ctx->rec;
	int i = col >= 0 ? ctx->col[col] : -1;
	int cell = rec->cells && i >= 0 && (size_t)i < rec->n_fields
	               ? rec->cells[i].column
	               : -1;

	imp_diags_add_cell(&ctx->res->diags, sev, ctx->file, rec->sheet,
	                   rec->line, cell, column, value, "%s", msg);
	g_free(msg);
}

void imp_ctx_error(struct imp_ctx *ctx, int col, const char *value,
                   const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_diag(ctx, IMP_ERROR, col, value, fmt, ap);
	va_end(ap);
	ctx->writing = false;
}

void imp_ctx_warning(struct imp_ctx *ctx, int col, const char *value,
                     const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_diag(ctx, IMP_WARNING, col, value, fmt, ap);
	va_end(ap);
}

bool imp_ctx_row_ok(const struct imp_ctx *ctx)
{
	return ctx->res->diags.errors == ctx->row_errors &&
	       !ctx->res->diags.truncated;
}

const char *imp_ctx_text(struct imp_ctx *ctx, int col)
{
	int i = ctx->col[col];
	char *s;

	if (i < 0 || (size_t)i >= ctx->rec->n_fields)
		return NULL;
	s = imp_trim(ctx->rec->fields[i]);
	return *s ? s : NULL;
}

/* The workbook cell of column COL; NULL in a text file or when absent. */
static const struct imp_cell *ctx_cell(struct imp_ctx *ctx, int col)
{
	int i = ctx->col[col];

	if (!ctx->rec->cells || i < 0 || (size_t)i >= ctx->rec->n_fields)
		return NULL;
	return &ctx->rec->cells[i];
}

static bool is_cell(struct imp_ctx *ctx, int col, enum imp_cell_type type)
{
	const struct imp_cell *cell = ctx_cell(ctx, col);

	return cell && cell->type == type;
}

static bool missing(struct imp_ctx *ctx, int col)
{
	imp_ctx_error(ctx, col, NULL, "missing value");
	return false;
}

bool imp_ctx_get_text(struct imp_ctx *ctx, int col, bool required,
                      bool multiline, const char **out)
{
	const char *s = imp_ctx_text(ctx, col);
	char why[128];

	*out = s;
	if (!s)
		return required ? missing(ctx, col) : true;
	if (!imp_check_text(s, multiline, why, sizeof(why))) {
		imp_ctx_error(ctx, col, s, "%s", why);
		return false;
	}
	return true;
}

bool imp_ctx_get_state_name(struct imp_ctx *ctx, int col, const char *name,
                            const char **code)
{
	const char *hint;

	*code = imp_names_resolve(ctx->names, name);
	if (*code)
		return true;
	hint = imp_names_suggest(ctx->names, name);
	if (hint)
		imp_ctx_error(ctx, col, name,
		              "not a known state (did you mean '%s'?)", hint);
	else
		imp_ctx_error(
		    ctx, col, name,
		    "not a known state code, name or alias (states.csv "
		    "can give it an alias)");
	return false;
}

bool imp_ctx_get_state(struct imp_ctx *ctx, int col, const char **code)
{
	const char *s = imp_ctx_text(ctx, col);

	*code = NULL;
	if (!s)
		return missing(ctx, col);
	return imp_ctx_get_state_name(ctx, col, s, code);
}

bool imp_ctx_get_area(struct imp_ctx *ctx, int col, char *code, size_t n)
{
	const char *s = imp_ctx_text(ctx, col);
	char *up;
	bool known;

	if (!s)
		return missing(ctx, col);
	up = g_utf8_strup(s, -1);
	known = g_hash_table_contains(ctx->areas, up);
	snprintf(code, n, "%s", up);
	g_free(up);
	if (!known)
		imp_ctx_error(ctx, col, s,
		              "unknown priority area; load it with 'cbm import "
		              "areas'");
	return known;
}

bool imp_ctx_get_year(struct imp_ctx *ctx, int col, bool required, int *year)
{
	const char *s = imp_ctx_text(ctx, col);

	if (!s)
		return required ? missing(ctx, col) : true;
	if (is_cell(ctx, col, IMP_CELL_DATE)) {
		imp_ctx_error(ctx, col, s,
		              "a date, not a year; write the year as a number");
		return false;
	}
	if (!imp_parse_year(s, year)) {
		imp_ctx_error(ctx, col, s, "not a year (1900 to 2100)");
		return false;
	}
	return true;
}

/* A date cell's day, within the years a date field may have. */
static bool cell_date(struct imp_ctx *ctx, int col, const char *s,
                      int32_t *days)
{
	int y, m, d;

	*days = ctx_cell(ctx, col)->days;
	cbm_civil_from_days(*days, &y, &m, &d);
	if (y < 1900 || y > 2100) {
		imp_ctx_error(ctx, col, s,
		              "a date outside the years 1900 to 2100");
		return false;
	}
	return true;
}

bool imp_ctx_get_date(struct imp_ctx *ctx, int col, bool required,
                      int32_t *days, bool *present)
{
	const char *s = imp_ctx_text(ctx, col);
	char why[160];

	if (present)
		*present = s != NULL;
	if (!s)
		return required ? missing(ctx, col) : true;
	if (is_cell(ctx, col, IMP_CELL_DATE))
		return cell_date(ctx, col, s, days);
	if (is_cell(ctx, col, IMP_CELL_NUMBER)) {
		imp_ctx_error(
		    ctx, col, s,
		    "a number, not a date; format the cell as a date");
		return false;
	}
	if (!imp_parse_date(s, ctx->opt->date_format, days, why, sizeof(why))) {
		imp_ctx_error(ctx, col, s, "%s", why);
		return false;
	}
	return true;
}

bool imp_ctx_get_currency(struct imp_ctx *ctx, int col, char cur[4])
{
	const char *s = imp_ctx_text(ctx, col);
	char *up;
	bool ok;

	cur[0] = '\0';
	if (!s)
		return missing(ctx, col);
	up = g_ascii_strup(s, -1);
	ok = cbm_currency_valid(up);
	if (ok)
		memcpy(cur, up, 4);
	else
		imp_ctx_error(ctx, col, s,
		              "not a currency code (three letters, ISO 4217)");
	g_free(up);
	return ok;
}

bool imp_ctx_get_amount(struct imp_ctx *ctx, int col, bool required,
                        const char *cur, bool positive, int64_t *minor,
                        bool *present)
{
	const char *s = imp_ctx_text(ctx, col);
	char why[160];
	char mark = ctx->opt->decimal_mark;

	if (present)
		*present = s != NULL;
	if (!s)
		return required ? missing(ctx, col) : true;
	if (is_cell(ctx, col, IMP_CELL_DATE)) {
		imp_ctx_error(ctx, col, s, "a date, not an amount");
		return false;
	}
	/* A number cell reads in its plain form, with '.' and no thousands
	 * separators: "50000", "1234.56". */
	if (is_cell(ctx, col, IMP_CELL_NUMBER))
		mark = '.';
	if (!imp_parse_amount(s, cur[0] ? cbm_currency_exponent(cur) : 3, mark,
	                      minor, why, sizeof(why))) {
		if (cur[0] && strstr(why, "decimals, but"))
			imp_ctx_error(ctx, col, s, "%s (%s)", why, cur);
		else
			imp_ctx_error(ctx, col, s, "%s", why);
		return false;
	}
	if (positive && *minor == 0) {
		imp_ctx_error(ctx, col, s, "amount must be greater than zero");
		return false;
	}
	return true;
}

bool imp_ctx_get_enum(struct imp_ctx *ctx, int col, const char *const *values,
                      int def, int *out)
{
	const char *s = imp_ctx_text(ctx, col);
	GString *list;

	if (!s) {
		if (def < 0)
			return missing(ctx, col);
		*out = def;
		return true;
	}
	for (int i = 0; values[i]; i++) {
		if (g_ascii_strcasecmp(s, values[i]) == 0) {
			*out = i;
			return true;
		}
	}
	list = g_string_new(NULL);
	for (int i = 0; values[i]; i++)
		g_string_append_printf(list, "%s%s", i ? ", " : "", values[i]);
	imp_ctx_error(ctx, col, s, "not one of %s", list->str);
	g_string_free(list, TRUE);
	return false;
}

bool imp_ctx_get_decimal(struct imp_ctx *ctx, int col, double min, double max,
                         double *out)
{
	const char *s = imp_ctx_text(ctx, col);
	char why[160];

	if (!s)
		return missing(ctx, col);
	if (is_cell(ctx, col, IMP_CELL_DATE)) {
		imp_ctx_error(ctx, col, s, "a date, not a number");
		return false;
	}
	if (is_cell(ctx, col, IMP_CELL_NUMBER)) {
		*out = ctx_cell(ctx, col)->number;
	} else if (!imp_parse_decimal(s, ctx->opt->decimal_mark, out, why,
	                              sizeof(why))) {
		imp_ctx_error(ctx, col, s, "%s", why);
		return false;
	}
	if (*out < min || *out > max) {
		imp_ctx_error(ctx, col, s, "not a number from %g to %g", min,
		              max);
		return false;
	}
	return true;
}

bool imp_ctx_get_rate(struct imp_ctx *ctx, int col, const char *cur,
                      int32_t days, double *usd_per_unit)
{
	char date[11];
	int rc;

	*usd_per_unit = 1.0;
	if (strcmp(cur, "USD") == 0)
		return true;
	cbm_date_iso(days, date);
	sqlite3_bind_text(ctx->rate_stmt, 1, cur, -1, SQLITE_STATIC);
	sqlite3_bind_text(ctx->rate_stmt, 2, date, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(ctx->rate_stmt);
	if (rc == SQLITE_ROW)
		*usd_per_unit = sqlite3_column_double(ctx->rate_stmt, 0);
	else if (rc != SQLITE_DONE)
		ctx->fatal =
		    st_sql_error(ctx->db, "cannot read fx rates", ctx->err);
	sqlite3_reset(ctx->rate_stmt);
	if (rc == SQLITE_ROW)
		return true;
	if (rc == SQLITE_DONE)
		imp_ctx_error(
		    ctx, col, cur,
		    "no fx rate for %s on or before %s; import fx rates "
		    "first",
		    cur, date);
	return false;
}

bool imp_ctx_unique_in_file(struct imp_ctx *ctx, int col, const char *key,
                            const char *what)
{
	gpointer line;

	if (g_hash_table_lookup_extended(ctx->seen, key, NULL, &line)) {
		if (ctx->rec->sheet)
			imp_ctx_error(ctx, col, NULL,
			              "%s repeats row %ld of this sheet", what,
			              (long)GPOINTER_TO_SIZE(line));
		else
			imp_ctx_error(ctx, col, NULL,
			              "%s repeats line %ld of this file", what,
			              (long)GPOINTER_TO_SIZE(line));
		return false;
	}
	g_hash_table_insert(ctx->seen, g_strdup(key),
	                    GSIZE_TO_POINTER((gsize)ctx->rec->line));
	return true;
}

enum cbm_status imp_ctx_prepare(struct imp_ctx *ctx, int i, const char *sql)
{
	if (sqlite3_prepare_v2(ctx->sql, sql, -1, &ctx->stmt[i], NULL) !=
	    SQLITE_OK)
		return ctx->fatal =
		           st_sql_error(ctx->db, "cannot prepare", ctx->err);
	return CBM_OK;
}

void imp_ctx_step(struct imp_ctx *ctx, sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE && !ctx->fatal)
		ctx->fatal =
		    st_sql_error(ctx->db, "cannot insert a row", ctx->err);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

int64_t imp_ctx_lookup(struct imp_ctx *ctx, sqlite3_stmt *st)
{
	int64_t id = 0;
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE && !ctx->fatal)
		ctx->fatal = st_sql_error(ctx->db, "cannot look up", ctx->err);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return id;
}

void imp_ctx_already(struct imp_ctx *ctx, int col, const char *value,
                     const char *what, int64_t batch)
{
	struct st_batch b;
	struct cbm_error ignore = {0};

	if (st_batch_get(ctx->db, batch, &b, &ignore) != CBM_OK)
		snprintf(b.file_name, sizeof(b.file_name), "?");
	imp_ctx_error(ctx, col, value,
	              "%s is already loaded by batch %lld (%s); to load a new "
	              "version use --replace %lld",
	              what, (long long)batch, b.file_name, (long long)batch);
}

void imp_ctx_count(struct imp_ctx *ctx, int i, long n)
{
	ctx->res->counts[i].count += n;
}
