/*
 * gen_workbook.c - writes N rows of contributions as an .xlsx workbook
 * for the memory test of the workbook reader (tests/e2e/
 * workbook_memory.sh): the rows of gen_contributions, with amounts and
 * years as number cells, dates as date cells and every text (a unique
 * reference per row included) in the shared strings, as Excel writes
 * them.  Deterministic.
 *
 *   gen_workbook N FILE.xlsx
 */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <zip.h>

static const char *const states[] = {
    "AFG", "AZE", "BHR", "BGD", "KHM", "CHN", "EGY", "IND", "IRN", "IRQ",
    "ISR", "JOR", "KAZ", "KWT", "KGZ", "MNG", "PAK", "PSE", "QAT", "KOR",
    "RUS", "LKA", "TJK", "THA", "TUR", "ARE", "UZB", "VNM",
};
static const char *const currencies[] = {"USD", "USD", "USD", "EUR", "KZT"};

#define MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define PKG  "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL                                                                    \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* Shared strings: the header, the states, the currencies, "voluntary",
 * then one reference per row. */
enum {
	S_HEAD = 0,
	S_STATE = 7,
	S_CUR = S_STATE + 28,
	S_KIND = S_CUR + 5,
	S_REF
};

static void add(zip_t *za, const char *name, GString *s)
{
	zip_source_t *src = zip_source_buffer(za, s->str, s->len, 0);

	if (!src || zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8) < 0) {
		fprintf(stderr, "gen_workbook: %s\n", zip_strerror(za));
		exit(1);
	}
}

int main(int argc, char **argv)
{
	static const char *const head[] = {"state",    "received_on", "amount",
	                                   "currency", "budget_year", "kind",
	                                   "reference"};
	long n = argc > 2 ? atol(argv[1]) : 0;
	unsigned long x = 88172645463325252UL;
	GString *sheet = g_string_new(NULL), *sst = g_string_new(NULL);
	GString *parts[5];
	zip_t *za;
	int err = 0;

	if (argc != 3 || n < 1) {
		fprintf(stderr, "usage: gen_workbook N FILE.xlsx\n");
		return 2;
	}
	g_string_append_printf(sst, "<sst xmlns='%s'>", MAIN);
	for (int i = 0; i < 7; i++)
		g_string_append_printf(sst, "<si><t>%s</t></si>", head[i]);
	for (int i = 0; i < 28; i++)
		g_string_append_printf(sst, "<si><t>%s</t></si>", states[i]);
	for (int i = 0; i < 5; i++)
		g_string_append_printf(sst, "<si><t>%s</t></si>",
		                       currencies[i]);
	g_string_append(sst, "<si><t>voluntary</t></si>");
	g_string_append_printf(sheet,
	                       "<worksheet xmlns='%s'><sheetData>"
	                       "<row r='1'>",
	                       MAIN);
	for (int i = 0; i < 7; i++)
		g_string_append_printf(sheet, "<c r='%c1' t='s'><v>%d</v></c>",
		                       'A' + i, S_HEAD + i);
	g_string_append(sheet, "</row>");
	for (long i = 0; i < n; i++) {
		long r = i + 2;
		/* xorshift64, as gen_contributions. */
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		int year = 2006 + (int)(x % 20);
		int month = 1 + (int)((x >> 8) % 12);
		int day = 1 + (int)((x >> 16) % 28);
		long cents = 100000 + (long)((x >> 24) % 50000000);
		GDate *d = g_date_new_dmy((GDateDay)day, (GDateMonth)month,
		                          (GDateYear)year);
		/* Serial days of Excel's 1900 system: 25569 is 1970-01-01. */
		long serial = (long)g_date_get_julian(d) - 719163 + 25569;
		g_date_free(d);
		g_string_append_printf(
		    sheet,
		    "<row r='%ld'><c r='A%ld' t='s'><v>%d</v></c>"
		    "<c r='B%ld' s='1'><v>%ld</v></c><c r='C%ld'><v>%ld.%02ld"
		    "</v></c><c r='D%ld' t='s'><v>%d</v></c><c r='E%ld'><v>%d"
		    "</v></c><c r='F%ld' t='s'><v>%d</v></c><c r='G%ld' t='s'>"
		    "<v>%ld</v></c></row>",
		    r, r, S_STATE + (int)((x >> 32) % 28), r, serial, r,
		    cents / 100, cents % 100, r, S_CUR + (int)((x >> 40) % 5),
		    r, year, r, S_KIND, r, S_REF + i);
		g_string_append_printf(sst, "<si><t>B-%ld</t></si>", i);
	}
	g_string_append(sheet, "</sheetData></worksheet>");
	g_string_append(sst, "</sst>");

	za = zip_open(argv[2], ZIP_CREATE | ZIP_TRUNCATE, &err);
	if (!za) {
		fprintf(stderr, "gen_workbook: cannot create %s\n", argv[2]);
		return 1;
	}
	parts[0] = g_string_new(NULL);
	g_string_printf(parts[0],
	                "<Types xmlns='http://schemas.openxmlformats.org/"
	                "package/2006/content-types'/>");
	parts[1] = g_string_new(NULL);
	g_string_printf(parts[1],
	                "<Relationships xmlns='%s'><Relationship Id='rId1' "
	                "Type='%s/officeDocument' Target='xl/workbook.xml'/>"
	                "</Relationships>",
	                PKG, REL);
	parts[2] = g_string_new(NULL);
	g_string_printf(parts[2],
	                "<workbook xmlns='%s' xmlns:r='%s'><sheets><sheet "
	                "name='Contributions' sheetId='1' r:id='rId1'/>"
	                "</sheets></workbook>",
	                MAIN, REL);
	parts[3] = g_string_new(NULL);
	g_string_printf(parts[3],
	                "<Relationships xmlns='%s'><Relationship Id='rId1' "
	                "Type='%s/worksheet' Target='worksheets/sheet1.xml'/>"
	                "<Relationship Id='rId2' Type='%s/sharedStrings' "
	                "Target='sharedStrings.xml'/><Relationship Id='rId3' "
	                "Type='%s/styles' Target='styles.xml'/>"
	                "</Relationships>",
	                PKG, REL, REL, REL);
	parts[4] = g_string_new(NULL);
	g_string_printf(parts[4],
	                "<styleSheet xmlns='%s'><cellXfs><xf numFmtId='0'/>"
	                "<xf numFmtId='14'/></cellXfs></styleSheet>",
	                MAIN);
	add(za, "[Content_Types].xml", parts[0]);
	add(za, "_rels/.rels", parts[1]);
	add(za, "xl/workbook.xml", parts[2]);
	add(za, "xl/_rels/workbook.xml.rels", parts[3]);
	add(za, "xl/styles.xml", parts[4]);
	add(za, "xl/sharedStrings.xml", sst);
	add(za, "xl/worksheets/sheet1.xml", sheet);
	if (zip_close(za) != 0) {
		fprintf(stderr, "gen_workbook: %s\n", zip_strerror(za));
		return 1;
	}
	for (int i = 0; i < 5; i++)
		g_string_free(parts[i], TRUE);
	g_string_free(sheet, TRUE);
	g_string_free(sst, TRUE);
	return 0;
}
