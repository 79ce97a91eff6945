#!/usr/bin/env bash
# Byte-identity of two prikaz builds over everything a user gets: every sample's DOCX and PDF
# (plain, tagged, PDF/A, appendices only, the first appendix alone, the order alone), the
# `--emit context|ir|layout` texts, the batch's files, and the messages of `validate` on the
# samples and on every bad fixture. For a structural change that must not change outputs.
# Usage: benches/same.sh OLD_BINARY NEW_BINARY   (exit 0 when all is identical)
set -uo pipefail
old=$(realpath "$1") new=$(realpath "$2")
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
produce() {
  local bin=$1 dir=$2
  mkdir -p "$dir"
  for s in samples/*.json; do
    local stem; stem=$(basename "$s" .json)
    "$bin" render "$s" -o "$dir/plain" >/dev/null 2>"$dir/$stem.render.err"
    "$bin" render "$s" -o "$dir/tagged" --tagged --format pdf >/dev/null 2>&1
    "$bin" render "$s" -o "$dir/pdfa" --pdfa --format pdf >/dev/null 2>&1
    "$bin" render "$s" -o "$dir/appx" --only appendices >/dev/null 2>&1
    "$bin" render "$s" -o "$dir/one" --appendix 1 >/dev/null 2>&1
    "$bin" render "$s" -o "$dir/order" --only order >/dev/null 2>"$dir/$stem.order.err"
    for e in context ir layout; do "$bin" render "$s" --emit "$e" >"$dir/$stem.$e" 2>&1; done
    "$bin" validate --explain "$s" >"$dir/$stem.validate" 2>&1
  done
  "$bin" schema >"$dir/schema.json" 2>&1
  for c in "" render validate import batch roll init serve schema diff amend; do
    "$bin" $c --help >"$dir/help-$c.txt" 2>&1
  done
  for f in tests/fixtures/bad/*.json tests/fixtures/warn/*.json tests/fixtures/hostile/*.json; do
    [ -e "$f" ] || continue
    "$bin" validate "$f" >"$dir/$(basename "$f").validate" 2>&1
    "$bin" render "$f" -o "$dir/bad" >"$dir/$(basename "$f").render" 2>&1
  done
  for b in samples/batch/*.json; do
    [ -e "$b" ] || continue
    (cd samples/batch && "$bin" batch "$(basename "$b")" --schools schools.csv -j 1 -o "$dir/batch/$(basename "$b" .json)") >"$dir/$(basename "$b").batch" 2>&1
  done
  # Paths of temporary folders differ between the two runs; only the folder name is kept.
  find "$dir" -type f \( -name '*.err' -o -name '*.validate' -o -name '*.render' -o -name '*.batch' \) \
    -exec sed -i "s#$dir#OUT#g" {} +
}
produce "$old" "$work/a"
produce "$new" "$work/b"
if diff -r -q "$work/a" "$work/b"; then
  echo "всё совпадает: $(find "$work/a" -type f | wc -l) файлов"
else
  exit 1
fi
