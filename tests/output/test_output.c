/* test_output.c - output/: formats by name, the totals row of the table,
 * csv and json without it, and workbooks written whole or refused. */
#include "check.h"
#include "output.h"

static void test_formats(void)
{
	enum out_format f = OUT_TABLE;

	CHECK(out_format_parse("xlsx", &f) && f == OUT_XLSX);
	CHECK(out_format_parse("json", &f) && f == OUT_JSON);
	CHECK(!out_format_parse("XLSX", &f));
	CHECK(out_format_of_path("a/b.CSV", &f) && f == OUT_CSV);
	CHECK(out_format_of_path("2024.xlsx", &f) && f == OUT_XLSX);
	CHECK(out_format_of_path("t.txt", &f) && f == OUT_TABLE);
	CHECK(out_format_of_path("t.json", &f) && f == OUT_JSON);
	CHECK(!out_format_of_path("t.pdf", &f));
	CHECK(!out_format_of_path(".xlsx", &f));
	CHECK(!out_format_of_path("xlsx", &f));
	CHECK(out_format_binary(OUT_XLSX));
	CHECK(!out_format_binary(OUT_CSV));
}

/* A table of two states and their totals. */
static void two_rows(struct out_table *t)
{
	out_table_init(t);
	out_table_column(t, "state");
	out_table_column(t, "received");
	out_table_row(t);
	out_set_kind(t, 0, "KAZ", NULL, OUT_TEXT, 0);
	out_set_kind(t, 1, "1000.50", "1,000.50", OUT_MONEY, 2);
	out_table_row(t);
	out_set_kind(t, 0, "KOR", NULL, OUT_TEXT, 0);
	out_set_kind(t, 1, "50.00", "50.00", OUT_MONEY, 2);
	out_table_totals(t);
	out_set_kind(t, 0, "total", NULL, OUT_TEXT, 0);
	out_set_kind(t, 1, "1050.50", "1,050.50", OUT_MONEY, 2);
}

static char *printed(const struct out_table *t, enum out_format f)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&buf, &n);

	out_print(t, f, fp);
	fclose(fp);
	return buf;
}

static void test_totals(void)
{
	struct out_table t;
	char *s;

	two_rows(&t);
	s = printed(&t, OUT_TABLE);
	/* Under a rule of its own, as wide as the header's. */
	CHECK_STR(s, "state  received\n"
	             "-----  --------\n"
	             "KAZ    1,000.50\n"
	             "KOR       50.00\n"
	             "-----  --------\n"
	             "total  1,050.50\n");
	g_free(s);
	s = printed(&t, OUT_CSV);
	CHECK_STR(s, "state,received\nKAZ,1000.50\nKOR,50.00\n");
	g_free(s);
	s = printed(&t, OUT_JSON);
	CHECK(s && !strstr(s, "total") && !strstr(s, "1050.50"));
	CHECK_HAS(s, "\"received\": 50.00");
	g_free(s);
	out_table_release(&t);
}

/* Reads the first bytes of PATH into BUF (N bytes); their count. */
static size_t head_of(const char *path, char *buf, size_t n)
{
	FILE *fp = fopen(path, "rb");
	size_t got = fp ? fread(buf, 1, n, fp) : 0;

	if (fp)
		fclose(fp);
	return got;
}

static void test_book(void)
{
	const char *dir = check_tmpdir("cbm-test-output");
	char *path = g_build_filename(dir, "a.xlsx", NULL);
	struct cbm_outfile of;
	struct cbm_error err = {0};
	struct out_book *b = NULL;
	struct out_table t;
	char head[4];
	const char *custom[] = {"Basis", "voluntary"};

	two_rows(&t);
	CHECK(cbm_outfile_open(&of, path, &err) == CBM_OK);
	CHECK(out_book_open(&b, &of, false, &err) == CBM_OK);
	CHECK(out_book_info(b,
	                    &(struct out_book_info){
	                        .title = "t", .custom = custom, .ncustom = 1},
	                    &err) == CBM_OK);
	/* Names Excel refuses are made valid; two alike are told apart. */
	CHECK(out_book_table(b, "a/b: [c]?", &t, &err) == CBM_OK);
	CHECK(out_book_table(b, "a/b: [c]?", &t, &err) == CBM_OK);
	CHECK(out_book_table(b, "", &t, &err) == CBM_OK);
	CHECK(out_book_notes(b, "Read me", "Title", &t, &err) == CBM_OK);
	CHECK(out_book_close(b, &err) == CBM_OK);
	/* Nothing at the target until the commit. */
	CHECK(!g_file_test(path, G_FILE_TEST_EXISTS));
	CHECK(cbm_outfile_commit(&of, &err) == CBM_OK);
	CHECK_INT(head_of(path, head, 4), 4);
	CHECK(memcmp(head, "PK\x03\x04", 4) == 0);
	CHECK_INT(err.code, CBM_OK);
	out_table_release(&t);
	g_free(path);
}

/* A text longer than a cell holds stops a streamed sheet with
 * CBM_EDATA; the book is then abandoned and nothing is written. */
static void test_stream_text_limit(void)
{
	const char *dir = check_tmpdir("cbm-test-output");
	char *path = g_build_filename(dir, "long.xlsx", NULL);
	char *text = g_strnfill(OUT_XLSX_TEXT + 1, 'x');
	struct out_cell cells[2] = {
	    {.plain = "1", .len = 1, .number = true, .kind = OUT_INT},
	    {.plain = "short", .len = 5, .kind = OUT_TEXT},
	};
	struct cbm_outfile of;
	struct cbm_error err = {0};
	struct out_book *b = NULL;
	struct out_stream *s;

	CHECK(cbm_outfile_open(&of, path, &err) == CBM_OK);
	CHECK(out_book_open(&b, &of, true, &err) == CBM_OK);
	s = out_stream_sheet(b, "Query");
	out_stream_column(s, "n");
	out_stream_column(s, "text");
	CHECK(out_stream_row(s, cells));
	CHECK_INT(out_stream_status(s, &err), CBM_OK);
	cells[1].plain = text;
	cells[1].len = strlen(text);
	CHECK(!out_stream_row(s, cells));
	/* Sticky: later rows are refused too. */
	cells[1].plain = "short";
	cells[1].len = 5;
	CHECK(!out_stream_row(s, cells));
	CHECK_INT(out_stream_status(s, &err), CBM_EDATA);
	CHECK_HAS(err.message, "32,767");
	out_stream_close(s);
	out_book_abort(b);
	cbm_outfile_abort(&of);
	CHECK(!g_file_test(path, G_FILE_TEST_EXISTS));
	g_free(text);
	g_free(path);
}

/* HTML for a web page: every value and heading escaped, a byte that is
 * not UTF-8 replaced, the form for people, numbers marked, the totals in
 * the table's foot; no name or extension gives it. */
static void test_html(void)
{
	struct out_table t;
	enum out_format f = OUT_TABLE;
	char *s;

	two_rows(&t);
	s = printed(&t, OUT_HTML);
	CHECK_STR(s,
	          "<table>\n<thead><tr><th>state</th><th>received</th></tr>"
	          "</thead>\n<tbody>\n"
	          "<tr><td>KAZ</td><td class=\"n\">1,000.50</td></tr>\n"
	          "<tr><td>KOR</td><td class=\"n\">50.00</td></tr>\n"
	          "</tbody>\n<tfoot><tr><td>total</td>"
	          "<td class=\"n\">1,050.50</td></tr>\n</tfoot>\n</table>\n");
	free(s);
	out_table_release(&t);
	out_table_init(&t);
	out_table_column(&t, "<b>");
	out_table_row(&t);
	out_set_kind(&t, 0, "<script>alert(\"1\")&\xff</script>", NULL,
	             OUT_TEXT, 0);
	s = printed(&t, OUT_HTML);
	CHECK_STR(s, "<table>\n<thead><tr><th>&lt;b&gt;</th></tr></thead>\n"
	             "<tbody>\n<tr><td>&lt;script&gt;alert(&quot;1&quot;)&amp;"
	             "\xef\xbf\xbd&lt;/script&gt;</td></tr>\n</tbody>\n"
	             "</table>\n");
	free(s);
	out_table_release(&t);
	CHECK(!out_format_parse("html", &f));
	CHECK(!out_format_of_path("t.html", &f));
}

int main(void)
{
	test_formats();
	test_html();
	test_totals();
	test_book();
	test_stream_text_limit();
	return check_summary();
}
