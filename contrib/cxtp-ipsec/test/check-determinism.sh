#!/usr/bin/env bash
# Same seed and run, same files byte for byte; another run number, other keys.
# Usage: check-determinism.sh <cxtp-ipsec-esp-tunnel binary> <work dir>
set -euo pipefail
binary=$1
work=$2
rm -rf "$work"
for name in a b; do
  "$binary" --outputDir="$work/$name" --duration=1s --seed=3 --run=7 >/dev/null
done
"$binary" --outputDir="$work/c" --duration=1s --seed=3 --run=8 >/dev/null
for f in "$work"/a/*; do
  cmp "$f" "$work/b/$(basename "$f")" || { echo "FAIL: $(basename "$f") differs between runs"; exit 1; }
done
if cmp -s "$work/a/esp_sa" "$work/c/esp_sa"; then
  echo "FAIL: run 7 and run 8 drew the same keys"
  exit 1
fi
echo "1 passed, 0 failed"
