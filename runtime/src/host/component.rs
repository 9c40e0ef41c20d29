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

    /// The engine the component was compiled for.
    pub fn engine(&self) -> Engine {
        Engine {
            inner: self.plan.engine.clone(),
        }
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
