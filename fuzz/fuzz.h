/*
 * fuzz.h - what the libFuzzer harnesses of fuzz/ share.
 *
 * Each fuzz_<name>.c defines LLVMFuzzerTestOneInput() (and, when it needs
 * a fixture, LLVMFuzzerInitialize()).  The same sources build two ways:
 * with clang and -fsanitize=fuzzer into a fuzzer (fuzz/CMakeLists.txt),
 * and with any compiler into a replay test whose main() feeds the files
 * of tests/data/fuzz/<name>/ to the harness (tests/fuzz/replay.c).
 *
 * A harness checks the contract of the function it drives, not only the
 * absence of crashes: a broken promise calls fuzz_fail(), which aborts, so
 * that libFuzzer keeps the input and the replay test fails.  assert() is
 * no use here: the default build type defines NDEBUG.
 *
 * The harnesses keep their fixture in static variables: libFuzzer's entry
 * points take no context, so this is the one place where cbm has global
 * state.
 */
#ifndef CBM_FUZZ_H
#define CBM_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store.h"

/* libFuzzer's entry points (see https://llvm.org/docs/LibFuzzer.html). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Reports a broken invariant at FILE:LINE and aborts. */
void fuzz_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 3, 4)));

#define FUZZ_CHECK(cond)                                                       \
	do {                                                                   \
		if (!(cond))                                                   \
			fuzz_fail(__FILE__, __LINE__, "check failed: %s",      \
			          #cond);                                      \
	} while (0)

/* A scratch directory, created once per process (on /dev/shm when there
 * is one, so that SQLite's fsyncs cost nothing) and removed with its files
 * at exit.  Owned by this module. */
const char *fuzz_tmpdir(void);

/* The path of FILE in cbm's test data (tests/data), which the fixtures
 * load; caller frees with g_free(). */
char *fuzz_test_data(const char *file);

/* Creates the database NAME in fuzz_tmpdir() and loads the base test data
 * into it (states, areas, fx rates, contributions of tests/data), then
 * returns it opened in MODE.  Aborts when any of that fails.  The caller
 * owns the database (st_close). */
struct st_db *fuzz_fixture_db(const char *name, enum st_mode mode);

/* Checks that every diagnostic of DIAGS is within the limits and formats
 * to valid UTF-8: the CLI prints them as they are. */
struct imp_diags;
void fuzz_check_diags(const struct imp_diags *diags);

#endif /* CBM_FUZZ_H */
