/*
 * test_analysis.c - every figure against values worked out by hand on the
 * small data set in tests/data/analysis/ (the arithmetic is beside each
 * check).  Money is checked to the cent, everything else to 1e-9
 * relative.
 */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "analysis.h"
#include "check.h"
#include "import.h"

static struct st_db *db;

static void load(enum imp_kind kind, const char *name)
{
	struct imp_options opt = {0};
	struct imp_result res;
	struct cbm_error err = {0};
	char *path = g_build_filename(CBM_TESTDATA, "analysis", name, NULL);

	imp_result_init(&res);
	CHECK_INT(imp_import_file(db, kind, path, &opt, &res, &err), CBM_OK);
	for (size_t i = 0; i < res.diags.n; i++)
		if (res.diags.items[i].severity == IMP_ERROR)
			fprintf(stderr, "%s\n", res.diags.items[i].message);
	imp_result_release(&res);
	g_free(path);
}

static void setup(void)
{
	const char *dir = check_tmpdir("cbm-analysis");
	char *path = g_build_filename(dir, "t.sqlite", NULL);
	struct cbm_error err = {0};

	CHECK_INT(st_open(&db, path, ST_OPEN_CREATE, &err), CBM_OK);
	load(IMP_STATES, "states.csv");
	load(IMP_AREAS, "areas.csv");
	load(IMP_FX, "fx.csv");
	load(IMP_BUDGET, "budget.csv");
	load(IMP_CONTRIBUTIONS, "contributions.csv");
	load(IMP_PLEDGES, "pledges.csv");
	load(IMP_PLAN, "plan.csv");
	load(IMP_SECONDMENTS, "secondments.csv");
	load(IMP_SCALE, "scale.csv");
	g_free(path);
}

/* ---- reading cells ------------------------------------------------------- */

static const struct ana_value *cell(const struct ana_table *t, size_t row,
                                    const char *col)
{
	static const struct ana_value none;
	int c = ana_col(t, col);

	if (c < 0 || row >= t->nrows) {
		fprintf(stderr, "no cell %s of row %zu\n", col, row);
		check_failures++;
		return &none;
	}
	return ana_cell(t, row, (size_t)c);
}

/* The row whose first column is YEAR and, when KEY is not NULL, whose
 * column KEYCOL is KEY. */
static size_t find_row(const struct ana_table *t, int year, const char *keycol,
                       const char *key)
{
	for (size_t r = 0; r < t->nrows; r++) {
		if (ana_cell(t, r, 0)->i != year)
			continue;
		if (!key || strcmp(cell(t, r, keycol)->s, key) == 0)
			return r;
	}
	fprintf(stderr, "no row %d %s\n", year, key ? key : "");
	check_failures++;
	return 0;
}

#define MONEY(t, r, col, cents) CHECK_INT(cell(t, r, col)->i, cents)
#define REAL(t, r, col, v)      CHECK_REL(cell(t, r, col)->d, v, 1e-9)
#define UNDEFINED(t, r, col)    CHECK(!cell(t, r, col)->defined)

static void run(ana_figure_fn fn, const struct ana_params *p,
                struct ana_table *t, enum cbm_status want)
{
	struct cbm_error err = {0};

	ana_table_init(t);
	CHECK_INT(fn(db, p, t, &err), want);
	if (err.code != want)
		fprintf(stderr, "  %s\n", err.message);
}

/* ---- the figures --------------------------------------------------------- */

static void test_collection(void)
{
	struct ana_params p;
	struct ana_table t;
	size_t r;

	ana_params_init(&p);
	run(ana_collection, &p, &t, CBM_OK);
	CHECK_INT(t.nrows, 4); /* 2020-2023 */
	/* 2020: 100 + 300 + 100 EUR x 1.10 + 90 (late) = 600 of 1000. */
	r = find_row(&t, 2020, NULL, NULL);
	MONEY(&t, r, "approved", 100000);
	MONEY(&t, r, "received", 60000);
	REAL(&t, r, "collection_rate", 0.6);
	/* Pledged 400 + 300 + 100; kept min(400,400) + min(300,200) + 0. */
	MONEY(&t, r, "pledged", 80000);
	REAL(&t, r, "pledge_fulfilment", 600.0 / 800.0);
	/* 2021: 1000 EUR x 1.10 (1 Jan) + 900 = 2000; received 500 EUR x
	 * 1.20 + 400 = 1000 (the earmarked 1000 does not count). */
	r = find_row(&t, 2021, NULL, NULL);
	MONEY(&t, r, "approved", 200000);
	MONEY(&t, r, "received", 100000);
	REAL(&t, r, "collection_rate", 0.5);
	/* AAA pledged 500 and paid 600: fulfilment capped at 500 / 500. */
	REAL(&t, r, "pledge_fulfilment", 1.0);
	/* 2022: 200 EUR pledged without a date: rate of 1 Jan 2022 = 1.20. */
	r = find_row(&t, 2022, NULL, NULL);
	REAL(&t, r, "collection_rate", 1.0);
	MONEY(&t, r, "pledged", 24000);
	/* 2023: contributions but no budget: rate undefined, not 0. */
	r = find_row(&t, 2023, NULL, NULL);
	UNDEFINED(&t, r, "approved");
	UNDEFINED(&t, r, "collection_rate");
	UNDEFINED(&t, r, "pledge_fulfilment");
	MONEY(&t, r, "received", 70000);
	ana_table_release(&t);
}

static void test_collection_as_of(void)
{
	struct ana_params p;
	struct ana_table t;
	size_t r;

	ana_params_init(&p);
	p.as_of = cbm_days_from_civil(2021, 2, 1); /* day 32 */
	run(ana_collection, &p, &t, CBM_OK);
	CHECK_INT(t.nrows, 2); /* 2020 and 2021 only */
	/* 2021 by 1 Feb: BBB's 400 of 2000. */
	r = find_row(&t, 2021, NULL, NULL);
	MONEY(&t, r, "received", 40000);
	REAL(&t, r, "collection_rate", 0.2);
	CHECK_INT(cell(&t, r, "as_of")->i, cbm_days_from_civil(2021, 2, 1));
	/* 2020 by 1 Feb 2020: only the December payment. */
	r = find_row(&t, 2020, NULL, NULL);
	MONEY(&t, r, "received", 10000);
	REAL(&t, r, "collection_rate", 0.1);
	ana_table_release(&t);
	/* The same calendar day, not the same day number: by 1 March 2020
	 * (day 61 of a leap year) AAA's 300 of that day counts: 400 of 1000. */
	p.as_of = cbm_days_from_civil(2021, 3, 1);
	run(ana_collection, &p, &t, CBM_OK);
	r = find_row(&t, 2020, NULL, NULL);
	MONEY(&t, r, "received", 40000);
	CHECK_INT(cell(&t, r, "as_of")->i, cbm_days_from_civil(2020, 3, 1));
	ana_table_release(&t);
	/* --to still bounds the years: 2020 only. */
	p.to = 2020;
	run(ana_collection, &p, &t, CBM_OK);
	CHECK_INT(t.nrows, 1);
	ana_table_release(&t);
	p.to = 0;
	/* 29 February is 28 February in a common year. */
	p.as_of = cbm_days_from_civil(2024, 2, 29);
	run(ana_collection, &p, &t, CBM_OK);
	CHECK_INT(cell(&t, find_row(&t, 2021, NULL, NULL), "as_of")->i,
	          cbm_days_from_civil(2021, 2, 28));
	ana_table_release(&t);
}

static void test_currency(void)
{
	struct ana_params p;
	struct ana_table t;
	struct cbm_error err = {0};

	ana_params_init(&p);
	snprintf(p.currency, sizeof(p.currency), "EUR");
	p.year = 2021;
	run(ana_collection, &p, &t, CBM_OK);
	/* Approved: 1000.00 EUR + 900 USD / 1.10 = 818.18; received:
	 * 500 EUR + 400 USD / 1.10 (1 Feb 2021) = 363.64. */
	MONEY(&t, 0, "approved", 181818);
	MONEY(&t, 0, "received", 86364);
	REAL(&t, 0, "collection_rate", 86364.0 / 181818.0);
	CHECK_STR(t.currency, "EUR");
	ana_table_release(&t);
	/* 2020 needs EUR on 20 Dec 2019, before the first EUR rate. */
	p.year = 2020;
	ana_table_init(&t);
	CHECK_INT(ana_collection(db, &p, &t, &err), CBM_EDATA);
	CHECK_HAS(err.message, "EUR");
	CHECK_HAS(err.message, "2019-12-20");
	ana_table_release(&t);
}

static void test_contributions(void)
{
	struct ana_params p;
	struct ana_table t;
	size_t r;

	ana_params_init(&p);
	p.year = 2021;
	run(ana_contributions, &p, &t, CBM_OK);
	CHECK_INT(t.nrows, 2);
	r = find_row(&t, 2021, "state", "AAA");
	MONEY(&t, r, "received", 60000);
	REAL(&t, r, "share", 0.6);
	ana_table_release(&t);
	/* All kinds: 600 + 400 + 1000 earmarked = 2000. */
	p.kind = ANA_ALL_KINDS;
	run(ana_contributions, &p, &t, CBM_OK);
	CHECK_INT(t.nrows, 3);
	REAL(&t, find_row(&t, 2021, "state", "CCC"), "share", 0.5);
	REAL(&t, find_row(&t, 2021, "state", "BBB"), "share", 0.2);
	ana_table_release(&t);
}

static void test_outstanding(void)
{
	struct ana_params p;
	struct ana_table t;
	size_t r;

	ana_params_init(&p);
	run(ana_outstanding, &p, &t, CBM_OK);
	r = find_row(&t, 2020, "state", "BBB");
	MONEY(&t, r, "pledged", 30000);
	MONEY(&t, r, "received", 20000);
	MONEY(&t, r, "outstanding", 10000);
	CHECK_STR(cell(&t, r, "status")->s, "in part");
	r = find_row(&t, 2020, "state", "CCC");
	MONEY(&t, r, "outstanding", 10000);
	CHECK_STR(cell(&t, r, "status")->s, "nothing");
	CHECK_STR(cell(&t, find_row(&t, 2020, "state", "AAA"), "status")->s,
	          "paid in full");
	/* Overpaid: outstanding max(0, 500 - 600) = 0. */
	r = find_row(&t, 2021, "state", "AAA");
	MONEY(&t, r, "outstanding", 0);
	CHECK_STR(cell(&t, r, "status")->s, "paid in full");
	CHECK_STR(cell(&t, find_row(&t, 2021, "state", "BBB"), "status")->s,
	          "no pledge");
	ana_table_release(&t);
}

static void test_execution(void)
{
	struct ana_params p;
	struct ana_table t;
	size_t r;

	ana_params_init(&p);
	run(ana_execution, &p, &t, CBM_OK);
	/* 2020: lines 500/600 and 450/400; total 950/1000. */
	r = find_row(&t, 2020, "line", "1");
	REAL(&t, r, "execution_rate", 500.0 / 600.0);
	MONEY(&t, r, "remaining", 10000);
	r = find_row(&t, 2020, "line", "2");
	REAL(&t, r, "execution_rate", 1.125);
	MONEY(&t, r, "remaining", -5000);
	r = find_row(&t, 2020, "line", "total");
	MONEY(&t, r, "approved", 100000);
	MONEY(&t, r, "spent", 95000);
	REAL(&t, r, "execution_rate", 0.95);
	MONEY(&t, r, "remaining", 5000);
	/* 2021 line 1 has no spending: undefined, and so is the total. */
	r = find_row(&t, 2021, "line", "1");
	UNDEFINED(&t, r, "spent");
	UNDEFINED(&t, r, "execution_rate");
	UNDEFINED(&t, r, "remaining");
	r = find_row(&t, 2021, "line", "total");
	MONEY(&t, r, "approved", 200000);
	UNDEFINED(&t, r, "execution_rate");
	ana_table_release(&t);
}

static void test_activity(void)
{
	struct ana_params p;
	struct ana_table t;
	size_t r;

	ana_params_init(&p);
	run(ana_activity, &p, &t, CBM_OK);
	CHECK_INT(t.nrows, 3); /* every area of 2023, TRD with zeros */
	r = find_row(&t, 2023, "key", "MIL");
	CHECK_INT(cell(&t, r, "planned")->i, 2);
	CHECK_INT(cell(&t, r, "held")->i, 1);
	CHECK_INT(cell(&t, r, "cancelled")->i, 1);
	REAL(&t, r, "implementation_rate", 0.5);
	r = find_row(&t, 2023, "key", "ENV");
	CHECK_INT(cell(&t, r, "postponed")->i, 1);
	REAL(&t, r, "implementation_rate", 0.0);
	r = find_row(&t, 2023, "key", "TRD");
	CHECK_INT(cell(&t, r, "planned")->i, 0);
	UNDEFINED(&t, r, "implementation_rate");
	ana_table_release(&t);

	/* Item 1 has two organizers: once for each. */
	p.by = ANA_BY_ORGANIZER;
	run(ana_activity, &p, &t, CBM_OK);
	CHECK_INT(t.nrows, 3);
	r = find_row(&t, 2023, "key", "AAA");
	CHECK_INT(cell(&t, r, "planned")->i, 2);
	CHECK_INT(cell(&t, r, "held")->i, 1);
	r = find_row(&t, 2023, "key", "BBB");
	CHECK_INT(cell(&t, r, "planned")->i, 2);
	CHECK_INT(cell(&t, r, "postponed")->i, 1);
	ana_table_release(&t);

	p.with_co_organizers = true;
	run(ana_activity, &p, &t, CBM_OK);
	CHECK_INT(cell(&t, find_row(&t, 2023, "key", "AAA"), "planned")->i, 3);
	ana_table_release(&t);

	p.by = ANA_BY_DIMENSION;
	run(ana_activity, &p, &t, CBM_OK);
	CHECK_INT(t.nrows, 5);
	CHECK_INT(
	    cell(&t, find_row(&t, 2023, "key", "military-political"), "planned")
	        ->i,
	    2);
	CHECK_INT(cell(&t, find_row(&t, 2023, "key", "human"), "planned")->i,
	          0);
	ana_table_release(&t);
}

static void test_concentration(void)
{
	struct ana_params p;
	struct ana_table t;
	size_t r;

	ana_params_init(&p);
	run(ana_concentration, &p, &t, CBM_OK);
	/* 2022: 1200, 300, 500 of 2000: shares .6, .15, .25.
	 * HHI = .36 + .0225 + .0625 = .445.
	 * Gini = 2 (900 + 700 + 200) / (2 x 9 x 666.67) = 0.3. */
	r = find_row(&t, 2022, NULL, NULL);
	CHECK_INT(cell(&t, r, "contributors")->i, 3);
	REAL(&t, r, "top1_share", 0.6);
	REAL(&t, r, "top3_share", 1.0);
	REAL(&t, r, "top5_share", 1.0);
	REAL(&t, r, "hhi", 0.445);
	REAL(&t, r, "gini", 0.3);
	/* 2023: one contributor: HHI 1, Gini 0. */
	r = find_row(&t, 2023, NULL, NULL);
	CHECK_INT(cell(&t, r, "contributors")->i, 1);
	REAL(&t, r, "hhi", 1.0);
	REAL(&t, r, "gini", 0.0);
	ana_table_release(&t);
}

static void test_trend(void)
{
	struct ana_params p;
	struct ana_table t;
	struct cbm_error err = {0};
	/* Years with a budget 2020-2022, received 600, 1000, 2000:
	 * Sxx = 2, Sxy = 600 + 800 = 1400, slope 700, intercept
	 * 1200 - 700 x 2021 = -1413500; residuals 100, -200, 100,
	 * sumsq 60000 = s2 (n - 2 = 1); slope se sqrt(60000 / 2);
	 * forecast 2023: 2600; y_err2 = 60000 (1/3 + 4/2) = 140000;
	 * half = t(.975, 1) sqrt(140000 + 60000) = 12.7062047362 x 447.21. */
	double half = 12.706204736174698 * sqrt(200000.0);

	ana_params_init(&p);
	run(ana_trend, &p, &t, CBM_OK);
	CHECK_INT(cell(&t, 0, "next_year")->i, 2023);
	REAL(&t, 0, "slope", 700.0);
	REAL(&t, 0, "intercept", -1413500.0);
	REAL(&t, 0, "slope_se", sqrt(30000.0));
	REAL(&t, 0, "forecast", 2600.0);
	REAL(&t, 0, "lo95", 2600.0 - half);
	REAL(&t, 0, "hi95", 2600.0 + half);
	REAL(&t, 0, "cagr", sqrt(2000.0 / 600.0) - 1.0);
	ana_table_release(&t);
	/* Of the rate: .6, .5, 1.0: slope (.1 + .3) / 2 = .2. */
	p.of = ANA_OF_COLLECTION_RATE;
	run(ana_trend, &p, &t, CBM_OK);
	REAL(&t, 0, "slope", 0.2);
	REAL(&t, 0, "forecast", 0.7 + 2 * 0.2);
	ana_table_release(&t);
	/* 2022 is over (a payment of 2023 arrived); 2023 is not. */
	CHECK(!ana_year_in_progress(db, 2022));
	CHECK(ana_year_in_progress(db, 2023));
	/* Two years are not a trend. */
	p.to = 2021;
	ana_table_init(&t);
	CHECK_INT(ana_trend(db, &p, &t, &err), CBM_EDATA);
	CHECK_HAS(err.message, "at least 3 years");
	ana_table_release(&t);
}

static void test_shares(void)
{
	struct ana_params p;
	struct ana_table t;
	struct cbm_error err = {0};
	size_t r;

	/* Without a year: the latest budget year only. */
	ana_params_init(&p);
	run(ana_shares, &p, &t, CBM_OK);
	CHECK(t.nrows > 0);
	for (size_t i = 0; i < t.nrows; i++)
		CHECK_INT(ana_cell(&t, i, 0)->i, 2022);
	ana_table_release(&t);
	p.year = 2021;
	run(ana_shares, &p, &t, CBM_OK);
	/* Members joined by 2021: AAA, BBB, CCC; 2000.00 / 3 = 666.67. */
	CHECK_INT(t.nrows, 3);
	r = find_row(&t, 2021, "state", "CCC");
	REAL(&t, r, "share", 1.0 / 3.0);
	MONEY(&t, r, "due", 66667);
	MONEY(&t, r, "received", 0);
	MONEY(&t, r, "difference", -66667);
	MONEY(&t, find_row(&t, 2021, "state", "AAA"), "difference",
	      60000 - 66667);
	ana_table_release(&t);
	/* 2020: CCC had not joined: halves of 1000. */
	p.year = 2020;
	run(ana_shares, &p, &t, CBM_OK);
	CHECK_INT(t.nrows, 2);
	MONEY(&t, find_row(&t, 2020, "state", "BBB"), "difference",
	      20000 - 50000);
	ana_table_release(&t);
	/* Scale "test" for 2022: 60 % and 40 % of 2000; CCC outside the
	 * scale paid 500: share 0, difference +500. */
	p.year = 2022;
	p.scale = "test";
	run(ana_shares, &p, &t, CBM_OK);
	MONEY(&t, find_row(&t, 2022, "state", "AAA"), "due", 120000);
	MONEY(&t, find_row(&t, 2022, "state", "BBB"), "difference",
	      30000 - 80000);
	r = find_row(&t, 2022, "state", "CCC");
	MONEY(&t, r, "due", 0);
	MONEY(&t, r, "difference", 50000);
	ana_table_release(&t);
	/* 2023 has contributions but no budget: received, nothing due. */
	p.year = 2023;
	p.scale = "equal";
	run(ana_shares, &p, &t, CBM_OK);
	r = find_row(&t, 2023, "state", "AAA");
	MONEY(&t, r, "received", 70000);
	UNDEFINED(&t, r, "due");
	UNDEFINED(&t, r, "difference");
	ana_table_release(&t);
	p.year = 2022;
	p.scale = "nonesuch";
	ana_table_init(&t);
	CHECK_INT(ana_shares(db, &p, &t, &err), CBM_EDATA);
	CHECK_HAS(err.message, "nonesuch");
	ana_table_release(&t);
}

static void test_secondments(void)
{
	struct ana_params p;
	struct ana_table t;

	ana_params_init(&p);
	run(ana_secondments, &p, &t, CBM_OK);
	CHECK_INT(t.nrows, 2);
	REAL(&t, find_row(&t, 2021, "state", "AAA"), "person_months", 18.0);
	REAL(&t, find_row(&t, 2022, "state", "BBB"), "person_months", 3.5);
	ana_table_release(&t);
}

static void test_curve(void)
{
	struct ana_params p;
	struct ana_table t;

	ana_params_init(&p);
	p.year = 2020;
	run(ana_curve, &p, &t, CBM_OK);
	/* 2020 is a leap year: 366 days.  100 paid in Dec 2019 counts on
	 * day 1; 300 on 1 Mar (day 61); 110 on 1 Jul (day 183); the 90
	 * received in Jan 2021 is not on the curve. */
	CHECK_INT(t.nrows, 366);
	MONEY(&t, 0, "cumulative", 10000);
	REAL(&t, 0, "rate", 0.1);
	MONEY(&t, 59, "cumulative", 10000);
	MONEY(&t, 60, "cumulative", 40000);
	MONEY(&t, 182, "cumulative", 51000);
	REAL(&t, 182, "even_pace", 0.5);
	MONEY(&t, 365, "cumulative", 51000);
	REAL(&t, 365, "rate", 0.51);
	UNDEFINED(&t, 0, "mean_rate"); /* no earlier year */
	ana_table_release(&t);

	p.year = 2021;
	run(ana_curve, &p, &t, CBM_OK);
	CHECK_INT(t.nrows, 365);
	/* 400 on 1 Feb (day 32), 600 on 1 Jul (day 182), of 2000. */
	REAL(&t, 31, "rate", 0.2);
	REAL(&t, 181, "rate", 0.5);
	/* The only earlier year, 2020: .4 at its day 182, .51 at the end. */
	REAL(&t, 181, "mean_rate", 0.4);
	REAL(&t, 181, "min_rate", 0.4);
	REAL(&t, 181, "max_rate", 0.4);
	REAL(&t, 364, "mean_rate", 0.51);
	ana_table_release(&t);
}

static void test_stats_arrays(void)
{
	struct ana_concentration c;
	double equal[4] = {5, 5, 5, 5};
	double x[3] = {1, 2, 3}, y[3] = {1, 2, 3};
	struct ana_fit fit;
	struct cbm_error err = {0};

	/* Four equal contributors: HHI 1/4, Gini 0, top 3 = 3/4. */
	ana_concentration_of(equal, 4, &c);
	CHECK_REL(c.hhi, 0.25, 1e-12);
	CHECK_REL(c.gini, 0.0, 1e-12);
	CHECK_REL(c.top3, 0.75, 1e-12);
	/* A perfect line: forecast 4, no spread. */
	CHECK_INT(ana_fit_forecast(x, y, 3, 4, &fit, &err), CBM_OK);
	CHECK_REL(fit.forecast, 4.0, 1e-12);
	CHECK_REL(fit.hi95 - fit.lo95, 0.0, 1e-9);
	CHECK_INT(ana_fit_forecast(x, y, 2, 3, &fit, &err), CBM_EDATA);
}

int main(void)
{
	setup();
	test_collection();
	test_collection_as_of();
	test_currency();
	test_contributions();
	test_outstanding();
	test_execution();
	test_activity();
	test_concentration();
	test_trend();
	test_shares();
	test_secondments();
	test_curve();
	test_stats_arrays();
	st_close(db);
	return check_summary();
}
