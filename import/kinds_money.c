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

#include "kinds.h"

/* Records CUR in the store's currency table once per import. */
static void note_currency(struct imp_ctx *ctx, const char *cur)
{
	if (g_hash_table_contains(ctx->currencies, cur))
		return;
	g_hash_table_add(ctx->currencies, g_strdup(cur));
	if (imp_stage_pause(ctx) != CBM_OK)
		return; /* the import failed: no more SQL */
	if (st_currency_note(ctx->db, cur, ctx->err) != CBM_OK)
		ctx->fatal = CBM_EINTERNAL;
}

/* The amount of column COL in US cents, as the store keeps it beside the
 * amount.  An amount within CBM_AMOUNT_MAX may still be worth too much at
 * an absurd rate (a million dollars per unit): that row is refused here,
 * not left to fail a figure later. */
static int64_t to_usd_cents(struct imp_ctx *ctx, int col, double rate)
{
	const char *cur = ctx->currency;
	int64_t cents = 0;

	if (!cbm_money_convert(ctx->v[col].i, cbm_currency_exponent(cur), rate,
	                       2, 1.0, &cents))
		imp_ctx_error(
		    ctx, col, ctx->v[col].text,
		    "amount too large to convert: at %.10g USD per %s "
		    "it is worth 90 trillion US dollars or more; check "
		    "the fx rates",
		    rate, cur);
	return cents;
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
	K_NOTE,
	K_N
};

static const struct imp_column contribution_columns[K_N] = {
    [K_STATE] = {"state", IMP_T_STATE, true, "state", .ru = RU_STATE,
                 .kk = KK_STATE},
    [K_RECEIVED] = {"received_on", IMP_T_DATE, true, "received_on",
                    .ru = {"Дата поступления", "Дата получения"},
                    .kk = {"Түскен күні", "Түсу күні"}},
    [K_AMOUNT] = {"amount", IMP_T_PAYMENT, true, "amount", .ru = RU_AMOUNT,
                  .kk = KK_AMOUNT},
    [K_CURRENCY] = {"currency", IMP_T_CURRENCY, true, "currency",
                    .ru = RU_CURRENCY, .kk = KK_CURRENCY},
    [K_YEAR] = {"budget_year", IMP_T_YEAR, false, "budget_year",
                .ru = RU_BUDGET_YEAR, .kk = KK_BUDGET_YEAR},
    [K_KIND] = {"kind", IMP_T_ENUM, false, "kind", imp_contribution_kinds, 0,
                .ru = {"Вид взноса", "Вид"}, .kk = {"Жарна түрі", "Түрі"}},
    [K_REF] = {"reference", IMP_T_TEXT, false, "reference",
               .ru = {"Номер документа", "Ссылка"},
               .kk = {"Құжат нөмірі", "Сілтеме"}},
    [K_NOTE] = {"note", IMP_T_NOTE, false, "note", .ru = RU_NOTE,
                .kk = KK_NOTE},
};

/* The state code -> year joined of every state that says, once. */
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

static void check_joined(struct imp_ctx *ctx, const char *state, int year)
{
	int joined = GPOINTER_TO_INT(g_hash_table_lookup(ctx->joined, state));

	if (joined && year < joined)
		imp_ctx_warning(ctx, K_STATE, imp_ctx_text(ctx, K_STATE),
		                "contribution for %d, before %s joined in %d",
		                year, state, joined);
}

/* The stored values no column gives: the rate of the day and the amount
 * in US cents. */
enum { K_X_RATE, K_X_CENTS };

static void contributions_row(struct imp_ctx *ctx)
{
	struct imp_value *year = &ctx->v[K_YEAR];
	const struct imp_value *received = &ctx->v[K_RECEIVED];
	int y, m, d;
	double rate = 1.0;

	if (!year->text && received->set) {
		cbm_civil_from_days((int32_t)received->i, &y, &m, &d);
		year->i = y;
		year->set = true;
	}
	if (received->set && ctx->v[K_CURRENCY].set)
		imp_ctx_get_rate(ctx, K_CURRENCY, ctx->currency,
		                 (int32_t)received->i, &rate);
	if (ctx->v[K_STATE].set && year->set)
		check_joined(ctx, ctx->v[K_STATE].s, (int)year->i);
	if (!imp_ctx_row_ok(ctx))
		return;
	imp_ctx_store_double(ctx, K_X_RATE, rate);
	imp_ctx_store_int(ctx, K_X_CENTS, to_usd_cents(ctx, K_AMOUNT, rate));
	if (imp_ctx_row_ok(ctx))
		note_currency(ctx, ctx->currency);
}

static enum cbm_status contributions_begin(struct imp_ctx *ctx)
{
	return load_joined(ctx);
}

const struct kind_def imp_kind_contributions = {
    .name = "contributions",
    .table = "contributions",
    .columns = contribution_columns,
    .n_columns = K_N,
    .extras = {[K_X_RATE] = "usd_per_unit", [K_X_CENTS] = "amount_usd"},
    .count_names = {"contributions"},
    /* DESIGN "Batches and duplicates": the same payment when state,
     * day, amount, currency and kind are equal and the references are
     * equal or either is empty. */
    .dup = {"t.state = s.state AND t.received_on = s.received_on"
            " AND t.amount = s.amount AND t.currency = s.currency"
            " AND t.kind = s.kind AND (t.reference IS NULL"
            " OR s.reference IS NULL OR t.reference = s.reference)",
            K_AMOUNT, NULL,
            "the same contribution (state, date, amount, currency)"},
    /* contributions_payment (store/schema.c) */
    .order = "state, received_on, amount, currency, kind",
    .begin = contributions_begin,
    .row = contributions_row,
};

/* ---- pledges ------------------------------------------------------------- */

enum { G_STATE, G_YEAR, G_AMOUNT, G_CURRENCY, G_PLEDGED_ON, G_NOTE, G_N };

static const struct imp_column pledge_columns[G_N] = {
    [G_STATE] = {"state", IMP_T_STATE, true, "state", .ru = RU_STATE,
                 .kk = KK_STATE},
    [G_YEAR] = {"budget_year", IMP_T_YEAR, true, "budget_year",
                .ru = RU_BUDGET_YEAR, .kk = KK_BUDGET_YEAR},
    [G_AMOUNT] = {"amount", IMP_T_PAYMENT, true, "amount", .ru = RU_AMOUNT,
                  .kk = KK_AMOUNT},
    [G_CURRENCY] = {"currency", IMP_T_CURRENCY, true, "currency",
                    .ru = RU_CURRENCY, .kk = KK_CURRENCY},
    [G_PLEDGED_ON] = {"pledged_on", IMP_T_DATE, false, "pledged_on",
                      .ru = {"Дата объявления", "Дата обязательства"},
                      .kk = {"Уәде берілген күні", "Жарияланған күні"}},
    [G_NOTE] = {"note", IMP_T_NOTE, false, "note", .ru = RU_NOTE,
                .kk = KK_NOTE},
};

enum { G_X_RATE_DATE, G_X_RATE, G_X_CENTS };

static void pledges_row(struct imp_ctx *ctx)
{
	const struct imp_value *year = &ctx->v[G_YEAR];
	const struct imp_value *pledged = &ctx->v[G_PLEDGED_ON];
	int32_t rate_day;
	char iso[11];
	double rate = 1.0;

	/* Without a date, a pledge is converted at 1 January of its year. */
	rate_day =
	    pledged->set
	        ? (int32_t)pledged->i
	        : cbm_days_from_civil(year->set ? (int)year->i : 2000, 1, 1);
	if (year->set && ctx->v[G_CURRENCY].set &&
	    (pledged->set || !pledged->text))
		imp_ctx_get_rate(ctx, G_CURRENCY, ctx->currency, rate_day,
		                 &rate);
	if (!imp_ctx_row_ok(ctx))
		return;
	cbm_date_iso(rate_day, iso);
	imp_ctx_store_text(ctx, G_X_RATE_DATE, iso);
	imp_ctx_store_double(ctx, G_X_RATE, rate);
	imp_ctx_store_int(ctx, G_X_CENTS, to_usd_cents(ctx, G_AMOUNT, rate));
	if (imp_ctx_row_ok(ctx))
		note_currency(ctx, ctx->currency);
}

const struct kind_def imp_kind_pledges = {
    .name = "pledges",
    .table = "pledges",
    .columns = pledge_columns,
    .n_columns = G_N,
    .extras = {[G_X_RATE_DATE] = "rate_date",
               [G_X_RATE] = "usd_per_unit",
               [G_X_CENTS] = "amount_usd"},
    .count_names = {"pledges"},
    .dup = {"t.state = s.state AND t.budget_year = s.budget_year"
            " AND t.amount = s.amount AND t.currency = s.currency",
            G_AMOUNT, NULL, "the same pledge (state, year, amount, currency)"},
    .row = pledges_row,
};

/* ---- budget -------------------------------------------------------------- */

enum {
	B_YEAR,
	B_LINE,
	B_TITLE,
	B_APPROVED,
	B_CURRENCY,
	B_TITLE_RU,
	B_TITLE_KK,
	B_SPENT,
	B_STATUS,
	B_N
};

static const struct imp_column budget_columns[B_N] = {
    [B_YEAR] = {"year", IMP_T_YEAR, true, "year", .ru = RU_YEAR, .kk = KK_YEAR},
    [B_LINE] = {"line", IMP_T_TEXT, true, "line", .ru = {"Статья", "Строка"},
                .kk = {"Бап", "Жол"}},
    [B_TITLE] = {"title", IMP_T_TEXT, true, "title",
                 .ru = {"Наименование", "Название", "Название (англ.)"},
                 .kk = {"Атауы", "Атауы (ағылш.)"}},
    [B_APPROVED] = {"approved", IMP_T_MONEY, true, "approved",
                    .ru = {"Утверждено", "Утверждённая сумма"},
                    .kk = {"Бекітілген", "Бекітілген сома"}},
    [B_CURRENCY] = {"currency", IMP_T_CURRENCY, true, "currency",
                    .ru = RU_CURRENCY, .kk = KK_CURRENCY},
    [B_TITLE_RU] = {"title_ru", IMP_T_TEXT, false, "title_ru",
                    .ru = RU_TITLE_RU, .kk = KK_TITLE_RU},
    [B_TITLE_KK] = {"title_kk", IMP_T_TEXT, false, "title_kk",
                    .ru = RU_TITLE_KK, .kk = KK_TITLE_KK},
    [B_SPENT] = {"spent", IMP_T_MONEY, false, "spent",
                 .ru = {"Израсходовано", "Исполнено"},
                 .kk = {"Жұмсалған", "Игерілген"}},
    /* One per year, checked across batches by budget_end. */
    [B_STATUS] = {"status", IMP_T_ENUM, false, "status", imp_budget_status, 0,
                  .ru = {"Статус"}, .kk = {"Мәртебесі"}},
};

enum { B_X_RATE, B_X_APPROVED, B_X_SPENT };

static void budget_row(struct imp_ctx *ctx)
{
	const struct imp_value *year = &ctx->v[B_YEAR];
	double rate = 1.0;

	if (year->set && ctx->v[B_LINE].set) {
		char *key = g_strdup_printf("%d line %s", (int)year->i,
		                            ctx->v[B_LINE].s);
		imp_ctx_unique_in_file(ctx, B_LINE, key, "budget line");
		g_free(key);
	}
	if (ctx->v[B_STATUS].set && ctx->v[B_SPENT].set &&
	    strcmp(ctx->v[B_STATUS].s, "draft") == 0)
		imp_ctx_error(ctx, B_SPENT, ctx->v[B_SPENT].text,
		              "a draft budget has nothing spent yet; leave "
		              "spent empty or mark the line approved");
	if (year->set && ctx->v[B_CURRENCY].set)
		imp_ctx_get_rate(ctx, B_CURRENCY, ctx->currency,
		                 cbm_days_from_civil((int)year->i, 1, 1),
		                 &rate);
	if (!imp_ctx_row_ok(ctx))
		return;
	imp_ctx_store_double(ctx, B_X_RATE, rate);
	imp_ctx_store_int(ctx, B_X_APPROVED,
	                  to_usd_cents(ctx, B_APPROVED, rate));
	if (ctx->v[B_SPENT].set)
		imp_ctx_store_int(ctx, B_X_SPENT,
		                  to_usd_cents(ctx, B_SPENT, rate));
	if (imp_ctx_row_ok(ctx))
		note_currency(ctx, ctx->currency);
}

/* A budget year is approved or a draft as a whole: with the rows of this
 * file in place, no year may hold lines of both, whichever batch brought
 * them.  One error per mixed year, at the file as a whole. */
static enum cbm_status budget_end(struct imp_ctx *ctx)
{
	const char *column =
	    ctx->h.name[B_STATUS] ? ctx->h.name[B_STATUS] : "status";
	sqlite3_stmt *st = NULL;
	int step;

	if (sqlite3_prepare_v2(ctx->sql,
	                       "SELECT year, sum(status = 'draft'),"
	                       " sum(status = 'approved') FROM budget_lines"
	                       " GROUP BY year"
	                       " HAVING count(DISTINCT status) > 1"
	                       " ORDER BY year",
	                       -1, &st, NULL) != SQLITE_OK)
		return ctx->fatal = st_sql_error(
		           ctx->db, "cannot check the budget", ctx->err);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		char year[16];
		snprintf(year, sizeof(year), "%d", sqlite3_column_int(st, 0));
		imp_diags_add(&ctx->res->diags, IMP_ERROR, ctx->file, 0, column,
		              year,
		              "the budget of %s would mix %d draft and %d "
		              "approved lines; a year is a draft or approved "
		              "as a whole",
		              year, sqlite3_column_int(st, 1),
		              sqlite3_column_int(st, 2));
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return ctx->fatal = st_sql_error(
		           ctx->db, "cannot check the budget", ctx->err);
	return CBM_OK;
}

const struct kind_def imp_kind_budget = {
    .name = "budget",
    .table = "budget_lines",
    .columns = budget_columns,
    .n_columns = B_N,
    .extras = {[B_X_RATE] = "usd_per_unit",
               [B_X_APPROVED] = "approved_usd",
               [B_X_SPENT] = "spent_usd"},
    .count_names = {"budget lines"},
    .dup = {"t.year = s.year AND t.line = s.line", B_LINE, NULL,
            "this budget line"},
    .row = budget_row,
    .end = budget_end,
};

/* ---- fx ------------------------------------------------------------------ */

enum { F_CURRENCY, F_DATE, F_USD_PER_UNIT, F_UNITS_PER_USD, F_N };

static const struct imp_column fx_columns[F_N] = {
    [F_CURRENCY] = {"currency", IMP_T_CURRENCY, true, "currency",
                    .ru = RU_CURRENCY, .kk = KK_CURRENCY},
    [F_DATE] = {"date", IMP_T_DATE, true, "date", .ru = {"Дата"},
                .kk = {"Күні"}},
    [F_USD_PER_UNIT] = {"usd_per_unit", IMP_T_NUMBER, false, NULL, .min = 0,
                        .max = 1e12, .ru = {"Долларов США за единицу"},
                        .kk = {"Бірлік үшін АҚШ доллары"}},
    [F_UNITS_PER_USD] = {"units_per_usd", IMP_T_NUMBER, false, NULL, .min = 0,
                         .max = 1e12, .ru = {"Единиц за доллар США", "Курс"},
                         .kk = {"АҚШ долларына бірлік", "Бағам"}},
};

static enum cbm_status fx_begin(struct imp_ctx *ctx)
{
	bool direct = ctx->h.col[F_USD_PER_UNIT] >= 0;
	bool inverse = ctx->h.col[F_UNITS_PER_USD] >= 0;

	if (direct == inverse) {
		imp_ctx_error(
		    ctx, direct ? F_UNITS_PER_USD : -1, NULL,
		    "an fx file has one of the columns usd_per_unit or "
		    "units_per_usd%s",
		    direct ? ", not both" : "");
		return CBM_EDATA;
	}
	return CBM_OK;
}

/* No currency is worth more than a million dollars or less than a
 * billionth of one: beyond, the column is surely mistaken, and money
 * converted at such a rate would not fit the store. */
static bool plausible_rate(struct imp_ctx *ctx, int col, double *usd)
{
	double rate = ctx->v[col].d;

	*usd = col == F_USD_PER_UNIT || rate <= 0 ? rate : 1.0 / rate;
	if (rate > 0 && *usd <= 1e6 && *usd >= 1e-9)
		return true;
	imp_ctx_error(ctx, col, ctx->v[col].text,
	              "not a plausible rate: one unit would be worth %s USD",
	              rate <= 0 ? "nothing"
	                        : "more than a million or less than a "
	                          "billionth of one");
	return false;
}

static void fx_row(struct imp_ctx *ctx)
{
	int col =
	    ctx->h.col[F_USD_PER_UNIT] >= 0 ? F_USD_PER_UNIT : F_UNITS_PER_USD;
	const struct imp_value *date = &ctx->v[F_DATE];
	char iso[11], *key;
	double usd = 0;

	if (ctx->v[F_CURRENCY].set && strcmp(ctx->currency, "USD") == 0)
		imp_ctx_error(ctx, F_CURRENCY, ctx->currency,
		              "USD is the base currency; its rate is always 1");
	if (!ctx->v[col].text)
		imp_ctx_error(ctx, col, NULL, "missing value");
	else if (ctx->v[col].set)
		plausible_rate(ctx, col, &usd);
	if (!imp_ctx_row_ok(ctx) || !date->set)
		return;
	cbm_date_iso((int32_t)date->i, iso);
	key = g_strdup_printf("%s on %s", ctx->currency, iso);
	imp_ctx_unique_in_file(ctx, F_DATE, key, "rate");
	g_free(key);
	imp_ctx_store_double(ctx, 0, usd);
}

/* New rates may change the conversion of money already loaded. */
static enum cbm_status fx_end(struct imp_ctx *ctx)
{
	return st_fx_recompute(ctx->db, ctx->err);
}

const struct kind_def imp_kind_fx = {
    .name = "fx",
    .table = "fx_rates",
    .columns = fx_columns,
    .n_columns = F_N,
    .extras = {"usd_per_unit"},
    .count_names = {"fx rates"},
    .dup = {"t.currency = s.currency AND t.date = s.date", F_DATE, NULL,
            "the rate of this day"},
    .begin = fx_begin,
    .row = fx_row,
    .end = fx_end,
};

/* ---- secondments --------------------------------------------------------- */

enum { M_STATE, M_YEAR, M_MONTHS, M_GRADE, M_NOTE, M_N };

static const struct imp_column secondment_columns[M_N] = {
    [M_STATE] = {"state", IMP_T_STATE, true, "state", .ru = RU_STATE,
                 .kk = KK_STATE},
    [M_YEAR] = {"year", IMP_T_YEAR, true, "year", .ru = RU_YEAR, .kk = KK_YEAR},
    [M_MONTHS] = {"person_months", IMP_T_NUMBER, true, "person_months",
                  .min = 0, .max = 12000,
                  .ru = {"Человеко-месяцы", "Человеко-месяцев"},
                  .kk = {"Адам-ай", "Адам-айлар"}},
    [M_GRADE] = {"grade", IMP_T_TEXT, false, "grade",
                 .ru = {"Должность", "Класс должности"},
                 .kk = {"Лауазым", "Санат"}},
    [M_NOTE] = {"note", IMP_T_NOTE, false, "note", .ru = RU_NOTE,
                .kk = KK_NOTE},
};

const struct kind_def imp_kind_secondments = {
    .name = "secondments",
    .table = "secondments",
    .columns = secondment_columns,
    .n_columns = M_N,
    .count_names = {"secondments"},
    .dup = {"t.state = s.state AND t.year = s.year"
            " AND coalesce(t.grade, '') = coalesce(s.grade, '')",
            M_STATE, NULL, "a secondment of this state, year and grade"},
};

/* ---- scales -------------------------------------------------------------- */

enum { SC_SCALE, SC_STATE, SC_SHARE, SC_N };

static const struct imp_column scale_columns[SC_N] = {
    [SC_SCALE] = {"scale", IMP_T_TEXT, true, "scale",
                  .ru = {"Шкала", "Шкала взносов"},
                  .kk = {"Шкала", "Жарна шкаласы"}},
    [SC_STATE] = {"state", IMP_T_STATE, true, "state", .ru = RU_STATE,
                  .kk = KK_STATE},
    [SC_SHARE] = {"share", IMP_T_NUMBER, true, "share", .min = 0, .max = 100,
                  .ru = {"Доля", "Доля (%)"}, .kk = {"Үлес", "Үлесі"}},
};

static void scale_row(struct imp_ctx *ctx)
{
	char *key;

	if (!imp_ctx_row_ok(ctx))
		return;
	key =
	    g_strdup_printf("%s / %s", ctx->v[SC_SCALE].s, ctx->v[SC_STATE].s);
	imp_ctx_unique_in_file(ctx, SC_STATE, key, "share");
	g_free(key);
}

/* A scale whose shares do not add up to 100 % is loaded with a warning:
 * the what-if figures then show it. */
static enum cbm_status scale_end(struct imp_ctx *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(
	    ctx->sql,
	    "SELECT scale, sum(share) FROM scales WHERE batch_id = ?"
	    " GROUP BY scale HAVING abs(sum(share) - 100) > 0.005",
	    -1, &st, NULL);

	if (rc != SQLITE_OK)
		return st_sql_error(ctx->db, "cannot check scales", ctx->err);
	sqlite3_bind_int64(st, 1, ctx->batch_id);
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

const struct kind_def imp_kind_scale = {
    .name = "scale",
    .table = "scales",
    .columns = scale_columns,
    .n_columns = SC_N,
    .count_names = {"shares"},
    .dup = {"t.scale = s.scale AND t.state = s.state", SC_STATE, NULL,
            "this state's share in this scale"},
    .row = scale_row,
    .end = scale_end,
};
