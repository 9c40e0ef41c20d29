#!/usr/bin/env bash
# Builds the guest components into tests/fixtures/ (see README.md).
#   ./build.sh          rebuild every fixture in place
#   ./build.sh --check  rebuild into a temporary folder and fail if any committed fixture differs
# Needs the wasm32-unknown-unknown target (`rustup target add wasm32-unknown-unknown`).
# CARGO_TARGET_DIR is honoured (default: tests/guests/target).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fixtures="$here/../fixtures"
mode="${1:-build}"

case "$mode" in
  build) out="$fixtures" ;;
  --check) out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

# The Rust guests: crate folder = world name = fixture name.
rust_guests=(numbers strings lists records variants flag-sets resources many-args host-calls bench maps named-imports)

cd "$here"
target_dir="${CARGO_TARGET_DIR:-$here/target}"
# Deterministic bytes: no machine-specific paths inside the modules.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$here=/guests --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"

packages=()
for guest in "${rust_guests[@]}"; do packages+=(-p "guest-$guest"); done
# The sub-components of the composed fixtures (not fixtures themselves).
packages+=(-p guest-composed-callee -p guest-composed-caller -p guest-composed-keeper)
cargo build --locked --quiet --release --target wasm32-unknown-unknown "${packages[@]}"
cargo build --locked --quiet --release -p componentize
componentize="$target_dir/release/componentize"

mkdir -p "$out"
for guest in "${rust_guests[@]}"; do
  "$componentize" module \
    "$target_dir/wasm32-unknown-unknown/release/guest_${guest//-/_}.wasm" "$out/$guest.wasm"
done
"$componentize" wat wit strings-encoded utf16 wat/utf16.wat "$out/strings-utf16.wasm"
"$componentize" wat wit strings-encoded latin1+utf16 wat/latin1-utf16.wat \
  "$out/strings-latin1-utf16.wasm"

# Composed components (wac-graph, see README.md): the Rust caller with the Rust callee, the
# UTF-16 WAT text callee and the Rust keeper; the same caller and keeper with the two
# hostile WAT callees; the hostile WAT caller with the sound callees and keeper.
parts="$target_dir/composed-parts"
mkdir -p "$parts"
for guest in composed-callee composed-caller composed-keeper; do
  "$componentize" module \
    "$target_dir/wasm32-unknown-unknown/release/guest_${guest//-/_}.wasm" "$parts/$guest.wasm"
done
"$componentize" wat wit composed-text utf16 wat/composed-text-utf16.wat "$parts/text-utf16.wasm"
"$componentize" wat wit composed-callee utf8 wat/composed-hostile.wat "$parts/hostile.wasm"
"$componentize" wat wit composed-text utf16 wat/composed-hostile-utf16.wat \
  "$parts/hostile-utf16.wasm"
"$componentize" wat wit composed-caller utf8 wat/composed-hostile-caller.wat \
  "$parts/hostile-caller.wasm"
"$componentize" compose "$parts/composed-caller.wasm" "$parts/composed-callee.wasm" \
  "$parts/text-utf16.wasm" "$parts/composed-keeper.wasm" "$out/composed.wasm"
"$componentize" compose "$parts/composed-caller.wasm" "$parts/hostile.wasm" \
  "$parts/hostile-utf16.wasm" "$parts/composed-keeper.wasm" "$out/composed-hostile.wasm"
"$componentize" compose "$parts/hostile-caller.wasm" "$parts/composed-callee.wasm" \
  "$parts/text-utf16.wasm" "$parts/composed-keeper.wasm" "$out/composed-hostile-caller.wasm"

if [[ "$mode" == --check ]]; then
  status=0
  for built in "$out"/*.wasm; do
    name="$(basename "$built")"
    if ! cmp -s "$built" "$fixtures/$name"; then
      echo "tests/fixtures/$name is out of date: run tests/guests/build.sh" >&2
      status=1
    fi
  done
  for committed in "$fixtures"/*.wasm; do
    if [[ ! -e "$out/$(basename "$committed")" ]]; then
      echo "tests/fixtures/$(basename "$committed") is not built by build.sh" >&2
      status=1
    fi
  done
  if [[ $status == 0 ]]; then echo "guest fixtures are up to date"; fi
  exit $status
fi
echo "built $(ls "$out"/*.wasm | wc -l) components into tests/fixtures/"
