/*
 * report.c - writing a report: the two passes, and the pieces every
 * report uses (tables of figures in the reader's language with their
 * totals, charts kept with their tables, the sources page).
 *
 * Nothing here runs SQL: the figures, names, batches and the organisation
 * come from analysis/, each call returning a status that becomes the
 * report's one sticky error.
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
	p->date = INT32_MIN;
	p->scale = "equal";
	snprintf(p->currency, sizeof(p->currency), "USD");
}

/* ---- small helpers ----------------------------------------------------- */

const char *rpt_keep(struct rctx *x, char *s)
{
	g_ptr_array_add(x->pool, s);
	return s;
}

const char *rpt_labels(struct rctx *x, const char *key,
                       const char *const *values, size_t n)
{
	return rpt_keep(x, rpt_labelv(x->lang, key, values, n));
}

const char *rpt_year_str(struct rctx *x, int64_t year)
{
	return rpt_keep(x, g_strdup_printf("%lld", (long long)year));
}

const char *rpt_date_text(struct rctx *x, int32_t day)
{
	char buf[32];

	cbm_fmt_date(buf, sizeof(buf), day, x->lang);
	return rpt_keep(x, g_strdup(buf));
}

const char *rpt_state(struct rctx *x, const char *code)
{
	return ana_state_name(x->names, code, x->lang);
}

const char *rpt_area(struct rctx *x, const char *code)
{
	return ana_area_name(x->names, code, x->lang);
}

void rpt_section(struct rctx *x, const char *title)
{
	g_ptr_array_add(x->sections, g_strdup(title));
	rpt_doc_heading(x->d, 1, title);
}

/* The memo's key of FN with P: every parameter but the names, which are
 * the same in every pass (loaded again from the same database). */
static char *figure_key(ana_figure_fn fn, const struct ana_params *p)
{
	unsigned char f[sizeof(fn)];
	GString *k = g_string_new(NULL);

	memcpy(f, &fn, sizeof(fn));
	for (size_t i = 0; i < sizeof(f); i++)
		g_string_append_printf(k, "%02x", f[i]);
	g_string_append_printf(
	    k, "|%d|%d|%d|%.3s|%d|%ld|%d|%d|%d|%s|%s", p->year, p->from, p->to,
	    p->currency, (int)p->kind, (long)p->as_of, (int)p->by,
	    (int)p->with_co_organizers, (int)p->of,
	    p->scale ? p->scale : "\x01", p->state ? p->state : "\x01");
	return g_string_free(k, FALSE);
}

static void table_free(gpointer t)
{
	ana_table_release(t);
	g_free(t);
}

enum cbm_status rpt_figure(struct rctx *x, ana_figure_fn fn,
                           const struct ana_params *p, struct ana_table *t,
                           struct cbm_error *err)
{
	char *key = figure_key(fn, p);
	const struct ana_table *kept = g_hash_table_lookup(x->figures, key);
	struct ana_table *copy;
	enum cbm_status rc;

	if (kept) {
		g_free(key);
		ana_table_copy(t, kept);
		return CBM_OK;
	}
	ana_table_init(t);
	rc = fn(x->db, p, t, err);
	if (rc != CBM_OK) {
		g_free(key);
		return rc;
	}
	copy = g_new(struct ana_table, 1);
	ana_table_copy(copy, t);
	g_hash_table_insert(x->figures, key, copy);
	return CBM_OK;
}

bool rpt_run_figure(struct rctx *x, ana_figure_fn fn,
                    const struct ana_params *p, struct ana_table *t)
{
	if (rpt_failed(x)) {
		ana_table_init(t);
		return false;
	}
	return rpt_figure(x, fn, p, t, x->err) == CBM_OK;
}

void rpt_figure_params(struct rctx *x, struct ana_params *a)
{
	ana_params_init(a);
	if (x->p->currency[0])
		memcpy(a->currency, x->p->currency, 4);
	a->names = x->names;
	a->memo = x->memo;
}

/* ---- cells ------------------------------------------------------------- */

const char *rpt_money_text(struct rctx *x, const struct ana_table *t,
                           const struct ana_value *v)
{
	char buf[CBM_MONEY_BUF + 2]; /* and a minus sign's two more bytes */

	if (!v->defined)
		return L(x, "n/a");
	cbm_fmt_money(buf, CBM_MONEY_BUF, v->i, t->exponent, x->lang);
	return rpt_keep(x, g_strdup(cbm_fmt_minus(buf, sizeof(buf))));
}

const char *rpt_amount_text(struct rctx *x, const struct ana_table *t,
                            const struct ana_value *v)
{
	if (!v->defined)
		return L(x, "n/a");
	return rpt_keep(
	    x, g_strdup_printf("%s %s", rpt_money_text(x, t, v), t->currency));
}

const char *rpt_percent_text(struct rctx *x, const struct ana_value *v)
{
	char buf[64];

	cbm_fmt_percent(buf, sizeof(buf), v->defined ? v->d : NAN, 1, x->lang);
	return rpt_keep(x, g_strdup(cbm_fmt_minus(buf, sizeof(buf))));
}

/* A value of type TYPE as the reader writes it. */
static const char *value_text(struct rctx *x, const struct ana_table *t,
                              enum ana_type type, const struct ana_value *v)
{
	char buf[64];

	if (!v->defined)
		return L(x, "n/a");
	switch (type) {
	case ANA_MONEY:
		return rpt_money_text(x, t, v);
	case ANA_RATE:
	case ANA_SHARE:
		/* Contribution shares with one decimal, scale shares with
		 * two (DESIGN.md "Output"). */
		cbm_fmt_percent(buf, sizeof(buf), v->d,
		                type == ANA_SHARE ? 2 : 1, x->lang);
		break;
	case ANA_AMOUNT:
		cbm_fmt_number(buf, sizeof(buf), v->d, 2, x->lang);
		break;
	case ANA_INDEX: /* HHI, Gini */
		cbm_fmt_number(buf, sizeof(buf), v->d, 3, x->lang);
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
	return rpt_keep(x, g_strdup(cbm_fmt_minus(buf, sizeof(buf))));
}

/* Codes separated by '|' as names separated by commas, kept. */
static const char *state_list(struct rctx *x, const char *codes)
{
	char **parts = g_strsplit(codes ? codes : "", "|", -1);
	GString *s = g_string_new(NULL);

	for (int i = 0; parts[i]; i++)
		if (*parts[i])
			g_string_append_printf(s, "%s%s", s->len ? ", " : "",
			                       rpt_state(x, parts[i]));
	g_strfreev(parts);
	return rpt_keep(x, g_string_free(s, FALSE));
}

/* A title in the reader's language: the column after COL holds it in
 * Russian, the next in Kazakh; the English one when the file gave none. */
static const char *title_text(struct rctx *x, const struct ana_table *t,
                              size_t row, size_t col)
{
	size_t c = col + (x->lang == CBM_LANG_RU   ? 1
	                  : x->lang == CBM_LANG_KK ? 2
	                                           : 0);

	if (c < t->ncols && ana_cell(t, row, c)->defined)
		return ana_cell(t, row, c)->s;
	return ana_cell(t, row, col)->s;
}

/* Whether the state of row ROW of figure outstanding pledged. */
static bool pledge_made(const struct ana_table *t, size_t row)
{
	const char *status = ana_cell(t, row, ANA_OUTSTANDING_STATUS)->s;

	return strcmp(status, "no pledge") != 0 && strcmp(status, "none") != 0;
}

/* One cell of T formatted for the reader, kept. */
static const char *cell_text(struct rctx *x, const struct ana_table *t,
                             size_t row, const struct col_spec *spec)
{
	const struct ana_value *v = ana_cell(t, row, (size_t)spec->column);
	char key[64];

	if (spec->show == SHOW_LINE &&
	    strcmp(ana_cell(t, row, ANA_EXECUTION_LINE)->s, "total") == 0)
		return L(x, "total");
	if (spec->show == SHOW_PLEDGE && !pledge_made(t, row))
		return "\u2014";
	if (!v->defined || t->cols[spec->column].type != ANA_TEXT)
		return value_text(x, t, t->cols[spec->column].type, v);
	switch (spec->show) {
	case SHOW_STATE:
		return rpt_state(x, v->s);
	case SHOW_AREA:
		return rpt_area(x, v->s);
	case SHOW_STATES:
		return state_list(x, v->s);
	case SHOW_TITLE:
	case SHOW_LINE:
		return title_text(x, t, row, (size_t)spec->column);
	case SHOW_DIMENSION:
	case SHOW_STATUS:
	case SHOW_ROLE:
		snprintf(key, sizeof(key), "%s.%s",
		         spec->show == SHOW_STATUS ? "status"
		         : spec->show == SHOW_ROLE ? "role"
		                                   : "dimension",
		         v->s);
		return L(x, key);
	default:
		return v->s;
	}
}

/* ---- figure tables --------------------------------------------------------
 */

struct rpt_table {
	struct doc_table doc;
	const char **header;
	double *widths;
	bool *right;
	GPtrArray *cells;
};

/* Rows of a table by one column, largest first (ties keep their order). */
struct sort_by {
	const struct ana_table *t;
	size_t col;
};

static double sort_value(const struct sort_by *s, size_t r)
{
	const struct ana_value *v = ana_cell(s->t, r, s->col);
	enum ana_type type = s->t->cols[s->col].type;

	if (!v->defined)
		return -1e300;
	return type == ANA_MONEY || type == ANA_INT ? (double)v->i : v->d;
}

static gint by_value_desc(gconstpointer a, gconstpointer b, gpointer data)
{
	size_t ra = *(const size_t *)a, rb = *(const size_t *)b;
	double da = sort_value(data, ra), db = sort_value(data, rb);

	if (da != db)
		return da < db ? 1 : -1;
	return ra < rb ? -1 : ra > rb;
}

/* The rows shown, in the order shown; *N their number.  Caller frees. */
static size_t *shown_rows(const struct ana_table *t, const struct table_opts *o,
                          size_t *n)
{
	size_t *rows = g_new(size_t, t->nrows ? t->nrows : 1);

	*n = 0;
	for (size_t r = 0; r < t->nrows; r++)
		if (!o->keep || o->keep(t, r, o->data))
			rows[(*n)++] = r;
	if (o->order) {
		size_t m = *n - (o->last_is_total && *n ? 1 : 0);
		g_qsort_with_data(rows, (gint)m, sizeof(*rows), o->order,
		                  (gpointer)t);
	} else if (o->sort_by >= 0 && t->cols[o->sort_by].type != ANA_TEXT) {
		struct sort_by s = {t, (size_t)o->sort_by};
		/* A figure's own total stays last. */
		size_t m = *n - (o->last_is_total && *n ? 1 : 0);
		g_qsort_with_data(rows, (gint)m, sizeof(*rows), by_value_desc,
		                  &s);
	}
	return rows;
}

/* The total of a rate: sum(num) / sum(den) over ROWS. */
static const char *ratio_text(struct rctx *x, const struct ana_table *t,
                              const struct rate_total *rate, const size_t *rows,
                              size_t nrows)
{
	struct ana_value v = {0};
	int64_t num = 0, den = 0;

	for (size_t i = 0; i < nrows; i++) {
		num += ana_cell(t, rows[i], (size_t)rate->num)->i;
		den += ana_cell(t, rows[i], (size_t)rate->den)->i;
	}
	if (den > 0) {
		v.defined = true;
		v.d = (double)num / (double)den;
	}
	return value_text(x, t, t->cols[rate->column].type, &v);
}

/* The bold total row: the sum of each summed column over ROWS, and the
 * rate O->rate names. */
static void total_row(struct rctx *x, const struct ana_table *t,
                      const struct col_spec *spec, size_t n, const size_t *rows,
                      size_t nrows, const struct rate_total *rate,
                      GPtrArray *cells)
{
	for (size_t c = 0; c < n; c++) {
		enum ana_type type = t->cols[spec[c].column].type;
		struct ana_value sum = {.defined = true};
		const char *text = c == 0 ? L(x, "total") : "";
		for (size_t i = 0; spec[c].sum && i < nrows; i++) {
			const struct ana_value *v =
			    ana_cell(t, rows[i], (size_t)spec[c].column);
			if (v->defined) {
				sum.i += v->i;
				sum.d += v->d;
			}
		}
		if (spec[c].sum)
			text = value_text(x, t, type, &sum);
		else if (rate && rate->column == spec[c].column)
			text = ratio_text(x, t, rate, rows, nrows);
		g_ptr_array_add(cells, (char *)text);
	}
}

/* Shows a test each printed column beside the figure it came from. */
static void trace_columns(struct rctx *x, const struct ana_table *t,
                          const struct col_spec *spec, size_t n,
                          const size_t *rows, size_t nrows, GPtrArray *cells)
{
	const char **texts;

	if (!x->trace || !x->trace->column)
		return;
	texts = g_new(const char *, nrows ? nrows : 1);
	for (size_t c = 0; c < n; c++) {
		for (size_t i = 0; i < nrows; i++)
			texts[i] = g_ptr_array_index(cells, i * n + c);
		x->trace->column(x->trace->doc.data, t, (size_t)spec[c].column,
		                 rows, texts, nrows);
	}
	g_free(texts);
}

struct rpt_table *rpt_table_build(struct rctx *x, const struct ana_table *t,
                                  const struct col_spec *spec, size_t n,
                                  const struct table_opts *o)
{
	struct rpt_table *tb = g_new0(struct rpt_table, 1);
	size_t nrows, *rows = shown_rows(t, o, &nrows);

	tb->header = g_new(const char *, n);
	tb->widths = g_new(double, n);
	tb->right = g_new(bool, n);
	tb->cells = g_ptr_array_new();
	for (size_t c = 0; c < n; c++) {
		enum ana_type type = t->cols[spec[c].column].type;
		tb->header[c] = L(x, spec[c].label);
		tb->widths[c] = spec[c].width;
		tb->right[c] = type != ANA_TEXT && type != ANA_DATE &&
		               strcmp(t->cols[spec[c].column].name, "year") &&
		               strcmp(t->cols[spec[c].column].name, "item");
	}
	for (size_t i = 0; i < nrows; i++)
		for (size_t c = 0; c < n; c++)
			g_ptr_array_add(
			    tb->cells,
			    (char *)cell_text(x, t, rows[i], &spec[c]));
	trace_columns(x, t, spec, n, rows, nrows, tb->cells);
	if (o->total && nrows > 0)
		total_row(x, t, spec, n, rows, nrows, o->rate, tb->cells);
	tb->doc = (struct doc_table){
	    .ncols = n,
	    .nrows = tb->cells->len / n,
	    .header = tb->header,
	    .widths = tb->widths,
	    .right = tb->right,
	    .cells = (const char *const *)tb->cells->pdata,
	    .bold_last = (o->total || o->last_is_total) && nrows > 0};
	g_free(rows);
	return tb;
}

void rpt_table_free(struct rpt_table *tb)
{
	if (!tb)
		return;
	g_ptr_array_free(tb->cells, TRUE);
	g_free(tb->header);
	g_free(tb->widths);
	g_free(tb->right);
	g_free(tb);
}

const struct doc_table *rpt_table_doc(const struct rpt_table *tb)
{
	return &tb->doc;
}

static void draw_table(struct rctx *x, const struct rpt_table *tb)
{
	if (tb->doc.nrows > 0)
		rpt_doc_table(x->d, &tb->doc);
	else
		rpt_doc_note(x->d, L(x, "no_data"));
}

void rpt_figure_table(struct rctx *x, const struct ana_table *t,
                      const struct col_spec *spec, size_t n,
                      const struct table_opts *o)
{
	struct rpt_table *tb;

	if (rpt_failed(x))
		return;
	tb = rpt_table_build(x, t, spec, n, o);
	draw_table(x, tb);
	rpt_table_free(tb);
}

/* ---- charts ----------------------------------------------------------------
 */

void rpt_chart_params_for(struct rctx *x, struct rpt_chart_params *cp)
{
	memset(cp, 0, sizeof(*cp));
	cp->lang = x->lang;
	memcpy(cp->currency, x->p->currency, 4);
}

/* The chart of KIND, or NULL when it has nothing to draw or failed (the
 * failure is then the report's error). */
/* How much shorter than asked a chart may be drawn to stay on a page. */
#define CHART_MIN 0.6

static struct rpt_chart *open_chart(struct rctx *x, enum rpt_chart_kind kind,
                                    const struct rpt_chart_params *cp)
{
	struct rpt_chart *c = NULL;
	struct cbm_error err = {0};

	if (rpt_failed(x))
		return NULL;
	if (rpt_chart_build(&c, x->db, kind, cp, x, &err) != CBM_OK &&
	    err.code != CBM_EDATA)
		CBM_ERROR(x->err, err.code, NULL, "%s", err.message);
	return c;
}

void rpt_chart_block(struct rctx *x, enum rpt_chart_kind kind,
                     const struct rpt_chart_params *cp, double h)
{
	struct rpt_chart *c = open_chart(x, kind, cp);

	if (c)
		rpt_doc_chart(x->d, rpt_chart_get(c),
		              rpt_doc_fit(x->d, h, CHART_MIN * h, 0));
	rpt_chart_close(c);
}

void rpt_chart_then_table(struct rctx *x, const struct rpt_chart *c,
                          double h, const struct rpt_table *tb)
{
	if (c) {
		/* The chart and the start of its table on one page. */
		double after = 10 + rpt_doc_table_start(x->d, &tb->doc);
		h = rpt_doc_fit(x->d, h, CHART_MIN * h, after);
		rpt_doc_keep(x->d, h + after);
		rpt_doc_chart(x->d, rpt_chart_get(c), h);
	}
	draw_table(x, tb);
}

void rpt_chart_with_table(struct rctx *x, enum rpt_chart_kind kind,
                          const struct rpt_chart_params *cp, double h,
                          const struct ana_table *t,
                          const struct col_spec *spec, size_t n,
                          const struct table_opts *o)
{
	struct rpt_chart *c = open_chart(x, kind, cp);
	struct rpt_table *tb;

	if (rpt_failed(x)) {
		rpt_chart_close(c);
		return;
	}
	tb = rpt_table_build(x, t, spec, n, o);
	rpt_chart_then_table(x, c, h, tb);
	rpt_table_free(tb);
	rpt_chart_close(c);
}

/* ---- shared sections ------------------------------------------------------
 */

/* Who has not paid comes first: pledges unpaid, then in part, then the
 * members that neither pledged nor paid, then the rest; within each, the
 * most outstanding, then the most received. */
static int roll_rank(const char *status)
{
	static const char *const ranks[] = {"nothing", "in part", "none"};

	for (int i = 0; i < 3; i++)
		if (strcmp(status, ranks[i]) == 0)
			return i;
	return 3;
}

static gint roll_order(gconstpointer a, gconstpointer b, gpointer data)
{
	const struct ana_table *t = data;
	size_t ra = *(const size_t *)a, rb = *(const size_t *)b;
	int ka = roll_rank(ana_cell(t, ra, ANA_OUTSTANDING_STATUS)->s);
	int kb = roll_rank(ana_cell(t, rb, ANA_OUTSTANDING_STATUS)->s);
	cbm_money oa = ana_cell(t, ra, ANA_OUTSTANDING_OUTSTANDING)->i;
	cbm_money ob = ana_cell(t, rb, ANA_OUTSTANDING_OUTSTANDING)->i;
	cbm_money va = ana_cell(t, ra, ANA_OUTSTANDING_RECEIVED)->i;
	cbm_money vb = ana_cell(t, rb, ANA_OUTSTANDING_RECEIVED)->i;

	if (ka != kb)
		return ka - kb;
	if (oa != ob)
		return oa > ob ? -1 : 1;
	if (va != vb)
		return va > vb ? -1 : 1;
	return ra < rb ? -1 : ra > rb;
}

void rpt_outstanding_table(struct rctx *x, const struct ana_params *a,
                           const struct table_opts *o)
{
	static const struct col_spec cols[] = {
	    {ANA_OUTSTANDING_STATE, "state", 0.25, SHOW_STATE, false},
	    {ANA_OUTSTANDING_PLEDGED, "pledged", 0.15, SHOW_PLEDGE, true},
	    {ANA_OUTSTANDING_RECEIVED, "received", 0.15, SHOW_VALUE, true},
	    {ANA_OUTSTANDING_OUTSTANDING, "outstanding", 0.15, SHOW_PLEDGE,
	     true},
	    {ANA_OUTSTANDING_STATUS, "pledge_status", 0.30, SHOW_STATUS, false},
	};
	struct table_opts opts = *o;
	struct ana_table t;

	opts.order = roll_order;
	opts.total = true;
	if (rpt_run_figure(x, ana_outstanding, a, &t))
		rpt_figure_table(x, &t, cols, 5, &opts);
	ana_table_release(&t);
}

void rpt_execution_table(struct rctx *x, int year)
{
	static const struct col_spec cols[] = {
	    {ANA_EXECUTION_TITLE, "budget_line", 0.30, SHOW_LINE, false},
	    {ANA_EXECUTION_APPROVED, "approved", 0.18, SHOW_VALUE, false},
	    {ANA_EXECUTION_SPENT, "spent", 0.18, SHOW_VALUE, false},
	    {ANA_EXECUTION_RATE, "execution_rate", 0.14, SHOW_VALUE, false},
	    {ANA_EXECUTION_REMAINING, "remaining", 0.20, SHOW_VALUE, false},
	};
	struct table_opts o = {.sort_by = -1, .last_is_total = true};
	struct ana_params a;
	struct ana_table t;

	rpt_figure_params(x, &a);
	a.year = year;
	if (rpt_run_figure(x, ana_execution, &a, &t))
		rpt_figure_table(x, &t, cols, 5, &o);
	ana_table_release(&t);
}

void rpt_sources_section(struct rctx *x)
{
	static const struct col_spec cols[] = {
	    {ANA_SOURCES_BATCH, "src.batch", 0.08, SHOW_VALUE, false},
	    {ANA_SOURCES_KIND, "src.kind", 0.2, SHOW_VALUE, false},
	    {ANA_SOURCES_FILE, "src.file", 0.3, SHOW_VALUE, false},
	    {ANA_SOURCES_ROWS, "src.rows", 0.08, SHOW_VALUE, false},
	    {ANA_SOURCES_LOADED, "src.loaded", 0.14, SHOW_VALUE, false},
	    {ANA_SOURCES_SHA256, "src.sha", 0.2, SHOW_VALUE, false},
	};
	struct table_opts o = {.sort_by = -1};
	struct ana_table t;

	rpt_section(x, L(x, "sources"));
	rpt_doc_lead(x->d, L(x, "sources.text"));
	ana_table_init(&t);
	if (!rpt_failed(x) && ana_sources(x->db, &t, x->err) == CBM_OK) {
		/* The kind in the reader's words; the checksum's start. */
		for (size_t r = 0; r < t.nrows; r++) {
			char key[64], head[17];
			snprintf(key, sizeof(key), "kind.%s",
			         ana_cell(&t, r, ANA_SOURCES_KIND)->s);
			snprintf(head, sizeof(head), "%s",
			         ana_cell(&t, r, ANA_SOURCES_SHA256)->s);
			t.cells[r * t.ncols + ANA_SOURCES_KIND].s = L(x, key);
			t.cells[r * t.ncols + ANA_SOURCES_SHA256].s =
			    rpt_keep(x, g_strdup(head));
		}
		rpt_figure_table(x, &t, cols, 6, &o);
	}
	ana_table_release(&t);
}

/* ---- the frame: cover, contents, header ---------------------------------- */

/* The day of the last import, for the cover: the figures are as of then. */
static const char *last_import(struct rctx *x)
{
	struct ana_table t;
	int32_t last = INT32_MIN;

	ana_table_init(&t);
	if (!rpt_failed(x) && ana_sources(x->db, &t, x->err) == CBM_OK)
		for (size_t r = 0; r < t.nrows; r++)
			if (ana_cell(&t, r, ANA_SOURCES_LOADED)->defined)
				last = MAX(last, (int32_t)ana_cell(
				                     &t, r, ANA_SOURCES_LOADED)
				                     ->i);
	ana_table_release(&t);
	return last == INT32_MIN ? "" : rpt_date_text(x, last);
}

static const char *org_text(struct rctx *x, char *const *texts)
{
	if (!x->org.found)
		return NULL;
	return texts[x->lang] ? texts[x->lang] : texts[CBM_LANG_EN];
}

static void cover(struct rctx *x, const char *title, const char *subtitle)
{
	struct doc_cover c = {0};

	c.org = org_text(x, x->org.name);
	c.org_short =
	    x->org.found ? org_text(x, x->org.short_name) : L(x, "forum");
	c.title = title;
	c.subtitle = subtitle;
	c.symbol = x->p->symbol;
	c.date = x->p->date != INT32_MIN ? rpt_date_text(x, x->p->date) : NULL;
	c.signatory = org_text(x, x->org.signatory);
	c.small_print = LF(x, "cover.small", last_import(x));
	rpt_doc_cover(x->d, &c);
}

/* The running header: "CICA · Conference on ..." */
static char *header_text(struct rctx *x)
{
	const char *full = org_text(x, x->org.name);
	const char *shortn = org_text(x, x->org.short_name);

	if (!x->org.found)
		return g_strdup(L(x, "forum"));
	if (full && shortn)
		return g_strdup_printf("%s · %s", shortn, full);
	return g_strdup(full ? full : shortn);
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
		state = rpt_state(x, p->state);
		*sub = LF(x, "state.subtitle", state);
		return LF(x, "state.title", state);
	default:
		*sub = L(x, "annual.subtitle");
		return LF(x, "annual.title", rpt_year_str(x, p->year));
	}
}

/* ---- the two passes -------------------------------------------------------
 */

/* One pass: the whole report onto X->d.  TITLES: the sections of the
 * first pass for the contents (NULL in the first pass, which lays out a
 * contents page of the same length from what it finds instead). */
static void one_pass(struct rctx *x, const char *title, const char *sub,
                     GPtrArray *titles)
{
	typedef void (*body_fn)(struct rctx *);
	static const body_fn bodies[RPT_KIND_COUNT] = {
	    rpt_annual_sections, rpt_budget_sections, rpt_state_sections};

	cover(x, title, sub);
	rpt_doc_contents(x->d, L(x, "contents"), titles ? titles : x->sections);
	bodies[x->p->kind](x);
}

static void open_doc(struct rctx *x, FILE *fp, const char *title,
                     const struct doc_plan *plan)
{
	char *header = header_text(x);
	struct doc_setup s = {
	    .title = title,
	    .header = header,
	    .symbol = x->p->symbol,
	    .lang = x->lang,
	    .emblem = x->org.emblem,
	    .emblem_len = x->org.emblem_len,
	    .trace = x->trace ? &x->trace->doc : NULL,
	    .cache = x->text,
	};

	rpt_doc_open(&x->d, fp, &s, plan, x->err);
	g_free(header);
}

static enum cbm_status pass(struct rctx *x, FILE *fp, struct doc_plan *plan,
                            GPtrArray *titles)
{
	const char *title, *sub;
	enum cbm_status rc;

	rc = ana_names_open(&x->names, x->db, x->err);
	if (rc == CBM_OK)
		rc = ana_organization(x->db, &x->org, x->err);
	if (rc == CBM_OK) {
		title = title_of(x, &sub);
		open_doc(x, fp, title, plan->pages ? plan : NULL);
		one_pass(x, title, sub, titles);
		rpt_doc_close(x->d, plan->pages ? NULL : plan);
		x->d = NULL;
	}
	ana_org_release(&x->org);
	ana_names_close(x->names);
	x->names = NULL;
	return x->err->code;
}

/* A pass after the first, with the TITLES it learnt: a fresh list of
 * sections and pool. */
static enum cbm_status next_pass(struct rctx *x, FILE *fp,
                                 struct doc_plan *plan, GPtrArray *titles)
{
	if (x->sections != titles)
		g_ptr_array_free(x->sections, TRUE);
	x->sections = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_set_size(x->pool, 0);
	return pass(x, fp, plan, titles);
}

static void plan_release(struct doc_plan *plan)
{
	if (plan->sections)
		g_array_free(plan->sections, TRUE);
	*plan = (struct doc_plan){0};
}

/* Fills in the year a report is about and checks its subject exists. */
static enum cbm_status resolve(struct st_db *db, struct rpt_params *p,
                               struct cbm_error *err)
{
	struct ana_names *names = NULL;
	bool has = false, known = false;
	enum cbm_status rc;

	if (p->kind == RPT_STATE) {
		rc = ana_names_open(&names, db, err);
		known = rc == CBM_OK && p->state &&
		        ana_state_info(names, p->state, NULL, NULL);
		ana_names_close(names);
		if (rc == CBM_OK && !known)
			rc = CBM_ERROR(err, CBM_EDATA, NULL,
			               "no state '%s' in the database",
			               p->state ? p->state : "");
		return rc;
	}
	rc = p->year
	         ? CBM_OK
	         : ana_latest_year(db, p->kind == RPT_ANNUAL, &p->year, err);
	if (rc == CBM_OK && !p->year)
		return CBM_ERROR(err, CBM_EDATA, NULL,
		                 "no approved budget year in the database; "
		                 "import a budget first");
	if (rc == CBM_OK)
		rc = ana_year_has_data(db, p->year, &has, err);
	if (rc == CBM_OK && !has)
		rc = CBM_ERROR(err, CBM_EDATA, NULL,
		               "nothing to report for %d: no budget, "
		               "contributions or plan of that year",
		               p->year);
	return rc;
}

enum cbm_status rpt_write_traced(struct st_db *db,
                                 const struct rpt_params *given, FILE *fp,
                                 const struct rpt_trace *trace,
                                 struct cbm_error *err)
{
	struct rpt_params p = *given;
	struct doc_plan plan = {0};
	struct rctx x = {.db = db, .p = &p, .lang = given->lang, .err = err};
	GPtrArray *titles = NULL;
	bool own_read = false;
	enum cbm_status rc = CBM_OK;

	x.pool = g_ptr_array_new_with_free_func(g_free);
	x.sections = g_ptr_array_new_with_free_func(g_free);
	x.figures =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, table_free);
	x.text = rpt_doc_cache_new();
	x.memo = ana_memo_new();
	/* Every figure of a report, and the choice of its year, read one
	 * snapshot of the database, and SQLite keeps its pages between them
	 * instead of starting a read for each statement.  A caller's open
	 * transaction serves as well.  BEGIN alone reads nothing: the
	 * snapshot is taken by resolve()'s first statement. */
	if (sqlite3_get_autocommit(st_sqlite(db))) {
		rc = st_exec(db, "BEGIN", err);
		own_read = rc == CBM_OK;
	}
	if (rc == CBM_OK)
		rc = resolve(db, &p, err);
	/* The first pass learns the sections, the second lays out the
	 * contents with them (the body flows on below it) and learns their
	 * pages, the third lays out the same and writes the pages in. */
	if (rc == CBM_OK)
		rc = pass(&x, NULL, &plan, NULL);
	titles = x.sections;
	plan_release(&plan); /* its contents had no lines */
	if (rc == CBM_OK)
		rc = next_pass(&x, NULL, &plan, titles);
	x.trace = trace; /* a test sees the pass that writes */
	if (rc == CBM_OK)
		rc = next_pass(&x, fp, &plan, titles);
	plan_release(&plan);
	if (own_read)
		st_rollback(db); /* nothing was written: ends the read */
	if (x.sections != titles)
		g_ptr_array_free(x.sections, TRUE);
	g_ptr_array_free(titles, TRUE);
	g_ptr_array_free(x.pool, TRUE);
	g_hash_table_destroy(x.figures);
	rpt_doc_cache_free(x.text);
	ana_memo_free(x.memo);
	return rc;
}

enum cbm_status rpt_write(struct st_db *db, const struct rpt_params *p,
                          FILE *fp, struct cbm_error *err)
{
	return rpt_write_traced(db, p, fp, NULL, err);
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
