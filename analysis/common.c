/*
 * common.c - what the figures share: parameters, money in the report
 * currency as SQL, year filters and the small (year, state, value)
 * aggregates they are built from.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "analysis_internal.h"

void ana_params_init(struct ana_params *p)
{
	memset(p, 0, sizeof(*p));
	snprintf(p->currency, sizeof(p->currency), "USD");
	p->kind = ANA_VOLUNTARY;
	p->as_of = INT32_MIN;
	p->by = ANA_BY_AREA;
	p->of = ANA_OF_RECEIVED;
	p->scale = "equal";
}

enum cbm_status ana_currency(const struct ana_params *p, char cur[4],
                             struct cbm_error *err)
{
	const char *c = p->currency[0] ? p->currency : "USD";

	if (!cbm_currency_valid(c))
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "not a currency code: '%s' (three capital "
		                 "letters, e.g. EUR)",
		                 c);
	memcpy(cur, c, 4);
	return CBM_OK;
}

char *ana_money_sql(const char *alias, const char *amount_col,
                    const char *usd_col, const char *date_expr, const char *cur)
{
	if (strcmp(cur, "USD") == 0)
		return g_strdup_printf("%s.%s", alias, usd_col);
	return g_strdup_printf(
	    "cbm_convert_wide(%s.%s, %s.currency, %s.usd_per_unit,"
	    " '%s', cbm_rate('%s', %s))",
	    alias, amount_col, alias, alias, cur, cur, date_expr);
}

enum cbm_status ana_require_rates(struct st_db *db, const char *cur,
                                  const char *table, const char *date_expr,
                                  const char *where, struct cbm_error *err)
{
	char *sql;
	sqlite3_stmt *st = NULL;
	enum cbm_status rc = CBM_OK;

	if (strcmp(cur, "USD") == 0)
		return CBM_OK;
	sql = g_strdup_printf(
	    "SELECT min(%s) FROM %s WHERE (%s) AND %s < coalesce((SELECT"
	    " min(date) FROM fx_rates WHERE currency = '%s'), '9999')",
	    date_expr, table, where, date_expr, cur);
	int step;

	if (sqlite3_prepare_v2(st_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK)
		rc = st_sql_error(db, "cannot check fx rates", err);
	else if ((step = sqlite3_step(st)) != SQLITE_ROW)
		rc = st_sql_error(db, "cannot check fx rates", err);
	else if (sqlite3_column_type(st, 0) != SQLITE_NULL)
		rc = CBM_ERROR(err, CBM_EDATA, NULL,
		               "no fx rate for %s on or before %s; import "
		               "%s rates to report in %s",
		               cur, sqlite3_column_text(st, 0), cur, cur);
	(void)step;
	sqlite3_finalize(st);
	g_free(sql);
	return rc;
}

const char *ana_kind_sql(const struct ana_params *p)
{
	switch (p->kind) {
	case ANA_EARMARKED:
		return "kind = 'earmarked'";
	case ANA_IN_KIND:
		return "kind = 'in-kind'";
	case ANA_ALL_KINDS:
		return "1";
	default:
		return "kind = 'voluntary'";
	}
}

bool ana_year_in(const struct ana_params *p, int year)
{
	if (p->year)
		return year == p->year;
	return (!p->from || year >= p->from) && (!p->to || year <= p->to);
}

char *ana_years_sql(const struct ana_params *p, const char *column)
{
	if (p->year)
		return g_strdup_printf("%s = %d", column, p->year);
	return g_strdup_printf("%s BETWEEN %d AND %d", column,
	                       p->from ? p->from : 0, p->to ? p->to : 9999);
}

enum cbm_status ana_sums(struct st_db *db, const char *sql, GArray *out,
                         struct cbm_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(st_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK)
		return st_sql_error(db, "cannot compute", err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct ana_sum s = {0};
		const unsigned char *state = sqlite3_column_text(st, 1);
		s.year = sqlite3_column_int(st, 0);
		snprintf(s.state, sizeof(s.state), "%s",
		         state ? (const char *)state : "");
		st_column_money(st, 2, &s.value);
		s.real = sqlite3_column_double(st, 2);
		g_array_append_val(out, s);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return st_sql_error(db, "cannot compute", err);
	return CBM_OK;
}

enum cbm_status ana_approved(struct st_db *db, const struct ana_params *p,
                             const char *cur, GArray *out,
                             struct cbm_error *err)
{
	const char *date = "printf('%04d-01-01', b.year)";
	char *money = ana_money_sql("b", "approved", "approved_usd", date, cur);
	char *sql = g_strdup_printf("SELECT b.year, '', cbm_sum(%s) FROM"
	                            " budget_lines b GROUP BY b.year"
	                            " ORDER BY b.year",
	                            money);
	enum cbm_status rc =
	    ana_require_rates(db, cur, "budget_lines b", date, "1", err);

	(void)p;
	if (rc == CBM_OK)
		rc = ana_sums(db, sql, out, err);
	g_free(sql);
	g_free(money);
	return rc;
}

const struct ana_sum *ana_sum_find(GArray *sums, int year, const char *state)
{
	for (guint i = 0; i < sums->len; i++) {
		const struct ana_sum *s =
		    &g_array_index(sums, struct ana_sum, i);
		if (s->year == year && strcmp(s->state, state) == 0)
			return s;
	}
	return NULL;
}

cbm_money ana_sum_total(GArray *sums, int year)
{
	cbm_money total = 0;

	for (guint i = 0; i < sums->len; i++) {
		const struct ana_sum *s =
		    &g_array_index(sums, struct ana_sum, i);
		if (s->year == year)
			total += s->value;
	}
	return total;
}

bool ana_sum_of_year(GArray *sums, int year, cbm_money *value)
{
	for (guint i = 0; i < sums->len; i++) {
		struct ana_sum *s = &g_array_index(sums, struct ana_sum, i);
		if (s->year == year) {
			*value = s->value;
			return true;
		}
	}
	return false;
}

bool ana_year_in_progress(struct st_db *db, int year)
{
	sqlite3_stmt *st = NULL;
	char last[16];
	bool open = false;

	snprintf(last, sizeof(last), "%04d-12-31", year);
	/* Unreadable counts as in progress: the cautious answer. */
	open = true;
	if (sqlite3_prepare_v2(st_sqlite(db),
	                       "SELECT max(received_on) FROM contributions", -1,
	                       &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		const char *max = (const char *)sqlite3_column_text(st, 0);
		open = !max || strcmp(max, last) <= 0;
	}
	sqlite3_finalize(st);
	return open;
}
