/*
 * fuzz_workbook.c - the workbook reader, imp_workbook_open() and
 * imp_workbook_read(), on archives built from the input.
 *
 * Mutating a zip archive mostly breaks its checksums, so the bytes the
 * reader's own code sees (the XML) would hardly change.  The first byte
 * therefore chooses how the rest becomes a workbook (byte % 3):
 *   0  the rest is the archive itself (libzip's side: damaged archives);
 *   1  the rest is up to four parts separated by NUL bytes (which XML
 *      cannot hold): a worksheet, shared strings, styles and the workbook
 *      part of an .xlsx whose relationships are fixed;
 *   2  the rest is content.xml of an .ods, then after a NUL its
 *      manifest.
 * Parts are stored uncompressed.  (byte / 3) % 2 asks for the sheet
 * "Sheet1" by name rather than the first.
 *
 * Checked besides memory errors: open gives OK or EDATA (with an error);
 * reading gives OK; records come header first, rows strictly ascending,
 * every data record as wide as the header (1..IMP_MAX_FIELDS fields);
 * every field is NUL-terminated valid UTF-8 of its length, within the
 * limit, and agrees with its cell: empty when it is empty, a number that
 * reads back from its text, a date whose ISO form it is; cells' columns
 * ascend within A..XFD; diagnostics are within the limits and UTF-8.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>

#include "fuzz.h"
#include "import.h"

#define PKG "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL                                                                    \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static const char default_book[] =
    "<workbook xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/"
    "main' xmlns:r='" REL "'><sheets><sheet name='Sheet1' r:id='rId1'/>"
    "<sheet name='Chart' r:id='rId9'/></sheets></workbook>";

static const char book_rels[] =
    "<Relationships xmlns='" PKG "'>"
    "<Relationship Id='rId1' Type='" REL "/worksheet'"
    " Target='worksheets/sheet1.xml'/>"
    "<Relationship Id='rId9' Type='" REL "/chartsheet'"
    " Target='chartsheets/sheet1.xml'/>"
    "<Relationship Id='rId2' Type='" REL "/sharedStrings'"
    " Target='sharedStrings.xml'/>"
    "<Relationship Id='rId3' Type='" REL "/styles'"
    " Target='styles.xml'/></Relationships>";

static const char package_rels[] =
    "<Relationships xmlns='" PKG "'><Relationship Id='rId1' Type='" REL
    "/officeDocument' Target='xl/workbook.xml'/></Relationships>";

/* Adds N bytes at P as ENTRY, stored. */
static void add(zip_t *za, const char *entry, const void *p, size_t n)
{
	zip_source_t *s = zip_source_buffer(za, p, n, 0);
	zip_int64_t i = zip_file_add(za, entry, s, ZIP_FL_ENC_UTF_8);

	FUZZ_CHECK(i >= 0);
	zip_set_file_compression(za, (zip_uint64_t)i, ZIP_CM_STORE, 0);
}

/* The NUL-separated parts of P (N bytes): up to MAX of them. */
static int split(const uint8_t *p, size_t n, const uint8_t **part,
                 size_t *len, int max)
{
	int k = 0;

	while (k < max) {
		const uint8_t *nul = memchr(p, 0, n);
		part[k] = p;
		len[k] = nul ? (size_t)(nul - p) : n;
		k++;
		if (!nul)
			break;
		n -= (size_t)(nul - p) + 1;
		p = nul + 1;
	}
	return k;
}

/* Builds the archive of MODE from the input; returns it (caller frees)
 * and its size in *OUT_N. */
static char *build(int mode, const uint8_t *p, size_t n, size_t *out_n)
{
	const uint8_t *part[4] = {0};
	size_t len[4] = {0};
	zip_error_t ze;
	zip_source_t *mem;
	zip_t *za;
	zip_stat_t st;
	char *bytes;
	int k;

	zip_error_init(&ze);
	mem = zip_source_buffer_create(NULL, 0, 0, &ze);
	FUZZ_CHECK(mem != NULL);
	zip_source_keep(mem);
	za = zip_open_from_source(mem, ZIP_TRUNCATE, &ze);
	FUZZ_CHECK(za != NULL);
	if (mode == 1) {
		k = split(p, n, part, len, 4);
		add(za, "[Content_Types].xml", "<Types/>", 8);
		add(za, "_rels/.rels", package_rels, strlen(package_rels));
		add(za, "xl/_rels/workbook.xml.rels", book_rels,
		    strlen(book_rels));
		add(za, "xl/worksheets/sheet1.xml", part[0], len[0]);
		if (k > 1)
			add(za, "xl/sharedStrings.xml", part[1], len[1]);
		if (k > 2)
			add(za, "xl/styles.xml", part[2], len[2]);
		if (k > 3 && len[3])
			add(za, "xl/workbook.xml", part[3], len[3]);
		else
			add(za, "xl/workbook.xml", default_book,
			    strlen(default_book));
	} else {
		static const char mime[] =
		    "application/vnd.oasis.opendocument.spreadsheet";
		k = split(p, n, part, len, 2);
		add(za, "mimetype", mime, strlen(mime));
		add(za, "content.xml", part[0], len[0]);
		if (k > 1)
			add(za, "META-INF/manifest.xml", part[1], len[1]);
	}
	FUZZ_CHECK(zip_close(za) == 0);
	FUZZ_CHECK(zip_source_stat(mem, &st) == 0);
	bytes = g_malloc(st.size + 1);
	FUZZ_CHECK(zip_source_open(mem) == 0);
	*out_n = (size_t)zip_source_read(mem, bytes, st.size);
	zip_source_close(mem);
	zip_source_free(mem);
	zip_error_fini(&ze);
	return bytes;
}

struct seen {
	const char *sheet;
	size_t next;
	size_t width;
	long last_row;
};

static void check_field(const struct imp_record *rec, size_t i)
{
	const char *f = rec->fields[i];
	const struct imp_cell *c = &rec->cells[i];
	char iso[11];

	FUZZ_CHECK(strlen(f) == rec->lengths[i]);
	FUZZ_CHECK(rec->lengths[i] <= IMP_MAX_FIELD_BYTES);
	FUZZ_CHECK(g_utf8_validate(f, -1, NULL));
	FUZZ_CHECK(c->column >= 0 && c->column < 16384);
	FUZZ_CHECK(i == 0 || c->column > rec->cells[i - 1].column);
	FUZZ_CHECK((c->type == IMP_CELL_EMPTY) == (rec->lengths[i] == 0));
	if (c->type == IMP_CELL_NUMBER)
		FUZZ_CHECK(g_ascii_strtod(f, NULL) == c->number);
	if (c->type == IMP_CELL_DATE) {
		cbm_date_iso(c->days, iso);
		FUZZ_CHECK(strcmp(iso, f) == 0);
	}
}

static int on_record(void *data, size_t index, const struct imp_record *rec)
{
	struct seen *s = data;

	FUZZ_CHECK(index == s->next++);
	FUZZ_CHECK(rec->sheet && strcmp(rec->sheet, s->sheet) == 0);
	FUZZ_CHECK(rec->cells != NULL);
	FUZZ_CHECK(rec->line > s->last_row && rec->line <= 1048576);
	s->last_row = rec->line;
	if (index == 0) {
		FUZZ_CHECK(rec->n_fields >= 1 &&
		           rec->n_fields <= IMP_MAX_FIELDS);
		s->width = rec->n_fields;
	}
	FUZZ_CHECK(rec->n_fields == s->width);
	for (size_t i = 0; i < rec->n_fields; i++)
		check_field(rec, i);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct imp_workbook *wb = NULL;
	struct imp_diags diags;
	struct imp_csv_stats stats;
	struct seen seen = {0};
	enum cbm_status rc;
	char *bytes = NULL;
	size_t n;
	FILE *fp;
	int mode;

	if (size == 0)
		return 0;
	mode = data[0] % 3;
	if (mode == 0) {
		n = size - 1;
		bytes = g_malloc(n + 1);
		memcpy(bytes, data + 1, n);
	} else {
		bytes = build(mode, data + 1, size - 1, &n);
	}
	if (n == 0) {
		g_free(bytes);
		return 0; /* fmemopen() takes no empty buffer */
	}
	fp = fmemopen(bytes, n, "rb");
	FUZZ_CHECK(fp != NULL);
	imp_diags_init(&diags);
	rc = imp_workbook_open(&wb, fp, "f.xlsx",
	                       data[0] / 3 % 2 ? "Sheet1" : NULL, &diags);
	FUZZ_CHECK(rc == CBM_OK || rc == CBM_EDATA);
	FUZZ_CHECK((rc == CBM_OK) == (wb != NULL));
	if (rc == CBM_EDATA)
		FUZZ_CHECK(diags.errors > 0);
	if (wb) {
		seen.sheet = imp_workbook_sheet(wb);
		FUZZ_CHECK(seen.sheet && g_utf8_validate(seen.sheet, -1, NULL));
		rc = imp_workbook_read(wb, on_record, &seen, &diags, &stats,
		                       NULL, NULL);
		FUZZ_CHECK(rc == CBM_OK);
		FUZZ_CHECK(stats.records == (long)seen.next);
	}
	fuzz_check_diags(&diags);
	imp_diags_release(&diags);
	imp_workbook_close(wb);
	fclose(fp);
	g_free(bytes);
	return 0;
}
