/*
 * test_workbook.c - the workbook reader: cells and their types, dates in
 * both systems, merged ranges, sheets, damaged archives; and the positions
 * FILE:SHEET!CELL of its diagnostics.
 *
 * Each workbook is built here in memory with libzip from a few lines of
 * XML, so that every case shows exactly what the file holds.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>

#include "check.h"
#include "import.h"
#include "test_import.h"

/* ---- building workbooks ------------------------------------------------ */

/* A zip archive of the NULL-terminated list of (name, content) pairs, in
 * memory; *N receives its size.  The caller frees it with g_free(). */
static char *zip_of(const char *const *parts, size_t *n)
{
	zip_error_t ze;
	zip_source_t *mem;
	zip_t *za;
	zip_stat_t st;
	char *bytes;

	zip_error_init(&ze);
	mem = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_source_keep(mem);
	za = zip_open_from_source(mem, ZIP_TRUNCATE, &ze);
	for (int i = 0; parts[i]; i += 2) {
		zip_source_t *s = zip_source_buffer(za, parts[i + 1],
		                                    strlen(parts[i + 1]), 0);
		zip_file_add(za, parts[i], s, ZIP_FL_ENC_UTF_8);
	}
	zip_close(za);
	zip_source_stat(mem, &st);
	bytes = g_malloc(st.size + 1);
	zip_source_open(mem);
	*n = (size_t)zip_source_read(mem, bytes, st.size);
	zip_source_close(mem);
	zip_source_free(mem);
	zip_error_fini(&ze);
	return bytes;
}

#define MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define RELS "http://schemas.openxmlformats.org/package/2006/relationships"
#define OREL                                                                   \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* An .xlsx with sheets "Sheet1" (SHEET1) and, when not NULL, "Second
 * Sheet" (SHEET2), shared strings SST and the cell formats XFS (the
 * numFmtId of each, with custom format 164 "dd/mm/yyyy" and 165
 * "0.00\"d\"") under workbookPr PR. */
static char *xlsx(const char *pr, const char *sheet1, const char *sheet2,
                  const char *sst, const char *xfs, size_t *n)
{
	char *book = g_strdup_printf(
	    "<workbook xmlns='" MAIN "' xmlns:r='" OREL "'>%s<sheets>"
	    "<sheet name='Sheet1' sheetId='1' r:id='rId1'/>%s</sheets>"
	    "</workbook>",
	    pr ? pr : "",
	    sheet2 ? "<sheet name='Second Sheet' sheetId='2' r:id='rId2'/>"
	           : "");
	char *styles = g_strdup_printf(
	    "<styleSheet xmlns='" MAIN "'><numFmts>"
	    "<numFmt numFmtId='164' formatCode='dd/mm/yyyy'/>"
	    "<numFmt numFmtId='165' formatCode='0.00&quot;d&quot;'/>"
	    "<numFmt numFmtId='166' formatCode='[Red]#,##0'/></numFmts>"
	    "<cellStyleXfs><xf numFmtId='14'/></cellStyleXfs>"
	    "<cellXfs>%s</cellXfs></styleSheet>",
	    xfs ? xfs : "<xf numFmtId='0'/>");
	char *s1 = g_strdup_printf("<worksheet xmlns='" MAIN "'>%s</worksheet>",
	                           sheet1);
	char *s2 = g_strdup_printf("<worksheet xmlns='" MAIN "'>%s</worksheet>",
	                           sheet2 ? sheet2 : "");
	char *strings =
	    g_strdup_printf("<sst xmlns='" MAIN "'>%s</sst>", sst ? sst : "");
	const char *parts[] = {
	    "[Content_Types].xml",
	    "<Types xmlns='http://schemas.openxmlformats.org/package/2006/"
	    "content-types'/>",
	    "_rels/.rels",
	    "<Relationships xmlns='" RELS
	    "'><Relationship Id='rId1' Type='" OREL
	    "/officeDocument' Target='xl/workbook.xml'/></Relationships>",
	    "xl/workbook.xml",
	    book,
	    "xl/_rels/workbook.xml.rels",
	    "<Relationships xmlns='" RELS "'>"
	    "<Relationship Id='rId1' Type='" OREL "/worksheet'"
	    " Target='worksheets/sheet1.xml'/>"
	    "<Relationship Id='rId2' Type='" OREL "/worksheet'"
	    " Target='/xl/worksheets/sheet2.xml'/>"
	    "<Relationship Id='rId3' Type='" OREL "/sharedStrings'"
	    " Target='sharedStrings.xml'/>"
	    "<Relationship Id='rId4' Type='" OREL "/styles'"
	    " Target='./styles.xml'/></Relationships>",
	    "xl/worksheets/sheet1.xml",
	    s1,
	    "xl/worksheets/sheet2.xml",
	    s2,
	    "xl/sharedStrings.xml",
	    strings,
	    "xl/styles.xml",
	    styles,
	    NULL,
	};
	char *bytes = zip_of(parts, n);

	g_free(book);
	g_free(styles);
	g_free(s1);
	g_free(s2);
	g_free(strings);
	return bytes;
}

#define NS_ODS                                                                 \
	" xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0'"     \
	" xmlns:table='urn:oasis:names:tc:opendocument:xmlns:table:1.0'"       \
	" xmlns:text='urn:oasis:names:tc:opendocument:xmlns:text:1.0'"         \
	" xmlns:calcext='urn:org:documentfoundation:names:experimental:calc:"  \
	"xmlns:calcext:1.0'"

/* An .ods whose spreadsheet body is BODY (tables). */
static char *ods(const char *body, size_t *n)
{
	char *content = g_strdup_printf(
	    "<office:document-content" NS_ODS "><office:body>"
	    "<office:spreadsheet>%s</office:spreadsheet></office:body>"
	    "</office:document-content>",
	    body);
	const char *parts[] = {
	    "mimetype",    "application/vnd.oasis.opendocument.spreadsheet",
	    "content.xml", content,
	    NULL,
	};
	char *bytes = zip_of(parts, n);

	g_free(content);
	return bytes;
}

/* ---- reading them ------------------------------------------------------ */

/* Each record as "ROW:field|field" with, per field, a type mark when it
 * is not text: #number, @date, _ for empty; lines joined by '\n'. */
static int collect(void *data, size_t index, const struct imp_record *rec)
{
	GString *out = data;

	(void)index;
	g_string_append_printf(out, "%ld:", rec->line);
	for (size_t i = 0; i < rec->n_fields; i++) {
		const char *mark = "";
		if (rec->cells[i].type == IMP_CELL_NUMBER)
			mark = "#";
		else if (rec->cells[i].type == IMP_CELL_DATE)
			mark = "@";
		else if (rec->cells[i].type == IMP_CELL_EMPTY)
			mark = "_";
		g_string_append_printf(out, "%s%s%s", i ? "|" : "", mark,
		                       rec->fields[i]);
	}
	g_string_append_c(out, '\n');
	return 0;
}

/* Reads sheet SHEET (NULL: the first) of the workbook BYTES; returns the
 * records (see collect) and the diagnostics formatted, one per line, in
 * *DIAGS; both freed by the caller.  NULL records when it did not
 * open. */
static char *read_book(const char *bytes, size_t n, const char *sheet,
                       char **diags)
{
	FILE *fp = fmemopen((void *)bytes, n, "rb");
	struct imp_workbook *wb = NULL;
	struct imp_diags d;
	GString *out = NULL, *ds = g_string_new(NULL);

	imp_diags_init(&d);
	if (imp_workbook_open(&wb, fp, "b.xlsx", sheet, &d) == CBM_OK) {
		out = g_string_new(NULL);
		CHECK_INT(
		    imp_workbook_read(wb, collect, out, &d, NULL, NULL, NULL),
		    CBM_OK);
	}
	imp_workbook_close(wb);
	fclose(fp);
	for (size_t i = 0; i < d.n; i++) {
		char *line = imp_diag_format(&d.items[i]);
		g_string_append_printf(ds, "%s\n", line);
		g_free(line);
	}
	imp_diags_release(&d);
	*diags = g_string_free(ds, FALSE);
	return out ? g_string_free(out, FALSE) : NULL;
}

/* Reads the first sheet of an .xlsx made of SHEET1 and SST with cell
 * formats XFS; checks its records and diagnostics. */
#define CHECK_XLSX(pr, sheet1, sst, xfs, want, want_diags)                     \
	do {                                                                   \
		size_t n_;                                                     \
		char *b_ = xlsx(pr, sheet1, NULL, sst, xfs, &n_), *d_;         \
		char *r_ = read_book(b_, n_, NULL, &d_);                       \
		CHECK_STR(r_, want);                                           \
		CHECK_STR(d_, want_diags);                                     \
		g_free(b_);                                                    \
		g_free(r_);                                                    \
		g_free(d_);                                                    \
	} while (0)

#define ROW(r, cells) "<row r='" #r "'>" cells "</row>"
#define DATA(rows)    "<sheetData>" rows "</sheetData>"
#define HEAD          ROW(1, "<c r='A1' t='inlineStr'><is><t>a</t></is></c>")

static void test_numbers(void)
{
	/* Rounded to 15 significant digits, in plain form. */
	CHECK_XLSX(NULL,
	           DATA(HEAD ROW(2, "<c r='A2'><v>50000</v></c>") ROW(
	               3, "<c r='A3'><v>1234.5600000000002</v></c>")
	                    ROW(4, "<c r='A4'><v>1.2345678901234567E+20</v>"
	                           "</c>") ROW(5, "<c r='A5'><v>-1E-7</v></c>")
	                        ROW(6, "<c r='A6'><v>0.1</v></c>")),
	           NULL, NULL,
	           "1:a\n2:#50000\n3:#1234.56\n4:#123456789012346000000\n"
	           "5:#-0.0000001\n6:#0.1\n",
	           "");
	/* Not a number: an error at the cell, the row not delivered. */
	CHECK_XLSX(NULL,
	           DATA(HEAD ROW(2, "<c r='A2'><v>12x</v></c>")
	                    ROW(3, "<c r='A3'><v>7</v></c>")),
	           NULL, NULL, "1:a\n3:#7\n",
	           "b.xlsx:Sheet1!A2:a: not a number '12x'\n");
}

#define DATES_XFS                                                              \
	"<xf numFmtId='0'/><xf numFmtId='14'/><xf numFmtId='164'/>"            \
	"<xf numFmtId='165'/><xf numFmtId='166'/><xf numFmtId='45'/>"          \
	"<xf numFmtId='22'/>"

static void test_dates(void)
{
	/* The 1900 system: day 1 is 1900-01-01, day 60 the 29 February
	 * that never was, day 61 1900-03-01; a time of day is dropped. */
	CHECK_XLSX(NULL,
	           DATA(HEAD ROW(2, "<c r='A2' s='1'><v>1</v></c>")
	                    ROW(3, "<c r='A3' s='1'><v>59</v></c>")
	                        ROW(4, "<c r='A4' s='1'><v>60</v></c>")
	                            ROW(5, "<c r='A5' s='1'><v>61</v></c>")
	                                ROW(6, "<c r='A6' s='6'>"
	                                       "<v>45000.75</v></c>")),
	           NULL, DATES_XFS,
	           "1:a\n2:@1900-01-01\n3:@1900-02-28\n5:@1900-03-01\n"
	           "6:@2023-03-15\n",
	           "b.xlsx:Sheet1!A4:a: 29 February 1900, a day that Excel "
	           "counts but that never was '60'\n");
	/* Which formats are dates: built-in 14 and 45, custom dd/mm/yyyy;
	 * not General, 0.00"d" (quoted) or [Red]#,##0 (bracketed). */
	CHECK_XLSX(NULL,
	           DATA(HEAD ROW(2, "<c r='A2' s='2'><v>45000</v></c>")
	                    ROW(3, "<c r='A3' s='3'><v>45000</v></c>")
	                        ROW(4, "<c r='A4' s='4'><v>45000</v></c>") ROW(
	                            5, "<c r='A5' s='5'><v>45000</v></c>")
	                            ROW(6, "<c r='A6' s='0'><v>45000</v>"
	                                   "</c>") ROW(7, "<c r='A7' s='99'>"
	                                                  "<v>45000</v></c>")),
	           NULL, DATES_XFS,
	           "1:a\n2:@2023-03-15\n3:#45000\n4:#45000\n5:@2023-03-15\n"
	           "6:#45000\n7:#45000\n",
	           "");
	/* The 1904 system: day 0 is 1904-01-01. */
	CHECK_XLSX("<workbookPr date1904='1'/>",
	           DATA(HEAD ROW(2, "<c r='A2' s='1'><v>0</v></c>")
	                    ROW(3, "<c r='A3' s='1'><v>43538</v></c>")),
	           NULL, DATES_XFS, "1:a\n2:@1904-01-01\n3:@2023-03-15\n", "");
	/* t="d": an ISO date in the cell. */
	CHECK_XLSX(NULL,
	           DATA(HEAD ROW(2, "<c r='A2' t='d'><v>2023-12-12T00:00:00</v>"
	                            "</c>")),
	           NULL, NULL, "1:a\n2:@2023-12-12\n", "");
}

static void test_text(void)
{
	/* Shared strings, rich runs joined, phonetic runs left out, _x000D_
	 * read as the character; inline strings; a formula's text; a
	 * boolean. */
	CHECK_XLSX(NULL,
	           DATA(ROW(1, "<c r='A1' t='s'><v>0</v></c>"
	                       "<c r='B1' t='s'><v>1</v></c>")
	                    ROW(2, "<c r='A2' t='s'><v>2</v></c>"
	                           "<c r='B2' t='inlineStr'><is><r><t>in</t>"
	                           "</r><r><t xml:space='preserve'> line</t>"
	                           "</r></is></c>")
	                        ROW(3, "<c r='A3' t='str'><f>A2&amp;\"!\"</f>"
	                               "<v>Kaz!</v></c>"
	                               "<c r='B3' t='b'><v>1</v></c>")),
	           "<si><t>name</t></si><si><t>note</t></si>"
	           "<si><r><t>Қаз</t></r><r><rPr/><t>ақстан</t></r>"
	           "<rPh><t>x</t></rPh><t>_x000D_</t></si>",
	           NULL, "1:name|note\n2:Қазақстан\r|in line\n3:Kaz!|TRUE\n",
	           "");
}

static void test_formulas_and_errors(void)
{
	/* A formula gives its saved value; without one it is an error
	 * naming the cell, as is an error value. */
	CHECK_XLSX(NULL,
	           DATA(ROW(1, "<c r='A1' t='inlineStr'><is><t>amount</t></is>"
	                       "</c>")
	                    ROW(2, "<c r='A2'><f>1+1</f><v>2</v></c>")
	                        ROW(3, "<c r='A3'><f>1+2</f></c>")
	                            ROW(4, "<c r='A4' t='e'><v>#N/A</v></c>")),
	           NULL, NULL, "1:amount\n2:#2\n",
	           "b.xlsx:Sheet1!A3:amount: a formula without a saved result; "
	           "open the workbook in Excel or LibreOffice, let it "
	           "calculate and save it\n"
	           "b.xlsx:Sheet1!A4:amount: an error value in the cell (a "
	           "formula that failed) '#N/A'\n");
}

static void test_rows_and_columns(void)
{
	/* The header is the first row with a value; empty rows (with
	 * formats only) are skipped and rows keep their numbers; an empty
	 * column is no field; a value under it is said once; cells without
	 * r follow one another. */
	CHECK_XLSX(NULL,
	           DATA(ROW(2, "<c r='B2' s='0'/>") ROW(
	               3, "<c r='B3' t='inlineStr'><is><t>x</t></is>"
	                  "</c><c r='D3' t='inlineStr'><is><t>y</t>"
	                  "</is></c>")
	                    ROW(4, "<c r='B4'><v>1</v></c><c r='C4'><v>9</v>"
	                           "</c><c r='D4'><v>2</v></c>")
	                        ROW(6, "<c r='C6'><v>8</v></c>")
	                            ROW(7, "<c r='B7'><v>5</v></c><c><v>6</v>"
	                                   "</c>") ROW(9, "<c r='B9' s='0'/>")
	                                ROW(10, "<c r='D10' s='0'/>")),
	           NULL, NULL, "3:x|y\n4:#1|#2\n7:#5|_\n",
	           "b.xlsx:Sheet1!C4: warning: a value in a column without a "
	           "header; the column is ignored '9'\n");
}

static void test_merges(void)
{
	/* A merged range gives each of its cells the top-left value, down
	 * and across; a merged header is an error. */
	CHECK_XLSX(
	    NULL,
	    DATA(
	        ROW(1,
	            "<c r='A1' t='inlineStr'><is><t>state</t></is>"
	            "</c><c r='B1' t='inlineStr'><is><t>note</t>"
	            "</is></c>") ROW(2,
	                             "<c r='A2' t='inlineStr'><is><t>KAZ</t></is>"
	                             "</c><c r='B2'><v>1</v></c>")
	            ROW(3, "<c r='B3'><v>2</v></c>") ROW(
	                5,
	                "<c r='A5'><v>3</v></c>")) "<mergeCells><mergeCell ref='A2:A4'/>"
	                                           "<mergeCell ref='A5:B5'/></mergeCells>",
	    NULL, NULL, "1:state|note\n2:KAZ|#1\n3:KAZ|#2\n5:#3|#3\n", "");
	CHECK_XLSX(
	    NULL,
	    DATA(
	        ROW(1, "<c r='A1' t='inlineStr'><is><t>state</t></is>"
	               "</c>")
	            ROW(2,
	                "<c r='A2'><v>1</v></c>")) "<mergeCells><mergeCell ref='A1:B1'/></mergeCells>",
	    NULL, NULL, "",
	    "b.xlsx:Sheet1!A1: merged cells in the header row; unmerge "
	    "them so that each column has its own name 'A1:B1'\n");
}

static void test_sheets(void)
{
	size_t n;
	char *d, *r;
	char *b = xlsx(
	    NULL, DATA(HEAD ROW(2, "<c r='A2'><v>1</v></c>")),
	    DATA(ROW(3, "<c r='C3' t='inlineStr'><is><t>b</t></is>"
	                "</c>") ROW(4, "<c r='C4'><v>2</v></c>"
	                               "<c r='D4' t='e'><v>#REF!</v></c>")),
	    NULL, NULL, &n);

	r = read_book(b, n, "Second Sheet", &d);
	CHECK_STR(r, "3:b\n");
	CHECK_STR(d, "b.xlsx:'Second Sheet'!D4: an error value in the cell (a "
	             "formula that failed) '#REF!'\n");
	g_free(r);
	g_free(d);
	r = read_book(b, n, "second SHEET", &d);
	CHECK_STR(r, "3:b\n");
	g_free(r);
	g_free(d);
	r = read_book(b, n, "Third", &d);
	CHECK(r == NULL);
	CHECK_STR(d, "b.xlsx: no sheet 'Third' in the workbook; its sheets are "
	             "'Sheet1', 'Second Sheet'\n");
	g_free(d);
	/* A damaged archive: the first bytes of a good one. */
	r = read_book(b, n / 2, NULL, &d);
	CHECK(r == NULL);
	CHECK_HAS(d, "b.xlsx: cannot be read as a workbook: a damaged or "
	             "incomplete zip archive (");
	CHECK_INT(strchr(d, '\n') - d + 1, (long)strlen(d)); /* one line */
	g_free(d);
	g_free(b);
}

static void test_not_workbooks(void)
{
	const char *word[] = {"word/document.xml", "<w/>", NULL};
	const char *odt[] = {"mimetype",
	                     "application/vnd.oasis.opendocument.text", NULL};
	size_t n;
	char *b = zip_of(word, &n), *d, *r = read_book(b, n, NULL, &d);

	CHECK(r == NULL);
	CHECK_STR(d, "b.xlsx: a zip archive that holds no workbook (.xlsx or "
	             ".ods)\n");
	g_free(b);
	g_free(d);
	b = zip_of(odt, &n);
	r = read_book(b, n, NULL, &d);
	CHECK(r == NULL);
	CHECK_HAS(d, "not a spreadsheet");
	g_free(b);
	g_free(d);
	/* A DTD (and with it entity expansion) is refused. */
	b = xlsx(NULL, DATA(HEAD), NULL, NULL, NULL, &n);
	g_free(b);
	{
		const char *parts[] = {
		    "[Content_Types].xml", "<Types/>", "xl/workbook.xml",
		    "<!DOCTYPE x [<!ENTITY a 'aaaa'>]><workbook/>", NULL};
		b = zip_of(parts, &n);
		r = read_book(b, n, NULL, &d);
		CHECK(r == NULL);
		CHECK_HAS(d, "document type declaration");
		g_free(b);
		g_free(d);
	}
}

static void test_ods(void)
{
	size_t n;
	char *d, *r;
	char *b = ods(
	    "<table:table table:name='First'><table:table-row>"
	    "<table:table-cell office:value-type='string'><text:p>x</text:p>"
	    "</table:table-cell></table:table-row></table:table>"
	    "<table:table table:name='Data'>"
	    "<table:table-column table:number-columns-repeated='3'/>"
	    "<table:table-row table:number-rows-repeated='2'/>"
	    "<table:table-row>"
	    "<table:table-cell table:number-columns-repeated='2'"
	    " office:value-type='string'><text:p>h</text:p></table:table-cell>"
	    "<table:table-cell/>"
	    "<table:table-cell office:value-type='string'><text:p>note</text:p>"
	    "</table:table-cell>"
	    "<table:table-cell table:number-columns-repeated='1000'/>"
	    "</table:table-row>"
	    "<table:table-row table:number-rows-repeated='2'>"
	    "<table:table-cell office:value-type='float' office:value='50000'"
	    " table:number-columns-spanned='2' table:number-rows-spanned='3'>"
	    "<text:p>50 000,00</text:p></table:table-cell>"
	    "<table:covered-table-cell/><table:table-cell/>"
	    "<table:table-cell office:value-type='string'><text:p>a<text:s"
	    " text:c='2'/>b<text:tab/>c<text:line-break/>d</text:p>"
	    "<text:p>e<text:span>f</text:span></text:p><office:annotation>"
	    "<text:p>comment</text:p></office:annotation></table:table-cell>"
	    "</table:table-row>"
	    "<table:table-row><table:covered-table-cell"
	    " table:number-columns-repeated='2'/><table:table-cell/>"
	    "<table:table-cell office:value-type='date'"
	    " office:date-value='2023-12-12T10:00:00'><text:p>12.12.23</text:p>"
	    "</table:table-cell></table:table-row>"
	    "<table:table-row><table:table-cell table:formula='of:=1/0'"
	    " office:value-type='string' calcext:value-type='error'>"
	    "<text:p>#DIV/0!</text:p></table:table-cell>"
	    "<table:table-cell table:formula='of:=A1'/></table:table-row>"
	    "<table:table-row table:number-rows-repeated='1048567'>"
	    "<table:table-cell table:number-columns-repeated='1024'/>"
	    "</table:table-row></table:table>",
	    &n);

	r = read_book(b, n, "Data", &d);
	CHECK_STR(r, "3:h|h|note\n"
	             "4:#50000|#50000|a  b\tc\nd\nef\n"
	             "5:#50000|#50000|a  b\tc\nd\nef\n"
	             "6:#50000|#50000|@2023-12-12\n");
	CHECK_STR(d, "b.xlsx:Data!A7:h: an error value in the cell (a formula "
	             "that failed) '#DIV/0!'\n"
	             "b.xlsx:Data!B7:h: a formula without a saved result; open "
	             "the workbook in LibreOffice, let it calculate and save "
	             "it\n");
	g_free(r);
	g_free(d);
	r = read_book(b, n, NULL, &d);
	CHECK_STR(r, "1:x\n");
	g_free(r);
	g_free(d);
	g_free(b);
	/* A few bytes must not stand for a million records. */
	b = ods(
	    "<table:table table:name='R'><table:table-row>"
	    "<table:table-cell office:value-type='string'><text:p>h</text:p>"
	    "</table:table-cell></table:table-row>"
	    "<table:table-row table:number-rows-repeated='10001'>"
	    "<table:table-cell office:value-type='float' office:value='1'/>"
	    "</table:table-row></table:table>",
	    &n);
	r = read_book(b, n, NULL, &d);
	CHECK_STR(r, "1:h\n");
	CHECK_STR(d, "b.xlsx:R!2: a row repeated more than 10,000 times; make "
	             "its copies differ or remove them\n");
	g_free(r);
	g_free(d);
	g_free(b);
}

/* ---- diagnostics -------------------------------------------------------- */

static void test_cell_positions(void)
{
	struct imp_diags d;
	char *line, name[24];

	imp_cell_name(14, 2, name);
	CHECK_STR(name, "C14");
	imp_cell_name(1, 25, name);
	CHECK_STR(name, "Z1");
	imp_cell_name(1, 26, name);
	CHECK_STR(name, "AA1");
	imp_cell_name(1048576, 16383, name);
	CHECK_STR(name, "XFD1048576");
	imp_cell_name(7, -1, name);
	CHECK_STR(name, "7");
	imp_diags_init(&d);
	imp_diags_add_cell(&d, IMP_ERROR, "contributions.xlsx", "Sheet1", 14, 2,
	                   "amount", "пятьсот", "not an amount");
	imp_diags_add_cell(&d, IMP_ERROR, "c.xlsx", "Budget 2024", 3, -1, "",
	                   NULL, "whole row");
	imp_diags_add_cell(&d, IMP_WARNING, "c.xlsx", "It's", 0, -1, "", NULL,
	                   "the sheet");
	imp_diags_add_cell(&d, IMP_ERROR, "c.csv", NULL, 4, 3, "amount", NULL,
	                   "as before");
	line = imp_diag_format(&d.items[0]);
	CHECK_STR(line, "contributions.xlsx:Sheet1!C14:amount: not an amount "
	                "'пятьсот'");
	g_free(line);
	line = imp_diag_format(&d.items[1]);
	CHECK_STR(line, "c.xlsx:'Budget 2024'!3: whole row");
	g_free(line);
	line = imp_diag_format(&d.items[2]);
	CHECK_STR(line, "c.xlsx:'It''s': warning: the sheet");
	g_free(line);
	line = imp_diag_format(&d.items[3]);
	CHECK_STR(line, "c.csv:4:amount: as before");
	g_free(line);
	imp_diags_release(&d);
	line = imp_where("w.ods", "Лист1");
	CHECK_STR(line, "w.ods:Лист1");
	g_free(line);
	line = imp_where("w.ods", "2024");
	CHECK_STR(line, "w.ods:'2024'");
	g_free(line);
}

int test_workbooks(void)
{
	test_numbers();
	test_dates();
	test_text();
	test_formulas_and_errors();
	test_rows_and_columns();
	test_merges();
	test_sheets();
	test_not_workbooks();
	test_ods();
	test_cell_positions();
	return check_summary();
}
