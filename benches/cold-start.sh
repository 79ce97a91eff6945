#!/usr/bin/env bash
# Whole-process time of the release binary (cold start included), median of N runs.
# Usage: benches/cold-start.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
n=${1:-30}
out=$(mktemp -d)
for f in samples/solnechnogorsk-2023.json samples/large-200.json; do
  times=()
  for _ in $(seq "$n"); do
    t0=$(date +%s%N)
    ./target/release/prikaz render "$f" -o "$out" > /dev/null
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (n + 1) / 2 ))p")
  printf 'process %-32s median %7.2f ms\n' "$f" "$(echo "$median / 1000" | bc -l)"
done
rm -rf "$out"
