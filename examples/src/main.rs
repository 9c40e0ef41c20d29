//! Placeholder until the component host exists: lowers and lifts a value
//! through the Canonical ABI over a plain memory.

fn main() -> anyhow::Result<()> {
    use witbind::{LiftContext, Lower, LowerContext, StringEncoding, VecMemory};
    let mut memory = VecMemory::new(vec![0; 1024], |_mem, _old, _old_size, _align, _size| Ok(16));
    let mut flat = [0u64; 2];
    let mut writer = witbind::FlatWriter::new(&mut flat);
    "hello, component".lower_flat(
        &mut LowerContext::new(&mut memory, StringEncoding::Utf8),
        &mut writer,
    )?;
    let mut cx = LiftContext::new(memory.bytes(), StringEncoding::Utf8);
    let s: String = witbind::Lift::lift_flat(&mut cx, &mut witbind::FlatReader::new(&flat))?;
    println!("round trip through guest memory: {s}");
    Ok(())
}
