#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031,SC2030 # test_* run in subshells via run_tests
# serve_browser.sh - `cbm serve` in a real browser: headless Chromium
# (Debian chromium) loads every page in three languages, the DOM it
# builds holds the key figures of cbm stats, and screenshots are taken
# for a person to look at (kept in $CBM_SCREENSHOTS when set).  Exits 77
# (skipped) when Chromium is not installed.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=serve_lib.sh
. "$(dirname "$0")/serve_lib.sh"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
	echo "chromium is not installed (Debian package chromium): skipped"
	exit 77
fi
if ! command -v curl >/dev/null 2>&1; then
	echo "curl is needed (Debian package curl)" >&2
	exit 2
fi

# chromium ARGS...: headless, in the test's own profile, without the
# sandbox (which needs privileges a CI container lacks), never online.
chromium() {
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
		--no-first-run --disable-extensions --disable-sync \
		--disable-background-networking --disable-dev-shm-usage \
		--user-data-dir="$T/profile" --window-size=1280,1600 "$@" \
		2>>"$T/chromium.err"
}

# The value of the card labelled LABEL in the DOM in $T/dom.
card() {
	grep -F "<div class=\"l\">$1</div>" "$T/dom" |
		sed 's/.*<div class="v">\([^<]*\)<\/div>.*/\1/'
}

test_dom_of_every_page() {
	load_examples
	start_server || return
	local p l
	for l in en ru kk; do
		for p in / /figures /query /reports /batches \
			"/figures?figure=outstanding&year=2024" \
			"/query?sql=SELECT%20*%20FROM%20v_states"; do
			case $p in *\?*) u="$URL$p&lang=$l" ;; *) u="$URL$p?lang=$l" ;; esac
			chromium --dump-dom "$u" >"$T/dom"
			grep -q "<html lang=\"$l\">" "$T/dom" ||
				fail "Chromium did not load $p in $l"
			grep -q '</main>' "$T/dom" || fail "$p in $l is cut short"
		done
	done
	stop_server
}

test_dom_key_figures_equal_stats() {
	load_examples
	start_server || return
	chromium --dump-dom "$URL/?lang=en" >"$T/dom"
	local y rate events
	y=$(sed -n 's/.*<h2>Key figures of \([0-9]*\)<\/h2>.*/\1/p' "$T/dom")
	[ -n "$y" ] || { fail "no key figures in the DOM"; return; }
	run_cbm stats collection --year "$y"
	rate=$(printf '%s\n' "$OUT" | awk 'NR == 3 {print $4 " " $5}')
	expect_eq "$(card "Collection rate")" "$rate" "collection rate"
	grep -qF "$(card "Voluntary contributions received, USD")" <<<"$OUT" ||
		fail "received is not the one of cbm stats"
	run_cbm stats activity --by dimension --year "$y"
	events=$(printf '%s\n' "$OUT" | awk '$1 == "total" {print $3 " / " $2}')
	expect_eq "$(card "Events held / in the plan")" "$events" "events"
	# The charts are drawn in the DOM as SVG.
	expect_eq "$(grep -o '<svg' "$T/dom" | wc -l)" 6 "charts in the DOM"
	# A figure's table in Russian has the numbers of cbm stats --lang ru.
	# Chromium writes a no-break space (the Russian thousands separator)
	# as &nbsp;.
	chromium --dump-dom "$URL/figures?figure=collection&year=$y&lang=ru" |
		sed 's/&nbsp;/\xc2\xa0/g' >"$T/dom"
	run_cbm stats collection --year "$y" --lang ru
	local v
	for v in $(printf '%s\n' "$OUT" | awk 'NR == 3 {print $2; print $3}'); do
		grep -qF "$v" "$T/dom" || fail "the Russian table lacks $v"
	done
	stop_server
}

test_screenshots() {
	load_examples
	start_server || return
	local dir=${CBM_SCREENSHOTS:-$T/shots} p name
	mkdir -p "$dir"
	for p in "/?lang=en" "/figures?figure=collection&from=2019&lang=ru" \
		"/query?sql=SELECT%20*%20FROM%20v_collection_by_year&lang=kk" \
		"/reports?lang=ru" "/batches?lang=en"; do
		name=$(printf '%s' "$p" | tr -c 'a-z0-9' '_' | cut -c1-40)
		chromium --screenshot="$dir/$name.png" "$URL$p" >/dev/null
		[ -s "$dir/$name.png" ] || fail "no screenshot of $p"
	done
	stop_server
}

run_tests "$@"
