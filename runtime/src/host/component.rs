//! [`Component`]: a validated component binary, flattened by
//! wasmtime-environ's translator and inliner into core module
//! instantiations, with its core modules compiled by the backend.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context as _;
use wasmtime_environ::component::{
    self as env, ComponentTypes, ComponentTypesBuilder, StaticModuleIndex, Trampoline,
    TrampolineIndex, Translator,
};
use wasmtime_environ::{EntityIndex, PrimaryMap, ScopeVec, Tunables};

use crate::error::Result;
use crate::host::backend::{Active, Backend};
use crate::host::engine::Engine;
use crate::host::support::check_supported;

/// A compiled component, ready to be instantiated any number of times.
/// Cheap to clone.
#[derive(Clone)]
pub struct Component {
    pub(crate) inner: Arc<ComponentInner>,
}

/// What instantiation needs, computed once by [`Component::new`].
pub(crate) struct ComponentInner {
    pub(crate) engine: Engine,
    /// The flattened component: imports, exports and initializers.
    pub(crate) info: env::Component,
    /// Every trampoline the initializers refer to.
    pub(crate) trampolines: PrimaryMap<TrampolineIndex, Trampoline>,
    pub(crate) types: ComponentTypes,
    /// The compiled core modules.
    pub(crate) modules: PrimaryMap<StaticModuleIndex, <Active as Backend>::Module>,
    /// For each core module, the export name of each exported entity, to
    /// resolve the inliner's by-index references.
    pub(crate) export_names: PrimaryMap<StaticModuleIndex, HashMap<EntityIndex, String>>,
}

impl Component {
    /// Validates and compiles the component binary `bytes`.
    ///
    /// Fails when the binary is invalid or uses a construct witbind does not
    /// run yet; the error names the construct.
    pub fn new(engine: &Engine, bytes: impl AsRef<[u8]>) -> Result<Self> {
        let bytes = bytes.as_ref();
        let tunables = Tunables::default_host();
        let scope = ScopeVec::new();
        let mut validator =
            wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::default());
        let mut types = ComponentTypesBuilder::new(&validator);
        let translator = Translator::new(&tunables, &mut validator, &mut types, &scope);
        let (translation, modules) = translator
            .translate(bytes)
            .map_err(|e| anyhow::anyhow!("{e:?}"))
            .context("invalid component")?;
        check_supported(&translation)?;

        let mut compiled = PrimaryMap::new();
        let mut export_names = PrimaryMap::new();
        for (index, module) in modules.iter() {
            let code = Active::compile(engine.backend(), module.wasm)
                .with_context(|| format!("failed to compile core module {}", index.as_u32()))?;
            compiled.push(code);
            let names = module
                .module
                .exports
                .iter()
                .map(|(name, entity)| (*entity, module.module.strings[*name].to_string()))
                .collect();
            export_names.push(names);
        }
        let (types, _) = types.finish(&translation.component);
        Ok(Self {
            inner: Arc::new(ComponentInner {
                engine: engine.clone(),
                info: translation.component,
                trampolines: translation.trampolines,
                types,
                modules: compiled,
                export_names,
            }),
        })
    }

    /// Reads a component binary from `path` and compiles it like
    /// [`Component::new`].
    pub fn from_file(engine: &Engine, path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let bytes =
            std::fs::read(path).with_context(|| format!("failed to read {}", path.display()))?;
        Self::new(engine, bytes).with_context(|| format!("failed to load {}", path.display()))
    }

    /// The names of the component's root exports.
    pub fn export_names(&self) -> Vec<String> {
        self.inner
            .info
            .exports
            .raw_iter()
            .map(|(name, _)| name.to_string())
            .collect()
    }

    /// The names of the component's imports.
    pub fn import_names(&self) -> Vec<String> {
        self.inner
            .info
            .import_types
            .values()
            .map(|(name, _)| name.clone())
            .collect()
    }
}

impl std::fmt::Debug for Component {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Component")
            .field("imports", &self.import_names())
            .field("exports", &self.export_names())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Component> {
        Component::new(&Engine::default(), wat::parse_str(text)?)
    }

    #[test]
    fn exports_and_imports_are_listed_by_name() {
        let component = load(
            r#"(component
                (import "f" (func (param "x" u32)))
                (core module $m (func (export "g") (result i32) i32.const 1))
                (core instance $i (instantiate $m))
                (func (export "g") (result u32) (canon lift (core func $i "g"))))"#,
        )
        .unwrap();
        assert_eq!(component.import_names(), ["f"]);
        assert_eq!(component.export_names(), ["g"]);
    }

    #[test]
    fn unsupported_constructs_are_named_at_load() {
        let err = load(
            r#"(component
                (import "m" (core module $m))
                (core instance (instantiate $m)))"#,
        )
        .unwrap_err();
        assert!(
            format!("{err:#}").contains("imported core module"),
            "{err:#}"
        );
    }

    #[test]
    fn invalid_binaries_are_errors() {
        let err = Component::new(&Engine::default(), b"\0asm\x0d\0\x01\0junk").unwrap_err();
        assert!(format!("{err:#}").contains("invalid component"), "{err:#}");
    }
}
