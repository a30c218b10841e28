/*
 * analysis_internal.h - shared by the files of analysis/ only: building
 * result tables, money in the report currency as SQL, and running the
 * small aggregate queries every figure needs.
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
 * (when the table has one), for people reading codes. */
enum cbm_status ana_tb_add_state_names(struct st_db *db, struct ana_table *t,
                                       struct cbm_error *err);

/* ---- money in the report currency ---------------------------------------- */

/* The report currency of P ("USD" when unset), validated. */
enum cbm_status ana_currency(const struct ana_params *p, char cur[4],
                             struct cbm_error *err);

/* An SQL expression for a money column in minor units of CUR: the stored
 * US cents (USD_COL) in USD, otherwise cbm_convert_wide() of AMOUNT_COL
 * with the row's rate and CUR's rate on DATE_EXPR, which may pass 64 bits
 * (read it with st_column_money, sum it with cbm_sum).  Columns are
 * qualified with ALIAS.  Caller frees with g_free(). */
char *ana_money_sql(const char *alias, const char *amount_col,
                    const char *usd_col, const char *date_expr,
                    const char *cur);

/* Checks that CUR has a rate on or before every DATE_EXPR of the rows of
 * TABLE matching WHERE; CBM_EDATA naming currency and date otherwise. */
enum cbm_status ana_require_rates(struct st_db *db, const char *cur,
                                  const char *table, const char *date_expr,
                                  const char *where, struct cbm_error *err);

/* SQL condition on the contribution kind of P (e.g. "kind = 'voluntary'"). */
const char *ana_kind_sql(const struct ana_params *p);

/* True when YEAR is within P's year, or from..to. */
bool ana_year_in(const struct ana_params *p, int year);

/* SQL condition on a year column from P's year/from/to; caller frees. */
char *ana_years_sql(const struct ana_params *p, const char *column);

/* ---- small aggregates ---------------------------------------------------- */

/* One (year, state, value) of an aggregate; state is "" when not grouped. */
struct ana_sum {
	int year;
	char state[4];
	cbm_money value; /* money (a cbm_sum) or another integer */
	double real;     /* for non-money aggregates */
};

/* Runs SQL returning (year, state, value) rows ordered by year, state, and
 * appends them to OUT (GArray of struct ana_sum).  Integer values, 64-bit
 * or the digits cbm_sum() gives beyond, go to value; every value also goes
 * to real. */
enum cbm_status ana_sums(struct st_db *db, const char *sql, GArray *out,
                         struct cbm_error *err);

/* Approved budget per year in minor units of CUR (years with budget lines
 * only), ordered by year. */
enum cbm_status ana_approved(struct st_db *db, const struct ana_params *p,
                             const char *cur, GArray *out,
                             struct cbm_error *err);

/* Received per (budget year, state) on P's basis, in CUR, ordered.  With
 * an as-of month and day MD (month x 100 + day; 0 for none), counts only
 * what arrived by that calendar day of each budget year. */
enum cbm_status ana_received_sums(struct st_db *db, const struct ana_params *p,
                                  const char *cur, int md, GArray *out,
                                  struct cbm_error *err);

/* The entry for (YEAR, STATE) of a sums array, or NULL. */
const struct ana_sum *ana_sum_find(GArray *sums, int year, const char *state);

/* The sum of the values of YEAR over all states, in 128 bits. */
cbm_money ana_sum_total(GArray *sums, int year);

/* The value for YEAR in a year-only sums array, or false. */
bool ana_sum_of_year(GArray *sums, int year, cbm_money *value);

#endif
