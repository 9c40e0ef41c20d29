;; Core module of the `composed-caller` world (UTF-8) that breaks the canonical ABI in what it
;; passes to its callees, one way per `run` function (see README.md). Composed with the sound
;; callees, each break must trap in the adapter before the callee runs. Where the import
;; returns anyway, the function returns a sound value ("", an empty list, none, 0). One call is
;; sound, so the host can check that a new instance answers: `echo(true, s)` = `wide.echo(s)`.
(module
  (import "witbind:guests/text" "echo" (func $echo (param i32 i32 i32)))
  (import "witbind:guests/text" "shout" (func $shout (param i32 i32 i32)))
  (import "witbind:guests/text" "relabel" (func $relabel (param i32 i32 i32 i32)))
  (import "wide" "echo" (func $wide_echo (param i32 i32 i32)))
  (import "wide" "words" (func $wide_words (param i32 i32 i32)))
  (import "wide" "find-space" (func $wide_find_space (param i32 i32 i32)))
  (import "witbind:guests/blobs" "[constructor]blob" (func $blob_new (param i32 i32) (result i32)))
  (import "witbind:guests/blobs" "[method]blob.read" (func $blob_read (param i32 i32)))
  (import "witbind:guests/blobs" "[resource-drop]blob" (func $blob_drop (param i32)))
  (import "witbind:guests/blobs" "merge" (func $merge (param i32 i32) (result i32)))
  (import "witbind:guests/blobs" "consume" (func $consume (param i32) (result i32)))
  (import "witbind:guests/blobs" "explode" (func $explode (param i32 i32) (result i32)))
  (import "witbind:guests/keeper" "hold" (func $hold (param i32)))
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))
  ;; bytes that are not UTF-8, then "ok"
  (data (i32.const 16) "\ff\feok")

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

  ;; An empty string, list or tuple label, or `none`, in the return area at 0.
  (func $empty (result i32)
    (i64.store (i32.const 0) (i64.const 0))
    (i64.store (i32.const 8) (i64.const 0))
    (i32.const 0))

  ;; `text.echo` of a string past the end of memory; `wide.echo(s)` when `utf16`.
  (func (export "witbind:guests/run#echo") (param i32 i32 i32) (result i32)
    (if (local.get 0)
      (then
        (call $wide_echo (local.get 1) (local.get 2) (i32.const 64))
        (return (i32.const 64))))
    (call $echo (i32.const 0xfffffff0) (i32.const 5) (i32.const 64))
    (call $empty))
  ;; `text.shout` of bytes that are not UTF-8.
  (func (export "witbind:guests/run#shout") (param i32 i32 i32) (result i32)
    (call $shout (i32.const 16) (i32.const 4) (i32.const 64))
    (call $empty))
  ;; `wide.words` of bytes that are not UTF-8 (transcoded to UTF-16 on the way).
  (func (export "witbind:guests/run#words") (param i32 i32 i32) (result i32)
    (call $wide_words (i32.const 16) (i32.const 4) (i32.const 64))
    (call $empty))
  ;; `wide.find-space` of a string past the end of memory.
  (func (export "witbind:guests/run#find-space") (param i32 i32 i32) (result i32)
    (call $wide_find_space (i32.const 0xfff0) (i32.const 0x100) (i32.const 64))
    (call $empty))
  ;; `text.relabel` of a record whose label claims 2^31 - 1 bytes.
  (func (export "witbind:guests/run#relabel") (param i32 i32 i32 i32) (result i32)
    (call $relabel (i32.const 16) (i32.const 0x7fffffff) (i32.const 1) (i32.const 64))
    (call $empty))
  ;; `consume` of an own handle the caller's table lacks.
  (func (export "witbind:guests/run#blobs") (param i32 i32) (result i32)
    (drop (call $consume (i32.const 0x77)))
    (call $empty))
  ;; `merge(h, h)`: the same handle moved as `a` and lent as `b`.
  (func (export "witbind:guests/run#keep") (param i32 i32) (result i32)
    (local $h i32)
    (local.set $h (call $blob_new (i32.const 18) (i32.const 2)))
    (drop (call $merge (local.get $h) (local.get $h)))
    (call $empty))
  ;; `read` lent a handle the caller already dropped.
  (func (export "witbind:guests/run#give-back") (result i32)
    (local $h i32)
    (local.set $h (call $blob_new (i32.const 18) (i32.const 2)))
    (call $blob_drop (local.get $h))
    (call $blob_read (local.get $h) (i32.const 64))
    (call $empty))
  ;; `hold(h)` twice: the second time `h` has left the caller's table.
  (func (export "witbind:guests/run#release") (result i32)
    (local $h i32)
    (local.set $h (call $blob_new (i32.const 18) (i32.const 2)))
    (call $hold (local.get $h))
    (call $hold (local.get $h))
    (i32.const 0))
  ;; `explode` of bytes that are not UTF-8: the callee must not run (it would log).
  (func (export "witbind:guests/run#explode") (param i32 i32) (result i32)
    (drop (call $explode (i32.const 16) (i32.const 2)))
    (i32.const 0)))
