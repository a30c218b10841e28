/*
 * test_analysis.c - every figure against values worked out by hand on the
 * small data set in tests/data/analysis/ (the arithmetic is beside each
 * check).  Money is checked to the cent, everything else to 1e-9
 * relative.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "analysis.h"
#include "analysis_internal.h"
#include "check.h"
#include "import.h"

static struct st_db *db;

static void load_into(struct st_db *to, const char *dir, enum imp_kind kind,
                      const char *name, const char *text);

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
	{
		bool open = true;
		CHECK_INT(ana_year_in_progress(db, 2022, &open, &err), CBM_OK);
		CHECK(!open);
		CHECK_INT(ana_year_in_progress(db, 2023, &open, &err), CBM_OK);
		CHECK(open);
	}
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
}

static void test_shares_scale(void)
{
	struct ana_params p;
	struct ana_table t;
	struct cbm_error err = {0};
	size_t r;

	/* Scale "test" for 2022: 60 % and 40 % of 2000; CCC outside the
	 * scale paid 500: share 0, difference +500. */
	ana_params_init(&p);
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

/* ---- the in-year forecast ------------------------------------------------ */

/* On the small data set: approved 2020 (1000), 2021 (2000), 2022 (2000).
 * Voluntary receipts on the curve (31 December the last day):
 *   2020: 100 (Dec 2019: day 1), 300 on 1 Mar, 110 (100 EUR) on 1 Jul;
 *         the 90 of 15 Jan 2021 is not on the curve
 *   2021: 400 on 1 Feb, 600 (500 EUR at 1.20) on 1 Jul
 *   2022: 1200 on 10 Jan, 300 on 5 May, 500 on 30 Jun */
static void test_forecast(void)
{
	struct ana_params p;
	struct ana_table t;

	/* Defaults: the latest approved year, 2022, as of its last receipt,
	 * 30 June: rate 2000 / 2000 = 1.  Gains to 31 December from 30 June:
	 * 2020 .51 - .40 = .11, 2021 .50 - .20 = .30; mean .205. */
	ana_params_init(&p);
	run(ana_forecast, &p, &t, CBM_OK);
	CHECK_INT(t.nrows, 1);
	CHECK_INT(cell(&t, 0, "year")->i, 2022);
	CHECK_INT(cell(&t, 0, "as_of")->i, cbm_days_from_civil(2022, 6, 30));
	REAL(&t, 0, "rate", 1.0);
	REAL(&t, 0, "forecast", 1.205);
	REAL(&t, 0, "low", 1.11);
	REAL(&t, 0, "high", 1.30);
	CHECK_INT(cell(&t, 0, "years")->i, 2);
	CHECK_INT(ana_col(&t, "as_of"), ANA_FORECAST_AS_OF);
	ana_table_release(&t);
	/* As of 31 May 2022: 1500 / 2000 = .75; the same gains. */
	p.year = 2022;
	p.as_of = cbm_days_from_civil(2022, 5, 31);
	run(ana_forecast, &p, &t, CBM_OK);
	REAL(&t, 0, "rate", 0.75);
	REAL(&t, 0, "forecast", 0.955);
	REAL(&t, 0, "low", 0.86);
	REAL(&t, 0, "high", 1.05);
	ana_table_release(&t);
}

/* True when A and B hold the same columns and values. */
static bool same_table(const struct ana_table *a, const struct ana_table *b)
{
	if (a->nrows != b->nrows || a->ncols != b->ncols)
		return false;
	for (size_t r = 0; r < a->nrows; r++)
		for (size_t c = 0; c < a->ncols; c++) {
			const struct ana_value *x = ana_cell(a, r, c);
			const struct ana_value *y = ana_cell(b, r, c);
			if (x->defined != y->defined ||
			    (x->defined &&
			     (x->i != y->i || memcmp(&x->d, &y->d, sizeof(x->d)) ||
			      ((x->s || y->s) &&
			       (!x->s || !y->s || strcmp(x->s, y->s))))))
				return false;
		}
	return true;
}

/* Figures computed with a memo (a report's) equal those computed
 * alone: the days the curve loaded serve the forecast of the same year
 * and basis, and never another basis's. */
static void test_memo(void)
{
	static const struct {
		ana_figure_fn fn;
		int year;
		enum ana_kind kind;
	} seq[] = {
	    {ana_curve, 2022, ANA_VOLUNTARY},  {ana_forecast, 2022, ANA_VOLUNTARY},
	    {ana_forecast, 2022, ANA_ALL_KINDS}, {ana_curve, 2021, ANA_VOLUNTARY},
	    {ana_trend, 0, ANA_VOLUNTARY},     {ana_trend, 0, ANA_ALL_KINDS},
	    {ana_curve, 2022, ANA_ALL_KINDS},  {ana_forecast, 2022, ANA_VOLUNTARY},
	};
	struct ana_memo *memo = ana_memo_new();
	struct ana_params p;
	struct ana_table alone, kept;

	for (size_t i = 0; i < sizeof(seq) / sizeof(*seq); i++) {
		ana_params_init(&p);
		p.year = seq[i].year;
		p.kind = seq[i].kind;
		run(seq[i].fn, &p, &alone, CBM_OK);
		p.memo = memo;
		run(seq[i].fn, &p, &kept, CBM_OK);
		if (!same_table(&alone, &kept))
			fprintf(stderr, "  memo: figure %zu differs\n", i);
		CHECK(same_table(&alone, &kept));
		if (seq[i].fn == ana_forecast && seq[i].kind == ANA_VOLUNTARY)
			REAL(&kept, 0, "forecast", 1.205); /* test_forecast */
		ana_table_release(&alone);
		ana_table_release(&kept);
	}
	ana_memo_free(memo);
}

static void test_forecast_days(void)
{
	struct ana_params p;
	struct ana_table t;
	struct cbm_error err = {0};

	/* 2021 as of 28 February: 400 / 2000 = .2; 2020 by 28 February had
	 * .1 and ended at .51: gain .41. */
	ana_params_init(&p);
	p.year = 2021;
	p.as_of = cbm_days_from_civil(2021, 2, 28);
	run(ana_forecast, &p, &t, CBM_OK);
	REAL(&t, 0, "rate", 0.2);
	REAL(&t, 0, "forecast", 0.61);
	REAL(&t, 0, "low", 0.61);
	REAL(&t, 0, "high", 0.61);
	CHECK_INT(cell(&t, 0, "years")->i, 1);
	ana_table_release(&t);
	/* 2020 has no earlier year: its rate on 29 February (the leap day),
	 * .1, and nothing to forecast from. */
	p.year = 2020;
	p.as_of = cbm_days_from_civil(2020, 2, 29);
	run(ana_forecast, &p, &t, CBM_OK);
	REAL(&t, 0, "rate", 0.1);
	UNDEFINED(&t, 0, "forecast");
	UNDEFINED(&t, 0, "low");
	UNDEFINED(&t, 0, "high");
	CHECK_INT(cell(&t, 0, "years")->i, 0);
	ana_table_release(&t);
	/* A day outside the year is refused; so is a year without budget. */
	p.year = 2022;
	p.as_of = cbm_days_from_civil(2023, 1, 5);
	ana_table_init(&t);
	CHECK_INT(ana_forecast(db, &p, &t, &err), CBM_EDATA);
	CHECK_HAS(err.message, "2023-01-05 is not in 2022");
	ana_table_release(&t);
	p.year = 2023;
	p.as_of = cbm_days_from_civil(2023, 3, 1);
	cbm_error_clear(&err);
	ana_table_init(&t);
	CHECK_INT(ana_forecast(db, &p, &t, &err), CBM_EDATA);
	CHECK_HAS(err.message, "2023 has no approved budget");
	ana_table_release(&t);
}

/* ---- the roll, drafts, pledges in their own currency ----------------------
 */

/* A third data set, small enough to work out by hand:
 *   states  AAA, BBB members since 2000, CCC since 2021, DDD with no year
 *           joined (counts as joined), OBS and OBX observers
 *   fx      EUR 1.20 from 2020, 1.05 from 2023
 *   budget  2023 approved 1000; 2024 a draft of 1200
 *   pledges for 2023: AAA 100 EUR (1 Nov 2022: 120.00), BBB 200 USD
 *           (1 Dec 2022), OBS 50 USD (1 Dec 2022)
 *   receipts for 2023: AAA 100 EUR on 1 Feb (105.00), BBB 50 on 1 Mar
 *           and 30 on 15 Sep, OBX 20 on 5 May (voluntary); CCC 40
 *           earmarked, which no pledge or rate counts */
static struct st_db *roll;

static void setup_roll(void)
{
	const char *dir = check_tmpdir("cbm-analysis-roll");
	char *path = g_build_filename(dir, "roll.sqlite", NULL);
	char *emblem = NULL, *org, *png = g_build_filename(dir, "e.png", NULL);
	gsize len = 0;
	struct cbm_error err = {0};

	CHECK_INT(st_open(&roll, path, ST_OPEN_CREATE, &err), CBM_OK);
	load_into(roll, dir, IMP_STATES, "states.csv",
	          "code,name_en,name_ru,status,joined\n"
	          "AAA,Alpha,Альфа,member,2000\nBBB,Beta,,member,2000\n"
	          "CCC,Gamma,,member,2021\nDDD,Delta,,member,\n"
	          "OBS,Observer,,observer,2000\nOBX,Other,,observer,2000\n");
	load_into(roll, dir, IMP_FX, "fx.csv",
	          "currency,date,usd_per_unit\n"
	          "EUR,2020-01-01,1.20\nEUR,2023-01-01,1.05\n");
	load_into(roll, dir, IMP_BUDGET, "budget.csv",
	          "year,line,title,approved,currency,title_ru,status\n"
	          "2023,1,Staff,1000.00,USD,Персонал,approved\n"
	          "2024,1,Staff,1200.00,USD,Персонал,draft\n");
	load_into(roll, dir, IMP_PLEDGES, "pledges.csv",
	          "state,budget_year,amount,currency,pledged_on\n"
	          "AAA,2023,100.00,EUR,2022-11-01\n"
	          "BBB,2023,200.00,USD,2022-12-01\n"
	          "OBS,2023,50.00,USD,2022-12-01\n");
	load_into(roll, dir, IMP_CONTRIBUTIONS, "contributions.csv",
	          "state,received_on,amount,currency,budget_year,kind\n"
	          "AAA,2023-02-01,100.00,EUR,2023,voluntary\n"
	          "BBB,2023-03-01,50.00,USD,2023,voluntary\n"
	          "BBB,2023-09-15,30.00,USD,2023,voluntary\n"
	          "OBX,2023-05-05,20.00,USD,2023,voluntary\n"
	          "CCC,2023-04-04,40.00,USD,2023,earmarked\n");
	/* The organisation, twice: the later batch wins. */
	CHECK(g_file_get_contents(CBM_TESTDATA "/../../examples/emblem.png",
	                          &emblem, &len, NULL));
	CHECK(g_file_set_contents(png, emblem, (gssize)len, NULL));
	load_into(roll, dir, IMP_ORGANIZATION, "org1.csv",
	          "name_en,name_ru,name_kk,short_en,short_ru,short_kk\n"
	          "Old,Старое,Ескі,OLD,СТ,ЕС\n");
	org = g_strdup_printf(
	    "name_en,name_ru,name_kk,short_en,short_ru,short_kk,"
	    "signatory_en,emblem\n"
	    "Conference,Совещание,Кеңес,CICA,СВМДА,АӨСШК,Secretary "
	    "General,e.png\n");
	load_into(roll, dir, IMP_ORGANIZATION, "org2.csv", org);
	g_unlink(png);
	g_free(png);
	g_free(org);
	g_free(emblem);
	g_free(path);
}

static void run_roll(ana_figure_fn fn, const struct ana_params *p,
                     struct ana_table *t)
{
	struct cbm_error err = {0};

	ana_table_init(t);
	CHECK_INT(fn(roll, p, t, &err), CBM_OK);
	if (err.code)
		fprintf(stderr, "  %s\n", err.message);
}

static void test_roll_outstanding(void)
{
	struct ana_params p;
	struct ana_table t;
	size_t r;

	ana_params_init(&p);
	run_roll(ana_outstanding, &p, &t);
	/* 2023 only (2024 is a draft without pledges): the four members,
	 * the observer that pledged and the one that paid. */
	CHECK_INT(t.nrows, 6);
	/* AAA paid the 100 EUR it pledged: paid in full in euros, though
	 * 105.00 USD is less than the 120.00 USD the pledge was worth. */
	r = find_row(&t, 2023, "state", "AAA");
	MONEY(&t, r, "pledged", 12000);
	MONEY(&t, r, "received", 10500);
	MONEY(&t, r, "outstanding", 0);
	CHECK_STR(cell(&t, r, "status")->s, "paid in full");
	/* BBB: 80 of 200 USD. */
	r = find_row(&t, 2023, "state", "BBB");
	MONEY(&t, r, "outstanding", 12000);
	CHECK_STR(cell(&t, r, "status")->s, "in part");
	/* CCC paid only earmarked money; DDD's year joined is unknown: both
	 * are on the roll with nothing pledged or paid. */
	r = find_row(&t, 2023, "state", "CCC");
	MONEY(&t, r, "pledged", 0);
	MONEY(&t, r, "received", 0);
	CHECK_STR(cell(&t, r, "status")->s, "none");
	CHECK_STR(cell(&t, find_row(&t, 2023, "state", "DDD"), "status")->s,
	          "none");
	/* Observers appear when they pledged or paid. */
	r = find_row(&t, 2023, "state", "OBS");
	MONEY(&t, r, "outstanding", 5000);
	CHECK_STR(cell(&t, r, "status")->s, "nothing");
	CHECK_STR(cell(&t, find_row(&t, 2023, "state", "OBX"), "status")->s,
	          "no pledge");
	CHECK_STR(cell(&t, r, "name")->s, "Observer");
	CHECK_INT(ana_col(&t, "name"), ANA_OUTSTANDING_NAME);
	ana_table_release(&t);
}

static void test_roll_as_of(void)
{
	struct ana_params p;
	struct ana_table t;
	size_t r;

	/* As of 30 June 2023: BBB had paid 50 (150 to come), and OBX 20. */
	ana_params_init(&p);
	p.as_of = cbm_days_from_civil(2023, 6, 30);
	run_roll(ana_outstanding, &p, &t);
	CHECK_INT(t.nrows, 6);
	MONEY(&t, find_row(&t, 2023, "state", "BBB"), "outstanding", 15000);
	ana_table_release(&t);
	/* As of 31 January: nothing received; AAA's 120.00 is outstanding
	 * in full (compared in USD: there is no payment in euros yet). */
	p.as_of = cbm_days_from_civil(2023, 1, 31);
	run_roll(ana_outstanding, &p, &t);
	CHECK_INT(t.nrows, 5);
	r = find_row(&t, 2023, "state", "AAA");
	MONEY(&t, r, "outstanding", 12000);
	CHECK_STR(cell(&t, r, "status")->s, "nothing");
	ana_table_release(&t);
	/* As of 15 November 2022 BBB and OBS had not pledged yet. */
	p.as_of = cbm_days_from_civil(2022, 11, 15);
	p.year = 2023;
	run_roll(ana_outstanding, &p, &t);
	CHECK_STR(cell(&t, find_row(&t, 2023, "state", "BBB"), "status")->s,
	          "none");
	CHECK_STR(cell(&t, find_row(&t, 2023, "state", "AAA"), "status")->s,
	          "nothing");
	CHECK_INT(t.nrows, 4); /* AAA, BBB, CCC, DDD; OBS not yet */
	ana_table_release(&t);
}

static void test_roll_collection(void)
{
	struct ana_params p;
	struct ana_table t;

	ana_params_init(&p);
	run_roll(ana_collection, &p, &t);
	/* The draft of 2024 is no approved budget: 2023 alone. */
	CHECK_INT(t.nrows, 1);
	MONEY(&t, 0, "approved", 100000);
	/* 105 + 80 + 20 voluntary; the earmarked 40 does not count. */
	MONEY(&t, 0, "received", 20500);
	REAL(&t, 0, "collection_rate", 0.205);
	/* Pledged 120 + 200 + 50; kept 120 (in euros, in full) + 80 + 0. */
	MONEY(&t, 0, "pledged", 37000);
	REAL(&t, 0, "pledge_fulfilment", 200.0 / 370.0);
	CHECK_INT(ana_cell(&t, 0, ANA_COLLECTION_RATE)->defined, 1);
	ana_table_release(&t);
}

static void test_roll_drafts(void)
{
	struct ana_params p;
	struct ana_table t;
	size_t r;

	/* Shares default to the latest approved year, not the draft. */
	ana_params_init(&p);
	run_roll(ana_shares, &p, &t);
	/* The members AAA, BBB, CCC, DDD, and OBX, which paid outside the
	 * split: share 0. */
	CHECK_INT(t.nrows, 5);
	REAL(&t, find_row(&t, 2023, "state", "OBX"), "share", 0.0);
	r = find_row(&t, 2023, "state", "DDD");
	MONEY(&t, r, "due", 25000);
	CHECK_STR(cell(&t, r, "budget")->s, "approved");
	ana_table_release(&t);
	/* 2024 has only its draft: shares of the draft, marked. */
	p.year = 2024;
	run_roll(ana_shares, &p, &t);
	CHECK_INT(t.nrows, 4);
	r = find_row(&t, 2024, "state", "AAA");
	MONEY(&t, r, "due", 30000);
	MONEY(&t, r, "received", 0);
	CHECK_STR(cell(&t, r, "budget")->s, "draft");
	ana_table_release(&t);
	/* Execution lists the draft with its status and titles. */
	ana_params_init(&p);
	run_roll(ana_execution, &p, &t);
	r = find_row(&t, 2024, "line", "total");
	CHECK_STR(cell(&t, r, "status")->s, "draft");
	MONEY(&t, r, "approved", 120000);
	r = find_row(&t, 2024, "line", "1");
	CHECK_STR(cell(&t, r, "title_ru")->s, "Персонал");
	UNDEFINED(&t, r, "title_kk");
	UNDEFINED(&t, r, "spent");
	ana_table_release(&t);
	/* The curve and the trend know the approved years only. */
	run_roll(ana_curve, &p, &t);
	CHECK_INT(cell(&t, 0, "year")->i, 2023);
	ana_table_release(&t);
	{
		int year = 0;
		struct cbm_error err = {0};
		CHECK_INT(ana_latest_year(roll, false, &year, &err), CBM_OK);
		CHECK_INT(year, 2023);
	}
}

static void test_state_years(void)
{
	struct ana_params p;
	struct ana_table t;

	/* 2023: AAA 105, beside the members with a voluntary contribution,
	 * AAA 105 and BBB 80 (observers do not count): median 92.50. */
	ana_params_init(&p);
	p.state = "AAA";
	run_roll(ana_state_years, &p, &t);
	CHECK_INT(t.nrows, 1);
	MONEY(&t, 0, "received", 10500);
	MONEY(&t, 0, "members_median", 9250);
	CHECK_INT(cell(&t, 0, "members_contributing")->i, 2);
	ana_table_release(&t);
	/* CCC paid only earmarked money: 0 beside the same median. */
	p.state = "CCC";
	run_roll(ana_state_years, &p, &t);
	MONEY(&t, 0, "received", 0);
	MONEY(&t, 0, "members_median", 9250);
	ana_table_release(&t);
}

static void test_names_and_organization(void)
{
	struct ana_names *n = NULL;
	struct ana_org org;
	struct cbm_error err = {0};
	int joined = -1;
	bool member = false;

	CHECK_INT(ana_names_open(&n, roll, &err), CBM_OK);
	CHECK_STR(ana_state_name(n, "AAA", CBM_LANG_RU), "Альфа");
	CHECK_STR(ana_state_name(n, "BBB", CBM_LANG_KK), "Beta");
	CHECK_STR(ana_state_name(n, "ZZZ", CBM_LANG_EN), "ZZZ");
	CHECK(ana_state_info(n, "DDD", &joined, &member));
	CHECK_INT(joined, 0);
	CHECK(member);
	CHECK(ana_state_info(n, "OBS", &joined, &member) && !member);
	CHECK(!ana_state_info(n, "ZZZ", NULL, NULL));
	ana_names_close(n);
	ana_names_close(NULL);

	CHECK_INT(ana_organization(roll, &org, &err), CBM_OK);
	CHECK(org.found);
	CHECK_STR(org.short_name[CBM_LANG_KK], "АӨСШК");
	CHECK_STR(org.signatory[CBM_LANG_EN], "Secretary General");
	CHECK(org.signatory[CBM_LANG_RU] == NULL);
	CHECK(org.emblem_len > 8 && memcmp(org.emblem, "\x89PNG", 4) == 0);
	ana_org_release(&org);
	ana_org_release(NULL);
}

static void test_lookups(void)
{
	struct ana_params p;
	struct ana_table t;
	struct cbm_error err = {0};
	bool has = false;
	int32_t day = 0;
	int year = 0;

	/* AAA's events of 2023: items 1 and 2 as organizer, 3 as
	 * co-organizer; BBB's 4 is not AAA's. */
	ana_params_init(&p);
	p.state = "AAA";
	run(ana_events, &p, &t, CBM_OK);
	CHECK_INT(t.nrows, 3);
	CHECK_INT(ana_cell(&t, 0, ANA_EVENTS_ITEM)->i, 1);
	CHECK_STR(ana_cell(&t, 0, ANA_EVENTS_ORGANIZERS)->s, "AAA|BBB");
	CHECK_STR(ana_cell(&t, 0, ANA_EVENTS_ROLE)->s, "organizer");
	CHECK_STR(ana_cell(&t, 2, ANA_EVENTS_ROLE)->s, "co-organizer");
	CHECK_STR(ana_cell(&t, 2, ANA_EVENTS_CO_ORGANIZERS)->s, "AAA");
	ana_table_release(&t);
	/* Without a state: the whole plan, no role. */
	p.state = NULL;
	p.year = 2023;
	run(ana_events, &p, &t, CBM_OK);
	CHECK_INT(t.nrows, 4);
	CHECK(!ana_cell(&t, 3, ANA_EVENTS_ROLE)->defined);
	CHECK_STR(ana_cell(&t, 3, ANA_EVENTS_STATUS)->s, "planned");
	ana_table_release(&t);

	/* The batches, oldest first: states came first, scales last. */
	ana_table_init(&t);
	CHECK_INT(ana_sources(db, &t, &err), CBM_OK);
	CHECK_INT(t.nrows, 9);
	CHECK_STR(ana_cell(&t, 0, ANA_SOURCES_KIND)->s, "states");
	CHECK_STR(ana_cell(&t, 0, ANA_SOURCES_FILE)->s, "states.csv");
	CHECK_INT(ana_cell(&t, 0, ANA_SOURCES_ROWS)->i, 4);
	CHECK(ana_cell(&t, 8, ANA_SOURCES_LOADED)->defined);
	CHECK_INT(strlen(ana_cell(&t, 8, ANA_SOURCES_SHA256)->s), 64);
	ana_table_release(&t);

	CHECK_INT(ana_year_has_data(db, 2023, &has, &err), CBM_OK);
	CHECK(has);
	CHECK_INT(ana_year_has_data(db, 1990, &has, &err), CBM_OK);
	CHECK(!has);
	ana_params_init(&p);
	CHECK_INT(ana_last_receipt(db, &p, 2020, &day, &has, &err), CBM_OK);
	CHECK(has && day == cbm_days_from_civil(2021, 1, 15));
	CHECK_INT(ana_last_receipt(db, &p, 2030, &day, &has, &err), CBM_OK);
	CHECK(!has);
	CHECK_INT(ana_latest_year(db, true, &year, &err), CBM_OK);
	CHECK_INT(year, 2022); /* 2022 is over: a receipt of 2023 came */
}

/* ---- sums past 64 bits ----------------------------------------------------
 */

/* A second database at the ceiling of one amount, 10^15 cents
 * (10,000,000,000,000.00 USD), in 2024:
 *   contributions  AAA 9,300 on 1 March, BBB 700 on 1 June
 *   pledges        AAA 9,300, BBB 1,000
 *   budget         12,500 lines approved at the ceiling, each spent
 *                  8,000,000,000,000.00
 *   fx             IRR at 65,536 a dollar (2^-16 USD, exact in binary)
 * Every total passes INT64_MAX = 9,223,372,036,854,775,807 cents except
 * BBB's; the figures must give them to the cent. */
static struct st_db *big;

/* Writes TEXT into DIR/NAME and imports it as KIND into TO. */
static void load_into(struct st_db *to, const char *dir, enum imp_kind kind,
                      const char *name, const char *text)
{
	char *path = g_build_filename(dir, name, NULL);
	struct imp_options opt = {0};
	struct imp_result res;
	struct cbm_error err = {0};

	CHECK(g_file_set_contents(path, text, -1, NULL));
	imp_result_init(&res);
	CHECK_INT(imp_import_file(to, kind, path, &opt, &res, &err), CBM_OK);
	for (size_t i = 0; i < res.diags.n && i < 3; i++)
		fprintf(stderr, "%s: %s\n", name, res.diags.items[i].message);
	imp_result_release(&res);
	g_unlink(path);
	g_free(path);
}

static void load_text(const char *dir, enum imp_kind kind, const char *name,
                      const char *text)
{
	load_into(big, dir, kind, name, text);
}

/* HEADER and N rows of ROW followed by the row's number (the last
 * column, a reference or a line, tells the rows apart); caller frees with
 * g_free(). */
static char *rows(const char *header, const char *row, int n)
{
	GString *s = g_string_new(header);

	for (int i = 0; i < n; i++)
		g_string_append_printf(s, "\n%s%d", row, i);
	g_string_append_c(s, '\n');
	return g_string_free(s, FALSE);
}

static void load_rows(const char *dir, enum imp_kind kind, const char *name,
                      const char *header, const char *row, int n)
{
	char *text = rows(header, row, n);

	load_text(dir, kind, name, text);
	g_free(text);
}

static void setup_big(void)
{
	const char *dir = check_tmpdir("cbm-analysis-big");
	char *path = g_build_filename(dir, "big.sqlite", NULL);
	char *states = NULL;
	struct cbm_error err = {0};

	CHECK_INT(st_open(&big, path, ST_OPEN_CREATE, &err), CBM_OK);
	g_file_get_contents(CBM_TESTDATA "/analysis/states.csv", &states, NULL,
	                    NULL);
	load_text(dir, IMP_STATES, "states.csv", states ? states : "");
	load_text(dir, IMP_FX, "fx.csv",
	          "currency,date,usd_per_unit\n"
	          "IRR,2020-01-01,0.0000152587890625\n");
	load_rows(dir, IMP_CONTRIBUTIONS, "a.csv",
	          "state,received_on,amount,currency,reference",
	          "AAA,2024-03-01,10000000000000.00,USD,A-", 9300);
	load_rows(dir, IMP_CONTRIBUTIONS, "b.csv",
	          "state,received_on,amount,currency,reference",
	          "BBB,2024-06-01,10000000000000.00,USD,B-", 700);
	load_rows(dir, IMP_PLEDGES, "pa.csv",
	          "state,budget_year,amount,currency,note",
	          "AAA,2024,10000000000000.00,USD,", 9300);
	load_rows(dir, IMP_PLEDGES, "pb.csv",
	          "state,budget_year,amount,currency,note",
	          "BBB,2024,10000000000000.00,USD,", 1000);
	load_rows(dir, IMP_BUDGET, "budget.csv",
	          "year,title,approved,currency,spent,line",
	          "2024,Line,10000000000000.00,USD,8000000000000.00,", 12500);
	load_text(dir, IMP_SCALE, "scale.csv",
	          "scale,state,share\ns,AAA,60\ns,BBB,40\n");
	g_free(states);
	g_free(path);
}

static void run_big(ana_figure_fn fn, const struct ana_params *p,
                    struct ana_table *t)
{
	struct cbm_error err = {0};

	ana_table_init(t);
	CHECK_INT(fn(big, p, t, &err), CBM_OK);
	if (err.code)
		fprintf(stderr, "  %s\n", err.message);
}

/* A money cell against its exact digits (minor units), however wide. */
#define DIGITS(t, r, col, want)                                                \
	do {                                                                   \
		char b_[CBM_MONEY_BUF];                                        \
		CHECK(cell(t, r, col)->defined);                               \
		CHECK_STR(                                                     \
		    cbm_money_plain(b_, sizeof(b_), cell(t, r, col)->i, 0),    \
		    want);                                                     \
	} while (0)

static void test_big_collection(void)
{
	struct ana_params p;
	struct ana_table t;
	char b[CBM_MONEY_BUF];

	ana_params_init(&p);
	run_big(ana_collection, &p, &t);
	CHECK_INT(t.nrows, 1);
	/* Approved 12,500 x 10^15 = 1.25 x 10^19; received 9,300 + 700 =
	 * 10,000 x 10^15 = 10^19: rate 0.8. */
	DIGITS(&t, 0, "approved", "12500000000000000000");
	DIGITS(&t, 0, "received", "10000000000000000000");
	REAL(&t, 0, "collection_rate", 0.8);
	/* Pledged (9,300 + 1,000) x 10^15; kept min(9.3, 9.3) + min(1, 0.7)
	 * x 10^18 = 10^19: 100 / 103. */
	DIGITS(&t, 0, "pledged", "10300000000000000000");
	REAL(&t, 0, "pledge_fulfilment", 100.0 / 103.0);
	/* As people and csv read it. */
	CHECK_STR(cbm_fmt_money(b, sizeof(b), cell(&t, 0, "received")->i,
	                        t.exponent, CBM_LANG_EN),
	          "100,000,000,000,000,000.00");
	CHECK_STR(cbm_money_plain(b, sizeof(b), cell(&t, 0, "approved")->i,
	                          t.exponent),
	          "125000000000000000.00");
	ana_table_release(&t);
}

static void test_big_contributions(void)
{
	struct ana_params p;
	struct ana_table t;
	size_t r;

	ana_params_init(&p);
	run_big(ana_contributions, &p, &t);
	CHECK_INT(t.nrows, 2);
	/* AAA alone passes INT64_MAX: 9.3 x 10^18 > 9.22 x 10^18. */
	r = find_row(&t, 2024, "state", "AAA");
	DIGITS(&t, r, "received", "9300000000000000000");
	REAL(&t, r, "share", 0.93);
	r = find_row(&t, 2024, "state", "BBB");
	DIGITS(&t, r, "received", "700000000000000000");
	REAL(&t, r, "share", 0.07);
	ana_table_release(&t);
	/* In IRR every contribution is 10^15 x 65,536 = 6.5536 x 10^19
	 * minor units by itself: AAA 9,300 of them, BBB 700. */
	snprintf(p.currency, sizeof(p.currency), "IRR");
	run_big(ana_contributions, &p, &t);
	CHECK_STR(t.currency, "IRR");
	DIGITS(&t, find_row(&t, 2024, "state", "AAA"), "received",
	       "609484800000000000000000");
	DIGITS(&t, find_row(&t, 2024, "state", "BBB"), "received",
	       "45875200000000000000000");
	REAL(&t, find_row(&t, 2024, "state", "AAA"), "share", 0.93);
	ana_table_release(&t);
}

static void test_big_outstanding(void)
{
	struct ana_params p;
	struct ana_table t;
	size_t r;

	ana_params_init(&p);
	run_big(ana_outstanding, &p, &t);
	/* AAA and BBB, and CCC, a member in 2024 that neither pledged nor
	 * paid: the whole roll. */
	CHECK_INT(t.nrows, 3);
	CHECK_STR(cell(&t, find_row(&t, 2024, "state", "CCC"), "status")->s,
	          "none");
	r = find_row(&t, 2024, "state", "AAA");
	DIGITS(&t, r, "pledged", "9300000000000000000");
	DIGITS(&t, r, "received", "9300000000000000000");
	DIGITS(&t, r, "outstanding", "0");
	CHECK_STR(cell(&t, r, "status")->s, "paid in full");
	/* BBB: 10^18 pledged, 7 x 10^17 received, 3 x 10^17 to come. */
	r = find_row(&t, 2024, "state", "BBB");
	DIGITS(&t, r, "outstanding", "300000000000000000");
	CHECK_STR(cell(&t, r, "status")->s, "in part");
	ana_table_release(&t);
}

static void test_big_concentration(void)
{
	struct ana_params p;
	struct ana_table t;

	ana_params_init(&p);
	run_big(ana_concentration, &p, &t);
	CHECK_INT(t.nrows, 1);
	/* Shares .93 and .07: HHI .93^2 + .07^2 = .8698; Gini 2 x .86
	 * x 10^19 / (2 x 2^2 x 5 x 10^18) = .43. */
	CHECK_INT(cell(&t, 0, "contributors")->i, 2);
	REAL(&t, 0, "top1_share", 0.93);
	REAL(&t, 0, "top3_share", 1.0);
	REAL(&t, 0, "hhi", 0.8698);
	REAL(&t, 0, "gini", 0.43);
	ana_table_release(&t);
}

static void test_big_execution(void)
{
	struct ana_params p;
	struct ana_table t;
	size_t last;

	ana_params_init(&p);
	run_big(ana_execution, &p, &t);
	CHECK_INT(t.nrows, 12501); /* the lines and the total */
	last = t.nrows - 1;
	CHECK_STR(cell(&t, last, "line")->s, "total");
	/* 12,500 x 10^15 approved, 12,500 x 8 x 10^14 = 10^19 spent. */
	DIGITS(&t, last, "approved", "12500000000000000000");
	DIGITS(&t, last, "spent", "10000000000000000000");
	REAL(&t, last, "execution_rate", 0.8);
	DIGITS(&t, last, "remaining", "2500000000000000000");
	DIGITS(&t, 0, "approved", "1000000000000000");
	ana_table_release(&t);
}

static void test_big_shares(void)
{
	struct ana_params p;
	struct ana_table t;
	size_t r;

	ana_params_init(&p);
	p.scale = "s";
	run_big(ana_shares, &p, &t);
	/* 60 % and 40 % of 1.25 x 10^19: 7.5 x 10^18 and 5 x 10^18.  The
	 * product is a double; both are multiples of 1,024, the spacing of
	 * doubles there, so they come out exact. */
	r = find_row(&t, 2024, "state", "AAA");
	DIGITS(&t, r, "due", "7500000000000000000");
	DIGITS(&t, r, "difference", "1800000000000000000");
	r = find_row(&t, 2024, "state", "BBB");
	DIGITS(&t, r, "due", "5000000000000000000");
	DIGITS(&t, r, "difference", "-4300000000000000000");
	ana_table_release(&t);
}

static void test_big_curve(void)
{
	struct ana_params p;
	struct ana_table t;

	ana_params_init(&p);
	p.year = 2024;
	run_big(ana_curve, &p, &t);
	CHECK_INT(t.nrows, 366);
	/* AAA's 9.3 x 10^18 on 1 March (day 61 of a leap year), BBB's
	 * 7 x 10^17 on 1 June (day 153). */
	DIGITS(&t, 59, "cumulative", "0");
	DIGITS(&t, 60, "cumulative", "9300000000000000000");
	DIGITS(&t, 151, "cumulative", "9300000000000000000");
	DIGITS(&t, 152, "cumulative", "10000000000000000000");
	DIGITS(&t, 365, "cumulative", "10000000000000000000");
	REAL(&t, 60, "rate", 0.744);
	REAL(&t, 365, "rate", 0.8);
	ana_table_release(&t);
}

/* ---- the plan in full: coordinators, formats, venues --------------------
 *
 * Its own database:
 *   MIL: AAA coordinator 2020-2023, BBB coordinator from 2023 (the two
 *        overlap in 2023), CCC co-coordinator from 2021;
 *   ENV: DDD co-coordinator from 2022 only, so vacant;
 *   TRD: never coordinated.
 *   2023: 1 MIL by AAA held (in-person, Astana); 2 MIL by BBB with AAA
 *         co-organising, cancelled (virtual); 3 ENV by DDD held (hybrid,
 *         Astana);
 *   2024: 1 MIL by BBB and CCC held (hybrid, Baku); 2 MIL by BBB planned
 *         (no format, no venue); 3 TRD by AAA held (hybrid, Astana). */
static struct st_db *plandb;

static void setup_plan(void)
{
	const char *dir = check_tmpdir("cbm-analysis-plan");
	char *path = g_build_filename(dir, "plan.sqlite", NULL);
	struct cbm_error err = {0};

	CHECK_INT(st_open(&plandb, path, ST_OPEN_CREATE, &err), CBM_OK);
	load_into(plandb, dir, IMP_STATES, "states.csv",
	          "code,name_en\nAAA,Alpha\nBBB,Beta\nCCC,Gamma\nDDD,Delta\n");
	load_into(plandb, dir, IMP_AREAS, "areas.csv",
	          "dimension,code,name_en\nmilitary-political,MIL,Military\n"
	          "environmental,ENV,Environment\neconomic,TRD,Trade\n");
	load_into(plandb, dir, IMP_COORDINATORS, "coordinators.csv",
	          "area,state,role,from_year,to_year\n"
	          "MIL,AAA,coordinator,2020,2023\n"
	          "MIL,BBB,coordinator,2023,\n"
	          "MIL,CCC,co-coordinator,2021,\n"
	          "ENV,DDD,co-coordinator,2022,\n");
	load_into(plandb, dir, IMP_PLAN, "plan.csv",
	          "year,item,title,area,organizers,co_organizers,status,format,"
	          "venue\n"
	          "2023,1,A,MIL,AAA,,held,in-person,Astana\n"
	          "2023,2,B,MIL,BBB,AAA,cancelled,virtual,\n"
	          "2023,3,C,ENV,DDD,,held,hybrid,Astana\n"
	          "2024,1,D,MIL,BBB|CCC,,held,hybrid,Baku\n"
	          "2024,2,E,MIL,BBB,,planned,,\n"
	          "2024,3,F,TRD,AAA,,held,hybrid,Astana\n");
	g_free(path);
}

static void run_plan(ana_figure_fn fn, const struct ana_params *p,
                     struct ana_table *t)
{
	struct cbm_error err = {0};

	ana_table_init(t);
	CHECK_INT(fn(plandb, p, t, &err), CBM_OK);
	if (err.code)
		fprintf(stderr, "  %s\n", err.message);
}

/* Row R is YEAR, AREA, ROLE, STATE (NULL: undefined). */
static void check_coord(const struct ana_table *t, size_t r, int year,
                        const char *area, const char *role, const char *state)
{
	CHECK_INT(cell(t, r, "year")->i, year);
	CHECK_STR(cell(t, r, "area")->s, area);
	CHECK_STR(cell(t, r, "role")->s, role);
	if (state)
		CHECK_STR(cell(t, r, "state")->s, state);
	else
		UNDEFINED(t, r, "state");
}

static void test_coordinators(void)
{
	struct ana_params p;
	struct ana_table t;

	ana_params_init(&p);
	p.year = 2023;
	run_plan(ana_coordinators, &p, &t);
	/* MIL: AAA and BBB overlap, CCC; ENV: vacant, DDD; TRD: vacant. */
	CHECK_INT(t.nrows, 6);
	check_coord(&t, 0, 2023, "MIL", "coordinator", "AAA");
	CHECK_INT(cell(&t, 0, "organised")->i, 1); /* item 1 */
	CHECK_INT(cell(&t, 0, "held")->i, 1);
	CHECK_STR(cell(&t, 0, "name")->s, "Alpha");
	CHECK_STR(cell(&t, 0, "dimension")->s, "military-political");
	check_coord(&t, 1, 2023, "MIL", "coordinator", "BBB");
	CHECK_INT(cell(&t, 1, "organised")->i, 1); /* item 2, cancelled */
	CHECK_INT(cell(&t, 1, "held")->i, 0);
	check_coord(&t, 2, 2023, "MIL", "co-coordinator", "CCC");
	CHECK_INT(cell(&t, 2, "organised")->i, 0);
	/* The environmental dimension sorts after the economic one. */
	check_coord(&t, 3, 2023, "TRD", "vacant", NULL);
	UNDEFINED(&t, 3, "organised");
	CHECK_STR(cell(&t, 3, "area_name")->s, "Trade");
	check_coord(&t, 4, 2023, "ENV", "vacant", NULL);
	check_coord(&t, 5, 2023, "ENV", "co-coordinator", "DDD");
	CHECK_INT(cell(&t, 5, "organised")->i, 1); /* item 3 */
	CHECK_INT(cell(&t, 5, "held")->i, 1);
	ana_table_release(&t);

	/* AAA co-organised item 2: 2 with co-organizers. */
	p.with_co_organizers = true;
	run_plan(ana_coordinators, &p, &t);
	CHECK_INT(cell(&t, 0, "organised")->i, 2);
	CHECK_INT(cell(&t, 0, "held")->i, 1);
	ana_table_release(&t);
}

static void test_coordinators_later(void)
{
	struct ana_params p;
	struct ana_table t;

	ana_params_init(&p);
	/* 2024: AAA's term ended in 2023; its TRD event makes it no
	 * coordinator.  BBB: items 1 and 2, one held; CCC: item 1. */
	p.year = 2024;
	run_plan(ana_coordinators, &p, &t);
	CHECK_INT(t.nrows, 5);
	check_coord(&t, 0, 2024, "MIL", "coordinator", "BBB");
	CHECK_INT(cell(&t, 0, "organised")->i, 2);
	CHECK_INT(cell(&t, 0, "held")->i, 1);
	check_coord(&t, 1, 2024, "MIL", "co-coordinator", "CCC");
	CHECK_INT(cell(&t, 1, "organised")->i, 1);
	CHECK_INT(cell(&t, 1, "held")->i, 1);
	check_coord(&t, 2, 2024, "TRD", "vacant", NULL);
	check_coord(&t, 3, 2024, "ENV", "vacant", NULL);
	check_coord(&t, 4, 2024, "ENV", "co-coordinator", "DDD");
	CHECK_INT(cell(&t, 4, "organised")->i, 0);
	ana_table_release(&t);

	/* A year without a plan still has its coordinators. */
	p.year = 2025;
	run_plan(ana_coordinators, &p, &t);
	CHECK_INT(t.nrows, 5);
	check_coord(&t, 0, 2025, "MIL", "coordinator", "BBB");
	CHECK_INT(cell(&t, 0, "organised")->i, 0);
	ana_table_release(&t);

	/* Every plan year: 2023 and 2024. */
	p.year = 0;
	run_plan(ana_coordinators, &p, &t);
	CHECK_INT(t.nrows, 11);
	ana_table_release(&t);
}

static void test_activity_format_venue(void)
{
	struct ana_params p;
	struct ana_table t;
	size_t r;

	ana_params_init(&p);
	p.by = ANA_BY_FORMAT;
	run_plan(ana_activity, &p, &t);
	CHECK_INT(t.nrows, 8); /* four formats in each of 2023 and 2024 */
	r = find_row(&t, 2023, "key", "in-person"); /* item 1 */
	CHECK_INT(cell(&t, r, "planned")->i, 1);
	CHECK_INT(cell(&t, r, "held")->i, 1);
	REAL(&t, r, "implementation_rate", 1.0);
	r = find_row(&t, 2023, "key", "virtual"); /* item 2, cancelled */
	CHECK_INT(cell(&t, r, "planned")->i, 1);
	CHECK_INT(cell(&t, r, "cancelled")->i, 1);
	REAL(&t, r, "implementation_rate", 0.0);
	r = find_row(&t, 2023, "key", "unknown");
	CHECK_INT(cell(&t, r, "planned")->i, 0);
	UNDEFINED(&t, r, "implementation_rate");
	r = find_row(&t, 2024, "key", "hybrid"); /* items 1 and 3 */
	CHECK_INT(cell(&t, r, "planned")->i, 2);
	CHECK_INT(cell(&t, r, "held")->i, 2);
	r = find_row(&t, 2024, "key", "unknown"); /* item 2, planned */
	CHECK_INT(cell(&t, r, "planned")->i, 1);
	CHECK_INT(cell(&t, r, "pending")->i, 1);
	CHECK_INT(
	    cell(&t, find_row(&t, 2024, "key", "in-person"), "planned")->i, 0);
	ana_table_release(&t);

	p.by = ANA_BY_VENUE;
	run_plan(ana_activity, &p, &t);
	/* 2023: Astana (1, 3), unknown (2); 2024: Astana (3), Baku (1),
	 * unknown (2), unknown last. */
	CHECK_INT(t.nrows, 5);
	CHECK_STR(cell(&t, 0, "key")->s, "Astana");
	CHECK_INT(cell(&t, 0, "planned")->i, 2);
	CHECK_INT(cell(&t, 0, "held")->i, 2);
	CHECK_STR(cell(&t, 1, "key")->s, "unknown");
	CHECK_INT(cell(&t, 1, "cancelled")->i, 1);
	CHECK_STR(cell(&t, 3, "key")->s, "Baku");
	CHECK_INT(cell(&t, 3, "held")->i, 1);
	CHECK_STR(cell(&t, 4, "key")->s, "unknown");
	CHECK_INT(cell(&t, 4, "year")->i, 2024);
	CHECK_INT(cell(&t, 4, "pending")->i, 1);
	ana_table_release(&t);
}

/* The totals of sums per year, in 128 bits: ana_year_totals() of what
 * cbm_sum gave, found by year through ana_sums_by_year(). */
static void test_sum_total(void)
{
	GArray *sums = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	GArray *totals = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	GHashTable *by_year;
	struct ana_sum s = {.year = 2023};
	char b[CBM_MONEY_BUF];

	s.value = INT64_MAX;
	g_array_append_val(sums, s);
	s.year = 2024;
	g_array_append_val(sums, s);
	g_array_append_val(sums, s);
	ana_year_totals(sums, totals);
	by_year = ana_sums_by_year(totals);
	/* 2 x (2^63 - 1) = 18,446,744,073,709,551,614. */
	CHECK(ana_sum_of(by_year, 2024) != NULL);
	CHECK_STR(
	    cbm_money_plain(b, sizeof(b), ana_sum_of(by_year, 2024)->value, 0),
	    "18446744073709551614");
	CHECK(ana_sum_of(by_year, 2023) &&
	      ana_sum_of(by_year, 2023)->value == INT64_MAX);
	CHECK(ana_sum_of(by_year, 2022) == NULL);
	g_hash_table_destroy(by_year);
	g_array_free(totals, TRUE);
	g_array_free(sums, TRUE);
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
	test_shares_scale();
	test_secondments();
	test_curve();
	test_stats_arrays();
	test_forecast();
	test_forecast_days();
	test_memo();
	test_lookups();
	setup_roll();
	test_roll_outstanding();
	test_roll_as_of();
	test_roll_collection();
	test_roll_drafts();
	test_state_years();
	test_names_and_organization();
	setup_big();
	test_big_collection();
	test_big_contributions();
	test_big_outstanding();
	test_big_concentration();
	test_big_execution();
	test_big_shares();
	test_big_curve();
	test_sum_total();
	setup_plan();
	test_coordinators();
	test_coordinators_later();
	test_activity_format_venue();
	st_close(plandb);
	st_close(big);
	st_close(roll);
	st_close(db);
	return check_summary();
}
