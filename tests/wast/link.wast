;; Linking through `register`: a later component imports a registered
;; instance's functions (scalars and strings cross through the host), and
;; may not call out of its instance from post-return or realloc
;; (`may_leave`). Imports nobody
;; defines, or of the wrong type, are unlinkable.

(component $provider
  (core module $m
    (memory (export "mem") 1)
    (global $n (mut i32) (i32.const 0))
    (global $next (mut i32) (i32.const 1024))
    (func (export "next") (result i32)
      (global.set $n (i32.add (global.get $n) (i32.const 1)))
      (global.get $n))
    (func (export "double") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $p i32)
      (local.set $p (global.get $next))
      (global.set $next (i32.add (local.get $p) (i32.add (local.get 3) (i32.const 8))))
      (local.get $p))
    ;; Returns the string it was given: (ptr, len) at 8.
    (func (export "echo") (param i32 i32) (result i32)
      (i32.store (i32.const 8) (local.get 0))
      (i32.store (i32.const 12) (local.get 1))
      (i32.const 8))
  )
  (core instance $i (instantiate $m))
  (func (export "next") (result u32) (canon lift (core func $i "next")))
  (func (export "double") (param "x" u32) (result u32) (canon lift (core func $i "double")))
  (func (export "echo") (param "s" string) (result string)
    (canon lift (core func $i "echo") (memory (core memory $i "mem")) (realloc (core func $i "realloc"))))
)
(register "provider" $provider)
(assert_return (invoke $provider "next") (u32.const 1))

(component $user
  (import "provider" (instance $p
    (export "next" (func (result u32)))
    (export "double" (func (param "x" u32) (result u32)))
    (export "echo" (func (param "s" string) (result string)))))
  (core module $mem
    (memory (export "mem") 1)
    (global $next (mut i32) (i32.const 2048))
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $p i32)
      (local.set $p (global.get $next))
      (global.set $next (i32.add (local.get $p) (i32.add (local.get 3) (i32.const 8))))
      (local.get $p)))
  (core instance $mem (instantiate $mem))
  (core func $next (canon lower (func $p "next")))
  (core func $double (canon lower (func $p "double")))
  (core func $echo (canon lower (func $p "echo") (memory (core memory $mem "mem")) (realloc (core func $mem "realloc"))))
  (core module $m
    (import "p" "next" (func $next (result i32)))
    (import "p" "double" (func $double (param i32) (result i32)))
    (import "p" "echo" (func $echo (param i32 i32 i32)))
    (import "mem" "mem" (memory 1))
    (func (export "twice-next") (result i32) (call $double (call $next)))
    ;; Passes "abc" (at 100) to `echo`, which writes the (ptr, len) of
    ;; the result at 16; returns the result's length times 256 plus its
    ;; first byte.
    (func (export "echo-abc") (result i32)
      (call $echo (i32.const 100) (i32.const 3) (i32.const 16))
      (i32.add
        (i32.mul (i32.load (i32.const 20)) (i32.const 256))
        (i32.load8_u (i32.load (i32.const 16)))))
    (func (export "call-next") (param i32) (drop (call $next)))
    (func (export "id") (param i32) (result i32) local.get 0)
    (func (export "len") (param i32 i32) (result i32) local.get 1)
    (func (export "realloc-calls-out") (param i32 i32 i32 i32) (result i32)
      (drop (call $next))
      (i32.const 1024))
    (data (memory 0) (i32.const 100) "abc")
  )
  (core instance $i (instantiate $m
    (with "p" (instance (export "next" (func $next)) (export "double" (func $double)) (export "echo" (func $echo))))
    (with "mem" (instance $mem))))
  (func (export "twice-next") (result u32) (canon lift (core func $i "twice-next")))
  (func (export "echo-abc") (result u32) (canon lift (core func $i "echo-abc")))
  ;; Calling an import from post-return or realloc traps.
  (func (export "post-return-calls-out") (param "x" u32) (result u32)
    (canon lift (core func $i "id") (post-return (core func $i "call-next"))))
  (func (export "realloc-calls-out") (param "s" string) (result u32)
    (canon lift (core func $i "len") (memory (core memory $mem "mem")) (realloc (core func $i "realloc-calls-out"))))
)
(assert_return (invoke "twice-next") (u32.const 4))
(assert_return (invoke "echo-abc") (u32.const 0x361))
(assert_return (invoke $provider "echo" (str.const "xyz")) (str.const "xyz"))

;; Two instances of one user component: the provider's state is shared.
(component definition $User
  (import "provider" (instance $p (export "next" (func (result u32)))))
  (core func $next (canon lower (func $p "next")))
  (core module $m
    (import "p" "next" (func $next (result i32)))
    (func (export "len") (param i32 i32) (result i32) local.get 1)
    (func (export "next") (result i32) (call $next))
    (func (export "realloc-calls-out") (param i32 i32 i32 i32) (result i32)
      (drop (call $next))
      (i32.const 1024))
    (memory (export "mem") 1))
  (core instance $i (instantiate $m (with "p" (instance (export "next" (func $next))))))
  (func (export "realloc-calls-out") (param "s" string) (result u32)
    (canon lift (core func $i "len") (memory (core memory $i "mem")) (realloc (core func $i "realloc-calls-out"))))
  (func (export "next") (result u32) (canon lift (core func $i "next")))
)
(component instance $u1 $User)
(component instance $u2 $User)
(assert_return (invoke $u1 "next") (u32.const 3))
(assert_return (invoke $u2 "next") (u32.const 4))
(assert_return (invoke $provider "next") (u32.const 5))

;; Unlinkable: an import nothing defines, a missing function of a
;; registered instance, and a function of the wrong type.
(assert_unlinkable
  (component (import "nowhere" (func)))
  "was not found")
(assert_unlinkable
  (component (import "provider" (instance (export "missing" (func)))))
  "was not found")
(assert_unlinkable
  (component (import "provider" (instance (export "double" (func (param "x" u64) (result u32))))))
  "type mismatch")
(assert_unlinkable
  (component (import "provider" (instance (export "double" (func (param "y" u32) (result u32))))))
  "type mismatch")
(assert_unlinkable
  (component (import "provider" (func)))
  "expected func found instance")

;; may_leave: calling an import from post-return or realloc traps. (Last:
;; wasmtime refuses every instance of the store after a trap.)
(assert_trap (invoke $user "post-return-calls-out" (u32.const 1)) "cannot leave component instance")
(assert_trap (invoke $u1 "realloc-calls-out" (str.const "a")) "cannot leave component instance")
