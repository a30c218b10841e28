/*
 * fuzz_names.c - the state name table: imp_names_key(),
 * imp_names_resolve(), imp_names_suggest() and imp_names_add() on
 * arbitrary text, and imp_trim() / imp_check_text() on the same text when
 * it is UTF-8 (the CSV reader hands them nothing else).
 *
 * The table is loaded once, as the importer loads it, from a database
 * holding the states of tests/data/states.csv.  The input, up to its first
 * NUL, is the name.  Checked besides memory errors: a key is UTF-8 with
 * no white space at either end and no doubled space; a resolved name is a
 * three-letter code and is also its own best suggestion; a suggestion
 * resolves; a name added to an empty table resolves to its state; trimmed
 * text has no white space at either end.
 */
#include <glib.h>
#include <string.h>

#include "fuzz.h"
#include "import.h"

static struct imp_names *names; /* the states of tests/data */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct st_db *db = fuzz_fixture_db("names.sqlite", ST_OPEN_READONLY);
	struct cbm_error err = {0};

	if (imp_names_open(&names, db, &err) != CBM_OK)
		fuzz_fail(__FILE__, __LINE__, "cannot load names: %s",
		          err.message);
	st_close(db);
	FUZZ_CHECK(imp_names_resolve(names, "Kazakhstan") != NULL);
	return 0;
}

static bool space_at(const char *p)
{
	return *p && g_unichar_isspace(g_utf8_get_char(p));
}

static bool space_at_end(const char *s)
{
	const char *last = *s ? g_utf8_find_prev_char(s, s + strlen(s)) : NULL;

	return last && space_at(last);
}

static void check_key(const char *name)
{
	char *key = imp_names_key(name);

	FUZZ_CHECK(g_utf8_validate(key, -1, NULL));
	FUZZ_CHECK(!space_at(key) && !space_at_end(key));
	FUZZ_CHECK(strstr(key, "  ") == NULL);
	g_free(key);
}

static void check_lookup(const char *name)
{
	const char *code = imp_names_resolve(names, name);
	const char *hint = imp_names_suggest(names, name);

	if (code) {
		FUZZ_CHECK(strlen(code) == 3);
		FUZZ_CHECK(hint != NULL);
	}
	if (hint)
		FUZZ_CHECK(imp_names_resolve(names, hint) != NULL);
}

static void check_add(const char *name)
{
	struct imp_names *own = NULL;
	struct cbm_error err = {0};
	const char *other = NULL, *code;
	bool taken;

	FUZZ_CHECK(imp_names_open(&own, NULL, &err) == CBM_OK);
	FUZZ_CHECK(imp_names_add(own, name, "AAA", &other));
	code = imp_names_resolve(own, name);
	if (*name)
		FUZZ_CHECK(code && strcmp(code, "AAA") == 0);
	taken = !imp_names_add(own, name, "BBB", &other);
	FUZZ_CHECK(taken == (*name != '\0'));
	imp_names_close(own);
}

static void check_text(const char *text)
{
	char *copy = g_strdup(text), why[128] = "";

	imp_trim(copy);
	FUZZ_CHECK(g_utf8_validate(copy, -1, NULL));
	FUZZ_CHECK(!space_at(copy) && !space_at_end(copy));
	if (!imp_check_text(copy, true, why, sizeof(why)))
		FUZZ_CHECK(why[0] != '\0');
	if (!imp_check_text(copy, false, why, sizeof(why)))
		FUZZ_CHECK(why[0] != '\0');
	g_free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *name = g_strndup((const char *)data, size);

	check_key(name);
	check_lookup(name);
	check_add(name);
	if (g_utf8_validate(name, -1, NULL))
		check_text(name);
	g_free(name);
	return 0;
}
