#!/usr/bin/env bash
# Check built EPUBs with DAISY Ace (accessibility): scripts/ace.sh [book.epub ...]
# With no arguments it checks dist/*.epub. Ace is installed once with npm into
# $ACE_HOME (default ~/.cache/pamphlet-ace) without Puppeteer's own browser;
# it drives Debian's chromium instead (installed with apt-get when missing and
# we are root). Reports go to dist/ace/<stem>/ (report.json, report.html).
# Exit status: 0 when no book has a violation, 1 otherwise, 2 when Ace cannot run.
set -euo pipefail

ACE_HOME="${ACE_HOME:-$HOME/.cache/pamphlet-ace}"
ACE_VERSION="${ACE_VERSION:-1.4.6}"
OUT="${ACE_OUT:-dist/ace}"

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "ace.sh: chromium is missing (apt-get install chromium)" >&2
    exit 2
  fi
fi

ACE="$ACE_HOME/node_modules/.bin/ace-cli"
if [ ! -x "$ACE" ]; then
  command -v npm >/dev/null 2>&1 || { echo "ace.sh: npm is missing" >&2; exit 2; }
  mkdir -p "$ACE_HOME"
  PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix "$ACE_HOME" --no-audit --no-fund --silent \
    "@daisy/ace-cli@$ACE_VERSION" >&2
fi

export PUPPETEER_EXECUTABLE_PATH="${PUPPETEER_EXECUTABLE_PATH:-$(command -v chromium)}"

if [ "$#" -eq 0 ]; then
  shopt -s nullglob
  set -- dist/*.epub
  [ "$#" -gt 0 ] || { echo "ace.sh: no EPUBs in dist/ (run pamphlet build first)" >&2; exit 2; }
fi

status=0
for book in "$@"; do
  stem="$(basename "$book" .epub)"
  report="$OUT/$stem"
  "$ACE" --silent --force --outdir "$report" "$book" >/dev/null
  if python3 - "$report/report.json" "$book" <<'PY'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
failed = [
    f"  {doc['earl:testSubject']['url']}: {a['earl:test']['dct:title']} ({a['earl:test']['earl:impact']})"
    for doc in report["assertions"] for a in doc.get("assertions", [])
    if a["earl:result"]["earl:outcome"] == "fail"
]
print(f"{sys.argv[2]}: {len(failed)} violation(s)")
print("\n".join(failed)) if failed else None
sys.exit(1 if failed else 0)
PY
  then :; else status=1; fi
done
exit "$status"
