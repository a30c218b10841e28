/*
 * brief.c - the brief for the Special Working Group on the budget of
 * year Y: the budget against earlier years, the collection so far and
 * against the same day of earlier years, who contributed what, the
 * forecast, what-if shares and seconded staff.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "rpt_internal.h"

/* The day the brief is as of: --as-of, else the last payment received
 * for year Y (the figures of a year in progress are as of then). */
static int32_t as_of(struct rctx *x)
{
	sqlite3_stmt *st = NULL;
	int32_t day = cbm_days_from_civil(x->p->year, 12, 31);

	if (x->p->as_of != INT32_MIN)
		return x->p->as_of;
	if (sqlite3_prepare_v2(st_sqlite(x->db),
	                       "SELECT max(received_on) FROM contributions"
	                       " WHERE budget_year = ?",
	                       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int(st, 1, x->p->year);
		if (sqlite3_step(st) == SQLITE_ROW &&
		    sqlite3_column_text(st, 0))
			cbm_date_parse_iso(
			    (const char *)sqlite3_column_text(st, 0), &day);
	}
	sqlite3_finalize(st);
	return day;
}

static const char *date_text(struct rctx *x, int32_t day)
{
	char buf[32];

	cbm_fmt_date(buf, sizeof(buf), day, x->lang);
	return rpt_keep(x, g_strdup(buf));
}

static void summary(struct rctx *x, int32_t day)
{
	struct ana_params a;
	struct ana_table col, tr;
	const char *labels[4], *values[4];
	size_t last;

	rpt_figure_params(x, &a);
	a.as_of = day;
	a.year = x->p->year;
	a.from = x->p->year - 1;
	rpt_section(x, L(x, "summary"));
	rpt_run_figure(x, ana_collection, &a, &col);
	a.as_of = INT32_MIN;
	a.year = 0;
	a.from = 0;
	a.of = ANA_OF_COLLECTION_RATE;
	a.to = x->p->year - 1;
	/* The forecast may be impossible (too few years): not an error. */
	ana_table_init(&tr);
	if (x->status == CBM_OK) {
		struct cbm_error ignore = {0};
		ana_trend(x->db, &a, &tr, &ignore);
	}
	last = col.nrows ? col.nrows - 1 : 0;
	labels[0] = LF(x, "kf.approved", col.currency);
	values[0] = col.nrows ? rpt_money_text(x, &col, ana_cell(&col, last, 1))
	                      : L(x, "n/a");
	labels[1] = LF(x, "kf.received_by", date_text(x, day));
	values[1] = col.nrows ? rpt_money_text(x, &col, ana_cell(&col, last, 2))
	                      : L(x, "n/a");
	labels[2] = L(x, "kf.collection");
	values[2] = col.nrows ? rpt_percent_text(x, ana_cell(&col, last, 3))
	                      : L(x, "n/a");
	labels[3] = L(x, "kf.last_year_same_day");
	values[3] = col.nrows > 1 ? rpt_percent_text(x, ana_cell(&col, 0, 3))
	                          : L(x, "n/a");
	rpt_doc_key_figures(x->d, labels, values, 4);
	if (col.nrows) {
		const char *v[6] = {
		    date_text(x, day),
		    rpt_keep(
		        x, g_strdup_printf(
		               "%s %s",
		               rpt_money_text(x, &col, ana_cell(&col, last, 2)),
		               col.currency)),
		    rpt_year_str(x, x->p->year),
		    rpt_percent_text(x, ana_cell(&col, last, 3)),
		    rpt_keep(
		        x, g_strdup_printf(
		               "%s %s",
		               rpt_money_text(x, &col, ana_cell(&col, last, 1)),
		               col.currency)),
		    col.nrows > 1 ? rpt_percent_text(x, ana_cell(&col, 0, 3))
		                  : L(x, "n/a")};
		rpt_doc_paragraph(
		    x->d, rpt_keep(x, rpt_labelv(x->lang, "budget.highlights",
		                                 v, 6)));
	}
	rpt_doc_paragraph(x->d, LF(x, "budget.intro", date_text(x, day)));
	if (tr.nrows)
		rpt_doc_paragraph(x->d,
		                  LF(x, "budget.forecast",
		                     rpt_percent_text(x, ana_cell(&tr, 0, 4))));
	ana_table_release(&col);
	ana_table_release(&tr);
}

static void collection(struct rctx *x, int32_t day)
{
	static const struct col_spec asof[] = {
	    {"year", "year", 0.10, SHOW_VALUE},
	    {"as_of", "as_of", 0.16, SHOW_VALUE},
	    {"approved", "approved", 0.20, SHOW_VALUE},
	    {"received", "received", 0.20, SHOW_VALUE},
	    {"collection_rate", "collection_rate", 0.14, SHOW_VALUE},
	    {"pledge_fulfilment", "fulfilment", 0.20, SHOW_VALUE},
	};
	struct ana_params a;
	struct ana_table t;
	struct rpt_chart_params cp;

	rpt_figure_params(x, &a);
	a.as_of = day;
	a.year = x->p->year;
	a.from = x->p->year - 5;
	rpt_section(x, LF(x, "budget.collection", date_text(x, day)));
	rpt_doc_paragraph(x->d, L(x, "budget.collection.text"));
	if (rpt_run_figure(x, ana_collection, &a, &t))
		rpt_figure_table(x, &t, asof, 6, NULL, NULL, false);
	ana_table_release(&t);
	rpt_chart_params_for(x, &cp);
	cp.year = x->p->year;
	rpt_chart_block(x, RPT_CHART_CURVE, &cp, 300);
	cp.year = 0;
	rpt_chart_block(x, RPT_CHART_COLLECTION, &cp, 250);
}

static void budget_lines(struct rctx *x)
{
	static const struct col_spec lines[] = {
	    {"year", "year", 0.10, SHOW_VALUE},
	    {"title", "budget_line", 0.26, SHOW_VALUE},
	    {"approved", "approved", 0.18, SHOW_VALUE},
	    {"spent", "spent", 0.18, SHOW_VALUE},
	    {"execution_rate", "execution_rate", 0.12, SHOW_VALUE},
	    {"remaining", "remaining", 0.16, SHOW_VALUE},
	};
	struct ana_params a;
	struct ana_table t;

	rpt_figure_params(x, &a);
	a.from = x->p->year - 3;
	a.to = x->p->year;
	rpt_section(x, L(x, "budget.budget"));
	rpt_doc_paragraph(x->d, L(x, "budget.budget.text"));
	if (rpt_run_figure(x, ana_execution, &a, &t))
		rpt_figure_table(x, &t, lines, 6, NULL, NULL, false);
	ana_table_release(&t);
}

static void contributors(struct rctx *x)
{
	static const struct col_spec concentration[] = {
	    {"year", "year", 0.12, SHOW_VALUE},
	    {"contributors", "contributors", 0.18, SHOW_VALUE},
	    {"top1_share", "top1", 0.14, SHOW_VALUE},
	    {"top3_share", "top3", 0.14, SHOW_VALUE},
	    {"top5_share", "top5", 0.14, SHOW_VALUE},
	    {"hhi", "hhi", 0.14, SHOW_VALUE},
	    {"gini", "gini", 0.14, SHOW_VALUE},
	};
	struct ana_params a;
	struct ana_table t;
	struct rpt_chart_params cp;

	rpt_figure_params(x, &a);
	a.year = x->p->year;
	rpt_chart_params_for(x, &cp);
	cp.year = x->p->year;
	rpt_section(x, L(x, "budget.contributors"));
	rpt_chart_block(x, RPT_CHART_CONTRIBUTIONS, &cp, 320);
	rpt_outstanding_table(x, &a);
	rpt_doc_heading(x->d, 2, L(x, "budget.concentration"));
	a.year = 0;
	a.from = x->p->year - 5;
	a.to = x->p->year;
	if (rpt_run_figure(x, ana_concentration, &a, &t))
		rpt_figure_table(x, &t, concentration, 7, NULL, NULL, false);
	ana_table_release(&t);
	rpt_doc_note(x->d, L(x, "budget.concentration.note"));
}

static void shares(struct rctx *x)
{
	static const struct col_spec cols[] = {
	    {"state", "state", 0.30, SHOW_STATE},
	    {"share", "share", 0.12, SHOW_VALUE},
	    {"due", "due", 0.19, SHOW_VALUE},
	    {"received", "received", 0.19, SHOW_VALUE},
	    {"difference", "difference", 0.20, SHOW_VALUE},
	};
	struct ana_params a;
	struct ana_table t;
	const char *scale = x->p->scale ? x->p->scale : "equal";

	rpt_figure_params(x, &a);
	a.year = x->p->year;
	a.scale = scale;
	rpt_section(x, L(x, "budget.shares"));
	rpt_doc_paragraph(x->d, strcmp(scale, "equal") == 0
	                            ? L(x, "budget.shares.equal")
	                            : LF(x, "budget.shares.scale", scale));
	if (rpt_run_figure(x, ana_shares, &a, &t))
		rpt_figure_table_sorted(x, &t, cols, 5, "due");
	ana_table_release(&t);
}

static void staff(struct rctx *x)
{
	static const struct col_spec cols[] = {
	    {"year", "year", 0.15, SHOW_VALUE},
	    {"state", "state", 0.45, SHOW_STATE},
	    {"person_months", "person_months", 0.20, SHOW_VALUE},
	};
	struct ana_params a;
	struct ana_table t;

	rpt_figure_params(x, &a);
	a.from = x->p->year - 1;
	a.to = x->p->year;
	rpt_section(x, L(x, "hr"));
	rpt_doc_paragraph(x->d, L(x, "hr.text"));
	if (rpt_run_figure(x, ana_secondments, &a, &t))
		rpt_figure_table(x, &t, cols, 3, NULL, NULL, false);
	ana_table_release(&t);
}

void rpt_budget_sections(struct rctx *x)
{
	int32_t day = as_of(x);

	summary(x, day);
	collection(x, day);
	budget_lines(x);
	contributors(x);
	shares(x);
	staff(x);
	rpt_sources_section(x);
}
