/*
 * names.c - resolving a state from whatever a file calls it.
 *
 * A key is the name after NFKC normalisation, Unicode case folding (GLib)
 * and collapsing of white space, so "ҚАЗАҚСТАН", "Қазақстан" and
 * "қазақстан " are one key, and "Türkiye" written with a combining
 * diaeresis matches the precomposed one.  Every code, name in three
 * languages and alias is a key; a key belongs to one state only.
 */
#include <glib.h>
#include <string.h>

#include "import.h"

struct imp_names {
	GHashTable *keys;  /* key -> code (both owned) */
	GHashTable *shown; /* key -> name as first written (owned) */
	GHashTable *seen;  /* a name as a file wrote it -> code (a memo) */
};

char *imp_fold(const char *name)
{
	char *norm, *folded;

	/* g_utf8_normalize() refuses most bad UTF-8 but passes code points
	 * beyond U+10FFFF ("\xF6\xBD\xBD\xBB") through: check first. */
	if (!g_utf8_validate(name, -1, NULL))
		return g_strdup("");
	norm = g_utf8_normalize(name, -1, G_NORMALIZE_NFKC);
	if (!norm)
		return g_strdup("");
	folded = g_utf8_casefold(norm, -1);
	g_free(norm);
	norm = g_utf8_normalize(folded, -1, G_NORMALIZE_NFKC);
	g_free(folded);
	return norm ? norm : g_strdup("");
}

char *imp_names_key(const char *name)
{
	char *key = imp_fold(name);
	GString *s = g_string_sized_new(strlen(key));
	bool space = false;

	for (const char *p = key; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (g_unichar_isspace(c)) {
			space = s->len > 0;
			continue;
		}
		if (space)
			g_string_append_c(s, ' ');
		space = false;
		g_string_append_unichar(s, c);
	}
	g_free(key);
	return g_string_free(s, FALSE);
}

bool imp_names_add(struct imp_names *names, const char *name, const char *code,
                   const char **other)
{
	char *key;
	const char *have;

	if (!name || !*name)
		return true;
	key = imp_names_key(name);
	have = g_hash_table_lookup(names->keys, key);
	if (have) {
		g_free(key);
		if (strcmp(have, code) == 0)
			return true;
		*other = have;
		return false;
	}
	g_hash_table_insert(names->shown, g_strdup(key), g_strdup(name));
	g_hash_table_insert(names->keys, key, g_strdup(code));
	g_hash_table_remove_all(names->seen); /* a new key may change one */
	return true;
}

static enum cbm_status load(struct imp_names *names, struct st_db *db,
                            const char *sql, struct cbm_error *err)
{
	sqlite3_stmt *st = NULL;
	const char *other;
	int rc;

	if (sqlite3_prepare_v2(st_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK)
		return st_sql_error(db, "cannot read states", err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		for (int i = 1; i < sqlite3_column_count(st); i++)
			imp_names_add(names,
			              (const char *)sqlite3_column_text(st, i),
			              code, &other);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return st_sql_error(db, "cannot read states", err);
	return CBM_OK;
}

enum cbm_status imp_names_open(struct imp_names **out, struct st_db *db,
                               struct cbm_error *err)
{
	struct imp_names *names = g_new0(struct imp_names, 1);
	enum cbm_status rc;

	names->keys =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	names->shown =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	names->seen =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	*out = names;
	if (!db)
		return CBM_OK;
	rc = load(names, db,
	          "SELECT code, code, name_en, name_ru, name_kk FROM states",
	          err);
	if (rc == CBM_OK)
		rc = load(names, db, "SELECT state, alias FROM state_aliases",
		          err);
	if (rc != CBM_OK) {
		imp_names_close(names);
		*out = NULL;
	}
	return rc;
}

void imp_names_close(struct imp_names *names)
{
	if (!names)
		return;
	g_hash_table_destroy(names->keys);
	g_hash_table_destroy(names->shown);
	g_hash_table_destroy(names->seen);
	g_free(names);
}

bool imp_names_empty(const struct imp_names *names)
{
	return g_hash_table_size(names->keys) == 0;
}

const char *imp_names_resolve(struct imp_names *names, const char *name)
{
	const char *code = g_hash_table_lookup(names->seen, name);
	char *key;

	/* A file names few states many times: normalising each once is
	 * enough (the memo holds what resolved, at most a few per state). */
	if (code)
		return code;
	key = imp_names_key(name);
	code = g_hash_table_lookup(names->keys, key);
	g_free(key);
	if (code && g_hash_table_size(names->seen) < 100000)
		g_hash_table_insert(names->seen, g_strdup(name),
		                    g_strdup(code));
	return code;
}

/* Levenshtein distance between two arrays of code points. */
static size_t edit_distance(const gunichar *a, size_t na, const gunichar *b,
                            size_t nb)
{
	size_t *row = g_new(size_t, nb + 1), result;

	for (size_t j = 0; j <= nb; j++)
		row[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	result = row[nb];
	g_free(row);
	return result;
}

const char *imp_names_suggest(struct imp_names *names, const char *name)
{
	char *key = imp_names_key(name);
	glong nkey = 0;
	gunichar *want = g_utf8_to_ucs4_fast(key, -1, &nkey);
	GHashTableIter it;
	gpointer k, v;
	const char *best = NULL;
	size_t best_d = (size_t)-1;

	if (nkey > 100) { /* no name is that long: not worth the time */
		g_free(want);
		g_free(key);
		return NULL;
	}
	g_hash_table_iter_init(&it, names->shown);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		glong n = 0;
		gunichar *have = g_utf8_to_ucs4_fast(k, -1, &n);
		size_t d = edit_distance(want, (size_t)nkey, have, (size_t)n);
		g_free(have);
		/* Ties go to the alphabetically first name: reproducible. */
		if (d < best_d || (d == best_d && strcmp(v, best) < 0)) {
			best_d = d;
			best = v;
		}
	}
	g_free(want);
	g_free(key);
	/* Suggest only what is plausibly a typo: a third of the letters. */
	if (best && best_d <= (size_t)(nkey / 3 + 1))
		return best;
	return NULL;
}
