/*
 * fuzz_util.c - the scratch directory, the fixture database and the checks
 * that several harnesses share (see fuzz.h).
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "import.h"

#ifndef CBM_FUZZ_DATA
#error "CBM_FUZZ_DATA must name cbm's tests/data directory"
#endif

static char *scratch; /* fuzz_tmpdir(), NULL until first asked for */

static void remove_scratch(void)
{
	GDir *dir;
	const char *name;

	if (!scratch)
		return;
	dir = g_dir_open(scratch, 0, NULL);
	while (dir && (name = g_dir_read_name(dir)) != NULL) {
		char *path = g_build_filename(scratch, name, NULL);
		g_unlink(path);
		g_free(path);
	}
	if (dir)
		g_dir_close(dir);
	g_rmdir(scratch);
	g_free(scratch);
	scratch = NULL;
}

void fuzz_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	remove_scratch(); /* abort() skips atexit() */
	abort();
}

const char *fuzz_tmpdir(void)
{
	const char *base;

	if (scratch)
		return scratch;
	base = g_file_test("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm"
	                                                   : g_get_tmp_dir();
	scratch = g_build_filename(base, "cbm-fuzz-XXXXXX", NULL);
	if (!g_mkdtemp(scratch))
		fuzz_fail(__FILE__, __LINE__, "cannot create '%s'", scratch);
	atexit(remove_scratch);
	return scratch;
}

char *fuzz_test_data(const char *file)
{
	return g_build_filename(CBM_FUZZ_DATA, file, NULL);
}

static void load(struct st_db *db, enum imp_kind kind, const char *file)
{
	struct imp_options opt = {0};
	struct imp_result res;
	struct cbm_error err = {0};
	char *path = fuzz_test_data(file);
	enum cbm_status rc;

	imp_result_init(&res);
	rc = imp_import_file(db, kind, path, &opt, &res, &err);
	if (rc != CBM_OK || res.batch_id == 0)
		fuzz_fail(__FILE__, __LINE__, "cannot load '%s' (%d): %s", path,
		          (int)rc,
		          res.diags.n ? res.diags.items[0].message
		                      : err.message);
	imp_result_release(&res);
	g_free(path);
}

struct st_db *fuzz_fixture_db(const char *name, enum st_mode mode)
{
	char *path = g_build_filename(fuzz_tmpdir(), name, NULL);
	struct cbm_error err = {0};
	struct st_db *db = NULL;

	if (st_open(&db, path, ST_OPEN_CREATE, &err) != CBM_OK)
		fuzz_fail(__FILE__, __LINE__, "cannot create '%s': %s", path,
		          err.message);
	load(db, IMP_STATES, "states.csv");
	load(db, IMP_AREAS, "areas.csv");
	load(db, IMP_FX, "fx.csv");
	load(db, IMP_CONTRIBUTIONS, "contributions.csv");
	if (mode != ST_OPEN_CREATE && mode != ST_OPEN_READWRITE) {
		st_close(db);
		if (st_open(&db, path, mode, &err) != CBM_OK)
			fuzz_fail(__FILE__, __LINE__, "cannot reopen '%s': %s",
			          path, err.message);
	}
	g_free(path);
	return db;
}

void fuzz_check_diags(const struct imp_diags *diags)
{
	size_t errors = 0;

	FUZZ_CHECK(diags->n <= 2 * IMP_MAX_ERRORS);
	for (size_t i = 0; i < diags->n; i++) {
		const struct imp_diag *d = &diags->items[i];
		char *line = imp_diag_format(d);
		FUZZ_CHECK(g_utf8_validate(line, -1, NULL));
		FUZZ_CHECK(d->line >= 0);
		g_free(line);
		errors += d->severity == IMP_ERROR;
	}
	FUZZ_CHECK(errors == diags->errors);
	FUZZ_CHECK(diags->errors <= IMP_MAX_ERRORS);
}
