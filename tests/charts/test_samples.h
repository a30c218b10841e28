/*
 * test_samples.h - fixed, illustrative data for every chart kind in
 * English, Russian and Kazakh (names are real, figures made up), shared by
 * the charts tests and by `test_charts --write DIR`, which renders them
 * all for people and for tests/charts/check_pdf.sh to look at.
 */
#ifndef CBM_TEST_SAMPLES_H
#define CBM_TEST_SAMPLES_H

#include "chart.h"

#define SAMPLE_MAX_SERIES 12
#define SAMPLE_MAX_CATS   366

/* A chart with the arrays it points into; the caller allocates it (it is
 * large) and may change anything before drawing. */
struct sample {
	struct chart chart;
	struct chart_series series[SAMPLE_MAX_SERIES];
	double values[SAMPLE_MAX_SERIES][SAMPLE_MAX_CATS];
	double lo[2][SAMPLE_MAX_CATS], hi[2][SAMPLE_MAX_CATS];
	const char *cats[SAMPLE_MAX_CATS];
	char years[SAMPLE_MAX_CATS][8];
	struct chart_mark marks[32];
};

/* The seven samples, in chart_kind order, by file name stem. */
#define SAMPLE_COUNT 7
extern const char *const sample_names[SAMPLE_COUNT];

/* Fills S with sample KIND (a chart_kind) in LANG. */
void sample_make(struct sample *s, enum chart_kind kind, enum cbm_lang lang);

/* Values of the contributions sample in its (unsorted) category order,
 * and its number of states. */
extern const double sample_contrib[];
#define SAMPLE_CONTRIB_N 12

/* The calendar sample (2024) has these marks; mark 0 is one day, 15
 * March, in row 0; mark 1 runs from 10 to 20 June in row 1. */
#define SAMPLE_CALENDAR_MARKS 14

/* Writes every sample in every language as PDF, PNG and SVG into DIR as
 * KIND-LANG.EXT, a small PNG of each as KIND-LANG-small.png, and
 * hostile-kk.pdf (control characters, invalid UTF-8, a 10 000-character
 * subtitle); returns the number of failures (printed to stderr). */
int sample_write_all(const char *dir);

#endif /* CBM_TEST_SAMPLES_H */
