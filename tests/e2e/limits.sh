#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# limits.sh - hostile sizes and characters: a field over 1 MiB, a row of
# 10 000 fields, a 10 000-character title or state name, control
# characters.  Each is refused with a clear error at its line (exit 1,
# nothing loaded) or handled, never a crash.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# N copies of character C.
repeat() { head -c "$2" /dev/zero | tr '\0' "$1"; }

test_field_over_one_mib() {
	load_base
	snapshot
	{ printf 'state,received_on,amount,currency,note\n'
	  printf 'KAZ,2023-03-15,100.00,USD,ok\n'
	  printf 'KAZ,2023-03-16,100.00,USD,'; repeat x 1100000; printf '\n'
	} | write big.csv
	run_cbm import contributions "$T/big.csv"
	expect_status 1
	expect_stderr_has "big.csv:3:note: field longer than 1 MiB"
	expect_db_unchanged
}

test_row_of_ten_thousand_fields() {
	load_base
	snapshot
	{ printf 'state,received_on,amount,currency\n'
	  printf 'KAZ,2023-03-15,100.00,USD'; repeat , 10000; printf '\n'
	} | write wide.csv
	run_cbm import contributions "$T/wide.csv"
	expect_status 1
	expect_stderr_has "wide.csv:2: a record has more than"
	expect_db_unchanged
}

test_title_of_ten_thousand_characters() {
	load_base
	snapshot
	{ printf 'year,item,title,area,organizers\n'
	  printf '2024,1,'; repeat a 10000; printf ',TER,KAZ\n'
	} | write plan.csv
	run_cbm import plan "$T/plan.csv"
	expect_status 1
	expect_stderr_has "plan.csv:2:title: text of 10000 characters; the limit is 1000"
	expect_db_unchanged
}

test_state_name_of_ten_thousand_characters() {
	init_db
	snapshot
	{ printf 'code,name_en\n'
	  printf 'XXA,'; repeat a 10000; printf '\n'
	} | write states.csv
	run_cbm import states "$T/states.csv"
	expect_status 1
	expect_stderr_has "states.csv:2:name_en: text of 10000 characters"
	expect_db_unchanged
}

test_control_characters_refused() {
	init_db
	snapshot
	printf 'code,name_en\nXXB,Bell\aland\nXXC,Esc\033ape\n' | write ctl.csv
	run_cbm import states "$T/ctl.csv"
	expect_status 1
	expect_stderr_has "ctl.csv:2:name_en: control character U+0007"
	expect_stderr_has "ctl.csv:3:name_en: control character U+001B"
	expect_db_unchanged
}

test_unknown_name_of_ten_thousand_characters() {
	load_base
	snapshot
	{ printf 'state,received_on,amount,currency\n'
	  repeat z 10000; printf ',2023-03-15,100.00,USD\n'
	} | write who.csv
	run_cbm import contributions "$T/who.csv"
	expect_status 1
	expect_stderr_has "who.csv:2:state: not a known state"
	expect_db_unchanged
}

test_long_line_without_newline() {
	load_base
	snapshot
	{ printf 'state,received_on,amount,currency\n"'; repeat y 5000000; } | write open.csv
	run_cbm import contributions "$T/open.csv"
	expect_status 1
	expect_stderr_has "open.csv:2:"
	expect_db_unchanged
}

run_tests
