//! Names: WIT kebab-case names from Rust identifiers and back, and the one
//! table of Rust keywords that decides when a generated name is escaped.

use heck::{ToKebabCase, ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span};
use syn::ext::IdentExt;

/// Every Rust keyword, strict and reserved, of edition 2024, including the
/// weak keywords a generated name must not collide with.
///
/// `self`, `Self`, `super` and `crate` cannot be raw identifiers; names that
/// are one of those get a trailing underscore instead.
pub(crate) const RUST_KEYWORDS: &[&str] = &[
    "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
    "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be written as raw identifiers.
const NOT_RAW: &[&str] = &["Self", "self", "super", "crate"];

/// The WIT name a Rust identifier stands for when no `#[component(name)]`
/// gives one: the identifier in kebab-case (`foo_bar` and `FooBar` are both
/// `foo-bar`).
pub(crate) fn wit_name_of(ident: &Ident) -> String {
    ident.unraw().to_string().to_kebab_case()
}

/// Whether `name` is a valid WIT identifier: `-`-separated words, each
/// starting with a letter and either all lowercase or all uppercase.
pub(crate) fn is_valid_wit_name(name: &str) -> bool {
    !name.is_empty()
        && name.split('-').all(|word| {
            let mut chars = word.chars();
            let starts_alpha = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
            let lower = word
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
            let upper = word
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            starts_alpha && (lower || upper)
        })
}

/// A Rust identifier for `name`, escaped when it is a keyword: raw
/// (`r#type`) where Rust allows it, with a trailing underscore otherwise.
pub(crate) fn escape(name: &str) -> Ident {
    if NOT_RAW.contains(&name) {
        Ident::new(&format!("{name}_"), Span::call_site())
    } else if RUST_KEYWORDS.contains(&name) {
        Ident::new_raw(name, Span::call_site())
    } else {
        Ident::new(name, Span::call_site())
    }
}

/// Converts `name` with `case` and makes it a valid identifier: a leading
/// digit (impossible in WIT, but cheap to guard) gets an underscore first.
fn converted(name: &str, case: fn(&str) -> String) -> Ident {
    let converted = case(name);
    if converted.starts_with(|c: char| c.is_ascii_digit()) {
        escape(&format!("_{converted}"))
    } else {
        escape(&converted)
    }
}

/// A type name: `UpperCamelCase`.
pub(crate) fn type_ident(name: &str) -> Ident {
    converted(name, |s| s.to_upper_camel_case())
}

/// A field, function or module name: `snake_case`.
pub(crate) fn snake_ident(name: &str) -> Ident {
    converted(name, |s| s.to_snake_case())
}

/// A flag constant: `SHOUTY_SNAKE_CASE`.
pub(crate) fn shouty_ident(name: &str) -> Ident {
    converted(name, |s| s.to_shouty_snake_case())
}

/// `name`, or with underscores appended until nothing in `taken` (the
/// names already given in one scope: a trait's methods, a type's fields)
/// has it; the result is recorded in `taken`. `r#type` that meets another
/// `type` becomes `type_`, which is no keyword.
pub(crate) fn unique_ident(name: Ident, taken: &mut std::collections::BTreeSet<String>) -> Ident {
    let mut text = name.to_string().trim_start_matches("r#").to_string();
    if taken.insert(text.clone()) {
        return name;
    }
    while taken.contains(&text) {
        text.push('_');
    }
    taken.insert(text.clone());
    Ident::new(&text, name.span())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_keyword_is_escaped_into_a_valid_identifier() {
        for kw in RUST_KEYWORDS {
            let ident = escape(kw);
            let text = ident.to_string();
            assert_ne!(text, *kw, "{kw} was not escaped");
            // The escaped name must parse as an identifier, not a keyword.
            syn::parse_str::<syn::Ident>(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
        }
    }

    #[test]
    fn the_keyword_table_matches_the_parser() {
        // Every keyword in the table is rejected as a plain identifier by syn,
        // except the weak and reserved ones syn accepts; `gen` is reserved
        // since edition 2024, which the table must include.
        assert!(RUST_KEYWORDS.contains(&"gen"));
        for kw in ["type", "match", "fn", "self", "Self", "async", "dyn", "try"] {
            assert!(RUST_KEYWORDS.contains(&kw));
            assert!(syn::parse_str::<syn::Ident>(kw).is_err(), "{kw}");
        }
        let mut sorted = RUST_KEYWORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), RUST_KEYWORDS.len(), "duplicate entry");
    }

    #[test]
    fn names_convert_between_cases() {
        assert_eq!(type_ident("http-request").to_string(), "HttpRequest");
        assert_eq!(snake_ident("http-request").to_string(), "http_request");
        assert_eq!(shouty_ident("read-write").to_string(), "READ_WRITE");
        assert_eq!(snake_ident("type").to_string(), "r#type");
        assert_eq!(snake_ident("self").to_string(), "self_");
        assert_eq!(type_ident("self").to_string(), "Self_");
        assert_eq!(snake_ident("gen").to_string(), "r#gen");
        let raw: Ident = syn::parse_str("r#type").unwrap();
        assert_eq!(wit_name_of(&raw), "type");
        let camel: Ident = syn::parse_str("FooBar").unwrap();
        assert_eq!(wit_name_of(&camel), "foo-bar");
    }

    #[test]
    fn wit_names_are_validated() {
        assert!(is_valid_wit_name("foo-bar2"));
        assert!(is_valid_wit_name("HTTP-request"));
        assert!(!is_valid_wit_name(""));
        assert!(!is_valid_wit_name("foo--bar"));
        assert!(!is_valid_wit_name("Foo"));
        assert!(!is_valid_wit_name("1foo"));
        assert!(!is_valid_wit_name("foo_bar"));
    }
}
