#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# cli.sh - the command line itself: version, help, usage errors (exit 2),
# the database location (--db, $CBM_DB, ./cbm.sqlite), a missing database.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

KINDS="states areas coordinators plan contributions pledges budget fx secondments scale"

test_version() {
	run_cbm --version
	expect_status 0
	expect_stdout_is "cbm 0.1.0"
}

test_help_lists_every_command() {
	run_cbm help
	expect_status 0
	local c
	for c in init import batches undo query help; do
		printf '%s\n' "$OUT" | grep -qE "^  $c( |$)" ||
			fail "cbm help does not list '$c'"
	done
	# Every command it lists has its own help.
	for c in $(printf '%s\n' "$OUT" | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF {print $1}'); do
		run_cbm help "$c"
		expect_status 0
		expect_stdout_has "cbm $c"
		run_cbm "$c" --help
		expect_status 0
	done
	run_cbm --help
	expect_status 0
	expect_stdout_has "Commands:"
}

test_help_import_shows_file_kinds() {
	local k
	run_cbm help import
	expect_status 0
	for k in $KINDS; do
		printf '%s\n' "$OUT" | grep -qE "^  $k +[a-z_]+\*" ||
			fail "cbm help import lacks the kind '$k' with its columns"
	done
	expect_stdout_has "contributions state*, received_on*, amount*, currency*"
	expect_stdout_has "--decimal-mark"
	expect_stdout_has "--date-format"
	local help=$OUT
	run_cbm import --help
	expect_status 0
	for k in $KINDS; do
		printf '%s\n' "$OUT" | grep -qE "^  $k +[a-z_]+\*" ||
			fail "cbm import --help lacks the kind '$k'"
	done
	# The same text both ways (GLib's own --help may print the ellipsis
	# of "[OPTION…]" as "?" when cbm has not set a locale).
	expect_eq "$(printf '%s\n' "$OUT" | sed 's/OPTION[^]]*]/OPTION]/')" \
		"$(printf '%s\n' "$help" | sed 's/OPTION[^]]*]/OPTION]/')" \
		"cbm import --help and cbm help import"
}

test_unknown_command() {
	run_cbm frobnicate
	expect_status 2
	expect_stderr_has "frobnicate"
	run_cbm help frobnicate
	expect_status 2
	run_cbm
	expect_status 2
}

test_unknown_option() {
	init_db
	snapshot
	run_cbm --frobnicate batches
	expect_status 2
	expect_stderr_has "frobnicate"
	run_cbm batches --frobnicate
	expect_status 2
	run_cbm import contributions --frobnicate "$(data contributions.csv)"
	expect_status 2
	run_cbm query --frobnicate "SELECT 1"
	expect_status 2
	expect_db_unchanged
}

test_bad_option_values() {
	load_base
	snapshot
	run_cbm query --format xml "SELECT 1"
	expect_status 2
	expect_stderr_has "xml"
	run_cbm batches --format yaml
	expect_status 2
	run_cbm import contributions --date-format xyz "$(data contributions.csv)"
	expect_status 2
	expect_stderr_has "xyz"
	run_cbm import contributions --decimal-mark x "$(data contributions.csv)"
	expect_status 2
	run_cbm import contributions --replace abc "$(data contributions.csv)"
	expect_status 2
	run_cbm import contributions --replace 1 "$(data contributions.csv)" "$(data formats/quoted.csv)"
	expect_status 2
	run_cbm import nonsense "$(data contributions.csv)"
	expect_status 2
	expect_stderr_has "nonsense"
	run_cbm import contributions
	expect_status 2
	run_cbm undo
	expect_status 2
	expect_db_unchanged
}

# Runs cbm ARGS on a database that does not exist.
no_database() {
	run_cbm "$@"
	[ "$STATUS" != 0 ] || fail "cbm $* without a database should fail"
	expect_stderr_has "cbm init"
	[ ! -e "$CBM_DB" ] || fail "cbm $* created the database"
}

test_missing_database() {
	export CBM_DB=$T/missing.sqlite
	no_database batches
	no_database query "SELECT 1"
	no_database query --list
	no_database undo 1
	no_database import contributions "$(data contributions.csv)"
}

test_database_location() {
	# --db before or after the command, then $CBM_DB, then ./cbm.sqlite.
	export CBM_DB=$T/env.sqlite
	run_cbm --db "$T/opt.sqlite" init
	expect_status 0
	[ -e "$T/opt.sqlite" ] || fail "--db FILE was not created"
	[ ! -e "$T/env.sqlite" ] || fail "\$CBM_DB was used despite --db"
	run_cbm init
	expect_status 0
	[ -e "$T/env.sqlite" ] || fail "\$CBM_DB was not created"
	run_cbm batches --db "$T/opt.sqlite" --format csv
	expect_status 0
	unset CBM_DB
	mkdir sub && cd sub || return
	run_cbm init
	expect_status 0
	[ -e "$T/sub/cbm.sqlite" ] || fail "./cbm.sqlite was not created"
}

test_init_twice_changes_nothing() {
	load_base
	# A new database has pages of 16 KiB (store/db.c says why).
	expect_sql "PRAGMA page_size" 16384
	snapshot
	run_cbm init
	expect_status 0
	expect_stdout_has "schema version $(sql "PRAGMA user_version")"
	expect_db_unchanged
}

test_import_messages_go_to_the_right_stream() {
	load_base
	printf 'state,received_on,amount,currency,extra\nKAZ,2023-01-01,1,USD,x\n' | write w.csv
	run_cbm import contributions w.csv
	expect_status 0
	# What was loaded on stdout, warnings on stderr.
	expect_stdout_has "w.csv: loaded as batch 4: 1 contributions"
	expect_stdout_lacks "warning"
	expect_stderr_has "w.csv:1:extra: warning: "
	printf 'state,received_on,amount,currency\nKAZ,2023-01-01,x,USD\n' | write e.csv
	run_cbm import contributions e.csv
	expect_status 1
	expect_stdout_is ""
}

test_output_that_cannot_be_written() {
	load_base
	# A full disk: the table cannot be written, so cbm must not say 0.
	"$CBM" query "SELECT * FROM v_states" >/dev/full 2>"$T/err"
	expect_eq "$?" 3 "exit status writing to /dev/full"
	grep -q "cannot write the output" "$T/err" ||
		fail "no message about the lost output"
}

run_tests "$@"
