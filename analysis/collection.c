/*
 * collection.c - the figures of money received: collection, contributions,
 * outstanding pledges and concentration.
 *
 * Each is built from per (budget year, state) sums done by SQLite, on the
 * covering index contributions(kind, budget_year, state, ...), so that a
 * million contributions aggregate without touching the table.  Pledges
 * meet receipts in one SQL join (ana_pledge_rows); the arithmetic between
 * sums (rates, shares, fulfilment) is done here, walking rows that come
 * ordered by year, so that no row is ever searched for.
 */
#include <limits.h>
#include <string.h>

#include "analysis_internal.h"

int32_t ana_same_day_in(int year, int md)
{
	int m = md / 100, d = md % 100;

	while (d > 28 && !cbm_date_valid(year, m, d))
		d--;
	return cbm_days_from_civil(year, m, d);
}

/* ---- received per (year, state) ------------------------------------------ */

/* The contributions a figure reads, as "... c", for each way of cutting
 * receipts off.  The same calendar day of each budget year is compared
 * row by row, in one pass over the rows of every year: received_on <=
 * "YYYY-" || :md ("MM-DD").  For 29 February in a common year the string
 * "YYYY-02-29" is no date, but no date lies between it and "YYYY-02-28"
 * either, so the comparison reads it as 28 February (figures.md).
 *
 * Every column a figure reads, in USD or converted to another currency,
 * is in the covering index contributions_figures (schema version 8), so
 * SQLite reads the index in the order of (kind, budget_year, state) and
 * neither sorts nor fetches a row.  The index is named: for the
 * receipts of pledging states cut off at a date, SQLite 3.40 would
 * otherwise walk contributions_payment (state, received_on) and fetch
 * every row of the state, all years, once per pledge (8.8 s against
 * 0.1 s on a million payments). */
#define FIGURES "INDEXED BY contributions_figures"

static char *contributions_from(enum ana_cut cut)
{
	switch (cut) {
	case ANA_CUT_SAME_DAY:
		return g_strdup("(SELECT * FROM contributions " FIGURES
		                " WHERE received_on"
		                " <= printf('%04d-', budget_year) || :md) c");
	case ANA_CUT_DATE:
		return g_strdup("(SELECT * FROM contributions " FIGURES
		                " WHERE received_on <= :asof) c");
	default:
		return g_strdup("contributions c " FIGURES);
	}
}

static const char received_where[] =
    "c.kind IN (:k1, :k2, :k3) AND c.budget_year BETWEEN :from AND :to";

/* Binds :md of the same-day cut: MD as "MM-DD". */
static void bind_cut(int md, sqlite3_stmt *st)
{
	char mmdd[8];

	snprintf(mmdd, sizeof(mmdd), "%02d-%02d", md / 100 % 100, md % 100);
	ana_bind_text(st, ":md", mmdd);
}

/* Prepares SQL over contributions cut off as CUT (MD for the same day),
 * with every parameter bound. */
static enum cbm_status prepare_cut(struct st_db *db, const char *sql,
                                   const struct ana_params *p, const char *cur,
                                   enum ana_cut cut, int md, sqlite3_stmt **st,
                                   struct cbm_error *err)
{
	enum cbm_status rc = ana_prepare(db, sql, p, cur, st, err);

	if (rc == CBM_OK && cut == ANA_CUT_SAME_DAY)
		bind_cut(md, *st);
	return rc;
}

/* The rates a figure over contributions CUT needs, checked first. */
static enum cbm_status received_rates(struct st_db *db,
                                      const struct ana_params *p,
                                      const char *cur, struct cbm_error *err)
{
	return ana_require_receipt_rates(db, p, cur, received_where, err);
}

static void append_sum(void *data, sqlite3_stmt *st)
{
	GArray *out = data;
	struct ana_sum s = {0};

	s.year = sqlite3_column_int(st, 0);
	snprintf(s.state, sizeof(s.state), "%s",
	         (const char *)sqlite3_column_text(st, 1));
	st_column_money(st, 2, &s.value);
	s.real = sqlite3_column_double(st, 2);
	g_array_append_val(out, s);
}

enum cbm_status ana_received_sums(struct st_db *db, const struct ana_params *p,
                                  const char *cur, int md, GArray *out,
                                  struct cbm_error *err)
{
	enum ana_cut cut = md > 0 ? ANA_CUT_SAME_DAY : ANA_CUT_NONE;
	char *money = ana_money_sql("c", "amount", "amount_usd",
	                            "c.received_on", strcmp(cur, "USD") == 0);
	char *from = contributions_from(cut);
	char *sql =
	    g_strconcat("SELECT c.budget_year, c.state, cbm_sum(", money,
	                ") FROM ", from, " WHERE ", received_where,
	                " GROUP BY c.budget_year, c.state"
	                " ORDER BY c.budget_year, c.state",
	                NULL);
	sqlite3_stmt *st = NULL;
	enum cbm_status rc = received_rates(db, p, cur, err);

	if (rc == CBM_OK)
		rc = prepare_cut(db, sql, p, cur, cut, md, &st, err);
	if (rc == CBM_OK)
		rc = ana_each_row(db, st, append_sum, out, err);
	g_free(sql);
	g_free(from);
	g_free(money);
	return rc;
}

/* ---- pledges against receipts -------------------------------------------- */

/* Per (year, state): pledges (g) and receipts (r) in the report
 * currency; for pledging states only, the currencies of their receipts
 * (rc: how many, one of them, their sum in it); k, the pairs to report.
 * All of it reads the covering index contributions_figures. */
static char *pledge_sql(enum ana_cut cut, bool usd)
{
	char *recv =
	    ana_money_sql("c", "amount", "amount_usd", "c.received_on", usd);
	char *pledged =
	    ana_money_sql("g", "amount", "amount_usd", "g.rate_date", usd);
	char *from = contributions_from(cut);
	/* In USD r reads only amount_usd, and the currencies of the
	 * receipts (rc) are read for the pledging states only: for each
	 * (year, state) of g, its rows of the index.  The join says so
	 * (CROSS JOIN keeps g outside), and g's years are those of the
	 * scope already: a range on c.budget_year here would make SQLite
	 * 3.40 read the whole range for each pledge.  In another currency
	 * r reads the currencies anyway, for the conversion, and gives
	 * them. */
	char *rc =
	    usd ? g_strconcat(
	              " rc AS (SELECT c.budget_year AS year, c.state"
	              "  AS state, count(DISTINCT c.currency) AS ncur,"
	              "  min(c.currency) AS cur, cbm_sum(c.amount) AS own"
	              "  FROM g CROSS JOIN ",
	              from,
	              " ON c.budget_year = g.year AND c.state = g.state"
	              " WHERE c.kind IN (:k1, :k2, :k3)"
	              "  GROUP BY c.budget_year, c.state),",
	              NULL)
	        : g_strdup("");
	char *sql = g_strconcat(
	    "WITH g AS (SELECT g.budget_year AS year, g.state AS state,"
	    "  cbm_sum(",
	    pledged,
	    ") AS v, count(DISTINCT g.currency) AS ncur,"
	    "  min(g.currency) AS cur, cbm_sum(g.amount) AS own"
	    "  FROM pledges g WHERE g.budget_year BETWEEN :from AND :to",
	    cut == ANA_CUT_DATE
	        ? "  AND (g.pledged_on IS NULL OR g.pledged_on <= :asof)"
	        : "",
	    "  GROUP BY g.budget_year, g.state),"
	    " r AS (SELECT c.budget_year AS year, c.state AS state,"
	    "  cbm_sum(",
	    recv, ") AS v",
	    usd ? ""
	        : ", count(DISTINCT c.currency) AS ncur,"
	          "  min(c.currency) AS cur, cbm_sum(c.amount) AS own",
	    " FROM ", from, " WHERE ", received_where,
	    "  GROUP BY c.budget_year, c.state),", rc,
	    " y AS (SELECT year FROM budget_lines WHERE status = 'approved'"
	    "  AND year BETWEEN :from AND :to UNION SELECT year FROM g),"
	    " k AS (SELECT year, state FROM g"
	    "  UNION SELECT year, state FROM r"
	    "   WHERE NOT :roll OR year IN (SELECT year FROM y)"
	    "  UNION SELECT y.year, s.code FROM y JOIN states s"
	    "   ON s.status = 'member' AND coalesce(s.joined, 0) <= y.year"
	    "   WHERE :roll)"
	    " SELECT k.year, k.state, g.v, r.v, g.ncur, g.cur, g.own,",
	    usd ? "  rc.ncur, rc.cur, rc.own" : "  r.ncur, r.cur, r.own",
	    " FROM k LEFT JOIN g ON g.year = k.year AND g.state = k.state"
	    " LEFT JOIN r ON r.year = k.year AND r.state = k.state",
	    usd ? " LEFT JOIN rc ON rc.year = k.year AND rc.state = k.state"
	        : "",
	    " ORDER BY k.year, k.state", NULL);

	g_free(rc);
	g_free(from);
	g_free(pledged);
	g_free(recv);
	return sql;
}

/* True when the pledges and the receipts of the row are all in one
 * currency, the same: they are then compared in it. */
static bool one_currency(sqlite3_stmt *st)
{
	const unsigned char *g = sqlite3_column_text(st, 5);
	const unsigned char *r = sqlite3_column_text(st, 8);

	return sqlite3_column_int(st, 4) == 1 &&
	       sqlite3_column_int(st, 7) == 1 && g && r &&
	       strcmp((const char *)g, (const char *)r) == 0;
}

static void pledge_row(void *data, sqlite3_stmt *st)
{
	GArray *out = data;
	struct ana_pledge_row row = {0};
	cbm_money own_g = 0, own_r = 0;

	row.year = sqlite3_column_int(st, 0);
	snprintf(row.state, sizeof(row.state), "%s",
	         (const char *)sqlite3_column_text(st, 1));
	row.has_pledge = st_column_money(st, 2, &row.pledged);
	st_column_money(st, 3, &row.received);
	if (row.has_pledge && one_currency(st)) {
		/* The share left unpaid in the pledge's own currency, at
		 * the value of the pledge in the report currency. */
		st_column_money(st, 6, &own_g);
		st_column_money(st, 9, &own_r);
		if (own_r < own_g)
			row.outstanding =
			    (cbm_money)((long double)row.pledged *
			                    ((long double)(own_g - own_r) /
			                     (long double)own_g) +
			                0.5L);
	} else if (row.has_pledge && row.received < row.pledged) {
		row.outstanding = row.pledged - row.received;
	}
	row.kept = row.has_pledge ? row.pledged - row.outstanding : 0;
	if (!row.has_pledge)
		row.status = row.received > 0 ? "no pledge" : "none";
	else if (row.outstanding == 0)
		row.status = "paid in full";
	else
		row.status = row.received > 0 ? "in part" : "nothing";
	g_array_append_val(out, row);
}

enum cbm_status ana_pledge_rows(struct st_db *db, const struct ana_params *p,
                                const char *cur, enum ana_cut cut, bool roll,
                                GArray *out, struct cbm_error *err)
{
	int md = 0;
	char *sql = pledge_sql(cut, strcmp(cur, "USD") == 0);
	sqlite3_stmt *st = NULL;
	enum cbm_status rc = received_rates(db, p, cur, err);

	if (cut == ANA_CUT_SAME_DAY) {
		int y, m, d;
		cbm_civil_from_days(p->as_of, &y, &m, &d);
		md = m * 100 + d;
	}
	if (rc == CBM_OK)
		rc = ana_require_rates(db, p, cur, "pledges g", "g.rate_date",
		                       "g.budget_year BETWEEN :from AND :to",
		                       err);
	if (rc == CBM_OK)
		rc = prepare_cut(db, sql, p, cur, cut, md, &st, err);
	if (rc == CBM_OK) {
		ana_bind_int(st, ":roll", roll);
		rc = ana_each_row(db, st, pledge_row, out, err);
	}
	g_free(sql);
	return rc;
}

/* ---- collection --------------------------------------------------------- */

/* The totals of one year over its pledge rows. */
struct year_sums {
	int year;
	cbm_money received, pledged, kept;
};

/* Sums consecutive rows of one year: ROWS is ordered by year. */
static GArray *sums_by_year(GArray *rows)
{
	GArray *years = g_array_new(FALSE, TRUE, sizeof(struct year_sums));

	for (guint i = 0; i < rows->len; i++) {
		const struct ana_pledge_row *r =
		    &g_array_index(rows, struct ana_pledge_row, i);
		struct year_sums *y =
		    years->len ? &g_array_index(years, struct year_sums,
		                                years->len - 1)
		               : NULL;
		if (!y || y->year != r->year) {
			struct year_sums fresh = {.year = r->year};
			g_array_append_val(years, fresh);
			y = &g_array_index(years, struct year_sums,
			                   years->len - 1);
		}
		y->received += r->received;
		y->pledged += r->pledged;
		y->kept += r->kept;
	}
	return years;
}

/* The as-of month and day (month x 100 + day; 0 for none) and the years
 * it covers: received by that date, against the same calendar day of
 * earlier years. */
static int as_of_month_day(const struct ana_params *p, struct ana_params *scope)
{
	int y, m, d;

	*scope = *p;
	if (p->as_of == INT32_MIN)
		return 0;
	cbm_civil_from_days(p->as_of, &y, &m, &d);
	scope->year = 0;
	scope->to = p->year ? p->year : (p->to && p->to < y ? p->to : y);
	return m * 100 + d;
}

static void collection_row(struct ana_table *t, int year,
                           const struct ana_sum *budget,
                           const struct year_sums *s, int md)
{
	size_t r = ana_tb_row(t);

	ana_tb_int(t, r, ANA_COLLECTION_YEAR, year);
	if (budget)
		ana_tb_money(t, r, ANA_COLLECTION_APPROVED, budget->value);
	ana_tb_money(t, r, ANA_COLLECTION_RECEIVED, s ? s->received : 0);
	if (budget && budget->value > 0)
		ana_tb_double(t, r, ANA_COLLECTION_RATE,
		              (double)(s ? s->received : 0) /
		                  (double)budget->value);
	ana_tb_money(t, r, ANA_COLLECTION_PLEDGED, s ? s->pledged : 0);
	if (s && s->pledged > 0)
		ana_tb_double(t, r, ANA_COLLECTION_FULFILMENT,
		              (double)s->kept / (double)s->pledged);
	if (md > 0)
		ana_tb_int(t, r, ANA_COLLECTION_AS_OF,
		           ana_same_day_in(year, md));
}

/* One row per year with an approved budget, receipts or pledges, in
 * order: the two year-ordered arrays are merged. */
static void collection_rows(struct ana_table *t, const struct ana_params *scope,
                            GArray *approved, GArray *years, int md)
{
	guint a = 0, y = 0;

	while (a < approved->len || y < years->len) {
		const struct ana_sum *b =
		    a < approved->len
		        ? &g_array_index(approved, struct ana_sum, a)
		        : NULL;
		const struct year_sums *s =
		    y < years->len ? &g_array_index(years, struct year_sums, y)
		                   : NULL;
		int year = b && (!s || b->year <= s->year) ? b->year : s->year;
		if (b && b->year != year)
			b = NULL;
		if (s && s->year != year)
			s = NULL;
		a += b != NULL;
		y += s != NULL;
		if (ana_year_in(scope, year))
			collection_row(t, year, b, s, md);
	}
}

enum cbm_status ana_collection(struct st_db *db, const struct ana_params *p,
                               struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    [ANA_COLLECTION_YEAR] = {"year", ANA_INT},
	    [ANA_COLLECTION_APPROVED] = {"approved", ANA_MONEY},
	    [ANA_COLLECTION_RECEIVED] = {"received", ANA_MONEY},
	    [ANA_COLLECTION_RATE] = {"collection_rate", ANA_RATE},
	    [ANA_COLLECTION_PLEDGED] = {"pledged", ANA_MONEY},
	    [ANA_COLLECTION_FULFILMENT] = {"pledge_fulfilment", ANA_RATE},
	    [ANA_COLLECTION_AS_OF] = {"as_of", ANA_DATE},
	};
	struct ana_params scope;
	int md = as_of_month_day(p, &scope);
	GArray *approved = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	GArray *rows = g_array_new(FALSE, FALSE, sizeof(struct ana_pledge_row));
	GArray *years = NULL;
	char cur[4];
	enum cbm_status rc = ana_currency(p, cur, err);

	if (rc == CBM_OK)
		rc = ana_approved(db, cur, approved, err);
	if (rc == CBM_OK)
		rc = ana_pledge_rows(db, &scope, cur,
		                     md > 0 ? ANA_CUT_SAME_DAY : ANA_CUT_NONE,
		                     false, rows, err);
	if (rc == CBM_OK) {
		ana_tb_columns(out, cols, md > 0 ? 7 : 6, cur);
		years = sums_by_year(rows);
		collection_rows(out, &scope, approved, years, md);
		g_array_free(years, TRUE);
	}
	g_array_free(rows, TRUE);
	g_array_free(approved, TRUE);
	return rc;
}

/* ---- contributions ------------------------------------------------------- */

static void contributions_rows(struct ana_table *t, GArray *recv)
{
	GArray *totals = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	GHashTable *total_of;

	ana_year_totals(recv, totals);
	total_of = ana_sums_by_year(totals);
	for (guint i = 0; i < recv->len; i++) {
		const struct ana_sum *s =
		    &g_array_index(recv, struct ana_sum, i);
		cbm_money total = ana_sum_of(total_of, s->year)->value;
		size_t r = ana_tb_row(t);
		ana_tb_int(t, r, ANA_CONTRIB_YEAR, s->year);
		ana_tb_text(t, r, ANA_CONTRIB_STATE, s->state);
		ana_tb_money(t, r, ANA_CONTRIB_RECEIVED, s->value);
		if (total > 0)
			ana_tb_double(t, r, ANA_CONTRIB_SHARE,
			              (double)s->value / (double)total);
	}
	g_hash_table_destroy(total_of);
	g_array_free(totals, TRUE);
}

enum cbm_status ana_contributions(struct st_db *db, const struct ana_params *p,
                                  struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    [ANA_CONTRIB_YEAR] = {"year", ANA_INT},
	    [ANA_CONTRIB_STATE] = {"state", ANA_TEXT},
	    [ANA_CONTRIB_RECEIVED] = {"received", ANA_MONEY},
	    [ANA_CONTRIB_SHARE] = {"share", ANA_RATE},
	};
	GArray *recv = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	char cur[4];
	enum cbm_status rc = ana_currency(p, cur, err);

	if (rc == CBM_OK)
		rc = ana_received_sums(db, p, cur, 0, recv, err);
	if (rc == CBM_OK) {
		ana_tb_columns(out, cols, 4, cur);
		contributions_rows(out, recv);
	}
	g_array_free(recv, TRUE);
	if (rc == CBM_OK)
		rc = ana_tb_add_state_names(db, p, out, err);
	return rc;
}

/* ---- outstanding pledges ------------------------------------------------- */

enum cbm_status ana_outstanding(struct st_db *db, const struct ana_params *p,
                                struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    [ANA_OUTSTANDING_YEAR] = {"year", ANA_INT},
	    [ANA_OUTSTANDING_STATE] = {"state", ANA_TEXT},
	    [ANA_OUTSTANDING_PLEDGED] = {"pledged", ANA_MONEY},
	    [ANA_OUTSTANDING_RECEIVED] = {"received", ANA_MONEY},
	    [ANA_OUTSTANDING_OUTSTANDING] = {"outstanding", ANA_MONEY},
	    [ANA_OUTSTANDING_STATUS] = {"status", ANA_TEXT},
	};
	GArray *rows = g_array_new(FALSE, FALSE, sizeof(struct ana_pledge_row));
	char cur[4];
	enum cbm_status rc = ana_currency(p, cur, err);

	if (rc == CBM_OK)
		rc = ana_pledge_rows(db, p, cur,
		                     p->as_of != INT32_MIN ? ANA_CUT_DATE
		                                           : ANA_CUT_NONE,
		                     true, rows, err);
	if (rc == CBM_OK)
		ana_tb_columns(out, cols, 6, cur);
	for (guint i = 0; rc == CBM_OK && i < rows->len; i++) {
		const struct ana_pledge_row *g =
		    &g_array_index(rows, struct ana_pledge_row, i);
		size_t r = ana_tb_row(out);
		ana_tb_int(out, r, ANA_OUTSTANDING_YEAR, g->year);
		ana_tb_text(out, r, ANA_OUTSTANDING_STATE, g->state);
		ana_tb_money(out, r, ANA_OUTSTANDING_PLEDGED, g->pledged);
		ana_tb_money(out, r, ANA_OUTSTANDING_RECEIVED, g->received);
		ana_tb_money(out, r, ANA_OUTSTANDING_OUTSTANDING,
		             g->outstanding);
		ana_tb_text(out, r, ANA_OUTSTANDING_STATUS, g->status);
	}
	g_array_free(rows, TRUE);
	if (rc == CBM_OK)
		rc = ana_tb_add_state_names(db, p, out, err);
	return rc;
}

/* ---- concentration ------------------------------------------------------- */

/* One row of concentration for the positive values X of YEAR. */
static void concentration_row(struct ana_table *t, int year, GArray *x)
{
	struct ana_concentration c;
	size_t r = ana_tb_row(t);

	ana_concentration_of((double *)x->data, x->len, &c);
	ana_tb_int(t, r, ANA_CONCENTRATION_YEAR, year);
	ana_tb_int(t, r, ANA_CONCENTRATION_CONTRIBUTORS, x->len);
	ana_tb_double(t, r, ANA_CONCENTRATION_TOP1, c.top1);
	ana_tb_double(t, r, ANA_CONCENTRATION_TOP3, c.top3);
	ana_tb_double(t, r, ANA_CONCENTRATION_TOP5, c.top5);
	ana_tb_double(t, r, ANA_CONCENTRATION_HHI, c.hhi);
	ana_tb_double(t, r, ANA_CONCENTRATION_GINI, c.gini);
}

static void concentration_rows(struct ana_table *t, GArray *recv)
{
	GArray *x = g_array_new(FALSE, FALSE, sizeof(double));

	/* The sums come by year: each run of one year is one row. */
	for (guint i = 0; i < recv->len; i++) {
		const struct ana_sum *s =
		    &g_array_index(recv, struct ana_sum, i);
		double v = (double)s->value;
		if (s->value > 0)
			g_array_append_val(x, v);
		if (i + 1 == recv->len ||
		    g_array_index(recv, struct ana_sum, i + 1).year !=
		        s->year) {
			concentration_row(t, s->year, x);
			g_array_set_size(x, 0);
		}
	}
	g_array_free(x, TRUE);
}

enum cbm_status ana_concentration(struct st_db *db, const struct ana_params *p,
                                  struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    [ANA_CONCENTRATION_YEAR] = {"year", ANA_INT},
	    [ANA_CONCENTRATION_CONTRIBUTORS] = {"contributors", ANA_INT},
	    [ANA_CONCENTRATION_TOP1] = {"top1_share", ANA_RATE},
	    [ANA_CONCENTRATION_TOP3] = {"top3_share", ANA_RATE},
	    [ANA_CONCENTRATION_TOP5] = {"top5_share", ANA_RATE},
	    [ANA_CONCENTRATION_HHI] = {"hhi", ANA_INDEX},
	    [ANA_CONCENTRATION_GINI] = {"gini", ANA_INDEX},
	};
	GArray *recv = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	char cur[4];
	enum cbm_status rc = ana_currency(p, cur, err);

	if (rc == CBM_OK)
		rc = ana_received_sums(db, p, cur, 0, recv, err);
	if (rc == CBM_OK) {
		ana_tb_columns(out, cols, 7, cur);
		concentration_rows(out, recv);
	}
	g_array_free(recv, TRUE);
	return rc;
}
