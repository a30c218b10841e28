/*
 * analysis_internal.h - shared by the files of analysis/ only: building
 * result tables, statements with bound values, money in the report
 * currency as SQL, and the small aggregates every figure needs.
 */
#ifndef CBM_ANALYSIS_INTERNAL_H
#define CBM_ANALYSIS_INTERNAL_H

#include <glib.h>

#include "analysis.h"

/* ---- building tables ----------------------------------------------------- */

/* Sets the columns of an empty table and its report currency. */
void ana_tb_columns(struct ana_table *t, const struct ana_column *cols,
                    size_t n, const char *currency);
/* Appends a row of undefined cells; returns its index. */
size_t ana_tb_row(struct ana_table *t);
void ana_tb_int(struct ana_table *t, size_t row, size_t col, int64_t v);
void ana_tb_money(struct ana_table *t, size_t row, size_t col, cbm_money v);
void ana_tb_double(struct ana_table *t, size_t row, size_t col, double v);
void ana_tb_text(struct ana_table *t, size_t row, size_t col, const char *s);

/* Appends a column "name" with the English name of each row's "state"
 * (when the table has one), for people reading codes.  Uses P's names
 * when the caller loaded them, else loads them once for this table. */
enum cbm_status ana_tb_add_state_names(struct st_db *db,
                                       const struct ana_params *p,
                                       struct ana_table *t,
                                       struct cbm_error *err);

/* ---- statements ---------------------------------------------------------- */

/* Prepares SQL into *ST and, when P is not NULL, binds the named
 * parameters of the scope it uses (ana_bind_scope).  On failure *ST is
 * NULL and ERR says why. */
enum cbm_status ana_prepare(struct st_db *db, const char *sql,
                            const struct ana_params *p, const char *cur,
                            sqlite3_stmt **st, struct cbm_error *err);

/* Binds the parameters every figure shares, those ST has:
 *   :cur          the report currency CUR
 *   :from :to     P's years (P->year for both; open ends 0 and 9999)
 *   :year         P->year
 *   :k1 :k2 :k3   the contribution kinds of P, for "kind IN (...)"
 *   :co           P->with_co_organizers
 *   :asof         P->as_of as an ISO date, when set
 *   :state        P->state, :scale P->scale, when set */
void ana_bind_scope(sqlite3_stmt *st, const struct ana_params *p,
                    const char *cur);

/* Binds the named parameter NAME of ST, when ST has it. */
void ana_bind_int(sqlite3_stmt *st, const char *name, int64_t v);
void ana_bind_text(sqlite3_stmt *st, const char *name, const char *v);

/* Steps ST to its end calling FN for every row, then finalizes it; an
 * SQLite failure is the status. */
enum cbm_status ana_each_row(struct st_db *db, sqlite3_stmt *st,
                             void (*fn)(void *data, sqlite3_stmt *st),
                             void *data, struct cbm_error *err);

/* ana_prepare() and ana_each_row() in one. */
enum cbm_status ana_run(struct st_db *db, const char *sql,
                        const struct ana_params *p, const char *cur,
                        void (*fn)(void *data, sqlite3_stmt *st), void *data,
                        struct cbm_error *err);

/* ---- money in the report currency ---------------------------------------- */

/* The report currency of P ("USD" when unset), validated. */
enum cbm_status ana_currency(const struct ana_params *p, char cur[4],
                             struct cbm_error *err);

/* An SQL expression for a money column in minor units of the report
 * currency: the stored US cents (USD_COL) when USD, otherwise
 * cbm_convert_wide() of AMOUNT_COL with the row's rate and the rate of
 * :cur on DATE_EXPR, which may pass 64 bits (read it with
 * st_column_money, sum it with cbm_sum).  Columns are qualified with
 * ALIAS; every argument is a constant of the caller's code, never a
 * value.  Caller frees with g_free(). */
char *ana_money_sql(const char *alias, const char *amount_col,
                    const char *usd_col, const char *date_expr, bool usd);

/* Checks that CUR has a rate on or before every DATE_EXPR of the rows of
 * TABLE matching WHERE (both with P's scope bound); CBM_EDATA naming
 * currency and date otherwise. */
enum cbm_status ana_require_rates(struct st_db *db, const struct ana_params *p,
                                  const char *cur, const char *table,
                                  const char *date_expr, const char *where,
                                  struct cbm_error *err);
/* The same for the receipts of contributions c matching WHERE, on their
 * day received_on, read from an index. */
enum cbm_status ana_require_receipt_rates(struct st_db *db,
                                          const struct ana_params *p,
                                          const char *cur, const char *where,
                                          struct cbm_error *err);

/* True when YEAR is within P's year, or from..to. */
bool ana_year_in(const struct ana_params *p, int year);

/* ---- small aggregates ---------------------------------------------------- */

/* One (year, state, value) of an aggregate; state is "" when not grouped. */
struct ana_sum {
	int year;
	char state[4];
	cbm_money value; /* money (a cbm_sum) or another integer */
	double real;     /* for non-money aggregates */
};

/* Runs SQL (with P's scope bound) returning (year, state, value) rows and
 * appends them to OUT (GArray of struct ana_sum).  Integer values, 64-bit
 * or the digits cbm_sum() gives beyond, go to value; every value also goes
 * to real. */
enum cbm_status ana_sums(struct st_db *db, const char *sql,
                         const struct ana_params *p, const char *cur,
                         GArray *out, struct cbm_error *err);

/* The approved budget per year in minor units of CUR (years with approved
 * budget lines only), ordered by year.  A draft is not an approved
 * budget: ana_drafts() gives the draft years alike. */
enum cbm_status ana_approved(struct st_db *db, const char *cur, GArray *out,
                             struct cbm_error *err);
enum cbm_status ana_drafts(struct st_db *db, const char *cur, GArray *out,
                           struct cbm_error *err);

/* Received per (budget year, state) on P's basis, in CUR, ordered by
 * year and state.  With an as-of month and day MD (month x 100 + day; 0
 * for none), counts only what arrived by that calendar day of each
 * budget year. */
enum cbm_status ana_received_sums(struct st_db *db, const struct ana_params *p,
                                  const char *cur, int md, GArray *out,
                                  struct cbm_error *err);

/* The sums of SUMS (ordered by year) per year, appended to OUT in one
 * pass; 128 bits, so that many sums at the ceiling add up exactly. */
void ana_year_totals(GArray *sums, GArray *out);

/* A hash from year to the entry of SUMS (a year-only array: one entry a
 * year); valid while SUMS is.  Caller frees with g_hash_table_destroy. */
GHashTable *ana_sums_by_year(GArray *sums);
const struct ana_sum *ana_sum_of(GHashTable *by_year, int year);

/* The date of month and day MD (month x 100 + day) in YEAR; 29 February
 * becomes 28 February in a common year. */
int32_t ana_same_day_in(int year, int md);

/* ---- receipts day by day ------------------------------------------------ */

/* The cumulative receipts on P's basis, in CUR, of every budget year up
 * to LAST at the end of each day of its calendar year (receipts before 1
 * January on day 1, after 31 December not at all).  The caller owns *OUT
 * (ana_days_free; NULL is a no-op). */
struct ana_days;

/* What a memo keeps (analysis.h). */
struct ana_memo {
	GHashTable *days; /* "cur basis last" -> struct ana_days * */
	GHashTable *sums; /* a name of its own -> GArray of struct ana_sum */
};

/* The sums kept in P->memo under KEY, appended to OUT: false when there
 * is no memo or nothing kept under KEY yet. */
bool ana_memo_sums(const struct ana_params *p, const char *key, GArray *out);
/* Keeps a copy of SUMS in P->memo under KEY (nothing without a memo). */
void ana_memo_keep_sums(const struct ana_params *p, const char *key,
                        const GArray *sums);

/* With P->memo the days are loaded once for every (CUR, basis, LAST)
 * and shared; ana_days_free() is still called for each load. */
enum cbm_status ana_days_load(struct st_db *db, const struct ana_params *p,
                              const char *cur, int last, struct ana_days **out,
                              struct cbm_error *err);
void ana_days_free(struct ana_days *days);

/* The 367 running sums of YEAR (index: day 1..366; [0] is 0), zeros for
 * a year without receipts; owned by DAYS. */
const cbm_money *ana_days_of(const struct ana_days *days, int year);
bool ana_days_has(const struct ana_days *days, int year);

/* 365 or 366. */
int ana_days_in(int year);

/* ---- pledges against receipts -------------------------------------------- */

/* One (budget year, state) of pledges and receipts in the report
 * currency, compared as DESIGN.md says: in the pledge's own currency
 * when the pledges and the payments of that state and year are all in
 * it, else in the report currency. */
struct ana_pledge_row {
	int year;
	char state[4];
	bool has_pledge;
	cbm_money pledged, received, outstanding, kept; /* kept: received
	                                                 * within the pledge */
	const char *status; /* "paid in full", "in part", "nothing",
	                     * "no pledge", "none" */
};

/* How receipts are cut off. */
enum ana_cut {
	ANA_CUT_NONE,     /* every receipt */
	ANA_CUT_SAME_DAY, /* by the as-of calendar day of each budget year */
	ANA_CUT_DATE,     /* received on or before P->as_of */
};

/* The pledge rows of P's years, ordered by year and state: every state
 * that pledged or paid; with ROLL, also every member state that had
 * joined (or whose year is unknown) in each year with an approved budget
 * or pledges, and receipts only in those years.  Appends to OUT (GArray
 * of struct ana_pledge_row). */
enum cbm_status ana_pledge_rows(struct st_db *db, const struct ana_params *p,
                                const char *cur, enum ana_cut cut, bool roll,
                                GArray *out, struct cbm_error *err);

#endif
