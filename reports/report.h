/*
 * report.h - what the reader sees: translated labels, names in the
 * reader's language, and the charts of the figures ready to draw into a
 * rectangle of a page or a file.
 *
 * This module joins analysis/ (the numbers) and charts/ (the drawing):
 * a report page and `cbm chart` build a chart the same way, with
 * rpt_chart_open(), and draw it with chart_draw() or chart_write_file().
 *
 * Invariants:
 *  - Every label comes from one table of translations (i18n.c) in
 *    English, Russian and Kazakh; a missing translation falls back to
 *    English, never to an empty string.
 *  - States and areas are named in the chosen language, falling back to
 *    the English name when the file gave none (ana_names, loaded once
 *    per report or chart).
 *  - This module runs no SQL: every number, name and list comes from
 *    analysis/ as a table or a lookup that returns a status.
 */
#ifndef CBM_REPORT_H
#define CBM_REPORT_H

#include "analysis.h"
#include "cbm.h"
#include "chart.h"
#include "store.h"

/* ---- labels ------------------------------------------------------------- */

/* The label KEY (e.g. "others", "year") in LANG; KEY itself when unknown.
 * Static storage. */
const char *rpt_label(enum cbm_lang lang, const char *key);

/* The label KEY with its "{}" replaced by VALUE; caller frees (g_free). */
char *rpt_labelf(enum cbm_lang lang, const char *key, const char *value);

/* The label KEY with "{1}" .. "{9}" replaced by VALUES[0..N); caller
 * frees (g_free).  Numbered, so that a translation may reorder them;
 * "{2:dat}" (also loc, abl, gen, acc, poss) gives a Kazakh value the
 * case ending its numeral takes ("2025-ке", "20-сы"). */
char *rpt_labelv(enum cbm_lang lang, const char *key, const char *const *values,
                 size_t n);

/* VALUE with the Kazakh case ending KASE ("dat", "loc", "abl", "gen",
 * "acc", "poss") of the numeral or percent it ends with, joined by a
 * hyphen: "2025" "dat" is "2025-ке", "20" "poss" is "20-сы", "61,2 %"
 * "dat" is "61,2 %-ға".  VALUE as it is when it ends in no number.
 * Caller frees (g_free). */
char *rpt_kk_inflect(const char *value, const char *kase);

/* ---- charts of the figures ----------------------------------------------- */

enum rpt_chart_kind {
	RPT_CHART_CONTRIBUTIONS, /* one year's contributions by state */
	RPT_CHART_HISTORY,       /* contributions by year, top states stacked */
	RPT_CHART_COLLECTION,    /* collection rate by year, with forecast */
	RPT_CHART_CURVE,         /* one year's cumulative collection */
	RPT_CHART_ACTIVITY,      /* events held, priority area x year */
	RPT_CHART_CALENDAR,      /* one year's events by area on its months */
	RPT_CHART_KIND_COUNT
};

/* Parses "contributions", "history", ...; false when unknown. */
bool rpt_chart_kind_parse(const char *name, enum rpt_chart_kind *out);
const char *rpt_chart_kind_name(enum rpt_chart_kind kind);

struct rpt_chart_params {
	int year;     /* 0: the latest year with data */
	int from, to; /* 0: open */
	enum cbm_lang lang;
	char currency[4]; /* "" is USD */
	/* curve and collection of a year in progress: its in-year forecast
	 * as of this day; 0: as of the year's last receipt */
	int32_t as_of;
	/* collection: the rates of the years only, no forecast (a report
	 * about a finished year leaves forecasting to the brief) */
	bool rates_only;
};

struct rpt_chart;

/* Computes the figures behind a chart of KIND and builds its description.
 * CBM_EDATA when there is nothing to draw (no budget, no contributions in
 * the years asked).  The caller owns *OUT (rpt_chart_close). */
enum cbm_status rpt_chart_open(struct rpt_chart **out, struct st_db *db,
                               enum rpt_chart_kind kind,
                               const struct rpt_chart_params *p,
                               struct cbm_error *err);
void rpt_chart_close(struct rpt_chart *chart);

/* The description, owned by CHART, valid until rpt_chart_close(). */
const struct chart *rpt_chart_get(const struct rpt_chart *chart);

/* What the chart leaves out, in its language, or NULL: the calendar's
 * events without a day in its year ("not on the calendar, ...: items 3,
 * 17").  Owned by CHART. */
const char *rpt_chart_note(const struct rpt_chart *chart);

/* ---- reports --------------------------------------------------------------
 */

enum rpt_kind {
	RPT_ANNUAL, /* the annual report of year Y */
	RPT_BUDGET, /* the brief for the Special Working Group on budget Y */
	RPT_STATE,  /* one member state's statement over a span of years */
	RPT_KIND_COUNT
};

bool rpt_kind_parse(const char *name, enum rpt_kind *out);

struct rpt_params {
	enum rpt_kind kind;
	int year;          /* annual, budget; 0: the latest fitting year */
	int from, to;      /* state; 0: every year */
	int32_t as_of;     /* budget: received by this day; INT32_MIN: none */
	const char *scale; /* budget: what-if scale, "equal" or a name */
	const char *state; /* state: its code (cli/ resolves names) */
	enum cbm_lang lang;
	char currency[4];   /* "" is USD */
	const char *symbol; /* the document symbol on the cover, or NULL */
	int32_t date;       /* the document's date on the cover; INT32_MIN:
	                     * none */
};

void rpt_params_init(struct rpt_params *p);

/* Writes the report P describes to FP as an A4 PDF: a cover naming the
 * organisation (its emblem, names, the symbol and date), contents,
 * sections with tables and charts, page numbers, and the import batches
 * behind the figures.  Given SOURCE_DATE_EPOCH the output is byte for
 * byte the same for the same database.  CBM_EDATA when the database
 * cannot give the report (no budget that year, an unknown state, a
 * missing rate); FP may then hold part of a PDF, so write to a
 * cbm_outfile and abort it (rpt_write_file does). */
enum cbm_status rpt_write(struct st_db *db, const struct rpt_params *p,
                          FILE *fp, struct cbm_error *err);

/* rpt_write() into the file PATH through cbm_outfile: it appears whole
 * or not at all, and an earlier file at PATH is untouched on failure. */
enum cbm_status rpt_write_file(struct st_db *db, const struct rpt_params *p,
                               const char *path, struct cbm_error *err);

#endif /* CBM_REPORT_H */
