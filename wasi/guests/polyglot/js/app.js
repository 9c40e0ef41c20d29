// The polyglot guest in JavaScript (componentize-js): the world `guest` of
// ../wit/polyglot.wit, with the same behaviour as ../python/app.py.

import { log, lookup } from 'witbind:polyglot/host';
import { getArguments, getEnvironment } from 'wasi:cli/environment@0.2.12';

const LANGUAGE = 'javascript';

function greet(name) {
  return `¡hola, ${name.toUpperCase()}! ✓`;
}

// Reversed by code point, as Python's `s[::-1]` does.
function reverse(items) {
  return items.slice().reverse().map((item) => [...item].reverse().join(''));
}

function summarize(values, label) {
  return {
    count: values.length,
    sum: values.reduce((sum, value) => sum + BigInt(value), 0n),
    min: values.length ? Math.min(...values) : undefined,
    max: values.length ? Math.max(...values) : undefined,
    label,
  };
}

function optional(value) {
  return value === undefined ? '-' : String(value);
}

// Sorted by code point, as Python's `sorted` does.
function byCodePoint(a, b) {
  const [x, y] = [[...a].map((c) => c.codePointAt(0)), [...b].map((c) => c.codePointAt(0))];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] - y[i];
  }
  return x.length - y.length;
}

export const api = {
  greet,
  reverse,
  summarize,
  divide(a, b) {
    if (b === 0) throw 'division by zero';
    if (a === -(2 ** 31) && b === -1) throw 'overflow';
    return Math.trunc(a / b);
  },
  area(s) {
    switch (s.tag) {
      case 'circle':
        return Math.PI * s.val * s.val;
      case 'rect':
        return s.val[0] * s.val[1];
      default:
        return 0;
    }
  },
  checksum(data) {
    const sum = data.reduce((sum, byte) => sum + byte, 0);
    return new Uint8Array([sum % 256, data.length % 256, ...data.slice().reverse()]);
  },
  ask(key) {
    log(`asking ${key}`);
    const value = lookup(key);
    return value === undefined ? `${key} is unknown` : `${key} = ${value}`;
  },
};

export const run = {
  run() {
    const args = getArguments();
    console.log(`polyglot guest in ${LANGUAGE}`);
    args.forEach((arg, i) => console.log(`arg ${i}: ${arg}`));
    const env = getEnvironment().sort(([a, x], [b, y]) => byCodePoint(a, b) || byCodePoint(x, y));
    for (const [name, value] of env) console.log(`env ${name}=${value}`);
    const words = args.slice(1);
    console.log(greet(words.length ? words[0] : 'world'));
    console.log('reversed: ' + reverse(words).join(' '));
    const stats = summarize(
      words.map((word) => [...word].length),
      'lengths',
    );
    console.log(
      `${stats.label}: count ${stats.count} sum ${stats.sum} ` +
        `min ${optional(stats.min)} max ${optional(stats.max)}`,
    );
    if (words.includes('fail')) {
      console.error('run: failing because an argument says so');
      throw undefined;
    }
    console.error('run: done');
  },
};
