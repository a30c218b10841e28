#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# manpage.sh - the man page cbm(1) and the bash completion say what
# `cbm help` says: every command, every option of each command, every file
# kind with its columns, every figure and every exit status; the page
# renders without a warning, and the completion offers commands, options,
# their values and file names.
#
# Environment: CBM_MANPAGE (the configured page, build/packaging/cbm.1)
# and CBM_COMPLETION (packaging/cbm.bash-completion), set by CMake.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

MAN=${CBM_MANPAGE:-}
COMPLETION=${CBM_COMPLETION:-}
if [ ! -f "$MAN" ] || [ ! -f "$COMPLETION" ]; then
	echo "CBM_MANPAGE and CBM_COMPLETION must name the man page and the completion" >&2
	exit 2
fi

# The commands `cbm help` lists.
commands() {
	"$CBM" help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }'
}

# The options `cbm help COMMAND` lists: -o, --output, --year, ...
options_of() {
	"$CBM" help "$1" | grep -oE '^  (-[a-z], )?--[a-z-]+' | tr -d ' ' | tr ',' '\n'
}

# The lines of the man page's section NAME (.SH or .SS), up to the next
# one of the same level.
section() {
	awk -v name="$1" -v level="$2" '
		$1 == level { on = index($0, name) > 0; next }
		level == ".SS" && $1 == ".SH" { on = 0 }
		on' "$MAN"
}

# ---- the man page ----------------------------------------------------------------

test_man_renders_without_warnings() {
	local warnings
	warnings=$(groff -man -ww -z -Tutf8 "$MAN" 2>&1)
	expect_eq "$warnings" "" "groff warnings"
	if command -v man >/dev/null 2>&1; then
		MANWIDTH=80 man -l "$MAN" >"$T/man.txt" 2>"$T/man.err" || fail "man -l failed: $(cat "$T/man.err")"
		grep -q "^NAME" "$T/man.txt" || fail "man -l shows no NAME section"
		grep -q "cbm export -o FILE.xlsx" "$T/man.txt" || fail "man -l lacks cbm export"
	fi
	grep -q '@CBM_VERSION@' "$MAN" && fail "the version was not filled in"
	run_cbm --version
	grep -q "\"cbm ${OUT#cbm }\"" "$MAN" || fail "the page's version is not $OUT"
}

test_man_has_every_command_and_option() {
	local cmd opt n=0 text
	for cmd in $(commands); do
		n=$((n + 1))
		text=$(section "cbm $cmd" .SS)
		[ -n "$text" ] || {
			fail "no section .SS \"cbm $cmd\" in the man page"
			continue
		}
		# The options the section names, whole: \-\-date\-format is
		# --date-format, not --date.
		printf '%s\n' "$text" | grep -oE '(^|[^a-z])\\-(\\-)?[a-z]+(\\-[a-z]+)*' |
			sed 's/^[^\\]//; s/\\-/-/g' | sort -u >"$T/named"
		for opt in $(options_of "$cmd"); do
			case $opt in
			--help | -h | --db) continue ;; # in DESCRIPTION, for all
			esac
			grep -qxF -- "$opt" "$T/named" ||
				fail "the man page's cbm $cmd lacks $opt"
		done
	done
	[ "$n" -ge 12 ] || fail "only $n commands found in cbm help"
	section DESCRIPTION .SH | grep -qF -- '\-\-help' || fail "--help in DESCRIPTION"
	section DESCRIPTION .SH | grep -qF -- '\-\-db' || fail "--db in DESCRIPTION"
}

test_man_has_every_file_kind_and_column() {
	local kinds kind cols col n=0 text
	kinds=$("$CBM" help import | awk '/^File kinds/ { on = 1; next } on && /^  [a-z]/ { print } on && /^$/ { on = 0 }')
	text=$(section "FILE KINDS" .SH)
	while read -r kind cols; do
		n=$((n + 1))
		printf '%s\n' "$text" | grep -qx ".B $kind" || fail "FILE KINDS lacks $kind"
		for col in ${cols//,/ }; do
			col=${col%\*}
			printf '%s\n' "$text" | awk -v k=".B $kind" '$0 == k { on = 1; next } /^\.TP/ { on = 0 } on' |
				grep -qF -- "$col" || fail "FILE KINDS: $kind lacks the column $col"
		done
	done <<<"$kinds"
	[ "$n" -ge 10 ] || fail "only $n file kinds in cbm help import"
}

test_man_has_every_figure_and_exit_status() {
	local f text
	text=$(section FIGURES .SH)
	for f in $("$CBM" help stats | awk '/^Figures:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }'); do
		printf '%s\n' "$text" | grep -qx ".B $f" || fail "FIGURES lacks $f"
	done
	text=$(section "EXIT STATUS" .SH)
	for f in 0 1 2 3 130; do
		printf '%s\n' "$text" | grep -qx ".B $f" || fail "EXIT STATUS lacks $f"
	done
}

# ---- the completion --------------------------------------------------------------

# complete WORDS...: what the completion offers for the last word, one a
# line, sorted (run in a bash of its own).
complete_words() {
	bash -c '
		. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_cbm
		printf "%s\n" "${COMPREPLY[@]}" | sort' completion "$COMPLETION" "$@"
}

test_completion_commands_and_options() {
	local cmd got want
	got=$(complete_words cbm "")
	want=$(commands | sort)
	expect_eq "$got" "$want" "commands offered"
	for cmd in $(commands); do
		got=$(complete_words cbm "$cmd" -)
		want=$(options_of "$cmd" | sort -u)
		expect_eq "$got" "$want" "options offered for cbm $cmd"
	done
	got=$(complete_words cbm --db x.sqlite stats --f)
	expect_eq "$got" "--format
--from" "options after --db FILE and the command"
}

test_completion_values_and_files() {
	local got
	expect_eq "$(complete_words cbm import "")" \
		"$("$CBM" help import | awk '/^File kinds/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }' | sort)" \
		"file kinds after import"
	expect_eq "$(complete_words cbm stats "")" \
		"$("$CBM" help stats | awk '/^Figures:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }' | sort)" \
		"figures after stats"
	expect_eq "$(complete_words cbm chart "")" \
		"$("$CBM" help chart | awk '/^Kinds:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }' | sort)" \
		"chart kinds"
	expect_eq "$(complete_words cbm report "")" "annual
budget
state" "report kinds"
	expect_eq "$(complete_words cbm stats collection --format "")" "csv
json
table
xlsx" "formats of stats"
	expect_eq "$(complete_words cbm chart curve --format "")" "pdf
png
svg" "formats of chart"
	expect_eq "$(complete_words cbm export --lang "")" "en
kk
ru" "languages"
	expect_eq "$(complete_words cbm stats activity --by "")" "area
dimension
format
organizer
venue" "activity keys"
	# File names: after a kind, and after -o.
	mkdir "$T/files" && touch "$T/files/contributions-2024.csv" "$T/files/other.txt"
	cd "$T/files" || return
	got=$(complete_words cbm import contributions cont)
	expect_eq "$got" "contributions-2024.csv" "files after import KIND"
	got=$(complete_words cbm stats collection -o oth)
	expect_eq "$got" "other.txt" "files after -o"
	got=$(complete_words cbm stats collection "")
	expect_eq "$got" "" "nothing after the figure"
}

run_tests "$@"
