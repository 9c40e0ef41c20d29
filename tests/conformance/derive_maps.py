#!/usr/bin/env python3
"""Derives `maps.jsonl` from the reference implementation's `vectors.jsonl`.

The Canonical ABI despecialises `map<K, V>` to `list<tuple<K, V>>`, so a map
is laid out, lowered, lifted and trapped on exactly like that list. This
script turns every reference vector of a list of key-value pairs into the
vector of the map with the same key and value types: same flat values, same
memory, same `realloc` calls, same traps. Only the type changes, and the
value's encoding, where the pairs are records (`point { x, y }` is laid out
as `tuple<s32, s32>`).

A map value is encoded as an array of `[key, value]` arrays. A lowered map is
stored as given; a lifted map holds each key once, where it first appears,
with the last value the list gives it (the last duplicate key wins), so the
expected values of `lift` vectors are the reference's lists with that rule
applied.

Run from this folder: `python3 derive_maps.py` rewrites `maps.jsonl`.
"""

import json
from pathlib import Path

HERE = Path(__file__).parent

# list type in the reference vectors -> (map type, how to turn one element
# into a [key, value] pair)
SOURCES = {
    "list<tuple<u8, u32>>": ("map<u8, u32>", lambda pair: pair),
    "list<point>": ("map<s32, s32>", lambda point: [point["x"], point["y"]]),
}


def derive(vector):
    target, to_pair = SOURCES[vector["type"]]
    derived = dict(vector)
    derived["id"] = "map-from-" + vector["id"]
    derived["wit"] = ""
    derived["type"] = target
    if "value" in vector:
        pairs = [to_pair(element) for element in vector["value"]]
        derived["value"] = last_value_wins(pairs) if vector["kind"] == "lift" else pairs
    return derived


def last_value_wins(pairs):
    """Each key once, in the order keys first appear, with its last value."""
    merged = {}
    for key, value in pairs:
        merged[key] = value
    return [[key, value] for key, value in merged.items()]


def main():
    lines = []
    with open(HERE / "vectors.jsonl") as source:
        for line in source:
            vector = json.loads(line)
            if vector.get("type") in SOURCES:
                lines.append(json.dumps(derive(vector)))
    (HERE / "maps.jsonl").write_text("\n".join(lines) + "\n")
    print(f"{len(lines)} map vectors written to maps.jsonl")


if __name__ == "__main__":
    main()
