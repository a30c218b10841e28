/*
 * lookups.c - what the reports need from the database beyond the
 * figures: the import batches behind them, the events of the plans, one
 * state's contributions beside the members' median, and the organisation
 * itself.  Each returns a status and fills the error, so that a report
 * never runs SQL of its own and no failed step silently shortens a table.
 */
#include <gsl/gsl_statistics_double.h>
#include <string.h>

#include "analysis_internal.h"

/* ---- sources ------------------------------------------------------------- */

static int add_batch(void *data, const struct st_batch *b)
{
	struct ana_table *t = data;
	size_t r = ana_tb_row(t);
	char day[11];
	int32_t loaded;

	snprintf(day, sizeof(day), "%.10s", b->loaded_at);
	ana_tb_int(t, r, ANA_SOURCES_BATCH, b->id);
	ana_tb_text(t, r, ANA_SOURCES_KIND, b->kind);
	/* Two sheets of one workbook are two batches: name the sheet. */
	if (b->sheet[0]) {
		char *file = g_strdup_printf("%s, %s", b->file_name, b->sheet);
		ana_tb_text(t, r, ANA_SOURCES_FILE, file);
		g_free(file);
	} else {
		ana_tb_text(t, r, ANA_SOURCES_FILE, b->file_name);
	}
	ana_tb_int(t, r, ANA_SOURCES_ROWS, b->rows);
	if (cbm_date_parse_iso(day, &loaded))
		ana_tb_int(t, r, ANA_SOURCES_LOADED, loaded);
	ana_tb_text(t, r, ANA_SOURCES_SHA256, b->sha256);
	return 0;
}

enum cbm_status ana_sources(struct st_db *db, struct ana_table *out,
                            struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    [ANA_SOURCES_BATCH] = {"batch", ANA_INT},
	    [ANA_SOURCES_KIND] = {"kind", ANA_TEXT},
	    [ANA_SOURCES_FILE] = {"file", ANA_TEXT},
	    [ANA_SOURCES_ROWS] = {"rows", ANA_INT},
	    [ANA_SOURCES_LOADED] = {"loaded", ANA_DATE},
	    [ANA_SOURCES_SHA256] = {"sha256", ANA_TEXT},
	};

	ana_tb_columns(out, cols, sizeof(cols) / sizeof(*cols), "USD");
	return st_batch_each(db, add_batch, out, err);
}

/* ---- events -------------------------------------------------------------- */

static const char events_sql[] =
    "SELECT e.year, CAST(e.item AS INTEGER), e.title, e.title_ru,"
    " e.title_kk, e.area,"
    " (SELECT group_concat(o.state, '|') FROM event_organizers o"
    "  WHERE o.event_id = e.id AND o.role = 'organizer'),"
    " (SELECT group_concat(o.state, '|') FROM event_organizers o"
    "  WHERE o.event_id = e.id AND o.role = 'co-organizer'),"
    " e.status,"
    " CASE WHEN :state IS NULL THEN NULL"
    "  WHEN EXISTS (SELECT 1 FROM event_organizers o WHERE"
    "   o.event_id = e.id AND o.state = :state AND o.role = 'organizer')"
    "  THEN 'organizer' ELSE 'co-organizer' END,"
    " e.start_date, e.end_date, e.added_on,"
    " (SELECT group_concat(q.state, '|') FROM event_requests q"
    "  WHERE q.event_id = e.id)"
    " FROM events e WHERE e.year BETWEEN :from AND :to"
    " AND (:state IS NULL OR e.id IN (SELECT event_id"
    "  FROM event_organizers WHERE state = :state))"
    " ORDER BY e.year, CAST(e.item AS INTEGER), e.item";

static void event_row(void *data, sqlite3_stmt *st)
{
	struct ana_table *t = data;
	size_t r = ana_tb_row(t);

	ana_tb_int(t, r, ANA_EVENTS_YEAR, sqlite3_column_int(st, 0));
	ana_tb_int(t, r, ANA_EVENTS_ITEM, sqlite3_column_int64(st, 1));
	int32_t day;

	for (int c = ANA_EVENTS_TITLE; c <= ANA_EVENTS_ROLE; c++)
		ana_tb_text(t, r, (size_t)c,
		            (const char *)sqlite3_column_text(st, c));
	for (int c = ANA_EVENTS_START; c <= ANA_EVENTS_ADDED_ON; c++) {
		const char *iso = (const char *)sqlite3_column_text(st, c);
		if (iso && cbm_date_parse_iso(iso, &day))
			ana_tb_int(t, r, (size_t)c, day);
	}
	ana_tb_text(
	    t, r, ANA_EVENTS_REQUESTED_BY,
	    (const char *)sqlite3_column_text(st, ANA_EVENTS_REQUESTED_BY));
}

enum cbm_status ana_events(struct st_db *db, const struct ana_params *p,
                           struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    [ANA_EVENTS_YEAR] = {"year", ANA_INT},
	    [ANA_EVENTS_ITEM] = {"item", ANA_INT},
	    [ANA_EVENTS_TITLE] = {"title", ANA_TEXT},
	    [ANA_EVENTS_TITLE_RU] = {"title_ru", ANA_TEXT},
	    [ANA_EVENTS_TITLE_KK] = {"title_kk", ANA_TEXT},
	    [ANA_EVENTS_AREA] = {"area", ANA_TEXT},
	    [ANA_EVENTS_ORGANIZERS] = {"organizers", ANA_TEXT},
	    [ANA_EVENTS_CO_ORGANIZERS] = {"co_organizers", ANA_TEXT},
	    [ANA_EVENTS_STATUS] = {"status", ANA_TEXT},
	    [ANA_EVENTS_ROLE] = {"role", ANA_TEXT},
	    [ANA_EVENTS_START] = {"start", ANA_DATE},
	    [ANA_EVENTS_END] = {"end", ANA_DATE},
	    [ANA_EVENTS_ADDED_ON] = {"added_on", ANA_DATE},
	    [ANA_EVENTS_REQUESTED_BY] = {"requested_by", ANA_TEXT},
	};

	ana_tb_columns(out, cols, sizeof(cols) / sizeof(*cols), "USD");
	return ana_run(db, events_sql, p, NULL, event_row, out, err);
}

/* ---- one state beside the members' median -------------------------------- */

/* The year being read: the state's total and the members' totals. */
struct state_years {
	struct ana_table *t;
	const char *state;
	int year;
	cbm_money own;
	GArray *members; /* double: totals of members with a contribution */
};

static void flush_year(struct state_years *s)
{
	size_t r;

	if (!s->year)
		return;
	r = ana_tb_row(s->t);
	ana_tb_int(s->t, r, ANA_STATE_YEARS_YEAR, s->year);
	ana_tb_money(s->t, r, ANA_STATE_YEARS_RECEIVED, s->own);
	ana_tb_int(s->t, r, ANA_STATE_YEARS_CONTRIBUTORS, s->members->len);
	if (s->members->len) {
		/* gsl_stats_median sorts its array in place. */
		double m = gsl_stats_median((double *)s->members->data, 1,
		                            s->members->len);
		ana_tb_money(s->t, r, ANA_STATE_YEARS_MEDIAN,
		             (cbm_money)(m < 0 ? m - 0.5 : m + 0.5));
	}
	g_array_set_size(s->members, 0);
	s->own = 0;
}

static void state_year_row(void *data, sqlite3_stmt *st)
{
	struct state_years *s = data;
	int year = sqlite3_column_int(st, 0);
	cbm_money v = 0;

	if (year != s->year) {
		flush_year(s);
		s->year = year;
	}
	st_column_money(st, 2, &v);
	if (strcmp((const char *)sqlite3_column_text(st, 1), s->state) == 0)
		s->own = v;
	if (sqlite3_column_int(st, 3) && v > 0) {
		double d = (double)v;
		g_array_append_val(s->members, d);
	}
}

enum cbm_status ana_state_years(struct st_db *db, const struct ana_params *p,
                                struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    [ANA_STATE_YEARS_YEAR] = {"year", ANA_INT},
	    [ANA_STATE_YEARS_RECEIVED] = {"received", ANA_MONEY},
	    [ANA_STATE_YEARS_MEDIAN] = {"members_median", ANA_MONEY},
	    [ANA_STATE_YEARS_CONTRIBUTORS] = {"members_contributing", ANA_INT},
	};
	struct ana_params q = *p;
	struct state_years s = {.t = out, .state = p->state ? p->state : ""};
	char cur[4], *money = NULL, *sql = NULL;
	enum cbm_status rc = ana_currency(p, cur, err);

	if (rc != CBM_OK)
		return rc;
	q.kind = ANA_VOLUNTARY; /* the median is of voluntary contributions */
	money = ana_money_sql("c", "amount", "amount_usd", "c.received_on",
	                      strcmp(cur, "USD") == 0);
	sql = g_strconcat("SELECT c.budget_year, c.state, cbm_sum(", money,
	                  "), s.status = 'member' FROM contributions c"
	                  " JOIN states s ON s.code = c.state"
	                  " WHERE c.kind IN (:k1, :k2, :k3)"
	                  " AND c.budget_year BETWEEN :from AND :to"
	                  " GROUP BY c.budget_year, c.state ORDER BY 1, 2",
	                  NULL);
	s.members = g_array_new(FALSE, FALSE, sizeof(double));
	ana_tb_columns(out, cols, sizeof(cols) / sizeof(*cols), cur);
	rc = ana_require_receipt_rates(db, &q, cur, "c.kind IN (:k1, :k2, :k3)",
	                               err);
	if (rc == CBM_OK)
		rc = ana_run(db, sql, &q, cur, state_year_row, &s, err);
	if (rc == CBM_OK)
		flush_year(&s);
	g_array_free(s.members, TRUE);
	g_free(sql);
	g_free(money);
	return rc;
}

/* ---- the organisation ---------------------------------------------------- */

static char *dup_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return t && *t ? g_strdup((const char *)t) : NULL;
}

static void org_row(void *data, sqlite3_stmt *st)
{
	struct ana_org *o = data;
	int len = sqlite3_column_bytes(st, 9);

	o->found = true;
	for (int l = 0; l < 3; l++) {
		o->name[l] = dup_text(st, l);
		o->short_name[l] = dup_text(st, 3 + l);
		o->signatory[l] = dup_text(st, 6 + l);
	}
	if (len > 0 && sqlite3_column_blob(st, 9)) {
		o->emblem = g_memdup2(sqlite3_column_blob(st, 9), (gsize)len);
		o->emblem_len = (size_t)len;
	}
}

enum cbm_status ana_organization(struct st_db *db, struct ana_org *out,
                                 struct cbm_error *err)
{
	memset(out, 0, sizeof(*out));
	return ana_run(db,
	               "SELECT name_en, name_ru, name_kk, short_en, short_ru,"
	               " short_kk, signatory_en, signatory_ru, signatory_kk,"
	               " emblem FROM organization"
	               " ORDER BY batch_id DESC, id DESC LIMIT 1",
	               NULL, NULL, org_row, out, err);
}

void ana_org_release(struct ana_org *org)
{
	if (!org)
		return;
	for (int l = 0; l < 3; l++) {
		g_free(org->name[l]);
		g_free(org->short_name[l]);
		g_free(org->signatory[l]);
	}
	g_free(org->emblem);
	memset(org, 0, sizeof(*org));
}
