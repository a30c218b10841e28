/*
 * floor_import.c - the floor of importing contributions: the same end
 * state as `cbm import contributions` (the rows in cbm's table, its
 * indexes built) by the cheapest route SQLite offers: libcsv parsing, one
 * prepared INSERT per row into the table with its secondary indexes
 * dropped, then each index built again by sorting (CREATE INDEX, as
 * REINDEX does), in one transaction.  No validation, no conversion, no
 * line counting.  The connection has the settings of cbm's (foreign keys
 * on, WAL, the default page cache), so that a ratio compares the work,
 * not the settings.
 *
 *   floor_import DB FILE    (DB made by cbm init, with the example states
 *                            and fx rates)
 */
#include <csv.h>
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

static long load(sqlite3 *db, FILE *fp)
{
	struct csv_parser p;
	struct row r = {0};
	char buf[64 * 1024];
	size_t got;

	if (sqlite3_prepare_v2(
	        db,
	        "INSERT INTO contributions (state, received_on,"
	        " amount, currency, budget_year, kind, reference,"
	        " usd_per_unit, amount_usd, batch_id)"
	        " VALUES (?,?,?,?,?,?,?,1.0,0,999999)",
	        -1, &r.insert, NULL) != SQLITE_OK)
		return -1;
	csv_init(&p, CSV_APPEND_NULL);
	while ((got = fread(buf, 1, sizeof(buf), fp)) > 0)
		csv_parse(&p, buf, got, on_field, on_record, &r);
	csv_fini(&p, on_field, on_record, &r);
	csv_free(&p);
	sqlite3_finalize(r.insert);
	return r.failed ? -1 : r.rows - 1;
}

int main(int argc, char **argv)
{
	sqlite3 *db = NULL;
	char *index_sql[17];
	long rows;
	int bad = 0;
	FILE *fp;

	if (argc != 3 || !(fp = fopen(argv[2], "rb")) ||
	    sqlite3_open(argv[1], &db) != SQLITE_OK)
		return 2;
	bad |= exec(db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;"
	                " BEGIN IMMEDIATE;"
	                "INSERT INTO batches (id, kind, file_name, sha256,"
	                " loaded_at, tool_version) VALUES (999999, 'floor',"
	                " 'floor', 'floor', 'now', 'floor');"
	                "INSERT OR IGNORE INTO currencies VALUES ('USD', 100),"
	                " ('EUR', 100), ('KZT', 100)");
	bad |= drop_indexes(db, index_sql);
	rows = load(db, fp);
	for (int i = 0; index_sql[i]; i++) {
		bad |= exec(db, index_sql[i]);
		free(index_sql[i]);
	}
	if (bad || rows < 0 || exec(db, "COMMIT"))
		fprintf(stderr, "floor_import failed: %s\n", sqlite3_errmsg(db));
	sqlite3_close(db);
	fclose(fp);
	printf("%ld\n", rows);
	return bad || rows < 0;
}
