/*
 * check.h - the tiny test harness of cbm's unit tests.
 *
 * Each CHECK* macro records a failure with file and line and carries on, so
 * one run shows every broken assertion; main() ends with
 * `return check_summary();`, which prints the tally and returns the exit
 * status ctest reads.  CHECK_REL follows GSL's gsl_test_rel: a relative
 * tolerance, absolute when the expected value is 0.
 */
#ifndef CBM_CHECK_H
#define CBM_CHECK_H

#include <glib.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                            \
	do {                                                                   \
		check_count++;                                                 \
		if (!(cond)) {                                                 \
			check_failures++;                                      \
			fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, \
			        __LINE__, #cond);                              \
		}                                                              \
	} while (0)

#define CHECK_INT(got, want)                                                   \
	do {                                                                   \
		long long g_ = (long long)(got), w_ = (long long)(want);       \
		check_count++;                                                 \
		if (g_ != w_) {                                                \
			check_failures++;                                      \
			fprintf(stderr, "%s:%d: %s = %lld, want %lld\n",       \
			        __FILE__, __LINE__, #got, g_, w_);             \
		}                                                              \
	} while (0)

#define CHECK_STR(got, want)                                                   \
	do {                                                                   \
		const char *g_ = (got), *w_ = (want);                          \
		check_count++;                                                 \
		if (!g_ || strcmp(g_, w_) != 0) {                              \
			check_failures++;                                      \
			fprintf(stderr, "%s:%d: %s = '%s', want '%s'\n",       \
			        __FILE__, __LINE__, #got, g_ ? g_ : "(null)",  \
			        w_);                                           \
		}                                                              \
	} while (0)

/* Substring check: WANT occurs in GOT. */
#define CHECK_HAS(got, want)                                                   \
	do {                                                                   \
		const char *g_ = (got), *w_ = (want);                          \
		check_count++;                                                 \
		if (!g_ || !strstr(g_, w_)) {                                  \
			check_failures++;                                      \
			fprintf(stderr, "%s:%d: %s = '%s' lacks '%s'\n",       \
			        __FILE__, __LINE__, #got, g_ ? g_ : "(null)",  \
			        w_);                                           \
		}                                                              \
	} while (0)

#define CHECK_REL(got, want, tol)                                              \
	do {                                                                   \
		double g_ = (got), w_ = (want), t_ = (tol);                    \
		double d_ = w_ == 0 ? fabs(g_) : fabs((g_ - w_) / w_);         \
		check_count++;                                                 \
		if (!(d_ <= t_) && !(isnan(g_) && isnan(w_))) {                \
			check_failures++;                                      \
			fprintf(                                               \
			    stderr,                                            \
			    "%s:%d: %s = %.12g, want %.12g (rel tol %g)\n",    \
			    __FILE__, __LINE__, #got, g_, w_, t_);             \
		}                                                              \
	} while (0)

/* Temporary folders of the test program, removed at exit with what they
 * hold (one level of files: the tests make no subfolders). */
static char *check_tmpdirs[8];

static inline void check_remove_tmpdirs(void)
{
	for (int i = 0; i < 8 && check_tmpdirs[i]; i++) {
		GDir *d = g_dir_open(check_tmpdirs[i], 0, NULL);
		const char *name;
		while (d && (name = g_dir_read_name(d))) {
			char *f =
			    g_build_filename(check_tmpdirs[i], name, NULL);
			g_remove(f);
			g_free(f);
		}
		if (d)
			g_dir_close(d);
		g_rmdir(check_tmpdirs[i]);
		g_free(check_tmpdirs[i]);
		check_tmpdirs[i] = NULL;
	}
}

/* A new temporary folder "PREFIX-XXXXXX" (owned by the harness), removed
 * with its files when the program exits. */
static inline const char *check_tmpdir(const char *prefix)
{
	char *tmpl = g_strconcat(prefix, "-XXXXXX", NULL);
	char *dir = g_dir_make_tmp(tmpl, NULL);
	int i = 0;

	g_free(tmpl);
	while (i < 7 && check_tmpdirs[i])
		i++;
	if (i == 0)
		atexit(check_remove_tmpdirs);
	check_tmpdirs[i] = dir;
	return dir;
}

static inline int check_summary(void)
{
	fprintf(stderr, "%d checks, %d failed\n", check_count, check_failures);
	return check_failures ? 1 : 0;
}

#endif /* CBM_CHECK_H */
