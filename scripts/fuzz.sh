#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (CPD_FUZZ=1 adds them to the package, with
# -sanitize=fuzzer,address) and runs each for SECONDS seconds, one after another, seeded from Fixtures/.
# Usage: scripts/fuzz.sh [SECONDS] [target ...]   targets: csv json body layout (default: all)
# Findings (crash-*, timeout-*, oom-*) land in .fuzz-work/artifacts/TARGET/; the script exits 1 if any.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(csv json body layout)
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
WORK=.fuzz-work
# Swift's own crash backtracer would catch the signal before libFuzzer could save the input.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}

seed() { # target -> copies the fixtures it reads into the git-ignored corpus folder
    local dir=$WORK/corpus/$1
    mkdir -p "$dir"
    case $1 in
        csv) cp Fixtures/*.csv Fixtures/formats/* Fixtures/invalid/*.csv "$dir"/ ;;
        json) cp Fixtures/*.json Fixtures/invalid/*.json "$dir"/ ;;
        body) cp Bodies/*.yaml "$dir"/ ;;
        layout) cp Layouts/*.yaml "$dir"/ ;;
    esac
}

found=0
for t in "${TARGETS[@]}"; do
    CPD_FUZZ=1 nice -n 10 swift build -c debug --scratch-path "$SCRATCH" --product "fuzz-$t" 2>&1 \
        | grep -v "Cannot export local symbol" | tail -3
    seed "$t"
    mkdir -p "$WORK/artifacts/$t"
    # fuzz-csv also re-reads each input in chunks of 1 to 17 bytes, which is quadratic in a long
    # row: shorter inputs keep it at hundreds of executions a second.
    max_len=65536; [ "$t" = csv ] && max_len=4096
    echo "== fuzz-$t: ${SECONDS_PER_TARGET}s"
    # -fork=1 -ignore_crashes=1: keep fuzzing after a finding so one run reports them all.
    nice -n 10 "$SCRATCH/debug/fuzz-$t" "$WORK/corpus/$t" \
        -max_total_time="$SECONDS_PER_TARGET" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -artifact_prefix="$WORK/artifacts/$t/" -print_final_stats=1 >"$WORK/fuzz-$t.log" 2>&1 || true
    # The last progress line: executions, coverage (cov), features (ft), corpus, findings.
    grep -E "^#[0-9]+" "$WORK/fuzz-$t.log" | tail -1
    grep -E "^INFO: exiting|Fatal error|ERROR: " "$WORK/fuzz-$t.log" | sort | uniq -c | head -5 || true
    if ls "$WORK/artifacts/$t"/* >/dev/null 2>&1; then
        echo "fuzz-$t: findings in $WORK/artifacts/$t/"; found=1
    fi
done
exit $found
