;; Scalars lifted and lowered through exports: integers of every width
;; (a core i32 wider than the type is truncated on lift: the spec's
;; `lift_flat` wraps it), bool (any non-zero i32 lifts as true), floats
;; (NaN stays a NaN), and char (a value that is not a Unicode scalar value
;; traps).

(component
  (core module $m
    (func (export "id-i32") (param i32) (result i32) local.get 0)
    (func (export "id-i64") (param i64) (result i64) local.get 0)
    (func (export "id-f32") (param f32) (result f32) local.get 0)
    (func (export "id-f64") (param f64) (result f64) local.get 0)
    (func (export "const") (param i32) (result i32) local.get 0)
    (func (export "nan32") (result f32) f32.const nan:0x200000)
    (func (export "nan64") (result f64) f64.const -nan:0x1)
    (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  )
  (core instance $i (instantiate $m))
  (func (export "bool") (param "x" bool) (result bool) (canon lift (core func $i "id-i32")))
  (func (export "s8") (param "x" s8) (result s8) (canon lift (core func $i "id-i32")))
  (func (export "u8") (param "x" u8) (result u8) (canon lift (core func $i "id-i32")))
  (func (export "s16") (param "x" s16) (result s16) (canon lift (core func $i "id-i32")))
  (func (export "u16") (param "x" u16) (result u16) (canon lift (core func $i "id-i32")))
  (func (export "s32") (param "x" s32) (result s32) (canon lift (core func $i "id-i32")))
  (func (export "u32") (param "x" u32) (result u32) (canon lift (core func $i "id-i32")))
  (func (export "s64") (param "x" s64) (result s64) (canon lift (core func $i "id-i64")))
  (func (export "u64") (param "x" u64) (result u64) (canon lift (core func $i "id-i64")))
  (func (export "f32") (param "x" f32) (result f32) (canon lift (core func $i "id-f32")))
  (func (export "f64") (param "x" f64) (result f64) (canon lift (core func $i "id-f64")))
  (func (export "char") (param "x" char) (result char) (canon lift (core func $i "id-i32")))
  ;; The core function returns whatever i32 it is given, lifted as these types.
  (func (export "i32-as-bool") (param "x" s32) (result bool) (canon lift (core func $i "const")))
  (func (export "i32-as-u8") (param "x" s32) (result u8) (canon lift (core func $i "const")))
  (func (export "i32-as-s8") (param "x" s32) (result s8) (canon lift (core func $i "const")))
  (func (export "i32-as-u16") (param "x" s32) (result u16) (canon lift (core func $i "const")))
  (func (export "i32-as-s16") (param "x" s32) (result s16) (canon lift (core func $i "const")))
  (func (export "i32-as-char") (param "x" s32) (result char) (canon lift (core func $i "const")))
  (func (export "nan32") (result f32) (canon lift (core func $i "nan32")))
  (func (export "nan64") (result f64) (canon lift (core func $i "nan64")))
  (func (export "add") (param "a" u32) (param "b" u32) (result u32) (canon lift (core func $i "add")))
)

(assert_return (invoke "bool" (bool.const true)) (bool.const true))
(assert_return (invoke "bool" (bool.const false)) (bool.const false))
(assert_return (invoke "s8" (s8.const -128)) (s8.const -128))
(assert_return (invoke "s8" (s8.const 127)) (s8.const 127))
(assert_return (invoke "u8" (u8.const 255)) (u8.const 255))
(assert_return (invoke "s16" (s16.const -32768)) (s16.const -32768))
(assert_return (invoke "u16" (u16.const 65535)) (u16.const 65535))
(assert_return (invoke "s32" (s32.const -2147483648)) (s32.const -2147483648))
(assert_return (invoke "u32" (u32.const 4294967295)) (u32.const 4294967295))
(assert_return (invoke "s64" (s64.const -9223372036854775808)) (s64.const -9223372036854775808))
(assert_return (invoke "u64" (u64.const 18446744073709551615)) (u64.const 18446744073709551615))
(assert_return (invoke "f32" (f32.const 1.5)) (f32.const 1.5))
(assert_return (invoke "f32" (f32.const -0)) (f32.const -0))
(assert_return (invoke "f32" (f32.const inf)) (f32.const inf))
(assert_return (invoke "f32" (f32.const nan)) (f32.const nan))
(assert_return (invoke "f64" (f64.const -2.25)) (f64.const -2.25))
(assert_return (invoke "f64" (f64.const -inf)) (f64.const -inf))
(assert_return (invoke "f64" (f64.const nan:0x4)) (f64.const nan))
(assert_return (invoke "nan32") (f32.const nan))
(assert_return (invoke "nan64") (f64.const nan))
(assert_return (invoke "char" (char.const "a")) (char.const "a"))
(assert_return (invoke "char" (char.const "\u{10ffff}")) (char.const "\u{10ffff}"))
(assert_return (invoke "char" (char.const "\u{d7ff}")) (char.const "\u{d7ff}"))
(assert_return (invoke "char" (char.const "\u{e000}")) (char.const "\u{e000}"))
(assert_return (invoke "add" (u32.const 40) (u32.const 2)) (u32.const 42))

;; bool: zero is false, any other i32 is true.
(assert_return (invoke "i32-as-bool" (s32.const 0)) (bool.const false))
(assert_return (invoke "i32-as-bool" (s32.const 1)) (bool.const true))
(assert_return (invoke "i32-as-bool" (s32.const 2)) (bool.const true))
(assert_return (invoke "i32-as-bool" (s32.const -1)) (bool.const true))

;; Narrow integers keep the low bits of the core i32.
(assert_return (invoke "i32-as-u8" (s32.const 0x1ff)) (u8.const 0xff))
(assert_return (invoke "i32-as-s8" (s32.const 0x180)) (s8.const -128))
(assert_return (invoke "i32-as-u16" (s32.const -1)) (u16.const 0xffff))
(assert_return (invoke "i32-as-s16" (s32.const 0x18000)) (s16.const -32768))

;; char: surrogates and values past 0x10ffff are not Unicode scalar values.
(assert_return (invoke "i32-as-char" (s32.const 0x41)) (char.const "A"))
(assert_trap (invoke "i32-as-char" (s32.const 0xd800)) "invalid `char` bit pattern")
(component
  (core module $m (func (export "const") (param i32) (result i32) local.get 0))
  (core instance $i (instantiate $m))
  (func (export "i32-as-char") (param "x" s32) (result char) (canon lift (core func $i "const")))
)
(assert_trap (invoke "i32-as-char" (s32.const 0xdfff)) "invalid `char` bit pattern")
(component
  (core module $m (func (export "const") (param i32) (result i32) local.get 0))
  (core instance $i (instantiate $m))
  (func (export "i32-as-char") (param "x" s32) (result char) (canon lift (core func $i "const")))
)
(assert_trap (invoke "i32-as-char" (s32.const 0x110000)) "invalid `char` bit pattern")
(component
  (core module $m (func (export "const") (param i32) (result i32) local.get 0))
  (core instance $i (instantiate $m))
  (func (export "i32-as-char") (param "x" s32) (result char) (canon lift (core func $i "const")))
)
(assert_trap (invoke "i32-as-char" (s32.const -1)) "invalid `char` bit pattern")

;; The core forms of arguments and results work for 32- and 64-bit types.
(component
  (core module $m
    (func (export "id-i32") (param i32) (result i32) local.get 0)
    (func (export "id-i64") (param i64) (result i64) local.get 0))
  (core instance $i (instantiate $m))
  (func (export "u32") (param "x" u32) (result u32) (canon lift (core func $i "id-i32")))
  (func (export "s64") (param "x" s64) (result s64) (canon lift (core func $i "id-i64")))
)
(assert_return (invoke "u32" (i32.const -1)) (i32.const -1))
(assert_return (invoke "s64" (i64.const 7)) (i64.const 7))
