//! The host side of exports: for each exported interface a `Guest` struct
//! whose `call_<func>` methods call the guest, with a `Guest<Resource>` per
//! exported resource (`call_constructor`, `call_<method>`,
//! `resource_drop`). The same call methods serve the world's own exports.
//!
//! Every export is looked up and type-checked once, when the struct is
//! created (with `'static` forms of borrowed parameters such as `&str` and
//! `&[T]`); a call then goes through `Func::call_prechecked` with the
//! parameters' own lifetimes, with no lookup and no type check.

use std::collections::BTreeSet;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use wit_parser::{Function, FunctionKind, Type, TypeDefKind, TypeId};

use super::gates::deprecated_attr;
use super::options::MapType;
use super::plan::{alias_target, holds_handle, holds_long_tuple};
use super::signature::{
    ParamList, borrowed_handle, call_method, flags_of, param_ident, resource_of, result_tuple,
    result_type,
};
use super::trace::{Shown, Trace};
use super::types::{Form, TypeGen, doc_attrs};
use crate::names::{snake_ident, unique_ident};
use crate::runtime;

/// One export's field initialiser, and its call method.
pub(crate) struct ExportFunction {
    pub(crate) field: Ident,
    pub(crate) init: TokenStream,
    pub(crate) method: TokenStream,
}

impl TypeGen<'_> {
    /// The lookup, type check and call method of the export `f` of the
    /// interface `iface` (`None` at the world), generated in `module`.
    /// `taken` holds the names of the struct's other methods, which the
    /// call method's name must differ from.
    pub(crate) fn export_function(
        &self,
        iface: Option<&str>,
        f: &Function,
        module: &[Ident],
        taken: &mut BTreeSet<String>,
    ) -> ExportFunction {
        let rt = runtime();
        let method_name = unique_ident(call_method(f), taken);
        // One `call_` prefix off (not every one: `call_call_g` and
        // `call_g` must stay apart), so fields are as unique as methods.
        let method_text = method_name.to_string();
        let field = format_ident!(
            "func_{}",
            method_text.strip_prefix("call_").unwrap_or(&method_text)
        );
        let wit_name = &f.name;
        let name = match iface {
            Some(i) => quote!((#i, #wit_name)),
            None => quote!(#wit_name),
        };
        let mut params = Vec::new();
        // Each parameter's lowered type, with `'static` lifetimes for the
        // check done once and elided ones for the calls, which are not
        // checked again.
        let mut checked = Vec::new();
        let mut elided = Vec::new();
        let mut args = Vec::new();
        let mut shown = Vec::new();
        for p in &f.params {
            let ident = param_ident(&p.name);
            shown.push(Shown {
                name: p.name.clone(),
                expr: quote!(&#ident),
                debug: !holds_long_tuple(self.resolve, &p.ty),
            });
            if let Some(handle) = borrowed_handle(self, &p.ty, module) {
                params.push(quote!(#ident: &#handle));
                checked.push(quote!(#rt::Borrowed<#handle>));
                elided.push(quote!(#rt::Borrowed<#handle>));
                args.push(quote!(#ident.as_borrow()));
            } else {
                let ty = self.param_form(&p.ty, module, &TokenStream::new());
                params.push(quote!(#ident: #ty));
                checked.push(self.param_form(&p.ty, module, &quote!('static)));
                elided.push(ty);
                args.push(quote!(#ident));
            }
        }
        let results = result_tuple(self, f, module);
        let ret = result_type(self, f, module);
        let list = ParamList::new(f.params.len(), quote!(#rt::Lower));
        let (item, checked, elided, args) = (
            &list.item,
            list.ty(&checked),
            list.ty(&elided),
            list.value(&args),
        );
        let init = quote! {
            let #field = instance.get_func(&mut store, #name)?;
            {
                #item
                #field.typed::<#checked, #results>()?;
            }
        };
        let docs = doc_attrs(&f.docs);
        let self_doc = format!(" Calls the export `{wit_name}`.");
        let docs = if f.docs.contents.is_some() {
            docs
        } else {
            quote!(#[doc = #self_doc])
        };
        let unpack = if f.result.is_some() {
            quote!(let (r,) =)
        } else {
            quote!(let () =)
        };
        let finish = if f.result.is_some() {
            quote!(r)
        } else {
            quote!(())
        };
        let mut body = quote! {
            #unpack self
                .#field
                .call_prechecked::<#elided, #results>(store, #args)?;
            ::core::result::Result::Ok(#finish)
        };
        let flags = flags_of(&self.options.exports, iface, &f.name);
        if flags.tracing {
            self.traced.set(true);
            let world = &self.resolve.worlds[self.plan.world].name;
            let trace = Trace {
                kind: "witbind export",
                module: iface.unwrap_or(world),
                function: wit_name,
                verbose: flags.verbose,
            };
            let result = f.result.as_ref().map(|t| Shown {
                name: "result".into(),
                expr: quote!(witbind_ok),
                debug: !holds_long_tuple(self.resolve, t),
            });
            body = trace.wrap(&shown, result, body);
        }
        let deprecated = deprecated_attr(&f.stability);
        let method = quote! {
            #docs
            #deprecated
            pub fn #method_name(
                &self,
                store: impl #rt::AsContextMut,
                #(#params),*
            ) -> #rt::Result<#ret> {
                #item
                #body
            }
        };
        ExportFunction {
            field,
            init,
            method,
        }
    }

    /// How a call method takes a parameter of type `ty`, as wasmtime's
    /// bindings do: strings and lists borrowed (`&str`, `&[T]`), also inside
    /// options, results and tuples; records and variants by reference
    /// (unless they hold handles, which move); everything else by value.
    /// `lt` is the references' lifetime (`'static` for the type check made
    /// once, nothing for the calls).
    fn param_form(&self, ty: &Type, module: &[Ident], lt: &TokenStream) -> TokenStream {
        let owned = || self.type_ref(ty, module, Form::Owned);
        let Type::Id(id) = ty else {
            return match ty {
                Type::String => quote!(&#lt str),
                _ => owned(),
            };
        };
        let target = alias_target(self.resolve, *id);
        let def = &self.resolve.types[target];
        let anonymous = def.name.is_none();
        let payload = |t: &Option<Type>| match t {
            Some(t) => self.param_form(t, module, lt),
            None => quote!(()),
        };
        match &def.kind {
            // Owned handles move into the guest, as a top-level `own` does:
            // the call takes the list.
            TypeDefKind::List(element) if holds_own(self.resolve, element) => owned(),
            TypeDefKind::List(element) => {
                let element = self.type_ref(element, module, Form::Owned);
                quote!(&#lt [#element])
            }
            // Entries as they travel: a slice, like a list's.
            TypeDefKind::Map(k, v) if self.options.map_type == MapType::Vec => {
                let k = self.type_ref(k, module, Form::Owned);
                let v = self.type_ref(v, module, Form::Owned);
                quote!(&#lt [(#k, #v)])
            }
            TypeDefKind::Map(..) => {
                let map = owned();
                quote!(&#lt #map)
            }
            TypeDefKind::Option(t) if anonymous => {
                let t = self.param_form(t, module, lt);
                quote!(::core::option::Option<#t>)
            }
            TypeDefKind::Result(r) if anonymous => {
                let (ok, err) = (payload(&r.ok), payload(&r.err));
                quote!(::core::result::Result<#ok, #err>)
            }
            TypeDefKind::Tuple(t) if anonymous && t.types.len() <= 16 => {
                let types = t.types.iter().map(|t| self.param_form(t, module, lt));
                quote!((#(#types,)*))
            }
            TypeDefKind::Record(_) | TypeDefKind::Variant(_)
                if !anonymous && !holds_handle(self.resolve, &Type::Id(target)) =>
            {
                let named = owned();
                quote!(&#lt #named)
            }
            _ => owned(),
        }
    }

    /// The `Guest` struct of an exported interface, with one
    /// `Guest<Resource>` per resource it defines.
    pub(crate) fn export_interface(
        &self,
        iface_name: &str,
        functions: &[&Function],
        resources: &[TypeId],
        module: &[Ident],
    ) -> TokenStream {
        let rt = runtime();
        let mut items = TokenStream::new();
        let mut fields = Vec::new();
        let mut names = Vec::new();
        let mut inits = Vec::new();
        let mut methods = Vec::new();
        // The interface struct's methods: `new`, one accessor per resource,
        // one call method per function; each name used once.
        let mut taken = BTreeSet::from(["new".to_string()]);
        for r in resources {
            let wit_name = self.resolve.types[*r].name.as_deref().unwrap_or_default();
            let resource_ident = self.resource_ident(*r);
            let guest = format_ident!("Guest{resource_ident}");
            let accessor = unique_ident(snake_ident(&resource_ident), &mut taken);
            let field = format_ident!("resource_{}", accessor.to_string().trim_start_matches("r#"));
            let mut resource_taken =
                BTreeSet::from(["new", "ty", "resource_drop"].map(String::from));
            let own: Vec<ExportFunction> = functions
                .iter()
                .filter(|f| resource_of(f) == Some(*r))
                .map(|f| self.export_function(Some(iface_name), f, module, &mut resource_taken))
                .collect();
            items.extend(resource_struct(&guest, iface_name, wit_name, &own));
            fields.push(quote!(#field: #guest));
            names.push(field.clone());
            inits.push(quote!(let #field = #guest::new(&mut store, instance)?;));
            let doc = format!(" The functions of the exported resource `{wit_name}`.");
            methods.push(quote! {
                #[doc = #doc]
                pub fn #accessor(&self) -> &#guest {
                    &self.#field
                }
            });
        }
        for f in functions
            .iter()
            .filter(|f| matches!(f.kind, FunctionKind::Freestanding))
        {
            let e = self.export_function(Some(iface_name), f, module, &mut taken);
            let field = &e.field;
            fields.push(quote!(#field: #rt::Func));
            names.push(field.clone());
            inits.push(e.init);
            methods.push(e.method);
        }
        let doc = format!(" The exported interface `{iface_name}` of an instance.");
        items.extend(quote! {
            #[doc = #doc]
            #[derive(::core::clone::Clone, ::core::fmt::Debug)]
            pub struct Guest {
                #(#fields,)*
            }

            impl Guest {
                /// Looks up and type-checks the interface's exports in `instance`.
                pub fn new(
                    mut store: impl #rt::AsContextMut,
                    instance: &#rt::Instance,
                ) -> #rt::Result<Self> {
                    let _ = (&mut store, instance);
                    #(#inits)*
                    ::core::result::Result::Ok(Self { #(#names,)* })
                }

                #(#methods)*
            }
        });
        items
    }
}

/// `Guest<Resource>`: the instance (to drop handles), the resource's type
/// in it (to refuse handles of other resources) and the resource's
/// functions.
fn resource_struct(
    guest: &Ident,
    iface_name: &str,
    wit_name: &str,
    functions: &[ExportFunction],
) -> TokenStream {
    let rt = runtime();
    let fields = functions.iter().map(|e| &e.field);
    let names = functions.iter().map(|e| &e.field);
    let inits = functions.iter().map(|e| &e.init);
    let methods = functions.iter().map(|e| &e.method);
    let doc = format!(
        " The guest's resource `{wit_name}`: its constructor, methods and static functions."
    );
    quote! {
        #[doc = #doc]
        #[derive(::core::clone::Clone, ::core::fmt::Debug)]
        pub struct #guest {
            instance: #rt::Instance,
            ty: #rt::types::ResourceType,
            #(#fields: #rt::Func,)*
        }

        impl #guest {
            /// Looks up and type-checks the resource's functions in `instance`.
            pub fn new(
                mut store: impl #rt::AsContextMut,
                instance: &#rt::Instance,
            ) -> #rt::Result<Self> {
                let ty = #rt::__internal::exported_resource(&mut store, instance, #iface_name, #wit_name)?;
                #(#inits)*
                ::core::result::Result::Ok(Self { instance: *instance, ty, #(#names,)* })
            }

            #(#methods)*

            /// The resource's type in this instance: what its handles carry.
            pub fn ty(&self) -> &#rt::types::ResourceType {
                &self.ty
            }

            /// Drops an owned handle the host holds, running the guest's
            /// destructor. A handle of another resource type is refused
            /// before any guest code runs.
            pub fn resource_drop(
                &self,
                store: impl #rt::AsContextMut,
                self_: #rt::ResourceAny,
            ) -> #rt::Result<()> {
                #rt::__internal::check_resource_type(&self_, &self.ty)?;
                self.instance.resource_drop(store, self_)
            }
        }
    }
}

/// Whether `ty` holds an owned handle (`own<r>`), which lowering moves.
fn holds_own(resolve: &wit_parser::Resolve, ty: &Type) -> bool {
    let Type::Id(id) = ty else {
        return false;
    };
    match &resolve.types[*id].kind {
        TypeDefKind::Handle(wit_parser::Handle::Own(_)) => true,
        TypeDefKind::Handle(wit_parser::Handle::Borrow(_)) => false,
        _ => super::plan::contained(resolve, *id)
            .iter()
            .any(|t| holds_own(resolve, t)),
    }
}
