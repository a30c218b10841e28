/*
 * header.c - which field of a file holds which column of its kind.
 *
 * DESIGN "Headers": names are compared by a key (imp_header_key: NFKC,
 * case folding, spaces = hyphens = underscores, a trailing colon and a
 * bracketed currency code dropped).  Exact names match first: English,
 * the built-in Russian and Kazakh names of the kind's column table, then
 * the names --map gives.  A header left over that is close to a column
 * still unmatched (Damerau-Levenshtein distance 1 for names of up to 5
 * characters, 2 for longer ones, or the column's name as a whole word
 * inside it) is an error that suggests it: a column is never silently
 * dropped.  Anything else is a warning naming the kind's columns.
 */
#include <string.h>

#include "import_internal.h"

/* ---- keys ---------------------------------------------------------------- */

/* Removes from TEXT a bracket holding a currency code in capitals,
 * "(USD)" or "[USD]", and writes the code into CUR. */
static void drop_currency(char *text, char cur[4])
{
	for (char *p = text; *p; p++) {
		char close = *p == '(' ? ')' : *p == '[' ? ']' : 0;
		char code[4];
		/* (no reading past the end: "(US" ends the text) */
		if (!close || strnlen(p, 5) < 5 || p[4] != close)
			continue;
		memcpy(code, p + 1, 3);
		code[3] = '\0';
		if (!cbm_currency_valid(code))
			continue;
		if (cur)
			memcpy(cur, code, 4);
		memmove(p, p + 5, strlen(p + 5) + 1);
		return;
	}
}

/* Spaces, hyphens, dashes and underscores all separate words alike. */
static bool is_separator(gunichar c)
{
	return g_unichar_isspace(c) || c == '-' || c == '_' ||
	       (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

char *imp_header_key(const char *name, char cur[4])
{
	char *folded, *norm = g_strdup(name);
	GString *s;
	bool gap = false;

	if (cur)
		cur[0] = '\0';
	/* The code in capitals, before folding ("(usd)" is no code). */
	drop_currency(norm, cur);
	s = g_string_sized_new(strlen(norm));
	folded = imp_fold(norm);
	g_free(norm);
	norm = folded;
	for (const char *p = norm; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (is_separator(c)) {
			gap = s->len > 0;
			continue;
		}
		if (gap)
			g_string_append_c(s, '_');
		gap = false;
		g_string_append_unichar(s, c == 0x0451 ? 0x0435 : c); /* ё */
	}
	g_free(norm);
	/* "Amount:" and "Amount :" are "amount". */
	while (s->len && s->str[s->len - 1] == ':') {
		g_string_truncate(s, s->len - 1);
		while (s->len && s->str[s->len - 1] == '_')
			g_string_truncate(s, s->len - 1);
	}
	return g_string_free(s, FALSE);
}

/* ---- closeness ----------------------------------------------------------- */

/* Damerau-Levenshtein distance (optimal string alignment: an adjacent
 * transposition costs one) between two keys, in characters. */
static size_t distance(const char *a, const char *b)
{
	glong na, nb;
	gunichar *x = g_utf8_to_ucs4_fast(a, -1, &na);
	gunichar *y = g_utf8_to_ucs4_fast(b, -1, &nb);
	size_t w = (size_t)nb + 1, result;
	size_t *d = g_new(size_t, ((size_t)na + 1) * w);

	for (glong i = 0; i <= na; i++)
		d[i * w] = (size_t)i;
	for (glong j = 0; j <= nb; j++)
		d[j] = (size_t)j;
	for (glong i = 1; i <= na; i++) {
		for (glong j = 1; j <= nb; j++) {
			size_t cost = x[i - 1] != y[j - 1];
			size_t best = d[(i - 1) * w + j - 1] + cost;
			best = MIN(best, d[(i - 1) * w + j] + 1);
			best = MIN(best, d[i * w + j - 1] + 1);
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] &&
			    x[i - 2] == y[j - 1])
				best = MIN(best, d[(i - 2) * w + j - 2] + 1);
			d[i * w + j] = best;
		}
	}
	result = d[na * w + nb];
	g_free(d);
	g_free(x);
	g_free(y);
	return result;
}

/* True when the words of NAME (a key) stand together in KEY: "kind" in
 * "kind_of_contribution". */
static bool whole_words(const char *key, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = strstr(key, name); p; p = strstr(p + 1, name)) {
		bool starts =
		    p == key ||
		    !g_unichar_isalnum(g_utf8_get_char(g_utf8_prev_char(p)));
		bool ends = !p[n] || !g_unichar_isalnum(g_utf8_get_char(p + n));
		if (starts && ends)
			return true;
	}
	return false;
}

/* The names column C is known by (NULL-terminated, static). */
static int names_of(const struct imp_column *c, const char *out[10])
{
	int n = 0;

	out[n++] = c->name;
	for (int i = 0; i < 4 && c->ru[i]; i++)
		out[n++] = c->ru[i];
	for (int i = 0; i < 4 && c->kk[i]; i++)
		out[n++] = c->kk[i];
	out[n] = NULL;
	return n;
}

/* A column of the kind not yet matched that KEY is close to: by edit
 * distance first, then as a whole word; -1 when none. */
static int close_column(const struct imp_ctx *ctx, const char *key)
{
	const struct kind_def *def = ctx->def;
	const char *names[10];
	int best = -1;
	size_t best_d = (size_t)-1;

	for (int pass = 0; pass < 2 && best < 0; pass++) {
		for (int c = 0; c < def->n_columns; c++) {
			if (ctx->h.col[c] >= 0)
				continue;
			names_of(&def->columns[c], names);
			for (int i = 0; names[i]; i++) {
				char *k = imp_header_key(names[i], NULL);
				size_t len = (size_t)g_utf8_strlen(k, -1);
				size_t d = pass == 0 ? distance(key, k)
				                     : !whole_words(key, k);
				size_t limit =
				    pass == 0 ? (len <= 5 ? 1 : 2) : 0;
				if (*k && d <= limit && d < best_d) {
					best = c;
					best_d = d;
				}
				g_free(k);
			}
		}
	}
	return best;
}

/* ---- matching ------------------------------------------------------------ */

void imp_header_diag(struct imp_ctx *ctx, const struct imp_record *rec, int i,
                     enum imp_severity sev, const char *column, const char *fmt,
                     ...)
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

/* The column whose exact name (English, Russian, Kazakh, --map) KEY is;
 * -1 when none.  The map is asked first: it may rename a built-in. */
static int exact_column(const struct imp_ctx *ctx, const char *key)
{
	const char *names[10];
	int found = ctx->opt->map ? imp_map_header(ctx->opt->map, key) : -1;

	for (int c = 0; found < 0 && c < ctx->def->n_columns; c++) {
		names_of(&ctx->def->columns[c], names);
		for (int i = 0; found < 0 && names[i]; i++) {
			char *k = imp_header_key(names[i], NULL);
			if (strcmp(k, key) == 0)
				found = c;
			g_free(k);
		}
	}
	return found;
}

static char *column_list(const struct kind_def *def)
{
	GString *s = g_string_new(NULL);

	for (int c = 0; c < def->n_columns; c++)
		g_string_append_printf(s, "%s%s", c ? ", " : "",
		                       def->columns[c].name);
	return g_string_free(s, FALSE);
}

/* A currency in brackets (CUR, of field I) must be the one currency the
 * header names. */
static void note_currency(struct imp_ctx *ctx, const struct imp_record *rec,
                          int i, int c, const char *cur)
{
	char *file_cur = ctx->h.currency_of_file;

	memcpy(ctx->h.currency[c], cur, 4);
	if (!file_cur[0])
		memcpy(file_cur, cur, 4);
	else if (strcmp(file_cur, cur) != 0)
		imp_header_diag(ctx, rec, i, IMP_ERROR, rec->fields[i],
		                "the headers name two currencies, %s and %s; a "
		                "file holds one currency column",
		                file_cur, cur);
}

/* Matches the fields of REC by their exact names. */
static void match_exact(struct imp_ctx *ctx, const struct imp_record *rec,
                        char **keys, char (*curs)[4])
{
	for (size_t i = 0; i < rec->n_fields; i++) {
		int c = *keys[i] ? exact_column(ctx, keys[i]) : -1;
		if (c < 0)
			continue;
		if (ctx->h.col[c] >= 0) {
			imp_header_diag(
			    ctx, rec, (int)i, IMP_ERROR, rec->fields[i],
			    "column appears twice (as '%s' and '%s')",
			    ctx->h.name[c], rec->fields[i]);
			continue;
		}
		ctx->h.col[c] = (int)i;
		ctx->h.name[c] = g_strdup(rec->fields[i]);
		ctx->h.cell[c] = rec->cells ? rec->cells[i].column : -1;
		if (curs[i][0])
			note_currency(ctx, rec, (int)i, c, curs[i]);
	}
}

/* Reports the fields of REC that no column took: close to a column (an
 * error, SUGGESTED[c] set) or unrelated (a warning). */
static void report_unknown(struct imp_ctx *ctx, const struct imp_record *rec,
                           char **keys, bool *suggested)
{
	char *list = column_list(ctx->def);

	for (size_t i = 0; i < rec->n_fields; i++) {
		bool taken = false;
		for (int c = 0; c < ctx->def->n_columns; c++)
			taken = taken || ctx->h.col[c] == (int)i;
		if (taken)
			continue;
		int c = *keys[i] ? close_column(ctx, keys[i]) : -1;
		if (c >= 0 && suggested[c]) {
			c = -1; /* one suggestion per column is enough */
		} else if (c >= 0) {
			suggested[c] = true;
			imp_header_diag(
			    ctx, rec, (int)i, IMP_ERROR, rec->fields[i],
			    "not a column of a %s file; did you mean "
			    "'%s'? (rename the header, or map it with "
			    "--map)",
			    ctx->def->name, ctx->def->columns[c].name);
			continue;
		}
		imp_header_diag(ctx, rec, (int)i, IMP_WARNING, rec->fields[i],
		                "unknown column, ignored (a %s file has the "
		                "columns %s; see 'cbm help import %s')",
		                ctx->def->name, list, ctx->def->name);
	}
	g_free(list);
}

static void report_missing(struct imp_ctx *ctx, const struct imp_record *rec,
                           const bool *suggested)
{
	for (int c = 0; c < ctx->def->n_columns; c++) {
		const struct imp_column *col = &ctx->def->columns[c];
		bool filled =
		    col->type == IMP_T_CURRENCY && ctx->h.currency_of_file[0];
		if (ctx->h.col[c] < 0 && col->required && !suggested[c] &&
		    !filled)
			imp_header_diag(ctx, rec, -1, IMP_ERROR, col->name,
			                "missing required column");
		if (!ctx->h.name[c])
			ctx->h.name[c] = g_strdup(col->name);
	}
}

static void add_word(GHashTable *words, const char *from, const char *to)
{
	g_hash_table_insert(words, imp_header_key(from, NULL), g_strdup(to));
}

static void add_map_word(void *data, const char *from, const char *to)
{
	add_word(data, from, to);
}

/* The words of each present column that read as another: an enum's
 * Russian and Kazakh words, then the value lines of --map. */
static void collect_words(struct imp_ctx *ctx)
{
	for (int c = 0; c < ctx->def->n_columns; c++) {
		const struct imp_column *col = &ctx->def->columns[c];
		GHashTable *words = g_hash_table_new_full(
		    g_str_hash, g_str_equal, g_free, g_free);
		for (int v = 0; col->type == IMP_T_ENUM && col->values[v].en;
		     v++) {
			add_word(words, col->values[v].en, col->values[v].en);
			for (int w = 0; col->values[v].ru[w]; w++)
				add_word(words, col->values[v].ru[w],
				         col->values[v].en);
			for (int w = 0; col->values[v].kk[w]; w++)
				add_word(words, col->values[v].kk[w],
				         col->values[v].en);
		}
		if (ctx->opt->map)
			imp_map_each_value(ctx->opt->map, c, add_map_word,
			                   words);
		if (g_hash_table_size(words) == 0)
			g_hash_table_destroy(words);
		else
			ctx->h.words[c] = words;
	}
}

/* Quotes NAME for a --map line: in double quotes, a quote doubled. */
static void append_quoted(GString *s, const char *name)
{
	g_string_append_c(s, '"');
	for (const char *p = name; *p; p++) {
		if (*p == '"')
			g_string_append_c(s, '"');
		g_string_append_c(s, *p);
	}
	g_string_append_c(s, '"');
}

struct value_lines {
	GString *s;
	const char *column;
};

static void append_value_line(void *data, const char *from, const char *to)
{
	struct value_lines *v = data;

	g_string_append_printf(v->s, "%s: ", v->column);
	append_quoted(v->s, from);
	g_string_append_printf(v->s, " = %s\n", to);
}

/* The lines of the mapping: a header that is not its column's English
 * name, and the value lines --map gave for the columns present. */
static void build_mapping(struct imp_ctx *ctx, const struct imp_record *rec)
{
	GString *s = g_string_new(NULL);

	for (int c = 0; c < ctx->def->n_columns; c++) {
		const char *name = ctx->def->columns[c].name;
		int i = ctx->h.col[c];
		char *key;
		if (i < 0)
			continue;
		key = imp_header_key(rec->fields[i], NULL);
		if (strcmp(key, name) != 0 || ctx->h.currency[c][0]) {
			append_quoted(s, rec->fields[i]);
			g_string_append_printf(s, " = %s\n", name);
		}
		g_free(key);
	}
	for (int c = 0; ctx->opt->map && c < ctx->def->n_columns; c++) {
		struct value_lines v = {s, ctx->def->columns[c].name};
		imp_map_each_value(ctx->opt->map, c, append_value_line, &v);
	}
	ctx->h.mapping = s;
}

void imp_header_match(struct imp_ctx *ctx, const struct imp_record *rec)
{
	size_t n = rec->n_fields;
	char **keys = g_new0(char *, n + 1);
	char(*curs)[4] = g_malloc0((n + 1) * sizeof(*curs));
	bool suggested[MAX_COLUMNS] = {false};
	size_t errors = ctx->res->diags.errors;

	for (int c = 0; c < MAX_COLUMNS; c++) {
		ctx->h.col[c] = -1;
		ctx->h.cell[c] = -1;
	}
	for (size_t i = 0; i < n; i++) {
		imp_trim(rec->fields[i]);
		keys[i] = imp_header_key(rec->fields[i], curs[i]);
	}
	match_exact(ctx, rec, keys, curs);
	report_unknown(ctx, rec, keys, suggested);
	report_missing(ctx, rec, suggested);
	collect_words(ctx);
	build_mapping(ctx, rec);
	ctx->header_ok = ctx->res->diags.errors == errors;
	g_strfreev(keys);
	g_free(curs);
}

char *imp_header_print_map(struct imp_ctx *ctx, const struct imp_record *rec)
{
	GString *s = g_string_new(NULL);
	char *where = imp_where(ctx->file, rec->sheet);
	GString *absent = g_string_new(NULL);

	g_string_append_printf(s,
	                       "# How cbm reads the header of %s as a %s "
	                       "file.\n# Edit it and load with: cbm import "
	                       "%s --map FILE ...\n",
	                       where, ctx->def->name, ctx->def->name);
	g_string_append(s, ctx->h.mapping->str);
	for (size_t i = 0; i < rec->n_fields; i++) {
		bool taken = false;
		for (int c = 0; c < ctx->def->n_columns; c++)
			taken = taken || ctx->h.col[c] == (int)i;
		if (taken || !*rec->fields[i])
			continue;
		g_string_append(s, "# ");
		append_quoted(s, rec->fields[i]);
		g_string_append(s,
		                " = ?    (not read: no column of its name)\n");
	}
	for (int c = 0; c < ctx->def->n_columns; c++)
		if (ctx->h.col[c] < 0)
			g_string_append_printf(
			    absent, "%s%s%s", absent->len ? ", " : "",
			    ctx->def->columns[c].name,
			    ctx->def->columns[c].required ? " (required)" : "");
	if (absent->len)
		g_string_append_printf(s, "# not in the file: %s\n",
		                       absent->str);
	g_string_free(absent, TRUE);
	g_free(where);
	return g_string_free(s, FALSE);
}

void imp_header_release(struct imp_header *h)
{
	for (int c = 0; c < MAX_COLUMNS; c++) {
		g_free(h->name[c]);
		if (h->words[c])
			g_hash_table_destroy(h->words[c]);
		if (h->seen[c])
			g_hash_table_destroy(h->seen[c]);
	}
	if (h->mapping)
		g_string_free(h->mapping, TRUE);
	memset(h, 0, sizeof(*h));
}
