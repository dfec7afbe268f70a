# tests/system/testlib.sh: what the shell system tests share, sourced after
# setting test_name: the lemu binary ($LEMU, default $top_builddir/lemu), a
# scratch directory $tmp removed on exit, and fail() with the counters
# that the test's summary line reports.

top_builddir=${top_builddir:-.}
LEMU=${LEMU:-$top_builddir/lemu}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lemu-$test_name.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

failures=0
checks=0

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

if [ ! -x "$LEMU" ]; then
    echo "lemu binary not found at $LEMU"
    exit 99
fi
