//! What the host runs: every construct of a translated component that witbind
//! does not support yet is rejected here, when the component is loaded, with
//! an error naming it, so that no call can meet it later.

use wasmtime_environ::component::{
    CanonicalOptionsDataModel, ComponentTranslation, CoreDef, GlobalInitializer, InstantiateModule,
    Trampoline,
};

use crate::error::Result;

/// Fails on the first unsupported construct of `translation`.
pub(crate) fn check_supported(translation: &ComponentTranslation) -> Result<()> {
    let component = &translation.component;
    for options in component.options.values() {
        if options.async_ {
            unsupported("async lifting or lowering (`async` canonical option)")?;
        }
        if options.callback.is_some() {
            unsupported("async callbacks (`callback` canonical option)")?;
        }
        if let CanonicalOptionsDataModel::Gc {} = options.data_model {
            unsupported("the GC data model (`gc` canonical option)")?;
        }
    }
    for init in &component.initializers {
        match init {
            GlobalInitializer::InstantiateModule(InstantiateModule::Static(_, args), _) => {
                args.iter().try_for_each(check_def)?;
            }
            GlobalInitializer::InstantiateModule(InstantiateModule::Import(_, args), _) => {
                args.values()
                    .flat_map(|items| items.values())
                    .try_for_each(check_def)?;
            }
            GlobalInitializer::ExtractCallback(_) => unsupported("async callbacks")?,
            GlobalInitializer::ExtractTable(_) => unsupported("tables for `thread.new-indirect`")?,
            GlobalInitializer::ExtractRealloc(e) => check_def(&e.def)?,
            GlobalInitializer::ExtractPostReturn(e) => check_def(&e.def)?,
            GlobalInitializer::Resource(r) => {
                if let Some(dtor) = &r.dtor {
                    check_def(dtor)?;
                }
            }
            GlobalInitializer::LowerImport { .. } | GlobalInitializer::ExtractMemory(_) => {}
        }
    }
    for trampoline in translation.trampolines.values() {
        check_trampoline(trampoline)?;
    }
    Ok(())
}

fn check_def(def: &CoreDef) -> Result<()> {
    match def {
        CoreDef::Export(_) | CoreDef::Trampoline(_) | CoreDef::InstanceFlags(_) => Ok(()),
        CoreDef::UnsafeIntrinsic(intrinsic) => {
            let name = intrinsic.name();
            // The translator turns `context.get` and `context.set` (task
            // context slots, part of async) into intrinsics of its own.
            if name.starts_with("context-") {
                let builtin = name.trim_end_matches("-i32-0").trim_end_matches("-i32-1");
                unsupported(&format!(
                    "the `{}` built-in (async task context)",
                    builtin.replacen('-', ".", 1)
                ))
            } else {
                unsupported(&format!("wasmtime's `{name}` intrinsic"))
            }
        }
        CoreDef::TaskMayBlock => unsupported("the `task-may-block` global of async tasks"),
    }
}

fn check_trampoline(trampoline: &Trampoline) -> Result<()> {
    match trampoline {
        Trampoline::LowerImport { .. }
        | Trampoline::ResourceNew { .. }
        | Trampoline::ResourceRep { .. }
        | Trampoline::ResourceDrop { .. }
        | Trampoline::Trap
        | Trampoline::ResourceTransferOwn
        | Trampoline::ResourceTransferBorrow
        | Trampoline::EnterSyncCall
        | Trampoline::ExitSyncCall => Ok(()),
        Trampoline::Transcoder { from64, to64, .. } if *from64 || *to64 => {
            unsupported("string transcoding from or into a 64-bit memory")
        }
        Trampoline::Transcoder { .. } => Ok(()),
        other => unsupported(&format!("the `{}` built-in", other.symbol_name())),
    }
}

fn unsupported(what: &str) -> Result<()> {
    anyhow::bail!("unsupported component construct: {what} is not supported by witbind yet")
}
