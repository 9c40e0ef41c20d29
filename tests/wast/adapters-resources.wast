;; Resources passed between sub-components: own handles move from the
;; provider's table to the user's (and back), a borrow lends a handle for
;; one call (the provider, which implements the resource, gets the rep),
;; the destructor runs when the last own handle is dropped, a callee that
;; keeps a borrowed handle past its call traps, and handles that were
;; given away or never existed trap.

(component definition $T
  ;; Defines the resource `r` (its rep is an i32) with a destructor that
  ;; records the last rep dropped.
  (component $provider
    (core module $state
      (global (export "dropped") (mut i32) (i32.const 0))
      (func (export "dtor") (param i32) (global.set 0 (local.get 0))))
    (core instance $s (instantiate $state))
    (type $r' (resource (rep i32) (dtor (core func $s "dtor"))))
    (export $r "r" (type $r'))
    (core func $new (canon resource.new $r'))
    (core func $rep (canon resource.rep $r'))
    (core module $m
      (import "" "new" (func $new (param i32) (result i32)))
      (import "" "rep" (func $rep (param i32) (result i32)))
      (import "" "dropped" (global $dropped (mut i32)))
      (func (export "make") (param i32) (result i32) (call $new (local.get 0)))
      ;; An own handle arrives in the provider's table: its rep.
      (func (export "take") (param i32) (result i32) (call $rep (local.get 0)))
      ;; A borrow of its own resource arrives as the rep itself.
      (func (export "peek") (param i32) (result i32) local.get 0)
      (func (export "dropped") (result i32) global.get $dropped))
    (core instance $i (instantiate $m (with "" (instance
      (export "new" (func $new)) (export "rep" (func $rep)) (export "dropped" (global $s "dropped"))))))
    (func (export "make") (param "rep" u32) (result (own $r)) (canon lift (core func $i "make")))
    (func (export "take") (param "h" (own $r)) (result u32) (canon lift (core func $i "take")))
    (func (export "peek") (param "h" (borrow $r)) (result u32) (canon lift (core func $i "peek")))
    (func (export "dropped") (result u32) (canon lift (core func $i "dropped"))))

  ;; Imports `r` without implementing it: a borrow arrives as a handle of
  ;; its own table, which it must drop before returning.
  (component $keeper
    (import "r" (type $r (sub resource)))
    (core func $drop (canon resource.drop $r))
    (core module $m
      (import "" "drop" (func $drop (param i32)))
      (func (export "keep") (param i32) (result i32) local.get 0)
      (func (export "check") (param i32) (result i32) (call $drop (local.get 0)) (i32.const 1)))
    (core instance $i (instantiate $m (with "" (instance (export "drop" (func $drop))))))
    (func (export "keep") (param "h" (borrow $r)) (result u32) (canon lift (core func $i "keep")))
    (func (export "check") (param "h" (borrow $r)) (result u32) (canon lift (core func $i "check"))))

  (component $user
    (import "provider" (instance $p
      (export "r" (type $r (sub resource)))
      (export "make" (func (param "rep" u32) (result (own $r))))
      (export "take" (func (param "h" (own $r)) (result u32)))
      (export "peek" (func (param "h" (borrow $r)) (result u32)))))
    (alias export $p "r" (type $r))
    (import "keeper" (instance $k
      (export "keep" (func (param "h" (borrow $r)) (result u32)))
      (export "check" (func (param "h" (borrow $r)) (result u32)))))
    (core func $make (canon lower (func $p "make")))
    (core func $take (canon lower (func $p "take")))
    (core func $peek (canon lower (func $p "peek")))
    (core func $keep (canon lower (func $k "keep")))
    (core func $check (canon lower (func $k "check")))
    (core func $drop (canon resource.drop $r))
    (core module $m
      (import "" "make" (func $make (param i32) (result i32)))
      (import "" "take" (func $take (param i32) (result i32)))
      (import "" "peek" (func $peek (param i32) (result i32)))
      (import "" "keep" (func $keep (param i32) (result i32)))
      (import "" "check" (func $check (param i32) (result i32)))
      (import "" "drop" (func $drop (param i32)))
      ;; A new resource: its handle in the user's table.
      (func (export "make") (param i32) (result i32) (call $make (local.get 0)))
      ;; Lend a handle to the provider: it sees the rep.
      (func (export "peek") (param i32) (result i32) (call $peek (local.get 0)))
      ;; Give a handle to the provider: it sees the rep; the handle is gone.
      (func (export "take") (param i32) (result i32) (call $take (local.get 0)))
      (func (export "drop") (param i32) (call $drop (local.get 0)))
      (func (export "check") (param i32) (result i32) (call $check (local.get 0)))
      (func (export "keep") (param i32) (result i32) (call $keep (local.get 0))))
    (core instance $i (instantiate $m (with "" (instance
      (export "make" (func $make)) (export "take" (func $take)) (export "peek" (func $peek))
      (export "keep" (func $keep)) (export "check" (func $check)) (export "drop" (func $drop))))))
    (func (export "make") (param "rep" u32) (result u32) (canon lift (core func $i "make")))
    (func (export "peek") (param "h" u32) (result u32) (canon lift (core func $i "peek")))
    (func (export "take") (param "h" u32) (result u32) (canon lift (core func $i "take")))
    (func (export "drop") (param "h" u32) (canon lift (core func $i "drop")))
    (func (export "check") (param "h" u32) (result u32) (canon lift (core func $i "check")))
    (func (export "keep") (param "h" u32) (result u32) (canon lift (core func $i "keep"))))

  (instance $provider (instantiate $provider))
  (alias export $provider "r" (type $r))
  (instance $keeper (instantiate $keeper (with "r" (type $r))))
  (instance $user (instantiate $user (with "provider" (instance $provider)) (with "keeper" (instance $keeper))))
  (export "make" (func $user "make"))
  (export "peek" (func $user "peek"))
  (export "take" (func $user "take"))
  (export "drop" (func $user "drop"))
  (export "check" (func $user "check"))
  (export "keep" (func $user "keep"))
  (export "dropped" (func $provider "dropped"))
)
(component instance $t $T)

;; Own handles move into the user's table, numbered from 1.
(assert_return (invoke "make" (u32.const 10)) (u32.const 1))
(assert_return (invoke "make" (u32.const 20)) (u32.const 2))
;; A borrow lends the handle for the call; the user still owns it.
(assert_return (invoke "peek" (u32.const 1)) (u32.const 10))
(assert_return (invoke "peek" (u32.const 1)) (u32.const 10))
;; A borrow to a component that does not implement the resource, which
;; drops it before returning.
(assert_return (invoke "check" (u32.const 2)) (u32.const 1))
(assert_return (invoke "dropped") (u32.const 0))
;; Dropping the last own handle runs the provider's destructor.
(invoke "drop" (u32.const 1))
(assert_return (invoke "dropped") (u32.const 10))
;; Giving the handle away moves it to the provider's table: no destructor
;; runs, and the user's slot is free again.
(assert_return (invoke "take" (u32.const 2)) (u32.const 20))
(assert_return (invoke "dropped") (u32.const 10))
(assert_return (invoke "make" (u32.const 30)) (u32.const 2))

;; Traps: a borrow kept past the call, a handle given away, a handle that
;; never existed, a handle dropped twice.
(assert_trap (invoke "keep" (u32.const 2)) "borrow handles still remain at the end of the call")
(component instance $t $T)
(assert_return (invoke "make" (u32.const 1)) (u32.const 1))
(assert_return (invoke "take" (u32.const 1)) (u32.const 1))
(assert_trap (invoke "peek" (u32.const 1)) "unknown handle index 1")
(component instance $t $T)
(assert_trap (invoke "take" (u32.const 5)) "unknown handle index 5")
(component instance $t $T)
(assert_return (invoke "make" (u32.const 1)) (u32.const 1))
(invoke "drop" (u32.const 1))
(assert_trap (invoke "drop" (u32.const 1)) "unknown handle index 1")
