#!/usr/bin/env bash
# Builds the polyglot guests into wasi/fixtures/ (see ../README.md):
#   python.wasm  python/app.py by componentize-py
#   js.wasm      js/app.js by componentize-js
# both implementing the world `witbind:polyglot/guest` (wit/polyglot.wit).
#
#   ./build.sh [python|js]...   rebuild the named fixtures (default: both)
#
# The toolchains are pinned: componentize-py by PY_VERSION below, installed
# with pip into a virtual environment; componentize-js by js/package.json and
# js/package-lock.json, installed with `npm ci`. Both go to $POLYGLOT_TOOLS
# (default: wasi/guests/polyglot/.tools, ignored by git) and are reused while
# their versions match. Needs python3 (3.9 or newer, with venv) and npm.
#
# There is no --check mode: neither toolchain builds reproducibly (two builds
# of the same sources differ: both snapshot a pre-initialised interpreter,
# CPython or SpiderMonkey, whose heap differs from run to run).
set -euo pipefail

PY_VERSION=0.25.1

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fixtures="$here/../../fixtures"
tools="${POLYGLOT_TOOLS:-$here/.tools}"
targets=("$@")
if [[ ${#targets[@]} == 0 ]]; then targets=(python js); fi

# The sources are built from a scratch copy, so no cache is written next to
# them (componentize-py leaves __pycache__ behind).
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$here/wit" "$work/wit"
rm "$work/wit/deps"
cp -r "$here/../../wit/deps" "$work/wit/deps"

build_python() {
  local venv="$tools/venv"
  if [[ "$("$venv/bin/componentize-py" --version 2>/dev/null)" != "componentize-py $PY_VERSION" ]]; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "componentize-py==$PY_VERSION"
  fi
  cp "$here/python/app.py" "$work/app.py"
  (cd "$work" && PYTHONDONTWRITEBYTECODE=1 "$venv/bin/componentize-py" --quiet \
    --wit-path wit --world guest componentize app --output "$fixtures/python.wasm")
  echo "built wasi/fixtures/python.wasm with $("$venv/bin/componentize-py" --version)"
}

build_js() {
  local js="$tools/js"
  mkdir -p "$js"
  if ! cmp -s "$here/js/package-lock.json" "$js/package-lock.json" \
    || [[ ! -x "$js/node_modules/.bin/componentize-js" ]]; then
    cp "$here/js/package.json" "$here/js/package-lock.json" "$js/"
    (cd "$js" && npm ci --silent --no-audit --no-fund)
  fi
  cp "$here/js/app.js" "$work/app.js"
  # No wasi:http: witbind-wasi implements the wasi:cli/command world only.
  (cd "$work" && "$js/node_modules/.bin/componentize-js" app.js \
    --wit wit --world-name guest --disable http fetch-event --out "$fixtures/js.wasm" >/dev/null)
  echo "built wasi/fixtures/js.wasm with componentize-js $("$js/node_modules/.bin/componentize-js" --version)"
}

for target in "${targets[@]}"; do
  case "$target" in
    python) build_python ;;
    js) build_js ;;
    *) echo "usage: $0 [python|js]..." >&2; exit 2 ;;
  esac
done
