/*
 * kinds.c - the file kinds of the data contract (DESIGN.md), the one
 * table of enumerated values in three languages, and what `cbm help
 * import KIND` says about a kind.  Each kind's columns are declared in
 * its own file (kinds_ref.c, kinds_money.c, kinds_org.c) beside its
 * column enum.
 */
#include <string.h>

#include "kinds.h"

const struct kind_def *const imp_kind_defs[IMP_KIND_COUNT] = {
    [IMP_STATES] = &imp_kind_states,
    [IMP_AREAS] = &imp_kind_areas,
    [IMP_COORDINATORS] = &imp_kind_coordinators,
    [IMP_PLAN] = &imp_kind_plan,
    [IMP_CONTRIBUTIONS] = &imp_kind_contributions,
    [IMP_PLEDGES] = &imp_kind_pledges,
    [IMP_BUDGET] = &imp_kind_budget,
    [IMP_FX] = &imp_kind_fx,
    [IMP_SECONDMENTS] = &imp_kind_secondments,
    [IMP_SCALE] = &imp_kind_scale,
    [IMP_ORGANIZATION] = &imp_kind_organization,
};

/* ---- enumerated values ----------------------------------------------------
 *
 * DESIGN "Values in three languages": the English word is stored; the
 * Russian and Kazakh words are read as it, compared as header names are
 * (case folded, ё as е, spaces and hyphens alike).  --map adds more.
 */

const struct imp_enum_value imp_state_status[] = {
    {"member", {"член", "государство-член"}, {"мүше", "мүше мемлекет"}},
    {"observer",
     {"наблюдатель", "государство-наблюдатель"},
     {"бақылаушы", "бақылаушы мемлекет"}},
    {NULL, {NULL}, {NULL}},
};

/* The dimensions by the names of the dimensions table (store/schema.c)
 * and by their first words, as a table heading writes them. */
const struct imp_enum_value imp_dimensions[] = {
    {"military-political",
     {"Военно-политическое измерение", "военно-политическое"},
     {"Әскери-саяси өлшем", "әскери-саяси"}},
    {"new-challenges",
     {"Новые вызовы и угрозы", "новые вызовы"},
     {"Жаңа сын-қатерлер мен қауіптер", "жаңа сын-қатерлер"}},
    {"economic",
     {"Экономическое измерение", "экономическое"},
     {"Экономикалық өлшем", "экономикалық"}},
    {"environmental",
     {"Экологическое измерение", "экологическое"},
     {"Экологиялық өлшем", "экологиялық"}},
    {"human",
     {"Человеческое измерение", "человеческое"},
     {"Адами өлшем", "адами"}},
    {NULL, {NULL}, {NULL}},
};

const struct imp_enum_value imp_roles[] = {
    {"coordinator", {"координатор"}, {"үйлестіруші"}},
    {"co-coordinator", {"сокоординатор"}, {"тең үйлестіруші"}},
    {NULL, {NULL}, {NULL}},
};

const struct imp_enum_value imp_event_formats[] = {
    {"in-person", {"очно", "очный", "очное"}, {"күндізгі", "бетпе-бет"}},
    {"virtual",
     {"онлайн", "виртуально", "дистанционно"},
     {"виртуалды", "онлайн"}},
    {"hybrid", {"гибридный", "гибридно", "смешанный"}, {"аралас", "гибридті"}},
    {NULL, {NULL}, {NULL}},
};

const struct imp_enum_value imp_event_status[] = {
    {"planned", {"запланировано", "планируется"}, {"жоспарланған"}},
    {"held", {"проведено", "проведён", "состоялось"}, {"өткізілді", "өтті"}},
    {"postponed",
     {"перенесено", "перенесён"},
     {"кейінге қалдырылды", "шегерілді"}},
    {"cancelled", {"отменено", "отменён"}, {"өтпеді", "болдырылмады"}},
    {NULL, {NULL}, {NULL}},
};

const struct imp_enum_value imp_contribution_kinds[] = {
    {"voluntary", {"добровольный", "добровольные"}, {"ерікті"}},
    {"earmarked", {"целевой", "целевые"}, {"мақсатты"}},
    {"in-kind", {"в натуральной форме", "натуральный"}, {"заттай"}},
    {NULL, {NULL}, {NULL}},
};

/* DESIGN "Figures and reports": a budget year is approved or a draft. */
const struct imp_enum_value imp_budget_status[] = {
    {"approved",
     {"утверждён", "утверждено", "утвержденный"},
     {"бекітілген", "бекітілді"}},
    {"draft", {"проект"}, {"жоба"}},
    {NULL, {NULL}, {NULL}},
};

int imp_enum_find(const struct imp_enum_value *values, const char *word)
{
	int found = -1;

	for (int i = 0; values[i].en && found < 0; i++) {
		const char *const *lists[] = {values[i].ru, values[i].kk};
		char *key = imp_header_key(values[i].en, NULL);
		if (strcmp(key, word) == 0)
			found = i;
		g_free(key);
		for (int l = 0; l < 2 && found < 0; l++) {
			for (int w = 0; lists[l][w] && found < 0; w++) {
				key = imp_header_key(lists[l][w], NULL);
				if (strcmp(key, word) == 0)
					found = i;
				g_free(key);
			}
		}
	}
	return found;
}

/* ---- kinds --------------------------------------------------------------- */

bool imp_kind_parse(const char *name, enum imp_kind *out)
{
	for (int k = 0; k < IMP_KIND_COUNT; k++) {
		if (strcmp(name, imp_kind_defs[k]->name) == 0) {
			*out = (enum imp_kind)k;
			return true;
		}
	}
	return false;
}

const char *imp_kind_name(enum imp_kind kind)
{
	return imp_kind_defs[kind]->name;
}

int imp_kind_n_columns(enum imp_kind kind)
{
	return imp_kind_defs[kind]->n_columns;
}

/* What a column of TYPE holds, in a word for the help. */
static const char *type_word(enum imp_type type)
{
	static const char *const words[] = {
	    [IMP_T_TEXT] = "text",         [IMP_T_NOTE] = "text",
	    [IMP_T_CODE] = "code",         [IMP_T_STATE] = "state",
	    [IMP_T_STATES] = "states",     [IMP_T_AREA] = "area code",
	    [IMP_T_YEAR] = "year",         [IMP_T_DATE] = "date",
	    [IMP_T_CURRENCY] = "currency", [IMP_T_MONEY] = "amount",
	    [IMP_T_PAYMENT] = "amount",    [IMP_T_NUMBER] = "number",
	    [IMP_T_ENUM] = "one of",
	};

	return words[type];
}

void imp_kind_column(enum imp_kind kind, int i, struct imp_column_info *out)
{
	const struct imp_column *c = &imp_kind_defs[kind]->columns[i];

	out->name = c->name;
	out->required = c->required;
	out->what = type_word(c->type);
	out->ru = c->ru;
	out->kk = c->kk;
	out->values = c->type == IMP_T_ENUM ? c->values : NULL;
}

static void append_words(GString *s, const char *const *words)
{
	for (int w = 0; words[w]; w++)
		g_string_append_printf(s, "%s%s", w ? ", " : "", words[w]);
}

static void help_values(GString *s, const struct imp_column *c)
{
	for (int v = 0; c->values[v].en; v++) {
		g_string_append_printf(s, "      %-18s ", c->values[v].en);
		append_words(s, c->values[v].ru);
		g_string_append(s, "; ");
		append_words(s, c->values[v].kk);
		if (v == c->def)
			g_string_append(s, "  (when empty)");
		g_string_append_c(s, '\n');
	}
}

char *imp_kind_help(enum imp_kind kind)
{
	const struct kind_def *def = imp_kind_defs[kind];
	GString *s = g_string_new(NULL);

	g_string_append_printf(
	    s,
	    "The columns of %s files (* required), with the Russian and Kazakh "
	    "headers read\nas them; headers match in any case, with spaces, "
	    "hyphens or underscores:\n",
	    def->name);
	for (int i = 0; i < def->n_columns; i++) {
		const struct imp_column *c = &def->columns[i];
		g_string_append_printf(s, "  %s%s (%s)\n      ", c->name,
		                       c->required ? "*" : "",
		                       type_word(c->type));
		append_words(s, c->ru);
		g_string_append(s, "; ");
		append_words(s, c->kk);
		g_string_append_c(s, '\n');
		if (c->type == IMP_T_ENUM)
			help_values(s, c);
	}
	return g_string_free(s, FALSE);
}
