/*
 * xlsx.c - the cells of an Office Open XML workbook (.xlsx, as Excel and
 * LibreOffice write it, transitional or strict).
 *
 * Opening follows the package's relationships, as the format asks rather
 * than guessing file names: _rels/.rels names the workbook part, the
 * workbook lists its sheets (name, relationship id) and whether dates
 * count from 1904, and the workbook's relationships give each sheet's
 * part and those of the shared strings and the styles.
 *
 * Reading takes four passes over parts, each streamed: the styles (which
 * cell formats are dates: built-in formats 14-22 and 45-47, or a custom
 * format with d, m or y outside quotes and brackets), the shared strings
 * (held, up to WB_MAX_SHARED bytes, since cells refer to them by number),
 * the sheet for its merged ranges (which Excel writes after the cells),
 * and the sheet again for its rows.
 *
 * A cell: <c r="C14" s="3" t="s"><f>...</f><v>12</v></c>, where t says
 * what <v> holds: n (a number, the default; a date when its style says
 * so), s (a shared string's number), str (a formula's text), inlineStr
 * (text in <is>), b (a boolean), e (an error such as #N/A), d (an ISO
 * date).  Text may come in rich runs (<r><t>..</t></r>), joined; phonetic
 * runs (<rPh>) are not part of it; _xHHHH_ stands for a character.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "workbook_internal.h"

#define NS_MAIN   "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_STRICT "http://purl.oclc.org/ooxml/spreadsheetml/main"
#define NS_PKG    "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_REL                                                                 \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships"

/* True when NAME is the spreadsheet element LOCAL. */
static bool xl_is(const char *name, const char *local)
{
	return imp_wb_is(name, NS_MAIN, local) ||
	       imp_wb_is(name, NS_STRICT, local);
}

static const char *rel_id(const XML_Char **atts)
{
	const char *id = imp_wb_attr(atts, NS_REL "|id");

	return id ? id : imp_wb_attr(atts, NS_REL_STRICT "|id");
}

/* Turns "_x000D_" into its character, in place; returns the new length.
 * U+0000 and what is not a character stay as written. */
static size_t unescape(char *s, size_t len)
{
	size_t r = 0, w = 0;

	while (r < len) {
		gunichar c = 0;
		bool esc = r + 7 <= len && s[r] == '_' && s[r + 1] == 'x' &&
		           s[r + 6] == '_';
		for (int i = 2; esc && i < 6; i++) {
			esc = g_ascii_isxdigit(s[r + i]);
			c = c * 16 + (gunichar)g_ascii_xdigit_value(s[r + i]);
		}
		if (esc && c != 0 && g_unichar_validate(c)) {
			w += (size_t)g_unichar_to_utf8(c, s + w);
			r += 7;
		} else {
			s[w++] = s[r++];
		}
	}
	return w;
}

/* ---- relationships ------------------------------------------------------- */

struct rels {
	struct wb_xml x;
	char *dir;          /* of the part the relationships are of */
	GPtrArray *ids;     /* char * */
	GPtrArray *types;   /* char * */
	GPtrArray *targets; /* char *, resolved to entry names */
};

/* TARGET relative to DIR ("xl/"), or from the root ("/xl/..."), as an
 * entry name with "." and ".." resolved. */
static char *resolve(const char *dir, const char *target)
{
	char *joined = target[0] == '/' ? g_strdup(target + 1)
	                                : g_strconcat(dir, target, NULL);
	char **parts = g_strsplit(joined, "/", -1);
	GPtrArray *kept = g_ptr_array_new();
	char *out;

	for (int i = 0; parts[i]; i++) {
		if (strcmp(parts[i], "..") == 0) {
			if (kept->len)
				g_ptr_array_remove_index(kept, kept->len - 1);
		} else if (parts[i][0] && strcmp(parts[i], ".") != 0) {
			g_ptr_array_add(kept, parts[i]);
		}
	}
	g_ptr_array_add(kept, NULL);
	out = g_strjoinv("/", (char **)kept->pdata);
	g_ptr_array_free(kept, TRUE);
	g_strfreev(parts);
	g_free(joined);
	return out;
}

static void rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct rels *r = ud;
	const char *id = imp_wb_attr(atts, "Id"),
	           *type = imp_wb_attr(atts, "Type");
	const char *target = imp_wb_attr(atts, "Target");
	const char *mode = imp_wb_attr(atts, "TargetMode");

	if (!imp_wb_is(name, NS_PKG, "Relationship") || !id || !type ||
	    !target || (mode && strcmp(mode, "External") == 0))
		return;
	if (r->ids->len >= WB_MAX_SHEETS * 4) {
		imp_wb_xml_fail(&r->x, "too many relationships");
		return;
	}
	g_ptr_array_add(r->ids, g_strdup(id));
	g_ptr_array_add(r->types, g_strdup(type));
	g_ptr_array_add(r->targets, resolve(r->dir, target));
}

static void rels_release(struct rels *r)
{
	g_free(r->dir);
	g_ptr_array_free(r->ids, TRUE);
	g_ptr_array_free(r->types, TRUE);
	g_ptr_array_free(r->targets, TRUE);
}

/* Reads the relationships of PART ("" for the package). */
static enum cbm_status read_rels(struct imp_workbook *wb, const char *part,
                                 struct imp_diags *diags, struct rels *r)
{
	char *dir = g_path_get_dirname(part);
	char *base = g_path_get_basename(part);
	char *entry;
	enum cbm_status rc;

	memset(r, 0, sizeof(*r));
	r->dir =
	    strcmp(dir, ".") == 0 ? g_strdup("") : g_strconcat(dir, "/", NULL);
	r->ids = g_ptr_array_new_with_free_func(g_free);
	r->types = g_ptr_array_new_with_free_func(g_free);
	r->targets = g_ptr_array_new_with_free_func(g_free);
	entry = part[0] ? g_strconcat(r->dir, "_rels/", base, ".rels", NULL)
	                : g_strdup("_rels/.rels");
	rc = imp_wb_parse_part(wb, entry, false, diags, &r->x, rels_start, NULL,
	                       NULL);
	g_free(entry);
	g_free(dir);
	g_free(base);
	return rc;
}

/* The target of the first relationship whose type ends in "/SUFFIX" (and
 * whose id is ID, when not NULL), or NULL; owned by R. */
static const char *rel_target(const struct rels *r, const char *suffix,
                              const char *id)
{
	for (guint i = 0; i < r->ids->len; i++) {
		const char *type = g_ptr_array_index(r->types, i);
		const char *slash = strrchr(type, '/');
		if (id && strcmp(g_ptr_array_index(r->ids, i), id) != 0)
			continue;
		if (!suffix || (slash && strcmp(slash + 1, suffix) == 0))
			return g_ptr_array_index(r->targets, i);
	}
	return NULL;
}

/* ---- the workbook part --------------------------------------------------- */

struct book {
	struct wb_xml x;
	GPtrArray *names; /* char * */
	GPtrArray *ids;   /* char *, relationship ids */
	bool date1904;
};

static void book_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct book *b = ud;
	const char *v;

	if (xl_is(name, "workbookPr")) {
		v = imp_wb_attr(atts, "date1904");
		b->date1904 =
		    v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
	} else if (xl_is(name, "sheet")) {
		const char *sheet = imp_wb_attr(atts, "name"),
		           *id = rel_id(atts);
		if (!sheet || !id)
			return;
		if (b->names->len >= WB_MAX_SHEETS) {
			imp_wb_xml_fail(&b->x, "too many sheets");
			return;
		}
		g_ptr_array_add(b->names, g_strdup(sheet));
		g_ptr_array_add(b->ids, g_strdup(id));
	}
}

/* Chooses the sheet: WANTED, or the first that is a worksheet (not a
 * chart). */
static enum cbm_status choose_sheet(struct imp_workbook *wb,
                                    struct imp_diags *diags,
                                    const struct book *b, const struct rels *r,
                                    const char *wanted)
{
	int i = wanted ? imp_wb_find_sheet(b->names, wanted) : -1;
	const char *part = NULL;

	if (wanted && i < 0)
		return imp_wb_sheet_missing(wb, diags, b->names, wanted);
	if (wanted) {
		part = rel_target(r, "worksheet", g_ptr_array_index(b->ids, i));
		if (!part)
			return imp_wb_error(
			    wb, diags,
			    "sheet '%s' is a chart or another kind "
			    "of sheet, not a worksheet of cells",
			    (char *)g_ptr_array_index(b->names, i));
	}
	for (guint k = 0; !wanted && k < b->names->len && !part; k++) {
		part = rel_target(r, "worksheet", g_ptr_array_index(b->ids, k));
		i = (int)k;
	}
	if (!part)
		return imp_wb_error(wb, diags,
		                    "a workbook without a worksheet");
	wb->sheet = g_strdup(g_ptr_array_index(b->names, i));
	wb->sheet_part = g_strdup(part);
	return CBM_OK;
}

enum cbm_status imp_wb_xlsx_open(struct imp_workbook *wb, const char *sheet,
                                 struct imp_diags *diags)
{
	struct rels pkg, rels = {0};
	struct book book = {0};
	const char *part;
	char *book_part;
	enum cbm_status rc = read_rels(wb, "", diags, &pkg);

	part = rc == CBM_OK ? rel_target(&pkg, "officeDocument", NULL) : NULL;
	book_part = g_strdup(part ? part : "xl/workbook.xml");
	rels_release(&pkg);
	book.names = g_ptr_array_new_with_free_func(g_free);
	book.ids = g_ptr_array_new_with_free_func(g_free);
	if (rc == CBM_OK)
		rc = imp_wb_parse_part(wb, book_part, true, diags, &book.x,
		                       book_start, NULL, NULL);
	if (rc == CBM_OK)
		rc = read_rels(wb, book_part, diags, &rels);
	if (rc == CBM_OK)
		rc = choose_sheet(wb, diags, &book, &rels, sheet);
	if (rc == CBM_OK) {
		wb->date1904 = book.date1904;
		part = rel_target(&rels, "sharedStrings", NULL);
		wb->shared_part = part ? g_strdup(part) : NULL;
		part = rel_target(&rels, "styles", NULL);
		wb->styles_part = part ? g_strdup(part) : NULL;
	}
	if (rels.ids)
		rels_release(&rels);
	g_ptr_array_free(book.names, TRUE);
	g_ptr_array_free(book.ids, TRUE);
	g_free(book_part);
	return rc;
}

/* ---- styles -------------------------------------------------------------- */

/* A custom number format is a date when it has d, m or y outside quoted
 * text and brackets ([Red], [$-419], [h]); \x, _x and *x are literal. */
static bool format_is_date(const char *code)
{
	for (const char *p = code; *p; p++) {
		if (*p == '"') {
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
		} else if (*p == '[') {
			while (p[1] && p[1] != ']')
				p++;
			if (p[1])
				p++;
		} else if ((*p == '\\' || *p == '_' || *p == '*') && p[1]) {
			p++;
		} else if (strchr("dDmMyY", *p)) {
			return true;
		}
	}
	return false;
}

static bool builtin_date(long id)
{
	return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

struct styles {
	struct wb_xml x;
	GHashTable *custom; /* numFmtId -> 1 (date) or 2 (not) */
	GArray *xf_date;    /* guint8 per cell format */
	bool in_xfs;
};

static void styles_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct styles *s = ud;
	const char *id = imp_wb_attr(atts, "numFmtId");
	long n = id ? strtol(id, NULL, 10) : 0;

	if (xl_is(name, "numFmt")) {
		const char *code = imp_wb_attr(atts, "formatCode");
		if (id && code)
			g_hash_table_insert(
			    s->custom, GINT_TO_POINTER((int)n),
			    GINT_TO_POINTER(format_is_date(code) ? 1 : 2));
	} else if (xl_is(name, "cellXfs")) {
		s->in_xfs = true;
	} else if (s->in_xfs && xl_is(name, "xf")) {
		int custom = GPOINTER_TO_INT(
		    g_hash_table_lookup(s->custom, GINT_TO_POINTER((int)n)));
		guint8 date = custom ? custom == 1 : builtin_date(n);
		if (s->xf_date->len >= WB_MAX_FORMATS) {
			imp_wb_xml_fail(&s->x, "too many cell formats");
			return;
		}
		g_array_append_val(s->xf_date, date);
	}
}

static void styles_end(void *ud, const XML_Char *name)
{
	struct styles *s = ud;

	if (xl_is(name, "cellXfs"))
		s->in_xfs = false;
}

/* ---- shared strings ------------------------------------------------------ */

struct strings {
	struct wb_xml x;
	GString *arena;  /* the strings, each NUL-terminated */
	GArray *offsets; /* guint32 per string */
	size_t start;    /* of the string being read */
	bool in_si, in_t;
	int phonetic; /* depth of <rPh> */
};

static void strings_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct strings *s = ud;

	if (xl_is(name, "si")) {
		s->in_si = true;
		s->start = s->arena->len;
	} else if (s->in_si && xl_is(name, "rPh")) {
		s->phonetic++;
	} else if (s->in_si && !s->phonetic && xl_is(name, "t")) {
		s->in_t = true;
	}
}

static void strings_end(void *ud, const XML_Char *name)
{
	struct strings *s = ud;
	guint32 off = (guint32)s->start;
	size_t len;

	if (xl_is(name, "t")) {
		s->in_t = false;
	} else if (xl_is(name, "rPh")) {
		s->phonetic--;
	} else if (s->in_si && xl_is(name, "si")) {
		len = unescape(s->arena->str + s->start,
		               s->arena->len - s->start);
		g_string_truncate(s->arena, s->start + len);
		g_string_append_c(s->arena, '\0');
		g_array_append_val(s->offsets, off);
		s->in_si = false;
		if (s->arena->len + 4 * s->offsets->len > WB_MAX_SHARED)
			imp_wb_xml_fail(
			    &s->x, "more than 32 MiB of shared strings; save "
			           "the sheet as CSV UTF-8 and import that");
	}
}

static void strings_text(void *ud, const XML_Char *text, int len)
{
	struct strings *s = ud;

	if (!s->in_t)
		return;
	if (s->arena->len + (size_t)len > WB_MAX_SHARED) {
		imp_wb_xml_fail(&s->x,
		                "more than 32 MiB of shared strings; save "
		                "the sheet as CSV UTF-8 and import that");
		return;
	}
	g_string_append_len(s->arena, text, len);
}

/* ---- the sheet ----------------------------------------------------------- */

struct sheet {
	struct wb_xml x;
	struct wb_rows *rows;
	const struct strings *strings;
	const struct styles *styles;
	bool date1904;

	bool in_data, in_row, in_cell, in_is;
	long row, last_row;
	int next_col;
	/* The cell being read. */
	int col;
	long style;
	char type[16];
	bool has_f, has_v, too_long;
	int phonetic;
	GString *v, *is;
	GString *collect; /* v or is, while inside <v> or <t> */
};

static void merges_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct sheet *s = ud;
	const char *ref = imp_wb_attr(atts, "ref");
	char **ends;
	int c1, c2;
	long r1, r2;

	if (!xl_is(name, "mergeCell") || !ref)
		return;
	ends = g_strsplit(ref, ":", 3);
	if (g_strv_length(ends) == 2 && imp_wb_cell_ref(ends[0], &c1, &r1) &&
	    imp_wb_cell_ref(ends[1], &c2, &r2)) {
		if (!imp_wb_merge_add(s->rows, r1, c1, r2, c2))
			imp_wb_xml_done(&s->x);
	}
	g_strfreev(ends);
}

static void cell_start(struct sheet *s, const XML_Char **atts)
{
	const char *ref = imp_wb_attr(atts, "r"), *t = imp_wb_attr(atts, "t");
	const char *style = imp_wb_attr(atts, "s");
	long row;

	s->col = s->next_col;
	if (ref && !imp_wb_cell_ref(ref, &s->col, &row)) {
		imp_wb_xml_fail(&s->x, "a cell at '%s', which is no cell", ref);
		return;
	}
	if (s->col >= WB_MAX_COLS) {
		imp_wb_xml_fail(&s->x, "a cell to the right of column XFD");
		return;
	}
	s->next_col = s->col + 1;
	s->style = style ? strtol(style, NULL, 10) : 0;
	g_strlcpy(s->type, t ? t : "n", sizeof(s->type));
	s->has_f = s->has_v = s->too_long = false;
	s->phonetic = 0;
	g_string_truncate(s->v, 0);
	g_string_truncate(s->is, 0);
	s->in_cell = true;
}

static void row_start(struct sheet *s, const XML_Char **atts)
{
	const char *r = imp_wb_attr(atts, "r");
	char *end = NULL;
	long row = r ? strtol(r, &end, 10) : s->last_row + 1;

	if ((r && (!*r || *end)) || row <= s->last_row || row > WB_MAX_ROWS) {
		imp_wb_xml_fail(&s->x, "a row numbered '%s' after row %ld",
		                r ? r : "?", s->last_row);
		return;
	}
	s->row = row;
	s->next_col = 0;
	s->in_row = true;
	imp_wb_row_begin(s->rows, row);
}

static void collect_value(struct sheet *s)
{
	s->collect = s->v;
	s->has_v = true;
}

static void sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct sheet *s = ud;

	if (xl_is(name, "sheetData"))
		s->in_data = true;
	else if (!s->in_data)
		return;
	else if (xl_is(name, "row"))
		row_start(s, atts);
	else if (s->in_row && xl_is(name, "c"))
		cell_start(s, atts);
	else if (!s->in_cell)
		return;
	else if (xl_is(name, "v"))
		collect_value(s);
	else if (xl_is(name, "f"))
		s->has_f = true;
	else if (xl_is(name, "is"))
		s->in_is = true;
	else if (s->in_is && xl_is(name, "rPh"))
		s->phonetic++;
	else if (s->in_is && !s->phonetic && xl_is(name, "t"))
		s->collect = s->is;
}

/* The value of a number cell: a date when its format is one. */
static void number_cell(struct sheet *s, const char *v)
{
	char *end = NULL;
	double value = g_ascii_strtod(v, &end);
	bool date = s->style >= 0 &&
	            (guint)s->style < s->styles->xf_date->len &&
	            g_array_index(s->styles->xf_date, guint8, s->style);
	int32_t days;

	while (end && g_ascii_isspace(*end))
		end++;
	if (!*v || !end || *end || !isfinite(value)) {
		imp_wb_cell_error(s->rows, s->col, v, "not a number");
		return;
	}
	if (!date) {
		imp_wb_cell_number(s->rows, s->col, 1, value);
	} else if (imp_wb_serial_days(value, s->date1904, &days)) {
		imp_wb_cell_date(s->rows, s->col, 1, days);
	} else {
		char shown[64];
		imp_wb_number_text(value, shown, sizeof(shown));
		imp_wb_cell_error(
		    s->rows, s->col, shown,
		    floor(value) == 60 && !s->date1904
		        ? "29 February 1900, a day that Excel counts "
		          "but that never was"
		        : "a date cell with no date in it");
	}
}

static void shared_cell(struct sheet *s, const char *v)
{
	char *end = NULL;
	unsigned long i = strtoul(v, &end, 10);
	const char *text;

	if (!g_ascii_isdigit(*v) || *end || i >= s->strings->offsets->len) {
		imp_wb_cell_error(
		    s->rows, s->col, v,
		    "refers to a shared string that is not there");
		return;
	}
	text = s->strings->arena->str +
	       g_array_index(s->strings->offsets, guint32, i);
	imp_wb_cell_text(s->rows, s->col, 1, text, strlen(text));
}

static void cell_end(struct sheet *s)
{
	const char *t = s->type, *v = s->v->str;
	int32_t days;

	s->in_cell = s->in_is = false;
	s->collect = NULL;
	if (s->too_long) {
		imp_wb_cell_error(s->rows, s->col, NULL,
		                  "a cell longer than 1 MiB");
	} else if (strcmp(t, "inlineStr") == 0) {
		imp_wb_cell_text(s->rows, s->col, 1, s->is->str,
		                 unescape(s->is->str, s->is->len));
	} else if (!s->has_v && s->has_f) {
		imp_wb_cell_error(s->rows, s->col, NULL,
		                  "a formula without a saved result; open the "
		                  "workbook in Excel or LibreOffice, let it "
		                  "calculate and save it");
	} else if (!s->has_v) {
		return; /* an empty cell, perhaps with a format */
	} else if (strcmp(t, "n") == 0) {
		number_cell(s, v);
	} else if (strcmp(t, "s") == 0) {
		shared_cell(s, v);
	} else if (strcmp(t, "str") == 0) {
		imp_wb_cell_text(s->rows, s->col, 1, v,
		                 unescape(s->v->str, s->v->len));
	} else if (strcmp(t, "b") == 0) {
		const char *b = strcmp(v, "1") == 0 ? "TRUE" : "FALSE";
		imp_wb_cell_text(s->rows, s->col, 1, b, strlen(b));
	} else if (strcmp(t, "e") == 0) {
		imp_wb_cell_error(s->rows, s->col, v,
		                  "an error value in the cell (a formula that "
		                  "failed)");
	} else if (strcmp(t, "d") == 0 && imp_wb_iso_days(v, &days)) {
		imp_wb_cell_date(s->rows, s->col, 1, days);
	} else {
		imp_wb_cell_error(s->rows, s->col, v,
		                  "a cell of unknown type '%s'", t);
	}
}

static void sheet_end(void *ud, const XML_Char *name)
{
	struct sheet *s = ud;

	if (!s->in_data)
		return;
	if (s->in_cell && (xl_is(name, "v") || xl_is(name, "t"))) {
		s->collect = NULL;
	} else if (s->in_is && xl_is(name, "rPh")) {
		s->phonetic--;
	} else if (s->in_cell && xl_is(name, "c")) {
		cell_end(s);
	} else if (s->in_row && xl_is(name, "row")) {
		s->in_row = false;
		s->last_row = s->row;
		imp_wb_row_end(s->rows, 1);
		if (s->rows->stop)
			imp_wb_xml_done(&s->x);
	} else if (xl_is(name, "sheetData")) {
		s->in_data = false;
		imp_wb_xml_done(&s->x); /* nothing after the cells is needed */
	}
}

static void sheet_text(void *ud, const XML_Char *text, int len)
{
	struct sheet *s = ud;

	if (!s->collect || s->too_long)
		return;
	if (s->collect->len + (size_t)len > IMP_MAX_FIELD_BYTES) {
		s->too_long = true;
		return;
	}
	g_string_append_len(s->collect, text, len);
}

enum cbm_status imp_wb_xlsx_read(struct imp_workbook *wb, struct wb_rows *rows)
{
	struct styles styles = {0};
	struct strings strings = {0};
	struct sheet sheet = {0};
	enum cbm_status rc = CBM_OK;

	styles.custom = g_hash_table_new(g_direct_hash, g_direct_equal);
	styles.xf_date = g_array_new(FALSE, FALSE, sizeof(guint8));
	strings.arena = g_string_new(NULL);
	strings.offsets = g_array_new(FALSE, FALSE, sizeof(guint32));
	sheet.rows = rows;
	sheet.strings = &strings;
	sheet.styles = &styles;
	sheet.date1904 = wb->date1904;
	sheet.v = g_string_new(NULL);
	sheet.is = g_string_new(NULL);
	if (wb->styles_part)
		rc = imp_wb_parse_part(wb, wb->styles_part, false, rows->diags,
		                       &styles.x, styles_start, styles_end,
		                       NULL);
	if (rc == CBM_OK && wb->shared_part)
		rc = imp_wb_parse_part(wb, wb->shared_part, false, rows->diags,
		                       &strings.x, strings_start, strings_end,
		                       strings_text);
	if (rc == CBM_OK)
		rc = imp_wb_parse_part(wb, wb->sheet_part, true, rows->diags,
		                       &sheet.x, merges_start, NULL, NULL);
	if (rc == CBM_OK && !rows->stop) {
		sheet.x.progress = true;
		rc = imp_wb_parse_part(wb, wb->sheet_part, true, rows->diags,
		                       &sheet.x, sheet_start, sheet_end,
		                       sheet_text);
		rows->stats->bytes = sheet.x.bytes;
	}
	g_hash_table_destroy(styles.custom);
	g_array_free(styles.xf_date, TRUE);
	g_string_free(strings.arena, TRUE);
	g_array_free(strings.offsets, TRUE);
	g_string_free(sheet.v, TRUE);
	g_string_free(sheet.is, TRUE);
	return rc;
}
