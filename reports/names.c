/*
 * names.c - states and areas by code, in the reader's language.
 */
#include <glib.h>

#include "report.h"

struct rpt_names {
	GHashTable *states; /* code -> char *[3] (en, ru, kk) */
	GHashTable *areas;
};

/* The three names may have holes (NULL): free them one by one. */
static void free_names(gpointer p)
{
	char **n = p;

	for (int i = 0; i < 3; i++)
		g_free(n[i]);
	g_free(n);
}

static enum cbm_status load(struct st_db *db, const char *sql, GHashTable *into,
                            struct cbm_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(st_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK)
		return st_sql_error(db, "cannot read names", err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char **n = g_new0(char *, 4);
		for (int i = 0; i < 3; i++) {
			const unsigned char *t = sqlite3_column_text(st, i + 1);
			n[i] = g_strdup(t && *t ? (const char *)t : NULL);
		}
		g_hash_table_insert(
		    into, g_strdup((const char *)sqlite3_column_text(st, 0)),
		    n);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return st_sql_error(db, "cannot read names", err);
	return CBM_OK;
}

enum cbm_status rpt_names_open(struct rpt_names **out, struct st_db *db,
                               struct cbm_error *err)
{
	struct rpt_names *n = g_new0(struct rpt_names, 1);
	enum cbm_status rc;

	n->states =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_names);
	n->areas =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_names);
	rc = load(db, "SELECT code, name_en, name_ru, name_kk FROM states",
	          n->states, err);
	if (rc == CBM_OK)
		rc = load(db,
		          "SELECT code, name_en, name_ru, name_kk FROM areas",
		          n->areas, err);
	if (rc != CBM_OK) {
		rpt_names_close(n);
		n = NULL;
	}
	*out = n;
	return rc;
}

void rpt_names_close(struct rpt_names *names)
{
	if (!names)
		return;
	g_hash_table_destroy(names->states);
	g_hash_table_destroy(names->areas);
	g_free(names);
}

static const char *pick(GHashTable *t, const char *code, enum cbm_lang lang)
{
	char **n = g_hash_table_lookup(t, code);

	if (!n)
		return code;
	/* A NULL in the middle ends a strv early: index the array. */
	if (n[lang])
		return n[lang];
	return n[CBM_LANG_EN] ? n[CBM_LANG_EN] : code;
}

const char *rpt_state_name(const struct rpt_names *names, const char *code,
                           enum cbm_lang lang)
{
	return pick(names->states, code, lang);
}

const char *rpt_area_name(const struct rpt_names *names, const char *code,
                          enum cbm_lang lang)
{
	return pick(names->areas, code, lang);
}
