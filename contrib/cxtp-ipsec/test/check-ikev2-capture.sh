#!/usr/bin/env bash
# Capture test of the IKEv2 example: on the MN's access link tshark must dissect every IKE frame
# as ISAKMP (IKEv2) without malformed packets or expert errors and count the IKE messages
# summary.csv reports; with the exported keys (ikev2_decryption_table, esp_sa) it must decrypt
# the SK payload (RFC 7296 §3.14) of every IKE_AUTH, CREATE_CHILD_SA and INFORMATIONAL message,
# its integrity checksum correct, and show payloads that exist only inside it (IDi/IDr and TS in
# IKE_AUTH, SA and Nonce in CREATE_CHILD_SA), and every ESP packet to its inner UDP probe. With
# --rekeyAt, --rekeyIkeAt and --deleteAt it must also see, decrypted, the CHILD_SA rekey
# (REKEY_SA, §1.3.3, with KE when --esp names a group) with the DELETE of the old CHILD_SA, the IKE SA rekey (§1.3.2) and the
# DELETEs of IKE SAs (§1.4.1). With --auth=eap-* (EAP in IKE_AUTH, §2.16) every IKE_AUTH shows,
# decrypted, IDi, an EAP payload or an AUTH, the SG's RADIUS to the AAA server carries EAP and
# dissects cleanly, and with --eapOnly=1 the MN's N(EAP_ONLY_AUTHENTICATION) is there and no
# IKE_AUTH response with EAP holds an AUTH (RFC 5998). Negative control: the same decryption
# checks with an empty and with a wrong table (the SK_e and ESP keys zeroed) must fail.
# Usage: check-ikev2-capture.sh <cxtp-ipsec-ikev2 binary> <output dir> [example options...]
set -euo pipefail
binary=$1
out=$2
shift 2
command -v tshark >/dev/null || { echo "tshark is not installed (run scripts/setup)"; exit 1; }
rekey=0
pfs=0
eap=0
eap_only=0
duration=(--duration=1s)
for arg in "$@"; do
  case $arg in
    --auth=eap-*) eap=1 ;;
    --eapOnly=1) eap_only=1 ;;
    --rekeyAt=* | --rekeyIkeAt=* | --deleteAt=*) rekey=1 ;;
    --esp=*modp* | --esp=*ecp* | --esp=*curve*) pfs=1 ;;
    --duration=*) duration=() ;;
  esac
done
rm -rf "$out"
"$binary" --outputDir="$out" --pcap=1 "${duration[@]}" "$@" >/dev/null
pcap="$out/ikev2-0-0.pcap"   # node 0 (MN), device 0 (access link)
[[ -e $pcap ]] || { echo "FAIL: no capture of the MN in $out"; exit 1; }

# The tables as tshark options: -o uat:<table>:<line>; "wrong" zeroes every key byte.
table_options() {
  local table=$1 file=$2 mode=$3 line
  while IFS= read -r line; do
    [[ -z $line || $line == \#* ]] && continue
    if [[ $mode == wrong ]]; then
      if [[ $table == ikev2_decryption_table ]]; then
        line=$(awk -F, 'BEGIN {OFS = ","} {gsub(/[0-9a-f]/, "0", $3); gsub(/[0-9a-f]/, "0", $4); print}' <<<"$line")
      else
        line=$(awk -F, 'BEGIN {OFS = ","} {gsub(/[1-9a-f]/, "0", $6); print}' <<<"$line")
      fi
    fi
    printf '%s\0' -o "uat:$table:$line"
  done <"$file"
}
options=()
load() {
  options=(-o esp.enable_encryption_decode:TRUE)
  [[ $1 == empty ]] && return
  local o
  while IFS= read -r -d '' o; do options+=("$o"); done \
    < <(table_options ikev2_decryption_table "$out/ikev2_decryption_table" "$1"
        table_options esp_sa "$out/esp_sa" "$1")
}
count() { tshark -r "$pcap" "${options[@]}" -Y "$1" 2>/dev/null | wc -l; }
# expect <what> <filter> <wanted count>: prints ok or FAIL; returns 1 on FAIL.
expect() {
  local what=$1 filter=$2 want=$3 got
  got=$(count "$filter")
  if [[ $got != "$want" ]]; then
    echo "FAIL: $what: '$filter' matched $got frames, expected $want"
    return 1
  fi
  echo "ok: $what ($got)"
}
# The same number of frames match the filter and the filter with a condition.
expect_all() {
  local what=$1 filter=$2 condition=$3 n
  n=$(count "$filter")
  [[ $n -gt 0 ]] || { echo "FAIL: $what: no frame matches '$filter'"; return 1; }
  expect "$what" "($filter) && ($condition)" "$n"
}

# What only the right keys show; returns 1 at the first check that fails.
check_decryption() {
  local sk="isakmp.exchangetype >= 35"
  expect "no malformed frame" "_ws.malformed" 0 &&
    expect "no expert error" "_ws.expert.severity >= error" 0 &&
    expect "no SK payload with a wrong checksum" \
      '_ws.expert.message contains "Checksum Data is incorrect"' 0 &&
    expect_all "SK payloads decrypted" "$sk" "isakmp.enc.decrypted" &&
    expect_all "IKE_AUTH: $ike_auth_what decrypted" "isakmp.exchangetype == 35" \
      "$ike_auth_condition" &&
    expect_all "ESP decrypted to the inner UDP probes" "esp" \
      "udp.dstport == 4000 || udp.dstport == 4001" || return 1
  if [[ $eap == 1 ]]; then
    expect "EAP-only asked (N(EAP_ONLY_AUTHENTICATION) in the first IKE_AUTH request)" \
      "isakmp.exchangetype == 35 && isakmp.flag_r == 0 && isakmp.notify.msgtype == 16417" \
      "$eap_only" &&
      expect "the SG's AUTH beside its first EAP Request (none with EAP-only, RFC 5998)" \
      "isakmp.exchangetype == 35 && isakmp.flag_r == 1 && eap && isakmp.auth.method" \
      $((1 - eap_only)) || return 1
  fi
  if [[ $rekey == 1 ]]; then
    expect_all "CREATE_CHILD_SA: SA and Nonce decrypted" "isakmp.exchangetype == 36" \
      "isakmp.prop.protoid && isakmp.nonce" &&
      expect "CHILD_SA rekey request (REKEY_SA, ESP proposal)" \
        "isakmp.exchangetype == 36 && isakmp.flag_r == 0 && isakmp.notify.msgtype == 16393 && isakmp.prop.protoid == 3" 1 &&
      expect "the old CHILD_SA deleted (DELETE of ESP, both ways)" \
        "isakmp.exchangetype == 37 && isakmp.delete.protoid == 3" 2 &&
      expect "IKE SA rekey (IKE proposal, both ways)" \
        "isakmp.exchangetype == 36 && isakmp.prop.protoid == 1" 2 &&
      expect "KE in the IKE SA rekey (new DH, RFC 7296 §1.3.2)" \
        "isakmp.exchangetype == 36 && isakmp.prop.protoid == 1 && isakmp.key_exchange.dh_group" 2 &&
      expect "KE in the CHILD_SA rekey only with PFS (--esp with a group)" \
        "isakmp.exchangetype == 36 && isakmp.prop.protoid == 3 && isakmp.key_exchange.dh_group" \
        $((2 * pfs)) &&
      expect "IKE SAs deleted (the rekeyed one and --deleteAt's)" \
        "isakmp.exchangetype == 37 && isakmp.flag_r == 0 && isakmp.delete.protoid == 1" 2 ||
      return 1
  fi
}

ike_auth_what="IDi/IDr and TSi/TSr"
ike_auth_condition="isakmp.id.type && isakmp.ts.type"
if [[ $eap == 1 ]]; then
  ike_auth_what="IDi, EAP or AUTH"
  ike_auth_condition="isakmp.id.type || eap || isakmp.auth.method"
  # The SG's link to the AAA server (node 1, device 2): RADIUS carrying EAP, nothing malformed.
  aaa_pcap="$out/ikev2-1-2.pcap"
  radius=$(tshark -r "$aaa_pcap" -Y "radius && eap" 2>/dev/null | wc -l)
  bad=$(tshark -r "$aaa_pcap" -Y "_ws.malformed || _ws.expert.severity >= error" 2>/dev/null | wc -l)
  if [[ $radius -lt 2 || $bad != 0 ]]; then
    echo "FAIL: RADIUS with EAP on the AAA link: $radius packets, $bad malformed or in error"
    exit 1
  fi
  echo "ok: RADIUS with EAP on the AAA link ($radius packets, none malformed)"
fi
load right
read -r csv_messages < <(awk -F, '$1 == "ike_messages" {print $2}' "$out/summary.csv")
expect "IKEv2 messages, as summary.csv counts them" "isakmp" "$csv_messages"
expect "no IKE frame left undissected" "udp.port == 500 && !isakmp" 0
expect "no probe in clear" "(udp.port == 4000 || udp.port == 4001) && !esp" 0
check_decryption || exit 1

# Negative control: without the keys, or with wrong ones, the same checks fail.
for mode in empty wrong; do
  load "$mode"
  status=0
  check_decryption >"$out/negative-$mode.log" || status=$?
  sed "s/^/  [$mode tables] /" "$out/negative-$mode.log"
  if [[ $status == 0 ]]; then
    echo "FAIL: the decryption checks pass with the $mode tables: they test nothing"
    exit 1
  fi
  echo "ok: the decryption checks fail with the $mode tables, as they must"
done
echo "1 passed, 0 failed"
