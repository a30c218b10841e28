/*
 * fuzz_query.c - the read-only guard of `cbm query`: st_query_prepare() on
 * arbitrary SQL, and up to MAX_ROWS rows of each statement it accepts.
 *
 * The database is made once with the schema and the base test data, then
 * opened ST_OPEN_READONLY as `cbm query` opens it; its file is kept in
 * memory.  The input, up to its first NUL, is the SQL.  Checked besides
 * memory errors: an accepted statement is one that SQLite calls read-only,
 * or a PRAGMA (which SQLite calls a writer even when it only reports), or
 * the EXPLAIN of one (which lists the program and runs nothing);
 * after the run no transaction is open, no row was changed and the
 * database file is byte for byte what it was; a refusal is CBM_EDATA with
 * no statement.
 *
 * Running what the guard lets through is the user's business, not the
 * guard's, so the harness bounds it: values of at most 1 MB and about ten
 * million virtual machine steps per input.
 */
#include <glib.h>
#include <string.h>

#include "fuzz.h"

#define MAX_ROWS           100
#define MAX_VALUE_BYTES    (1 << 20)
#define PROGRESS_STEPS     10000
#define MAX_PROGRESS_CALLS 1000

static struct st_db *db; /* the fixture, read-only */
static char *db_path;
static GBytes *image; /* its file as made */
static int progress_calls;

static int on_progress(void *data)
{
	return ++progress_calls > MAX_PROGRESS_CALLS;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	sqlite3 *conn;
	char *bytes = NULL;
	gsize n = 0;

	db = fuzz_fixture_db("query.sqlite", ST_OPEN_READONLY);
	db_path = g_strdup(st_path(db));
	FUZZ_CHECK(g_file_get_contents(db_path, &bytes, &n, NULL));
	image = g_bytes_new_take(bytes, n);
	conn = st_sqlite(db);
	sqlite3_limit(conn, SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES);
	sqlite3_progress_handler(conn, PROGRESS_STEPS, on_progress, NULL);
	return 0;
}

/* True when SQL, after white space, comments and empty statements,
 * starts with PRAGMA.  SQLite's tokenizer also takes a vertical tab for
 * space after another space character. */
static bool is_pragma(const char *sql)
{
	const char *p = sql;

	for (;;) {
		while (*p && strchr(" \t\n\v\f\r;", *p))
			p++;
		if (p[0] == '-' && p[1] == '-') {
			p += strcspn(p, "\n");
		} else if (p[0] == '/' && p[1] == '*') {
			const char *end = strstr(p + 2, "*/");
			p = end ? end + 2 : p + strlen(p);
		} else {
			break;
		}
	}
	return g_ascii_strncasecmp(p, "PRAGMA", 6) == 0;
}

static void run(sqlite3_stmt *stmt)
{
	int rc = SQLITE_ROW;

	for (int row = 0; row < MAX_ROWS && rc == SQLITE_ROW; row++) {
		rc = sqlite3_step(stmt);
		if (rc != SQLITE_ROW)
			break;
		for (int c = 0; c < sqlite3_column_count(stmt); c++) {
			const unsigned char *text =
			    sqlite3_column_text(stmt, c);
			int n = sqlite3_column_bytes(stmt, c);
			FUZZ_CHECK(n >= 0 && (text || n == 0));
			FUZZ_CHECK(!text || text[n] == '\0');
		}
	}
}

static void check_unchanged(void)
{
	char *bytes = NULL;
	gsize n = 0;
	gsize want = 0;
	const void *have = g_bytes_get_data(image, &want);

	FUZZ_CHECK(g_file_get_contents(db_path, &bytes, &n, NULL));
	FUZZ_CHECK(n == want && memcmp(bytes, have, n) == 0);
	g_free(bytes);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *sql = g_strndup((const char *)data, size);
	sqlite3 *conn = st_sqlite(db);
	sqlite3_stmt *stmt = NULL;
	struct cbm_error err = {0};
	int changes = sqlite3_total_changes(conn);
	enum cbm_status rc;

	progress_calls = 0;
	rc = st_query_prepare(db, sql, &stmt, &err);
	if (rc == CBM_OK) {
		FUZZ_CHECK(stmt != NULL);
		if (!sqlite3_stmt_readonly(stmt) &&
		    !sqlite3_stmt_isexplain(stmt) && !is_pragma(sql))
			fuzz_fail(__FILE__, __LINE__,
			          "the guard let a writer through: %s", sql);
		run(stmt);
		sqlite3_finalize(stmt);
	} else {
		FUZZ_CHECK(rc == CBM_EDATA && stmt == NULL);
		FUZZ_CHECK(err.message[0] != '\0');
	}
	FUZZ_CHECK(sqlite3_get_autocommit(conn));
	FUZZ_CHECK(sqlite3_total_changes(conn) == changes);
	check_unchanged();
	g_free(sql);
	return 0;
}
