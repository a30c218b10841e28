/*
 * collection.c - the figures of money received: collection, contributions,
 * outstanding pledges, concentration and what-if shares.
 *
 * Each is built from per (budget year, state) sums done by SQLite, on the
 * covering index contributions(kind, budget_year, state, ...), so that a
 * million contributions aggregate without touching the table; the
 * arithmetic between sums (rates, shares, fulfilment) is done here.
 */
#include <limits.h>
#include <string.h>

#include "analysis_internal.h"

/* The date of month and day MD (month x 100 + day) in YEAR; 29 February
 * becomes 28 February in a common year. */
static int32_t same_day_in(int year, int md)
{
	int m = md / 100, d = md % 100;

	while (d > 28 && !cbm_date_valid(year, m, d))
		d--;
	return cbm_days_from_civil(year, m, d);
}

/* The as-of cutoff of every budget year FIRST..LAST as an SQL table
 * cut(year, day): the same calendar day MD in each year.  Joined on the
 * year, it costs SQLite nothing per row, unlike date arithmetic in the
 * WHERE. */
static char *cutoff_table(int md, int first, int last)
{
	GString *s = g_string_new("cut(year, day) AS (VALUES ");
	char iso[11];

	for (int y = first; y <= last; y++) {
		cbm_date_iso(same_day_in(y, md), iso);
		g_string_append_printf(s, "%s(%d, '%s')", y > first ? ", " : "",
		                       y, iso);
	}
	g_string_append(s, ")");
	return g_string_free(s, FALSE);
}

/* The first and last budget year of the contributions (1900, 1900 when
 * there are none). */
static enum cbm_status year_span(struct st_db *db, int *first, int *last,
                                 struct cbm_error *err)
{
	GArray *a = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	enum cbm_status rc =
	    ana_sums(db,
	             "SELECT coalesce(min(budget_year), 1900), '',"
	             " coalesce(max(budget_year), 1900) FROM contributions",
	             a, err);

	if (rc == CBM_OK) {
		*first = g_array_index(a, struct ana_sum, 0).year;
		*last = (int)g_array_index(a, struct ana_sum, 0).value;
	}
	g_array_free(a, TRUE);
	return rc;
}

enum cbm_status ana_received_sums(struct st_db *db, const struct ana_params *p,
                                  const char *cur, int md, GArray *out,
                                  struct cbm_error *err)
{
	char *money = NULL, *years = NULL, *cut = NULL, *from = NULL,
	     *where = NULL, *sql = NULL;
	int first = 0, last = 0;
	enum cbm_status rc =
	    md > 0 ? year_span(db, &first, &last, err) : CBM_OK;

	if (rc != CBM_OK)
		return rc;
	money =
	    ana_money_sql("c", "amount", "amount_usd", "c.received_on", cur);
	if (md > 0) {
		/* The cut table holds exactly the years in scope, so that
		 * SQLite joins on the index (kind, year) rather than
		 * scanning a range once per year. */
		if (p->year)
			first = last = p->year;
		first = MAX(first, p->from);
		last = p->to ? MIN(last, p->to) : last;
		cut = cutoff_table(md, first, MAX(first, last));
		years = g_strdup("1");
	} else {
		years = ana_years_sql(p, "c.budget_year");
	}
	from = cut ? g_strdup_printf("(WITH %s SELECT c.* FROM contributions c"
	                             " JOIN cut ON cut.year = c.budget_year"
	                             " WHERE c.received_on <= cut.day) c",
	                             cut)
	           : g_strdup("contributions c");
	where = g_strdup_printf("%s AND %s", ana_kind_sql(p), years);
	sql =
	    g_strdup_printf("SELECT c.budget_year, c.state, cbm_sum(%s) FROM %s"
	                    " WHERE %s GROUP BY c.budget_year, c.state"
	                    " ORDER BY c.budget_year, c.state",
	                    money, from, where);
	rc = ana_require_rates(db, cur, from, "c.received_on", where, err);
	if (rc == CBM_OK)
		rc = ana_sums(db, sql, out, err);
	g_free(sql);
	g_free(where);
	g_free(from);
	g_free(cut);
	g_free(years);
	g_free(money);
	return rc;
}

/* Pledged per (budget year, state), in CUR at each pledge's date. */
static enum cbm_status pledged_sums(struct st_db *db,
                                    const struct ana_params *p, const char *cur,
                                    GArray *out, struct cbm_error *err)
{
	char *money =
	    ana_money_sql("g", "amount", "amount_usd", "g.rate_date", cur);
	char *where = ana_years_sql(p, "g.budget_year");
	char *sql = g_strdup_printf(
	    "SELECT g.budget_year, g.state, cbm_sum(%s) FROM pledges g"
	    " WHERE %s GROUP BY g.budget_year, g.state"
	    " ORDER BY g.budget_year, g.state",
	    money, where);
	enum cbm_status rc =
	    ana_require_rates(db, cur, "pledges g", "g.rate_date", where, err);

	if (rc == CBM_OK)
		rc = ana_sums(db, sql, out, err);
	g_free(sql);
	g_free(where);
	g_free(money);
	return rc;
}

/* Adds every year of A (and of B, when not NULL) to the sorted set YEARS. */
static void collect_years(GArray *years, GArray *a, GArray *b)
{
	GArray *src[2] = {a, b};

	for (int k = 0; k < 2; k++) {
		if (!src[k])
			continue;
		for (guint i = 0; i < src[k]->len; i++) {
			int y = g_array_index(src[k], struct ana_sum, i).year;
			guint j = 0;
			while (j < years->len &&
			       g_array_index(years, int, j) < y)
				j++;
			if (j == years->len ||
			    g_array_index(years, int, j) != y)
				g_array_insert_val(years, j, y);
		}
	}
}

/* ---- collection --------------------------------------------------------- */

enum {
	COL_YEAR,
	COL_APPROVED,
	COL_RECEIVED,
	COL_RATE,
	COL_PLEDGED,
	COL_FULFILMENT,
	COL_AS_OF
};

/* Totals of one year: received, pledged and received within pledges. */
static void year_totals(GArray *recv, GArray *pledged, int year,
                        cbm_money *received, cbm_money *pledge_sum,
                        cbm_money *kept)
{
	*received = ana_sum_total(recv, year);
	*pledge_sum = *kept = 0;
	for (guint i = 0; i < pledged->len; i++) {
		const struct ana_sum *s =
		    &g_array_index(pledged, struct ana_sum, i);
		const struct ana_sum *r;
		if (s->year != year)
			continue;
		r = ana_sum_find(recv, year, s->state);
		*pledge_sum += s->value;
		*kept += MIN(s->value, r ? r->value : 0);
	}
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

static void collection_row(struct ana_table *t, int year, GArray *approved,
                           GArray *recv, GArray *pledged, int md)
{
	cbm_money budget = 0, received, pledge_sum, kept;
	bool has_budget = ana_sum_of_year(approved, year, &budget);
	size_t r = ana_tb_row(t);

	year_totals(recv, pledged, year, &received, &pledge_sum, &kept);
	ana_tb_int(t, r, COL_YEAR, year);
	if (has_budget)
		ana_tb_money(t, r, COL_APPROVED, budget);
	ana_tb_money(t, r, COL_RECEIVED, received);
	if (has_budget && budget > 0)
		ana_tb_double(t, r, COL_RATE,
		              (double)received / (double)budget);
	ana_tb_money(t, r, COL_PLEDGED, pledge_sum);
	if (pledge_sum > 0)
		ana_tb_double(t, r, COL_FULFILMENT,
		              (double)kept / (double)pledge_sum);
	if (md > 0)
		ana_tb_int(t, r, COL_AS_OF, same_day_in(year, md));
}

enum cbm_status ana_collection(struct st_db *db, const struct ana_params *p,
                               struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    {"year", ANA_INT},       {"approved", ANA_MONEY},
	    {"received", ANA_MONEY}, {"collection_rate", ANA_RATE},
	    {"pledged", ANA_MONEY},  {"pledge_fulfilment", ANA_RATE},
	    {"as_of", ANA_DATE},
	};
	struct ana_params scope;
	int md = as_of_month_day(p, &scope);
	GArray *approved = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	GArray *recv = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	GArray *pledged = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	GArray *years = g_array_new(FALSE, FALSE, sizeof(int));
	char cur[4];
	enum cbm_status rc = ana_currency(p, cur, err);

	if (rc == CBM_OK)
		rc = ana_approved(db, &scope, cur, approved, err);
	if (rc == CBM_OK)
		rc = ana_received_sums(db, &scope, cur, md, recv, err);
	if (rc == CBM_OK)
		rc = pledged_sums(db, &scope, cur, pledged, err);
	if (rc == CBM_OK) {
		ana_tb_columns(out, cols, md > 0 ? 7 : 6, cur);
		collect_years(years, approved, recv);
		collect_years(years, pledged, NULL);
		for (guint i = 0; i < years->len; i++) {
			int y = g_array_index(years, int, i);
			if (ana_year_in(&scope, y))
				collection_row(out, y, approved, recv, pledged,
				               md);
		}
	}
	g_array_free(years, TRUE);
	g_array_free(pledged, TRUE);
	g_array_free(recv, TRUE);
	g_array_free(approved, TRUE);
	return rc;
}

/* ---- contributions ------------------------------------------------------- */

enum cbm_status ana_contributions(struct st_db *db, const struct ana_params *p,
                                  struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    {"year", ANA_INT},
	    {"state", ANA_TEXT},
	    {"received", ANA_MONEY},
	    {"share", ANA_RATE},
	};
	GArray *recv = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	char cur[4];
	enum cbm_status rc = ana_currency(p, cur, err);

	if (rc == CBM_OK)
		rc = ana_received_sums(db, p, cur, 0, recv, err);
	if (rc == CBM_OK) {
		ana_tb_columns(out, cols, 4, cur);
		for (guint i = 0; i < recv->len; i++) {
			const struct ana_sum *s =
			    &g_array_index(recv, struct ana_sum, i);
			cbm_money total = ana_sum_total(recv, s->year);
			size_t r = ana_tb_row(out);
			ana_tb_int(out, r, 0, s->year);
			ana_tb_text(out, r, 1, s->state);
			ana_tb_money(out, r, 2, s->value);
			if (total > 0)
				ana_tb_double(out, r, 3,
				              (double)s->value / (double)total);
		}
	}
	g_array_free(recv, TRUE);
	if (rc == CBM_OK)
		rc = ana_tb_add_state_names(db, out, err);
	return rc;
}

/* ---- outstanding pledges ------------------------------------------------- */

static const char *pledge_status(cbm_money pledged, bool has_pledge,
                                 cbm_money received)
{
	if (!has_pledge)
		return "no pledge";
	if (received >= pledged)
		return "paid in full";
	return received > 0 ? "in part" : "nothing";
}

static void outstanding_row(struct ana_table *t, int year, const char *state,
                            GArray *recv, GArray *pledged)
{
	const struct ana_sum *g = ana_sum_find(pledged, year, state);
	const struct ana_sum *r = ana_sum_find(recv, year, state);
	cbm_money pl = g ? g->value : 0, rv = r ? r->value : 0;
	size_t row = ana_tb_row(t);

	ana_tb_int(t, row, 0, year);
	ana_tb_text(t, row, 1, state);
	ana_tb_money(t, row, 2, pl);
	ana_tb_money(t, row, 3, rv);
	ana_tb_money(t, row, 4, pl > rv ? pl - rv : 0);
	ana_tb_text(t, row, 5, pledge_status(pl, g != NULL, rv));
}

enum cbm_status ana_outstanding(struct st_db *db, const struct ana_params *p,
                                struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    {"year", ANA_INT},          {"state", ANA_TEXT},
	    {"pledged", ANA_MONEY},     {"received", ANA_MONEY},
	    {"outstanding", ANA_MONEY}, {"status", ANA_TEXT},
	};
	GArray *recv = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	GArray *pledged = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	char cur[4];
	enum cbm_status rc = ana_currency(p, cur, err);

	if (rc == CBM_OK)
		rc = ana_received_sums(db, p, cur, 0, recv, err);
	if (rc == CBM_OK)
		rc = pledged_sums(db, p, cur, pledged, err);
	if (rc == CBM_OK) {
		GArray *years = g_array_new(FALSE, FALSE, sizeof(int));
		ana_tb_columns(out, cols, 6, cur);
		collect_years(years, pledged, NULL);
		/* Years with pledges: every pledging state, then those who
		 * paid without a pledge. */
		for (guint i = 0; i < years->len; i++) {
			int y = g_array_index(years, int, i);
			for (guint j = 0; j < pledged->len; j++) {
				const struct ana_sum *s =
				    &g_array_index(pledged, struct ana_sum, j);
				if (s->year == y)
					outstanding_row(out, y, s->state, recv,
					                pledged);
			}
			for (guint j = 0; j < recv->len; j++) {
				const struct ana_sum *s =
				    &g_array_index(recv, struct ana_sum, j);
				if (s->year == y &&
				    !ana_sum_find(pledged, y, s->state))
					outstanding_row(out, y, s->state, recv,
					                pledged);
			}
		}
		g_array_free(years, TRUE);
	}
	g_array_free(pledged, TRUE);
	g_array_free(recv, TRUE);
	if (rc == CBM_OK)
		rc = ana_tb_add_state_names(db, out, err);
	return rc;
}

/* ---- concentration ------------------------------------------------------- */

enum cbm_status ana_concentration(struct st_db *db, const struct ana_params *p,
                                  struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    {"year", ANA_INT},        {"contributors", ANA_INT},
	    {"top1_share", ANA_RATE}, {"top3_share", ANA_RATE},
	    {"top5_share", ANA_RATE}, {"hhi", ANA_NUMBER},
	    {"gini", ANA_NUMBER},
	};
	GArray *recv = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	GArray *years = g_array_new(FALSE, FALSE, sizeof(int));
	char cur[4];
	enum cbm_status rc = ana_currency(p, cur, err);

	if (rc == CBM_OK)
		rc = ana_received_sums(db, p, cur, 0, recv, err);
	if (rc == CBM_OK) {
		ana_tb_columns(out, cols, 7, cur);
		collect_years(years, recv, NULL);
		for (guint i = 0; i < years->len; i++) {
			int y = g_array_index(years, int, i);
			GArray *x = g_array_new(FALSE, FALSE, sizeof(double));
			struct ana_concentration c;
			for (guint j = 0; j < recv->len; j++) {
				const struct ana_sum *s =
				    &g_array_index(recv, struct ana_sum, j);
				double v = (double)s->value;
				if (s->year == y && s->value > 0)
					g_array_append_val(x, v);
			}
			ana_concentration_of((double *)x->data, x->len, &c);
			size_t r = ana_tb_row(out);
			ana_tb_int(out, r, 0, y);
			ana_tb_int(out, r, 1, x->len);
			ana_tb_double(out, r, 2, c.top1);
			ana_tb_double(out, r, 3, c.top3);
			ana_tb_double(out, r, 4, c.top5);
			ana_tb_double(out, r, 5, c.hhi);
			ana_tb_double(out, r, 6, c.gini);
			g_array_free(x, TRUE);
		}
	}
	g_array_free(years, TRUE);
	g_array_free(recv, TRUE);
	return rc;
}
