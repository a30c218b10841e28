/*
 * annual.c - the annual report of year Y: what the plan of CBMs held,
 * postponed or cancelled, per dimension and area; how the budget was
 * financed and spent; contributions and staff since the first year.
 */
#include <stdio.h>
#include <string.h>

#include "rpt_internal.h"

static bool is_total(const struct ana_table *t, size_t r, void *data)
{
	(void)t;
	(void)r;
	(void)data;
	return true;
}

/* Sums of the activity rows of one year: planned, held. */
static void events_of(const struct ana_table *t, int64_t *planned,
                      int64_t *held)
{
	*planned = *held = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		*planned += ana_cell(t, r, 2)->i;
		*held += ana_cell(t, r, 3)->i;
	}
}

static void summary(struct rctx *x)
{
	struct ana_params a;
	struct ana_table col, act, exe;
	int64_t planned = 0, held = 0;
	const char *labels[4], *values[4];
	char buf[64];

	rpt_figure_params(x, &a);
	a.year = x->p->year;
	rpt_section(x, L(x, "summary"));
	rpt_run_figure(x, ana_collection, &a, &col);
	a.by = ANA_BY_DIMENSION;
	rpt_run_figure(x, ana_activity, &a, &act);
	rpt_run_figure(x, ana_execution, &a, &exe);
	events_of(&act, &planned, &held);
	labels[0] = L(x, "kf.events");
	snprintf(buf, sizeof(buf), "%lld / %lld", (long long)held,
	         (long long)planned);
	values[0] = rpt_keep(x, g_strdup(buf));
	labels[1] = L(x, "kf.collection");
	values[1] =
	    col.nrows ? rpt_percent_text(x, ana_cell(&col, 0, 3)) : L(x, "n/a");
	labels[2] = LF(x, "kf.received", col.currency);
	values[2] = col.nrows ? rpt_money_text(x, &col, ana_cell(&col, 0, 2))
	                      : L(x, "n/a");
	labels[3] = L(x, "kf.execution");
	values[3] = exe.nrows
	                ? rpt_percent_text(x, ana_cell(&exe, exe.nrows - 1, 4))
	                : L(x, "n/a");
	rpt_doc_key_figures(x->d, labels, values, 4);
	if (col.nrows && exe.nrows) {
		int64_t postponed = 0, cancelled = 0;
		char n[4][24];
		const char *v[9];
		for (size_t r = 0; r < act.nrows; r++) {
			postponed += ana_cell(&act, r, 4)->i;
			cancelled += ana_cell(&act, r, 5)->i;
		}
		snprintf(n[0], sizeof(n[0]), "%lld", (long long)held);
		snprintf(n[1], sizeof(n[1]), "%lld", (long long)planned);
		snprintf(n[2], sizeof(n[2]), "%lld", (long long)postponed);
		snprintf(n[3], sizeof(n[3]), "%lld", (long long)cancelled);
		v[0] = rpt_year_str(x, x->p->year);
		v[1] = n[0];
		v[2] = n[1];
		v[3] = n[2];
		v[4] = n[3];
		v[5] = rpt_keep(
		    x,
		    g_strdup_printf(
		        "%s %s", rpt_money_text(x, &col, ana_cell(&col, 0, 2)),
		        col.currency));
		v[6] = rpt_percent_text(x, ana_cell(&col, 0, 3));
		v[7] = rpt_keep(
		    x,
		    g_strdup_printf(
		        "%s %s", rpt_money_text(x, &col, ana_cell(&col, 0, 1)),
		        col.currency));
		v[8] = rpt_percent_text(x, ana_cell(&exe, exe.nrows - 1, 4));
		rpt_doc_paragraph(
		    x->d, rpt_keep(x, rpt_labelv(x->lang, "annual.highlights",
		                                 v, 9)));
	}
	rpt_doc_paragraph(x->d,
	                  LF(x, "annual.intro", rpt_year_str(x, x->p->year)));
	ana_table_release(&col);
	ana_table_release(&act);
	ana_table_release(&exe);
}

static void plan(struct rctx *x)
{
	static const struct col_spec by_dim[] = {
	    {"key", "dimension", 0.40, SHOW_DIMENSION},
	    {"planned", "planned", 0.12, SHOW_VALUE},
	    {"held", "held", 0.12, SHOW_VALUE},
	    {"postponed", "postponed", 0.12, SHOW_VALUE},
	    {"cancelled", "cancelled", 0.12, SHOW_VALUE},
	    {"implementation_rate", "implementation", 0.12, SHOW_VALUE},
	};
	struct col_spec by_area[6];
	struct ana_params a;
	struct ana_table t;
	struct rpt_chart_params cp;

	memcpy(by_area, by_dim, sizeof(by_area));
	by_area[0] = (struct col_spec){"key", "area", 0.40, SHOW_AREA};
	rpt_figure_params(x, &a);
	a.year = x->p->year;
	rpt_section(x, L(x, "plan"));
	rpt_doc_paragraph(x->d, L(x, "plan.text"));
	rpt_doc_heading(x->d, 2, L(x, "plan.by_dimension"));
	a.by = ANA_BY_DIMENSION;
	if (rpt_run_figure(x, ana_activity, &a, &t))
		rpt_figure_table(x, &t, by_dim, 6, NULL, NULL, false);
	ana_table_release(&t);
	rpt_doc_heading(x->d, 2, L(x, "plan.by_area"));
	a.by = ANA_BY_AREA;
	if (rpt_run_figure(x, ana_activity, &a, &t))
		rpt_figure_table(x, &t, by_area, 6, NULL, NULL, false);
	ana_table_release(&t);
	rpt_chart_params_for(x, &cp);
	cp.from = x->p->year - 3;
	cp.to = x->p->year;
	rpt_chart_block(x, RPT_CHART_ACTIVITY, &cp, 330);
}

/* The events of the year's plan, from the documented view. */
static void events(struct rctx *x)
{
	static const double widths[] = {0.06, 0.40, 0.22, 0.16, 0.16};
	static const bool right[] = {true, false, false, false, false};
	const char *header[] = {L(x, "item"), L(x, "title"), L(x, "area"),
	                        L(x, "organizers"), L(x, "status")};
	GPtrArray *cells = g_ptr_array_new();
	sqlite3_stmt *st = NULL;
	struct doc_table dt = {5, 0, header, widths, right, NULL, false};

	rpt_doc_heading(x->d, 2, L(x, "plan.events"));
	if (sqlite3_prepare_v2(st_sqlite(x->db),
	                       "SELECT item, title, area, organizers, status"
	                       " FROM v_events WHERE year = ?"
	                       " ORDER BY CAST(item AS INTEGER), item",
	                       -1, &st, NULL) != SQLITE_OK) {
		x->status = st_sql_error(x->db, "cannot read the plan", x->err);
		g_ptr_array_free(cells, TRUE);
		return;
	}
	sqlite3_bind_int(st, 1, x->p->year);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char key[64], **orgs;
		GString *names = g_string_new(NULL);
		g_ptr_array_add(
		    cells,
		    (char *)rpt_keep(
		        x, g_strdup((const char *)sqlite3_column_text(st, 0))));
		g_ptr_array_add(
		    cells,
		    (char *)rpt_keep(
		        x, g_strdup((const char *)sqlite3_column_text(st, 1))));
		g_ptr_array_add(cells,
		                (char *)rpt_area_name(
		                    x->names,
		                    (const char *)sqlite3_column_text(st, 2),
		                    x->lang));
		orgs = g_strsplit(sqlite3_column_text(st, 3)
		                      ? (const char *)sqlite3_column_text(st, 3)
		                      : "",
		                  "|", -1);
		for (int i = 0; orgs[i]; i++)
			g_string_append_printf(
			    names, "%s%s", i ? ", " : "",
			    rpt_state_name(x->names, orgs[i], x->lang));
		g_strfreev(orgs);
		g_ptr_array_add(
		    cells, (char *)rpt_keep(x, g_string_free(names, FALSE)));
		snprintf(key, sizeof(key), "status.%s",
		         (const char *)sqlite3_column_text(st, 4));
		g_ptr_array_add(cells, (char *)L(x, key));
	}
	sqlite3_finalize(st);
	dt.nrows = cells->len / 5;
	dt.cells = (const char *const *)cells->pdata;
	if (dt.nrows)
		rpt_doc_table(x->d, &dt);
	else
		rpt_doc_note(x->d, L(x, "no_data"));
	g_ptr_array_free(cells, TRUE);
}

static void finance(struct rctx *x)
{
	static const struct col_spec collection[] = {
	    {"year", "year", 0.10, SHOW_VALUE},
	    {"approved", "approved", 0.20, SHOW_VALUE},
	    {"received", "received", 0.20, SHOW_VALUE},
	    {"collection_rate", "collection_rate", 0.14, SHOW_VALUE},
	    {"pledged", "pledged", 0.20, SHOW_VALUE},
	    {"pledge_fulfilment", "fulfilment", 0.16, SHOW_VALUE},
	};
	static const struct col_spec by_state[] = {
	    {"state", "state", 0.55, SHOW_STATE},
	    {"received", "received", 0.25, SHOW_VALUE},
	    {"share", "share", 0.20, SHOW_VALUE},
	};
	static const struct col_spec execution[] = {
	    {"title", "budget_line", 0.30, SHOW_VALUE},
	    {"approved", "approved", 0.18, SHOW_VALUE},
	    {"spent", "spent", 0.18, SHOW_VALUE},
	    {"execution_rate", "execution_rate", 0.14, SHOW_VALUE},
	    {"remaining", "remaining", 0.20, SHOW_VALUE},
	};
	struct ana_params a;
	struct ana_table t;
	struct rpt_chart_params cp;

	rpt_figure_params(x, &a);
	rpt_chart_params_for(x, &cp);
	rpt_section(x, L(x, "finance"));
	rpt_doc_paragraph(x->d, L(x, "finance.text"));
	rpt_doc_heading(x->d, 2, L(x, "finance.collection"));
	a.from = x->p->year - 5;
	a.to = x->p->year;
	if (rpt_run_figure(x, ana_collection, &a, &t))
		rpt_figure_table(x, &t, collection, 6, NULL, NULL, false);
	ana_table_release(&t);
	cp.to = x->p->year;
	rpt_chart_block(x, RPT_CHART_COLLECTION, &cp, 260);
	rpt_doc_need(x->d, 360); /* the heading stays with its chart */
	rpt_doc_heading(x->d, 2, L(x, "finance.by_state"));
	cp.to = 0;
	cp.year = x->p->year;
	rpt_chart_block(x, RPT_CHART_CONTRIBUTIONS, &cp, 330);
	a.from = a.to = 0;
	a.year = x->p->year;
	if (rpt_run_figure(x, ana_contributions, &a, &t))
		rpt_figure_table_sorted(x, &t, by_state, 3, "received");
	ana_table_release(&t);
	rpt_outstanding_table(x, &a);
	rpt_doc_heading(x->d, 2, L(x, "finance.execution"));
	if (rpt_run_figure(x, ana_execution, &a, &t))
		rpt_figure_table(x, &t, execution, 5, is_total, NULL, true);
	ana_table_release(&t);
}

static void history(struct rctx *x)
{
	static const struct col_spec by_state[] = {
	    {"state", "state", 0.40, SHOW_STATE},
	    {"person_months", "person_months", 0.20, SHOW_VALUE},
	};
	struct rpt_chart_params cp;
	struct ana_params a;
	struct ana_table t;

	rpt_chart_params_for(x, &cp);
	cp.to = x->p->year;
	rpt_section(x, L(x, "history"));
	rpt_doc_paragraph(x->d, L(x, "history.text"));
	rpt_chart_block(x, RPT_CHART_HISTORY, &cp, 330);
	rpt_doc_heading(x->d, 2, L(x, "hr"));
	rpt_figure_params(x, &a);
	a.year = x->p->year;
	if (rpt_run_figure(x, ana_secondments, &a, &t))
		rpt_figure_table(x, &t, by_state, 2, NULL, NULL, false);
	ana_table_release(&t);
}

void rpt_annual_sections(struct rctx *x)
{
	summary(x);
	plan(x);
	events(x);
	finance(x);
	history(x);
	rpt_sources_section(x);
}
