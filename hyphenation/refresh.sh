#!/usr/bin/env bash
# Copies the Russian hyphenation patterns LibreOffice uses from Debian's hyphen-ru package.
set -euo pipefail
cd "$(dirname "$0")"
dpkg -s hyphen-ru >/dev/null 2>&1 || { apt-get update -qq; apt-get install -y -qq hyphen-ru; }
cp /usr/share/hyphen/hyph_ru_RU.dic hyph_ru_RU.dic
sed -n '/^License: LPPL/,$p' /usr/share/doc/hyphen-ru/copyright > LICENSE-LPPL
echo "hyph_ru_RU.dic обновлён: $(wc -l < hyph_ru_RU.dic) строк"
