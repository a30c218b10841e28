#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# export.sh - `cbm export`: every figure in one workbook, its sheets in
# three languages, each sheet holding what `cbm stats` gives, figures the
# data cannot give left out and said so, usage refused.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=xlsx_lib.sh
. "$(dirname "$0")/xlsx_lib.sh"

# ---- cbm export ------------------------------------------------------------------

# The sheets of an export, in English and in Russian, each name within
# Excel's 31 characters.
test_export_sheets() {
	examples
	local s
	run_cbm export --year 2024 -o "$T/e.xlsx"
	expect_status 0
	expect_stdout_has "wrote $T/e.xlsx"
	expect_stderr_lacks "forecast left out"
	expect_xlsx sheets "$T/e.xlsx"
	expect_eq "$XOUT" "Read me
Collection
Contributions
Pledges
Budget execution
Activity by area
Activity by organizer
Activity by format
Coordinators
Concentration
Trend
Forecast
Shares draft-2026
Secondments
Curve 2024
Sources" "the sheets of an export"
	run_cbm export --year 2024 --lang ru -o "$T/ru.xlsx"
	expect_status 0
	expect_xlsx sheets "$T/ru.xlsx"
	expect_eq "$XOUT" "Пояснения
Сбор взносов
Взносы
Обязательства
Исполнение бюджета
Мероприятия по направлениям
Мероприятия по организаторам
Мероприятия по формату
Координаторы
Концентрация
Тренд
Прогноз
Доли draft-2026
Прикомандирование
Кривая сбора 2024
Источники" "the sheets of an export in Russian"
	run_cbm export --lang kk -o "$T/kk.xlsx"
	expect_status 0
	expect_xlsx sheets "$T/kk.xlsx"
	while IFS= read -r s; do
		[ "${#s}" -le 31 ] || fail "a sheet name longer than 31 characters: $s"
	done <<<"$XOUT"
	expect_xout_has "Ұйымдастырушылар іс-шаралары"
	# Every sheet is in the Read me with what it shows.
	expect_xlsx rows "$T/e.xlsx" "Read me"
	for s in Collection Contributions Trend "Curve 2024" Sources; do
		printf '%s\n' "$XOUT" | grep -q "^$s | [A-Z]" ||
			fail "the Read me should say what '$s' shows: $XOUT"
	done
}

# The sheets hold the figures of cbm stats, headings and names in the
# chosen language, the batches behind them.
test_export_same_as_stats() {
	examples
	run_cbm export --year 2024 --currency EUR --lang ru -o "$T/e.xlsx"
	expect_status 0
	local sheet args
	while IFS=: read -r sheet args; do
		# shellcheck disable=SC2086
		run_cbm stats $args --currency EUR --lang ru --format csv
		expect_status 0
		printf '%s\n' "$OUT" >"$T/s.csv"
		xlsx same "$T/e.xlsx" "$sheet" "$T/s.csv" numbers
		[ "$XSTATUS" = 0 ] || fail "sheet $sheet differs from stats $args: $XOUT"
	done < <(sample <<-EOF
		Сбор взносов:collection --year 2024
		Взносы:contributions --year 2024
		Обязательства:outstanding --year 2024
		Исполнение бюджета:execution --year 2024
		Мероприятия по направлениям:activity --year 2024
		Мероприятия по организаторам:activity --by organizer --year 2024
		Мероприятия по формату:activity --by format --year 2024
		Координаторы:coordinators --year 2024
		Концентрация:concentration --year 2024
		Тренд:trend --to 2024
		Доли draft-2026:shares --scale draft-2026 --year 2024
		Прикомандирование:secondments --year 2024
		Кривая сбора 2024:curve --year 2024
	EOF
	)
	expect_xlsx rows "$T/e.xlsx" "Взносы"
	expect_xout_has "Год | Государство | Получено | Доля | Название | Валюта"
	printf '%s\n' "$XOUT" | grep -q '^2024 | KAZ | [0-9.]* | [0-9.]* | Казахстан | EUR$' ||
		fail "Kazakhstan in Russian, in EUR: $XOUT"
	printf '%s\n' "$XOUT" | tail -n 1 | grep -q '^Итого' || fail "the totals of the contributions"
	expect_xlsx rows "$T/e.xlsx" "Исполнение бюджета"
	printf '%s\n' "$XOUT" | grep -q '^2024 | Итого | .* | Итого | утверждён | EUR$' ||
		fail "execution's total line in Russian: $XOUT"
	run_cbm batches --format csv
	expect_xlsx layout "$T/e.xlsx" "Источники"
	expect_xout_has "rows $(($(printf '%s\n' "$OUT" | wc -l) - 1))"
	expect_xlsx props "$T/e.xlsx"
	expect_xout_has "custom.Currency=EUR"
	expect_xout_has "custom.Years=2024"
}

# The Sources sheet names each batch's sheet of a workbook, and leaves
# the cell of a text file empty.
test_export_sources_sheet() {
	init_db
	import_ok states "$(data workbooks/states.xlsx)"
	import_ok fx "$EXAMPLES/fx.csv"
	run_cbm export -o "$T/e.xlsx"
	expect_status 0
	expect_xlsx rows "$T/e.xlsx" Sources
	printf '%s\n' "$XOUT" | head -n 1 | grep -q '^Batch | Kind | File | Sheet | Rows | Loaded | ' ||
		fail "the headings of Sources: $XOUT"
	printf '%s\n' "$XOUT" | grep -q '^1 | states | states.xlsx | states | [0-9]' ||
		fail "the sheet of the states' workbook: $XOUT"
	printf '%s\n' "$XOUT" | grep -q '^2 | fx | fx.csv |  | [0-9]' ||
		fail "no sheet for a text file: $XOUT"
}

# A figure the data cannot give is left out, and the Read me says why.
test_export_leaves_out_what_cannot_be() {
	examples
	run_cbm export --from 2006 --to 2007 -o "$T/e.xlsx"
	expect_status 0
	expect_stderr_has "cbm export: trend left out: a trend needs at least 3 years"
	expect_xlsx sheets "$T/e.xlsx"
	expect_stdout_lacks "Trend"
	printf '%s\n' "$XOUT" | grep -qx Trend && fail "no trend sheet for two years"
	expect_xlsx rows "$T/e.xlsx" "Read me"
	printf '%s\n' "$XOUT" | grep -q '^Trend | Not in this workbook: a trend needs' ||
		fail "the Read me should say why the trend is missing: $XOUT"
}

test_export_usage() {
	examples
	snapshot
	run_cbm export --year 2024
	expect_status 2
	expect_stderr_has "-o FILE.xlsx"
	run_cbm export -o "$T/e.csv"
	expect_status 2
	expect_stderr_has "name it '.xlsx'"
	run_cbm export --year 2024 --from 2020 -o "$T/e.xlsx"
	expect_status 2
	run_cbm export -o "$DB"
	expect_status 2
	run_cbm export -o "$T"
	expect_status 2
	run_cbm export --lang fr -o "$T/e.xlsx"
	expect_status 2
	[ -e "$T/e.xlsx" ] && fail "no workbook after a usage error"
	expect_db_unchanged
	"$CBM" export --year 2024 -o - >"$T/pipe.xlsx" || fail "export into a pipe"
	expect_xlsx sheets "$T/pipe.xlsx"
}

run_tests "$@"
