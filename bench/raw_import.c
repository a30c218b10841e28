/*
 * raw_import.c - the raw limit of importing: libcsv parsing plus one
 * prepared INSERT per row into cbm's contributions table, in one
 * transaction, with no validation, no conversion and no line counting.
 * cbm's validated import is measured against this.
 *
 *   raw_import DB FILE      (DB already holds the example states)
 */
#include <csv.h>
#include <sqlite3.h>
#include <stdio.h>
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
	if (r->rows++ > 0) { /* the header is not a row */
		if (sqlite3_step(r->insert) != SQLITE_DONE)
			r->failed = 1;
	}
	sqlite3_reset(r->insert);
	r->field = 0;
}

int main(int argc, char **argv)
{
	sqlite3 *db = NULL;
	struct csv_parser p;
	struct row r = {0};
	char buf[64 * 1024];
	size_t got;
	FILE *fp;

	if (argc != 3 || !(fp = fopen(argv[2], "rb")) ||
	    sqlite3_open(argv[1], &db) != SQLITE_OK)
		return 2;
	sqlite3_exec(db, "PRAGMA foreign_keys = ON; BEGIN IMMEDIATE", NULL,
	             NULL, NULL);
	sqlite3_exec(db,
	             "INSERT INTO batches (id, kind, file_name, sha256,"
	             " loaded_at, tool_version) VALUES (999999, 'raw',"
	             " 'raw', 'raw', 'now', 'raw');"
	             "INSERT OR IGNORE INTO currencies VALUES ('USD', 100),"
	             " ('EUR', 100), ('KZT', 100)",
	             NULL, NULL, NULL);
	if (sqlite3_prepare_v2(
	        db,
	        "INSERT INTO contributions (state, received_on,"
	        " amount, currency, budget_year, kind, reference,"
	        " usd_per_unit, amount_usd, batch_id)"
	        " VALUES (?,?,?,?,?,?,?,1.0,0,999999)",
	        -1, &r.insert, NULL) != SQLITE_OK)
		return 2;
	csv_init(&p, CSV_APPEND_NULL);
	while ((got = fread(buf, 1, sizeof(buf), fp)) > 0)
		csv_parse(&p, buf, got, on_field, on_record, &r);
	csv_fini(&p, on_field, on_record, &r);
	csv_free(&p);
	sqlite3_finalize(r.insert);
	if (r.failed ||
	    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		fprintf(stderr, "raw import failed: %s\n", sqlite3_errmsg(db));
	sqlite3_close(db);
	fclose(fp);
	printf("%ld\n", r.rows - 1);
	return 0;
}
