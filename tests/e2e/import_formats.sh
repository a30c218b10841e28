#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# import_formats.sh - file shapes that must load: BOM or not, ',' ';' or tab,
# CRLF or LF, quoted fields, headers in any order and case, unknown columns,
# and the Excel (Russian locale) sample export.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# The rows of the last batch, one line each.
last_batch_rows() {
	sql "SELECT state, received_on, amount, currency, budget_year, kind,
	            coalesce(reference, '-'), coalesce(note, '-')
	     FROM contributions WHERE batch_id = (SELECT max(id) FROM batches)
	     ORDER BY id"
}

expect_rows() {
	local got
	got=$(last_batch_rows)
	[ "$got" = "$1" ] || fail "stored rows differ
  expected:
$1
  got:
$got"
}

test_utf8_without_bom_comma_lf() {
	load_base
	run_cbm import contributions "$(data contributions.csv)"
	expect_status 0
	expect_stdout_has "loaded as batch 4: 3 contributions"
	expect_eq "$ERR" "" "stderr of a clean import"
	expect_rows "KAZ|2023-03-15|5000000|USD|2023|voluntary|REF-1|-
KOR|2023-12-12|5000000|USD|2023|voluntary|REF-2|RoK announced in December 2023
IRN|2023-12-12|10000|EUR|2023|voluntary|REF-3|-"
}

test_bom_semicolon_crlf() {
	load_base
	run_cbm import contributions "$(data formats/bom_semicolon_crlf.csv)"
	expect_status 0
	expect_stderr_lacks "warning"
	# The BOM is not part of the first header name ("state"), CR is not
	# part of the last field, ';' inside quotes is data.
	expect_rows "KAZ|2023-12-12|5000000|USD|2023|voluntary|R-1|-
KAZ|2023-12-13|123450|USD|2023|voluntary|R-2|a; b"
	expect_sql "SELECT count(*) FROM contributions WHERE note LIKE '%'||char(13)||'%'
	            OR reference LIKE '%'||char(13)||'%'" "0"
}

test_semicolon_lf_without_bom() {
	load_base
	run_cbm import contributions "$(data formats/semicolon_lf_nobom.csv)"
	expect_status 0
	# "10,00" in a ';' file: the comma is the decimal mark.
	expect_rows "KAZ|2023-02-01|1000|USD|2023|voluntary|-|-"
}

test_comma_crlf_without_bom() {
	load_base
	run_cbm import contributions "$(data formats/comma_crlf_nobom.csv)"
	expect_status 0
	expect_rows "IRN|2023-02-02|2000|USD|2023|voluntary|-|-"
	expect_sql "SELECT currency = 'USD' FROM contributions" "1"
}

test_tab_delimited() {
	load_base
	run_cbm import contributions "$(data formats/tab.csv)"
	expect_status 0
	# No budget_year column: the year of received_on.  A comma inside an
	# amount in a tab file is a thousands separator, not a delimiter.
	expect_rows "KOR|2023-12-12|5000000|USD|2023|voluntary|-|-
KAZ|2023-12-12|100000|USD|2023|voluntary|-|-"
}

test_quoted_delimiter_quotes_and_newline() {
	load_base
	run_cbm import contributions "$(data formats/quoted.csv)"
	expect_status 0
	expect_stdout_has "3 contributions"
	expect_sql "SELECT reference FROM contributions WHERE state = 'KAZ'" "REF, one"
	expect_sql "SELECT note FROM contributions WHERE state = 'KAZ'" 'He said "paid"'
	expect_sql "SELECT amount FROM contributions WHERE state = 'KAZ'" "5000000"
	expect_sql "SELECT note = 'first line' || char(10) || 'second line'
	            FROM contributions WHERE state = 'KOR'" "1"
	# The record after the two-line one is read whole.
	expect_sql "SELECT received_on, amount, note FROM contributions
	            WHERE state = 'IRN'" "2023-01-12|20000|plain"
}

test_header_other_order_and_mixed_case() {
	load_base
	run_cbm import contributions "$(data formats/header_order_case.csv)"
	expect_status 0
	expect_stderr_lacks "warning"
	expect_rows "IRN|2023-04-01|30000|USD|2024|voluntary|-|-"
}

test_quoted_header_names() {
	load_base
	printf '"State";"Received_On";"Amount";"Currency"\r\n"KAZ";"05.01.2023";"1 000,00";"USD"\r\n' |
		write q.csv
	run_cbm import contributions q.csv
	expect_status 0
	expect_rows "KAZ|2023-01-05|100000|USD|2023|voluntary|-|-"
}

test_unknown_column_is_a_warning_naming_it() {
	load_base
	run_cbm import contributions "$(data formats/extra_column.csv)"
	expect_status 0
	expect_stderr_has "extra_column.csv:1:Remarks: warning: unknown column"
	expect_rows "RUS|2023-05-05|7500000|USD|2023|voluntary|-|-"
}

test_blank_lines_are_skipped() {
	load_base
	printf 'state,received_on,amount,currency\n\nKAZ,2023-01-09,5,USD\n\n' | write b.csv
	run_cbm import contributions b.csv
	expect_status 0
	expect_rows "KAZ|2023-01-09|500|USD|2023|voluntary|-|-"
}

test_last_line_without_newline() {
	load_base
	printf 'state,received_on,amount,currency\r\nKAZ,2023-01-09,5,USD\r\nKOR,2023-01-10,6,USD' | write n.csv
	run_cbm import contributions n.csv
	expect_status 0
	expect_rows "KAZ|2023-01-09|500|USD|2023|voluntary|-|-
KOR|2023-01-10|600|USD|2023|voluntary|-|-"
}

# Excel writes rows of empty cells (";;;") when cells below the data were
# cleared but not deleted; like blank lines they hold no record.
test_rows_of_empty_fields_are_skipped() {
	load_base
	printf 'state;received_on;amount;currency\r\nKAZ;2023-07-01;1;USD\r\n;;;\r\n;;;\r\n' | write e.csv
	run_cbm import contributions e.csv
	expect_status 0
	expect_rows "KAZ|2023-07-01|100|USD|2023|voluntary|-|-"
}

test_other_kinds_load() {
	load_base
	printf 'area,state,role,from_year,to_year\nTER,Iran,coordinator,2020,\nNDM,Қазақстан,co-coordinator,2019,2022\n' | write co.csv
	run_cbm import coordinators co.csv
	expect_status 0
	expect_sql "SELECT area, state, role, from_year, coalesce(to_year, '-') FROM coordinators ORDER BY id" \
		"TER|IRN|coordinator|2020|-
NDM|KAZ|co-coordinator|2019|2022"
	printf 'year,item,title,area,organizers,co_organizers,start,end,format,status\n2023,27,Workshop,ter,Kazakhstan|Россия,Iran,12.12.2023,13.12.2023,Hybrid,HELD\n' | write plan.csv
	run_cbm import plan plan.csv
	expect_status 0
	expect_stdout_has "1 events, 2 organizers, 1 co-organizers"
	expect_sql "SELECT year, item, area, organizers, co_organizers, start_date, end_date, format, status FROM v_events" \
		"2023|27|TER|KAZ|RUS|IRN|2023-12-12|2023-12-13|hybrid|held"
	printf 'state,year,person_months,grade\nKAZ,2023,"6,5",P-3\nRoK,2023,12,\n' | write se.csv
	run_cbm import secondments se.csv
	expect_status 0
	expect_sql "SELECT state, year, person_months, coalesce(grade, '-') FROM secondments ORDER BY id" \
		"KAZ|2023|6.5|P-3
KOR|2023|12.0|-"
	printf 'scale,state,share\nsc1,KAZ,60\nsc1,KOR,30\n' | write sc.csv
	run_cbm import scale sc.csv
	expect_status 0
	expect_stderr_has "warning: shares add up to 90.00 %"
	expect_sql "SELECT scale, state, share FROM scales ORDER BY state" "sc1|KAZ|60.0
sc1|KOR|30.0"
	printf 'year,line,title,approved,currency,spent\n2023,1,Staff,0,USD,\n2023,2,Travel,"1 000,00",USD,"250,50"\n' | write bu.csv
	run_cbm import budget bu.csv
	expect_status 0
	expect_sql "SELECT line, approved, coalesce(spent, '-'), approved_usd FROM budget_lines ORDER BY line" \
		"1|0|-|0
2|100000|25050|100000"
}

test_excel_russian_sample_loads_entirely() {
	local d=excel_ru
	init_db
	import_ok states "$(data "$d"/states.csv)"
	import_ok areas "$(data "$d"/areas.csv)"
	import_ok fx "$(data "$d"/fx.csv)"
	import_ok budget "$(data "$d"/budget.csv)"
	import_ok pledges "$(data "$d"/pledges.csv)"
	import_ok plan "$(data "$d"/plan.csv)"
	run_cbm import contributions "$(data "$d"/contributions_excel_ru.csv)"
	expect_status 0
	# 140 CRLF-terminated records in the file: the header and 139 rows
	# (quoted notes hold bare LF newlines).
	expect_stdout_has "139 contributions"
	expect_sql "SELECT count(*) FROM contributions" "139"
	expect_sql "SELECT row_count FROM batches WHERE kind = 'contributions'" "139"
	expect_sql "SELECT count(*) FROM states" "30"
	expect_sql "SELECT count(*) FROM events" "51"
	expect_sql "SELECT count(*) FROM budget_lines" "30"
	expect_sql "SELECT count(*) FROM pledges" "24"
	expect_sql "SELECT count(*) FROM fx_rates" "252"
	# Names in Russian (Таиланд), U+00A0 and U+202F between thousands,
	# an alias (PRC), Türkiye in EUR converted at the 2019-03-01 rate.
	expect_sql "SELECT reference, state, received_on, amount, currency, amount_usd
	            FROM contributions WHERE reference IN ('REF-2019-THA-0',
	            'REF-2019-UZB-1', 'REF-2019-KGZ-0', 'REF-2019-CHN-1',
	            'REF-2019-TUR-0') ORDER BY reference" \
		"REF-2019-CHN-1|CHN|2019-02-26|101172932|CNY|15113415
REF-2019-KGZ-0|KGZ|2019-01-03|2500000|USD|2500000
REF-2019-THA-0|THA|2019-08-27|1500000|USD|1500000
REF-2019-TUR-0|TUR|2019-03-27|13319126|EUR|15000000
REF-2019-UZB-1|UZB|2019-12-08|1500000|USD|1500000"
	expect_sql "SELECT note FROM contributions WHERE reference = 'REF-2019-TUR-0'" \
		'Includes "events" share, 2nd part'
	expect_sql "SELECT count(*) FROM contributions
	            WHERE note = 'Paid in two tranches,' || char(10) || 'second pending'" "19"
	expect_sql "SELECT count(*) FROM contributions WHERE note LIKE '%'||char(13)||'%'" "0"
	expect_sql "SELECT count(DISTINCT state) FROM contributions" "28"
	# Kuwait joined in 2022: its earlier contributions load with a warning.
	expect_stderr_count "warning: contribution for" 2
	expect_stderr_has "contributions_excel_ru.csv:8:State: warning: contribution for 2019, before KWT joined in 2022 'Кувейт'"
}

run_tests "$@"
