//! Resolving a vector's WIT into [`Type`]s with `wit-parser`, as the README
//! says: the declarations wrapped in `package conformance:vectors`.

use std::collections::HashMap;

use anyhow::{Context, Result};
use wit_parser::Resolve;
use witbind::types::Type;

use super::vector::Subject;

/// The types a vector's values have.
#[derive(Debug, Clone)]
pub enum Resolved {
    /// The `target` type of `lower` and `lift` vectors.
    Type(Type),
    /// The parameter and result types of `f`, for the `call-*` kinds.
    Func {
        /// Parameter types in order.
        params: Vec<Type>,
        /// Result types (zero or one).
        results: Vec<Type>,
    },
}

/// Resolves each distinct `(wit, subject)` once.
#[derive(Debug, Default)]
pub struct Resolver {
    cache: HashMap<(String, Subject), Resolved>,
}

impl Resolver {
    /// The types of `subject` given the declarations `wit`.
    pub fn resolve(&mut self, wit: &str, subject: &Subject) -> Result<Resolved> {
        let key = (wit.to_string(), subject.clone());
        if let Some(resolved) = self.cache.get(&key) {
            return Ok(resolved.clone());
        }
        let resolved = resolve(wit, subject)?;
        self.cache.insert(key, resolved.clone());
        Ok(resolved)
    }
}

fn resolve(wit: &str, subject: &Subject) -> Result<Resolved> {
    let item = match subject {
        Subject::Type(ty) => format!("type target = {ty};"),
        Subject::Func(func) => format!("f: {func};"),
    };
    let source = format!("package conformance:vectors;\ninterface t {{\n{wit}\n{item}\n}}\n");
    let mut resolve = Resolve::new();
    let package = resolve
        .push_str("conformance.wit", &source)
        .with_context(|| format!("resolving\n{source}"))?;
    let interface = *resolve.packages[package]
        .interfaces
        .get("t")
        .context("no interface `t`")?;
    let interface = &resolve.interfaces[interface];
    Ok(match subject {
        Subject::Type(_) => {
            let id = *interface.types.get("target").context("no type `target`")?;
            Resolved::Type(Type::from_wit(&resolve, &wit_parser::Type::Id(id))?)
        }
        Subject::Func(_) => {
            let func = interface.functions.get("f").context("no function `f`")?;
            Resolved::Func {
                params: func
                    .params
                    .iter()
                    .map(|param| Type::from_wit(&resolve, &param.ty))
                    .collect::<Result<_>>()?,
                results: func
                    .result
                    .iter()
                    .map(|ty| Type::from_wit(&resolve, ty))
                    .collect::<Result<_>>()?,
            }
        }
    })
}
