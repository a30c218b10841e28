#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# readonly.sh - reading commands on a database the user may only read: a
# read-only file, and a read-only folder such as a network share.  They
# work, and the folder lists exactly what it did before (no -wal, no
# -shm).  Run as root, the reader is the unprivileged user nobody
# (runuser), since root may write anything; run as another user, that
# user reads files it has made read-only.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# The reader's copy of cbm, somewhere the reader may run it.
reader_setup() {
	chmod 755 "$T"
	mkdir -p "$T/bin"
	cp "$CBM" "$T/bin/cbm"
	chmod 755 "$T/bin/cbm"
}

# Runs cbm ARGS as the reader; sets OUT, ERR, STATUS, CMD like run_cbm.
as_reader() {
	CMD="(reader) cbm $*"
	if [ "$(id -u)" = 0 ]; then
		(cd "$T" && runuser -u nobody -- "$T/bin/cbm" "$@") \
			>"$T/.stdout" 2>"$T/.stderr"
	else
		(cd "$T" && "$T/bin/cbm" "$@") >"$T/.stdout" 2>"$T/.stderr"
	fi
	STATUS=$?
	OUT=$(cat "$T/.stdout")
	ERR=$(cat "$T/.stderr")
}

# The entries of a folder, their sizes and times, and its own time.
folder_state() {
	ls -lA --time-style=full-iso "$1"
	stat -c '%y' "$1"
}

# Folder FOLDER with a copy of the example database, owned by the reader.
make_share() {
	mkdir -p "$1"
	cp "$DB" "$1/db.sqlite"
	[ "$(id -u)" = 0 ] && chown -R nobody "$1"
	chmod 755 "$1"
}

# Every reading command, from the reader, on DBFILE; writes outputs into
# $T/out (writable by the reader).
read_everything() {
	local dbfile=$1
	mkdir -p "$T/out"
	chmod 777 "$T/out"
	as_reader --db "$dbfile" query "SELECT count(*) FROM contributions"
	expect_status 0
	expect_stdout_has 434
	as_reader --db "$dbfile" stats collection --year 2024 --format csv
	expect_status 0
	expect_stdout_has "2024,"
	as_reader --db "$dbfile" batches
	expect_status 0
	as_reader --db "$dbfile" chart history -o "$T/out/h.png"
	expect_status 0
	as_reader --db "$dbfile" report budget -o "$T/out/b.pdf"
	expect_status 0
	as_reader --db "$dbfile" import pledges --dry-run "$T/pledges.csv"
	expect_status 0
	expect_stdout_has "would load"
	# A write is refused with a message, not a crash.
	as_reader --db "$dbfile" import pledges "$T/pledges.csv"
	[ "$STATUS" != 0 ] || fail "an import into a read-only database succeeded"
}

test_read_only_file() {
	load_examples
	reader_setup
	printf 'state,budget_year,amount,currency\nKAZ,2026,12345,USD\n' \
		>"$T/pledges.csv"
	make_share "$T/share"
	chmod 444 "$T/share/db.sqlite"
	local before
	before=$(folder_state "$T/share")
	read_everything "$T/share/db.sqlite"
	expect_eq "$(folder_state "$T/share")" "$before" "the folder"
	ls -A "$T/share" | grep -q -- '-wal\|-shm' && fail "-wal or -shm left"
	# Made writable again, it takes imports (no read-only -shm blocks it).
	chmod 644 "$T/share/db.sqlite"
	as_reader --db "$T/share/db.sqlite" import pledges "$T/pledges.csv"
	expect_status 0
}

test_read_only_folder() {
	load_examples
	reader_setup
	printf 'state,budget_year,amount,currency\nKAZ,2026,12345,USD\n' \
		>"$T/pledges.csv"
	make_share "$T/share"
	chmod 555 "$T/share"
	local before
	before=$(folder_state "$T/share")
	read_everything "$T/share/db.sqlite"
	expect_eq "$(folder_state "$T/share")" "$before" "the folder"
	chmod 755 "$T/share"
}

# A writable database: a reader leaves nothing beside it either, even
# when it is the first and last connection in WAL mode.
test_reader_leaves_nothing() {
	load_examples
	[ ! -e "$DB-wal" ] || fail "an import left a -wal"
	local before
	before=$(sha256sum <"$DB")
	run_cbm query "SELECT count(*) FROM states"
	expect_status 0
	run_cbm stats outstanding --year 2024 --format csv
	expect_status 0
	run_cbm report state --state KAZ -o "$T/s.pdf"
	expect_status 0
	[ ! -e "$DB-wal" ] && [ ! -e "$DB-shm" ] ||
		fail "a reading command left -wal or -shm"
	expect_eq "$(sha256sum <"$DB")" "$before" "the database file"
}

run_tests "$@"
