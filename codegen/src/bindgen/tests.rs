//! Generator tests: options in, tokens or errors out.

use proc_macro2::TokenStream;
use quote::quote;

use super::options::Options;
use super::{generate, source};

fn run(tokens: TokenStream) -> syn::Result<String> {
    let options: Options = syn::parse2(tokens)?;
    generate(&options).map(|t| t.to_string())
}

const STRINGS: &str = "package t:s;
interface i {
  record lifted { s: string }
  record lowered { s: string }
  record both { s: string }
  record plain { n: u32 }
  record outer { inner: lifted, l: list<u8> }
  take: func(a: lifted, b: both, o: outer, p: plain);
  give: func() -> tuple<lowered, both>;
}
world w { import i; }";

#[test]
fn owning_mode_owns_every_type() {
    let out = run(quote!({ inline: #STRINGS, ownership: Owning })).unwrap();
    assert!(out.contains("pub struct Lifted {"), "{out}");
    assert!(!out.contains("Borrowed"), "{out}");
    assert!(!out.contains("WasmStr"), "{out}");
}

#[test]
fn borrowing_mode_follows_the_direction_of_each_type() {
    let out = run(quote!({
        inline: #STRINGS,
        ownership: Borrowing { duplicate_if_necessary: false },
    }))
    .unwrap();
    // Only lifted from the guest: borrowed, lift-only.
    assert!(out.contains("pub struct Lifted < 'a >"), "{out}");
    assert!(out.contains("pub struct Outer < 'a >"), "{out}");
    assert!(out.contains("pub inner : Lifted < 'a >"), "{out}");
    // Lowered into the guest, or both without duplication: owned.
    assert!(out.contains("pub struct Lowered {"), "{out}");
    assert!(out.contains("pub struct Both {"), "{out}");
    // Nothing to borrow: plain.
    assert!(out.contains("pub struct Plain {"), "{out}");

    let out = run(quote!({
        inline: #STRINGS,
        ownership: Borrowing { duplicate_if_necessary: true },
    }))
    .unwrap();
    assert!(out.contains("pub struct Both {"), "{out}");
    assert!(out.contains("pub struct BothBorrowed < 'a >"), "{out}");
    assert!(!out.contains("LoweredBorrowed"), "{out}");
    assert!(!out.contains("PlainBorrowed"), "{out}");
}

#[test]
fn layouts_are_asserted_against_size_align() {
    let wit =
        "package t:l; interface i { variant v { a(u8), b(u64), c(string) } } world w { import i; }";
    let out = run(quote!({ inline: #wit })).unwrap();
    assert!(out.contains("SIZE32 == 16usize"), "{out}");
    assert!(out.contains("ALIGN32 == 8u32"), "{out}");
}

#[test]
fn clashing_names_are_made_unique() {
    let wit = "package t:c; interface i {
        record foo { s: string }
        record foo-borrowed { s: string }
        f: func(a: foo, b: foo-borrowed) -> tuple<foo, foo-borrowed>;
    } world w { import i; }";
    let out = run(quote!({
        inline: #wit,
        ownership: Borrowing { duplicate_if_necessary: true },
    }))
    .unwrap();
    for name in ["Foo", "FooBorrowed", "FooBorrowed_", "FooBorrowedBorrowed"] {
        assert!(
            out.contains(&format!("pub struct {name} ")),
            "{name} missing: {out}"
        );
    }
}

#[test]
fn source_is_the_formatted_expansion_without_rebuild_tracking() {
    let options: Options =
        syn::parse2(quote!({ path: "../tests/codegen/with-deps", debug: true })).unwrap();
    let text = source(&options).unwrap();
    // Formatted: one item per line, indented, parseable again.
    assert!(
        text.contains("\n            pub struct Order {\n"),
        "{text}"
    );
    syn::parse_file(&text).unwrap();
    assert!(!text.contains("include_bytes"), "{text}");
    assert!(!text.contains("WITBIND_DEBUG"), "{text}");
    assert!(!text.contains("include!"), "debug writes nothing: {text}");
    // The host side is written out, formatted.
    assert!(!text.contains("__bindgen_host_items"), "{text}");
    assert!(text.contains("\n    pub fn add_to_linker<"), "{text}");
    // The same items as the macro's expansion.
    let names = |items: &[syn::Item]| -> Vec<String> {
        items
            .iter()
            .filter_map(|item| match item {
                syn::Item::Mod(m) => Some(m.ident.to_string()),
                syn::Item::Struct(s) => Some(s.ident.to_string()),
                _ => None,
            })
            .collect()
    };
    let ours = syn::parse_file(&text).unwrap();
    let without_debug: Options =
        syn::parse2(quote!({ path: "../tests/codegen/with-deps" })).unwrap();
    let macro_items: syn::File = syn::parse2(generate(&without_debug).unwrap()).unwrap();
    assert!(!names(&ours.items).is_empty(), "{text}");
    let mut macro_items = macro_items.items;
    super::inline_host_items(&mut macro_items).unwrap();
    assert_eq!(names(&ours.items), names(&macro_items));
}

#[test]
fn every_file_read_is_a_build_dependency() {
    let out = run(quote!({ path: "../tests/codegen/with-deps" })).unwrap();
    for file in ["main.wit", "model.wit", "text.wit"] {
        assert!(
            out.contains("include_bytes !") && out.contains(file),
            "{file} not included: {out}"
        );
    }
}

#[test]
fn unsupported_items_are_all_reported() {
    let wit = "package t:u; interface i {
        s: func() -> stream<u8>;
        a: async func();
    } world w { import i; }";
    let err = run(quote!({ inline: #wit })).unwrap_err();
    let messages: Vec<String> = err.into_iter().map(|e| e.to_string()).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].contains("`s`") && messages[0].contains("stream"));
    assert!(messages[1].contains("`a`") && messages[1].contains("async"));
}

#[test]
fn with_keys_must_match_and_do_replace_generation() {
    let wit =
        "package t:w; interface i { record r { x: u32 } record q { r: r } } world w { import i; }";
    let err = run(quote!({ inline: #wit, with: { "t:w/i/nope": crate::X } })).unwrap_err();
    assert!(
        err.to_string()
            .contains("`t:w/i/nope` matches no interface or type")
    );
    let out = run(quote!({ inline: #wit, with: { "t:w/i/r": crate::R } })).unwrap();
    assert!(!out.contains("pub struct R "), "{out}");
    assert!(out.contains("use crate :: R as __witbind_with_0"), "{out}");
    assert!(
        out.contains("pub r : super :: super :: super :: __witbind_with_0"),
        "{out}"
    );
    let out = run(quote!({ inline: #wit, with: { "t:w/i": crate::iface } })).unwrap();
    assert!(!out.contains("pub struct R"), "{out}");
    assert!(!out.contains("pub struct Q"), "{out}");
}

#[test]
fn host_side_keys_are_validated() {
    let wit = "package t:h; interface i { f: func(); enum e { a } } world w { import i; export g: func(); }";
    run(quote!({
        inline: #wit,
        imports: { "t:h/i/f": trappable },
        exports: { "g": tracing },
        trappable_error_type: { "t:h/i/e": crate::E },
    }))
    .unwrap();
    let err = run(quote!({ inline: #wit, exports: { "t:h/i/f": tracing } })).unwrap_err();
    assert!(
        err.to_string()
            .contains("matches no function the world `w` exports")
    );
}

#[test]
fn features_gate_unstable_items() {
    let wit = "package t:f@1.0.0; interface i {
        @unstable(feature = x) record gated { a: u8 }
        @since(version = 1.0.0) record stable { b: u8 }
    } world w { import i; }";
    let out = run(quote!({ inline: #wit })).unwrap();
    assert!(out.contains("pub struct Stable") && !out.contains("pub struct Gated"));
    let out = run(quote!({ inline: #wit, features: ["x"] })).unwrap();
    assert!(out.contains("pub struct Gated"));
    let out = run(quote!({ inline: #wit, all_features: true })).unwrap();
    assert!(out.contains("pub struct Gated"));
}

#[test]
fn a_type_borrowing_nothing_of_its_own_stays_owned() {
    // `x` only comes from the guest, but all it holds is `y`, which also goes
    // to the guest and so is owned: a borrowed `X<'a>` would not use `'a`.
    let wit = "package t:o; interface i {
        record y { s: string }
        record x { y: y }
        type z = x;
        f: func(x: z);
        g: func() -> y;
    } world w { import i; }";
    let out = run(quote!({
        inline: #wit,
        ownership: Borrowing { duplicate_if_necessary: false },
    }))
    .unwrap();
    assert!(out.contains("pub struct Y {"), "{out}");
    assert!(out.contains("pub struct X {"), "{out}");
    assert!(out.contains("pub type Z = X ;"), "{out}");
}

const HOST: &str = "package t:h@1.0.0;
interface api {
  resource thing {
    constructor(n: u32);
    get: func() -> u32;
    make: static func() -> thing;
  }
  say: func(s: string, l: list<u8>);
  check: func(t: borrow<thing>) -> bool;
}
world w {
  import api;
  export api;
  import ping: func() -> u32;
  export pong: func(s: string) -> string;
}";

#[test]
fn imports_get_host_traits_and_a_plain_accessor() {
    let out = run(quote!({ inline: #HOST })).unwrap();
    assert!(out.contains("pub trait Host : HostThing"), "{out}");
    assert!(
        out.contains("fn new (& mut self , n : u32) -> :: witbind :: Resource < Thing >"),
        "{out}"
    );
    assert!(
        out.contains("fn get (& mut self , self_ : :: witbind :: Resource < Thing >) -> u32"),
        "{out}"
    );
    assert!(
        out.contains("fn drop (& mut self , rep : :: witbind :: Resource < Thing >)"),
        "{out}"
    );
    assert!(out.contains("get : fn (& mut T) -> & mut U"), "{out}");
    assert!(
        out.contains("linker . instance (\"t:h/api@1.0.0\")"),
        "{out}"
    );
    assert!(out.contains("pub trait WImports"), "{out}");
    assert!(!out.contains("func_wrap_borrowed"), "{out}");
}

#[test]
fn exports_get_call_methods_with_borrowed_parameters() {
    let out = run(quote!({ inline: #HOST })).unwrap();
    assert!(out.contains("pub fn t_h_api (& self)"), "{out}");
    assert!(
        out.contains(
            "pub fn call_pong (& self , store : impl :: witbind :: AsContextMut , s : & str)"
        ),
        "{out}"
    );
    assert!(out.contains("pub struct GuestThing"), "{out}");
    assert!(out.contains("pub fn call_constructor"), "{out}");
    // Checked once when the bindings are created, not at each call.
    assert!(
        out.contains("func_pong . typed :: < (& 'static str ,) ,"),
        "{out}"
    );
    assert!(
        out.contains("func_pong . call_prechecked :: < (& str ,) ,"),
        "{out}"
    );
    assert_eq!(
        out.matches(". typed :: <").count(),
        out.matches("let func_").count(),
        "{out}"
    );
    assert!(out.contains("self_ : & :: witbind :: ResourceAny"), "{out}");
    assert!(out.contains("l : & [u8]"), "{out}");
    assert!(out.contains("pub struct WPre"), "{out}");
}

#[test]
fn trappable_applies_to_the_functions_it_names() {
    let out = run(quote!({
        inline: #HOST,
        imports: { "t:h/api/say": trappable, "ping": trappable },
    }))
    .unwrap();
    assert!(
        out.contains("fn ping (& mut self ,) -> :: witbind :: Result < u32 >"),
        "{out}"
    );
    assert!(out.contains(") -> :: witbind :: Result < () > ;"), "{out}");
    assert!(
        out.contains("fn check (& mut self , t : :: witbind :: Resource < Thing >) -> bool ;"),
        "{out}"
    );
}

#[test]
fn borrowing_mode_registers_imports_with_borrowed_parameters() {
    let out = run(quote!({
        inline: #HOST,
        ownership: Borrowing { duplicate_if_necessary: false },
    }))
    .unwrap();
    assert!(
        out.contains("fn say < 'a > (& mut self , s : :: witbind :: WasmStr < 'a >"),
        "{out}"
    );
    assert!(
        out.contains("func_wrap_borrowed :: < (:: witbind :: WasmStr < 'static > ,"),
        "{out}"
    );
}

#[test]
fn exported_interfaces_use_the_exported_resources_of_an_interface_also_imported() {
    let wit = "package t:r;
interface types { resource file; }
interface api { use types.{file}; open: func() -> file; take: func(f: borrow<file>); }
world w { import types; export types; export api; use types.{file}; export uses-import: func() -> file; }";
    let out = run(quote!({ inline: #wit })).unwrap();
    let call = |name: &str| {
        let i = out.find(&format!("fn {name} ")).unwrap();
        out[i..i + 200].to_string()
    };
    // The exported `api` names the exported `types`: a guest resource.
    assert!(
        call("call_open").contains("Result < :: witbind :: ResourceAny >"),
        "{out}"
    );
    assert!(
        call("call_take").contains("f : & :: witbind :: ResourceAny"),
        "{out}"
    );
    // The world's own `use` names the imported `types`: the host's.
    assert!(
        call("call_uses_import").contains("Resource < t :: r :: types :: File >"),
        "{out}"
    );
}

#[test]
fn fallible_constructors_return_results_on_both_sides() {
    let wit = "package t:m@1.0.0;
interface i { resource r { constructor(x: u32) -> result<r, string>; } }
world w { import i; export i; }";
    let out = run(quote!({ inline: #wit })).unwrap();
    // The host implements it returning the error as a value...
    assert!(
        out.contains(
            "fn new (& mut self , x : u32) -> :: core :: result :: Result < :: witbind :: \
             Resource < R > , :: std :: string :: String > ;"
        ),
        "{out}"
    );
    // ...and calling the guest's gives the error back, inside the trap result.
    assert!(
        out.contains(
            "fn call_constructor (& self , store : impl :: witbind :: AsContextMut , x : u32) -> \
             :: witbind :: Result < :: core :: result :: Result < :: witbind :: ResourceAny , \
             :: std :: string :: String > >"
        ),
        "{out}"
    );
}

#[test]
fn call_methods_borrow_parameters_at_any_depth_as_wasmtime_does() {
    let wit = "package t:p;
interface i {
  record rec { s: string }
  enum e { a, b }
  type bytes = list<u8>;
  f: func(a: option<string>, b: result<list<u8>, string>, r: rec, t: tuple<string, u32>, x: e, y: bytes, l: list<rec>);
}
world w { export i; }";
    let out = run(quote!({ inline: #wit })).unwrap();
    let expected = "fn call_f (& self , store : impl :: witbind :: AsContextMut , a : :: core :: \
                    option :: Option < & str > , b : :: core :: result :: Result < & [u8] , & \
                    str > , r : & Rec , t : (& str , u32 ,) , x : E , y : & [u8] , l : & [Rec])";
    assert!(out.contains(expected), "{out}");
}

#[test]
fn maps_are_hash_maps_btree_maps_or_entry_vectors() {
    let wit = "package t:m; interface i {
        record r { m: map<string, list<string>> }
        f: func(m: map<u32, string>, r: r) -> map<char, r>;
    } world w { import i; export i; }";
    let out = run(quote!({ inline: #wit })).unwrap();
    assert!(
        out.contains(
            "pub m : :: std :: collections :: HashMap < :: std :: string :: String , :: std :: \
             vec :: Vec < :: std :: string :: String > >"
        ),
        "{out}"
    );
    // Calls take maps by reference, as wasmtime's bindings do.
    assert!(
        out.contains("m : & :: std :: collections :: HashMap < u32 , :: std :: string :: String >"),
        "{out}"
    );
    let out = run(quote!({ inline: #wit, map_type: BTreeMap })).unwrap();
    assert!(
        out.contains(":: std :: collections :: BTreeMap < char , R >"),
        "{out}"
    );
    let out = run(quote!({ inline: #wit, map_type: Vec })).unwrap();
    assert!(out.contains(":: std :: vec :: Vec < (char , R) >"), "{out}");
    assert!(
        out.contains("m : & [(u32 , :: std :: string :: String)]"),
        "{out}"
    );
    // Borrowing bindings own their maps, keys and values included.
    let out = run(quote!({
        inline: #wit,
        ownership: Borrowing { duplicate_if_necessary: false },
    }))
    .unwrap();
    assert!(!out.contains("HashMap < :: witbind :: WasmStr"), "{out}");
}

#[test]
fn store_functions_move_to_the_with_store_traits() {
    let out = run(quote!({
        inline: #HOST,
        imports: {
            "t:h/api/say": store,
            "t:h/api/[method]thing.get": store | trappable,
            "t:h/api/[drop]thing": store,
        },
    }))
    .unwrap();
    assert!(
        out.contains("pub trait HostWithStore < T : 'static > : Host + HostThingWithStore < T >"),
        "{out}"
    );
    assert!(
        out.contains(
            "fn say (host : :: witbind :: Access < '_ , T , Self > , s : :: std :: string :: \
             String , l : :: std :: vec :: Vec < u8 >) ;"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "fn get (host : :: witbind :: Access < '_ , T , Self > , self_ : :: witbind :: \
             Resource < Thing >) -> :: witbind :: Result < u32 > ;"
        ),
        "{out}"
    );
    assert!(
        out.contains("fn drop (host : :: witbind :: Access < '_ , T , Self > , rep"),
        "{out}"
    );
    // The others keep `&mut self`, in the plain traits.
    assert!(
        out.contains("fn check (& mut self , t : :: witbind :: Resource < Thing >) -> bool ;"),
        "{out}"
    );
    assert!(out.contains("< U as HostWithStore < T >> :: say"), "{out}");
    assert!(
        out.contains("U : HostWithStore < T > + ? :: core :: marker :: Sized"),
        "{out}"
    );
    // The world's own imports have their `WithStore` trait too, here with
    // nothing to implement: every implementation of the plain trait is one.
    assert!(
        out.contains("impl < T : 'static , H : WImports + ? :: core :: marker :: Sized > WImportsWithStore < T > for H { }"),
        "{out}"
    );
}

#[test]
fn store_functions_take_owned_parameters_in_borrowing_mode() {
    let wit = "package t:b; interface i {
        record r { s: string }
        f: func(r: r, s: string);
        g: func(r: r);
    } world w { import i; }";
    // `g` borrows, but `f` gets the store and needs `r` owned: `r` has both forms.
    let out = run(quote!({
        inline: #wit,
        ownership: Borrowing { duplicate_if_necessary: true },
        imports: { "t:b/i/f": store },
    }))
    .unwrap();
    assert!(out.contains("pub struct R {"), "{out}");
    assert!(out.contains("pub struct RBorrowed < 'a >"), "{out}");
    assert!(
        out.contains("fn f (host : :: witbind :: Access < '_ , T , Self > , r : R , s : :: std :: string :: String)"),
        "{out}"
    );
    assert!(
        out.contains("fn g < 'a > (& mut self , r : RBorrowed < 'a >)"),
        "{out}"
    );
}

#[test]
fn exact_functions_are_registered_exact_only() {
    let out = run(quote!({ inline: #HOST, imports: { "t:h/api/say": exact } })).unwrap();
    assert_eq!(out.matches("inst . exact ()").count(), 1, "{out}");
    assert!(
        out.contains("inst . exact () . func_wrap (\"say\""),
        "{out}"
    );
}

#[test]
fn tracing_wraps_traced_calls_and_asks_for_the_feature_once() {
    let out = run(quote!({ inline: #HOST })).unwrap();
    assert!(!out.contains("__bindgen_traced"), "{out}");
    assert!(!out.contains("__bindgen_tracing_enabled"), "{out}");
    let out = run(quote!({
        inline: #HOST,
        imports: { "ping": verbose_tracing },
        exports: { default: tracing },
    }))
    .unwrap();
    assert_eq!(out.matches("__bindgen_tracing_enabled").count(), 1, "{out}");
    assert!(out.contains("\"witbind import\""), "{out}");
    assert!(out.contains("\"witbind export\""), "{out}");
    assert!(out.contains("\"result\" = ? & witbind_ok . 0"), "{out}");
    // Non-verbose export tracing shows no values.
    assert!(!out.contains("\"s\" = ?"), "{out}");
}

#[test]
fn with_mapped_imports_are_registered_by_the_world() {
    let wit = "package t:w; interface i { f: func(); } interface j { g: func(); }
        world w { import i; import j; }";
    let out = run(quote!({ inline: #wit, with: { "t:w/i": crate::other::i } })).unwrap();
    assert!(
        out.contains("__witbind_with_0 :: add_to_linker (linker , get) ?"),
        "{out}"
    );
    assert!(
        out.contains("__witbind_with_0 :: HostWithStore < T >"),
        "{out}"
    );
    assert!(
        out.contains("t :: w :: j :: add_to_linker (linker , get) ?"),
        "{out}"
    );
}

#[test]
fn additional_derives_reach_every_form_and_flags() {
    let wit = "package t:d; interface i {
        record inner { s: string }
        record outer { i: inner, l: list<inner> }
        flags f { a, b }
        enum e { x }
        take: func(o: outer, f: f, e: e);
    } world w { import i; }";
    let out = run(quote!({
        inline: #wit,
        ownership: Borrowing { duplicate_if_necessary: false },
        additional_derives: [Eq, Hash, serde::Serialize, Clone],
    }))
    .unwrap();
    // Borrowed forms, nested in one another.
    for name in ["Inner < 'a >", "Outer < 'a >"] {
        let at = out.find(&format!("pub struct {name}")).unwrap();
        let attrs = &out[out[..at].rfind("# [component").unwrap() - 400..at];
        assert!(
            attrs.contains("# [derive (Eq , Hash , serde :: Serialize)]"),
            "{name}: {attrs}"
        );
    }
    // flags! derives Eq, Hash and Clone itself.
    assert!(
        out.contains("# [derive (serde :: Serialize)] # [doc = \" The WIT flags type with flags `a`, `b`.\"] # [derive (:: core :: clone :: Clone"),
        "{out}"
    );
    // The enum derives Eq, Hash and Clone already.
    assert!(
        out.contains("# [derive (serde :: Serialize)] # [component (enum)]"),
        "{out}"
    );
}

#[test]
fn the_host_type_parameters_are_not_taken_by_wit_types() {
    let wit =
        "package t:p; interface i { record t { x: u32 } record u { y: u32 } f: func(a: t, b: u); }
        world w { import i; }";
    let out = run(quote!({ inline: #wit })).unwrap();
    assert!(out.contains("pub struct T_ {"), "{out}");
    assert!(out.contains("pub struct U_ {"), "{out}");
}

#[test]
fn unstable_imports_give_the_world_link_options() {
    let wit = "package t:g@1.0.0;
        interface i {
            @since(version = 1.0.0) f: func();
            @unstable(feature = fancy-stuff) g: func();
        }
        world w { import i; }";
    let out = run(quote!({ inline: #wit })).unwrap();
    assert!(!out.contains("LinkOptions"), "{out}");
    let out = run(quote!({ inline: #wit, features: ["fancy-stuff"] })).unwrap();
    assert!(
        out.contains("pub struct LinkOptions { fancy_stuff : bool , }"),
        "{out}"
    );
    assert!(out.contains("if options . fancy_stuff {"), "{out}");
    assert!(out.contains("options : & LinkOptions ,"), "{out}");
    // Deprecation reaches Rust.
    let wit = "package t:d@2.0.0;
        interface i {
            @since(version = 1.0.0) @deprecated(version = 2.0.0) f: func();
        }
        world w { import i; export i; }";
    let out = run(quote!({ inline: #wit })).unwrap();
    let note = "# [deprecated (note = \"deprecated in version 2.0.0 of its WIT package\")]";
    assert_eq!(out.matches(note).count(), 2, "{out}");
}

#[test]
fn lists_of_owned_handles_move_into_the_call() {
    let wit = "package t:o; interface i {
        resource r;
        take: func(all: list<own<r>>, some: option<list<own<r>>>, looked: list<borrow<r>>);
    } world w { export i; }";
    let out = run(quote!({ inline: #wit })).unwrap();
    assert!(
        out.contains(
            "all : :: std :: vec :: Vec < :: witbind :: ResourceAny > , some : :: core :: option \
             :: Option < :: std :: vec :: Vec < :: witbind :: ResourceAny > >"
        ),
        "{out}"
    );
}

#[test]
fn flags_beyond_128_are_a_compile_error_naming_the_type() {
    let names: Vec<String> = (0..129).map(|i| format!("x{i}")).collect();
    let wit = format!(
        "package t:f; interface i {{ flags huge {{ {} }} }} world w {{ import i; }}",
        names.join(", ")
    );
    let out = run(quote!({ inline: #wit })).unwrap();
    assert!(out.contains("compile_error"), "{out}");
    assert!(
        out.contains("the WIT flags type `Huge` has 129 flags"),
        "{out}"
    );
}

#[test]
fn a_world_behind_a_feature_says_which_feature_to_enable() {
    let wit = "package t:g; @unstable(feature = fancy) world w { import f: func(); }";
    let err = run(quote!({ inline: #wit })).unwrap_err().to_string();
    assert!(
        err.contains("the world `w` is behind the `@unstable` feature `fancy`: enable it with"),
        "{err}"
    );
    assert!(run(quote!({ inline: #wit, features: ["fancy"] })).is_ok());
    assert!(run(quote!({ inline: #wit, all_features: true })).is_ok());
    // A world that is missing for another reason gets no such note.
    let err = run(quote!({ inline: #wit, world: "nope", all_features: true }))
        .unwrap_err()
        .to_string();
    assert!(!err.contains("behind"), "{err}");
}
