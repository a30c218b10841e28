/*
 * fx.c - stored money in US dollars.
 *
 * Each money row keeps usd_per_unit, the rate of its currency on its date
 * (the latest rate on or before it; USD is 1), and its amount in US cents,
 * rounded half away from zero.  Figures in USD then sum integers without
 * any lookup; figures in another report currency R use the stored rate and
 * R's own rate on the row's date (see analysis/).  Whenever fx rates
 * change, st_fx_recompute() brings every row back in line.
 */
#include <stdio.h>
#include <string.h>

#include "store.h"
#include "store_internal.h"

/* The arguments of cbm_convert() and cbm_convert_wide(): amount,
 * from_currency, from_usd_per_unit, to_currency, to_usd_per_unit.  False
 * (with the result set to NULL, or to an error) when there is nothing to
 * convert: a NULL argument is a missing rate. */
struct convert_args {
	int64_t amount;
	int from_exp, to_exp;
	double from_usd, to_usd;
};

static bool convert_args(sqlite3_context *ctx, int argc, sqlite3_value **argv,
                         struct convert_args *a)
{
	const char *from, *to;

	for (int i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			sqlite3_result_null(ctx);
			return false;
		}
	}
	from = (const char *)sqlite3_value_text(argv[1]);
	to = (const char *)sqlite3_value_text(argv[3]);
	if (!from || !to) {
		sqlite3_result_error_nomem(ctx);
		return false;
	}
	a->amount = sqlite3_value_int64(argv[0]);
	a->from_exp = cbm_currency_exponent(from);
	a->from_usd = sqlite3_value_double(argv[2]);
	a->to_exp = cbm_currency_exponent(to);
	a->to_usd = sqlite3_value_double(argv[4]);
	return true;
}

/* cbm_convert(amount, from_currency, from_usd_per_unit, to_currency,
 * to_usd_per_unit): minor units of FROM converted to minor units of TO,
 * rounded half away from zero, one transaction at a time.  NULL when a
 * rate is missing, or when the result is 9 x 10^15 or more: the US cents
 * the store keeps per row (st_fx_recompute refuses such a row). */
static void sql_convert(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct convert_args a;
	int64_t out;

	if (!convert_args(ctx, argc, argv, &a))
		return;
	if (!cbm_money_convert(a.amount, a.from_exp, a.from_usd, a.to_exp,
	                       a.to_usd, &out)) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_int64(ctx, out);
}

/* cbm_convert_wide(...): the same for figures in a report currency,
 * without the 64-bit limit: an INTEGER when the result fits, otherwise
 * its exact digits as TEXT (see money.c).  NULL when a rate is missing;
 * an error, never a silent NULL, when the result is out of reach. */
static void sql_convert_wide(sqlite3_context *ctx, int argc,
                             sqlite3_value **argv)
{
	struct convert_args a;
	cbm_money out;

	if (!convert_args(ctx, argc, argv, &a))
		return;
	if (!cbm_money_convert_wide(a.amount, a.from_exp, a.from_usd, a.to_exp,
	                            a.to_usd, &out)) {
		sqlite3_result_error(ctx,
		                     "an amount cannot be converted into the "
		                     "report currency at these rates",
		                     -1);
		return;
	}
	st_result_money(ctx, out);
}

/* The rates of one currency, loaded once per connection and state of the
 * database, for cbm_rate(): a binary search instead of a correlated
 * subquery per row keeps figures in a currency other than USD fast. */
struct rate_cache {
	char currency[4];
	sqlite3_int64 data_version, changes; /* when it was loaded */
	size_t n;
	char (*dates)[11];
	double *rates;
};

/* Changes when another connection commits (cheap: no statement). */
static sqlite3_int64 data_version(sqlite3 *db)
{
	unsigned int v = 0;

	if (sqlite3_file_control(db, "main", SQLITE_FCNTL_DATA_VERSION, &v) !=
	    SQLITE_OK)
		return -1;
	return v;
}

static int load_rates(struct rate_cache *c, sqlite3 *db, const char *cur)
{
	sqlite3_stmt *st = NULL;
	int rc;

	c->n = 0;
	snprintf(c->currency, sizeof(c->currency), "%s", cur);
	c->data_version = data_version(db);
	c->changes = sqlite3_total_changes64(db);
	rc = sqlite3_prepare_v2(db,
	                        "SELECT date, usd_per_unit FROM fx_rates WHERE"
	                        " currency = ? ORDER BY date",
	                        -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, cur, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c->dates = sqlite3_realloc64(c->dates, (c->n + 1) * 11);
		c->rates =
		    sqlite3_realloc64(c->rates, (c->n + 1) * sizeof(double));
		if (!c->dates || !c->rates) {
			rc = SQLITE_NOMEM;
			break;
		}
		snprintf(c->dates[c->n], 11, "%s",
		         (const char *)sqlite3_column_text(st, 0));
		c->rates[c->n++] = sqlite3_column_double(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* cbm_rate(currency, date): the latest USD rate of CURRENCY on or before
 * DATE (1.0 for USD), NULL when there is none. */
static void sql_rate(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct rate_cache *c = sqlite3_user_data(ctx);
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *cur = (const char *)sqlite3_value_text(argv[0]);
	const char *date = (const char *)sqlite3_value_text(argv[1]);
	size_t lo = 0, hi;

	(void)argc;
	if (!cur || !date) {
		sqlite3_result_null(ctx);
		return;
	}
	if (strcmp(cur, "USD") == 0) {
		sqlite3_result_double(ctx, 1.0);
		return;
	}
	/* The rates cannot change while one statement runs: when CURRENCY
	 * is a constant of the statement (a figure's :cur), SQLite keeps
	 * the mark set below from row to row, and whether the database
	 * changed is asked once, not for each of a million payments. */
	if (strcmp(cur, c->currency) != 0 ||
	    (sqlite3_get_auxdata(ctx, 0) != c &&
	     (c->changes != sqlite3_total_changes64(db) ||
	      c->data_version != data_version(db)))) {
		if (load_rates(c, db, cur) != SQLITE_OK) {
			c->currency[0] = '\0';
			sqlite3_result_error(ctx, "cannot read fx rates", -1);
			return;
		}
	}
	sqlite3_set_auxdata(ctx, 0, c, NULL);
	/* The first rate dated after DATE; the one before it applies. */
	hi = c->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(c->dates[mid], date) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_double(ctx, c->rates[lo - 1]);
}

static void free_cache(void *p)
{
	struct rate_cache *c = p;

	sqlite3_free(c->dates);
	sqlite3_free(c->rates);
	sqlite3_free(c);
}

int st_register_functions(sqlite3 *sql)
{
	struct rate_cache *cache = sqlite3_malloc64(sizeof(*cache));
	int rc;

	if (!cache)
		return SQLITE_NOMEM;
	memset(cache, 0, sizeof(*cache));
	rc = sqlite3_create_function(sql, "cbm_convert", 5,
	                             SQLITE_UTF8 | SQLITE_DETERMINISTIC |
	                                 SQLITE_INNOCUOUS,
	                             NULL, sql_convert, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(
		    sql, "cbm_convert_wide", 5,
		    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
		    sql_convert_wide, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = st_register_money(sql);
	if (rc != SQLITE_OK) {
		free_cache(cache);
		return rc;
	}
	/* Not deterministic: the answer changes when rates are imported. */
	return sqlite3_create_function_v2(sql, "cbm_rate", 2,
	                                  SQLITE_UTF8 | SQLITE_INNOCUOUS, cache,
	                                  sql_rate, NULL, NULL, free_cache);
}

enum cbm_status st_currency_note(struct st_db *db, const char *currency,
                                 struct cbm_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = sqlite3_prepare_v2(
	    st_sqlite(db), "INSERT OR IGNORE INTO currencies VALUES (?, ?)", -1,
	    &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, currency, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2,
		                   cbm_pow10(cbm_currency_exponent(currency)));
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return st_sql_error(db, "cannot record a currency", err);
	return CBM_OK;
}

/* The money tables: table, date expression, and the amount columns with
 * the USD column each feeds. */
struct money_table {
	const char *table;
	const char *date;
	const char *amount[2];
	const char *usd[2];
	bool optional[2]; /* the amount may be NULL, and so its USD column */
};

static const struct money_table money_tables[] = {
    {"contributions",
     "received_on",
     {"amount", NULL},
     {"amount_usd", NULL},
     {false, false}},
    {"pledges",
     "rate_date",
     {"amount", NULL},
     {"amount_usd", NULL},
     {false, false}},
    {"budget_lines",
     "printf('%04d-01-01', year)",
     {"approved", "spent"},
     {"approved_usd", "spent_usd"},
     {false, true}},
};

static enum cbm_status check_rates(struct st_db *db,
                                   const struct money_table *t,
                                   struct cbm_error *err)
{
	char *sql;
	sqlite3_stmt *st = NULL;
	int rc;
	enum cbm_status status = CBM_OK;

	sql = sqlite3_mprintf(
	    "SELECT m.currency, %s, m.batch_id, b.file_name FROM %s m"
	    " JOIN batches b ON b.id = m.batch_id"
	    " WHERE m.currency <> 'USD' AND NOT EXISTS (SELECT 1 FROM"
	    " fx_rates f WHERE f.currency = m.currency AND f.date <= %s)"
	    " LIMIT 1",
	    t->date, t->table, t->date);
	rc = sqlite3_prepare_v2(st_sqlite(db), sql, -1, &st, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return st_sql_error(db, "cannot check fx rates", err);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		status = CBM_ERROR(
		    err, CBM_EDATA, NULL,
		    "no fx rate for %s on or before %s, needed by %s of "
		    "batch %lld (%s)",
		    sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
		    t->table, (long long)sqlite3_column_int64(st, 2),
		    sqlite3_column_text(st, 3));
	else if (rc != SQLITE_DONE)
		status = st_sql_error(db, "cannot check fx rates", err);
	sqlite3_finalize(st);
	return status;
}

/* The first row of T whose AMOUNT[I] cbm_convert() cannot bring to US
 * cents at its rate (9 x 10^15 cents or more: an absurd rate), as
 * CBM_EDATA naming currency, date and batch; CBM_OK when there is none. */
static enum cbm_status check_convertible(struct st_db *db,
                                         const struct money_table *t, int i,
                                         struct cbm_error *err)
{
	char *sql = sqlite3_mprintf(
	    "SELECT m.currency, %s, m.usd_per_unit, m.batch_id, b.file_name"
	    " FROM %s m JOIN batches b ON b.id = m.batch_id"
	    " WHERE m.%s IS NOT NULL AND cbm_convert(m.%s, m.currency,"
	    " m.usd_per_unit, 'USD', 1.0) IS NULL LIMIT 1",
	    t->date, t->table, t->amount[i], t->amount[i]);
	sqlite3_stmt *st = NULL;
	enum cbm_status rc = CBM_OK;
	int step = SQLITE_ERROR;

	if (sqlite3_prepare_v2(st_sqlite(db), sql, -1, &st, NULL) == SQLITE_OK)
		step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		rc = CBM_ERROR(err, CBM_EDATA, NULL,
		               "at %.10g USD per %s on %s, an amount of %s "
		               "of batch %lld (%s) would be worth 90 trillion "
		               "US dollars or more; check the rates",
		               sqlite3_column_double(st, 2),
		               sqlite3_column_text(st, 0),
		               sqlite3_column_text(st, 1), t->table,
		               (long long)sqlite3_column_int64(st, 3),
		               sqlite3_column_text(st, 4));
	else if (step != SQLITE_DONE)
		rc = st_sql_error(db, "cannot convert to USD", err);
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return rc;
}

static enum cbm_status recompute_table(struct st_db *db,
                                       const struct money_table *t,
                                       struct cbm_error *err)
{
	enum cbm_status rc = check_rates(db, t, err);
	char *sql;

	if (rc != CBM_OK)
		return rc;
	sql = sqlite3_mprintf(
	    "UPDATE %s SET usd_per_unit = CASE WHEN currency = 'USD' THEN 1.0"
	    " ELSE (SELECT f.usd_per_unit FROM fx_rates f WHERE f.currency ="
	    " %s.currency AND f.date <= %s ORDER BY f.date DESC LIMIT 1)"
	    " END;",
	    t->table, t->table, t->date);
	rc = st_exec(db, sql, err);
	sqlite3_free(sql);
	for (int i = 0; i < 2 && t->amount[i] && rc == CBM_OK; i++) {
		sql = sqlite3_mprintf(
		    "UPDATE %s SET %s = cbm_convert(%s, currency,"
		    " usd_per_unit, 'USD', 1.0)",
		    t->table, t->usd[i], t->amount[i]);
		/* cbm_convert() is NULL when the result is too large: a
		 * NOT NULL column refuses it, an optional one must be
		 * looked at. */
		if (sqlite3_exec(st_sqlite(db), sql, NULL, NULL, NULL) ==
		    SQLITE_OK) {
			if (t->optional[i])
				rc = check_convertible(db, t, i, err);
		} else if (sqlite3_extended_errcode(st_sqlite(db)) ==
		           SQLITE_CONSTRAINT_NOTNULL) {
			rc = check_convertible(db, t, i, err);
			if (rc == CBM_OK) /* not found: say what we know */
				rc = CBM_ERROR(
				    err, CBM_EDATA, NULL,
				    "at these fx rates an amount of "
				    "%s would be too large to convert "
				    "to USD; check the rates",
				    t->table);
		} else {
			rc = st_sql_error(db, "cannot convert to USD", err);
		}
		sqlite3_free(sql);
	}
	return rc;
}

enum cbm_status st_fx_recompute(struct st_db *db, struct cbm_error *err)
{
	enum cbm_status rc = CBM_OK;
	size_t n = sizeof(money_tables) / sizeof(money_tables[0]);

	for (size_t i = 0; i < n && rc == CBM_OK; i++)
		rc = recompute_table(db, &money_tables[i], err);
	return rc;
}
