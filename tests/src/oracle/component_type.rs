//! Component types rendered runtime-neutrally: witbind's
//! `Component::component_type()` and wasmtime's, walked the same way into
//! the same lines of text, so a test compares the two on the same binary.
//!
//! Each line is one item, indented by depth:
//! `import witbind:guests/host-side: instance`, then its exports indented,
//! `[constructor]counter: func(start: u32) -> own<r0>`. Resources are named
//! `r0`, `r1`, ... in the order they first appear, so the same resource is
//! the same name wherever it is used (which checks that each side gives one
//! resource one identity) without depending on how either side names them.

use std::fmt::Write as _;

use wasmtime::component::types as wt;
use witbind::types as wb;

/// Names resources by first appearance.
struct Resources<R>(Vec<R>);

impl<R: PartialEq> Resources<R> {
    fn name(&mut self, resource: R) -> String {
        let index = match self.0.iter().position(|r| *r == resource) {
            Some(i) => i,
            None => {
                self.0.push(resource);
                self.0.len() - 1
            }
        };
        format!("r{index}")
    }
}

fn join(parts: impl IntoIterator<Item = String>) -> String {
    parts.into_iter().collect::<Vec<_>>().join(", ")
}

/// The lines of witbind's component type `ty`.
pub fn witbind_lines(ty: &wb::Component) -> Vec<String> {
    let mut out = Vec::new();
    let mut resources = Resources(Vec::new());
    witbind_component(ty, 0, &mut resources, &mut out);
    out
}

fn witbind_component(
    ty: &wb::Component,
    depth: usize,
    resources: &mut Resources<wb::ResourceType>,
    out: &mut Vec<String>,
) {
    for (name, item) in ty.imports() {
        witbind_item(&format!("import {name}"), item, depth, resources, out);
    }
    for (name, item) in ty.exports() {
        witbind_item(&format!("export {name}"), item, depth, resources, out);
    }
}

fn witbind_item(
    name: &str,
    item: &wb::ComponentItem,
    depth: usize,
    resources: &mut Resources<wb::ResourceType>,
    out: &mut Vec<String>,
) {
    let indent = "  ".repeat(depth);
    match item {
        wb::ComponentItem::ComponentFunc(f) => {
            let params = join(
                f.params()
                    .map(|(n, t)| format!("{n}: {}", witbind_type(t, resources))),
            );
            let results = join(f.results().iter().map(|t| witbind_type(t, resources)));
            out.push(format!("{indent}{name}: func({params}) -> ({results})"));
        }
        wb::ComponentItem::ComponentInstance(i) => {
            out.push(format!("{indent}{name}: instance"));
            for (export, item) in i.exports() {
                witbind_item(export, item, depth + 1, resources, out);
            }
        }
        wb::ComponentItem::Component(c) => {
            out.push(format!("{indent}{name}: component"));
            witbind_component(c, depth + 1, resources, out);
        }
        wb::ComponentItem::Module(m) => {
            out.push(format!("{indent}{name}: module"));
            for ((module, field), item) in m.imports() {
                out.push(format!(
                    "{indent}  import {module}/{field}: {:?}",
                    item.kind()
                ));
            }
            for (export, item) in m.exports() {
                out.push(format!("{indent}  export {export}: {:?}", item.kind()));
            }
        }
        wb::ComponentItem::CoreFunc(_) => out.push(format!("{indent}{name}: core func")),
        wb::ComponentItem::Type(t) => {
            out.push(format!(
                "{indent}{name}: type {}",
                witbind_type(t, resources)
            ));
        }
        wb::ComponentItem::Resource(r) => {
            out.push(format!(
                "{indent}{name}: resource {}",
                resources.name(r.clone())
            ));
        }
    }
}

fn witbind_type(ty: &wb::Type, resources: &mut Resources<wb::ResourceType>) -> String {
    use wb::Type as T;
    let mut text = String::new();
    let w = &mut text;
    match ty {
        T::Bool => w.push_str("bool"),
        T::S8 => w.push_str("s8"),
        T::U8 => w.push_str("u8"),
        T::S16 => w.push_str("s16"),
        T::U16 => w.push_str("u16"),
        T::S32 => w.push_str("s32"),
        T::U32 => w.push_str("u32"),
        T::S64 => w.push_str("s64"),
        T::U64 => w.push_str("u64"),
        T::F32 => w.push_str("f32"),
        T::F64 => w.push_str("f64"),
        T::Char => w.push_str("char"),
        T::String => w.push_str("string"),
        T::List(l) => {
            let _ = write!(w, "list<{}>", witbind_type(l.element(), resources));
        }
        T::FixedList(l) => {
            let _ = write!(
                w,
                "list<{}, {}>",
                witbind_type(l.element(), resources),
                l.len()
            );
        }
        T::Record(r) => {
            let fields = join(
                r.fields()
                    .iter()
                    .map(|f| format!("{}: {}", f.name, witbind_type(&f.ty, resources))),
            );
            let _ = write!(w, "record {{ {fields} }}");
        }
        T::Tuple(t) => {
            let types = join(t.types().iter().map(|t| witbind_type(t, resources)));
            let _ = write!(w, "tuple<{types}>");
        }
        T::Variant(v) => {
            let cases = join(v.cases().iter().map(|c| match &c.ty {
                Some(t) => format!("{}({})", c.name, witbind_type(t, resources)),
                None => c.name.clone(),
            }));
            let _ = write!(w, "variant {{ {cases} }}");
        }
        T::Enum(e) => {
            let _ = write!(w, "enum {{ {} }}", e.names().join(", "));
        }
        T::Option(o) => {
            let _ = write!(w, "option<{}>", witbind_type(o.some(), resources));
        }
        T::Result(r) => {
            let ok = r
                .ok()
                .map_or("_".to_string(), |t| witbind_type(t, resources));
            let err = r
                .err()
                .map_or("_".to_string(), |t| witbind_type(t, resources));
            let _ = write!(w, "result<{ok}, {err}>");
        }
        T::Flags(f) => {
            let _ = write!(w, "flags {{ {} }}", f.names().join(", "));
        }
        T::Own(r) => {
            let _ = write!(w, "own<{}>", resources.name(r.clone()));
        }
        T::Borrow(r) => {
            let _ = write!(w, "borrow<{}>", resources.name(r.clone()));
        }
        // Types witbind learns later print as witbind prints them.
        #[allow(unreachable_patterns)]
        other => {
            let _ = write!(w, "{other}");
        }
    }
    text
}

/// The lines of wasmtime's component type `ty` (of a component of
/// `engine`).
pub fn wasmtime_lines(ty: &wt::Component, engine: &wasmtime::Engine) -> Vec<String> {
    let mut out = Vec::new();
    let mut resources = Resources(Vec::new());
    wasmtime_component(ty, engine, 0, &mut resources, &mut out);
    out
}

fn wasmtime_component(
    ty: &wt::Component,
    engine: &wasmtime::Engine,
    depth: usize,
    resources: &mut Resources<wasmtime::component::ResourceType>,
    out: &mut Vec<String>,
) {
    for (name, item) in ty.imports(engine) {
        let name = format!("import {name}");
        wasmtime_item(&name, &item.ty, engine, depth, resources, out);
    }
    for (name, item) in ty.exports(engine) {
        let name = format!("export {name}");
        wasmtime_item(&name, &item.ty, engine, depth, resources, out);
    }
}

fn wasmtime_item(
    name: &str,
    item: &wt::ComponentItem,
    engine: &wasmtime::Engine,
    depth: usize,
    resources: &mut Resources<wasmtime::component::ResourceType>,
    out: &mut Vec<String>,
) {
    let indent = "  ".repeat(depth);
    match item {
        wt::ComponentItem::ComponentFunc(f) => {
            let params = join(
                f.params()
                    .map(|(n, t)| format!("{n}: {}", wasmtime_type(&t, resources))),
            );
            let results = join(f.results().map(|t| wasmtime_type(&t, resources)));
            out.push(format!("{indent}{name}: func({params}) -> ({results})"));
        }
        wt::ComponentItem::ComponentInstance(i) => {
            out.push(format!("{indent}{name}: instance"));
            for (export, item) in i.exports(engine) {
                wasmtime_item(export, &item.ty, engine, depth + 1, resources, out);
            }
        }
        wt::ComponentItem::Component(c) => {
            out.push(format!("{indent}{name}: component"));
            wasmtime_component(c, engine, depth + 1, resources, out);
        }
        wt::ComponentItem::Module(m) => {
            out.push(format!("{indent}{name}: module"));
            for ((module, field), item) in m.imports(engine) {
                out.push(format!(
                    "{indent}  import {module}/{field}: {}",
                    core_kind(&item)
                ));
            }
            for (export, item) in m.exports(engine) {
                out.push(format!("{indent}  export {export}: {}", core_kind(&item)));
            }
        }
        wt::ComponentItem::CoreFunc(_) => out.push(format!("{indent}{name}: core func")),
        wt::ComponentItem::Type(t) => {
            out.push(format!(
                "{indent}{name}: type {}",
                wasmtime_type(t, resources)
            ));
        }
        wt::ComponentItem::Resource(r) => {
            out.push(format!("{indent}{name}: resource {}", resources.name(*r)));
        }
    }
}

/// A core item's kind as witbind's `CoreItemKind` prints it.
fn core_kind(item: &wasmtime::ExternType) -> &'static str {
    match item {
        wasmtime::ExternType::Func(_) => "Func",
        wasmtime::ExternType::Global(_) => "Global",
        wasmtime::ExternType::Table(_) => "Table",
        wasmtime::ExternType::Memory(_) => "Memory",
        wasmtime::ExternType::Tag(_) => "Tag",
    }
}

fn wasmtime_type(
    ty: &wt::Type,
    resources: &mut Resources<wasmtime::component::ResourceType>,
) -> String {
    use wt::Type as T;
    match ty {
        T::Bool => "bool".into(),
        T::S8 => "s8".into(),
        T::U8 => "u8".into(),
        T::S16 => "s16".into(),
        T::U16 => "u16".into(),
        T::S32 => "s32".into(),
        T::U32 => "u32".into(),
        T::S64 => "s64".into(),
        T::U64 => "u64".into(),
        T::Float32 => "f32".into(),
        T::Float64 => "f64".into(),
        T::Char => "char".into(),
        T::String => "string".into(),
        T::List(l) => format!("list<{}>", wasmtime_type(&l.ty(), resources)),
        T::Map(m) => format!(
            "map<{}, {}>",
            wasmtime_type(&m.key(), resources),
            wasmtime_type(&m.value(), resources)
        ),
        T::FixedLengthList(l) => {
            format!("list<{}, {}>", wasmtime_type(&l.ty(), resources), l.len())
        }
        T::Record(r) => {
            let fields = join(
                r.fields()
                    .map(|f| format!("{}: {}", f.name, wasmtime_type(&f.ty, resources))),
            );
            format!("record {{ {fields} }}")
        }
        T::Tuple(t) => {
            let types = join(t.types().map(|t| wasmtime_type(&t, resources)));
            format!("tuple<{types}>")
        }
        T::Variant(v) => {
            let cases = join(v.cases().map(|c| match &c.ty {
                Some(t) => format!("{}({})", c.name, wasmtime_type(t, resources)),
                None => c.name.to_string(),
            }));
            format!("variant {{ {cases} }}")
        }
        T::Enum(e) => format!("enum {{ {} }}", e.names().collect::<Vec<_>>().join(", ")),
        T::Option(o) => format!("option<{}>", wasmtime_type(&o.ty(), resources)),
        T::Result(r) => {
            let ok = r
                .ok()
                .map_or("_".to_string(), |t| wasmtime_type(&t, resources));
            let err = r
                .err()
                .map_or("_".to_string(), |t| wasmtime_type(&t, resources));
            format!("result<{ok}, {err}>")
        }
        T::Flags(f) => format!("flags {{ {} }}", f.names().collect::<Vec<_>>().join(", ")),
        T::Own(r) => format!("own<{}>", resources.name(*r)),
        T::Borrow(r) => format!("borrow<{}>", resources.name(*r)),
        other => format!("unknown type {other:?}"),
    }
}
