#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# import_errors.sh - files that must be refused: exit status 1, every
# problem reported as FILE:LINE:COLUMN: message 'value' (LINE the physical
# line where the record starts, the header being line 1; no column for
# problems of the record itself) and the database left exactly as it was.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# Imports contributions file F (in $T or a path) that must be refused.
refuse() {
	snapshot
	run_cbm import contributions "$@"
	expect_status 1
	expect_stdout_lacks "loaded as batch"
	expect_db_unchanged
}

# A database with the base set and one batch of contributions, so that
# "unchanged" covers rows already there.
test_bad_amount() {
	base_with_rows
	printf 'state,received_on,amount,currency\nKAZ,2023-05-01,100,USD\nKOR,2023-05-02,12a,USD\n' | write c.csv
	refuse c.csv
	expect_stderr_has "c.csv:3:amount: "
	expect_stderr_has "'12a'"
	expect_stderr_has "c.csv: refused with 1 error; nothing was loaded"
}

test_unknown_state() {
	base_with_rows
	printf 'state,received_on,amount,currency\nAtlantis,2023-05-01,100,USD\n' | write c.csv
	refuse c.csv
	expect_stderr_has "c.csv:2:state: not a known state"
	expect_stderr_has "'Atlantis'"
}

test_impossible_date() {
	base_with_rows
	printf 'state,received_on,amount,currency\nKAZ,2023-05-01,100,USD\nKAZ,2023-05-02,100,USD\nKAZ,31.02.2024,100,USD\n' | write c.csv
	refuse c.csv
	expect_stderr_has "c.csv:4:received_on: "
	expect_stderr_has "'31.02.2024'"
}

test_negative_amount() {
	base_with_rows
	printf 'state,received_on,amount,currency\nKAZ,2023-05-01,-100,USD\n' | write c.csv
	refuse c.csv
	expect_stderr_has "c.csv:2:amount: "
	expect_stderr_has "'-100'"
}

test_zero_amount() {
	base_with_rows
	printf 'state,received_on,amount,currency\nKAZ,2023-05-01,"0,00",USD\n' | write c.csv
	refuse c.csv
	expect_stderr_has "c.csv:2:amount: "
	expect_stderr_has "'0,00'"
}

test_missing_fx_rate() {
	base_with_rows
	# The first EUR rate is dated 2023-01-01.
	printf 'state,received_on,amount,currency\nKAZ,2023-01-01,100,EUR\nKAZ,31.12.2022,100,EUR\n' | write c.csv
	refuse c.csv
	expect_stderr_has "c.csv:3:currency: "
	expect_stderr_has "EUR"
	expect_stderr_has "2022-12-31"
	expect_stderr_count "c.csv:2:" 0
}

test_missing_fx_rate_pledge_and_budget() {
	base_with_rows
	# A pledge without a date is converted at 1 January of its year; so
	# is a budget line.
	printf 'state,budget_year,amount,currency\nKAZ,2022,100,EUR\n' | write p.csv
	snapshot
	run_cbm import pledges p.csv
	expect_status 1
	expect_stderr_has "p.csv:2:currency: "
	expect_stderr_has "2022-01-01"
	expect_db_unchanged
	printf 'year,line,title,approved,currency\n2022,1,Staff,100,KZT\n' | write b.csv
	run_cbm import budget b.csv
	expect_status 1
	expect_stderr_has "b.csv:2:currency: "
	expect_stderr_has "KZT"
	expect_stderr_has "2022-01-01"
	expect_db_unchanged
}

test_missing_required_column() {
	base_with_rows
	printf 'state,received_on,currency\nKAZ,2023-05-01,USD\n' | write c.csv
	refuse c.csv
	expect_stderr_has "c.csv:1:amount: missing required column"
}

test_missing_one_of_fx_columns() {
	base_with_rows
	printf 'currency,date\nEUR,2023-05-01\n' | write f.csv
	snapshot
	run_cbm import fx f.csv
	expect_status 1
	expect_stderr_has "f.csv:1"
	expect_stderr_has "usd_per_unit"
	expect_db_unchanged
}

test_column_appears_twice() {
	base_with_rows
	printf 'state,received_on,amount,currency,State\nKAZ,2023-05-01,1,USD,KAZ\n' | write c.csv
	refuse c.csv
	expect_stderr_has "c.csv:1:State: "
}

test_utf16_file_errors_at_its_own_lines() {
	base_with_rows
	# Excel's "Unicode text": UTF-16LE with a BOM, read as such; its
	# problems are reported at the file's lines.
	printf 'state\tamount\r\nKAZ\t1\r\n' | iconv -f UTF-8 -t UTF-16LE |
		{ printf '\xff\xfe'; cat; } | write u.txt
	refuse u.txt
	expect_stderr_has "u.txt:1:received_on: missing required column"
	expect_stderr_lacks "UTF-8"
}

test_states_errors() {
	base_with_rows
	printf 'code,name_en,aliases\nUZB,Uzbekistan,Turkey\nKZ,Kz,\nTKM,Turkmenistan,\nTKM,Turkmenistan again,\n' | write s.csv
	snapshot
	run_cbm import states s.csv
	expect_status 1
	expect_stderr_has "s.csv:2:aliases: "
	expect_stderr_has "'Turkey'"
	expect_stderr_has "s.csv:3:code: "
	expect_stderr_has "'KZ'"
	expect_stderr_has "s.csv:5:code: "
	expect_db_unchanged
}

test_plan_errors() {
	base_with_rows
	printf 'year,item,title,area,organizers\n2023,1,Workshop,TER,Kazakhstan|Atlantis\n2023,2,Seminar,XXX,KAZ\n2023,1,Again,TER,KAZ\n' | write p.csv
	snapshot
	run_cbm import plan p.csv
	expect_status 1
	expect_stderr_has "p.csv:2:organizers: "
	expect_stderr_has "'Atlantis'"
	expect_stderr_has "p.csv:3:area: "
	expect_stderr_has "'XXX'"
	expect_stderr_has "p.csv:4:item: "
	expect_db_unchanged
}

# Issue 15: an item added after adoption, with a day that does not exist
# and a requester nobody knows; the good row beside them is not loaded
# either.
test_plan_added_errors() {
	base_with_rows
	printf 'year,item,title,area,organizers,added_on,requested_by\n2024,1,Workshop,TER,KAZ,05.12.2023,Russia\n2024,2,Seminar,TER,KAZ,31.02.2024,KAZ\n2024,3,Forum,TER,KAZ,2023-12-07,Russia|Atlantis\n' | write p.csv
	snapshot
	run_cbm import plan p.csv
	expect_status 1
	expect_stdout_lacks "loaded as batch"
	expect_stderr_has "p.csv:3:added_on: "
	expect_stderr_has "'31.02.2024'"
	expect_stderr_has "p.csv:4:requested_by: "
	expect_stderr_has "'Atlantis'"
	expect_stderr_count "p.csv:2:" 0
	expect_stderr_has "nothing was loaded"
	expect_db_unchanged
	expect_sql "SELECT count(*) FROM events" 0
}

test_non_utf8_byte_reported_at_its_line() {
	base_with_rows
	refuse "$(data bad/latin1_state.csv)"
	expect_stderr_has "latin1_state.csv:3: "
	expect_stderr_has "UTF-8"
	expect_stderr_count "latin1_state.csv:2" 0
}

test_non_utf8_byte_inside_multiline_field() {
	base_with_rows
	# The record starts on line 2; the bad byte is on line 3.
	printf 'state,received_on,amount,currency,note\nKAZ,2023-05-01,1,USD,"first\nsecond \xfc"\nKOR,2023-05-02,2,USD,x\n' |
		write c.csv
	refuse c.csv
	expect_stderr_has "c.csv:3: "
	expect_stderr_has "UTF-8"
}

test_too_many_and_too_few_fields() {
	base_with_rows
	printf 'state,received_on,amount,currency\nKAZ,2023-05-01,1,USD\nKAZ,2023-05-02,2,USD,extra\nKAZ,2023-05-03\nKAZ,2023-05-04,4,USD\n' |
		write c.csv
	refuse c.csv
	# The record's own problems: line, no column.
	expect_stderr_has "c.csv:3: "
	expect_stderr_has "c.csv:4: "
	expect_stderr_has "refused with 2 errors"
}

test_unterminated_quote() {
	base_with_rows
	refuse "$(data bad/unterminated_quote.csv)"
	expect_stderr_has "unterminated_quote.csv:3: "
	expect_stderr_has "quote"
}

test_empty_file() {
	base_with_rows
	refuse "$(data bad/empty.csv)"
	expect_stderr_has "empty.csv:1"
	expect_stderr_has "empty"
}

test_line_numbers_count_physical_lines() {
	base_with_rows
	# Lines 2-3 and 4-6 are records with quoted newlines; line 7 is fine;
	# the bad amount is on line 8.
	refuse "$(data bad/quoted_newline_then_error.csv)"
	expect_stderr_has "quoted_newline_then_error.csv:8:amount: "
	expect_stderr_has "'12a'"
}

test_line_numbers_after_multiline_record_crlf() {
	base_with_rows
	printf 'state,received_on,amount,currency,note\r\nKAZ,2023-05-01,1,USD,"a\r\nb"\r\nKOR,2023-05-02,12a,USD,x\r\nKOR,2023-05-03,3,USD,"y\r\nz",extra\r\n' |
		write c.csv
	refuse c.csv
	expect_stderr_has "c.csv:4:amount: "
	expect_stderr_has "c.csv:5: "
}

test_all_errors_of_a_file_reported() {
	base_with_rows
	printf 'state,received_on,amount,currency\nKAZ,2023-05-01,1x,USD\nKAZ,2023-05-02,2,USD\nKazakstan,2023-05-03,3,USD\nKAZ,2023-05-04,4,USD\nKAZ,30.02.2023,5,USD\n' |
		write c.csv
	refuse c.csv
	expect_stderr_has "c.csv:2:amount: "
	expect_stderr_has "c.csv:4:state: "
	expect_stderr_has "did you mean 'Kazakhstan'?"
	expect_stderr_has "c.csv:6:received_on: "
	expect_stderr_count "c.csv:" 4
	expect_stderr_has "c.csv: refused with 3 errors"
}

test_several_errors_in_one_row() {
	base_with_rows
	printf 'state,received_on,amount,currency\nAtlantis,31.02.2024,12a,USD\n' | write c.csv
	refuse c.csv
	expect_stderr_has "c.csv:2:state: "
	expect_stderr_has "c.csv:2:received_on: "
	expect_stderr_has "c.csv:2:amount: "
}

test_more_than_50_errors() {
	base_with_rows
	{
		echo 'state,received_on,amount,currency'
		for i in $(seq 1 60); do echo "KAZ,2023-05-01,bad$i,USD"; done
	} | write c.csv
	refuse c.csv
	expect_stderr_count ":amount: " 50
	expect_stderr_has "c.csv:2:amount: "
	expect_stderr_has "c.csv:51:amount: "
	expect_stderr_lacks "c.csv:52:amount: "
	expect_stderr_has "stopped after 50 errors"
}

test_several_files_stop_at_first_refused() {
	base_with_rows
	printf 'state,received_on,amount,currency\nKAZ,2023-06-01,1,USD\n' | write a.csv
	printf 'state,received_on,amount,currency\nKAZ,2023-06-02,2,USD\n' | write b.csv
	printf 'state,received_on,amount,currency\nKAZ,2023-06-03,x,USD\n' | write bad.csv
	printf 'state,received_on,amount,currency\nKAZ,2023-06-04,4,USD\n' | write c.csv
	run_cbm import contributions a.csv b.csv bad.csv c.csv
	expect_status 1
	expect_stdout_has "a.csv: loaded as batch 5"
	expect_stdout_has "b.csv: loaded as batch 6"
	expect_stdout_lacks "c.csv"
	expect_stderr_has "bad.csv:2:amount: "
	expect_stderr_has "stopped at bad.csv"
	expect_stderr_has "a.csv (batch 5), b.csv (batch 6)"
	expect_sql "SELECT file_name FROM batches WHERE id > 4 ORDER BY id" "a.csv
b.csv"
	expect_sql "SELECT received_on FROM contributions WHERE batch_id > 4 ORDER BY id" "2023-06-01
2023-06-02"
}

test_missing_input_file() {
	base_with_rows
	snapshot
	run_cbm import contributions nowhere.csv
	expect_status 3
	expect_stderr_has "nowhere.csv"
	expect_db_unchanged
}

test_contributions_before_states() {
	init_db
	snapshot
	run_cbm import contributions "$(data contributions.csv)"
	expect_status 1
	expect_stderr_has "contributions.csv:1:state: no states are loaded yet"
	expect_stderr_count "contributions.csv:" 2 # the error and the summary
	expect_db_unchanged
}

test_ambiguous_rate_refused() {
	load_base
	snapshot
	printf 'currency,date,units_per_usd\nIDR,2023-01-01,"15,000"\n' | write fx2.csv
	run_cbm import fx "$T/fx2.csv"
	expect_status 1
	expect_stderr_has "fx2.csv:2:units_per_usd: ambiguous number"
	expect_db_unchanged
	run_cbm import fx --decimal-mark . "$T/fx2.csv"
	expect_status 1 # rates take no thousands separator: with ".", the "," is refused
	run_cbm import fx --decimal-mark , "$T/fx2.csv"
	expect_status 0
	expect_sql "SELECT round(1 / usd_per_unit, 6) FROM fx_rates WHERE currency = 'IDR'" "15.0"
}

run_tests "$@"
