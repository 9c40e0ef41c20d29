//! Guest of the `named-imports` world: one interface imported under two names.

wit_bindgen::generate!({ path: "../wit", world: "named-imports" });

struct NamedImports;

impl Guest for NamedImports {
    fn lookup(key: String) -> String {
        primary::get(&key)
            .or_else(|| fallback::get(&key))
            .unwrap_or_else(|| "?".to_string())
    }
    fn holders(key: String) -> Vec<String> {
        let mut found = Vec::new();
        if primary::get(&key).is_some() {
            found.push("primary".to_string());
        }
        if fallback::get(&key).is_some() {
            found.push("fallback".to_string());
        }
        found
    }
}

export!(NamedImports);
