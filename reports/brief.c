/*
 * brief.c - the brief for the Special Working Group on the budget of
 * year Y, as of a day D: where the collection stands against the same
 * day of earlier years and where it will end by 31 December, the budget
 * line by line against earlier years and next year's budget (a draft,
 * marked, when that is what is loaded), who paid and who has not, what
 * is still owed from earlier years, what-if shares and seconded staff.
 */
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "rpt_internal.h"

/* The collection section shows the year and the five before it. */
#define COLLECTION_YEARS 5

/* The day the brief is as of: --as-of, else the last payment received
 * for year Y (the figures of a year in progress are as of then), else
 * its 31 December. */
static int32_t as_of(struct rctx *x)
{
	struct ana_params a;
	int32_t day = cbm_days_from_civil(x->p->year, 12, 31);
	bool found = false;

	if (x->p->as_of != INT32_MIN)
		return x->p->as_of;
	rpt_figure_params(x, &a);
	if (!rpt_failed(x) &&
	    ana_last_receipt(x->db, &a, x->p->year, &day, &found, x->err) ==
	        CBM_OK &&
	    !found)
		day = cbm_days_from_civil(x->p->year, 12, 31);
	return day;
}

/* A figure that may rightly have nothing to say (too few years for a
 * trend, a day outside the year for a forecast): its CBM_EDATA leaves T
 * empty; any other failure is the report's. */
static void maybe_figure(struct rctx *x, ana_figure_fn fn,
                         const struct ana_params *a, struct ana_table *t)
{
	struct cbm_error quiet = {0};

	if (rpt_failed(x)) {
		ana_table_init(t);
		return;
	}
	if (rpt_figure(x, fn, a, t, &quiet) == CBM_OK)
		return;
	/* memcpy, not assignment: GCC 12 at -O3 takes the struct copy for a
	 * pointer to the local escaping (-Wdangling-pointer). */
	if (quiet.code != CBM_EDATA)
		memcpy(x->err, &quiet, sizeof(quiet));
	ana_table_release(t);
	ana_table_init(t);
}

/* ---- summary ------------------------------------------------------------- */

struct summary {
	int32_t day;
	struct ana_table col;   /* Y-5 to Y as of the day (see row_of) */
	struct ana_table fc;    /* the in-year forecast of Y, or empty */
	struct ana_table trend; /* of finished years, or empty */
};

static void summary_figures(struct rctx *x, struct summary *s)
{
	struct ana_params a;

	rpt_figure_params(x, &a);
	a.as_of = s->day;
	a.year = x->p->year;
	/* The years of the collection section (collection()): one figure
	 * serves both, where Y-1 and Y alone were a pass over the
	 * contributions of their own. */
	a.from = x->p->year - COLLECTION_YEARS;
	rpt_run_figure(x, ana_collection, &a, &s->col);
	a.from = 0;
	maybe_figure(x, ana_forecast, &a, &s->fc);
	a.as_of = INT32_MIN;
	a.year = 0;
	a.of = ANA_OF_COLLECTION_RATE;
	a.to = x->p->year - 1;
	maybe_figure(x, ana_trend, &a, &s->trend);
}

static bool has_forecast(const struct summary *s)
{
	return s->fc.nrows &&
	       ana_cell(&s->fc, 0, ANA_FORECAST_FORECAST)->defined;
}

/* The row of YEAR in the summary's collection table, or -1. */
static ptrdiff_t row_of(const struct ana_table *col, int year)
{
	for (size_t r = 0; r < col->nrows; r++)
		if (ana_cell(col, r, ANA_COLLECTION_YEAR)->i == year)
			return (ptrdiff_t)r;
	return -1;
}

static void key_figures(struct rctx *x, const struct summary *s)
{
	const struct ana_table *col = &s->col;
	ptrdiff_t row = row_of(col, x->p->year);
	const char *labels[4], *values[4];

	labels[0] = LF(x, "kf.approved", col->currency);
	labels[1] = LF(x, "kf.received_by", rpt_date_text(x, s->day));
	labels[2] = LF(x, "kf.rate_by", rpt_date_text(x, s->day));
	values[0] = values[1] = values[2] = values[3] = L(x, "n/a");
	if (row >= 0) {
		size_t last = (size_t)row;
		values[0] = rpt_money_text(
		    x, col, ana_cell(col, last, ANA_COLLECTION_APPROVED));
		values[1] = rpt_money_text(
		    x, col, ana_cell(col, last, ANA_COLLECTION_RECEIVED));
		values[2] = rpt_percent_text(
		    x, ana_cell(col, last, ANA_COLLECTION_RATE));
	}
	if (has_forecast(s)) {
		const char *range[2] = {
		    rpt_percent_text(x, ana_cell(&s->fc, 0, ANA_FORECAST_LOW)),
		    rpt_percent_text(x,
		                     ana_cell(&s->fc, 0, ANA_FORECAST_HIGH))};
		labels[3] = rpt_labels(x, "kf.forecast", range, 2);
		values[3] = rpt_percent_text(
		    x, ana_cell(&s->fc, 0, ANA_FORECAST_FORECAST));
	} else {
		labels[3] = L(x, "kf.forecast_none");
	}
	rpt_doc_key_figures(x->d, labels, values, 4);
}

/* "By 14 Nov 2025, ... had been received for 2025, ..." */
static void highlights(struct rctx *x, const struct summary *s)
{
	const struct ana_table *col = &s->col;
	ptrdiff_t row = row_of(col, x->p->year),
	          before = row_of(col, x->p->year - 1);
	const char *v[6];
	size_t last;

	if (row < 0)
		return;
	last = (size_t)row;
	v[0] = rpt_date_text(x, s->day);
	v[1] = rpt_amount_text(x, col,
	                       ana_cell(col, last, ANA_COLLECTION_RECEIVED));
	v[2] = rpt_year_str(x, x->p->year);
	v[3] = rpt_percent_text(x, ana_cell(col, last, ANA_COLLECTION_RATE));
	v[4] = rpt_amount_text(x, col,
	                       ana_cell(col, last, ANA_COLLECTION_APPROVED));
	v[5] = before >= 0 ? rpt_percent_text(x, ana_cell(col, (size_t)before,
	                                                  ANA_COLLECTION_RATE))
	                   : L(x, "n/a");
	rpt_doc_paragraph(x->d, rpt_labels(x, "budget.highlights", v, 6));
}

/* The in-year forecast, then the trend of finished years, in words. */
static void forecasts(struct rctx *x, const struct summary *s)
{
	const struct ana_table *f = &s->fc, *t = &s->trend;

	if (has_forecast(s)) {
		const char *v[7] = {
		    rpt_year_str(x, x->p->year),
		    rpt_percent_text(x, ana_cell(f, 0, ANA_FORECAST_FORECAST)),
		    rpt_percent_text(x, ana_cell(f, 0, ANA_FORECAST_LOW)),
		    rpt_percent_text(x, ana_cell(f, 0, ANA_FORECAST_HIGH)),
		    rpt_percent_text(x, ana_cell(f, 0, ANA_FORECAST_RATE)),
		    rpt_date_text(
		        x, (int32_t)ana_cell(f, 0, ANA_FORECAST_AS_OF)->i),
		    rpt_year_str(x, ana_cell(f, 0, ANA_FORECAST_YEARS)->i)};
		rpt_doc_paragraph(x->d, rpt_labels(x, "budget.inyear", v, 7));
	} else if (f->nrows) {
		rpt_doc_paragraph(x->d, L(x, "budget.inyear.none"));
	}
	if (t->nrows) {
		const char *v[4] = {
		    rpt_year_str(x, ana_cell(t, 0, ANA_TREND_NEXT_YEAR)->i),
		    rpt_percent_text(x, ana_cell(t, 0, ANA_TREND_FORECAST)),
		    rpt_percent_text(x, ana_cell(t, 0, ANA_TREND_LO95)),
		    rpt_percent_text(x, ana_cell(t, 0, ANA_TREND_HI95))};
		rpt_doc_paragraph(x->d, rpt_labels(x, "budget.forecast", v, 4));
	}
}

static void summary(struct rctx *x, int32_t day)
{
	struct summary s = {.day = day};
	struct rpt_chart_params cp;

	rpt_section(x, L(x, "summary"));
	summary_figures(x, &s);
	key_figures(x, &s);
	highlights(x, &s);
	forecasts(x, &s);
	rpt_doc_paragraph(x->d, LF(x, "budget.intro", rpt_date_text(x, day)));
	/* The headline: where the year stands against earlier years. */
	rpt_chart_params_for(x, &cp);
	cp.year = x->p->year;
	cp.as_of = day;
	rpt_chart_block(x, RPT_CHART_CURVE, &cp, 270);
	ana_table_release(&s.col);
	ana_table_release(&s.fc);
	ana_table_release(&s.trend);
}

/* ---- collection as of the day -------------------------------------------- */

static void collection(struct rctx *x, int32_t day)
{
	static const struct col_spec cols[] = {
	    {ANA_COLLECTION_YEAR, "year", 0.10, SHOW_VALUE, false},
	    {ANA_COLLECTION_AS_OF, "as_of", 0.16, SHOW_VALUE, false},
	    {ANA_COLLECTION_APPROVED, "approved", 0.20, SHOW_VALUE, false},
	    {ANA_COLLECTION_RECEIVED, "received", 0.20, SHOW_VALUE, false},
	    {ANA_COLLECTION_RATE, "collection_rate", 0.14, SHOW_VALUE, false},
	    {ANA_COLLECTION_FULFILMENT, "fulfilment", 0.20, SHOW_VALUE, false},
	};
	struct table_opts o = {.sort_by = -1};
	struct ana_params a;
	struct ana_table t;
	struct rpt_chart_params cp;

	rpt_figure_params(x, &a);
	a.as_of = day;
	a.year = x->p->year;
	a.from = x->p->year - COLLECTION_YEARS;
	rpt_section(x, LF(x, "budget.collection", rpt_date_text(x, day)));
	rpt_doc_lead(x->d, L(x, "budget.collection.text"));
	rpt_chart_params_for(x, &cp);
	cp.as_of = day;
	if (rpt_run_figure(x, ana_collection, &a, &t))
		rpt_chart_with_table(x, RPT_CHART_COLLECTION, &cp, 250, &t,
		                     cols, 6, &o);
	ana_table_release(&t);
}

/* ---- the budget, line by line ---------------------------------------------
 */

/* The approved amount of (year, line) in an execution table, by key. */
struct budget_grid {
	const struct ana_table *t;
	GHashTable *cell; /* "year|line" -> row + 1 */
	GPtrArray *lines; /* line codes in order, "total" last */
};

static char *grid_key(int year, const char *line)
{
	return g_strdup_printf("%d|%s", year, line);
}

/* The lines of YEAR in their order, then those of other years, each
 * once; "total" last. */
static void grid_lines(struct budget_grid *g, int year)
{
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	const struct ana_table *t = g->t;

	g_hash_table_add(seen, "total");
	for (int pass = 0; pass < 2; pass++)
		for (size_t r = 0; r < t->nrows; r++) {
			const char *line =
			    ana_cell(t, r, ANA_EXECUTION_LINE)->s;
			bool of_year =
			    ana_cell(t, r, ANA_EXECUTION_YEAR)->i == year;
			if (of_year == !pass &&
			    g_hash_table_add(seen, (char *)line))
				g_ptr_array_add(g->lines, (char *)line);
		}
	g_ptr_array_add(g->lines, "total");
	g_hash_table_destroy(seen);
}

static void grid_open(struct budget_grid *g, const struct ana_table *t,
                      int year)
{
	g->t = t;
	g->cell = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g->lines = g_ptr_array_new();
	for (size_t r = 0; r < t->nrows; r++) {
		int y = (int)ana_cell(t, r, ANA_EXECUTION_YEAR)->i;
		const char *line = ana_cell(t, r, ANA_EXECUTION_LINE)->s;
		g_hash_table_insert(g->cell, grid_key(y, line),
		                    GSIZE_TO_POINTER(r + 1));
	}
	grid_lines(g, year);
}

static void grid_close(struct budget_grid *g)
{
	g_hash_table_destroy(g->cell);
	g_ptr_array_free(g->lines, TRUE);
}

/* The row of (YEAR, LINE), or -1. */
static long grid_row(const struct budget_grid *g, int year, const char *line)
{
	char *key = grid_key(year, line);
	size_t r = GPOINTER_TO_SIZE(g_hash_table_lookup(g->cell, key));

	g_free(key);
	return (long)r - 1;
}

/* "+4.5 %", "−2.0 %", or "" when the change is undefined. */
static const char *change_text(struct rctx *x, cbm_money from, cbm_money to)
{
	struct ana_value v = {.defined = from > 0};
	const char *p;

	if (!v.defined)
		return "";
	v.d = (double)(to - from) / (double)from;
	p = rpt_percent_text(x, &v);
	return v.d > 0 ? rpt_keep(x, g_strconcat("+", p, NULL)) : p;
}

/* A line's title in the reader's language, from any year that has it. */
static const char *line_title(struct rctx *x, const struct budget_grid *g,
                              const char *line, int from, int to)
{
	static const int title[3] = {ANA_EXECUTION_TITLE,
	                             ANA_EXECUTION_TITLE_RU,
	                             ANA_EXECUTION_TITLE_KK};
	const struct ana_value *v = NULL;

	if (strcmp(line, "total") == 0)
		return L(x, "total");
	for (int y = to; y >= from; y--) {
		long r = grid_row(g, y, line);
		if (r < 0)
			continue;
		v = ana_cell(g->t, (size_t)r, (size_t)title[x->lang]);
		if (!v->defined)
			v = ana_cell(g->t, (size_t)r, ANA_EXECUTION_TITLE);
		return v->s;
	}
	return line;
}

/* The approved amount of LINE in YEAR, or a dash. */
static const char *approved_text(struct rctx *x, const struct budget_grid *g,
                                 const char *line, int year)
{
	long r = grid_row(g, year, line);

	if (r < 0)
		return "—";
	return rpt_money_text(
	    x, g->t, ana_cell(g->t, (size_t)r, ANA_EXECUTION_APPROVED));
}

/* The cell of LINE in YEAR: the amount, and under it the change from
 * the year before. */
static const char *amount_cell(struct rctx *x, const struct budget_grid *g,
                               const char *line, int year)
{
	long r = grid_row(g, year, line), before = grid_row(g, year - 1, line);
	const struct ana_value *v;
	const char *change;

	if (r < 0)
		return "—";
	v = ana_cell(g->t, (size_t)r, ANA_EXECUTION_APPROVED);
	change =
	    before < 0
	        ? ""
	        : change_text(
	              x,
	              ana_cell(g->t, (size_t)before, ANA_EXECUTION_APPROVED)->i,
	              v->i);
	return rpt_keep(x, g_strdup_printf("%s%s%s", rpt_money_text(x, g->t, v),
	                                   *change ? "\n" : "", change));
}

/* Lines x years FROM..TO: one column per year. */
static void lines_by_year(struct rctx *x, const struct budget_grid *g, int from,
                          int to)
{
	size_t ncols = (size_t)(to - from + 2);
	const char **header = g_new(const char *, ncols);
	double *widths = g_new(double, ncols);
	bool *right = g_new(bool, ncols);
	GPtrArray *cells = g_ptr_array_new();
	struct doc_table dt = {0};

	header[0] = L(x, "budget_line");
	widths[0] = 0.22;
	right[0] = false;
	for (size_t c = 1; c < ncols; c++) {
		header[c] = rpt_year_str(x, from + (int)c - 1);
		widths[c] = 0.78 / (double)(ncols - 1);
		right[c] = true;
	}
	for (guint i = 0; i < g->lines->len; i++) {
		const char *line = g_ptr_array_index(g->lines, i);
		g_ptr_array_add(cells,
		                (char *)line_title(x, g, line, from, to));
		for (int y = from; y <= to; y++)
			g_ptr_array_add(cells,
			                (char *)amount_cell(x, g, line, y));
	}
	dt = (struct doc_table){ncols,  cells->len / ncols,
	                        header, widths,
	                        right,  (const char *const *)cells->pdata,
	                        true};
	rpt_doc_table(x->d, &dt);
	g_ptr_array_free(cells, TRUE);
	g_free(header);
	g_free(widths);
	g_free(right);
}

/* Next year's budget line by line against this year's, with the change. */
static void next_year(struct rctx *x, const struct budget_grid *g, int year)
{
	static const double widths[] = {0.28, 0.2, 0.2, 0.18, 0.14};
	static const bool right[] = {false, true, true, true, true};
	long total = grid_row(g, year + 1, "total");
	const char *header[5], *years[2];
	GPtrArray *cells = g_ptr_array_new();
	bool draft;
	struct doc_table dt;

	if (total < 0)
		return;
	draft = strcmp(ana_cell(g->t, (size_t)total, ANA_EXECUTION_STATUS)->s,
	               "draft") == 0;
	years[0] = rpt_year_str(x, year + 1);
	years[1] = rpt_year_str(x, year);
	rpt_doc_heading(
	    x->d, 2,
	    rpt_labels(x, draft ? "budget.next.draft" : "budget.next.approved",
	               years, 2));
	header[0] = L(x, "budget_line");
	header[1] = years[1];
	header[2] = draft ? rpt_keep(x, g_strdup_printf("%s (%s)", years[0],
	                                                L(x, "draft")))
	                  : years[0];
	header[3] = L(x, "change");
	header[4] = L(x, "change_pct");
	for (guint i = 0; i < g->lines->len; i++) {
		const char *line = g_ptr_array_index(g->lines, i);
		long now = grid_row(g, year, line),
		     next = grid_row(g, year + 1, line);
		cbm_money a = now < 0 ? 0
		                      : ana_cell(g->t, (size_t)now,
		                                 ANA_EXECUTION_APPROVED)
		                            ->i;
		cbm_money b = next < 0 ? 0
		                       : ana_cell(g->t, (size_t)next,
		                                  ANA_EXECUTION_APPROVED)
		                             ->i;
		struct ana_value d = {.defined = true, .i = b - a};
		if (now < 0 && next < 0)
			continue;
		g_ptr_array_add(cells,
		                (char *)line_title(x, g, line, year, year + 1));
		g_ptr_array_add(cells, (char *)approved_text(x, g, line, year));
		g_ptr_array_add(cells,
		                (char *)approved_text(x, g, line, year + 1));
		g_ptr_array_add(cells, (char *)rpt_money_text(x, g->t, &d));
		g_ptr_array_add(cells, (char *)change_text(x, a, b));
	}
	dt = (struct doc_table){5,      cells->len / 5,
	                        header, widths,
	                        right,  (const char *const *)cells->pdata,
	                        true};
	rpt_doc_table(x->d, &dt);
	if (draft)
		rpt_doc_note(x->d, L(x, "budget.next.text"));
	g_ptr_array_free(cells, TRUE);
}

static void budget(struct rctx *x)
{
	struct ana_params a;
	struct ana_table t;
	struct budget_grid g;
	int year = x->p->year;

	rpt_figure_params(x, &a);
	a.from = year - 5;
	a.to = year + 1;
	rpt_section(x, L(x, "budget.budget"));
	rpt_doc_lead(x->d, L(x, "budget.by_line.text"));
	if (rpt_run_figure(x, ana_execution, &a, &t)) {
		grid_open(&g, &t, year);
		lines_by_year(x, &g, year - 5, year);
		next_year(x, &g, year);
		grid_close(&g);
	}
	ana_table_release(&t);
	rpt_doc_heading(x->d, 2,
	                LF(x, "budget.execution_last",
	                   rpt_year_str(x, x->p->year - 1)));
	rpt_execution_table(x, x->p->year - 1);
}

/* ---- who paid ------------------------------------------------------------ */

static bool still_owed(const struct ana_table *t, size_t r, void *data)
{
	(void)data;
	return ana_cell(t, r, ANA_OUTSTANDING_OUTSTANDING)->i > 0;
}

/* Pledges of the years before Y not paid in full by the day. */
static void earlier_pledges(struct rctx *x, int32_t day)
{
	static const struct col_spec cols[] = {
	    {ANA_OUTSTANDING_YEAR, "year", 0.08, SHOW_VALUE, false},
	    {ANA_OUTSTANDING_STATE, "state", 0.2, SHOW_STATE, false},
	    {ANA_OUTSTANDING_PLEDGED, "pledged", 0.14, SHOW_VALUE, true},
	    {ANA_OUTSTANDING_RECEIVED, "received", 0.14, SHOW_VALUE, true},
	    {ANA_OUTSTANDING_OUTSTANDING, "outstanding", 0.14, SHOW_VALUE,
	     true},
	    {ANA_OUTSTANDING_STATUS, "pledge_status", 0.30, SHOW_STATUS, false},
	};
	struct table_opts o = {
	    .keep = still_owed, .sort_by = -1, .total = true};
	struct ana_params a;
	struct ana_table t;
	size_t owed = 0;

	rpt_figure_params(x, &a);
	a.to = x->p->year - 1;
	a.as_of = day;
	rpt_doc_heading(x->d, 2, L(x, "budget.earlier"));
	if (rpt_run_figure(x, ana_outstanding, &a, &t)) {
		for (size_t r = 0; r < t.nrows; r++)
			owed += still_owed(&t, r, NULL);
		if (owed)
			rpt_figure_table(x, &t, cols, 6, &o);
		else
			rpt_doc_note(x->d, L(x, "budget.earlier.none"));
	}
	ana_table_release(&t);
}

static void contributors(struct rctx *x, int32_t day)
{
	static const struct col_spec concentration[] = {
	    {ANA_CONCENTRATION_YEAR, "year", 0.12, SHOW_VALUE, false},
	    {ANA_CONCENTRATION_CONTRIBUTORS, "contributors", 0.18, SHOW_VALUE,
	     false},
	    {ANA_CONCENTRATION_TOP1, "top1", 0.14, SHOW_VALUE, false},
	    {ANA_CONCENTRATION_TOP3, "top3", 0.14, SHOW_VALUE, false},
	    {ANA_CONCENTRATION_TOP5, "top5", 0.14, SHOW_VALUE, false},
	    {ANA_CONCENTRATION_HHI, "hhi", 0.14, SHOW_VALUE, false},
	    {ANA_CONCENTRATION_GINI, "gini", 0.14, SHOW_VALUE, false},
	};
	struct table_opts o = {.sort_by = -1};
	const char *v[2] = {rpt_year_str(x, x->p->year), rpt_date_text(x, day)};
	struct ana_params a;
	struct ana_table t;
	struct rpt_chart_params cp;

	rpt_figure_params(x, &a);
	rpt_chart_params_for(x, &cp);
	cp.year = x->p->year;
	rpt_section(x, L(x, "budget.contributors"));
	rpt_chart_block(x, RPT_CHART_CONTRIBUTIONS, &cp, 320);
	rpt_doc_heading(x->d, 2, rpt_labels(x, "budget.pledges", v, 2));
	rpt_doc_lead(x->d, L(x, "finance.pledges.text"));
	a.year = x->p->year;
	a.as_of = day;
	rpt_outstanding_table(x, &a, &o);
	earlier_pledges(x, day);
	rpt_doc_heading(x->d, 2, L(x, "budget.concentration"));
	rpt_figure_params(x, &a);
	a.from = x->p->year - 5;
	a.to = x->p->year;
	if (rpt_run_figure(x, ana_concentration, &a, &t))
		rpt_figure_table(x, &t, concentration, 7, &o);
	ana_table_release(&t);
	rpt_doc_note(x->d, L(x, "budget.concentration.note"));
}

/* ---- what-if shares ------------------------------------------------------ */

/* The shares of the budget under discussion: next year's when it is
 * loaded (approved, else its draft), else this year's. */
static bool shares_of(struct rctx *x, struct ana_params *a, struct ana_table *t)
{
	const struct ana_value *budget;

	a->year = x->p->year + 1;
	if (!rpt_run_figure(x, ana_shares, a, t))
		return false;
	budget = t->nrows ? ana_cell(t, 0, ANA_SHARES_BUDGET) : NULL;
	if (budget && budget->defined)
		return true;
	ana_table_release(t);
	a->year = x->p->year;
	return rpt_run_figure(x, ana_shares, a, t);
}

static bool anything_paid(const struct ana_table *t)
{
	for (size_t r = 0; r < t->nrows; r++)
		if (ana_cell(t, r, ANA_SHARES_RECEIVED)->i > 0)
			return true;
	return false;
}

static void shares(struct rctx *x)
{
	static const struct col_spec cols[] = {
	    {ANA_SHARES_STATE, "state", 0.30, SHOW_STATE, false},
	    {ANA_SHARES_SHARE, "share", 0.12, SHOW_VALUE, true},
	    {ANA_SHARES_DUE, "due", 0.19, SHOW_VALUE, true},
	    {ANA_SHARES_RECEIVED, "received", 0.19, SHOW_VALUE, true},
	    {ANA_SHARES_DIFFERENCE, "difference", 0.20, SHOW_VALUE, true},
	};
	struct table_opts o = {.sort_by = ANA_SHARES_DUE, .total = true};
	const char *scale = x->p->scale ? x->p->scale : "equal";
	bool equal = strcmp(scale, "equal") == 0;
	struct ana_params a;
	struct ana_table t;

	rpt_figure_params(x, &a);
	a.scale = scale;
	rpt_section(x, L(x, "budget.shares"));
	if (shares_of(x, &a, &t)) {
		const struct ana_value *b =
		    t.nrows ? ana_cell(&t, 0, ANA_SHARES_BUDGET) : NULL;
		bool draft = b && b->defined && strcmp(b->s, "draft") == 0;
		const char *v[2] = {rpt_year_str(x, a.year), scale};
		char key[64];
		snprintf(key, sizeof(key), "budget.shares.%s.%s",
		         equal ? "equal" : "scale",
		         draft ? "draft" : "approved");
		rpt_doc_lead(x->d, rpt_labels(x, key, v, 2));
		/* Nothing paid yet for a year to come: share and due say it
		 * all, without columns of zeros. */
		rpt_figure_table(x, &t, cols, anything_paid(&t) ? 5 : 3, &o);
	}
	ana_table_release(&t);
}

static void staff(struct rctx *x)
{
	static const struct col_spec cols[] = {
	    {ANA_SECONDMENTS_YEAR, "year", 0.15, SHOW_VALUE, false},
	    {ANA_SECONDMENTS_STATE, "state", 0.45, SHOW_STATE, false},
	    {ANA_SECONDMENTS_PERSON_MONTHS, "person_months", 0.20, SHOW_VALUE,
	     true},
	};
	struct table_opts o = {.sort_by = -1, .total = true};
	struct ana_params a;
	struct ana_table t;

	rpt_figure_params(x, &a);
	a.from = x->p->year - 1;
	a.to = x->p->year;
	rpt_section(x, L(x, "hr"));
	rpt_doc_lead(x->d, L(x, "hr.text"));
	if (rpt_run_figure(x, ana_secondments, &a, &t))
		rpt_figure_table(x, &t, cols, 3, &o);
	ana_table_release(&t);
}

void rpt_budget_sections(struct rctx *x)
{
	int32_t day = as_of(x);

	summary(x, day);
	collection(x, day);
	budget(x);
	contributors(x, day);
	shares(x);
	staff(x);
	rpt_sources_section(x);
}
