#!/usr/bin/env bash
# Capture test of the context-transfer example (one handover, link 1 -> link 2): on the
# gateways' core links no CXTP travels in clear and, with the exported esp_sa keys, tshark
# decrypts the gateway-gateway ESP to UDP 5091; on the MN's link 2 the one CTAR is an ICMPv6
# Experimental Mobility message (type 150) with hop limit 255 and a checksum Wireshark verifies.
# Usage: check-ct-capture.sh <cxtp-ipsec-context-transfer binary> <output dir> [options...]
set -euo pipefail
binary=$1
out=$2
shift 2
command -v tshark >/dev/null || { echo "tshark is not installed (run scripts/setup)"; exit 1; }
rm -rf "$out"
"$binary" --outputDir="$out" --ctTransport=icmpv6 --pcap=1 --handovers=1 --dad=off --profile=zero \
    "$@" >/dev/null
keys=()
while IFS= read -r line; do
  [[ -z $line || $line == \#* ]] && continue
  keys+=(-o "uat:esp_sa:$line")
done <"$out/esp_sa"

count() { tshark -r "$1" -o esp.enable_encryption_decode:TRUE "${keys[@]}" -Y "$2" 2>/dev/null | wc -l; }
expect() {
  local what=$1 pcap=$2 filter=$3 op=$4 want=$5 got
  got=$(count "$out/$pcap" "$filter")
  if ! test "$got" "-$op" "$want"; then
    echo "FAIL: $what: '$filter' matched $got frames in $pcap, expected -$op $want"
    exit 1
  fi
  echo "ok: $what ($got)"
}
# Node 3 = AR1 (pSG), node 4 = AR2 (nSG): device 1 is the core link; node 5 = MN, device 2 its
# interface on link 2.
for core in context-transfer-3-1.pcap context-transfer-4-1.pcap; do
  expect "no clear CXTP on the core" $core "udp.port == 5091 && !esp" eq 0
  expect "CXTP decrypted from ESP" $core "esp && udp.srcport == 5091 && udp.dstport == 5091" ge 2
  expect "no malformed frame on the core" $core "_ws.malformed" eq 0
done
mn=context-transfer-5-2.pcap
expect "one ICMPv6 CXTP message from the MN" $mn "icmpv6.type == 150" eq 1
expect "hop limit 255, checksum good" $mn \
  "icmpv6.type == 150 && ipv6.hlim == 255 && icmpv6.checksum.status == 1 && frame.len == 110" eq 1
expect "no CXTP over UDP on the access link" $mn "udp.port == 5091" eq 0
expect "the MN's tunnel continues at nSG (decrypted)" $mn \
  "esp && ipv6.dst == fd00:12::1 && udp" ge 10
echo "1 passed, 0 failed"
