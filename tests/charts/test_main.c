/*
 * test_main.c - the charts tests.  `test_charts OUTDIR` runs every test,
 * writing its files into OUTDIR; `test_charts --write DIR` only renders
 * the samples (every kind, en/ru/kk, PDF/PNG/SVG) into DIR, for people to
 * look at and for check_pdf.sh to read back.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "test_charts.h"
#include "test_samples.h"

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[argc - 1] : ".";
	int failed = 0;

	if (argc == 3 && strcmp(argv[1], "--write") == 0) {
		mkdir(dir, 0777);
		return sample_write_all(dir) ? 1 : 0;
	}
	if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
		fprintf(stderr, "usage: test_charts [OUTDIR]\n"
		                "       test_charts --write DIR\n");
		return 2;
	}
	mkdir(dir, 0777);
	failed |= test_ticks();
	failed |= test_render(dir);
	failed |= test_pixels(dir);
	failed |= test_calendar(dir);
	return failed ? 1 : 0;
}
