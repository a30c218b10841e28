/*
 * kinds_ref.c - the reference kinds: states, priority areas, coordinators
 * and the annual plan of events.  Each row handler validates every column
 * (reporting all problems of the row), then inserts while ctx->writing.
 */
#include <string.h>

#include "import_internal.h"
#include "kinds.h"

/* ---- states -------------------------------------------------------------- */

enum { S_CODE, S_NAME_EN, S_NAME_RU, S_NAME_KK, S_STATUS, S_JOINED, S_ALIASES };

static const char *const state_status[] = {"member", "observer", NULL};

enum cbm_status imp_kind_states_begin(struct imp_ctx *ctx)
{
	enum cbm_status rc;

	rc = imp_ctx_prepare(
	    ctx, 0,
	    "INSERT INTO states (code, name_en, name_ru, name_kk,"
	    " status, joined, batch_id) VALUES (?,?,?,?,?,?,?)");
	if (rc == CBM_OK)
		rc = imp_ctx_prepare(
		    ctx, 1,
		    "INSERT OR IGNORE INTO state_aliases (state, "
		    "alias, batch_id) VALUES (?,?,?)");
	if (rc == CBM_OK)
		rc = imp_ctx_prepare(
		    ctx, 2, "SELECT batch_id FROM states WHERE code = ?");
	return rc;
}

static bool state_code(struct imp_ctx *ctx, char code[4])
{
	const char *s = imp_ctx_text(ctx, S_CODE);
	char *up;
	bool ok;

	if (!s) {
		imp_ctx_error(ctx, S_CODE, NULL, "missing value");
		return false;
	}
	up = g_ascii_strup(s, -1);
	ok = strlen(up) == 3 && g_ascii_isalpha(up[0]) &&
	     g_ascii_isalpha(up[1]) && g_ascii_isalpha(up[2]);
	if (ok)
		memcpy(code, up, 4);
	else
		imp_ctx_error(
		    ctx, S_CODE, s,
		    "not a state code (ISO 3166-1 alpha-3, e.g. KAZ)");
	g_free(up);
	return ok;
}

/* A name must not be another state's name or alias. */
static void claim_name(struct imp_ctx *ctx, int col, const char *name,
                       const char *code)
{
	const char *other = NULL;

	if (name && !imp_names_add(ctx->names, name, code, &other))
		imp_ctx_error(ctx, col, name, "name already used by state %s",
		              other);
}

static bool state_is_new(struct imp_ctx *ctx, const char *code)
{
	int64_t batch;

	if (!imp_ctx_unique_in_file(ctx, S_CODE, code, "state code"))
		return false;
	sqlite3_bind_text(ctx->stmt[2], 1, code, -1, SQLITE_STATIC);
	batch = imp_ctx_lookup(ctx, ctx->stmt[2]);
	if (batch)
		imp_ctx_already(ctx, S_CODE, code, "state", batch);
	return batch == 0;
}

static void insert_aliases(struct imp_ctx *ctx, const char *code,
                           char **aliases)
{
	long n = 0;

	for (int i = 0; aliases && aliases[i]; i++) {
		if (!*aliases[i])
			continue;
		sqlite3_bind_text(ctx->stmt[1], 1, code, -1, SQLITE_STATIC);
		sqlite3_bind_text(ctx->stmt[1], 2, aliases[i], -1,
		                  SQLITE_STATIC);
		sqlite3_bind_int64(ctx->stmt[1], 3, ctx->batch_id);
		imp_ctx_step(ctx, ctx->stmt[1]);
		n++;
	}
	imp_ctx_count(ctx, 1, n);
}

void imp_kind_states_row(struct imp_ctx *ctx)
{
	char code[4] = "";
	const char *en, *ru, *kk, *alias_text;
	int status = 0, joined = 0;
	char **aliases = NULL;

	if (state_code(ctx, code))
		state_is_new(ctx, code);
	imp_ctx_get_text(ctx, S_NAME_EN, true, false, &en);
	imp_ctx_get_text(ctx, S_NAME_RU, false, false, &ru);
	imp_ctx_get_text(ctx, S_NAME_KK, false, false, &kk);
	imp_ctx_get_enum(ctx, S_STATUS, state_status, 0, &status);
	imp_ctx_get_year(ctx, S_JOINED, false, &joined);
	if (imp_ctx_get_text(ctx, S_ALIASES, false, false, &alias_text) &&
	    alias_text) {
		aliases = g_strsplit(alias_text, "|", -1);
		for (int i = 0; aliases[i]; i++)
			imp_trim(aliases[i]);
	}
	if (code[0]) {
		claim_name(ctx, S_CODE, code, code);
		claim_name(ctx, S_NAME_EN, en, code);
		claim_name(ctx, S_NAME_RU, ru, code);
		claim_name(ctx, S_NAME_KK, kk, code);
		for (int i = 0; aliases && aliases[i]; i++)
			claim_name(ctx, S_ALIASES, aliases[i], code);
	}
	if (imp_ctx_row_ok(ctx) && ctx->writing) {
		sqlite3_stmt *st = ctx->stmt[0];
		sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, en, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, ru, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, kk, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, state_status[status], -1,
		                  SQLITE_STATIC);
		if (joined)
			sqlite3_bind_int(st, 6, joined);
		sqlite3_bind_int64(st, 7, ctx->batch_id);
		imp_ctx_step(ctx, st);
		insert_aliases(ctx, code, aliases);
	}
	if (imp_ctx_row_ok(ctx))
		imp_ctx_count(ctx, 0, 1);
	g_strfreev(aliases);
}

/* ---- areas --------------------------------------------------------------- */

enum { A_DIMENSION, A_CODE, A_NAME_EN, A_NAME_RU, A_NAME_KK };

static const char *const dimensions[] = {
    "military-political", "new-challenges", "economic",
    "environmental",      "human",          NULL,
};

enum cbm_status imp_kind_areas_begin(struct imp_ctx *ctx)
{
	enum cbm_status rc;

	rc = imp_ctx_prepare(
	    ctx, 0,
	    "INSERT INTO areas (code, dimension, name_en, name_ru,"
	    " name_kk, batch_id) VALUES (?,?,?,?,?,?)");
	if (rc == CBM_OK)
		rc = imp_ctx_prepare(
		    ctx, 1, "SELECT batch_id FROM areas WHERE code = ?");
	return rc;
}

static bool area_code(struct imp_ctx *ctx, char *code, size_t n)
{
	const char *s = imp_ctx_text(ctx, A_CODE);
	char *up;
	bool ok = true;

	if (!s) {
		imp_ctx_error(ctx, A_CODE, NULL, "missing value");
		return false;
	}
	up = g_ascii_strup(s, -1);
	for (const char *p = up; *p; p++)
		ok = ok && (g_ascii_isalnum(*p) || *p == '-' || *p == '_');
	ok = ok && strlen(up) <= 16;
	if (ok)
		snprintf(code, n, "%s", up);
	else
		imp_ctx_error(
		    ctx, A_CODE, s,
		    "not an area code (up to 16 letters, digits, - or _)");
	g_free(up);
	return ok;
}

void imp_kind_areas_row(struct imp_ctx *ctx)
{
	char code[17] = "";
	const char *en, *ru, *kk;
	int dim = 0;
	int64_t batch;

	imp_ctx_get_enum(ctx, A_DIMENSION, dimensions, -1, &dim);
	if (area_code(ctx, code, sizeof(code)) &&
	    imp_ctx_unique_in_file(ctx, A_CODE, code, "area code")) {
		sqlite3_bind_text(ctx->stmt[1], 1, code, -1, SQLITE_STATIC);
		batch = imp_ctx_lookup(ctx, ctx->stmt[1]);
		if (batch)
			imp_ctx_already(ctx, A_CODE, code, "area", batch);
	}
	imp_ctx_get_text(ctx, A_NAME_EN, true, false, &en);
	imp_ctx_get_text(ctx, A_NAME_RU, false, false, &ru);
	imp_ctx_get_text(ctx, A_NAME_KK, false, false, &kk);
	if (imp_ctx_row_ok(ctx) && ctx->writing) {
		sqlite3_stmt *st = ctx->stmt[0];
		sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, dimensions[dim], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, en, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, ru, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, kk, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 6, ctx->batch_id);
		imp_ctx_step(ctx, st);
	}
	if (imp_ctx_row_ok(ctx))
		imp_ctx_count(ctx, 0, 1);
}

/* ---- coordinators -------------------------------------------------------- */

enum { C_AREA, C_STATE, C_ROLE, C_FROM, C_TO };

static const char *const coordinator_roles[] = {"coordinator", "co-coordinator",
                                                NULL};

enum cbm_status imp_kind_coordinators_begin(struct imp_ctx *ctx)
{
	return imp_ctx_prepare(ctx, 0,
	                       "INSERT INTO coordinators (area, state, role,"
	                       " from_year, to_year, batch_id)"
	                       " VALUES (?,?,?,?,?,?)");
}

void imp_kind_coordinators_row(struct imp_ctx *ctx)
{
	char area[64];
	const char *state = NULL;
	int role = 0, from = 0, to = 0;

	imp_ctx_get_area(ctx, C_AREA, area, sizeof(area));
	imp_ctx_get_state(ctx, C_STATE, &state);
	imp_ctx_get_enum(ctx, C_ROLE, coordinator_roles, -1, &role);
	imp_ctx_get_year(ctx, C_FROM, true, &from);
	if (imp_ctx_get_year(ctx, C_TO, false, &to) && to && from && to < from)
		imp_ctx_error(ctx, C_TO, imp_ctx_text(ctx, C_TO),
		              "ends before it starts (from_year %d)", from);
	if (imp_ctx_row_ok(ctx) && ctx->writing) {
		sqlite3_stmt *st = ctx->stmt[0];
		sqlite3_bind_text(st, 1, area, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, coordinator_roles[role], -1,
		                  SQLITE_STATIC);
		sqlite3_bind_int(st, 4, from);
		if (to)
			sqlite3_bind_int(st, 5, to);
		sqlite3_bind_int64(st, 6, ctx->batch_id);
		imp_ctx_step(ctx, st);
	}
	if (imp_ctx_row_ok(ctx))
		imp_ctx_count(ctx, 0, 1);
}

/* ---- plan ---------------------------------------------------------------- */

enum {
	P_YEAR,
	P_ITEM,
	P_TITLE,
	P_AREA,
	P_ORGANIZERS,
	P_CO_ORGANIZERS,
	P_START,
	P_END,
	P_FORMAT,
	P_VENUE,
	P_STATUS,
	P_NOTE,
	/* Issue 11: the titles in Russian and Kazakh (DESIGN.md's optional
	 * title_ru, title_kk), after the columns this importer had. */
	P_TITLE_RU,
	P_TITLE_KK
};

static const char *const event_formats[] = {"in-person", "virtual", "hybrid",
                                            NULL};
static const char *const event_status[] = {"planned", "held", "postponed",
                                           "cancelled", NULL};

enum cbm_status imp_kind_plan_begin(struct imp_ctx *ctx)
{
	enum cbm_status rc;

	rc = imp_ctx_prepare(
	    ctx, 0,
	    "INSERT INTO events (year, item, title, area,"
	    " start_date, end_date, format, venue, status, note,"
	    " batch_id, title_ru, title_kk)"
	    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
	if (rc == CBM_OK)
		rc = imp_ctx_prepare(ctx, 1,
		                     "INSERT OR IGNORE INTO event_organizers"
		                     " (event_id, state, role) VALUES (?,?,?)");
	if (rc == CBM_OK)
		rc =
		    imp_ctx_prepare(ctx, 2,
		                    "SELECT batch_id FROM events WHERE year = ?"
		                    " AND item = ?");
	return rc;
}

/* Resolves the '|'-separated states of column COL into a NULL-terminated
 * array of codes (borrowed from the name table); NULL when empty. */
static const char **state_list(struct imp_ctx *ctx, int col, bool required)
{
	const char *text = NULL;
	char **parts;
	const char **codes;
	int n = 0;

	if (!imp_ctx_get_text(ctx, col, required, false, &text) || !text)
		return NULL;
	parts = g_strsplit(text, "|", -1);
	codes = g_new0(const char *, g_strv_length(parts) + 1);
	for (int i = 0; parts[i]; i++) {
		const char *code;
		if (!*imp_trim(parts[i]))
			continue;
		if (imp_ctx_get_state_name(ctx, col, parts[i], &code))
			codes[n++] = code;
	}
	g_strfreev(parts);
	if (n == 0 && required)
		imp_ctx_error(ctx, col, text, "no state named");
	return codes;
}

static void insert_organizers(struct imp_ctx *ctx, int64_t event,
                              const char **codes, const char *role, int count)
{
	for (int i = 0; codes && codes[i]; i++) {
		sqlite3_bind_int64(ctx->stmt[1], 1, event);
		sqlite3_bind_text(ctx->stmt[1], 2, codes[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(ctx->stmt[1], 3, role, -1, SQLITE_STATIC);
		imp_ctx_step(ctx, ctx->stmt[1]);
		imp_ctx_count(ctx, count, 1);
	}
}

static void plan_key(struct imp_ctx *ctx, int year, const char *item)
{
	char *key;
	int64_t batch;

	if (!year || !item)
		return;
	key = g_strdup_printf("%d item %s", year, item);
	if (imp_ctx_unique_in_file(ctx, P_ITEM, key, "plan item")) {
		sqlite3_bind_int(ctx->stmt[2], 1, year);
		sqlite3_bind_text(ctx->stmt[2], 2, item, -1, SQLITE_STATIC);
		batch = imp_ctx_lookup(ctx, ctx->stmt[2]);
		if (batch)
			imp_ctx_already(ctx, P_ITEM, key, "plan item", batch);
	}
	g_free(key);
}

static void bind_date(sqlite3_stmt *st, int i, bool present, int32_t days)
{
	char iso[11];

	if (!present)
		return;
	cbm_date_iso(days, iso);
	sqlite3_bind_text(st, i, iso, -1, SQLITE_TRANSIENT);
}

/* The plan item as a positive whole number, in canonical form ("01" and
 * "1" are one item), into BUF; false (with an error) otherwise. */
static bool plan_item(struct imp_ctx *ctx, char *buf, size_t n)
{
	const char *text;
	const char *p;

	if (!imp_ctx_get_text(ctx, P_ITEM, true, false, &text))
		return false;
	for (p = text; *p == '0'; p++)
		;
	if (!*text || strspn(text, "0123456789") != strlen(text) || !*p ||
	    strlen(p) > 9) {
		imp_ctx_error(
		    ctx, P_ITEM, text,
		    "not a plan item number (a positive whole number, "
		    "e.g. 27)");
		return false;
	}
	snprintf(buf, n, "%s", p);
	return true;
}

void imp_kind_plan_row(struct imp_ctx *ctx)
{
	int year = 0, format = -1, status = 0;
	const char *title, *title_ru, *title_kk, *venue, *note, **orgs, **co;
	char area[64], item[16];
	int32_t start = 0, end = 0;
	bool has_start = false, has_end = false;

	imp_ctx_get_year(ctx, P_YEAR, true, &year);
	if (plan_item(ctx, item, sizeof(item)))
		plan_key(ctx, year, item);
	imp_ctx_get_text(ctx, P_TITLE, true, true, &title);
	imp_ctx_get_text(ctx, P_TITLE_RU, false, true, &title_ru);
	imp_ctx_get_text(ctx, P_TITLE_KK, false, true, &title_kk);
	imp_ctx_get_area(ctx, P_AREA, area, sizeof(area));
	orgs = state_list(ctx, P_ORGANIZERS, true);
	co = state_list(ctx, P_CO_ORGANIZERS, false);
	imp_ctx_get_date(ctx, P_START, false, &start, &has_start);
	if (imp_ctx_get_date(ctx, P_END, false, &end, &has_end) && has_start &&
	    has_end && end < start)
		imp_ctx_error(ctx, P_END, imp_ctx_text(ctx, P_END),
		              "ends before it starts");
	if (imp_ctx_text(ctx, P_FORMAT))
		imp_ctx_get_enum(ctx, P_FORMAT, event_formats, -1, &format);
	imp_ctx_get_text(ctx, P_VENUE, false, false, &venue);
	imp_ctx_get_enum(ctx, P_STATUS, event_status, 0, &status);
	imp_ctx_get_text(ctx, P_NOTE, false, true, &note);
	if (imp_ctx_row_ok(ctx) && ctx->writing) {
		sqlite3_stmt *st = ctx->stmt[0];
		sqlite3_bind_int(st, 1, year);
		sqlite3_bind_text(st, 2, item, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, title, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, area, -1, SQLITE_STATIC);
		bind_date(st, 5, has_start, start);
		bind_date(st, 6, has_end, end);
		if (format >= 0)
			sqlite3_bind_text(st, 7, event_formats[format], -1,
			                  SQLITE_STATIC);
		sqlite3_bind_text(st, 8, venue, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 9, event_status[status], -1,
		                  SQLITE_STATIC);
		sqlite3_bind_text(st, 10, note, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 11, ctx->batch_id);
		sqlite3_bind_text(st, 12, title_ru, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 13, title_kk, -1, SQLITE_STATIC);
		imp_ctx_step(ctx, st);
		int64_t event = sqlite3_last_insert_rowid(ctx->sql);
		insert_organizers(ctx, event, orgs, "organizer", 1);
		insert_organizers(ctx, event, co, "co-organizer", 2);
	}
	if (imp_ctx_row_ok(ctx))
		imp_ctx_count(ctx, 0, 1);
	g_free(orgs);
	g_free(co);
}
