;; Core module of the `strings-encoded` world with `string-encoding=utf16`.
;; Strings arrive and leave as (pointer, number of UTF-16 code units), 2-byte aligned.
(module
  (memory (export "memory") 1)
  ;; Bump allocator: everything above 1024 is heap; nothing is ever freed.
  (global $heap (mut i32) (i32.const 1024))
  ;; "café" as UTF-16LE (4 units) at 16, "snow ☃" as UTF-16LE (6 units) at 32.
  (data (i32.const 16) "c\00a\00f\00\e9\00")
  (data (i32.const 32) "s\00n\00o\00w\00 \00\03\26")

  (func $realloc (export "cabi_realloc")
    (param $old_ptr i32) (param $old_size i32) (param $align i32) (param $new_size i32)
    (result i32)
    (local $ptr i32)
    ;; ptr = align_up(heap, align)
    (local.set $ptr
      (i32.and
        (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
        (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $ptr) (local.get $new_size)))
    ;; grow until the heap fits (trap if it cannot)
    (block $fits
      (loop $grow
        (br_if $fits
          (i32.le_u (global.get $heap) (i32.mul (memory.size) (i32.const 65536))))
        (if (i32.eq (memory.grow (i32.const 1)) (i32.const -1)) (then unreachable))
        (br $grow)))
    ;; keep the old contents when growing or shrinking an allocation
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

  (func (export "echo") (param $ptr i32) (param $len i32) (result i32)
    (call $ret (local.get $ptr) (local.get $len)))

  (func (export "raw-length") (param $ptr i32) (param $len i32) (result i32)
    (local.get $len))

  (func (export "upper-ascii") (param $ptr i32) (param $len i32) (result i32)
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
    (call $ret (local.get $out) (local.get $len)))

  (func (export "sample-latin1") (result i32)
    (call $ret (i32.const 16) (i32.const 4)))

  (func (export "sample-wide") (result i32)
    (call $ret (i32.const 32) (i32.const 6))))
