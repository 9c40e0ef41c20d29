//! [`Module`]: a core wasm module compiled for an engine, which a
//! [`Linker`](crate::Linker) gives to components that import a core module
//! (`(import "m" (core module ...))`).

use std::sync::Arc;

use anyhow::Context as _;

use crate::abi::flat::FlatType;
use crate::error::Result;
use crate::host::backend::Backend;
use crate::host::backend::any::{Any, Engines, Family, on_engine};
use crate::host::engine::Engine;
use crate::host::plan::core_flat_type;
use crate::val::CoreFuncType;

/// The family of a backend's compiled core module.
pub(crate) struct CoreModuleF;

impl Family for CoreModuleF {
    type Of<B: Engines> = B::Module;
}

/// A core module item's type, as far as linking needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CoreEntity {
    /// A function of this signature (number types only).
    Func(CoreFuncType),
    /// A function whose signature has other types than numbers.
    OtherFunc,
    /// A table.
    Table,
    /// A linear memory.
    Memory,
    /// A global of this value type (`None`: not a number type), mutable or
    /// not.
    Global(Option<FlatType>, bool),
    /// An exception tag.
    Tag,
}

impl CoreEntity {
    /// A function of these flat types; `None` where one is not a number.
    fn func(params: Option<Vec<FlatType>>, results: Option<Vec<FlatType>>) -> Self {
        match (params, results) {
            (Some(params), Some(results)) => CoreEntity::Func(CoreFuncType { params, results }),
            _ => CoreEntity::OtherFunc,
        }
    }

    /// The item's kind, for errors.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            CoreEntity::Func(_) | CoreEntity::OtherFunc => "function",
            CoreEntity::Table => "table",
            CoreEntity::Memory => "memory",
            CoreEntity::Global(..) => "global",
            CoreEntity::Tag => "tag",
        }
    }
}

/// A compiled core wasm module, for a component that imports one. Cheap to
/// clone.
///
/// ```
/// # fn main() -> witbind::Result<()> {
/// let engine = witbind::Engine::default();
/// let module = witbind::Module::new(
///     &engine,
///     wat::parse_str(r#"(module (func (export "seven") (result i32) i32.const 7))"#)?,
/// )?;
/// let mut linker = witbind::Linker::<()>::new(&engine);
/// linker.root().module("m", &module)?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Module {
    pub(crate) inner: Arc<ModuleInner>,
}

pub(crate) struct ModuleInner {
    pub(crate) engine: Engine,
    pub(crate) compiled: Any<CoreModuleF>,
    /// The imports in the module's order, by module and field name.
    pub(crate) imports: Vec<((String, String), CoreEntity)>,
    /// The exports by name.
    pub(crate) exports: Vec<(String, CoreEntity)>,
}

impl Module {
    /// Validates and compiles the core module binary `bytes` for `engine`.
    pub fn new(engine: &Engine, bytes: impl AsRef<[u8]>) -> Result<Self> {
        let bytes = bytes.as_ref();
        let (imports, exports) = read_items(bytes).context("invalid core module")?;
        let compiled = on_engine!(&engine.inner, |e| B::wrap::<CoreModuleF>(
            B::compile(e, bytes).context("failed to compile the core module")?
        ));
        Ok(Self {
            inner: Arc::new(ModuleInner {
                engine: engine.clone(),
                compiled,
                imports,
                exports,
            }),
        })
    }

    /// The engine the module was compiled for.
    pub fn engine(&self) -> &Engine {
        &self.inner.engine
    }
}

impl std::fmt::Debug for Module {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let imports: Vec<_> = self.inner.imports.iter().map(|(n, _)| n).collect();
        let exports: Vec<_> = self.inner.exports.iter().map(|(n, _)| n).collect();
        f.debug_struct("Module")
            .field("imports", &imports)
            .field("exports", &exports)
            .finish()
    }
}

/// The imports and exports of a core module binary, with their types.
type Items = (
    Vec<((String, String), CoreEntity)>,
    Vec<(String, CoreEntity)>,
);

fn read_items(bytes: &[u8]) -> Result<Items> {
    use wasmparser::{Payload, TypeRef};
    let mut types: Vec<CoreEntity> = Vec::new();
    let mut funcs: Vec<u32> = Vec::new();
    let mut globals: Vec<CoreEntity> = Vec::new();
    let mut imports = Vec::new();
    let mut exports = Vec::new();
    let func = |types: &[CoreEntity], index: u32| match types.get(index as usize) {
        Some(ty) => Ok(ty.clone()),
        None => anyhow::bail!("type index {index} is out of bounds"),
    };
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        match payload? {
            Payload::TypeSection(reader) => {
                for group in reader {
                    for sub in group?.into_types() {
                        types.push(match &sub.composite_type.inner {
                            wasmparser::CompositeInnerType::Func(f) => func_entity(f),
                            _ => CoreEntity::OtherFunc,
                        });
                    }
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import?;
                    let entity = match import.ty {
                        TypeRef::Func(i) | TypeRef::FuncExact(i) => {
                            funcs.push(i);
                            func(&types, i)?
                        }
                        TypeRef::Table(_) => CoreEntity::Table,
                        TypeRef::Memory(_) => CoreEntity::Memory,
                        TypeRef::Global(g) => {
                            let entity = global_entity(&g);
                            globals.push(entity.clone());
                            entity
                        }
                        TypeRef::Tag(_) => CoreEntity::Tag,
                    };
                    imports.push(((import.module.to_string(), import.name.to_string()), entity));
                }
            }
            Payload::FunctionSection(reader) => {
                for ty in reader {
                    funcs.push(ty?);
                }
            }
            Payload::GlobalSection(reader) => {
                for global in reader {
                    globals.push(global_entity(&global?.ty));
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export?;
                    let entity = match export.kind {
                        wasmparser::ExternalKind::Func | wasmparser::ExternalKind::FuncExact => {
                            match funcs.get(export.index as usize) {
                                Some(ty) => func(&types, *ty)?,
                                None => anyhow::bail!("function {} is out of bounds", export.index),
                            }
                        }
                        wasmparser::ExternalKind::Table => CoreEntity::Table,
                        wasmparser::ExternalKind::Memory => CoreEntity::Memory,
                        wasmparser::ExternalKind::Global => {
                            match globals.get(export.index as usize) {
                                Some(g) => g.clone(),
                                None => anyhow::bail!("global {} is out of bounds", export.index),
                            }
                        }
                        wasmparser::ExternalKind::Tag => CoreEntity::Tag,
                    };
                    exports.push((export.name.to_string(), entity));
                }
            }
            _ => {}
        }
    }
    Ok((imports, exports))
}

fn flat(ty: wasmparser::ValType) -> Option<FlatType> {
    match ty {
        wasmparser::ValType::I32 => Some(FlatType::I32),
        wasmparser::ValType::I64 => Some(FlatType::I64),
        wasmparser::ValType::F32 => Some(FlatType::F32),
        wasmparser::ValType::F64 => Some(FlatType::F64),
        _ => None,
    }
}

fn func_entity(f: &wasmparser::FuncType) -> CoreEntity {
    CoreEntity::func(
        f.params().iter().map(|t| flat(*t)).collect(),
        f.results().iter().map(|t| flat(*t)).collect(),
    )
}

fn global_entity(g: &wasmparser::GlobalType) -> CoreEntity {
    CoreEntity::Global(flat(g.content_type), g.mutable)
}

impl Module {
    /// Checks that this module can stand for the import `name`, declared
    /// as `declared` (its core types in `core`): every import it has is
    /// declared with the same type, and every export declared is one of
    /// its exports with the same type.
    pub(crate) fn check_against(
        &self,
        name: &str,
        declared: &wasmtime_environ::component::TypeModule,
        core: &wasmtime_environ::ModuleTypes,
    ) -> Result<()> {
        for ((module, field), entity) in &self.inner.imports {
            let Some(want) = declared.imports.get(&(module.clone(), field.clone())) else {
                anyhow::bail!(
                    "import `{name}`: the module imports `{module}` `{field}`, which the \
                     component does not give it"
                );
            };
            let want = declared_entity(core, want);
            if want != *entity {
                anyhow::bail!(
                    "import `{name}`: the module's import `{module}` `{field}` is a {} of \
                     another type than the component gives ({:?}, not {:?})",
                    entity.kind(),
                    want,
                    entity
                );
            }
        }
        for (export, want) in &declared.exports {
            let want = declared_entity(core, want);
            match self.inner.exports.iter().find(|(n, _)| n == export) {
                Some((_, got)) if *got == want => {}
                Some((_, got)) => anyhow::bail!(
                    "import `{name}`: the module's export `{export}` is a {} of another type \
                     than the component expects ({got:?}, not {want:?})",
                    got.kind()
                ),
                None => anyhow::bail!(
                    "import `{name}`: the module lacks the export `{export}` ({}) the \
                     component expects",
                    want.kind()
                ),
            }
        }
        Ok(())
    }
}

/// A declared item's type in the same terms as a module's own.
fn declared_entity(
    core: &wasmtime_environ::ModuleTypes,
    ty: &wasmtime_environ::EntityType,
) -> CoreEntity {
    use wasmtime_environ::EntityType;
    match ty {
        EntityType::Function(index) => {
            let Some(func) = index.as_module_type_index().and_then(|i| core[i].as_func()) else {
                return CoreEntity::OtherFunc;
            };
            CoreEntity::func(
                func.params().iter().map(core_flat_type).collect(),
                func.results().iter().map(core_flat_type).collect(),
            )
        }
        EntityType::Global(g) => CoreEntity::Global(core_flat_type(&g.wasm_ty), g.mutability),
        EntityType::Memory(_) => CoreEntity::Memory,
        EntityType::Table(_) => CoreEntity::Table,
        EntityType::Tag(_) => CoreEntity::Tag,
    }
}
