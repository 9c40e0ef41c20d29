//! What [`bindgen!`](crate::bindgen) generates, rendered by rustdoc: each
//! module below is the output for one small world, with the invocation
//! that made it and an example of its use in the module's documentation.
//!
//! This module exists only in documentation (and in witbind's own tests,
//! which compile it); it is not part of the crate's API.
//!
//! The examples give their WIT `inline`; a project usually keeps it in a
//! `wit/` directory beside `Cargo.toml` (the default `path`), with the
//! packages it depends on in `wit/deps/`. To read the expansion of your own
//! world in an editor, add `include_generated_code_from_file: true` (or set
//! `WITBIND_DEBUG=1`): the code is formatted, written to a file under the
//! target directory (`OUT_DIR` when the crate has a build script) and
//! `include!`d, so "go to definition" opens it and compiler errors point
//! into it.

// Written as users write it: `bindgen!` unqualified, as after
// `use witbind::bindgen;`.
macro_rules! bindgen {
    ($($input:tt)*) => {
        crate::bindgen!($($input)*);
    };
}

/// A world with one function imported and one exported, at the world's
/// own level.
///
/// - the import becomes the trait
///   [`HelloWorldImports`](_0_hello_world::HelloWorldImports), which the
///   host implements;
/// - [`HelloWorld`](_0_hello_world::HelloWorld) registers it in a
///   [`Linker`](crate::Linker) (`add_to_linker`), instantiates the
///   component and calls its export (`call_greet`);
/// - [`HelloWorldPre`](_0_hello_world::HelloWorldPre) instantiates a linked
///   component many times.
///
/// ```
/// use witbind::{Component, Engine, Linker, Store, bindgen};
///
#[doc = include_str!("_0_hello_world.rs")]
///
/// struct MyState {
///     name: String,
/// }
///
/// impl HelloWorldImports for MyState {
///     fn name(&mut self) -> String {
///         self.name.clone()
///     }
/// }
///
/// fn main() -> witbind::Result<()> {
/// #   if true { return Ok(()) }
///     let engine = Engine::default();
///     let component = Component::from_file(&engine, "hello.wasm")?;
///     let mut linker = Linker::new(&engine);
///     // `get` finds the implementation in the store's data: here it is
///     // the data itself.
///     HelloWorld::add_to_linker(&mut linker, |state: &mut MyState| state)?;
///     let mut store = Store::new(&engine, MyState { name: "me".into() });
///     let hello = HelloWorld::instantiate(&mut store, &component, &linker)?;
///     println!("{}", hello.call_greet(&mut store)?);
///     Ok(())
/// }
/// ```
pub mod _0_hello_world {
    include!("_0_hello_world.rs");
}

/// Interfaces, types and a resource: each interface is a module named
/// after its package (`example::shapes::canvas`), exported ones under
/// `exports::`.
///
/// - records, variants, enums and flags become Rust types deriving
///   `ComponentType`, `Lift`, `Lower` and the `additional_derives`;
/// - the imported interface `canvas` is the trait
///   [`Host`](_1_interfaces::example::shapes::canvas::Host), its resource
///   `layer` the trait
///   [`HostLayer`](_1_interfaces::example::shapes::canvas::HostLayer), whose
///   handles are [`Resource<Layer>`](crate::Resource);
/// - the exported interface `geometry` is the struct
///   [`Guest`](_1_interfaces::exports::example::shapes::geometry::Guest)
///   with one `call_` method per function, reached through
///   [`Shapes::example_shapes_geometry`](_1_interfaces::Shapes::example_shapes_geometry).
///
/// ```
/// use witbind::{Component, Engine, Linker, Resource, Store, bindgen};
///
#[doc = include_str!("_1_interfaces.rs")]
///
/// use example::shapes::canvas::{Host, HostLayer, Layer, Point, Shape, Style};
/// use exports::example::shapes::geometry::Unit;
///
/// #[derive(Default)]
/// struct Drawing {
///     layers: Vec<(String, Vec<Shape>)>,
/// }
///
/// impl HostLayer for Drawing {
///     fn new(&mut self, name: String) -> Resource<Layer> {
///         self.layers.push((name, Vec::new()));
///         Resource::new_own(self.layers.len() as u32 - 1)
///     }
///     fn draw(&mut self, layer: Resource<Layer>, s: Shape, _style: Style) {
///         self.layers[layer.rep() as usize].1.push(s);
///     }
///     fn count(&mut self, layer: Resource<Layer>) -> u32 {
///         self.layers[layer.rep() as usize].1.len() as u32
///     }
///     fn drop(&mut self, _layer: Resource<Layer>) -> witbind::Result<()> {
///         Ok(())
///     }
/// }
///
/// impl Host for Drawing {}
///
/// fn main() -> witbind::Result<()> {
/// #   if true { return Ok(()) }
///     let engine = Engine::default();
///     let component = Component::from_file(&engine, "shapes.wasm")?;
///     let mut linker = Linker::new(&engine);
///     Shapes::add_to_linker(&mut linker, |d: &mut Drawing| d)?;
///     let mut store = Store::new(&engine, Drawing::default());
///     let shapes = Shapes::instantiate(&mut store, &component, &linker)?;
///     let square = [Point { x: 0, y: 0 }, Point { x: 2, y: 0 }, Point { x: 2, y: 2 }];
///     let area = shapes
///         .example_shapes_geometry()
///         .call_area(&mut store, &square, Unit::Px)?;
///     println!("{area}");
///     Ok(())
/// }
/// ```
pub mod _1_interfaces {
    include!("_1_interfaces.rs");
}

/// The `store` flag: `delegate` needs more than the host's own state, so it
/// moves to the trait
/// [`HostWithStore<T>`](_2_store_in_imports::example::plugins::host::HostWithStore)
/// and takes an [`Access`](crate::Access): the store's data (all of it,
/// through `data_mut`, or the implementation, through `get`) and the store
/// itself, to call exports of other instances. `log` stays a `&mut self`
/// method of [`Host`](_2_store_in_imports::example::plugins::host::Host).
/// With `trappable` the function returns `witbind::Result`, so a failed
/// call into another instance can trap the caller with `?`.
///
/// Calling back into the instance that is calling `delegate` fails with
/// [`Trap::Reentered`](crate::Trap::Reentered): the Component Model forbids
/// re-entering a running instance.
///
/// ```
/// use std::collections::HashMap;
/// use witbind::{Access, Component, Engine, Linker, Store, bindgen};
///
#[doc = include_str!("_2_store_in_imports.rs")]
///
/// use example::plugins::host::{Host, HostWithStore};
///
/// /// The store's data: every plugin instance, and the host's own state.
/// struct Plugins {
///     by_name: HashMap<String, Plugin>,
///     host: Logger,
/// }
///
/// struct Logger;
///
/// impl Host for Logger {
///     fn log(&mut self, msg: String) {
///         println!("{msg}");
///     }
/// }
///
/// impl HostWithStore<Plugins> for Logger {
///     fn delegate(
///         mut host: Access<'_, Plugins, Self>,
///         plugin: String,
///         input: String,
///     ) -> witbind::Result<Result<String, String>> {
///         let Some(other) = host.data().by_name.get(&plugin).cloned() else {
///             return Ok(Err(format!("no plugin `{plugin}`")));
///         };
///         // `Access` is a store: call the other instance's export.
///         Ok(Ok(other.call_handle(&mut host, &input)?))
///     }
/// }
///
/// fn main() -> witbind::Result<()> {
/// #   if true { return Ok(()) }
///     let engine = Engine::default();
///     let mut linker = Linker::new(&engine);
///     Plugin::add_to_linker(&mut linker, |p: &mut Plugins| &mut p.host)?;
///     let mut store = Store::new(&engine, Plugins { by_name: HashMap::new(), host: Logger });
///     for name in ["upper", "reverse"] {
///         let component = Component::from_file(&engine, format!("{name}.wasm"))?;
///         let plugin = Plugin::instantiate(&mut store, &component, &linker)?;
///         store.data_mut().by_name.insert(name.to_string(), plugin);
///     }
///     let upper = store.data().by_name["upper"].clone();
///     println!("{}", upper.call_handle(&mut store, "hello")?);
///     Ok(())
/// }
/// ```
pub mod _2_store_in_imports {
    include!("_2_store_in_imports.rs");
}

/// `ownership: Borrowing`: what the host only reads borrows the guest's
/// memory. `entry` travels both ways (a parameter of `write`, a result of
/// `flushed`), so with `duplicate_if_necessary: true` it exists twice:
/// [`Entry`](_3_borrowing::example::logs::sink::Entry) owns its strings,
/// [`EntryBorrowed<'a>`](_3_borrowing::example::logs::sink::EntryBorrowed)
/// holds [`WasmStr`](crate::WasmStr) and [`WasmList`](crate::WasmList)
/// views, read in place during the call. Export calls take strings and
/// lists by reference (`&str`, `&[T]`).
///
/// ```
/// use witbind::{Component, Engine, Linker, Store, bindgen};
///
#[doc = include_str!("_3_borrowing.rs")]
///
/// use example::logs::sink::{Entry, EntryBorrowed, Host};
///
/// #[derive(Default)]
/// struct Sink {
///     kept: Vec<Entry>,
/// }
///
/// impl Host for Sink {
///     fn write<'a>(&mut self, e: EntryBorrowed<'a>) {
///         // Copy only what is kept.
///         if e.level > 2 {
///             let tags = e.tags.iter().map(|t| Ok(t?.to_str().into_owned()));
///             self.kept.push(Entry {
///                 level: e.level,
///                 text: e.text.to_str().into_owned(),
///                 tags: tags.collect::<witbind::Result<_>>().unwrap_or_default(),
///             });
///         }
///     }
///     fn flushed(&mut self) -> Vec<Entry> {
///         std::mem::take(&mut self.kept)
///     }
/// }
///
/// fn main() -> witbind::Result<()> {
/// #   if true { return Ok(()) }
///     let engine = Engine::default();
///     let component = Component::from_file(&engine, "logger.wasm")?;
///     let mut linker = Linker::new(&engine);
///     Logger::add_to_linker(&mut linker, |s: &mut Sink| s)?;
///     let mut store = Store::new(&engine, Sink::default());
///     let logger = Logger::instantiate(&mut store, &component, &linker)?;
///     println!("{}", logger.call_flush(&mut store, "shutdown")?);
///     Ok(())
/// }
/// ```
pub mod _3_borrowing {
    include!("_3_borrowing.rs");
}
