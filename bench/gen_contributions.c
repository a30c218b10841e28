/*
 * gen_contributions.c - writes N rows of a contributions CSV for the
 * benchmarks: states by code, ISO dates 2006-2025, amounts with two
 * decimals in USD, EUR or KZT (all have rates in examples/fx.csv).
 * Deterministic: the same N and SEED give the same file; another SEED
 * gives other payments (with references TAG-0, TAG-1, ...).
 *
 *   gen_contributions N [SEED [TAG]] > contributions.csv
 */
#include <stdio.h>
#include <stdlib.h>

static const char *const states[] = {
    "AFG", "AZE", "BHR", "BGD", "KHM", "CHN", "EGY", "IND", "IRN", "IRQ",
    "ISR", "JOR", "KAZ", "KWT", "KGZ", "MNG", "PAK", "PSE", "QAT", "KOR",
    "RUS", "LKA", "TJK", "THA", "TUR", "ARE", "UZB", "VNM",
};
static const char *const currencies[] = {"USD", "USD", "USD", "EUR", "KZT"};

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000;
	unsigned long x = 88172645463325252UL;
	const char *tag = argc > 3 ? argv[3] : "B";

	if (argc > 2)
		x ^= strtoul(argv[2], NULL, 10) * 0x9E3779B97F4A7C15UL;
	if (x == 0)
		x = 1;
	printf(
	    "state,received_on,amount,currency,budget_year,kind,reference\n");
	for (long i = 0; i < n; i++) {
		/* xorshift64: fast and reproducible. */
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		int year = 2006 + (int)(x % 20);
		int month = 1 + (int)((x >> 8) % 12);
		int day = 1 + (int)((x >> 16) % 28);
		long cents = 100000 + (long)((x >> 24) % 50000000);
		printf("%s,%04d-%02d-%02d,%ld.%02ld,%s,%d,voluntary,%s-%ld\n",
		       states[(x >> 32) % 28], year, month, day, cents / 100,
		       cents % 100, currencies[(x >> 40) % 5], year, tag, i);
	}
	return 0;
}
