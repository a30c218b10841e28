/*
 * replay.c - runs a libFuzzer harness of fuzz/ without libFuzzer: feeds
 * each file named on the command line, or each file of each directory
 * named (in name order), to LLVMFuzzerTestOneInput() once.  Linked with
 * one fuzz/fuzz_<name>.c, it is the regression test of the inputs in
 * tests/data/fuzz/<name>/: a harness aborts on a broken invariant, and a
 * sanitizer build (-DCBM_SANITIZE=ON) also stops on memory errors.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "fuzz.h"

/* Defined by the harnesses that need a fixture, NULL for the others. */
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int replay_file(const char *path)
{
	char *bytes = NULL;
	gsize n = 0;
	GError *error = NULL;

	if (!g_file_get_contents(path, &bytes, &n, &error)) {
		fprintf(stderr, "cannot read '%s': %s\n", path, error->message);
		g_error_free(error);
		return 1;
	}
	fprintf(stderr, "replay %s (%zu bytes)\n", path, (size_t)n);
	LLVMFuzzerTestOneInput((const uint8_t *)bytes, n);
	g_free(bytes);
	return 0;
}

static gint by_name(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replays the files of DIR; returns the number of failures, and adds the
 * number of files to *COUNT. */
static int replay_dir(const char *dir, int *count)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
	const char *name;
	int failures = 0;

	if (!d) {
		fprintf(stderr, "cannot open '%s'\n", dir);
		g_ptr_array_free(paths, TRUE);
		return 1;
	}
	while ((name = g_dir_read_name(d)) != NULL)
		if (name[0] != '.')
			g_ptr_array_add(paths,
			                g_build_filename(dir, name, NULL));
	g_dir_close(d);
	g_ptr_array_sort(paths, by_name);
	for (guint i = 0; i < paths->len; i++) {
		failures += replay_file(g_ptr_array_index(paths, i));
		(*count)++;
	}
	g_ptr_array_free(paths, TRUE);
	return failures;
}

int main(int argc, char **argv)
{
	int failures = 0, count = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		if (g_file_test(argv[i], G_FILE_TEST_IS_DIR)) {
			failures += replay_dir(argv[i], &count);
		} else {
			failures += replay_file(argv[i]);
			count++;
		}
	}
	if (count == 0) {
		fprintf(stderr, "no input to replay\n");
		return 1;
	}
	printf("%d inputs replayed, %d unreadable\n", count, failures);
	return failures ? 1 : 0;
}
