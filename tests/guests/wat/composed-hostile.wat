;; Core module of the `composed-callee` world (UTF-8) that breaks the canonical ABI in what it
;; returns to its caller, one way per function (see README.md). Composed with the Rust caller,
;; each break must trap in the adapter between the two, not reach the caller.
(module
  (import "[export]witbind:guests/blobs" "[resource-new]blob" (func $blob_new (param i32) (result i32)))
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))
  ;; invalid UTF-8 (a lone 0xff 0xfe), a truncated UTF-8 sequence, and "hostile"
  (data (i32.const 16) "\ff\fe")
  (data (i32.const 32) "ab\e2\98")
  (data (i32.const 48) "hostile")

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

  ;; A string whose bytes lie past the end of memory; but "" for "" (the one sound call, so the
  ;; host can check that a new instance still answers).
  (func (export "witbind:guests/text#echo") (param i32 i32) (result i32)
    (if (i32.eqz (local.get 1)) (then (return (call $ret (i32.const 0) (i32.const 0)))))
    (call $ret (i32.const 0xfffffff0) (i32.const 5)))
  ;; Bytes that are not UTF-8.
  (func (export "witbind:guests/text#shout") (param i32 i32) (result i32)
    (call $ret (i32.const 16) (i32.const 2)))
  ;; A list of 16 Mi strings (128 MiB of elements) in a 64 KiB memory.
  (func (export "witbind:guests/text#words") (param i32 i32) (result i32)
    (call $ret (i32.const 64) (i32.const 0x01000000)))
  ;; An option whose case byte is 7.
  (func (export "witbind:guests/text#find-space") (param i32 i32) (result i32)
    (i32.store8 (i32.const 0) (i32.const 7))
    (i32.store (i32.const 4) (i32.const 0))
    (i32.const 0))
  ;; A record whose label ends in a truncated UTF-8 sequence.
  (func (export "witbind:guests/text#relabel") (param i32 i32 i32) (result i32)
    (i32.store (i32.const 0) (i32.const 32))
    (i32.store (i32.const 4) (i32.const 4))
    (i32.store (i32.const 8) (local.get 2))
    (i32.const 0))

  ;; Blobs are real (rep 1), but `merge` returns a handle its table lacks.
  (func (export "witbind:guests/blobs#[constructor]blob") (param i32 i32) (result i32)
    (call $blob_new (i32.const 1)))
  (func (export "witbind:guests/blobs#[method]blob.read") (param i32) (result i32)
    (call $ret (i32.const 48) (i32.const 7)))
  (func (export "witbind:guests/blobs#[method]blob.append") (param i32 i32))
  (func (export "witbind:guests/blobs#merge") (param i32 i32) (result i32)
    (i32.const 0x1234))
  (func (export "witbind:guests/blobs#consume") (param i32) (result i32)
    (i32.const 0))
  (func (export "witbind:guests/blobs#explode") (param i32 i32) (result i32)
    unreachable))
