/*
 * budget.c - budget execution per line, what-if shares of the budget, and
 * seconded staff.
 */
#include <math.h>
#include <string.h>

#include "analysis_internal.h"

/* ---- execution ----------------------------------------------------------- */

enum {
	EX_YEAR,
	EX_LINE,
	EX_APPROVED,
	EX_SPENT,
	EX_RATE,
	EX_REMAINING,
	EX_TITLE
};

static void execution_row(struct ana_table *t, int year, const char *line,
                          const char *title, cbm_money approved, bool has_spent,
                          cbm_money spent)
{
	size_t r = ana_tb_row(t);

	ana_tb_int(t, r, EX_YEAR, year);
	ana_tb_text(t, r, EX_LINE, line);
	ana_tb_money(t, r, EX_APPROVED, approved);
	ana_tb_text(t, r, EX_TITLE, title);
	if (!has_spent)
		return; /* a line with no spending reported is undefined */
	ana_tb_money(t, r, EX_SPENT, spent);
	if (approved > 0)
		ana_tb_double(t, r, EX_RATE, (double)spent / (double)approved);
	ana_tb_money(t, r, EX_REMAINING, approved - spent);
}

/* The running totals of one year. */
struct year_total {
	int year;
	cbm_money approved, spent; /* 128 bits: many lines at the ceiling */
	bool all_spent;            /* every line has a spent amount */
};

static void flush_total(struct ana_table *t, struct year_total *y)
{
	if (y->year)
		execution_row(t, y->year, "total", "Total", y->approved,
		              y->all_spent, y->spent);
}

enum cbm_status ana_execution(struct st_db *db, const struct ana_params *p,
                              struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    {"year", ANA_INT},
	    {"line", ANA_TEXT},
	    {"approved", ANA_MONEY},
	    {"spent", ANA_MONEY},
	    {"execution_rate", ANA_RATE},
	    {"remaining", ANA_MONEY},
	    {"title", ANA_TEXT},
	};
	const char *date = "printf('%04d-01-01', b.year)";
	char cur[4], *approved = NULL, *spent = NULL, *years = NULL,
	             *sql = NULL;
	sqlite3_stmt *st = NULL;
	struct year_total y = {0};
	enum cbm_status rc = ana_currency(p, cur, err);
	int step;

	if (rc != CBM_OK)
		return rc;
	approved = ana_money_sql("b", "approved", "approved_usd", date, cur);
	spent = ana_money_sql("b", "spent", "spent_usd", date, cur);
	years = ana_years_sql(p, "b.year");
	sql = g_strdup_printf("SELECT b.year, b.line, b.title, %s, %s"
	                      " FROM budget_lines b WHERE %s"
	                      " ORDER BY b.year, length(b.line), b.line",
	                      approved, spent, years);
	rc = ana_require_rates(db, cur, "budget_lines b", date, years, err);
	if (rc == CBM_OK &&
	    sqlite3_prepare_v2(st_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK)
		rc = st_sql_error(db, "cannot compute execution", err);
	if (rc == CBM_OK)
		ana_tb_columns(out, cols, 7, cur);
	while (rc == CBM_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		int year = sqlite3_column_int(st, 0);
		cbm_money line_approved, line_spent;
		/* In a weak report currency one line may pass 64 bits. */
		bool has_spent = st_column_money(st, 4, &line_spent);
		st_column_money(st, 3, &line_approved);
		if (year != y.year) {
			flush_total(out, &y);
			y = (struct year_total){year, 0, 0, true};
		}
		y.approved += line_approved;
		y.spent += line_spent;
		y.all_spent = y.all_spent && has_spent;
		execution_row(out, year,
		              (const char *)sqlite3_column_text(st, 1),
		              (const char *)sqlite3_column_text(st, 2),
		              line_approved, has_spent, line_spent);
	}
	if (rc == CBM_OK && step != SQLITE_DONE)
		rc = st_sql_error(db, "cannot compute execution", err);
	if (rc == CBM_OK)
		flush_total(out, &y);
	sqlite3_finalize(st);
	g_free(sql);
	g_free(years);
	g_free(spent);
	g_free(approved);
	return rc;
}

/* ---- what-if shares ------------------------------------------------------ */

enum { SH_YEAR, SH_STATE, SH_SHARE, SH_DUE, SH_RECEIVED, SH_DIFFERENCE };

/* The states of the scale for YEAR with their shares (fractions), as
 * (year 0, state, real) sums. */
static enum cbm_status scale_shares(struct st_db *db, const char *scale,
                                    int year, GArray *out,
                                    struct cbm_error *err)
{
	char *sql;
	enum cbm_status rc;

	if (strcmp(scale, "equal") == 0)
		sql = g_strdup_printf(
		    "SELECT 0, code, 1.0 / (SELECT count(*) FROM states"
		    " WHERE status = 'member' AND coalesce(joined, 0) <= %d)"
		    " FROM states WHERE status = 'member'"
		    " AND coalesce(joined, 0) <= %d ORDER BY code",
		    year, year);
	else
		sql = sqlite3_mprintf("SELECT 0, state, share / 100.0 FROM"
		                      " scales WHERE scale = %Q ORDER BY state",
		                      scale);
	rc = ana_sums(db, sql, out, err);
	if (strcmp(scale, "equal") == 0)
		g_free(sql);
	else
		sqlite3_free(sql);
	return rc;
}

static enum cbm_status check_scale(struct st_db *db, const char *scale,
                                   struct cbm_error *err)
{
	GArray *names = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	char *sql = sqlite3_mprintf("SELECT 0, scale, count(*) FROM scales"
	                            " WHERE scale = %Q GROUP BY scale",
	                            scale);
	enum cbm_status rc = ana_sums(db, sql, names, err);

	if (rc == CBM_OK && names->len == 0)
		rc = CBM_ERROR(err, CBM_EDATA, NULL,
		               "no scale '%s'; import it with 'cbm import "
		               "scale' or use --scale equal",
		               scale);
	sqlite3_free(sql);
	g_array_free(names, TRUE);
	return rc;
}

static void shares_row(struct ana_table *t, int year, const char *state,
                       double share, bool has_budget, cbm_money budget,
                       cbm_money received)
{
	size_t r = ana_tb_row(t);
	cbm_money due;

	ana_tb_int(t, r, SH_YEAR, year);
	ana_tb_text(t, r, SH_STATE, state);
	ana_tb_double(t, r, SH_SHARE, share);
	ana_tb_money(t, r, SH_RECEIVED, received);
	if (!has_budget)
		return;
	/* round() is llround() without its 64-bit limit: a budget past
	 * int64 has a due past it too. */
	due = (cbm_money)round((double)budget * share);
	ana_tb_money(t, r, SH_DUE, due);
	ana_tb_money(t, r, SH_DIFFERENCE, received - due);
}

static enum cbm_status shares_year(struct st_db *db, const char *scale,
                                   int year, GArray *approved, GArray *recv,
                                   struct ana_table *out, struct cbm_error *err)
{
	GArray *shares = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	cbm_money budget = 0;
	bool has_budget = ana_sum_of_year(approved, year, &budget);
	enum cbm_status rc = scale_shares(db, scale, year, shares, err);

	for (guint i = 0; rc == CBM_OK && i < shares->len; i++) {
		const struct ana_sum *s =
		    &g_array_index(shares, struct ana_sum, i);
		const struct ana_sum *paid = ana_sum_find(recv, year, s->state);
		shares_row(out, year, s->state, s->real, has_budget, budget,
		           paid ? paid->value : 0);
	}
	/* States outside the scale that paid: share 0, nothing due. */
	for (guint i = 0; rc == CBM_OK && i < recv->len; i++) {
		const struct ana_sum *s =
		    &g_array_index(recv, struct ana_sum, i);
		/* Scale entries carry year 0 (scale_shares). */
		if (s->year == year && !ana_sum_find(shares, 0, s->state))
			shares_row(out, year, s->state, 0.0, has_budget, budget,
			           s->value);
	}
	g_array_free(shares, TRUE);
	return rc;
}

enum cbm_status ana_shares(struct st_db *db, const struct ana_params *p,
                           struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    {"year", ANA_INT},       {"state", ANA_TEXT},
	    {"share", ANA_SHARE},    {"due", ANA_MONEY},
	    {"received", ANA_MONEY}, {"difference", ANA_MONEY},
	};
	const char *scale = p->scale ? p->scale : "equal";
	int latest = 0;
	GArray *approved = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	GArray *recv = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	char cur[4];
	enum cbm_status rc = ana_currency(p, cur, err);

	if (rc == CBM_OK && strcmp(scale, "equal") != 0)
		rc = check_scale(db, scale, err);
	if (rc == CBM_OK)
		rc = ana_approved(db, p, cur, approved, err);
	if (rc == CBM_OK)
		rc = ana_received_sums(db, p, cur, 0, recv, err);
	if (rc == CBM_OK)
		ana_tb_columns(out, cols, 6, cur);
	/* A scale is a proposal for the budget under discussion: without
	 * --year, --from or --to, the latest budget year.  Otherwise every
	 * year with a budget or contributions; one without a budget shows
	 * what was received, with nothing due. */
	if (rc == CBM_OK && !p->year && !p->from && !p->to && approved->len)
		latest =
		    g_array_index(approved, struct ana_sum, approved->len - 1)
		        .year;
	for (int y = 1900; rc == CBM_OK && y <= 2100; y++) {
		cbm_money ignore;
		bool any = ana_sum_of_year(approved, y, &ignore);
		for (guint i = 0; !any && i < recv->len; i++)
			any = g_array_index(recv, struct ana_sum, i).year == y;
		if (any && (latest ? y == latest : ana_year_in(p, y)))
			rc =
			    shares_year(db, scale, y, approved, recv, out, err);
	}
	g_array_free(recv, TRUE);
	g_array_free(approved, TRUE);
	if (rc == CBM_OK)
		rc = ana_tb_add_state_names(db, out, err);
	return rc;
}

/* ---- secondments --------------------------------------------------------- */

enum cbm_status ana_secondments(struct st_db *db, const struct ana_params *p,
                                struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    {"year", ANA_INT},
	    {"state", ANA_TEXT},
	    {"person_months", ANA_NUMBER},
	};
	GArray *rows = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	char *years = ana_years_sql(p, "year");
	char *sql = g_strdup_printf(
	    "SELECT year, state, total(person_months) FROM secondments"
	    " WHERE %s GROUP BY year, state ORDER BY year, state",
	    years);
	enum cbm_status rc = ana_sums(db, sql, rows, err);

	ana_tb_columns(out, cols, 3, "USD");
	for (guint i = 0; rc == CBM_OK && i < rows->len; i++) {
		const struct ana_sum *s =
		    &g_array_index(rows, struct ana_sum, i);
		size_t r = ana_tb_row(out);
		ana_tb_int(out, r, 0, s->year);
		ana_tb_text(out, r, 1, s->state);
		ana_tb_double(out, r, 2, s->real);
	}
	g_free(sql);
	g_free(years);
	g_array_free(rows, TRUE);
	if (rc == CBM_OK)
		rc = ana_tb_add_state_names(db, out, err);
	return rc;
}
