#!/usr/bin/env bash
# Context transfer on a long core (cxtp-ipsec-sim, method ikev1-ct): for core delays of 10, 50,
# 100 and 200 ms and both modes, every handover completes by context transfer (path ct, no
# fallback to IKE, no warning) and, with nothing lost, reactive transfers exchange CT-Req, CTD
# and CTDR once each (3 core messages), predictive ones PCTD and CTDR on a 10 ms core. (From 50
# ms on, the MN's CTAR reaches nSG before the push: nSG asks pSG as in reactive mode, and the
# push is still sent once; suite cxtp-ipsec-cxtp-transfer-timers counts the PCTDs.) The transfer
# timers follow the gateways' round trip (CxtpTransferTimers); with them forced back to fixed
# RFC 4067 values the reactive transfer falls back, and the summary says so. Also the command
# cxtp-ipsec-sim --method=ikev1-ct --ctMode=reactive --coreDelay=100ms --handovers=30.
# Usage: check-ct-core-delay.sh <cxtp-ipsec-sim binary> <work dir>
set -uo pipefail
sim=$1
work=$2
rm -rf "$work"
mkdir -p "$work"
failed=0
passed=0

# check MODE DELAY HANDOVERS [CORE_MESSAGES]
check()
{
  local mode=$1 delay=$2 handovers=$3 want=${4:-any}
  local out="$work/$mode-$delay-$handovers"
  if ! "$sim" --method=ikev1-ct --ctMode="$mode" --coreDelay="$delay" --handovers="$handovers" \
      --outputDir="$out" >"$out.stdout" 2>"$out.stderr"; then
    echo "FAIL: $mode $delay: exit status $?: $(cat "$out.stderr")"
    failed=$((failed + 1))
    return
  fi
  local report
  report=$(awk -F, -v want="$want" 'NR == 1 {for (i = 1; i <= NF; i++) col[$i] = i; next}
    {n++; if ($col["path"] == "ct") ct++; if (want == "any" || $col["core_messages"] == want) exact++}
    END {print n, ct + 0, exact + 0}' "$out/handovers.csv")
  read -r n ct exact <<<"$report"
  if [[ $n -eq $handovers && $ct -eq $handovers && $exact -eq $handovers && ! -s $out.stderr ]] &&
    grep -q "paths: ct $handovers\$" "$out.stdout"; then
    passed=$((passed + 1))
  else
    echo "FAIL: $mode, core delay $delay: $n handovers, $ct by context transfer, $exact with" \
      "$want core messages (want $handovers of each, no warning); stderr: $(cat "$out.stderr")"
    failed=$((failed + 1))
  fi
}

for delay in 10ms 50ms 100ms 200ms; do
  check predictive "$delay" 6 "$([[ $delay == 10ms ]] && echo 2)"
  check reactive "$delay" 6 3
done
check reactive 100ms 30 3

# The warning: with the timers forced back to a fixed 50 ms / 200 ms (the round trip assumed
# unknown), a 100 ms core makes the reactive transfer fall back.
out="$work/forced"
"$sim" --method=ikev1-ct --ctMode=reactive --coreDelay=100ms --handovers=2 --outputDir="$out" \
  --ns3::CxtpAgent::PeerRoundTrip=1ns \
  >"$out.stdout" 2>"$out.stderr"
if grep -q "warning: 2 of 2 handovers fell back to full IKE" "$out.stderr" &&
  grep -q "paths: fallback-ike 2" "$out.stdout"; then
  passed=$((passed + 1))
else
  echo "FAIL: no fallback warning with fixed short timers: $(cat "$out.stderr")"
  failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
