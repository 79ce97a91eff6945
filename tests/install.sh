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
# The department server's unit: installed disabled, its own system user and /var/lib/prikaz;
# started on a temporary workspace as the unit says (by systemd where it runs, else its
# ExecStart line as its User), logged in to, a sample rendered through the API.
unit=$(dpkg -L prikaz | grep '/systemd/system/prikaz.service$' || true)
if [ -z "$unit" ] || [ ! -f "$unit" ]; then fail "пакет не установил prikaz.service"; fi
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify "$unit" || fail "systemd-analyze verify: ошибки в $unit"
fi
getent passwd prikaz >/dev/null || fail "пакет не создал пользователя prikaz"
[ "$(stat -c '%U %a' /var/lib/prikaz)" = "prikaz 700" ] || fail "/var/lib/prikaz: $(stat -c '%U %a' /var/lib/prikaz)"
user=$(sed -n 's/^User=//p' "$unit")
[ "$user" = prikaz ] || fail "служба запускается не от prikaz: $user"
ws="$scratch/workspace"
chmod 711 "$scratch"   # the service's user passes through to its own folder only
install -d -o prikaz -g prikaz -m 0700 "$ws"
printf 'пароль-службы-1\n' | runuser -u prikaz -- /usr/bin/prikaz users add admin --name "Администратор" --role admin --workspace "$ws/w" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
command_line=$(sed -n 's/^ExecStart=//p' "$unit" | sed "s#/var/lib/prikaz#$ws/w#; s#--port 8080#--port $port#")
if [ -d /run/systemd/system ]; then
  systemctl is-enabled prikaz 2>/dev/null | grep -qx disabled || fail "служба включена при установке"
  mkdir -p /run/systemd/system/prikaz.service.d
  # The temporary workspace is under /tmp: the unit's own /tmp is private, so it is shared here.
  printf '[Service]\nExecStart=\nExecStart=%s\nReadWritePaths=%s\nPrivateTmp=no\n' "$command_line" "$ws" \
    > /run/systemd/system/prikaz.service.d/test.conf
  systemctl daemon-reload
  systemctl start prikaz
  stop_service() {
    journalctl -u prikaz --no-pager -n 20 >"$scratch/service.log" 2>&1 || true
    systemctl stop prikaz; rm -rf /run/systemd/system/prikaz.service.d; systemctl daemon-reload
  }
else
  # No systemd on this machine (a container): the unit's own command, as its own user.
  # shellcheck disable=SC2086 # the unit's command line, split into its words as systemd does
  runuser -u prikaz -- $command_line >"$scratch/service.log" 2>&1 &
  service_pid=$!
  stop_service() { kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; }
fi
python3 - "$port" samples/solnechnogorsk-2023.json <<'PY' || { stop_service; cat "$scratch/service.log" 2>/dev/null; fail "служба не собрала образец"; }
import http.cookiejar, json, sys, time, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
for _ in range(100):
    try:
        if urllib.request.urlopen(base + "/healthz").read() == b"ok\n":
            break
    except OSError:
        time.sleep(0.1)
else:
    sys.exit("служба не ответила на /healthz")
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
def call(method, path, body=None, csrf=None, kind="application/json"):
    req = urllib.request.Request(base + path, data=body, method=method, headers={"content-type": kind})
    if csrf:
        req.add_header("x-csrf-token", csrf)
    return opener.open(req).read()
csrf = json.loads(call("POST", "/api/login", json.dumps({"login": "admin", "password": "пароль-службы-1"}).encode()))["csrf"]
doc = json.loads(call("POST", "/api/documents", json.dumps({"title": "Проверка службы", "from": "order"}).encode(), csrf))["id"]
pdf = call("POST", f"/api/documents/{doc}/render", open(sys.argv[2], "rb").read(), csrf)
assert pdf.startswith(b"%PDF"), pdf[:100]
PY
stop_service
echo "служба prikaz: установлена выключенной, от пользователя prikaz; на временной папке вошли и собрали образец"
dpkg -r prikaz >/dev/null
[ ! -e /usr/bin/prikaz ] || fail "dpkg -r не удалил /usr/bin/prikaz"
[ -z "$unit" ] || [ ! -e "$unit" ] || fail "dpkg -r не удалил $unit"
echo "пакет $(basename "$deb"): установлен, собирает образец, man и дополнения на месте, удаляется"
