/*
 * import_internal.h - shared by the files of import/ only: how a file
 * kind is described, the context of one file's import, and the helpers
 * its row hook calls.
 *
 * A kind is data first.  Its columns are one table (struct imp_column,
 * designated initialisers beside the kind's column enum) saying for each
 * its English name, its type, whether it is required, the table column it
 * is stored in and its built-in Russian and Kazakh header names.  From
 * that table the driver (importer.c) matches the header (header.c), reads
 * every field by its type (fields.c), stages each valid row in a TEMP
 * table (stage.c), looks for rows already loaded in one set-based query
 * and moves the staged rows into place in one ordered INSERT.  What is
 * left to a kind is its row hook: the checks across columns (an end
 * before its start, a rate for the day, a name another state has) and
 * the stored values no column gives (a USD amount).  A row hook runs
 * while earlier rows are being written by another thread (writer.c):
 * one that runs SQL calls imp_stage_pause() first.
 */
#ifndef CBM_IMPORT_INTERNAL_H
#define CBM_IMPORT_INTERNAL_H

#include <glib.h>

#include "import.h"

#define MAX_COLUMNS      16
#define MAX_EXTRAS       4
#define MAX_CHILD_TABLES 2

struct imp_ctx;

/* What a column holds, that is how the driver reads its fields. */
enum imp_type {
	IMP_T_TEXT,     /* one line of free text */
	IMP_T_NOTE,     /* free text; newlines allowed */
	IMP_T_CODE,     /* text the kind checks itself (a code, an item) */
	IMP_T_STATE,    /* a state by code, name or alias: its code */
	IMP_T_STATES,   /* states separated by '|': their codes */
	IMP_T_AREA,     /* a loaded priority area: its code */
	IMP_T_YEAR,     /* 1900 to 2100 */
	IMP_T_DATE,     /* a day */
	IMP_T_CURRENCY, /* ISO 4217 */
	IMP_T_MONEY,    /* an amount >= 0 in the row's currency */
	IMP_T_PAYMENT,  /* an amount > 0 in the row's currency */
	IMP_T_NUMBER,   /* a decimal number from min to max */
	IMP_T_ENUM,     /* one of values[], in English, Russian or Kazakh */
};

/* One column of a kind.  A column with a field is stored by the driver
 * in that column of the kind's table; one without is the kind's to use. */
struct imp_column {
	const char *name; /* English, as the data contract spells it */
	enum imp_type type;
	bool required;
	const char *field;                   /* the table's column, or NULL */
	const struct imp_enum_value *values; /* IMP_T_ENUM; en NULL ends */
	int def;           /* IMP_T_ENUM: the value when empty, -1: none */
	double min, max;   /* IMP_T_NUMBER */
	const char *ru[4]; /* built-in Russian header names */
	const char *kk[4]; /* built-in Kazakh header names */
};

/* Rows already loaded: a staged row s is the same as a stored row t when
 * ON holds; the error is at COLUMN with VALUE (SQL over s, or NULL) and
 * says "WHAT is already loaded by batch N". */
struct imp_dup {
	const char *on;
	int column;
	const char *value;
	const char *what;
};

/* A file kind: its columns and what its rows become. */
struct kind_def {
	const char *name;
	const char *table; /* where its rows go */
	const struct imp_column *columns;
	int n_columns;
	const char *extras[MAX_EXTRAS]; /* stored values the row hook gives */
	const char *count_names[4];     /* what res->counts hold */
	struct imp_dup dup;             /* .on NULL: no check */
	/* The key of the table's main index, as columns of the staged rows
	 * ("state, received_on, ..."), or NULL: many rows added to a table
	 * that keeps its indexes go in this order, so that the index is
	 * walked, not hit at random (stage.c). */
	const char *order;
	/* Move the staged children (temp.imp_child: n, a, b, c) into place
	 * once the rows are, with ?1 the batch, one statement per table
	 * they go to; NULL after the last. */
	const char *children[MAX_CHILD_TABLES];
	/* Checks the header (ctx->col) before any row; optional. */
	enum cbm_status (*begin)(struct imp_ctx *ctx);
	/* The checks across columns of a row whose fields are read; SQL
	 * only after imp_stage_pause(). */
	void (*row)(struct imp_ctx *ctx);
	/* Checks after the rows are in place, inside the transaction. */
	enum cbm_status (*end)(struct imp_ctx *ctx);
	/* Adds to the batch's SHA-256 what the file names beside itself
	 * (the organization's emblem); optional.  Leaves FP at its start. */
	enum cbm_status (*digest)(struct imp_ctx *ctx, FILE *fp,
	                          GChecksum *sum);
};

/* A field as the driver read it. */
struct imp_value {
	bool set;          /* present and valid */
	const char *text;  /* the trimmed text, NULL when empty */
	const char *s;     /* what is stored as text (a code, an enum's word) */
	int64_t i;         /* year, days, minor units, an enum's index */
	double d;          /* IMP_T_NUMBER */
	const char **list; /* IMP_T_STATES: codes, NULL-terminated */
	char buf[72];      /* room for a code the driver or kind writes */
};

/* The header as matched: which field holds which column. */
struct imp_header {
	int col[MAX_COLUMNS];    /* column i's field index, -1 if absent */
	char *name[MAX_COLUMNS]; /* column i as the file spells it */
	int cell[MAX_COLUMNS];   /* a workbook column's letter (0: A) */
	char currency[MAX_COLUMNS][4];  /* "Amount (USD)": "USD", else "" */
	char currency_of_file[4];       /* the one currency the brackets name */
	GHashTable *words[MAX_COLUMNS]; /* value key -> word read as */
	GHashTable *seen[MAX_COLUMNS];  /* value as written -> word, a memo */
	GString *mapping;               /* the --map lines of this header */
};

/* The parameters of a staged row: its line, the stored columns, the
 * extras. */
#define IMP_MAX_PARAMS (1 + MAX_COLUMNS + MAX_EXTRAS)

/* One value of a row to be written (writer.c). */
enum imp_param_type {
	IMP_PARAM_NULL,
	IMP_PARAM_INT,
	IMP_PARAM_DOUBLE,
	IMP_PARAM_TEXT,
	IMP_PARAM_BLOB,
};

struct imp_param {
	enum imp_param_type type;
	int64_t i;
	double d;
	size_t off, len; /* text and blobs: where in the row's bytes */
};

/* The values of one row for a statement, copied: parameter p is
 * param[p - 1]; those above n, or never set, are NULL. */
struct imp_row {
	struct imp_param param[IMP_MAX_PARAMS];
	int n;
	GByteArray *bytes; /* the text and blobs, NULL until one is set */
};

/* How staged rows go into place (stage.c), chosen once all are staged. */
enum imp_placing {
	IMP_PLACE_UNDECIDED,
	IMP_PLACE_AS_READ, /* in the file's order */
	IMP_PLACE_KEY,     /* in the order of the table's main index */
	IMP_PLACE_SORTED,  /* the same, and the staged rows lie so */
	IMP_PLACE_REBUILD, /* indexes dropped, built again by sorting */
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

	struct imp_header h;
	bool header_seen;
	bool header_ok;
	const char *sheet;            /* the workbook's sheet, else NULL */
	const struct imp_record *rec; /* the current record */
	size_t row_errors;            /* diags.errors when the row began */
	struct imp_value v[MAX_COLUMNS];
	char currency[4]; /* the current row's currency, "" if none */

	int64_t batch_id;
	struct imp_names *names;
	GHashTable *areas;      /* area codes (upper case) -> NULL */
	GHashTable *seen;       /* in-file keys -> first line */
	GHashTable *joined;     /* state code -> joined year (int) */
	GPtrArray *rates;       /* a memo of rates, one struct imp_rate_days
	                         * per currency (imp_ctx_get_rate) */
	GHashTable *currencies; /* currencies noted in the store */
	sqlite3_stmt *rate_stmt;
	struct imp_writer *writer; /* writes the rows read (writer.c) */
	struct imp_row row;        /* the values of the current row */
	struct imp_row child_row;  /* those of a staged child */
	sqlite3_stmt *stage; /* INSERT INTO temp.imp_stage, or the table */
	sqlite3_stmt *child; /* INSERT INTO temp.imp_child */
	int n_fields;        /* columns with a field */
	long staged;         /* rows staged (or inserted, when direct) */
	bool direct;         /* rows go straight into the empty table */
	GPtrArray *indexes;  /* SQL of the indexes dropped, to build again */
	enum imp_placing placing; /* how the staged rows go into place */
};

extern const struct kind_def *const imp_kind_defs[IMP_KIND_COUNT];

/* The kinds, one per file. */
extern const struct kind_def imp_kind_states, imp_kind_areas,
    imp_kind_coordinators, imp_kind_plan, imp_kind_contributions,
    imp_kind_pledges, imp_kind_budget, imp_kind_fx, imp_kind_secondments,
    imp_kind_scale, imp_kind_organization;

/* ---- the header (header.c) ----------------------------------------------- */

/* The key a header name is compared by: NFKC, case folded, ё as е,
 * spaces, hyphens and underscores as one '_', surrounding spaces and a
 * trailing colon gone, and a bracket holding a currency code ("Amount
 * (USD)") dropped, its code into CUR ("" when none; CUR may be NULL).
 * Caller frees with g_free(). */
char *imp_header_key(const char *name, char cur[4]);

/* Matches the header record REC onto the kind's columns (ctx->h),
 * reporting unknown, close, doubled and missing columns; sets
 * ctx->header_ok. */
void imp_header_match(struct imp_ctx *ctx, const struct imp_record *rec);

/* Reports a problem of the header's field I (-1: of the header as a
 * whole): at line 1 of a text file, at the header's cell in a sheet. */
void imp_header_diag(struct imp_ctx *ctx, const struct imp_record *rec, int i,
                     enum imp_severity sev, const char *column, const char *fmt,
                     ...) __attribute__((format(printf, 6, 7)));

/* The --print-map text of the matched header of REC. */
char *imp_header_print_map(struct imp_ctx *ctx, const struct imp_record *rec);

void imp_header_release(struct imp_header *h);

/* The map's header name for KEY (a header key), or -1. */
int imp_map_header(const struct imp_map *map, const char *key);

/* Calls FN for each value line of MAP for COLUMN. */
void imp_map_each_value(const struct imp_map *map, int column,
                        void (*fn)(void *data, const char *from,
                                   const char *to),
                        void *data);

/* The enumerated value of VALUES that WORD names (English, Russian or
 * Kazakh, after imp_header_key()), or -1. */
int imp_enum_find(const struct imp_enum_value *values, const char *word);

/* ---- reading fields (fields.c) ------------------------------------------- */

/* Reads every column of the current record by its type into ctx->v,
 * reporting each problem at FILE:LINE:COLUMN. */
void imp_ctx_read_row(struct imp_ctx *ctx);

/* Frees what reading the row allocated. */
void imp_ctx_clear_row(struct imp_ctx *ctx);

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

/* Resolves one state NAME of column COL into *CODE, or reports it. */
bool imp_ctx_get_state_name(struct imp_ctx *ctx, int col, const char *name,
                            const char **code);

/* Frees one currency's memo of rates (ctx->rates). */
void imp_rate_days_free(void *p);

/* The USD rate of CUR on DAYS; reports at column COL when missing. */
bool imp_ctx_get_rate(struct imp_ctx *ctx, int col, const char *cur,
                      int32_t days, double *usd_per_unit);

/* Records KEY as seen on this line; false (and an error at COL) when an
 * earlier line of the file had it. */
bool imp_ctx_unique_in_file(struct imp_ctx *ctx, int col, const char *key,
                            const char *what);

/* ---- the writer (writer.c) ---------------------------------------------- */

/* Sets parameter P (from 1) of row R; text and blobs are copied. */
void imp_row_int(struct imp_row *r, int p, int64_t v);
void imp_row_double(struct imp_row *r, int p, double v);
void imp_row_text(struct imp_row *r, int p, const char *v, size_t n);
void imp_row_blob(struct imp_row *r, int p, const void *v, size_t n);

/* Unsets every parameter of R; release frees what R holds. */
void imp_row_clear(struct imp_row *r);
void imp_row_release(struct imp_row *r);

/* Starts the thread that binds and steps the rows read, in the order they
 * are put, on DB's connection.  While rows are in flight only the writer
 * may use the connection: wait for it first. */
struct imp_writer *imp_writer_start(struct st_db *db);

/* Puts a copy of R, to be stepped on ST after every row put before. */
void imp_writer_put(struct imp_writer *w, sqlite3_stmt *st,
                    const struct imp_row *r);

/* True once a row failed to be written (seen at any time). */
bool imp_writer_failed(struct imp_writer *w);

/* Waits until every row handed over is written; the rows put since the
 * last hand-over wait, and the connection is the caller's until the next
 * put.  Returns the first failure, copied into ERR. */
enum cbm_status imp_writer_wait(struct imp_writer *w, struct cbm_error *err);

/* Hands the rows put since the last hand-over to the writer (or writes
 * them, without a thread); imp_writer_wait then waits for them too. */
void imp_writer_hand_over(struct imp_writer *w);

/* Ends the thread, dropping what is in flight; W may be NULL. */
void imp_writer_stop(struct imp_writer *w);

/* ---- staging (stage.c) --------------------------------------------------- */

/* Creates the staging tables of the kind and prepares their inserts; when
 * the kind's table is empty and the kind has no children, the rows go
 * straight into it instead (ctx->direct; stage.c says why). */
enum cbm_status imp_stage_open(struct imp_ctx *ctx);

/* Drops the staging tables; safe to call when none exist. */
void imp_stage_close(struct imp_ctx *ctx);

/* Extra stored value I (def->extras[I]) of the current row. */
void imp_ctx_store_int(struct imp_ctx *ctx, int i, int64_t v);
void imp_ctx_store_double(struct imp_ctx *ctx, int i, double v);
void imp_ctx_store_text(struct imp_ctx *ctx, int i, const char *v);
void imp_ctx_store_blob(struct imp_ctx *ctx, int i, const void *v, size_t n);

/* Stages a child row (N, A, B, C) of the current row, counted in
 * res->counts[COUNT]. */
void imp_ctx_child(struct imp_ctx *ctx, int count, int64_t n, const char *a,
                   const char *b, const char *c);

/* Stages the current row (its fields and the extras stored); counts it. */
void imp_stage_row(struct imp_ctx *ctx);

/* Forgets the extras stored for a row that is not staged. */
void imp_stage_discard(struct imp_ctx *ctx);

/* Makes the connection the reader's: a row hook that runs SQL calls this
 * first (the rows staged so far may still be being written), and runs
 * none when it returns a failure (ctx->fatal): a write that failed may
 * have ended the transaction, and SQL run then would commit on its own. */
enum cbm_status imp_stage_pause(struct imp_ctx *ctx);

/* Writes every row staged; after the last row, before any other SQL. */
enum cbm_status imp_stage_flush(struct imp_ctx *ctx);

/* Reports every staged row that is already loaded, five per batch and a
 * line for the rest. */
enum cbm_status imp_stage_check(struct imp_ctx *ctx);

/* Moves the staged rows and children into the kind's table, in the order
 * of the file, as batch ctx->batch_id. */
enum cbm_status imp_stage_insert(struct imp_ctx *ctx);

#endif /* CBM_IMPORT_INTERNAL_H */
