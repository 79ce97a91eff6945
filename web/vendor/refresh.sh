#!/bin/sh
# Refreshes the vendored front-end files from the npm registry (pinned versions).
# The editor page (prikaz serve) embeds them into the binary: no CDN, no Node to build or run.
set -eu
PDFJS=4.10.38
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "pdfjs-dist@$PDFJS" >/dev/null && tar xzf pdfjs-dist-$PDFJS.tgz)
cp "$tmp/package/build/pdf.min.mjs" "$tmp/package/build/pdf.worker.min.mjs" "$tmp/package/LICENSE" "$here/pdfjs/"
echo "pdfjs-dist $PDFJS" > "$here/pdfjs/VERSION"
