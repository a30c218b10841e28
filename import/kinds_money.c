/*
 * kinds_money.c - the money kinds (contributions, pledges, budget lines,
 * fx rates) and the two small ones that hang off states (secondments,
 * contribution scales).
 *
 * A money row is stored in minor units of its currency together with the
 * USD rate of its date and its amount in US cents (see store/fx.c); a row
 * in a currency with no rate on or before its date is refused here.
 */
#include <math.h>
#include <string.h>

#include "import_internal.h"
#include "kinds.h"

/* Records CUR in the store's currency table once per import. */
static void note_currency(struct imp_ctx *ctx, const char *cur)
{
	if (!ctx->currencies)
		ctx->currencies = g_hash_table_new_full(g_str_hash, g_str_equal,
		                                        g_free, NULL);
	if (g_hash_table_contains(ctx->currencies, cur))
		return;
	g_hash_table_add(ctx->currencies, g_strdup(cur));
	if (st_currency_note(ctx->db, cur, ctx->err) != CBM_OK)
		ctx->fatal = CBM_EINTERNAL;
}

/* The amount in US cents, as the store keeps it beside the amount.  An
 * amount within CBM_AMOUNT_MAX may still be worth too much at an absurd
 * rate (a million dollars per unit): that row is refused here, not left
 * to fail a figure later. */
static int64_t to_usd_cents(struct imp_ctx *ctx, int64_t minor, const char *cur,
                            double rate, int col)
{
	int64_t cents = 0;

	if (!cbm_money_convert(minor, cbm_currency_exponent(cur), rate, 2, 1.0,
	                       &cents))
		imp_ctx_error(
		    ctx, col, imp_ctx_text(ctx, col),
		    "amount too large to convert: at %.10g USD per %s "
		    "it is worth 90 trillion US dollars or more; check "
		    "the fx rates",
		    rate, cur);
	return cents;
}

/* True when rows of this kind from other batches exist, so that a
 * re-exported file can be caught; a first load skips the per-row check. */
static enum cbm_status other_batches(struct imp_ctx *ctx, const char *table)
{
	char *sql =
	    sqlite3_mprintf("SELECT 1 FROM %s WHERE batch_id <> %lld LIMIT 1",
	                    table, (long long)ctx->batch_id);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(ctx->sql, sql, -1, &st, NULL);

	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return ctx->fatal =
		           st_sql_error(ctx->db, "cannot read", ctx->err);
	rc = sqlite3_step(st);
	/* Unreadable: check every row, the cautious way. */
	ctx->check_duplicates = rc != SQLITE_DONE;
	sqlite3_finalize(st);
	return CBM_OK;
}

static void duplicate_of(struct imp_ctx *ctx, int col, sqlite3_stmt *lookup,
                         const char *what)
{
	int64_t batch = imp_ctx_lookup(ctx, lookup);

	if (batch)
		imp_ctx_already(ctx, col, NULL, what, batch);
}

/* ---- contributions ------------------------------------------------------- */

enum {
	K_STATE,
	K_RECEIVED,
	K_AMOUNT,
	K_CURRENCY,
	K_YEAR,
	K_KIND,
	K_REF,
	K_NOTE
};

static const char *const contribution_kinds[] = {"voluntary", "earmarked",
                                                 "in-kind", NULL};

static enum cbm_status load_joined(struct imp_ctx *ctx)
{
	sqlite3_stmt *st = NULL;
	int step;

	ctx->joined =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	if (sqlite3_prepare_v2(ctx->sql,
	                       "SELECT code, joined FROM states"
	                       " WHERE joined IS NOT NULL",
	                       -1, &st, NULL) != SQLITE_OK)
		return ctx->fatal = st_sql_error(ctx->db, "cannot read states",
		                                 ctx->err);
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		g_hash_table_insert(
		    ctx->joined,
		    g_strdup((const char *)sqlite3_column_text(st, 0)),
		    GINT_TO_POINTER(sqlite3_column_int(st, 1)));
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return ctx->fatal = st_sql_error(ctx->db, "cannot read states",
		                                 ctx->err);
	return CBM_OK;
}

enum cbm_status imp_kind_contributions_begin(struct imp_ctx *ctx)
{
	enum cbm_status rc;

	rc = imp_ctx_prepare(
	    ctx, 0,
	    "INSERT INTO contributions (state, received_on,"
	    " budget_year, amount, currency, kind, reference, note,"
	    " usd_per_unit, amount_usd, batch_id)"
	    " VALUES (?,?,?,?,?,?,?,?,?,?,?)");
	if (rc == CBM_OK)
		rc = imp_ctx_prepare(
		    ctx, 1,
		    "SELECT batch_id FROM contributions WHERE"
		    " state = ? AND received_on = ? AND amount = ?"
		    " AND currency = ? AND kind = ?"
		    " AND batch_id <> ? LIMIT 1");
	if (rc == CBM_OK)
		rc = other_batches(ctx, "contributions");
	if (rc == CBM_OK)
		rc = load_joined(ctx);
	return rc;
}

static void check_joined(struct imp_ctx *ctx, const char *state, int year)
{
	int joined = GPOINTER_TO_INT(g_hash_table_lookup(ctx->joined, state));

	if (joined && year < joined)
		imp_ctx_warning(ctx, K_STATE, imp_ctx_text(ctx, K_STATE),
		                "contribution for %d, before %s joined in %d",
		                year, state, joined);
}

void imp_kind_contributions_row(struct imp_ctx *ctx)
{
	const char *state = NULL, *ref, *note;
	char cur[4] = "", date[11];
	int32_t received = 0;
	int64_t amount = 0, cents;
	int year = 0, kind = 0, y, m, d;
	double rate = 1.0;

	imp_ctx_get_state(ctx, K_STATE, &state);
	bool dated = imp_ctx_get_date(ctx, K_RECEIVED, true, &received, NULL);
	bool priced = imp_ctx_get_currency(ctx, K_CURRENCY, cur);
	imp_ctx_get_amount(ctx, K_AMOUNT, true, cur, true, &amount, NULL);
	cbm_civil_from_days(received, &y, &m, &d);
	year = dated ? y : 0;
	imp_ctx_get_year(ctx, K_YEAR, false, &year);
	imp_ctx_get_enum(ctx, K_KIND, contribution_kinds, 0, &kind);
	imp_ctx_get_text(ctx, K_REF, false, false, &ref);
	imp_ctx_get_text(ctx, K_NOTE, false, true, &note);
	if (dated && priced)
		imp_ctx_get_rate(ctx, K_CURRENCY, cur, received, &rate);
	if (state && year)
		check_joined(ctx, state, year);
	if (!imp_ctx_row_ok(ctx))
		return;
	cbm_date_iso(received, date);
	if (ctx->check_duplicates) {
		sqlite3_stmt *q = ctx->stmt[1];
		sqlite3_bind_text(q, 1, state, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 2, date, -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 3, amount);
		sqlite3_bind_text(q, 4, cur, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 5, contribution_kinds[kind], -1,
		                  SQLITE_STATIC);
		sqlite3_bind_int64(q, 6, ctx->batch_id);
		duplicate_of(ctx, K_AMOUNT, q,
		             "the same contribution (state, date, amount, "
		             "currency)");
	}
	cents = to_usd_cents(ctx, amount, cur, rate, K_AMOUNT);
	if (imp_ctx_row_ok(ctx) && ctx->writing) {
		sqlite3_stmt *st = ctx->stmt[0];
		note_currency(ctx, cur);
		sqlite3_bind_text(st, 1, state, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, year);
		sqlite3_bind_int64(st, 4, amount);
		sqlite3_bind_text(st, 5, cur, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, contribution_kinds[kind], -1,
		                  SQLITE_STATIC);
		sqlite3_bind_text(st, 7, ref, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, note, -1, SQLITE_STATIC);
		sqlite3_bind_double(st, 9, rate);
		sqlite3_bind_int64(st, 10, cents);
		sqlite3_bind_int64(st, 11, ctx->batch_id);
		imp_ctx_step(ctx, st);
	}
	if (imp_ctx_row_ok(ctx))
		imp_ctx_count(ctx, 0, 1);
}

/* ---- pledges ------------------------------------------------------------- */

enum { G_STATE, G_YEAR, G_AMOUNT, G_CURRENCY, G_PLEDGED_ON, G_NOTE };

enum cbm_status imp_kind_pledges_begin(struct imp_ctx *ctx)
{
	enum cbm_status rc;

	rc = imp_ctx_prepare(
	    ctx, 0,
	    "INSERT INTO pledges (state, budget_year, amount,"
	    " currency, pledged_on, rate_date, note, usd_per_unit,"
	    " amount_usd, batch_id) VALUES (?,?,?,?,?,?,?,?,?,?)");
	if (rc == CBM_OK)
		rc = imp_ctx_prepare(
		    ctx, 1,
		    "SELECT batch_id FROM pledges WHERE state = ?"
		    " AND budget_year = ? AND amount = ?"
		    " AND currency = ? AND batch_id <> ? LIMIT 1");
	if (rc == CBM_OK)
		rc = other_batches(ctx, "pledges");
	return rc;
}

void imp_kind_pledges_row(struct imp_ctx *ctx)
{
	const char *state = NULL, *note;
	char cur[4] = "", pledged_iso[11], rate_iso[11];
	int year = 0;
	int32_t pledged = 0, rate_day;
	bool has_date = false;
	int64_t amount = 0, cents;
	double rate = 1.0;

	imp_ctx_get_state(ctx, G_STATE, &state);
	bool yearly = imp_ctx_get_year(ctx, G_YEAR, true, &year);
	bool priced = imp_ctx_get_currency(ctx, G_CURRENCY, cur);
	imp_ctx_get_amount(ctx, G_AMOUNT, true, cur, true, &amount, NULL);
	bool dated =
	    imp_ctx_get_date(ctx, G_PLEDGED_ON, false, &pledged, &has_date);
	imp_ctx_get_text(ctx, G_NOTE, false, true, &note);
	/* Without a date, a pledge is converted at 1 January of its year. */
	rate_day =
	    has_date ? pledged : cbm_days_from_civil(year ? year : 2000, 1, 1);
	if (yearly && priced && dated)
		imp_ctx_get_rate(ctx, G_CURRENCY, cur, rate_day, &rate);
	if (!imp_ctx_row_ok(ctx))
		return;
	if (ctx->check_duplicates) {
		sqlite3_stmt *q = ctx->stmt[1];
		sqlite3_bind_text(q, 1, state, -1, SQLITE_STATIC);
		sqlite3_bind_int(q, 2, year);
		sqlite3_bind_int64(q, 3, amount);
		sqlite3_bind_text(q, 4, cur, -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 5, ctx->batch_id);
		duplicate_of(ctx, G_AMOUNT, q,
		             "the same pledge (state, year, amount, currency)");
	}
	cents = to_usd_cents(ctx, amount, cur, rate, G_AMOUNT);
	cbm_date_iso(pledged, pledged_iso);
	cbm_date_iso(rate_day, rate_iso);
	if (imp_ctx_row_ok(ctx) && ctx->writing) {
		sqlite3_stmt *st = ctx->stmt[0];
		note_currency(ctx, cur);
		sqlite3_bind_text(st, 1, state, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, year);
		sqlite3_bind_int64(st, 3, amount);
		sqlite3_bind_text(st, 4, cur, -1, SQLITE_STATIC);
		if (has_date)
			sqlite3_bind_text(st, 5, pledged_iso, -1,
			                  SQLITE_STATIC);
		sqlite3_bind_text(st, 6, rate_iso, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, note, -1, SQLITE_STATIC);
		sqlite3_bind_double(st, 8, rate);
		sqlite3_bind_int64(st, 9, cents);
		sqlite3_bind_int64(st, 10, ctx->batch_id);
		imp_ctx_step(ctx, st);
	}
	if (imp_ctx_row_ok(ctx))
		imp_ctx_count(ctx, 0, 1);
}

/* ---- budget -------------------------------------------------------------- */

/* Issue 11 (ported by hand into the table-driven importer): the optional
 * columns title_ru, title_kk and status follow the contract's order.
 * status is draft or approved (default approved); a draft has no spent
 * amount, and a year is either approved or a draft, never a mix, across
 * every batch (checked once after the last row, in imp_kind_budget_end). */
enum {
	B_YEAR,
	B_LINE,
	B_TITLE,
	B_APPROVED,
	B_CURRENCY,
	B_SPENT,
	B_TITLE_RU,
	B_TITLE_KK,
	B_STATUS
};

static const char *const budget_status[] = {"approved", "draft", NULL};

enum cbm_status imp_kind_budget_begin(struct imp_ctx *ctx)
{
	enum cbm_status rc;

	rc = imp_ctx_prepare(
	    ctx, 0,
	    "INSERT INTO budget_lines (year, line, title, approved,"
	    " spent, currency, usd_per_unit, approved_usd,"
	    " spent_usd, batch_id, title_ru, title_kk, status)"
	    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
	if (rc == CBM_OK)
		rc = imp_ctx_prepare(ctx, 1,
		                     "SELECT batch_id FROM budget_lines WHERE"
		                     " year = ? AND line = ?");
	return rc;
}

static void budget_key(struct imp_ctx *ctx, int year, const char *line)
{
	char *key;

	if (!year || !line)
		return;
	key = g_strdup_printf("%d line %s", year, line);
	if (imp_ctx_unique_in_file(ctx, B_LINE, key, "budget line")) {
		sqlite3_bind_int(ctx->stmt[1], 1, year);
		sqlite3_bind_text(ctx->stmt[1], 2, line, -1, SQLITE_STATIC);
		duplicate_of(ctx, B_LINE, ctx->stmt[1], "this budget line");
	}
	g_free(key);
}

/* The texts of a budget line: its line, its titles and its status. */
struct budget_text {
	const char *line, *title, *title_ru, *title_kk;
	int status; /* index into budget_status */
};

static void budget_texts(struct imp_ctx *ctx, int year, struct budget_text *b)
{
	if (imp_ctx_get_text(ctx, B_LINE, true, false, &b->line))
		budget_key(ctx, year, b->line);
	imp_ctx_get_text(ctx, B_TITLE, true, false, &b->title);
	imp_ctx_get_text(ctx, B_TITLE_RU, false, false, &b->title_ru);
	imp_ctx_get_text(ctx, B_TITLE_KK, false, false, &b->title_kk);
	imp_ctx_get_enum(ctx, B_STATUS, budget_status, 0, &b->status);
}

void imp_kind_budget_row(struct imp_ctx *ctx)
{
	struct budget_text b = {0};
	char cur[4] = "";
	int year = 0;
	int64_t approved = 0, spent = 0, approved_usd, spent_usd;
	bool has_spent = false;
	double rate = 1.0;

	bool yearly = imp_ctx_get_year(ctx, B_YEAR, true, &year);
	budget_texts(ctx, year, &b);
	bool priced = imp_ctx_get_currency(ctx, B_CURRENCY, cur);
	imp_ctx_get_amount(ctx, B_APPROVED, true, cur, false, &approved, NULL);
	imp_ctx_get_amount(ctx, B_SPENT, false, cur, false, &spent, &has_spent);
	if (has_spent && strcmp(budget_status[b.status], "draft") == 0)
		imp_ctx_error(ctx, B_SPENT, imp_ctx_text(ctx, B_SPENT),
		              "a draft budget has nothing spent yet; leave "
		              "spent empty or mark the line approved");
	if (yearly && priced)
		imp_ctx_get_rate(ctx, B_CURRENCY, cur,
		                 cbm_days_from_civil(year, 1, 1), &rate);
	if (!imp_ctx_row_ok(ctx))
		return;
	approved_usd = to_usd_cents(ctx, approved, cur, rate, B_APPROVED);
	spent_usd = to_usd_cents(ctx, spent, cur, rate, B_SPENT);
	if (imp_ctx_row_ok(ctx) && ctx->writing) {
		sqlite3_stmt *st = ctx->stmt[0];
		note_currency(ctx, cur);
		sqlite3_bind_int(st, 1, year);
		sqlite3_bind_text(st, 2, b.line, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, b.title, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, approved);
		if (has_spent)
			sqlite3_bind_int64(st, 5, spent);
		sqlite3_bind_text(st, 6, cur, -1, SQLITE_STATIC);
		sqlite3_bind_double(st, 7, rate);
		sqlite3_bind_int64(st, 8, approved_usd);
		if (has_spent)
			sqlite3_bind_int64(st, 9, spent_usd);
		sqlite3_bind_int64(st, 10, ctx->batch_id);
		sqlite3_bind_text(st, 11, b.title_ru, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 12, b.title_kk, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 13, budget_status[b.status], -1,
		                  SQLITE_STATIC);
		imp_ctx_step(ctx, st);
	}
	if (imp_ctx_row_ok(ctx))
		imp_ctx_count(ctx, 0, 1);
}

/* A budget year is approved or a draft as a whole: after the rows of this
 * file are in, no year may hold lines of both, whichever batch brought
 * them.  One error per mixed year, at the file as a whole. */
enum cbm_status imp_kind_budget_end(struct imp_ctx *ctx)
{
	sqlite3_stmt *st = NULL;
	int step;

	if (sqlite3_prepare_v2(ctx->sql,
	                       "SELECT year, sum(status = 'draft'),"
	                       " sum(status = 'approved') FROM budget_lines"
	                       " GROUP BY year"
	                       " HAVING count(DISTINCT status) > 1"
	                       " ORDER BY year",
	                       -1, &st, NULL) != SQLITE_OK)
		return st_sql_error(ctx->db, "cannot check the budget",
		                    ctx->err);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		char year[16];
		snprintf(year, sizeof(year), "%d", sqlite3_column_int(st, 0));
		imp_diags_add(&ctx->res->diags, IMP_ERROR, ctx->file, 0,
		              ctx->header[B_STATUS], year,
		              "the budget of %s would mix %d draft and %d "
		              "approved lines; a year is a draft or approved "
		              "as a whole",
		              year, sqlite3_column_int(st, 1),
		              sqlite3_column_int(st, 2));
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return st_sql_error(ctx->db, "cannot check the budget",
		                    ctx->err);
	return CBM_OK;
}

/* ---- fx ------------------------------------------------------------------ */

enum { F_CURRENCY, F_DATE, F_USD_PER_UNIT, F_UNITS_PER_USD };

enum cbm_status imp_kind_fx_begin(struct imp_ctx *ctx)
{
	bool direct = ctx->col[F_USD_PER_UNIT] >= 0;
	bool inverse = ctx->col[F_UNITS_PER_USD] >= 0;
	enum cbm_status rc;

	if (direct == inverse) {
		imp_ctx_error(
		    ctx, direct ? F_UNITS_PER_USD : -1, NULL,
		    "an fx file has one of the columns usd_per_unit or "
		    "units_per_usd%s",
		    direct ? ", not both" : "");
		return CBM_EDATA;
	}
	rc = imp_ctx_prepare(
	    ctx, 0,
	    "INSERT INTO fx_rates (currency, date, usd_per_unit,"
	    " batch_id) VALUES (?,?,?,?)");
	if (rc == CBM_OK)
		rc = imp_ctx_prepare(ctx, 1,
		                     "SELECT batch_id FROM fx_rates WHERE"
		                     " currency = ? AND date = ?");
	return rc;
}

void imp_kind_fx_row(struct imp_ctx *ctx)
{
	char cur[4] = "", date[11], *key;
	int32_t day = 0;
	double rate = 0;
	int col =
	    ctx->col[F_USD_PER_UNIT] >= 0 ? F_USD_PER_UNIT : F_UNITS_PER_USD;

	if (imp_ctx_get_currency(ctx, F_CURRENCY, cur) &&
	    strcmp(cur, "USD") == 0)
		imp_ctx_error(ctx, F_CURRENCY, cur,
		              "USD is the base currency; its rate is always 1");
	bool dated = imp_ctx_get_date(ctx, F_DATE, true, &day, NULL);
	/* No currency is worth more than a million dollars or less than a
	 * billionth of one: beyond, the column is surely mistaken, and money
	 * converted at such a rate would not fit the store. */
	if (imp_ctx_get_decimal(ctx, col, 0, 1e12, &rate) &&
	    (rate <= 0 || (col == F_USD_PER_UNIT ? rate : 1.0 / rate) > 1e6 ||
	     (col == F_USD_PER_UNIT ? rate : 1.0 / rate) < 1e-9))
		imp_ctx_error(ctx, col, imp_ctx_text(ctx, col),
		              "not a plausible rate: one unit would be worth "
		              "%s USD",
		              rate <= 0 ? "nothing"
		                        : "more than a million or less "
		                          "than a billionth of one");
	if (!imp_ctx_row_ok(ctx) || !dated)
		return;
	cbm_date_iso(day, date);
	key = g_strdup_printf("%s on %s", cur, date);
	if (imp_ctx_unique_in_file(ctx, F_DATE, key, "rate")) {
		sqlite3_bind_text(ctx->stmt[1], 1, cur, -1, SQLITE_STATIC);
		sqlite3_bind_text(ctx->stmt[1], 2, date, -1, SQLITE_STATIC);
		duplicate_of(ctx, F_DATE, ctx->stmt[1], "the rate of this day");
	}
	g_free(key);
	if (imp_ctx_row_ok(ctx) && ctx->writing) {
		sqlite3_stmt *st = ctx->stmt[0];
		sqlite3_bind_text(st, 1, cur, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
		sqlite3_bind_double(st, 3,
		                    col == F_USD_PER_UNIT ? rate : 1.0 / rate);
		sqlite3_bind_int64(st, 4, ctx->batch_id);
		imp_ctx_step(ctx, st);
	}
	if (imp_ctx_row_ok(ctx))
		imp_ctx_count(ctx, 0, 1);
}

/* New rates may change the conversion of money already loaded. */
enum cbm_status imp_kind_fx_end(struct imp_ctx *ctx)
{
	return st_fx_recompute(ctx->db, ctx->err);
}

/* ---- secondments --------------------------------------------------------- */

enum { M_STATE, M_YEAR, M_MONTHS, M_GRADE, M_NOTE };

enum cbm_status imp_kind_secondments_begin(struct imp_ctx *ctx)
{
	enum cbm_status rc;

	rc = imp_ctx_prepare(
	    ctx, 0,
	    "INSERT INTO secondments (state, year, person_months,"
	    " grade, note, batch_id) VALUES (?,?,?,?,?,?)");
	if (rc == CBM_OK)
		rc = imp_ctx_prepare(
		    ctx, 1,
		    "SELECT batch_id FROM secondments WHERE"
		    " state = ? AND year = ?"
		    " AND coalesce(grade, '') = ? AND batch_id <> ?"
		    " LIMIT 1");
	if (rc == CBM_OK)
		rc = other_batches(ctx, "secondments");
	return rc;
}

void imp_kind_secondments_row(struct imp_ctx *ctx)
{
	const char *state = NULL, *grade, *note;
	int year = 0;
	double months = 0;

	imp_ctx_get_state(ctx, M_STATE, &state);
	imp_ctx_get_year(ctx, M_YEAR, true, &year);
	imp_ctx_get_decimal(ctx, M_MONTHS, 0, 12000, &months);
	imp_ctx_get_text(ctx, M_GRADE, false, false, &grade);
	imp_ctx_get_text(ctx, M_NOTE, false, true, &note);
	if (imp_ctx_row_ok(ctx) && ctx->check_duplicates) {
		sqlite3_stmt *q = ctx->stmt[1];
		sqlite3_bind_text(q, 1, state, -1, SQLITE_STATIC);
		sqlite3_bind_int(q, 2, year);
		sqlite3_bind_text(q, 3, grade ? grade : "", -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 4, ctx->batch_id);
		duplicate_of(ctx, M_STATE, q,
		             "a secondment of this state, year and grade");
	}
	if (imp_ctx_row_ok(ctx) && ctx->writing) {
		sqlite3_stmt *st = ctx->stmt[0];
		sqlite3_bind_text(st, 1, state, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, year);
		sqlite3_bind_double(st, 3, months);
		sqlite3_bind_text(st, 4, grade, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, note, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 6, ctx->batch_id);
		imp_ctx_step(ctx, st);
	}
	if (imp_ctx_row_ok(ctx))
		imp_ctx_count(ctx, 0, 1);
}

/* ---- scales -------------------------------------------------------------- */

enum { SC_SCALE, SC_STATE, SC_SHARE };

enum cbm_status imp_kind_scale_begin(struct imp_ctx *ctx)
{
	enum cbm_status rc;

	rc =
	    imp_ctx_prepare(ctx, 0,
	                    "INSERT INTO scales (scale, state, share, batch_id)"
	                    " VALUES (?,?,?,?)");
	if (rc == CBM_OK)
		rc = imp_ctx_prepare(
		    ctx, 1,
		    "SELECT batch_id FROM scales WHERE scale = ?"
		    " AND state = ?");
	return rc;
}

void imp_kind_scale_row(struct imp_ctx *ctx)
{
	const char *scale = NULL, *state = NULL;
	double share = 0;
	char *key;

	imp_ctx_get_text(ctx, SC_SCALE, true, false, &scale);
	imp_ctx_get_state(ctx, SC_STATE, &state);
	imp_ctx_get_decimal(ctx, SC_SHARE, 0, 100, &share);
	if (!imp_ctx_row_ok(ctx))
		return;
	key = g_strdup_printf("%s / %s", scale, state);
	if (imp_ctx_unique_in_file(ctx, SC_STATE, key, "share")) {
		sqlite3_bind_text(ctx->stmt[1], 1, scale, -1, SQLITE_STATIC);
		sqlite3_bind_text(ctx->stmt[1], 2, state, -1, SQLITE_STATIC);
		duplicate_of(ctx, SC_STATE, ctx->stmt[1],
		             "this state's share in this scale");
	}
	g_free(key);
	if (imp_ctx_row_ok(ctx) && ctx->writing) {
		sqlite3_stmt *st = ctx->stmt[0];
		sqlite3_bind_text(st, 1, scale, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
		sqlite3_bind_double(st, 3, share);
		sqlite3_bind_int64(st, 4, ctx->batch_id);
		imp_ctx_step(ctx, st);
	}
	if (imp_ctx_row_ok(ctx))
		imp_ctx_count(ctx, 0, 1);
}

/* A scale whose shares do not add up to 100 % is loaded with a warning:
 * the what-if figures then show it. */
enum cbm_status imp_kind_scale_end(struct imp_ctx *ctx)
{
	sqlite3_stmt *st = NULL;
	char *sql = sqlite3_mprintf(
	    "SELECT scale, sum(share) FROM scales WHERE batch_id = %lld"
	    " GROUP BY scale HAVING abs(sum(share) - 100) > 0.005",
	    (long long)ctx->batch_id);
	int rc = sqlite3_prepare_v2(ctx->sql, sql, -1, &st, NULL);

	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return st_sql_error(ctx->db, "cannot check scales", ctx->err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		imp_diags_add(&ctx->res->diags, IMP_WARNING, ctx->file, 0, "",
		              (const char *)sqlite3_column_text(st, 0),
		              "shares add up to %.2f %%, not 100 %%, in scale",
		              sqlite3_column_double(st, 1));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return st_sql_error(ctx->db, "cannot check scales", ctx->err);
	return CBM_OK;
}
