/*
 * stage.c - the shared tail of every kind: validated rows are staged in a
 * TEMP table, checked against the rows already loaded in one set-based
 * query, and moved into place in one INSERT ... SELECT in index order
 * (DESIGN "Batches and duplicates").
 *
 * Why staged: inserting each row as it is read puts it into every index
 * of the kind's table in the file's order, which for a million payments
 * in random order means a cache miss per row and index; and a per-row
 * lookup for duplicates is another.  Staged, the rows go to a table of
 * their own that only grows at its end (the import connection keeps TEMP
 * tables in a file, PRAGMA temp_store, so memory stays flat), the
 * duplicate check is one join that SQLite runs in index order, and the
 * final insert is one statement, which adds many rows in the order of the
 * table's main index (kind_def.order).  For a kind without such a key,
 * when the file brings many rows against those loaded, the kind's
 * indexes are dropped and built again afterwards by sorting, as CREATE
 * INDEX does, inside the same transaction: the end state is the same, and
 * a failure still rolls everything back (placing() has the measurements).
 *
 * Direct: when the kind's table holds no rows when the import begins
 * (a first import, or a --replace of all there was) and the kind has no
 * staged children, no row can already be loaded, so there is nothing for
 * the staging table to wait for: each valid row goes straight into the
 * kind's table, as the file orders it, and the copy from the staging
 * table is saved (a third of a million-row import's time).  A file of a
 * megabyte or more has the table's indexes dropped first and built again
 * by sorting at the end; the rows are then written exactly as the floor
 * of bench/run writes them.  Everything else holds: one transaction, rows
 * with errors are never written, and any error rolls all back.
 *
 * The staged table holds the file's line of each row (for the messages of
 * the duplicate check), the kind's stored columns and its extras; staged
 * children (the aliases of a state, the organizers of an event) wait in
 * temp.imp_child until their rows are in place.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "import_internal.h"

/* Below this many rows, building indexes again costs more than it saves,
 * and the order of the insert does not matter. */
#define REBUILD_MIN_ROWS 20000

/* A file this big (bytes) loaded directly has its table's indexes dropped
 * and built again: about REBUILD_MIN_ROWS rows of a CSV. */
#define DIRECT_REBUILD_BYTES (1 << 20)

/* How many rows already loaded by one batch are listed one by one. */
#define DUPLICATES_SHOWN 5

/* The stored columns: the fields of the kind's columns, then its extras,
 * separated by ", " and quoted, with PREFIX before each. */
static char *stored_columns(const struct kind_def *def, const char *prefix)
{
	GString *s = g_string_new(NULL);

	for (int c = 0; c < def->n_columns; c++)
		if (def->columns[c].field)
			g_string_append_printf(s, "%s%s\"%s\"",
			                       s->len ? ", " : "", prefix,
			                       def->columns[c].field);
	for (int i = 0; i < MAX_EXTRAS && def->extras[i]; i++)
		g_string_append_printf(s, "%s%s\"%s\"", s->len ? ", " : "",
		                       prefix, def->extras[i]);
	return g_string_free(s, FALSE);
}

static bool table_has_rows(struct imp_ctx *ctx);
static enum imp_placing placing(struct imp_ctx *ctx);
static enum cbm_status sort_staged(struct imp_ctx *ctx);
static enum cbm_status drop_indexes(struct imp_ctx *ctx, GPtrArray *sqls);

static enum cbm_status prepare(struct imp_ctx *ctx, const char *sql,
                               sqlite3_stmt **st)
{
	if (sqlite3_prepare_v2(ctx->sql, sql, -1, st, NULL) != SQLITE_OK)
		return ctx->fatal =
		           st_sql_error(ctx->db, "cannot stage rows", ctx->err);
	return CBM_OK;
}

static enum cbm_status open_staged(struct imp_ctx *ctx, const char *marks)
{
	char *sql =
	    g_strdup_printf("INSERT INTO temp.imp_stage VALUES (%s)", marks);
	enum cbm_status rc = prepare(ctx, sql, &ctx->stage);

	g_free(sql);
	return rc;
}

/* The insert of a row straight into the kind's table: the parameters are
 * those of the staging insert (?1, the line, unused), so that binding a
 * row does not know where it goes; the batch is a constant, since a row's
 * bindings are cleared after it.  N: the stored columns. */
static enum cbm_status open_direct(struct imp_ctx *ctx, int n)
{
	char *cols = stored_columns(ctx->def, "");
	GString *params = g_string_new(NULL);
	enum cbm_status rc = CBM_OK;
	char *sql;

	for (int i = 0; i < n; i++)
		g_string_append_printf(params, "?%d, ", i + 2);
	if (ctx->size >= DIRECT_REBUILD_BYTES)
		rc = drop_indexes(ctx, ctx->indexes);
	sql = g_strdup_printf("INSERT INTO main.\"%s\" (%s, batch_id)"
	                      " VALUES (%s%lld)",
	                      ctx->def->table, cols, params->str,
	                      (long long)ctx->batch_id);
	if (rc == CBM_OK)
		rc = prepare(ctx, sql, &ctx->stage);
	g_free(sql);
	g_free(cols);
	g_string_free(params, TRUE);
	return rc;
}

enum cbm_status imp_stage_open(struct imp_ctx *ctx)
{
	char *cols = stored_columns(ctx->def, "");
	GString *marks = g_string_new("?");
	char *sql;
	enum cbm_status rc;
	int n = 0;

	for (int c = 0; c < ctx->def->n_columns; c++)
		n += ctx->def->columns[c].field != NULL;
	ctx->n_fields = n;
	for (int i = 0; i < MAX_EXTRAS && ctx->def->extras[i]; i++)
		n++;
	for (int i = 0; i < n; i++)
		g_string_append(marks, ", ?");
	ctx->indexes = g_ptr_array_new_with_free_func(g_free);
	ctx->direct = !ctx->def->children[0] && !table_has_rows(ctx);
	ctx->placing = IMP_PLACE_UNDECIDED;
	sql = g_strdup_printf(
	    "DROP TABLE IF EXISTS temp.imp_stage;"
	    "DROP TABLE IF EXISTS temp.imp_child;"
	    "CREATE TEMP TABLE imp_stage (imp_line, %s);"
	    "CREATE TEMP TABLE imp_child (imp_line, n, a, b, c);",
	    cols);
	rc = st_exec(ctx->db, sql, ctx->err);
	g_free(sql);
	g_free(cols);
	if (rc == CBM_OK)
		rc = ctx->direct ? open_direct(ctx, n)
		                 : open_staged(ctx, marks->str);
	if (rc == CBM_OK)
		rc = prepare(
		    ctx, "INSERT INTO temp.imp_child VALUES (?, ?, ?, ?, ?)",
		    &ctx->child);
	if (rc == CBM_OK)
		ctx->writer = imp_writer_start(ctx->db);
	g_string_free(marks, TRUE);
	return rc;
}

void imp_stage_close(struct imp_ctx *ctx)
{
	imp_writer_stop(ctx->writer);
	ctx->writer = NULL;
	imp_row_release(&ctx->row);
	imp_row_release(&ctx->child_row);
	sqlite3_finalize(ctx->stage);
	sqlite3_finalize(ctx->child);
	ctx->stage = ctx->child = NULL;
	if (ctx->indexes)
		g_ptr_array_free(ctx->indexes, TRUE);
	ctx->indexes = NULL;
	sqlite3_exec(ctx->sql,
	             "DROP TABLE IF EXISTS temp.imp_stage;"
	             "DROP TABLE IF EXISTS temp.imp_child",
	             NULL, NULL, NULL);
}

/* ---- one row ------------------------------------------------------------- */

/* The parameter of extra I in the staging insert (1: the line). */
static int extra_param(const struct imp_ctx *ctx, int i)
{
	assert(i >= 0 && i < MAX_EXTRAS && ctx->def->extras[i]);
	return 2 + ctx->n_fields + i;
}

void imp_ctx_store_int(struct imp_ctx *ctx, int i, int64_t v)
{
	imp_row_int(&ctx->row, extra_param(ctx, i), v);
}

void imp_ctx_store_double(struct imp_ctx *ctx, int i, double v)
{
	imp_row_double(&ctx->row, extra_param(ctx, i), v);
}

/* Text V (NULL: none) as parameter P of R. */
static void text_param(struct imp_row *r, int p, const char *v)
{
	if (v)
		imp_row_text(r, p, v, strlen(v));
}

/* NULL (no text, no blob) leaves the extra as it is: unset, so NULL,
 * unless stored before in the same row. */
void imp_ctx_store_text(struct imp_ctx *ctx, int i, const char *v)
{
	text_param(&ctx->row, extra_param(ctx, i), v);
}

void imp_ctx_store_blob(struct imp_ctx *ctx, int i, const void *v, size_t n)
{
	if (v)
		imp_row_blob(&ctx->row, extra_param(ctx, i), v, n);
}

/* Hands row R of statement ST to the writer (writer.c); a failure to
 * write an earlier row is made the import's now, which stops the
 * reading. */
static void put(struct imp_ctx *ctx, sqlite3_stmt *st, struct imp_row *r)
{
	imp_writer_put(ctx->writer, st, r);
	imp_row_clear(r);
	if (imp_writer_failed(ctx->writer))
		imp_stage_pause(ctx);
}

void imp_ctx_child(struct imp_ctx *ctx, int count, int64_t n, const char *a,
                   const char *b, const char *c)
{
	struct imp_row *r = &ctx->child_row;

	imp_row_int(r, 1, ctx->rec->line);
	imp_row_int(r, 2, n);
	text_param(r, 3, a);
	text_param(r, 4, b);
	text_param(r, 5, c);
	put(ctx, ctx->child, r);
	ctx->res->counts[count].count++;
}

/* Sets the value of column C as parameter P, as its type is stored. */
static void set_value(struct imp_ctx *ctx, int c, int p)
{
	struct imp_value *v = &ctx->v[c];
	struct imp_row *r = &ctx->row;

	if (!v->set)
		return; /* NULL */
	switch (ctx->def->columns[c].type) {
	case IMP_T_YEAR:
	case IMP_T_MONEY:
	case IMP_T_PAYMENT:
		imp_row_int(r, p, v->i);
		break;
	case IMP_T_DATE:
		cbm_date_iso((int32_t)v->i, v->buf);
		imp_row_text(r, p, v->buf, 10);
		break;
	case IMP_T_NUMBER:
		imp_row_double(r, p, v->d);
		break;
	default:
		text_param(r, p, v->s);
		break;
	}
}

void imp_stage_row(struct imp_ctx *ctx)
{
	int p = 1;

	imp_row_int(&ctx->row, p++, ctx->rec->line);
	for (int c = 0; c < ctx->def->n_columns; c++)
		if (ctx->def->columns[c].field)
			set_value(ctx, c, p++);
	put(ctx, ctx->stage, &ctx->row);
	ctx->staged++;
	ctx->res->counts[0].count++;
}

void imp_stage_discard(struct imp_ctx *ctx)
{
	imp_row_clear(&ctx->row);
}

enum cbm_status imp_stage_pause(struct imp_ctx *ctx)
{
	enum cbm_status rc;

	if (!ctx->writer)
		return ctx->fatal;
	rc = imp_writer_wait(ctx->writer, ctx->err);
	if (rc != CBM_OK && !ctx->fatal)
		ctx->fatal = rc;
	return ctx->fatal;
}

enum cbm_status imp_stage_flush(struct imp_ctx *ctx)
{
	if (ctx->writer)
		imp_writer_hand_over(ctx->writer);
	return imp_stage_pause(ctx);
}

/* ---- rows already loaded ------------------------------------------------- */

/* Duplicates per batch that loaded them. */
struct dups {
	int64_t batch;
	char file[1024];
	long shown, more;
};

static struct dups *dups_of(struct imp_ctx *ctx, GArray *all, int64_t batch)
{
	struct st_batch b;
	struct cbm_error ignore = {0};
	struct dups d = {batch, "?", 0, 0};

	for (guint i = 0; i < all->len; i++)
		if (g_array_index(all, struct dups, i).batch == batch)
			return &g_array_index(all, struct dups, i);
	if (st_batch_get(ctx->db, batch, &b, &ignore) == CBM_OK)
		snprintf(d.file, sizeof(d.file), "%s", b.file_name);
	cbm_error_clear(&ignore);
	g_array_append_val(all, d);
	return &g_array_index(all, struct dups, all->len - 1);
}

/* True when the kind's table holds rows (of other batches: the new ones
 * are still staged). */
static bool table_has_rows(struct imp_ctx *ctx)
{
	char *sql = g_strdup_printf("SELECT 1 FROM main.\"%s\" LIMIT 1",
	                            ctx->def->table);
	sqlite3_stmt *st = NULL;
	bool rows = true; /* unreadable: check, the cautious way */

	if (sqlite3_prepare_v2(ctx->sql, sql, -1, &st, NULL) == SQLITE_OK)
		rows = sqlite3_step(st) != SQLITE_DONE;
	sqlite3_finalize(st);
	g_free(sql);
	return rows;
}

/* Reports the duplicate on the current row of ST (line, batch, value). */
static void report_duplicate(struct imp_ctx *ctx, sqlite3_stmt *st, GArray *all)
{
	const struct imp_dup *dup = &ctx->def->dup;
	long line = (long)sqlite3_column_int64(st, 0);
	struct dups *d = dups_of(ctx, all, sqlite3_column_int64(st, 1));

	if (d->shown >= DUPLICATES_SHOWN) {
		d->more++;
		return;
	}
	d->shown++;
	imp_diags_add_cell(
	    &ctx->res->diags, IMP_ERROR, ctx->file, ctx->sheet, line,
	    ctx->h.cell[dup->column], ctx->h.name[dup->column],
	    (const char *)sqlite3_column_text(st, 2),
	    "%s is already loaded by batch %lld (%s); to load "
	    "a new version use --replace %lld",
	    dup->what, (long long)d->batch, d->file, (long long)d->batch);
}

/* One line for the duplicates of each batch beyond the first few. */
static void summarise(struct imp_ctx *ctx, GArray *all)
{
	for (guint i = 0; i < all->len; i++) {
		const struct dups *d = &g_array_index(all, struct dups, i);
		if (!d->more)
			continue;
		imp_diags_add(
		    &ctx->res->diags, IMP_NOTE, ctx->file, 0, "", NULL,
		    "and %ld more rows already loaded by batch %lld; "
		    "to load a new version use --replace %lld",
		    d->more, (long long)d->batch, (long long)d->batch);
		ctx->res->diags.unlisted += (size_t)d->more;
	}
}

enum cbm_status imp_stage_check(struct imp_ctx *ctx)
{
	const struct imp_dup *dup = &ctx->def->dup;
	GArray *all;
	sqlite3_stmt *st = NULL;
	char *sql;
	int rc;

	if (!dup->on || ctx->direct || ctx->staged == 0 ||
	    ctx->res->diags.truncated || !table_has_rows(ctx))
		return CBM_OK;
	/* CROSS JOIN keeps the staged rows outside: each is looked up in
	 * the table's index on the key, in the order they lie in, which for
	 * many rows is that key's (sort_staged). */
	if (placing(ctx) == IMP_PLACE_KEY && sort_staged(ctx) != CBM_OK)
		return ctx->fatal;
	sql = g_strdup_printf(
	    "SELECT s.imp_line, min(t.batch_id), %s FROM temp.imp_stage s"
	    " CROSS JOIN main.\"%s\" t ON %s GROUP BY s.rowid"
	    " ORDER BY s.imp_line",
	    dup->value ? dup->value : "NULL", ctx->def->table, dup->on);
	rc = sqlite3_prepare_v2(ctx->sql, sql, -1, &st, NULL);
	g_free(sql);
	if (rc != SQLITE_OK)
		return ctx->fatal =
		           st_sql_error(ctx->db, "cannot look up", ctx->err);
	all = g_array_new(FALSE, FALSE, sizeof(struct dups));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		report_duplicate(ctx, st, all);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		ctx->fatal = st_sql_error(ctx->db, "cannot look up", ctx->err);
	summarise(ctx, all);
	if (all->len)
		imp_diags_sort(&ctx->res->diags);
	g_array_free(all, TRUE);
	return ctx->fatal;
}

/* ---- into place ---------------------------------------------------------- */

static int64_t count_rows(struct imp_ctx *ctx)
{
	char *sql = g_strdup_printf("SELECT count(*) FROM main.\"%s\"",
	                            ctx->def->table);
	sqlite3_stmt *st = NULL;
	int64_t n = -1;

	if (sqlite3_prepare_v2(ctx->sql, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	g_free(sql);
	return n;
}

/* Drops the indexes of the kind's table that can be built again from
 * their SQL, which goes into SQLS; SQLite's own (a UNIQUE, a primary key)
 * stay. */
static enum cbm_status drop_indexes(struct imp_ctx *ctx, GPtrArray *sqls)
{
	sqlite3_stmt *st = NULL;
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	enum cbm_status rc = CBM_OK;

	if (sqlite3_prepare_v2(ctx->sql,
	                       "SELECT name, sql FROM main.sqlite_schema"
	                       " WHERE type = 'index' AND tbl_name = ?"
	                       " AND sql IS NOT NULL",
	                       -1, &st, NULL) != SQLITE_OK)
		rc = st_sql_error(ctx->db, "cannot read the schema", ctx->err);
	sqlite3_bind_text(st, 1, ctx->def->table, -1, SQLITE_STATIC);
	while (rc == CBM_OK && sqlite3_step(st) == SQLITE_ROW) {
		g_ptr_array_add(
		    names, g_strdup((const char *)sqlite3_column_text(st, 0)));
		g_ptr_array_add(
		    sqls, g_strdup((const char *)sqlite3_column_text(st, 1)));
	}
	sqlite3_finalize(st);
	for (guint i = 0; i < names->len && rc == CBM_OK; i++) {
		char *sql = g_strdup_printf("DROP INDEX main.\"%s\"",
		                            (char *)names->pdata[i]);
		rc = st_exec(ctx->db, sql, ctx->err);
		g_free(sql);
	}
	g_ptr_array_free(names, TRUE);
	return rc;
}

/* Runs SQL with ?1 bound to the batch. */
static enum cbm_status run_with_batch(struct imp_ctx *ctx, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(ctx->sql, sql, -1, &st, NULL);

	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, ctx->batch_id);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return ctx->fatal = st_sql_error(
		           ctx->db, "cannot insert the rows", ctx->err);
	return CBM_OK;
}

/* Builds again the indexes whose SQL is in SQLS, as CREATE INDEX does:
 * by sorting the table's rows, which SQLite may spread over more than one
 * thread (PRAGMA threads: helpers for each sort, one fewer than the
 * machine's processors, at most 3).  A million payments in random order,
 * on two processors, 4 runs in turns: 6.20-6.27 -> 5.50-5.88 s for the
 * whole import, peak memory 20 -> 24 MiB; 100,000 the same (0.62-0.65 s
 * before, 0.64-0.75 s after, 3 runs). */
static enum cbm_status build_indexes(struct imp_ctx *ctx, GPtrArray *sqls)
{
	int helpers = CLAMP((int)g_get_num_processors() - 1, 0, 3);
	char pragma[32];
	enum cbm_status rc = CBM_OK;

	snprintf(pragma, sizeof(pragma), "PRAGMA threads = %d", helpers);
	if (sqls->len && helpers > 0)
		rc = st_exec(ctx->db, pragma, ctx->err);
	for (guint i = 0; i < sqls->len && rc == CBM_OK; i++)
		rc = st_exec(ctx->db, sqls->pdata[i], ctx->err);
	if (sqls->len && helpers > 0)
		sqlite3_exec(ctx->sql, "PRAGMA threads = 0", NULL, NULL, NULL);
	return rc;
}

/* How the staged rows go into place, chosen once:
 * - many rows of a kind with a main index's key (kind_def.order): in
 *   that order, into the indexes as they are.  100,000 rows into a
 *   million take 3 s so, against 10 s in the file's order, where each
 *   row's index entry lands on a page that has left SQLite's 2 MB cache.
 *   It beats dropping the indexes and building them again at every size
 *   measured (contributions, 3 runs each, 2026-12-03): 100,000 rows into
 *   100,000 0.70-0.75 s against 1.04-1.07 s; 250,000 into a million
 *   1.9-2.7 s against 5.2-7.1 s; 500,000 into a million 3.5-5.1 s
 *   against 8.1-9.1 s; a million into 100,000 10.0-10.2 s against
 *   10.9-11.1 s; a million into a million 11.2-11.4 s against 19.1-19.2 s;
 * - many rows of another kind against those loaded (a quarter or more):
 *   the table's indexes are dropped and built again by sorting, as a
 *   first import builds them;
 * - otherwise in the file's order: the rows are too few for the order to
 *   matter, and the ids follow the file as a reader of the table
 *   expects. */
static enum imp_placing placing(struct imp_ctx *ctx)
{
	int64_t loaded;

	if (ctx->placing != IMP_PLACE_UNDECIDED)
		return ctx->placing;
	if (ctx->staged < REBUILD_MIN_ROWS)
		ctx->placing = IMP_PLACE_AS_READ;
	else if (ctx->def->order)
		ctx->placing = IMP_PLACE_KEY;
	else if ((loaded = count_rows(ctx)) >= 0 && ctx->staged * 4 >= loaded)
		ctx->placing = IMP_PLACE_REBUILD;
	else
		ctx->placing = IMP_PLACE_AS_READ;
	return ctx->placing;
}

/* Copies the staged rows, sorted by the key of the table's main index,
 * into a staging table of their own, once: the duplicate check then
 * looks them up in that order, which reads each page of the table's
 * index on the key once instead of once a row (100,000 rows into a
 * million: 126,000 reads of the database file before, 9,000 after),
 * and the insert takes them as they lie instead of sorting them
 * again.  Both read the same rows, so one sort serves both. */
static enum cbm_status sort_staged(struct imp_ctx *ctx)
{
	char *sql =
	    g_strdup_printf("CREATE TEMP TABLE imp_sorted AS"
	                    " SELECT * FROM temp.imp_stage ORDER BY %s;"
	                    "DROP TABLE temp.imp_stage;"
	                    "ALTER TABLE temp.imp_sorted RENAME TO imp_stage;",
	                    ctx->def->order);

	if (sqlite3_exec(ctx->sql, sql, NULL, NULL, NULL) == SQLITE_OK)
		ctx->placing = IMP_PLACE_SORTED;
	else
		ctx->fatal = st_sql_error(ctx->db, "cannot sort the rows read",
		                          ctx->err);
	g_free(sql);
	return ctx->fatal;
}

/* Moves the staged rows into place, in one INSERT ... SELECT.  OR FAIL: a
 * statement that could be undone alone (the default, ABORT) first copies
 * every page it changes to a statement journal, 47,000 writes for 100,000
 * rows into a million; any failure here rolls the whole import back
 * anyway. */
static enum cbm_status insert_staged(struct imp_ctx *ctx)
{
	char *cols = stored_columns(ctx->def, "");
	GPtrArray *indexes = g_ptr_array_new_with_free_func(g_free);
	enum imp_placing how = placing(ctx);
	enum cbm_status rc = CBM_OK;
	char *sql;

	if (how == IMP_PLACE_REBUILD)
		rc = drop_indexes(ctx, indexes);
	sql = g_strdup_printf("INSERT OR FAIL INTO main.\"%s\" (%s, batch_id)"
	                      " SELECT %s, ?1 FROM temp.imp_stage"
	                      " ORDER BY %s",
	                      ctx->def->table, cols, cols,
	                      how == IMP_PLACE_KEY ? ctx->def->order : "rowid");
	if (rc == CBM_OK)
		rc = run_with_batch(ctx, sql);
	g_free(sql);
	for (int i = 0;
	     i < MAX_CHILD_TABLES && ctx->def->children[i] && rc == CBM_OK; i++)
		rc = run_with_batch(ctx, ctx->def->children[i]);
	if (rc == CBM_OK)
		rc = build_indexes(ctx, indexes);
	g_ptr_array_free(indexes, TRUE);
	g_free(cols);
	return rc;
}

enum cbm_status imp_stage_insert(struct imp_ctx *ctx)
{
	return ctx->direct ? build_indexes(ctx, ctx->indexes)
	                   : insert_staged(ctx);
}
