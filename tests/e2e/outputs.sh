#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# outputs.sh - figures where finance staff work: `cbm stats` and `cbm
# query` into files (-o, the format from the name), Excel workbooks read
# back by a second implementation (openpyxl: cell types, values equal to
# --format csv to the cent, totals, frozen header, filter, properties),
# --lang, --state, the currency column, money in query with its
# currency's decimals, and outputs refused or replaced whole.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=xlsx_lib.sh
. "$(dirname "$0")/xlsx_lib.sh"

# ---- workbooks against csv ------------------------------------------------------

# Every figure, as a workbook and as csv: the same rows and values (the
# workbook is for people: statuses and the `total` line of execution are
# words there, "paid in part" for csv's "in part").
test_xlsx_same_values_as_csv() {
	examples
	local args i=0 only
	while IFS= read -r args; do
		i=$((i + 1))
		case $args in
		outstanding* | execution*) only=numbers ;;
		*) only= ;;
		esac
		# shellcheck disable=SC2086 # ARGS are words
		run_cbm stats $args -o "$T/f$i.csv"
		expect_status 0
		# shellcheck disable=SC2086
		run_cbm stats $args -o "$T/f$i.xlsx"
		expect_status 0
		expect_stdout_has "wrote $T/f$i.xlsx"
		# shellcheck disable=SC2086 # ONLY empty: no argument
		xlsx same "$T/f$i.xlsx" '#1' "$T/f$i.csv" $only
		[ "$XSTATUS" = 0 ] || fail "stats $args: workbook and csv differ: $XOUT"
	done < <(sample <<-EOF
		collection
		collection --as-of 2025-06-30 --from 2020
		contributions --year 2024
		contributions --year 2024 --currency JPY
		contributions --year 2024 --currency EUR --kind all
		outstanding --year 2024
		execution --year 2024
		activity --year 2024
		activity --by organizer --from 2023
		concentration
		trend --of collection_rate
		trend
		shares --scale draft-2026
		secondments --year 2024
		curve --year 2024
	EOF
	)
}

# A sheet of data: header bold and frozen in row 1, the filter over the
# header and the rows, totals after a blank row outside it, widths that
# fit the headings, and cells typed and formatted.
test_xlsx_layout() {
	examples
	run_cbm stats contributions --year 2024 -o "$T/c.xlsx"
	expect_status 0
	run_cbm stats contributions --year 2024 -o "$T/c.csv"
	local n
	n=$(($(wc -l <"$T/c.csv") - 1))
	expect_xlsx layout "$T/c.xlsx" '#1'
	expect_xout_has "freeze A2"
	expect_xout_has "filter A1:F$((n + 1))"
	expect_xout_has "bold yes"
	expect_xout_has "rows $n"
	expect_xout_has "totals $((n + 3)) Total"
	expect_xout_has "blank yes"
	expect_xout_has "totals_bold yes"
	expect_xout_has "narrow none"
	expect_xlsx totals "$T/c.xlsx" '#1' "$T/c.csv"
	expect_xout_has "totals ok 1 Total"
	expect_xlsx formats "$T/c.xlsx" '#1'
	expect_xout_has "Year=0 n"
	expect_xout_has "State=General s"
	expect_xout_has "Received=#,##0.00 n"
	expect_xout_has "Share=0.0% n"
	expect_xout_has "Currency=General s"
	# A currency without minor units, and one with three.
	run_cbm stats contributions --year 2024 --currency JPY -o "$T/jpy.xlsx"
	expect_xlsx formats "$T/jpy.xlsx" '#1'
	expect_xout_has "Received=#,##0 n"
	printf 'currency,date,usd_per_unit\nKWD,2000-01-01,3.25\n' >"$T/kwd.csv"
	import_ok fx "$T/kwd.csv"
	run_cbm stats contributions --year 2024 --currency KWD -o "$T/kwd.xlsx"
	expect_xlsx formats "$T/kwd.xlsx" '#1'
	expect_xout_has "Received=#,##0.000 n"
	run_cbm stats contributions --year 2024 --currency KWD --format csv
	expect_stdout_has ",KWD"
	printf '%s\n' "$OUT" | sed -n 2p | grep -qE '^2024,[A-Z]{3},[0-9]+\.[0-9]{3},' ||
		fail "KWD amounts in csv should have three decimals"
	# Dates are dates; a scale share has two decimals of percent.
	run_cbm stats curve --year 2024 -o "$T/curve.xlsx"
	expect_xlsx formats "$T/curve.xlsx" '#1'
	expect_xout_has "Date=yyyy-mm-dd d"
	expect_xout_has "Collection rate=0.0% n"
	run_cbm stats shares --scale draft-2026 -o "$T/s.xlsx"
	expect_xlsx formats "$T/s.xlsx" '#1'
	expect_xout_has "Share=0.00% n"
	# Concentration is not a sum: no totals row; HHI with 3 decimals.
	run_cbm stats concentration -o "$T/k.xlsx"
	expect_xlsx layout "$T/k.xlsx" '#1'
	printf '%s\n' "$XOUT" | grep -q '^totals' && fail "concentration should have no totals row"
	expect_xlsx formats "$T/k.xlsx" '#1'
	expect_xout_has "HHI=0.000 n"
}

# An undefined value is an empty cell, never 0 (the hand-made data set:
# 2023 has contributions but no budget).
test_xlsx_undefined_is_empty() {
	init_db
	local k
	for k in states areas fx budget contributions pledges; do
		import_ok "$k" "$(data "analysis/$k.csv")"
	done
	run_cbm stats collection -o "$T/c.xlsx"
	expect_status 0
	expect_xlsx rows "$T/c.xlsx" '#1'
	printf '%s\n' "$XOUT" | grep -qx '2023 |  | 700 |  | 0 |  | USD' ||
		fail "2023 should have empty approved, rate and fulfilment: $XOUT"
	# Totals of a column with an undefined value stay empty too.
	printf '%s\n' "$XOUT" | grep -qx 'Total |  | 4300 |  | 1540 |  | USD' ||
		fail "the totals row: $XOUT"
}

# What each state paid in 2022, in EUR, in Excel, worked by hand on the
# small data set: EUR is 1.20 USD from 2021-06-01, so 1200 USD is
# 1000.00 EUR, 300 USD 250.00 and 500 USD 416.67 (416.666...); the total
# 1666.67 is a number under a blank row; --state (here a name) keeps
# one row.
test_xlsx_hand_worked() {
	init_db
	local k
	for k in states areas fx budget contributions pledges; do
		import_ok "$k" "$(data "analysis/$k.csv")"
	done
	run_cbm stats contributions --year 2022 --currency EUR -o "$T/e.xlsx"
	expect_status 0
	expect_xlsx rows "$T/e.xlsx" Contributions
	expect_eq "$XOUT" "Year | State | Received | Share | Name | Currency
2022 | AAA | 1000 | 0.5999988 | Alpha | EUR
2022 | BBB | 250 | 0.1499997 | Beta | EUR
2022 | CCC | 416.67 | 0.2500015 | Gamma | EUR
 |  |  |  |  | 
Total |  | 1666.67 |  |  | EUR" "contributions 2022 in EUR"
	"$PY" - "$T/e.xlsx" <<-'EOF' || fail "cell types of the workbook"
		import sys, openpyxl
		ws = openpyxl.load_workbook(sys.argv[1])["Contributions"]
		assert ws["A2"].value == 2022 and ws["A2"].data_type == "n"
		assert ws["C4"].value == 416.67 and ws["C4"].number_format == "#,##0.00"
		assert ws["D2"].number_format == "0.0%"
		assert ws["C6"].value == 1666.67 and ws["C6"].data_type == "n"
		assert ws["D6"].value is None
	EOF
	run_cbm stats contributions --year 2022 --currency EUR --state Beta --lang ru -o "$T/b.xlsx"
	expect_status 0
	expect_xlsx rows "$T/b.xlsx" Взносы
	# Its share stays its share of all states; no Russian name in the
	# data: the English one.
	expect_eq "$XOUT" "Год | Государство | Получено | Доля | Название | Валюта
2022 | BBB | 250 | 0.1499997 | Beta | EUR
 |  |  |  |  | 
Итого |  | 250 |  |  | EUR" "--state Beta in Russian"
}

# Currency, basis and as-of in the document properties and the Read me.
test_xlsx_properties_and_read_me() {
	examples
	run_cbm stats collection --as-of 2025-06-30 --currency EUR -o "$T/c.xlsx"
	expect_status 0
	expect_xlsx sheets "$T/c.xlsx"
	expect_eq "$XOUT" "Collection
Read me" "the sheets"
	expect_xlsx props "$T/c.xlsx"
	expect_xout_has "custom.Currency=EUR"
	expect_xout_has "custom.Basis=voluntary"
	expect_xout_has "custom.As of=2025-06-30"
	expect_xout_has "subject=cbm stats collection --as-of 2025-06-30 --currency EUR -o $T/c.xlsx"
	expect_xout_has "title=Figures of the CBM plan and budget"
	expect_xlsx rows "$T/c.xlsx" "Read me"
	expect_xout_has "Currency of amounts | EUR"
	expect_xout_has "Contributions counted | voluntary"
	expect_xout_has "As of | 2025-06-30"
	printf '%s\n' "$XOUT" | grep -q '^Collection | Per budget year: the approved budget' ||
		fail "the Read me should define the figure: $XOUT"
	# In Russian the properties people read are Russian; the custom
	# properties stay codes.
	run_cbm stats collection --as-of 2025-06-30 --currency EUR --lang ru -o "$T/r.xlsx"
	expect_status 0
	expect_xlsx props "$T/r.xlsx"
	expect_xout_has "description=Валюта сумм: EUR; Учитываемые взносы: добровольные; На дату: 2025-06-30."
	expect_xout_has "keywords=меры доверия, бюджет, добровольные взносы, cbm"
	expect_xout_has "custom.Basis=voluntary"
}

# ---- languages, states, currency ------------------------------------------------

test_lang_ru_and_kk() {
	examples
	run_cbm stats contributions --year 2024 --lang ru -o "$T/ru.xlsx"
	expect_status 0
	expect_xlsx sheets "$T/ru.xlsx"
	expect_eq "$XOUT" "Взносы
Пояснения" "Russian sheet names"
	expect_xlsx rows "$T/ru.xlsx" '#1'
	expect_xout_has "Год | Государство | Получено | Доля | Название | Валюта"
	printf '%s\n' "$XOUT" | grep -q '^2024 | KAZ | 395000 | 0\.1654[0-9]* | Казахстан | USD$' ||
		fail "the row of Kazakhstan in Russian: $XOUT"
	printf '%s\n' "$XOUT" | tail -n 1 | grep -q '^Итого | ' || fail "the totals row in Russian: $XOUT"
	# csv and json keep their English keys and change only the names.
	run_cbm stats contributions --year 2024 --lang ru --format csv
	expect_status 0
	expect_eq "$(printf '%s\n' "$OUT" | head -n 1)" "year,state,received,share,name,currency" "csv header with --lang ru"
	printf '%s\n' "$OUT" | grep -q '^2024,KAZ,395000\.00,0\.1654[0-9]*,Казахстан,USD$' ||
		fail "the csv row of Kazakhstan with --lang ru"
	run_cbm stats contributions --year 2024 --lang kk --format json
	printf '%s\n' "$OUT" | grep -q '"state": "KAZ", "received": 395000\.00, "share": 0\.1654[0-9]*, "name": "Қазақстан", "currency": "USD"' ||
		fail "the json object of Kazakhstan with --lang kk"
	# The table is localised whole: headings, names, numbers, totals.
	run_cbm stats contributions --year 2024 --lang ru
	expect_stdout_has "Получено"
	expect_stdout_has "Казахстан"
	expect_stdout_has $'395\u00a0000,00'
	expect_stdout_has "Итого"
	expect_stderr_has "суммы в USD"
	run_cbm stats outstanding --year 2024 --lang ru
	expect_stdout_has "оплачено полностью"
	# A draft budget's shares say so in Russian, as execution does.
	run_cbm stats shares --year 2026 --lang ru
	expect_status 0
	expect_stdout_has "проект"
	expect_stdout_lacks "draft "
	run_cbm stats activity --by dimension --year 2024 --lang kk
	expect_stdout_has "Әскери-саяси өлшем"
	expect_stdout_has "Барлығы"
	run_cbm stats collection --lang de
	expect_status 2
}

# --state (code, name in any language, alias) on every figure by state,
# with --lang ru: only that state's rows, its name in Russian.
test_state_on_every_figure_by_state() {
	examples
	local args col n
	while IFS=: read -r col args; do
		# shellcheck disable=SC2086
		run_cbm stats $args --state Казахстан --lang ru --format csv
		expect_status 0
		n=$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)
		[ "$n" -gt 0 ] || fail "stats $args --state: no rows"
		[ "$(printf '%s\n' "$OUT" | tail -n +2 | cut -d, -f"$col" | sort -u)" = KAZ ] ||
			fail "stats $args --state: rows of other states"
		printf '%s\n' "$OUT" | tail -n +2 | grep -qv ',Казахстан' &&
			fail "stats $args --state --lang ru: a name not in Russian"
		# The same rows by code and in a workbook.
		# shellcheck disable=SC2086
		run_cbm stats $args --state kaz --format csv
		expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)" "$n" "stats $args --state kaz: rows"
		# shellcheck disable=SC2086
		run_cbm stats $args --state Kazakhstan --lang ru -o "$T/s.xlsx"
		expect_status 0
		expect_xlsx layout "$T/s.xlsx" '#1'
		expect_xout_has "rows $n"
	done < <(sample <<-EOF
		2:contributions
		2:outstanding
		2:shares --scale draft-2026
		2:secondments
		2:activity --by organizer
	EOF
	)
	# The totals are that state's.
	run_cbm stats contributions --state KAZ --year 2024
	expect_stdout_has "total"
	printf '%s\n' "$OUT" | tail -n 1 | grep -q '395,000.00' || fail "the totals of KAZ in 2024"
}

test_state_refused() {
	examples
	run_cbm stats collection --state KAZ
	expect_status 2
	expect_stderr_has "--state is for the figures by state"
	run_cbm stats activity --by area --state KAZ
	expect_status 2
	run_cbm stats contributions --state Narnia
	expect_status 1
	expect_stderr_has "no state 'Narnia'"
	run_cbm stats contributions --state Kazakstan
	expect_status 1
	expect_stderr_has "did you mean"
}

test_currency_column() {
	examples
	run_cbm stats contributions --year 2024 --format csv
	expect_eq "$(printf '%s\n' "$OUT" | head -n 1)" "year,state,received,share,name,currency" "contributions csv header"
	[ "$(printf '%s\n' "$OUT" | tail -n +2 | awk -F, '{print $NF}' | sort -u)" = USD ] ||
		fail "every row in USD"
	run_cbm stats collection --currency EUR --format json
	expect_stdout_has '"currency": "EUR"}'
	expect_stdout_lacks '"currency": "USD"'
	for f in activity concentration secondments "trend --of collection_rate"; do
		# shellcheck disable=SC2086
		run_cbm stats $f --format csv
		expect_status 0
		printf '%s\n' "$OUT" | head -n 1 | grep -q currency &&
			fail "stats $f has no money, so no currency column"
	done
	# The table says it on stderr instead.
	run_cbm stats collection --currency EUR
	expect_stdout_lacks "EUR"
	expect_stderr_has "amounts in EUR"
}

test_year_without_data() {
	examples
	run_cbm stats collection --year 2030
	expect_status 0
	expect_stderr_has "no approved budget for 2030"
	run_cbm stats execution --year 2030 --format csv
	expect_status 0
	expect_stderr_has "no approved budget for 2030"
	run_cbm stats contributions --year 2030
	expect_stderr_has "no voluntary contributions for 2030"
	run_cbm stats activity --year 2030
	expect_stderr_has "no plan for 2030"
	run_cbm stats contributions --year 2024
	expect_stderr_lacks "no "
	run_cbm stats secondments --state KAZ --year 2030
	expect_stderr_has "nothing for KAZ in 2030"
}

# ---- files ------------------------------------------------------------------------

test_format_from_the_name() {
	examples
	run_cbm stats collection -o "$T/c.json"
	expect_status 0
	[ "$(head -c 1 "$T/c.json")" = "[" ] || fail ".json should hold JSON"
	run_cbm stats collection -o "$T/c.txt"
	grep -q -- '----' "$T/c.txt" || fail ".txt should hold the table"
	grep -q '^ *total' "$T/c.txt" || fail "the table in a file has its totals"
	run_cbm stats collection -o "$T/c.CSV"
	[ "$(head -n 1 "$T/c.CSV")" = "year,approved,received,collection_rate,pledged,pledge_fulfilment,currency" ] ||
		fail ".CSV should hold csv"
	run_cbm stats collection --format csv -o "$T/c2.txt"
	[ "$(head -c 4 "$T/c2.txt")" = "year" ] || fail "--format wins over the name"
	run_cbm stats collection -o "$T/c.dat"
	expect_status 2
	expect_stderr_has "cannot tell the format"
	[ -e "$T/c.dat" ] && fail "no file on a usage error"
	run_cbm stats collection --format xlsx
	expect_status 2
	expect_stderr_has "needs -o"
	# Into a pipe, a workbook may go to standard output.
	"$CBM" stats collection --format xlsx -o - >"$T/pipe.xlsx" || fail "xlsx to a pipe"
	[ "$(head -c 2 "$T/pipe.xlsx")" = PK ] || fail "-o - should give the workbook's bytes"
	expect_xlsx sheets "$T/pipe.xlsx"
}

# Never a workbook on a terminal (script(1) gives cbm one).
test_xlsx_never_to_a_terminal() {
	examples
	script -qec "'$CBM' stats collection -o - --format xlsx" /dev/null >"$T/tty.out" 2>&1
	expect_eq "$?" 2 "exit status of xlsx to a terminal"
	grep -q "will not write a binary file to the terminal" "$T/tty.out" ||
		fail "the refusal should say why: $(cat "$T/tty.out")"
	grep -q PK "$T/tty.out" && fail "no workbook bytes on the terminal"
}

# The database, a folder or a device is refused before any work (exit 2)
# and nothing changes.
test_output_refused() {
	examples
	snapshot
	local f
	for f in csv xlsx; do
		run_cbm stats collection --format "$f" -o "$DB"
		expect_status 2
		expect_stderr_has "is the database"
		run_cbm stats collection --format "$f" -o "$T"
		expect_status 2
		expect_stderr_has "is a folder"
		run_cbm stats collection --format "$f" -o /dev/null
		expect_status 2
		run_cbm stats collection --format "$f" -o "$T/no/such/dir/x.$f"
		expect_status 2
	done
	expect_db_unchanged
	ln -s "$DB" "$T/link.xlsx"
	run_cbm stats collection -o "$T/link.xlsx"
	expect_status 2
	expect_db_unchanged
}

# An existing file is replaced whole by a new result, and left as it was
# by a run that fails; no temporary file stays behind.
test_output_replaced_whole() {
	examples
	local f
	for f in csv xlsx; do
		echo old >"$T/out.$f"
		run_cbm stats collection -o "$T/out.$f"
		expect_status 0
		[ "$(head -c 3 "$T/out.$f")" = old ] && fail "out.$f should be replaced"
		cp "$T/out.$f" "$T/before.$f"
		run_cbm stats trend --to 2007 -o "$T/out.$f"
		expect_status 1
		cmp -s "$T/out.$f" "$T/before.$f" || fail "a failed run changed out.$f"
		# A query that fails after its first rows leaves the file too.
		run_cbm query "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1
		               FROM c WHERE x < 5) SELECT CASE WHEN x < 3 THEN x
		               ELSE abs(-9223372036854775807 - 1) END AS v FROM c" \
			-o "$T/out.$f"
		expect_status 1
		expect_stderr_has "integer overflow"
		cmp -s "$T/out.$f" "$T/before.$f" || fail "a failed query changed out.$f"
	done
	[ -z "$(find "$T" -name '.*cbm-*')" ] || fail "temporary files left: $(find "$T" -name '.*cbm-*')"
	expect_xlsx sheets "$T/out.xlsx"
}

# ---- cbm query -------------------------------------------------------------------

# Money in the documented views prints with its currency's decimals in
# every format (56000.00, not 56000.0; JPY none, KWD three).
test_query_money_decimals() {
	examples
	printf 'currency,date,usd_per_unit\nKWD,2000-01-01,3.25\n' >"$T/fx.csv"
	import_ok fx "$T/fx.csv"
	printf 'state,received_on,amount,currency,reference\nKWT,2024-05-02,1.250,KWD,K-1\n' >"$T/c.csv"
	import_ok contributions --decimal-mark . "$T/c.csv"
	local q="SELECT state, amount, currency, amount_usd FROM v_contributions
	         WHERE reference = 'K-1' OR id IN (SELECT min(id) FROM contributions
	         WHERE currency IN ('JPY', 'EUR', 'USD') GROUP BY currency) ORDER BY currency"
	run_cbm query "$q" --format csv
	expect_status 0
	printf '%s\n' "$OUT" | grep -qE '^[A-Z]{3},[0-9]+\.[0-9]{2},EUR,[0-9]+\.[0-9]{2}$' || fail "EUR: two decimals"
	printf '%s\n' "$OUT" | grep -qE '^[A-Z]{3},[0-9]+,JPY,[0-9]+\.[0-9]{2}$' || fail "JPY: no decimals, USD two"
	expect_stdout_has "KWT,1.250,KWD,4.06"
	printf '%s\n' "$OUT" | grep -qE '^[A-Z]{3},[0-9]+\.00,USD,[0-9]+\.00$' || fail "USD: 56000.00, not 56000.0"
	expect_stdout_lacks ".0,"
	run_cbm query "$q" --format json
	expect_stdout_has '"amount": 1.250, "currency": "KWD", "amount_usd": 4.06'
	run_cbm query "$q"
	expect_stdout_has "1.250  KWD"
	run_cbm query "SELECT year, approved_usd, received_usd, collection_rate FROM v_collection_by_year WHERE year = 2024" --format csv
	printf '%s\n' "$OUT" | grep -qE '^2024,[0-9]+\.[0-9]{2},[0-9]+\.[0-9]{2},0\.[0-9]+$' ||
		fail "v_collection_by_year: dollars with cents, the rate as it is"
	run_cbm query "SELECT approved, spent, currency FROM v_budget WHERE year = 2024 LIMIT 1" --format csv
	printf '%s\n' "$OUT" | grep -qE '^[0-9]+\.[0-9]{2},[0-9]+\.[0-9]{2},USD$' || fail "v_budget in USD"
	# Rates are not money: as SQLite gives them.
	run_cbm query "SELECT usd_per_unit FROM v_fx WHERE currency = 'KWD'" --format csv
	expect_stdout_is "usd_per_unit
3.25"
	# The tables themselves hold minor units: 1.250 KWD is 1250 fils
	# and 4.06 USD 406 cents, printed as stored, not as 1250.00.
	run_cbm query "SELECT amount, amount_usd FROM contributions WHERE reference = 'K-1'" --format csv
	expect_stdout_is "amount,amount_usd
1250,406"
}

# A query's workbook: the same values as its csv, typed (dates as dates,
# money with its currency's format), a Read me, no totals.
test_query_xlsx() {
	examples
	local q="SELECT id, budget_year, received_on, state, amount, currency, amount_usd, note
	         FROM v_contributions WHERE budget_year = 2024 ORDER BY currency, id"
	run_cbm query "$q" -o "$T/q.csv"
	expect_status 0
	run_cbm query "$q" -o "$T/q.xlsx"
	expect_status 0
	expect_stdout_has "wrote $T/q.xlsx"
	expect_xlsx same "$T/q.xlsx" Query "$T/q.csv"
	expect_xlsx sheets "$T/q.xlsx"
	expect_eq "$XOUT" "Query
Read me" "sheets of a query's workbook"
	expect_xlsx formats "$T/q.xlsx" Query
	expect_xout_has "received_on=yyyy-mm-dd d"
	expect_xout_has "budget_year=0 n"
	expect_xout_has "amount=#,##0.00 n"
	expect_xlsx layout "$T/q.xlsx" Query
	expect_xout_has "freeze A2"
	expect_xout_has "filter A1:H$(($(wc -l <"$T/q.csv")))"
	printf '%s\n' "$XOUT" | grep -q '^totals' && fail "a query has no totals row"
	expect_xlsx props "$T/q.xlsx"
	printf '%s\n' "$XOUT" | grep -q '^custom.Command=cbm query ' || fail "the command in the properties: $XOUT"
	# Its Read me does not claim a conversion the query did not make.
	expect_xlsx rows "$T/q.xlsx" "Read me"
	printf '%s\n' "$XOUT" | grep -qF "the *_usd columns of the documented views are US dollars" ||
		fail "a query's Read me should say what *_usd columns are: $XOUT"
	printf '%s\n' "$XOUT" | grep -qF "converted into the currency" &&
		fail "a query's Read me says its amounts were converted: $XOUT"
	# A text keeps its characters; NUL shows as U+2400.
	run_cbm query "SELECT 'a' || char(0) || 'b' AS t, 'Қазақстан' AS k" -o "$T/t.xlsx"
	expect_status 0
	expect_xlsx rows "$T/t.xlsx" Query
	expect_xout_has $'a\u2400b | Қазақстан'
	# The list of views.
	run_cbm query --list -o "$T/views.xlsx"
	expect_status 0
	expect_xlsx column "$T/views.xlsx" Views 1
	expect_xout_has "v_contributions"
	# Refused before any work: no -o, the database.
	snapshot
	run_cbm query "SELECT 1" --format xlsx
	expect_status 2
	run_cbm query "SELECT 1" -o "$DB"
	expect_status 2
	expect_stderr_has "is the database"
	run_cbm query "SELECT 1" --format xlsx -o "$T"
	expect_status 2
	expect_db_unchanged
	# A failing query leaves an earlier file as it was.
	cp "$T/q.xlsx" "$T/before.xlsx"
	run_cbm query "SELECT nosuchcolumn FROM v_contributions" -o "$T/q.xlsx"
	expect_status 1
	cmp -s "$T/q.xlsx" "$T/before.xlsx" || fail "a failed query changed q.xlsx"
}

# A worksheet holds 1,048,576 rows with its header: one more is exit 1
# with a hint to write CSV, and no file (about 10 s: CBM_E2E_LONG=1).
test_long_query_xlsx_rows() {
	[ "${CBM_E2E_LONG:-0}" = 1 ] || return 0
	init_db
	local rows="WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT %d) SELECT x FROM c"
	# shellcheck disable=SC2059 # the format is ours
	run_cbm query --timeout 0 "$(printf "$rows" 1048576)" -o "$T/big.xlsx"
	expect_status 1
	expect_stderr_has "more rows than a worksheet holds"
	expect_stderr_has "CSV"
	[ -e "$T/big.xlsx" ] && fail "no workbook when the rows do not fit"
	# shellcheck disable=SC2059
	run_cbm query --timeout 0 "$(printf "$rows" 1048575)" -o "$T/big.xlsx"
	expect_status 0
	[ "$(head -c 2 "$T/big.xlsx")" = PK ] || fail "1,048,575 rows and the header fit"
	"$PY" - "$T/big.xlsx" <<-'EOF' || fail "the last row of the full sheet"
		import sys, openpyxl
		ws = openpyxl.load_workbook(sys.argv[1], read_only=True)["Query"]
		assert ws.max_row == 1048576, ws.max_row
	EOF
}

run_tests "$@"
