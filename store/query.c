/*
 * query.c - the read-only guard of `cbm query`.
 *
 * Finance staff type SQL; nothing they type may change the database.  Four
 * fences, each enough on its own for the common cases: the connection is
 * opened SQLITE_OPEN_READONLY; an authorizer allows only reading (SELECT,
 * reads, functions other than load_extension, recursive CTEs and a list of
 * PRAGMAs that only report); sqlite3_stmt_readonly() must agree; and the
 * string must hold exactly one statement.
 *
 * Then the limits, so that a query typed in haste cannot take the machine
 * down: a progress handler stops the statement once it has run its time
 * (the clock runs only inside sqlite3_step, so a paused pager costs
 * nothing), and SQLite's hard heap limit, with temporary tables in memory,
 * turns a query that would eat all memory or fill the disk with sort files
 * into an "out of memory" error.  Rows are not buffered here: the caller
 * reads each one as it comes, so cbm's own memory stays flat.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "store.h"

struct guard {
	char refused[256]; /* what the authorizer refused first, or "" */
	bool pragma;       /* a reporting PRAGMA was allowed */
};

/* PRAGMAs that only report.  Those in with_arg take a table or index name
 * as argument (PRAGMA table_info(x)); the others must have none, since
 * "PRAGMA name = value" sets. */
static const char *const pragmas_no_arg[] = {
    "application_id", "collation_list",  "compile_options",   "database_list",
    "encoding",       "foreign_keys",    "freelist_count",    "function_list",
    "journal_mode",   "module_list",     "page_count",        "page_size",
    "pragma_list",    "schema_version",  "user_version",      "data_version",
    "quick_check",    "integrity_check", "foreign_key_check", "table_list",
};
static const char *const pragmas_with_arg[] = {
    "table_info",        "table_xinfo",      "index_list",  "index_info",
    "index_xinfo",       "foreign_key_list", "quick_check", "integrity_check",
    "foreign_key_check", "table_list",
};

static bool listed(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (name && strcmp(name, list[i]) == 0)
			return true;
	return false;
}

static bool pragma_reads(const char *name, const char *arg)
{
	if (!arg)
		return listed(name, pragmas_no_arg,
		              sizeof(pragmas_no_arg) / sizeof(*pragmas_no_arg));
	return listed(name, pragmas_with_arg,
	              sizeof(pragmas_with_arg) / sizeof(*pragmas_with_arg));
}

static int authorize(void *data, int action, const char *a1, const char *a2,
                     const char *db, const char *trigger)
{
	struct guard *g = data;
	const char *what = NULL;

	switch (action) {
	case SQLITE_SELECT:
	case SQLITE_READ:
	case SQLITE_RECURSIVE:
		return SQLITE_OK;
	case SQLITE_FUNCTION:
		if (a2 && strcmp(a2, "load_extension") == 0)
			what = "load_extension()";
		else
			return SQLITE_OK;
		break;
	case SQLITE_PRAGMA:
		if (pragma_reads(a1, a2)) {
			g->pragma = true;
			return SQLITE_OK;
		}
		what = "a PRAGMA that sets a value";
		break;
	case SQLITE_ATTACH:
		what = "ATTACH";
		break;
	case SQLITE_DETACH:
		what = "DETACH";
		break;
	case SQLITE_INSERT:
		what = "INSERT";
		break;
	case SQLITE_UPDATE:
		/* Preparing pragma_table_info('x') and its kin reports an
		 * update of sqlite_master's columns while SQLite reads the
		 * schema; a real UPDATE of it is still refused below by
		 * sqlite3_stmt_readonly() and the read-only connection. */
		if (a1 && (strcmp(a1, "sqlite_master") == 0 ||
		           strcmp(a1, "sqlite_schema") == 0))
			return SQLITE_OK;
		what = "UPDATE";
		break;
	case SQLITE_DELETE:
		what = "DELETE";
		break;
	case SQLITE_TRANSACTION:
	case SQLITE_SAVEPOINT:
		what = "a transaction statement";
		break;
	default:
		what = "a statement that changes the database";
		break;
	}
	if (!g->refused[0])
		snprintf(g->refused, sizeof(g->refused), "%s", what);
	return SQLITE_DENY;
}

/* True when TAIL holds only white space and SQL comments. */
static bool only_blank(sqlite3 *sql, const char *tail)
{
	sqlite3_stmt *next = NULL;
	const char *rest = NULL;
	int rc;

	while (*tail == ' ' || *tail == '\t' || *tail == '\n' || *tail == '\r')
		tail++;
	if (!*tail)
		return true;
	rc = sqlite3_prepare_v2(sql, tail, -1, &next, &rest);
	sqlite3_finalize(next);
	/* A comment alone prepares to no statement; anything else, even a
	 * broken statement, counts as a second one. */
	return rc == SQLITE_OK && next == NULL && (!rest || !*rest);
}

enum cbm_status st_query_prepare(struct st_db *db, const char *sql,
                                 sqlite3_stmt **stmt, struct cbm_error *err)
{
	struct guard g = {{0}, false};
	sqlite3 *conn = st_sqlite(db);
	const char *tail = NULL;
	enum cbm_status status = CBM_OK;
	int rc;

	*stmt = NULL;
	sqlite3_set_authorizer(conn, authorize, &g);
	rc = sqlite3_prepare_v2(conn, sql, -1, stmt, &tail);
	if (rc != SQLITE_OK && g.refused[0])
		status = CBM_ERROR(err, CBM_EDATA, NULL,
		                   "refused: cbm query is read-only and the "
		                   "statement contains %s",
		                   g.refused);
	else if (rc != SQLITE_OK)
		status = CBM_ERROR(err, CBM_EDATA, NULL, "bad SQL: %s",
		                   sqlite3_errmsg(conn));
	else if (!*stmt)
		status = CBM_ERROR(err, CBM_EDATA, NULL, "no SQL statement");
	/* SQLite calls every PRAGMA a writer; the authorizer has let only
	 * those that report through. */
	else if (!sqlite3_stmt_readonly(*stmt) && !g.pragma)
		status = CBM_ERROR(err, CBM_EDATA, NULL,
		                   "refused: cbm query is read-only and this "
		                   "statement would write");
	else if (!only_blank(conn, tail))
		status = CBM_ERROR(err, CBM_EDATA, NULL,
		                   "refused: cbm query runs one statement at a "
		                   "time, and this text holds several");
	sqlite3_set_authorizer(conn, NULL, NULL);
	if (status != CBM_OK) {
		sqlite3_finalize(*stmt);
		*stmt = NULL;
	}
	return status;
}

struct st_query {
	struct st_db *db;
	sqlite3_stmt *stmt;
	unsigned timeout_s; /* 0: no limit */
	int64_t used_us;    /* time spent in earlier steps */
	int64_t step_start; /* g_get_monotonic_time() as this step began */
	bool expired;       /* the progress handler stopped the statement */
	int64_t old_limit;  /* the heap limit before st_query_open */
};

/* SQLite's progress handler: non-zero interrupts the statement. */
static int on_progress(void *data)
{
	struct st_query *q = data;
	int64_t spent = q->used_us + g_get_monotonic_time() - q->step_start;

	if (spent < (int64_t)q->timeout_s * G_USEC_PER_SEC)
		return 0;
	q->expired = true;
	return 1;
}

enum cbm_status st_query_open(struct st_query **out, struct st_db *db,
                              const char *sql, unsigned timeout_s,
                              struct cbm_error *err)
{
	struct st_query *q = g_new0(struct st_query, 1);
	enum cbm_status rc;

	*out = NULL;
	q->db = db;
	q->timeout_s = timeout_s;
	q->old_limit = sqlite3_hard_heap_limit64(ST_QUERY_HEAP_LIMIT);
	rc = st_exec(db, "PRAGMA temp_store = MEMORY", err);
	if (rc == CBM_OK)
		rc = st_query_prepare(db, sql, &q->stmt, err);
	if (rc != CBM_OK) {
		st_query_close(q);
		return rc;
	}
	if (timeout_s > 0)
		sqlite3_progress_handler(st_sqlite(db), ST_QUERY_CHECK_STEPS,
		                         on_progress, q);
	*out = q;
	return CBM_OK;
}

sqlite3_stmt *st_query_stmt(struct st_query *q)
{
	return q->stmt;
}

/* The error RC of Q's statement in words for a finance officer. */
static enum cbm_status query_error(struct st_query *q, int rc,
                                   struct cbm_error *err)
{
	if (q->expired)
		return CBM_ERROR(err, CBM_EDATA, NULL,
		                 "query stopped after %u s; give --timeout "
		                 "SECONDS for a longer limit, or --timeout 0 "
		                 "for none",
		                 q->timeout_s);
	if (rc == SQLITE_NOMEM)
		return CBM_ERROR(
		    err, CBM_EDATA, NULL,
		    "query stopped: it needs more than %d GiB of "
		    "memory, the limit of cbm query; select fewer "
		    "rows (WHERE, LIMIT) or sum them up (GROUP BY)",
		    (int)(ST_QUERY_HEAP_LIMIT >> 30));
	return CBM_ERROR(err, CBM_EDATA, NULL, "%s",
	                 sqlite3_errmsg(st_sqlite(q->db)));
}

enum cbm_status st_query_step(struct st_query *q, bool *row,
                              struct cbm_error *err)
{
	int rc;

	q->step_start = g_get_monotonic_time();
	rc = sqlite3_step(q->stmt);
	q->used_us += g_get_monotonic_time() - q->step_start;
	*row = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return CBM_OK;
	return query_error(q, rc, err);
}

enum cbm_status st_query_failed(struct st_query *q, struct cbm_error *err)
{
	return query_error(q, sqlite3_errcode(st_sqlite(q->db)), err);
}

void st_query_close(struct st_query *q)
{
	if (!q)
		return;
	sqlite3_progress_handler(st_sqlite(q->db), 0, NULL, NULL);
	sqlite3_finalize(q->stmt);
	sqlite3_hard_heap_limit64(q->old_limit);
	g_free(q);
}
