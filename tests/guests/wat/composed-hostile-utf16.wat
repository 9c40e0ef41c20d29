;; Core module of the `composed-text` world with `string-encoding=utf16` that breaks the
;; canonical ABI in what it returns, one way per function (see README.md).
(module
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))
  ;; a lone high surrogate, then "ok"
  (data (i32.const 16) "\00\d8o\00k\00")

  (func $realloc (export "cabi_realloc")
    (param $old_ptr i32) (param $old_size i32) (param $align i32) (param $new_size i32)
    (result i32)
    (local $ptr i32)
    (local.set $ptr
      (i32.and
        (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
        (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $ptr) (local.get $new_size)))
    (if (i32.gt_u (global.get $heap) (i32.mul (memory.size) (i32.const 65536)))
      (then unreachable))
    (if (local.get $old_size)
      (then
        (memory.copy (local.get $ptr) (local.get $old_ptr)
          (select (local.get $old_size) (local.get $new_size)
            (i32.lt_u (local.get $old_size) (local.get $new_size))))))
    (local.get $ptr))

  (func $ret (param $ptr i32) (param $len i32) (result i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (i32.const 0))

  ;; An unpaired surrogate; but "" for "" (the one sound call).
  (func (export "witbind:guests/text#echo") (param i32 i32) (result i32)
    (if (i32.eqz (local.get 1)) (then (return (call $ret (i32.const 0) (i32.const 0)))))
    (call $ret (i32.const 16) (i32.const 3)))
  ;; A UTF-16 string at an odd address.
  (func (export "witbind:guests/text#shout") (param i32 i32) (result i32)
    (call $ret (i32.const 19) (i32.const 1)))
  ;; A list of one string whose units lie past the end of memory.
  (func (export "witbind:guests/text#words") (param i32 i32) (result i32)
    (i32.store (i32.const 64) (i32.const 0xfffffff0))
    (i32.store (i32.const 68) (i32.const 4))
    (call $ret (i32.const 64) (i32.const 1)))
  ;; An option whose case byte is 2.
  (func (export "witbind:guests/text#find-space") (param i32 i32) (result i32)
    (i32.store8 (i32.const 0) (i32.const 2))
    (i32.const 0))
  ;; A record whose label claims 2^31 code units (4 GiB).
  (func (export "witbind:guests/text#relabel") (param i32 i32 i32) (result i32)
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 0x80000000))
    (i32.store (i32.const 8) (local.get 2))
    (i32.const 0)))
