//! The component-level type model: [`Type`] describes a WIT value type with
//! its Canonical ABI layout computed once, when the type is built.
//!
//! Typed Rust values check themselves against a `Type`
//! ([`ComponentType::typecheck`](crate::ComponentType::typecheck)) and dynamic
//! [`Val`](crate::Val)s are lifted and lowered through one.

mod component;
mod display;
mod from_wit;

pub use component::ComponentFunc;
#[cfg(feature = "host")]
pub use component::{Component, ComponentInstance, ComponentItem, CoreItem, CoreItemKind, Module};

use std::any::TypeId;
use std::sync::Arc;

use crate::abi::flat::FlatType;
use crate::abi::layout;

/// A component-level value type.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Type {
    /// `bool`
    Bool,
    /// `s8`
    S8,
    /// `u8`
    U8,
    /// `s16`
    S16,
    /// `u16`
    U16,
    /// `s32`
    S32,
    /// `u32`
    U32,
    /// `s64`
    S64,
    /// `u64`
    U64,
    /// `f32`
    F32,
    /// `f64`
    F64,
    /// `char`
    Char,
    /// `string`
    String,
    /// `list<T>`
    List(ListType),
    /// `list<T, N>`: exactly `N` elements, stored inline like a tuple.
    FixedList(FixedListType),
    /// `map<K, V>`: the spec despecialises it to `list<tuple<K, V>>`, so it
    /// is stored and passed exactly like that list.
    Map(MapType),
    /// `record { ... }`
    Record(RecordType),
    /// `tuple<...>`
    Tuple(TupleType),
    /// `variant { ... }`
    Variant(VariantType),
    /// `enum { ... }`
    Enum(EnumType),
    /// `option<T>`
    Option(OptionType),
    /// `result<T, E>`
    Result(ResultType),
    /// `flags { ... }`
    Flags(FlagsType),
    /// `own<R>`
    Own(ResourceType),
    /// `borrow<R>`
    Borrow(ResourceType),
}

/// How many flat types of a fixed-length list are kept: one more than the
/// most any function signature passes flat, so a longer list is still seen
/// to exceed the limits.
const FLAT_TYPES_KEPT: usize = crate::abi::options::MAX_FLAT_PARAMS + 1;

/// Size, alignment and flat core types of a type, computed once.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Abi {
    size: u32,
    align: u32,
    flat: Box<[FlatType]>,
}

impl Abi {
    fn record<'a>(fields: impl IntoIterator<Item = &'a Type>) -> Self {
        let mut size = 0usize;
        let mut align = 1usize;
        let mut flat = Vec::new();
        for ty in fields {
            size = layout::align_to(size, ty.align32() as usize) + ty.size32() as usize;
            align = align.max(ty.align32() as usize);
            flat.extend_from_slice(ty.flat_types());
        }
        Self {
            size: layout::align_to(size, align) as u32,
            align: align as u32,
            flat: flat.into(),
        }
    }

    /// The layout of `list<element, len>`. Its flat types are kept only up
    /// to [`FLAT_TYPES_KEPT`]: a validated component may name a list of
    /// 2^30 elements (nested, far more), and every use of flat types only
    /// needs to know that a longer list passes the flat limits, after which
    /// it travels in memory.
    fn fixed_list(element: &Type, len: u32) -> Self {
        let per_element = element.flat_types();
        let total = per_element.len().saturating_mul(len as usize);
        let flat: Vec<FlatType> = per_element
            .iter()
            .copied()
            .cycle()
            .take(total.min(FLAT_TYPES_KEPT))
            .collect();
        Self {
            size: element.size32().saturating_mul(len),
            align: element.align32(),
            flat: flat.into(),
        }
    }

    fn variant<'a>(
        case_count: usize,
        payloads: impl IntoIterator<Item = Option<&'a Type>>,
    ) -> Self {
        let mut max_size = 0usize;
        let mut max_align = 1usize;
        let mut flat: Vec<FlatType> = Vec::new();
        for ty in payloads.into_iter().flatten() {
            max_size = max_size.max(ty.size32() as usize);
            max_align = max_align.max(ty.align32() as usize);
            for (i, &f) in ty.flat_types().iter().enumerate() {
                match flat.get_mut(i) {
                    Some(slot) => *slot = slot.join(f),
                    None => flat.push(f),
                }
            }
        }
        flat.insert(0, FlatType::I32);
        Self {
            size: layout::variant_size(case_count, max_size, max_align) as u32,
            align: layout::variant_align(case_count, max_align) as u32,
            flat: flat.into(),
        }
    }
}

impl Type {
    /// Size in bytes of a value of this type in linear memory.
    pub fn size32(&self) -> u32 {
        match self {
            Type::Bool | Type::S8 | Type::U8 => 1,
            Type::S16 | Type::U16 => 2,
            Type::S32 | Type::U32 | Type::F32 | Type::Char => 4,
            Type::S64 | Type::U64 | Type::F64 => 8,
            Type::String | Type::List(_) | Type::Map(_) => 8,
            Type::Own(_) | Type::Borrow(_) => 4,
            Type::Flags(f) => layout::flags_size(f.names().len()) as u32,
            _ => self.abi().map_or(0, |a| a.size),
        }
    }

    /// Alignment in bytes of a value of this type in linear memory.
    pub fn align32(&self) -> u32 {
        match self {
            Type::Bool | Type::S8 | Type::U8 => 1,
            Type::S16 | Type::U16 => 2,
            Type::S32 | Type::U32 | Type::F32 | Type::Char => 4,
            Type::S64 | Type::U64 | Type::F64 => 8,
            Type::String | Type::List(_) | Type::Map(_) => 4,
            Type::Own(_) | Type::Borrow(_) => 4,
            Type::Flags(f) => layout::flags_size(f.names().len()) as u32,
            _ => self.abi().map_or(1, |a| a.align),
        }
    }

    /// The core types this type flattens to. A fixed-length list with more
    /// than 16 of them (which always travels in memory) keeps only its
    /// first 17: enough to tell it exceeds every flat limit, without
    /// allocating the 2^30 a validated component may ask for.
    pub fn flat_types(&self) -> &[FlatType] {
        use FlatType::*;
        match self {
            Type::S64 | Type::U64 => &[I64],
            Type::F32 => &[F32],
            Type::F64 => &[F64],
            Type::String | Type::List(_) | Type::Map(_) => &[I32, I32],
            Type::Bool
            | Type::S8
            | Type::U8
            | Type::S16
            | Type::U16
            | Type::S32
            | Type::U32
            | Type::Char
            | Type::Flags(_)
            | Type::Own(_)
            | Type::Borrow(_) => &[I32],
            _ => self.abi().map_or(&[], |a| &a.flat),
        }
    }

    fn abi(&self) -> Option<&Abi> {
        match self {
            Type::Record(t) => Some(&t.0.abi),
            Type::Tuple(t) => Some(&t.0.abi),
            Type::Variant(t) => Some(&t.0.abi),
            Type::Enum(t) => Some(&t.0.abi),
            Type::Option(t) => Some(&t.0.abi),
            Type::Result(t) => Some(&t.0.abi),
            Type::FixedList(t) => Some(&t.0.abi),
            _ => None,
        }
    }

    /// The flat core types of a sequence of types (a parameter or result list).
    pub fn flatten_all<'a>(types: impl IntoIterator<Item = &'a Type>) -> Vec<FlatType> {
        types
            .into_iter()
            .flat_map(|t| t.flat_types().iter().copied())
            .collect()
    }
}

/// `list<T>`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ListType(Arc<Type>);

impl ListType {
    /// A list of `element`.
    pub fn new(element: Type) -> Self {
        Self(Arc::new(element))
    }

    /// The element type.
    pub fn element(&self) -> &Type {
        &self.0
    }
}

#[derive(Debug, PartialEq, Eq, Hash)]
struct MapInner {
    key: Type,
    value: Type,
    entry: Type,
}

/// `map<K, V>`.
///
/// Its entries travel as the list `list<tuple<K, V>>` (the spec's
/// despecialisation), in the order the sender wrote them; a receiver that
/// keys a collection by them keeps the last value of a duplicate key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MapType(Arc<MapInner>);

impl MapType {
    /// A map from `key` to `value`. WIT allows only `bool`, the integer
    /// types, `char` and `string` as keys; the component validator checks
    /// that, this type does not.
    pub fn new(key: Type, value: Type) -> Self {
        let entry = Type::Tuple(TupleType::new(vec![key.clone(), value.clone()]));
        Self(Arc::new(MapInner { key, value, entry }))
    }

    /// The key type.
    pub fn key(&self) -> &Type {
        &self.0.key
    }

    /// The value type.
    pub fn value(&self) -> &Type {
        &self.0.value
    }

    /// The type of one entry, `tuple<K, V>`: the element type of the list
    /// the map travels as.
    pub fn entry(&self) -> &Type {
        &self.0.entry
    }
}

#[derive(Debug, PartialEq, Eq, Hash)]
struct FixedListInner {
    element: Type,
    len: u32,
    abi: Abi,
}

/// `list<T, N>`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FixedListType(Arc<FixedListInner>);

impl FixedListType {
    /// A list of exactly `len` elements of type `element`.
    pub fn new(element: Type, len: u32) -> Self {
        let abi = Abi::fixed_list(&element, len);
        Self(Arc::new(FixedListInner { element, len, abi }))
    }

    /// The element type.
    pub fn element(&self) -> &Type {
        &self.0.element
    }

    /// The number of elements.
    pub fn len(&self) -> u32 {
        self.0.len
    }

    /// Whether the list has no elements (WIT requires at least one).
    pub fn is_empty(&self) -> bool {
        self.0.len == 0
    }
}

/// One named field of a record.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Field {
    /// The field's WIT name.
    pub name: String,
    /// The field's type.
    pub ty: Type,
}

#[derive(Debug, PartialEq, Eq, Hash)]
struct RecordInner {
    fields: Vec<Field>,
    abi: Abi,
}

/// `record { ... }`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RecordType(Arc<RecordInner>);

impl RecordType {
    /// A record with `fields` in declaration order.
    pub fn new(fields: Vec<Field>) -> Self {
        let abi = Abi::record(fields.iter().map(|f| &f.ty));
        Self(Arc::new(RecordInner { fields, abi }))
    }

    /// The fields in declaration order.
    pub fn fields(&self) -> &[Field] {
        &self.0.fields
    }
}

#[derive(Debug, PartialEq, Eq, Hash)]
struct TupleInner {
    types: Vec<Type>,
    abi: Abi,
}

/// `tuple<...>`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TupleType(Arc<TupleInner>);

impl TupleType {
    /// A tuple of `types`.
    pub fn new(types: Vec<Type>) -> Self {
        let abi = Abi::record(&types);
        Self(Arc::new(TupleInner { types, abi }))
    }

    /// The element types.
    pub fn types(&self) -> &[Type] {
        &self.0.types
    }
}

/// One case of a variant.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Case {
    /// The case's WIT name.
    pub name: String,
    /// The payload type, if the case has one.
    pub ty: Option<Type>,
}

#[derive(Debug, PartialEq, Eq, Hash)]
struct VariantInner {
    cases: Vec<Case>,
    abi: Abi,
}

/// `variant { ... }`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VariantType(Arc<VariantInner>);

impl VariantType {
    /// A variant with `cases` in declaration order.
    pub fn new(cases: Vec<Case>) -> Self {
        let abi = Abi::variant(cases.len(), cases.iter().map(|c| c.ty.as_ref()));
        Self(Arc::new(VariantInner { cases, abi }))
    }

    /// The cases in declaration order.
    pub fn cases(&self) -> &[Case] {
        &self.0.cases
    }

    /// Offset of the payload from the start of the variant.
    pub fn payload_offset(&self) -> u32 {
        payload_offset(
            self.cases().len(),
            self.cases().iter().filter_map(|c| c.ty.as_ref()),
        )
    }
}

fn payload_offset<'a>(case_count: usize, payloads: impl Iterator<Item = &'a Type>) -> u32 {
    let max_align = payloads.map(|t| t.align32() as usize).max().unwrap_or(1);
    layout::payload_offset(case_count, max_align) as u32
}

#[derive(Debug, PartialEq, Eq, Hash)]
struct EnumInner {
    names: Vec<String>,
    abi: Abi,
}

/// `enum { ... }`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EnumType(Arc<EnumInner>);

impl EnumType {
    /// An enum with cases `names` in declaration order.
    pub fn new(names: Vec<String>) -> Self {
        let abi = Abi::variant(names.len(), names.iter().map(|_| None));
        Self(Arc::new(EnumInner { names, abi }))
    }

    /// The case names in declaration order.
    pub fn names(&self) -> &[String] {
        &self.0.names
    }
}

#[derive(Debug, PartialEq, Eq, Hash)]
struct OptionInner {
    some: Type,
    abi: Abi,
}

/// `option<T>`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OptionType(Arc<OptionInner>);

impl OptionType {
    /// `option<some>`.
    pub fn new(some: Type) -> Self {
        let abi = Abi::variant(2, [None, Some(&some)]);
        Self(Arc::new(OptionInner { some, abi }))
    }

    /// The payload type of `some`.
    pub fn some(&self) -> &Type {
        &self.0.some
    }

    /// Offset of the payload from the start of the option.
    pub fn payload_offset(&self) -> u32 {
        payload_offset(2, std::iter::once(self.some()))
    }
}

#[derive(Debug, PartialEq, Eq, Hash)]
struct ResultInner {
    ok: Option<Type>,
    err: Option<Type>,
    abi: Abi,
}

/// `result<T, E>`, either payload optional.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ResultType(Arc<ResultInner>);

impl ResultType {
    /// `result<ok, err>`.
    pub fn new(ok: Option<Type>, err: Option<Type>) -> Self {
        let abi = Abi::variant(2, [ok.as_ref(), err.as_ref()]);
        Self(Arc::new(ResultInner { ok, err, abi }))
    }

    /// The `ok` payload type.
    pub fn ok(&self) -> Option<&Type> {
        self.0.ok.as_ref()
    }

    /// The `error` payload type.
    pub fn err(&self) -> Option<&Type> {
        self.0.err.as_ref()
    }

    /// Offset of the payload from the start of the result.
    pub fn payload_offset(&self) -> u32 {
        payload_offset(2, self.ok().into_iter().chain(self.err()))
    }
}

/// `flags { ... }`, of 1 to 32 flags.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FlagsType(Arc<[String]>);

/// Most flags a `flags` type may declare.
pub const MAX_FLAGS: usize = 32;

impl FlagsType {
    /// Flags named `names`, in declaration order; bit `i` is `names[i]`.
    ///
    /// Fails when there are none or more than [`MAX_FLAGS`].
    pub fn new(names: Vec<String>) -> crate::Result<Self> {
        if names.is_empty() || names.len() > MAX_FLAGS {
            anyhow::bail!(
                "a flags type needs 1 to {MAX_FLAGS} flags, found {}",
                names.len()
            );
        }
        Ok(Self(names.into()))
    }

    /// The flag names in declaration order.
    pub fn names(&self) -> &[String] {
        &self.0
    }
}

/// Where a resource type comes from: that decides its identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResourceOrigin {
    /// A resource the host defines with the Rust type whose id this is.
    Host(TypeId),
    /// A resource type declared in WIT or by a component, told apart by a
    /// number unique among the types it is compared with.
    Defined(u64),
}

/// A resource type, compared by identity ([`ResourceOrigin`]), not by name.
///
/// Cloning one copies two words: handle tables and [`ResourceAny`](crate::ResourceAny)s
/// carry their type on every resource call, so it must cost no allocation and
/// no reference count.
#[derive(Debug, Clone)]
pub struct ResourceType {
    name: &'static str,
    origin: ResourceOrigin,
}

/// `name`, stored once for the life of the process: resource names are few
/// (one per resource a WIT world or component declares, whatever the number
/// of instances), so each distinct name is kept, not each resource type.
pub(crate) fn intern(name: &str) -> &'static str {
    use std::collections::HashSet;
    use std::sync::{Mutex, OnceLock};
    static NAMES: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut names = NAMES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(name) = names.get(name) {
        return name;
    }
    let name: &'static str = Box::leak(name.into());
    names.insert(name);
    name
}

impl ResourceType {
    /// The resource type the host defines with the Rust type `T`.
    pub fn host<T: 'static>(name: &str) -> Self {
        Self::host_static::<T>(intern(name))
    }

    /// [`ResourceType::host`] with a name that is already `'static` (such as
    /// `std::any::type_name`), which needs no interning.
    pub(crate) fn host_static<T: 'static>(name: &'static str) -> Self {
        Self {
            name,
            origin: ResourceOrigin::Host(TypeId::of::<T>()),
        }
    }

    /// A resource type named `name` with identity `id`.
    pub fn defined(name: &str, id: u64) -> Self {
        Self::defined_static(intern(name), id)
    }

    /// [`ResourceType::defined`] with an interned name.
    pub(crate) fn defined_static(name: &'static str, id: u64) -> Self {
        Self {
            name,
            origin: ResourceOrigin::Defined(id),
        }
    }

    /// The resource's WIT name.
    pub fn name(&self) -> &str {
        self.name
    }

    /// The resource's identity.
    pub fn origin(&self) -> ResourceOrigin {
        self.origin
    }
}

impl PartialEq for ResourceType {
    fn eq(&self, other: &Self) -> bool {
        self.origin == other.origin
    }
}

impl Eq for ResourceType {}

impl std::hash::Hash for ResourceType {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.origin.hash(state);
    }
}
