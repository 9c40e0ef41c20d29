//! The host side of imports: a `Host` trait per imported interface (or
//! `<World>Imports` for the world's own functions) with one method per
//! function, a `Host<Resource>` trait per imported resource, and the code
//! that registers them in a `Linker` through a plain accessor
//! `get: fn(&mut T) -> &mut U`.

use std::collections::{BTreeSet, HashMap};

use proc_macro2::{Group, Ident, TokenStream, TokenTree};
use quote::{format_ident, quote};
use wit_parser::{Function, Type, TypeDefKind, TypeId};

use super::options::{FunctionFlag, Ownership};
use super::plan::alias_target;
use super::signature::{
    ParamList, borrowed_handle, has_flag, host_method, param_ident, resource_of,
};
use super::types::{Form, TypeGen, doc_attrs};
use crate::names::{snake_ident, unique_ident};
use crate::runtime;

/// What one import scope (an interface, or the world itself) contains.
pub(crate) struct ImportScope<'a> {
    /// The module the traits go to.
    pub(crate) module: &'a [Ident],
    /// The interface's import name; `None` for the world's own imports.
    pub(crate) name: Option<&'a str>,
    /// `Host`, or `<World>Imports`.
    pub(crate) trait_name: Ident,
    pub(crate) functions: Vec<&'a Function>,
    pub(crate) resources: Vec<TypeId>,
}

/// The generated traits, and the statements that register every function
/// and resource of the scope in `inst`, a `LinkerInstance<T>`, through
/// `get`.
pub(crate) struct ImportItems {
    pub(crate) traits: TokenStream,
    pub(crate) registrations: TokenStream,
}

/// The Rust types named by `trappable_error_type`, by the WIT type's id.
pub(crate) fn error_types(types: &TypeGen<'_>) -> HashMap<TypeId, syn::Path> {
    let resolve = types.resolve;
    let mut found = HashMap::new();
    for (key, path) in &types.options.trappable_error_type {
        let key = key.value();
        let Some((iface, ty)) = key.rsplit_once('/') else {
            continue;
        };
        for m in &types.plan.interfaces {
            let matches = resolve.id_of(m.id).is_some_and(|full| {
                full == iface || full.split_once('@').is_some_and(|(u, _)| u == iface)
            });
            if let Some(id) = resolve.interfaces[m.id].types.get(ty).filter(|_| matches) {
                found.insert(alias_target(resolve, *id), path.clone());
            }
        }
    }
    found
}

/// One function's trait method and its registration.
struct HostFunction {
    decl: TokenStream,
    register: TokenStream,
    /// The `convert_<error>` method the function needs, by name.
    convert: Option<(Ident, TokenStream)>,
}

impl TypeGen<'_> {
    /// The traits and registrations of one import scope.
    pub(crate) fn import_items(&self, scope: &ImportScope<'_>) -> ImportItems {
        let errors = error_types(self);
        let mut traits = TokenStream::new();
        let mut registrations = TokenStream::new();
        let mut supertraits = Vec::new();
        let mut converts: Vec<(Ident, TokenStream)> = Vec::new();
        let mut free = Vec::new();
        for r in &scope.resources {
            let def = &self.resolve.types[*r];
            let wit_name = def.name.as_deref().unwrap_or_default();
            let host_trait = format_ident!("Host{}", self.resource_ident(*r));
            let marker = self.type_ref(&Type::Id(*r), scope.module, Form::Owned);
            let mut methods = Vec::new();
            // `drop` is the trait's own; WIT names that meet after case
            // conversion get distinct methods.
            let mut taken = BTreeSet::from(["drop".to_string()]);
            for f in scope
                .functions
                .iter()
                .filter(|f| resource_of(f) == Some(*r))
            {
                let method = unique_ident(host_method(f), &mut taken);
                let hf = self.host_function(scope, f, (&host_trait, method), &errors);
                methods.push(hf.decl);
                registrations.extend(hf.register);
                converts.extend(hf.convert);
            }
            let rt = runtime();
            let doc = format!(" The host's implementation of the WIT resource `{wit_name}`.");
            traits.extend(quote! {
                #[doc = #doc]
                #[allow(dead_code, clippy::all)]
                pub trait #host_trait {
                    #(#methods)*
                    /// Called when the guest drops the last owned handle.
                    fn drop(&mut self, rep: #rt::Resource<#marker>) -> #rt::Result<()>;
                }
            });
            registrations.extend(quote! {
                inst.resource::<#marker>(#wit_name, move |mut store, rep| {
                    #host_trait::drop(get(store.data_mut()), #rt::Resource::new_own(rep))
                })?;
            });
            supertraits.push(host_trait);
        }
        let mut taken = BTreeSet::new();
        for f in scope.functions.iter().filter(|f| resource_of(f).is_none()) {
            let method = unique_ident(host_method(f), &mut taken);
            let hf = self.host_function(scope, f, (&scope.trait_name, method), &errors);
            free.push(hf.decl);
            registrations.extend(hf.register);
            converts.extend(hf.convert);
        }
        let mut seen = Vec::new();
        converts.retain(|(name, _)| {
            let new = !seen.contains(name);
            seen.push(name.clone());
            new
        });
        let converts = converts.into_iter().map(|(_, decl)| decl);
        let trait_name = &scope.trait_name;
        let bounds = (!supertraits.is_empty()).then(|| quote!(: #(#supertraits)+*));
        let doc = match scope.name {
            Some(name) => format!(" The host's implementation of the imported interface `{name}`."),
            None => " The host's implementation of the world's own imports.".to_string(),
        };
        traits.extend(quote! {
            #[doc = #doc]
            #[allow(dead_code, clippy::all)]
            pub trait #trait_name #bounds {
                #(#free)*
                #(#converts)*
            }
        });
        ImportItems {
            traits,
            registrations,
        }
    }

    fn host_function(
        &self,
        scope: &ImportScope<'_>,
        f: &Function,
        (host_trait, method): (&Ident, Ident),
        errors: &HashMap<TypeId, syn::Path>,
    ) -> HostFunction {
        let rt = runtime();
        let module = scope.module;
        let docs = doc_attrs(&f.docs);
        let wit_name = &f.name;
        let borrowing = matches!(self.options.ownership, Ownership::Borrowing { .. });
        let form = if borrowing {
            Form::Borrowed
        } else {
            Form::Owned
        };
        let mut params = Vec::new();
        let mut names = Vec::new();
        let mut lifted = Vec::new();
        let mut args = Vec::new();
        for (i, p) in f.params.iter().enumerate() {
            let name = param_ident(&p.name);
            // The registration closure binds `argN`, which cannot clash
            // with its own locals (`store`, `get`, `data`, ...).
            let arg = format_ident!("arg{i}");
            let lifted_ty = self.type_ref(&p.ty, module, form);
            match borrowed_handle(self, &p.ty, module) {
                Some(handle) => {
                    params.push(quote!(#name: #handle));
                    args.push(quote!(#arg.into_inner()));
                }
                None => {
                    params.push(quote!(#name: #lifted_ty));
                    args.push(quote!(#arg));
                }
            }
            lifted.push(lifted_ty);
            names.push(arg);
        }
        let borrows = lifted.iter().any(uses_lifetime);
        let generics = borrows.then(|| quote!(<'a>));
        let host = if borrows {
            quote!(get(data))
        } else {
            quote!(get(store.data_mut()))
        };
        let trappable = has_flag(
            &self.options.imports,
            scope.name,
            &f.name,
            FunctionFlag::Trappable,
        );
        let error = self.error_case(f, module, errors);
        let result = super::signature::result_type(self, f, module);
        let has_result = f.result.is_some();
        let binding = if has_result { quote!(r) } else { quote!(()) };
        let (ret, call, convert) = match &error {
            Some((ok, err_ty, path)) => {
                let convert = format_ident!(
                    "convert_{}",
                    snake_ident(
                        self.resolve.types[*err_ty]
                            .name
                            .as_deref()
                            .unwrap_or("error")
                    )
                    .to_string()
                    .trim_start_matches("r#")
                );
                let err_rust = self.type_ref(&Type::Id(*err_ty), module, Form::Owned);
                let doc = format!(
                    " Turns a `{}` returned by a host function into the WIT error value, or \
                     into a trap (`Err`).",
                    quote!(#path).to_string().replace(' ', "")
                );
                let decl = quote! {
                    #[doc = #doc]
                    fn #convert(&mut self, err: #path) -> #rt::Result<#err_rust>;
                };
                let call = quote! {
                    let host = #host;
                    let r = match #host_trait::#method(host, #(#args),*) {
                        ::core::result::Result::Ok(v) => ::core::result::Result::Ok(v),
                        ::core::result::Result::Err(e) => {
                            ::core::result::Result::Err(#host_trait::#convert(host, e)?)
                        }
                    };
                };
                (
                    Some(quote!(-> ::core::result::Result<#ok, #path>)),
                    call,
                    Some((convert, decl)),
                )
            }
            None if trappable => (
                Some(quote!(-> #rt::Result<#result>)),
                quote!(let #binding = #host_trait::#method(#host, #(#args),*)?;),
                None,
            ),
            None => (
                has_result.then(|| quote!(-> #result)),
                quote!(let #binding = #host_trait::#method(#host, #(#args),*);),
                None,
            ),
        };
        let results = if has_result {
            quote!(::core::result::Result::Ok((r,)))
        } else {
            quote!(::core::result::Result::Ok(()))
        };
        let decl = quote! {
            #docs
            fn #method #generics(&mut self, #(#params),*) #ret;
        };
        let list = ParamList::new(f.params.len(), quote!(#rt::Lift));
        let item = &list.item;
        let names: Vec<TokenStream> = names.iter().map(|n| quote!(#n)).collect();
        let pattern = list.value(&names);
        let register = if borrows {
            let checked: Vec<_> = lifted
                .iter()
                .map(|t| with_lifetime(t.clone(), "static"))
                .collect();
            let elided: Vec<_> = lifted
                .iter()
                .map(|t| with_lifetime(t.clone(), "_"))
                .collect();
            let (checked, elided) = (list.ty(&checked), list.ty(&elided));
            quote! {
                {
                    #item
                    inst.func_wrap_borrowed::<#checked, _, _>(
                        #wit_name,
                        move |data: &mut T, params: &mut #rt::BorrowedParams<'_>| {
                            let #pattern: #elided = params.lift()?;
                            #call
                            #results
                        },
                    )?;
                }
            }
        } else {
            let lifted = list.ty(&lifted);
            quote! {
                {
                    #item
                    inst.func_wrap(
                        #wit_name,
                        move |mut store: #rt::StoreContextMut<'_, T>, #pattern: #lifted| {
                            #call
                            #results
                        },
                    )?;
                }
            }
        };
        HostFunction {
            decl,
            register,
            convert,
        }
    }

    /// For a function returning `result<T, E>` whose `E` has a
    /// `trappable_error_type`: the Rust `T`, `E`'s id and the Rust error.
    fn error_case(
        &self,
        f: &Function,
        module: &[Ident],
        errors: &HashMap<TypeId, syn::Path>,
    ) -> Option<(TokenStream, TypeId, syn::Path)> {
        let Some(Type::Id(id)) = &f.result else {
            return None;
        };
        let TypeDefKind::Result(r) = &self.resolve.types[*id].kind else {
            return None;
        };
        let Some(Type::Id(err)) = r.err else {
            return None;
        };
        let path = errors.get(&alias_target(self.resolve, err))?;
        let ok =
            r.ok.as_ref()
                .map_or_else(|| quote!(()), |t| self.type_ref(t, module, Form::Owned));
        Some((ok, err, path.clone()))
    }
}

/// Whether a generated type names the lifetime `'a` (a borrowed form).
fn uses_lifetime(tokens: &TokenStream) -> bool {
    with_lifetime(tokens.clone(), "static").to_string() != tokens.to_string()
}

/// `tokens` with every lifetime `'a` replaced by `'name`.
fn with_lifetime(tokens: TokenStream, name: &str) -> TokenStream {
    let mut out = Vec::new();
    let mut after_quote = false;
    for tree in tokens {
        let tree = match tree {
            TokenTree::Ident(i) if after_quote && i == "a" => {
                TokenTree::Ident(Ident::new(name, i.span()))
            }
            TokenTree::Group(g) => {
                let mut group = Group::new(g.delimiter(), with_lifetime(g.stream(), name));
                group.set_span(g.span());
                TokenTree::Group(group)
            }
            other => other,
        };
        after_quote = matches!(&tree, TokenTree::Punct(p) if p.as_char() == '\'');
        out.push(tree);
    }
    out.into_iter().collect()
}
