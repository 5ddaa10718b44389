#!/usr/bin/env bash
# Capture test of the EAP and RADIUS codecs: the cxtp-ipsec-radius-capture suite writes RADIUS
# packets (EAP-AKA in Access-Requests, a fragmented EAP-TLS Request split over three EAP-Message
# attributes, MS-MPPE keys and EAP-Success in an Access-Accept); tshark must dissect them without
# a malformed field and, given the shared secret, find both Response Authenticators valid.
# Usage: check-radius-capture.sh <cxtp-ipsec-test-runner binary> <output dir>
set -euo pipefail
runner=$1
out=$2
command -v tshark >/dev/null || { echo "tshark is not installed (run scripts/setup)"; exit 1; }
rm -rf "$out"
mkdir -p "$out"
"$runner" --suite=cxtp-ipsec-radius-capture --tempdir="$out" >/dev/null
pcap=$(find "$out" -name radius-eap.pcap | head -n 1)
[[ -n $pcap ]] || { echo "FAIL: no radius-eap.pcap under $out"; exit 1; }

count() {
  # A filter tshark rejects counts 0 frames (and fails below) instead of ending the script.
  { tshark -r "$pcap" -o radius.shared_secret:"$1" -o radius.validate_authenticator:TRUE \
    -Y "$2" 2>/dev/null || true; } | wc -l
}
expect() {
  local what=$1 secret=$2 filter=$3 want=$4 got
  got=$(count "$secret" "$filter")
  if [[ $got != "$want" ]]; then
    echo "FAIL: $what: '$filter' matched $got frames, expected $want"
    exit 1
  fi
  echo "ok: $what ($got)"
}
expect "RADIUS frames" testing123 "radius" 4
expect "no malformed frame" testing123 "_ws.malformed" 0
expect "no expert error" testing123 "_ws.expert.severity >= error" 0
expect "EAP-AKA Challenge and Identity" testing123 "eap.type == 23" 2
expect "AKA attributes decoded" testing123 "eap.type == 23 && eap.aka.subtype.type == 11" 1
expect "EAP-TLS first fragment, L and M" testing123 \
  "eap.type == 13 && eap.tls.flags.len_included == 1 && eap.tls.flags.more_fragments == 1 && eap.tls.len == 1400" 1
expect "EAP-Message reassembled from 3 attributes" testing123 "count(radius.eap_fragment) == 3" 1
expect "MS-MPPE keys" testing123 "radius.avp.vendor_id == 311 && radius.MS_MPPE_Send_Key && radius.MS_MPPE_Recv_Key" 1
expect "EAP-Success" testing123 "eap.code == 3" 1
expect "Response Authenticators valid" testing123 "radius.authenticator.valid == 1" 2
expect "invalid with another secret" wrong-secret "radius.authenticator.invalid == 1" 2
echo "1 passed, 0 failed"
