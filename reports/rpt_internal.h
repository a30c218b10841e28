/*
 * rpt_internal.h - internal to reports/: what the three reports share.
 *
 * A report is a function that lays out sections on a doc (doc.h) from the
 * figures of analysis/; it runs twice (see doc.h), so it must lay out the
 * same things both times.  Strings it makes for one pass go into the
 * context's pool and are freed at the end of the pass.
 */
#ifndef CBM_REPORTS_INTERNAL_H
#define CBM_REPORTS_INTERNAL_H

#include <glib.h>

#include "analysis.h"
#include "doc.h"
#include "report.h"

struct rctx {
	struct st_db *db;
	const struct rpt_params *p;
	enum cbm_lang lang;
	struct rpt_names *names;
	struct doc *d;
	GPtrArray *sections; /* titles of the level-1 headings, in order */
	GPtrArray *pool;     /* strings of this pass */
	struct cbm_error *err;
	enum cbm_status status; /* the first figure that failed */
	const size_t *order;    /* figure_table's row order, or NULL */
};

/* A string kept until the end of the pass (takes S). */
const char *rpt_keep(struct rctx *x, char *s);

/* The label KEY in the report's language.  L and LF are short because
 * every line of a report uses them. */
static inline const char *L(struct rctx *x, const char *key)
{
	return rpt_label(x->lang, key);
}

/* The label KEY with "{}" replaced by VALUE, kept. */
static inline const char *LF(struct rctx *x, const char *key, const char *value)
{
	return rpt_keep(x, rpt_labelf(x->lang, key, value));
}

/* "2024" as a kept string. */
const char *rpt_year_str(struct rctx *x, int64_t year);

/* A level-1 heading that also enters the contents. */
void rpt_section(struct rctx *x, const char *title);

/* Computes FN with P into T; a failure is remembered in X and T is left
 * empty (the report stops at the end of the pass). */
bool rpt_run_figure(struct rctx *x, ana_figure_fn fn,
                    const struct ana_params *p, struct ana_table *t);

/* The figure parameters of the report: its currency, nothing else. */
void rpt_figure_params(struct rctx *x, struct ana_params *a);

/* How a column of a figure becomes a column of a table. */
enum col_show {
	SHOW_VALUE,     /* by its type: money, percent, number, text */
	SHOW_STATE,     /* a state code shown as its name */
	SHOW_AREA,      /* an area code shown as its name */
	SHOW_DIMENSION, /* a dimension code shown as its label */
	SHOW_STATUS,    /* pledge or event status, translated */
};

struct col_spec {
	const char *column; /* the figure's column */
	const char *label;  /* label key of the header */
	double width;       /* fraction of the text width */
	enum col_show show;
};

/* Lays out the rows of figure T for which KEEP (may be NULL) is true, as
 * a table with the columns SPEC. */
void rpt_figure_table(struct rctx *x, const struct ana_table *t,
                      const struct col_spec *spec, size_t n,
                      bool (*keep_row)(const struct ana_table *t, size_t row,
                                       void *data),
                      void *data, bool bold_last);

/* The same with every row, largest COLUMN first. */
void rpt_figure_table_sorted(struct rctx *x, const struct ana_table *t,
                             const struct col_spec *spec, size_t n,
                             const char *column);

/* The value of a money cell as a kept string ("n/a" when undefined). */
const char *rpt_money_text(struct rctx *x, const struct ana_table *t,
                           const struct ana_value *v);
const char *rpt_percent_text(struct rctx *x, const struct ana_value *v);

/* Chart parameters in the report's language and currency. */
void rpt_chart_params_for(struct rctx *x, struct rpt_chart_params *cp);

/* "Pledges and payments": the outstanding figure of A, largest first. */
void rpt_outstanding_table(struct rctx *x, const struct ana_params *a);

/* A chart of the figures drawn H points high. */
void rpt_chart_block(struct rctx *x, enum rpt_chart_kind kind,
                     const struct rpt_chart_params *cp, double h);

/* The sources page: every import batch behind the figures. */
void rpt_sources_section(struct rctx *x);

/* The three reports. */
void rpt_annual_sections(struct rctx *x);
void rpt_budget_sections(struct rctx *x);
void rpt_state_sections(struct rctx *x);

#endif
