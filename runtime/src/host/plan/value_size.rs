//! The Canonical ABI's bound on a value type's size: no value type may
//! take more than `MAX_VALUE_BYTE_LENGTH` (2^28 - 1) bytes in memory, at
//! either pointer width (so a `string` or `list` counts 16 bytes, its
//! 64-bit size). Only fixed-length lists reach the bound; a `map`'s entry
//! (its key and value as a tuple) is bounded too. wasmparser 0.254 does
//! not check it, so this walk of the component's type definitions does,
//! after validation: every defined value type, in every nested component
//! and component or instance type, whose parts it can follow. A part it
//! cannot size (a type aliased from an instance's exports) is left to the
//! definition of that type, which is checked where it is written.

use wasmparser::{
    ComponentAlias, ComponentDefinedType, ComponentExternalKind, ComponentOuterAliasKind,
    ComponentType, ComponentTypeDeclaration, ComponentTypeRef, ComponentValType,
    InstanceTypeDeclaration, Parser, Payload, PrimitiveValType, TypeBounds,
};

use crate::error::Result;

/// The spec's `MAX_VALUE_BYTE_LENGTH`.
pub(crate) const MAX_VALUE_BYTE_LENGTH: u64 = (1 << 28) - 1;

/// A value type's size and alignment at 64-bit pointer width, or `None`
/// for a type that is not a value type or cannot be followed.
type Layout = Option<(u64, u64)>;

/// The component type index spaces in scope: the innermost last (outer
/// aliases count outwards from it).
#[derive(Default)]
struct Scopes {
    spaces: Vec<Vec<Layout>>,
}

impl Scopes {
    fn innermost(&mut self) -> &mut Vec<Layout> {
        if self.spaces.is_empty() {
            self.spaces.push(Vec::new());
        }
        let last = self.spaces.len() - 1;
        &mut self.spaces[last]
    }

    fn at(&self, index: u32) -> Layout {
        self.spaces.last()?.get(index as usize).copied().flatten()
    }

    fn outer(&self, count: u32, index: u32) -> Layout {
        let depth = self.spaces.len().checked_sub(1 + count as usize)?;
        self.spaces[depth].get(index as usize).copied().flatten()
    }

    fn push(&mut self, layout: Layout) {
        self.innermost().push(layout);
    }

    /// Records a type definition, checking it when it is a value type.
    fn define(&mut self, ty: &ComponentType<'_>) -> Result<()> {
        let layout = match ty {
            ComponentType::Defined(defined) => self.check(defined)?,
            ComponentType::Instance(decls) => {
                self.spaces.push(Vec::new());
                for decl in decls.iter() {
                    self.instance_declaration(decl)?;
                }
                self.spaces.pop();
                None
            }
            ComponentType::Component(decls) => {
                self.spaces.push(Vec::new());
                for decl in decls.iter() {
                    match decl {
                        ComponentTypeDeclaration::Import(import) => self.import(import.ty),
                        ComponentTypeDeclaration::Type(ty) => self.define(ty)?,
                        ComponentTypeDeclaration::Alias(alias) => self.alias(alias),
                        ComponentTypeDeclaration::Export { ty, .. } => self.import(*ty),
                        ComponentTypeDeclaration::CoreType(_) => {}
                    }
                }
                self.spaces.pop();
                None
            }
            ComponentType::Func(_) | ComponentType::Resource { .. } => None,
        };
        self.push(layout);
        Ok(())
    }

    fn instance_declaration(&mut self, decl: &InstanceTypeDeclaration<'_>) -> Result<()> {
        match decl {
            InstanceTypeDeclaration::Type(ty) => self.define(ty)?,
            InstanceTypeDeclaration::Alias(alias) => self.alias(alias),
            InstanceTypeDeclaration::Export { ty, .. } => self.import(*ty),
            InstanceTypeDeclaration::CoreType(_) => {}
        }
        Ok(())
    }

    /// An import (or an export in a type) of a type adds it to the space.
    fn import(&mut self, ty: ComponentTypeRef) {
        match ty {
            ComponentTypeRef::Type(TypeBounds::Eq(index)) => {
                let layout = self.at(index);
                self.push(layout);
            }
            ComponentTypeRef::Type(TypeBounds::SubResource) => self.push(None),
            _ => {}
        }
    }

    fn alias(&mut self, alias: &ComponentAlias<'_>) {
        match alias {
            ComponentAlias::Outer {
                kind: ComponentOuterAliasKind::Type,
                count,
                index,
            } => {
                let layout = self.outer(*count, *index);
                self.push(layout);
            }
            ComponentAlias::InstanceExport {
                kind: ComponentExternalKind::Type,
                ..
            } => self.push(None),
            _ => {}
        }
    }

    /// The layout of a defined value type, failing when it (or a map's
    /// entry) exceeds the bound.
    fn check(&self, ty: &ComponentDefinedType<'_>) -> Result<Layout> {
        let layout = self.layout(ty);
        if let ComponentDefinedType::Map(key, value) = ty {
            let entry = record([self.value(*key), self.value(*value)]);
            within_bound(entry, "a `map`'s entry (its key and value)")?;
        }
        within_bound(layout, "a value type")?;
        Ok(layout)
    }

    fn value(&self, ty: ComponentValType) -> Layout {
        match ty {
            ComponentValType::Primitive(p) => Some(primitive(p)),
            ComponentValType::Type(index) => self.at(index),
        }
    }

    fn layout(&self, ty: &ComponentDefinedType<'_>) -> Layout {
        match ty {
            ComponentDefinedType::Primitive(p) => Some(primitive(*p)),
            ComponentDefinedType::Record(fields) => {
                record(fields.iter().map(|(_, ty)| self.value(*ty)))
            }
            ComponentDefinedType::Tuple(types) => record(types.iter().map(|ty| self.value(*ty))),
            ComponentDefinedType::Variant(cases) => variant(
                cases.len(),
                cases.iter().map(|c| c.ty.map(|ty| self.value(ty))),
            ),
            ComponentDefinedType::Option(ty) => variant(2, [None, Some(self.value(*ty))]),
            ComponentDefinedType::Result { ok, err } => variant(
                2,
                [ok.map(|ty| self.value(ty)), err.map(|ty| self.value(ty))],
            ),
            ComponentDefinedType::Enum(names) => variant(names.len(), std::iter::empty()),
            ComponentDefinedType::Flags(names) => Some(flags(names.len())),
            ComponentDefinedType::List(_) | ComponentDefinedType::Map(..) => Some((16, 8)),
            ComponentDefinedType::FixedLengthList(ty, length) => {
                let (size, align) = self.value(*ty)?;
                Some((size.saturating_mul(u64::from(*length)), align))
            }
            ComponentDefinedType::Own(_)
            | ComponentDefinedType::Borrow(_)
            | ComponentDefinedType::Future(_)
            | ComponentDefinedType::Stream(_) => Some((4, 4)),
        }
    }
}

fn within_bound(layout: Layout, what: &str) -> Result<()> {
    match layout {
        Some((size, _)) if size > MAX_VALUE_BYTE_LENGTH => anyhow::bail!(
            "invalid component: {what} exceeds maximum byte size: it takes {size} bytes in \
             memory (with 64-bit pointers), above the Canonical ABI's limit of \
             {MAX_VALUE_BYTE_LENGTH} (2^28 - 1)"
        ),
        _ => Ok(()),
    }
}

fn primitive(p: PrimitiveValType) -> (u64, u64) {
    use PrimitiveValType as P;
    match p {
        P::Bool | P::S8 | P::U8 => (1, 1),
        P::S16 | P::U16 => (2, 2),
        P::S32 | P::U32 | P::F32 | P::Char | P::ErrorContext => (4, 4),
        P::S64 | P::U64 | P::F64 => (8, 8),
        P::String => (16, 8),
    }
}

fn align_to(size: u64, align: u64) -> u64 {
    size.div_ceil(align).saturating_mul(align)
}

fn record(fields: impl IntoIterator<Item = Layout>) -> Layout {
    let (mut size, mut align) = (0u64, 1u64);
    for field in fields {
        let (field_size, field_align) = field?;
        size = align_to(size, field_align).saturating_add(field_size);
        align = align.max(field_align);
    }
    Some((align_to(size, align), align))
}

/// A variant of `count` cases, with the given payloads (`None` for a case
/// without one).
fn variant(count: usize, payloads: impl IntoIterator<Item = Option<Layout>>) -> Layout {
    let discriminant = match count {
        0..=0xff => 1,
        0x100..=0xffff => 2,
        _ => 4,
    };
    let (mut payload_size, mut payload_align) = (0u64, 1u64);
    for payload in payloads.into_iter().flatten() {
        let (size, align) = payload?;
        payload_size = payload_size.max(size);
        payload_align = payload_align.max(align);
    }
    let align = payload_align.max(discriminant);
    let size = align_to(discriminant, payload_align).saturating_add(payload_size);
    Some((align_to(size, align), align))
}

fn flags(count: usize) -> (u64, u64) {
    match count {
        0 => (0, 1),
        1..=8 => (1, 1),
        9..=16 => (2, 2),
        n => (4 * n.div_ceil(32) as u64, 4),
    }
}

/// Checks every value type the component `bytes` defines against
/// [`MAX_VALUE_BYTE_LENGTH`]. The component has been validated.
pub(crate) fn check(bytes: &[u8]) -> Result<()> {
    let mut scopes = Scopes::default();
    for payload in Parser::new(0).parse_all(bytes) {
        match payload? {
            Payload::Version { .. } => scopes.spaces.push(Vec::new()),
            Payload::End(_) => {
                scopes.spaces.pop();
            }
            Payload::ComponentTypeSection(reader) => {
                for ty in reader {
                    scopes.define(&ty?)?;
                }
            }
            Payload::ComponentImportSection(reader) => {
                for import in reader {
                    scopes.import(import?.ty);
                }
            }
            Payload::ComponentAliasSection(reader) => {
                for alias in reader {
                    scopes.alias(&alias?);
                }
            }
            Payload::ComponentExportSection(reader) => {
                for export in reader {
                    let export = export?;
                    if export.kind == ComponentExternalKind::Type {
                        let layout = scopes.at(export.index);
                        scopes.push(layout);
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checked(wat: &str) -> Result<()> {
        check(&wat::parse_str(wat).unwrap())
    }

    #[test]
    fn sizes_up_to_the_bound_pass_and_one_byte_more_fails() {
        checked("(component (type (list u8 268435455)))").unwrap();
        checked("(component (type (list string 16777215)))").unwrap();
        let err = checked("(component (type (list u8 268435456)))").unwrap_err();
        assert!(
            format!("{err}").contains("exceeds maximum byte size"),
            "{err}"
        );
        // 16 bytes a string at 64-bit width.
        checked("(component (type (list string 16777216)))").unwrap_err();
        // 2^32 bytes, which a 32-bit product would wrap to 0.
        checked("(component (type (list u64 536870912)))").unwrap_err();
    }

    #[test]
    fn compound_types_and_map_entries_add_up() {
        checked("(component (type (tuple (list u8 268435455) (list u8 1))))").unwrap_err();
        checked("(component (type (list (list u8 268435455) 2)))").unwrap_err();
        // A map is a pointer pair, but its entry is bounded.
        let err = checked("(component (type (map u8 (list u8 268435455))))").unwrap_err();
        assert!(format!("{err}").contains("map"), "{err}");
        checked("(component (type (option (map u8 (list u8 268435455)))))").unwrap_err();
    }

    #[test]
    fn types_inside_nested_components_and_instance_types_are_checked() {
        checked("(component (component (type (list u8 268435456))))").unwrap_err();
        checked("(component (type (instance (type (list u8 268435456)))))").unwrap_err();
        // An outer alias carries the size inwards.
        checked(
            "(component (type $t (list u8 200000000))
               (component (alias outer 1 $t (type $u)) (type (tuple $u $u))))",
        )
        .unwrap_err();
        checked("(component (type $t (list u8 100)) (type (tuple $t $t)))").unwrap();
    }
}
