//! The host side of imports: a `Host` trait per imported interface (or
//! `<World>Imports` for the world's own functions) with one method per
//! function, a `Host<Resource>` trait per imported resource, and the code
//! that registers them in a `Linker` through a plain accessor
//! `get: fn(&mut T) -> &mut U`.
//!
//! Functions flagged `store` move to `HostWithStore<T>` (and
//! `Host<Resource>WithStore<T>`), whose methods take a `witbind::Access`
//! in place of `&mut self`. Every scope has a `...WithStore<T>` trait, the
//! bound `add_to_linker` asks for; one without methods of its own is
//! implemented for every type implementing the plain traits.

use std::collections::{BTreeSet, HashMap};

use proc_macro2::{Group, Ident, TokenStream, TokenTree};
use quote::{format_ident, quote};
use wit_parser::{Function, Type, TypeDefKind, TypeId};

use super::gates::{deprecated_attr, gated};
use super::options::Ownership;
use super::plan::{alias_target, holds_long_tuple};
use super::signature::{
    ParamList, borrowed_handle, flags_of, host_method, param_ident, resource_of,
};
use super::trace::{Shown, Trace};
use super::types::{Form, TypeGen, doc_attrs};
use crate::names::{snake_ident, unique_ident};
use crate::runtime;

/// What one import scope (an interface, or the world itself) contains.
pub(crate) struct ImportScope<'a> {
    /// The module the traits go to.
    pub(crate) module: &'a [Ident],
    /// The interface's import name; `None` for the world's own imports.
    pub(crate) name: Option<&'a str>,
    /// The world's name, which spans of the world's own imports carry.
    pub(crate) world: &'a str,
    /// `Host`, or `<World>Imports`.
    pub(crate) trait_name: Ident,
    pub(crate) functions: Vec<&'a Function>,
    pub(crate) resources: Vec<TypeId>,
}

impl ImportScope<'_> {
    /// `HostWithStore`, or `<World>ImportsWithStore`.
    pub(crate) fn store_trait(&self) -> Ident {
        format_ident!("{}WithStore", self.trait_name)
    }
}

/// The generated traits, and the statements that register every function
/// and resource of the scope in `inst`, a `LinkerInstance<T>`, through
/// `get`, for a `U: <scope>WithStore<T>`.
pub(crate) struct ImportItems {
    pub(crate) traits: TokenStream,
    pub(crate) registrations: TokenStream,
    /// Whether some function of the scope is traced.
    pub(crate) traced: bool,
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
    /// Whether `decl` belongs to the `...WithStore<T>` trait.
    store: bool,
    register: TokenStream,
    traced: bool,
    /// The `convert_<error>` method the function needs, by name.
    convert: Option<(Ident, TokenStream)>,
}

/// The traits a function's method goes to: the plain one (`Host`,
/// `Host<Resource>`, `<World>Imports`) and its `...WithStore<T>` twin.
struct Traits<'t> {
    plain: &'t Ident,
    store: &'t Ident,
    /// The scope's plain trait, which holds the `convert_<error>` methods.
    scope: &'t Ident,
}

impl TypeGen<'_> {
    /// The traits and registrations of one import scope.
    pub(crate) fn import_items(&self, scope: &ImportScope<'_>) -> ImportItems {
        let errors = error_types(self);
        let has_options = self.plan.has_link_options();
        let mut traits = TokenStream::new();
        let mut registrations = TokenStream::new();
        let mut traced = false;
        let mut supertraits = Vec::new();
        let mut store_supertraits = Vec::new();
        let mut converts: Vec<(Ident, TokenStream)> = Vec::new();
        let scope_trait = &scope.trait_name;
        let scope_store_trait = scope.store_trait();
        for r in &scope.resources {
            let def = &self.resolve.types[*r];
            let wit_name = def.name.as_deref().unwrap_or_default();
            let resource = self.resource_ident(*r);
            let host_trait = format_ident!("Host{resource}");
            let store_trait = format_ident!("Host{resource}WithStore");
            let marker = self.type_ref(&Type::Id(*r), scope.module, Form::Owned);
            let (mut methods, mut store_methods) = (Vec::new(), Vec::new());
            // `drop` is the trait's own; WIT names that meet after case
            // conversion get distinct methods.
            let mut taken = BTreeSet::from(["drop".to_string()]);
            let traits_of = Traits {
                plain: &host_trait,
                store: &store_trait,
                scope: scope_trait,
            };
            for f in scope
                .functions
                .iter()
                .filter(|f| resource_of(f) == Some(*r))
            {
                let method = unique_ident(host_method(f), &mut taken);
                let hf = self.host_function(scope, f, &traits_of, method, &errors);
                if hf.store {
                    &mut store_methods
                } else {
                    &mut methods
                }
                .push(hf.decl);
                // A method is gated by its own feature and its resource's.
                let register = gated(&f.stability, has_options, hf.register);
                registrations.extend(gated(&def.stability, has_options, register));
                converts.extend(hf.convert);
                traced |= hf.traced;
            }
            let drop = self.resource_drop(scope, wit_name, &marker, &traits_of);
            if drop.store {
                &mut store_methods
            } else {
                &mut methods
            }
            .push(drop.decl);
            registrations.extend(gated(&def.stability, has_options, drop.register));
            traced |= drop.traced;
            let doc = format!(" The host's implementation of the WIT resource `{wit_name}`.");
            traits.extend(quote! {
                #[doc = #doc]
                #[allow(dead_code, deprecated, clippy::all)]
                pub trait #host_trait {
                    #(#methods)*
                }
            });
            if !store_methods.is_empty() {
                let doc = format!(
                    " The functions of the WIT resource `{wit_name}` that get the store \
                     (`store` in `imports`)."
                );
                traits.extend(quote! {
                    #[doc = #doc]
                    #[allow(dead_code, deprecated, clippy::all)]
                    pub trait #store_trait<T: 'static>: #host_trait {
                        #(#store_methods)*
                    }
                });
                store_supertraits.push(quote!(#store_trait<T>));
            }
            supertraits.push(host_trait);
        }
        let (mut free, mut store_free) = (Vec::new(), Vec::new());
        let mut taken = BTreeSet::new();
        let traits_of = Traits {
            plain: scope_trait,
            store: &scope_store_trait,
            scope: scope_trait,
        };
        for f in scope.functions.iter().filter(|f| resource_of(f).is_none()) {
            let method = unique_ident(host_method(f), &mut taken);
            let hf = self.host_function(scope, f, &traits_of, method, &errors);
            if hf.store { &mut store_free } else { &mut free }.push(hf.decl);
            registrations.extend(gated(&f.stability, has_options, hf.register));
            converts.extend(hf.convert);
            traced |= hf.traced;
        }
        let mut seen = Vec::new();
        converts.retain(|(name, _)| {
            let new = !seen.contains(name);
            seen.push(name.clone());
            new
        });
        let converts = converts.into_iter().map(|(_, decl)| decl);
        let bounds = (!supertraits.is_empty()).then(|| quote!(: #(#supertraits)+*));
        let (doc, store_doc) = match scope.name {
            Some(name) => (
                format!(" The host's implementation of the imported interface `{name}`."),
                format!(
                    " The functions of the imported interface `{name}` that get the store \
                     (`store` in `imports`), and the bound of its `add_to_linker`."
                ),
            ),
            None => (
                " The host's implementation of the world's own imports.".to_string(),
                " The world's own imports that get the store (`store` in `imports`), and the \
                 bound of their registration."
                    .to_string(),
            ),
        };
        traits.extend(quote! {
            #[doc = #doc]
            #[allow(dead_code, deprecated, clippy::all)]
            pub trait #scope_trait #bounds {
                #(#free)*
                #(#converts)*
            }

            #[doc = #store_doc]
            #[allow(dead_code, deprecated, clippy::all)]
            pub trait #scope_store_trait<T: 'static>: #scope_trait #(+ #store_supertraits)* {
                #(#store_free)*
            }
        });
        if store_free.is_empty() {
            // Nothing to implement: every implementation of the plain
            // traits is one.
            traits.extend(quote! {
                #[allow(dead_code, deprecated, clippy::all)]
                impl<T: 'static, H: #scope_trait #(+ #store_supertraits)* + ?::core::marker::Sized>
                    #scope_store_trait<T> for H {}
            });
        }
        ImportItems {
            traits,
            registrations,
            traced,
        }
    }

    /// A resource's destructor: `drop` of `Host<Resource>`, or of
    /// `Host<Resource>WithStore<T>` with the `store` flag on its
    /// `[drop]<resource>` key (or the default).
    fn resource_drop(
        &self,
        scope: &ImportScope<'_>,
        wit_name: &str,
        marker: &TokenStream,
        traits: &Traits<'_>,
    ) -> HostFunction {
        let rt = runtime();
        let key = format!("[drop]{wit_name}");
        let flags = flags_of(&self.options.imports, scope.name, &key);
        let Traits { plain, store, .. } = traits;
        let (decl, call) = if flags.store {
            (
                quote! {
                    /// Called when the guest drops the last owned handle.
                    fn drop(
                        host: #rt::Access<'_, T, Self>,
                        rep: #rt::Resource<#marker>,
                    ) -> #rt::Result<()>;
                },
                quote! {
                    <U as #store<T>>::drop(
                        #rt::Access::new(#rt::AsContextMut::as_context_mut(&mut store), get),
                        #rt::Resource::new_own(rep),
                    )
                },
            )
        } else {
            (
                quote! {
                    /// Called when the guest drops the last owned handle.
                    fn drop(&mut self, rep: #rt::Resource<#marker>) -> #rt::Result<()>;
                },
                quote!(#plain::drop(get(store.data_mut()), #rt::Resource::new_own(rep))),
            )
        };
        let body = if flags.tracing {
            let trace = Trace {
                kind: "witbind import",
                module: scope.name.unwrap_or(scope.world),
                function: &key,
                verbose: flags.verbose,
            };
            let rep = Shown {
                name: "rep".into(),
                expr: quote!(rep),
                debug: true,
            };
            trace.wrap(&[rep], None, call)
        } else {
            call
        };
        let inst = if flags.exact {
            quote!(inst.exact())
        } else {
            quote!(inst)
        };
        let register = quote! {
            #inst.resource::<#marker>(
                #wit_name,
                move |mut store: #rt::StoreContextMut<'_, T>, rep: u32| {
                    #body
                },
            )?;
        };
        HostFunction {
            decl,
            store: flags.store,
            register,
            traced: flags.tracing,
            convert: None,
        }
    }

    fn host_function(
        &self,
        scope: &ImportScope<'_>,
        f: &Function,
        traits: &Traits<'_>,
        method: Ident,
        errors: &HashMap<TypeId, syn::Path>,
    ) -> HostFunction {
        let rt = runtime();
        let module = scope.module;
        let docs = if f.docs.contents.is_some() {
            doc_attrs(&f.docs)
        } else {
            let text = format!(" The import `{}`.", f.name);
            quote!(#[doc = #text])
        };
        let deprecated = deprecated_attr(&f.stability);
        let wit_name = &f.name;
        let flags = flags_of(&self.options.imports, scope.name, &f.name);
        // A function that gets the store cannot hold views of guest memory
        // while it may call guests: its parameters are owned.
        let borrowing =
            matches!(self.options.ownership, Ownership::Borrowing { .. }) && !flags.store;
        let form = if borrowing {
            Form::Borrowed
        } else {
            Form::Owned
        };
        let mut params = Vec::new();
        let mut names = Vec::new();
        let mut lifted = Vec::new();
        let mut args = Vec::new();
        let mut shown = Vec::new();
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
            shown.push(Shown {
                name: p.name.clone(),
                expr: quote!(&#arg),
                debug: !holds_long_tuple(self.resolve, &p.ty),
            });
            lifted.push(lifted_ty);
            names.push(arg);
        }
        let borrows = lifted.iter().any(uses_lifetime);
        let generics = borrows.then(|| quote!(<'a>));
        let (plain, store_trait, scope_trait) = (traits.plain, traits.store, traits.scope);
        // The receiver the call passes, and how the trait names the method.
        let (host, callee) = if flags.store {
            (
                quote!(#rt::Access::new(#rt::AsContextMut::as_context_mut(&mut store), get)),
                quote!(<U as #store_trait<T>>::#method),
            )
        } else if borrows {
            (quote!(get(data)), quote!(#plain::#method))
        } else {
            (quote!(get(store.data_mut())), quote!(#plain::#method))
        };
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
                // The conversion runs after the call, on the store's data
                // again when the call had the store.
                let (bind_host, receiver, converter) = if flags.store {
                    (
                        TokenStream::new(),
                        host.clone(),
                        quote!(get(store.data_mut())),
                    )
                } else {
                    (quote!(let host = #host;), quote!(host), quote!(host))
                };
                let call = quote! {
                    #bind_host
                    let r = match #callee(#receiver, #(#args),*) {
                        ::core::result::Result::Ok(v) => ::core::result::Result::Ok(v),
                        ::core::result::Result::Err(e) => {
                            ::core::result::Result::Err(#scope_trait::#convert(#converter, e)?)
                        }
                    };
                };
                (
                    Some(quote!(-> ::core::result::Result<#ok, #path>)),
                    call,
                    Some((convert, decl)),
                )
            }
            None if flags.trappable => (
                Some(quote!(-> #rt::Result<#result>)),
                quote!(let #binding = #callee(#host, #(#args),*)?;),
                None,
            ),
            None => (
                has_result.then(|| quote!(-> #result)),
                quote!(let #binding = #callee(#host, #(#args),*);),
                None,
            ),
        };
        let results = if has_result {
            quote!(::core::result::Result::Ok((r,)))
        } else {
            quote!(::core::result::Result::Ok(()))
        };
        let body = if flags.tracing {
            let trace = Trace {
                kind: "witbind import",
                module: scope.name.unwrap_or(scope.world),
                function: wit_name,
                verbose: flags.verbose,
            };
            let result = f.result.as_ref().map(|t| Shown {
                name: "result".into(),
                expr: quote!(&witbind_ok.0),
                debug: !holds_long_tuple(self.resolve, t),
            });
            trace.wrap(&shown, result, quote!(#call #results))
        } else {
            quote!(#call #results)
        };
        let docs = quote!(#docs #deprecated);
        let decl = if flags.store {
            quote! {
                #docs
                fn #method #generics(host: #rt::Access<'_, T, Self>, #(#params),*) #ret;
            }
        } else {
            quote! {
                #docs
                fn #method #generics(&mut self, #(#params),*) #ret;
            }
        };
        let list = ParamList::new(f.params.len(), quote!(#rt::Lift));
        let item = &list.item;
        let names: Vec<TokenStream> = names.iter().map(|n| quote!(#n)).collect();
        let pattern = list.value(&names);
        let inst = if flags.exact {
            quote!(inst.exact())
        } else {
            quote!(inst)
        };
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
                    #inst.func_wrap_borrowed::<#checked, _, _>(
                        #wit_name,
                        move |data: &mut T, params: &mut #rt::BorrowedParams<'_>| {
                            let #pattern: #elided = params.lift()?;
                            #body
                        },
                    )?;
                }
            }
        } else {
            let lifted = list.ty(&lifted);
            quote! {
                {
                    #item
                    #inst.func_wrap(
                        #wit_name,
                        move |mut store: #rt::StoreContextMut<'_, T>, #pattern: #lifted| {
                            #body
                        },
                    )?;
                }
            }
        };
        HostFunction {
            decl,
            store: flags.store,
            register,
            traced: flags.tracing,
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
