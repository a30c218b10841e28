/*
 * rpt_internal.h - internal to reports/: what the three reports share.
 *
 * A report is a function that lays out sections on a doc (doc.h) from the
 * figures of analysis/; it runs three times (see doc.h), so it must lay
 * out the same things every time.  Strings it makes for one pass go into the
 * context's pool and are freed at the end of the pass.
 *
 * A report has one sticky error (x->err): the first failure, of a figure
 * or of the drawing, is kept; after it every step does nothing, and the
 * report returns it.  A chart with nothing to draw is left out, not an
 * error.
 */
#ifndef CBM_REPORTS_INTERNAL_H
#define CBM_REPORTS_INTERNAL_H

#include <glib.h>

#include "analysis.h"
#include "doc.h"
#include "report.h"

/* What a test sees of a report: the document's text and pages, and each
 * column of a figure table as printed beside the figure it came from. */
struct rpt_trace {
	struct doc_trace doc;
	/* Column COL of figure T as shown: ROWS[i] printed as TEXTS[i]. */
	void (*column)(void *data, const struct ana_table *t, size_t col,
	               const size_t *rows, const char *const *texts, size_t n);
};

/* rpt_write() with TRACE (may be NULL) watching; for tests. */
enum cbm_status rpt_write_traced(struct st_db *db, const struct rpt_params *p,
                                 FILE *fp, const struct rpt_trace *trace,
                                 struct cbm_error *err);

struct rctx {
	struct st_db *db;
	const struct rpt_params *p;
	enum cbm_lang lang;
	struct ana_names *names; /* loaded once for the pass */
	struct ana_org org;      /* the organisation behind the report */
	struct doc *d;
	GPtrArray *sections;   /* titles of the level-1 headings, in order */
	GPtrArray *pool;       /* strings of this pass */
	GHashTable *figures;   /* figure and parameters -> its table, kept
	                        * over the passes (rpt_figure) */
	struct doc_cache *text; /* the text laid out, kept over the passes */
	struct ana_memo *memo;  /* sums the figures share */
	struct cbm_error *err; /* the report's one sticky error */
	const struct rpt_trace *trace;
};

/* True once the report has failed. */
static inline bool rpt_failed(const struct rctx *x)
{
	return x->err->code != CBM_OK;
}

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

/* The label KEY with "{1}" .. "{N}" replaced by VALUES, kept. */
const char *rpt_labels(struct rctx *x, const char *key,
                       const char *const *values, size_t n);

/* "2024" as a kept string. */
const char *rpt_year_str(struct rctx *x, int64_t year);

/* A date, a money cell, a rate as the reader writes them, kept. */
const char *rpt_date_text(struct rctx *x, int32_t day);
const char *rpt_money_text(struct rctx *x, const struct ana_table *t,
                           const struct ana_value *v);
const char *rpt_percent_text(struct rctx *x, const struct ana_value *v);
/* Money with its currency code: "1,234.50 USD". */
const char *rpt_amount_text(struct rctx *x, const struct ana_table *t,
                            const struct ana_value *v);

/* The name of a state or area in the report's language. */
const char *rpt_state(struct rctx *x, const char *code);
const char *rpt_area(struct rctx *x, const char *code);

/* A level-1 heading that also enters the contents. */
void rpt_section(struct rctx *x, const char *title);

/* Computes FN with P into T (initialised here) through the report's
 * memo: every pass lays out the same figures, which on a million
 * contributions cost a scan each, so each is computed once per report
 * and copied after.  A failure, into ERR, is not kept. */
enum cbm_status rpt_figure(struct rctx *x, ana_figure_fn fn,
                           const struct ana_params *p, struct ana_table *t,
                           struct cbm_error *err);

/* Computes FN with P into T; a failure becomes the report's sticky error
 * and T is left empty.  False when T holds nothing to show. */
bool rpt_run_figure(struct rctx *x, ana_figure_fn fn,
                    const struct ana_params *p, struct ana_table *t);

/* The figure parameters of the report: its currency and its names. */
void rpt_figure_params(struct rctx *x, struct ana_params *a);

/* ---- figure tables ------------------------------------------------------- */

/* How a column of a figure becomes a column of a table. */
enum col_show {
	SHOW_VALUE,     /* by its type: money, percent, number, text */
	SHOW_STATE,     /* a state code shown as its name */
	SHOW_AREA,      /* an area code shown as its name */
	SHOW_DIMENSION, /* a dimension code shown as its label */
	SHOW_STATUS,    /* pledge or event status, translated */
	SHOW_ROLE,      /* organizer or co-organizer, translated */
	SHOW_TITLE,     /* a title; the next two columns hold it in Russian
	                 * and Kazakh (undefined when not given) */
	SHOW_LINE,      /* a budget line's title (SHOW_TITLE), "Total" for
	                 * the line "total" */
	SHOW_STATES,    /* '|'-separated state codes shown as names */
	SHOW_PLEDGE,    /* a pledge's money (figure outstanding): a dash
	                 * where the state made no pledge, not a pledge of 0 */
};

struct col_spec {
	int column;        /* the figure's column: its enum in analysis.h */
	const char *label; /* label key of the header */
	double width;      /* fraction of the text width */
	enum col_show show;
	bool sum; /* added up in the total row */
};

/* How the rows of a figure become a table. */
struct table_opts {
	/* The rows shown: those KEEP (may be NULL) accepts. */
	bool (*keep)(const struct ana_table *t, size_t row, void *data);
	void *data;
	int sort_by; /* a column to order by, largest first; -1: none */
	/* Or an order of its own: compares two rows (size_t *) of the
	 * figure, which is its data. */
	GCompareDataFunc order;
	bool total;         /* a bold total row of the columns with sum */
	bool last_is_total; /* the figure's own last kept row is a total */
	/* In the total row, the rate in figure column RATE->column is the
	 * sum of column num over the sum of column den (held / planned);
	 * NULL: none. */
	const struct rate_total {
		int column, num, den;
	} *rate;
};

/* A figure as a doc table, ready to draw (rpt_table_free frees it). */
struct rpt_table;
struct rpt_table *rpt_table_build(struct rctx *x, const struct ana_table *t,
                                  const struct col_spec *spec, size_t n,
                                  const struct table_opts *o);
void rpt_table_free(struct rpt_table *tb);
const struct doc_table *rpt_table_doc(const struct rpt_table *tb);

/* Lays out the rows of figure T as a table with the columns SPEC; a
 * note that nothing was recorded when no row is kept. */
void rpt_figure_table(struct rctx *x, const struct ana_table *t,
                      const struct col_spec *spec, size_t n,
                      const struct table_opts *o);

/* ---- charts -------------------------------------------------------------- */

/* Chart parameters in the report's language and currency. */
void rpt_chart_params_for(struct rctx *x, struct rpt_chart_params *cp);

/* A chart of the figures drawn H points high (left out when there is
 * nothing to draw). */
void rpt_chart_block(struct rctx *x, enum rpt_chart_kind kind,
                     const struct rpt_chart_params *cp, double h);

/* The same chart kept on one page with the start of figure table T,
 * which follows it. */
void rpt_chart_with_table(struct rctx *x, enum rpt_chart_kind kind,
                          const struct rpt_chart_params *cp, double h,
                          const struct ana_table *t,
                          const struct col_spec *spec, size_t n,
                          const struct table_opts *o);

/* Chart C (NULL: none) H points high, a little shorter when that keeps it
 * on this page, with the start of table TB after it; then the whole of
 * TB, or a note that nothing was recorded. */
void rpt_chart_then_table(struct rctx *x, const struct rpt_chart *c, double h,
                          const struct rpt_table *tb);

/* The days (1 = 1 January) from which to which event R of T (a table
 * of ana_events) lies in YEAR: from its start to its end, a lone start
 * or end being one day, clipped to the year.  False for an event with
 * neither, or none of whose days is in YEAR: it has no place on the
 * year's calendar. */
bool rpt_event_span(const struct ana_table *t, size_t r, int year, int *first,
                    int *last);

/* Builds a chart; within REPORT (or NULL) with its names and its figure
 * memo, borrowed until close. */
enum cbm_status rpt_chart_build(struct rpt_chart **out, struct st_db *db,
                                enum rpt_chart_kind kind,
                                const struct rpt_chart_params *p,
                                struct rctx *report, struct cbm_error *err);

/* The chart of a state's statement: its voluntary contributions by year
 * beside the members' median, from figure T (ana_state_years). */
enum cbm_status rpt_chart_state_years(struct rpt_chart **out,
                                      const struct ana_table *t,
                                      const char *state_name,
                                      enum cbm_lang lang,
                                      struct cbm_error *err);

/* ---- shared sections ----------------------------------------------------- */

/* "Pledges and payments": the roll of figure A, largest outstanding
 * first, with totals; KEEP may narrow the rows. */
void rpt_outstanding_table(struct rctx *x, const struct ana_params *a,
                           const struct table_opts *o);

/* Budget execution of YEAR line by line, the total last. */
void rpt_execution_table(struct rctx *x, int year);

/* The sources page: every import batch behind the figures. */
void rpt_sources_section(struct rctx *x);

/* The three reports. */
void rpt_annual_sections(struct rctx *x);
void rpt_budget_sections(struct rctx *x);
void rpt_state_sections(struct rctx *x);

#endif
