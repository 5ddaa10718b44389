#!/usr/bin/env bash
# Capture test of the ESP tunnel example: tshark must decode every frame of the MN's access link
# as IPv6/ESP without malformed packets, and with the exported esp_sa keys decrypt every ESP
# frame to the inner UDP probe.
# Usage: check-esp-capture.sh <cxtp-ipsec-esp-tunnel binary> <output dir> [example options...]
set -euo pipefail
binary=$1
out=$2
shift 2
command -v tshark >/dev/null || { echo "tshark is not installed (run scripts/setup)"; exit 1; }
rm -rf "$out"
"$binary" --outputDir="$out" --duration=2s "$@" >/dev/null
pcap="$out/esp-tunnel-0-0.pcap"   # node 0 (MN), device 0 (access link)
keys=()
while IFS= read -r line; do
  [[ -z $line || $line == \#* ]] && continue
  keys+=(-o "uat:esp_sa:$line")
done <"$out/esp_sa"

count() { tshark -r "$pcap" -o esp.enable_encryption_decode:TRUE "${keys[@]}" -Y "$1" 2>/dev/null | wc -l; }
expect() {
  local what=$1 filter=$2 want=$3 got
  got=$(count "$filter")
  if [[ $got != "$want" ]]; then
    echo "FAIL: $what: '$filter' matched $got frames, expected $want"
    exit 1
  fi
  echo "ok: $what ($got)"
}
# 2 s of probes every 50 ms: 40 uplink and 40 downlink, all in ESP.
expect "ESP frames" "esp" 80
expect "no malformed frame" "_ws.malformed" 0
expect "no expert error" "_ws.expert.severity >= error" 0
expect "uplink probes decrypted" "esp && ipv6.dst == fd00:1::2 && udp.dstport == 4000" 40
expect "downlink probes decrypted" "esp && ipv6.dst == fd00:11::100 && udp.dstport == 4001" 40
expect "no probe in clear" "(udp.port == 4000 || udp.port == 4001) && !esp" 0
echo "1 passed, 0 failed"
