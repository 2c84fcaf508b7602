#!/usr/bin/env bash
# Copies the documents and test vectors Saksi shares with independent implementers into this
# repository, which must stand alone: docs/PROTOCOL.md, docs/DESIGN.md and test/vectors/.
# Usage: bash scripts/sync-shared.sh DIR   (DIR holds PROTOCOL.md, DESIGN.md and testdata/)
set -euo pipefail
src=${1:?usage: bash scripts/sync-shared.sh DIR (the shared folder with PROTOCOL.md, DESIGN.md, testdata/)}
root=$(cd "$(dirname "$0")/.." && pwd)
for f in PROTOCOL.md DESIGN.md; do
  [ -f "$src/$f" ] || { echo "no $src/$f" >&2; exit 2; }
  cp "$src/$f" "$root/docs/$f"
done
[ -d "$src/testdata" ] || { echo "no $src/testdata" >&2; exit 2; }
cp -r "$src/testdata/." "$root/test/vectors/"
echo "copied PROTOCOL.md, DESIGN.md and testdata from $src; review with git diff"
