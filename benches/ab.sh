#!/usr/bin/env bash
# Interleaved A/B of two prikaz binaries, whole process, median of N pairs. This machine's
# speed drifts 10–25 % from minute to minute, so a change is judged only against the old
# binary run in turns with the new one, never against a figure measured earlier.
# Usage: benches/ab.sh OLD_BINARY NEW_BINARY [N] [INPUT]
# e.g.:  git stash; cargo build --release; cp target/release/prikaz /tmp/prikaz-old
#        git stash pop; cargo build --release
#        benches/ab.sh /tmp/prikaz-old target/release/prikaz 41
set -euo pipefail
old=$1 new=$2 n=${3:-41} input=${4:-samples/solnechnogorsk-2023.json}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
a=() b=()
run() { local s e; s=$(date +%s%N); "$1" render "$input" -o "$out/$2" > /dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000 )); }
for _ in $(seq "$n"); do
  a+=("$(run "$old" a)")
  b+=("$(run "$new" b)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{x[NR] = $1} END {printf "%.2f", x[int((NR + 1) / 2)] / 1000}'; }
ma=$(median "${a[@]}") mb=$(median "${b[@]}")
printf '%s, %s pairs: old %s ms, new %s ms (%+.1f %%)\n' "$input" "$n" "$ma" "$mb" "$(echo "$mb $ma" | awk '{print ($1 / $2 - 1) * 100}')"
for ext in docx pdf; do
  stem=$(basename "$input" .json)
  if cmp -s "$out/a/$stem.$ext" "$out/b/$stem.$ext"; then echo "$ext: byte-identical"; else echo "$ext: differs"; fi
done
