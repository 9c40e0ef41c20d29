//! [`Component`]: a loaded component, ready to be instantiated any number
//! of times.

use std::path::Path;
use std::sync::Arc;

use anyhow::Context as _;

use crate::error::Result;
use crate::host::engine::Engine;
use crate::host::plan::ComponentPlan;

/// A compiled component, ready to be instantiated any number of times.
/// Cheap to clone.
#[derive(Clone)]
pub struct Component {
    pub(crate) plan: Arc<ComponentPlan>,
    engine: Engine,
}

impl Component {
    /// Validates and compiles the component binary `bytes`.
    ///
    /// Fails when the binary is invalid or uses a construct witbind does not
    /// run yet; the error names the construct.
    pub fn new(engine: &Engine, bytes: impl AsRef<[u8]>) -> Result<Self> {
        let plan = ComponentPlan::load(&engine.inner, bytes.as_ref())?;
        Ok(Self {
            plan: Arc::new(plan),
            engine: engine.clone(),
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

    /// The component in a form [`Component::deserialize`] loads without
    /// compiling again: the binary and, on wasmtime, its precompiled core
    /// modules (on wasmi, which compiles cheaply, the binary only).
    pub fn serialize(&self) -> Result<Vec<u8>> {
        self.plan.serialize()
    }

    /// Loads a component [`Component::serialize`] wrote. Bytes of another
    /// witbind version, another backend or another engine configuration
    /// are an error naming the mismatch.
    ///
    /// # Safety
    ///
    /// `bytes` must come from [`Component::serialize`] (of any version):
    /// like `wasmtime::Module::deserialize`, this loads native code, and
    /// arbitrary bytes may be run as such. Never pass bytes a guest or an
    /// untrusted party could have written.
    pub unsafe fn deserialize(engine: &Engine, bytes: impl AsRef<[u8]>) -> Result<Self> {
        // SAFETY: as this function's contract.
        let plan = unsafe { ComponentPlan::deserialize(&engine.inner, bytes.as_ref()) }?;
        Ok(Self {
            plan: Arc::new(plan),
            engine: engine.clone(),
        })
    }

    /// The engine the component was compiled for.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The component's type: every import and export with its type
    /// (interfaces, functions with their parameter names, resources, value
    /// types, core modules), to walk before instantiating it.
    ///
    /// Described once per component and then shared. Fails, naming the
    /// item, when an import or export uses a type witbind cannot express
    /// yet (`future`, `stream`, `error-context`, abstract resource types).
    ///
    /// ```
    /// # fn main() -> witbind::Result<()> {
    /// use witbind::types::ComponentItem;
    ///
    /// let engine = witbind::Engine::default();
    /// let component = witbind::Component::new(
    ///     &engine,
    ///     wat::parse_str(
    ///         r#"(component
    ///              (import "log" (func (param "msg" string)))
    ///              (core module $m (func (export "f") (result i32) i32.const 1))
    ///              (core instance $i (instantiate $m))
    ///              (func (export "one") (result u32) (canon lift (core func $i "f"))))"#,
    ///     )?,
    /// )?;
    /// let ty = component.component_type()?;
    /// let Some(ComponentItem::ComponentFunc(log)) = ty.get_import("log") else {
    ///     panic!("`log` is a function");
    /// };
    /// assert_eq!(log.to_string(), "func(msg: string)");
    /// let exports: Vec<_> = ty.exports().map(|(name, item)| (name, item.kind())).collect();
    /// assert_eq!(exports, [("one", "function")]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn component_type(&self) -> Result<crate::types::Component> {
        self.plan.describe()
    }

    /// The names of the component's root exports.
    pub fn export_names(&self) -> Vec<String> {
        self.plan
            .info
            .exports
            .raw_iter()
            .map(|(name, _)| name.to_string())
            .collect()
    }

    /// The names of the component's imports.
    pub fn import_names(&self) -> Vec<String> {
        self.plan
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
        load_on(&Engine::default(), text)
    }

    fn load_on(engine: &Engine, text: &str) -> Result<Component> {
        Component::new(engine, wat::parse_str(text)?)
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
    fn serialized_components_load_and_run_on_every_engine() {
        let text = r#"(component
            (core module $m (func (export "g") (result i32) i32.const 7))
            (core instance $i (instantiate $m))
            (func (export "g") (result u32) (canon lift (core func $i "g"))))"#;
        for kind in Engine::available_backends() {
            let engine = Engine::with_backend(*kind).unwrap();
            let bytes = load_on(&engine, text).unwrap().serialize().unwrap();
            // SAFETY: the bytes come from `serialize`.
            let component = unsafe { Component::deserialize(&engine, &bytes) }.unwrap();
            let mut store = crate::Store::new(&engine, ());
            let instance = crate::Linker::new(&engine)
                .instantiate(&mut store, &component)
                .unwrap();
            let g = instance
                .get_typed_func::<(), (u32,)>(&mut store, "g")
                .unwrap();
            assert_eq!(g.call(&mut store, ()).unwrap(), (7,), "{kind}");
            // SAFETY: as above.
            let err = unsafe { Component::deserialize(&engine, &bytes[..bytes.len() - 1]) };
            assert!(format!("{:#}", err.unwrap_err()).contains("truncated"));
        }
    }

    #[test]
    fn invalid_binaries_are_errors() {
        let err = Component::new(&Engine::default(), b"\0asm\x0d\0\x01\0junk").unwrap_err();
        assert!(format!("{err:#}").contains("invalid component"), "{err:#}");
    }
}
