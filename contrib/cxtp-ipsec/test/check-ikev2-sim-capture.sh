#!/usr/bin/env bash
# Capture test of the ikev2 handover methods (ikev2, ikev2-eap-*; the sim options name the
# method): on the mobile node's access links tshark must
# dissect every IKE frame as ISAKMP (IKEv2) without malformed packets, and count as many IKE
# messages and frame bytes (IPv6 fragments of a large IKE_AUTH included, FCS excluded) as
# handovers.csv reports in its messages and bytes columns, from the first handover on (the
# negotiation at the first attachment is no handover). With the key files the simulator writes
# beside the pcaps (ikev2_decryption_table, esp_sa) tshark must decrypt the SK payload of every
# IKE_AUTH and INFORMATIONAL message (RFC 7296 §3.14) and every ESP packet (to its inner probe
# or Mobile IPv6 message) in all captures, and must not without them (negative control). With
# EAP (RFC 7296 §2.16) every decrypted IKE_AUTH after the first carries an EAP payload tshark
# dissects, and on the AAA server's link every RADIUS packet dissects without a malformed field
# and they are as many, with as many octets, as handovers.csv's core_messages and core_bytes.
# Usage: check-ikev2-sim-capture.sh <cxtp-ipsec-sim binary> <output dir> [sim options...]
set -euo pipefail
binary=$1
out=$2
shift 2
command -v tshark >/dev/null || { echo "tshark is not installed (run scripts/setup)"; exit 1; }
rm -rf "$out"
"$binary" --outputDir="$out" --pcap=1 "$@" >/dev/null
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

# The key files as tshark options (-o uat:<table>:<line>), none with "empty".
key_options() {
  printf '%s\0' -o esp.enable_encryption_decode:TRUE
  [[ $1 == empty ]] && return
  local table line
  for table in ikev2_decryption_table esp_sa; do
    [[ -s $out/$table ]] || { echo "FAIL: no $table in $out" >&2; return 1; }
    while IFS= read -r line; do
      [[ -z $line || $line == \#* ]] || printf '%s\0' -o "uat:$table:$line"
    done <"$out/$table"
  done
}
# decrypted <keys>: every SK payload and every ESP packet of all the captures decrypts.
decrypted() {
  local options=() o pcap what filter condition n d
  while IFS= read -r -d '' o; do options+=("$o"); done < <(key_options "$1")
  for pcap in "${pcaps[@]}"; do
    for what in sk esp; do
      if [[ $what == sk ]]; then
        filter="isakmp.exchangetype >= 35"; condition="isakmp.enc.decrypted"
      else
        filter="esp"; condition="udp || mipv6"
      fi
      n=$(tshark -r "$pcap" "${options[@]}" -Y "$filter" 2>/dev/null | wc -l)
      d=$(tshark -r "$pcap" "${options[@]}" -Y "($filter) && ($condition)" 2>/dev/null | wc -l)
      if [[ $n == 0 || $d != "$n" ]]; then
        echo "$pcap: $what: $d of $n frames decrypted"
        return 1
      fi
    done
  done
}
decrypted keys || { echo "FAIL: not all decrypted with the simulator's key files"; exit 1; }
echo "ok: every SK payload and ESP packet decrypts with ikev2_decryption_table and esp_sa"
if decrypted empty >/dev/null; then
  echo "FAIL: the decryption check passes without keys: it tests nothing"
  exit 1
fi
echo "ok: without the key files it fails, as it must"

# EAP: the EAP payloads inside the decrypted IKE_AUTH messages, and RADIUS on the AAA link (node
# 6 of the scenario, added for the ikev2-eap-* methods).
aaa_pcaps=("$out"/sim-6-*.pcap)
if [[ -e ${aaa_pcaps[0]} ]]; then
  options=()
  while IFS= read -r -d '' o; do options+=("$o"); done < <(key_options keys)
  eap=0
  for pcap in "${pcaps[@]}"; do
    e=$(tshark -r "$pcap" "${options[@]}" -Y "isakmp.enc.decrypted && eap" 2>/dev/null | wc -l)
    eap=$((eap + e))
  done
  [[ $eap -gt 0 ]] || { echo "FAIL: no EAP payload in the decrypted IKE_AUTH messages"; exit 1; }
  radius=0
  for pcap in "${aaa_pcaps[@]}"; do
    bad=$(tshark -r "$pcap" -Y '_ws.malformed || (udp.port == 1812 && !radius)' 2>/dev/null | wc -l)
    [[ $bad == 0 ]] || { echo "FAIL: $pcap: $bad malformed or undissected RADIUS frames"; exit 1; }
    r=$(tshark -r "$pcap" -Y "radius && eap" 2>/dev/null | wc -l)
    radius=$((radius + r))
  done
  [[ $radius -gt 0 ]] || { echo "FAIL: no RADIUS packet with EAP on the AAA link"; exit 1; }
  echo "ok: $eap IKE_AUTH messages with EAP decrypted, $radius RADIUS packets with EAP, nothing malformed"
  # The core columns: every RADIUS packet crosses the AAA link once, from the first handover on
  # (IPv6 packets: the p2p capture's frames less their 2-octet PPP header).
  read -r m b < <(tshark -r "${aaa_pcaps[0]}" -Y "($window) && radius" -T fields -e frame.len \
    2>/dev/null | awk '{n++; s += $1 - 2} END {print n + 0, s + 0}')
  read -r csv_m csv_b < <(awk -F, 'NR == 1 {for (i = 1; i <= NF; i++) col[$i] = i; next}
    {m += $col["core_messages"]; b += $col["core_bytes"]} END {print m, b}' "$out/handovers.csv")
  if [[ $m == 0 || $m != "$csv_m" || $b != "$csv_b" ]]; then
    echo "FAIL: the AAA link carries $m RADIUS packets / $b B, handovers.csv core $csv_m / $csv_b B"
    exit 1
  fi
  echo "ok: $m RADIUS packets, $b B on the AAA link, as handovers.csv's core columns say"
fi
