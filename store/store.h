/*
 * store.h - the SQLite database of cbm: schema, migrations, transactions,
 * import batches, fx conversion of stored money, and the read-only guard of
 * `cbm query`.
 *
 * Invariants:
 *  - One database file holds everything.  Foreign keys are on and
 *    deferred, so that a batch can be replaced inside one transaction; the
 *    store checks for orphans itself before committing and names the
 *    batches that still need what would go.
 *  - Every data row carries the id of the batch (file) that loaded it; a
 *    batch is loaded or removed whole, in one transaction.  A batch is
 *    one file (its SHA-256), one kind and, for a workbook, one sheet.
 *  - Money is integer minor units with its currency.  Every money row also
 *    keeps the USD rate of its currency on its date (usd_per_unit) and its
 *    amount converted to US cents; st_fx_recompute() keeps both true
 *    whenever fx rates change.
 *  - Every write transaction starts with BEGIN IMMEDIATE and the busy
 *    timeout is long (ST_BUSY_TIMEOUT_MS), so concurrent imports serialize.
 *  - PRAGMA user_version is the schema version; st_open() migrates an older
 *    database forward and refuses a newer one.
 */
#ifndef CBM_STORE_H
#define CBM_STORE_H

#include <sqlite3.h>
#include <stdint.h>

#include "cbm.h"

/* Long enough to wait for another process's import of a large file. */
#define ST_BUSY_TIMEOUT_MS (10 * 60 * 1000)

struct st_db;

enum st_mode {
	ST_OPEN_READWRITE, /* existing database, migrated if older */
	ST_OPEN_CREATE,    /* create if missing, then as READWRITE */
	ST_OPEN_READONLY,  /* existing database, no writes possible; works
	                    * on a read-only file or folder and leaves no
	                    * file beside the database (see db.c) */
};

/* Opens the database at PATH.  A missing file is CBM_EUSAGE unless MODE is
 * ST_OPEN_CREATE.  The caller owns *OUT and frees it with st_close(). */
enum cbm_status st_open(struct st_db **out, const char *path, enum st_mode mode,
                        struct cbm_error *err);

/* Closes DB; st_close(NULL) is a no-op. */
void st_close(struct st_db *db);

/* Copies DB, consistently, into the new empty file PATH with SQLite's
 * backup API; other connections may read and write DB meanwhile. */
enum cbm_status st_backup(struct st_db *db, const char *path,
                          struct cbm_error *err);

/* The underlying connection, owned by DB, for modules that run their own
 * statements (import/, analysis/). */
sqlite3 *st_sqlite(struct st_db *db);

/* The path DB was opened with. */
const char *st_path(const struct st_db *db);

/* The schema version this build writes. */
int st_schema_version(void);

/* Runs SQL (one or more statements, no results). */
enum cbm_status st_exec(struct st_db *db, const char *sql,
                        struct cbm_error *err);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK.  st_rollback() is safe to call when
 * no transaction is open. */
enum cbm_status st_begin(struct st_db *db, struct cbm_error *err);
enum cbm_status st_commit(struct st_db *db, struct cbm_error *err);
void st_rollback(struct st_db *db);

/* Sets ERR from the connection's last SQLite error, prefixed by WHAT. */
enum cbm_status st_sql_error(struct st_db *db, const char *what,
                             struct cbm_error *err);

/* ---- batches ------------------------------------------------------------- */

struct st_batch {
	int64_t id;
	char kind[32];
	char file_name[1024];
	char sheet[256]; /* a workbook's sheet; "" for a text file */
	char sha256[65];
	int64_t rows;
	char loaded_at[32]; /* UTC, ISO 8601 */
	char tool_version[32];
};

/* Finds the first batch that loaded a file with this SHA-256 (hex), of
 * any kind or sheet.  Returns CBM_OK with out->id = 0 when there is none. */
enum cbm_status st_batch_find_sha(struct st_db *db, const char *sha256,
                                  struct st_batch *out, struct cbm_error *err);

/* Finds the batch that loaded SHEET (NULL or "" for a text file) of the
 * file with this SHA-256 as KIND: the identity of a batch.  Returns
 * CBM_OK with out->id = 0 when there is none. */
enum cbm_status st_batch_find(struct st_db *db, const char *sha256,
                              const char *kind, const char *sheet,
                              struct st_batch *out, struct cbm_error *err);

/* Loads batch ID into OUT; a missing batch is CBM_EDATA. */
enum cbm_status st_batch_get(struct st_db *db, int64_t id, struct st_batch *out,
                             struct cbm_error *err);

/* Creates a batch row (inside the caller's transaction) and returns its id
 * in *ID; SHEET is a workbook's sheet, NULL for a text file.  The row
 * count is set later with st_batch_set_rows(). */
enum cbm_status st_batch_create(struct st_db *db, const char *kind,
                                const char *file_name, const char *sheet,
                                const char *sha256, int64_t *id,
                                struct cbm_error *err);
enum cbm_status st_batch_set_rows(struct st_db *db, int64_t id, int64_t rows,
                                  struct cbm_error *err);

/* Calls FN for each batch, oldest first; FN returning non-zero stops. */
enum cbm_status st_batch_each(struct st_db *db,
                              int (*fn)(void *data, const struct st_batch *b),
                              void *data, struct cbm_error *err);

/* Deletes batch ID and all its rows, inside the caller's transaction.  Does
 * not check for orphans: call st_check_orphans() before committing. */
enum cbm_status st_batch_delete(struct st_db *db, int64_t id,
                                struct cbm_error *err);

/* Checks, inside the caller's transaction, that no row refers to a state
 * or priority area that is gone.  On failure returns CBM_EDATA with a
 * message naming the batches whose rows would be orphaned.  (Money rows
 * left without an fx rate are caught by st_fx_recompute.) */
enum cbm_status st_check_orphans(struct st_db *db, struct cbm_error *err);

/* Removes batch ID in one transaction, refusing (CBM_EDATA) when later
 * batches still need its rows. */
enum cbm_status st_undo(struct st_db *db, int64_t id, struct cbm_error *err);

/* ---- money --------------------------------------------------------------- */

/* Records that CURRENCY is in use (for the views' unit conversion). */
enum cbm_status st_currency_note(struct st_db *db, const char *currency,
                                 struct cbm_error *err);

/* Recomputes usd_per_unit and the USD amounts of every money row from the
 * fx rates, inside the caller's transaction.  A row left without a rate is
 * CBM_EDATA naming currency, date and batch. */
enum cbm_status st_fx_recompute(struct st_db *db, struct cbm_error *err);

/* ---- documented views ---------------------------------------------------- */

struct st_view {
	const char *name;
	const char *description;
};

/* The views listed by `cbm query --list`; *N receives their number.  The
 * array is static. */
const struct st_view *st_views(size_t *n);

/* ---- the read-only guard ------------------------------------------------- */

/* Prepares SQL for `cbm query` on a database opened ST_OPEN_READONLY:
 * exactly one statement, which must not write.  DML, DDL, ATTACH, DETACH,
 * VACUUM, transactions, PRAGMAs that set a value and load_extension() are
 * refused with CBM_EDATA and a message saying what was refused.  The caller
 * owns *STMT (sqlite3_finalize). */
enum cbm_status st_query_prepare(struct st_db *db, const char *sql,
                                 sqlite3_stmt **stmt, struct cbm_error *err);

#endif /* CBM_STORE_H */
