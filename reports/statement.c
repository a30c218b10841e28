/*
 * statement.c - one member state's statement over a span of years: its
 * voluntary contributions and their share of each year's total, its
 * pledges and how they were paid, its seconded staff, and the events of
 * the plans it organised.
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
	struct ana_table t;
	cbm_money total = 0;
	int years = 0;
	const char *labels[3], *values[3];
	struct ana_value v = {.defined = true};
	char buf[32];

	span(x, &a);
	rpt_section(x, L(x, "summary"));
	if (rpt_run_figure(x, ana_contributions, &a, &t)) {
		for (size_t r = 0; r < t.nrows; r++) {
			if (!of_state(&t, r, (void *)x->p->state))
				continue;
			total += ana_cell(&t, r, 2)->i;
			years++;
		}
	}
	v.i = total;
	labels[0] = LF(x, "kf.contributed", t.currency);
	values[0] = rpt_money_text(x, &t, &v);
	labels[1] = L(x, "kf.years_contributed");
	snprintf(buf, sizeof(buf), "%d", years);
	values[1] = rpt_keep(x, g_strdup(buf));
	labels[2] = L(x, "kf.member_since");
	values[2] = L(x, "n/a");
	{
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(
		        st_sqlite(x->db),
		        "SELECT joined FROM states WHERE code = ?", -1, &st,
		        NULL) == SQLITE_OK) {
			sqlite3_bind_text(st, 1, x->p->state, -1,
			                  SQLITE_STATIC);
			if (sqlite3_step(st) == SQLITE_ROW &&
			    sqlite3_column_type(st, 0) != SQLITE_NULL)
				values[2] =
				    rpt_year_str(x, sqlite3_column_int(st, 0));
		}
		sqlite3_finalize(st);
	}
	rpt_doc_key_figures(x->d, labels, values, 3);
	rpt_doc_paragraph(x->d,
	                  LF(x, "state.intro",
	                     rpt_state_name(x->names, x->p->state, x->lang)));
	ana_table_release(&t);
}

static void contributions(struct rctx *x)
{
	static const struct col_spec cols[] = {
	    {"year", "year", 0.2, SHOW_VALUE},
	    {"received", "received", 0.4, SHOW_VALUE},
	    {"share", "share_of_year", 0.4, SHOW_VALUE},
	};
	static const struct col_spec staff[] = {
	    {"year", "year", 0.2, SHOW_VALUE},
	    {"person_months", "person_months", 0.4, SHOW_VALUE},
	};
	static const struct col_spec pledges[] = {
	    {"year", "year", 0.12, SHOW_VALUE},
	    {"pledged", "pledged", 0.2, SHOW_VALUE},
	    {"received", "received", 0.2, SHOW_VALUE},
	    {"outstanding", "outstanding", 0.2, SHOW_VALUE},
	    {"status", "pledge_status", 0.28, SHOW_STATUS},
	};
	struct ana_params a;
	struct ana_table t;

	span(x, &a);
	rpt_section(x, L(x, "state.contributions"));
	if (rpt_run_figure(x, ana_contributions, &a, &t))
		rpt_figure_table(x, &t, cols, 3, of_state, (void *)x->p->state,
		                 false);
	ana_table_release(&t);
	rpt_doc_heading(x->d, 2, L(x, "finance.pledges"));
	if (rpt_run_figure(x, ana_outstanding, &a, &t))
		rpt_figure_table(x, &t, pledges, 5, of_state,
		                 (void *)x->p->state, false);
	ana_table_release(&t);
	rpt_doc_heading(x->d, 2, L(x, "hr"));
	if (rpt_run_figure(x, ana_secondments, &a, &t))
		rpt_figure_table(x, &t, staff, 2, of_state, (void *)x->p->state,
		                 false);
	ana_table_release(&t);
}

/* The events the state organised (or co-organised), from the view. */
static void events(struct rctx *x)
{
	static const double widths[] = {0.08, 0.06, 0.42, 0.26, 0.18};
	static const bool right[] = {false, true, false, false, false};
	const char *header[] = {L(x, "year"), L(x, "item"), L(x, "title"),
	                        L(x, "area"), L(x, "status")};
	GPtrArray *cells = g_ptr_array_new();
	sqlite3_stmt *st = NULL;
	struct doc_table dt = {5, 0, header, widths, right, NULL, false};
	char *sql = g_strdup_printf(
	    "SELECT e.year, e.item, e.title, e.area, e.status FROM events e"
	    " WHERE e.id IN (SELECT event_id FROM event_organizers"
	    " WHERE state = ?) AND e.year BETWEEN %d AND %d"
	    " ORDER BY e.year, CAST(e.item AS INTEGER), e.item",
	    x->p->from ? x->p->from : 0, x->p->to ? x->p->to : 9999);

	rpt_section(x, L(x, "state.events"));
	if (sqlite3_prepare_v2(st_sqlite(x->db), sql, -1, &st, NULL) !=
	    SQLITE_OK) {
		x->status = st_sql_error(x->db, "cannot read the plan", x->err);
		goto out;
	}
	sqlite3_bind_text(st, 1, x->p->state, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char key[64];
		for (int c = 0; c < 3; c++)
			g_ptr_array_add(
			    cells,
			    (char *)rpt_keep(
			        x, g_strdup((const char *)sqlite3_column_text(
			               st, c))));
		g_ptr_array_add(cells,
		                (char *)rpt_area_name(
		                    x->names,
		                    (const char *)sqlite3_column_text(st, 3),
		                    x->lang));
		snprintf(key, sizeof(key), "status.%s",
		         (const char *)sqlite3_column_text(st, 4));
		g_ptr_array_add(cells, (char *)L(x, key));
	}
	dt.nrows = cells->len / 5;
	dt.cells = (const char *const *)cells->pdata;
	if (dt.nrows)
		rpt_doc_table(x->d, &dt);
	else
		rpt_doc_note(x->d, L(x, "no_data"));
out:
	sqlite3_finalize(st);
	g_free(sql);
	g_ptr_array_free(cells, TRUE);
}

void rpt_state_sections(struct rctx *x)
{
	summary(x);
	contributions(x);
	events(x);
	rpt_sources_section(x);
}
