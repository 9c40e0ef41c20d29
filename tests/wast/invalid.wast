;; Components witbind must refuse to load: malformed binaries and text,
;; and invalid components (type errors, missing canonical options,
;; duplicate or ill-formed names, borrows where they cannot be).

(assert_malformed
  (component binary "\00asm" "\0d\00\01\00" "\ff")
  "malformed section id")
(assert_malformed
  (component binary "\00asm" "\0d\00")
  "unexpected end")
(assert_malformed
  (component binary "\00bad" "\0d\00\01\00")
  "magic header")
(assert_malformed
  (component binary "\00asm" "\0e\00\01\00")
  "unknown binary version")
(assert_malformed
  (component quote "(core module $m (func (export \"f\") (result i32)))) extra")
  "unexpected token")
(assert_malformed
  (component quote "(func (export \"f\") (canon lift (core func $nowhere \"f\")))")
  "unknown")

;; A core function whose signature does not match the lifted type.
(assert_invalid
  (component
    (core module $m (func (export "f") (param i64) (result i32) i32.const 0))
    (core instance $i (instantiate $m))
    (func (export "f") (param "x" u32) (result u32) (canon lift (core func $i "f"))))
  "do not match parameter types")
;; A string needs a memory, and lowering one into the guest a realloc.
(assert_invalid
  (component
    (core module $m (func (export "f") (param i32 i32)))
    (core instance $i (instantiate $m))
    (func (export "f") (param "s" string) (canon lift (core func $i "f"))))
  "canonical option `memory` is required")
(assert_invalid
  (component
    (core module $m (memory (export "mem") 1) (func (export "f") (param i32 i32)))
    (core instance $i (instantiate $m))
    (func (export "f") (param "s" string)
      (canon lift (core func $i "f") (memory (core memory $i "mem")))))
  "canonical option `realloc` is required")
;; post-return takes the core results and returns nothing.
(assert_invalid
  (component
    (core module $m
      (func (export "f") (result i32) i32.const 0)
      (func (export "post") (param i32 i32)))
    (core instance $i (instantiate $m))
    (func (export "f") (result u32)
      (canon lift (core func $i "f") (post-return (core func $i "post")))))
  "uses a core function with an incorrect signature")
;; realloc's type is (i32, i32, i32, i32) -> i32.
(assert_invalid
  (component
    (core module $m
      (memory (export "mem") 1)
      (func (export "f") (param i32 i32))
      (func (export "realloc") (param i32) (result i32) i32.const 0))
    (core instance $i (instantiate $m))
    (func (export "f") (param "s" string)
      (canon lift (core func $i "f") (memory (core memory $i "mem")) (realloc (core func $i "realloc")))))
  "uses a core function with an incorrect signature")
;; Two exports of one name.
(assert_invalid
  (component
    (core module $m (func (export "f")))
    (core instance $i (instantiate $m))
    (func $f (canon lift (core func $i "f")))
    (export "f" (func $f))
    (export "f" (func $f)))
  "conflicts with previous name")
;; Names are kebab-case.
(assert_invalid
  (component
    (core module $m (func (export "f")))
    (core instance $i (instantiate $m))
    (func $f (canon lift (core func $i "f")))
    (export "Not_Kebab" (func $f)))
  "not in kebab case")
;; A borrow cannot be a result.
(assert_invalid
  (component
    (type $r (resource (rep i32)))
    (export $e "r" (type $r))
    (core module $m (func (export "f") (result i32) i32.const 0))
    (core instance $i (instantiate $m))
    (func (export "f") (result (borrow $e)) (canon lift (core func $i "f"))))
  "function result cannot contain a `borrow` type")
;; An export's signature may not use a type the component does not export.
(assert_invalid
  (component
    (type $rec (record (field "a" u32)))
    (core module $m (func (export "f") (param i32)))
    (core instance $i (instantiate $m))
    (func (export "f") (param "r" $rec) (canon lift (core func $i "f"))))
  "func not valid to be used as export")
;; Instantiating a core module without the import it needs.
(assert_invalid
  (component
    (core module $m (import "" "f" (func)))
    (core instance $i (instantiate $m)))
  "missing module instantiation argument")
;; A resource's rep is i32 (i64 only with 64-bit memories, `cm64`).
(assert_invalid
  (component (type $r (resource (rep i64))))
  "require the `cm64` feature")
;; An alias of an export the instance does not have.
(assert_invalid
  (component
    (core module $m)
    (core instance $i (instantiate $m))
    (alias core export $i "nope" (core func $f)))
  "has no export named `nope`")
;; An enum, variant or flags with no cases.
(assert_invalid
  (component (type (enum)))
  "enum type must have at least one variant")
(assert_invalid
  (component (type (flags)))
  "flags must have at least one entry")
;; A core module that does not validate.
(assert_invalid
  (component (core module (func (result i32))))
  "type mismatch")
