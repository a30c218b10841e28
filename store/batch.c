/*
 * batch.c - import batches: one loaded file each, removed whole.
 *
 * Removing a batch deletes its rows from every data table inside the
 * caller's transaction; because foreign keys are deferred, the deletion
 * itself succeeds and st_check_orphans() then looks for rows of other
 * batches that lost what they refer to, so that the refusal can name them.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "cbm_version.h"
#include "store.h"
#include "store_internal.h"

/* Tables whose rows carry a batch_id, children before parents. */
static const char *const batch_tables[] = {
    "state_aliases", "coordinators", "scales",       "secondments",
    "contributions", "pledges",      "budget_lines", "events",
    "fx_rates",      "areas",        "states",
};

static void copy_text(char *dst, size_t n, sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(dst, n, "%s", t ? (const char *)t : "");
}

static void read_batch(sqlite3_stmt *st, struct st_batch *b)
{
	b->id = sqlite3_column_int64(st, 0);
	copy_text(b->kind, sizeof(b->kind), st, 1);
	copy_text(b->file_name, sizeof(b->file_name), st, 2);
	copy_text(b->sha256, sizeof(b->sha256), st, 3);
	b->rows = sqlite3_column_int64(st, 4);
	copy_text(b->loaded_at, sizeof(b->loaded_at), st, 5);
	copy_text(b->tool_version, sizeof(b->tool_version), st, 6);
	copy_text(b->sheet, sizeof(b->sheet), st, 7);
	copy_text(b->loaded_by, sizeof(b->loaded_by), st, 8);
	copy_text(b->mapping, sizeof(b->mapping), st, 9);
}

#define BATCH_COLUMNS                                                          \
	"SELECT id, kind, file_name, sha256, row_count, loaded_at, "           \
	"tool_version, sheet, loaded_by, mapping FROM batches "

/* Runs SQL with its values bound in order: N texts (TEXTS), or, when N is
 * 0, the integer NUM; reads at most one batch; out->id stays 0 when there
 * is none. */
static enum cbm_status find_one(struct st_db *db, const char *sql,
                                const char *const *texts, int n, int64_t num,
                                struct st_batch *out, struct cbm_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	if (sqlite3_prepare_v2(st_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK)
		return st_sql_error(db, "cannot read batches", err);
	for (int i = 0; i < n; i++)
		sqlite3_bind_text(st, i + 1, texts[i], -1, SQLITE_STATIC);
	if (n == 0)
		sqlite3_bind_int64(st, 1, num);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_batch(st, out);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return st_sql_error(db, "cannot read batches", err);
	return CBM_OK;
}

enum cbm_status st_batch_find_sha(struct st_db *db, const char *sha256,
                                  struct st_batch *out, struct cbm_error *err)
{
	return find_one(db, BATCH_COLUMNS "WHERE sha256 = ? ORDER BY id",
	                &sha256, 1, 0, out, err);
}

enum cbm_status st_batch_find(struct st_db *db, const char *sha256,
                              const char *kind, const char *sheet,
                              struct st_batch *out, struct cbm_error *err)
{
	const char *const key[] = {sha256, kind, sheet ? sheet : ""};

	return find_one(db,
	                BATCH_COLUMNS "WHERE sha256 = ? AND kind = ?"
	                              " AND sheet = ?",
	                key, 3, 0, out, err);
}

enum cbm_status st_batch_get(struct st_db *db, int64_t id, struct st_batch *out,
                             struct cbm_error *err)
{
	enum cbm_status rc =
	    find_one(db, BATCH_COLUMNS "WHERE id = ?", NULL, 0, id, out, err);

	if (rc == CBM_OK && out->id == 0)
		return CBM_ERROR(err, CBM_EDATA, NULL,
		                 "no batch %lld; 'cbm batches' lists them",
		                 (long long)id);
	return rc;
}

enum cbm_status st_batch_create(struct st_db *db, const char *kind,
                                const char *file_name, const char *sheet,
                                const char *sha256, int64_t *id,
                                struct cbm_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = sqlite3_prepare_v2(
	    st_sqlite(db),
	    "INSERT INTO batches (kind, file_name, sheet, sha256, loaded_at,"
	    " tool_version, loaded_by) VALUES (?, ?, ?, ?,"
	    " strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?)",
	    -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, file_name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, sheet ? sheet : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, sha256, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, CBM_VERSION, -1, SQLITE_STATIC);
		/* DESIGN "Databases": who loaded each batch.  GLib falls
		 * back to "somebody" when the user has no name. */
		sqlite3_bind_text(st, 6, g_get_user_name(), -1,
		                  SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return st_sql_error(db, "cannot record the batch", err);
	*id = sqlite3_last_insert_rowid(st_sqlite(db));
	return CBM_OK;
}

enum cbm_status st_batch_set_rows(struct st_db *db, int64_t id, int64_t rows,
                                  struct cbm_error *err)
{
	char *sql = sqlite3_mprintf(
	    "UPDATE batches SET row_count = %lld WHERE id = %lld",
	    (long long)rows, (long long)id);
	enum cbm_status rc = st_exec(db, sql, err);

	sqlite3_free(sql);
	return rc;
}

enum cbm_status st_batch_set_mapping(struct st_db *db, int64_t id,
                                     const char *mapping, struct cbm_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(
	    st_sqlite(db), "UPDATE batches SET mapping = ? WHERE id = ?", -1,
	    &st, NULL);

	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, mapping ? mapping : "", -1,
		                  SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return st_sql_error(db, "cannot record the batch", err);
	return CBM_OK;
}

enum cbm_status st_batch_each(struct st_db *db,
                              int (*fn)(void *data, const struct st_batch *b),
                              void *data, struct cbm_error *err)
{
	sqlite3_stmt *st = NULL;
	struct st_batch b;
	int rc;

	if (sqlite3_prepare_v2(st_sqlite(db), BATCH_COLUMNS "ORDER BY id", -1,
	                       &st, NULL) != SQLITE_OK)
		return st_sql_error(db, "cannot read batches", err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_batch(st, &b);
		if (fn(data, &b) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return st_sql_error(db, "cannot read batches", err);
	return CBM_OK;
}

enum cbm_status st_batch_delete(struct st_db *db, int64_t id,
                                struct cbm_error *err)
{
	enum cbm_status rc = CBM_OK;
	size_t n = sizeof(batch_tables) / sizeof(batch_tables[0]);
	char *sql;

	for (size_t i = 0; i < n && rc == CBM_OK; i++) {
		sql = sqlite3_mprintf("DELETE FROM %s WHERE batch_id = %lld",
		                      batch_tables[i], (long long)id);
		rc = st_exec(db, sql, err);
		sqlite3_free(sql);
	}
	if (rc == CBM_OK) {
		sql = sqlite3_mprintf("DELETE FROM batches WHERE id = %lld",
		                      (long long)id);
		rc = st_exec(db, sql, err);
		sqlite3_free(sql);
	}
	return rc;
}

/* Batches (id and file) with rows that refer to a state or area that no
 * longer exists; one "batch N (file)" per line of the result. */
static const char orphans_sql[] =
    "WITH orphan(batch_id) AS ("
    " SELECT batch_id FROM state_aliases WHERE state NOT IN"
    "  (SELECT code FROM states)"
    " UNION SELECT batch_id FROM coordinators WHERE state NOT IN"
    "  (SELECT code FROM states) OR area NOT IN (SELECT code FROM areas)"
    " UNION SELECT e.batch_id FROM event_organizers o"
    "  JOIN events e ON e.id = o.event_id"
    "  WHERE o.state NOT IN (SELECT code FROM states)"
    " UNION SELECT e.batch_id FROM event_requests q"
    "  JOIN events e ON e.id = q.event_id"
    "  WHERE q.state NOT IN (SELECT code FROM states)"
    " UNION SELECT batch_id FROM events WHERE area NOT IN"
    "  (SELECT code FROM areas)"
    " UNION SELECT batch_id FROM contributions WHERE state NOT IN"
    "  (SELECT code FROM states)"
    " UNION SELECT batch_id FROM pledges WHERE state NOT IN"
    "  (SELECT code FROM states)"
    " UNION SELECT batch_id FROM secondments WHERE state NOT IN"
    "  (SELECT code FROM states)"
    " UNION SELECT batch_id FROM scales WHERE state NOT IN"
    "  (SELECT code FROM states))"
    " SELECT b.id, b.file_name FROM orphan o JOIN batches b"
    "  ON b.id = o.batch_id ORDER BY b.id";

enum cbm_status st_check_orphans(struct st_db *db, struct cbm_error *err)
{
	sqlite3_stmt *st = NULL;
	GString *names = g_string_new(NULL);
	enum cbm_status status = CBM_OK;
	int rc;

	if (sqlite3_prepare_v2(st_sqlite(db), orphans_sql, -1, &st, NULL) !=
	    SQLITE_OK) {
		g_string_free(names, TRUE);
		return st_sql_error(db, "cannot check references", err);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		g_string_append_printf(names, "%sbatch %lld (%s)",
		                       names->len ? ", " : "",
		                       (long long)sqlite3_column_int64(st, 0),
		                       sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		status = st_sql_error(db, "cannot check references", err);
	else if (names->len)
		status =
		    CBM_ERROR(err, CBM_EDATA, NULL,
		              "still in use: rows of %s refer to states or "
		              "areas it holds; undo or replace those first",
		              names->str);
	g_string_free(names, TRUE);
	return status;
}

enum cbm_status st_undo(struct st_db *db, int64_t id, struct cbm_error *err)
{
	struct st_batch b;
	enum cbm_status rc = st_begin(db, err);

	if (rc != CBM_OK)
		return rc;
	rc = st_batch_get(db, id, &b, err);
	if (rc == CBM_OK)
		rc = st_batch_delete(db, id, err);
	if (rc == CBM_OK)
		rc = st_check_orphans(db, err);
	if (rc == CBM_OK && strcmp(b.kind, "fx") == 0)
		rc = st_fx_recompute(db, err);
	if (rc == CBM_OK)
		return st_commit(db, err);
	st_rollback(db);
	return rc;
}
