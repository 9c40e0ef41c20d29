//! The world's host-side items: the struct named after the world (its
//! instance's exports), `<World>Pre` for many instances of one component,
//! `<World>Imports` for the world's own imports, and `add_to_linker` for
//! every import at once; plus the host items of each interface module.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use wit_parser::{Function, TypeDefKind, TypeId, WorldItem};

use super::gates::{gated, link_options};
use super::imports::ImportScope;
use super::types::TypeGen;
use crate::names::{snake_ident, type_ident};
use crate::runtime;

/// The resources an interface defines.
fn interface_resources(types: &TypeGen<'_>, id: wit_parser::InterfaceId) -> Vec<TypeId> {
    types.resolve.interfaces[id]
        .types
        .values()
        .copied()
        .filter(|t| matches!(types.resolve.types[*t].kind, TypeDefKind::Resource))
        .collect()
}

impl TypeGen<'_> {
    /// The host items of the interface module `index` of the plan.
    pub(crate) fn interface_host_items(&self, index: usize) -> TokenStream {
        let rt = runtime();
        let m = &self.plan.interfaces[index];
        let iface = &self.resolve.interfaces[m.id];
        let functions: Vec<&Function> = iface.functions.values().collect();
        let resources = interface_resources(self, m.id);
        if m.exported {
            return self.export_interface(&m.name, &functions, &resources, &m.path);
        }
        let scope = ImportScope {
            module: &m.path,
            name: Some(&m.name),
            world: &self.resolve.worlds[self.plan.world].name,
            trait_name: format_ident!("Host"),
            functions,
            resources,
        };
        let items = self.import_items(&scope);
        self.traced.set(self.traced.get() | items.traced);
        let traits = items.traits;
        let registrations = items.registrations;
        let name = &m.name;
        // With link options, every `add_to_linker` takes the world's.
        let options_use = self
            .plan
            .has_link_options()
            .then(|| quote!(let _ = options;));
        let (options, doc) = if self.plan.has_link_options() {
            let root = m.path.iter().map(|_| quote!(super::));
            (
                quote!(options: &#(#root)* LinkOptions,),
                " Registers the host functions and resources of this interface in `linker`, \
                 those behind `@unstable` features only when `options` enables them; `get` \
                 finds the implementation in the store's data.",
            )
        } else {
            (
                TokenStream::new(),
                " Registers the host functions and resources of this interface in `linker`; \
                 `get` finds the implementation in the store's data.",
            )
        };
        quote! {
            #traits

            #[doc = #doc]
            pub fn add_to_linker<T: 'static, U: HostWithStore<T> + ?::core::marker::Sized + 'static>(
                linker: &mut #rt::Linker<T>,
                #options
                get: fn(&mut T) -> &mut U,
            ) -> #rt::Result<()> {
                #options_use
                let mut inst = linker.instance(#name)?;
                let _ = (&mut inst, get);
                #registrations
                ::core::result::Result::Ok(())
            }
        }
    }

    /// The root-level items of the world.
    pub(crate) fn world_items(&self) -> TokenStream {
        let rt = runtime();
        let resolve = self.resolve;
        let w = &resolve.worlds[self.plan.world];
        let world = type_ident(&w.name);
        let imports_trait = format_ident!("{world}Imports");
        let pre = format_ident!("{world}Pre");

        // The world's own imports.
        let root_functions: Vec<&Function> = w
            .imports
            .values()
            .filter_map(|item| match item {
                WorldItem::Function(f) => Some(f),
                _ => None,
            })
            .collect();
        let root_resources: Vec<TypeId> = w
            .imports
            .values()
            .filter_map(|item| match item {
                WorldItem::Type { id, .. }
                    if matches!(resolve.types[*id].kind, TypeDefKind::Resource) =>
                {
                    Some(*id)
                }
                _ => None,
            })
            .collect();
        let mut bounds = Vec::new();
        let mut root_traits = TokenStream::new();
        let mut root_registrations = TokenStream::new();
        if !root_functions.is_empty() || !root_resources.is_empty() {
            let scope = ImportScope {
                module: &[],
                name: None,
                world: &w.name,
                trait_name: imports_trait.clone(),
                functions: root_functions,
                resources: root_resources,
            };
            let items = self.import_items(&scope);
            self.traced.set(self.traced.get() | items.traced);
            let store_trait = scope.store_trait();
            root_traits = items.traits;
            let registrations = items.registrations;
            root_registrations = quote! {
                {
                    let mut inst = linker.root();
                    #registrations
                }
            };
            bounds.push(quote!(#store_trait<T>));
        }
        let has_options = self.plan.has_link_options();
        let options_use = has_options.then(|| quote!(let _ = options;));
        let mut interface_adds = Vec::new();
        let mut fields = Vec::new();
        let mut names = Vec::new();
        let mut inits = Vec::new();
        let mut accessors = Vec::new();
        for m in &self.plan.interfaces {
            let path = &m.path;
            if m.exported {
                let field = accessor_name(&path[1..]);
                fields.push(quote!(#field: #(#path::)* Guest));
                names.push(field.clone());
                inits.push(quote!(let #field = #(#path::)* Guest::new(&mut store, instance)?;));
                let doc = format!(" The exported interface `{}`.", m.name);
                accessors.push(quote! {
                    #[doc = #doc]
                    pub fn #field(&self) -> &#(#path::)* Guest {
                        &self.#field
                    }
                });
            } else {
                bounds.push(quote!(#(#path::)* HostWithStore<T>));
                let add = if has_options {
                    quote!(#(#path::)* add_to_linker(linker, options, get)?;)
                } else {
                    quote!(#(#path::)* add_to_linker(linker, get)?;)
                };
                interface_adds.push(gated(&m.stability, has_options, add));
            }
        }
        // Interfaces a `with` entry maps to modules generated elsewhere
        // (by another `bindgen!`) are registered through them.
        for alias in &self.plan.with_imports {
            bounds.push(quote!(#alias::HostWithStore<T>));
            interface_adds.push(quote!(#alias::add_to_linker(linker, get)?;));
        }
        // The world struct's own methods, and its interface accessors.
        let mut taken: std::collections::BTreeSet<String> =
            ["new", "instance", "instantiate", "add_to_linker"]
                .map(String::from)
                .into();
        taken.extend(names.iter().map(|n| n.to_string()));
        for item in w.exports.values() {
            if let WorldItem::Function(f) = item {
                let e = self.export_function(None, f, &[], &mut taken);
                let field = e.field;
                fields.push(quote!(#field: #rt::Func));
                names.push(field);
                inits.push(e.init);
                accessors.push(e.method);
            }
        }
        let world_doc = format!(
            " An instance of a component of the world `{}`: its exports, ready to call.",
            w.name
        );
        let pre_doc = format!(
            " A component of the world `{}` linked to its imports, ready to be instantiated \
             many times.",
            w.name
        );
        // Root items land in the invoking module, outside the generated
        // modules and their `allow`s.
        let allow = quote!(#[allow(dead_code, deprecated, clippy::all)]);
        let (link_options, options_param, add_doc) = if has_options {
            (
                link_options(&w.name, &self.plan.link_features),
                quote!(options: &LinkOptions,),
                " Registers every import of the world in `linker`, those of interfaces a \
                 `with` entry maps elsewhere included, and those behind `@unstable` features \
                 only when `options` enables them: `get` finds the host's implementation in \
                 the store's data.",
            )
        } else {
            (
                TokenStream::new(),
                TokenStream::new(),
                " Registers every import of the world in `linker`, those of interfaces a \
                 `with` entry maps elsewhere included: `get` finds the host's implementation \
                 in the store's data.",
            )
        };
        quote! {
            #root_traits
            #link_options

            #[doc = #world_doc]
            #[derive(::core::clone::Clone, ::core::fmt::Debug)]
            #allow
            pub struct #world {
                instance: #rt::Instance,
                #(#fields,)*
            }

            #[doc = #pre_doc]
            #allow
            pub struct #pre<T: 'static> {
                instance_pre: #rt::InstancePre<T>,
            }

            #allow
            impl<T: 'static> ::core::clone::Clone for #pre<T> {
                fn clone(&self) -> Self {
                    Self { instance_pre: self.instance_pre.clone() }
                }
            }

            #allow
            impl<T: 'static> #pre<T> {
                /// Wraps a linked component.
                pub fn new(instance_pre: #rt::InstancePre<T>) -> #rt::Result<Self> {
                    ::core::result::Result::Ok(Self { instance_pre })
                }

                /// The linked component.
                pub fn instance_pre(&self) -> &#rt::InstancePre<T> {
                    &self.instance_pre
                }

                /// Instantiates the component in `store` and looks up its exports.
                pub fn instantiate(
                    &self,
                    mut store: impl #rt::AsContextMut<Data = T>,
                ) -> #rt::Result<#world> {
                    let instance = self.instance_pre.instantiate(&mut store)?;
                    #world::new(&mut store, &instance)
                }
            }

            #allow
            impl #world {
                #[doc = #add_doc]
                pub fn add_to_linker<T: 'static, U: #(#bounds +)* ?::core::marker::Sized + 'static>(
                    linker: &mut #rt::Linker<T>,
                    #options_param
                    get: fn(&mut T) -> &mut U,
                ) -> #rt::Result<()> {
                    let _ = (&mut *linker, get);
                    #options_use
                    #root_registrations
                    #(#interface_adds)*
                    ::core::result::Result::Ok(())
                }

                /// Instantiates `component` with `linker`'s definitions and looks
                /// up its exports.
                pub fn instantiate<T: 'static>(
                    mut store: impl #rt::AsContextMut<Data = T>,
                    component: &#rt::Component,
                    linker: &#rt::Linker<T>,
                ) -> #rt::Result<Self> {
                    let instance = linker.instantiate(&mut store, component)?;
                    Self::new(&mut store, &instance)
                }

                /// Looks up and type-checks the exports of `instance`.
                pub fn new(
                    mut store: impl #rt::AsContextMut,
                    instance: &#rt::Instance,
                ) -> #rt::Result<Self> {
                    let _ = &mut store;
                    #(#inits)*
                    ::core::result::Result::Ok(Self { instance: *instance, #(#names,)* })
                }

                /// The instance.
                pub fn instance(&self) -> &#rt::Instance {
                    &self.instance
                }

                #(#accessors)*
            }
        }
    }
}

/// `ns_pkg_iface` for the module path `ns::pkg::iface` of an export.
fn accessor_name(path: &[Ident]) -> Ident {
    let joined: Vec<String> = path
        .iter()
        .map(|p| {
            p.to_string()
                .trim_start_matches("r#")
                .trim_end_matches('_')
                .replace('_', "-")
        })
        .collect();
    snake_ident(&joined.join("-"))
}
