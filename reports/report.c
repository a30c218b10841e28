/*
 * report.c - writing a report: the two passes, and the pieces every
 * report uses (tables of figures in the reader's language, charts, the
 * sources page).
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpt_internal.h"

static const char *const kind_names[RPT_KIND_COUNT] = {"annual", "budget",
                                                       "state"};

bool rpt_kind_parse(const char *name, enum rpt_kind *out)
{
	for (int k = 0; k < RPT_KIND_COUNT; k++) {
		if (strcmp(name, kind_names[k]) == 0) {
			*out = (enum rpt_kind)k;
			return true;
		}
	}
	return false;
}

void rpt_params_init(struct rpt_params *p)
{
	memset(p, 0, sizeof(*p));
	p->as_of = INT32_MIN;
	p->scale = "equal";
	snprintf(p->currency, sizeof(p->currency), "USD");
}

/* ---- small helpers ----------------------------------------------------- */

const char *rpt_keep(struct rctx *x, char *s)
{
	g_ptr_array_add(x->pool, s);
	return s;
}

const char *rpt_year_str(struct rctx *x, int64_t year)
{
	return rpt_keep(x, g_strdup_printf("%lld", (long long)year));
}

void rpt_section(struct rctx *x, const char *title)
{
	g_ptr_array_add(x->sections, g_strdup(title));
	rpt_doc_heading(x->d, 1, title);
}

bool rpt_run_figure(struct rctx *x, ana_figure_fn fn,
                    const struct ana_params *p, struct ana_table *t)
{
	ana_table_init(t);
	if (x->status != CBM_OK)
		return false;
	x->status = fn(x->db, p, t, x->err);
	return x->status == CBM_OK;
}

void rpt_figure_params(struct rctx *x, struct ana_params *a)
{
	ana_params_init(a);
	if (x->p->currency[0])
		memcpy(a->currency, x->p->currency, 4);
}

/* ---- cells -----------------------------------------------------------------
 */

const char *rpt_money_text(struct rctx *x, const struct ana_table *t,
                           const struct ana_value *v)
{
	char buf[CBM_MONEY_BUF];

	if (!v->defined)
		return L(x, "n/a");
	cbm_fmt_money(buf, sizeof(buf), v->i, t->exponent, x->lang);
	return rpt_keep(x, g_strdup(buf));
}

const char *rpt_percent_text(struct rctx *x, const struct ana_value *v)
{
	char buf[64];

	cbm_fmt_percent(buf, sizeof(buf), v->defined ? v->d : NAN, 1, x->lang);
	return rpt_keep(x, g_strdup(buf));
}

static const char *value_text(struct rctx *x, const struct ana_table *t,
                              size_t col, const struct ana_value *v)
{
	char buf[64];

	if (!v->defined)
		return L(x, "n/a");
	switch (t->cols[col].type) {
	case ANA_MONEY:
		return rpt_money_text(x, t, v);
	case ANA_RATE:
	case ANA_SHARE:
		cbm_fmt_percent(buf, sizeof(buf), v->d,
		                t->cols[col].type == ANA_SHARE ? 2 : 1,
		                x->lang);
		break;
	case ANA_AMOUNT:
		cbm_fmt_number(buf, sizeof(buf), v->d, 2, x->lang);
		break;
	case ANA_NUMBER:
		cbm_fmt_number(buf, sizeof(buf), v->d, 1, x->lang);
		break;
	case ANA_DATE:
		cbm_fmt_date(buf, sizeof(buf), (int32_t)v->i, x->lang);
		break;
	case ANA_INT:
		snprintf(buf, sizeof(buf), "%lld", (long long)v->i);
		break;
	default:
		return v->s ? v->s : "";
	}
	return rpt_keep(x, g_strdup(buf));
}

/* One cell of T formatted for the reader, kept. */
static const char *cell_text(struct rctx *x, const struct ana_table *t,
                             size_t row, const char *column, enum col_show show)
{
	int c = ana_col(t, column);
	const struct ana_value *v;
	char key[64];

	if (c < 0)
		return "";
	v = ana_cell(t, row, (size_t)c);
	if (!v->defined || t->cols[c].type != ANA_TEXT)
		return value_text(x, t, (size_t)c, v);
	switch (show) {
	case SHOW_STATE:
		return rpt_state_name(x->names, v->s, x->lang);
	case SHOW_AREA:
		return rpt_area_name(x->names, v->s, x->lang);
	case SHOW_DIMENSION:
	case SHOW_STATUS:
		snprintf(key, sizeof(key), "%s.%s",
		         show == SHOW_STATUS ? "status" : "dimension", v->s);
		return L(x, key);
	default:
		return v->s;
	}
}

void rpt_figure_table(struct rctx *x, const struct ana_table *t,
                      const struct col_spec *spec, size_t n,
                      bool (*keep_row)(const struct ana_table *t, size_t row,
                                       void *data),
                      void *data, bool bold_last)
{
	GPtrArray *cells = g_ptr_array_new();
	const char **header = g_new(const char *, n);
	double *widths = g_new(double, n);
	bool *right = g_new(bool, n);
	struct doc_table dt = {0};

	for (size_t c = 0; c < n; c++) {
		int col = ana_col(t, spec[c].column);
		header[c] = L(x, spec[c].label);
		widths[c] = spec[c].width;
		right[c] = col >= 0 && t->cols[col].type != ANA_TEXT &&
		           t->cols[col].type != ANA_DATE &&
		           strcmp(spec[c].column, "year") != 0;
	}
	for (size_t i = 0; i < t->nrows; i++) {
		size_t r = x->order ? x->order[i] : i;
		if (keep_row && !keep_row(t, r, data))
			continue;
		for (size_t c = 0; c < n; c++)
			g_ptr_array_add(cells, (char *)cell_text(x, t, r,
			                                         spec[c].column,
			                                         spec[c].show));
	}
	dt.ncols = n;
	dt.nrows = cells->len / n;
	dt.header = header;
	dt.widths = widths;
	dt.right = right;
	dt.cells = (const char *const *)cells->pdata;
	dt.bold_last = bold_last;
	if (dt.nrows > 0)
		rpt_doc_table(x->d, &dt);
	else
		rpt_doc_note(x->d, L(x, "no_data"));
	g_ptr_array_free(cells, TRUE);
	g_free(header);
	g_free(widths);
	g_free(right);
}

/* Rows of a table by one column, largest first (ties keep their order). */
struct sort_by {
	const struct ana_table *t;
	size_t col;
};

static double sort_value(const struct sort_by *s, size_t r)
{
	const struct ana_value *v = ana_cell(s->t, r, s->col);

	if (!v->defined)
		return -1e300;
	return s->t->cols[s->col].type == ANA_MONEY ||
	               s->t->cols[s->col].type == ANA_INT
	           ? (double)v->i
	           : v->d;
}

static gint by_value_desc(gconstpointer a, gconstpointer b, gpointer data)
{
	size_t ra = *(const size_t *)a, rb = *(const size_t *)b;
	double da = sort_value(data, ra), db = sort_value(data, rb);

	if (da != db)
		return da < db ? 1 : -1;
	return ra < rb ? -1 : ra > rb;
}

void rpt_figure_table_sorted(struct rctx *x, const struct ana_table *t,
                             const struct col_spec *spec, size_t n,
                             const char *column)
{
	size_t *order = g_new(size_t, t->nrows ? t->nrows : 1);
	int col = ana_col(t, column);

	for (size_t r = 0; r < t->nrows; r++)
		order[r] = r;
	if (col >= 0 && t->cols[col].type != ANA_TEXT) {
		struct sort_by s = {t, (size_t)col};
		g_qsort_with_data(order, (gint)t->nrows, sizeof(*order),
		                  by_value_desc, &s);
	}
	x->order = order;
	rpt_figure_table(x, t, spec, n, NULL, NULL, false);
	x->order = NULL;
	g_free(order);
}

void rpt_chart_params_for(struct rctx *x, struct rpt_chart_params *cp)
{
	memset(cp, 0, sizeof(*cp));
	cp->lang = x->lang;
	memcpy(cp->currency, x->p->currency, 4);
}

void rpt_outstanding_table(struct rctx *x, const struct ana_params *a)
{
	static const struct col_spec cols[] = {
	    {"state", "state", 0.30, SHOW_STATE},
	    {"pledged", "pledged", 0.17, SHOW_VALUE},
	    {"received", "received", 0.17, SHOW_VALUE},
	    {"outstanding", "outstanding", 0.17, SHOW_VALUE},
	    {"status", "pledge_status", 0.19, SHOW_STATUS},
	};
	struct ana_table t;

	rpt_doc_heading(x->d, 2, L(x, "finance.pledges"));
	if (rpt_run_figure(x, ana_outstanding, a, &t))
		rpt_figure_table_sorted(x, &t, cols, 5, "outstanding");
	ana_table_release(&t);
}

void rpt_chart_block(struct rctx *x, enum rpt_chart_kind kind,
                     const struct rpt_chart_params *cp, double h)
{
	struct rpt_chart *c = NULL;
	struct cbm_error err = {0};

	if (x->status != CBM_OK)
		return;
	/* A chart with nothing to draw is left out, not an error. */
	if (rpt_chart_open(&c, x->db, kind, cp, &err) == CBM_OK)
		rpt_doc_chart(x->d, rpt_chart_get(c), h);
	else if (err.code != CBM_EDATA)
		x->status =
		    CBM_ERROR(x->err, err.code, NULL, "%s", err.message);
	rpt_chart_close(c);
}

/* ---- the database's own facts -------------------------------------------- */

/* The latest budget year in the database and the latest one that is over
 * (0 when there is none). */
static int latest_budget_year(struct rctx *x, bool finished)
{
	sqlite3_stmt *st = NULL;
	int y = 0;

	if (sqlite3_prepare_v2(st_sqlite(x->db),
	                       "SELECT max(year) FROM budget_lines", -1, &st,
	                       NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		y = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (finished && y) {
		bool open = true;
		struct cbm_error ignore = {0};
		ana_year_in_progress(x->db, y, &open, &ignore);
		y -= open;
	}
	return y;
}

static int add_batch(void *data, const struct st_batch *b)
{
	GPtrArray *cells = data;

	g_ptr_array_add(cells, g_strdup_printf("%lld", (long long)b->id));
	g_ptr_array_add(cells, g_strdup(b->kind));
	g_ptr_array_add(cells, g_strdup(b->file_name));
	g_ptr_array_add(cells, g_strdup_printf("%lld", (long long)b->rows));
	g_ptr_array_add(cells, g_strndup(b->loaded_at, 10));
	g_ptr_array_add(cells, g_strndup(b->sha256, 16));
	return 0;
}

void rpt_sources_section(struct rctx *x)
{
	static const double widths[] = {0.08, 0.15, 0.33, 0.1, 0.14, 0.2};
	static const bool right[] = {true, false, false, true, false, false};
	GPtrArray *cells = g_ptr_array_new_with_free_func(g_free);
	const char *header[] = {L(x, "src.batch"),  L(x, "src.kind"),
	                        L(x, "src.file"),   L(x, "src.rows"),
	                        L(x, "src.loaded"), "SHA-256"};
	struct doc_table dt = {6, 0, header, widths, right, NULL, false};

	rpt_section(x, L(x, "sources"));
	rpt_doc_paragraph(x->d, L(x, "sources.text"));
	if (x->status == CBM_OK)
		x->status = st_batch_each(x->db, add_batch, cells, x->err);
	dt.nrows = cells->len / 6;
	dt.cells = (const char *const *)cells->pdata;
	if (dt.nrows)
		rpt_doc_table(x->d, &dt);
	g_ptr_array_free(cells, TRUE);
}

/* The day of the last import, for the cover: the figures are as of then. */
static const char *last_import(struct rctx *x)
{
	sqlite3_stmt *st = NULL;
	const char *out = "";

	if (sqlite3_prepare_v2(st_sqlite(x->db),
	                       "SELECT max(loaded_at) FROM batches", -1, &st,
	                       NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
		int32_t days;
		char iso[11], buf[32];
		snprintf(iso, sizeof(iso), "%s", sqlite3_column_text(st, 0));
		if (cbm_date_parse_iso(iso, &days)) {
			cbm_fmt_date(buf, sizeof(buf), days, x->lang);
			out = rpt_keep(x, g_strdup(buf));
		}
	}
	sqlite3_finalize(st);
	return out;
}

/* ---- the two passes ---------------------------------------------------------
 */

static void contents_and_body(struct rctx *x, GPtrArray *planned_titles)
{
	typedef void (*body_fn)(struct rctx *);
	static const body_fn bodies[RPT_KIND_COUNT] = {
	    rpt_annual_sections, rpt_budget_sections, rpt_state_sections};

	/* The contents page lists what the first pass found. */
	if (planned_titles)
		rpt_doc_contents(x->d, L(x, "contents"), planned_titles);
	bodies[x->p->kind](x);
}

/* One pass: the whole report onto D.  TITLES: the sections of the first
 * pass for the contents (NULL in the first pass, which lays out an empty
 * contents page of the same length instead). */
static void one_pass(struct rctx *x, const char *cover_title,
                     const char *cover_sub, GPtrArray *titles)
{
	const char *small = LF(x, "cover.small", last_import(x));

	rpt_doc_cover(x->d, L(x, "forum"), cover_title, cover_sub, small);
	contents_and_body(x, titles ? titles : x->sections);
}

static const char *title_of(struct rctx *x, const char **sub)
{
	const struct rpt_params *p = x->p;
	const char *state;

	switch (p->kind) {
	case RPT_BUDGET:
		*sub = L(x, "budget.subtitle");
		return LF(x, "budget.title", rpt_year_str(x, p->year));
	case RPT_STATE:
		state = rpt_state_name(x->names, p->state, x->lang);
		*sub = LF(x, "state.subtitle", state);
		return LF(x, "state.title", state);
	default:
		*sub = L(x, "annual.subtitle");
		return LF(x, "annual.title", rpt_year_str(x, p->year));
	}
}

static enum cbm_status pass(struct st_db *db, const struct rpt_params *p,
                            FILE *fp, struct doc_plan *plan, GPtrArray *titles,
                            GPtrArray **found, struct cbm_error *err)
{
	struct rctx x = {0};
	const char *title, *sub;
	enum cbm_status rc;

	x.db = db;
	x.p = p;
	x.lang = p->lang;
	x.err = err;
	x.pool = g_ptr_array_new_with_free_func(g_free);
	x.sections = g_ptr_array_new_with_free_func(g_free);
	rc = rpt_names_open(&x.names, db, err);
	if (rc == CBM_OK) {
		title = title_of(&x, &sub);
		rc = rpt_doc_open(&x.d, fp, title, p->lang,
		                  plan->pages ? plan : NULL, err);
	}
	if (rc == CBM_OK) {
		one_pass(&x, title, sub, titles);
		rc = rpt_doc_close(x.d, plan->pages ? NULL : plan, err);
		if (rc == CBM_OK)
			rc = x.status;
	}
	rpt_names_close(x.names);
	g_ptr_array_free(x.pool, TRUE);
	if (found)
		*found = x.sections;
	else
		g_ptr_array_free(x.sections, TRUE);
	return rc;
}

/* True when STATE is the code of a loaded state. */
static bool state_exists(struct st_db *db, const char *state)
{
	sqlite3_stmt *st = NULL;
	bool found = false;

	if (sqlite3_prepare_v2(st_sqlite(db),
	                       "SELECT 1 FROM states WHERE code = ?", -1, &st,
	                       NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, state, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return found;
}

/* True when YEAR has a budget, contributions or a plan. */
static bool year_has_data(struct st_db *db, int year)
{
	sqlite3_stmt *st = NULL;
	bool found = false;

	if (sqlite3_prepare_v2(
	        st_sqlite(db),
	        "SELECT EXISTS (SELECT 1 FROM budget_lines WHERE year = ?1)"
	        " OR EXISTS (SELECT 1 FROM contributions WHERE budget_year = ?1)"
	        " OR EXISTS (SELECT 1 FROM events WHERE year = ?1)",
	        -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int(st, 1, year);
		found =
		    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	}
	sqlite3_finalize(st);
	return found;
}

/* Fills in the year a report is about and checks its subject exists. */
static enum cbm_status resolve(struct st_db *db, struct rpt_params *p,
                               struct cbm_error *err)
{
	struct rctx x = {.db = db, .p = p};

	if (p->kind == RPT_STATE) {
		if (!p->state || !state_exists(db, p->state))
			return CBM_ERROR(err, CBM_EDATA, NULL,
			                 "no state '%s' in the database",
			                 p->state ? p->state : "");
		return CBM_OK;
	}
	if (!p->year)
		p->year = latest_budget_year(&x, p->kind == RPT_ANNUAL);
	if (!p->year)
		return CBM_ERROR(err, CBM_EDATA, NULL,
		                 "no budget year in the database; import a "
		                 "budget first");
	if (!year_has_data(db, p->year))
		return CBM_ERROR(err, CBM_EDATA, NULL,
		                 "nothing to report for %d: no budget, "
		                 "contributions or plan of that year",
		                 p->year);
	return CBM_OK;
}

enum cbm_status rpt_write(struct st_db *db, const struct rpt_params *given,
                          FILE *fp, struct cbm_error *err)
{
	struct rpt_params p = *given;
	struct doc_plan plan = {0};
	GPtrArray *titles = NULL;
	enum cbm_status rc = resolve(db, &p, err);

	if (rc == CBM_OK)
		rc = pass(db, &p, NULL, &plan, NULL, &titles, err);
	if (rc == CBM_OK)
		rc = pass(db, &p, fp, &plan, titles, NULL, err);
	if (plan.sections)
		g_array_free(plan.sections, TRUE);
	if (titles)
		g_ptr_array_free(titles, TRUE);
	return rc;
}

enum cbm_status rpt_write_file(struct st_db *db, const struct rpt_params *p,
                               const char *path, struct cbm_error *err)
{
	struct cbm_outfile of;
	enum cbm_status rc = cbm_outfile_open(&of, path, err);

	if (rc != CBM_OK)
		return rc;
	rc = rpt_write(db, p, of.fp, err);
	if (rc == CBM_OK)
		return cbm_outfile_commit(&of, err);
	cbm_outfile_abort(&of);
	return rc;
}
