#!/usr/bin/env bash
# Builds the WASI guest components into wasi/fixtures/ (see README.md).
#   ./build.sh          rebuild every fixture in place
#   ./build.sh --check  rebuild into a temporary folder and fail if any committed fixture differs
# Needs the wasm32-wasip2 target (`rustup target add wasm32-wasip2`).
# CARGO_TARGET_DIR is honoured (default: wasi/guests/target).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fixtures="$here/../fixtures"
mode="${1:-build}"

case "$mode" in
  build) out="$fixtures" ;;
  --check) out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

# Crate folder = fixture name; the package is `wasi-<name>`.
guests=(hello args-env files escapes clocks random stdin-echo exit io tcp bench)

cd "$here"
target_dir="${CARGO_TARGET_DIR:-$here/target}"
# Deterministic bytes: no machine-specific paths inside the components.
export CARGO_TARGET_WASM32_WASIP2_RUSTFLAGS="--remap-path-prefix=$here=/guests --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"

packages=()
for guest in "${guests[@]}"; do packages+=(-p "wasi-$guest"); done
cargo build --locked --quiet --release --target wasm32-wasip2 "${packages[@]}"

mkdir -p "$out"
for guest in "${guests[@]}"; do
  cp "$target_dir/wasm32-wasip2/release/wasi-$guest.wasm" "$out/$guest.wasm"
done

if [[ "$mode" == --check ]]; then
  status=0
  for built in "$out"/*.wasm; do
    name="$(basename "$built")"
    if ! cmp -s "$built" "$fixtures/$name"; then
      echo "wasi/fixtures/$name is out of date: run wasi/guests/build.sh" >&2
      status=1
    fi
  done
  for committed in "$fixtures"/*.wasm; do
    case "$(basename "$committed")" in
      # Built by polyglot/build.sh, which cannot check them (see there).
      python.wasm | js.wasm) continue ;;
    esac
    if [[ ! -e "$out/$(basename "$committed")" ]]; then
      echo "wasi/fixtures/$(basename "$committed") is not built by build.sh" >&2
      status=1
    fi
  done
  if [[ $status == 0 ]]; then echo "WASI guest fixtures are up to date"; fi
  exit $status
fi
echo "built $(ls "$out"/*.wasm | wc -l) components into wasi/fixtures/"
