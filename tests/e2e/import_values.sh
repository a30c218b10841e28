#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# import_values.sh - how single values are read: amounts in the forms that
# spreadsheets write, dates, and state names in three languages.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

NBSP=$'\xc2\xa0'    # U+00A0 no-break space
THIN=$'\xe2\x80\x89' # U+2009 thin space
NNBSP=$'\xe2\x80\xaf' # U+202F narrow no-break space

# Imports one contribution and checks the stored value of COLUMN.
#   expect_stored COLUMN EXPECTED STATE DATE AMOUNT CURRENCY [OPTIONS...]
# Each call uses its own file name; the rows differ by date or amount so
# that none repeats an earlier one.
N=0
expect_stored() {
	local column=$1 expected=$2 got
	shift 2
	N=$((N + 1))
	contrib_file "v$N.csv" "$1" "$2" "$3" "$4"
	shift 4
	run_cbm import contributions "v$N.csv" "$@"
	if [ "$STATUS" != 0 ]; then
		fail "v$N.csv should load"
		return
	fi
	got=$(sql "SELECT $column FROM contributions c JOIN batches b
	           ON b.id = c.batch_id WHERE b.file_name = 'v$N.csv'")
	expect_eq "$got" "$expected" "$column of v$N.csv"
}

# Imports one contribution that must be refused with exit 1 and a message
# at v<N>.csv:2:COLUMN naming the value; the database is unchanged.
#   expect_refused COLUMN TEXT STATE DATE AMOUNT CURRENCY [OPTIONS...]
expect_refused() {
	local column=$1 text=$2
	shift 2
	N=$((N + 1))
	contrib_file "v$N.csv" "$1" "$2" "$3" "$4"
	local value
	case $column in
	state) value=$1 ;;
	received_on) value=$2 ;;
	amount) value=$3 ;;
	*) value=$4 ;;
	esac
	shift 4
	snapshot
	run_cbm import contributions "v$N.csv" "$@"
	expect_status 1
	expect_stderr_has "v$N.csv:2:$column: "
	expect_stderr_has "'$value'"
	expect_stderr_has "$text"
	expect_db_unchanged
}

# ---- amounts ---------------------------------------------------------------

test_amount_plain_and_grouped_forms() {
	load_base
	expect_stored amount 5000000 KAZ 2023-02-01 "50000" USD
	expect_stored amount 5000000 KAZ 2023-02-02 "50000.00" USD
	expect_stored amount 5000000 KAZ 2023-02-03 "50,000.00" USD
	expect_stored amount 5000000 KAZ 2023-02-04 "50.000,00" USD
	expect_stored amount 5000000 KAZ 2023-02-05 "50 000,00" USD
	expect_stored amount 123456789 KAZ 2023-02-06 "1.234.567,89" USD
	expect_stored amount 123456789 KAZ 2023-02-07 "1,234,567.89" USD
	expect_stored amount 123456750 KAZ 2023-02-08 "1 234 567,5" USD
	expect_stored amount 1250 KAZ 2023-02-09 "12,5" USD
	expect_stored amount 5000000 KAZ 2023-02-10 "  50 000,00  " USD
}

test_amount_unicode_thousands_separators() {
	load_base
	expect_stored amount 5000000 KAZ 2023-02-01 "50${NBSP}000,00" USD
	expect_stored amount 5000000 KAZ 2023-02-02 "50${THIN}000,00" USD
	expect_stored amount 5000000 KAZ 2023-02-03 "50${NNBSP}000,00" USD
	expect_stored amount 123456750 KAZ 2023-02-04 "1${NBSP}234${NBSP}567,5" USD
}

test_amount_ambiguous_needs_decimal_mark() {
	load_base
	expect_refused amount "--decimal-mark" KAZ 2023-02-01 "50,000" USD
	expect_refused amount "--decimal-mark" KAZ 2023-02-01 "1.234" USD
	expect_stored amount 5000000 KAZ 2023-02-01 "50,000" USD --decimal-mark .
	expect_stored amount 123400 KAZ 2023-02-03 "1.234" USD --decimal-mark ,
	# With ',' as the decimal mark "50,000" is 50.000: three decimals,
	# which the Kuwaiti dinar has (50000 fils) and the US dollar has not
	# (DESIGN.md: more decimals than the currency has is an error).
	expect_stored amount 50000 KAZ 2023-02-02 "50,000" KWD --decimal-mark ,
	expect_refused amount "3 decimals" KAZ 2023-02-02 "50,000" USD --decimal-mark ,
	expect_stored amount 5000 KAZ 2023-02-04 "50,00" USD --decimal-mark ,
}

test_amount_decimals_beyond_the_currency() {
	load_base
	expect_refused amount "3 decimals" KAZ 2023-02-01 "1,000.125" USD
	expect_refused amount "JPY" KAZ 2023-02-01 "1000.50" JPY
	expect_refused amount "JPY" KAZ 2023-02-01 "1000,5" JPY
	# Whole yen are minor units of JPY.
	expect_stored amount 1000000 KAZ 2023-02-01 "1 000 000" JPY
}

test_amount_bad_forms() {
	load_base
	expect_refused amount "not an amount" KAZ 2023-02-01 "12a" USD
	expect_refused amount "amount" KAZ 2023-02-01 "\$100" USD
	expect_refused amount "amount" KAZ 2023-02-01 "5 0000" USD
	expect_refused amount "amount" KAZ 2023-02-01 "5." USD
}

test_currency_and_kind_case_insensitive() {
	load_base
	printf 'state,received_on,amount,currency,kind\nKAZ,2023-01-05,10,usd,EARMARKED\nKOR,2023-01-05,11,Usd,In-Kind\n' |
		write k.csv
	run_cbm import contributions k.csv
	expect_status 0
	expect_sql "SELECT state, currency, kind FROM contributions ORDER BY id" \
		"KAZ|USD|earmarked
KOR|USD|in-kind"
}

# ---- dates -----------------------------------------------------------------

test_date_forms() {
	load_base
	expect_stored received_on 2023-12-12 KAZ "2023-12-12" 1 USD
	expect_stored received_on 2023-12-12 KAZ "12.12.2023" 2 USD
	expect_stored received_on 2023-12-12 KAZ "12 December 2023" 3 USD
	expect_stored received_on 2023-12-12 KAZ "12 Dec 2023" 4 USD
	expect_stored received_on 2023-02-01 KAZ "01.02.2023" 5 USD
	expect_stored received_on 2024-02-29 KAZ "29.02.2024" 6 USD
	# budget_year defaults to the year received.
	expect_stored budget_year 2024 KAZ "29.02.2024" 7 USD
}

test_slash_dates_need_date_format() {
	load_base
	expect_refused received_on "--date-format" KAZ "12/11/2023" 1 USD
	expect_refused received_on "--date-format" KAZ "13/12/2023" 1 USD
	expect_stored received_on 2023-11-12 KAZ "12/11/2023" 1 USD --date-format dmy
	expect_stored received_on 2023-12-11 KAZ "12/11/2023" 2 USD --date-format mdy
	expect_refused received_on "" KAZ "13/12/2023" 3 USD --date-format mdy
}

test_impossible_dates_refused() {
	load_base
	expect_refused received_on "" KAZ "31.02.2024" 1 USD
	expect_refused received_on "" KAZ "29.02.2023" 1 USD
	expect_refused received_on "" KAZ "2023-13-01" 1 USD
}

# ---- states ------------------------------------------------------------------

test_state_by_code_and_names() {
	load_base
	expect_stored state KAZ "KAZ" 2023-03-01 1 USD
	expect_stored state KAZ "Kazakhstan" 2023-03-01 2 USD
	expect_stored state KAZ "Казахстан" 2023-03-01 3 USD
	expect_stored state KAZ "Қазақстан" 2023-03-01 4 USD
	expect_stored state KAZ "Republic of Kazakhstan" 2023-03-01 5 USD
	expect_stored state KAZ "ҚАЗАҚСТАН" 2023-03-01 6 USD
	expect_stored state KAZ "kazakhstan" 2023-03-01 7 USD
	expect_stored state KAZ "kaz" 2023-03-01 8 USD
	expect_stored state KAZ " Kazakhstan " 2023-03-01 9 USD
	expect_stored state KOR "Korea, Republic of" 2023-03-01 10 USD
	expect_stored state KOR "корея республикасы" 2023-03-01 11 USD
	expect_stored state KOR "RoK" 2023-03-01 12 USD
	expect_stored state RUS "Russian Federation" 2023-03-01 13 USD
	expect_stored state IRN "ИРАН" 2023-03-01 14 USD
}

test_state_names_normalised() {
	load_base
	# Türkiye with a combining diaeresis (NFD), and in capitals.
	expect_stored state TUR $'Tu\xcc\x88rkiye' 2023-03-01 1 USD
	expect_stored state TUR "TÜRKIYE" 2023-03-01 2 USD
	expect_stored state TUR "Turkey" 2023-03-01 3 USD
}

test_unknown_state_suggests_nearest() {
	load_base
	expect_refused state "did you mean 'Kazakhstan'?" "Kazakstan" 2023-03-01 1 USD
	expect_refused state "did you mean 'Казахстан'?" "Казахстна" 2023-03-01 1 USD
	expect_refused state "not a known state" "Atlantis" 2023-03-01 1 USD
}

# Issue 15: added_on and requested_by, under English, Russian and Kazakh
# headers, states by code and by names in three languages; a row without
# them is an item of the plan as adopted.
test_plan_added_items() {
	load_base
	printf 'year,item,title,area,organizers,added_on,requested_by\n2024,26,Workshop,TER,KAZ,05.12.2023,Russia|Түркия\n2024,27,Seminar,TER,KAZ,7 December 2023,TUR\n2024,28,Forum,TER,KAZ,,\n' | write p.csv
	import_ok plan p.csv
	expect_stdout_has "3 events, 3 organizers, 0 co-organizers, 3 requests"
	expect_sql "SELECT item, coalesce(added_on, '-'), coalesce(requested_by, '-') FROM v_events ORDER BY CAST(item AS INTEGER)" \
		"26|2023-12-05|RUS|TUR
27|2023-12-07|TUR
28|-|-"
	printf 'Год,Пункт,Название,Область,Организаторы,Дата добавления,По просьбе\n2025,5,Форум,TER,Казахстан,2024-12-05,Россия\n' | write ru.csv
	import_ok plan ru.csv
	printf 'Жыл,Тармақ,Атауы,Бағыт,Ұйымдастырушылар,Қосылған күні,Өтініш білдірген\n2025,6,Форум,TER,Қазақстан,2024-12-06,Ресей|KOR\n' | write kk.csv
	import_ok plan kk.csv
	expect_sql "SELECT e.item, e.added_on, q.state FROM events e JOIN event_requests q ON q.event_id = e.id WHERE e.year = 2025 ORDER BY 1, 3" \
		"5|2024-12-05|RUS
6|2024-12-06|KOR
6|2024-12-06|RUS"
	# undoing the batch takes its requests with it
	run_cbm undo "$(sql "SELECT max(id) FROM batches")"
	expect_status 0
	expect_sql "SELECT count(*) FROM event_requests q JOIN events e ON e.id = q.event_id WHERE e.year = 2025" 1
}

run_tests "$@"
