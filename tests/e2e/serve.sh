#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031,SC2030 # test_* run in subshells via run_tests
# serve.sh - `cbm serve` seen through curl: every page in three languages,
# the figures and downloads equal to cbm stats, escaped names, refused
# writes, the query time limit, the Host check and 50 requests at once.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=serve_lib.sh
. "$(dirname "$0")/serve_lib.sh"

if ! command -v curl >/dev/null 2>&1; then
	echo "curl is needed (Debian package curl)" >&2
	exit 2
fi

PAGES="/ /figures /query /reports /batches"

test_pages_in_three_languages() {
	load_examples
	start_server || return
	local p l f
	for l in en ru kk; do
		for p in $PAGES; do
			get "$p?lang=$l"
			expect_eq "$CODE $TYPE" "200 text/html; charset=utf-8" \
				"$p in $l"
			grep -q "<html lang=\"$l\">" "$T/body" ||
				fail "$p?lang=$l is not in $l"
		done
		for f in $("$CBM" help stats | awk '/^Figures:/ {on = 1; next}
			on && NF == 0 {exit} on {print $1}'); do
			get "/figures?figure=$f&lang=$l"
			expect_eq "$CODE" 200 "figure $f in $l"
			grep -q '<div id="figure">' "$T/body" ||
				fail "figure $f in $l has no table"
		done
	done
	get "/?lang=ru"
	grep -q 'Показатели' "$T/body" || fail "no Russian navigation"
	grep -q 'Уровень сбора взносов' "$T/body" || fail "no Russian key figure"
	get "/?lang=kk"
	grep -q 'Көрсеткіштер' "$T/body" || fail "no Kazakh navigation"
	get "/figures?figure=outstanding&year=2024&lang=kk"
	grep -q 'Қазақстан' "$T/body" || fail "no Kazakh state names"
	get "/no-such-page"
	expect_eq "$CODE" 404 "an unknown page"
	get "/figures?figure=no-such-figure"
	expect_eq "$CODE" 404 "an unknown figure"
	get "/figures?figure=collection&year=abc"
	expect_eq "$CODE" 400 "a year that is not one"
	get "/figures?figure=collection&kind=gift"
	expect_eq "$CODE" 400 "an unknown basis"
	grep -q "kind is voluntary, earmarked, in-kind or all, not" "$T/body" ||
		fail "the basis error does not say what is allowed"
	# Headers: nothing from elsewhere, no script.
	get "/"
	printf '%s' "$HEADERS" | grep -qi "^Content-Security-Policy: default-src 'none'" ||
		fail "no Content-Security-Policy"
	grep -qi '<script' "$T/body" && fail "the overview carries a script"
	grep -Eqi '(src|href)="(https?:)?//' "$T/body" &&
		fail "the overview loads something from elsewhere"
	stop_server
}

# The year of the key figures on the overview.
overview_year() {
	sed -n 's/.*<h2>Key figures of \([0-9]*\)<\/h2>.*/\1/p' "$T/body"
}

# The value of the card labelled LABEL on the overview.
card() {
	grep -F "<div class=\"l\">$1</div>" "$T/body" |
		sed 's/.*<div class="v">\([^<]*\)<\/div>.*/\1/'
}

test_key_figures_equal_stats() {
	load_examples
	start_server || return
	get "/"
	local y rate received events
	y=$(overview_year)
	[ -n "$y" ] || { fail "no year of key figures"; return; }
	run_cbm stats collection --year "$y" --format csv
	rate=$(printf '%s\n' "$OUT" | awk -F, 'NR == 2 {printf "%.1f %%", $4 * 100}')
	received=$(printf '%s\n' "$OUT" | awk -F, 'NR == 2 {print $3}')
	expect_eq "$(card "Collection rate")" "$rate" "collection rate of $y"
	expect_eq "$(card "Voluntary contributions received, USD" | tr -d ,)" \
		"$received" "received in $y"
	run_cbm stats activity --by dimension --year "$y"
	events=$(printf '%s\n' "$OUT" | awk '$1 == "total" {print $3 " / " $2}')
	expect_eq "$(card "Events held / in the plan")" "$events" "events of $y"
	# In Russian the number is written as cbm stats --lang ru writes it.
	get "/?lang=ru"
	run_cbm stats collection --year "$y" --lang ru
	grep -F "$(card "Уровень сбора взносов")" <<<"$OUT" >/dev/null ||
		fail "the Russian collection rate is not the one of cbm stats"
	# Six charts (with the calendar), inline SVG, their ids apart.
	expect_eq "$(grep -c '<svg' "$T/body")" 6 "charts on the overview"
	local dup
	dup=$(grep -o ' id="[^"]*"' "$T/body" | sort | uniq -d | head -3)
	expect_eq "$dup" "" "ids used twice on the overview"
	stop_server
}

test_figure_downloads_equal_stats() {
	load_examples
	start_server || return
	get "/figures?figure=collection&from=2019&format=csv"
	expect_eq "$CODE $TYPE" "200 text/csv; charset=utf-8" "CSV download"
	printf '%s' "$HEADERS" | grep -qi 'Content-Disposition: attachment; filename="collection.csv"' ||
		fail "the CSV is not a download"
	run_cbm stats collection --from 2019 --format csv
	expect_eq "$(cat "$T/body")" "$OUT" "CSV of collection"
	get "/figures?figure=contributions&year=2024&currency=EUR&format=json"
	expect_eq "$CODE $TYPE" "200 application/json; charset=utf-8" "JSON"
	run_cbm stats contributions --year 2024 --currency EUR --format json
	expect_eq "$(cat "$T/body")" "$OUT" "JSON of contributions"
	get "/figures?figure=execution&year=2024&format=xlsx&lang=ru"
	expect_eq "$CODE" 200 "xlsx download"
	expect_eq "$TYPE" \
		"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" \
		"xlsx type"
	expect_eq "$(head -c 2 "$T/body")" "PK" "an xlsx is a zip"
	# One state's rows, named as the importers name it.
	get "/figures?figure=outstanding&year=2024&state=Kazakhstan&format=csv"
	run_cbm stats outstanding --year 2024 --state Kazakhstan --format csv
	expect_eq "$(cat "$T/body")" "$OUT" "CSV of one state"
	get "/figures?figure=activity&by=organizer&with_co=1&year=2024&format=json"
	run_cbm stats activity --by organizer --with-co-organizers --year 2024 \
		--format json
	expect_eq "$(cat "$T/body")" "$OUT" "JSON with co-organizers"
	get "/figures?figure=collection&state=KAZ"
	expect_eq "$CODE" 400 "a state for a figure not by state"
	get "/figures?figure=outstanding&state=Atlantis"
	expect_eq "$CODE" 400 "an unknown state"
	# The page's table has the totals row of cbm stats.
	get "/figures?figure=collection&from=2019&lang=en"
	grep -q '<tfoot><tr><td>Total</td>' "$T/body" || fail "no totals row"
	grep -q 'href="/figures?figure=collection&amp;from=2019&amp;lang=en&amp;format=xlsx"' \
		"$T/body" || fail "the download link does not carry the options"
	stop_server
}

test_hostile_names_escaped() {
	load_hostile
	start_server || return
	local l
	for l in en ru kk; do
		get "/figures?figure=contributions&year=2024&lang=$l"
		expect_eq "$CODE" 200 "contributions in $l"
		grep -qi '<script>alert\|<img src=x\|<b>ru' "$T/body" &&
			fail "a state's name is markup in $l"
	done
	get "/figures?figure=contributions&year=2024&lang=en"
	grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' "$T/body" ||
		fail "the name does not show as text"
	get "/" --get --data-urlencode 'lang=en"><script>alert(1)</script>'
	grep -qi '<script>alert' "$T/body" && fail "a parameter is markup"
	get "/query" --get --data-urlencode \
		"sql=SELECT name_en, '</textarea><script>alert(2)</script>' AS x FROM v_states WHERE code = 'XSS'"
	expect_eq "$CODE" 200 "query of the hostile state"
	grep -qi '<script>alert' "$T/body" && fail "a query value is markup"
	grep -qF '&lt;/textarea&gt;&lt;script&gt;alert(2)' "$T/body" ||
		fail "the SQL in the box is not escaped"
	stop_server
}

test_writes_refused() {
	load_examples
	snapshot
	start_server || return
	local q msg
	for q in "DELETE FROM states" \
		"INSERT INTO batches(kind) VALUES ('x')" \
		"DROP TABLE states" "PRAGMA user_version = 99" \
		"UPDATE states SET name_en = 'x'" \
		"ATTACH DATABASE '$T/x.sqlite' AS x" \
		"SELECT 1; DELETE FROM states"; do
		run_cbm query "$q"
		msg=${ERR#cbm query: }
		get "/query" --get --data-urlencode "sql=$q"
		expect_eq "$CODE" 400 "$q"
		grep -qF "$(printf '%s' "$msg" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/'"'"'/\&#39;/g')" \
			"$T/body" || fail "'$q' does not say the guard's '$msg'"
		get "/query" --get --data-urlencode "sql=$q" \
			--data-urlencode format=csv
		expect_eq "$CODE" 400 "$q as CSV"
	done
	local m
	for m in POST PUT DELETE PATCH; do
		CODE=$(curl -s -o /dev/null -w '%{http_code}' -X "$m" \
			--data 'sql=DELETE FROM states' "$URL/query")
		expect_eq "$CODE" 405 "$m"
	done
	stop_server
	expect_db_unchanged
	[ -e "$DB-wal" ] && fail "serve left a WAL file beside the database"
	true
}

test_query_time_limit_blocks_nothing() {
	load_examples
	start_server --timeout 2 || return
	local slow start took
	slow="WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)
	      SELECT count(*) FROM c"
	start=$(now_ms)
	curl -s -o "$T/slow" -w '%{http_code}' --max-time 120 --get \
		--data-urlencode "sql=$slow" "$URL/query" >"$T/slow.code" &
	local bg=$!
	sleep 0.5
	# Other pages answer while the query runs.
	get "/batches"
	took=$(($(now_ms) - start))
	expect_eq "$CODE" 200 "batches during a slow query"
	[ "$took" -lt 1900 ] ||
		fail "a page waited for the slow query (${took} ms)"
	get "/query" --get --data-urlencode "sql=SELECT count(*) FROM v_states"
	expect_eq "$CODE" 200 "a second query during the slow one"
	wait "$bg"
	took=$(($(now_ms) - start))
	expect_eq "$(cat "$T/slow.code")" 400 "the slow query"
	grep -q 'query stopped after 2 s' "$T/slow" ||
		fail "the slow query does not say it was stopped: $(cat "$T/slow")"
	[ "$took" -lt 30000 ] || fail "the limit of 2 s took ${took} ms"
	stop_server
}

test_query_pages_of_100_rows() {
	load_examples
	start_server || return
	local q="WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c
	         WHERE x < 250) SELECT x FROM c"
	get "/query" --get --data-urlencode "sql=$q"
	expect_eq "$CODE" 200 "page 1"
	expect_eq "$(grep -c '^<tr><td class="n">' "$T/body")" 100 "rows on page 1"
	grep -q 'rel="next"' "$T/body" || fail "page 1 has no next page"
	get "/query" --get --data-urlencode "sql=$q" --data-urlencode page=3
	expect_eq "$(grep -c '^<tr><td class="n">' "$T/body")" 50 "rows on page 3"
	grep -q '<td class="n">201</td>' "$T/body" || fail "page 3 starts elsewhere"
	grep -q 'rel="next"' "$T/body" && fail "page 3 has a next page"
	get "/query" --get --data-urlencode "sql=$q" --data-urlencode format=csv
	expect_eq "$CODE $TYPE" "200 text/csv; charset=utf-8" "query CSV"
	expect_eq "$(wc -l <"$T/body")" 251 "lines of the query CSV"
	get "/query" --get --data-urlencode "sql=$q" --data-urlencode format=xlsx
	expect_eq "$(head -c 2 "$T/body")" "PK" "the query's workbook"
	get "/query?lang=kk"
	grep -q '<code>v_contributions</code>' "$T/body" || fail "views not listed"
	# Every view is described in the reader's language: no description
	# on the Kazakh page is the English one.
	cp "$T/body" "$T/kk.html"
	get "/query?lang=en"
	local what n=0
	while IFS= read -r what; do
		n=$((n + 1))
		grep -qF "$what" "$T/kk.html" && fail "described in English on the kk page: $what"
	done < <(grep '^<tr><td><code>v_' "$T/body" | sed 's/<[^>]*>/\t/g' | tr -s '\t' | cut -f3)
	expect_eq "$n" 11 "English descriptions read"
	cp "$T/kk.html" "$T/body"
	expect_eq "$(grep -c '^<tr><td><code>v_' "$T/body")" 11 "views listed"
	grep -q 'SELECT%20%2A%20FROM%20v_contributions%20LIMIT%20100' \
		"$T/body" || fail "no one-click example"
	stop_server
}

test_wrong_host_refused() {
	load_examples
	start_server || return
	local h
	for h in evil.example "evil.example:$PORT" "localhost.evil.example" \
		"127.0.0.1.nip.io:$PORT" "localhost:1" "10.0.0.1:$PORT"; do
		get "/" -H "Host: $h"
		expect_eq "$CODE" 403 "Host $h"
	done
	for h in localhost "localhost:$PORT" 127.0.0.1 "127.0.0.1:$PORT"; do
		get "/" -H "Host: $h"
		expect_eq "$CODE" 200 "Host $h"
	done
	stop_server
}

test_fifty_overviews_at_once() {
	load_examples
	start_server || return
	local i codes pids=""
	mkdir "$T/fifty"
	for i in $(seq 1 50); do
		curl -s -o "$T/fifty/o$i" -w '%{http_code}\n' --max-time 300 \
			"$URL" >"$T/fifty/c$i" &
		pids="$pids $!"
	done
	# shellcheck disable=SC2086 # the curls, not the server
	wait $pids
	codes=$(cat "$T"/fifty/c* | sort | uniq -c | awk '{print $2 ":" $1}')
	expect_eq "$codes" "200:50" "answers to 50 overviews"
	for i in $(seq 1 50); do
		grep -q 'id="key-figures"' "$T/fifty/o$i" || fail "overview $i incomplete"
	done
	# Workbooks are written to files: ten at once, each whole.
	pids=""
	for i in $(seq 1 10); do
		curl -s -o "$T/fifty/x$i" --max-time 300 \
			"$URL/figures?figure=contributions&year=2024&format=xlsx" &
		pids="$pids $!"
	done
	# shellcheck disable=SC2086 # the curls, not the server
	wait $pids
	for i in $(seq 1 10); do
		python3 -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
sys.exit(z.testzip() is not None or "xl/workbook.xml" not in z.namelist())' \
			"$T/fifty/x$i" || fail "workbook $i is not whole"
	done
	kill -0 "$SERVE_PID" || fail "the server died"
	stop_server
}

test_report_pdf() {
	command -v pdftotext >/dev/null || return 0
	load_examples
	start_server || return
	get "/reports?kind=budget&rlang=ru&lang=en&make=pdf"
	expect_eq "$CODE $TYPE" "200 application/pdf" "the Russian SWG brief"
	printf '%s' "$HEADERS" | grep -qi 'filename="budget-ru.pdf"' ||
		fail "the brief is not a download"
	pdftotext "$T/body" "$T/brief.txt" || fail "not a PDF"
	grep -q 'бюджет' "$T/brief.txt" || fail "the brief is not in Russian"
	get "/reports?kind=state&state=Қазақстан&rlang=kk&make=pdf"
	expect_eq "$CODE" 200 "a state's statement by its Kazakh name"
	get "/reports?kind=state&state=Atlantis&make=pdf"
	expect_eq "$CODE" 400 "an unknown state"
	grep -q "no state" "$T/body" || fail "the unknown state is not named"
	stop_server
}

test_sees_imports_made_while_running() {
	init_db
	import_ok states "$EXAMPLES/states.csv"
	start_server || return
	get "/batches"
	grep -q 'areas.csv' "$T/body" && fail "areas before they are loaded"
	import_ok areas "$EXAMPLES/areas.csv"
	get "/batches"
	grep -q 'areas.csv' "$T/body" || fail "an import made meanwhile is not shown"
	# HEAD answers as GET does, without the body.
	CODE=$(curl -s -o "$T/head" -w '%{http_code}' -I "$URL/batches")
	expect_eq "$CODE" 200 "HEAD"
	stop_server
}

test_open_starts_the_browser() {
	load_examples
	mkdir "$T/bin"
	printf '#!/bin/sh\necho "$1" >"%s/opened"\n' "$T" >"$T/bin/xdg-open"
	chmod +x "$T/bin/xdg-open"
	PATH="$T/bin:$PATH" start_server --open || return
	local i
	for i in $(seq 1 100); do
		[ -s "$T/opened" ] && break
		sleep 0.1
	done
	expect_eq "$(cat "$T/opened" 2>/dev/null)" "$URL/" "the page opened"
	stop_server
}

test_usage() {
	load_examples
	run_cbm serve --port 70000
	expect_status 2
	run_cbm serve --timeout -1
	expect_status 2
	run_cbm serve --db "$T/none.sqlite" --port 0
	expect_status 2
	expect_stderr_has "no database"
	[ -e "$T/none.sqlite" ] && fail "serve created a database"
	true
}

run_tests "$@"
