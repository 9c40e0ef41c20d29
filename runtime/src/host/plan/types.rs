//! wasmtime-environ's interface types converted into witbind's [`Type`], and
//! the function types the host checks Rust signatures against.

use wasmtime_environ::component::{
    ComponentTypes, InterfaceType, TypeFuncIndex, TypeResourceTable, TypeResourceTableIndex,
    TypeTupleIndex,
};

use crate::abi::flat::FlatType;
use crate::abi::options::{MAX_FLAT_PARAMS, MAX_FLAT_RESULTS};
use crate::abi::values::ListShape;
use crate::error::Result;
use crate::types::{
    Case, ComponentFunc, EnumType, Field, FixedListType, FlagsType, ListType, MapType, OptionType,
    RecordType, ResourceType, ResultType, TupleType, Type, VariantType,
};
use crate::val::{CanonContext, CoreFuncType};

/// A component function's type with its flattening, computed once.
#[derive(Debug, Clone)]
pub(crate) struct FuncType {
    /// The public type: parameter names and types, result types.
    pub func: ComponentFunc,
    /// The parameters as one tuple type.
    pub params: Type,
    /// The results as one tuple type.
    pub results: Type,
    /// The flat core types of all parameters.
    pub param_flat: Box<[FlatType]>,
    /// The flat core types of all results.
    pub result_flat: Box<[FlatType]>,
    /// How the parameters travel (flat or spilled).
    pub params_shape: ListShape,
    /// How the results travel (flat or spilled).
    pub results_shape: ListShape,
    /// Whether a resource handle appears anywhere in the parameters or
    /// results, so calls must open a scope on the handle tables.
    pub has_handles: bool,
    /// Whether moving the parameters touches linear memory (a string or
    /// list in them, or they spill).
    pub params_use_memory: bool,
    /// Whether moving the results touches linear memory.
    pub results_use_memory: bool,
}

/// The resource types of one instance of a component, by
/// `ResourceIndex`: the host's types for imported resources, then the
/// instance's own defined resource types.
pub(crate) type ResourceMap = [ResourceType];

impl FuncType {
    /// The type of the component function `index`.
    pub(crate) fn new(
        types: &ComponentTypes,
        resources: &ResourceMap,
        index: TypeFuncIndex,
    ) -> Result<Self> {
        if types[index].async_ {
            anyhow::bail!("async functions are not supported by witbind yet");
        }
        Ok(Self::from_func(func_type(types, resources, index)?))
    }

    /// The flattening of the function type `func`.
    pub(crate) fn from_func(func: ComponentFunc) -> Self {
        let params = func.params_tuple().clone();
        let results = func.results_tuple().clone();
        let params_shape = ListShape::of(&params);
        let results_shape = ListShape::of(&results);
        Self {
            func,
            has_handles: has_handles(&params) || has_handles(&results),
            params_use_memory: params_shape.spills(MAX_FLAT_PARAMS) || uses_memory(&params),
            results_use_memory: results_shape.spills(MAX_FLAT_RESULTS) || uses_memory(&results),
            param_flat: params.flat_types().into(),
            result_flat: results.flat_types().into(),
            params_shape,
            results_shape,
            params,
            results,
        }
    }

    /// The parameter types.
    pub(crate) fn param_types(&self) -> &[Type] {
        tuple_types(&self.params)
    }

    /// The result types.
    pub(crate) fn result_types(&self) -> &[Type] {
        tuple_types(&self.results)
    }

    /// The core signature of the function lifted (an export the host
    /// calls) or lowered (an import the guest calls).
    pub(crate) fn core(&self, context: CanonContext) -> CoreFuncType {
        CoreFuncType::from_flat(&self.param_flat, &self.result_flat, context)
    }

    /// Renders the type in WIT (`func(a: u32) -> string`) for error
    /// messages.
    pub(crate) fn describe(&self) -> String {
        self.func.to_string()
    }
}

/// The public type of the component function `index`, async or not, its
/// resources typed by `resources`.
pub(crate) fn func_type(
    types: &ComponentTypes,
    resources: &ResourceMap,
    index: TypeFuncIndex,
) -> Result<ComponentFunc> {
    let func = &types[index];
    let cx = Convert { types, resources };
    Ok(ComponentFunc::from_tuples(
        func.param_names.iter().cloned().collect(),
        cx.tuple(func.params)?,
        cx.tuple(func.results)?,
        func.async_,
    ))
}

/// The value type `ty` of the component, its resources typed by
/// `resources`.
pub(crate) fn interface_type(
    types: &ComponentTypes,
    resources: &ResourceMap,
    ty: &InterfaceType,
) -> Result<Type> {
    Convert { types, resources }.convert(ty)
}

/// The element types of a tuple type (a parameter or result list).
pub(crate) fn tuple_types(ty: &Type) -> &[Type] {
    match ty {
        Type::Tuple(t) => t.types(),
        _ => std::slice::from_ref(ty),
    }
}

/// Converts interface types, resolving resources through the instance's map.
struct Convert<'a> {
    types: &'a ComponentTypes,
    resources: &'a ResourceMap,
}

impl Convert<'_> {
    fn tuple(&self, index: TypeTupleIndex) -> Result<Type> {
        let types = self.types;
        let elements = types[index]
            .types
            .iter()
            .map(|t| self.convert(t))
            .collect::<Result<Vec<_>>>()?;
        Ok(Type::Tuple(TupleType::new(elements)))
    }

    /// Converts one interface type.
    fn convert(&self, ty: &InterfaceType) -> Result<Type> {
        let types = self.types;
        Ok(match ty {
            InterfaceType::Bool => Type::Bool,
            InterfaceType::S8 => Type::S8,
            InterfaceType::U8 => Type::U8,
            InterfaceType::S16 => Type::S16,
            InterfaceType::U16 => Type::U16,
            InterfaceType::S32 => Type::S32,
            InterfaceType::U32 => Type::U32,
            InterfaceType::S64 => Type::S64,
            InterfaceType::U64 => Type::U64,
            InterfaceType::Float32 => Type::F32,
            InterfaceType::Float64 => Type::F64,
            InterfaceType::Char => Type::Char,
            InterfaceType::String => Type::String,
            InterfaceType::List(i) => Type::List(ListType::new(self.convert(&types[*i].element)?)),
            InterfaceType::Record(i) => Type::Record(RecordType::new(
                types[*i]
                    .fields
                    .iter()
                    .map(|f| {
                        Ok(Field {
                            name: f.name.clone(),
                            ty: self.convert(&f.ty)?,
                        })
                    })
                    .collect::<Result<_>>()?,
            )),
            InterfaceType::Tuple(i) => self.tuple(*i)?,
            InterfaceType::Variant(i) => Type::Variant(VariantType::new(
                types[*i]
                    .cases
                    .iter()
                    .map(|(name, ty)| {
                        Ok(Case {
                            name: name.clone(),
                            ty: ty.as_ref().map(|t| self.convert(t)).transpose()?,
                        })
                    })
                    .collect::<Result<_>>()?,
            )),
            InterfaceType::Enum(i) => {
                Type::Enum(EnumType::new(types[*i].names.iter().cloned().collect()))
            }
            InterfaceType::Flags(i) => {
                Type::Flags(FlagsType::new(types[*i].names.iter().cloned().collect())?)
            }
            InterfaceType::Option(i) => Type::Option(OptionType::new(self.convert(&types[*i].ty)?)),
            InterfaceType::Result(i) => {
                let r = &types[*i];
                let ok = r.ok.as_ref().map(|t| self.convert(t)).transpose()?;
                let err = r.err.as_ref().map(|t| self.convert(t)).transpose()?;
                Type::Result(ResultType::new(ok, err))
            }
            InterfaceType::Own(i) => Type::Own(self.resource(*i)?),
            InterfaceType::Borrow(i) => Type::Borrow(self.resource(*i)?),
            InterfaceType::Map(i) => {
                let map = &types[*i];
                Type::Map(MapType::new(
                    self.convert(&map.key)?,
                    self.convert(&map.value)?,
                ))
            }
            InterfaceType::Future(_) => {
                anyhow::bail!("`future` types are not supported by witbind yet")
            }
            InterfaceType::Stream(_) => {
                anyhow::bail!("`stream` types are not supported by witbind yet")
            }
            InterfaceType::ErrorContext(_) => {
                anyhow::bail!("`error-context` types are not supported by witbind yet")
            }
            InterfaceType::FixedLengthList(i) => {
                let list = &types[*i];
                Type::FixedList(FixedListType::new(self.convert(&list.element)?, list.size))
            }
        })
    }

    /// The resource type a resource table of the component stands for.
    fn resource(&self, index: TypeResourceTableIndex) -> Result<ResourceType> {
        match &self.types[index] {
            TypeResourceTable::Concrete { ty, .. } => {
                match self.resources.get(ty.as_u32() as usize) {
                    Some(r) => Ok(r.clone()),
                    None => anyhow::bail!("resource {} has no type", ty.as_u32()),
                }
            }
            TypeResourceTable::Abstract(_) => {
                anyhow::bail!("abstract resource types are not supported by witbind yet")
            }
        }
    }
}

/// Whether a handle appears anywhere in `ty`.
fn has_handles(ty: &Type) -> bool {
    match ty {
        Type::Own(_) | Type::Borrow(_) => true,
        Type::List(l) => has_handles(l.element()),
        Type::Map(m) => has_handles(m.value()),
        Type::FixedList(l) => has_handles(l.element()),
        Type::Record(r) => r.fields().iter().any(|f| has_handles(&f.ty)),
        Type::Tuple(t) => t.types().iter().any(has_handles),
        Type::Variant(v) => v
            .cases()
            .iter()
            .filter_map(|c| c.ty.as_ref())
            .any(has_handles),
        Type::Option(o) => has_handles(o.some()),
        Type::Result(r) => r.ok().into_iter().chain(r.err()).any(has_handles),
        _ => false,
    }
}

/// Whether lifting or lowering a value of `ty` reads or writes linear
/// memory: strings and lists live there, everything else travels flat.
fn uses_memory(ty: &Type) -> bool {
    match ty {
        Type::String | Type::List(_) | Type::Map(_) => true,
        Type::FixedList(l) => uses_memory(l.element()),
        Type::Record(r) => r.fields().iter().any(|f| uses_memory(&f.ty)),
        Type::Tuple(t) => t.types().iter().any(uses_memory),
        Type::Variant(v) => v
            .cases()
            .iter()
            .filter_map(|c| c.ty.as_ref())
            .any(uses_memory),
        Type::Option(o) => uses_memory(o.some()),
        Type::Result(r) => r.ok().into_iter().chain(r.err()).any(uses_memory),
        _ => false,
    }
}

/// The resource type the component's resource table `index` stands for.
pub(crate) fn table_resource(
    types: &ComponentTypes,
    resources: &ResourceMap,
    index: TypeResourceTableIndex,
) -> Result<ResourceType> {
    Convert { types, resources }.resource(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn func(params: Vec<Type>, results: Vec<Type>) -> FuncType {
        let named = params
            .into_iter()
            .enumerate()
            .map(|(i, t)| (format!("p{i}"), t));
        FuncType::from_func(ComponentFunc::new(named, results))
    }

    #[test]
    fn lowered_imports_take_flat_params_and_return_one_value() {
        let core = func(vec![Type::U64, Type::F32], vec![Type::U32]).core(CanonContext::Lower);
        assert_eq!(core.params, [FlatType::I64, FlatType::F32]);
        assert_eq!(core.results, [FlatType::I32]);
    }

    #[test]
    fn lowered_imports_spill_params_to_a_pointer_and_results_to_an_out_pointer() {
        let nine_strings = vec![Type::String; 9];
        let ty = func(nine_strings, vec![Type::String]);
        let core = ty.core(CanonContext::Lower);
        assert_eq!(core.params, [FlatType::I32, FlatType::I32]);
        assert!(core.results.is_empty());
        let lifted = ty.core(CanonContext::Lift);
        assert_eq!(lifted.params, [FlatType::I32]);
        assert_eq!(lifted.results, [FlatType::I32]);
    }

    #[test]
    fn handles_are_found_inside_nested_types() {
        let own = Type::Own(ResourceType::defined("r", 1));
        let nested = Type::Option(OptionType::new(Type::List(ListType::new(Type::Tuple(
            TupleType::new(vec![Type::U8, own]),
        )))));
        assert!(has_handles(&nested));
        let plain = Type::Result(ResultType::new(Some(Type::String), None));
        assert!(!has_handles(&plain));
    }
}
