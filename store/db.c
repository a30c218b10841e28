/*
 * db.c - opening, migrating and closing the database; transactions.
 *
 * The connection runs with foreign keys on, a long busy timeout and, for
 * writers, WAL journaling, so that readers (cbm query, cbm stats) keep
 * answering while an import writes.
 *
 * Reading commands must work on a database the user may only read (a
 * read-only file, a read-only folder such as a network share) and leave
 * nothing new beside it.  In WAL mode a connection opened
 * SQLITE_OPEN_READONLY creates the -wal and -shm files when they are
 * missing and, unable to take the write lock, never removes them; on a
 * read-only file they even come out read-only and later block imports.
 * So a reader is opened by what it may do:
 *  - file and folder writable: SQLITE_OPEN_READWRITE with
 *    PRAGMA query_only, so that nothing can be written, and the last
 *    connection to close checkpoints and removes -wal and -shm as a
 *    writer's does (a checkpoint only copies transactions already
 *    committed);
 *  - otherwise, no -wal present: "immutable=1", which reads the file
 *    alone and creates nothing.  No one can write there now: a writer
 *    needs the folder (for -wal) and the file; a writer that might start
 *    later would need rights this user does not have;
 *  - otherwise (a -wal left by a writer): SQLITE_OPEN_READONLY, which
 *    reads the WAL through the existing files.
 */
#include <glib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "schema.h"
#include "store.h"
#include "store_internal.h"

struct st_db {
	sqlite3 *sql;
	char *path;
	bool readonly;
	unsigned long ticks, stop_at; /* the crash test's hook, below */
};

/*
 * A hook for tests/e2e/crash.sh, as git's GIT_TEST_* variables are: with
 * CBM_TEST_STOP_AT_TICK=N a writing connection stops itself (SIGSTOP)
 * after N times ST_TEST_TICK virtual-machine steps of SQLite, so that
 * the test can kill it with SIGKILL at a point that is the same on every
 * machine, however fast; with CBM_TEST_STOP_AT_TICK=count it prints the
 * number of ticks on stderr when it closes, the length of the work to
 * spread the points over.  Unset, nothing is installed.
 */
#define ST_TEST_TICK 1000

static int test_tick(void *arg)
{
	struct st_db *db = arg;

	if (++db->ticks == db->stop_at)
		raise(SIGSTOP);
	return 0;
}

static void test_hook_install(struct st_db *db)
{
	const char *env = getenv("CBM_TEST_STOP_AT_TICK");

	if (!env || !*env)
		return;
	db->stop_at = strcmp(env, "count") == 0 ? 0 : strtoul(env, NULL, 10);
	sqlite3_progress_handler(db->sql, ST_TEST_TICK, test_tick, db);
}

static void test_hook_report(const struct st_db *db)
{
	const char *env = getenv("CBM_TEST_STOP_AT_TICK");

	if (!db->readonly && env && strcmp(env, "count") == 0)
		fprintf(stderr, "cbm: test ticks %lu\n", db->ticks);
}

sqlite3 *st_sqlite(struct st_db *db)
{
	return db->sql;
}

const char *st_path(const struct st_db *db)
{
	return db->path;
}

int st_schema_version(void)
{
	int n;

	st_schema_migrations(&n);
	return n;
}

enum cbm_status st_sql_error(struct st_db *db, const char *what,
                             struct cbm_error *err)
{
	/* Another kind of file given as --db is the user's data, not ours. */
	if ((sqlite3_errcode(db->sql) & 0xff) == SQLITE_NOTADB)
		return CBM_ERROR(err, CBM_EDATA, db->path,
		                 "not a database (an SQLite file made by cbm "
		                 "init is expected)");
	return CBM_ERROR(err, CBM_EINTERNAL, db->path, "%s: %s", what,
	                 sqlite3_errmsg(db->sql));
}

enum cbm_status st_exec(struct st_db *db, const char *sql,
                        struct cbm_error *err)
{
	if (sqlite3_exec(db->sql, sql, NULL, NULL, NULL) != SQLITE_OK)
		return st_sql_error(db, "cannot run SQL", err);
	return CBM_OK;
}

enum cbm_status st_begin(struct st_db *db, struct cbm_error *err)
{
	return st_exec(db, "BEGIN IMMEDIATE", err);
}

enum cbm_status st_commit(struct st_db *db, struct cbm_error *err)
{
	if (sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		st_sql_error(db, "cannot commit", err);
		st_rollback(db);
		return CBM_EINTERNAL;
	}
	return CBM_OK;
}

void st_rollback(struct st_db *db)
{
	if (!sqlite3_get_autocommit(db->sql))
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

static enum cbm_status user_version(struct st_db *db, int *out,
                                    struct cbm_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(db->sql, "PRAGMA user_version", -1, &st, NULL) !=
	    SQLITE_OK)
		return st_sql_error(db, "cannot read the schema version", err);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return st_sql_error(db, "cannot read the schema version", err);
	}
	*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return CBM_OK;
}

/* A database at version 0 is ours only while it has no tables at all. */
static enum cbm_status check_empty(struct st_db *db, struct cbm_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc, count;

	if (sqlite3_prepare_v2(db->sql, "SELECT count(*) FROM sqlite_schema",
	                       -1, &st, NULL) != SQLITE_OK)
		return st_sql_error(db, "cannot read the database", err);
	rc = sqlite3_step(st);
	count = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	if (count < 0)
		return st_sql_error(db, "cannot read the database", err);
	if (count > 0)
		return CBM_ERROR(err, CBM_EDATA, db->path,
		                 "not a cbm database (it has tables but no "
		                 "cbm schema version)");
	return CBM_OK;
}

/* After the migrations, inside their transaction: no row may point at
 * what is not there (foreign keys were off while they ran). */
static enum cbm_status check_foreign_keys(struct st_db *db,
                                          struct cbm_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(db->sql, "PRAGMA foreign_key_check", -1, &st,
	                       NULL) != SQLITE_OK)
		return st_sql_error(db, "cannot check the migration", err);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return CBM_OK;
	if (rc == SQLITE_ROW)
		return CBM_ERROR(err, CBM_EINTERNAL, db->path,
		                 "the schema migration broke a reference; "
		                 "the database is unchanged");
	return st_sql_error(db, "cannot check the migration", err);
}

static enum cbm_status run_migrations(struct st_db *db, struct cbm_error *err)
{
	int n, version;
	const char *const *steps = st_schema_migrations(&n);
	char pragma[64];
	enum cbm_status rc = st_begin(db, err);

	if (rc != CBM_OK)
		return rc;
	rc = user_version(db, &version, err);
	if (rc != CBM_OK)
		goto fail;
	if (version > n) {
		rc = CBM_ERROR(err, CBM_EDATA, db->path,
		               "database schema version %d is newer than this "
		               "cbm (%d); use a newer cbm",
		               version, n);
		goto fail;
	}
	if (version == n) {
		st_rollback(db); /* nothing to do: no write */
		return CBM_OK;
	}
	if (version == 0 && (rc = check_empty(db, err)) != CBM_OK)
		goto fail;
	for (int i = version; i < n && rc == CBM_OK; i++)
		rc = st_exec(db, steps[i], err);
	if (rc == CBM_OK)
		rc = check_foreign_keys(db, err);
	if (rc != CBM_OK)
		goto fail;
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", n);
	if ((rc = st_exec(db, pragma, err)) != CBM_OK)
		goto fail;
	return st_commit(db, err);
fail:
	st_rollback(db);
	return rc;
}

/* Migrations run with foreign keys off, as SQLite's procedure for
 * changing a table asks (a rebuilt table is dropped while rows still
 * point at it); the pragma does nothing inside a transaction, so it is
 * set around it, and the references are checked before committing. */
static enum cbm_status migrate(struct st_db *db, struct cbm_error *err)
{
	enum cbm_status rc = st_exec(db, "PRAGMA foreign_keys = OFF", err);

	if (rc == CBM_OK)
		rc = run_migrations(db, err);
	if (rc == CBM_OK)
		return st_exec(db, "PRAGMA foreign_keys = ON", err);
	sqlite3_exec(db->sql, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	return rc;
}

static enum cbm_status check_version_readonly(struct st_db *db,
                                              struct cbm_error *err)
{
	int version;
	enum cbm_status rc = user_version(db, &version, err);

	if (rc != CBM_OK)
		return rc;
	if (version == st_schema_version())
		return CBM_OK;
	if (version == 0)
		return CBM_ERROR(err, CBM_EDATA, db->path,
		                 "not a cbm database; run 'cbm init' to "
		                 "create one");
	if (version > st_schema_version())
		return CBM_ERROR(err, CBM_EDATA, db->path,
		                 "database schema version %d is newer than "
		                 "this cbm (%d); use a newer cbm",
		                 version, st_schema_version());
	return CBM_ERROR(err, CBM_EDATA, db->path,
	                 "database schema version %d, this cbm reads %d; "
	                 "run 'cbm init' to upgrade it",
	                 version, st_schema_version());
}

static enum cbm_status configure(struct st_db *db, struct cbm_error *err)
{
	enum cbm_status rc;

	sqlite3_busy_timeout(db->sql, ST_BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(db->sql, 1);
	sqlite3_db_config(db->sql, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0,
	                  NULL);
	sqlite3_db_config(db->sql, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	if ((rc = st_exec(db, "PRAGMA foreign_keys = ON", err)) != CBM_OK)
		return rc;
	if (st_register_functions(db->sql) != SQLITE_OK)
		return st_sql_error(db, "cannot register SQL functions", err);
	if (db->readonly) {
		rc = st_exec(db, "PRAGMA query_only = ON", err);
		return rc == CBM_OK ? check_version_readonly(db, err) : rc;
	}
	/* A new database gets pages of 16 KiB (SQLite's default is 4 KiB);
	 * on a database already made this does nothing.  A second import
	 * of 100,000 payments into a million rewrites nearly every leaf
	 * page of two indexes, each page read, written to the WAL and
	 * copied back: with 16 KiB pages a quarter as many system calls,
	 * and 1.68 -> 1.32 s; the figures read their indexes faster too
	 * (the budget brief on a million rows 1.14-1.77 -> 1.01-1.04 s).
	 * It must come before the WAL is set up, which writes page 1. */
	if ((rc = st_exec(db, "PRAGMA page_size = 16384", err)) != CBM_OK)
		return rc;
	if ((rc = st_exec(db, "PRAGMA journal_mode = WAL", err)) != CBM_OK)
		return rc;
	if ((rc = migrate(db, err)) == CBM_OK)
		test_hook_install(db);
	return rc;
}

/* True when this user may create files in PATH's folder and write PATH. */
static bool writable(const char *path)
{
	char *dir = g_path_get_dirname(path);
	bool ok = access(dir, W_OK | X_OK) == 0 && access(path, W_OK) == 0;

	g_free(dir);
	return ok;
}

/* How a reader opens PATH (see the top of this file): the flags, and the
 * name to open (PATH, or an immutable URI; caller frees). */
static char *reader_name(const char *path, int *flags)
{
	char *wal = g_strconcat(path, "-wal", NULL);
	bool have_wal = g_file_test(wal, G_FILE_TEST_EXISTS);
	char *uri, *abs;

	g_free(wal);
	if (writable(path)) {
		*flags = SQLITE_OPEN_READWRITE;
		return g_strdup(path);
	}
	*flags = SQLITE_OPEN_READONLY;
	if (have_wal)
		return g_strdup(path);
	abs = g_canonicalize_filename(path, NULL);
	uri = g_filename_to_uri(abs, NULL, NULL);
	g_free(abs);
	if (!uri)
		return g_strdup(path);
	*flags |= SQLITE_OPEN_URI;
	abs = g_strconcat(uri, "?immutable=1", NULL);
	g_free(uri);
	return abs;
}

enum cbm_status st_open(struct st_db **out, const char *path, enum st_mode mode,
                        struct cbm_error *err)
{
	struct st_db *db;
	int flags;
	char *name;
	enum cbm_status rc;

	*out = NULL;
	if (mode != ST_OPEN_CREATE && !g_file_test(path, G_FILE_TEST_EXISTS))
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "no database '%s'; create it with 'cbm init' "
		                 "or name another with --db FILE",
		                 path);
	/* SQLite would open a write-protected file read-only without a
	 * word, and its first read would leave -wal and -shm behind. */
	if (mode != ST_OPEN_READONLY && g_file_test(path, G_FILE_TEST_EXISTS) &&
	    !writable(path))
		return CBM_ERROR(err, CBM_EINTERNAL, path,
		                 "the database is read-only (the file or its "
		                 "folder); reading commands work, writing ones "
		                 "need write access to both");
	db = calloc(1, sizeof(*db));
	if (!db)
		return CBM_ERROR(err, CBM_EINTERNAL, path, "out of memory");
	db->path = g_strdup(path);
	db->readonly = mode == ST_OPEN_READONLY;
	flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	name = db->readonly ? reader_name(path, &flags) : g_strdup(path);
	/* A connection is used by one thread at a time (cbm serve opens one
	 * per request, in the worker that answers it), so SQLite need not
	 * lock its own mutex around every call: 1.3 % of an import's time. */
	rc = sqlite3_open_v2(name, &db->sql, flags | SQLITE_OPEN_NOMUTEX, NULL);
	g_free(name);
	if (rc != SQLITE_OK) {
		CBM_ERROR(err, CBM_EINTERNAL, path, "cannot open database: %s",
		          db->sql ? sqlite3_errmsg(db->sql) : "out of memory");
		st_close(db);
		return CBM_EINTERNAL;
	}
	rc = configure(db, err);
	if (rc != CBM_OK) {
		st_close(db);
		return rc;
	}
	*out = db;
	return CBM_OK;
}

void st_close(struct st_db *db)
{
	if (!db)
		return;
	if (db->sql) {
		test_hook_report(db);
		sqlite3_close_v2(db->sql);
	}
	g_free(db->path);
	free(db);
}

enum cbm_status st_backup(struct st_db *db, const char *path,
                          struct cbm_error *err)
{
	sqlite3 *to = NULL;
	sqlite3_backup *b;
	enum cbm_status rc = CBM_OK;
	int step = SQLITE_OK;

	if (sqlite3_open_v2(path, &to, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		rc = CBM_ERROR(err, CBM_EINTERNAL, path, "cannot open: %s",
		               to ? sqlite3_errmsg(to) : "out of memory");
		sqlite3_close_v2(to);
		return rc;
	}
	sqlite3_busy_timeout(to, ST_BUSY_TIMEOUT_MS);
	b = sqlite3_backup_init(to, "main", db->sql, "main");
	if (b) {
		/* One step: a consistent snapshot under one read lock; in WAL
		 * mode writers go on meanwhile. */
		do {
			step = sqlite3_backup_step(b, -1);
			if (step == SQLITE_BUSY || step == SQLITE_LOCKED)
				sqlite3_sleep(50);
		} while (step == SQLITE_BUSY || step == SQLITE_LOCKED);
		sqlite3_backup_finish(b);
	}
	if (!b || step != SQLITE_DONE)
		rc = CBM_ERROR(err, CBM_EINTERNAL, path,
		               "cannot copy the "
		               "database: %s",
		               sqlite3_errmsg(to));
	if (sqlite3_close_v2(to) != SQLITE_OK && rc == CBM_OK)
		rc = CBM_ERROR(err, CBM_EINTERNAL, path,
		               "cannot close the "
		               "copy");
	return rc;
}
