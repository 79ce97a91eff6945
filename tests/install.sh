#!/usr/bin/env bash
# Installing without building by hand, for real (run by .ci/run after the tests):
# 1. `cargo install --path .` into a scratch root; the installed binary renders a sample.
# 2. The Debian package (packaging/deb.sh) installed with `dpkg -i`: the installed
#    /usr/bin/prikaz renders a sample, `man` finds its pages, bash completes its
#    commands, zsh, fish and PowerShell find their scripts; `dpkg -r` removes it all.
# Needs root for dpkg (CI runs as root) and cargo-deb. PRIKAZ_PROFILE=dev (as .ci/run
# sets it) installs and packages the debug build `cargo test` made, instead of building the
# release one: what is tested here is the installing, not the code.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "ОШИБКА: $*" >&2; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
sample=samples/solnechnogorsk-2023.json

renders() {
  local bin=$1 out=$2
  "$bin" render "$sample" -o "$out" >/dev/null
  local pages
  pages=$(pdfinfo "$out/solnechnogorsk-2023.pdf" | awk '/^Pages:/ {print $2}')
  [ "${pages:-0}" -ge 5 ] || fail "$bin: в PDF $pages страниц, ожидалось не меньше 5"
  python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).getinfo('word/document.xml')" "$out/solnechnogorsk-2023.docx" \
    || fail "$bin: DOCX не читается"
}

profile=${PRIKAZ_PROFILE:-release}
echo "== cargo install --path . (профиль $profile)"
# With --path, cargo builds in this checkout's target folder: an existing build is reused.
cargo install --path . --locked --profile "$profile" --root "$scratch/cargo" --quiet
renders "$scratch/cargo/bin/prikaz" "$scratch/out-cargo"
echo "установлено cargo install и собирает образец: $("$scratch/cargo/bin/prikaz" --version)"

echo "== пакет Debian"
PRIKAZ_PROFILE=$profile bash packaging/deb.sh --quiet >/dev/null
deb=$(ls -t target/debian/prikaz_*.deb | head -1)
dpkg -i "$deb" >/dev/null
trap 'dpkg -r prikaz >/dev/null 2>&1 || true; rm -rf "$scratch"' EXIT
[ -x /usr/bin/prikaz ] || fail "dpkg -i не установил /usr/bin/prikaz"
renders /usr/bin/prikaz "$scratch/out-deb"
man -w prikaz | grep -q '^/usr/share/man/man1/prikaz.1' || fail "man не находит prikaz"
man -P cat prikaz 2>/dev/null | grep -q 'ПАРАМЕТРЫ' || fail "в man prikaz нет раздела ПАРАМЕТРЫ"
man -P cat prikaz-render 2>/dev/null | grep -q -- '--only' || fail "в man prikaz-render нет --only"
# bash completes «prikaz ren» to «render» with the installed script.
words=$(bash -c 'source /usr/share/bash-completion/completions/prikaz
  COMP_WORDS=(prikaz ren); COMP_CWORD=1; COMP_LINE="prikaz ren"; COMP_POINT=${#COMP_LINE}
  _prikaz prikaz ren prikaz; echo "${COMPREPLY[*]}"')
[[ " $words " == *" render "* ]] || fail "bash не дополняет «prikaz ren»: «$words»"
for f in /usr/share/zsh/vendor-completions/_prikaz /usr/share/fish/vendor_completions.d/prikaz.fish \
         /usr/share/prikaz/completions/prikaz.ps1; do
  grep -q 'render' "$f" || fail "нет дополнений в $f"
done
dpkg -r prikaz >/dev/null
[ ! -e /usr/bin/prikaz ] || fail "dpkg -r не удалил /usr/bin/prikaz"
echo "пакет $(basename "$deb"): установлен, собирает образец, man и дополнения на месте, удаляется"
