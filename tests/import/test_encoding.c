/*
 * test_encoding.c - what a file is from its bytes (imp_sniff_*), and CSV
 * read from UTF-16 and Windows-1251 with the file's own line numbers.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "import.h"
#include "test_import.h"

/* What N bytes at P are, fed whole and then one byte at a time (a UTF-8
 * character cut between two buffers must not matter). */
static enum imp_format sniff(const char *p, size_t n)
{
	struct imp_sniff whole, bytes;

	imp_sniff_init(&whole);
	imp_sniff_update(&whole, p, n);
	imp_sniff_init(&bytes);
	for (size_t i = 0; i < n; i++)
		imp_sniff_update(&bytes, p + i, 1);
	CHECK_INT(imp_sniff_result(&bytes), imp_sniff_result(&whole));
	return imp_sniff_result(&whole);
}

#define SNIFF(s) sniff(s, sizeof(s) - 1)

static void test_sniff(void)
{
	CHECK_INT(SNIFF("PK\x03\x04rest"), IMP_FORMAT_ZIP);
	CHECK_INT(SNIFF("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"),
	          IMP_FORMAT_OLE2);
	CHECK_INT(SNIFF("\xFF\xFEs\0t\0"), IMP_FORMAT_UTF16LE);
	CHECK_INT(SNIFF("\xFE\xFF\0s\0t"), IMP_FORMAT_UTF16BE);
	CHECK_INT(SNIFF(""), IMP_FORMAT_TEXT);
	CHECK_INT(SNIFF("state,amount\nKAZ,1\n"), IMP_FORMAT_TEXT);
	CHECK_INT(SNIFF("state\n\xD0\x9A\xD0\xB0\xD0\xB7\n"), IMP_FORMAT_TEXT);
	/* Russian in Windows-1251: "Казахстан; №1 — «взнос»", a no-break
	 * space, Ё and ё, І and і. */
	CHECK_INT(SNIFF("state;note\n\xCA\xE0\xE7\xE0\xF5\xF1\xF2\xE0\xED;"
	                "\xB9\x31 \x97 \xAB\xE2\xE7\xED\xEE\xF1\xBB\xA0"
	                "\xA8\xB8\xB2\xB3\n"),
	          IMP_FORMAT_CP1251);
	/* Latin-1: ü inside a Latin word; é alone; a byte Russian text
	 * does not use (0x98, 0x80); a UTF-8 BOM. */
	CHECK_INT(SNIFF("T\xFCrkiye\n"), IMP_FORMAT_TEXT);
	CHECK_INT(SNIFF("note\n\xE9t\xE9\n"), IMP_FORMAT_TEXT);
	CHECK_INT(SNIFF("second \xFC\n"), IMP_FORMAT_TEXT);
	CHECK_INT(SNIFF("\xCA\xE0\xE7\x98\n"), IMP_FORMAT_TEXT);
	CHECK_INT(SNIFF("\xEF\xBB\xBF\xCA\xE0\xE7\n"), IMP_FORMAT_TEXT);
	/* A UTF-8 character cut by the end of the file is not UTF-8. */
	CHECK_INT(SNIFF("a\xD0"), IMP_FORMAT_TEXT);
	CHECK_INT(SNIFF("\xCA\xE0\xE7\xD0"), IMP_FORMAT_CP1251);
}

static int collect(void *data, size_t index, const struct imp_record *rec)
{
	GString *out = data;

	(void)index;
	CHECK(rec->sheet == NULL && rec->cells == NULL);
	g_string_append_printf(out, "%ld:", rec->line);
	for (size_t i = 0; i < rec->n_fields; i++)
		g_string_append_printf(out, "%s%s", i ? "|" : "",
		                       rec->fields[i]);
	g_string_append_c(out, '\n');
	return 0;
}

/* Reads N bytes at P in ENCODING; returns the records, and in D the
 * diagnostics. */
static char *read_text(const char *p, size_t n, const char *encoding,
                       struct imp_diags *d)
{
	FILE *fp = fmemopen((void *)p, n, "r");
	GString *out = g_string_new(NULL);
	struct imp_csv_stats stats;

	imp_diags_init(d);
	CHECK_INT(imp_csv_read_encoded(fp, "t.txt", encoding, collect, out, d,
	                               &stats, NULL, NULL),
	          CBM_OK);
	CHECK_INT(stats.bytes, n);
	fclose(fp);
	return g_string_free(out, FALSE);
}

/* TEXT (UTF-8) converted to ENCODING by GLib, with BOM first. */
static char *convert(const char *text, const char *encoding, const char *bom,
                     size_t bom_n, size_t *n)
{
	gsize w = 0;
	char *body = g_convert(text, -1, encoding, "UTF-8", NULL, &w, NULL);
	char *all = g_malloc(bom_n + w + 1);

	memcpy(all, bom, bom_n);
	memcpy(all + bom_n, body, w);
	*n = bom_n + w;
	g_free(body);
	return all;
}

static void test_utf16(void)
{
	const char *text = "state\tnote\r\nҚазақстан\t\"two\r\nlines\"\r\n"
	                   "\r\nKOR\tx\r\n";
	const char *want = "1:state|note\n2:Қазақстан|two\r\nlines\n5:KOR|x\n";
	struct imp_diags d;
	size_t n;
	char *bytes, *got;

	bytes = convert(text, "UTF-16LE", "\xFF\xFE", 2, &n);
	got = read_text(bytes, n, "UTF-16LE", &d);
	CHECK_STR(got, want);
	CHECK_INT(d.n, 0);
	imp_diags_release(&d);
	g_free(got);
	g_free(bytes);
	bytes = convert(text, "UTF-16BE", "\xFE\xFF", 2, &n);
	got = read_text(bytes, n, "UTF-16BE", &d);
	CHECK_STR(got, want);
	imp_diags_release(&d);
	g_free(got);
	/* A lone surrogate on line 2: an error there, the record kept
	 * back; the file ending inside a character: an error at the end. */
	memcpy(bytes + n - 8, "\xD8\x00", 2);
	got = read_text(bytes, n - 1, "UTF-16BE", &d);
	CHECK_STR(got, "1:state|note\n2:Қазақстан|two\r\nlines\n");
	CHECK_INT(d.errors, 2);
	if (d.n == 2) {
		CHECK_INT(d.items[0].line, 5);
		CHECK_HAS(d.items[0].message, "not UTF-16BE text (byte 0xD8");
		CHECK_HAS(d.items[1].message, "ends inside a character");
	}
	imp_diags_release(&d);
	g_free(got);
	g_free(bytes);
}

static void test_cp1251(void)
{
	/* "Казахстан" and "Иран" in Windows-1251, 0x98 (no character) on
	 * line 3. */
	const char text[] =
	    "state;amount\n\xCA\xE0\xE7\xE0\xF5\xF1\xF2\xE0\xED;1"
	    "\nX\x98;2\n\xC8\xF0\xE0\xED;3\n";
	struct imp_diags d;
	char *got = read_text(text, sizeof(text) - 1, "cp1251", &d);

	CHECK_STR(got, "1:state|amount\n2:Казахстан|1\n4:Иран|3\n");
	CHECK_INT(d.errors, 1);
	if (d.n) {
		CHECK_INT(d.items[0].line, 3);
		CHECK_STR(d.items[0].message,
		          "not cp1251 text (byte 0x98 after 1 characters); "
		          "name the file's encoding with --encoding");
	}
	imp_diags_release(&d);
	g_free(got);
	CHECK(imp_encoding_known("cp1251"));
	CHECK(imp_encoding_known("UTF-8"));
	CHECK(!imp_encoding_known("no-such-code"));
}

int test_encodings(void)
{
	test_sniff();
	test_utf16();
	test_cp1251();
	return check_summary();
}
