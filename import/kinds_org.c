/*
 * kinds_org.c - the organisation itself (issue 11, DESIGN.md "Figures and
 * reports": identity): its full and short names in English, Russian and
 * Kazakh, an optional signatory and an optional emblem, a PNG file named
 * relative to the file.  The emblem's bytes are stored in the database
 * and enter the batch's SHA-256 (the digest hook), so that the same file
 * beside a new emblem is a new batch.  A file holds one organisation; the
 * latest batch wins (the reports read the newest row), so there is no
 * check against the rows already loaded.
 */
#include <errno.h>
#include <string.h>

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
	O_N
};

/* clang-format off */
static const struct imp_column org_columns[O_N] = {
    [O_NAME_EN] = {"name_en", IMP_T_TEXT, true, "name_en",
                   .ru = RU_NAME_EN, .kk = KK_NAME_EN},
    [O_NAME_RU] = {"name_ru", IMP_T_TEXT, true, "name_ru",
                   .ru = RU_NAME_RU, .kk = KK_NAME_RU},
    [O_NAME_KK] = {"name_kk", IMP_T_TEXT, true, "name_kk",
                   .ru = RU_NAME_KK, .kk = KK_NAME_KK},
    [O_SHORT_EN] = {"short_en", IMP_T_TEXT, true, "short_en",
                    .ru = {"Краткое название (англ.)"},
                    .kk = {"Қысқа атауы (ағылш.)"}},
    [O_SHORT_RU] = {"short_ru", IMP_T_TEXT, true, "short_ru",
                    .ru = {"Краткое название (рус.)"},
                    .kk = {"Қысқа атауы (орыс.)"}},
    [O_SHORT_KK] = {"short_kk", IMP_T_TEXT, true, "short_kk",
                    .ru = {"Краткое название (каз.)"},
                    .kk = {"Қысқа атауы (қаз.)"}},
    [O_SIGNATORY_EN] = {"signatory_en", IMP_T_TEXT, false, "signatory_en",
                        .ru = {"Подписант (англ.)"},
                        .kk = {"Қол қоюшы (ағылш.)"}},
    [O_SIGNATORY_RU] = {"signatory_ru", IMP_T_TEXT, false, "signatory_ru",
                        .ru = {"Подписант (рус.)"},
                        .kk = {"Қол қоюшы (орыс.)"}},
    [O_SIGNATORY_KK] = {"signatory_kk", IMP_T_TEXT, false, "signatory_kk",
                        .ru = {"Подписант (каз.)"},
                        .kk = {"Қол қоюшы (қаз.)"}},
    /* Stored by the row hook: the picture's bytes and its name. */
    [O_EMBLEM] = {"emblem", IMP_T_TEXT, false, NULL,
                  .ru = {"Эмблема", "Герб"}, .kk = {"Эмблема", "Елтаңба"}},
};
/* clang-format on */

enum { O_X_EMBLEM, O_X_EMBLEM_FILE };

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

static void org_row(struct imp_ctx *ctx)
{
	const struct imp_value *emblem = &ctx->v[O_EMBLEM];
	gchar *data = NULL;
	gsize len = 0;

	/* One organisation per file: a second row is a mistake. */
	imp_ctx_unique_in_file(ctx, -1, "organization",
	                       "a second organization");
	if (emblem->set) {
		char *path = emblem_path(ctx->file, emblem->text);
		char why[1200];
		if (!read_emblem(path, &data, &len, why, sizeof(why)))
			imp_ctx_error(ctx, O_EMBLEM, emblem->text, "%s", why);
		g_free(path);
	}
	if (data && imp_ctx_row_ok(ctx)) {
		imp_ctx_store_blob(ctx, O_X_EMBLEM, data, len);
		imp_ctx_store_text(ctx, O_X_EMBLEM_FILE, emblem->text);
	}
	g_free(data);
}

/* ---- the emblem in the batch's SHA-256 ----------------------------------- */

struct find_emblem {
	int col;    /* the emblem's field, -1 until the header names it */
	char *name; /* the first row's emblem, or NULL */
};

/* True when the header NAME is the emblem column's, in any language. */
static bool is_emblem(const char *name)
{
	const struct imp_column *c = &org_columns[O_EMBLEM];
	const char *const *lists[] = {c->ru, c->kk};
	char *key = imp_header_key(name, NULL);
	bool yes = strcmp(key, c->name) == 0;

	for (int l = 0; l < 2 && !yes; l++) {
		for (int i = 0; lists[l][i] && !yes; i++) {
			char *known = imp_header_key(lists[l][i], NULL);
			yes = strcmp(key, known) == 0;
			g_free(known);
		}
	}
	g_free(key);
	return yes;
}

static int emblem_field(void *data, size_t index, const struct imp_record *rec)
{
	struct find_emblem *f = data;

	if (index == 0) {
		for (size_t i = 0; i < rec->n_fields; i++)
			if (is_emblem(rec->fields[i]))
				f->col = (int)i;
		return f->col < 0;
	}
	if (f->col >= 0 && (size_t)f->col < rec->n_fields &&
	    *imp_trim(rec->fields[f->col]))
		f->name = g_strdup(rec->fields[f->col]);
	return 1; /* the first data row is enough */
}

/* Adds the emblem's bytes to SUM.  A file the reader refuses, or an
 * emblem that cannot be read, adds nothing: the row hook reports it and
 * nothing is loaded.  Text files only: a workbook's batch is its bytes. */
static enum cbm_status org_digest(struct imp_ctx *ctx, FILE *fp,
                                  GChecksum *sum)
{
	struct find_emblem f = {-1, NULL};
	struct imp_diags ignore;
	struct imp_csv_stats stats;
	enum cbm_status rc;

	imp_diags_init(&ignore);
	rc = imp_csv_read(fp, ctx->file, emblem_field, &f, &ignore, &stats,
	                  NULL, NULL);
	imp_diags_release(&ignore);
	if (rc == CBM_OK && f.name) {
		char *path = emblem_path(ctx->file, imp_trim(f.name));
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

const struct kind_def imp_kind_organization = {
    .name = "organization",
    .table = "organization",
    .columns = org_columns,
    .n_columns = O_N,
    .extras = {[O_X_EMBLEM] = "emblem", [O_X_EMBLEM_FILE] = "emblem_file"},
    .count_names = {"organization"},
    .row = org_row,
    .digest = org_digest,
};
