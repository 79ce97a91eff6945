#!/usr/bin/env bash
# Builds the Debian package: target/debian/prikaz_<version>-1_<arch>.deb with the binary,
# the manual pages (`prikaz man -o`) and the completion scripts for bash, zsh, fish and
# PowerShell (`prikaz completions`). Needs cargo-deb: cargo install cargo-deb --locked.
# PRIKAZ_PROFILE=dev packages the debug build instead (the install test in CI, which has
# it already built by `cargo test`); releases use the default, release.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cargo-deb >/dev/null 2>&1 || { echo "нужен cargo-deb: cargo install cargo-deb --locked" >&2; exit 1; }
profile=${PRIKAZ_PROFILE:-release}
cargo build --profile "$profile" --locked
if [ "$profile" = dev ]; then bin=target/debug/prikaz; else bin=target/$profile/prikaz; fi
rm -rf target/assets
mkdir -p target/assets/completions
"$bin" man -o target/assets/man >/dev/null
"$bin" completions bash > target/assets/completions/prikaz.bash
"$bin" completions zsh > target/assets/completions/_prikaz
"$bin" completions fish > target/assets/completions/prikaz.fish
"$bin" completions powershell > target/assets/completions/prikaz.ps1
cargo deb --no-build --locked --profile "$profile" "$@"
