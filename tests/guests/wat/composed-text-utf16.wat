;; Core module of the `composed-text` world with `string-encoding=utf16`: the `text` interface
;; over UTF-16 code units, for the UTF-8 caller of the composed components.
;; Strings arrive and leave as (pointer, number of UTF-16 code units), 2-byte aligned.
(module
  (memory (export "memory") 1)
  ;; Bump allocator: everything above 1024 is heap; nothing is ever freed.
  (global $heap (mut i32) (i32.const 1024))

  (func $realloc (export "cabi_realloc")
    (param $old_ptr i32) (param $old_size i32) (param $align i32) (param $new_size i32)
    (result i32)
    (local $ptr i32)
    (local.set $ptr
      (i32.and
        (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
        (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $ptr) (local.get $new_size)))
    (block $fits
      (loop $grow
        (br_if $fits
          (i32.le_u (global.get $heap) (i32.mul (memory.size) (i32.const 65536))))
        (if (i32.eq (memory.grow (i32.const 1)) (i32.const -1)) (then unreachable))
        (br $grow)))
    (if (local.get $old_size)
      (then
        (memory.copy (local.get $ptr) (local.get $old_ptr)
          (select (local.get $old_size) (local.get $new_size)
            (i32.lt_u (local.get $old_size) (local.get $new_size))))))
    (local.get $ptr))

  ;; Stores (ptr, len) in the return area at 0 and returns its address.
  (func $ret (param $ptr i32) (param $len i32) (result i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (i32.const 0))

  ;; A new copy of the `len` units at `ptr` with a-z turned to A-Z.
  (func $shout (param $ptr i32) (param $len i32) (result i32)
    (local $out i32) (local $i i32) (local $unit i32)
    (local.set $out
      (call $realloc (i32.const 0) (i32.const 0) (i32.const 2)
        (i32.mul (local.get $len) (i32.const 2))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $unit
          (i32.load16_u (i32.add (local.get $ptr) (i32.shl (local.get $i) (i32.const 1)))))
        (if (i32.lt_u (i32.sub (local.get $unit) (i32.const 97)) (i32.const 26))
          (then (local.set $unit (i32.sub (local.get $unit) (i32.const 32)))))
        (i32.store16 (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 1)))
          (local.get $unit))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (local.get $out))

  (func (export "witbind:guests/text#echo") (param $ptr i32) (param $len i32) (result i32)
    (call $ret (local.get $ptr) (local.get $len)))

  (func (export "witbind:guests/text#shout") (param $ptr i32) (param $len i32) (result i32)
    (call $ret (call $shout (local.get $ptr) (local.get $len)) (local.get $len)))

  ;; The pieces between spaces, as (ptr, len) pairs pointing into the argument.
  (func (export "witbind:guests/text#words") (param $ptr i32) (param $len i32) (result i32)
    (local $list i32) (local $count i32) (local $start i32) (local $i i32) (local $entry i32)
    (local.set $list
      (call $realloc (i32.const 0) (i32.const 0) (i32.const 4)
        (i32.mul (i32.add (local.get $len) (i32.const 1)) (i32.const 8))))
    (block $done
      (loop $each
        ;; at the end, or at a space: close the piece [start, i)
        (if (i32.or (i32.ge_u (local.get $i) (local.get $len))
              (i32.eq (i32.load16_u
                        (i32.add (local.get $ptr) (i32.shl (local.get $i) (i32.const 1))))
                      (i32.const 0x20)))
          (then
            (local.set $entry
              (i32.add (local.get $list) (i32.shl (local.get $count) (i32.const 3))))
            (i32.store (local.get $entry)
              (i32.add (local.get $ptr) (i32.shl (local.get $start) (i32.const 1))))
            (i32.store offset=4 (local.get $entry) (i32.sub (local.get $i) (local.get $start)))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))
            (local.set $start (i32.add (local.get $i) (i32.const 1)))))
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (call $ret (local.get $list) (local.get $count)))

  ;; option<u32> in the return area: the case byte at 0, the payload at 4. Chars are counted
  ;; as units that are not low surrogates.
  (func (export "witbind:guests/text#find-space") (param $ptr i32) (param $len i32) (result i32)
    (local $i i32) (local $chars i32) (local $unit i32)
    (i32.store8 (i32.const 0) (i32.const 0))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $unit
          (i32.load16_u (i32.add (local.get $ptr) (i32.shl (local.get $i) (i32.const 1)))))
        (if (i32.eq (local.get $unit) (i32.const 0x20))
          (then
            (i32.store8 (i32.const 0) (i32.const 1))
            (i32.store (i32.const 4) (local.get $chars))
            (br $done)))
        (if (i32.ne (i32.and (local.get $unit) (i32.const 0xfc00)) (i32.const 0xdc00))
          (then (local.set $chars (i32.add (local.get $chars) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (i32.const 0))

  ;; labelled { label, count } in the return area: ptr at 0, len at 4, count at 8.
  (func (export "witbind:guests/text#relabel")
    (param $ptr i32) (param $len i32) (param $count i32) (result i32)
    (i32.store (i32.const 0) (call $shout (local.get $ptr) (local.get $len)))
    (i32.store (i32.const 4) (local.get $len))
    (i32.store (i32.const 8) (i32.add (local.get $count) (i32.const 1)))
    (i32.const 0)))
