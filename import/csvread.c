/*
 * csvread.c - CSV records with the physical line each starts on.
 *
 * libcsv does the CSV grammar (quotes, doubled quotes, quoted delimiters
 * and newlines) but neither detects the delimiter nor counts lines, and
 * the error contract needs both.  So this layer splits the input into
 * physical lines itself and feeds libcsv one line at a time: every record
 * libcsv completes during the feeding of line L ends on L, and a record
 * starts on the first non-blank line fed after the previous one ended.
 * libcsv also ends a record at a lone CR, so a line is fed in pieces that
 * end there, and a record may start in the piece after one.  Each line is
 * checked for UTF-8 before libcsv sees it (a character never spans a
 * newline), which gives the line of a bad byte for free; a record that
 * starts in a bad line, or continues into one, is not delivered.
 *
 * Memory stays constant whatever the file size: one read buffer, one line
 * (at most IMP_MAX_RECORD_BYTES) and one record's fields.
 *
 * Text in another encoding (UTF-16, Windows-1251, whatever iconv knows)
 * is converted to UTF-8 buffer by buffer before the lines are split, so
 * the lines are the file's own.  A byte that does not convert is reported
 * at the line it is on (the newlines converted before it say which) and
 * replaced by 0xFF, which no UTF-8 holds: the line check then keeps its
 * record from being delivered, without a second message.
 */
#include <csv.h>
#include <errno.h>
#include <glib.h>
#include <string.h>

#include "import.h"

#define READ_CHUNK     (64 * 1024)
#define PROGRESS_EVERY (1u << 20)

struct reader {
	struct csv_parser parser;
	const char *name;
	struct imp_diags *diags;
	imp_record_fn fn;
	void *data;

	long line;        /* current physical line, 1-based */
	long rec_start;   /* line where the open record started */
	bool rec_open;    /* a record has started and not ended */
	bool rec_bad;     /* the open record is not to be delivered */
	bool line_bad;    /* the line being fed is not UTF-8 */
	size_t rec_bytes; /* bytes of the open record so far */
	bool stop;        /* fatal problem or the callback asked to stop */

	GString *arena;    /* the open record's fields, NUL-separated */
	GArray *offsets;   /* start of each field in arena */
	GPtrArray *fields; /* the record handed over: its fields in arena */
	GArray *lengths;   /* and their lengths (size_t), both reused */
	GPtrArray *header; /* header names, for column names in messages */
	size_t index;      /* records delivered so far */
	char delimiter;
	struct imp_csv_stats *stats;
	const char *encoding; /* of the file when not UTF-8, else NULL */
};

/* The conversion of a file in another encoding to UTF-8. */
struct decoder {
	GIConv cd;
	size_t unit;            /* bytes per code unit: 1, 2 (UTF-16), 4 */
	unsigned char carry[8]; /* an unfinished character of the input */
	size_t carry_n;
	long lines; /* newlines written so far */
	long chars; /* characters written since the last newline */
	GString *out;
};

static bool is_trimmed_space(unsigned char c)
{
	return c == ' ';
}

static int space_func(unsigned char c)
{
	return is_trimmed_space(c);
}

static const char *column_name(struct reader *r, size_t i)
{
	if (r->header && i < r->header->len)
		return g_ptr_array_index(r->header, i);
	return "";
}

static void record_error(struct reader *r, const char *column,
                         const char *value, const char *msg)
{
	imp_diags_add(r->diags, IMP_ERROR, r->name, r->rec_start, column, value,
	              "%s", msg);
	r->rec_bad = true;
}

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;
	size_t n = r->offsets->len, off;

	if (r->rec_bad || r->stop)
		return;
	if (n >= IMP_MAX_FIELDS) {
		char msg[96];
		snprintf(msg, sizeof(msg), "a record has more than %d fields",
		         IMP_MAX_FIELDS);
		record_error(r, "", NULL, msg);
		return;
	}
	if (len > IMP_MAX_FIELD_BYTES) {
		record_error(r, column_name(r, n), NULL,
		             "field longer than 1 MiB");
		return;
	}
	off = r->arena->len;
	g_array_append_val(r->offsets, off);
	g_string_append_len(r->arena, s ? (const char *)s : "", (gssize)len);
	g_string_append_c(r->arena, '\0');
}

static bool all_empty(const struct imp_record *rec)
{
	for (size_t i = 0; i < rec->n_fields; i++)
		if (rec->lengths[i] > 0)
			return false;
	return true;
}

static void keep_header(struct reader *r, const struct imp_record *rec)
{
	r->header = g_ptr_array_new_with_free_func(g_free);
	for (size_t i = 0; i < rec->n_fields; i++)
		g_ptr_array_add(r->header, g_strdup(rec->fields[i]));
}

/* Checks the field count against the header and hands the record over. */
static void deliver(struct reader *r, const struct imp_record *rec)
{
	if (all_empty(rec)) {
		return; /* ";;;": cleared cells, as spreadsheets leave them;
		         * the header is the first record with a value */
	} else if (r->index == 0) {
		keep_header(r, rec);
	} else if (rec->n_fields != r->header->len) {
		char msg[128];
		snprintf(msg, sizeof(msg),
		         "the record has %zu fields, the header has %u",
		         rec->n_fields, r->header->len);
		imp_diags_add(r->diags, IMP_ERROR, r->name, rec->line, "", NULL,
		              "%s", msg);
		return;
	}
	r->stats->records++;
	if (r->fn(r->data, r->index++, rec) != 0)
		r->stop = true;
}

static void on_record(int c, void *data)
{
	struct reader *r = data;
	size_t n = r->offsets->len;
	struct imp_record rec;

	(void)c;
	if (r->rec_bad && r->index == 0)
		r->stop = true; /* without a header nothing can be read */
	if (!r->rec_bad && !r->stop) {
		g_ptr_array_set_size(r->fields, (guint)n);
		g_array_set_size(r->lengths, (guint)n);
		for (size_t i = 0; i < n; i++) {
			size_t off = g_array_index(r->offsets, size_t, i);
			size_t end =
			    i + 1 < n ? g_array_index(r->offsets, size_t, i + 1)
			              : r->arena->len;
			r->fields->pdata[i] = r->arena->str + off;
			g_array_index(r->lengths, size_t, i) = end - off - 1;
		}
		rec.line = r->rec_open ? r->rec_start : r->line;
		rec.n_fields = n;
		rec.fields = (char **)r->fields->pdata;
		rec.lengths = (size_t *)(void *)r->lengths->data;
		rec.sheet = NULL;
		rec.cells = NULL;
		deliver(r, &rec);
	}
	g_string_truncate(r->arena, 0);
	g_array_set_size(r->offsets, 0);
	r->rec_open = false;
	r->rec_bad = false;
	r->rec_bytes = 0;
	if (r->diags->truncated)
		r->stop = true;
}

/* The delimiter of the header line: the most frequent of ',', ';' and tab
 * outside quotes; ',' when there is none (a one-column file). */
static char detect_delimiter(const char *line, size_t len)
{
	size_t comma = 0, semi = 0, tab = 0;
	bool quoted = false;

	for (size_t i = 0; i < len; i++) {
		char c = line[i];
		if (c == '"')
			quoted = !quoted;
		else if (!quoted && c == ',')
			comma++;
		else if (!quoted && c == ';')
			semi++;
		else if (!quoted && c == '\t')
			tab++;
	}
	if (semi > comma && semi >= tab)
		return ';';
	if (tab > comma && tab > semi)
		return '\t';
	return ',';
}

/* True when the line holds more than delimiters, quotes and spaces. */
static bool has_name(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!strchr(",;\t \"\r\n", s[i]))
			return true;
	return false;
}

static bool is_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

static void check_encoding(struct reader *r, const char *s, size_t len)
{
	const gchar *end = NULL;
	char msg[256];

	if (g_utf8_validate_len(s, len, &end))
		return;
	r->rec_bad = true;
	r->line_bad = true;
	if (r->encoding && (unsigned char)*end == 0xFF)
		return; /* the decoder's mark: reported already */
	if (r->encoding)
		snprintf(msg, sizeof(msg),
		         "not %s text (character U+%04X after %ld "
		         "characters); name the file's encoding with "
		         "--encoding",
		         r->encoding, (unsigned)(unsigned char)*end,
		         (long)g_utf8_strlen(s, end - s));
	else
		snprintf(msg, sizeof(msg),
		         "not UTF-8 text (byte 0x%02X after %ld characters); "
		         "save the file as UTF-8 (\"CSV UTF-8\" in Excel) or "
		         "name its encoding with --encoding (e.g. --encoding "
		         "cp1251)",
		         (unsigned char)*end, (long)g_utf8_strlen(s, end - s));
	imp_diags_add(r->diags, IMP_ERROR, r->name, r->line, "", NULL, "%s",
	              msg);
}

/* The length of the first piece of a line: up to and including a CR that
 * no LF follows, or the whole line. */
static size_t piece_length(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] == '\r' && (i + 1 == len || s[i + 1] != '\n'))
			return i + 1;
	return len;
}

/* Feeds one piece of the current line; it holds at most one record end,
 * at its end. */
static void feed_piece(struct reader *r, const char *s, size_t len)
{
	if (!r->rec_open && !is_blank(s, len)) {
		r->rec_open = true;
		r->rec_start = r->line;
		r->rec_bad = r->line_bad;
		r->rec_bytes = 0;
	}
	r->rec_bytes += len;
	if (r->rec_bytes > IMP_MAX_RECORD_BYTES) {
		record_error(r, "", NULL,
		             "a record longer than 4 MiB (an unterminated "
		             "quote?); reading stopped here");
		r->stop = true;
		return;
	}
	if (csv_parse(&r->parser, s, len, on_field, on_record, r) != len) {
		record_error(r, "", NULL,
		             csv_error(&r->parser) == CSV_EPARSE
		                 ? "badly quoted field: a quote inside an "
		                   "unquoted field or text after a closing "
		                   "quote; reading stopped here"
		                 : "cannot parse the record");
		r->stop = true;
	}
}

static void feed_line(struct reader *r, const char *s, size_t len)
{
	size_t n;

	r->line++;
	r->stats->lines = r->line;
	r->line_bad = false;
	if (r->line == 1 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		len -= 3;
	}
	/* The header is the first line with a name on it: blank lines and
	 * cleared cells (";;;") before it are skipped whole, and the
	 * delimiter is the header's. */
	if (r->index == 0 && !r->rec_open) {
		if (!has_name(s, len))
			return;
		r->delimiter = detect_delimiter(s, len);
		r->stats->delimiter = r->delimiter;
		csv_set_delim(&r->parser, (unsigned char)r->delimiter);
	}
	check_encoding(r, s, len);
	for (; len > 0 && !r->stop; s += n, len -= n) {
		n = piece_length(s, len);
		feed_piece(r, s, n);
	}
}

static void finish(struct reader *r)
{
	if (r->stop)
		return;
	if (csv_fini(&r->parser, on_field, on_record, r) != 0) {
		record_error(r, "", NULL,
		             "unterminated quote: the quoted field never "
		             "ends");
	}
}

/* Splits BUF into physical lines (each with its '\n') and feeds them; the
 * unfinished last line waits in LINE for the next buffer.  A line longer
 * than a record may be is cut and reported. */
static void split_lines(struct reader *r, GString *line, const char *buf,
                        size_t n)
{
	const char *p = buf, *end = buf + n, *nl;

	while (!r->stop && p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl) {
			g_string_append_len(line, p, end - p);
			break;
		}
		if (line->len == 0) {
			feed_line(r, p, (size_t)(nl - p + 1));
		} else {
			g_string_append_len(line, p, nl - p + 1);
			feed_line(r, line->str, line->len);
			g_string_truncate(line, 0);
		}
		p = nl + 1;
	}
	if (line->len > IMP_MAX_RECORD_BYTES) {
		r->line++;
		r->rec_start = r->line;
		record_error(r, "", NULL,
		             "a line longer than 4 MiB; reading stopped here");
		r->stop = true;
	}
}

/* Counts the newlines and characters of UTF-8 the decoder wrote. */
static void count_output(struct decoder *dec, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\n') {
			dec->lines++;
			dec->chars = 0;
		} else if (((unsigned char)p[i] & 0xC0) != 0x80) {
			dec->chars++;
		}
	}
}

/* Reports the byte at IN that does not convert, at its line. */
static void bad_input(struct reader *r, struct decoder *dec,
                      const unsigned char *in, size_t left)
{
	char msg[256];

	snprintf(msg, sizeof(msg),
	         "not %s text (byte 0x%02X after %ld characters); name the "
	         "file's encoding with --encoding",
	         r->encoding, *in, dec->chars);
	if (left == 0)
		snprintf(msg, sizeof(msg),
		         "not %s text: the file ends inside a character; name "
		         "the file's encoding with --encoding",
		         r->encoding);
	imp_diags_add(r->diags, IMP_ERROR, r->name, dec->lines + 1, "", NULL,
	              "%s", msg);
	g_string_append_c(dec->out, '\xFF');
	dec->chars++;
}

/* Converts IN (N bytes, after what the last call left unfinished) to
 * UTF-8 in dec->out; LAST says there is no more input. */
static void decode(struct reader *r, struct decoder *dec, const char *in,
                   size_t n, bool last)
{
	GString *src =
	    g_string_new_len((const char *)dec->carry, (gssize)dec->carry_n);
	gchar *ip, *op;
	gsize il, ol;
	char out[16 * 1024];

	g_string_append_len(src, in, (gssize)n);
	ip = src->str;
	il = src->len;
	dec->carry_n = 0;
	g_string_truncate(dec->out, 0);
	while (il > 0) {
		op = out;
		ol = sizeof(out);
		gsize rc = g_iconv(dec->cd, &ip, &il, &op, &ol);
		g_string_append_len(dec->out, out, op - out);
		count_output(dec, out, (size_t)(op - out));
		if (rc != (gsize)-1 || errno == E2BIG)
			continue;
		if (errno == EINVAL && !last && il < sizeof(dec->carry)) {
			memcpy(dec->carry, ip, il);
			dec->carry_n = il;
			break;
		}
		/* EILSEQ, or a character cut by the end of the file. */
		bad_input(r, dec, (const unsigned char *)ip,
		          errno == EINVAL ? 0 : il);
		size_t skip = MIN(il, dec->unit);
		ip += skip;
		il -= skip;
	}
	g_string_free(src, TRUE);
}

/* Reads the input buffer by buffer, converting it when it is not UTF-8,
 * and splits it into lines. */
static enum cbm_status read_lines(struct reader *r, FILE *fp,
                                  struct decoder *dec,
                                  void (*progress)(void *, uint64_t),
                                  void *pdata)
{
	char *buf = g_malloc(READ_CHUNK);
	GString *line = g_string_sized_new(256);
	uint64_t next_progress = PROGRESS_EVERY;
	size_t got;

	while (!r->stop && (got = fread(buf, 1, READ_CHUNK, fp)) > 0) {
		r->stats->bytes += got;
		if (dec) {
			decode(r, dec, buf, got, false);
			split_lines(r, line, dec->out->str, dec->out->len);
		} else {
			split_lines(r, line, buf, got);
		}
		if (progress && r->stats->bytes >= next_progress) {
			progress(pdata, r->stats->bytes);
			next_progress = r->stats->bytes + PROGRESS_EVERY;
		}
		if (r->diags->truncated)
			r->stop = true;
	}
	if (!r->stop && dec && dec->carry_n && !ferror(fp)) {
		decode(r, dec, "", 0, true);
		split_lines(r, line, dec->out->str, dec->out->len);
	}
	if (!r->stop && line->len > 0)
		feed_line(r, line->str, line->len);
	g_string_free(line, TRUE);
	g_free(buf);
	return ferror(fp) ? CBM_EINTERNAL : CBM_OK;
}

static bool is_utf8_name(const char *encoding)
{
	return !encoding || g_ascii_strcasecmp(encoding, "UTF-8") == 0 ||
	       g_ascii_strcasecmp(encoding, "UTF8") == 0;
}

bool imp_encoding_known(const char *encoding)
{
	GIConv cd;

	if (is_utf8_name(encoding))
		return true;
	cd = g_iconv_open("UTF-8", encoding);
	if (cd == (GIConv)-1)
		return false;
	g_iconv_close(cd);
	return true;
}

/* The size of a code unit of ENCODING, to step over a bad one. */
static size_t unit_size(const char *encoding)
{
	if (g_ascii_strncasecmp(encoding, "UTF-16", 6) == 0 ||
	    g_ascii_strncasecmp(encoding, "UTF16", 5) == 0 ||
	    g_ascii_strncasecmp(encoding, "UCS-2", 5) == 0)
		return 2;
	if (g_ascii_strncasecmp(encoding, "UTF-32", 6) == 0 ||
	    g_ascii_strncasecmp(encoding, "UTF32", 5) == 0 ||
	    g_ascii_strncasecmp(encoding, "UCS-4", 5) == 0)
		return 4;
	return 1;
}

enum cbm_status imp_csv_read_encoded(FILE *fp, const char *name,
                                     const char *encoding, imp_record_fn fn,
                                     void *data, struct imp_diags *diags,
                                     struct imp_csv_stats *stats,
                                     void (*progress)(void *, uint64_t),
                                     void *pdata)
{
	struct reader r = {0};
	struct imp_csv_stats local = {0};
	struct decoder dec = {0}, *decp = NULL;
	enum cbm_status status;

	if (!is_utf8_name(encoding)) {
		dec.cd = g_iconv_open("UTF-8", encoding);
		if (dec.cd == (GIConv)-1)
			return CBM_EUSAGE;
		dec.unit = unit_size(encoding);
		dec.out = g_string_sized_new(2 * READ_CHUNK);
		decp = &dec;
		r.encoding = encoding;
	}
	r.name = name;
	r.diags = diags;
	r.fn = fn;
	r.data = data;
	r.stats = stats ? stats : &local;
	memset(r.stats, 0, sizeof(*r.stats));
	r.arena = g_string_sized_new(1024);
	r.offsets = g_array_new(FALSE, FALSE, sizeof(size_t));
	r.fields = g_ptr_array_new();
	r.lengths = g_array_new(FALSE, FALSE, sizeof(size_t));
	if (csv_init(&r.parser,
	             CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		status = CBM_EINTERNAL;
		goto out;
	}
	csv_set_space_func(&r.parser, space_func);
	status = read_lines(&r, fp, decp, progress, pdata);
	if (status == CBM_OK)
		finish(&r);
	csv_free(&r.parser);
out:
	g_string_free(r.arena, TRUE);
	g_array_free(r.offsets, TRUE);
	g_ptr_array_free(r.fields, TRUE);
	g_array_free(r.lengths, TRUE);
	if (r.header)
		g_ptr_array_free(r.header, TRUE);
	if (decp) {
		g_iconv_close(dec.cd);
		g_string_free(dec.out, TRUE);
	}
	return status;
}

enum cbm_status imp_csv_read(FILE *fp, const char *name, imp_record_fn fn,
                             void *data, struct imp_diags *diags,
                             struct imp_csv_stats *stats,
                             void (*progress)(void *, uint64_t), void *pdata)
{
	return imp_csv_read_encoded(fp, name, NULL, fn, data, diags, stats,
	                            progress, pdata);
}
