#!/usr/bin/env bash
# Capture test of the MIPv6 handover example: tshark must dissect the Binding Updates and
# Binding Acknowledgements on the MN's access links as MIPv6 (BU with a Home Address option),
# the tunnelled probes as IPv6-in-IPv6 (method none) or see them only inside ESP (--method=manual),
# and find no malformed frame or expert error in any pcap.
# Usage: mipv6-check-capture.sh <cxtp-ipsec-mipv6-handover binary> <output dir> [options...]
set -euo pipefail
binary=$1
out=$2
shift 2
command -v tshark >/dev/null || { echo "tshark is not installed (run scripts/setup)"; exit 1; }
rm -rf "$out"
"$binary" --outputDir="$out" --handovers=1 --dad=off --pcap=1 "$@" >/dev/null
link1="$out/mipv6-handover-5-1.pcap" # node 5 (MN), device 1 (access link 1)
link2="$out/mipv6-handover-5-2.pcap" # node 5 (MN), device 2 (access link 2)

count() { tshark -r "$1" -Y "$2" 2>/dev/null | wc -l; }
expect() {
  local what=$1 pcap=$2 filter=$3 want=$4 got
  got=$(count "$pcap" "$filter")
  if [[ $got != "$want" ]]; then
    echo "FAIL: $what: '$filter' matched $got frames in $(basename "$pcap"), expected $want"
    exit 1
  fi
  echo "ok: $what ($got)"
}
expect "BU on link 1" "$link1" "mip6.mhtype == 5 && ipv6.opt.type == 201" 1
expect "BA on link 1" "$link1" "mip6.mhtype == 6 && mip6.ba.status == 0" 1
expect "BU on link 2" "$link2" "mip6.mhtype == 5 && ipv6.opt.type == 201" 1
expect "BA on link 2" "$link2" "mip6.mhtype == 6 && mip6.ba.status == 0" 1
for pcap in "$out"/*.pcap; do
  expect "no malformed frame" "$pcap" "_ws.malformed || _ws.expert.severity >= error" 0
done
if [[ " $* " == *" --method=manual "* ]]; then
  # The MIPv6 tunnel runs inside ESP on both access links: no probe in clear there.
  for pcap in "$link1" "$link2"; do
    expect "no probe in clear" "$pcap" "udp.port == 9000 || udp.port == 9001" 0
    esp=$(count "$pcap" "esp")
    [[ $esp -gt 20 ]] || { echo "FAIL: only $esp ESP frames in $(basename "$pcap")"; exit 1; }
    echo "ok: ESP frames in $(basename "$pcap") ($esp)"
  done
else
  tunnelled=$(count "$link2" "ipv6.nxt == 41 && udp.dstport == 9000")
  if [[ $tunnelled == 0 ]]; then
    echo "FAIL: no tunnelled downlink probe on link 2"
    exit 1
  fi
  echo "ok: tunnelled probes on link 2 ($tunnelled)"
fi
echo "1 passed, 0 failed"
