#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 60), seeded with the samples (input) and
# fuzz/seeds (markup). Installs the nightly toolchain and cargo-fuzz when missing.
# A crash leaves its input in fuzz/artifacts/<target>/ and fails the run.
# Usage: fuzz/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-60}
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
mkdir -p corpus/input_to_ir corpus/markup_to_ir
common=(-max_total_time="$secs" -rss_limit_mb=2048 -timeout=20 -print_final_stats=1)
cargo +nightly fuzz run input_to_ir corpus/input_to_ir ../samples ../tests/fixtures -- \
  "${common[@]}" -max_len=65536
cargo +nightly fuzz run markup_to_ir corpus/markup_to_ir seeds/markup -- \
  "${common[@]}" -max_len=8192 -dict=markup.dict
