//! wasmtime-environ's interface types converted into witbind's [`Type`], and
//! the function types the host checks Rust signatures against.

use wasmtime_environ::component::{ComponentTypes, InterfaceType, TypeFuncIndex, TypeTupleIndex};

use crate::abi::flat::FlatType;
use crate::error::Result;
use crate::types::{
    Case, EnumType, Field, FlagsType, ListType, OptionType, RecordType, ResourceType, ResultType,
    TupleType, Type, VariantType,
};

/// A component function's type with its flattening, computed once.
#[derive(Debug, Clone)]
pub(crate) struct FuncType {
    /// The parameters as one tuple type.
    pub params: Type,
    /// The results as one tuple type.
    pub results: Type,
    /// The flat core types of all parameters.
    pub param_flat: Box<[FlatType]>,
    /// The flat core types of all results.
    pub result_flat: Box<[FlatType]>,
}

impl FuncType {
    /// The type of the component function `index`.
    pub(crate) fn new(types: &ComponentTypes, index: TypeFuncIndex) -> Result<Self> {
        let func = &types[index];
        if func.async_ {
            anyhow::bail!("async functions are not supported by witbind yet");
        }
        let params = tuple(types, func.params)?;
        let results = tuple(types, func.results)?;
        Ok(Self {
            param_flat: params.flat_types().into(),
            result_flat: results.flat_types().into(),
            params,
            results,
        })
    }

    /// Renders the type as `func(<params>) -> <results>` for error messages.
    pub(crate) fn describe(&self) -> String {
        let list = |t: &Type| match t {
            Type::Tuple(t) => t
                .types()
                .iter()
                .map(Type::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            other => other.to_string(),
        };
        format!("func({}) -> ({})", list(&self.params), list(&self.results))
    }
}

fn tuple(types: &ComponentTypes, index: TypeTupleIndex) -> Result<Type> {
    let elements = types[index]
        .types
        .iter()
        .map(|t| convert(types, t))
        .collect::<Result<Vec<_>>>()?;
    Ok(Type::Tuple(TupleType::new(elements)))
}

/// Converts one interface type.
pub(crate) fn convert(types: &ComponentTypes, ty: &InterfaceType) -> Result<Type> {
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
        InterfaceType::List(i) => Type::List(ListType::new(convert(types, &types[*i].element)?)),
        InterfaceType::Record(i) => Type::Record(RecordType::new(
            types[*i]
                .fields
                .iter()
                .map(|f| {
                    Ok(Field {
                        name: f.name.clone(),
                        ty: convert(types, &f.ty)?,
                    })
                })
                .collect::<Result<_>>()?,
        )),
        InterfaceType::Tuple(i) => tuple(types, *i)?,
        InterfaceType::Variant(i) => Type::Variant(VariantType::new(
            types[*i]
                .cases
                .iter()
                .map(|(name, ty)| {
                    Ok(Case {
                        name: name.clone(),
                        ty: ty.as_ref().map(|t| convert(types, t)).transpose()?,
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
        InterfaceType::Option(i) => Type::Option(OptionType::new(convert(types, &types[*i].ty)?)),
        InterfaceType::Result(i) => {
            let r = &types[*i];
            let ok = r.ok.as_ref().map(|t| convert(types, t)).transpose()?;
            let err = r.err.as_ref().map(|t| convert(types, t)).transpose()?;
            Type::Result(ResultType::new(ok, err))
        }
        InterfaceType::Own(i) => Type::Own(resource(*i)),
        InterfaceType::Borrow(i) => Type::Borrow(resource(*i)),
        InterfaceType::Map(_) => anyhow::bail!("`map` types are not supported by witbind yet"),
        InterfaceType::Future(_) => {
            anyhow::bail!("`future` types are not supported by witbind yet")
        }
        InterfaceType::Stream(_) => {
            anyhow::bail!("`stream` types are not supported by witbind yet")
        }
        InterfaceType::ErrorContext(_) => {
            anyhow::bail!("`error-context` types are not supported by witbind yet")
        }
        InterfaceType::FixedLengthList(_) => {
            anyhow::bail!("fixed-length lists are not supported by witbind yet")
        }
    })
}

/// A resource type of the component, identified by its resource table.
fn resource(index: wasmtime_environ::component::TypeResourceTableIndex) -> ResourceType {
    ResourceType::defined("resource", u64::from(index.as_u32()))
}
