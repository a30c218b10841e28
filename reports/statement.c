/*
 * statement.c - one member state's statement over a span of years: its
 * voluntary contributions beside the members' median, its earmarked and
 * in-kind contributions, each with its total, its pledges and how they
 * were paid, its seconded staff, and the events of the plans it
 * organised or co-organised, with its role in each.
 */
#include <stdio.h>
#include <string.h>

#include "rpt_internal.h"

static bool of_state(const struct ana_table *t, size_t r, void *data)
{
	int c = ana_col(t, "state");

	return c >= 0 &&
	       strcmp(ana_cell(t, r, (size_t)c)->s, (const char *)data) == 0;
}

static void span(struct rctx *x, struct ana_params *a)
{
	rpt_figure_params(x, a);
	a->from = x->p->from;
	a->to = x->p->to;
}

static void summary(struct rctx *x)
{
	struct ana_params a;
	struct ana_table t, ev;
	struct ana_value total = {.defined = true};
	int years = 0, joined = 0;
	bool member = true;
	const char *labels[4], *values[4];

	span(x, &a);
	a.state = x->p->state;
	rpt_section(x, L(x, "summary"));
	if (rpt_run_figure(x, ana_state_years, &a, &t))
		for (size_t r = 0; r < t.nrows; r++) {
			cbm_money v =
			    ana_cell(&t, r, ANA_STATE_YEARS_RECEIVED)->i;
			total.i += v;
			years += v > 0;
		}
	rpt_run_figure(x, ana_events, &a, &ev);
	labels[0] = LF(x, "kf.contributed", t.currency);
	values[0] = rpt_money_text(x, &t, &total);
	labels[1] = L(x, "kf.years_contributed");
	values[1] = rpt_year_str(x, years);
	ana_state_info(x->names, x->p->state, &joined, &member);
	labels[2] = L(x, member ? "kf.member_since" : "kf.observer_since");
	values[2] = joined ? rpt_year_str(x, joined) : L(x, "n/a");
	labels[3] = L(x, "kf.events_organised");
	values[3] = rpt_year_str(x, (int64_t)ev.nrows);
	rpt_doc_key_figures(x->d, labels, values, 4);
	rpt_doc_paragraph(x->d,
	                  LF(x, "state.intro", rpt_state(x, x->p->state)));
	ana_table_release(&t);
	ana_table_release(&ev);
}

/* Whether the state paid anything in the years of figure state_years. */
static bool paid_any(const struct ana_table *t)
{
	for (size_t r = 0; r < t->nrows; r++)
		if (ana_cell(t, r, ANA_STATE_YEARS_RECEIVED)->i > 0)
			return true;
	return false;
}

/* Voluntary contributions by year beside the members' median: a chart
 * and its table. */
static void voluntary(struct rctx *x)
{
	static const struct col_spec cols[] = {
	    {ANA_STATE_YEARS_YEAR, "year", 0.2, SHOW_VALUE, false},
	    {ANA_STATE_YEARS_RECEIVED, "received", 0.3, SHOW_VALUE, true},
	    {ANA_STATE_YEARS_MEDIAN, "members_median", 0.3, SHOW_VALUE, false},
	};
	struct table_opts o = {.sort_by = -1, .total = true};
	struct rpt_chart *c = NULL;
	struct rpt_table *tb;
	struct cbm_error quiet = {0};
	struct ana_params a;
	struct ana_table t;

	span(x, &a);
	a.state = x->p->state;
	rpt_doc_heading(x->d, 2, L(x, "state.voluntary"));
	if (!rpt_run_figure(x, ana_state_years, &a, &t)) {
		ana_table_release(&t);
		return;
	}
	if (!paid_any(&t)) {
		/* Years of zeros and a chart of the median alone say less
		 * than this. */
		rpt_doc_note(x->d, L(x, "no_data"));
		ana_table_release(&t);
		return;
	}
	tb = rpt_table_build(x, &t, cols, 3, &o);
	/* No chart (nothing to draw) is no error: the table says so. */
	rpt_chart_state_years(&c, &t, rpt_state(x, x->p->state), x->lang,
	                      &quiet);
	rpt_chart_then_table(x, c, 260, tb);
	rpt_table_free(tb);
	rpt_chart_close(c);
	ana_table_release(&t);
}

/* The rows of figure FN over the span that are the state's, in a table
 * with its total. */
static void state_rows(struct rctx *x, ana_figure_fn fn,
                       const struct ana_params *a, const struct col_spec *cols,
                       size_t ncols)
{
	struct table_opts o = {.keep = of_state,
	                       .data = (void *)x->p->state,
	                       .sort_by = -1,
	                       .total = true};
	struct ana_table t;

	if (rpt_run_figure(x, fn, a, &t))
		rpt_figure_table(x, &t, cols, ncols, &o);
	ana_table_release(&t);
}

/* Earmarked or in-kind contributions by year, with their total. */
static void other_kind(struct rctx *x, enum ana_kind kind, const char *title)
{
	static const struct col_spec cols[] = {
	    {ANA_CONTRIB_YEAR, "year", 0.2, SHOW_VALUE, false},
	    {ANA_CONTRIB_RECEIVED, "received", 0.3, SHOW_VALUE, true},
	};
	struct ana_params a;

	span(x, &a);
	a.kind = kind;
	rpt_doc_heading(x->d, 2, L(x, title));
	state_rows(x, ana_contributions, &a, cols, 2);
}

static void contributions(struct rctx *x)
{
	static const struct col_spec pledges[] = {
	    {ANA_OUTSTANDING_YEAR, "year", 0.12, SHOW_VALUE, false},
	    {ANA_OUTSTANDING_PLEDGED, "pledged", 0.2, SHOW_PLEDGE, true},
	    {ANA_OUTSTANDING_RECEIVED, "received", 0.2, SHOW_VALUE, true},
	    {ANA_OUTSTANDING_OUTSTANDING, "outstanding", 0.2, SHOW_PLEDGE,
	     true},
	    {ANA_OUTSTANDING_STATUS, "pledge_status", 0.28, SHOW_STATUS, false},
	};
	struct ana_params a;

	rpt_section(x, L(x, "state.contributions"));
	voluntary(x);
	other_kind(x, ANA_EARMARKED, "state.earmarked");
	other_kind(x, ANA_IN_KIND, "state.in_kind");
	span(x, &a);
	rpt_doc_heading(x->d, 2, L(x, "state.pledges"));
	state_rows(x, ana_outstanding, &a, pledges, 5);
}

static void staff(struct rctx *x)
{
	static const struct col_spec cols[] = {
	    {ANA_SECONDMENTS_YEAR, "year", 0.2, SHOW_VALUE, false},
	    {ANA_SECONDMENTS_PERSON_MONTHS, "person_months", 0.3, SHOW_VALUE,
	     true},
	};
	struct ana_params a;

	span(x, &a);
	rpt_section(x, L(x, "hr"));
	state_rows(x, ana_secondments, &a, cols, 2);
}

/* The events the state organised or co-organised, with its role. */
static void events(struct rctx *x)
{
	static const struct col_spec cols[] = {
	    {ANA_EVENTS_YEAR, "year", 0.08, SHOW_VALUE, false},
	    {ANA_EVENTS_ITEM, "item", 0.07, SHOW_VALUE, false},
	    {ANA_EVENTS_TITLE, "title", 0.37, SHOW_TITLE, false},
	    {ANA_EVENTS_AREA, "area", 0.2, SHOW_AREA, false},
	    {ANA_EVENTS_ROLE, "role", 0.14, SHOW_ROLE, false},
	    {ANA_EVENTS_STATUS, "status", 0.14, SHOW_STATUS, false},
	};
	struct table_opts o = {.sort_by = -1};
	struct ana_params a;
	struct ana_table t;

	span(x, &a);
	a.state = x->p->state;
	rpt_section(x, L(x, "state.events"));
	if (rpt_run_figure(x, ana_events, &a, &t))
		rpt_figure_table(x, &t, cols, 6, &o);
	ana_table_release(&t);
}

/* One area the state coordinated, in one role, over a run of years. */
struct coord_term {
	const char *area, *role;
	int64_t first, last, organised, held;
};

/* The state's rows of figure T folded into terms: consecutive rows of
 * one area and role (T is ordered by year, so a term grows at its end). */
static GArray *coord_terms(const struct ana_table *t, const char *state)
{
	GArray *terms = g_array_new(FALSE, TRUE, sizeof(struct coord_term));

	for (size_t r = 0; r < t->nrows; r++) {
		const struct ana_value *st = ana_cell(t, r, ANA_COORD_STATE);
		const char *area = ana_cell(t, r, ANA_COORD_AREA)->s;
		const char *role = ana_cell(t, r, ANA_COORD_ROLE)->s;
		int64_t year = ana_cell(t, r, ANA_COORD_YEAR)->i;
		struct coord_term *c = NULL;

		if (!st->defined || strcmp(st->s, state) != 0)
			continue;
		for (guint i = 0; i < terms->len && !c; i++) {
			c = &g_array_index(terms, struct coord_term, i);
			if (strcmp(c->area, area) || strcmp(c->role, role))
				c = NULL;
		}
		if (!c) {
			struct coord_term n = {
			    .area = area, .role = role, .first = year};
			g_array_append_val(terms, n);
			c = &g_array_index(terms, struct coord_term,
			                   terms->len - 1);
		}
		c->last = year;
		c->organised += ana_cell(t, r, ANA_COORD_ORGANISED)->i;
		c->held += ana_cell(t, r, ANA_COORD_HELD)->i;
	}
	return terms;
}

static void coord_terms_table(struct rctx *x, GArray *terms)
{
	static const char *const keys[] = {"area", "role", "years",
	                                   "coord.organised", "held"};
	static const double widths[] = {0.4, 0.18, 0.16, 0.14, 0.12};
	static const bool right[] = {false, false, false, true, true};
	const char *header[5];
	GPtrArray *cells = g_ptr_array_new();

	for (size_t c = 0; c < 5; c++)
		header[c] = L(x, keys[c]);
	for (guint i = 0; i < terms->len; i++) {
		struct coord_term *c =
		    &g_array_index(terms, struct coord_term, i);
		char *key = g_strdup_printf("role.%s", c->role);
		g_ptr_array_add(cells, (char *)rpt_area(x, c->area));
		g_ptr_array_add(cells, (char *)L(x, rpt_keep(x, key)));
		g_ptr_array_add(
		    cells,
		    (char *)(c->first == c->last
		                 ? rpt_year_str(x, c->first)
		                 : rpt_keep(x, g_strdup_printf(
		                                   "%lld–%lld",
		                                   (long long)c->first,
		                                   (long long)c->last))));
		g_ptr_array_add(cells, (char *)rpt_year_str(x, c->organised));
		g_ptr_array_add(cells, (char *)rpt_year_str(x, c->held));
	}
	rpt_doc_table(x->d, &(struct doc_table){
	                        .ncols = 5,
	                        .nrows = terms->len,
	                        .header = header,
	                        .widths = widths,
	                        .right = right,
	                        .cells = (const char *const *)cells->pdata,
	                    });
	g_ptr_array_free(cells, TRUE);
}

/* The priority areas the state coordinated or co-coordinated in the plan
 * years of the span, with the events it organised in them. */
static void coordinates(struct rctx *x)
{
	struct ana_params a;
	struct ana_table t;
	GArray *terms;

	span(x, &a);
	rpt_section(x, L(x, "state.coordinates"));
	if (!rpt_run_figure(x, ana_coordinators, &a, &t)) {
		ana_table_release(&t);
		return;
	}
	terms = coord_terms(&t, x->p->state);
	if (terms->len)
		coord_terms_table(x, terms);
	else
		rpt_doc_paragraph(x->d, L(x, "state.coordinates.none"));
	g_array_free(terms, TRUE);
	ana_table_release(&t);
}

void rpt_state_sections(struct rctx *x)
{
	summary(x);
	contributions(x);
	staff(x);
	events(x);
	coordinates(x);
	rpt_sources_section(x);
}
