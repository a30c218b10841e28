/*
 * sniff.c - what a file is, from its bytes rather than its name: Excel
 * saves "Unicode text" (UTF-16) as .txt, a mail program renames, and
 * stdin has no name at all.
 *
 * The importer hashes every byte of a file before reading it; the sniffer
 * rides along that pass, so that recognising a 2 GB file costs no second
 * read.  Its state is a few bytes: the file's first eight (zip and OLE2
 * signatures, byte-order marks), an unfinished UTF-8 character carried
 * from one buffer to the next, and what the bytes above 0x7F have been.
 *
 * Windows-1251 is guessed only for what Russian text in it looks like
 * (DESIGN.md, "Encodings"): every byte above 0x7F is a Russian letter,
 * '№', a guillemet, a dash or a no-break space.  Latin-1 and Windows-1252
 * use the same bytes for accented Latin letters, so a file in which such
 * a letter touches an ASCII letter ("T\xFCrkiye", "caf\xE9") is not taken
 * for Russian: in Russian text Cyrillic letters stand next to Cyrillic
 * letters, spaces, digits and punctuation.  Nor is a file whose only such
 * letters stand alone ("second \xFC"): Russian has words of two letters
 * or more.
 */
#include <glib.h>
#include <string.h>

#include "import.h"

/* Byte classes for the Windows-1251 guess. */
enum { OTHER, LATIN, CYRILLIC };

void imp_sniff_init(struct imp_sniff *s)
{
	memset(s, 0, sizeof(*s));
	s->utf8 = true;
	s->cp1251 = true;
	s->prev = OTHER;
}

/* Bytes above 0x7F that Russian text in Windows-1251 uses: А-я
 * (0xC0-0xFF), Ё ё І і (0xA8 0xB8 0xB2 0xB3) as letters; № « » – — and
 * the no-break space (0xB9 0xAB 0xBB 0x96 0x97 0xA0) as others. */
static int cp1251_class(unsigned char c, bool *allowed)
{
	*allowed = true;
	if (c >= 0xC0 || c == 0xA8 || c == 0xB8 || c == 0xB2 || c == 0xB3)
		return CYRILLIC;
	if (c == 0xB9 || c == 0xAB || c == 0xBB || c == 0x96 || c == 0x97 ||
	    c == 0xA0)
		return OTHER;
	*allowed = false;
	return OTHER;
}

static void guess_cp1251(struct imp_sniff *s, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n && s->cp1251; i++) {
		int cls = OTHER;
		bool allowed = true;
		if (p[i] >= 0x80) {
			s->high = true;
			cls = cp1251_class(p[i], &allowed);
		} else if (g_ascii_isalpha(p[i])) {
			cls = LATIN;
		}
		if (!allowed || (cls == LATIN && s->prev == CYRILLIC) ||
		    (cls == CYRILLIC && s->prev == LATIN))
			s->cp1251 = false;
		if (cls == CYRILLIC && s->prev == CYRILLIC)
			s->word = true;
		s->prev = cls;
	}
}

/* The length of the UTF-8 character that lead byte C starts, 0 if none. */
static size_t utf8_length(unsigned char c)
{
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 0;
}

/* Validates P as UTF-8 (no NUL), carrying an unfinished last character in
 * S->partial to the next call. */
static void check_utf8(struct imp_sniff *s, const unsigned char *p, size_t n)
{
	const gchar *end;

	if (s->partial_n) {
		size_t want = utf8_length(s->partial[0]);
		while (s->partial_n < want && n > 0) {
			s->partial[s->partial_n++] = *p++;
			n--;
		}
		if (s->partial_n < want)
			return;
		if (!g_utf8_validate_len((const gchar *)s->partial,
		                         s->partial_n, NULL))
			s->utf8 = false;
		s->partial_n = 0;
	}
	if (!s->utf8 || g_utf8_validate_len((const gchar *)p, n, &end))
		return;
	/* A character cut by the end of the buffer is checked whole with
	 * the bytes that follow. */
	size_t rest = n - (size_t)((const unsigned char *)end - p);
	size_t want = utf8_length((unsigned char)*end);
	bool cut = want > rest;
	for (size_t i = 1; cut && i < rest; i++)
		cut = ((unsigned char)end[i] & 0xC0) == 0x80;
	if (!cut) {
		s->utf8 = false;
		return;
	}
	memcpy(s->partial, end, rest);
	s->partial_n = rest;
}

void imp_sniff_update(struct imp_sniff *s, const void *buf, size_t n)
{
	const unsigned char *p = buf;
	size_t head = MIN(n, sizeof(s->head) - s->head_n);

	memcpy(s->head + s->head_n, p, head);
	s->head_n += head;
	if (s->utf8)
		check_utf8(s, p, n);
	if (s->cp1251)
		guess_cp1251(s, p, n);
}

static bool starts(const struct imp_sniff *s, const char *magic, size_t n)
{
	return s->head_n >= n && memcmp(s->head, magic, n) == 0;
}

enum imp_format imp_sniff_result(const struct imp_sniff *s)
{
	if (starts(s, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
		return IMP_FORMAT_OLE2;
	if (starts(s, "PK\x03\x04", 4) || starts(s, "PK\x05\x06", 4))
		return IMP_FORMAT_ZIP;
	if (starts(s, "\xFF\xFE", 2))
		return IMP_FORMAT_UTF16LE;
	if (starts(s, "\xFE\xFF", 2))
		return IMP_FORMAT_UTF16BE;
	if (starts(s, "\xEF\xBB\xBF", 3) || (s->utf8 && s->partial_n == 0))
		return IMP_FORMAT_TEXT;
	if (s->high && s->cp1251 && s->word)
		return IMP_FORMAT_CP1251;
	return IMP_FORMAT_TEXT;
}
