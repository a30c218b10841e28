#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# money.sh - conversion to US cents at the latest rate on or before the
# date of each row, recomputed when the rates behind it change.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# Base set; contributions.csv holds IRN 100.00 EUR received 2023-12-12.
eur_row() {
	sql "SELECT usd_per_unit, amount_usd FROM contributions WHERE currency = 'EUR'"
}

test_eur_converted_at_latest_rate() {
	base_with_rows
	# The latest EUR rate on or before 2023-12-12 is 1.10 (2023-01-01).
	expect_sql "SELECT amount, usd_per_unit, amount_usd FROM contributions
	            WHERE currency = 'EUR'" "10000|1.1|11000"
	expect_sql "SELECT amount_usd FROM contributions WHERE currency = 'USD'
	            ORDER BY id" "5000000
5000000"
	run_cbm query --format csv "SELECT amount, amount_usd FROM v_contributions WHERE currency = 'EUR'"
	expect_status 0
	expect_stdout_is "amount,amount_usd
100.00,110.00"
}

test_new_rate_in_between_recomputes() {
	base_with_rows
	# A rate dated 2023-06-01, between the base rate and 2023-12-12.
	run_cbm import fx "$(data fx_eur_mid2023.csv)"
	expect_status 0
	expect_eq "$(eur_row)" "1.2|12000" "EUR row after the new rate"
	# A later rate, after the contribution, changes nothing.
	printf 'currency,date,usd_per_unit\nEUR,2023-12-13,2.00\n' | write later.csv
	run_cbm import fx later.csv
	expect_status 0
	expect_eq "$(eur_row)" "1.2|12000" "EUR row after a later rate"
	# Undoing the 2023-06-01 rate brings back the 1.10 one.
	run_cbm undo "$(sql "SELECT id FROM batches WHERE file_name = 'fx_eur_mid2023.csv'")"
	expect_status 0
	expect_eq "$(eur_row)" "1.1|11000" "EUR row after undoing the rate"
}

test_rate_on_the_day_itself() {
	base_with_rows
	printf 'currency,date,usd_per_unit\nEUR,2023-12-12,1.05\n' | write day.csv
	run_cbm import fx day.csv
	expect_status 0
	expect_eq "$(eur_row)" "1.05|10500" "EUR row with a rate of its own day"
}

test_replace_fx_recomputes() {
	base_with_rows
	printf 'currency,date,usd_per_unit\nEUR,2023-01-01,1.25\nKZT,2023-01-01,0.0022\nJPY,2023-01-01,0.0075\nKWD,2023-01-01,3.25\n' |
		write fx2.csv
	run_cbm import fx --replace 3 fx2.csv
	expect_status 0
	expect_eq "$(eur_row)" "1.25|12500" "EUR row after replacing the rates"
}

test_replace_fx_leaving_rows_without_rate_refused() {
	base_with_rows
	printf 'currency,date,usd_per_unit\nEUR,2024-01-01,1.30\n' | write fxlate.csv
	snapshot
	run_cbm import fx --replace 3 fxlate.csv
	expect_status 1
	expect_stderr_has "EUR"
	expect_stderr_has "2023-12-12"
	expect_stderr_has "batch 4 (contributions.csv)"
	expect_db_unchanged
}

test_units_per_usd() {
	load_base
	run_cbm import fx "$(data fx_units_per_usd.csv)"
	expect_status 0
	# 500 KZT per USD from 2023-02-01: 1 000 000 KZT = 2000 USD.
	printf 'state,received_on,amount,currency\nKAZ,01.03.2023,"1 000 000,00",KZT\n' | write k.csv
	run_cbm import contributions k.csv
	expect_status 0
	expect_sql "SELECT amount, usd_per_unit, amount_usd FROM contributions" \
		"100000000|0.002|200000"
	expect_sql "SELECT units_per_usd FROM v_fx WHERE currency = 'KZT' AND date = '2023-02-01'" "500.0"
}

test_rates_of_days_in_any_order() {
	load_base
	printf 'currency,date,usd_per_unit\nEUR,2020-01-01,1.10\nEUR,2023-06-01,1.20\nKZT,2021-01-01,0.0025\n' |
		write fx3.csv
	run_cbm import fx fx3.csv
	expect_status 0
	# Days late, early, in between and repeated, two currencies: each
	# row gets the latest rate on or before its own day.
	printf 'state,received_on,amount,currency,reference\nKAZ,2024-03-01,100.00,EUR,a\nKAZ,2020-02-01,100.00,EUR,b\nKAZ,2023-05-31,100.00,EUR,c\nKAZ,2023-06-01,100.00,EUR,d\nKAZ,2020-02-01,200.00,EUR,e\nKAZ,2022-01-01,400.00,KZT,f\nKAZ,2024-03-01,300.00,EUR,g\n' |
		write days.csv
	run_cbm import contributions days.csv
	expect_status 0
	expect_sql "SELECT reference, usd_per_unit, amount_usd FROM contributions
	            ORDER BY reference" "a|1.2|12000
b|1.1|11000
c|1.1|11000
d|1.2|12000
e|1.1|22000
f|0.0025|100
g|1.2|36000"
	# A day before the first rate is refused at its line, after others.
	printf 'state,received_on,amount,currency,reference\nKAZ,2024-03-01,100.00,EUR,h\nKAZ,2019-12-31,100.00,EUR,i\n' |
		write early.csv
	snapshot
	run_cbm import contributions early.csv
	expect_status 1
	expect_stderr_has "early.csv:3"
	expect_stderr_has "no fx rate for EUR on or before 2019-12-31"
	expect_db_unchanged
}

# The rates remembered during an import take memory by the days rows
# name, not by the span between them: 300 currencies, each with a row in
# 1900 and one in 2100, stay well under DESIGN's 64 MiB (an array over
# each span took 187 MB).  The memory is not ours to count under
# sanitizers, nor without /usr/bin/time (Debian time).
test_rates_of_days_far_apart_stay_small() {
	load_base
	local codes c i=0 kib
	codes=$(printf '%s\n' Q{A..L}{A..Z} | head -300)
	{
		echo "currency,date,usd_per_unit"
		for c in $codes; do echo "$c,1900-01-01,1.5"; done
	} >fx300.csv
	{
		echo "state,received_on,amount,currency,reference"
		for c in $codes; do
			i=$((i + 1))
			echo "KAZ,1900-01-02,100.00,$c,a$i"
			echo "KAZ,2100-12-31,100.00,$c,b$i"
		done
	} >far.csv
	run_cbm import fx fx300.csv
	expect_status 0
	if [ "${CBM_SANITIZE:-0}" = 1 ] || [ ! -x /usr/bin/time ]; then
		run_cbm import contributions far.csv
		expect_status 0
	else
		/usr/bin/time -f %M -o rss "$CBM" import contributions far.csv \
			>out 2>&1 || fail "the import failed: $(cat out)"
		kib=$(tail -1 rss)
		echo "  peak RSS: $kib KiB"
		[ "$kib" -le $((64 * 1024)) ] || fail "peak RSS $kib KiB, over 64 MiB"
	fi
	expect_sql "SELECT count(*), count(DISTINCT currency), sum(amount_usd)
	            FROM contributions WHERE usd_per_unit = 1.5" "600|300|9000000"
}

test_pledge_and_budget_dates_of_conversion() {
	base_with_rows
	run_cbm import fx "$(data fx_eur_mid2023.csv)"
	expect_status 0
	# A pledge without pledged_on and a budget line: 1 January of the
	# year (rate 1.10); a pledge dated 2023-12-01: rate 1.20.
	printf 'state,budget_year,amount,currency,pledged_on\nKAZ,2023,100.00,EUR,\nKOR,2024,100.00,EUR,2023-12-01\n' | write p.csv
	run_cbm import pledges p.csv
	expect_status 0
	expect_sql "SELECT state, rate_date, amount_usd FROM pledges ORDER BY id" \
		"KAZ|2023-01-01|11000
KOR|2023-12-01|12000"
	printf 'year,line,title,approved,currency,spent\n2023,1,Staff,"1 000,00",EUR,"500,00"\n' | write b.csv
	run_cbm import budget b.csv
	expect_status 0
	expect_sql "SELECT approved, spent, approved_usd, spent_usd FROM budget_lines" \
		"100000|50000|110000|55000"
}

# Each amount is converted and rounded to the cent half away from zero:
# 0.10 EUR at 1.15 USD is 0.115 USD, 0.12; 1 234.50 EUR is 1 419.675 USD,
# 1 419.68.  (1.15 has no exact binary form: a product computed in binary
# floating point falls just under the half cent.)
test_rounding_half_away_from_zero() {
	init_db
	import_ok states "$(data states.csv)"
	printf 'currency,date,usd_per_unit\nEUR,2023-01-01,1.15\n' | write fx.csv
	import_ok fx fx.csv
	printf 'state,received_on,amount,currency\nKAZ,2023-02-01,"0,10",EUR\nKAZ,2023-02-02,"1 234,50",EUR\nKAZ,2023-02-03,"0,05",EUR\n' |
		write r.csv
	run_cbm import contributions r.csv
	expect_status 0
	expect_sql "SELECT amount, amount_usd FROM contributions ORDER BY id" \
		"10|12
123450|141968
5|6"
}

test_collection_by_year_view() {
	base_with_rows
	printf 'year,line,title,approved,currency\n2023,1,Staff,"200 000,00",USD\n' | write b.csv
	import_ok budget b.csv
	# Received: 50 000 + 50 000 + 110 USD of an approved 200 000.
	run_cbm query --format csv "SELECT year, approved_usd, received_usd, collection_rate FROM v_collection_by_year"
	expect_status 0
	expect_stdout_is "year,approved_usd,received_usd,collection_rate
2023,200000.00,100110.00,0.50055"
}

run_tests "$@"
