#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# overflow.sh - money at the bound: import refuses one amount above 10^15
# minor units (10,000,000,000,000.00 USD), and every figure, chart and
# report of amounts at the bound works, with sums past int64 (about
# 9.2 x 10^18) exact to the cent.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

CEILING=10000000000000.00 # 10^15 cents

# ---- refused at import ----------------------------------------------------------

test_amount_above_ceiling_refused() {
	load_base
	snapshot
	# 10^15 + 1 cents, and 10^15 + 1 yen (JPY has no decimals).
	printf 'state,received_on,amount,currency\nKAZ,2024-03-01,"10 000 000 000 000,01",USD\nKOR,2024-03-01,1000000000000001,JPY\nIRN,2024-03-01,999999999999999.99,USD\n' |
		write c.csv
	run_cbm import contributions c.csv
	expect_status 1
	expect_stderr_has "c.csv:2:amount: amount too large: at most 10000000000000.00 (10^15 minor units) '10 000 000 000 000,01'"
	expect_stderr_has "c.csv:3:amount: amount too large: at most 1000000000000000 (10^15 minor units) '1000000000000001'"
	expect_stderr_has "c.csv:4:amount: amount too large: at most 10000000000000.00 (10^15 minor units) '999999999999999.99'"
	expect_stderr_has "nothing was loaded"
	expect_db_unchanged
	# Pledges and both budget amounts have the same bound.
	printf 'state,budget_year,amount,currency\nKAZ,2024,10000000000000.01,USD\n' | write p.csv
	run_cbm import pledges p.csv
	expect_status 1
	expect_stderr_has "p.csv:2:amount: amount too large"
	printf 'year,line,title,approved,currency,spent\n2024,1,Staff,10000000000000.01,USD,1.00\n2024,2,Rent,1.00,USD,10000000000000.01\n' |
		write b.csv
	run_cbm import budget b.csv
	expect_status 1
	expect_stderr_has "b.csv:2:approved: amount too large"
	expect_stderr_has "b.csv:3:spent: amount too large"
	expect_db_unchanged
}

test_amount_at_ceiling_loads() {
	load_base
	contrib_file c.csv KAZ 2024-03-01 "$CEILING" USD
	run_cbm import contributions c.csv
	expect_status 0
	expect_sql "SELECT amount, amount_usd FROM contributions" \
		"1000000000000000|1000000000000000"
}

# Within the bound, an amount may still be worth too much at an absurd
# rate: refused when it is imported, and an fx file that would do it to
# rows already loaded is refused too.
test_absurd_rate_refused() {
	load_base
	printf 'currency,date,usd_per_unit\nJPY,2024-01-01,100\n' | write fx.csv
	import_ok fx fx.csv
	snapshot
	contrib_file c.csv KOR 2024-03-01 1000000000000000 JPY
	run_cbm import contributions c.csv
	expect_status 1
	expect_stderr_has "c.csv:2:amount: amount too large to convert: at 100 USD per JPY"
	expect_db_unchanged
	# 10^15 yen at 0.0075 (tests/data/fx.csv) is 7.5 x 10^15 cents: it
	# loads; a rate of 1 USD a yen from 2024-02-01 on would make it
	# 10^17 cents, past what the store keeps per row.
	contrib_file c2.csv KOR 2023-03-01 1000000000000000 JPY
	import_ok contributions c2.csv
	printf 'currency,date,usd_per_unit\nJPY,2023-02-01,1\n' | write fx2.csv
	snapshot
	run_cbm import fx fx2.csv
	expect_status 1
	expect_stderr_has "at 1 USD per JPY on 2023-03-01, an amount of contributions of batch"
	expect_db_unchanged
}

# A budget line's spent amount may be empty, and so may its US cents: a
# rate that would make it too large is refused all the same, not stored
# as 'no spending reported'.
test_absurd_rate_for_spent_refused() {
	load_base
	printf 'year,line,title,approved,currency,spent\n2024,1,Staff,1,JPY,1000000000000000\n' |
		write b.csv
	import_ok budget b.csv
	expect_sql "SELECT spent_usd FROM budget_lines" "750000000000000"
	printf 'currency,date,usd_per_unit\nJPY,2023-06-01,1\n' | write fx2.csv
	snapshot
	run_cbm import fx fx2.csv
	expect_status 1
	expect_stderr_has "at 1 USD per JPY on 2024-01-01, an amount of budget_lines of batch 4 (b.csv)"
	expect_db_unchanged
}

# ---- figures at the bound -------------------------------------------------------

# 10,004 contributions: one at the ceiling in 2022 (KAZ), two in 2023 (KAZ,
# KOR), 10,000 in 2024 (KAZ 9,300 on 1 March, KOR 700 on 1 June) and
# 100.00 received in 2025, which closes 2024 for the trend.  Budgets of
# one line at the ceiling in 2022 and 2023, ten in 2024 (each spent by
# half); pledges at the ceiling from IRN, KAZ, KOR for 2024.  Rates: EUR
# at 0.8 USD from 2024 on (1.10 before, tests/data/fx.csv), IRR at 65,536
# a dollar (2^-16 USD, exact in binary).
load_big() {
	load_base
	printf 'currency,date,usd_per_unit\nEUR,2024-01-01,0.8\nIRR,2020-01-01,0.0000152587890625\n' |
		write fx-big.csv
	import_ok fx fx-big.csv
	awk -v c="$CEILING" 'BEGIN {
		print "year,line,title,approved,currency,spent"
		print "2022,1,Staff," c ",USD,"
		print "2023,1,Staff," c ",USD,"
		for (i = 1; i <= 10; i++)
			printf "2024,%d,Line %d,%s,USD,5000000000000.00\n", i, i, c
	}' | write budget-big.csv
	import_ok budget budget-big.csv
	awk -v c="$CEILING" 'BEGIN {
		print "state,received_on,amount,currency,reference"
		print "KAZ,2022-05-01," c ",USD,K2022"
		print "KAZ,2023-05-01," c ",USD,K2023"
		print "KOR,2023-05-02," c ",USD,R2023"
		for (i = 0; i < 9300; i++)
			printf "KAZ,2024-03-01,%s,USD,K-%d\n", c, i
		for (i = 0; i < 700; i++)
			printf "KOR,2024-06-01,%s,USD,R-%d\n", c, i
		print "KOR,2025-01-15,100.00,USD,R2025"
	}' | write contributions-big.csv
	import_ok contributions contributions-big.csv
	printf 'state,budget_year,amount,currency\nKAZ,2024,%s,USD\nKOR,2024,%s,USD\nIRN,2024,%s,USD\n' \
		"$CEILING" "$CEILING" "$CEILING" | write pledges-big.csv
	import_ok pledges pledges-big.csv
}

# CSV with the columns named, as cut -d, -f picks them (no quoted fields).
csv_cols() {
	printf '%s\n' "$OUT" | cut -d, -f"$1"
}

test_figures_at_the_bound() {
	load_big
	# 2024: 10,000 x 10^15 = 10^19 cents received, past INT64_MAX;
	# approved 10 x 10^15: a rate of 1000.  Pledges: 3 x 10^15; kept
	# min(10^15, 9.3 x 10^18) + min(10^15, 7 x 10^17) + 0 = 2 / 3.
	run_cbm stats collection --format csv
	expect_status 0
	expect_stdout_is "year,approved,received,collection_rate,pledged,pledge_fulfilment,currency
2022,10000000000000.00,10000000000000.00,1,0.00,,USD
2023,10000000000000.00,20000000000000.00,2,0.00,,USD
2024,100000000000000.00,100000000000000000.00,1000,30000000000000.00,0.6666666667,USD
2025,,100.00,,0.00,,USD"
	run_cbm stats collection --year 2024 --format json
	expect_status 0
	expect_stdout_has '"received": 100000000000000000.00'
	run_cbm stats collection --year 2024
	expect_status 0
	expect_stdout_has "100,000,000,000,000,000.00"

	# KAZ alone: 9,300 x 10^15 = 9.3 x 10^18 cents, past INT64_MAX.
	run_cbm stats contributions --year 2024 --format csv
	expect_status 0
	expect_stdout_is "year,state,received,share,name,currency
2024,KAZ,93000000000000000.00,0.93,Kazakhstan,USD
2024,KOR,7000000000000000.00,0.07,Republic of Korea,USD"
	run_cbm stats contributions --year 2024 --format json
	expect_status 0
	expect_stdout_has '"received": 93000000000000000.00'

	# In EUR at 0.8 USD: 10^15 / 0.8 = 1.25 x 10^15 cents a row.
	run_cbm stats contributions --year 2024 --currency EUR --format csv
	expect_status 0
	expect_stdout_is "year,state,received,share,name,currency
2024,KAZ,116250000000000000.00,0.93,Kazakhstan,EUR
2024,KOR,8750000000000000.00,0.07,Republic of Korea,EUR"
	# In IRR each row alone is 10^15 x 65,536 = 6.5536 x 10^19 minor
	# units; KAZ has 9,300 of them.
	run_cbm stats contributions --year 2024 --currency IRR --format csv
	expect_status 0
	expect_stdout_is "year,state,received,share,name,currency
2024,KAZ,6094848000000000000000.00,0.93,Kazakhstan,IRR
2024,KOR,458752000000000000000.00,0.07,Republic of Korea,IRR"

	# The whole roll: the members that neither pledged nor paid too.
	run_cbm stats outstanding --year 2024 --format csv
	expect_status 0
	expect_stdout_is "year,state,pledged,received,outstanding,status,name,currency
2024,IRN,10000000000000.00,0.00,10000000000000.00,nothing,Iran,USD
2024,KAZ,10000000000000.00,93000000000000000.00,0.00,paid in full,Kazakhstan,USD
2024,KOR,10000000000000.00,7000000000000000.00,0.00,paid in full,Republic of Korea,USD
2024,KWT,0.00,0.00,0.00,none,Kuwait,USD
2024,RUS,0.00,0.00,0.00,none,Russia,USD
2024,TUR,0.00,0.00,0.00,none,Türkiye,USD"
	run_cbm stats outstanding --format json
	expect_status 0
	expect_stdout_has '"received": 93000000000000000.00'

	# Shares .93 and .07: HHI .8698, Gini 2 x 8.6 / (2 x 4 x 5) = .43.
	run_cbm stats concentration --year 2024 --format csv
	expect_status 0
	expect_stdout_is "year,contributors,top1_share,top3_share,top5_share,hhi,gini
2024,2,0.93,1,1,0.8698,0.43"
	run_cbm stats concentration --format json
	expect_status 0
	expect_stdout_has '"hhi": 0.8698'

	# 2022-2024 (2024 is over: 2025 has a receipt): 10^13, 2 x 10^13,
	# 10^17 USD.
	run_cbm stats trend --format csv
	expect_status 0
	expect_eq "$(csv_cols 1,9,10,11)" "next_year,from,to,years
2025,2022,2024,3" "trend years"
	run_cbm stats trend --of collection_rate --format json
	expect_status 0
	expect_stdout_has '"next_year": 2025'

	# 2024 is a leap year: 1 March is day 61, 1 June day 153.  The
	# earlier years received theirs on 1 and 2 May (day 121 and 122):
	# rates 0 before, then 1 (2022) and 2 (2023).
	run_cbm stats curve --year 2024 --format csv
	expect_status 0
	expect_eq "$(csv_cols 1-8 | sed -n '1p;61,62p;153,154p;367p')" \
		"year,day,cumulative,rate,mean_rate,min_rate,max_rate,even_pace
2024,60,0.00,0,0,0,0,0.1639344262
2024,61,93000000000000000.00,930,0,0,0,0.1666666667
2024,152,93000000000000000.00,930,1.5,1,2,0.4153005464
2024,153,100000000000000000.00,1000,1.5,1,2,0.4180327869
2024,366,100000000000000000.00,1000,1.5,1,2,1" "curve"
	run_cbm stats curve --year 2024 --format json
	expect_status 0
	expect_stdout_has '"cumulative": 100000000000000000.00'

	# Budget execution and what-if shares of the same year.
	run_cbm stats execution --year 2024 --format csv
	expect_status 0
	expect_stdout_has "2024,total,100000000000000.00,50000000000000.00,0.5,50000000000000.00,Total"
	run_cbm stats shares --year 2024 --format csv
	expect_status 0
	expect_stdout_has ",93000000000000000.00,"

	# The documented view sums with total(): REAL dollars, no failure.
	run_cbm query --format csv "SELECT year, received_usd FROM v_collection_by_year WHERE year = 2024"
	expect_status 0
	expect_stdout_is "year,received_usd
2024,100000000000000000.00"
	# cbm_sum() gives the exact cents where sum() would fail.
	run_cbm query --format csv "SELECT cbm_sum(amount_usd) AS cents FROM contributions WHERE budget_year = 2024"
	expect_status 0
	expect_stdout_is "cents
10000000000000000000"
}

test_chart_and_report_at_the_bound() {
	load_big
	run_cbm chart history -o "$T/x.png"
	expect_status 0
	head -c 8 "$T/x.png" | od -An -c | grep -q 'P   N   G' ||
		fail "x.png is not a PNG"
	run_cbm chart curve --year 2024 -o "$T/curve.pdf"
	expect_status 0
	run_cbm report budget --year 2024 -o "$T/r.pdf"
	expect_status 0
	[ -s "$T/r.pdf" ] || fail "no r.pdf"
	local text
	# The summary says the 2024 total in full: 10^19 cents.
	text=$(pdftotext "$T/r.pdf" -)
	case "$text" in
	*"100,000,000,000,000,000.00 USD had been received"*) ;;
	*) fail "the brief lacks the 2024 total 100,000,000,000,000,000.00" ;;
	esac
	run_cbm report annual --year 2024 --lang ru -o "$T/a.pdf"
	expect_status 0
	run_cbm report state --state KAZ -o "$T/s.pdf"
	expect_status 0
	# KAZ: 9.3 x 10^18 cents in 2024, and in all 10^15 (2022) + 10^15
	# (2023) + 9.3 x 10^18 = 9.302 x 10^18.
	text=$(pdftotext -layout "$T/s.pdf" -)
	case "$text" in
	*"93,020,000,000,000,000.00"*) ;;
	*) fail "the statement lacks KAZ's total 93,020,000,000,000,000.00" ;;
	esac
	case "$text" in
	*"2024"*"93,000,000,000,000,000.00"*) ;;
	*) fail "the statement lacks KAZ's 2024: 93,000,000,000,000,000.00" ;;
	esac
}

run_tests "$@"
