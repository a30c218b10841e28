/*
 * analysis.h - the figures of DESIGN.md ("Figures"), computed from the
 * store: SQL aggregates inside SQLite, GSL for the statistics.
 *
 * Every figure fills an ana_table: named, typed columns in the order of
 * DESIGN.md "The figures' interface" (more may follow), one row per
 * result.  Reports read the cells directly (ana_col, ana_money, ...); the
 * CLI prints any table as text, CSV or JSON without knowing the figure.
 *
 * Invariants:
 *  - Money is minor units of the table's report currency (t->currency,
 *    t->exponent), each transaction converted with the rate of its own
 *    date and rounded before summing (DESIGN.md "Money and currency").  In
 *    USD the stored cents are summed; in another currency the row's stored
 *    USD rate and the report currency's rate on the row's date are used,
 *    and a missing rate is CBM_EDATA naming currency and date.
 *  - Money cannot overflow: every sum, in SQL (cbm_sum) and here, is a
 *    128-bit cbm_money, and so is a money cell.  One amount is at most
 *    10^15 minor units (import refuses more), so 10,000 of them already
 *    pass int64, yet no figure fails on them; a figure in a weak report
 *    currency converts each amount into 128 bits as well.
 *  - An undefined value (a rate without a budget, a fulfilment without a
 *    pledge) is a cell with defined = false: never 0, never inf.
 */
#ifndef CBM_ANALYSIS_H
#define CBM_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cbm.h"
#include "store.h"

/* What a column holds, which decides how it is printed. */
enum ana_type {
	ANA_INT,    /* a count or a year */
	ANA_TEXT,   /* a code, key or status */
	ANA_MONEY,  /* cbm_money minor units of the report currency */
	ANA_AMOUNT, /* a double in units of the report currency */
	ANA_RATE,   /* a fraction; percent for people */
	ANA_SHARE,  /* a fraction of a scale; percent with two decimals */
	ANA_NUMBER, /* any other real number (slope se, hhi, months) */
	ANA_DATE,   /* days since 1970-01-01 */
};

struct ana_value {
	bool defined;
	cbm_money i;   /* ANA_INT, ANA_MONEY, ANA_DATE: 128 bits for sums */
	double d;      /* ANA_AMOUNT, ANA_RATE, ANA_NUMBER */
	const char *s; /* ANA_TEXT, owned by the table */
};

struct ana_column {
	const char *name; /* static */
	enum ana_type type;
};

/* A result table.  Caller-allocated: ana_table_init / ana_table_release. */
struct ana_table {
	char currency[4]; /* report currency */
	int exponent;     /* its minor-unit digits */
	size_t ncols, nrows;
	struct ana_column *cols;
	struct ana_value *cells; /* nrows x ncols, row-major */
	size_t cap;
	void *strings; /* the table's string pool */
};

void ana_table_init(struct ana_table *t);
void ana_table_release(struct ana_table *t);

/* Index of column NAME, or -1. */
int ana_col(const struct ana_table *t, const char *name);

/* The cell at ROW, COL (asserts both are in range). */
const struct ana_value *ana_cell(const struct ana_table *t, size_t row,
                                 size_t col);

/* ---- parameters ---------------------------------------------------------- */

enum ana_kind { ANA_VOLUNTARY, ANA_EARMARKED, ANA_IN_KIND, ANA_ALL_KINDS };
enum ana_by { ANA_BY_AREA, ANA_BY_DIMENSION, ANA_BY_ORGANIZER };
enum ana_of { ANA_OF_RECEIVED, ANA_OF_COLLECTION_RATE };

struct ana_params {
	int year;           /* 0: every year (or the latest, for curve) */
	int from, to;       /* 0: open */
	char currency[4];   /* report currency; "" is USD */
	enum ana_kind kind; /* basis of contribution figures */
	int32_t as_of;      /* collection --as-of; INT32_MIN when not set */
	enum ana_by by;
	bool with_co_organizers;
	enum ana_of of;
	const char *scale; /* shares: "equal" or a scale's name */
};

/* Defaults: every year, USD, voluntary, no as-of, by area, received,
 * equal shares. */
void ana_params_init(struct ana_params *p);

/* ---- the figures --------------------------------------------------------- */

typedef enum cbm_status (*ana_figure_fn)(struct st_db *db,
                                         const struct ana_params *p,
                                         struct ana_table *out,
                                         struct cbm_error *err);

enum cbm_status ana_collection(struct st_db *db, const struct ana_params *p,
                               struct ana_table *out, struct cbm_error *err);
enum cbm_status ana_contributions(struct st_db *db, const struct ana_params *p,
                                  struct ana_table *out, struct cbm_error *err);
enum cbm_status ana_outstanding(struct st_db *db, const struct ana_params *p,
                                struct ana_table *out, struct cbm_error *err);
enum cbm_status ana_execution(struct st_db *db, const struct ana_params *p,
                              struct ana_table *out, struct cbm_error *err);
enum cbm_status ana_activity(struct st_db *db, const struct ana_params *p,
                             struct ana_table *out, struct cbm_error *err);
enum cbm_status ana_concentration(struct st_db *db, const struct ana_params *p,
                                  struct ana_table *out, struct cbm_error *err);
enum cbm_status ana_trend(struct st_db *db, const struct ana_params *p,
                          struct ana_table *out, struct cbm_error *err);
enum cbm_status ana_shares(struct st_db *db, const struct ana_params *p,
                           struct ana_table *out, struct cbm_error *err);
enum cbm_status ana_secondments(struct st_db *db, const struct ana_params *p,
                                struct ana_table *out, struct cbm_error *err);
enum cbm_status ana_curve(struct st_db *db, const struct ana_params *p,
                          struct ana_table *out, struct cbm_error *err);

/* True when budget year YEAR is still in progress: no contribution in the
 * database was received after its 31 December (late payments of a year
 * arrive in the next one, so any later receipt closes it). */
bool ana_year_in_progress(struct st_db *db, int year);

/* The figures by name, for the command line: NAME, a one-line summary,
 * and the function. */
struct ana_figure {
	const char *name;
	const char *summary;
	ana_figure_fn fn;
};

const struct ana_figure *ana_figures(size_t *n);
const struct ana_figure *ana_figure_find(const char *name);

/* ---- statistics on arrays (exported for tests and reports) --------------- */

/* Concentration of the positive values X[0..n): shares of the top 1, 3
 * and 5, HHI (sum of squared shares) and Gini (sum |xi - xj| / 2 n^2
 * mean).  X is not modified. */
struct ana_concentration {
	double top1, top3, top5, hhi, gini;
};
void ana_concentration_of(const double *x, size_t n,
                          struct ana_concentration *out);

/* Least squares of Y on X (n >= 3) and the forecast at X_NEXT with its
 * 95 % prediction interval, as DESIGN.md defines them. */
struct ana_fit {
	double slope, intercept, slope_se, forecast, lo95, hi95;
};
enum cbm_status ana_fit_forecast(const double *x, const double *y, size_t n,
                                 double x_next, struct ana_fit *out,
                                 struct cbm_error *err);

#endif /* CBM_ANALYSIS_H */
