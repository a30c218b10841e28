# shellcheck shell=bash
# xlsx_lib.sh - what outputs.sh and export.sh share (sourced after
# lib.sh): reading workbooks back with openpyxl through xlsx.py, the
# example data set loaded once per script, and a sample of a loop's cases
# under valgrind.

# A python3 with openpyxl (Debian python3-openpyxl): the first python3 on
# PATH may be another build without it (pyenv's), so CBM_PYTHON, then each
# python3 on PATH, then Debian's.  Without one the script is skipped (77),
# not failed: it tests cbm, and the reader is missing.
xlsx_python() {
	local p
	for p in ${CBM_PYTHON:+"$CBM_PYTHON"} $(type -ap python3) /usr/bin/python3; do
		if "$p" -c 'import openpyxl' 2>/dev/null; then
			printf '%s\n' "$p"
			return 0
		fi
	done
	return 1
}
if ! PY=$(xlsx_python); then
	echo "${0##*/}: skipped: no python3 with openpyxl (Debian python3-openpyxl)" >&2
	exit 77
fi
XLSX=$(cd "$(dirname "$0")" && pwd)/xlsx.py

# xlsx ARGS...: runs xlsx.py; sets XOUT and XSTATUS.
xlsx() {
	XOUT=$("$PY" "$XLSX" "$@" 2>&1)
	XSTATUS=$?
}

# expect_xlsx ARGS...: xlsx.py succeeds; its output is in XOUT.
expect_xlsx() {
	xlsx "$@"
	[ "$XSTATUS" = 0 ] || fail "xlsx.py $*: $XOUT"
}

# expect_xout_has TEXT: a line of XOUT is TEXT.
expect_xout_has() {
	printf '%s\n' "$XOUT" | grep -qxF -- "$1" ||
		fail "xlsx.py output lacks the line '$1'; got:
$XOUT"
}

# The example data set, loaded once for the whole script and copied into
# each test's $DB.
CACHE=$(mktemp -d "${TMPDIR:-/tmp}/cbm-e2e-xlsx.XXXXXX") || exit 3
trap 'rm -rf "$CACHE"' EXIT

examples() {
	if [ ! -f "$CACHE/ex.sqlite" ]; then
		local k
		CBM_DB=$CACHE/ex.sqlite "$CBM" init >/dev/null || exit 3
		for k in states areas coordinators fx budget plan contributions \
			pledges secondments scale; do
			CBM_DB=$CACHE/ex.sqlite "$CBM" import "$k" "$EXAMPLES/$k.csv" \
				>/dev/null 2>&1 || exit 3
		done
	fi
	cp "$CACHE/ex.sqlite" "$DB"
}

# sample: its input lines, or under valgrind (CBM_WRAPPER) every third
# one from the first: the loops over figures run the same code paths, and
# memcheck makes each run some seconds long.
sample() {
	if [ -n "${CBM_WRAPPER:-}" ]; then
		awk 'NR % 3 == 1'
	else
		cat
	fi
}
