//! Assembling the generated module tree: one module per package and
//! interface (`ns::pkg::iface`, `exports::ns::pkg::iface`), world-level types
//! at the root. Each interface module holds its types and its host side
//! (`Host` traits and `add_to_linker` for imports, `Guest` structs for
//! exports); the world's struct is at the root.

use std::collections::BTreeMap;

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::plan::Plan;
use super::types::{TypeGen, doc_attrs};

/// One module of the tree: its items and its child modules by name.
#[derive(Default)]
struct Node {
    attrs: TokenStream,
    items: TokenStream,
    children: BTreeMap<String, (Ident, Node)>,
}

impl Node {
    fn at(&mut self, path: &[Ident]) -> &mut Node {
        match path.split_first() {
            None => self,
            Some((first, rest)) => {
                let (_, child) = self
                    .children
                    .entry(first.to_string())
                    .or_insert_with(|| (first.clone(), Node::default()));
                child.at(rest)
            }
        }
    }

    fn into_tokens(self) -> TokenStream {
        let Node {
            items, children, ..
        } = self;
        let children = children.into_values().map(|(ident, node)| {
            let attrs = node.attrs.clone();
            let body = node.into_tokens();
            quote! {
                #attrs
                #[allow(missing_docs, dead_code, deprecated, unused_imports, clippy::all)]
                pub mod #ident {
                    #body
                }
            }
        });
        quote!(#items #(#children)*)
    }
}

/// Host-side items, kept only when witbind has its component host.
fn host_gated(items: TokenStream) -> TokenStream {
    let rt = crate::runtime();
    quote!(#rt::__bindgen_host_items! { #items })
}

/// The whole generated module tree.
pub(crate) fn generate(types: &TypeGen<'_>) -> TokenStream {
    let resolve = types.resolve;
    let plan: &Plan = types.plan;
    let mut root = Node::default();
    for (index, module) in plan.interfaces.iter().enumerate() {
        let iface = &resolve.interfaces[module.id];
        let node = root.at(&module.path);
        node.items
            .extend(host_gated(types.interface_host_items(index)));
        node.attrs = doc_attrs(&iface.docs);
        match &module.shares {
            Some(import_path) => {
                let supers = module.path.iter().map(|_| quote!(super::));
                node.items.extend(quote! {
                    // The interface is imported too and defines no resources:
                    // both directions use the same Rust types.
                    pub use #(#supers)* #(#import_path::)* *;
                });
            }
            None => {
                for id in iface.types.values() {
                    node.items.extend(types.type_items(*id, &module.path));
                }
            }
        }
    }
    let mut world_items = host_gated(types.world_items());
    for id in &plan.world_types {
        world_items.extend(types.type_items(*id, &[]));
    }
    let tree = root.into_tokens();
    quote! {
        #world_items
        #tree
    }
}
