/*
 * import_internal.h - shared by the files of import/ only: the context of
 * one file's import, the description of a file kind, and the helpers that
 * read one typed value from the current record, reporting any problem at
 * FILE:LINE:COLUMN.
 */
#ifndef CBM_IMPORT_INTERNAL_H
#define CBM_IMPORT_INTERNAL_H

#include <glib.h>

#include "import.h"

#define MAX_COLUMNS    16
#define MAX_STATEMENTS 6

struct imp_ctx;

/* A file kind: its columns, a bit set of the required ones, and the hooks
 * that load its rows. */
struct kind_def {
	const char *name;
	const char *const columns[MAX_COLUMNS]; /* NULL-terminated */
	unsigned required;                      /* bit i: column i required */
	const char *count_names[4];             /* what res->counts hold */
	/* Prepares statements and lookups; called once the header is known. */
	enum cbm_status (*begin)(struct imp_ctx *ctx);
	/* Validates the current record and, when ctx->writing, inserts it. */
	void (*row)(struct imp_ctx *ctx);
	/* Checks across rows after the last record, inside the transaction. */
	enum cbm_status (*end)(struct imp_ctx *ctx);
	/* Issue 11: adds to the batch's SHA-256 what the file names beside
	 * itself (the organization's emblem); NULL for every other kind.
	 * Leaves FP at its start. */
	enum cbm_status (*digest)(struct imp_ctx *ctx, FILE *fp,
	                          GChecksum *sum);
};

struct imp_ctx {
	struct st_db *db;
	sqlite3 *sql;
	const struct kind_def *def;
	const char *file; /* the name in messages */
	uint64_t size;    /* bytes in the file */
	const struct imp_options *opt;
	struct imp_result *res;
	struct cbm_error *err;
	enum cbm_status fatal; /* an SQLite or I/O failure, sticky */

	int col[MAX_COLUMNS];      /* column i's field index, -1 if absent */
	char *header[MAX_COLUMNS]; /* column i as the file spells it */
	bool header_ok;
	const struct imp_record *rec; /* the current record */
	size_t row_errors;            /* diags.errors when the row began */

	int64_t batch_id;
	bool writing; /* false once a row failed: validate only */
	struct imp_names *names;
	GHashTable *areas;      /* area codes (upper case) -> NULL */
	GHashTable *seen;       /* in-file keys -> first line */
	GHashTable *joined;     /* state code -> joined year (int) */
	GHashTable *currencies; /* currencies noted in the store */
	sqlite3_stmt *stmt[MAX_STATEMENTS];
	sqlite3_stmt *rate_stmt;
	bool check_duplicates; /* other batches hold rows of this kind */
};

extern const struct kind_def imp_kind_defs[IMP_KIND_COUNT];

/* ---- field helpers: each reports its own error and returns false --------- */

/* The trimmed text of column COL, or NULL when absent or empty. */
const char *imp_ctx_text(struct imp_ctx *ctx, int col);

/* Reports an error at the current record's line and column COL (-1: the
 * record itself). */
void imp_ctx_error(struct imp_ctx *ctx, int col, const char *value,
                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void imp_ctx_warning(struct imp_ctx *ctx, int col, const char *value,
                     const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* True while the current row has no error. */
bool imp_ctx_row_ok(const struct imp_ctx *ctx);

/* Required (or optional: *OUT = NULL and true when empty) free text. */
bool imp_ctx_get_text(struct imp_ctx *ctx, int col, bool required,
                      bool multiline, const char **out);
bool imp_ctx_get_state(struct imp_ctx *ctx, int col, const char **code);
bool imp_ctx_get_state_name(struct imp_ctx *ctx, int col, const char *name,
                            const char **code);
bool imp_ctx_get_area(struct imp_ctx *ctx, int col, char *code, size_t n);
bool imp_ctx_get_year(struct imp_ctx *ctx, int col, bool required, int *year);
bool imp_ctx_get_date(struct imp_ctx *ctx, int col, bool required,
                      int32_t *days, bool *present);
bool imp_ctx_get_currency(struct imp_ctx *ctx, int col, char cur[4]);
/* An amount of CUR; MIN_POSITIVE demands > 0, otherwise >= 0. */
bool imp_ctx_get_amount(struct imp_ctx *ctx, int col, bool required,
                        const char *cur, bool positive, int64_t *minor,
                        bool *present);
/* One of VALUES (NULL-terminated), case-insensitive; DEF when empty and
 * DEF >= 0. */
bool imp_ctx_get_enum(struct imp_ctx *ctx, int col, const char *const *values,
                      int def, int *out);
bool imp_ctx_get_decimal(struct imp_ctx *ctx, int col, double min, double max,
                         double *out);
/* The USD rate of CUR on DAYS; reports at column COL when missing. */
bool imp_ctx_get_rate(struct imp_ctx *ctx, int col, const char *cur,
                      int32_t days, double *usd_per_unit);

/* Records KEY as seen on this line; false (and an error at COL) when an
 * earlier line of the file had it. */
bool imp_ctx_unique_in_file(struct imp_ctx *ctx, int col, const char *key,
                            const char *what);

/* Prepares SQL into ctx->stmt[I]. */
enum cbm_status imp_ctx_prepare(struct imp_ctx *ctx, int i, const char *sql);

/* Steps a bound insert statement and resets it; an SQLite failure is
 * fatal (ctx->fatal). */
void imp_ctx_step(struct imp_ctx *ctx, sqlite3_stmt *st);

/* Runs a bound lookup returning one integer (a batch id); 0 when none.
 * Resets the statement. */
int64_t imp_ctx_lookup(struct imp_ctx *ctx, sqlite3_stmt *st);

/* Reports "already loaded by batch N (file); use --replace N". */
void imp_ctx_already(struct imp_ctx *ctx, int col, const char *value,
                     const char *what, int64_t batch);

void imp_ctx_count(struct imp_ctx *ctx, int i, long n);

#endif /* CBM_IMPORT_INTERNAL_H */
