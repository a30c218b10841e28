/*
 * columns.c - the money and rate columns of the documented views
 * (schema.c), for the printers of `cbm query`.
 *
 * The views give money as REAL units (amount * 1.0 / minor_per_unit), so
 * that `WHERE amount > 1000`, `sum(amount_usd)` and `ORDER BY` work as
 * finance staff expect; SQLite then prints 56000.0.  Making the views
 * return text such as '56000.00' would print well and break every
 * comparison (in SQLite a text is greater than any number), so the views
 * stay numbers and this table tells a printer which columns are money and
 * whose currency decides their decimals.  A column keeps its name in
 * every view it appears in, so the name is enough.
 */
#include <string.h>

#include "store.h"

static const struct st_view_column columns[] = {
    /* v_contributions, v_pledges */
    {"amount", ST_COLUMN_MONEY, "currency"},
    {"amount_usd", ST_COLUMN_MONEY, NULL},
    /* v_budget */
    {"approved", ST_COLUMN_MONEY, "currency"},
    {"spent", ST_COLUMN_MONEY, "currency"},
    {"approved_usd", ST_COLUMN_MONEY, NULL},
    {"spent_usd", ST_COLUMN_MONEY, NULL},
    /* v_collection_by_year */
    {"received_usd", ST_COLUMN_MONEY, NULL},
    {"pledged_usd", ST_COLUMN_MONEY, NULL},
    {"collection_rate", ST_COLUMN_RATE, NULL},
};

const struct st_view_column *st_view_columns(size_t *n)
{
	*n = sizeof(columns) / sizeof(columns[0]);
	return columns;
}

const struct st_view_column *st_view_column(const char *name)
{
	for (size_t i = 0; name && i < sizeof(columns) / sizeof(columns[0]);
	     i++)
		if (strcmp(columns[i].name, name) == 0)
			return &columns[i];
	return NULL;
}
