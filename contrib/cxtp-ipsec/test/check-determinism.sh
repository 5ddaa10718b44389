#!/usr/bin/env bash
# Same seed and run, same files byte for byte; another run number, other keys.
# Usage: check-determinism.sh <example binary writing esp_sa> <work dir> [options...]
# (cxtp-ipsec-esp-tunnel --duration=1s, cxtp-ipsec-ikev2 --duration=1s --auth=cert --pcap=1:
# certificates included, cxtp-ipsec-sim --method=ikev2-eap-tls --handovers=1 --pcap=1: EAP-TLS)
set -euo pipefail
binary=$1
work=$2
shift 2
rm -rf "$work"
for name in a b; do
  "$binary" --outputDir="$work/$name" --seed=3 --run=7 "$@" >/dev/null
done
"$binary" --outputDir="$work/c" --seed=3 --run=8 "$@" >/dev/null
files=("$work"/a/*)
[[ ${#files[@]} -gt 1 ]] || { echo "FAIL: too few files in $work/a"; exit 1; }
for f in "${files[@]}"; do
  cmp "$f" "$work/b/$(basename "$f")" || { echo "FAIL: $(basename "$f") differs between runs"; exit 1; }
done
if cmp -s "$work/a/esp_sa" "$work/c/esp_sa"; then
  echo "FAIL: run 7 and run 8 drew the same keys"
  exit 1
fi
echo "1 passed, 0 failed"
