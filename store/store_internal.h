/* store_internal.h - shared between the files of store/ only. */
#ifndef CBM_STORE_INTERNAL_H
#define CBM_STORE_INTERNAL_H

#include "store.h"

/* Registers cbm's SQL functions (cbm_convert, cbm_convert_wide, cbm_rate,
 * cbm_sum) on a connection. */
int st_register_functions(sqlite3 *sql);

/* Registers cbm_sum() (money.c). */
int st_register_money(sqlite3 *sql);

/* Sets the result of an SQL function to money V: an INTEGER when it fits
 * 64 bits, else its exact digits as TEXT (read by st_column_money). */
void st_result_money(sqlite3_context *ctx, cbm_money v);

/* The first money row left without an fx rate, as CBM_EDATA. */
enum cbm_status store_check_all_rates(struct st_db *db, struct cbm_error *err);

#endif
