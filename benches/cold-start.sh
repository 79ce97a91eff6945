#!/usr/bin/env bash
# Whole-process time of the release binary (cold start included), median of N runs, and a
# 100-school `prikaz batch` (wall time per document and peak memory).
# Usage: benches/cold-start.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
n=${1:-30}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
median() { sort -n | sed -n "$(( (n + 1) / 2 ))p"; }
for f in samples/solnechnogorsk-2023.json samples/large-200.json; do
  times=()
  for _ in $(seq "$n"); do
    t0=$(date +%s%N)
    ./target/release/prikaz render "$f" -o "$out" > /dev/null
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf 'process %-40s median %7.2f ms\n' "$f" "$(printf '%s\n' "${times[@]}" | median | awk '{print $1 / 1000}')"
done
# 100 schools: the sample's 32 rows repeated (repeated names get numbered file names).
csv="$out/schools-100.csv"
head -1 samples/batch/schools.csv > "$csv"
tail -n +2 samples/batch/schools.csv | awk 'NF' > "$out/rows"
while [ "$(wc -l < "$csv")" -le 100 ]; do cat "$out/rows" >> "$csv"; done
head -101 "$csv" > "$csv.tmp" && mv "$csv.tmp" "$csv"
times=(); mems=()
for _ in $(seq 5); do
  rm -rf "$out/batch"
  t0=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$out/mem" ./target/release/prikaz batch samples/batch/municipal.json \
    --schools "$csv" -o "$out/batch" > /dev/null
  t1=$(date +%s%N)
  times+=($(( (t1 - t0) / 1000 )))
  mems+=("$(cat "$out/mem")")
done
n=5
printf 'process batch of 100 schools (+ municipal order)  median %7.2f ms, %.2f ms per document, peak %.1f MiB\n' \
  "$(printf '%s\n' "${times[@]}" | median | awk '{print $1 / 1000}')" \
  "$(printf '%s\n' "${times[@]}" | median | awk '{print $1 / 1000 / 101}')" \
  "$(printf '%s\n' "${mems[@]}" | median | awk '{print $1 / 1024}')"
