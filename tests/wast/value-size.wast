;; No value type may take more than 2^28 - 1 bytes in memory, at either
;; pointer width (a `string` or `list` counts 16 bytes, its 64-bit size).
;; Only fixed-length lists reach the bound, alone or inside other types,
;; and a map's entry (its key and value as a tuple) is bounded too.
;; wasmtime 48 predates the rule (and gates fixed-length lists), so this
;; file runs on witbind's engines only.

;; At the bound.
(component (type (list u32 67108863)))
(component (type (list string 16777215)))
(component (type (tuple (list u8 268435440) u64)))

;; One element, or one field, past it.
(assert_invalid (component (type (list u32 67108864))) "exceeds maximum byte size")
(assert_invalid (component (type (list string 16777216))) "exceeds maximum byte size")
(assert_invalid
  (component (type (tuple (list u8 268435441) u64)))
  "exceeds maximum byte size")
(assert_invalid
  (component (type (record (field "a" (list u16 134217727)) (field "b" u16))))
  "exceeds maximum byte size")
(assert_invalid
  (component (type (variant (case "a" (list u8 268435455)) (case "b"))))
  "exceeds maximum byte size")
(assert_invalid
  (component (type (list (list u8 134217728) 2)))
  "exceeds maximum byte size")

;; A map's entry: a 16-byte string key, then the value, the whole rounded
;; up to the key's alignment of 8.
(component (type (map string (list u8 268435432))))
(assert_invalid
  (component (type (result (map string (list u8 268435433)))))
  "exceeds maximum byte size")

;; Types declared in nested components and instance types, and types an
;; outer alias brings in.
(assert_invalid
  (component (component (type (instance (type (list u64 33554432))))))
  "exceeds maximum byte size")
(assert_invalid
  (component
    (type $half (list u8 134217728))
    (component (alias outer 1 $half (type $h)) (type (tuple $h $h))))
  "exceeds maximum byte size")
