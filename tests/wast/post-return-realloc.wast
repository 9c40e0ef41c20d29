;; `post-return` runs after the results are lifted, with the core results
;; as its parameters; `realloc` is called with (0, 0, align, size) for each
;; new allocation. A trap in either traps the call.

(component definition $P
  (core module $m
    (memory (export "mem") 1)
    (global $calls (mut i32) (i32.const 0))
    (global $last (mut i32) (i32.const 0))
    (global $next (mut i32) (i32.const 1024))
    (global $args (mut i32) (i32.const 0))
    (func (export "id") (param i32) (result i32) local.get 0)
    (func (export "post") (param i32)
      (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
      (global.set $last (local.get 0)))
    (func (export "calls") (result i32) global.get $calls)
    (func (export "last") (result i32) global.get $last)
    ;; "hello" at 100, its (pointer, length) at 8.
    (func (export "hello") (result i32)
      (i32.store (i32.const 8) (i32.const 100))
      (i32.store (i32.const 12) (i32.const 5))
      (i32.const 8))
    ;; Overwrites the string and its pair: the host lifted them already.
    (func (export "clobber") (param i32)
      (i64.store (i32.const 100) (i64.const -1))
      (i64.store (i32.const 8) (i64.const -1)))
    (func (export "trap") (param i32) unreachable)
    ;; A bump allocator that records (old ptr, old size, align, size) as
    ;; one i32 per byte-sized field: old ptr | old size << 8 | align << 16 | size << 24.
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $p i32)
      (global.set $args
        (i32.or (i32.or (local.get 0) (i32.shl (local.get 1) (i32.const 8)))
          (i32.or (i32.shl (local.get 2) (i32.const 16)) (i32.shl (local.get 3) (i32.const 24)))))
      (local.set $p
        (i32.and
          (i32.add (global.get $next) (i32.sub (local.get 2) (i32.const 1)))
          (i32.xor (i32.sub (local.get 2) (i32.const 1)) (i32.const -1))))
      (global.set $next (i32.add (local.get $p) (local.get 3)))
      (local.get $p))
    (func (export "realloc-args") (result i32) global.get $args)
    (func (export "realloc-trap") (param i32 i32 i32 i32) (result i32) unreachable)
    (func (export "realloc-odd") (param i32 i32 i32 i32) (result i32) i32.const 1026)
    (func (export "realloc-end") (param i32 i32 i32 i32) (result i32) i32.const 65532)
    (func (export "list-len") (param i32 i32) (result i32) local.get 1)
    (data (i32.const 100) "hello")
  )
  (core instance $i (instantiate $m))
  (alias core export $i "mem" (core memory $mem))

  (func (export "id") (param "x" u32) (result u32)
    (canon lift (core func $i "id") (post-return (core func $i "post"))))
  (func (export "calls") (result u32) (canon lift (core func $i "calls")))
  (func (export "last") (result u32) (canon lift (core func $i "last")))
  (func (export "hello") (result string)
    (canon lift (core func $i "hello") (memory $mem) (post-return (core func $i "clobber"))))
  (func (export "after-trap") (param "x" u32) (result u32)
    (canon lift (core func $i "id") (post-return (core func $i "trap"))))
  (func (export "list-len") (param "l" (list u32)) (result u32)
    (canon lift (core func $i "list-len") (memory $mem) (realloc (core func $i "realloc"))))
  (func (export "string-len") (param "s" string) (result u32)
    (canon lift (core func $i "list-len") (memory $mem) (realloc (core func $i "realloc"))))
  (func (export "realloc-args") (result u32) (canon lift (core func $i "realloc-args")))
  (func (export "list-len-trap") (param "l" (list u32)) (result u32)
    (canon lift (core func $i "list-len") (memory $mem) (realloc (core func $i "realloc-trap"))))
  (func (export "list-len-odd") (param "l" (list u32)) (result u32)
    (canon lift (core func $i "list-len") (memory $mem) (realloc (core func $i "realloc-odd"))))
  (func (export "list-len-end") (param "l" (list u32)) (result u32)
    (canon lift (core func $i "list-len") (memory $mem) (realloc (core func $i "realloc-end"))))
)
(component instance $p $P)

(assert_return (invoke "calls") (u32.const 0))
(assert_return (invoke "id" (u32.const 7)) (u32.const 7))
(assert_return (invoke "calls") (u32.const 1))
(assert_return (invoke "last") (u32.const 7))
(assert_return (invoke "id" (u32.const 9)) (u32.const 9))
(assert_return (invoke "calls") (u32.const 2))
(assert_return (invoke "last") (u32.const 9))
;; The result was lifted before post-return overwrote it.
(assert_return (invoke "hello") (str.const "hello"))

;; realloc gets (0, 0, align, size): a list of 3 u32 is 12 bytes, 4-aligned.
(assert_return (invoke "list-len" (list.const (u32.const 1) (u32.const 2) (u32.const 3))) (u32.const 3))
(assert_return (invoke "realloc-args") (u32.const 0x0c040000))
(assert_return (invoke "string-len" (str.const "abc")) (u32.const 3))
(assert_return (invoke "realloc-args") (u32.const 0x03010000))
;; An empty list still gets a (zero-sized) allocation or none at all; its
;; length is 0 either way.
(assert_return (invoke "list-len" (list.const)) (u32.const 0))
;; A 4-byte list fits exactly at the end of the memory.
(assert_return (invoke "list-len-end" (list.const (u32.const 1))) (u32.const 1))

;; Traps.
(assert_trap (invoke "after-trap" (u32.const 1)) "unreachable")
;; A trapped instance refuses later calls.
(assert_trap (invoke "calls") "cannot enter component instance")
(component instance $p $P)
(assert_trap (invoke "list-len-trap" (list.const (u32.const 1))) "unreachable")
(component instance $p $P)
(assert_trap (invoke "list-len-odd" (list.const (u32.const 1))) "realloc return: result not aligned")
(component instance $p $P)
(assert_trap (invoke "list-len-end" (list.const (u32.const 1) (u32.const 2))) "realloc return: beyond end of memory")

;; Inside `post-return` the instance may not leave: creating or dropping a
;; handle traps, but reading a handle's rep is allowed (it only looks at
;; the instance's own table).
(component definition $H
  (type $t (resource (rep i32)))
  (core func $new (canon resource.new $t))
  (core func $rep (canon resource.rep $t))
  (core func $drop (canon resource.drop $t))
  (core module $m
    (import "" "new" (func $new (param i32) (result i32)))
    (import "" "rep" (func $rep (param i32) (result i32)))
    (import "" "drop" (func $drop (param i32)))
    (global $h (mut i32) (i32.const 0))
    (global $seen (mut i32) (i32.const 0))
    (func (export "make") (result i32)
      (global.set $h (call $new (i32.const 77)))
      (i32.const 1))
    (func (export "read-rep") (param i32)
      (global.set $seen (call $rep (global.get $h))))
    (func (export "new-again") (param i32)
      (drop (call $new (i32.const 5))))
    (func (export "drop-it") (param i32)
      (call $drop (global.get $h)))
    (func (export "seen") (result i32) global.get $seen))
  (core instance $i (instantiate $m (with "" (instance
    (export "new" (func $new)) (export "rep" (func $rep)) (export "drop" (func $drop))))))
  (func (export "make-then-rep") (result u32)
    (canon lift (core func $i "make") (post-return (core func $i "read-rep"))))
  (func (export "make-then-new") (result u32)
    (canon lift (core func $i "make") (post-return (core func $i "new-again"))))
  (func (export "make-then-drop") (result u32)
    (canon lift (core func $i "make") (post-return (core func $i "drop-it"))))
  (func (export "seen") (result u32) (canon lift (core func $i "seen"))))

(component instance $h $H)
(assert_return (invoke "make-then-rep") (u32.const 1))
(assert_return (invoke "seen") (u32.const 77))
(component instance $h $H)
(assert_trap (invoke "make-then-new") "cannot leave component instance")
(component instance $h $H)
(assert_trap (invoke "make-then-drop") "cannot leave component instance")
