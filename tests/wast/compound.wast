;; Compound value types through exports: list, record, tuple, variant,
;; enum, option, result and flags, flat and in memory, lowered through the
;; guest's realloc and lifted back, and the traps of bad discriminants,
;; pointers and lengths.
;;
;; Most exports share one core function, `pair`, which stores its two i32
;; arguments at address 8 and returns 8: lifted as an 8-byte result it is
;; a string, a list, an option<u32>, a result<u32, u32>, a variant, a
;; tuple<u32, u32>, ... and a `list<T>` echo is `pair` with the list's
;; (pointer, length) given back.

(component definition $C
  (core module $m
    (memory (export "mem") 1)
    (global $next (mut i32) (i32.const 1024))
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $p i32)
      ;; Shrinking keeps the block; growing copies the old contents.
      (if (i32.and (i32.ne (local.get 0) (i32.const 0)) (i32.le_u (local.get 3) (local.get 1)))
        (then (return (local.get 0))))
      (local.set $p
        (i32.and
          (i32.add (global.get $next) (i32.sub (local.get 2) (i32.const 1)))
          (i32.xor (i32.sub (local.get 2) (i32.const 1)) (i32.const -1))))
      (global.set $next (i32.add (local.get $p) (local.get 3)))
      (if (i32.ne (local.get 0) (i32.const 0))
        (then (memory.copy (local.get $p) (local.get 0) (local.get 1))))
      (local.get $p))
    (func (export "pair") (param i32 i32) (result i32)
      (i32.store (i32.const 8) (local.get 0))
      (i32.store (i32.const 12) (local.get 1))
      (i32.const 8))
    (func (export "id") (param i32) (result i32) local.get 0)
    (func (export "sum") (param i32 i32 i32) (result i32)
      (i32.add (local.get 0) (i32.add (local.get 1) (local.get 2))))
    ;; The 17th parameter of a spilled parameter list: the host stored the
    ;; parameters in memory and passes their address.
    (func (export "seventeenth") (param i32) (result i32) (i32.load offset=64 (local.get 0)))
    (func (export "at") (param i32) (result i32) local.get 0)
    (data (i32.const 200) "\01\00\00\00\02\00\00\00\03\00\00\00")
    (data (i32.const 300) "\05\00\00\00\07\00\00\00")
  )
  (core instance $i (instantiate $m))
  (alias core export $i "mem" (core memory $mem))
  (alias core export $i "realloc" (core func $realloc))

;; Records, variants, enums and flags are nominal: an export's signature
  ;; may use them only through an exported type.
  (type $rec' (record (field "a" u8) (field "b" u32) (field "c" string)))
  (type $var' (variant (case "none") (case "num" u32) (case "text" string) (case "pair" (tuple u8 s64))))
  (type $en' (enum "red" "green" "blue"))
  (type $fl' (flags "read" "write" "exec"))
  (type $xyz' (record (field "x" u8) (field "y" u16) (field "z" u32)))
  (type $lohi' (record (field "lo" u32) (field "hi" s32)))
  (type $abc' (variant (case "a") (case "b" u32) (case "c" f32)))
  (export $rec "rec" (type $rec'))
  (export $var "var" (type $var'))
  (export $en "color" (type $en'))
  (export $fl "perms" (type $fl'))
  (export $xyz "xyz" (type $xyz'))
  (export $lohi "lohi" (type $lohi'))
  (export $abc "abc" (type $abc'))
  (type $opt (option (option u32)))
  (type $res (result (list u8) (error string)))

  ;; Echoes of lists of each kind of element: the list is lowered into the
  ;; guest's memory by realloc and lifted back from there.
  (func (export "list-u8") (param "l" (list u8)) (result (list u8))
    (canon lift (core func $i "pair") (memory $mem) (realloc $realloc)))
  (func (export "list-u64") (param "l" (list u64)) (result (list u64))
    (canon lift (core func $i "pair") (memory $mem) (realloc $realloc)))
  (func (export "list-f64") (param "l" (list f64)) (result (list f64))
    (canon lift (core func $i "pair") (memory $mem) (realloc $realloc)))
  (func (export "list-string") (param "l" (list string)) (result (list string))
    (canon lift (core func $i "pair") (memory $mem) (realloc $realloc)))
  (func (export "list-list") (param "l" (list (list char))) (result (list (list char)))
    (canon lift (core func $i "pair") (memory $mem) (realloc $realloc)))
  (func (export "list-record") (param "l" (list $rec)) (result (list $rec))
    (canon lift (core func $i "pair") (memory $mem) (realloc $realloc)))
  (func (export "list-tuple") (param "l" (list (tuple bool u16 f32))) (result (list (tuple bool u16 f32)))
    (canon lift (core func $i "pair") (memory $mem) (realloc $realloc)))
  (func (export "list-variant") (param "l" (list $var)) (result (list $var))
    (canon lift (core func $i "pair") (memory $mem) (realloc $realloc)))
  (func (export "list-enum") (param "l" (list $en)) (result (list $en))
    (canon lift (core func $i "pair") (memory $mem) (realloc $realloc)))
  (func (export "list-flags") (param "l" (list $fl)) (result (list $fl))
    (canon lift (core func $i "pair") (memory $mem) (realloc $realloc)))
  (func (export "list-option") (param "l" (list $opt)) (result (list $opt))
    (canon lift (core func $i "pair") (memory $mem) (realloc $realloc)))
  (func (export "list-result") (param "l" (list $res)) (result (list $res))
    (canon lift (core func $i "pair") (memory $mem) (realloc $realloc)))
  (func (export "list-empty-result") (param "l" (list (result))) (result (list (result)))
    (canon lift (core func $i "pair") (memory $mem) (realloc $realloc)))

  ;; Flat parameters: a record, a tuple and flags passed as core values.
  (func (export "record-sum") (param "r" $xyz) (result u32)
    (canon lift (core func $i "sum")))
  (func (export "tuple-sum") (param "t" (tuple u32 u32 u32)) (result u32)
    (canon lift (core func $i "sum")))
  (func (export "flags-bits") (param "f" $fl) (result u32) (canon lift (core func $i "id")))
  (func (export "enum-index") (param "e" $en) (result u32) (canon lift (core func $i "id")))
  ;; Flat results lifted from one i32.
  (func (export "bits-flags") (param "b" u32) (result $fl) (canon lift (core func $i "id")))
  (func (export "index-enum") (param "i" u32) (result $en) (canon lift (core func $i "id")))
  ;; Results lifted from the two i32s `pair` stores.
  (func (export "as-option") (param "d" u32) (param "v" u32) (result (option u32))
    (canon lift (core func $i "pair") (memory $mem)))
  (func (export "as-result") (param "d" u32) (param "v" u32) (result (result u32 (error u32)))
    (canon lift (core func $i "pair") (memory $mem)))
  (func (export "as-variant") (param "d" u32) (param "v" u32) (result $abc)
    (canon lift (core func $i "pair") (memory $mem)))
  (func (export "as-tuple") (param "a" u32) (param "b" u32) (result (tuple bool char))
    (canon lift (core func $i "pair") (memory $mem)))
  (func (export "as-record") (param "a" u32) (param "b" u32) (result $lohi)
    (canon lift (core func $i "pair") (memory $mem)))
  (func (export "as-list-u32") (param "p" u32) (param "n" u32) (result (list u32))
    (canon lift (core func $i "pair") (memory $mem)))
  (func (export "as-list-u64") (param "p" u32) (param "n" u32) (result (list u64))
    (canon lift (core func $i "pair") (memory $mem)))
  ;; A result pointer returned as is.
  (func (export "tuple-at") (param "p" u32) (result (tuple u32 u32))
    (canon lift (core func $i "at") (memory $mem)))
  ;; Seventeen parameters spill to memory through realloc.
  (func (export "many")
    (param "a1" u32) (param "a2" u32) (param "a3" u32) (param "a4" u32) (param "a5" u32)
    (param "a6" u32) (param "a7" u32) (param "a8" u32) (param "a9" u32) (param "a10" u32)
    (param "a11" u32) (param "a12" u32) (param "a13" u32) (param "a14" u32) (param "a15" u32)
    (param "a16" u32) (param "a17" u32) (result u32)
    (canon lift (core func $i "seventeenth") (memory $mem) (realloc $realloc)))
)
(component instance $c $C)

(assert_return (invoke "list-u8" (list.const)) (list.const))
(assert_return (invoke "list-u8" (list.const (u8.const 1) (u8.const 255))) (list.const (u8.const 1) (u8.const 255)))
(assert_return (invoke "list-u64" (list.const (u64.const 1) (u64.const 18446744073709551615)))
  (list.const (u64.const 1) (u64.const 18446744073709551615)))
(assert_return (invoke "list-f64" (list.const (f64.const 0.5) (f64.const -0) (f64.const nan)))
  (list.const (f64.const 0.5) (f64.const -0) (f64.const nan)))
(assert_return (invoke "list-string" (list.const (str.const "a") (str.const "") (str.const "\u{1f600}")))
  (list.const (str.const "a") (str.const "") (str.const "\u{1f600}")))
(assert_return (invoke "list-list" (list.const (list.const (char.const "x") (char.const "\u{10ffff}")) (list.const)))
  (list.const (list.const (char.const "x") (char.const "\u{10ffff}")) (list.const)))
(assert_return
  (invoke "list-record" (list.const
    (record.const (field "a" u8.const 1) (field "b" u32.const 2) (field "c" str.const "three"))
    (record.const (field "a" u8.const 255) (field "b" u32.const 0) (field "c" str.const ""))))
  (list.const
    (record.const (field "a" u8.const 1) (field "b" u32.const 2) (field "c" str.const "three"))
    (record.const (field "a" u8.const 255) (field "b" u32.const 0) (field "c" str.const ""))))
(assert_return
  (invoke "list-tuple" (list.const (tuple.const (bool.const true) (u16.const 7) (f32.const -1.5))))
  (list.const (tuple.const (bool.const true) (u16.const 7) (f32.const -1.5))))
(assert_return
  (invoke "list-variant" (list.const
    (variant.const "none")
    (variant.const "num" (u32.const 42))
    (variant.const "text" (str.const "hi"))
    (variant.const "pair" (tuple.const (u8.const 9) (s64.const -9)))))
  (list.const
    (variant.const "none")
    (variant.const "num" (u32.const 42))
    (variant.const "text" (str.const "hi"))
    (variant.const "pair" (tuple.const (u8.const 9) (s64.const -9)))))
(assert_return (invoke "list-enum" (list.const (enum.const "blue") (enum.const "red")))
  (list.const (enum.const "blue") (enum.const "red")))
(assert_return (invoke "list-flags" (list.const (flags.const) (flags.const "read" "exec") (flags.const "write")))
  (list.const (flags.const) (flags.const "read" "exec") (flags.const "write")))
(assert_return
  (invoke "list-option" (list.const (option.none) (option.some (option.none)) (option.some (option.some (u32.const 5)))))
  (list.const (option.none) (option.some (option.none)) (option.some (option.some (u32.const 5)))))
(assert_return
  (invoke "list-result" (list.const (result.ok (list.const (u8.const 1))) (result.err (str.const "bad"))))
  (list.const (result.ok (list.const (u8.const 1))) (result.err (str.const "bad"))))
(assert_return (invoke "list-empty-result" (list.const (result.ok) (result.err)))
  (list.const (result.ok) (result.err)))

(assert_return
  (invoke "record-sum" (record.const (field "x" u8.const 1) (field "y" u16.const 2) (field "z" u32.const 3)))
  (u32.const 6))
(assert_return (invoke "tuple-sum" (tuple.const (u32.const 10) (u32.const 20) (u32.const 30))) (u32.const 60))
(assert_return (invoke "flags-bits" (flags.const)) (u32.const 0))
(assert_return (invoke "flags-bits" (flags.const "read" "exec")) (u32.const 5))
(assert_return (invoke "flags-bits" (flags.const "exec" "write" "read")) (u32.const 7))
(assert_return (invoke "enum-index" (enum.const "blue")) (u32.const 2))
(assert_return (invoke "bits-flags" (u32.const 6)) (flags.const "write" "exec"))
;; Bits past the last flag are ignored.
(assert_return (invoke "bits-flags" (u32.const 0xfffffff9)) (flags.const "read"))
(assert_return (invoke "index-enum" (u32.const 1)) (enum.const "green"))
(assert_return (invoke "as-option" (u32.const 0) (u32.const 99)) (option.none))
(assert_return (invoke "as-option" (u32.const 1) (u32.const 99)) (option.some (u32.const 99)))
(assert_return (invoke "as-result" (u32.const 0) (u32.const 4)) (result.ok (u32.const 4)))
(assert_return (invoke "as-result" (u32.const 1) (u32.const 4)) (result.err (u32.const 4)))
(assert_return (invoke "as-variant" (u32.const 0) (u32.const 1)) (variant.const "a"))
(assert_return (invoke "as-variant" (u32.const 1) (u32.const 1)) (variant.const "b" (u32.const 1)))
(assert_return (invoke "as-variant" (u32.const 2) (u32.const 0x3fc00000)) (variant.const "c" (f32.const 1.5)))
;; A bool in memory is any non-zero byte.
(assert_return (invoke "as-tuple" (u32.const 2) (u32.const 0x41)) (tuple.const (bool.const true) (char.const "A")))
(assert_return (invoke "as-tuple" (u32.const 0x100) (u32.const 0x41)) (tuple.const (bool.const false) (char.const "A")))
(assert_return (invoke "as-record" (u32.const 1) (u32.const 0xffffffff))
  (record.const (field "lo" u32.const 1) (field "hi" s32.const -1)))
(assert_return (invoke "as-list-u32" (u32.const 200) (u32.const 3)) (list.const (u32.const 1) (u32.const 2) (u32.const 3)))
(assert_return (invoke "as-list-u32" (u32.const 65536) (u32.const 0)) (list.const))
(assert_return (invoke "tuple-at" (u32.const 300)) (tuple.const (u32.const 5) (u32.const 7)))
(assert_return (invoke "many"
  (u32.const 1) (u32.const 2) (u32.const 3) (u32.const 4) (u32.const 5) (u32.const 6) (u32.const 7) (u32.const 8)
  (u32.const 9) (u32.const 10) (u32.const 11) (u32.const 12) (u32.const 13) (u32.const 14) (u32.const 15)
  (u32.const 16) (u32.const 17))
  (u32.const 17))

;; Traps: discriminants past the last case.
(assert_trap (invoke "index-enum" (u32.const 3)) "invalid discriminant")
(component instance $c $C)
(assert_trap (invoke "as-option" (u32.const 2) (u32.const 0)) "invalid variant discriminant")
(component instance $c $C)
(assert_trap (invoke "as-result" (u32.const 2) (u32.const 0)) "invalid variant discriminant")
(component instance $c $C)
(assert_trap (invoke "as-variant" (u32.const 3) (u32.const 0)) "invalid variant discriminant")
;; A char in memory that is a surrogate.
(component instance $c $C)
(assert_trap (invoke "as-tuple" (u32.const 1) (u32.const 0xd800)) "invalid `char` bit pattern")
;; Lists: misaligned, past the end, a length whose byte size overflows.
(component instance $c $C)
(assert_trap (invoke "as-list-u32" (u32.const 202) (u32.const 1)) "list pointer is not aligned")
(component instance $c $C)
(assert_trap (invoke "as-list-u32" (u32.const 65532) (u32.const 2)) "list pointer/length out of bounds of memory")
(component instance $c $C)
(assert_trap (invoke "as-list-u64" (u32.const 8) (u32.const 0x20000001)) "list pointer/length out of bounds of memory")
(component instance $c $C)
(assert_trap (invoke "as-list-u32" (u32.const 65540) (u32.const 0)) "list pointer/length out of bounds of memory")
;; Result pointers: misaligned, past the end.
(component instance $c $C)
(assert_trap (invoke "tuple-at" (u32.const 302)) "return pointer not aligned")
(component instance $c $C)
(assert_trap (invoke "tuple-at" (u32.const 65532)) "pointer out of bounds of memory")
