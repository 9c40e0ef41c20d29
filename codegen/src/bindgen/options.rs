//! The input of `bindgen!`: one documented options struct, parsed with syn
//! custom keywords so an unknown key says which keys exist and a repeated
//! key is reported where it repeats.

use proc_macro2::Span;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{LitBool, LitStr, Token, braced, bracketed};

use crate::derive::push;

mod kw {
    syn::custom_keyword!(path);
    syn::custom_keyword!(world);
    syn::custom_keyword!(inline);
    syn::custom_keyword!(with);
    syn::custom_keyword!(additional_derives);
    syn::custom_keyword!(ownership);
    syn::custom_keyword!(trappable_error_type);
    syn::custom_keyword!(imports);
    syn::custom_keyword!(exports);
    syn::custom_keyword!(features);
    syn::custom_keyword!(all_features);
    syn::custom_keyword!(debug);
    syn::custom_keyword!(include_generated_code_from_file);
    syn::custom_keyword!(Owning);
    syn::custom_keyword!(Borrowing);
    syn::custom_keyword!(duplicate_if_necessary);
    syn::custom_keyword!(default);
    syn::custom_keyword!(trappable);
    syn::custom_keyword!(tracing);
    syn::custom_keyword!(verbose_tracing);
    syn::custom_keyword!(exact);
    syn::custom_keyword!(store);
    syn::custom_keyword!(map_type);
    syn::custom_keyword!(HashMap);
    syn::custom_keyword!(BTreeMap);
    syn::custom_keyword!(Vec);
}

/// The Rust type of a WIT `map<K, V>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MapType {
    /// `std::collections::HashMap<K, V>`: the last value of a duplicate key
    /// wins.
    #[default]
    HashMap,
    /// `std::collections::BTreeMap<K, V>`, ordered by key: the last value of
    /// a duplicate key wins.
    BTreeMap,
    /// `Vec<(K, V)>`: the entries exactly as they travel, in order,
    /// duplicate keys included.
    Vec,
}

/// How generated types hold strings and lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ownership {
    /// Every type owns its data (`String`, `Vec<T>`) and is both liftable
    /// and lowerable.
    #[default]
    Owning,
    /// Types that only travel from the guest to the host (import parameters,
    /// export results) borrow guest memory (`WasmStr<'a>`, `WasmList<'a, T>`)
    /// and are lift-only.
    Borrowing {
        /// When a type travels both ways, generate an owned `Name` and a
        /// borrowed `NameBorrowed<'a>` instead of only the owned one.
        duplicate_if_necessary: bool,
    },
}

/// One flag of an `imports`/`exports` entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FunctionFlag {
    /// Imports only: the host function returns `witbind::Result<R>`, and an
    /// `Err` traps the calling guest.
    Trappable,
    /// Each call is a `tracing` span (`witbind import` or `witbind export`,
    /// with the interface as `module` and the WIT name as `function`)
    /// holding a `call` and a `return` (or `trap`) event at trace level.
    /// Needs witbind's `tracing` feature.
    Tracing,
    /// `Tracing`, with the arguments in the `call` event and the result in
    /// the `return` event, formatted with `Debug`.
    VerboseTracing,
    /// Imports only: the function (or, on a `[drop]resource` key, the
    /// resource type) satisfies only imports of its interface's exact name,
    /// not of a semver-compatible version (`LinkerInstance::exact`).
    Exact,
    /// Imports only: the function is a method of the `HostWithStore<T>`
    /// trait (`Host<Resource>WithStore<T>` for a resource's functions and
    /// destructor) and takes a `witbind::Access<'_, T, Self>` in place of
    /// `&mut self`: the store's data and the store itself, to call back
    /// into guests.
    Store,
}

impl FunctionFlag {
    /// The flag as written in the macro input.
    pub fn keyword(self) -> &'static str {
        match self {
            FunctionFlag::Trappable => "trappable",
            FunctionFlag::Tracing => "tracing",
            FunctionFlag::VerboseTracing => "verbose_tracing",
            FunctionFlag::Exact => "exact",
            FunctionFlag::Store => "store",
        }
    }
}

/// `imports: { ... }` or `exports: { ... }`: flags for every function
/// (`default`) or one function (`"ns:pkg/iface/func"`, `"func"`).
#[derive(Debug, Clone, Default)]
pub struct FunctionConfig {
    /// Flags of every function without an entry of its own.
    pub default: Vec<FunctionFlag>,
    /// Flags of named functions, with the key's literal for error spans.
    pub functions: Vec<(LitStr, Vec<FunctionFlag>)>,
}

/// Everything `bindgen!` accepts. Paths are relative to `CARGO_MANIFEST_DIR`.
#[derive(Debug, Default)]
pub struct Options {
    /// WIT files or directories (`path: "wit"` or `path: ["a.wit", "deps/"]`);
    /// `./wit` when neither `path` nor `inline` is given.
    pub paths: Vec<LitStr>,
    /// The world to generate, `name` or `ns:pkg/name`; required when the WIT
    /// has several worlds.
    pub world: Option<LitStr>,
    /// WIT source given inline.
    pub inline: Option<LitStr>,
    /// Interfaces (`"ns:pkg/iface"`) or types (`"ns:pkg/iface/type"`) that
    /// are not generated but taken from the given Rust path.
    pub with: Vec<(LitStr, syn::Path)>,
    /// Extra derives on generated records, variants and enums.
    pub additional_derives: Vec<syn::Path>,
    /// How generated types hold strings and lists.
    pub ownership: Ownership,
    /// WIT error types (`"ns:pkg/iface/type"`) that host functions report
    /// through the given Rust type (host side, validated now).
    pub trappable_error_type: Vec<(LitStr, syn::Path)>,
    /// Flags of imported functions: `trappable`, `store`, `exact`,
    /// `tracing`, `verbose_tracing`.
    pub imports: FunctionConfig,
    /// Flags of exported functions' call methods: `tracing`,
    /// `verbose_tracing`.
    pub exports: FunctionConfig,
    /// `@unstable` features to enable.
    pub features: Vec<LitStr>,
    /// Enable every `@unstable` feature.
    pub all_features: bool,
    /// Write the formatted expansion to a file and `include!` it
    /// (`debug: true`, or wasmtime's name for it,
    /// `include_generated_code_from_file: true`).
    pub debug: bool,
    /// The Rust type of `map<K, V>`.
    pub map_type: MapType,
}

/// Records that `key` was given; a repeated key is reported at its own span
/// and its value dropped.
fn once(
    slot: &mut Option<Span>,
    key_span: Span,
    key: &str,
    errors: &mut Option<syn::Error>,
) -> bool {
    if slot.is_some() {
        push(
            errors,
            syn::Error::new(key_span, format!("duplicate option `{key}`")),
        );
        false
    } else {
        *slot = Some(key_span);
        true
    }
}

impl Parse for Options {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut options = Options::default();
        if input.is_empty() {
            return Ok(options);
        }
        if input.peek(LitStr) {
            options.world = Some(input.parse()?);
            return Ok(options);
        }
        let body;
        braced!(body in input);
        let mut seen: [Option<Span>; 14] = Default::default();
        let mut errors = None;
        while !body.is_empty() {
            let lookahead = body.lookahead1();
            let span = body.span();
            macro_rules! key {
                ($index:literal, $kw:ident, $name:literal, |$b:ident| $parse:expr) => {{
                    body.parse::<kw::$kw>()?;
                    body.parse::<Token![:]>()?;
                    let $b = &body;
                    let value = $parse;
                    if once(&mut seen[$index], span, $name, &mut errors) {
                        value
                    } else {
                        None
                    }
                }};
            }
            if lookahead.peek(kw::path) {
                if let Some(paths) = key!(0, path, "path", |b| Some(parse_paths(b)?)) {
                    options.paths = paths;
                }
            } else if lookahead.peek(kw::world) {
                if let Some(w) = key!(1, world, "world", |b| Some(b.parse::<LitStr>()?)) {
                    options.world = Some(w);
                }
            } else if lookahead.peek(kw::inline) {
                if let Some(s) = key!(2, inline, "inline", |b| Some(b.parse::<LitStr>()?)) {
                    options.inline = Some(s);
                }
            } else if lookahead.peek(kw::with) {
                if let Some(w) = key!(3, with, "with", |b| Some(parse_map(b)?)) {
                    options.with = w;
                }
            } else if lookahead.peek(kw::additional_derives) {
                if let Some(d) = key!(4, additional_derives, "additional_derives", |b| {
                    let list;
                    bracketed!(list in b);
                    Some(
                        Punctuated::<syn::Path, Token![,]>::parse_terminated(&list)?
                            .into_iter()
                            .collect(),
                    )
                }) {
                    options.additional_derives = d;
                }
            } else if lookahead.peek(kw::ownership) {
                if let Some(o) = key!(5, ownership, "ownership", |b| Some(parse_ownership(b)?)) {
                    options.ownership = o;
                }
            } else if lookahead.peek(kw::trappable_error_type) {
                if let Some(t) = key!(6, trappable_error_type, "trappable_error_type", |b| Some(
                    parse_map(b)?
                )) {
                    options.trappable_error_type = t;
                }
            } else if lookahead.peek(kw::imports) {
                if let Some(c) = key!(7, imports, "imports", |b| Some(parse_functions(
                    b,
                    Direction::Imports
                )?)) {
                    options.imports = c;
                }
            } else if lookahead.peek(kw::exports) {
                if let Some(c) = key!(8, exports, "exports", |b| Some(parse_functions(
                    b,
                    Direction::Exports
                )?)) {
                    options.exports = c;
                }
            } else if lookahead.peek(kw::features) {
                if let Some(f) = key!(9, features, "features", |b| {
                    let list;
                    bracketed!(list in b);
                    Some(
                        Punctuated::<LitStr, Token![,]>::parse_terminated(&list)?
                            .into_iter()
                            .collect(),
                    )
                }) {
                    options.features = f;
                }
            } else if lookahead.peek(kw::all_features) {
                if let Some(v) = key!(10, all_features, "all_features", |b| Some(
                    b.parse::<LitBool>()?.value
                )) {
                    options.all_features = v;
                }
            } else if lookahead.peek(kw::debug) {
                if let Some(v) = key!(11, debug, "debug", |b| Some(b.parse::<LitBool>()?.value)) {
                    options.debug |= v;
                }
            } else if lookahead.peek(kw::include_generated_code_from_file) {
                if let Some(v) = key!(
                    12,
                    include_generated_code_from_file,
                    "include_generated_code_from_file",
                    |b| Some(b.parse::<LitBool>()?.value)
                ) {
                    options.debug |= v;
                }
            } else if lookahead.peek(kw::map_type) {
                if let Some(m) = key!(13, map_type, "map_type", |b| Some(parse_map_type(b)?)) {
                    options.map_type = m;
                }
            } else {
                return Err(lookahead.error());
            }
            if body.is_empty() {
                break;
            }
            body.parse::<Token![,]>()?;
        }
        if !input.is_empty() {
            return Err(input.error("unexpected input after the options"));
        }
        errors.map_or(Ok(options), Err)
    }
}

/// `"wit"` or `["a.wit", "deps/"]`.
fn parse_paths(input: ParseStream<'_>) -> syn::Result<Vec<LitStr>> {
    if input.peek(syn::token::Bracket) {
        let list;
        bracketed!(list in input);
        Ok(Punctuated::<LitStr, Token![,]>::parse_terminated(&list)?
            .into_iter()
            .collect())
    } else {
        Ok(vec![input.parse()?])
    }
}

/// `{ "key": path::to::Item, ... }`, with repeated keys reported.
fn parse_map(input: ParseStream<'_>) -> syn::Result<Vec<(LitStr, syn::Path)>> {
    let body;
    braced!(body in input);
    let mut entries: Vec<(LitStr, syn::Path)> = Vec::new();
    while !body.is_empty() {
        let key: LitStr = body.parse()?;
        body.parse::<Token![:]>()?;
        let path: syn::Path = body.parse()?;
        if entries.iter().any(|(k, _)| k.value() == key.value()) {
            return Err(syn::Error::new(
                key.span(),
                format!("duplicate key `{}`", key.value()),
            ));
        }
        entries.push((key, path));
        if body.is_empty() {
            break;
        }
        body.parse::<Token![,]>()?;
    }
    Ok(entries)
}

/// `HashMap`, `BTreeMap` or `Vec`.
fn parse_map_type(input: ParseStream<'_>) -> syn::Result<MapType> {
    let lookahead = input.lookahead1();
    if lookahead.peek(kw::HashMap) {
        input.parse::<kw::HashMap>()?;
        Ok(MapType::HashMap)
    } else if lookahead.peek(kw::BTreeMap) {
        input.parse::<kw::BTreeMap>()?;
        Ok(MapType::BTreeMap)
    } else if lookahead.peek(kw::Vec) {
        input.parse::<kw::Vec>()?;
        Ok(MapType::Vec)
    } else {
        Err(lookahead.error())
    }
}

/// `Owning` or `Borrowing { duplicate_if_necessary: bool }`.
fn parse_ownership(input: ParseStream<'_>) -> syn::Result<Ownership> {
    let lookahead = input.lookahead1();
    if lookahead.peek(kw::Owning) {
        input.parse::<kw::Owning>()?;
        Ok(Ownership::Owning)
    } else if lookahead.peek(kw::Borrowing) {
        input.parse::<kw::Borrowing>()?;
        let body;
        braced!(body in input);
        let lookahead = body.lookahead1();
        if !lookahead.peek(kw::duplicate_if_necessary) {
            return Err(lookahead.error());
        }
        body.parse::<kw::duplicate_if_necessary>()?;
        body.parse::<Token![:]>()?;
        let value: LitBool = body.parse()?;
        let _ = body.parse::<Option<Token![,]>>()?;
        if !body.is_empty() {
            return Err(body.error("unexpected input after `duplicate_if_necessary`"));
        }
        Ok(Ownership::Borrowing {
            duplicate_if_necessary: value.value,
        })
    } else {
        Err(lookahead.error())
    }
}

/// Which option a [`FunctionConfig`] is parsed for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Imports,
    Exports,
}

/// `trappable | tracing`: flags joined with `|`. Exports take only the
/// tracing flags: their call methods already return `witbind::Result`, do
/// not run host code and look exports up as the instance names them.
fn parse_flags(input: ParseStream<'_>, direction: Direction) -> syn::Result<Vec<FunctionFlag>> {
    let mut flags = Vec::new();
    loop {
        let span = input.span();
        let lookahead = input.lookahead1();
        let flag = if lookahead.peek(kw::trappable) {
            input.parse::<kw::trappable>()?;
            FunctionFlag::Trappable
        } else if lookahead.peek(kw::verbose_tracing) {
            input.parse::<kw::verbose_tracing>()?;
            FunctionFlag::VerboseTracing
        } else if lookahead.peek(kw::tracing) {
            input.parse::<kw::tracing>()?;
            FunctionFlag::Tracing
        } else if lookahead.peek(kw::exact) {
            input.parse::<kw::exact>()?;
            FunctionFlag::Exact
        } else if lookahead.peek(kw::store) {
            input.parse::<kw::store>()?;
            FunctionFlag::Store
        } else {
            return Err(lookahead.error());
        };
        let imports_only = matches!(
            flag,
            FunctionFlag::Trappable | FunctionFlag::Exact | FunctionFlag::Store
        );
        if direction == Direction::Exports && imports_only {
            let reason = match flag {
                FunctionFlag::Trappable => "an export's call method returns `witbind::Result`",
                FunctionFlag::Store => "an export's call method takes the store",
                _ => "an export is found under the name the instance exports it by",
            };
            return Err(syn::Error::new(
                span,
                format!(
                    "`{}` applies to imports only ({reason}); `exports` takes `tracing` and \
                     `verbose_tracing`",
                    flag.keyword()
                ),
            ));
        }
        if flags.contains(&flag) {
            return Err(syn::Error::new(
                span,
                format!("flag `{}` given twice", flag.keyword()),
            ));
        }
        flags.push(flag);
        if !input.peek(Token![|]) {
            return Ok(flags);
        }
        input.parse::<Token![|]>()?;
    }
}

/// `{ default: flags, "name": flags, ... }`.
fn parse_functions(input: ParseStream<'_>, direction: Direction) -> syn::Result<FunctionConfig> {
    let body;
    braced!(body in input);
    let mut config = FunctionConfig::default();
    let mut default_seen = false;
    while !body.is_empty() {
        let lookahead = body.lookahead1();
        if lookahead.peek(kw::default) {
            let key = body.parse::<kw::default>()?;
            body.parse::<Token![:]>()?;
            if default_seen {
                return Err(syn::Error::new(key.span, "duplicate key `default`"));
            }
            default_seen = true;
            config.default = parse_flags(&body, direction)?;
        } else if lookahead.peek(LitStr) {
            let key: LitStr = body.parse()?;
            body.parse::<Token![:]>()?;
            if config
                .functions
                .iter()
                .any(|(k, _)| k.value() == key.value())
            {
                return Err(syn::Error::new(
                    key.span(),
                    format!("duplicate key `{}`", key.value()),
                ));
            }
            let flags = parse_flags(&body, direction)?;
            if key.value().contains("[drop]") && flags.contains(&FunctionFlag::Trappable) {
                return Err(syn::Error::new(
                    key.span(),
                    format!(
                        "`{}`: a resource's destructor always returns `witbind::Result`; \
                         `trappable` does not apply to it",
                        key.value()
                    ),
                ));
            }
            config.functions.push((key, flags));
        } else {
            return Err(lookahead.error());
        }
        if body.is_empty() {
            break;
        }
        body.parse::<Token![,]>()?;
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(tokens: proc_macro2::TokenStream) -> syn::Result<Options> {
        syn::parse2(tokens)
    }

    #[test]
    fn every_option_parses() {
        let options = parse(quote::quote!({
            path: ["a.wit", "deps/"],
            world: "ns:pkg/w",
            inline: "package a:b;",
            with: { "ns:pkg/i": crate::x, "ns:pkg/i/t": crate::T },
            additional_derives: [Hash, serde::Serialize],
            ownership: Borrowing { duplicate_if_necessary: true },
            trappable_error_type: { "ns:pkg/i/err": MyError },
            imports: { default: trappable | tracing, "ns:pkg/i/f": exact | store },
            exports: { default: verbose_tracing },
            features: ["x", "y"],
            all_features: true,
            debug: false,
        }))
        .unwrap();
        assert_eq!(options.paths.len(), 2);
        assert_eq!(options.world.unwrap().value(), "ns:pkg/w");
        assert_eq!(options.with.len(), 2);
        assert_eq!(options.additional_derives.len(), 2);
        assert_eq!(
            options.ownership,
            Ownership::Borrowing {
                duplicate_if_necessary: true
            }
        );
        assert_eq!(
            options.imports.default,
            vec![FunctionFlag::Trappable, FunctionFlag::Tracing]
        );
        assert_eq!(
            options.imports.functions[0].1,
            vec![FunctionFlag::Exact, FunctionFlag::Store]
        );
        assert_eq!(options.features.len(), 2);
        assert!(options.all_features && !options.debug);
    }

    #[test]
    fn short_forms_parse() {
        assert!(parse(quote::quote!()).unwrap().world.is_none());
        let options = parse(quote::quote!("my-world")).unwrap();
        assert_eq!(options.world.unwrap().value(), "my-world");
    }

    #[test]
    fn unknown_and_duplicate_keys_are_errors() {
        let err = parse(quote::quote!({ wrld: "x" })).unwrap_err().to_string();
        assert!(err.starts_with("expected one of"), "{err}");
        assert!(err.contains("`world`") && err.contains("`path`"), "{err}");
        let err = parse(quote::quote!({ debug: true, debug: false }))
            .unwrap_err()
            .to_string();
        assert_eq!(err, "duplicate option `debug`");
        let err = parse(quote::quote!({ with: { "a:b/c": x, "a:b/c": y } }))
            .unwrap_err()
            .to_string();
        assert_eq!(err, "duplicate key `a:b/c`");
        let err = parse(quote::quote!({ imports: { default: fast } }))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("`trappable`") && err.contains("`store`"),
            "{err}"
        );
        // `ignore_wit` was accepted once and did nothing; it is gone.
        let err = parse(quote::quote!({ imports: { default: ignore_wit } }))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("expected one of"), "{err}");
        let err = parse(quote::quote!({ imports: { default: store | store } }))
            .unwrap_err()
            .to_string();
        assert_eq!(err, "flag `store` given twice");
    }

    #[test]
    fn exports_take_only_the_tracing_flags() {
        parse(quote::quote!({ exports: { default: tracing, "f": verbose_tracing } })).unwrap();
        for flag in ["trappable", "store", "exact"] {
            let flag: proc_macro2::TokenStream = flag.parse().unwrap();
            let err = parse(quote::quote!({ exports: { default: #flag } }))
                .unwrap_err()
                .to_string();
            assert!(err.contains("applies to imports only"), "{err}");
        }
        let err = parse(quote::quote!({ imports: { "a:b/c/[drop]r": trappable } }))
            .unwrap_err()
            .to_string();
        assert!(err.contains("destructor"), "{err}");
    }

    #[test]
    fn include_generated_code_from_file_is_debug() {
        let options = parse(quote::quote!({ include_generated_code_from_file: true })).unwrap();
        assert!(options.debug);
        let err = parse(quote::quote!({
            include_generated_code_from_file: true,
            include_generated_code_from_file: true,
        }))
        .unwrap_err()
        .to_string();
        assert_eq!(err, "duplicate option `include_generated_code_from_file`");
    }
}
