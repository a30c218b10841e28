/*
 * kinds_org.c - the organisation itself (issue 11, DESIGN.md "Figures and
 * reports": identity): its full and short names in English, Russian and
 * Kazakh, an optional signatory and an optional emblem, a PNG file named
 * relative to the CSV file.  The emblem's bytes are stored in the database
 * and enter the batch's SHA-256 (imp_kind_organization_digest), so that
 * the same CSV beside a new emblem is a new batch.  A file holds one
 * organisation; the latest batch wins (the reports read the newest row).
 *
 * Written in the importer's current style (a begin and a row hook, plus
 * the digest hook this kind alone needs) so that it ports as one table
 * entry into the table-driven importer.
 */
#include <errno.h>
#include <string.h>

#include "import_internal.h"
#include "kinds.h"

enum {
	O_NAME_EN,
	O_NAME_RU,
	O_NAME_KK,
	O_SHORT_EN,
	O_SHORT_RU,
	O_SHORT_KK,
	O_SIGNATORY_EN,
	O_SIGNATORY_RU,
	O_SIGNATORY_KK,
	O_EMBLEM,
	O_COUNT
};

/* An emblem is a small picture: a larger file is surely not one. */
#define EMBLEM_MAX_BYTES (4u << 20)

static const unsigned char png_signature[8] = {0x89, 'P',  'N',  'G',
                                               '\r', '\n', 0x1a, '\n'};

/* The path of the emblem NAME, relative to the folder of the file FILE
 * ("stdin": the current folder).  Caller frees with g_free(). */
static char *emblem_path(const char *file, const char *name)
{
	char *dir, *path;

	if (g_path_is_absolute(name) || strcmp(file, "stdin") == 0)
		return g_strdup(name);
	dir = g_path_get_dirname(file);
	path = g_build_filename(dir, name, NULL);
	g_free(dir);
	return path;
}

/* Reads the emblem at PATH into *DATA (caller frees) and *LEN; on failure
 * writes the reason into WHY. */
static bool read_emblem(const char *path, gchar **data, gsize *len, char *why,
                        size_t why_n)
{
	GError *gerr = NULL;

	if (!g_file_get_contents(path, data, len, &gerr)) {
		snprintf(why, why_n, "cannot read the emblem '%s': %s", path,
		         gerr->message);
		g_error_free(gerr);
		return false;
	}
	if (*len > EMBLEM_MAX_BYTES || *len < sizeof(png_signature) ||
	    memcmp(*data, png_signature, sizeof(png_signature)) != 0) {
		snprintf(why, why_n,
		         *len > EMBLEM_MAX_BYTES
		             ? "the emblem '%s' is larger than 4 MiB"
		             : "the emblem '%s' is not a PNG picture",
		         path);
		g_free(*data);
		*data = NULL;
		return false;
	}
	return true;
}

enum cbm_status imp_kind_organization_begin(struct imp_ctx *ctx)
{
	return imp_ctx_prepare(
	    ctx, 0,
	    "INSERT INTO organization (name_en, name_ru, name_kk, short_en,"
	    " short_ru, short_kk, signatory_en, signatory_ru, signatory_kk,"
	    " emblem, emblem_file, batch_id)"
	    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
}

void imp_kind_organization_row(struct imp_ctx *ctx)
{
	const char *text[O_COUNT] = {0};
	gchar *emblem = NULL;
	gsize emblem_len = 0;

	/* One organisation per file: a second row is a mistake. */
	imp_ctx_unique_in_file(ctx, -1, "organization",
	                       "a second organization");
	for (int c = O_NAME_EN; c < O_COUNT; c++)
		imp_ctx_get_text(ctx, c, c <= O_SHORT_KK, false, &text[c]);
	if (text[O_EMBLEM]) {
		char *path = emblem_path(ctx->file, text[O_EMBLEM]);
		char why[1200];
		if (!read_emblem(path, &emblem, &emblem_len, why, sizeof(why)))
			imp_ctx_error(ctx, O_EMBLEM, text[O_EMBLEM], "%s", why);
		g_free(path);
	}
	if (imp_ctx_row_ok(ctx) && ctx->writing) {
		sqlite3_stmt *st = ctx->stmt[0];
		for (int c = O_NAME_EN; c < O_EMBLEM; c++)
			sqlite3_bind_text(st, c + 1, text[c], -1,
			                  SQLITE_STATIC);
		if (emblem)
			sqlite3_bind_blob(st, 10, emblem, (int)emblem_len,
			                  SQLITE_STATIC);
		sqlite3_bind_text(st, 11, text[O_EMBLEM], -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 12, ctx->batch_id);
		imp_ctx_step(ctx, st);
	}
	if (imp_ctx_row_ok(ctx))
		imp_ctx_count(ctx, 0, 1);
	g_free(emblem);
}

/* ---- the emblem in the batch's SHA-256 ----------------------------------- */

struct find_emblem {
	int col;    /* the emblem's field, -1 until the header names it */
	char *name; /* the first row's emblem, or NULL */
};

static int emblem_field(void *data, size_t index, const struct imp_record *rec)
{
	struct find_emblem *f = data;

	if (index == 0) {
		for (size_t i = 0; i < rec->n_fields; i++) {
			char *key = g_ascii_strdown(rec->fields[i], -1);
			if (strcmp(imp_trim(key), "emblem") == 0)
				f->col = (int)i;
			g_free(key);
		}
		return f->col < 0;
	}
	if (f->col >= 0 && (size_t)f->col < rec->n_fields &&
	    *imp_trim(rec->fields[f->col]))
		f->name = g_strdup(rec->fields[f->col]);
	return 1; /* the first data row is enough */
}

enum cbm_status imp_kind_organization_digest(struct imp_ctx *ctx, FILE *fp,
                                             GChecksum *sum)
{
	struct find_emblem f = {-1, NULL};
	struct imp_diags ignore;
	struct imp_csv_stats stats;
	enum cbm_status rc;

	/* A file the reader refuses, or an emblem that cannot be read, adds
	 * nothing here: the row hook reports it and nothing is loaded. */
	imp_diags_init(&ignore);
	rc = imp_csv_read(fp, ctx->file, emblem_field, &f, &ignore, &stats,
	                  NULL, NULL);
	imp_diags_release(&ignore);
	if (rc == CBM_OK && f.name) {
		char *path = emblem_path(ctx->file, f.name);
		gchar *data = NULL;
		gsize len = 0;
		char why[1200];
		if (read_emblem(path, &data, &len, why, sizeof(why)))
			g_checksum_update(sum, (const guchar *)data,
			                  (gssize)len);
		g_free(data);
		g_free(path);
	}
	g_free(f.name);
	if (fseek(fp, 0, SEEK_SET) != 0)
		return CBM_ERROR(ctx->err, CBM_EINTERNAL, ctx->file,
		                 "cannot read: %s", strerror(errno));
	return CBM_OK;
}
