#!/usr/bin/env bash
# The cost of EAP in the core (RFC 7296 §2.16 over RADIUS, RFC 3579): every EAP round trip of an
# ikev2-eap-* handover crosses the core to the AAA server and back, so when the one-way delay of
# the AAA server's link grows by D, the security set-up delay must grow by 2 D per AAA round
# trip. The simulator runs twice (--aaaDelay=2ms and 52ms, two handovers each); the number of
# AAA round trips per handover is counted in the capture of the AAA link (RADIUS
# Access-Requests after the first handover, none of them retransmissions), and the slope of the
# set-up delay against 2 D must equal it within 0.1 (the rest of the handover does not depend on
# the AAA link).
# Usage: check-aaa-delay-slope.sh <cxtp-ipsec-sim binary> <output dir> --method=ikev2-eap-... [...]
set -euo pipefail
binary=$1
out=$2
shift 2
command -v tshark >/dev/null || { echo "tshark is not installed (run scripts/setup)"; exit 1; }
rm -rf "$out"
mean_delay() {
  awk -F, 'NR == 1 {for (i = 1; i <= NF; i++) col[$i] = i; next}
    {s += $col["security_delay_ms"]; n++} END {if (n) printf "%.6f\n", s / n}' "$1/handovers.csv"
}
for d in 2 52; do
  "$binary" --outputDir="$out/$d" --handovers=2 --aaaDelay=${d}ms --pcap=$([[ $d == 52 ]] && echo 1 || echo 0) "$@" >/dev/null
done
d1=$(mean_delay "$out/2")
d2=$(mean_delay "$out/52")
handovers=$(awk 'END {print NR - 1}' "$out/52/handovers.csv")
from=$(awk -F, 'NR == 1 {for (i = 1; i <= NF; i++) col[$i] = i; next}
  NR == 2 {print $col["t_detach_s"]}' "$out/52/handovers.csv")
# The AAA server is node 6 of the scenario; device 1 is its link to the core router.
pcap=$out/52/sim-6-1.pcap
[[ -e $pcap ]] || { echo "FAIL: no capture of the AAA link ($pcap)"; exit 1; }
requests=$(tshark -r "$pcap" -Y "frame.time_relative >= $from && radius.code == 1" 2>/dev/null | wc -l)
distinct=$(tshark -r "$pcap" -Y "frame.time_relative >= $from && radius.code == 1" \
  -T fields -e radius.authenticator 2>/dev/null | sort -u | wc -l)
[[ $requests -gt 0 && $requests == "$distinct" ]] ||
  { echo "FAIL: $requests Access-Requests, $distinct distinct (a retransmission?)"; exit 1; }
awk -v d1="$d1" -v d2="$d2" -v req="$requests" -v n="$handovers" 'BEGIN {
  trips = req / n; slope = (d2 - d1) / (2 * 50);
  printf "set-up delay %.3f -> %.3f ms: slope %.3f per 2x50 ms; %d AAA round trips per handover\n",
    d1, d2, slope, trips;
  if (slope - trips > 0.1 || trips - slope > 0.1) { print "FAIL: the slope is not the AAA round trips"; exit 1 }
  print "ok: the set-up delay grows by one AAA round trip per EAP round trip through the AAA server" }'
