/*
 * annual.c - the annual report of year Y: what the plan of CBMs held,
 * postponed or cancelled, per dimension and area; how the budget was
 * financed and spent, and by whom; contributions and staff since the
 * first year.
 */
#include <stdio.h>
#include <string.h>

#include "rpt_internal.h"

/* ---- summary ------------------------------------------------------------- */

/* The events of the year's plan over every dimension. */
struct events {
	int64_t planned, held, postponed, cancelled;
};

static struct events events_of(const struct ana_table *t)
{
	struct events e = {0};

	for (size_t r = 0; r < t->nrows; r++) {
		e.planned += ana_cell(t, r, ANA_ACTIVITY_PLANNED)->i;
		e.held += ana_cell(t, r, ANA_ACTIVITY_HELD)->i;
		e.postponed += ana_cell(t, r, ANA_ACTIVITY_POSTPONED)->i;
		e.cancelled += ana_cell(t, r, ANA_ACTIVITY_CANCELLED)->i;
	}
	return e;
}

/* True for an item added to the plan after its adoption. */
static bool added_item(const struct ana_table *t, size_t r, void *data)
{
	(void)data;
	return ana_cell(t, r, ANA_EVENTS_ADDED_ON)->defined;
}

static int64_t
count_rows(const struct ana_table *t,
           bool (*keep)(const struct ana_table *, size_t, void *), void *data)
{
	int64_t n = 0;

	for (size_t r = 0; r < t->nrows; r++)
		n += keep(t, r, data);
	return n;
}

/* The figures the summary is made of, for year Y. */
struct summary {
	struct ana_table col, act, exe, ev;
	struct events e;
	int64_t added;
};

static void summary_figures(struct rctx *x, struct summary *s)
{
	struct ana_params a;

	rpt_figure_params(x, &a);
	a.year = x->p->year;
	rpt_run_figure(x, ana_collection, &a, &s->col);
	a.by = ANA_BY_DIMENSION;
	rpt_run_figure(x, ana_activity, &a, &s->act);
	rpt_run_figure(x, ana_execution, &a, &s->exe);
	rpt_run_figure(x, ana_events, &a, &s->ev);
	s->e = events_of(&s->act);
	s->added = count_rows(&s->ev, added_item, NULL);
}

static void key_figures(struct rctx *x, struct summary *s)
{
	const struct ana_table *col = &s->col, *exe = &s->exe;
	const char *labels[4], *values[4];

	labels[0] = L(x, "kf.events");
	values[0] =
	    rpt_keep(x, g_strdup_printf("%lld / %lld", (long long)s->e.held,
	                                (long long)s->e.planned));
	labels[1] = L(x, "kf.collection");
	values[1] =
	    col->nrows
	        ? rpt_percent_text(x, ana_cell(col, 0, ANA_COLLECTION_RATE))
	        : L(x, "n/a");
	labels[2] = LF(x, "kf.received", col->currency);
	values[2] = col->nrows
	                ? rpt_money_text(
	                      x, col, ana_cell(col, 0, ANA_COLLECTION_RECEIVED))
	                : L(x, "n/a");
	labels[3] = L(x, "kf.execution");
	values[3] = exe->nrows
	                ? rpt_percent_text(x, ana_cell(exe, exe->nrows - 1,
	                                               ANA_EXECUTION_RATE))
	                : L(x, "n/a");
	rpt_doc_key_figures(x->d, labels, values, 4);
}

/* "In 2024, 20 of the 27 events of the plan were held, ..." */
static void highlights(struct rctx *x, struct summary *s)
{
	const struct ana_table *col = &s->col, *exe = &s->exe;
	const char *v[9];

	if (!col->nrows || !exe->nrows)
		return;
	v[0] = rpt_year_str(x, x->p->year);
	v[1] = rpt_year_str(x, s->e.held);
	v[2] = rpt_year_str(x, s->e.planned);
	v[3] = rpt_year_str(x, s->e.postponed);
	v[4] = rpt_year_str(x, s->e.cancelled);
	v[5] =
	    rpt_amount_text(x, col, ana_cell(col, 0, ANA_COLLECTION_RECEIVED));
	v[6] = rpt_percent_text(x, ana_cell(col, 0, ANA_COLLECTION_RATE));
	v[7] =
	    rpt_amount_text(x, col, ana_cell(col, 0, ANA_COLLECTION_APPROVED));
	v[8] = rpt_percent_text(
	    x, ana_cell(exe, exe->nrows - 1, ANA_EXECUTION_RATE));
	rpt_doc_paragraph(x->d, rpt_labels(x, "annual.highlights", v, 9));
	v[1] = rpt_year_str(x, s->added);
	rpt_doc_paragraph(x->d, rpt_labels(x, "annual.added", v, 2));
}

static void summary(struct rctx *x)
{
	struct summary s;
	struct rpt_chart_params cp;

	rpt_section(x, L(x, "summary"));
	summary_figures(x, &s);
	key_figures(x, &s);
	highlights(x, &s);
	rpt_doc_paragraph(x->d,
	                  LF(x, "annual.intro", rpt_year_str(x, x->p->year)));
	/* The headline: the collection rate over the years. */
	rpt_chart_params_for(x, &cp);
	cp.to = x->p->year;
	cp.rates_only = true;
	rpt_chart_block(x, RPT_CHART_COLLECTION, &cp, 250);
	ana_table_release(&s.col);
	ana_table_release(&s.act);
	ana_table_release(&s.exe);
	ana_table_release(&s.ev);
}

/* ---- the plan ------------------------------------------------------------ */

static void plan(struct rctx *x)
{
	static const struct col_spec by_dim[] = {
	    {ANA_ACTIVITY_KEY, "dimension", 0.40, SHOW_DIMENSION, false},
	    {ANA_ACTIVITY_PLANNED, "planned", 0.12, SHOW_VALUE, true},
	    {ANA_ACTIVITY_HELD, "held", 0.12, SHOW_VALUE, true},
	    {ANA_ACTIVITY_POSTPONED, "postponed", 0.12, SHOW_VALUE, true},
	    {ANA_ACTIVITY_CANCELLED, "cancelled", 0.12, SHOW_VALUE, true},
	    {ANA_ACTIVITY_RATE, "implementation", 0.12, SHOW_VALUE, false},
	};
	static const struct rate_total held_of_planned = {
	    ANA_ACTIVITY_RATE, ANA_ACTIVITY_HELD, ANA_ACTIVITY_PLANNED};
	struct col_spec by_area[6];
	struct table_opts o = {
	    .sort_by = -1, .total = true, .rate = &held_of_planned};
	struct ana_params a;
	struct ana_table t;
	struct rpt_chart_params cp;

	memcpy(by_area, by_dim, sizeof(by_area));
	by_area[0] =
	    (struct col_spec){ANA_ACTIVITY_KEY, "area", 0.40, SHOW_AREA, false};
	rpt_figure_params(x, &a);
	a.year = x->p->year;
	rpt_section(x, L(x, "plan"));
	rpt_doc_lead(x->d, L(x, "plan.text"));
	rpt_doc_heading(x->d, 2, L(x, "plan.by_dimension"));
	a.by = ANA_BY_DIMENSION;
	if (rpt_run_figure(x, ana_activity, &a, &t))
		rpt_figure_table(x, &t, by_dim, 6, &o);
	ana_table_release(&t);
	rpt_doc_heading(x->d, 2, L(x, "plan.by_area"));
	a.by = ANA_BY_AREA;
	rpt_chart_params_for(x, &cp);
	cp.from = x->p->year - 3;
	cp.to = x->p->year;
	if (rpt_run_figure(x, ana_activity, &a, &t))
		rpt_chart_with_table(x, RPT_CHART_ACTIVITY, &cp, 400, &t,
		                     by_area, 6, &o);
	ana_table_release(&t);
}

/* Events held in year Y and in Y-1 in FORMAT of figure T (activity by
 * format over both years), into HELD[2]; *HAS[i] false when year Y-1+i
 * has no plan. */
static void held_in(const struct ana_table *t, int year, const char *format,
                    int64_t held[2], bool has[2])
{
	for (size_t r = 0; r < t->nrows; r++) {
		int64_t y = ana_cell(t, r, ANA_ACTIVITY_YEAR)->i;
		if ((y != year - 1 && y != year) ||
		    strcmp(ana_cell(t, r, ANA_ACTIVITY_KEY)->s, format) != 0)
			continue;
		held[y - year + 1] = ana_cell(t, r, ANA_ACTIVITY_HELD)->i;
		has[y - year + 1] = true;
	}
}

/* "+3", "−1", "0", or n/a without last year's plan. */
static const char *change_text(struct rctx *x, const int64_t held[2],
                               const bool has[2])
{
	int64_t d = held[1] - held[0];

	if (!has[0])
		return L(x, "n/a");
	return rpt_keep(x, d > 0   ? g_strdup_printf("+%lld", (long long)d)
	                   : d < 0 ? g_strdup_printf("−%lld", (long long)-d)
	                           : g_strdup("0"));
}

/* Held events by format (in person, virtual, hybrid, not stated), this
 * year beside the year before and the change. */
static void formats(struct rctx *x)
{
	static const char *const codes[] = {"in-person", "virtual", "hybrid",
	                                    "unknown"};
	static const double widths[] = {0.4, 0.2, 0.2, 0.2};
	static const bool right[] = {false, true, true, true};
	const char *header[4], *cells[4 * 4];
	struct ana_params a;
	struct ana_table t;

	rpt_figure_params(x, &a);
	a.from = x->p->year - 1;
	a.to = x->p->year;
	a.by = ANA_BY_FORMAT;
	rpt_doc_heading(x->d, 2, L(x, "plan.by_format"));
	if (rpt_run_figure(x, ana_activity, &a, &t)) {
		header[0] = L(x, "col.key.format");
		header[1] = LF(x, "plan.held_in", rpt_year_str(x, a.from));
		header[2] = LF(x, "plan.held_in", rpt_year_str(x, a.to));
		header[3] = L(x, "plan.change");
		for (size_t i = 0; i < 4; i++) {
			int64_t held[2] = {0, 0};
			bool has[2] = {false, false};
			held_in(&t, x->p->year, codes[i], held, has);
			cells[i * 4] =
			    rpt_keep(x, g_strdup_printf("format.%s", codes[i]));
			cells[i * 4] = L(x, cells[i * 4]);
			cells[i * 4 + 1] =
			    has[0] ? rpt_year_str(x, held[0]) : L(x, "n/a");
			cells[i * 4 + 2] = rpt_year_str(x, held[1]);
			cells[i * 4 + 3] = change_text(x, held, has);
		}
		rpt_doc_table(x->d, &(struct doc_table){.ncols = 4,
		                                        .nrows = 4,
		                                        .header = header,
		                                        .widths = widths,
		                                        .right = right,
		                                        .cells = cells});
	}
	ana_table_release(&t);
}

/* The events of the year's plan. */
static void events(struct rctx *x)
{
	static const struct col_spec cols[] = {
	    {ANA_EVENTS_ITEM, "item", 0.06, SHOW_VALUE, false},
	    {ANA_EVENTS_TITLE, "title", 0.40, SHOW_TITLE, false},
	    {ANA_EVENTS_AREA, "area", 0.22, SHOW_AREA, false},
	    {ANA_EVENTS_ORGANIZERS, "organizers", 0.16, SHOW_STATES, false},
	    {ANA_EVENTS_STATUS, "status", 0.16, SHOW_STATUS, false},
	};
	struct table_opts o = {.sort_by = -1};
	struct ana_params a;
	struct ana_table t;

	rpt_figure_params(x, &a);
	a.year = x->p->year;
	rpt_doc_heading(x->d, 2, L(x, "plan.events"));
	if (rpt_run_figure(x, ana_events, &a, &t))
		rpt_figure_table(x, &t, cols, 5, &o);
	ana_table_release(&t);
}

/* An event of the year's plan with no day in the year. */
static bool undated(const struct ana_table *t, size_t r, void *data)
{
	int first, last;

	return !rpt_event_span(t, r, *(const int *)data, &first, &last);
}

/* The year's events on its months, and those that have no place there
 * listed under it, so that none is dropped. */
static void calendar(struct rctx *x)
{
	static const struct col_spec cols[] = {
	    {ANA_EVENTS_ITEM, "item", 0.08, SHOW_VALUE, false},
	    {ANA_EVENTS_TITLE, "title", 0.46, SHOW_TITLE, false},
	    {ANA_EVENTS_AREA, "area", 0.28, SHOW_AREA, false},
	    {ANA_EVENTS_STATUS, "status", 0.18, SHOW_STATUS, false},
	};
	int year = x->p->year;
	struct table_opts o = {.sort_by = -1, .keep = undated, .data = &year};
	struct rpt_chart_params cp;
	struct ana_params a;
	struct ana_table t;

	rpt_doc_heading(x->d, 2, L(x, "plan.calendar"));
	rpt_chart_params_for(x, &cp);
	cp.year = year;
	rpt_chart_block(x, RPT_CHART_CALENDAR, &cp, 330);
	rpt_figure_params(x, &a);
	a.year = year;
	if (rpt_run_figure(x, ana_events, &a, &t) &&
	    count_rows(&t, undated, &year) > 0) {
		rpt_doc_lead(x->d,
		             LF(x, "plan.undated", rpt_year_str(x, year)));
		rpt_figure_table(x, &t, cols, 4, &o);
	}
	ana_table_release(&t);
}

/* The items added after the plan's adoption: when, at whose request. */
static void added_items(struct rctx *x)
{
	static const struct col_spec cols[] = {
	    {ANA_EVENTS_ITEM, "item", 0.08, SHOW_VALUE, false},
	    {ANA_EVENTS_TITLE, "title", 0.46, SHOW_TITLE, false},
	    {ANA_EVENTS_ADDED_ON, "added_on", 0.16, SHOW_VALUE, false},
	    {ANA_EVENTS_REQUESTED_BY, "requested_by", 0.30, SHOW_STATES, false},
	};
	struct table_opts o = {.sort_by = -1, .keep = added_item};
	struct ana_params a;
	struct ana_table t;

	rpt_figure_params(x, &a);
	a.year = x->p->year;
	rpt_doc_heading(x->d, 2, L(x, "plan.added"));
	if (rpt_run_figure(x, ana_events, &a, &t)) {
		if (count_rows(&t, added_item, NULL) == 0) {
			rpt_doc_paragraph(x->d, L(x, "plan.added.none"));
		} else {
			rpt_doc_lead(x->d, L(x, "plan.added.text"));
			rpt_figure_table(x, &t, cols, 4, &o);
		}
	}
	ana_table_release(&t);
}

/* ---- priority areas and their coordinators ------------------------------ */

/* One row of the coordinators' table: an area and who serves in it. */
struct coord_area {
	const char *area;
	GString *coord, *co;
	int64_t organised, held;
	bool served; /* anyone serves: else no count of events */
};

/* Appends NAME to the list S, comma-separated. */
static void add_name(GString *s, const char *name)
{
	g_string_append_printf(s, "%s%s", s->len ? ", " : "", name);
}

/* Folds the figure's rows (grouped by area, in the order of dimensions
 * and areas) into one row per area; returns the array of them. */
static GArray *coord_areas(struct rctx *x, const struct ana_table *t)
{
	GArray *rows = g_array_new(FALSE, TRUE, sizeof(struct coord_area));
	struct coord_area *a = NULL;

	for (size_t r = 0; r < t->nrows; r++) {
		const char *area = ana_cell(t, r, ANA_COORD_AREA)->s;
		const char *role = ana_cell(t, r, ANA_COORD_ROLE)->s;
		const struct ana_value *st = ana_cell(t, r, ANA_COORD_STATE);

		if (!a || strcmp(a->area, area) != 0) {
			g_array_set_size(rows, rows->len + 1);
			a = &g_array_index(rows, struct coord_area,
			                   rows->len - 1);
			a->area = area;
			a->coord = g_string_new(NULL);
			a->co = g_string_new(NULL);
		}
		if (!st->defined) {
			add_name(a->coord, L(x, "coord.vacant"));
			continue;
		}
		add_name(strcmp(role, "coordinator") == 0 ? a->coord : a->co,
		         rpt_state(x, st->s));
		a->served = true;
		a->organised += ana_cell(t, r, ANA_COORD_ORGANISED)->i;
		a->held += ana_cell(t, r, ANA_COORD_HELD)->i;
	}
	return rows;
}

/* The table: area, coordinator (or "vacant"), co-coordinators, the
 * events they organised in the area and how many were held. */
static void coord_table(struct rctx *x, GArray *rows)
{
	static const char *const keys[] = {
	    "area", "coord.coordinator", "coord.co", "coord.organised", "held"};
	static const double widths[] = {0.34, 0.2, 0.22, 0.14, 0.1};
	static const bool right[] = {false, false, false, true, true};
	const char *header[5];
	GPtrArray *cells = g_ptr_array_new();

	for (size_t c = 0; c < 5; c++)
		header[c] = L(x, keys[c]);
	for (guint i = 0; i < rows->len; i++) {
		struct coord_area *a =
		    &g_array_index(rows, struct coord_area, i);
		g_ptr_array_add(cells, (char *)rpt_area(x, a->area));
		g_ptr_array_add(cells, a->coord->str);
		g_ptr_array_add(cells, a->co->str);
		g_ptr_array_add(
		    cells,
		    a->served ? (char *)rpt_year_str(x, a->organised) : "");
		g_ptr_array_add(
		    cells, a->served ? (char *)rpt_year_str(x, a->held) : "");
	}
	rpt_doc_table(x->d, &(struct doc_table){
	                        .ncols = 5,
	                        .nrows = rows->len,
	                        .header = header,
	                        .widths = widths,
	                        .right = right,
	                        .cells = (const char *const *)cells->pdata,
	                    });
	g_ptr_array_free(cells, TRUE);
}

/* "Vacant in 2024 (no coordinator): A, B." or that none is. */
static void coord_vacancies(struct rctx *x, const struct ana_table *t)
{
	GString *names = g_string_new(NULL);
	const char *v[2];

	for (size_t r = 0; r < t->nrows; r++)
		if (!ana_cell(t, r, ANA_COORD_STATE)->defined)
			add_name(
			    names,
			    rpt_area(x, ana_cell(t, r, ANA_COORD_AREA)->s));
	v[0] = rpt_year_str(x, x->p->year);
	v[1] = rpt_keep(x, g_string_free(names, FALSE));
	rpt_doc_paragraph(x->d, v[1][0]
	                            ? rpt_labels(x, "coord.vacant_in", v, 2)
	                            : rpt_labels(x, "coord.none_vacant", v, 1));
}

static void coordinators(struct rctx *x)
{
	struct ana_params a;
	struct ana_table t;
	GArray *rows;

	rpt_figure_params(x, &a);
	a.year = x->p->year;
	rpt_section(x, L(x, "coord"));
	rpt_doc_lead(x->d, L(x, "coord.text"));
	if (rpt_run_figure(x, ana_coordinators, &a, &t)) {
		coord_vacancies(x, &t);
		rows = coord_areas(x, &t);
		coord_table(x, rows);
		for (guint i = 0; i < rows->len; i++) {
			struct coord_area *c =
			    &g_array_index(rows, struct coord_area, i);
			g_string_free(c->coord, TRUE);
			g_string_free(c->co, TRUE);
		}
		g_array_free(rows, TRUE);
	}
	ana_table_release(&t);
}

/* ---- the budget and its financing ---------------------------------------- */

static void collection(struct rctx *x)
{
	static const struct col_spec cols[] = {
	    {ANA_COLLECTION_YEAR, "year", 0.10, SHOW_VALUE, false},
	    {ANA_COLLECTION_APPROVED, "approved", 0.20, SHOW_VALUE, false},
	    {ANA_COLLECTION_RECEIVED, "received", 0.20, SHOW_VALUE, false},
	    {ANA_COLLECTION_RATE, "collection_rate", 0.14, SHOW_VALUE, false},
	    {ANA_COLLECTION_PLEDGED, "pledged", 0.20, SHOW_VALUE, false},
	    {ANA_COLLECTION_FULFILMENT, "fulfilment", 0.16, SHOW_VALUE, false},
	};
	struct table_opts o = {.sort_by = -1};
	struct ana_params a;
	struct ana_table t;

	rpt_figure_params(x, &a);
	a.from = x->p->year - 5;
	a.to = x->p->year;
	rpt_doc_heading(x->d, 2, L(x, "finance.collection"));
	if (rpt_run_figure(x, ana_collection, &a, &t))
		rpt_figure_table(x, &t, cols, 6, &o);
	ana_table_release(&t);
}

static void by_state(struct rctx *x)
{
	static const struct col_spec cols[] = {
	    {ANA_CONTRIB_STATE, "state", 0.55, SHOW_STATE, false},
	    {ANA_CONTRIB_RECEIVED, "received", 0.25, SHOW_VALUE, true},
	    {ANA_CONTRIB_SHARE, "share", 0.20, SHOW_VALUE, true},
	};
	struct table_opts o = {.sort_by = ANA_CONTRIB_RECEIVED, .total = true};
	struct ana_params a;
	struct ana_table t;
	struct rpt_chart_params cp;

	rpt_figure_params(x, &a);
	a.year = x->p->year;
	rpt_chart_params_for(x, &cp);
	cp.year = x->p->year;
	rpt_doc_heading(x->d, 2, L(x, "finance.by_state"));
	if (rpt_run_figure(x, ana_contributions, &a, &t))
		rpt_chart_with_table(x, RPT_CHART_CONTRIBUTIONS, &cp, 330, &t,
		                     cols, 3, &o);
	ana_table_release(&t);
}

static void finance(struct rctx *x)
{
	struct ana_params a;
	struct table_opts o = {.sort_by = -1};

	rpt_section(x, L(x, "finance"));
	rpt_doc_lead(x->d, L(x, "finance.text"));
	collection(x);
	by_state(x);
	rpt_doc_heading(x->d, 2, L(x, "finance.pledges"));
	rpt_doc_lead(x->d, L(x, "finance.pledges.text"));
	rpt_figure_params(x, &a);
	a.year = x->p->year;
	rpt_outstanding_table(x, &a, &o);
	rpt_doc_heading(x->d, 2, L(x, "finance.execution"));
	rpt_execution_table(x, x->p->year);
}

/* ---- history ------------------------------------------------------------- */

static void history(struct rctx *x)
{
	static const struct col_spec by_state[] = {
	    {ANA_SECONDMENTS_STATE, "state", 0.40, SHOW_STATE, false},
	    {ANA_SECONDMENTS_PERSON_MONTHS, "person_months", 0.20, SHOW_VALUE,
	     true},
	};
	struct table_opts o = {.sort_by = ANA_SECONDMENTS_PERSON_MONTHS,
	                       .total = true};
	struct rpt_chart_params cp;
	struct ana_params a;
	struct ana_table t;

	rpt_chart_params_for(x, &cp);
	cp.to = x->p->year;
	rpt_section(x, L(x, "history"));
	rpt_doc_lead(x->d, L(x, "history.text"));
	rpt_chart_block(x, RPT_CHART_HISTORY, &cp, 330);
	rpt_doc_heading(x->d, 2, L(x, "hr"));
	rpt_figure_params(x, &a);
	a.year = x->p->year;
	if (rpt_run_figure(x, ana_secondments, &a, &t))
		rpt_figure_table(x, &t, by_state, 2, &o);
	ana_table_release(&t);
}

void rpt_annual_sections(struct rctx *x)
{
	summary(x);
	plan(x);
	formats(x);
	calendar(x);
	events(x);
	added_items(x);
	coordinators(x);
	finance(x);
	history(x);
	rpt_sources_section(x);
}
