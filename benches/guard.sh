#!/usr/bin/env bash
# The speed guard: fails when rendering a sample costs more than 10 % over the previous
# commit. Both builds run in this one job and are measured by instructions executed
# (valgrind's callgrind), which, unlike milliseconds, do not drift with the machine's load:
# the same binary on the same input counts the same, so a red guard is the change, never
# the weather. Wall-clock ratios for people stay in benches/ab.sh.
#
# Usage: benches/guard.sh [BASE]     (BASE: a commit, default HEAD~1)
# Env:   GUARD_PROFILE=release to compare release builds (default dev, which CI has built
#        already; the dev profile optimises the dependencies, not our crate, so it weighs
#        our own code more than users feel it), GUARD_LIMIT=1.10, GUARD_SAMPLES="a.json b.json".
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
base=${1:-HEAD~1}
limit=${GUARD_LIMIT:-1.10}
profile=${GUARD_PROFILE:-dev}
samples=${GUARD_SAMPLES:-"samples/solnechnogorsk-2023.json samples/large-200.json"}
dir=$([ "$profile" = dev ] && echo debug || echo "$profile")
# One target folder for both builds and both copies, wherever cargo is told to put it.
target=${CARGO_TARGET_DIR:-$root/target}

if ! command -v valgrind >/dev/null; then
  echo "guard: нет valgrind (apt-get install valgrind)" >&2
  exit 1
fi
if ! base_rev=$(git rev-parse --verify --quiet "$base^{commit}"); then
  echo "guard: нет версии $base для сравнения (первая версия или неполная копия репозитория) — проверка пропущена" >&2
  exit 0
fi
work=$(mktemp -d)
cleanup() { git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

# The base's binary, built in the same target folder (only our crate recompiles), set aside;
# then this tree's. Cargo names a path package's artifacts alike in both checkouts, and the
# base's build leaves them looking fresh to this tree: its sources are touched so that it
# is built again, which also puts the current binary back for whatever runs next.
git worktree add --quiet --detach "$work/base" "$base_rev"
(cd "$work/base" && CARGO_TARGET_DIR="$target" cargo build --quiet --profile "$profile" --bin prikaz)
cp "$target/$dir/prikaz" "$work/prikaz-base"
find src -name '*.rs' -exec touch {} +
touch build.rs
CARGO_TARGET_DIR="$target" cargo build --quiet --profile "$profile" --bin prikaz
cp "$target/$dir/prikaz" "$work/prikaz-new"
# The same binary twice while the sources differ would be a guard that sees nothing.
if cmp -s "$work/prikaz-base" "$work/prikaz-new" && ! git diff --quiet "$base_rev" -- src build.rs templates Cargo.toml; then
  echo "guard: обе сборки дали один и тот же бинарник, хотя исходники различаются — сравнивать нечего" >&2
  exit 1
fi

count() { # binary input → instructions; what went wrong is printed, not swallowed
  local log="$work/valgrind.log" n
  if ! valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" render "$2" -o "$work/out" >/dev/null 2>"$log"; then
    echo "guard: $1 не собрал $2:" >&2
    grep -v '^==' "$log" >&2 || true
    return 1
  fi
  n=$(awk '/Collected :/ {print $NF}' "$log")
  if ! [[ "$n" =~ ^[0-9]+$ ]] || [ "$n" = 0 ]; then
    echo "guard: valgrind не назвал число инструкций для $2" >&2
    return 1
  fi
  echo "$n"
}
failed=0
for s in $samples; do
  # A sample the previous version cannot read (it uses a new field) has nothing to compare.
  if ! a=$(count "$work/prikaz-base" "$s"); then
    echo "guard: $s: прежняя версия его не собирает — не сравнивается" >&2
    continue
  fi
  b=$(count "$work/prikaz-new" "$s") || { failed=1; continue; }
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", b / a}')
  verdict=$(awk -v r="$ratio" -v l="$limit" 'BEGIN {print (r > l) ? "МЕДЛЕННЕЕ" : "ok"}')
  printf 'guard: %s: %s → %s инструкций, ×%s (%s)\n' "$s" "$a" "$b" "$ratio" "$verdict"
  [ "$verdict" = ok ] || failed=1
done
if [ "$failed" = 1 ]; then
  echo "guard: рендер стал дороже более чем в $limit раза по сравнению с $base ($(git rev-parse --short "$base_rev")): найдите причину (benches/ab.sh, perf) или скажите о цене в заметке" >&2
  exit 1
fi
