#!/usr/bin/env bash
# cxtp-ipsec-sim's command line: every invalid input exits with status 2 and exactly one line on
# stderr naming the problem; the same seed and run give the same CSV files byte for byte, and
# another run number gives other handover instants.
# Usage: check-sim-cli.sh <cxtp-ipsec-sim binary> <work dir>
set -uo pipefail
sim=$1
work=$2
rm -rf "$work"
mkdir -p "$work"
failed=0
passed=0

# expect_error NEEDLE ARGS...: exit status 2, one stderr line containing NEEDLE.
expect_error()
{
  local needle=$1
  shift
  "$sim" --outputDir="$work/err" "$@" >/dev/null 2>"$work/stderr"
  local status=$?
  local lines
  lines=$(wc -l <"$work/stderr")
  if [[ $status -ne 2 || $lines -ne 1 ]] || ! grep -q -- "$needle" "$work/stderr"; then
    echo "FAIL: $* -> status $status, $lines stderr lines, want 2 and one line with '$needle':"
    cat "$work/stderr"
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
}

expect_error "--nosuch" --nosuch=1
expect_error "handoverRate" --handoverRate=-2
expect_error "method" --method=ikev9
expect_error "probeInterval" --probeInterval=fast
expect_error "coreDelay" --coreDelay=-1ms
expect_error "config" --config="$work/missing.ini"
expect_error "profile" --profile="$work/missing.ini"
expect_error "handovers" --handovers=0
expect_error "dad" --dad=sometimes
expect_error "ctMode" --ctMode=sideways

for name in a b; do
  "$sim" --outputDir="$work/$name" --method=ikev1-ct --handovers=3 --seed=3 --run=7 >/dev/null ||
    { echo "FAIL: run $name did not complete"; failed=$((failed + 1)); }
done
"$sim" --outputDir="$work/c" --method=ikev1-ct --handovers=3 --seed=3 --run=8 >/dev/null
for f in handovers.csv summary.csv; do
  if cmp -s "$work/a/$f" "$work/b/$f"; then
    passed=$((passed + 1))
  else
    echo "FAIL: $f differs between two runs with the same seed and run"
    failed=$((failed + 1))
  fi
done
if cmp -s "$work/a/handovers.csv" "$work/c/handovers.csv"; then
  echo "FAIL: run 7 and run 8 gave the same handovers"
  failed=$((failed + 1))
else
  passed=$((passed + 1))
fi
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
