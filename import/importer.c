/*
 * importer.c - one file of one kind into one batch, in one transaction.
 *
 * The order of work: hash the file, and on the same pass tell what it is
 * (sniff.c); pick the reader: a workbook's sheet (workbook.c) or text in
 * its encoding (csvread.c); BEGIN IMMEDIATE (a second importer waits
 * here); a file already loaded as this kind and sheet is a no-op; remove
 * the batch being replaced; create the new batch; match the header onto
 * the kind's columns (header.c); read every record, each field by its
 * column's type (fields.c) and the row by the kind's hook, staging the
 * valid rows (stage.c); look for rows already loaded, in one query; move
 * the staged rows into place; run the kind's cross-row checks; then
 * COMMIT, or ROLLBACK when anything failed or on --dry-run.  Nothing is
 * half-loaded: every path out of the transaction but the last rolls back.  The
 * readers deliver the same records, so nothing after the choice of reader knows
 * which one it was.
 */
#include <errno.h>
#include <glib.h>
#include <string.h>
#include <sys/stat.h>

#include "import_internal.h"

void imp_result_init(struct imp_result *res)
{
	memset(res, 0, sizeof(*res));
	imp_diags_init(&res->diags);
}

void imp_result_release(struct imp_result *res)
{
	imp_diags_release(&res->diags);
	g_free(res->sheet);
	g_free(res->mapping);
	memset(res, 0, sizeof(*res));
}

/* What the records come from: a workbook's sheet, or text in an encoding
 * (NULL: UTF-8). */
struct source {
	struct imp_workbook *wb;
	const char *encoding;
};

/* The file's SHA-256 into HEX (with what its kind's digest hook adds), its
 * size into ctx->size and its first bytes into SNIFF; FP is rewound. */
static enum cbm_status hash_file(struct imp_ctx *ctx, FILE *fp, char *hex,
                                 struct imp_sniff *sniff)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	unsigned char buf[64 * 1024];
	size_t got;
	enum cbm_status rc = CBM_OK;

	ctx->size = 0;
	imp_sniff_init(sniff);
	while ((got = fread(buf, 1, sizeof(buf), fp)) > 0) {
		g_checksum_update(sum, buf, got);
		imp_sniff_update(sniff, buf, got);
		ctx->size += got;
	}
	if (ferror(fp) || fseek(fp, 0, SEEK_SET) != 0)
		rc = CBM_ERROR(ctx->err, CBM_EINTERNAL, ctx->file,
		               "cannot read: %s", strerror(errno));
	/* Issue 11: a kind may hash what the file names (an emblem). */
	if (rc == CBM_OK && ctx->def->digest)
		rc = ctx->def->digest(ctx, fp, sum);
	snprintf(hex, 65, "%s", g_checksum_get_string(sum));
	g_checksum_free(sum);
	return rc;
}

/* A kind that names states needs states loaded first: one error for the
 * file rather than one per row. */
static bool states_needed(struct imp_ctx *ctx, const struct imp_record *rec)
{
	for (int c = 0; c < ctx->def->n_columns; c++) {
		enum imp_type type = ctx->def->columns[c].type;
		if ((type == IMP_T_STATE || type == IMP_T_STATES) &&
		    imp_names_empty(ctx->names)) {
			imp_header_diag(ctx, rec, ctx->h.col[c], IMP_ERROR,
			                ctx->def->columns[c].name,
			                "no states are loaded yet; import them "
			                "first with 'cbm import states FILE'");
			return true;
		}
	}
	return false;
}

/* The header: matched onto the kind's columns, or with --print-map only
 * that.  Returns non-zero to stop reading. */
static int on_header(struct imp_ctx *ctx, const struct imp_record *rec)
{
	ctx->header_seen = true;
	ctx->sheet = rec->sheet;
	imp_header_match(ctx, rec);
	if (ctx->opt->print_map) {
		ctx->res->mapping = imp_header_print_map(ctx, rec);
		return 1;
	}
	ctx->res->mapping = g_strdup(ctx->h.mapping->str);
	if (!ctx->header_ok || states_needed(ctx, rec))
		return 1;
	if (imp_stage_pause(ctx) != CBM_OK)
		return 1;
	return ctx->def->begin && ctx->def->begin(ctx) != CBM_OK;
}

/* A record of empty fields: cleared cells, as spreadsheets leave them. */
static bool all_empty(const struct imp_record *rec)
{
	for (size_t i = 0; i < rec->n_fields; i++)
		if (*imp_trim(rec->fields[i]))
			return false;
	return true;
}

/* One data row: its fields read by type, the kind's checks across them,
 * and staged when valid. */
static int on_record(void *data, size_t index, const struct imp_record *rec)
{
	struct imp_ctx *ctx = data;

	(void)index;
	ctx->rec = rec;
	if (all_empty(rec))
		return 0;
	if (!ctx->header_seen)
		return on_header(ctx, rec);
	ctx->res->rows++;
	ctx->row_errors = ctx->res->diags.errors;
	imp_ctx_read_row(ctx);
	if (ctx->def->row)
		ctx->def->row(ctx);
	if (imp_ctx_row_ok(ctx) && !ctx->fatal)
		imp_stage_row(ctx);
	else
		imp_stage_discard(ctx);
	imp_ctx_clear_row(ctx);
	return ctx->fatal != CBM_OK || ctx->res->diags.truncated;
}

static void progress_bytes(void *data, uint64_t bytes)
{
	struct imp_ctx *ctx = data;

	if (ctx->opt->progress)
		ctx->opt->progress(ctx->opt->progress_data, bytes, ctx->size);
}

static enum cbm_status open_lookups(struct imp_ctx *ctx)
{
	static const char rate_sql[] =
	    "SELECT date, usd_per_unit FROM fx_rates WHERE currency = ?"
	    " ORDER BY date";
	sqlite3_stmt *st = NULL;
	enum cbm_status rc;
	int step;

	rc = imp_names_open(&ctx->names, ctx->db, ctx->err);
	if (rc != CBM_OK)
		return rc;
	ctx->areas =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	ctx->seen =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	ctx->rates = g_ptr_array_new_with_free_func(imp_rate_days_free);
	ctx->currencies =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	if (sqlite3_prepare_v2(ctx->sql, "SELECT code FROM areas", -1, &st,
	                       NULL) != SQLITE_OK)
		return st_sql_error(ctx->db, "cannot read areas", ctx->err);
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		g_hash_table_add(
		    ctx->areas,
		    g_strdup((const char *)sqlite3_column_text(st, 0)));
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return st_sql_error(ctx->db, "cannot read areas", ctx->err);
	if (sqlite3_prepare_v2(ctx->sql, rate_sql, -1, &ctx->rate_stmt, NULL) !=
	    SQLITE_OK)
		return st_sql_error(ctx->db, "cannot read fx rates", ctx->err);
	return CBM_OK;
}

static void destroy(GHashTable *table)
{
	if (table)
		g_hash_table_destroy(table);
}

static void close_lookups(struct imp_ctx *ctx)
{
	sqlite3_finalize(ctx->rate_stmt);
	imp_names_close(ctx->names);
	destroy(ctx->areas);
	destroy(ctx->seen);
	destroy(ctx->joined);
	if (ctx->rates)
		g_ptr_array_free(ctx->rates, TRUE);
	destroy(ctx->currencies);
	imp_header_release(&ctx->h);
}

/* Removes the batch being replaced, after checking it holds this kind. */
static enum cbm_status remove_replaced(struct imp_ctx *ctx)
{
	struct st_batch b;
	enum cbm_status rc =
	    st_batch_get(ctx->db, ctx->opt->replace_batch, &b, ctx->err);

	if (rc != CBM_OK)
		return rc;
	if (strcmp(b.kind, ctx->def->name) != 0)
		return CBM_ERROR(ctx->err, CBM_EUSAGE, NULL,
		                 "batch %lld holds %s, not %s; --replace "
		                 "takes a batch of the same kind",
		                 (long long)b.id, b.kind, ctx->def->name);
	return st_batch_delete(ctx->db, b.id, ctx->err);
}

/* Reads the records from SRC into the import. */
static enum cbm_status read_records(struct imp_ctx *ctx, FILE *fp,
                                    const struct source *src,
                                    struct imp_csv_stats *stats)
{
	enum cbm_status rc;

	if (src->wb)
		return imp_workbook_read(src->wb, on_record, ctx,
		                         &ctx->res->diags, stats,
		                         progress_bytes, ctx);
	rc = imp_csv_read_encoded(fp, ctx->file, src->encoding, on_record, ctx,
	                          &ctx->res->diags, stats, progress_bytes, ctx);
	if (rc == CBM_EUSAGE)
		return CBM_ERROR(ctx->err, rc, NULL,
		                 "unknown encoding '%s' (iconv --list shows "
		                 "the names it knows)",
		                 src->encoding);
	if (rc != CBM_OK)
		return CBM_ERROR(ctx->err, rc, ctx->file, "cannot read: %s",
		                 strerror(errno));
	return CBM_OK;
}

/* The empty file or sheet: an error when nothing at all was read. */
static void check_empty(struct imp_ctx *ctx, const struct source *src)
{
	if (ctx->header_seen || ctx->res->diags.errors)
		return;
	if (src->wb)
		imp_diags_add_cell(&ctx->res->diags, IMP_ERROR, ctx->file,
		                   ctx->res->sheet, 0, -1, "", NULL,
		                   "empty sheet: no header row");
	else
		imp_diags_add(&ctx->res->diags, IMP_ERROR, ctx->file, 1, "",
		              NULL, "empty file: no header line");
}

/* Moves the staged rows into place and runs the checks that need them
 * there: the kind's own, orphans of a replaced batch. */
static enum cbm_status finish(struct imp_ctx *ctx)
{
	enum cbm_status rc = imp_stage_insert(ctx);

	if (rc == CBM_OK && ctx->def->end)
		rc = ctx->def->end(ctx);
	if (rc == CBM_OK && ctx->res->diags.errors)
		rc = CBM_EDATA;
	if (rc == CBM_OK && ctx->opt->replace_batch)
		rc = st_check_orphans(ctx->db, ctx->err);
	if (rc == CBM_OK)
		rc = st_batch_set_rows(ctx->db, ctx->batch_id, ctx->res->rows,
		                       ctx->err);
	if (rc == CBM_OK)
		rc = st_batch_set_mapping(ctx->db, ctx->batch_id,
		                          ctx->res->mapping, ctx->err);
	return rc;
}

/* Reads and loads the records; the transaction is open. */
static enum cbm_status load(struct imp_ctx *ctx, FILE *fp,
                            const struct source *src, const char *sha)
{
	struct imp_csv_stats stats;
	enum cbm_status rc = CBM_OK;
	char *base = g_path_get_basename(ctx->file);

	if (ctx->opt->replace_batch)
		rc = remove_replaced(ctx);
	if (rc == CBM_OK)
		rc = st_batch_create(ctx->db, ctx->def->name, base,
		                     ctx->res->sheet, sha, &ctx->batch_id,
		                     ctx->err);
	g_free(base);
	if (rc == CBM_OK)
		rc = open_lookups(ctx);
	if (rc == CBM_OK)
		rc = imp_stage_open(ctx);
	if (rc == CBM_OK)
		rc = read_records(ctx, fp, src, &stats);
	if (rc == CBM_OK)
		rc = imp_stage_flush(ctx);
	if (rc == CBM_OK)
		rc = ctx->fatal;
	if (rc != CBM_OK)
		return rc;
	check_empty(ctx, src);
	rc = imp_stage_check(ctx);
	if (rc == CBM_OK && ctx->res->diags.errors)
		rc = CBM_EDATA;
	if (rc == CBM_OK && ctx->res->rows > 0)
		rc = finish(ctx);
	return rc;
}

/* --print-map: the header of the file read and matched; nothing else is
 * read, nothing is written. */
static enum cbm_status print_map(struct imp_ctx *ctx, FILE *fp,
                                 const struct source *src)
{
	struct imp_csv_stats stats;
	enum cbm_status rc = read_records(ctx, fp, src, &stats);

	if (rc == CBM_OK)
		check_empty(ctx, src);
	if (rc == CBM_OK && ctx->res->diags.errors)
		rc = CBM_EDATA;
	return rc;
}

/* The encoding of a text file: its byte-order mark says, else the user
 * (--encoding), else UTF-8 unless the bytes read as Windows-1251, which
 * is said in a notice. */
static const char *text_encoding(struct imp_ctx *ctx,
                                 const struct imp_sniff *sniff)
{
	enum imp_format format = imp_sniff_result(sniff);
	bool utf8_bom =
	    sniff->head_n >= 3 && memcmp(sniff->head, "\xEF\xBB\xBF", 3) == 0;

	if (format == IMP_FORMAT_UTF16LE)
		return "UTF-16LE";
	if (format == IMP_FORMAT_UTF16BE)
		return "UTF-16BE";
	if (ctx->opt->encoding && !utf8_bom)
		return ctx->opt->encoding;
	if (format != IMP_FORMAT_CP1251)
		return NULL;
	imp_diags_add(&ctx->res->diags, IMP_WARNING, ctx->file, 0, "", NULL,
	              "not UTF-8; read as Windows-1251 (Russian), which "
	              "every byte above 0x7F fits; if it is another "
	              "encoding, name it with --encoding");
	return "WINDOWS-1251";
}

/* Chooses the reader of the file by what its bytes are (SNIFF). */
static enum cbm_status open_source(struct imp_ctx *ctx, FILE *fp,
                                   const struct imp_sniff *sniff,
                                   struct source *src)
{
	enum imp_format format = imp_sniff_result(sniff);
	enum cbm_status rc;

	if (format == IMP_FORMAT_OLE2) {
		imp_diags_add(&ctx->res->diags, IMP_ERROR, ctx->file, 0, "",
		              NULL,
		              "an old Excel .xls file or an encrypted "
		              "workbook; open it in Excel or LibreOffice and "
		              "save it as .xlsx (without a password)");
		return CBM_EDATA;
	}
	if (format == IMP_FORMAT_ZIP) {
		rc = imp_workbook_open(&src->wb, fp, ctx->file, ctx->opt->sheet,
		                       &ctx->res->diags);
		if (rc == CBM_OK)
			ctx->res->sheet = g_strdup(imp_workbook_sheet(src->wb));
		return rc;
	}
	if (ctx->opt->sheet)
		return CBM_ERROR(ctx->err, CBM_EUSAGE, ctx->file,
		                 "--sheet is for workbooks (.xlsx, .ods), and "
		                 "this is a text file");
	src->encoding = text_encoding(ctx, sniff);
	return CBM_OK;
}

static enum cbm_status import_open_file(struct imp_ctx *ctx, FILE *fp)
{
	char sha[65];
	struct st_batch have;
	struct imp_sniff sniff;
	struct source src = {0};
	enum cbm_status rc;

	rc = hash_file(ctx, fp, sha, &sniff);
	if (rc == CBM_OK)
		rc = open_source(ctx, fp, &sniff, &src);
	if (rc == CBM_OK && ctx->opt->print_map) {
		rc = print_map(ctx, fp, &src);
		imp_workbook_close(src.wb);
		return rc;
	}
	/* The staged rows go to a temporary file, not to memory: an import
	 * of any size stays within DESIGN's 64 MiB. */
	if (rc == CBM_OK)
		rc = st_exec(ctx->db, "PRAGMA temp_store = FILE", ctx->err);
	if (rc == CBM_OK)
		rc = st_begin(ctx->db, ctx->err);
	if (rc != CBM_OK) {
		imp_workbook_close(src.wb);
		return rc;
	}
	rc = st_batch_find(ctx->db, sha, ctx->def->name, ctx->res->sheet, &have,
	                   ctx->err);
	if (rc == CBM_OK && have.id) {
		ctx->res->already_loaded = have.id;
		st_rollback(ctx->db);
		imp_workbook_close(src.wb);
		return CBM_OK;
	}
	if (rc == CBM_OK)
		rc = load(ctx, fp, &src, sha);
	imp_workbook_close(src.wb);
	imp_stage_close(ctx);
	if (rc == CBM_OK && ctx->res->rows > 0 && !ctx->opt->dry_run) {
		ctx->res->batch_id = ctx->batch_id;
		return st_commit(ctx->db, ctx->err);
	}
	st_rollback(ctx->db);
	return rc;
}

/* Copies the stream IN into the temporary file of SPOOL, for input that
 * cannot be read twice (a pipe, stdin): the hash is taken first, then
 * the records are read. */
static enum cbm_status spool(FILE *in, const char *name,
                             struct cbm_outfile *spool, struct cbm_error *err)
{
	char *path = g_build_filename(g_get_tmp_dir(), "cbm-input", NULL);
	unsigned char buf[64 * 1024];
	size_t got;
	enum cbm_status rc = cbm_outfile_open(spool, path, err);

	g_free(path);
	if (rc != CBM_OK)
		return rc;
	while ((got = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, got, spool->fp) != got)
			break;
	if (ferror(in) || ferror(spool->fp) || fflush(spool->fp) != 0 ||
	    fseek(spool->fp, 0, SEEK_SET) != 0)
		return CBM_ERROR(err, CBM_EINTERNAL, name, "cannot read: %s",
		                 strerror(errno ? errno : EIO));
	return CBM_OK;
}

/* Opens the file to import: a regular file as it is; "-" (stdin) or a
 * pipe spooled into SPOOL; a folder or a device refused at once (reading
 * /dev/zero would never end). */
static enum cbm_status open_input(const char *path, FILE **fp,
                                  struct cbm_outfile *sp, struct cbm_error *err)
{
	struct stat sb;
	FILE *in;
	enum cbm_status rc;
	bool is_stdin = strcmp(path, "-") == 0;

	if (!is_stdin && stat(path, &sb) != 0)
		return CBM_ERROR(err, CBM_EINTERNAL, NULL,
		                 "cannot open '%s': %s", path, strerror(errno));
	if (!is_stdin && S_ISDIR(sb.st_mode))
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "'%s' is a folder; give a file", path);
	if (!is_stdin && !S_ISREG(sb.st_mode) && !S_ISFIFO(sb.st_mode))
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "'%s' is not a regular file or a pipe", path);
	in = is_stdin ? stdin : fopen(path, "rb");
	if (!in)
		return CBM_ERROR(err, CBM_EINTERNAL, NULL,
		                 "cannot open '%s': %s", path, strerror(errno));
	if (!is_stdin && S_ISREG(sb.st_mode)) {
		*fp = in;
		return CBM_OK;
	}
	rc = spool(in, imp_input_name(path), sp, err);
	if (!is_stdin)
		fclose(in);
	*fp = rc == CBM_OK ? sp->fp : NULL;
	return rc;
}

const char *imp_input_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "stdin" : path;
}

enum cbm_status imp_import_file(struct st_db *db, enum imp_kind kind,
                                const char *path, const struct imp_options *opt,
                                struct imp_result *res, struct cbm_error *err)
{
	struct imp_ctx ctx = {0};
	struct cbm_outfile sp = {0};
	FILE *fp = NULL;
	enum cbm_status rc;

	if (kind < 0 || kind >= IMP_KIND_COUNT)
		return CBM_ERROR(err, CBM_EUSAGE, NULL, "unknown file kind");
	ctx.db = db;
	ctx.sql = db ? st_sqlite(db) : NULL; /* --print-map needs none */
	ctx.def = imp_kind_defs[kind];
	ctx.file = imp_input_name(path);
	ctx.opt = opt;
	ctx.res = res;
	ctx.err = err;
	for (int i = 0; i < 4; i++)
		res->counts[i].what = ctx.def->count_names[i];
	for (res->n_counts = 0;
	     res->n_counts < 4 && ctx.def->count_names[res->n_counts];
	     res->n_counts++)
		;
	rc = open_input(path, &fp, &sp, err);
	if (rc == CBM_OK)
		rc = import_open_file(&ctx, fp);
	close_lookups(&ctx);
	if (fp && fp != sp.fp)
		fclose(fp);
	cbm_outfile_abort(&sp);
	return rc;
}
