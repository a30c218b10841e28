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
	ANA_NUMBER, /* any other real number (slope se, months) */
	ANA_DATE,   /* days since 1970-01-01 */
	ANA_INDEX,  /* a unitless index from 0 to 1 (HHI, Gini): three
	             * decimals for people */
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

/* Makes DST (not initialised) a copy of SRC that owns its own cells and
 * strings: ana_table_release(DST) is the caller's. */
void ana_table_copy(struct ana_table *dst, const struct ana_table *src);

/* Index of column NAME, or -1. */
int ana_col(const struct ana_table *t, const char *name);

/* The cell at ROW, COL (asserts both are in range). */
const struct ana_value *ana_cell(const struct ana_table *t, size_t row,
                                 size_t col);

/* ---- parameters ---------------------------------------------------------- */

enum ana_kind { ANA_VOLUNTARY, ANA_EARMARKED, ANA_IN_KIND, ANA_ALL_KINDS };
enum ana_by {
	ANA_BY_AREA,
	ANA_BY_DIMENSION,
	ANA_BY_ORGANIZER,
	ANA_BY_FORMAT, /* in-person, virtual, hybrid, unknown */
	ANA_BY_VENUE,  /* as the plan writes it; unknown when not given */
};
enum ana_of { ANA_OF_RECEIVED, ANA_OF_COLLECTION_RATE };

/* The names of the values above as options and URLs spell them, in enum
 * order and ending with NULL: ana_by_names[ANA_BY_VENUE] is "venue". */
extern const char *const ana_kind_names[];
extern const char *const ana_by_names[];
extern const char *const ana_of_names[];

struct ana_names;

struct ana_params {
	int year;           /* 0: every year (or the latest, for curve) */
	int from, to;       /* 0: open */
	char currency[4];   /* report currency; "" is USD */
	enum ana_kind kind; /* basis of contribution figures */
	int32_t as_of;      /* collection, forecast, outstanding: as of this
	                     * day; INT32_MIN when not set */
	enum ana_by by;
	bool with_co_organizers;
	enum ana_of of;
	const char *scale; /* shares: "equal" or a scale's name */
	const char *state; /* events, state years: one state's code */
	/* The names of states, when the caller loaded them already (a
	 * report does once); NULL: a figure that needs them loads them. */
	const struct ana_names *names;
	/* Sums figures share, when the caller computes several on one
	 * unchanged database (a report does); NULL: none kept. */
	struct ana_memo *memo;
};

/* The sums several figures read alike (the receipts day by day of the
 * curve and the in-year forecast), kept for as long as the caller keeps
 * the memo: made before the first figure, freed after the last, and only
 * while the database does not change. */
struct ana_memo;
struct ana_memo *ana_memo_new(void);
void ana_memo_free(struct ana_memo *m);

/* Defaults: every year, USD, voluntary, no as-of, by area, received,
 * equal shares, no state. */
void ana_params_init(struct ana_params *p);

/* ---- the columns of the figures ------------------------------------------
 *
 * Each figure's columns in order, so that a reader of a table names the
 * column it means (ana_cell(t, r, ANA_COLLECTION_RATE)) rather than
 * counting.  Figures by state end with the state's English name. */

enum ana_collection_col {
	ANA_COLLECTION_YEAR,
	ANA_COLLECTION_APPROVED,
	ANA_COLLECTION_RECEIVED,
	ANA_COLLECTION_RATE,
	ANA_COLLECTION_PLEDGED,
	ANA_COLLECTION_FULFILMENT,
	ANA_COLLECTION_AS_OF, /* only with an as-of day */
};

enum ana_contributions_col {
	ANA_CONTRIB_YEAR,
	ANA_CONTRIB_STATE,
	ANA_CONTRIB_RECEIVED,
	ANA_CONTRIB_SHARE,
	ANA_CONTRIB_NAME,
};

enum ana_outstanding_col {
	ANA_OUTSTANDING_YEAR,
	ANA_OUTSTANDING_STATE,
	ANA_OUTSTANDING_PLEDGED,
	ANA_OUTSTANDING_RECEIVED,
	ANA_OUTSTANDING_OUTSTANDING,
	ANA_OUTSTANDING_STATUS, /* paid in full, in part, nothing, no pledge,
	                         * none */
	ANA_OUTSTANDING_NAME,
};

enum ana_execution_col {
	ANA_EXECUTION_YEAR,
	ANA_EXECUTION_LINE, /* "total" for the year's total row */
	ANA_EXECUTION_APPROVED,
	ANA_EXECUTION_SPENT,
	ANA_EXECUTION_RATE,
	ANA_EXECUTION_REMAINING,
	ANA_EXECUTION_TITLE,
	ANA_EXECUTION_TITLE_RU, /* undefined when the file gave none */
	ANA_EXECUTION_TITLE_KK,
	ANA_EXECUTION_STATUS, /* approved or draft */
};

enum ana_activity_col {
	ANA_ACTIVITY_YEAR,
	ANA_ACTIVITY_KEY,
	ANA_ACTIVITY_PLANNED,
	ANA_ACTIVITY_HELD,
	ANA_ACTIVITY_POSTPONED,
	ANA_ACTIVITY_CANCELLED,
	ANA_ACTIVITY_RATE,
	ANA_ACTIVITY_PENDING,
	ANA_ACTIVITY_NAME,
};

/* Per year, area and serving state; role is coordinator, co-coordinator
 * or vacant (no coordinator serves: state, organised, held and name are
 * undefined).  organised counts the year's events the state organised in
 * that area, held those of them held. */
enum ana_coordinators_col {
	ANA_COORD_YEAR,
	ANA_COORD_DIMENSION,
	ANA_COORD_AREA,
	ANA_COORD_ROLE,
	ANA_COORD_STATE,
	ANA_COORD_ORGANISED,
	ANA_COORD_HELD,
	ANA_COORD_AREA_NAME, /* the area's English name */
	ANA_COORD_NAME,      /* the state's English name */
};

enum ana_concentration_col {
	ANA_CONCENTRATION_YEAR,
	ANA_CONCENTRATION_CONTRIBUTORS,
	ANA_CONCENTRATION_TOP1,
	ANA_CONCENTRATION_TOP3,
	ANA_CONCENTRATION_TOP5,
	ANA_CONCENTRATION_HHI,
	ANA_CONCENTRATION_GINI,
};

enum ana_trend_col {
	ANA_TREND_NEXT_YEAR,
	ANA_TREND_SLOPE,
	ANA_TREND_INTERCEPT,
	ANA_TREND_SLOPE_SE,
	ANA_TREND_FORECAST,
	ANA_TREND_LO95,
	ANA_TREND_HI95,
	ANA_TREND_CAGR,
	ANA_TREND_FROM,
	ANA_TREND_TO,
	ANA_TREND_YEARS,
};

enum ana_shares_col {
	ANA_SHARES_YEAR,
	ANA_SHARES_STATE,
	ANA_SHARES_SHARE,
	ANA_SHARES_DUE,
	ANA_SHARES_RECEIVED,
	ANA_SHARES_DIFFERENCE,
	ANA_SHARES_BUDGET, /* approved, or draft when the year has no approved
	                    * budget yet */
	ANA_SHARES_NAME,
};

enum ana_secondments_col {
	ANA_SECONDMENTS_YEAR,
	ANA_SECONDMENTS_STATE,
	ANA_SECONDMENTS_PERSON_MONTHS,
	ANA_SECONDMENTS_NAME,
};

enum ana_curve_col {
	ANA_CURVE_YEAR,
	ANA_CURVE_DAY,
	ANA_CURVE_CUMULATIVE,
	ANA_CURVE_RATE,
	ANA_CURVE_MEAN,
	ANA_CURVE_MIN,
	ANA_CURVE_MAX,
	ANA_CURVE_EVEN,
	ANA_CURVE_DATE,
	ANA_CURVE_EARLIER_YEARS,
};

enum ana_forecast_col {
	ANA_FORECAST_YEAR,
	ANA_FORECAST_AS_OF,
	ANA_FORECAST_RATE,     /* rate(Y, D) */
	ANA_FORECAST_FORECAST, /* rate(Y, D) + mean gain: by 31 December */
	ANA_FORECAST_LOW,
	ANA_FORECAST_HIGH,
	ANA_FORECAST_YEARS, /* earlier years behind the gains; 0: none */
};

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
/* The coordinators of each area in P's plan years (and P->year), with
 * the vacant areas: see coordinators.c. */
enum cbm_status ana_coordinators(struct st_db *db, const struct ana_params *p,
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
/* The in-year forecast of the collection rate of year Y (P->year, else
 * the latest approved year) from where it stands on day D (P->as_of,
 * else the last receipt for Y): one row, see docs/figures.md.  D outside
 * the calendar year Y, or Y without an approved budget, is CBM_EDATA. */
enum cbm_status ana_forecast(struct st_db *db, const struct ana_params *p,
                             struct ana_table *out, struct cbm_error *err);

/* ---- what reports need beyond the figures -------------------------------- */

/* True in *OPEN when budget year YEAR is still in progress: no
 * contribution in the database was received after its 31 December (late
 * payments of a year arrive in the next one, so any later receipt closes
 * it).  On failure *OPEN is true, the cautious answer. */
enum cbm_status ana_year_in_progress(struct st_db *db, int year, bool *open,
                                     struct cbm_error *err);

/* The latest year with an approved budget into *YEAR (0: none); with
 * FINISHED, the one before it while it is still in progress. */
enum cbm_status ana_latest_year(struct st_db *db, bool finished, int *year,
                                struct cbm_error *err);

/* True in *HAS when YEAR has a budget, contributions or a plan. */
enum cbm_status ana_year_has_data(struct st_db *db, int year, bool *has,
                                  struct cbm_error *err);

/* The day of the last receipt for budget year YEAR on P's basis, in
 * *DAY; *FOUND is false when there is none. */
enum cbm_status ana_last_receipt(struct st_db *db, const struct ana_params *p,
                                 int year, int32_t *day, bool *found,
                                 struct cbm_error *err);

enum ana_sources_col {
	ANA_SOURCES_BATCH,
	ANA_SOURCES_KIND,
	ANA_SOURCES_FILE,
	ANA_SOURCES_ROWS,
	ANA_SOURCES_LOADED, /* the day it was loaded (UTC) */
	ANA_SOURCES_SHA256,
};

/* The import batches behind the figures, oldest first. */
enum cbm_status ana_sources(struct st_db *db, struct ana_table *out,
                            struct cbm_error *err);

enum ana_events_col {
	ANA_EVENTS_YEAR,
	ANA_EVENTS_ITEM,
	ANA_EVENTS_TITLE,
	ANA_EVENTS_TITLE_RU, /* undefined when the plan gave none */
	ANA_EVENTS_TITLE_KK,
	ANA_EVENTS_AREA,
	ANA_EVENTS_ORGANIZERS,    /* codes separated by '|' */
	ANA_EVENTS_CO_ORGANIZERS, /* codes separated by '|', or undefined */
	ANA_EVENTS_STATUS,
	ANA_EVENTS_ROLE,  /* with P->state: organizer or co-organizer */
	ANA_EVENTS_START, /* ANA_DATE, undefined when the plan gave none */
	ANA_EVENTS_END,
	ANA_EVENTS_ADDED_ON,     /* ANA_DATE: added after the plan's adoption;
	                          * undefined for an item adopted with it */
	ANA_EVENTS_REQUESTED_BY, /* codes separated by '|', or undefined */
};

/* The events of the plans of P's years in the order of the plan; with
 * P->state, only those it organised or co-organised, with its role (an
 * organizer listed as co-organizer too is an organizer).  An item with
 * an added_on day was added after the plan's adoption (docs/figures.md). */
enum cbm_status ana_events(struct st_db *db, const struct ana_params *p,
                           struct ana_table *out, struct cbm_error *err);

enum ana_state_years_col {
	ANA_STATE_YEARS_YEAR,
	ANA_STATE_YEARS_RECEIVED,     /* P->state's voluntary contributions */
	ANA_STATE_YEARS_MEDIAN,       /* members' median, see below */
	ANA_STATE_YEARS_CONTRIBUTORS, /* members behind the median */
};

/* Per year of P's span with voluntary contributions: P->state's total and
 * the median of the totals of the member states that made a voluntary
 * contribution that year (DESIGN.md "Figures and reports"). */
enum cbm_status ana_state_years(struct st_db *db, const struct ana_params *p,
                                struct ana_table *out, struct cbm_error *err);

/* The organisation behind the reports: the latest batch of the
 * organization kind.  Strings and bytes belong to the struct:
 * ana_org_release() frees them. */
struct ana_org {
	bool found;
	char *name[3], *short_name[3],
	    *signatory[3];     /* by enum cbm_lang;
	                        * signatory may be NULL */
	unsigned char *emblem; /* PNG bytes, or NULL */
	size_t emblem_len;
};
enum cbm_status ana_organization(struct st_db *db, struct ana_org *out,
                                 struct cbm_error *err);
void ana_org_release(struct ana_org *org);

/* ---- names of states and areas --------------------------------------------
 *
 * Loaded once from the database for whoever names states or areas: the
 * figures' "name" column, the reports and the charts. */

/* Loads every state (names, status, year joined) and area.  The caller
 * owns *OUT (ana_names_close; ana_names_close(NULL) does nothing). */
enum cbm_status ana_names_open(struct ana_names **out, struct st_db *db,
                               struct cbm_error *err);
void ana_names_close(struct ana_names *names);

/* The name of state or area CODE in LANG (English when the file gave
 * none); owned by NAMES, or CODE itself (the caller's) when unknown. */
const char *ana_state_name(const struct ana_names *names, const char *code,
                           enum cbm_lang lang);
const char *ana_area_name(const struct ana_names *names, const char *code,
                          enum cbm_lang lang);

/* True when CODE is a loaded state; its year joined in *JOINED (0 when
 * unknown) and whether it is a member. */
bool ana_state_info(const struct ana_names *names, const char *code,
                    int *joined, bool *member);

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
