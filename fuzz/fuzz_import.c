/*
 * fuzz_import.c - a whole file through imp_import_file(), as every kind.
 *
 * The first byte of the input chooses the kind (byte % 10) and the
 * options (--date-format from (byte / 10) % 3, --decimal-mark from
 * (byte / 30) % 3); the rest is the file.  The database is made once, in a
 * scratch directory on tmpfs, with the base test data (states, areas, fx
 * rates, contributions), so that names, areas, rates and duplicates
 * resolve; each input runs as --dry-run, so that a file that would load is
 * rolled back like one that is refused and the database never grows.
 *
 * Checked besides memory errors: the status is OK or EDATA, never an
 * internal error (an INSERT that SQLite refuses means the validation let a
 * bad value through); a refused file comes with an error; no transaction
 * is left open and no batch is left behind; every diagnostic formats to
 * valid UTF-8.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "import.h"

static struct st_db *db; /* the fixture, for the whole run */
static char *input_path; /* where each input is written */
static int64_t batches;  /* count of batches in the fixture */

static int64_t count_batches(void)
{
	sqlite3_stmt *st = NULL;
	int64_t n = -1;

	FUZZ_CHECK(sqlite3_prepare_v2(st_sqlite(db),
	                              "SELECT count(*) FROM batches", -1, &st,
	                              NULL) == SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	db = fuzz_fixture_db("import.sqlite", ST_OPEN_READWRITE);
	input_path = g_build_filename(fuzz_tmpdir(), "input.csv", NULL);
	batches = count_batches();
	return 0;
}

static void write_input(const uint8_t *data, size_t size)
{
	FILE *fp = fopen(input_path, "wb");

	FUZZ_CHECK(fp != NULL);
	FUZZ_CHECK(fwrite(data, 1, size, fp) == size);
	FUZZ_CHECK(fclose(fp) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char marks[3] = {0, ',', '.'};
	struct imp_options opt = {0};
	struct imp_result res;
	struct cbm_error err = {0};
	enum imp_kind kind;
	enum cbm_status rc;

	if (size == 0)
		return 0;
	kind = (enum imp_kind)(data[0] % IMP_KIND_COUNT);
	opt.date_format = (enum imp_date_format)(data[0] / 10 % 3);
	opt.decimal_mark = marks[data[0] / 30 % 3];
	opt.dry_run = true;
	write_input(data + 1, size - 1);

	imp_result_init(&res);
	rc = imp_import_file(db, kind, input_path, &opt, &res, &err);
	if (rc != CBM_OK && rc != CBM_EDATA)
		fuzz_fail(__FILE__, __LINE__, "%s file: status %d: %s: %s",
		          imp_kind_name(kind), (int)rc, err.where, err.message);
	if (rc == CBM_EDATA)
		FUZZ_CHECK(res.diags.errors > 0 || err.code != CBM_OK);
	else
		FUZZ_CHECK(res.diags.errors == 0);
	FUZZ_CHECK(res.batch_id == 0);
	FUZZ_CHECK(res.rows >= 0);
	fuzz_check_diags(&res.diags);
	imp_result_release(&res);

	FUZZ_CHECK(sqlite3_get_autocommit(st_sqlite(db)));
	FUZZ_CHECK(count_batches() == batches);
	return 0;
}
