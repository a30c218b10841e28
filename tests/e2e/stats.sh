#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# stats.sh - `cbm stats FIGURE` end to end on the hand-made data set of
# tests/data/analysis (the arithmetic behind every expected value is in
# tests/analysis/test_analysis.c): the CSV and JSON are parsed back with the
# sqlite3 CLI (.import --csv, json_each/readfile) and checked column by
# column; the table for people; usage and data errors; the database is only
# read.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# ---- the data set ---------------------------------------------------------------

# A fresh database with every file of tests/data/analysis, in import order.
load_analysis() {
	local k
	init_db
	for k in states areas fx budget contributions pledges plan secondments scale; do
		import_ok "$k" "$(data "analysis/$k.csv")"
	done
}

# The leading columns of each figure (DESIGN.md, "The figures' interface").
columns_of() {
	case $1 in
	collection) echo "year,approved,received,collection_rate,pledged,pledge_fulfilment" ;;
	contributions) echo "year,state,received,share" ;;
	outstanding) echo "year,state,pledged,received,outstanding,status" ;;
	execution) echo "year,line,approved,spent,execution_rate,remaining" ;;
	activity) echo "year,key,planned,held,postponed,cancelled,implementation_rate" ;;
	concentration) echo "year,contributors,top1_share,top3_share,top5_share,hhi,gini" ;;
	trend) echo "next_year,slope,intercept,slope_se,forecast,lo95,hi95,cagr" ;;
	shares) echo "year,state,share,due,received,difference" ;;
	secondments) echo "year,state,person_months" ;;
	coordinators) echo "year,dimension,area,role,state,organised,held" ;;
	curve) echo "year,day,cumulative,rate,mean_rate,min_rate,max_rate,even_pace" ;;
	*) echo "?" ;;
	esac
}

# The amount columns of each figure: plain, exactly two decimals.
amounts_of() {
	case $1 in
	collection | asof) echo "approved received pledged" ;;
	contributions*) echo "received" ;;
	outstanding) echo "pledged received outstanding" ;;
	execution) echo "approved spent remaining" ;;
	trend_received) echo "forecast lo95 hi95" ;;
	shares_*) echo "due received difference" ;;
	curve*) echo "cumulative" ;;
	esac
}

# NAME FIGURE ARGS... : every run the tests parse back.
FETCHES="collection:collection
contributions:contributions
contributions_all:contributions --kind all --year 2021
outstanding:outstanding
execution:execution
activity_area:activity --by area
activity_dimension:activity --by dimension
activity_organizer:activity --by organizer
activity_format:activity --by format
activity_venue:activity --by venue
coordinators:coordinators --year 2023
concentration:concentration
trend_received:trend --of received
trend_rate:trend --of collection_rate
shares_equal:shares --scale equal --from 2020
shares_test:shares --scale test
secondments:secondments
curve2020:curve --year 2020
curve2021:curve --year 2021
asof:collection --as-of 2021-02-01"

# ---- parsing the output back --------------------------------------------------------

# The parsed figures live in $T/fig.db: table c_NAME from the CSV (every
# column TEXT, as written), j_NAME from the JSON (column X holds the JSON
# value, X_t its json_type).
FMT=csv
P=c

fsql() {
	sqlite3 -batch "$T/fig.db" "$1" 2>&1
}

expect_fsql() {
	local got
	got=$(fsql "$1")
	[ "$got" = "$2" ] || fail "query on the parsed $FMT: $1
  expected: $2
  got:      $got"
}

# fetch NAME FIGURE ARGS...: runs the figure in $FMT, checks its leading
# columns and loads it into $T/fig.db.
fetch() {
	local name=$1 fig=$2 want got file
	shift 2
	run_cbm stats "$fig" "$@" --format "$FMT"
	expect_status 0
	want=$(columns_of "$fig")
	file=$T/$name.$FMT
	cp "$T/.stdout" "$file"
	if [ "$FMT" = csv ]; then
		got=$(head -n 1 "$file")
		case "$got," in
		"$want",*) ;;
		*) fail "stats $fig: CSV header '$got' does not start with '$want'" ;;
		esac
		sqlite3 -batch "$T/fig.db" ".import --csv '$file' c_$name" ||
			fail "stats $fig: sqlite3 cannot import the CSV"
	else
		local shape
		shape=$(sqlite3 -batch :memory: "
			SELECT json_valid(readfile('$file')) || ' ' ||
			       json_type(readfile('$file')) || ' ' ||
			       (SELECT count(*) FROM json_each(readfile('$file'))
			        WHERE type <> 'object')" 2>&1)
		expect_eq "$shape" "1 array 0" "stats $fig --format json: valid, one array of objects only"
		got=$(sqlite3 -batch :memory: "
			SELECT group_concat(key, ',') FROM
			  (SELECT key FROM json_each(readfile('$file'), '\$[0]') ORDER BY id)" 2>&1)
		case "$got," in
		"$want",*) ;;
		*) fail "stats $fig: JSON keys '$got' do not start with '$want'" ;;
		esac
		expect_eq "$(sqlite3 -batch :memory: "
			SELECT count(DISTINCT (SELECT group_concat(k.key, ',') FROM json_each(o.value) AS k))
			FROM json_each(readfile('$file')) AS o" 2>&1)" 1 \
			"stats $fig --format json: every object has the same keys"
		# One table column per key: its value and its JSON type.
		local cols="" k
		for k in ${got//,/ }; do
			cols="$cols${cols:+, }json_extract(value, '\$.\"$k\"') AS \"$k\",
			      json_type(value, '\$.\"$k\"') AS \"${k}_t\""
		done
		sqlite3 -batch "$T/fig.db" "CREATE TABLE j_$name AS SELECT $cols
			FROM json_each(readfile('$file')) ORDER BY key" ||
			fail "stats $fig: cannot load the JSON"
	fi
}

fetch_all() {
	local line
	FMT=$1
	P=${1:0:1}
	while IFS= read -r line; do
		# shellcheck disable=SC2086 # the figure's arguments split on spaces
		fetch "${line%%:*}" ${line#*:}
	done <<<"$FETCHES"
}

# Checks of one cell, the same for CSV and JSON; TABLE is a fetch NAME,
# WHERE an SQL condition on its row (exactly one row must match).

# An amount, written with exactly two decimals: money TABLE WHERE COL 600.00
money() {
	if [ "$FMT" = csv ]; then
		expect_fsql "SELECT quote($3) FROM c_$1 WHERE $2" "'$4'"
	else
		expect_fsql "SELECT $3_t || ' ' || printf('%.2f', $3) FROM j_$1 WHERE $2" "real $4"
	fi
}

# A number within TOL (default 6 significant digits) of VALUE (an SQL
# expression): near TABLE WHERE COL VALUE [TOL]
near() {
	local tol=${5:-"5e-6 * abs($4) + 1e-12"} type=""
	[ "$FMT" = json ] && type="AND $3_t IN ('integer', 'real')"
	expect_fsql "SELECT CASE WHEN $3 <> '' $type AND abs($3 - ($4)) <= $tol
	             THEN 'ok' ELSE 'got ' || quote($3) END FROM ${P}_$1 WHERE $2" "ok"
}

# An integer: int TABLE WHERE COL N
int() {
	if [ "$FMT" = csv ]; then
		expect_fsql "SELECT quote($3) FROM c_$1 WHERE $2" "'$4'"
	else
		expect_fsql "SELECT $3_t || ' ' || $3 FROM j_$1 WHERE $2" "integer $4"
	fi
}

# A text: text TABLE WHERE COL TEXT
text() {
	if [ "$FMT" = csv ]; then
		expect_fsql "SELECT quote($3) FROM c_$1 WHERE $2" "'$4'"
	else
		expect_fsql "SELECT $3_t || ' ' || $3 FROM j_$1 WHERE $2" "text $4"
	fi
}

# An undefined value: an empty field, or JSON null: undef TABLE WHERE COL
undef() {
	if [ "$FMT" = csv ]; then
		expect_fsql "SELECT quote($3) FROM c_$1 WHERE $2" "''"
	else
		expect_fsql "SELECT $3_t FROM j_$1 WHERE $2" "null"
	fi
}

# rows TABLE WHERE N
rows() {
	expect_fsql "SELECT count(*) FROM ${P}_$1 WHERE $2" "$3"
}

# The hand-worked values of tests/analysis/test_analysis.c.
check_values() {
	# collection
	rows collection 1 4
	money collection "year = 2020" approved 1000.00
	money collection "year = 2020" received 600.00
	near collection "year = 2020" collection_rate 0.6
	money collection "year = 2020" pledged 800.00
	near collection "year = 2020" pledge_fulfilment 0.75
	money collection "year = 2021" approved 2000.00
	money collection "year = 2021" received 1000.00
	near collection "year = 2021" collection_rate 0.5
	near collection "year = 2021" pledge_fulfilment 1
	near collection "year = 2022" collection_rate 1
	money collection "year = 2022" pledged 240.00
	undef collection "year = 2023" approved
	undef collection "year = 2023" collection_rate
	undef collection "year = 2023" pledge_fulfilment
	money collection "year = 2023" received 700.00

	# contributions
	rows contributions "year = 2021" 2
	money contributions "year = 2021 AND state = 'AAA'" received 600.00
	near contributions "year = 2021 AND state = 'AAA'" share 0.6
	near contributions "year = 2020 AND state = 'AAA'" share "2.0 / 3"
	rows contributions_all 1 3
	near contributions_all "year = 2021 AND state = 'CCC'" share 0.5
	near contributions_all "year = 2021 AND state = 'BBB'" share 0.2
	money contributions_all "year = 2021 AND state = 'CCC'" received 1000.00

	# outstanding
	money outstanding "year = 2020 AND state = 'BBB'" pledged 300.00
	money outstanding "year = 2020 AND state = 'BBB'" received 200.00
	money outstanding "year = 2020 AND state = 'BBB'" outstanding 100.00
	text outstanding "year = 2020 AND state = 'BBB'" status "in part"
	money outstanding "year = 2020 AND state = 'CCC'" outstanding 100.00
	text outstanding "year = 2020 AND state = 'CCC'" status "nothing"
	text outstanding "year = 2020 AND state = 'AAA'" status "paid in full"
	money outstanding "year = 2021 AND state = 'AAA'" outstanding 0.00
	text outstanding "year = 2021 AND state = 'AAA'" status "paid in full"
	text outstanding "year = 2021 AND state = 'BBB'" status "no pledge"

	# execution
	near execution "year = 2020 AND line = '1'" execution_rate "500.0 / 600"
	money execution "year = 2020 AND line = '1'" remaining 100.00
	near execution "year = 2020 AND line = '2'" execution_rate 1.125
	money execution "year = 2020 AND line = '2'" remaining -50.00
	money execution "year = 2020 AND line = 'total'" approved 1000.00
	money execution "year = 2020 AND line = 'total'" spent 950.00
	near execution "year = 2020 AND line = 'total'" execution_rate 0.95
	money execution "year = 2020 AND line = 'total'" remaining 50.00
	money execution "year = 2021 AND line = '1'" approved 1100.00
	undef execution "year = 2021 AND line = '1'" spent
	undef execution "year = 2021 AND line = '1'" execution_rate
	undef execution "year = 2021 AND line = '1'" remaining
	money execution "year = 2021 AND line = 'total'" approved 2000.00
	undef execution "year = 2021 AND line = 'total'" execution_rate

	# activity
	rows activity_area 1 3
	int activity_area "year = 2023 AND key = 'MIL'" planned 2
	int activity_area "year = 2023 AND key = 'MIL'" held 1
	int activity_area "year = 2023 AND key = 'MIL'" cancelled 1
	near activity_area "year = 2023 AND key = 'MIL'" implementation_rate 0.5
	int activity_area "year = 2023 AND key = 'ENV'" postponed 1
	near activity_area "year = 2023 AND key = 'ENV'" implementation_rate 0
	int activity_area "year = 2023 AND key = 'TRD'" planned 0
	undef activity_area "year = 2023 AND key = 'TRD'" implementation_rate
	rows activity_organizer 1 3
	int activity_organizer "year = 2023 AND key = 'AAA'" planned 2
	int activity_organizer "year = 2023 AND key = 'AAA'" held 1
	int activity_organizer "year = 2023 AND key = 'BBB'" planned 2
	int activity_organizer "year = 2023 AND key = 'BBB'" postponed 1
	rows activity_dimension 1 5
	int activity_dimension "year = 2023 AND key = 'military-political'" planned 2
	int activity_dimension "year = 2023 AND key = 'human'" planned 0
	# The plan gives no format and no venue: every item is unknown.
	rows activity_format 1 4
	int activity_format "year = 2023 AND key = 'unknown'" planned 4
	int activity_format "year = 2023 AND key = 'unknown'" held 1
	int activity_format "year = 2023 AND key = 'hybrid'" planned 0
	undef activity_format "year = 2023 AND key = 'hybrid'" implementation_rate
	rows activity_venue 1 1
	int activity_venue "year = 2023 AND key = 'unknown'" planned 4

	# coordinators: none imported, so every area of 2023 is vacant
	rows coordinators 1 3
	rows coordinators "role = 'vacant'" 3
	undef coordinators "area = 'MIL'" state
	undef coordinators "area = 'MIL'" organised

	# concentration: 2022 shares .6, .15, .25
	int concentration "year = 2022" contributors 3
	near concentration "year = 2022" top1_share 0.6
	near concentration "year = 2022" top3_share 1
	near concentration "year = 2022" top5_share 1
	near concentration "year = 2022" hhi 0.445
	near concentration "year = 2022" gini 0.3
	int concentration "year = 2023" contributors 1
	near concentration "year = 2023" hhi 1
	near concentration "year = 2023" gini 0

	# trend of received 600, 1000, 2000 over 2020-2022; half-width of the
	# interval 12.706204736174698 x sqrt(200000) = 5682.3875...
	rows trend_received 1 1
	int trend_received 1 next_year 2023
	near trend_received 1 slope 700 0.005
	near trend_received 1 intercept -1413500 0.005
	near trend_received 1 slope_se "sqrt(30000)" 0.005
	money trend_received 1 forecast 2600.00
	money trend_received 1 lo95 -3082.39
	money trend_received 1 hi95 8282.39
	near trend_received 1 cagr "sqrt(2000.0 / 600) - 1"
	# trend of the rate .6, .5, 1.0
	near trend_rate 1 slope 0.2
	near trend_rate 1 forecast 1.1

	# shares: equal among members joined by the year (--from 2020: every
	# budget year, not only the latest, the default)
	rows shares_equal "year = 2021" 3
	near shares_equal "year = 2021 AND state = 'CCC'" share "1.0 / 3"
	money shares_equal "year = 2021 AND state = 'CCC'" due 666.67
	money shares_equal "year = 2021 AND state = 'CCC'" received 0.00
	money shares_equal "year = 2021 AND state = 'CCC'" difference -666.67
	money shares_equal "year = 2021 AND state = 'AAA'" difference -66.67
	rows shares_equal "year = 2020" 2
	money shares_equal "year = 2020 AND state = 'BBB'" difference -300.00
	rows shares_equal "state = 'OBS'" 0
	money shares_test "year = 2022 AND state = 'AAA'" due 1200.00
	money shares_test "year = 2022 AND state = 'BBB'" difference -500.00
	money shares_test "year = 2022 AND state = 'CCC'" due 0.00
	money shares_test "year = 2022 AND state = 'CCC'" difference 500.00

	# secondments
	rows secondments 1 2
	near secondments "year = 2021 AND state = 'AAA'" person_months 18
	near secondments "year = 2022 AND state = 'BBB'" person_months 3.5

	# curve of 2020 (366 days): 100 on day 1, 400 from day 61, 510 from
	# day 183; the 90 of January 2021 is not on it
	rows curve2020 1 366
	money curve2020 "day = 1" cumulative 100.00
	near curve2020 "day = 1" rate 0.1
	undef curve2020 "day = 1" mean_rate
	money curve2020 "day = 60" cumulative 100.00
	money curve2020 "day = 61" cumulative 400.00
	money curve2020 "day = 183" cumulative 510.00
	near curve2020 "day = 183" even_pace 0.5
	money curve2020 "day = 366" cumulative 510.00
	near curve2020 "day = 366" rate 0.51
	# 2021 against 2020 at the same day number
	rows curve2021 1 365
	near curve2021 "day = 32" rate 0.2
	near curve2021 "day = 182" rate 0.5
	near curve2021 "day = 182" mean_rate 0.4
	near curve2021 "day = 182" min_rate 0.4
	near curve2021 "day = 182" max_rate 0.4
	near curve2021 "day = 365" mean_rate 0.51
}

# ---- CSV ------------------------------------------------------------------------

test_csv_values() {
	load_analysis
	fetch_all csv
	check_values
}

test_csv_plain_numbers() {
	load_analysis
	fetch_all csv
	local line name col
	while IFS= read -r line; do
		name=${line%%:*}
		for col in $(amounts_of "$name"); do
			# Two decimals, no thousands separator (empty if undefined).
			expect_fsql "SELECT count(*) FROM c_$name
				WHERE $col NOT REGEXP '^(-?[0-9]+\.[0-9][0-9])?\$'" 0
		done
		grep -qiE '(^|,)[-+]?(inf|nan)(,|$)' "$T/$name.csv" &&
			fail "stats ${line#*:} --format csv has inf or nan"
	done <<<"$FETCHES"
	# Rates as fractions, never percent signs; no quoted numbers.
	expect_fsql "SELECT count(*) FROM c_collection
		WHERE collection_rate NOT REGEXP '^(-?[0-9]+(\.[0-9]+)?([eE]-?[0-9]+)?)?\$'" 0
	grep -q '%' "$T/collection.csv" && fail "collection CSV has a percent sign"
	# Large amounts keep no separator either.
	expect_fsql "SELECT intercept FROM c_trend_received" "-1413500.00"
}

# ---- JSON -----------------------------------------------------------------------

test_json_values() {
	load_analysis
	fetch_all json
	check_values
}

test_json_plain_numbers() {
	load_analysis
	fetch_all json
	local line name col bad
	while IFS= read -r line; do
		name=${line%%:*}
		for col in $(amounts_of "$name"); do
			# Numbers (never strings), or null when undefined.
			expect_fsql "SELECT count(*) FROM j_$name
				WHERE ${col}_t NOT IN ('real', 'integer', 'null')" 0
			# Written with exactly two decimals.
			bad=$(grep -oE "\"$col\": [^,}]*" "$T/$name.json" |
				grep -vE "\": (-?[0-9]+\.[0-9]{2}|null)\$" | head -n 3)
			[ -z "$bad" ] || fail "stats ${line#*:} --format json: amount not plain: $bad"
		done
		grep -qiE ': *"?-?(inf|infinity|nan)"?[,}]' "$T/$name.json" &&
			fail "stats ${line#*:} --format json has inf or nan"
	done <<<"$FETCHES"
	# Rates are numbers, undefined is null, keys and names are strings.
	FMT=json
	expect_fsql "SELECT group_concat(collection_rate_t, ' ') FROM j_collection" \
		"real real integer null"
	expect_fsql "SELECT DISTINCT year_t FROM j_collection" "integer"
	expect_fsql "SELECT DISTINCT state_t FROM j_contributions" "text"
	expect_fsql "SELECT DISTINCT day_t FROM j_curve2020" "integer"
	# The brief's own query, verbatim.
	expect_eq "$(sqlite3 -batch :memory: "SELECT json_extract(value,'\$.collection_rate')
		FROM json_each(readfile('$T/collection.json'))
		WHERE json_extract(value,'\$.year') = 2021" 2>&1)" "0.5" "2021 collection_rate"
}

# ---- the table for people -------------------------------------------------------------

test_table_for_people() {
	load_analysis
	run_cbm stats collection
	expect_status 0
	expect_stdout_has "1,000.00"
	expect_stdout_has "60.0 %"
	printf '%s\n' "$OUT" | grep -qE '^ *2020 +1,000\.00 +600\.00 +60\.0 % +800\.00 +75\.0 %' ||
		fail "the 2020 row of the collection table"
	# 2023 has no budget: n/a, never 0 or inf.
	printf '%s\n' "$OUT" | grep -qE '^ *2023 +n/a +700\.00 +n/a +0\.00 +n/a *$' ||
		fail "the 2023 row of the collection table should show n/a"
	expect_stdout_lacks "inf"
	expect_stdout_lacks "nan"
	run_cbm stats collection --currency EUR --year 2021
	expect_status 0
	expect_stdout_has "1,818.18"
	expect_stdout_has "863.64"
	expect_stdout_lacks "2020"
	# Undefined execution (no spending recorded) is n/a, not 0.00.
	run_cbm stats execution
	expect_status 0
	printf '%s\n' "$OUT" | grep -qE '^ *2021 +1 +1,100\.00 +n/a +n/a +n/a' ||
		fail "the execution table should show n/a for 2021 line 1"
}

# ---- errors ----------------------------------------------------------------------------

# stats_fails STATUS ARGS...: the run fails with STATUS and prints no data.
stats_fails() {
	local want=$1
	shift
	run_cbm stats "$@"
	expect_status "$want"
	expect_stdout_is ""
	[ -n "$ERR" ] || fail "cbm stats $* should say why it failed"
}

test_data_errors() {
	load_analysis
	stats_fails 1 trend --to 2021
	expect_stderr_has "at least 3 years"
	stats_fails 1 trend --of collection_rate --from 2021 --format csv
	expect_stderr_has "at least 3 years"
	stats_fails 1 collection --currency EUR --year 2020
	expect_stderr_has "EUR"
	expect_stderr_has "2019-12-20"
	stats_fails 1 collection --currency EUR --year 2020 --format json
	stats_fails 1 shares --scale nonesuch
	expect_stderr_has "nonesuch"
}

test_usage_errors() {
	load_analysis
	stats_fails 2 nonesuch
	expect_stderr_has "nonesuch"
	stats_fails 2
	stats_fails 2 collection contributions
	stats_fails 2 activity --by xyz
	expect_stderr_has "xyz"
	stats_fails 2 trend --of xyz
	expect_stderr_has "xyz"
	stats_fails 2 collection --kind xyz
	expect_stderr_has "xyz"
	stats_fails 2 collection --format xyz
	expect_stderr_has "xyz"
	stats_fails 2 collection --as-of 31.02.2024
	expect_stderr_has "31.02.2024"
	stats_fails 2 collection --as-of 2021/02/01
	stats_fails 2 collection --currency euro
	expect_stderr_has "euro"
	stats_fails 2 collection --year twenty
	stats_fails 2 collection --no-such-option
}

test_missing_database() {
	export CBM_DB=$T/missing.sqlite
	run_cbm stats collection
	[ "$STATUS" != 0 ] || fail "cbm stats without a database should fail"
	expect_stdout_is ""
	expect_stderr_has "cbm init"
	[ ! -e "$CBM_DB" ] || fail "cbm stats created the database"
	run_cbm --db "$T/other.sqlite" stats collection --format csv
	[ "$STATUS" != 0 ] || fail "cbm stats without a database should fail"
	expect_stderr_has "cbm init"
	[ ! -e "$T/other.sqlite" ] || fail "cbm stats created the database"
}

# ---- help ---------------------------------------------------------------------------------

test_help_lists_every_figure() {
	local f
	run_cbm help stats
	expect_status 0
	for f in collection contributions outstanding execution activity \
		concentration trend shares secondments curve; do
		printf '%s\n' "$OUT" | grep -qE "^ +$f( |\$)" ||
			fail "cbm help stats does not list the figure '$f'"
	done
	for f in --year --from --to --currency --kind --as-of --by \
		--with-co-organizers --of --scale --format; do
		expect_stdout_has "$f"
	done
}

# ---- --as-of ------------------------------------------------------------------------------

test_as_of() {
	load_analysis
	FMT=csv
	P=c
	fetch asof collection --as-of 2021-02-01
	head -n 1 "$T/asof.csv" | tr ',' '\n' | grep -qx "as_of" ||
		fail "collection --as-of has no as_of column"
	rows asof 1 2
	money asof "year = 2021" received 400.00
	near asof "year = 2021" collection_rate 0.2
	text asof "year = 2021" as_of 2021-02-01
	money asof "year = 2020" received 100.00
	near asof "year = 2020" collection_rate 0.1
	# Same day, another spelling of the date.
	run_cbm stats collection --as-of "1 February 2021" --format csv
	expect_status 0
	expect_eq "$OUT" "$(cat "$T/asof.csv")" "--as-of '1 February 2021' as 2021-02-01"
	FMT=json
	P=j
	fetch asof collection --as-of 2021-02-01
	near asof "year = 2021" collection_rate 0.2
	near asof "year = 2020" collection_rate 0.1
	text asof "year = 2021" as_of 2021-02-01
}

# ---- the database is only read ------------------------------------------------------------

test_database_unchanged() {
	load_analysis
	snapshot
	fetch_all csv
	fetch_all json
	local line
	while IFS= read -r line; do
		# shellcheck disable=SC2086
		run_cbm stats ${line#*:}
		expect_status 0
	done <<<"$FETCHES"
	run_cbm stats trend --to 2021
	run_cbm stats shares --scale nonesuch
	run_cbm stats collection --currency EUR --year 2020
	expect_db_unchanged
	expect_sql "SELECT count(*) FROM contributions" 11
}

test_curve_of_a_year_without_data() {
	load_analysis
	run_cbm stats curve --year 2030
	expect_status 1
	expect_stderr_has "no budget and no contributions for 2030"
}

run_tests "$@"
