/*
 * test_charts.h - the suites of test_charts; each returns its own
 * check_summary() (check.h keeps one tally per source file).
 */
#ifndef CBM_TEST_CHARTS_H
#define CBM_TEST_CHARTS_H

/* Ticks, number formats, ranking. */
int test_ticks(void);

/* Every kind to PDF, PNG and SVG in DIR; errors; cairo state. */
int test_render(const char *dir);

/* Pixels of PNGs written into DIR. */
int test_pixels(const char *dir);

/* The calendar's marks and ink, on recording surfaces. */
int test_calendar(const char *dir);

#endif /* CBM_TEST_CHARTS_H */
