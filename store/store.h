/*
 * store.h - the SQLite database of cbm: schema, migrations, transactions,
 * import batches, fx conversion of stored money, and the read-only guard and
 * the limits of `cbm query`.
 *
 * Invariants:
 *  - One database file holds everything.  Foreign keys are on and
 *    deferred, so that a batch can be replaced inside one transaction; the
 *    store checks for orphans itself before committing and names the
 *    batches that still need what would go.
 *  - Every data row carries the id of the batch (file) that loaded it; a
 *    batch is loaded or removed whole, in one transaction.  A batch is
 *    one file (its SHA-256), one kind and, for a workbook, one sheet.
 *  - Money is integer minor units with its currency, at most
 *    CBM_AMOUNT_MAX (10^15) per row.  Every money row also keeps the USD
 *    rate of its currency on its date (usd_per_unit) and its amount
 *    converted to US cents, below 9 x 10^15; st_fx_recompute() keeps both
 *    true whenever fx rates change, and refuses rates under which a row
 *    would pass that.  Sums of money go through cbm_sum() (128 bits),
 *    never SQLite's sum(), which fails past 2^63.
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
	char loaded_by[64]; /* the operating-system user; "" before v4 */
	char mapping[4096]; /* how headers and values were read (--map
	                     * lines); "" when every header was English */
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
 * in *ID; SHEET is a workbook's sheet, NULL for a text file.  The batch
 * records the operating-system user running this process.  The row
 * count is set later with st_batch_set_rows(), the mapping with
 * st_batch_set_mapping(). */
enum cbm_status st_batch_create(struct st_db *db, const char *kind,
                                const char *file_name, const char *sheet,
                                const char *sha256, int64_t *id,
                                struct cbm_error *err);
enum cbm_status st_batch_set_rows(struct st_db *db, int64_t id, int64_t rows,
                                  struct cbm_error *err);
/* Records how the batch's file was read: its --map lines (see import.h);
 * NULL or "" for a file whose headers were all English. */
enum cbm_status st_batch_set_mapping(struct st_db *db, int64_t id,
                                     const char *mapping,
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

/* SQL functions on every connection st_open() makes, for cbm's own
 * queries (and cbm query):
 *   cbm_sum(X)  the sum of integer money X in 128 bits: NULL for no rows,
 *               an INTEGER when it fits 64 bits, otherwise its exact
 *               digits as TEXT.  SQLite's sum() fails past 9.2 x 10^18,
 *               which 9,223 amounts at CBM_AMOUNT_MAX reach.
 *   cbm_convert_wide(amount, from, from_usd, to, to_usd)
 *               one amount converted into a report currency, INTEGER or
 *               TEXT likewise; NULL when a rate is NULL.
 *   cbm_convert(...) the same limited to 9 x 10^15, for the stored
 *               US cents; cbm_rate(currency, date) the USD rate of a day.
 * Every money sum in cbm goes through cbm_sum(). */

/* Reads column COL of ST as money in minor units: an INTEGER, or the TEXT
 * of an integer beyond 64 bits as cbm_sum() and cbm_convert_wide() give.
 * Returns false, with *OUT = 0, for NULL or anything else. */
bool st_column_money(sqlite3_stmt *st, int col, cbm_money *out);

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

/* What a column of the documented views holds beyond its SQL type, so
 * that a front end shows it as finance staff expect.  The views keep
 * plain numbers (REAL units of money, a rate as a fraction), so that SQL
 * compares, sums and sorts them as numbers; money's decimals are the
 * printer's business (the currency of the row decides them). */
enum st_column_kind {
	ST_COLUMN_MONEY, /* units of a currency: print with its decimals */
	ST_COLUMN_RATE,  /* a fraction: percent for people */
};

struct st_view_column {
	const char *name; /* the column's name, the same in every view */
	enum st_column_kind kind;
	const char *currency; /* MONEY: the column of the same row that names
	                       * its currency; NULL: US dollars */
};

/* The columns of the views that are money or rates; *N receives their
 * number.  The array is static. */
const struct st_view_column *st_view_columns(size_t *n);

/* The entry of column NAME, or NULL for a column that is neither. */
const struct st_view_column *st_view_column(const char *name);

/* ---- the read-only guard ------------------------------------------------- */

/* Prepares SQL for `cbm query` on a database opened ST_OPEN_READONLY:
 * exactly one statement, which must not write.  DML, DDL, ATTACH, DETACH,
 * VACUUM, transactions, PRAGMAs that set a value and load_extension() are
 * refused with CBM_EDATA and a message saying what was refused.  The caller
 * owns *STMT (sqlite3_finalize). */
enum cbm_status st_query_prepare(struct st_db *db, const char *sql,
                                 sqlite3_stmt **stmt, struct cbm_error *err);

/* ---- a query within limits ------------------------------------------------
 */

/* The most memory SQLite may hold while a query of `cbm query` runs, for
 * the whole process (sqlite3_hard_heap_limit64): enough for any question
 * about a secretariat's data, small enough that a runaway query (a
 * recursive CTE sorted or concatenated without end) fails with a message
 * long before the machine runs short.  Sorting and grouping count too:
 * the query's temporary tables are kept in memory (PRAGMA temp_store), not
 * in files that could fill a disk. */
#define ST_QUERY_HEAP_LIMIT ((int64_t)1 << 30)

/* The time limit is checked every so many SQLite VM steps (a few
 * microseconds of work). */
#define ST_QUERY_CHECK_STEPS 1000

/* One statement of `cbm query` running within limits of time and memory. */
struct st_query;

/* Prepares SQL with st_query_prepare() on DB (opened ST_OPEN_READONLY)
 * and sets its limits: the statement stops once it has run TIMEOUT_S
 * seconds in all (0: no limit), counting only the time spent inside
 * st_query_step(), so that a reader who pauses the output (a pager) does
 * not use it up; and SQLite's heap limit is ST_QUERY_HEAP_LIMIT until
 * st_query_close().  The caller owns *OUT (st_query_close). */
enum cbm_status st_query_open(struct st_query **out, struct st_db *db,
                              const char *sql, unsigned timeout_s,
                              struct cbm_error *err);

/* The prepared statement, for its columns (owned by Q). */
sqlite3_stmt *st_query_stmt(struct st_query *q);

/* Runs Q to its next row: CBM_OK with *ROW true when a row is ready (read
 * it with sqlite3_column_*() before the next step), CBM_OK with *ROW false
 * at the end.  A query stopped by the time or memory limit, or failing
 * otherwise, gives CBM_EDATA and a message saying which. */
enum cbm_status st_query_step(struct st_query *q, bool *row,
                              struct cbm_error *err);

/* The error of the last sqlite3_column_*() call on Q that failed (it
 * returned NULL for a value that is not NULL: out of memory), worded as
 * st_query_step() words it. */
enum cbm_status st_query_failed(struct st_query *q, struct cbm_error *err);

/* Finalizes the statement, removes the limits; a no-op for NULL. */
void st_query_close(struct st_query *q);

#endif /* CBM_STORE_H */
