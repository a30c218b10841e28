/*
 * fuzz_csv.c - imp_csv_read() on arbitrary bytes.
 *
 * Besides memory errors, the harness checks what import.h promises of the
 * reader: records arrive in order, the header first, each with the line it
 * starts on; a data record has as many fields as the header; a delivered
 * field is NUL-terminated valid UTF-8 within the limits (a record with bad
 * UTF-8 or beyond a limit is reported, not delivered); every byte is read;
 * at most IMP_MAX_ERRORS errors are kept.  The callback reads every byte of
 * every field, so that ASan sees a field that overruns its buffer.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "import.h"

struct seen {
	size_t next;          /* index the next record must have */
	long last_line;       /* line of the previous record */
	size_t header_fields; /* fields of the header */
	unsigned sum;         /* of every byte, so that none is skipped */
};

static int on_record(void *data, size_t index, const struct imp_record *rec)
{
	struct seen *s = data;

	FUZZ_CHECK(index == s->next);
	FUZZ_CHECK(rec->line >= 1 && rec->line >= s->last_line);
	FUZZ_CHECK(rec->n_fields >= 1 && rec->n_fields <= IMP_MAX_FIELDS);
	if (index == 0)
		s->header_fields = rec->n_fields;
	else
		FUZZ_CHECK(rec->n_fields == s->header_fields);
	for (size_t i = 0; i < rec->n_fields; i++) {
		const char *f = rec->fields[i];
		size_t n = rec->lengths[i];
		FUZZ_CHECK(n <= IMP_MAX_FIELD_BYTES);
		FUZZ_CHECK(f[n] == '\0');
		FUZZ_CHECK(g_utf8_validate_len(f, n, NULL));
		for (size_t j = 0; j < n; j++)
			s->sum += (unsigned char)f[j];
	}
	s->next++;
	s->last_line = rec->line;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char empty[1] = "";
	struct seen seen = {0};
	struct imp_diags diags;
	struct imp_csv_stats stats;
	enum cbm_status rc;
	FILE *fp;

	/* fmemopen() only reads from the buffer in mode "r". */
	fp = fmemopen(size ? (void *)data : (void *)empty, size, "r");
	FUZZ_CHECK(fp != NULL);
	imp_diags_init(&diags);
	rc = imp_csv_read(fp, "fuzz.csv", on_record, &seen, &diags, &stats,
	                  NULL, NULL);
	fclose(fp);
	FUZZ_CHECK(rc == CBM_OK);
	FUZZ_CHECK(stats.records == (long)seen.next);
	FUZZ_CHECK(stats.lines >= seen.last_line);
	if (diags.errors == 0)
		FUZZ_CHECK(stats.bytes == size);
	if (seen.next > 0)
		FUZZ_CHECK(stats.delimiter == ',' || stats.delimiter == ';' ||
		           stats.delimiter == '\t');
	fuzz_check_diags(&diags);
	imp_diags_release(&diags);
	return 0;
}
