/*
 * names.c - states and areas by code, in English, Russian and Kazakh:
 * loaded once, in one place, for the figures' "name" column, the reports
 * and the charts.
 */
#include <string.h>

#include "analysis_internal.h"

/* One state or area: its names by enum cbm_lang (NULL where the file gave
 * none), and for a state its year joined (0: unknown) and status. */
struct entry {
	char *name[3];
	int joined;
	bool member;
};

struct ana_names {
	GHashTable *states; /* code -> struct entry */
	GHashTable *areas;
};

static void free_entry(gpointer p)
{
	struct entry *e = p;

	for (int i = 0; i < 3; i++)
		g_free(e->name[i]);
	g_free(e);
}

static void add_entry(void *data, sqlite3_stmt *st)
{
	GHashTable *into = data;
	struct entry *e = g_new0(struct entry, 1);

	for (int i = 0; i < 3; i++) {
		const unsigned char *t = sqlite3_column_text(st, i + 1);
		e->name[i] = t && *t ? g_strdup((const char *)t) : NULL;
	}
	e->joined = sqlite3_column_int(st, 4);
	e->member = sqlite3_column_int(st, 5) != 0;
	g_hash_table_insert(
	    into, g_strdup((const char *)sqlite3_column_text(st, 0)), e);
}

enum cbm_status ana_names_open(struct ana_names **out, struct st_db *db,
                               struct cbm_error *err)
{
	struct ana_names *n = g_new0(struct ana_names, 1);
	enum cbm_status rc;

	n->states =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_entry);
	n->areas =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_entry);
	rc = ana_run(db,
	             "SELECT code, name_en, name_ru, name_kk,"
	             " coalesce(joined, 0), status = 'member' FROM states",
	             NULL, NULL, add_entry, n->states, err);
	if (rc == CBM_OK)
		rc = ana_run(db,
		             "SELECT code, name_en, name_ru, name_kk, 0, 0"
		             " FROM areas",
		             NULL, NULL, add_entry, n->areas, err);
	if (rc != CBM_OK) {
		ana_names_close(n);
		n = NULL;
	}
	*out = n;
	return rc;
}

void ana_names_close(struct ana_names *names)
{
	if (!names)
		return;
	g_hash_table_destroy(names->states);
	g_hash_table_destroy(names->areas);
	g_free(names);
}

static const char *pick(GHashTable *t, const char *code, enum cbm_lang lang)
{
	const struct entry *e = code ? g_hash_table_lookup(t, code) : NULL;

	if (!e)
		return code;
	if ((int)lang >= 0 && lang <= CBM_LANG_KK && e->name[lang])
		return e->name[lang];
	return e->name[CBM_LANG_EN] ? e->name[CBM_LANG_EN] : code;
}

const char *ana_state_name(const struct ana_names *names, const char *code,
                           enum cbm_lang lang)
{
	return pick(names->states, code, lang);
}

const char *ana_area_name(const struct ana_names *names, const char *code,
                          enum cbm_lang lang)
{
	return pick(names->areas, code, lang);
}

bool ana_state_info(const struct ana_names *names, const char *code,
                    int *joined, bool *member)
{
	const struct entry *e =
	    code ? g_hash_table_lookup(names->states, code) : NULL;

	if (joined)
		*joined = e ? e->joined : 0;
	if (member)
		*member = e && e->member;
	return e != NULL;
}
