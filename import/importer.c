/*
 * importer.c - one file of one kind into one batch, in one transaction.
 *
 * The order of work: hash the file, and on the same pass tell what it is
 * (sniff.c); pick the reader: a workbook's sheet (workbook.c) or text in
 * its encoding (csvread.c); BEGIN IMMEDIATE (a second importer waits
 * here); a file already loaded as this kind and sheet is a no-op; remove
 * the batch being replaced; create the new batch; read every record,
 * validating all and inserting while no row has failed; run the kind's
 * cross-row checks; then COMMIT, or ROLLBACK when anything failed or on
 * --dry-run.  Nothing is half-loaded: every path out of the transaction
 * but the last rolls back.  The readers deliver the same records, so
 * nothing after the choice of reader knows which one it was.
 */
#include <errno.h>
#include <glib.h>
#include <string.h>
#include <sys/stat.h>

#include "import_internal.h"

bool imp_kind_parse(const char *name, enum imp_kind *out)
{
	for (int k = 0; k < IMP_KIND_COUNT; k++) {
		if (strcmp(name, imp_kind_defs[k].name) == 0) {
			*out = (enum imp_kind)k;
			return true;
		}
	}
	return false;
}

const char *imp_kind_name(enum imp_kind kind)
{
	return imp_kind_defs[kind].name;
}

void imp_result_init(struct imp_result *res)
{
	memset(res, 0, sizeof(*res));
	imp_diags_init(&res->diags);
}

void imp_result_release(struct imp_result *res)
{
	imp_diags_release(&res->diags);
	g_free(res->sheet);
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

/* Reports a problem of the header's field I (-1: of the header as a
 * whole): at line 1 of a text file, at the header's cell in a sheet. */
static void header_diag(struct imp_ctx *ctx, const struct imp_record *rec,
                        int i, enum imp_severity sev, const char *column,
                        const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static void header_diag(struct imp_ctx *ctx, const struct imp_record *rec,
                        int i, enum imp_severity sev, const char *column,
                        const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int cell = rec->cells && i >= 0 ? rec->cells[i].column : -1;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	imp_diags_add_cell(&ctx->res->diags, sev, ctx->file, rec->sheet,
	                   rec->sheet ? rec->line : 1, cell, column, NULL, "%s",
	                   msg);
	g_free(msg);
}

/* Maps the header's names onto the kind's columns. */
static void map_header(struct imp_ctx *ctx, const struct imp_record *rec)
{
	const struct kind_def *def = ctx->def;

	for (int c = 0; c < MAX_COLUMNS; c++)
		ctx->col[c] = -1;
	for (size_t i = 0; i < rec->n_fields; i++) {
		char *name = g_strdup(rec->fields[i]);
		char *key = g_ascii_strdown(imp_trim(name), -1);
		int c;
		for (c = 0; def->columns[c]; c++)
			if (strcmp(key, def->columns[c]) == 0)
				break;
		if (!def->columns[c]) {
			header_diag(ctx, rec, (int)i, IMP_WARNING, name,
			            "unknown column, ignored (a %s file has "
			            "columns: see 'cbm help import')",
			            def->name);
		} else if (ctx->col[c] >= 0) {
			header_diag(ctx, rec, (int)i, IMP_ERROR, name,
			            "column appears twice");
		} else {
			ctx->col[c] = (int)i;
			ctx->header[c] = g_strdup(name);
		}
		g_free(key);
		g_free(name);
	}
	for (int c = 0; def->columns[c]; c++) {
		if (ctx->col[c] < 0 && (def->required & (1u << c)))
			header_diag(ctx, rec, -1, IMP_ERROR, def->columns[c],
			            "missing required column");
		if (!ctx->header[c])
			ctx->header[c] = g_strdup(def->columns[c]);
	}
	ctx->header_ok = ctx->res->diags.errors == 0;
}

/* A kind that names states needs states loaded first: one error for the
 * file rather than one per row. */
static bool states_needed(struct imp_ctx *ctx, const struct imp_record *rec)
{
	for (int c = 0; ctx->def->columns[c]; c++) {
		const char *name = ctx->def->columns[c];
		if (strcmp(ctx->def->name, "states") != 0 &&
		    (strcmp(name, "state") == 0 ||
		     strcmp(name, "organizers") == 0) &&
		    imp_names_empty(ctx->names)) {
			header_diag(ctx, rec, ctx->col[c], IMP_ERROR, name,
			            "no states are loaded yet; import them "
			            "first with 'cbm import states FILE'");
			return true;
		}
	}
	return false;
}

static int on_record(void *data, size_t index, const struct imp_record *rec)
{
	struct imp_ctx *ctx = data;

	ctx->rec = rec;
	if (index == 0) {
		map_header(ctx, rec);
		if (!ctx->header_ok || states_needed(ctx, rec))
			return 1;
		if (ctx->def->begin(ctx) != CBM_OK)
			return 1;
		return 0;
	}
	ctx->res->rows++;
	ctx->row_errors = ctx->res->diags.errors;
	ctx->def->row(ctx);
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
	    "SELECT usd_per_unit FROM fx_rates WHERE currency = ?"
	    " AND date <= ? ORDER BY date DESC LIMIT 1";
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

static void close_lookups(struct imp_ctx *ctx)
{
	for (int i = 0; i < MAX_STATEMENTS; i++)
		sqlite3_finalize(ctx->stmt[i]);
	sqlite3_finalize(ctx->rate_stmt);
	imp_names_close(ctx->names);
	if (ctx->areas)
		g_hash_table_destroy(ctx->areas);
	if (ctx->seen)
		g_hash_table_destroy(ctx->seen);
	if (ctx->joined)
		g_hash_table_destroy(ctx->joined);
	if (ctx->currencies)
		g_hash_table_destroy(ctx->currencies);
	for (int c = 0; c < MAX_COLUMNS; c++)
		g_free(ctx->header[c]);
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
	if (rc != CBM_OK)
		return rc;
	ctx->writing = true;
	rc = read_records(ctx, fp, src, &stats);
	if (rc != CBM_OK)
		return rc;
	if (ctx->fatal)
		return ctx->fatal;
	if (stats.records == 0 && ctx->res->diags.errors == 0 && src->wb)
		imp_diags_add_cell(&ctx->res->diags, IMP_ERROR, ctx->file,
		                   ctx->res->sheet, 0, -1, "", NULL,
		                   "empty sheet: no header row");
	else if (stats.records == 0 && ctx->res->diags.errors == 0)
		imp_diags_add(&ctx->res->diags, IMP_ERROR, ctx->file, 1, "",
		              NULL, "empty file: no header line");
	if (ctx->res->diags.errors)
		return CBM_EDATA;
	if (ctx->def->end && ctx->res->rows > 0)
		rc = ctx->def->end(ctx);
	if (rc == CBM_OK && ctx->res->diags.errors)
		rc = CBM_EDATA;
	if (rc == CBM_OK && ctx->opt->replace_batch)
		rc = st_check_orphans(ctx->db, ctx->err);
	if (rc == CBM_OK)
		rc = st_batch_set_rows(ctx->db, ctx->batch_id, ctx->res->rows,
		                       ctx->err);
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
	ctx.sql = st_sqlite(db);
	ctx.def = &imp_kind_defs[kind];
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
