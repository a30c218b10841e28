/*
 * map.c - saved mappings (--map FILE): the names a secretariat's own
 * spreadsheet gives to columns and values.
 *
 *   # our export
 *   "Payer" = state
 *   "Date: received" = received_on      (quotes around '=' or ':')
 *   kind: "добровольно" = voluntary
 *
 * Every header and value of a map is compared by its key
 * (imp_header_key), as the built-in names are.  A map is checked whole
 * when it is read: a column the kind does not have, or a value its column
 * cannot take, names the line.
 */
#include <errno.h>
#include <string.h>

#include "import_internal.h"

struct map_value {
	int column;
	char *from, *to;
};

struct imp_map {
	enum imp_kind kind;
	GHashTable *headers; /* header key -> column + 1 */
	GPtrArray *values;   /* struct map_value, in the file's order */
};

static void free_value(gpointer p)
{
	struct map_value *v = p;

	g_free(v->from);
	g_free(v->to);
	g_free(v);
}

void imp_map_close(struct imp_map *map)
{
	if (!map)
		return;
	g_hash_table_destroy(map->headers);
	g_ptr_array_free(map->values, TRUE);
	g_free(map);
}

int imp_map_header(const struct imp_map *map, const char *key)
{
	return GPOINTER_TO_INT(g_hash_table_lookup(map->headers, key)) - 1;
}

void imp_map_each_value(const struct imp_map *map, int column,
                        void (*fn)(void *data, const char *from,
                                   const char *to),
                        void *data)
{
	for (guint i = 0; i < map->values->len; i++) {
		const struct map_value *v = g_ptr_array_index(map->values, i);
		if (v->column == column)
			fn(data, v->from, v->to);
	}
}

/* One line cut into its parts: text (quoted or bare, trimmed) separated
 * by ':' and '=' outside quotes. */
struct parts {
	char *text[3];
	char sep[2]; /* the separators between them */
	int n;
};

static void parts_free(struct parts *p)
{
	for (int i = 0; i < p->n; i++)
		g_free(p->text[i]);
}

/* Ends the part being read at C (a separator, '#' or the end). */
static bool end_part(struct parts *p, GString *cur, char c)
{
	if (p->n == 3)
		return false;
	p->text[p->n++] = g_strdup(g_strstrip(cur->str));
	g_string_truncate(cur, 0);
	if (!c || c == '#')
		return true;
	if (p->n > 2)
		return false; /* a third separator */
	p->sep[p->n - 1] = c;
	return true;
}

/* Cuts LINE into parts; a '#' outside quotes ends it.  False on an
 * unterminated quote or more than three parts. */
static bool cut_line(const char *line, struct parts *p)
{
	GString *cur = g_string_new(NULL);
	bool quoted = false, ok = true;

	memset(p, 0, sizeof(*p));
	for (const char *c = line; ok; c++) {
		if (quoted && !*c) {
			ok = false;
		} else if (quoted && c[0] == '"' && c[1] == '"') {
			g_string_append_c(cur, '"');
			c++;
		} else if (*c == '"') {
			quoted = !quoted;
		} else if (quoted ||
		           (*c && *c != '#' && *c != '=' && *c != ':')) {
			g_string_append_c(cur, *c);
		} else {
			ok = end_part(p, cur, *c);
			if (!*c || *c == '#')
				break;
		}
	}
	g_string_free(cur, TRUE);
	return ok;
}

/* The column of the kind that NAME (English) is, or -1. */
static int column_named(enum imp_kind kind, const char *name)
{
	const struct kind_def *def = imp_kind_defs[kind];
	char *key = imp_header_key(name, NULL);
	int found = -1;

	for (int c = 0; c < def->n_columns && found < 0; c++)
		if (strcmp(key, def->columns[c].name) == 0)
			found = c;
	g_free(key);
	return found;
}

static enum cbm_status line_error(struct cbm_error *err, const char *name,
                                  long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static enum cbm_status line_error(struct cbm_error *err, const char *name,
                                  long line, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	CBM_ERROR(err, CBM_EUSAGE, NULL, "%s:%ld: %s", name, line, msg);
	g_free(msg);
	return CBM_EUSAGE;
}

/* A "column: value in file = value" line.  An enumerated column takes
 * only its own values (in any of their languages: stored in English). */
static enum cbm_status add_value(struct imp_map *map, const struct parts *p,
                                 const char *name, long line,
                                 struct cbm_error *err)
{
	const struct kind_def *def = imp_kind_defs[map->kind];
	int c = column_named(map->kind, p->text[0]);
	struct map_value *v;
	const char *to = p->text[2];

	if (c < 0)
		return line_error(err, name, line,
		                  "'%s' is not a column of a %s file",
		                  p->text[0], def->name);
	if (def->columns[c].type == IMP_T_ENUM) {
		char *key = imp_header_key(to, NULL);
		int i = imp_enum_find(def->columns[c].values, key);
		g_free(key);
		if (i < 0)
			return line_error(err, name, line,
			                  "'%s' is not a value of %s", to,
			                  def->columns[c].name);
		to = def->columns[c].values[i].en;
	}
	v = g_new0(struct map_value, 1);
	v->column = c;
	v->from = g_strdup(p->text[1]);
	v->to = g_strdup(to);
	g_ptr_array_add(map->values, v);
	return CBM_OK;
}

static enum cbm_status parse_line(struct imp_map *map, const char *text,
                                  const char *name, long line,
                                  struct cbm_error *err)
{
	struct parts p;
	enum cbm_status rc = CBM_OK;
	int c;

	if (!cut_line(text, &p)) {
		rc = line_error(
		    err, name, line,
		    "a quote that does not end, or too many '=' "
		    "and ':' (put a name that holds them in quotes)");
	} else if (p.n == 1 && !*p.text[0]) {
		rc = CBM_OK; /* blank or a comment */
	} else if (p.n == 2 && p.sep[0] == '=' && *p.text[0]) {
		c = column_named(map->kind, p.text[1]);
		if (c < 0)
			rc = line_error(err, name, line,
			                "'%s' is not a column of a %s file",
			                p.text[1],
			                imp_kind_defs[map->kind]->name);
		else
			g_hash_table_insert(map->headers,
			                    imp_header_key(p.text[0], NULL),
			                    GINT_TO_POINTER(c + 1));
	} else if (p.n == 3 && p.sep[0] == ':' && p.sep[1] == '=' &&
	           *p.text[1]) {
		rc = add_value(map, &p, name, line, err);
	} else {
		rc = line_error(err, name, line,
		                "not a mapping line; write \"header\" = column "
		                "or column: \"value in file\" = value");
	}
	parts_free(&p);
	return rc;
}

enum cbm_status imp_map_parse(struct imp_map **out, enum imp_kind kind,
                              const char *name, const char *text,
                              struct cbm_error *err)
{
	struct imp_map *map = g_new0(struct imp_map, 1);
	char **lines;
	enum cbm_status rc = CBM_OK;

	map->kind = kind;
	map->headers =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	map->values = g_ptr_array_new_with_free_func(free_value);
	*out = NULL;
	if (!g_utf8_validate(text, -1, NULL)) {
		imp_map_close(map);
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "%s: not UTF-8 text; save the map as UTF-8",
		                 name);
	}
	lines = g_strsplit(text, "\n", -1);
	for (int i = 0; lines[i] && rc == CBM_OK; i++)
		rc = parse_line(map, g_strchomp(lines[i]), name, i + 1L, err);
	g_strfreev(lines);
	if (rc != CBM_OK)
		imp_map_close(map);
	else
		*out = map;
	return rc;
}

enum cbm_status imp_map_load(struct imp_map **out, enum imp_kind kind,
                             const char *path, struct cbm_error *err)
{
	char *text = NULL;
	GError *gerr = NULL;
	enum cbm_status rc;

	*out = NULL;
	if (!g_file_get_contents(path, &text, NULL, &gerr)) {
		rc = CBM_ERROR(err, CBM_EUSAGE, NULL, "cannot read the map: %s",
		               gerr->message);
		g_error_free(gerr);
		return rc;
	}
	/* A map saved by Excel or Notepad may start with a BOM. */
	rc = imp_map_parse(
	    out, kind, path,
	    g_str_has_prefix(text, "\xEF\xBB\xBF") ? text + 3 : text, err);
	g_free(text);
	return rc;
}
