//! Analysis done once before any code is emitted: where each interface and
//! type lives in the generated module tree, under which Rust names, and
//! whether a type owns or borrows its strings and lists.

use std::collections::{BTreeSet, HashMap};

use proc_macro2::Ident;
use syn::LitStr;
use wit_parser::{
    Handle, InterfaceId, Resolve, Stability, Type, TypeDefKind, TypeId, WorldId, WorldItem,
    WorldKey,
};

use super::options::{FunctionConfig, Options, Ownership};
use super::signature::flags_of;
use crate::names::{snake_ident, type_ident, unique_ident};

/// Which Rust types a WIT type becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// One type owning its data (or holding no strings and lists at all).
    Owned,
    /// One type borrowing guest memory, with a lifetime: lift-only.
    Borrowed,
    /// An owned `Name` and a borrowed `NameBorrowed<'a>`.
    Both,
}

/// Where a named type's Rust definition is.
#[derive(Debug, Clone)]
pub(crate) enum Home {
    /// Generated in the module at this path, under these names.
    Generated {
        module: Vec<Ident>,
        owned: Ident,
        borrowed: Ident,
    },
    /// Taken from a `with` entry: the root-level alias `__witbind_with_N`,
    /// and the type's name inside it when the entry maps a whole interface.
    With { alias: Ident, member: Option<Ident> },
}

/// One generated interface module.
pub(crate) struct InterfaceModule {
    pub(crate) id: InterfaceId,
    pub(crate) path: Vec<Ident>,
    /// The name the component imports or exports it by: `ns:pkg/iface`
    /// (with `@version`), or the world key of an inline interface.
    pub(crate) name: String,
    /// For an exported interface that is also imported and defines no
    /// resources: the import module whose types it re-exports.
    pub(crate) shares: Option<Vec<Ident>>,
    /// Whether the world exports the interface (its module is under
    /// `exports::`); an import is never taken for one by its name.
    pub(crate) exported: bool,
    /// The gates of the world's import or export of the interface, or the
    /// interface's own when the world item has none.
    pub(crate) stability: Stability,
}

/// The result of the analysis.
pub(crate) struct Plan {
    pub(crate) world: WorldId,
    pub(crate) interfaces: Vec<InterfaceModule>,
    /// World-level types, generated in the root module.
    pub(crate) world_types: Vec<TypeId>,
    pub(crate) homes: HashMap<TypeId, Home>,
    pub(crate) modes: HashMap<TypeId, Mode>,
    /// `with` entries in order: the alias each one gets and its target.
    pub(crate) with_aliases: Vec<(Ident, syn::Path)>,
    /// The aliases of `with` entries that name an interface the world
    /// imports: modules generated elsewhere, whose `add_to_linker` the
    /// world's registers too.
    pub(crate) with_imports: Vec<Ident>,
    /// The `@unstable` features of the world's imports: the fields of its
    /// `LinkOptions`, which exists when there is one.
    pub(crate) link_features: BTreeSet<String>,
}

/// Direction(s) a type travels in: lifted out of the guest, lowered into it.
#[derive(Debug, Clone, Copy, Default)]
struct Usage {
    lifted: bool,
    lowered: bool,
}

impl Plan {
    pub(crate) fn new(resolve: &Resolve, world: WorldId, options: &Options) -> syn::Result<Self> {
        let w = &resolve.worlds[world];
        let mut errors = None;
        let versions = package_versions(resolve);
        let mut interfaces = Vec::new();
        let mut import_paths: HashMap<InterfaceId, Vec<Ident>> = HashMap::new();
        for (key, item) in &w.imports {
            if let WorldItem::Interface { id, stability, .. } = item {
                let mut path = interface_path(resolve, key, *id, &versions);
                // The root module `exports` holds the exported interfaces:
                // an import whose name or namespace is `exports` moves aside.
                if path[0] == "exports" {
                    path[0] = quote::format_ident!("exports_");
                }
                import_paths.insert(*id, path.clone());
                interfaces.push(InterfaceModule {
                    id: *id,
                    path,
                    name: resolve.name_world_key(key),
                    shares: None,
                    exported: false,
                    stability: item_stability(resolve, *id, stability),
                });
            }
        }
        for (key, item) in &w.exports {
            if let WorldItem::Interface { id, stability, .. } = item {
                let mut path = vec![snake_ident("exports")];
                path.extend(interface_path(resolve, key, *id, &versions));
                let shares = import_paths
                    .get(id)
                    .filter(|_| !defines_resources(resolve, *id))
                    .cloned();
                interfaces.push(InterfaceModule {
                    id: *id,
                    path,
                    name: resolve.name_world_key(key),
                    shares,
                    exported: true,
                    stability: item_stability(resolve, *id, stability),
                });
            }
        }
        let world_types: Vec<TypeId> = w
            .imports
            .values()
            .chain(w.exports.values())
            .filter_map(|item| match item {
                WorldItem::Type { id, .. } => Some(*id),
                _ => None,
            })
            .collect();

        // `with` entries: whole interfaces or single types.
        let mut with_aliases = Vec::new();
        let mut with_interfaces: HashMap<InterfaceId, Ident> = HashMap::new();
        let mut with_types: HashMap<TypeId, Ident> = HashMap::new();
        let mut with_imports = Vec::new();
        for (i, (key, path)) in options.with.iter().enumerate() {
            let alias = quote::format_ident!("__witbind_with_{i}");
            match find_with_target(resolve, &interfaces, key) {
                Some(WithTarget::Interface(id)) => {
                    if interfaces.iter().any(|m| m.id == id && !m.exported) {
                        with_imports.push(alias.clone());
                    }
                    with_interfaces.insert(id, alias.clone());
                }
                Some(WithTarget::Type(id)) => {
                    with_types.insert(id, alias.clone());
                }
                None => crate::derive::push(
                    &mut errors,
                    syn::Error::new(
                        key.span(),
                        format!(
                            "`with` key `{}` matches no interface or type of world `{}`{}",
                            key.value(),
                            w.name,
                            super::gates::feature_hint(options, &key.value()),
                        ),
                    ),
                ),
            }
            with_aliases.push((alias, path.clone()));
        }
        check_keys(resolve, world, &interfaces, options, &mut errors);
        if let Some(e) = errors {
            return Err(e);
        }
        interfaces.retain(|m| !with_interfaces.contains_key(&m.id));

        // Names: every type of every generated module, clashes resolved.
        let mut homes = HashMap::new();
        let mut modules: Vec<(Vec<Ident>, Vec<TypeId>)> = interfaces
            .iter()
            .filter(|m| m.shares.is_none())
            .map(|m| {
                (
                    m.path.clone(),
                    resolve.interfaces[m.id].types.values().copied().collect(),
                )
            })
            .collect();
        modules.push((Vec::new(), world_types.clone()));
        for (module, types) in &modules {
            let mut taken = reserved_names(resolve, world, module, types);
            for id in types {
                let Some(name) = resolve.types[*id].name.as_deref() else {
                    continue;
                };
                let owned = unique_ident(type_ident(name), &mut taken);
                let borrowed = unique_ident(type_ident(&format!("{name}-borrowed")), &mut taken);
                // An interface generated twice (imported, and exported with
                // its own resources) keeps its import module as the home;
                // the export module's own items refer to each other locally
                // (see `TypeGen::named_ref`), with the same names.
                homes.entry(*id).or_insert(Home::Generated {
                    module: module.clone(),
                    owned,
                    borrowed,
                });
            }
        }
        // Types of shared export modules live in the import module.
        for (id, alias) in &with_interfaces {
            for (name, ty) in &resolve.interfaces[*id].types {
                homes.insert(
                    *ty,
                    Home::With {
                        alias: alias.clone(),
                        member: Some(type_ident(name)),
                    },
                );
            }
        }
        for (ty, alias) in &with_types {
            homes.insert(
                *ty,
                Home::With {
                    alias: alias.clone(),
                    member: None,
                },
            );
        }

        let mut modes = modes(resolve, world, options, &homes);
        settle(resolve, &mut modes);
        Ok(Self {
            world,
            interfaces,
            world_types,
            homes,
            modes,
            with_aliases,
            with_imports,
            link_features: super::gates::link_features(resolve, world),
        })
    }

    /// Whether the world has `LinkOptions` (its imports use `@unstable`
    /// features), which every `add_to_linker` then takes.
    pub(crate) fn has_link_options(&self) -> bool {
        !self.link_features.is_empty()
    }

    /// The mode of a named type (owned when it is not generated here).
    pub(crate) fn mode(&self, id: TypeId) -> Mode {
        self.modes.get(&id).copied().unwrap_or(Mode::Owned)
    }
}

/// `name`, or `name_`, `name__`, ... when a type of the module already has it.
/// The names the generator gives its own items in `module` (whose named
/// types are `types`), which the WIT types there must not take: `Host`,
/// `HostWithStore` and `Guest`, `Host<Resource>`,
/// `Host<Resource>WithStore` and `Guest<Resource>` for its resources, at
/// the root the world's struct, `<World>Imports`,
/// `<World>ImportsWithStore`, `<World>Pre` and, when imports are gated,
/// `LinkOptions`, and everywhere `T` and `U`, the type parameters of the
/// host traits and `add_to_linker`.
fn reserved_names(
    resolve: &Resolve,
    world: WorldId,
    module: &[Ident],
    types: &[TypeId],
) -> BTreeSet<String> {
    let mut reserved: BTreeSet<String> = ["Host", "HostWithStore", "Guest", "T", "U"]
        .map(String::from)
        .into();
    for id in types {
        let def = &resolve.types[*id];
        if let (TypeDefKind::Resource, Some(name)) = (&def.kind, def.name.as_deref()) {
            let ident = type_ident(name).to_string();
            let ident = ident.trim_start_matches("r#");
            reserved.insert(format!("Host{ident}"));
            reserved.insert(format!("Host{ident}WithStore"));
            reserved.insert(format!("Guest{ident}"));
        }
    }
    if module.is_empty() {
        let world_ident = type_ident(&resolve.worlds[world].name).to_string();
        for suffix in ["", "Imports", "ImportsWithStore", "Pre"] {
            reserved.insert(format!("{world_ident}{suffix}"));
        }
        if !super::gates::link_features(resolve, world).is_empty() {
            reserved.insert("LinkOptions".to_string());
        }
    }
    reserved
}

/// Package names that occur in more than one version: their modules get the
/// version appended.
fn package_versions(resolve: &Resolve) -> BTreeSet<(String, String)> {
    let mut seen = BTreeSet::new();
    let mut repeated = BTreeSet::new();
    for (_, package) in &resolve.packages {
        let key = (package.name.namespace.clone(), package.name.name.clone());
        if !seen.insert(key.clone()) {
            repeated.insert(key);
        }
    }
    repeated
}

/// `ns::pkg::iface` for a named interface, `name` for an inline one.
fn interface_path(
    resolve: &Resolve,
    key: &WorldKey,
    id: InterfaceId,
    repeated: &BTreeSet<(String, String)>,
) -> Vec<Ident> {
    let iface = &resolve.interfaces[id];
    match (key, iface.package, iface.name.as_deref()) {
        (WorldKey::Interface(_), Some(pkg), Some(name)) => {
            let pkg = &resolve.packages[pkg].name;
            let mut pkg_module = pkg.name.clone();
            if let Some(version) = &pkg.version
                && repeated.contains(&(pkg.namespace.clone(), pkg.name.clone()))
            {
                pkg_module = format!("{pkg_module}-v{version}").replace(['.', '+'], "-");
            }
            vec![
                snake_ident(&pkg.namespace),
                snake_ident(&pkg_module),
                snake_ident(name),
            ]
        }
        (WorldKey::Name(name), ..) => vec![snake_ident(name)],
        (WorldKey::Interface(_), ..) => vec![snake_ident("interface")],
    }
}

fn defines_resources(resolve: &Resolve, id: InterfaceId) -> bool {
    resolve.interfaces[id]
        .types
        .values()
        .any(|t| matches!(resolve.types[*t].kind, TypeDefKind::Resource))
}

enum WithTarget {
    Interface(InterfaceId),
    Type(TypeId),
}

/// The id an interface is named by in `with`, `trappable_error_type`,
/// `imports` and `exports` keys: `ns:pkg/iface` (with `@version` when the
/// package has one), or its world key name for an inline interface.
fn interface_key_matches(resolve: &Resolve, id: InterfaceId, key: &str) -> bool {
    match resolve.id_of(id) {
        Some(full) => {
            full == key
                || full
                    .split_once('@')
                    .is_some_and(|(unversioned, _)| unversioned == key)
        }
        None => false,
    }
}

fn find_with_target(
    resolve: &Resolve,
    interfaces: &[InterfaceModule],
    key: &LitStr,
) -> Option<WithTarget> {
    let key = key.value();
    for m in interfaces {
        if interface_key_matches(resolve, m.id, &key) {
            return Some(WithTarget::Interface(m.id));
        }
    }
    let (iface, ty) = key.rsplit_once('/')?;
    for m in interfaces {
        if interface_key_matches(resolve, m.id, iface)
            && let Some(id) = resolve.interfaces[m.id].types.get(ty)
        {
            return Some(WithTarget::Type(*id));
        }
    }
    None
}

/// Host-side options name WIT items that must exist: a misspelled key is an
/// error now, not a silently ignored setting.
fn check_keys(
    resolve: &Resolve,
    world: WorldId,
    interfaces: &[InterfaceModule],
    options: &Options,
    errors: &mut Option<syn::Error>,
) {
    let w = &resolve.worlds[world];
    for (key, _) in &options.trappable_error_type {
        let found = key.value().rsplit_once('/').is_some_and(|(iface, ty)| {
            interfaces.iter().any(|m| {
                interface_key_matches(resolve, m.id, iface)
                    && resolve.interfaces[m.id].types.contains_key(ty)
            })
        });
        if !found {
            crate::derive::push(
                errors,
                syn::Error::new(
                    key.span(),
                    format!(
                        "`trappable_error_type` key `{}` matches no type of world `{}`{}",
                        key.value(),
                        w.name,
                        super::gates::feature_hint(options, &key.value()),
                    ),
                ),
            );
        }
    }
    for (option, config, items) in [
        ("imports", &options.imports, &w.imports),
        ("exports", &options.exports, &w.exports),
    ] {
        for (key, _) in &config.functions {
            let value = key.value();
            // A function, or an imported resource's destructor `[drop]<name>`.
            let is_resource = |id: &TypeId| {
                option == "imports" && matches!(resolve.types[*id].kind, TypeDefKind::Resource)
            };
            let defines = |iface: InterfaceId, f: &str| {
                resolve.interfaces[iface].functions.contains_key(f)
                    || f.strip_prefix("[drop]").is_some_and(|r| {
                        resolve.interfaces[iface]
                            .types
                            .get(r)
                            .is_some_and(is_resource)
                    })
            };
            let found = items.iter().any(|(world_key, item)| match item {
                WorldItem::Function(f) => f.name == value,
                WorldItem::Interface { id, .. } => {
                    let name = resolve.name_world_key(world_key);
                    value
                        .strip_prefix(&name)
                        .is_some_and(|rest| rest.strip_prefix('/').is_some_and(|f| defines(*id, f)))
                        || value.rsplit_once('/').is_some_and(|(i, f)| {
                            interface_key_matches(resolve, *id, i) && defines(*id, f)
                        })
                }
                WorldItem::Type { id, .. } => {
                    is_resource(id)
                        && resolve.types[*id]
                            .name
                            .as_ref()
                            .is_some_and(|n| value == format!("[drop]{n}"))
                }
            });
            if !found {
                crate::derive::push(
                    errors,
                    syn::Error::new(
                        key.span(),
                        if option == "imports" {
                            format!(
                                "`imports` key `{value}` matches no function or resource \
                                 destructor (`[drop]<resource>`) the world `{}` imports{}",
                                w.name,
                                super::gates::feature_hint(options, &value),
                            )
                        } else {
                            format!(
                                "`exports` key `{value}` matches no function the world `{}` \
                                 exports{}",
                                w.name,
                                super::gates::feature_hint(options, &value),
                            )
                        },
                    ),
                );
            }
        }
    }
}

/// Decides each generated type's [`Mode`] from the directions it travels in.
fn modes(
    resolve: &Resolve,
    world: WorldId,
    options: &Options,
    homes: &HashMap<TypeId, Home>,
) -> HashMap<TypeId, Mode> {
    let ownership = options.ownership;
    let generated = homes
        .iter()
        .filter(|(_, h)| matches!(h, Home::Generated { .. }))
        .map(|(id, _)| *id);
    let Ownership::Borrowing {
        duplicate_if_necessary,
    } = ownership
    else {
        return generated.map(|id| (id, Mode::Owned)).collect();
    };
    let mut usage: HashMap<TypeId, Usage> = HashMap::new();
    let w = &resolve.worlds[world];
    let mut functions = Vec::new();
    for (items, imported) in [(&w.imports, true), (&w.exports, false)] {
        for (key, item) in items {
            match item {
                WorldItem::Function(f) => functions.push((f, imported, None)),
                WorldItem::Interface { id, .. } => {
                    let name = resolve.name_world_key(key);
                    functions.extend(
                        resolve.interfaces[*id]
                            .functions
                            .values()
                            .map(|f| (f, imported, Some(name.clone()))),
                    )
                }
                WorldItem::Type { .. } => {}
            }
        }
    }
    let gets_store = |config: &FunctionConfig, iface: Option<&str>, f: &wit_parser::Function| {
        flags_of(config, iface, &f.name).store
    };
    for (f, imported, iface) in functions {
        // Import parameters and export results come out of the guest. An
        // import that gets the store may call guests, which may change
        // their memory: its parameters are owned, as if lowered too.
        let store = imported && gets_store(&options.imports, iface.as_deref(), f);
        for param in &f.params {
            mark(resolve, &param.ty, imported, !imported || store, &mut usage);
        }
        // Export results are lifted too, but the host keeps them past the
        // call (whose post-return may free their memory): they need an
        // owned form, as if they were also lowered.
        if let Some(result) = &f.result {
            mark(resolve, result, !imported, true, &mut usage);
        }
    }
    // A type no function uses is owned, and so is everything it holds.
    let unused: Vec<TypeId> = generated
        .clone()
        .filter(|id| !usage.contains_key(id))
        .collect();
    for id in unused {
        mark(resolve, &Type::Id(id), false, true, &mut usage);
    }
    let mut lifetimes = HashMap::new();
    generated
        .map(|id| {
            let target = alias_target(resolve, id);
            let u = usage.get(&target).copied().unwrap_or_default();
            let mode = if !holds_memory(resolve, &Type::Id(target), &mut lifetimes) || !u.lifted {
                Mode::Owned
            } else if !u.lowered {
                Mode::Borrowed
            } else if duplicate_if_necessary {
                Mode::Both
            } else {
                Mode::Owned
            };
            (id, mode)
        })
        .collect()
}

/// Follows `type a = b` to the first type that is not an alias of a named
/// type: an alias has the mode of what it names.
pub(crate) fn alias_target(resolve: &Resolve, mut id: TypeId) -> TypeId {
    while let TypeDefKind::Type(Type::Id(next)) = &resolve.types[id].kind {
        id = *next;
    }
    id
}

/// Marks `ty` and everything it holds as travelling the given ways.
fn mark(
    resolve: &Resolve,
    ty: &Type,
    lifted: bool,
    lowered: bool,
    usage: &mut HashMap<TypeId, Usage>,
) {
    let Type::Id(id) = ty else {
        return;
    };
    let entry = usage.entry(*id).or_default();
    let before = (entry.lifted, entry.lowered);
    entry.lifted |= lifted;
    entry.lowered |= lowered;
    if (entry.lifted, entry.lowered) == before && before != (false, false) {
        return;
    }
    // A map owns its entries in every form, so what it holds needs an owned
    // form, as if it were lowered.
    let lowered = lowered || matches!(resolve.types[*id].kind, TypeDefKind::Map(..));
    for inner in contained(resolve, *id) {
        mark(resolve, &inner, lifted, lowered, usage);
    }
}

/// The types a type definition holds directly (not through handles).
pub(crate) fn contained(resolve: &Resolve, id: TypeId) -> Vec<Type> {
    match &resolve.types[id].kind {
        TypeDefKind::Record(r) => r.fields.iter().map(|f| f.ty).collect(),
        TypeDefKind::Tuple(t) => t.types.clone(),
        TypeDefKind::Variant(v) => v.cases.iter().filter_map(|c| c.ty).collect(),
        TypeDefKind::Option(t) | TypeDefKind::List(t) | TypeDefKind::Type(t) => vec![*t],
        TypeDefKind::Result(r) => r.ok.iter().chain(r.err.iter()).copied().collect(),
        TypeDefKind::FixedLengthList(t, _) => vec![*t],
        TypeDefKind::Map(k, v) => vec![*k, *v],
        TypeDefKind::Future(t) | TypeDefKind::Stream(t) => t.iter().copied().collect(),
        TypeDefKind::Handle(Handle::Own(_) | Handle::Borrow(_))
        | TypeDefKind::Resource
        | TypeDefKind::Flags(_)
        | TypeDefKind::Enum(_)
        | TypeDefKind::Unknown => Vec::new(),
    }
}

/// Whether `ty` holds a string or a list, so that a borrowed form of it
/// needs the guest memory's lifetime.
pub(crate) fn holds_memory(resolve: &Resolve, ty: &Type, memo: &mut HashMap<TypeId, bool>) -> bool {
    match ty {
        Type::String => true,
        Type::Id(id) => {
            if let Some(known) = memo.get(id) {
                return *known;
            }
            memo.insert(*id, false);
            let holds = matches!(resolve.types[*id].kind, TypeDefKind::List(_))
                || contained(resolve, *id)
                    .iter()
                    .any(|t| holds_memory(resolve, t, memo));
            memo.insert(*id, holds);
            holds
        }
        _ => false,
    }
}

/// Whether `ty` holds a resource handle, which decides the derives a type
/// can have (handles are neither `Clone` nor comparable).
pub(crate) fn holds_handle(resolve: &Resolve, ty: &Type) -> bool {
    match ty {
        Type::Id(id) => {
            matches!(resolve.types[*id].kind, TypeDefKind::Handle(_))
                || contained(resolve, *id)
                    .iter()
                    .any(|t| holds_handle(resolve, t))
        }
        _ => false,
    }
}

/// Whether the borrowed form of `id` would use the lifetime: it holds a
/// string or a list (but a list of handles, which is a `Vec` in every form)
/// itself, or a named type that has a borrowed form.
fn borrowed_form_borrows(resolve: &Resolve, id: TypeId, modes: &HashMap<TypeId, Mode>) -> bool {
    fn walk(resolve: &Resolve, ty: &Type, modes: &HashMap<TypeId, Mode>, top: bool) -> bool {
        match ty {
            Type::String => true,
            Type::Id(id) => {
                let def = &resolve.types[*id];
                if !top && def.name.is_some() {
                    return matches!(modes.get(id), Some(Mode::Borrowed | Mode::Both));
                }
                // A map owns its entries in every form.
                if matches!(def.kind, TypeDefKind::Map(..)) {
                    return false;
                }
                matches!(def.kind, TypeDefKind::List(t) if !holds_handle(resolve, &t))
                    || contained(resolve, *id)
                        .iter()
                        .any(|t| walk(resolve, t, modes, false))
            }
            _ => false,
        }
    }
    walk(resolve, &Type::Id(id), modes, true)
}

/// Demotes to [`Mode::Owned`] every type whose borrowed form would not use
/// its lifetime (all it holds is owned), until nothing changes; aliases take
/// the mode of what they name.
fn settle(resolve: &Resolve, modes: &mut HashMap<TypeId, Mode>) {
    loop {
        let mut changed = false;
        let ids: Vec<TypeId> = modes.keys().copied().collect();
        for id in ids {
            let target = alias_target(resolve, id);
            let mode = if target != id {
                modes.get(&target).copied().unwrap_or(Mode::Owned)
            } else if modes[&id] != Mode::Owned && !borrowed_form_borrows(resolve, id, modes) {
                Mode::Owned
            } else {
                modes[&id]
            };
            if modes[&id] != mode {
                modes.insert(id, mode);
                changed = true;
            }
        }
        if !changed {
            return;
        }
    }
}

/// Whether `ty` holds a tuple of more than 12 elements, for which the
/// standard library implements neither `Debug`, `Clone` nor `PartialEq`.
pub(crate) fn holds_long_tuple(resolve: &Resolve, ty: &Type) -> bool {
    match ty {
        Type::Id(id) => {
            matches!(&resolve.types[*id].kind, TypeDefKind::Tuple(t) if t.types.len() > 12)
                || contained(resolve, *id)
                    .iter()
                    .any(|t| holds_long_tuple(resolve, t))
        }
        _ => false,
    }
}

/// The gates of a world's import or export of an interface: the world
/// item's, or the interface's own when the item has none.
fn item_stability(resolve: &Resolve, id: InterfaceId, item: &Stability) -> Stability {
    match item {
        Stability::Unknown => resolve.interfaces[id].stability.clone(),
        other => other.clone(),
    }
}
