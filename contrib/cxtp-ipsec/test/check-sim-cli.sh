#!/usr/bin/env bash
# cxtp-ipsec-sim's command line: every invalid input exits with status 2 and exactly one line on
# stderr naming the problem (a time without its unit or beyond 1e9 s, an unknown ns-3 attribute or
# global value, a seed MRG32k3a does not take, a negative count, a positional argument, an option
# and the attribute it stands for both given, among them); an ns-3 attribute given as --ns3::Class::Attribute=value takes effect; the same
# seed and run give the same CSV files byte for byte, and another run number gives other
# handover instants.
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
expect_error "spiCollision" --spiCollision=1.5
expect_error "spiCollision" --spiCollision=-0.1
expect_error "spiCollision" --spiCollision=abc
expect_error "has no unit" --coreDelay=100
expect_error "has no unit" --probeInterval=0.05
expect_error "no such ns-3 attribute" --ns3::Ikev1Daemon::NoSuchAttribute=1
expect_error "is not a value it takes" --ns3::Ikev1Daemon::RetryInterval=soon
expect_error "nor an ns-3 global value" --NoSuchGlobal=1
expect_error "seed must be between 1 and 4294944442" --seed=0
expect_error "seed must be between 1 and 4294944442" --seed=4294944443
expect_error "seed must not be negative" --seed=-1
expect_error "handovers must not be negative" --handovers=-1
expect_error "run must not be negative" --run=-5
expect_error "is not a time of at most 1e9 s" --handoverAt=9999999999s
expect_error "is not a time of at most 1e9 s" --coreDelay=99999999999s
expect_error "unrecognised argument" positional
expect_error "both given" --ctMode=reactive --ns3::HandoverSecurityCt::Mode=predictive

# An ns-3 attribute from the command line: with the MN's IKEv1 retransmission timer shorter than
# the gateway takes to answer (testbed-2008), messages are sent again; with 5 s, never. Each end
# answers a repeat of the other's request only, so the repeats stay few (they once bounced
# between the two ends without end).
messages()
{
  "$sim" --outputDir="$work/attr" --method=ikev1-main --handovers=2 "$@" >/dev/null ||
    { echo "FAIL: $* did not complete" >&2; return 1; }
  awk -F, 'NR == 1 {for (i = 1; i <= NF; i++) col[$i] = i; next}
    {m += $col["messages"]} END {print m}' "$work/attr/handovers.csv"
}
slow=$(messages --ns3::Ikev1Daemon::RetryInterval=5s)
fast=$(messages --ns3::Ikev1Daemon::RetryInterval=20ms)
if [[ -n $slow && -n $fast && $slow == 22 && $fast -gt $slow && $fast -lt 100 ]]; then
  passed=$((passed + 1))
else
  echo "FAIL: --ns3::Ikev1Daemon::RetryInterval: $slow messages with 5s (want 22), $fast with 20ms (want 23 to 99)"
  failed=$((failed + 1))
fi

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
