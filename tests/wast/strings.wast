;; Strings through exports in the three encodings of the canonical options
;; (utf8, utf16, latin1+utf16): lowered into the guest through its realloc,
;; lifted from its memory, and the traps of bad pointers and bad code units.

(component definition $S
  (core module $m
    (memory (export "mem") 1)
    (global $next (mut i32) (i32.const 1024))
    ;; A bump allocator: aligns, hands out, never frees.
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $p i32)
      ;; Shrinking keeps the block; growing copies the old contents.
      (if (i32.and (i32.ne (local.get 0) (i32.const 0)) (i32.le_u (local.get 3) (local.get 1)))
        (then (return (local.get 0))))
      (local.set $p
        (i32.and
          (i32.add (global.get $next) (i32.sub (local.get 2) (i32.const 1)))
          (i32.xor (i32.sub (local.get 2) (i32.const 1)) (i32.const -1))))
      (global.set $next (i32.add (local.get $p) (local.get 3)))
      (if (i32.ne (local.get 0) (i32.const 0))
        (then (memory.copy (local.get $p) (local.get 0) (local.get 1))))
      (local.get $p))
    ;; (ptr, len) -> a pointer to the pair, for a lifted string result.
    (func (export "pair") (param i32 i32) (result i32)
      (i32.store (i32.const 8) (local.get 0))
      (i32.store (i32.const 12) (local.get 1))
      (i32.const 8))
    (func (export "len") (param i32 i32) (result i32) local.get 1)
    ;; The string's first byte (code unit for utf16), to see where it landed.
    (func (export "first-byte") (param i32 i32) (result i32) (i32.load8_u (local.get 0)))
    (data (i32.const 100) "hello")
    (data (i32.const 200) "\ff\fe")
    (data (i32.const 210) "\c3")
    (data (i32.const 220) "\ed\a0\80")
    (data (i32.const 300) "h\00i\00")
    (data (i32.const 310) "\00\d8")
    (data (i32.const 320) "\3d\d8\00\de")
    (data (i32.const 330) "\00\dc\41\00")
    (data (i32.const 400) "caf\e9")
  )
  (core instance $i (instantiate $m))
  (alias core export $i "mem" (core memory $mem))
  (alias core export $i "realloc" (core func $realloc))

  (func (export "echo8") (param "s" string) (result string)
    (canon lift (core func $i "pair") (memory $mem) (realloc $realloc) string-encoding=utf8))
  (func (export "echo16") (param "s" string) (result string)
    (canon lift (core func $i "pair") (memory $mem) (realloc $realloc) string-encoding=utf16))
  (func (export "echo-compact") (param "s" string) (result string)
    (canon lift (core func $i "pair") (memory $mem) (realloc $realloc) string-encoding=latin1+utf16))
  (func (export "len8") (param "s" string) (result u32)
    (canon lift (core func $i "len") (memory $mem) (realloc $realloc) string-encoding=utf8))
  (func (export "len16") (param "s" string) (result u32)
    (canon lift (core func $i "len") (memory $mem) (realloc $realloc) string-encoding=utf16))
  (func (export "len-compact") (param "s" string) (result u32)
    (canon lift (core func $i "len") (memory $mem) (realloc $realloc) string-encoding=latin1+utf16))
  (func (export "first-compact") (param "s" string) (result u32)
    (canon lift (core func $i "first-byte") (memory $mem) (realloc $realloc) string-encoding=latin1+utf16))
  (func (export "at8") (param "p" u32) (param "len" u32) (result string)
    (canon lift (core func $i "pair") (memory $mem) string-encoding=utf8))
  (func (export "at16") (param "p" u32) (param "len" u32) (result string)
    (canon lift (core func $i "pair") (memory $mem) string-encoding=utf16))
  (func (export "at-compact") (param "p" u32) (param "len" u32) (result string)
    (canon lift (core func $i "pair") (memory $mem) string-encoding=latin1+utf16))
)
(component instance $s $S)

;; Round trips in each encoding.
(assert_return (invoke "echo8" (str.const "")) (str.const ""))
(assert_return (invoke "echo8" (str.const "hello")) (str.const "hello"))
(assert_return (invoke "echo8" (str.const "h\u{e9}llo \u{1f600}")) (str.const "h\u{e9}llo \u{1f600}"))
(assert_return (invoke "echo16" (str.const "")) (str.const ""))
(assert_return (invoke "echo16" (str.const "h\u{e9}llo \u{1f600}")) (str.const "h\u{e9}llo \u{1f600}"))
(assert_return (invoke "echo-compact" (str.const "")) (str.const ""))
(assert_return (invoke "echo-compact" (str.const "caf\u{e9}")) (str.const "caf\u{e9}"))
(assert_return (invoke "echo-compact" (str.const "a\u{2192}b \u{1f600}")) (str.const "a\u{2192}b \u{1f600}"))

;; Lengths are in code units of the encoding; latin1+utf16 tags UTF-16
;; with bit 31 and uses Latin-1 whenever every char fits in it.
(assert_return (invoke "len8" (str.const "\u{e9}")) (u32.const 2))
(assert_return (invoke "len8" (str.const "\u{1f600}")) (u32.const 4))
(assert_return (invoke "len16" (str.const "\u{e9}")) (u32.const 1))
(assert_return (invoke "len16" (str.const "\u{1f600}")) (u32.const 2))
(assert_return (invoke "len-compact" (str.const "h\u{e9}llo")) (u32.const 5))
(assert_return (invoke "first-compact" (str.const "\u{e9}t\u{e9}")) (u32.const 0xe9))
(assert_return (invoke "len-compact" (str.const "h\u{2192}")) (u32.const 0x80000002))
(assert_return (invoke "len-compact" (str.const "\u{1f600}")) (u32.const 0x80000002))

;; Lifting what the guest's memory holds.
(assert_return (invoke "at8" (u32.const 100) (u32.const 5)) (str.const "hello"))
(assert_return (invoke "at8" (u32.const 100) (u32.const 0)) (str.const ""))
(assert_return (invoke "at16" (u32.const 300) (u32.const 2)) (str.const "hi"))
(assert_return (invoke "at16" (u32.const 320) (u32.const 2)) (str.const "\u{1f600}"))
(assert_return (invoke "at-compact" (u32.const 400) (u32.const 4)) (str.const "caf\u{e9}"))
(assert_return (invoke "at-compact" (u32.const 300) (u32.const 0x80000002)) (str.const "hi"))

;; Traps: ranges past the memory's end.
(assert_trap (invoke "at8" (u32.const 65535) (u32.const 2)) "string content out-of-bounds")
(component instance $s $S)
(assert_trap (invoke "at8" (u32.const 0xffffffff) (u32.const 1)) "string content out-of-bounds")
(component instance $s $S)
(assert_trap (invoke "at16" (u32.const 65534) (u32.const 2)) "string content out-of-bounds")
(component instance $s $S)
(assert_trap (invoke "at-compact" (u32.const 65530) (u32.const 10)) "string content out-of-bounds")
;; Even an empty string must start inside the memory (or at its end).
(component instance $s $S)
(assert_return (invoke "at8" (u32.const 65536) (u32.const 0)) (str.const ""))
(assert_trap (invoke "at8" (u32.const 65537) (u32.const 0)) "string content out-of-bounds")
;; UTF-16 is 2-aligned, in utf16 and in the UTF-16 form of latin1+utf16.
(component instance $s $S)
(assert_trap (invoke "at16" (u32.const 301) (u32.const 1)) "unaligned pointer")
(component instance $s $S)
(assert_trap (invoke "at-compact" (u32.const 301) (u32.const 0x80000001)) "unaligned pointer")
;; Bad code units.
(component instance $s $S)
(assert_trap (invoke "at8" (u32.const 200) (u32.const 2)) "invalid utf-8")
(component instance $s $S)
(assert_trap (invoke "at8" (u32.const 210) (u32.const 1)) "invalid utf-8")
(component instance $s $S)
(assert_trap (invoke "at8" (u32.const 220) (u32.const 3)) "invalid utf-8")
(component instance $s $S)
(assert_trap (invoke "at16" (u32.const 310) (u32.const 1)) "invalid utf-16")
(component instance $s $S)
(assert_trap (invoke "at16" (u32.const 330) (u32.const 2)) "invalid utf-16")
(component instance $s $S)
(assert_trap (invoke "at-compact" (u32.const 310) (u32.const 0x80000001)) "invalid utf-16")

;; A realloc that returns a pointer the string does not fit at, or a
;; misaligned one for UTF-16, traps the call that lowers the string.
(component definition $BadRealloc
  (core module $m
    (memory (export "mem") 1)
    (func (export "past-end") (param i32 i32 i32 i32) (result i32) i32.const 65534)
    (func (export "odd") (param i32 i32 i32 i32) (result i32) i32.const 1001)
    (func (export "len") (param i32 i32) (result i32) local.get 1)
  )
  (core instance $i (instantiate $m))
  (alias core export $i "mem" (core memory $mem))
  (alias core export $i "past-end" (core func $past-end))
  (alias core export $i "odd" (core func $odd))
  (func (export "past-end8") (param "s" string) (result u32)
    (canon lift (core func $i "len") (memory $mem) (realloc $past-end) string-encoding=utf8))
  (func (export "odd8") (param "s" string) (result u32)
    (canon lift (core func $i "len") (memory $mem) (realloc $odd) string-encoding=utf8))
  (func (export "odd16") (param "s" string) (result u32)
    (canon lift (core func $i "len") (memory $mem) (realloc $odd) string-encoding=utf16))
)
(component instance $b $BadRealloc)
;; UTF-8 needs no alignment: an odd pointer is fine.
(assert_return (invoke "odd8" (str.const "abc")) (u32.const 3))
(assert_return (invoke "past-end8" (str.const "ab")) (u32.const 2))
(assert_trap (invoke "past-end8" (str.const "abc")) "realloc return: beyond end of memory")
(component instance $b $BadRealloc)
(assert_trap (invoke "odd16" (str.const "abc")) "unaligned pointer")
