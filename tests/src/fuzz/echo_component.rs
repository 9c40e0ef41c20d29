//! The component target `differential` runs: for each type of a fixed
//! family, exports that echo a value, show the bytes its lowering wrote, and
//! hand back bytes the caller forged for lifting.
//!
//! The guest's memory is one page. Every export's `post-return` zeroes what
//! the call used and rewinds the bump `realloc` (which always aligns to 8
//! and copies on growth), so that every call starts from the same memory on
//! either runtime, as a fresh instance does. For type `T` number `i` and
//! string encoding `e`:
//!
//! - `echo-i-e(x: list<T>) -> list<T>` returns the list the host lowered
//!   (its body was stored by the host; lifting loads it);
//! - `inspect-i-e(x: T) -> list<u8>` stores the flat parameters (or gets the
//!   spilled ones) and returns every byte from the scratch area to the end
//!   of the heap: what lowering `x` wrote, pointers and padding included;
//! - `forge-i-e(b: list<u8>, at: u32, n: u32) -> list<T>` returns `n`
//!   elements starting `at` bytes into the forged bytes;
//! - `forge-flat-i-e(x: U) -> T`, for `T` of one flat value of core type
//!   `U`, returns `x` itself as the flat `T`.

use std::fmt::Write;

use witbind::FlatType;
use witbind::types::Type;

/// Where the flat parameters of `inspect-*` are stored (16 slots of 8 bytes,
/// up to 1024, where the heap starts).
const SCRATCH: u32 = 896;

/// The string encodings, by the names the exports end with.
pub const ENCODINGS: [&str; 3] = ["utf8", "utf16", "latin1+utf16"];

/// The export names of one type and encoding.
pub fn export_name(kind: &str, type_index: usize, encoding: usize) -> String {
    format!(
        "{kind}-{type_index}-{}",
        ENCODINGS[encoding].replace('+', "-")
    )
}

/// Whether `ty` has a string in it (other types get only `utf8` exports).
pub fn has_string(ty: &Type) -> bool {
    match ty {
        Type::String => true,
        Type::List(l) => has_string(l.element()),
        Type::Record(r) => r.fields().iter().any(|f| has_string(&f.ty)),
        Type::Tuple(t) => t.types().iter().any(has_string),
        Type::Variant(v) => v
            .cases()
            .iter()
            .filter_map(|c| c.ty.as_ref())
            .any(has_string),
        Type::Option(o) => has_string(o.some()),
        Type::Result(r) => r.ok().into_iter().chain(r.err()).any(has_string),
        _ => false,
    }
}

/// How many encodings `ty` is exported with.
pub fn encodings_of(ty: &Type) -> usize {
    if has_string(ty) { ENCODINGS.len() } else { 1 }
}

/// The core type a `forge-flat` parameter of `flat` is passed as.
pub fn flat_carrier(flat: FlatType) -> Type {
    match flat {
        FlatType::I32 => Type::U32,
        FlatType::I64 => Type::U64,
        FlatType::F32 => Type::F32,
        FlatType::F64 => Type::F64,
    }
}

/// The component's text.
pub fn component_wat(types: &[Type]) -> String {
    let mut defs = TypeDefs::default();
    let mut funcs = String::new();
    let mut core_funcs = String::new();
    for (i, ty) in types.iter().enumerate() {
        let t = defs.reference(ty);
        core_funcs.push_str(&inspect_core(i, ty));
        let flat = ty.flat_types();
        for (e, encoding) in ENCODINGS.iter().enumerate().take(encodings_of(ty)) {
            let opts = |post: &str| {
                format!(
                    "(memory $mem) (realloc $realloc) string-encoding={} \
                     (post-return (core func $i \"post-{post}\"))",
                    encoding
                )
            };
            let name = |kind| export_name(kind, i, e);
            let _ = writeln!(
                funcs,
                "  (func (export \"{}\") (param \"x\" (list {t})) (result (list {t})) \
                 (canon lift (core func $i \"echo\") {}))",
                name("echo"),
                opts("i32")
            );
            let _ = writeln!(
                funcs,
                "  (func (export \"{}\") (param \"x\" {t}) (result (list u8)) \
                 (canon lift (core func $i \"inspect-{i}\") {}))",
                name("inspect"),
                opts("i32")
            );
            let _ = writeln!(
                funcs,
                "  (func (export \"{}\") (param \"b\" (list u8)) (param \"at\" u32) \
                 (param \"n\" u32) (result (list {t})) \
                 (canon lift (core func $i \"forge\") {}))",
                name("forge"),
                opts("i32")
            );
            if let [one] = flat {
                let carrier = core_name(*one);
                let _ = writeln!(
                    funcs,
                    "  (func (export \"{}\") (param \"x\" {}) (result {t}) \
                     (canon lift (core func $i \"id-{carrier}\") {}))",
                    name("forge-flat"),
                    flat_carrier(*one),
                    opts(carrier)
                );
            }
        }
    }
    format!(
        "(component\n{CORE_START}{core_funcs}  )\n{INSTANCE}{}{funcs})\n",
        defs.text
    )
}

/// The `inspect-i` core function of `ty`.
fn inspect_core(i: usize, ty: &Type) -> String {
    let flat = ty.flat_types();
    if flat.len() > 16 {
        return format!(
            "    (func (export \"inspect-{i}\") (param i32) (result i32) (call $ret (i32.const {SCRATCH})))\n"
        );
    }
    let params: Vec<&str> = flat.iter().map(|f| core_name(*f)).collect();
    let mut body = String::new();
    for (j, p) in params.iter().enumerate() {
        let at = SCRATCH as usize + 8 * j;
        let _ = write!(body, " ({p}.store (i32.const {at}) (local.get {j}))");
    }
    format!(
        "    (func (export \"inspect-{i}\") (param {}) (result i32){body} (call $ret (i32.const {SCRATCH})))\n",
        params.join(" ")
    )
}

fn core_name(flat: FlatType) -> &'static str {
    match flat {
        FlatType::I32 => "i32",
        FlatType::I64 => "i64",
        FlatType::F32 => "f32",
        FlatType::F64 => "f64",
    }
}

/// The core module up to its per-type functions.
const CORE_START: &str = r#"  (core module $m
    (memory (export "mem") 1)
    (global $heap (mut i32) (i32.const 1024))
    (func $reset
      (memory.fill (i32.const 0) (i32.const 0) (global.get $heap))
      (global.set $heap (i32.const 1024)))
    (func (export "post-i32") (param i32) (call $reset))
    (func (export "post-i64") (param i64) (call $reset))
    (func (export "post-f32") (param f32) (call $reset))
    (func (export "post-f64") (param f64) (call $reset))
    (func (export "realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $new i32) (result i32)
      (local $p i32)
      (if (i32.and (i32.ne (local.get $old) (i32.const 0)) (i32.le_u (local.get $new) (local.get $old_size)))
        (then (return (local.get $old))))
      (local.set $p (i32.and (i32.add (global.get $heap) (i32.const 7)) (i32.const -8)))
      (if (i64.gt_u (i64.add (i64.extend_i32_u (local.get $p)) (i64.extend_i32_u (local.get $new))) (i64.const 65536))
        (then unreachable))
      (memory.copy (local.get $p) (local.get $old)
        (select (local.get $old_size) (local.get $new) (i32.lt_u (local.get $old_size) (local.get $new))))
      (global.set $heap (i32.add (local.get $p) (local.get $new)))
      (local.get $p))
    (func $ret (param $from i32) (result i32)
      (i32.store (i32.const 0) (local.get $from))
      (i32.store (i32.const 4) (i32.sub (global.get $heap) (local.get $from)))
      (i32.const 0))
    (func (export "echo") (param i32 i32) (result i32)
      (i32.store (i32.const 0) (local.get 0))
      (i32.store (i32.const 4) (local.get 1))
      (i32.const 0))
    (func (export "forge") (param i32 i32 i32 i32) (result i32)
      (i32.store (i32.const 0) (i32.add (local.get 0) (local.get 2)))
      (i32.store (i32.const 4) (local.get 3))
      (i32.const 0))
    (func (export "id-i32") (param i32) (result i32) (local.get 0))
    (func (export "id-i64") (param i64) (result i64) (local.get 0))
    (func (export "id-f32") (param f32) (result f32) (local.get 0))
    (func (export "id-f64") (param f64) (result f64) (local.get 0))
"#;

/// The core instance, its memory and `realloc`.
const INSTANCE: &str = r#"  (core instance $i (instantiate $m))
  (alias core export $i "mem" (core memory $mem))
  (alias core export $i "realloc" (core func $realloc))
"#;

/// Named types (records, variants, enums, flags) must be exported to appear
/// in an exported function's type: each is defined, exported, and referred
/// to by its export.
#[derive(Default)]
struct TypeDefs {
    text: String,
    count: usize,
}

impl TypeDefs {
    /// How a function type refers to `ty`, defining what it needs first.
    fn reference(&mut self, ty: &Type) -> String {
        match ty {
            Type::List(l) => format!("(list {})", self.reference(l.element())),
            Type::Tuple(t) => {
                let items: Vec<String> = t.types().iter().map(|t| self.reference(t)).collect();
                format!("(tuple {})", items.join(" "))
            }
            Type::Option(o) => format!("(option {})", self.reference(o.some())),
            Type::Result(r) => {
                let ok = r.ok().map(|t| format!(" {}", self.reference(t)));
                let err = r.err().map(|t| format!(" (error {})", self.reference(t)));
                format!(
                    "(result{}{})",
                    ok.unwrap_or_default(),
                    err.unwrap_or_default()
                )
            }
            Type::Record(r) => {
                let fields: Vec<String> = r
                    .fields()
                    .iter()
                    .map(|f| format!("(field \"{}\" {})", f.name, self.reference(&f.ty)))
                    .collect();
                self.named(format!("(record {})", fields.join(" ")))
            }
            Type::Variant(v) => {
                let cases: Vec<String> = v
                    .cases()
                    .iter()
                    .map(|c| match &c.ty {
                        Some(t) => format!("(case \"{}\" {})", c.name, self.reference(t)),
                        None => format!("(case \"{}\")", c.name),
                    })
                    .collect();
                self.named(format!("(variant {})", cases.join(" ")))
            }
            Type::Enum(e) => self.named(format!("(enum {})", quoted(e.names()))),
            Type::Flags(f) => self.named(format!("(flags {})", quoted(f.names()))),
            other => other.to_string(),
        }
    }

    fn named(&mut self, definition: String) -> String {
        let n = self.count;
        self.count += 1;
        let _ = writeln!(self.text, "  (type $d{n} {definition})");
        let _ = writeln!(self.text, "  (export $t{n} \"t{n}\" (type $d{n}))");
        format!("$t{n}")
    }
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(" ")
}
