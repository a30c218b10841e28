/* schema.h - internal to store/: the list of migrations. */
#ifndef CBM_STORE_SCHEMA_H
#define CBM_STORE_SCHEMA_H

#include "store.h"

/* Migration i (0-based) takes user_version i to i + 1; *N is their count. */
const char *const *st_schema_migrations(int *n);

#endif
