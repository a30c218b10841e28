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
#include <string.h>

#include "store.h"
#include "store_internal.h"

/* cbm_convert(amount, from_currency, from_usd_per_unit, to_currency,
 * to_usd_per_unit): minor units of FROM converted to minor units of TO,
 * rounded half away from zero, one transaction at a time.  NULL when a
 * rate is missing. */
static void sql_convert(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *from, *to;
	int64_t out;

	for (int i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			sqlite3_result_null(ctx);
			return;
		}
	}
	from = (const char *)sqlite3_value_text(argv[1]);
	to = (const char *)sqlite3_value_text(argv[3]);
	if (!from || !to) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (!cbm_money_convert(sqlite3_value_int64(argv[0]),
			       cbm_currency_exponent(from),
			       sqlite3_value_double(argv[2]),
			       cbm_currency_exponent(to),
			       sqlite3_value_double(argv[4]), &out)) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_int64(ctx, out);
}

int store_register_functions(sqlite3 *sql)
{
	return sqlite3_create_function(sql, "cbm_convert", 5,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC |
					       SQLITE_INNOCUOUS,
				       NULL, sql_convert, NULL, NULL);
}

enum cbm_status st_currency_note(struct st_db *db, const char *currency,
				 struct cbm_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = sqlite3_prepare_v2(st_sqlite(db),
				"INSERT OR IGNORE INTO currencies VALUES (?, ?)",
				-1, &st, NULL);
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
};

static const struct money_table money_tables[] = {
	{"contributions", "received_on", {"amount", NULL}, {"amount_usd", NULL}},
	{"pledges", "rate_date", {"amount", NULL}, {"amount_usd", NULL}},
	{"budget_lines", "printf('%04d-01-01', year)", {"approved", "spent"},
	 {"approved_usd", "spent_usd"}},
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
		rc = st_exec(db, sql, err);
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

/* The first money row without a rate, as CBM_EDATA. */
enum cbm_status store_check_all_rates(struct st_db *db, struct cbm_error *err)
{
	enum cbm_status rc = CBM_OK;
	size_t n = sizeof(money_tables) / sizeof(money_tables[0]);

	for (size_t i = 0; i < n && rc == CBM_OK; i++)
		rc = check_rates(db, &money_tables[i], err);
	return rc;
}
