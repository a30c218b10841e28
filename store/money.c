/*
 * money.c - sums of money in SQL that cannot overflow.
 *
 * SQLite's sum() adds 64-bit integers and fails with "integer overflow"
 * past 9.2 x 10^18: 9,223 amounts at the ceiling of one row
 * (CBM_AMOUNT_MAX, 10^15 cents) are enough.  cbm_sum() adds into 128 bits
 * instead.  Like cbm_convert_wide() (fx.c), it gives an INTEGER whenever
 * the value fits 64 bits, exactly what sum() would give, and otherwise the
 * exact integer as TEXT, which st_column_money() reads back.
 *
 * These functions exist only on connections cbm opens: the documented
 * views keep to SQLite's built-ins, so that any SQLite tool reads them.
 */
#include <stdio.h>
#include <string.h>

#include "store.h"
#include "store_internal.h"

void st_result_money(sqlite3_context *ctx, cbm_money v)
{
	char digits[CBM_MONEY_BUF];

	if (cbm_money_fits64(v)) {
		sqlite3_result_int64(ctx, (sqlite3_int64)v);
		return;
	}
	cbm_money_plain(digits, sizeof(digits), v, 0);
	sqlite3_result_text(ctx, digits, -1, SQLITE_TRANSIENT);
}

/* The value of one argument as money: an INTEGER, or the TEXT of an
 * integer beyond 64 bits.  False for anything else. */
static bool value_money(sqlite3_value *v, cbm_money *out)
{
	switch (sqlite3_value_type(v)) {
	case SQLITE_INTEGER:
		*out = sqlite3_value_int64(v);
		return true;
	case SQLITE_TEXT:
		return cbm_money_parse((const char *)sqlite3_value_text(v),
		                       out);
	default:
		return false;
	}
}

/* The state of one cbm_sum() in SQLite's aggregate context, which is
 * aligned to 8 bytes only: the 128-bit total is kept as bytes and copied
 * in and out, since a cbm_money needs 16. */
struct money_sum {
	unsigned char total[sizeof(cbm_money)];
	bool any; /* a non-NULL value was added */
};

/* cbm_sum(X): NULLs are skipped, as by sum(); anything but an integer in
 * minor units is an error rather than a silent rounding. */
static void sum_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct money_sum *s = sqlite3_aggregate_context(ctx, sizeof(*s));
	cbm_money v = 0, total;

	(void)argc;
	if (!s) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return;
	if (!value_money(argv[0], &v)) {
		sqlite3_result_error(ctx,
		                     "cbm_sum() adds integers (money in minor "
		                     "units)",
		                     -1);
		return;
	}
	memcpy(&total, s->total, sizeof(total));
	if (!cbm_money_add(&total, v)) {
		sqlite3_result_error(ctx, "cbm_sum(): beyond 128 bits", -1);
		return;
	}
	memcpy(s->total, &total, sizeof(total));
	s->any = true;
}

/* NULL when nothing was added, as sum() gives. */
static void sum_final(sqlite3_context *ctx)
{
	struct money_sum *s = sqlite3_aggregate_context(ctx, 0);
	cbm_money total;

	if (!s || !s->any) {
		sqlite3_result_null(ctx);
		return;
	}
	memcpy(&total, s->total, sizeof(total));
	st_result_money(ctx, total);
}

int st_register_money(sqlite3 *sql)
{
	return sqlite3_create_function(sql, "cbm_sum", 1,
	                               SQLITE_UTF8 | SQLITE_DETERMINISTIC |
	                                   SQLITE_INNOCUOUS,
	                               NULL, NULL, sum_step, sum_final);
}

bool st_column_money(sqlite3_stmt *st, int col, cbm_money *out)
{
	*out = 0;
	switch (sqlite3_column_type(st, col)) {
	case SQLITE_INTEGER:
		*out = sqlite3_column_int64(st, col);
		return true;
	case SQLITE_TEXT:
		if (cbm_money_parse((const char *)sqlite3_column_text(st, col),
		                    out))
			return true;
		*out = 0;
		return false;
	default:
		return false;
	}
}
