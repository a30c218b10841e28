# serve_lib.sh - starting and stopping `cbm serve` for serve.sh and
# serve_browser.sh (sourced after lib.sh, inside a test's subshell).
#
#   start_server [ARGS...]   cbm serve --port 0 ARGS on $DB in the
#                            background; sets URL, PORT, SERVE_PID and
#                            waits (up to 60 s) until it answers
#   get PATH [CURL ARGS...]  GET URL/PATH into $T/body; sets CODE, TYPE
#                            and HEADERS ($T/headers)
#   stop_server              kills it (also done when the test ends)

SERVE_PID=""
URL=""
PORT=""

stop_server() {
	if [ -n "$SERVE_PID" ]; then
		kill "$SERVE_PID" 2>/dev/null
		wait "$SERVE_PID" 2>/dev/null
		SERVE_PID=""
	fi
}

start_server() {
	"$CBM" serve --port 0 "$@" >"$T/serve.out" 2>"$T/serve.err" &
	SERVE_PID=$!
	# The test's own trap removes $T; the server goes first.
	trap 'stop_server; rm -rf "$T"' EXIT
	local i
	for i in $(seq 1 600); do
		URL=$(head -n 1 "$T/serve.out" 2>/dev/null)
		if [ -n "$URL" ] &&
			curl -s -o /dev/null --max-time 5 "$URL"; then
			URL=${URL%/}
			PORT=${URL##*:}
			return 0
		fi
		if ! kill -0 "$SERVE_PID" 2>/dev/null; then
			fail "cbm serve ended: $(cat "$T/serve.err")"
			SERVE_PID=""
			return 1
		fi
		sleep 0.1
	done
	fail "cbm serve did not answer within 60 s"
	return 1
}

get() {
	local path=$1
	shift
	read -r CODE TYPE < <(curl -s -o "$T/body" -D "$T/headers" \
		--max-time 120 -w '%{http_code} %{content_type}\n' "$@" \
		"$URL$path")
	HEADERS=$(cat "$T/headers")
}

# A database with the example data and a state whose name is markup.
load_hostile() {
	load_examples
	printf 'code,name_en,name_ru,name_kk\nXSS,<script>alert(1)</script>,<b>ru</b>,"<img src=x onerror=alert(1)>"\n' \
		>"$T/hostile-states.csv"
	import_ok states "$T/hostile-states.csv"
	printf 'state,received_on,amount,currency\nXSS,2024-05-05,1234.50,USD\n' \
		>"$T/hostile-contributions.csv"
	import_ok contributions "$T/hostile-contributions.csv"
}
