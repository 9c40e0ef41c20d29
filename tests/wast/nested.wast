;; Sub-components instantiated several times (each instance has its own
;; core state and its own handle table), exported instances, re-exports
;; of a nested instance's functions under other names, export type
;; ascription, and core `start` functions, which run during
;; instantiation (a trapping one fails the instantiation).

(component
  (component $counter
    (core module $m
      (global $n (mut i32) (i32.const 0))
      (func (export "inc") (result i32)
        (global.set $n (i32.add (global.get $n) (i32.const 1)))
        (global.get $n)))
    (core instance $i (instantiate $m))
    (func (export "inc") (result u32) (canon lift (core func $i "inc"))))
  (component $handles
    (type $r (resource (rep i32)))
    (core func $new (canon resource.new $r))
    (core module $m
      (import "" "new" (func $new (param i32) (result i32)))
      (func (export "make") (result i32) (call $new (i32.const 0))))
    (core instance $i (instantiate $m (with "" (instance (export "new" (func $new))))))
    (func (export "make") (result u32) (canon lift (core func $i "make"))))
  (instance $a (instantiate $counter))
  (instance $b (instantiate $counter))
  (instance $h1 (instantiate $handles))
  (instance $h2 (instantiate $handles))
  (export "a-inc" (func $a "inc"))
  (export "b-inc" (func $b "inc"))
  (export "h1-make" (func $h1 "make"))
  (export "h2-make" (func $h2 "make"))
  ;; The same function exported twice, once with its type ascribed.
  (export "a-inc-again" (func $a "inc") (func (result u32)))
  ;; A whole instance exported.
  (export "b" (instance $b))
)
(assert_return (invoke "a-inc") (u32.const 1))
(assert_return (invoke "a-inc") (u32.const 2))
(assert_return (invoke "b-inc") (u32.const 1))
(assert_return (invoke "a-inc-again") (u32.const 3))
(assert_return (invoke "b-inc") (u32.const 2))
(assert_return (invoke "h1-make") (u32.const 1))
(assert_return (invoke "h1-make") (u32.const 2))
(assert_return (invoke "h2-make") (u32.const 1))

;; Two levels of nesting; the inner component is instantiated inside each
;; instance of the middle one.
(component
  (component $middle
    (component $leaf
      (core module $m
        (global $n (mut i32) (i32.const 100))
        (func (export "next") (result i32)
          (global.set $n (i32.add (global.get $n) (i32.const 1)))
          (global.get $n)))
      (core instance $i (instantiate $m))
      (func (export "next") (result u32) (canon lift (core func $i "next"))))
    (instance $l (instantiate $leaf))
    (export "next" (func $l "next")))
  (instance $m1 (instantiate $middle))
  (instance $m2 (instantiate $middle))
  (export "m1" (func $m1 "next"))
  (export "m2" (func $m2 "next"))
)
(assert_return (invoke "m1") (u32.const 101))
(assert_return (invoke "m1") (u32.const 102))
(assert_return (invoke "m2") (u32.const 101))

;; A sub-component whose function is given to another as an import is a
;; call between sub-components: see adapters-*.wast.

;; Core start functions run while instantiating.
(component
  (core module $m
    (global $started (mut i32) (i32.const 0))
    (func $start (global.set $started (i32.const 7)))
    (start $start)
    (func (export "started") (result i32) global.get $started))
  (core instance $i (instantiate $m))
  (func (export "started") (result u32) (canon lift (core func $i "started")))
)
(assert_return (invoke "started") (u32.const 7))

;; One core instance's start sees the state another core instance left.
(component
  (core module $a
    (global (export "g") (mut i32) (i32.const 1)))
  (core module $b
    (import "a" "g" (global $g (mut i32)))
    (func $start (global.set $g (i32.mul (global.get $g) (i32.const 10))))
    (start $start)
    (func (export "g") (result i32) global.get $g))
  (core instance $a (instantiate $a))
  (core instance $b1 (instantiate $b (with "a" (instance $a))))
  (core instance $b2 (instantiate $b (with "a" (instance $a))))
  (func (export "g") (result u32) (canon lift (core func $b2 "g")))
)
(assert_return (invoke "g") (u32.const 100))

;; A start function that traps fails the instantiation with a trap.
(assert_trap
  (component
    (core module $m (func $start unreachable) (start $start))
    (core instance $i (instantiate $m)))
  "unreachable")
;; So does one that accesses memory out of bounds.
(assert_trap
  (component
    (core module $m
      (memory 1)
      (func $start (drop (i32.load (i32.const 65536))))
      (start $start))
    (core instance $i (instantiate $m)))
  "out of bounds memory access")
