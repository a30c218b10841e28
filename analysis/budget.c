/*
 * budget.c - budget execution per line, what-if shares of the budget, and
 * seconded staff.
 *
 * A budget year is approved or a draft (the importer keeps a year whole).
 * Execution lists both, marked; what-if shares split the approved budget
 * of a year, or its draft while nothing is approved yet, marked too.
 */
#include <math.h>
#include <string.h>

#include "analysis_internal.h"

/* ---- execution ----------------------------------------------------------- */

static void execution_row(struct ana_table *t, sqlite3_stmt *st,
                          cbm_money approved, bool has_spent, cbm_money spent)
{
	size_t r = ana_tb_row(t);

	ana_tb_int(t, r, ANA_EXECUTION_YEAR, sqlite3_column_int(st, 0));
	ana_tb_text(t, r, ANA_EXECUTION_LINE,
	            (const char *)sqlite3_column_text(st, 1));
	ana_tb_text(t, r, ANA_EXECUTION_TITLE,
	            (const char *)sqlite3_column_text(st, 2));
	ana_tb_text(t, r, ANA_EXECUTION_TITLE_RU,
	            (const char *)sqlite3_column_text(st, 5));
	ana_tb_text(t, r, ANA_EXECUTION_TITLE_KK,
	            (const char *)sqlite3_column_text(st, 6));
	ana_tb_text(t, r, ANA_EXECUTION_STATUS,
	            (const char *)sqlite3_column_text(st, 7));
	ana_tb_money(t, r, ANA_EXECUTION_APPROVED, approved);
	if (!has_spent)
		return; /* a line with no spending reported is undefined */
	ana_tb_money(t, r, ANA_EXECUTION_SPENT, spent);
	if (approved > 0)
		ana_tb_double(t, r, ANA_EXECUTION_RATE,
		              (double)spent / (double)approved);
	ana_tb_money(t, r, ANA_EXECUTION_REMAINING, approved - spent);
}

/* The running totals of the year being read. */
struct execution {
	struct ana_table *t;
	int year;
	char status[16];
	cbm_money approved, spent; /* 128 bits: many lines at the ceiling */
	bool all_spent;            /* every line has a spent amount */
};

/* The year's "total" row, after its last line. */
static void flush_total(struct execution *x)
{
	size_t r;

	if (!x->year)
		return;
	r = ana_tb_row(x->t);
	ana_tb_int(x->t, r, ANA_EXECUTION_YEAR, x->year);
	ana_tb_text(x->t, r, ANA_EXECUTION_LINE, "total");
	ana_tb_text(x->t, r, ANA_EXECUTION_TITLE, "Total");
	ana_tb_text(x->t, r, ANA_EXECUTION_STATUS, x->status);
	ana_tb_money(x->t, r, ANA_EXECUTION_APPROVED, x->approved);
	if (!x->all_spent)
		return;
	ana_tb_money(x->t, r, ANA_EXECUTION_SPENT, x->spent);
	if (x->approved > 0)
		ana_tb_double(x->t, r, ANA_EXECUTION_RATE,
		              (double)x->spent / (double)x->approved);
	ana_tb_money(x->t, r, ANA_EXECUTION_REMAINING, x->approved - x->spent);
}

static void execution_line(void *data, sqlite3_stmt *st)
{
	struct execution *x = data;
	int year = sqlite3_column_int(st, 0);
	cbm_money approved, spent;
	/* In a weak report currency one line may pass 64 bits. */
	bool has_spent = st_column_money(st, 4, &spent);

	st_column_money(st, 3, &approved);
	if (year != x->year) {
		flush_total(x);
		x->year = year;
		x->approved = x->spent = 0;
		x->all_spent = true;
		snprintf(x->status, sizeof(x->status), "%s",
		         (const char *)sqlite3_column_text(st, 7));
	}
	x->approved += approved;
	x->spent += spent;
	x->all_spent = x->all_spent && has_spent;
	execution_row(x->t, st, approved, has_spent, spent);
}

enum cbm_status ana_execution(struct st_db *db, const struct ana_params *p,
                              struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    [ANA_EXECUTION_YEAR] = {"year", ANA_INT},
	    [ANA_EXECUTION_LINE] = {"line", ANA_TEXT},
	    [ANA_EXECUTION_APPROVED] = {"approved", ANA_MONEY},
	    [ANA_EXECUTION_SPENT] = {"spent", ANA_MONEY},
	    [ANA_EXECUTION_RATE] = {"execution_rate", ANA_RATE},
	    [ANA_EXECUTION_REMAINING] = {"remaining", ANA_MONEY},
	    [ANA_EXECUTION_TITLE] = {"title", ANA_TEXT},
	    [ANA_EXECUTION_TITLE_RU] = {"title_ru", ANA_TEXT},
	    [ANA_EXECUTION_TITLE_KK] = {"title_kk", ANA_TEXT},
	    [ANA_EXECUTION_STATUS] = {"status", ANA_TEXT},
	};
	static const char date[] = "printf('%04d-01-01', b.year)";
	static const char years[] = "b.year BETWEEN :from AND :to";
	struct execution x = {.t = out};
	char cur[4], *approved = NULL, *spent = NULL, *sql = NULL;
	enum cbm_status rc = ana_currency(p, cur, err);

	if (rc != CBM_OK)
		return rc;
	approved = ana_money_sql("b", "approved", "approved_usd", date,
	                         strcmp(cur, "USD") == 0);
	spent = ana_money_sql("b", "spent", "spent_usd", date,
	                      strcmp(cur, "USD") == 0);
	sql = g_strconcat(
	    "SELECT b.year, b.line, b.title, ", approved, ", ", spent,
	    ", b.title_ru, b.title_kk, b.status"
	    " FROM budget_lines b WHERE ",
	    years, " ORDER BY b.year, length(b.line), b.line", NULL);
	rc = ana_require_rates(db, p, cur, "budget_lines b", date, years, err);
	if (rc == CBM_OK) {
		ana_tb_columns(out, cols, sizeof(cols) / sizeof(*cols), cur);
		rc = ana_run(db, sql, p, cur, execution_line, &x, err);
	}
	if (rc == CBM_OK)
		flush_total(&x);
	g_free(sql);
	g_free(spent);
	g_free(approved);
	return rc;
}

/* ---- what-if shares ------------------------------------------------------ */

/* The states of the scale for :y with their shares (fractions) beside
 * what each received for :y; then the states outside the scale that paid,
 * with share 0 and nothing due. */
static const char shares_head[] =
    "WITH r AS (SELECT c.state AS state, cbm_sum(%s) AS v"
    "  FROM contributions c WHERE c.kind IN (:k1, :k2, :k3)"
    "  AND c.budget_year = :y GROUP BY c.state),"
    " s AS (%s)"
    " SELECT s.state, s.share, r.v, 0 AS outside FROM s"
    "  LEFT JOIN r ON r.state = s.state"
    " UNION ALL SELECT r.state, 0.0, r.v, 1 FROM r"
    "  WHERE r.state NOT IN (SELECT state FROM s)"
    " ORDER BY 4, 1";
static const char equal_scale[] =
    "SELECT code AS state, 1.0 / count(*) OVER () AS share FROM states"
    " WHERE status = 'member' AND coalesce(joined, 0) <= :y";
static const char named_scale[] =
    "SELECT state, share / 100.0 AS share FROM scales WHERE scale = :scale";

/* The budget a year's shares split: approved, else a draft, else none. */
struct year_budget {
	bool found;
	cbm_money value;
	const char *status; /* "approved", "draft" */
};

struct shares_year {
	struct ana_table *t;
	int year;
	struct year_budget budget;
};

static void shares_row(void *data, sqlite3_stmt *st)
{
	struct shares_year *y = data;
	struct ana_table *t = y->t;
	size_t r = ana_tb_row(t);
	double share = sqlite3_column_double(st, 1);
	cbm_money received = 0, due;

	st_column_money(st, 2, &received);
	ana_tb_int(t, r, ANA_SHARES_YEAR, y->year);
	ana_tb_text(t, r, ANA_SHARES_STATE,
	            (const char *)sqlite3_column_text(st, 0));
	ana_tb_double(t, r, ANA_SHARES_SHARE, share);
	ana_tb_money(t, r, ANA_SHARES_RECEIVED, received);
	if (!y->budget.found)
		return;
	/* round() is llround() without its 64-bit limit: a budget past
	 * int64 has a due past it too. */
	due = (cbm_money)round((double)y->budget.value * share);
	ana_tb_money(t, r, ANA_SHARES_DUE, due);
	ana_tb_money(t, r, ANA_SHARES_DIFFERENCE, received - due);
	ana_tb_text(t, r, ANA_SHARES_BUDGET, y->budget.status);
}

static enum cbm_status shares_year(struct st_db *db, const struct ana_params *p,
                                   const char *cur, struct shares_year *y,
                                   struct cbm_error *err)
{
	bool equal = strcmp(p->scale ? p->scale : "equal", "equal") == 0;
	char *money = ana_money_sql("c", "amount", "amount_usd",
	                            "c.received_on", strcmp(cur, "USD") == 0);
	/* Both pieces are constants of this file. */
	char *sql = g_strdup_printf(shares_head, money,
	                            equal ? equal_scale : named_scale);
	sqlite3_stmt *st = NULL;
	enum cbm_status rc = ana_prepare(db, sql, p, cur, &st, err);

	if (rc == CBM_OK) {
		ana_bind_int(st, ":y", y->year);
		rc = ana_each_row(db, st, shares_row, y, err);
	}
	g_free(sql);
	g_free(money);
	return rc;
}

static void count_row(void *data, sqlite3_stmt *st)
{
	*(int *)data = sqlite3_column_int(st, 0);
}

static enum cbm_status check_scale(struct st_db *db, const struct ana_params *p,
                                   struct cbm_error *err)
{
	int n = 0;
	enum cbm_status rc =
	    ana_run(db, "SELECT count(*) FROM scales WHERE scale = :scale", p,
	            NULL, count_row, &n, err);

	if (rc == CBM_OK && n == 0)
		rc = CBM_ERROR(err, CBM_EDATA, NULL,
		               "no scale '%s'; import it with 'cbm import "
		               "scale' or use --scale equal",
		               p->scale);
	return rc;
}

/* The approved and draft budgets by year, for what shares split. */
struct budgets {
	GArray *approved, *drafts;
	GHashTable *approved_of, *draft_of;
};

static enum cbm_status budgets_load(struct st_db *db, const char *cur,
                                    struct budgets *b, struct cbm_error *err)
{
	enum cbm_status rc;

	b->approved = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	b->drafts = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	rc = ana_approved(db, cur, b->approved, err);
	if (rc == CBM_OK)
		rc = ana_drafts(db, cur, b->drafts, err);
	b->approved_of = ana_sums_by_year(b->approved);
	b->draft_of = ana_sums_by_year(b->drafts);
	return rc;
}

static void budgets_release(struct budgets *b)
{
	g_hash_table_destroy(b->approved_of);
	g_hash_table_destroy(b->draft_of);
	g_array_free(b->approved, TRUE);
	g_array_free(b->drafts, TRUE);
}

static struct year_budget budget_of(const struct budgets *b, int year)
{
	const struct ana_sum *a = ana_sum_of(b->approved_of, year);
	const struct ana_sum *d = ana_sum_of(b->draft_of, year);

	if (a)
		return (struct year_budget){true, a->value, "approved"};
	if (d)
		return (struct year_budget){true, d->value, "draft"};
	return (struct year_budget){false, 0, NULL};
}

static void append_year(void *data, sqlite3_stmt *st)
{
	int y = sqlite3_column_int(st, 0);

	g_array_append_val((GArray *)data, y);
}

/* The years shares are shown for: a scale is a proposal for the budget
 * under discussion, so without --year, --from or --to the latest approved
 * year (the latest draft when nothing is approved); otherwise every year
 * with a budget or contributions, one without a budget showing what was
 * received with nothing due. */
static enum cbm_status shares_years(struct st_db *db,
                                    const struct ana_params *p,
                                    const struct budgets *b, GArray *years,
                                    struct cbm_error *err)
{
	GArray *latest = b->approved->len ? b->approved : b->drafts;

	if (!p->year && !p->from && !p->to) {
		if (latest->len)
			g_array_append_val(years,
			                   g_array_index(latest, struct ana_sum,
			                                 latest->len - 1)
			                       .year);
		return CBM_OK;
	}
	return ana_run(db,
	               "SELECT year FROM budget_lines"
	               " WHERE year BETWEEN :from AND :to"
	               " UNION SELECT budget_year FROM contributions"
	               " WHERE kind IN (:k1, :k2, :k3)"
	               " AND budget_year BETWEEN :from AND :to ORDER BY 1",
	               p, NULL, append_year, years, err);
}

enum cbm_status ana_shares(struct st_db *db, const struct ana_params *p,
                           struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    [ANA_SHARES_YEAR] = {"year", ANA_INT},
	    [ANA_SHARES_STATE] = {"state", ANA_TEXT},
	    [ANA_SHARES_SHARE] = {"share", ANA_SHARE},
	    [ANA_SHARES_DUE] = {"due", ANA_MONEY},
	    [ANA_SHARES_RECEIVED] = {"received", ANA_MONEY},
	    [ANA_SHARES_DIFFERENCE] = {"difference", ANA_MONEY},
	    [ANA_SHARES_BUDGET] = {"budget", ANA_TEXT},
	};
	struct budgets b = {0};
	GArray *years = g_array_new(FALSE, FALSE, sizeof(int));
	char cur[4];
	enum cbm_status rc = ana_currency(p, cur, err);

	if (rc == CBM_OK && strcmp(p->scale ? p->scale : "equal", "equal"))
		rc = check_scale(db, p, err);
	if (rc == CBM_OK)
		rc = budgets_load(db, cur, &b, err);
	if (rc == CBM_OK)
		rc = ana_require_receipt_rates(
		    db, p, cur, "c.kind IN (:k1, :k2, :k3)", err);
	if (rc == CBM_OK)
		rc = shares_years(db, p, &b, years, err);
	if (rc == CBM_OK)
		ana_tb_columns(out, cols, sizeof(cols) / sizeof(*cols), cur);
	for (guint i = 0; rc == CBM_OK && i < years->len; i++) {
		int year = g_array_index(years, int, i);
		struct shares_year y = {out, year, budget_of(&b, year)};
		rc = shares_year(db, p, cur, &y, err);
	}
	if (b.approved)
		budgets_release(&b);
	g_array_free(years, TRUE);
	if (rc == CBM_OK)
		rc = ana_tb_add_state_names(db, p, out, err);
	return rc;
}

/* ---- secondments --------------------------------------------------------- */

enum cbm_status ana_secondments(struct st_db *db, const struct ana_params *p,
                                struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    [ANA_SECONDMENTS_YEAR] = {"year", ANA_INT},
	    [ANA_SECONDMENTS_STATE] = {"state", ANA_TEXT},
	    [ANA_SECONDMENTS_PERSON_MONTHS] = {"person_months", ANA_NUMBER},
	};
	GArray *rows = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	enum cbm_status rc =
	    ana_sums(db,
	             "SELECT year, state, total(person_months) FROM secondments"
	             " WHERE year BETWEEN :from AND :to GROUP BY year, state"
	             " ORDER BY year, state",
	             p, NULL, rows, err);

	ana_tb_columns(out, cols, 3, "USD");
	for (guint i = 0; rc == CBM_OK && i < rows->len; i++) {
		const struct ana_sum *s =
		    &g_array_index(rows, struct ana_sum, i);
		size_t r = ana_tb_row(out);
		ana_tb_int(out, r, ANA_SECONDMENTS_YEAR, s->year);
		ana_tb_text(out, r, ANA_SECONDMENTS_STATE, s->state);
		ana_tb_double(out, r, ANA_SECONDMENTS_PERSON_MONTHS, s->real);
	}
	g_array_free(rows, TRUE);
	if (rc == CBM_OK)
		rc = ana_tb_add_state_names(db, p, out, err);
	return rc;
}
