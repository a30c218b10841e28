/*
 * fields.c - the fields of the current record, read by their column's
 * type (import_internal.h) into ctx->v.  Each problem is reported at
 * FILE:LINE:COLUMN (in a workbook FILE:SHEET!CELL:COLUMN) with the
 * offending value, and reading carries on with the other columns so that
 * one run shows every problem of a row.
 *
 * A workbook's cells keep their types: a number cell is read as the number
 * it is (its plain form "1234.56", so that the rules on decimals hold but
 * the one on "50,000" does not: that is for text), a date cell as its day,
 * and a number where a date belongs, or a date where a number belongs, is
 * an error that says so.  Text cells read as the fields of a CSV file.
 *
 * Amounts are read after every other column, in the currency of the row
 * (its currency column, or the currency a header names: "Amount (USD)").
 */
#include <math.h>
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
	    col >= 0 && ctx->h.name[col] ? ctx->h.name[col] : "";
	const struct imp_record *rec = ctx->rec;
	int cell = col >= 0 && rec->cells ? ctx->h.cell[col] : -1;

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
	int i = ctx->h.col[col];
	char *s;

	if (i < 0 || (size_t)i >= ctx->rec->n_fields)
		return NULL;
	s = imp_trim(ctx->rec->fields[i]);
	return *s ? s : NULL;
}

/* The workbook cell of column COL; NULL in a text file or when absent. */
static const struct imp_cell *ctx_cell(struct imp_ctx *ctx, int col)
{
	int i = ctx->h.col[col];

	if (!ctx->rec->cells || i < 0 || (size_t)i >= ctx->rec->n_fields)
		return NULL;
	return &ctx->rec->cells[i];
}

static bool is_cell(struct imp_ctx *ctx, int col, enum imp_cell_type type)
{
	const struct imp_cell *cell = ctx_cell(ctx, col);

	return cell && cell->type == type;
}

/* Reports the reason WHY at COL, for the value S. */
static bool why_error(struct imp_ctx *ctx, int col, const char *s,
                      const struct imp_why *why)
{
	char text[200];

	imp_why_text(why, text, sizeof(text));
	imp_ctx_error(ctx, col, s, "%s", text);
	return false;
}

/* ---- one value per type -------------------------------------------------- */

static bool read_text(struct imp_ctx *ctx, int col, const char *s,
                      bool multiline)
{
	struct imp_why why;

	if (!imp_read_text(s, multiline, &why))
		return why_error(ctx, col, s, &why);
	ctx->v[col].s = s;
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

/* The '|'-separated states of column COL: their codes, NULL-terminated
 * (borrowed from the name table); none named is an error when the column
 * is required. */
static bool read_states(struct imp_ctx *ctx, int col, const char *text)
{
	struct imp_value *v = &ctx->v[col];
	char **parts;
	int n = 0;

	if (!read_text(ctx, col, text, false))
		return false;
	parts = g_strsplit(text, "|", -1);
	v->list = g_new0(const char *, g_strv_length(parts) + 1);
	for (int i = 0; parts[i]; i++) {
		const char *code;
		if (!*imp_trim(parts[i]))
			continue;
		if (imp_ctx_get_state_name(ctx, col, parts[i], &code))
			v->list[n++] = code;
	}
	g_strfreev(parts);
	if (n == 0 && ctx->def->columns[col].required)
		imp_ctx_error(ctx, col, text, "no state named");
	return n > 0;
}

static bool read_area(struct imp_ctx *ctx, int col, const char *s)
{
	char *up = g_utf8_strup(s, -1);
	bool known = g_hash_table_contains(ctx->areas, up);

	snprintf(ctx->v[col].buf, sizeof(ctx->v[col].buf), "%s", up);
	g_free(up);
	if (!known)
		imp_ctx_error(ctx, col, s,
		              "unknown priority area; load it with 'cbm import "
		              "areas'");
	ctx->v[col].s = ctx->v[col].buf;
	return known;
}

static bool read_year(struct imp_ctx *ctx, int col, const char *s)
{
	int year;

	if (is_cell(ctx, col, IMP_CELL_DATE)) {
		imp_ctx_error(ctx, col, s,
		              "a date, not a year; write the year as a number");
		return false;
	}
	if (!imp_parse_year(s, &year)) {
		imp_ctx_error(ctx, col, s, "not a year (1900 to 2100)");
		return false;
	}
	ctx->v[col].i = year;
	return true;
}

static bool read_date(struct imp_ctx *ctx, int col, const char *s)
{
	struct imp_why why;
	int32_t days;
	int y, m, d;

	if (is_cell(ctx, col, IMP_CELL_DATE)) {
		days = ctx_cell(ctx, col)->days;
		cbm_civil_from_days(days, &y, &m, &d);
		if (y < 1900 || y > 2100) {
			imp_ctx_error(ctx, col, s,
			              "a date outside the years 1900 to 2100");
			return false;
		}
	} else if (is_cell(ctx, col, IMP_CELL_NUMBER)) {
		imp_ctx_error(
		    ctx, col, s,
		    "a number, not a date; format the cell as a date");
		return false;
	} else if (!imp_read_date(s, ctx->opt->date_format, &days, &why)) {
		return why_error(ctx, col, s, &why);
	}
	ctx->v[col].i = days;
	return true;
}

/* The currency of the row; a currency named in a header ("Amount (USD)")
 * must be the same. */
static bool read_currency(struct imp_ctx *ctx, int col, const char *s)
{
	struct imp_value *v = &ctx->v[col];
	size_t n = strlen(s);
	bool ok = n < sizeof(v->buf);

	for (size_t i = 0; ok && i <= n; i++)
		v->buf[i] = g_ascii_toupper(s[i]);
	ok = ok && cbm_currency_valid(v->buf);
	if (!ok)
		imp_ctx_error(ctx, col, s,
		              "not a currency code (three letters, ISO 4217)");
	if (ok && ctx->h.currency_of_file[0] &&
	    strcmp(v->buf, ctx->h.currency_of_file) != 0) {
		imp_ctx_error(ctx, col, s,
		              "not the currency a header names (%s)",
		              ctx->h.currency_of_file);
		ok = false;
	}
	if (ok) {
		v->s = v->buf;
		memcpy(ctx->currency, v->buf, sizeof(ctx->currency));
	}
	return ok;
}

static bool read_amount(struct imp_ctx *ctx, int col, const char *s)
{
	const char *cur = ctx->currency;
	char mark = ctx->opt->decimal_mark;
	struct imp_why why;
	char text[200];

	if (is_cell(ctx, col, IMP_CELL_DATE)) {
		imp_ctx_error(ctx, col, s, "a date, not an amount");
		return false;
	}
	/* A number cell reads in its plain form, with '.' and no thousands
	 * separators: "50000", "1234.56". */
	if (is_cell(ctx, col, IMP_CELL_NUMBER))
		mark = '.';
	if (!imp_read_amount(s, cur[0] ? cbm_currency_exponent(cur) : 3, mark,
	                     &ctx->v[col].i, &why)) {
		imp_why_text(&why, text, sizeof(text));
		if (cur[0] && why.reason == IMP_R_DECIMALS)
			imp_ctx_error(ctx, col, s, "%s (%s)", text, cur);
		else
			imp_ctx_error(ctx, col, s, "%s", text);
		return false;
	}
	if (ctx->def->columns[col].type == IMP_T_PAYMENT &&
	    ctx->v[col].i == 0) {
		imp_ctx_error(ctx, col, s, "amount must be greater than zero");
		return false;
	}
	return true;
}

static bool read_number(struct imp_ctx *ctx, int col, const char *s)
{
	const struct imp_column *c = &ctx->def->columns[col];
	struct imp_why why;
	double *out = &ctx->v[col].d;

	if (is_cell(ctx, col, IMP_CELL_DATE)) {
		imp_ctx_error(ctx, col, s, "a date, not a number");
		return false;
	}
	if (is_cell(ctx, col, IMP_CELL_NUMBER))
		*out = ctx_cell(ctx, col)->number;
	else if (!imp_read_decimal(s, ctx->opt->decimal_mark, out, &why))
		return why_error(ctx, col, s, &why);
	if (*out < c->min || *out > c->max) {
		imp_ctx_error(ctx, col, s, "not a number from %g to %g", c->min,
		              c->max);
		return false;
	}
	return true;
}

/* How many values of one column as written are remembered: an
 * enumerated column has a few (a file that has more has errors). */
#define WORDS_SEEN_MAX 256

/* The word of column COL that S is, in English, Russian, Kazakh or as
 * --map says; NULL when none.  A key is NFKC and case folding, which
 * for a million rows of 'voluntary' cost more than reading the rest of
 * the row: values as written are remembered per column. */
static const char *mapped_word(struct imp_ctx *ctx, int col, const char *s)
{
	static const char none[] = "";
	GHashTable **seen = &ctx->h.seen[col];
	gpointer memo;
	char *key;
	const char *to;

	if (!ctx->h.words[col])
		return NULL;
	if (*seen && g_hash_table_lookup_extended(*seen, s, NULL, &memo))
		return memo == none ? NULL : memo;
	key = imp_header_key(s, NULL);
	to = g_hash_table_lookup(ctx->h.words[col], key);
	g_free(key);
	if (!*seen)
		*seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
		                              NULL);
	if (g_hash_table_size(*seen) < WORDS_SEEN_MAX)
		g_hash_table_insert(*seen, g_strdup(s),
		                    (gpointer)(to ? to : none));
	return to;
}

static bool read_enum(struct imp_ctx *ctx, int col, const char *s)
{
	const struct imp_enum_value *values = ctx->def->columns[col].values;
	const char *word = mapped_word(ctx, col, s);
	GString *list;

	for (int i = 0; values[i].en; i++) {
		if (g_ascii_strcasecmp(word ? word : s, values[i].en) == 0) {
			ctx->v[col].i = i;
			ctx->v[col].s = values[i].en;
			return true;
		}
	}
	list = g_string_new(NULL);
	for (int i = 0; values[i].en; i++)
		g_string_append_printf(list, "%s%s", i ? ", " : "",
		                       values[i].en);
	imp_ctx_error(ctx, col, s,
	              "not one of %s (or their Russian or Kazakh words: "
	              "'cbm help import %s')",
	              list->str, ctx->def->name);
	g_string_free(list, TRUE);
	return false;
}

/* An empty field: missing when required, else the column's default. */
static void read_empty(struct imp_ctx *ctx, int col)
{
	const struct imp_column *c = &ctx->def->columns[col];
	struct imp_value *v = &ctx->v[col];

	if (c->type == IMP_T_CURRENCY && ctx->h.currency_of_file[0]) {
		snprintf(v->buf, sizeof(v->buf), "%s", ctx->h.currency_of_file);
		snprintf(ctx->currency, sizeof(ctx->currency), "%s", v->buf);
		v->s = v->buf;
		v->set = true;
	} else if (c->required) {
		imp_ctx_error(ctx, col, NULL, "missing value");
	} else if (c->type == IMP_T_ENUM && c->def >= 0) {
		v->i = c->def;
		v->s = c->values[c->def].en;
		v->set = true;
	}
}

static bool read_field(struct imp_ctx *ctx, int col, const char *s)
{
	switch (ctx->def->columns[col].type) {
	case IMP_T_TEXT:
		return read_text(ctx, col, s, false);
	case IMP_T_NOTE:
		return read_text(ctx, col, s, true);
	case IMP_T_CODE:
		ctx->v[col].s = s;
		return true;
	case IMP_T_STATE:
		return imp_ctx_get_state_name(ctx, col, s, &ctx->v[col].s);
	case IMP_T_STATES:
		return read_states(ctx, col, s);
	case IMP_T_AREA:
		return read_area(ctx, col, s);
	case IMP_T_YEAR:
		return read_year(ctx, col, s);
	case IMP_T_DATE:
		return read_date(ctx, col, s);
	case IMP_T_CURRENCY:
		return read_currency(ctx, col, s);
	case IMP_T_MONEY:
	case IMP_T_PAYMENT:
		return read_amount(ctx, col, s);
	case IMP_T_NUMBER:
		return read_number(ctx, col, s);
	case IMP_T_ENUM:
		return read_enum(ctx, col, s);
	}
	return false;
}

static bool is_money(const struct imp_column *c)
{
	return c->type == IMP_T_MONEY || c->type == IMP_T_PAYMENT;
}

void imp_ctx_read_row(struct imp_ctx *ctx)
{
	const struct kind_def *def = ctx->def;

	ctx->currency[0] = '\0';
	/* Two passes: an amount needs the row's currency. */
	for (int pass = 0; pass < 2; pass++) {
		for (int c = 0; c < def->n_columns; c++) {
			struct imp_value *v = &ctx->v[c];
			const char *s, *word;
			if (is_money(&def->columns[c]) != (pass == 1))
				continue;
			v->set = false;
			v->s = NULL;
			v->text = s = imp_ctx_text(ctx, c);
			if (!s) {
				read_empty(ctx, c);
				continue;
			}
			word = def->columns[c].type == IMP_T_ENUM
			           ? NULL
			           : mapped_word(ctx, c, s);
			v->set = read_field(ctx, c, word ? word : s);
			if (!v->set)
				v->s = NULL;
		}
	}
}

void imp_ctx_clear_row(struct imp_ctx *ctx)
{
	for (int c = 0; c < ctx->def->n_columns; c++) {
		g_free(ctx->v[c].list);
		ctx->v[c].list = NULL;
	}
}

/* ---- lookups ------------------------------------------------------------- */

/* The rates of one currency: every rate the store has for it, read once,
 * by day; and a memo of the rate on each day rows name, in blocks of
 * RATE_BLOCK days made as rows need them, so that its memory follows the
 * days of the file, not the span between its first and last. */
enum { RATE_BLOCK = 256 };

struct known_rate {
	int32_t day;
	double rate;
};

struct imp_rate_days {
	char cur[4];
	GArray *known;     /* struct known_rate, by day */
	uint32_t first;    /* the block of blocks->pdata[0] */
	GPtrArray *blocks; /* double[RATE_BLOCK], or NULL: no row yet.  A
	                    * rate is NAN, not looked up yet; 0, none on or
	                    * before that day */
};

void imp_rate_days_free(void *p)
{
	struct imp_rate_days *r = p;

	g_array_free(r->known, TRUE);
	g_ptr_array_free(r->blocks, TRUE);
	g_free(r);
}

/* Reads every rate of R's currency from the store, in one query: rows
 * are being written meanwhile (writer.c), so the reader takes the
 * connection once per currency, not once per day. */
static void load_rates(struct imp_ctx *ctx, struct imp_rate_days *r)
{
	sqlite3_stmt *st = ctx->rate_stmt;
	int rc;

	if (imp_stage_pause(ctx) != CBM_OK)
		return; /* the import failed: no more SQL */
	sqlite3_bind_text(st, 1, r->cur, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct known_rate k = {0, sqlite3_column_double(st, 1)};
		const char *date = (const char *)sqlite3_column_text(st, 0);
		if (date && cbm_date_parse_iso(date, &k.day))
			g_array_append_val(r->known, k);
	}
	if (rc != SQLITE_DONE && !ctx->fatal)
		ctx->fatal =
		    st_sql_error(ctx->db, "cannot read fx rates", ctx->err);
	sqlite3_reset(st);
}

/* The rate of R's currency on DAYS, or the last before; 0 when none. */
static double known_rate(const struct imp_rate_days *r, int32_t days)
{
	guint lo = 0, hi = r->known->len; /* the first after DAYS: hi */

	while (lo < hi) {
		guint mid = lo + (hi - lo) / 2;
		if (g_array_index(r->known, struct known_rate, mid).day <= days)
			lo = mid + 1;
		else
			hi = mid;
	}
	return hi ? g_array_index(r->known, struct known_rate, hi - 1).rate
	          : 0;
}

/* The rates of CUR, read from the store if new. */
static struct imp_rate_days *rates_of(struct imp_ctx *ctx, const char *cur)
{
	struct imp_rate_days *r;

	for (guint i = 0; i < ctx->rates->len; i++) {
		r = ctx->rates->pdata[i];
		if (strcmp(r->cur, cur) == 0)
			return r;
	}
	r = g_new0(struct imp_rate_days, 1);
	g_strlcpy(r->cur, cur, sizeof(r->cur));
	r->known = g_array_new(FALSE, FALSE, sizeof(struct known_rate));
	r->first = UINT32_MAX;
	r->blocks = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(ctx->rates, r);
	load_rates(ctx, r);
	return r;
}

/* The memo's slot of R on DAYS, made (NAN) if new. */
static double *rate_slot(struct imp_rate_days *r, int32_t days)
{
	/* Days from before year 1 (cbm_date_valid), so that the blocks
	 * count from 0. */
	uint32_t day = (uint32_t)((int64_t)days + 800000);
	uint32_t b = day / RATE_BLOCK;
	double *block;

	if (!r->blocks->len)
		r->first = b;
	if (b < r->first) { /* room before: the blocks there move up */
		guint n = r->first - b, len = r->blocks->len;
		g_ptr_array_set_size(r->blocks, len + n);
		memmove(r->blocks->pdata + n, r->blocks->pdata,
		        len * sizeof(gpointer));
		memset(r->blocks->pdata, 0, n * sizeof(gpointer));
		r->first = b;
	}
	if (b - r->first >= r->blocks->len)
		g_ptr_array_set_size(r->blocks, b - r->first + 1);
	block = r->blocks->pdata[b - r->first];
	if (!block) {
		block = g_new(double, RATE_BLOCK);
		for (int i = 0; i < RATE_BLOCK; i++)
			block[i] = NAN;
		r->blocks->pdata[b - r->first] = block;
	}
	return &block[day % RATE_BLOCK];
}

bool imp_ctx_get_rate(struct imp_ctx *ctx, int col, const char *cur,
                      int32_t days, double *usd_per_unit)
{
	struct imp_rate_days *r;
	char date[11];
	double *memo, rate;

	*usd_per_unit = 1.0;
	if (strcmp(cur, "USD") == 0)
		return true;
	/* Payments cluster on few days: one search per currency and day,
	 * remembered in blocks of the currency's days (a hash lookup per
	 * row cost 4 % of a million-row import). */
	r = rates_of(ctx, cur);
	memo = rate_slot(r, days);
	if (isnan(*memo))
		*memo = known_rate(r, days);
	rate = *memo;
	if (rate > 0) {
		*usd_per_unit = rate;
		return true;
	}
	cbm_date_iso(days, date);
	if (!ctx->fatal)
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
		if (ctx->sheet)
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
