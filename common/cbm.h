/*
 * cbm.h - the shared basics of every cbm module: status codes, the error
 * record, money in integer minor units, currencies, dates and the
 * language-aware formatting of numbers for output.
 *
 * Invariants:
 *  - A function that can fail returns an enum cbm_status and, on failure,
 *    fills the struct cbm_error it was given (which may be NULL when the
 *    caller does not care).  The first error is kept: cbm_error_set() does
 *    not overwrite an error that is already set, like cairo's sticky status.
 *  - Library code never prints and never exits; only cli/ does.
 *  - Money is a count of the currency's minor units (cents for USD, whole
 *    yen for JPY, fils for KWD); doubles appear only for fx rates and for
 *    derived figures such as rates and shares.  One amount is an int64_t
 *    of at most CBM_AMOUNT_MAX; a sum of amounts, or an amount converted
 *    into a report currency, is a cbm_money of 128 bits, so that no sum of
 *    what import accepts can overflow.
 *  - Parsing always uses the C numeric locale; formatting per language is
 *    done by our own code (cbm_fmt_*), never by the system locale, since a
 *    fresh machine has only C.UTF-8.
 */
#ifndef CBM_H
#define CBM_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Status of an operation; the numeric values are the process exit codes. */
enum cbm_status {
	CBM_OK = 0,        /* success */
	CBM_EDATA = 1,     /* bad data: a refused file, a write in query, ... */
	CBM_EUSAGE = 2,    /* bad usage: unknown command, option or value */
	CBM_EINTERNAL = 3, /* internal or I/O error */
};

/* An error: what went wrong, where in the user's data, and where in our
 * code it was raised (for a developer reading a bug report). */
struct cbm_error {
	enum cbm_status code; /* CBM_OK while no error is set */
	char where[512];      /* "file.csv:42:amount", or "" */
	char message[1024];   /* what is wrong, for a finance officer */
	const char *src_file; /* __FILE__ of the raiser */
	int src_line;         /* __LINE__ of the raiser */
};

/* Clears ERR (no-op for NULL). */
void cbm_error_clear(struct cbm_error *err);

/* Sets ERR unless it already holds an error; returns CODE so that callers
 * can write `return CBM_ERROR(err, CBM_EDATA, where, "...")`.  WHERE may be
 * NULL.  Use the CBM_ERROR macro, which records the raising source line. */
enum cbm_status cbm_error_set(struct cbm_error *err, enum cbm_status code,
                              const char *src_file, int src_line,
                              const char *where, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

#define CBM_ERROR(err, code, where, ...)                                       \
	cbm_error_set((err), (code), __FILE__, __LINE__, (where), __VA_ARGS__)

/* "where: message" or just the message, into BUF of size N. */
void cbm_error_format(const struct cbm_error *err, char *buf, size_t n);

/* ---- currencies and money ---------------------------------------------- */

/* Number of minor-unit digits of an ISO 4217 currency code (0, 2 or 3);
 * unknown codes have 2. */
int cbm_currency_exponent(const char *code);

/* True when CODE looks like an ISO 4217 code: three ASCII capitals. */
bool cbm_currency_valid(const char *code);

/* 10^e for 0 <= e <= 18. */
int64_t cbm_pow10(int e);

/* The largest amount of one row, in minor units of its own currency:
 * 10^15, i.e. 10 trillion US dollars in cents.  Import refuses more.
 * 9,223 such amounts would overflow int64, which is why every sum is a
 * cbm_money. */
#define CBM_AMOUNT_MAX INT64_C(1000000000000000)

/* A sum of money, or an amount converted into a report currency, in minor
 * units: 128 bits, about +-1.7 x 10^38.  An amount at CBM_AMOUNT_MAX
 * converted into a currency worth a billionth of a dollar is about 10^26,
 * so even 10^12 of them still fit.  Sums are exact: cbm_money_add() says
 * when one would not fit, and nothing goes through floating point. */
typedef __int128 cbm_money;

/* A buffer of this many bytes holds any cbm_money written by
 * cbm_money_plain() or cbm_fmt_money(), in any language. */
#define CBM_MONEY_BUF 96

/* *ACC += V.  Returns false, leaving *ACC unchanged, when the sum does not
 * fit 128 bits. */
bool cbm_money_add(cbm_money *acc, cbm_money v);

/* True when V fits an int64_t. */
bool cbm_money_fits64(cbm_money v);

/* MINOR minor units of a currency with exponent EXP, plainly: an optional
 * '-', the digits, and for EXP > 0 a '.' before the last EXP of them
 * ("-1234567.50", "1000"); no separators.  Writes at most N bytes
 * including the NUL (CBM_MONEY_BUF is always enough); returns BUF. */
char *cbm_money_plain(char *buf, size_t n, cbm_money minor, int exp);

/* Parses what cbm_money_plain() writes with EXP 0: an optional '-' and
 * 1 to 39 decimal digits, nothing else.  Returns false when S is not
 * such a number or does not fit 128 bits. */
bool cbm_money_parse(const char *s, cbm_money *out);

/* Converts AMOUNT minor units of a currency with exponent FROM_EXP, worth
 * FROM_USD dollars per unit, into minor units (exponent TO_EXP) of a
 * currency worth TO_USD dollars per unit, rounding half away from zero.
 * Returns false on a non-positive rate or when the result is 9 x 10^15 or
 * more: what the store keeps per row stays exact in a double too. */
bool cbm_money_convert(int64_t amount, int from_exp, double from_usd,
                       int to_exp, double to_usd, int64_t *out);

/* The same conversion into 128 bits, for figures in a report currency: an
 * amount at CBM_AMOUNT_MAX in US cents is 4.5 x 10^17 tiyn in KZT, and
 * beyond int64 in IRR (4.2 x 10^19 minor units at 42,000 rials a dollar).
 * Gives exactly what cbm_money_convert() gives wherever that succeeds;
 * beyond, the product is rounded from a long double.  Returns false on a
 * non-positive rate or a result of 10^36 or more. */
bool cbm_money_convert_wide(int64_t amount, int from_exp, double from_usd,
                            int to_exp, double to_usd, cbm_money *out);

/* ---- dates --------------------------------------------------------------- */

/* A calendar date as days since 1970-01-01 (proleptic Gregorian). */
int32_t cbm_days_from_civil(int y, int m, int d);
void cbm_civil_from_days(int32_t days, int *y, int *m, int *d);
bool cbm_date_valid(int y, int m, int d);
bool cbm_is_leap(int y);

/* Parses an ISO date "YYYY-MM-DD" (exactly) into days; false if invalid. */
bool cbm_date_parse_iso(const char *s, int32_t *days);

/* Writes "YYYY-MM-DD" into BUF (at least 11 bytes). */
void cbm_date_iso(int32_t days, char *buf);

/* ---- formatting for people ---------------------------------------------- */

/* Output languages. */
enum cbm_lang {
	CBM_LANG_EN = 0,
	CBM_LANG_RU = 1,
	CBM_LANG_KK = 2,
};

/* Parses "en", "ru" or "kk"; false otherwise. */
bool cbm_lang_parse(const char *s, enum cbm_lang *out);

/* Formats V with DECIMALS decimals and thousands separators:
 * en "1,234,567.50", ru/kk "1 234 567,50" (U+00A0 between groups).
 * NaN gives "n/a" ("н/д" in ru, "ж/о" in kk).  Writes at most N bytes
 * including the NUL; returns BUF. */
char *cbm_fmt_number(char *buf, size_t n, double v, int decimals,
                     enum cbm_lang lang);

/* Money given in minor units with exponent EXP, with all its decimals,
 * exactly, however large (CBM_MONEY_BUF bytes are always enough). */
char *cbm_fmt_money(char *buf, size_t n, cbm_money minor, int exp,
                    enum cbm_lang lang);

/* Short form for axes: en "950", "1.2 K", "1.2 M", "3.4 B";
 * ru "1,2 тыс.", "1,2 млн", "3,4 млрд"; kk "1,2 мың", "1,2 млн", "3,4 млрд".
 * Three significant digits at most, trailing zeros dropped. */
char *cbm_fmt_short(char *buf, size_t n, double v, enum cbm_lang lang);

/* A fraction as percent with DECIMALS decimals: 0.873 -> "87.3 %" (en),
 * "87,3 %" (ru, kk; U+00A0 before %).  NaN gives "n/a". */
char *cbm_fmt_percent(char *buf, size_t n, double fraction, int decimals,
                      enum cbm_lang lang);

/* For print (reports, charts), a number's leading '-' as the minus sign
 * U+2212, in place when BUF (N bytes) has room: "−14 164,90".  Text for
 * machines (CSV, JSON, a terminal table) keeps the hyphen-minus. */
char *cbm_fmt_minus(char *buf, size_t n);

/* A date: en "12 Dec 2023", ru/kk "12.12.2023". */
char *cbm_fmt_date(char *buf, size_t n, int32_t days, enum cbm_lang lang);

/* ---- output files ----------------------------------------------------------
 */

/* A file being written: it appears at PATH whole or not at all.  PATH "-"
 * is standard output, written directly.  Caller-allocated; every
 * cbm_outfile_open() is followed by exactly one cbm_outfile_commit() or
 * cbm_outfile_abort(). */
struct cbm_outfile {
	char *path;   /* as given (owned) */
	char *target; /* the file renamed over: PATH, or where its link
	               * points (owned; NULL for stdout) */
	char *tmp;    /* the temporary file beside it (owned; NULL for
	               * stdout and after commit) */
	FILE *fp;     /* where to write (owned unless stdout) */
};

/* True when PATH means standard output ("-"). */
bool cbm_outfile_is_stdout(const char *path);

/* Checks, before any work, that PATH may be written: "-", a new file in
 * an existing folder, or an existing regular file that is not the
 * database DB (NULL: none) nor its -wal, -shm or -journal, compared by
 * device and inode.  A folder, a device or a pipe is refused.  Returns
 * CBM_EUSAGE with a message naming PATH. */
enum cbm_status cbm_output_check(const char *path, const char *db,
                                 struct cbm_error *err);

/* Creates a temporary file beside PATH (same folder, so the rename is
 * atomic), with the mode PATH has or a new file would get, and points
 * of->fp at it.  The target is not touched. */
enum cbm_status cbm_outfile_open(struct cbm_outfile *of, const char *path,
                                 struct cbm_error *err);

/* Flushes, fsyncs and closes the temporary file and renames it over the
 * target.  On failure the temporary file is removed, the target is
 * unchanged and CBM_EINTERNAL is returned.  Releases OF either way. */
enum cbm_status cbm_outfile_commit(struct cbm_outfile *of,
                                   struct cbm_error *err);

/* Closes and removes the temporary file; the target is unchanged.
 * Releases OF; a no-op on a released or zeroed OF and on NULL. */
void cbm_outfile_abort(struct cbm_outfile *of);

/* Unlinks every temporary file now open.  Async-signal-safe: for a
 * signal handler that is about to end the process. */
void cbm_outfile_unlink_all(void);

#endif /* CBM_H */
