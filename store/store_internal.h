/* store_internal.h - shared between the files of store/ only. */
#ifndef CBM_STORE_INTERNAL_H
#define CBM_STORE_INTERNAL_H

#include "store.h"

/* Registers cbm's SQL functions (cbm_convert) on a connection. */
int st_register_functions(sqlite3 *sql);

/* The first money row left without an fx rate, as CBM_EDATA. */
enum cbm_status store_check_all_rates(struct st_db *db, struct cbm_error *err);

#endif
