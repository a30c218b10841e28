#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# secretariat.sh - what issue 11 adds under the reports: the organization
# kind (names in three languages, an emblem whose bytes enter the batch
# hash, the latest batch wins), budget lines that are approved or a draft
# (one status a year, no spending on a draft, a draft never in a
# collection rate), titles in Russian and Kazakh, the in-year forecast
# and the whole roll of members in outstanding.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# A PNG: the example emblem.
png() {
	cp "$EXAMPLES/emblem.png" "$T/$1"
}

org_file() { # NAME EMBLEM
	printf 'name_en,name_ru,name_kk,short_en,short_ru,short_kk,emblem\n"Conference on Interaction and Confidence Building Measures in Asia",Совещание по взаимодействию и мерам доверия в Азии,Азиядағы өзара іс-қимыл және сенім шаралары жөніндегі кеңес,CICA,СВМДА,АӨСШК,%s\n' "$2" >"$T/$1"
}

test_organization_kind() {
	init_db
	mkdir -p "$T/in"
	png in/e.png
	org_file in/org.csv e.png
	# The emblem is found beside the file, not in the current folder.
	import_ok organization in/org.csv
	expect_stdout_has "1 organization"
	local size
	size=$(stat -c %s "$T/in/e.png")
	expect_sql "SELECT short_ru, short_kk, length(emblem) FROM organization" \
		"СВМДА|АӨСШК|$size"
	expect_sql "SELECT hex(substr(emblem, 2, 3)) FROM organization" "504E47"
	# The same file again: already loaded.
	run_cbm import organization in/org.csv
	expect_status 0
	expect_stdout_has "already loaded"
	# The same CSV beside another emblem is another batch: the emblem's
	# bytes are in its hash.  The latest batch wins.
	printf 'x' >>"$T/in/e.png"
	import_ok organization in/org.csv
	expect_sql "SELECT count(*) FROM batches WHERE kind = 'organization'" "2"
	expect_sql "SELECT emblem_bytes, batch_id FROM v_organization" "$((size + 1))|2"
	# And undo takes the organisation's row with its batch.
	run_cbm undo 2
	expect_status 0
	expect_sql "SELECT emblem_bytes, batch_id FROM v_organization" "$size|1"
}

test_organization_refused() {
	init_db
	printf 'not a picture' >"$T/e.png"
	org_file org.csv e.png
	run_cbm import organization org.csv
	expect_status 1
	expect_stderr_has "org.csv:2:emblem: the emblem"
	expect_stderr_has "is not a PNG picture"
	org_file org.csv missing.png
	run_cbm import organization org.csv
	expect_status 1
	expect_stderr_has "cannot read the emblem"
	# One organisation per file; short names are required.
	png e.png
	write two.csv <<'EOF'
name_en,name_ru,name_kk,short_en,short_ru,short_kk
A,Б,В,A,Б,
C,Д,Е,C,Д,Е
EOF
	run_cbm import organization two.csv
	expect_status 1
	expect_stderr_has "two.csv:2:short_kk: missing value"
	expect_stderr_has "two.csv:3: a second organization repeats line 2"
	expect_sql "SELECT count(*) FROM organization" "0"
}

budget_file() {
	write budget.csv
}

test_budget_status() {
	load_base
	budget_file <<'EOF'
year,line,title,approved,currency,spent,title_ru,title_kk,status
2024,1,Staff,600.00,USD,500.00,Персонал,Қызметкерлер,approved
2024,2,Travel,400.00,USD,,,,
2025,1,Staff,700.00,USD,,Персонал,Қызметкерлер,draft
2025,2,Travel,500.00,USD,,,,draft
EOF
	import_ok budget budget.csv
	expect_sql "SELECT year, line, status, coalesce(title_ru, '-') FROM v_budget ORDER BY 1, 2" "2024|1|approved|Персонал
2024|2|approved|-
2025|1|draft|Персонал
2025|2|draft|-"
	# A draft is not an approved budget: no collection rate for 2025.
	contrib_file c.csv KAZ 2025-03-01 300.00 USD
	import_ok contributions c.csv
	run_cbm stats collection --year 2025 --format csv
	expect_status 0
	expect_stdout_is "year,approved,received,collection_rate,pledged,pledge_fulfilment,currency
2025,,300.00,,0.00,,USD"
	expect_stderr_has "no approved budget for 2025"
	expect_sql "SELECT approved_usd IS NULL FROM v_collection_by_year WHERE year = 2025" "1"
	# Execution shows the draft, marked.
	run_cbm stats execution --year 2025 --format csv
	expect_stdout_has "2025,total,1200.00,,,,Total,,,draft"
	# What-if shares of 2025 split the draft, and say so.
	run_cbm stats shares --year 2025 --format csv
	expect_status 0
	expect_stdout_has ",draft,"
}

test_budget_status_refused() {
	load_base
	budget_file <<'EOF'
year,line,title,approved,currency,spent,status
2025,1,Staff,700.00,USD,10.00,draft
2025,2,Travel,500.00,USD,,final
EOF
	run_cbm import budget budget.csv
	expect_status 1
	expect_stderr_has "budget.csv:2:spent: a draft budget has nothing spent yet"
	expect_stderr_has "budget.csv:3:status: not one of approved, draft (or their Russian or Kazakh words: 'cbm help import budget') 'final'"
	# A year is a draft or approved as a whole, within a file ...
	budget_file <<'EOF'
year,line,title,approved,currency,status
2025,1,Staff,700.00,USD,draft
2025,2,Travel,500.00,USD,approved
EOF
	run_cbm import budget budget.csv
	expect_status 1
	expect_stderr_has "the budget of 2025 would mix 1 draft and 1 approved lines"
	# ... and across batches.
	budget_file <<'EOF'
year,line,title,approved,currency,status
2025,1,Staff,700.00,USD,draft
EOF
	import_ok budget budget.csv
	write more.csv <<'EOF'
year,line,title,approved,currency
2025,2,Travel,500.00,USD
EOF
	run_cbm import budget more.csv
	expect_status 1
	expect_stderr_has "would mix 1 draft and 1 approved lines"
	expect_sql "SELECT count(*) FROM budget_lines" "1"
}

test_plan_titles() {
	load_base
	write plan.csv <<'EOF'
year,item,title,area,organizers,co_organizers,status,title_ru,title_kk
2024,1,Seminar,TER,KAZ,RUS,held,Семинар,Семинар
2024,2,Workshop,TER,RUS,,held,,
EOF
	import_ok plan plan.csv
	expect_sql "SELECT item, coalesce(title_ru, '-'), coalesce(title_kk, '-') FROM v_events ORDER BY 1" "1|Семинар|Семинар
2|-|-"
}

# The in-year forecast on the examples: 2025 as of its last receipt.
test_forecast() {
	load_examples
	run_cbm stats forecast --format csv
	expect_status 0
	expect_stdout_has "year,as_of,rate,forecast,low,high,years"
	expect_stdout_has "2025,2025-11-14,"
	expect_stdout_has ",19"
	run_cbm stats forecast --year 2025 --as-of 2026-01-10
	expect_status 1
	expect_stderr_has "the as-of day 2026-01-10 is not in 2025"
	# 2024 is over (its last payment came in 2025): by default as of 31
	# December, where it ended; no earlier year gains after that day, so
	# forecast, low and high are the rate, which is the collection rate
	# of 2024 as of 31 December.
	run_cbm stats collection --as-of 2024-12-31 --format csv
	local rate
	rate=$(printf '%s\n' "$OUT" | awk -F, '$1 == 2024 { print $4 }')
	[ -n "$rate" ] || fail "no collection rate of 2024: $OUT"
	run_cbm stats forecast --year 2024 --format csv
	expect_status 0
	expect_stdout_has "2024,2024-12-31,$rate,$rate,$rate,$rate,18"
	# The first year has nothing earlier: empty values, 0 years.
	run_cbm stats forecast --year 2006 --as-of 2006-06-30 --format csv
	expect_status 0
	expect_stdout_has "2006,2006-06-30,"
	expect_stdout_has ",,,,0"
	# The draft of 2026 has no approved budget to forecast against.
	run_cbm stats forecast --year 2026 --as-of 2026-03-01
	expect_status 1
	expect_stderr_has "2026 has no approved budget"
}

# Every member, and the fifth status: no pledge and nothing paid.
test_outstanding_roll() {
	load_examples
	run_cbm stats outstanding --year 2025 --format csv
	expect_status 0
	local members
	members=$(printf '%s\n' "$OUT" | awk -F, 'NR > 1' | cut -d, -f2 | sort -u | wc -l)
	[ "$members" -ge 28 ] || fail "outstanding 2025 lists $members states, not all 28 members"
	expect_stdout_has ",none,"
	# As of a day, only what was received by then.
	run_cbm stats outstanding --year 2025 --as-of 2025-01-31 --format csv
	expect_status 0
	local by_jan all
	by_jan=$(printf '%s\n' "$OUT" | awk -F, 'NR > 1 { s += $4 } END { printf "%.2f", s }')
	run_cbm stats outstanding --year 2025 --format csv
	all=$(printf '%s\n' "$OUT" | awk -F, 'NR > 1 { s += $4 } END { printf "%.2f", s }')
	awk -v a="$by_jan" -v b="$all" 'BEGIN { exit !(a < b) }' || fail "received by 31 January ($by_jan) is not below the year's ($all)"
}

run_tests "$@"
