#!/bin/sh
# Preview latency of the editor (prikaz serve): builds, starts a server, measures in
# headless Chromium (needs chromium, chromium-driver, python3 selenium — .ci/run installs them).
set -eu
cd "$(dirname "$0")/.."
cargo build --release -q
log=$(mktemp)
./target/release/prikaz serve --port 0 > "$log" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$log"' EXIT
while ! grep -q http "$log"; do sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$log")
python3 benches/editor_latency.py "$url"
