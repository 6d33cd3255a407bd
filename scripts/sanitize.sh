#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and under ThreadSanitizer, each in its own
# scratch folder (.build-asan, .build-tsan) so neither rebuilds the other's objects.
# Usage: scripts/sanitize.sh [address|thread ...]   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
KINDS=("$@")
[ ${#KINDS[@]} -gt 0 ] || KINDS=(address thread)
# Swift's crash backtracer would hide the sanitizer's own report.
export SWIFT_BACKTRACE=enable=no
# LeakSanitizer is left to the leak check (scripts/leakcheck.sh): fontconfig's and Pango's
# process-wide caches live until exit by design and would be reported here.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}
status=0
for kind in "${KINDS[@]}"; do
    case $kind in
        address) scratch=.build-asan ;;
        thread) scratch=.build-tsan ;;
        *) echo "unknown sanitizer: $kind" >&2; exit 64 ;;
    esac
    echo "== swift test --sanitize=$kind ($scratch)"
    log=/tmp/cpd-sanitize-$kind.log
    rc=0
    nice -n 10 swift test --sanitize="$kind" --scratch-path "$scratch" >"$log" 2>&1 || rc=$?
    grep -E "ERROR: AddressSanitizer|WARNING: ThreadSanitizer|SUMMARY: |Test run with|✘" "$log" | head -40 || true
    if [ "$rc" -ne 0 ] || grep -qE "ERROR: AddressSanitizer|WARNING: ThreadSanitizer" "$log"; then
        echo "== $kind: FAILED (exit $rc; log: $log)"; status=1
    else
        echo "== $kind: clean"
    fi
done
exit $status
