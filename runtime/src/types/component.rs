//! Types above values: a function's type ([`ComponentFunc`]) and, with the
//! host, the walkable description of a whole component
//! (`Component`, from `witbind::Component::component_type`):
//! its imports and exports, nested interfaces, functions, resources and
//! core modules.
//!
//! Descriptions are plain data: they hold [`Type`]s and
//! [`ResourceType`]s, need no engine or store to read, and are cheap to
//! clone.

use std::fmt;
use std::sync::Arc;

use super::{TupleType, Type};

/// A component function's type: its named parameters and its results.
///
/// With the component host, `Func::ty` gives an export's, a `func_new` host
/// function receives its import's, and `Component::component_type` lists
/// every function a component imports and exports. It prints as WIT:
/// `func(a: u32, b: string) -> option<u8>`.
///
/// ```
/// use witbind::types::{ComponentFunc, Type};
///
/// let f = ComponentFunc::new([("a".into(), Type::U32)], [Type::String]);
/// assert_eq!(f.params().collect::<Vec<_>>(), [("a", &Type::U32)]);
/// assert_eq!(f.results(), [Type::String]);
/// assert_eq!(f.to_string(), "func(a: u32) -> string");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ComponentFunc(Arc<FuncInner>);

#[derive(Debug, PartialEq, Eq, Hash)]
struct FuncInner {
    names: Box<[String]>,
    /// The parameters as one tuple type.
    params: Type,
    /// The results as one tuple type.
    results: Type,
    is_async: bool,
}

/// The elements of a tuple type; a non-tuple stands for itself.
fn elements(ty: &Type) -> &[Type] {
    match ty {
        Type::Tuple(t) => t.types(),
        other => std::slice::from_ref(other),
    }
}

impl ComponentFunc {
    /// A synchronous function taking `params` (name and type, in order) and
    /// returning `results`.
    pub fn new(
        params: impl IntoIterator<Item = (String, Type)>,
        results: impl IntoIterator<Item = Type>,
    ) -> Self {
        let (names, types): (Vec<String>, Vec<Type>) = params.into_iter().unzip();
        Self::from_tuples(
            names.into(),
            Type::Tuple(TupleType::new(types)),
            Type::Tuple(TupleType::new(results.into_iter().collect())),
            false,
        )
    }

    /// A function of the parameter names `names`, whose parameters and
    /// results are the tuple types `params` and `results`.
    pub(crate) fn from_tuples(
        names: Box<[String]>,
        params: Type,
        results: Type,
        is_async: bool,
    ) -> Self {
        Self(Arc::new(FuncInner {
            names,
            params,
            results,
            is_async,
        }))
    }

    /// The parameters, in order: each one's name and type.
    pub fn params(&self) -> impl ExactSizeIterator<Item = (&str, &Type)> + '_ {
        let types = self.param_types();
        // A function built from a component always names every parameter;
        // a missing name (never expected) shows as an empty string.
        (0..types.len()).map(move |i| {
            let name = self.0.names.get(i).map_or("", String::as_str);
            (name, &types[i])
        })
    }

    /// The parameter types, in order.
    pub fn param_types(&self) -> &[Type] {
        elements(&self.0.params)
    }

    /// The result types, in order (WIT functions have at most one).
    pub fn results(&self) -> &[Type] {
        elements(&self.0.results)
    }

    /// Whether the function is `async` (which witbind does not call yet:
    /// such an import or export is an error when the component is linked
    /// or the export looked up).
    pub fn is_async(&self) -> bool {
        self.0.is_async
    }

    /// The parameters as one tuple type.
    #[cfg(feature = "host")]
    pub(crate) fn params_tuple(&self) -> &Type {
        &self.0.params
    }

    /// The results as one tuple type.
    #[cfg(feature = "host")]
    pub(crate) fn results_tuple(&self) -> &Type {
        &self.0.results
    }
}

impl fmt::Display for ComponentFunc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.is_async() {
            "async func("
        } else {
            "func("
        })?;
        for (i, (name, ty)) in self.params().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{name}: {ty}")?;
        }
        f.write_str(")")?;
        match self.results() {
            [] => Ok(()),
            [one] => write!(f, " -> {one}"),
            many => {
                f.write_str(" -> (")?;
                for (i, ty) in many.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{ty}")?;
                }
                f.write_str(")")
            }
        }
    }
}

#[cfg(feature = "host")]
pub use described::*;

#[cfg(feature = "host")]
mod described {
    use super::*;
    use crate::types::ResourceType;

    /// Named items in declaration order.
    type Items<T> = Box<[(String, T)]>;

    fn find<'a, T>(items: &'a [(String, T)], name: &str) -> Option<&'a T> {
        items.iter().find(|(n, _)| n == name).map(|(_, item)| item)
    }

    fn iter<T>(items: &[(String, T)]) -> impl ExactSizeIterator<Item = (&str, &T)> + '_ {
        items.iter().map(|(name, item)| (name.as_str(), item))
    }

    /// The type of a component: what it imports and exports, from
    /// [`Component::component_type`](crate::Component::component_type).
    ///
    /// Walk it with [`imports`](Self::imports) and [`exports`](Self::exports):
    /// an imported or exported interface is a
    /// [`ComponentItem::ComponentInstance`] whose exports are its functions,
    /// resources and types. Resources are [`ResourceType`]s of the
    /// description itself: the same resource is the same `ResourceType`
    /// wherever it appears (an `own<R>` parameter, the resource item), and
    /// none equals the type an instance gives it at run time
    /// ([`Instance::get_resource`](crate::Instance::get_resource)), because
    /// each instance has its own. [`imported_resources`](Self::imported_resources)
    /// and [`defined_resources`](Self::defined_resources) tell the two kinds
    /// apart.
    #[derive(Debug, Clone)]
    pub struct Component(Arc<ComponentInner>);

    #[derive(Debug)]
    struct ComponentInner {
        imports: Items<ComponentItem>,
        exports: Items<ComponentItem>,
        imported_resources: Box<[ResourceType]>,
        defined_resources: Box<[ResourceType]>,
    }

    impl Component {
        /// A component type of `imports` and `exports`, whose resources are
        /// `imported_resources` (the host provides them) and
        /// `defined_resources` (each instance defines its own).
        pub(crate) fn new(
            imports: Vec<(String, ComponentItem)>,
            exports: Vec<(String, ComponentItem)>,
            imported_resources: Vec<ResourceType>,
            defined_resources: Vec<ResourceType>,
        ) -> Self {
            Self(Arc::new(ComponentInner {
                imports: imports.into(),
                exports: exports.into(),
                imported_resources: imported_resources.into(),
                defined_resources: defined_resources.into(),
            }))
        }

        /// The imports, by name, in the order the component declares them.
        pub fn imports(&self) -> impl ExactSizeIterator<Item = (&str, &ComponentItem)> + '_ {
            iter(&self.0.imports)
        }

        /// The exports, by name, in the order the component declares them.
        pub fn exports(&self) -> impl ExactSizeIterator<Item = (&str, &ComponentItem)> + '_ {
            iter(&self.0.exports)
        }

        /// The import `name` (`"ns:pkg/iface"` for an interface), if any.
        pub fn get_import(&self, name: &str) -> Option<&ComponentItem> {
            find(&self.0.imports, name)
        }

        /// The export `name` (`"ns:pkg/iface"` for an interface), if any.
        pub fn get_export(&self, name: &str) -> Option<&ComponentItem> {
            find(&self.0.exports, name)
        }

        /// The resource types the component imports: the host defines them
        /// ([`LinkerInstance::resource`](crate::LinkerInstance::resource)).
        /// Empty for a nested component type, whose resources are named
        /// where it is used.
        pub fn imported_resources(&self) -> &[ResourceType] {
            &self.0.imported_resources
        }

        /// The resource types the component defines (implements), whether
        /// or not it exports them.
        pub fn defined_resources(&self) -> &[ResourceType] {
            &self.0.defined_resources
        }
    }

    /// The type of a component instance: an imported or exported
    /// interface, whose exports are its functions, resources and types.
    #[derive(Debug, Clone)]
    pub struct ComponentInstance(Arc<Items<ComponentItem>>);

    impl ComponentInstance {
        /// An instance type exporting `exports`.
        pub(crate) fn new(exports: Vec<(String, ComponentItem)>) -> Self {
            Self(Arc::new(exports.into()))
        }

        /// The exports, by name, in declaration order.
        pub fn exports(&self) -> impl ExactSizeIterator<Item = (&str, &ComponentItem)> + '_ {
            iter(&self.0)
        }

        /// The export `name`, if any.
        pub fn get_export(&self, name: &str) -> Option<&ComponentItem> {
            find(&self.0, name)
        }
    }

    /// One import or export of a component or component instance.
    #[derive(Debug, Clone)]
    pub enum ComponentItem {
        /// A component function.
        ComponentFunc(ComponentFunc),
        /// A core wasm function (which components cannot import or export
        /// at the top level; it appears only in nested types).
        CoreFunc(CoreItem),
        /// A core wasm module.
        Module(Module),
        /// A component.
        Component(Component),
        /// A component instance: an interface.
        ComponentInstance(ComponentInstance),
        /// A value type (a record, variant, ... an interface declares).
        Type(Type),
        /// A resource type.
        Resource(ResourceType),
    }

    impl ComponentItem {
        /// What kind of item this is, as errors name it: `function`,
        /// `core function`, `module`, `component`, `instance`, `type`,
        /// `resource`.
        pub fn kind(&self) -> &'static str {
            match self {
                ComponentItem::ComponentFunc(_) => "function",
                ComponentItem::CoreFunc(_) => "core function",
                ComponentItem::Module(_) => "module",
                ComponentItem::Component(_) => "component",
                ComponentItem::ComponentInstance(_) => "instance",
                ComponentItem::Type(_) => "type",
                ComponentItem::Resource(_) => "resource",
            }
        }
    }

    /// The type of a core wasm module a component imports or exports.
    ///
    /// Its items are described by kind and by their type in the core text
    /// format, for reading: an imported module is given as a
    /// [`crate::Module`] (`LinkerInstance::module`), and witbind gives no
    /// access to exported ones.
    #[derive(Debug, Clone)]
    pub struct Module(Arc<ModuleInner>);

    #[derive(Debug)]
    struct ModuleInner {
        imports: Box<[((String, String), CoreItem)]>,
        exports: Items<CoreItem>,
    }

    impl Module {
        /// A module type importing `imports` (by module and field name) and
        /// exporting `exports`.
        pub(crate) fn new(
            imports: Vec<((String, String), CoreItem)>,
            exports: Vec<(String, CoreItem)>,
        ) -> Self {
            Self(Arc::new(ModuleInner {
                imports: imports.into(),
                exports: exports.into(),
            }))
        }

        /// The imports, by module and field name.
        pub fn imports(&self) -> impl ExactSizeIterator<Item = ((&str, &str), &CoreItem)> + '_ {
            self.0
                .imports
                .iter()
                .map(|((module, name), item)| ((module.as_str(), name.as_str()), item))
        }

        /// The exports, by name.
        pub fn exports(&self) -> impl ExactSizeIterator<Item = (&str, &CoreItem)> + '_ {
            iter(&self.0.exports)
        }
    }

    /// What kind of core wasm item a [`CoreItem`] is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum CoreItemKind {
        /// A function.
        Func,
        /// A table.
        Table,
        /// A linear memory.
        Memory,
        /// A global.
        Global,
        /// An exception tag.
        Tag,
    }

    /// A core wasm item's type: its kind, and its type in the core text
    /// format (`(func (param i32) (result i64))`, `(memory 1)`, ...).
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    pub struct CoreItem {
        kind: CoreItemKind,
        text: String,
    }

    impl CoreItem {
        /// An item of `kind` whose type is `text`.
        pub(crate) fn new(kind: CoreItemKind, text: String) -> Self {
            Self { kind, text }
        }

        /// The item's kind.
        pub fn kind(&self) -> CoreItemKind {
            self.kind
        }

        /// The item's type in the core text format.
        pub fn text(&self) -> &str {
            &self.text
        }
    }

    impl fmt::Display for CoreItem {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&self.text)
        }
    }
}
