/*
 * common.c - what the figures share: parameters, statements with their
 * values bound by name, money in the report currency as SQL, and the
 * small (year, state, value) aggregates the figures are built from.
 *
 * No value ever enters the text of a statement: the SQL is made of
 * constant pieces (column names, fixed conditions) and every value (the
 * report currency, years, kinds, dates, a scale's or a state's name) is a
 * named parameter bound by ana_prepare().  Money expressions come in two
 * constant shapes, the stored US cents or a conversion into :cur, chosen
 * by whether the report currency is USD: the cents keep the covering
 * index of the contributions usable.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "analysis_internal.h"

void ana_params_init(struct ana_params *p)
{
	memset(p, 0, sizeof(*p));
	snprintf(p->currency, sizeof(p->currency), "USD");
	p->kind = ANA_VOLUNTARY;
	p->as_of = INT32_MIN;
	p->by = ANA_BY_AREA;
	p->of = ANA_OF_RECEIVED;
	p->scale = "equal";
}

enum cbm_status ana_currency(const struct ana_params *p, char cur[4],
                             struct cbm_error *err)
{
	const char *c = p->currency[0] ? p->currency : "USD";

	if (!cbm_currency_valid(c))
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "not a currency code: '%s' (three capital "
		                 "letters, e.g. EUR)",
		                 c);
	memcpy(cur, c, 4);
	return CBM_OK;
}

/* ---- statements ---------------------------------------------------------- */

void ana_bind_int(sqlite3_stmt *st, const char *name, int64_t v)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0)
		sqlite3_bind_int64(st, i, v);
}

void ana_bind_text(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

/* The kinds of P as the three values of "kind IN (:k1, :k2, :k3)". */
static void kinds_of(const struct ana_params *p, const char *k[3])
{
	const char *const *one = ana_kind_names;

	if (p->kind == ANA_ALL_KINDS) {
		k[0] = one[ANA_VOLUNTARY], k[1] = one[ANA_EARMARKED],
		k[2] = one[ANA_IN_KIND];
		return;
	}
	k[0] = k[1] = k[2] = one[p->kind];
}

void ana_bind_scope(sqlite3_stmt *st, const struct ana_params *p,
                    const char *cur)
{
	const char *k[3];
	char iso[11];

	kinds_of(p, k);
	ana_bind_text(st, ":cur", cur);
	ana_bind_text(st, ":k1", k[0]);
	ana_bind_text(st, ":k2", k[1]);
	ana_bind_text(st, ":k3", k[2]);
	ana_bind_int(st, ":year", p->year);
	ana_bind_int(st, ":from", p->year ? p->year : p->from);
	ana_bind_int(st, ":to", p->year ? p->year : (p->to ? p->to : 9999));
	ana_bind_int(st, ":co", p->with_co_organizers);
	if (p->as_of != INT32_MIN) {
		cbm_date_iso(p->as_of, iso);
		ana_bind_text(st, ":asof", iso);
	}
	if (p->state)
		ana_bind_text(st, ":state", p->state);
	if (p->scale)
		ana_bind_text(st, ":scale", p->scale);
}

/* The kinds of a basis as SQL: "kind IN (:k1, :k2, :k3)" becomes
 * "kind = :k1" for a basis of one kind.  SQLite then reads the rows of
 * that kind from contributions_figures in the order of its next columns
 * (budget_year, state, received_on) and groups them as they come; three
 * values, even equal ones, are three ranges of the index, whose rows
 * SQLite sorts before grouping (half the time of the days of the curve
 * on a million payments). */
static char *one_kind(const struct ana_params *p, const char *sql)
{
	static const char three[] = "IN (:k1, :k2, :k3)";
	GString *out;
	const char *at;

	if (!p || p->kind == ANA_ALL_KINDS || !strstr(sql, three))
		return NULL;
	out = g_string_new(NULL);
	while ((at = strstr(sql, three)) != NULL) {
		g_string_append_len(out, sql, at - sql);
		g_string_append(out, "= :k1");
		sql = at + sizeof(three) - 1;
	}
	g_string_append(out, sql);
	return g_string_free(out, FALSE);
}

enum cbm_status ana_prepare(struct st_db *db, const char *sql,
                            const struct ana_params *p, const char *cur,
                            sqlite3_stmt **st, struct cbm_error *err)
{
	char *one = one_kind(p, sql);
	int rc;

	*st = NULL;
	rc = sqlite3_prepare_v2(st_sqlite(db), one ? one : sql, -1, st, NULL);
	g_free(one);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(*st);
		*st = NULL;
		return st_sql_error(db, "cannot compute", err);
	}
	if (p)
		ana_bind_scope(*st, p, cur ? cur : "USD");
	return CBM_OK;
}

enum cbm_status ana_each_row(struct st_db *db, sqlite3_stmt *st,
                             void (*fn)(void *data, sqlite3_stmt *st),
                             void *data, struct cbm_error *err)
{
	int step;

	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		fn(data, st);
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return st_sql_error(db, "cannot compute", err);
	return CBM_OK;
}

enum cbm_status ana_run(struct st_db *db, const char *sql,
                        const struct ana_params *p, const char *cur,
                        void (*fn)(void *data, sqlite3_stmt *st), void *data,
                        struct cbm_error *err)
{
	sqlite3_stmt *st = NULL;
	enum cbm_status rc = ana_prepare(db, sql, p, cur, &st, err);

	if (rc != CBM_OK)
		return rc;
	return ana_each_row(db, st, fn, data, err);
}

/* ---- money in the report currency ---------------------------------------- */

char *ana_money_sql(const char *alias, const char *amount_col,
                    const char *usd_col, const char *date_expr, bool usd)
{
	if (usd)
		return g_strdup_printf("%s.%s", alias, usd_col);
	return g_strdup_printf(
	    "cbm_convert_wide(%s.%s, %s.currency, %s.usd_per_unit,"
	    " :cur, cbm_rate(:cur, %s))",
	    alias, amount_col, alias, alias, date_expr);
}

struct first_day {
	bool found;
	char day[11];
};

static void first_day_row(void *data, sqlite3_stmt *st)
{
	struct first_day *f = data;

	if (sqlite3_column_type(st, 0) != SQLITE_NULL) {
		f->found = true;
		snprintf(f->day, sizeof(f->day), "%s",
		         (const char *)sqlite3_column_text(st, 0));
	}
}

/* The rate check of ana_require_rates() and ana_require_receipt_rates():
 * SQL (freed here) gives the earliest date without a rate, or no row. */
static enum cbm_status require(struct st_db *db, const struct ana_params *p,
                               const char *cur, char *sql,
                               struct cbm_error *err)
{
	struct first_day f = {0};
	enum cbm_status rc = ana_run(db, sql, p, cur, first_day_row, &f, err);

	g_free(sql);
	if (rc == CBM_OK && f.found)
		rc = CBM_ERROR(err, CBM_EDATA, NULL,
		               "no fx rate for %s on or before %s; import "
		               "%s rates to report in %s",
		               cur, f.day, cur, cur);
	return rc;
}

/* The first day CUR has a rate, as SQL ('9999' when it has none). */
#define FIRST_RATE                                                             \
	"coalesce((SELECT min(date) FROM fx_rates WHERE currency = :cur),"     \
	" '9999')"

enum cbm_status ana_require_rates(struct st_db *db, const struct ana_params *p,
                                  const char *cur, const char *table,
                                  const char *date_expr, const char *where,
                                  struct cbm_error *err)
{
	if (strcmp(cur, "USD") == 0)
		return CBM_OK;
	return require(db, p, cur,
	               g_strdup_printf("SELECT min(%s) FROM %s WHERE (%s) AND"
	                               " %s < " FIRST_RATE,
	                               date_expr, table, where, date_expr),
	               err);
}

enum cbm_status ana_require_receipt_rates(struct st_db *db,
                                          const struct ana_params *p,
                                          const char *cur, const char *where,
                                          struct cbm_error *err)
{
	if (strcmp(cur, "USD") == 0)
		return CBM_OK;
	/* Each state's receipts before the first rate, a range of the
	 * index contributions_payment (state, received_on, ...): usually
	 * none, where min() over all the rows would read a whole index. */
	return require(
	    db, p, cur,
	    g_strdup_printf("SELECT min((SELECT min(c.received_on) FROM"
	                    " contributions c WHERE c.state = s.code AND"
	                    " c.received_on < " FIRST_RATE " AND (%s)))"
	                    " FROM states s",
	                    where),
	    err);
}

bool ana_year_in(const struct ana_params *p, int year)
{
	if (p->year)
		return year == p->year;
	return (!p->from || year >= p->from) && (!p->to || year <= p->to);
}

/* ---- small aggregates ---------------------------------------------------- */

static void sum_row(void *data, sqlite3_stmt *st)
{
	GArray *out = data;
	struct ana_sum s = {0};
	const unsigned char *state = sqlite3_column_text(st, 1);

	s.year = sqlite3_column_int(st, 0);
	snprintf(s.state, sizeof(s.state), "%s",
	         state ? (const char *)state : "");
	st_column_money(st, 2, &s.value);
	s.real = sqlite3_column_double(st, 2);
	g_array_append_val(out, s);
}

enum cbm_status ana_sums(struct st_db *db, const char *sql,
                         const struct ana_params *p, const char *cur,
                         GArray *out, struct cbm_error *err)
{
	return ana_run(db, sql, p, cur, sum_row, out, err);
}

/* The approved budget per year; DRAFTS: the draft years instead. */
static enum cbm_status budget_sums(struct st_db *db, const char *cur,
                                   bool drafts, GArray *out,
                                   struct cbm_error *err)
{
	struct ana_params all;
	const char *date = "printf('%04d-01-01', b.year)";
	const char *status =
	    drafts ? "b.status = 'draft'" : "b.status = 'approved'";
	char *money = ana_money_sql("b", "approved", "approved_usd", date,
	                            strcmp(cur, "USD") == 0);
	char *sql = g_strdup_printf("SELECT b.year, '', cbm_sum(%s) FROM"
	                            " budget_lines b WHERE %s GROUP BY b.year"
	                            " ORDER BY b.year",
	                            money, status);
	enum cbm_status rc;

	ana_params_init(&all);
	rc = ana_require_rates(db, &all, cur, "budget_lines b", date, status,
	                       err);
	if (rc == CBM_OK)
		rc = ana_sums(db, sql, &all, cur, out, err);
	g_free(sql);
	g_free(money);
	return rc;
}

enum cbm_status ana_approved(struct st_db *db, const char *cur, GArray *out,
                             struct cbm_error *err)
{
	return budget_sums(db, cur, false, out, err);
}

enum cbm_status ana_drafts(struct st_db *db, const char *cur, GArray *out,
                           struct cbm_error *err)
{
	return budget_sums(db, cur, true, out, err);
}

void ana_year_totals(GArray *sums, GArray *out)
{
	for (guint i = 0; i < sums->len; i++) {
		const struct ana_sum *s =
		    &g_array_index(sums, struct ana_sum, i);
		struct ana_sum *last =
		    out->len ? &g_array_index(out, struct ana_sum, out->len - 1)
		             : NULL;
		if (last && last->year == s->year) {
			last->value += s->value;
			last->real += s->real;
		} else {
			struct ana_sum t = {.year = s->year,
			                    .value = s->value,
			                    .real = s->real};
			g_array_append_val(out, t);
		}
	}
}

GHashTable *ana_sums_by_year(GArray *sums)
{
	GHashTable *h = g_hash_table_new(g_direct_hash, g_direct_equal);

	for (guint i = 0; i < sums->len; i++) {
		struct ana_sum *s = &g_array_index(sums, struct ana_sum, i);
		g_hash_table_insert(h, GINT_TO_POINTER(s->year), s);
	}
	return h;
}

const struct ana_sum *ana_sum_of(GHashTable *by_year, int year)
{
	return g_hash_table_lookup(by_year, GINT_TO_POINTER(year));
}

/* ---- the memo ----------------------------------------------------------- */

static void days_unref(gpointer d)
{
	ana_days_free(d);
}

struct ana_memo *ana_memo_new(void)
{
	struct ana_memo *m = g_new0(struct ana_memo, 1);

	m->days =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, days_unref);
	m->sums = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	                                (GDestroyNotify)g_array_unref);
	return m;
}

void ana_memo_free(struct ana_memo *m)
{
	if (!m)
		return;
	g_hash_table_destroy(m->days);
	g_hash_table_destroy(m->sums);
	g_free(m);
}

bool ana_memo_sums(const struct ana_params *p, const char *key, GArray *out)
{
	const GArray *kept =
	    p->memo ? g_hash_table_lookup(p->memo->sums, key) : NULL;

	if (kept)
		g_array_append_vals(out, kept->data, kept->len);
	return kept != NULL;
}

void ana_memo_keep_sums(const struct ana_params *p, const char *key,
                        const GArray *sums)
{
	GArray *copy;

	if (!p->memo)
		return;
	copy =
	    g_array_sized_new(FALSE, FALSE, sizeof(struct ana_sum), sums->len);
	g_array_append_vals(copy, sums->data, sums->len);
	g_hash_table_replace(p->memo->sums, g_strdup(key), copy);
}

/* ---- the state of the database ------------------------------------------- */

static void int_row(void *data, sqlite3_stmt *st)
{
	int *v = data;

	if (sqlite3_column_type(st, 0) != SQLITE_NULL)
		*v = sqlite3_column_int(st, 0);
}

enum cbm_status ana_year_in_progress(struct st_db *db, int year, bool *open,
                                     struct cbm_error *err)
{
	struct first_day last = {0};
	char end[11];
	/* The latest receipt of each state is one step down the index
	 * contributions_payment (state, received_on, ...); max() over the
	 * whole table would read all of one index.  Every contribution's
	 * state is in states (a foreign key). */
	enum cbm_status rc =
	    ana_run(db,
	            "SELECT max((SELECT max(c.received_on) FROM contributions c"
	            " WHERE c.state = s.code)) FROM states s",
	            NULL, NULL, first_day_row, &last, err);

	snprintf(end, sizeof(end), "%04d-12-31", year);
	*open = rc != CBM_OK || !last.found || strcmp(last.day, end) <= 0;
	return rc;
}

enum cbm_status ana_latest_year(struct st_db *db, bool finished, int *year,
                                struct cbm_error *err)
{
	bool open = false;
	enum cbm_status rc;

	*year = 0;
	rc = ana_run(db,
	             "SELECT max(year) FROM budget_lines"
	             " WHERE status = 'approved'",
	             NULL, NULL, int_row, year, err);

	if (rc == CBM_OK && finished && *year)
		rc = ana_year_in_progress(db, *year, &open, err);
	if (rc == CBM_OK && open)
		(*year)--;
	return rc;
}

enum cbm_status ana_year_has_data(struct st_db *db, int year, bool *has,
                                  struct cbm_error *err)
{
	struct ana_params p;
	int found = 0;
	enum cbm_status rc;

	ana_params_init(&p);
	p.year = year;
	rc = ana_run(db,
	             "SELECT EXISTS (SELECT 1 FROM budget_lines"
	             "  WHERE year = :year)"
	             " OR EXISTS (SELECT 1 FROM contributions"
	             "  WHERE budget_year = :year)"
	             " OR EXISTS (SELECT 1 FROM events WHERE year = :year)",
	             &p, NULL, int_row, &found, err);
	*has = found != 0;
	return rc;
}

enum cbm_status ana_last_receipt(struct st_db *db, const struct ana_params *p,
                                 int year, int32_t *day, bool *found,
                                 struct cbm_error *err)
{
	struct ana_params q = *p;
	struct first_day last = {0};
	enum cbm_status rc;

	q.year = year;
	rc = ana_run(db,
	             "SELECT max(received_on) FROM contributions"
	             " WHERE budget_year = :year AND kind IN (:k1, :k2, :k3)",
	             &q, NULL, first_day_row, &last, err);
	*found =
	    rc == CBM_OK && last.found && cbm_date_parse_iso(last.day, day);
	return rc;
}
