/*
 * floor_import.c - the floor of importing contributions: the end state
 * of `cbm import contributions` (the rows in cbm's table, its indexes
 * built) by the cheapest route SQLite offers: libcsv parsing, one
 * prepared INSERT per row into the table with its secondary indexes
 * dropped, then each index built again by sorting (CREATE INDEX, as
 * REINDEX does), in one transaction.  No validation, no conversion, no
 * line counting: the fields go in as the file writes them, so an amount
 * is stored as a number of units where cbm stores integer minor units
 * and their value in USD (here 0, at 1.0 USD a unit); the rows are a few
 * bytes narrower in the table and the figures' index, wider in the
 * payments' index.  The connection has the settings of cbm's (foreign keys
 * on, WAL, the default page cache), so that a ratio compares the work,
 * not the settings.
 *
 * With --loaded, the floor of an import into a table that already holds
 * many rows (where dropping and building its indexes again would cost
 * more than keeping them): libcsv and one prepared INSERT per row into a
 * TEMP table, then one INSERT OR FAIL ... SELECT sorted by the key of
 * cbm's main index for the table (kind_def.order in import/kinds_money.c;
 * the staged amounts are text, so rows of one state and day sort by
 * their amounts' text), the indexes kept.  No duplicate check.
 *
 *   floor_import [--loaded] DB FILE   (DB made by cbm init, with the
 *                                      example states and fx rates)
 */
#include <csv.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct row {
	sqlite3_stmt *insert;
	int field;
	long rows;
	int failed;
};

static void on_field(void *s, size_t len, void *data)
{
	struct row *r = data;

	if (r->field < 7)
		sqlite3_bind_text(r->insert, r->field + 1, s, (int)len,
		                  SQLITE_TRANSIENT);
	r->field++;
}

static void on_record(int c, void *data)
{
	struct row *r = data;

	(void)c;
	if (r->rows++ > 0 && sqlite3_step(r->insert) != SQLITE_DONE)
		r->failed = 1; /* the header is not a row */
	sqlite3_reset(r->insert);
	r->field = 0;
}

static int exec(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	fprintf(stderr, "floor_import: %s: %s\n", sql, sqlite3_errmsg(db));
	return 1;
}

/* Drops the indexes of the contributions table that have SQL, keeping
 * their SQL (NULL-terminated, at most 16) to build them again. */
static int drop_indexes(sqlite3 *db, char *sql[17])
{
	sqlite3_stmt *st = NULL;
	char *names[17], drop[256];
	int n = 0, bad = 0;

	sqlite3_prepare_v2(db,
	                   "SELECT name, sql FROM sqlite_schema WHERE"
	                   " type = 'index' AND tbl_name = 'contributions'"
	                   " AND sql IS NOT NULL",
	                   -1, &st, NULL);
	while (n < 16 && sqlite3_step(st) == SQLITE_ROW) {
		names[n] = strdup((const char *)sqlite3_column_text(st, 0));
		sql[n++] = strdup((const char *)sqlite3_column_text(st, 1));
	}
	sql[n] = NULL;
	sqlite3_finalize(st);
	for (int i = 0; i < n; i++) {
		snprintf(drop, sizeof(drop), "DROP INDEX \"%s\"", names[i]);
		bad |= exec(db, drop);
		free(names[i]);
	}
	return bad;
}

/* The columns of a row of the file, and cbm's columns it has no value
 * for, as SQL. */
#define FILE_COLUMNS                                                           \
	"state, received_on, amount, currency, budget_year, kind, reference"
#define CBM_COLUMNS FILE_COLUMNS ", usd_per_unit, amount_usd, batch_id"
#define CBM_VALUES  "1.0, 0, 999999"

/* Runs INSERT (seven parameters, the file's columns) for each row of
 * FP; the number of rows, or -1. */
static long load(sqlite3 *db, const char *insert, FILE *fp)
{
	struct csv_parser p;
	struct row r = {0};
	char buf[64 * 1024];
	size_t got;

	if (sqlite3_prepare_v2(db, insert, -1, &r.insert, NULL) != SQLITE_OK)
		return -1;
	csv_init(&p, CSV_APPEND_NULL);
	while ((got = fread(buf, 1, sizeof(buf), fp)) > 0)
		csv_parse(&p, buf, got, on_field, on_record, &r);
	csv_fini(&p, on_field, on_record, &r);
	csv_free(&p);
	sqlite3_finalize(r.insert);
	return r.failed ? -1 : r.rows - 1;
}

/* The rows of FP into a table without secondary indexes, which are then
 * built again. */
static int into_empty(sqlite3 *db, FILE *fp, long *rows)
{
	char *index_sql[17];
	int bad = drop_indexes(db, index_sql);

	*rows = load(db,
	             "INSERT INTO contributions (" CBM_COLUMNS ")"
	             " VALUES (?,?,?,?,?,?,?," CBM_VALUES ")",
	             fp);
	for (int i = 0; index_sql[i]; i++) {
		bad |= exec(db, index_sql[i]);
		free(index_sql[i]);
	}
	return bad;
}

/* The rows of FP staged, then into the table in the order of its main
 * index's key, the indexes kept. */
static int into_loaded(sqlite3 *db, FILE *fp, long *rows)
{
	int bad = exec(db, "CREATE TEMP TABLE stage (" FILE_COLUMNS ")");

	*rows = load(db, "INSERT INTO temp.stage VALUES (?,?,?,?,?,?,?)", fp);
	return bad || *rows < 0 ||
	       exec(db, "INSERT OR FAIL INTO contributions (" CBM_COLUMNS ")"
	                " SELECT *, " CBM_VALUES " FROM temp.stage ORDER BY"
	                " state, received_on, amount, currency, kind");
}

int main(int argc, char **argv)
{
	sqlite3 *db = NULL;
	int loaded = argc > 1 && strcmp(argv[1], "--loaded") == 0;
	const char *path, *file;
	long rows = -1;
	int bad = 0;
	FILE *fp;

	if (argc != 3 + loaded || argv[1 + loaded][0] == '-' ||
	    argv[2 + loaded][0] == '-') {
		fprintf(stderr, "usage: floor_import [--loaded] DB FILE\n");
		return 2;
	}
	path = argv[1 + loaded];
	file = argv[2 + loaded];
	if (!(fp = fopen(file, "rb"))) {
		fprintf(stderr, "floor_import: %s: %s\n", file,
		        strerror(errno));
		return 2;
	}
	/* An existing database only: the floor of cbm's import into it. */
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "floor_import: %s: %s\n", path,
		        sqlite3_errmsg(db));
		return 2;
	}
	bad |= exec(db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;"
	                " BEGIN IMMEDIATE;"
	                "INSERT INTO batches (id, kind, file_name, sha256,"
	                " loaded_at, tool_version) VALUES (999999, 'floor',"
	                " 'floor', 'floor', 'now', 'floor');"
	                "INSERT OR IGNORE INTO currencies VALUES ('USD', 100),"
	                " ('EUR', 100), ('KZT', 100)");
	bad |= loaded ? into_loaded(db, fp, &rows) : into_empty(db, fp, &rows);
	if (bad || rows < 0 || exec(db, "COMMIT"))
		fprintf(stderr, "floor_import failed: %s\n",
		        sqlite3_errmsg(db));
	sqlite3_close(db);
	fclose(fp);
	printf("%ld\n", rows);
	return bad || rows < 0;
}
