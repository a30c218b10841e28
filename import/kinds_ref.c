/*
 * kinds_ref.c - the reference kinds: states, priority areas, coordinators
 * and the annual plan of events.  Each kind is its column table (read,
 * checked and stored by the driver) and a row hook for what crosses
 * columns: codes checked and written in capitals, names that belong to
 * one state, keys that must not repeat within the file.
 */
#include <string.h>

#include "kinds.h"

/* A code of letters, digits, '-' or '_' in capitals, at most MAX long
 * (3 letters exactly for a state): the text of column COL, checked and
 * written into its value's buffer. */
static bool upper_code(struct imp_ctx *ctx, int col, bool state, size_t max,
                       const char *what)
{
	struct imp_value *v = &ctx->v[col];
	char *up;
	bool ok = true;

	if (!v->set)
		return false;
	up = g_ascii_strup(v->text, -1);
	for (const char *p = up; *p; p++)
		ok = ok &&
		     (state ? g_ascii_isalpha(*p)
		            : g_ascii_isalnum(*p) || *p == '-' || *p == '_');
	ok = ok && (state ? strlen(up) == 3 : strlen(up) <= max);
	if (ok) {
		snprintf(v->buf, sizeof(v->buf), "%s", up);
		v->s = v->buf;
	} else {
		imp_ctx_error(ctx, col, v->text, "%s", what);
		v->set = false;
	}
	g_free(up);
	return ok;
}

/* ---- states -------------------------------------------------------------- */

enum {
	S_CODE,
	S_NAME_EN,
	S_NAME_RU,
	S_NAME_KK,
	S_STATUS,
	S_JOINED,
	S_ALIASES,
	S_N
};

static const struct imp_column state_columns[S_N] = {
    [S_CODE] = {"code", IMP_T_CODE, true, "code",
                .ru = {"Код", "Код страны", "Код государства"},
                .kk = {"Код", "Ел коды", "Мемлекет коды"}},
    [S_NAME_EN] = {"name_en", IMP_T_TEXT, true, "name_en", .ru = RU_NAME_EN,
                   .kk = KK_NAME_EN},
    [S_NAME_RU] = {"name_ru", IMP_T_TEXT, false, "name_ru", .ru = RU_NAME_RU,
                   .kk = KK_NAME_RU},
    [S_NAME_KK] = {"name_kk", IMP_T_TEXT, false, "name_kk", .ru = RU_NAME_KK,
                   .kk = KK_NAME_KK},
    [S_STATUS] = {"status", IMP_T_ENUM, false, "status", imp_state_status, 0,
                  .ru = {"Статус"}, .kk = {"Мәртебе", "Мәртебесі"}},
    [S_JOINED] = {"joined", IMP_T_YEAR, false, "joined",
                  .ru = {"Год вступления", "Вступление"},
                  .kk = {"Кірген жылы", "Қосылған жылы"}},
    [S_ALIASES] = {"aliases", IMP_T_TEXT, false, NULL,
                   .ru = {"Другие названия", "Синонимы"},
                   .kk = {"Басқа атаулары", "Балама атаулар"}},
};

/* A name must not be another state's name or alias. */
static void claim_name(struct imp_ctx *ctx, int col, const char *name,
                       const char *code)
{
	const char *other = NULL;

	if (name && !imp_names_add(ctx->names, name, code, &other))
		imp_ctx_error(ctx, col, name, "name already used by state %s",
		              other);
}

static void states_row(struct imp_ctx *ctx)
{
	const char *code = NULL;
	char **aliases = NULL;

	if (upper_code(ctx, S_CODE, true, 3,
	               "not a state code (ISO 3166-1 alpha-3, e.g. KAZ)")) {
		code = ctx->v[S_CODE].s;
		imp_ctx_unique_in_file(ctx, S_CODE, code, "state code");
	}
	if (ctx->v[S_ALIASES].set) {
		aliases = g_strsplit(ctx->v[S_ALIASES].text, "|", -1);
		for (int i = 0; aliases[i]; i++)
			imp_trim(aliases[i]);
	}
	if (code) {
		claim_name(ctx, S_CODE, code, code);
		for (int c = S_NAME_EN; c <= S_NAME_KK; c++)
			claim_name(ctx, c, ctx->v[c].s, code);
		for (int i = 0; aliases && aliases[i]; i++)
			claim_name(ctx, S_ALIASES, aliases[i], code);
	}
	for (int i = 0; aliases && aliases[i] && imp_ctx_row_ok(ctx); i++)
		if (*aliases[i])
			imp_ctx_child(ctx, 1, 0, code, aliases[i], NULL);
	g_strfreev(aliases);
}

const struct kind_def imp_kind_states = {
    .name = "states",
    .table = "states",
    .columns = state_columns,
    .n_columns = S_N,
    .count_names = {"states", "aliases"},
    .dup = {"t.code = s.code", S_CODE, "s.code", "state"},
    .children[0] = "INSERT OR IGNORE INTO main.state_aliases (state, alias,"
                   " batch_id) SELECT a, b, ?1 FROM temp.imp_child"
                   " ORDER BY rowid",
    .row = states_row,
};

/* ---- areas --------------------------------------------------------------- */

enum { A_DIMENSION, A_CODE, A_NAME_EN, A_NAME_RU, A_NAME_KK, A_N };

static const struct imp_column area_columns[A_N] = {
    [A_DIMENSION] = {"dimension", IMP_T_ENUM, true, "dimension", imp_dimensions,
                     -1, .ru = {"Измерение"}, .kk = {"Өлшем"}},
    [A_CODE] = {"code", IMP_T_CODE, true, "code", .ru = {"Код"}, .kk = {"Код"}},
    [A_NAME_EN] = {"name_en", IMP_T_TEXT, true, "name_en", .ru = RU_NAME_EN,
                   .kk = KK_NAME_EN},
    [A_NAME_RU] = {"name_ru", IMP_T_TEXT, false, "name_ru", .ru = RU_NAME_RU,
                   .kk = KK_NAME_RU},
    [A_NAME_KK] = {"name_kk", IMP_T_TEXT, false, "name_kk", .ru = RU_NAME_KK,
                   .kk = KK_NAME_KK},
};

static void areas_row(struct imp_ctx *ctx)
{
	if (upper_code(ctx, A_CODE, false, 16,
	               "not an area code (up to 16 letters, digits, - or _)"))
		imp_ctx_unique_in_file(ctx, A_CODE, ctx->v[A_CODE].s,
		                       "area code");
}

const struct kind_def imp_kind_areas = {
    .name = "areas",
    .table = "areas",
    .columns = area_columns,
    .n_columns = A_N,
    .count_names = {"areas"},
    .dup = {"t.code = s.code", A_CODE, "s.code", "area"},
    .row = areas_row,
};

/* ---- coordinators -------------------------------------------------------- */

enum { C_AREA, C_STATE, C_ROLE, C_FROM, C_TO, C_N };

static const struct imp_column coordinator_columns[C_N] = {
    [C_AREA] = {"area", IMP_T_AREA, true, "area", .ru = RU_AREA, .kk = KK_AREA},
    [C_STATE] = {"state", IMP_T_STATE, true, "state", .ru = RU_STATE,
                 .kk = KK_STATE},
    [C_ROLE] = {"role", IMP_T_ENUM, true, "role", imp_roles, -1, .ru = {"Роль"},
                .kk = {"Рөлі", "Рөл"}},
    [C_FROM] = {"from_year", IMP_T_YEAR, true, "from_year",
                .ru = {"С года", "Год начала"},
                .kk = {"Басталған жылы", "Жылдан бастап"}},
    [C_TO] = {"to_year", IMP_T_YEAR, false, "to_year",
              .ru = {"По год", "Год окончания"},
              .kk = {"Аяқталған жылы", "Жылға дейін"}},
};

static void coordinators_row(struct imp_ctx *ctx)
{
	const struct imp_value *from = &ctx->v[C_FROM], *to = &ctx->v[C_TO];

	if (from->set && to->set && to->i < from->i)
		imp_ctx_error(ctx, C_TO, to->text,
		              "ends before it starts (from_year %d)",
		              (int)from->i);
}

const struct kind_def imp_kind_coordinators = {
    .name = "coordinators",
    .table = "coordinators",
    .columns = coordinator_columns,
    .n_columns = C_N,
    .count_names = {"coordinators"},
    .row = coordinators_row,
};

/* ---- plan ---------------------------------------------------------------- */

enum {
	P_YEAR,
	P_ITEM,
	P_TITLE,
	P_AREA,
	P_ORGANIZERS,
	P_TITLE_RU,
	P_TITLE_KK,
	P_CO_ORGANIZERS,
	P_START,
	P_END,
	P_FORMAT,
	P_VENUE,
	P_STATUS,
	P_NOTE,
	P_ADDED_ON,
	P_REQUESTED_BY,
	P_N
};

static const struct imp_column plan_columns[P_N] = {
    [P_YEAR] = {"year", IMP_T_YEAR, true, "year", .ru = RU_YEAR, .kk = KK_YEAR},
    [P_ITEM] = {"item", IMP_T_CODE, true, "item", .ru = {"Пункт", "Номер", "№"},
                .kk = {"Тармақ", "Нөмірі"}},
    [P_TITLE] = {"title", IMP_T_NOTE, true, "title",
                 .ru = {"Название", "Мероприятие", "Название (англ.)"},
                 .kk = {"Атауы", "Іс-шара", "Атауы (ағылш.)"}},
    [P_AREA] = {"area", IMP_T_AREA, true, "area", .ru = RU_AREA, .kk = KK_AREA},
    [P_ORGANIZERS] = {"organizers", IMP_T_STATES, true, NULL,
                      .ru = {"Организаторы", "Организатор"},
                      .kk = {"Ұйымдастырушылар", "Ұйымдастырушы"}},
    [P_TITLE_RU] = {"title_ru", IMP_T_NOTE, false, "title_ru",
                    .ru = RU_TITLE_RU, .kk = KK_TITLE_RU},
    [P_TITLE_KK] = {"title_kk", IMP_T_NOTE, false, "title_kk",
                    .ru = RU_TITLE_KK, .kk = KK_TITLE_KK},
    [P_CO_ORGANIZERS] = {"co_organizers", IMP_T_STATES, false, NULL,
                         .ru = {"Соорганизаторы"},
                         .kk = {"Бірлескен ұйымдастырушылар"}},
    [P_START] = {"start", IMP_T_DATE, false, "start_date",
                 .ru = {"Начало", "Дата начала"},
                 .kk = {"Басталуы", "Басталу күні"}},
    [P_END] = {"end", IMP_T_DATE, false, "end_date",
               .ru = {"Окончание", "Дата окончания"},
               .kk = {"Аяқталуы", "Аяқталу күні"}},
    [P_FORMAT] = {"format", IMP_T_ENUM, false, "format", imp_event_formats, -1,
                  .ru = {"Формат"}, .kk = {"Формат", "Өткізу түрі"}},
    [P_VENUE] = {"venue", IMP_T_TEXT, false, "venue",
                 .ru = {"Место проведения", "Место"},
                 .kk = {"Өтетін орны", "Орны"}},
    [P_STATUS] = {"status", IMP_T_ENUM, false, "status", imp_event_status, 0,
                  .ru = {"Статус"}, .kk = {"Мәртебесі", "Жағдайы"}},
    [P_NOTE] = {"note", IMP_T_NOTE, false, "note", .ru = RU_NOTE,
                .kk = KK_NOTE},
    /* An item added after the plan's adoption: when, at whose request. */
    [P_ADDED_ON] = {"added_on", IMP_T_DATE, false, "added_on",
                    .ru = {"Дата добавления", "Добавлено"},
                    .kk = {"Қосылған күні", "Қосылды"}},
    [P_REQUESTED_BY] = {"requested_by", IMP_T_STATES, false, NULL,
                        .ru = {"По просьбе", "Инициатор включения"},
                        .kk = {"Өтініш білдірген", "Кімнің өтінішімен"}},
};

/* The plan item as a positive whole number in canonical form ("01" and
 * "1" are one item, DESIGN "Precise rules"), in its value's buffer. */
static bool plan_item(struct imp_ctx *ctx)
{
	struct imp_value *v = &ctx->v[P_ITEM];
	const char *p;

	if (!v->set)
		return false;
	for (p = v->text; *p == '0'; p++)
		;
	if (strspn(v->text, "0123456789") != strlen(v->text) || !*p ||
	    strlen(p) > 9) {
		imp_ctx_error(
		    ctx, P_ITEM, v->text,
		    "not a plan item number (a positive whole number, "
		    "e.g. 27)");
		v->set = false;
		return false;
	}
	snprintf(v->buf, sizeof(v->buf), "%s", p);
	v->s = v->buf;
	return true;
}

static void stage_organizers(struct imp_ctx *ctx, int col, const char *role,
                             int count)
{
	const char **codes = ctx->v[col].list;

	for (int i = 0; codes && codes[i]; i++)
		imp_ctx_child(ctx, count, ctx->v[P_YEAR].i, ctx->v[P_ITEM].s,
		              codes[i], role);
}

static void plan_row(struct imp_ctx *ctx)
{
	const struct imp_value *start = &ctx->v[P_START], *end = &ctx->v[P_END];

	if (plan_item(ctx) && ctx->v[P_YEAR].set) {
		char *key = g_strdup_printf("%d item %s", (int)ctx->v[P_YEAR].i,
		                            ctx->v[P_ITEM].s);
		imp_ctx_unique_in_file(ctx, P_ITEM, key, "plan item");
		g_free(key);
	}
	if (start->set && end->set && end->i < start->i)
		imp_ctx_error(ctx, P_END, end->text, "ends before it starts");
	if (imp_ctx_row_ok(ctx)) {
		stage_organizers(ctx, P_ORGANIZERS, "organizer", 1);
		stage_organizers(ctx, P_CO_ORGANIZERS, "co-organizer", 2);
		stage_organizers(ctx, P_REQUESTED_BY, "requester", 3);
	}
}

const struct kind_def imp_kind_plan = {
    .name = "plan",
    .table = "events",
    .columns = plan_columns,
    .n_columns = P_N,
    .count_names = {"events", "organizers", "co-organizers", "requests"},
    .dup = {"t.year = s.year AND t.item = s.item", P_ITEM,
            "s.year || ' item ' || s.item", "plan item"},
    .children = {"INSERT OR IGNORE INTO main.event_organizers (event_id,"
                 " state, role) SELECT e.id, c.b, c.c FROM temp.imp_child c"
                 " JOIN main.events e ON e.year = c.n AND e.item = c.a"
                 " WHERE c.c <> 'requester' ORDER BY c.rowid",
                 "INSERT OR IGNORE INTO main.event_requests (event_id,"
                 " state) SELECT e.id, c.b FROM temp.imp_child c"
                 " JOIN main.events e ON e.year = c.n AND e.item = c.a"
                 " WHERE c.c = 'requester' ORDER BY c.rowid"},
    .row = plan_row,
};
