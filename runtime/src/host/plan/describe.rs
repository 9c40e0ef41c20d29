//! The walkable description of a loaded component
//! ([`types::Component`]): its imports and exports with their types, built
//! from the translator's component type once, when first asked for.

use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::Context as _;
use wasmtime_environ::component::{ComponentTypes, TypeComponentIndex, TypeDef, TypeResourceTable};
use wasmtime_environ::{EngineOrModuleTypeIndex, EntityType, IndexType, Limits, ModuleTypes};

use crate::error::Result;
use crate::host::plan::ComponentPlan;
use crate::host::plan::types::{ResourceMap, func_type, interface_type};
use crate::types::{
    self, ComponentInstance, ComponentItem, CoreItem, CoreItemKind, Module, ResourceType,
};

/// A number unique to one plan, from which its description's resource
/// types take their identities: `1 << 63 | serial << 32 | index`, which no
/// instance's types (`instance << 32 | index`) reach.
pub(crate) fn next_serial() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The description's resource types, by `ResourceIndex`: one per resource
/// of the component, named like errors name them (the import or export
/// path, `ns:pkg/iface#name`).
fn resource_types(plan: &ComponentPlan) -> Vec<ResourceType> {
    let info = &plan.info;
    let id = |index: usize| (1 << 63) | ((plan.serial & 0x7fff_ffff) << 32) | index as u64;
    let imported = info.imported_resources.values().map(|runtime_import| {
        let (import, path) = &info.imports[*runtime_import];
        let name = &info.import_types[*import].0;
        match path.as_slice() {
            [] => name.clone(),
            path => format!("{name}#{}", path.join("#")),
        }
    });
    imported
        .map(|name| crate::types::intern(&name))
        .chain(plan.defined_resource_names.iter().copied())
        .enumerate()
        .map(|(i, name)| ResourceType::defined_static(name, id(i)))
        .collect()
}

/// Describes the component of `plan`.
pub(crate) fn describe(plan: &ComponentPlan, ty: TypeComponentIndex) -> Result<types::Component> {
    let resources = resource_types(plan);
    let imported = plan.info.imported_resources.len();
    let cx = Describe {
        types: &plan.types,
        resources: &resources,
    };
    let (imports, exports) = cx.component_items(ty)?;
    Ok(types::Component::new(
        imports,
        exports,
        resources[..imported].to_vec(),
        resources[imported..].to_vec(),
    ))
}

/// What describing an item needs: the component's types and its
/// description's resource types.
struct Describe<'a> {
    types: &'a ComponentTypes,
    resources: &'a ResourceMap,
}

type Items = Vec<(String, ComponentItem)>;

impl Describe<'_> {
    /// The imports and exports of the component type `ty`.
    fn component_items(&self, ty: TypeComponentIndex) -> Result<(Items, Items)> {
        let component = &self.types[ty];
        let imports = component
            .imports
            .iter()
            .map(|(name, e)| self.named(name, "import", &e.ty))
            .collect::<Result<_>>()?;
        let exports = component
            .exports
            .iter()
            .map(|(name, e)| self.named(name, "export", &e.ty))
            .collect::<Result<_>>()?;
        Ok((imports, exports))
    }

    fn named(&self, name: &str, role: &str, ty: &TypeDef) -> Result<(String, ComponentItem)> {
        let item = self
            .item(ty)
            .with_context(|| format!("describing the {role} `{name}`"))?;
        Ok((name.to_string(), item))
    }

    fn item(&self, ty: &TypeDef) -> Result<ComponentItem> {
        let types = self.types;
        Ok(match ty {
            TypeDef::ComponentFunc(f) => {
                ComponentItem::ComponentFunc(func_type(types, self.resources, *f)?)
            }
            TypeDef::ComponentInstance(i) => {
                let exports = types[*i]
                    .exports
                    .iter()
                    .map(|(name, e)| self.named(name, "export", &e.ty))
                    .collect::<Result<_>>()?;
                ComponentItem::ComponentInstance(ComponentInstance::new(exports))
            }
            TypeDef::Component(c) => {
                let (imports, exports) = self.component_items(*c)?;
                ComponentItem::Component(types::Component::new(
                    imports,
                    exports,
                    Vec::new(),
                    Vec::new(),
                ))
            }
            TypeDef::Interface(ty) => {
                ComponentItem::Type(interface_type(types, self.resources, ty)?)
            }
            TypeDef::Resource(table) => match &types[*table] {
                TypeResourceTable::Concrete { ty, .. } => {
                    match self.resources.get(ty.as_u32() as usize) {
                        Some(r) => ComponentItem::Resource(r.clone()),
                        None => anyhow::bail!("resource {} has no type", ty.as_u32()),
                    }
                }
                TypeResourceTable::Abstract(_) => {
                    anyhow::bail!("abstract resource types are not supported by witbind yet")
                }
            },
            TypeDef::Module(m) => {
                let module = &types[*m];
                let core = types.module_types();
                let imports = module
                    .imports
                    .iter()
                    .map(|((module, name), e)| ((module.clone(), name.clone()), core_item(core, e)))
                    .collect();
                let exports = module
                    .exports
                    .iter()
                    .map(|(name, e)| (name.clone(), core_item(core, e)))
                    .collect();
                ComponentItem::Module(Module::new(imports, exports))
            }
            TypeDef::CoreFunc(f) => ComponentItem::CoreFunc(CoreItem::new(
                CoreItemKind::Func,
                types.module_types()[*f].to_string(),
            )),
        })
    }
}

/// A core item's kind and text form.
fn core_item(core: &ModuleTypes, ty: &EntityType) -> CoreItem {
    let func = |index: EngineOrModuleTypeIndex| match index.as_module_type_index() {
        Some(i) => core[i].to_string(),
        None => "(func)".to_string(),
    };
    let limits = |index: IndexType, limits: &Limits| {
        let mut text = String::new();
        if index == IndexType::I64 {
            text.push_str(" i64");
        }
        text.push_str(&format!(" {}", limits.min));
        if let Some(max) = limits.max {
            text.push_str(&format!(" {max}"));
        }
        text
    };
    match ty {
        EntityType::Function(f) => CoreItem::new(CoreItemKind::Func, func(*f)),
        EntityType::Global(g) => {
            let ty = if g.mutability {
                format!("(mut {})", g.wasm_ty)
            } else {
                g.wasm_ty.to_string()
            };
            CoreItem::new(CoreItemKind::Global, format!("(global {ty})"))
        }
        EntityType::Memory(m) => {
            let shared = if m.shared { " shared" } else { "" };
            let text = format!("(memory{}{shared})", limits(m.idx_type, &m.limits));
            CoreItem::new(CoreItemKind::Memory, text)
        }
        EntityType::Table(t) => {
            let text = format!("(table{} {})", limits(t.idx_type, &t.limits), t.ref_type);
            CoreItem::new(CoreItemKind::Table, text)
        }
        EntityType::Tag(t) => {
            CoreItem::new(CoreItemKind::Tag, format!("(tag {})", func(t.signature)))
        }
    }
}
