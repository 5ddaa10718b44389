#!/usr/bin/env bash
# Capture test of the IKEv1 example: tshark must dissect every IKE frame of the MN's access link
# as ISAKMP without malformed packets or expert errors; with the exported phase-1 key
# (ikev1_decryption_table) it must decrypt the INITIAL-CONTACT notifications, and with the
# exported esp_sa keys the ESP frames to the inner UDP probes.
# Usage: check-ikev1-capture.sh <cxtp-ipsec-ikev1 binary> <output dir> [example options...]
# The expected ISAKMP frame count follows --mode: main (default) 11, aggressive 8.
set -euo pipefail
binary=$1
out=$2
shift 2
command -v tshark >/dev/null || { echo "tshark is not installed (run scripts/setup)"; exit 1; }
mode=main
for arg in "$@"; do
  case $arg in
    --mode=*) mode=${arg#--mode=} ;;
  esac
done
case $mode in
  main) want_isakmp=11 ;;
  aggressive) want_isakmp=8 ;;
  *) echo "unknown --mode=$mode"; exit 1 ;;
esac
rm -rf "$out"
"$binary" --outputDir="$out" --duration=1s "$@" >/dev/null
pcap="$out/ikev1-0-0.pcap"   # node 0 (MN), device 0 (access link)
ike=()
while IFS= read -r line; do
  [[ -z $line || $line == \#* ]] && continue
  ike+=(-o "uat:ikev1_decryption_table:$line")
done <"$out/ikev1_decryption_table"
esp=()
while IFS= read -r line; do
  [[ -z $line || $line == \#* ]] && continue
  esp+=(-o "uat:esp_sa:$line")
done <"$out/esp_sa"
[[ ${#ike[@]} -gt 0 ]] || { echo "FAIL: no key in $out/ikev1_decryption_table"; exit 1; }
[[ ${#esp[@]} -gt 0 ]] || { echo "FAIL: no key in $out/esp_sa"; exit 1; }

count() {
  tshark -r "$pcap" -o esp.enable_encryption_decode:TRUE "${ike[@]}" "${esp[@]}" -Y "$1" \
    2>/dev/null | wc -l
}
expect() {
  local what=$1 filter=$2 want=$3 got
  got=$(count "$filter")
  if [[ $got != "$want" ]]; then
    echo "FAIL: $what: '$filter' matched $got frames, expected $want"
    exit 1
  fi
  echo "ok: $what ($got)"
}
expect "ISAKMP frames ($mode mode + quick mode)" "isakmp" "$want_isakmp"
expect "no IKE frame left undissected" "udp.port == 500 && !isakmp" 0
expect "no malformed frame" "_ws.malformed" 0
expect "no expert error" "_ws.expert.severity >= error" 0
# INITIAL-CONTACT (24578), one from each side, only readable with the phase-1 key.
expect "INITIAL-CONTACT notifies decrypted" "isakmp.notify.msgtype == 24578" 2
# 1 s of probes every 50 ms: 20 each way; the MN's first one raised the ACQUIRE and was dropped.
expect "uplink probes decrypted" "esp && ipv6.dst == fd00:1::2 && udp.dstport == 4000" 19
expect "downlink probes decrypted" "esp && ipv6.dst == fd00:11::100 && udp.dstport == 4001" 20
expect "no probe in clear" "(udp.port == 4000 || udp.port == 4001) && !esp" 0
echo "1 passed, 0 failed"
