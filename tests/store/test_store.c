/* test_store.c - opening and migrating, the read-only guard and the limits
 * of a query, batches and their removal, and fx recomputation. */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "check.h"
#include "store.h"

static char *temp_path(const char *name)
{
	static const char *dir;

	if (!dir)
		dir = check_tmpdir("cbm-store");
	return g_build_filename(dir, name, NULL);
}

static void exec_ok(struct st_db *db, const char *sql)
{
	struct cbm_error err = {0};

	CHECK_INT(st_exec(db, sql, &err), CBM_OK);
	if (err.code)
		fprintf(stderr, "  %s\n", err.message);
}

static int64_t scalar(struct st_db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int64_t v = -1;

	if (sqlite3_prepare_v2(st_sqlite(db), sql, -1, &st, NULL) ==
	        SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void test_open(void)
{
	char *path = temp_path("open.sqlite");
	struct st_db *db = NULL;
	struct cbm_error err = {0};

	CHECK_INT(st_open(&db, path, ST_OPEN_READWRITE, &err), CBM_EUSAGE);
	CHECK_HAS(err.message, "cbm init");
	cbm_error_clear(&err);
	CHECK_INT(st_open(&db, path, ST_OPEN_CREATE, &err), CBM_OK);
	CHECK_INT(scalar(db, "PRAGMA user_version"), st_schema_version());
	CHECK_INT(scalar(db, "PRAGMA foreign_keys"), 1);
	CHECK_INT(scalar(db, "SELECT count(*) FROM dimensions"), 5);
	st_close(db);
	/* Opening again migrates nothing and keeps the data. */
	CHECK_INT(st_open(&db, path, ST_OPEN_READWRITE, &err), CBM_OK);
	CHECK_INT(scalar(db, "SELECT count(*) FROM dimensions"), 5);
	st_close(db);
	st_close(NULL);
	g_free(path);
}

static void test_foreign_database(void)
{
	char *path = temp_path("other.sqlite");
	sqlite3 *raw = NULL;
	struct st_db *db = NULL;
	struct cbm_error err = {0};

	sqlite3_open(path, &raw);
	sqlite3_exec(raw, "CREATE TABLE payroll(x)", NULL, NULL, NULL);
	sqlite3_close(raw);
	CHECK_INT(st_open(&db, path, ST_OPEN_READWRITE, &err), CBM_EDATA);
	CHECK_HAS(err.message, "not a cbm database");
	CHECK(db == NULL);
	cbm_error_clear(&err);
	/* A newer schema than ours is refused, not downgraded. */
	sqlite3_open(path, &raw);
	sqlite3_exec(raw, "DROP TABLE payroll; PRAGMA user_version = 99", NULL,
	             NULL, NULL);
	sqlite3_close(raw);
	CHECK_INT(st_open(&db, path, ST_OPEN_READWRITE, &err), CBM_EDATA);
	CHECK_HAS(err.message, "newer");
	g_free(path);
}

static const char *const refused[] = {
    "INSERT INTO batches VALUES (9, 'x', 'x', 'x', 0, 'x', 'x')",
    "UPDATE states SET name_en = 'x'",
    "DELETE FROM states",
    "REPLACE INTO currencies VALUES ('XXX', 100)",
    "CREATE TABLE t(x)",
    "CREATE TEMP TABLE t(x)",
    "DROP VIEW v_states",
    "ALTER TABLE states ADD COLUMN x",
    "ATTACH DATABASE ':memory:' AS m",
    "DETACH DATABASE main",
    "VACUUM",
    "VACUUM INTO '/tmp/cbm-test-vacuum-into.db'",
    "PRAGMA journal_mode = DELETE",
    "PRAGMA user_version = 5",
    "PRAGMA writable_schema = ON",
    "SELECT load_extension('x')",
    "BEGIN",
    "SELECT 1; DELETE FROM states",
    "SELECT 1; SELECT 2",
    "WITH x AS (SELECT 1) DELETE FROM states",
    "",
    "SELEKT 1",
};

static void test_guard(void)
{
	char *path = temp_path("guard.sqlite");
	struct st_db *db = NULL;
	struct cbm_error err = {0};
	sqlite3_stmt *st = NULL;

	CHECK_INT(st_open(&db, path, ST_OPEN_CREATE, &err), CBM_OK);
	st_close(db);
	CHECK_INT(st_open(&db, path, ST_OPEN_READONLY, &err), CBM_OK);
	for (size_t i = 0; i < sizeof(refused) / sizeof(*refused); i++) {
		cbm_error_clear(&err);
		if (st_query_prepare(db, refused[i], &st, &err) != CBM_EDATA) {
			check_failures++;
			fprintf(stderr, "not refused: %s\n", refused[i]);
		}
		check_count++;
		CHECK(st == NULL);
	}
	CHECK(!g_file_test("/tmp/cbm-test-vacuum-into.db", G_FILE_TEST_EXISTS));
	cbm_error_clear(&err);
	CHECK_INT(st_query_prepare(db, "PRAGMA user_version", &st, &err),
	          CBM_OK);
	sqlite3_finalize(st);
	CHECK_INT(st_query_prepare(db, "PRAGMA table_info(states)", &st, &err),
	          CBM_OK);
	sqlite3_finalize(st);
	CHECK_INT(st_query_prepare(db, "SELECT * FROM v_states; -- done\n", &st,
	                           &err),
	          CBM_OK);
	sqlite3_finalize(st);
	CHECK_INT(st_query_prepare(db, "SELECT 1 /* one */ ;  ", &st, &err),
	          CBM_OK);
	sqlite3_finalize(st);
	st_close(db);
	g_free(path);
}

/* st_query_*: rows one by one, then the time and memory limits, which
 * end in a message and leave SQLite's heap limit as it was. */
static void test_query_limits(void)
{
	static const char *const runaway =
	    "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) ";
	char *path = temp_path("limits.sqlite");
	char *sql;
	struct st_db *db = NULL;
	struct st_query *q = NULL;
	struct cbm_error err = {0};
	int64_t before = sqlite3_hard_heap_limit64(-1);
	bool row = false;

	CHECK_INT(st_open(&db, path, ST_OPEN_CREATE, &err), CBM_OK);
	st_close(db);
	CHECK_INT(st_open(&db, path, ST_OPEN_READONLY, &err), CBM_OK);

	sql = g_strconcat(runaway, "SELECT x FROM r LIMIT 3", NULL);
	CHECK_INT(st_query_open(&q, db, sql, 0, &err), CBM_OK);
	CHECK_INT(sqlite3_hard_heap_limit64(-1), ST_QUERY_HEAP_LIMIT);
	for (int i = 1; i <= 3; i++) {
		CHECK_INT(st_query_step(q, &row, &err), CBM_OK);
		CHECK(row);
		CHECK_INT(sqlite3_column_int(st_query_stmt(q), 0), i);
	}
	CHECK_INT(st_query_step(q, &row, &err), CBM_OK);
	CHECK(!row);
	st_query_close(q);
	CHECK_INT(sqlite3_hard_heap_limit64(-1), before);
	g_free(sql);

	sql = g_strconcat(runaway, "SELECT count(*) FROM r", NULL);
	CHECK_INT(st_query_open(&q, db, sql, 1, &err), CBM_OK);
	CHECK_INT(st_query_step(q, &row, &err), CBM_EDATA);
	CHECK_HAS(err.message, "query stopped after 1 s");
	st_query_close(q);
	g_free(sql);

	cbm_error_clear(&err);
	CHECK_INT(st_query_open(&q, db,
	                        "SELECT length(v), length(x'00' || "
	                        "zeroblob(999000000)) FROM (SELECT x'00' || "
	                        "zeroblob(80000000) AS v)",
	                        0, &err),
	          CBM_OK);
	CHECK_INT(st_query_step(q, &row, &err), CBM_EDATA);
	CHECK_HAS(err.message, "more than 1 GiB of memory");
	st_query_close(q);

	cbm_error_clear(&err);
	CHECK_INT(st_query_open(&q, db, "DELETE FROM states", 0, &err),
	          CBM_EDATA);
	CHECK(q == NULL);
	CHECK_INT(sqlite3_hard_heap_limit64(-1), before);
	st_query_close(NULL);
	st_close(db);
	g_free(path);
}

/* A states batch, an fx batch and a contribution batch that needs both. */
static void fill(struct st_db *db, int64_t *states, int64_t *fx, int64_t *money)
{
	struct cbm_error err = {0};

	CHECK_INT(st_begin(db, &err), CBM_OK);
	CHECK_INT(
	    st_batch_create(db, "states", "s.csv", NULL, "a1", states, &err),
	    CBM_OK);
	CHECK_INT(st_batch_create(db, "fx", "f.csv", NULL, "a2", fx, &err),
	          CBM_OK);
	CHECK_INT(st_batch_create(db, "contributions", "c.csv", NULL, "a3",
	                          money, &err),
	          CBM_OK);
	char *sql = g_strdup_printf(
	    "INSERT INTO states (code, name_en, batch_id)"
	    " VALUES ('KAZ', 'Kazakhstan', %lld);"
	    "INSERT INTO fx_rates VALUES ('EUR', '2024-01-01', 1.10, %lld);"
	    "INSERT INTO currencies VALUES ('EUR', 100);"
	    "INSERT INTO contributions (state, received_on, budget_year,"
	    " amount, currency, usd_per_unit, amount_usd, batch_id) VALUES"
	    " ('KAZ', '2024-03-01', 2024, 10000, 'EUR', 1.10, 11000, %lld)",
	    (long long)*states, (long long)*fx, (long long)*money);
	exec_ok(db, sql);
	g_free(sql);
	CHECK_INT(st_commit(db, &err), CBM_OK);
}

static void test_undo(void)
{
	char *path = temp_path("undo.sqlite");
	struct st_db *db = NULL;
	struct cbm_error err = {0};
	int64_t states, fx, money;
	struct st_batch b;

	CHECK_INT(st_open(&db, path, ST_OPEN_CREATE, &err), CBM_OK);
	fill(db, &states, &fx, &money);
	CHECK_INT(st_batch_find_sha(db, "a3", &b, &err), CBM_OK);
	CHECK_INT(b.id, money);
	CHECK_INT(st_batch_find_sha(db, "zz", &b, &err), CBM_OK);
	CHECK_INT(b.id, 0);
	/* The states and the fx rate are in use: both refusals name the
	 * contributions batch, and nothing changes. */
	CHECK_INT(st_undo(db, states, &err), CBM_EDATA);
	CHECK_HAS(err.message, "c.csv");
	cbm_error_clear(&err);
	CHECK_INT(st_undo(db, fx, &err), CBM_EDATA);
	CHECK_HAS(err.message, "EUR");
	CHECK_HAS(err.message, "c.csv");
	cbm_error_clear(&err);
	CHECK_INT(scalar(db, "SELECT count(*) FROM states"), 1);
	CHECK_INT(scalar(db, "SELECT count(*) FROM fx_rates"), 1);
	CHECK_INT(scalar(db, "SELECT count(*) FROM batches"), 3);
	/* Contributions first, then the others go. */
	CHECK_INT(st_undo(db, money, &err), CBM_OK);
	CHECK_INT(st_undo(db, fx, &err), CBM_OK);
	CHECK_INT(st_undo(db, states, &err), CBM_OK);
	CHECK_INT(scalar(db, "SELECT count(*) FROM batches"), 0);
	CHECK_INT(st_undo(db, states, &err), CBM_EDATA);
	st_close(db);
	g_free(path);
}

/* A batch is (file, kind, sheet): two sheets of one workbook, or one file
 * as two kinds, are two batches; the same three again are refused. */
static void test_batch_identity(void)
{
	char *path = temp_path("identity.sqlite");
	struct st_db *db = NULL;
	struct cbm_error err = {0};
	int64_t a = 0, b = 0, c = 0, d = 0;
	struct st_batch found;

	CHECK_INT(st_open(&db, path, ST_OPEN_CREATE, &err), CBM_OK);
	CHECK_INT(st_begin(db, &err), CBM_OK);
	CHECK_INT(
	    st_batch_create(db, "pledges", "w.xlsx", "2024", "f1", &a, &err),
	    CBM_OK);
	CHECK_INT(
	    st_batch_create(db, "pledges", "w.xlsx", "2025", "f1", &b, &err),
	    CBM_OK);
	CHECK_INT(
	    st_batch_create(db, "budget", "w.xlsx", "2024", "f1", &c, &err),
	    CBM_OK);
	CHECK_INT(st_batch_create(db, "pledges", "p.csv", NULL, "f2", &d, &err),
	          CBM_OK);
	CHECK_INT(st_batch_create(db, "pledges", "again.xlsx", "2024", "f1", &a,
	                          &err),
	          CBM_EINTERNAL);
	cbm_error_clear(&err);
	CHECK_INT(st_batch_find(db, "f1", "pledges", "2025", &found, &err),
	          CBM_OK);
	CHECK_INT(found.id, b);
	CHECK_STR(found.sheet, "2025");
	CHECK_INT(st_batch_find(db, "f1", "budget", "2024", &found, &err),
	          CBM_OK);
	CHECK_INT(found.id, c);
	CHECK_INT(st_batch_find(db, "f1", "budget", "2025", &found, &err),
	          CBM_OK);
	CHECK_INT(found.id, 0);
	CHECK_INT(st_batch_find(db, "f2", "pledges", NULL, &found, &err),
	          CBM_OK);
	CHECK_INT(found.id, d);
	CHECK_STR(found.sheet, "");
	CHECK_INT(scalar(db, "SELECT count(*) FROM v_batches"
	                     " WHERE sheet IS NULL"),
	          1);
	st_rollback(db);
	st_close(db);
	g_free(path);
}

static void test_fx_recompute(void)
{
	char *path = temp_path("fx.sqlite");
	struct st_db *db = NULL;
	struct cbm_error err = {0};
	int64_t states, fx, money;

	CHECK_INT(st_open(&db, path, ST_OPEN_CREATE, &err), CBM_OK);
	fill(db, &states, &fx, &money);
	/* A later rate before the contribution's date takes over:
	 * 100.00 EUR x 1.25 = 125.00 USD. */
	exec_ok(db,
	        "INSERT INTO fx_rates VALUES ('EUR', '2024-02-15', 1.25, 2)");
	CHECK_INT(st_fx_recompute(db, &err), CBM_OK);
	CHECK_INT(scalar(db, "SELECT amount_usd FROM contributions"), 12500);
	/* A rate after the date changes nothing. */
	exec_ok(db,
	        "INSERT INTO fx_rates VALUES ('EUR', '2024-03-02', 2.0, 2)");
	CHECK_INT(st_fx_recompute(db, &err), CBM_OK);
	CHECK_INT(scalar(db, "SELECT amount_usd FROM contributions"), 12500);
	/* cbm_convert in SQL: 12500 US cents into EUR at 1.25 = 100.00. */
	CHECK_INT(scalar(db, "SELECT cbm_convert(12500, 'USD', 1.0, 'EUR',"
	                     " 1.25)"),
	          10000);
	st_close(db);
	g_free(path);
}

static void test_views(void)
{
	size_t n = 0;
	const struct st_view *v = st_views(&n);
	bool contributions = false, collection = false, events = false;

	for (size_t i = 0; i < n; i++) {
		contributions |= strcmp(v[i].name, "v_contributions") == 0;
		collection |= strcmp(v[i].name, "v_collection_by_year") == 0;
		events |= strcmp(v[i].name, "v_events") == 0;
	}
	CHECK(contributions && collection && events);
}

/* The money columns of the views are all known to st_view_columns (a
 * new view column of money would otherwise print 56000.0), and each one
 * whose currency is its row's has that currency column beside it. */
static void test_view_columns(void)
{
	char *path = temp_path("columns.sqlite");
	struct st_db *db = NULL;
	struct cbm_error err = {0};
	size_t n = 0, money = 0;
	const struct st_view *v = st_views(&n);

	CHECK_INT(st_open(&db, path, ST_OPEN_CREATE, &err), CBM_OK);
	for (size_t i = 0; db && i < n; i++) {
		char *sql = g_strdup_printf("SELECT * FROM %s", v[i].name);
		sqlite3_stmt *st = NULL;
		CHECK(sqlite3_prepare_v2(st_sqlite(db), sql, -1, &st, NULL) ==
		      SQLITE_OK);
		for (int c = 0; st && c < sqlite3_column_count(st); c++) {
			const char *name = sqlite3_column_name(st, c);
			const struct st_view_column *vc = st_view_column(name);
			bool has_currency = false;
			/* units_per_usd is a rate, not money. */
			bool looks_money =
			    (g_str_has_suffix(name, "_usd") &&
			     !g_str_has_prefix(name, "units_")) ||
			    strcmp(name, "amount") == 0 ||
			    strcmp(name, "approved") == 0 ||
			    strcmp(name, "spent") == 0;
			if (looks_money && !(vc && vc->kind == ST_COLUMN_MONEY))
				fprintf(stderr, "%s.%s: not known as money\n",
				        v[i].name, name);
			CHECK(!looks_money ||
			      (vc && vc->kind == ST_COLUMN_MONEY));
			if (!vc || !vc->currency)
				continue;
			money++;
			for (int k = 0; k < sqlite3_column_count(st); k++)
				has_currency |=
				    strcmp(sqlite3_column_name(st, k),
				           vc->currency) == 0;
			CHECK(has_currency);
		}
		sqlite3_finalize(st);
		g_free(sql);
	}
	CHECK(money >= 4);
	CHECK(st_view_column("collection_rate") &&
	      st_view_column("collection_rate")->kind == ST_COLUMN_RATE);
	CHECK(!st_view_column("usd_per_unit"));
	CHECK(!st_view_column(NULL));
	st_close(db);
	g_free(path);
}

/* The text of the first column of the one row of SQL on DB, and its type
 * in *TYPE; "" when there is no row. */
static char *text_of(struct st_db *db, const char *sql, int *type)
{
	sqlite3_stmt *st = NULL;
	char *v = g_strdup("");

	*type = -1;
	if (sqlite3_prepare_v2(st_sqlite(db), sql, -1, &st, NULL) ==
	        SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		*type = sqlite3_column_type(st, 0);
		g_free(v);
		v = g_strdup(sqlite3_column_text(st, 0)
		                 ? (const char *)sqlite3_column_text(st, 0)
		                 : "");
	}
	sqlite3_finalize(st);
	return v;
}

#define CHECK_SQL(db, sql, want, want_type)                                    \
	do {                                                                   \
		int type_;                                                     \
		char *got_ = text_of(db, sql, &type_);                         \
		CHECK_STR(got_, want);                                         \
		CHECK_INT(type_, want_type);                                   \
		g_free(got_);                                                  \
	} while (0)

/* N rows of X: the rows of a recursive CTE as the FROM of a sum. */
#define ROWS(n)                                                                \
	"(WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1"             \
	" FROM r WHERE i < " #n ") SELECT i FROM r)"

/* cbm_sum() and cbm_convert_wide(): 128 bits, INTEGER while the value
 * fits 64 bits (what sum() gives), its exact digits as TEXT beyond. */
static void test_money_sql(void)
{
	char *path = temp_path("money.sqlite");
	struct st_db *db = NULL;
	struct cbm_error err = {0};
	sqlite3_stmt *st = NULL;
	cbm_money m = -1;

	CHECK_INT(st_open(&db, path, ST_OPEN_CREATE, &err), CBM_OK);
	/* 10,000 x 10^15 cents = 10^19, past INT64_MAX (9.2 x 10^18);
	 * SQLite's own sum() fails on the same rows. */
	CHECK_SQL(db, "SELECT cbm_sum(1000000000000000) FROM " ROWS(10000),
	          "10000000000000000000", SQLITE_TEXT);
	CHECK_SQL(db, "SELECT sum(1000000000000000) FROM " ROWS(10000), "", -1);
	/* 9,223 of them still fit: an INTEGER, as from sum(). */
	CHECK_SQL(db, "SELECT cbm_sum(1000000000000000) FROM " ROWS(9223),
	          "9223000000000000000", SQLITE_INTEGER);
	CHECK_SQL(db, "SELECT cbm_sum(i) FROM " ROWS(100), "5050",
	          SQLITE_INTEGER);
	/* NULLs are skipped; no value at all is NULL, as from sum(). */
	CHECK_SQL(db, "SELECT cbm_sum(NULLIF(i, 2)) FROM " ROWS(3), "4",
	          SQLITE_INTEGER);
	CHECK_SQL(db, "SELECT cbm_sum(i) FROM " ROWS(3) " WHERE i > 5", "",
	          SQLITE_NULL);
	/* Digits beyond 64 bits add as numbers, and come back to an
	 * INTEGER when the total fits again: 10^19 - 9 x 10^18 = 10^18. */
	CHECK_SQL(db,
	          "SELECT cbm_sum(x) FROM (SELECT '10000000000000000000' AS x"
	          " UNION ALL SELECT -9000000000000000000)",
	          "1000000000000000000", SQLITE_INTEGER);
	/* A REAL or a word is not money: an error, not a rounding. */
	CHECK_SQL(db, "SELECT cbm_sum(1.5)", "", -1);
	CHECK_SQL(db, "SELECT cbm_sum('ten')", "", -1);
	/* 2 x (2^127 - 1) does not fit 128 bits: an error, not a wrap. */
	CHECK_SQL(db,
	          "SELECT cbm_sum('170141183460469231731687303715884105727')"
	          " FROM " ROWS(2),
	          "", -1);
	/* 10^15 cents into a currency at 65,536 a dollar (2^-16 USD, exact
	 * in binary): 6.5536 x 10^19 minor units, as TEXT; cbm_convert()
	 * refuses it (NULL), as the store's US cents need. */
	CHECK_SQL(db,
	          "SELECT cbm_convert_wide(1000000000000000, 'USD', 1.0,"
	          " 'IRR', 1.0 / 65536)",
	          "65536000000000000000", SQLITE_TEXT);
	CHECK_SQL(db,
	          "SELECT cbm_convert(1000000000000000, 'USD', 1.0, 'IRR',"
	          " 1.0 / 65536)",
	          "", SQLITE_NULL);
	CHECK_SQL(db,
	          "SELECT cbm_sum(cbm_convert_wide(1000000000000000, 'USD',"
	          " 1.0, 'IRR', 1.0 / 65536)) FROM " ROWS(10000),
	          "655360000000000000000000", SQLITE_TEXT);
	/* Below the limit both give the same cents: 100.00 EUR at 1.10. */
	CHECK_SQL(db, "SELECT cbm_convert_wide(10000, 'EUR', 1.1, 'USD', 1.0)",
	          "11000", SQLITE_INTEGER);
	CHECK_SQL(db, "SELECT cbm_convert_wide(10000, 'EUR', NULL, 'USD', 1.0)",
	          "", SQLITE_NULL);
	/* st_column_money reads both forms, and nothing else. */
	CHECK_INT(sqlite3_prepare_v2(st_sqlite(db),
	                             "SELECT 42, '10000000000000000000', NULL,"
	                             " 1.5, 'x'",
	                             -1, &st, NULL),
	          SQLITE_OK);
	CHECK_INT(sqlite3_step(st), SQLITE_ROW);
	CHECK(st_column_money(st, 0, &m) && m == 42);
	CHECK(st_column_money(st, 1, &m) &&
	      m == (cbm_money)CBM_AMOUNT_MAX * 10000);
	CHECK(!st_column_money(st, 2, &m) && m == 0);
	CHECK(!st_column_money(st, 3, &m) && m == 0);
	CHECK(!st_column_money(st, 4, &m) && m == 0);
	sqlite3_finalize(st);
	st_close(db);
	g_free(path);
}

/* A database of version 1 (made by cbm 0.1.0: tests/data/store) gets
 * the view of version 2, which sums with total() so that it cannot
 * overflow.  A real one: the migrations after 2 are not all of a kind
 * that could run twice on a newer schema set back to version 1. */
static void test_migration_2(void)
{
	char *path = temp_path("v1.sqlite");
	struct st_db *db = NULL;
	struct cbm_error err = {0};
	char *bytes = NULL;
	gsize len = 0;
	int type;
	char *sql;

	CHECK(g_file_get_contents(CBM_TESTDATA "/store/schema_v1.sqlite",
	                          &bytes, &len, NULL));
	CHECK(g_file_set_contents(path, bytes, (gssize)len, NULL));
	g_free(bytes);
	CHECK_INT(st_open(&db, path, ST_OPEN_READWRITE, &err), CBM_OK);
	CHECK_INT(scalar(db, "PRAGMA user_version"), st_schema_version());
	sql = text_of(db,
	              "SELECT sql FROM sqlite_schema WHERE name ="
	              " 'v_collection_by_year'",
	              &type);
	CHECK_HAS(sql, "total(amount_usd)");
	CHECK(!strstr(sql, "sum("));
	g_free(sql);
	st_close(db);
	g_free(path);
}

int main(void)
{
	test_open();
	test_foreign_database();
	test_guard();
	test_query_limits();
	test_undo();
	test_batch_identity();
	test_fx_recompute();
	test_views();
	test_view_columns();
	test_money_sql();
	test_migration_2();
	return check_summary();
}
