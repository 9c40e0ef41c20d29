;; Calls between sub-components: a component lowering another
;; sub-component's lifted export, so a fused adapter copies the values
;; from one instance's memory to the other's (scalars, lists through the
;; callee's realloc, results through a return pointer, post-return in the
;; callee), a trap in the callee traps the caller's call, and a component
;; may not be entered again while it runs (reentrance).

(component definition $T
  (component $callee
    (core module $m
      (memory (export "mem") 1)
      (global $next (mut i32) (i32.const 1024))
      (global $posts (mut i32) (i32.const 0))
      (func (export "realloc") (param i32 i32 i32 i32) (result i32)
        (local $p i32)
        (local.set $p (i32.and (i32.add (global.get $next) (i32.const 7)) (i32.const -8)))
        (global.set $next (i32.add (local.get $p) (local.get 3)))
        (local.get $p))
      (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
      (func (export "add64") (param i64 f64) (result f64)
        (f64.add (f64.convert_i64_s (local.get 0)) (local.get 1)))
      ;; The sum of a list<u32>.
      (func (export "sum") (param $p i32) (param $n i32) (result i32)
        (local $s i32)
        (block $done
          (loop $next
            (br_if $done (i32.eqz (local.get $n)))
            (local.set $s (i32.add (local.get $s) (i32.load (local.get $p))))
            (local.set $p (i32.add (local.get $p) (i32.const 4)))
            (local.set $n (i32.sub (local.get $n) (i32.const 1)))
            (br $next)))
        (local.get $s))
      ;; (a, b) -> (b, a), through a return pointer.
      (func (export "swap") (param i32 i32) (result i32)
        (i32.store (i32.const 8) (local.get 1))
        (i32.store (i32.const 12) (local.get 0))
        (i32.const 8))
      (func (export "post") (param i32) (global.set $posts (i32.add (global.get $posts) (i32.const 1))))
      (func (export "posts") (result i32) global.get $posts)
      (func (export "boom") unreachable)
      ;; An option<u8> with a bad discriminant, for the caller to lift.
      (func (export "bad-option") (result i32)
        (i32.store8 (i32.const 16) (i32.const 2))
        (i32.const 16))
    )
    (core instance $i (instantiate $m))
    (alias core export $i "mem" (core memory $mem))
    (func (export "add") (param "a" u32) (param "b" u32) (result u32) (canon lift (core func $i "add")))
    (func (export "add64") (param "a" s64) (param "b" f64) (result f64) (canon lift (core func $i "add64")))
    (func (export "sum") (param "l" (list u32)) (result u32)
      (canon lift (core func $i "sum") (memory $mem) (realloc (core func $i "realloc"))))
    (func (export "swap") (param "a" u32) (param "b" u32) (result (tuple u32 u32))
      (canon lift (core func $i "swap") (memory $mem) (post-return (core func $i "post"))))
    (func (export "posts") (result u32) (canon lift (core func $i "posts")))
    (func (export "boom") (canon lift (core func $i "boom")))
    (func (export "bad-option") (result (option u8)) (canon lift (core func $i "bad-option") (memory $mem)))
  )
  (component $caller
    (import "callee" (instance $c
      (export "add" (func (param "a" u32) (param "b" u32) (result u32)))
      (export "add64" (func (param "a" s64) (param "b" f64) (result f64)))
      (export "sum" (func (param "l" (list u32)) (result u32)))
      (export "swap" (func (param "a" u32) (param "b" u32) (result (tuple u32 u32))))
      (export "boom" (func))
      (export "bad-option" (func (result (option u8))))))
    (core module $memory
      (memory (export "mem") 1)
      (data (i32.const 100) "\01\00\00\00\02\00\00\00\03\00\00\00\04\00\00\00"))
    (core instance $memory (instantiate $memory))
    (alias core export $memory "mem" (core memory $mem))
    (core func $add (canon lower (func $c "add")))
    (core func $add64 (canon lower (func $c "add64")))
    (core func $sum (canon lower (func $c "sum") (memory $mem)))
    (core func $swap (canon lower (func $c "swap") (memory $mem)))
    (core func $boom (canon lower (func $c "boom")))
    (core func $bad-option (canon lower (func $c "bad-option") (memory $mem)))
    (core module $m
      (import "" "add" (func $add (param i32 i32) (result i32)))
      (import "" "add64" (func $add64 (param i64 f64) (result f64)))
      (import "" "sum" (func $sum (param i32 i32) (result i32)))
      (import "" "swap" (func $swap (param i32 i32 i32)))
      (import "" "boom" (func $boom))
      (import "" "bad-option" (func $bad-option (param i32)))
      (import "" "mem" (memory 1))
      (func (export "add") (param i32 i32) (result i32) (call $add (local.get 0) (local.get 1)))
      (func (export "add64") (param i64 f64) (result f64) (call $add64 (local.get 0) (local.get 1)))
      (func (export "sum") (param i32 i32) (result i32) (call $sum (local.get 0) (local.get 1)))
      ;; swap(a, b) read back from the return area at 200: b * 1000 + a.
      (func (export "swap") (param i32 i32) (result i32)
        (call $swap (local.get 0) (local.get 1) (i32.const 200))
        (i32.add (i32.mul (i32.load (i32.const 200)) (i32.const 1000)) (i32.load (i32.const 204))))
      (func (export "boom") (call $boom))
      (func (export "bad-option") (call $bad-option (i32.const 208)))
    )
    (core instance $i (instantiate $m (with "" (instance
      (export "add" (func $add)) (export "add64" (func $add64)) (export "sum" (func $sum))
      (export "swap" (func $swap)) (export "boom" (func $boom)) (export "bad-option" (func $bad-option))
      (export "mem" (memory $mem))))))
    (func (export "add") (param "a" u32) (param "b" u32) (result u32) (canon lift (core func $i "add")))
    (func (export "add64") (param "a" s64) (param "b" f64) (result f64) (canon lift (core func $i "add64")))
    (func (export "sum") (param "p" u32) (param "n" u32) (result u32) (canon lift (core func $i "sum")))
    (func (export "swap") (param "a" u32) (param "b" u32) (result u32) (canon lift (core func $i "swap")))
    (func (export "boom") (canon lift (core func $i "boom")))
    (func (export "bad-option") (canon lift (core func $i "bad-option")))
  )
  (instance $callee (instantiate $callee))
  (instance $caller (instantiate $caller (with "callee" (instance $callee))))
  (export "add" (func $caller "add"))
  (export "add64" (func $caller "add64"))
  (export "sum" (func $caller "sum"))
  (export "swap" (func $caller "swap"))
  (export "boom" (func $caller "boom"))
  (export "bad-option" (func $caller "bad-option"))
  (export "posts" (func $callee "posts"))
)
(component instance $t $T)
(assert_return (invoke "add" (u32.const 40) (u32.const 2)) (u32.const 42))
(assert_return (invoke "add64" (s64.const -3) (f64.const 0.5)) (f64.const -2.5))
(assert_return (invoke "sum" (u32.const 100) (u32.const 4)) (u32.const 10))
(assert_return (invoke "sum" (u32.const 100) (u32.const 0)) (u32.const 0))
(assert_return (invoke "posts") (u32.const 0))
(assert_return (invoke "swap" (u32.const 1) (u32.const 2)) (u32.const 2001))
;; The callee's post-return ran once, after its results were copied.
(assert_return (invoke "posts") (u32.const 1))

;; Traps: in the callee, in lifting the callee's result, and a list
;; outside the caller's memory.
(assert_trap (invoke "boom") "unreachable")
(component instance $t $T)
(assert_trap (invoke "bad-option") "invalid variant discriminant")
(component instance $t $T)
(assert_trap (invoke "sum" (u32.const 65532) (u32.const 2)) "list content out-of-bounds")
(component instance $t $T)
(assert_trap (invoke "sum" (u32.const 102) (u32.const 1)) "unaligned pointer")

;; Reentrance: a component calling, through an adapter, an export of its
;; own instance traps instead of entering it again.
(component
  (core module $a (func (export "f") (result i32) i32.const 7))
  (core instance $a (instantiate $a))
  (func $f (result u32) (canon lift (core func $a "f")))
  (core func $lowered-f (canon lower (func $f)))
  (core module $b
    (import "" "f" (func $f (result i32)))
    (func (export "g") (result i32) (call $f)))
  (core instance $b (instantiate $b (with "" (instance (export "f" (func $lowered-f))))))
  (func (export "f") (result u32) (canon lift (core func $a "f")))
  (func (export "g") (result u32) (canon lift (core func $b "g")))
)
(assert_return (invoke "f") (u32.const 7))
(assert_trap (invoke "g") "cannot enter component instance")
