#!/usr/bin/env bash
# Capture test of the ikev2 handover method: on the mobile node's access links tshark must
# dissect every IKE frame as ISAKMP (IKEv2) without malformed packets, and count as many IKE
# messages and frame bytes (IPv6 fragments of a large IKE_AUTH included, FCS excluded) as
# handovers.csv reports in its messages and bytes columns, from the first handover on (the
# negotiation at the first attachment is no handover).
# Usage: check-ikev2-sim-capture.sh <cxtp-ipsec-sim binary> <output dir> [sim options...]
set -euo pipefail
binary=$1
out=$2
shift 2
command -v tshark >/dev/null || { echo "tshark is not installed (run scripts/setup)"; exit 1; }
rm -rf "$out"
"$binary" --method=ikev2 --outputDir="$out" --pcap=1 "$@" >/dev/null
# The MN is node 5 of the scenario (CN, R, HA, AR1, AR2, MN); its access devices are 1 and 2.
pcaps=("$out"/sim-5-*.pcap)
[[ -e ${pcaps[0]} ]] || { echo "FAIL: no capture of the MN in $out"; exit 1; }
# tshark shows a fragmented message on its last fragment; the others are UDP fragments.
from=$(awk -F, 'NR == 1 {for (i = 1; i <= NF; i++) col[$i] = i; next}
  NR == 2 {print $col["t_detach_s"]}' "$out/handovers.csv")
window="frame.time_relative >= $from"
ike="($window) && (udp.port == 500 || ipv6.fraghdr.nxt == 17)"
messages=0
bytes=0
for pcap in "${pcaps[@]}"; do
  m=$(tshark -r "$pcap" -Y "($window) && isakmp" 2>/dev/null | wc -l)
  b=$(tshark -r "$pcap" -Y "$ike" -T fields -e frame.len 2>/dev/null | awk '{s += $1 - 4} END {print s + 0}')
  bad=$(tshark -r "$pcap" -Y '_ws.malformed || (udp.port == 500 && !isakmp)' 2>/dev/null | wc -l)
  [[ $bad == 0 ]] || { echo "FAIL: $pcap: $bad malformed or undissected IKE frames"; exit 1; }
  messages=$((messages + m))
  bytes=$((bytes + b))
done
read -r csv_messages csv_bytes < <(awk -F, 'NR == 1 {for (i = 1; i <= NF; i++) col[$i] = i; next}
  {m += $col["messages"]; b += $col["bytes"]} END {print m, b}' "$out/handovers.csv")
[[ $messages -gt 0 ]] || { echo "FAIL: no IKE message in the capture"; exit 1; }
if [[ $messages != "$csv_messages" || $bytes != "$csv_bytes" ]]; then
  echo "FAIL: tshark counts $messages messages / $bytes B, handovers.csv $csv_messages / $csv_bytes B"
  exit 1
fi
echo "ok: $messages IKEv2 messages, $bytes B, as handovers.csv says; nothing malformed"
