//! Core modules that only fill imported tables with imported functions,
//! applied by the host instead of instantiated.
//!
//! Toolchains break the cycle between a component's main module and the
//! lowered imports it calls (which need that module's memory and
//! `realloc`) with a "fixup" module: it imports a table and the lowered
//! functions, and its active element segments put the functions in the
//! table. Instantiating it costs a whole core instance (type checks, a
//! context, a registration) for a handful of table writes. A module that
//! defines nothing, exports nothing, has no start function and no data, and
//! whose segments write imported functions at constant offsets into an
//! imported table is instantiated by doing those writes in order, with the
//! same result, including the out-of-bounds failure.

use wasmtime_environ::{
    ConstOp, EntityIndex, FuncIndex, Initializer, ModuleTranslation, TableSegmentElements,
};

/// The table writes that stand for instantiating one module. Positions
/// are indices into the module's import list (its instantiation
/// arguments).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TableFill {
    /// The element segments, in order.
    pub(crate) segments: Vec<FillSegment>,
}

/// One active element segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FillSegment {
    /// The import position of the table it writes.
    pub(crate) table: usize,
    /// The first element it writes.
    pub(crate) offset: u64,
    /// The import positions of the functions it writes, in order.
    pub(crate) funcs: Vec<usize>,
}

/// The writes instantiating `translation` comes down to, or `None` when
/// the module does anything else.
pub(crate) fn table_fill(translation: &ModuleTranslation<'_>) -> Option<TableFill> {
    let module = &translation.module;
    let defines_nothing = module.functions.len() == module.num_imported_funcs
        && module.tables.len() == module.num_imported_tables
        && module.memories.is_empty()
        && module.globals.len() == module.num_imported_globals
        && module.tags.len() == module.num_imported_tags
        && module.exports.is_empty()
        && module.passive_elements.is_empty()
        && translation.start_func.is_none()
        && translation.runtime_data.is_empty();
    if !defines_nothing {
        return None;
    }
    let mut func_at = Vec::new();
    let mut table_at = Vec::new();
    for (position, Initializer::Import { index, .. }) in module.initializers.iter().enumerate() {
        match index {
            EntityIndex::Function(f) => store_at(&mut func_at, f.as_u32(), position),
            EntityIndex::Table(t) => store_at(&mut table_at, t.as_u32(), position),
            _ => return None,
        }
    }
    let mut segments = Vec::new();
    for segment in translation.table_initialization.segments.iter() {
        let table = *table_at
            .get(segment.table_index.as_u32() as usize)?
            .as_ref()?;
        let offset = match segment.offset.ops() {
            [ConstOp::I32Const(n)] => u64::from(*n as u32),
            [ConstOp::I64Const(n)] => *n as u64,
            _ => return None,
        };
        let indices: Vec<FuncIndex> = match &segment.elements {
            TableSegmentElements::Functions(funcs) => funcs.to_vec(),
            TableSegmentElements::Expressions { exprs, .. } => exprs
                .iter()
                .map(|e| match e.ops() {
                    [ConstOp::RefFunc(f)] => Some(*f),
                    _ => None,
                })
                .collect::<Option<_>>()?,
        };
        let funcs = indices
            .iter()
            .map(|f| func_at.get(f.as_u32() as usize).copied().flatten())
            .collect::<Option<Vec<usize>>>()?;
        segments.push(FillSegment {
            table,
            offset,
            funcs,
        });
    }
    Some(TableFill { segments })
}

/// Records that entity `index` of one kind is import `position`.
fn store_at(map: &mut Vec<Option<usize>>, index: u32, position: usize) {
    let index = index as usize;
    if map.len() <= index {
        map.resize(index + 1, None);
    }
    map[index] = Some(position);
}

#[cfg(test)]
mod tests {
    use crate::Engine;
    use crate::host::Component;

    /// A component in the shape toolchains emit: a shim module exporting a
    /// table and a function that calls through it, a main module calling
    /// the shim, and a module filling the table with the lowered import.
    fn component(fixup: &str) -> String {
        format!(
            r#"(component
              (import "get" (func $get (result u32)))
              (core module $shim
                (type $t (func (result i32)))
                (table (export "$imports") 1 1 funcref)
                (func (export "0") (result i32) (call_indirect (type $t) (i32.const 0))))
              (core instance $shim (instantiate $shim))
              (core module $main
                (import "host" "get" (func $get (result i32)))
                (func (export "run") (result i32) (i32.add (call $get) (i32.const 1))))
              (core instance $main (instantiate $main
                (with "host" (instance (export "get" (func $shim "0"))))))
              (core func $get-core (canon lower (func $get)))
              (core module $fixup {fixup})
              (core instance (instantiate $fixup
                (with "" (instance
                  (export "0" (func $get-core))
                  (export "$imports" (table $shim "$imports"))))))
              (func (export "run") (result u32) (canon lift (core func $main "run"))))"#
        )
    }

    const FILLS: &str = r#"(type $t (func (result i32)))
        (import "" "0" (func (type $t)))
        (import "" "$imports" (table 1 1 funcref))
        (elem (i32.const 0) func 0)"#;

    fn fills(text: &str, engine: &Engine) -> Vec<bool> {
        let component = Component::new(engine, wat::parse_str(text).unwrap()).unwrap();
        let plan = &component.plan;
        plan.table_fills.values().map(Option::is_some).collect()
    }

    #[test]
    fn only_modules_that_just_fill_imported_tables_are_applied_by_the_host() {
        for kind in Engine::available_backends() {
            let engine = Engine::with_backend(*kind).unwrap();
            assert_eq!(fills(&component(FILLS), &engine), [false, false, true]);
            // A start function, an export or a defined function is more
            // than table writes: such modules are instantiated.
            let start = FILLS.replace("(elem", "(func $s) (start $s) (elem");
            assert_eq!(fills(&component(&start), &engine), [false, false, false]);
            let export = format!("{FILLS} (export \"t\" (table 0))");
            assert_eq!(fills(&component(&export), &engine), [false, false, false]);
        }
    }

    #[test]
    fn applied_table_fills_behave_as_instantiated_modules() {
        use crate::{Linker, Store};
        for kind in Engine::available_backends() {
            let engine = Engine::with_backend(*kind).unwrap();
            let mut linker = Linker::<()>::new(&engine);
            linker
                .root()
                .func_wrap("get", |_, (): ()| Ok((41u32,)))
                .unwrap();
            let run = |text: &str| -> crate::Result<u32> {
                let component = Component::new(&engine, wat::parse_str(text).unwrap())?;
                let mut store = Store::new(&engine, ());
                let instance = linker.instantiate(&mut store, &component)?;
                let run = instance.get_typed_func::<(), (u32,)>(&mut store, "run")?;
                Ok(run.call(&mut store, ())?.0)
            };
            assert_eq!(run(&component(FILLS)).unwrap(), 42, "{kind}");
            // A segment past the table's end fails instantiation, as the
            // core module itself would.
            let past_end = FILLS.replace("(i32.const 0)", "(i32.const 1)");
            let err = run(&component(&past_end)).unwrap_err();
            assert!(
                format!("{err:#}").contains("out of bounds table access"),
                "{kind}: {err:#}"
            );
        }
    }
}
