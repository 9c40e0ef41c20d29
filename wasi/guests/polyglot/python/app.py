"""The polyglot guest in Python (componentize-py): the world `guest` of
../wit/polyglot.wit, with the same behaviour as ../js/app.js."""

import math
import sys

from componentize_py_types import Err
from wit_world import exports
from wit_world.exports import api
from wit_world.imports import environment, host

LANGUAGE = "python"


def greet(name: str) -> str:
    return f"¡hola, {name.upper()}! ✓"


def reverse(items: list[str]) -> list[str]:
    return [item[::-1] for item in reversed(items)]


def summarize(values: list[int], label: str) -> api.Stats:
    return api.Stats(
        count=len(values),
        sum=sum(values),
        min=min(values) if values else None,
        max=max(values) if values else None,
        label=label,
    )


def optional(value) -> str:
    return "-" if value is None else str(value)


class Api(exports.Api):
    def greet(self, name: str) -> str:
        return greet(name)

    def reverse(self, items: list[str]) -> list[str]:
        return reverse(items)

    def summarize(self, values: list[int], label: str) -> api.Stats:
        return summarize(values, label)

    def divide(self, a: int, b: int) -> int:
        if b == 0:
            raise Err("division by zero")
        if a == -(2**31) and b == -1:
            raise Err("overflow")
        quotient = abs(a) // abs(b)
        return quotient if (a < 0) == (b < 0) else -quotient

    def area(self, s: api.Shape) -> float:
        if isinstance(s, api.Shape_Circle):
            return math.pi * s.value * s.value
        if isinstance(s, api.Shape_Rect):
            return s.value[0] * s.value[1]
        return 0.0

    def checksum(self, data: bytes) -> bytes:
        return bytes([sum(data) % 256, len(data) % 256]) + data[::-1]

    def ask(self, key: str) -> str:
        host.log(f"asking {key}")
        value = host.lookup(key)
        return f"{key} is unknown" if value is None else f"{key} = {value}"


class Run(exports.Run):
    def run(self) -> None:
        args = environment.get_arguments()
        print(f"polyglot guest in {LANGUAGE}")
        for i, arg in enumerate(args):
            print(f"arg {i}: {arg}")
        for name, value in sorted(environment.get_environment()):
            print(f"env {name}={value}")
        words = args[1:]
        print(greet(words[0] if words else "world"))
        print("reversed: " + " ".join(reverse(words)))
        stats = summarize([len(word) for word in words], "lengths")
        print(
            f"{stats.label}: count {stats.count} sum {stats.sum} "
            f"min {optional(stats.min)} max {optional(stats.max)}"
        )
        sys.stdout.flush()
        if "fail" in words:
            print("run: failing because an argument says so", file=sys.stderr)
            sys.stderr.flush()
            raise Err(None)
        print("run: done", file=sys.stderr)
        sys.stderr.flush()
