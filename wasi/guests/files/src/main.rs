//! Files in the preopened directory `/data`: create, write, read, append,
//! seek, rename, remove, readdir, metadata and timestamps. Prints what it
//! sees; leaves `/data` in a known state.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::time::{Duration, UNIX_EPOCH};

fn list(dir: &str) {
    let mut entries: Vec<String> = fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| {
            let e = e.expect("entry");
            let ty = e.file_type().expect("file type");
            let kind = if ty.is_dir() {
                "dir"
            } else if ty.is_symlink() {
                "symlink"
            } else {
                "file"
            };
            format!("{} ({kind})", e.file_name().to_string_lossy())
        })
        .collect();
    entries.sort();
    println!("{dir}: {}", entries.join(", "));
}

fn error(what: &str, result: io::Result<impl std::fmt::Debug>) {
    match result {
        Ok(v) => println!("{what}: ok {v:?}"),
        Err(e) => println!("{what}: error {:?} {:?}", e.kind(), e.raw_os_error()),
    }
}

fn main() -> io::Result<()> {
    list("/data");
    println!("input: {:?}", fs::read_to_string("/data/input.txt")?);

    fs::write("/data/a.txt", "hello")?;
    println!("written: {:?}", fs::read_to_string("/data/a.txt")?);

    let mut file = OpenOptions::new().append(true).open("/data/a.txt")?;
    file.write_all(b" world")?;
    drop(file);
    println!("appended: {:?}", fs::read_to_string("/data/a.txt")?);

    let mut file = File::open("/data/a.txt")?;
    file.seek(SeekFrom::Start(6))?;
    let mut word = String::new();
    file.read_to_string(&mut word)?;
    println!("from offset 6: {word:?}");
    let at = file.seek(SeekFrom::End(-11))?;
    let mut first = [0; 5];
    file.read_exact(&mut first)?;
    println!("at {at}: {:?}", String::from_utf8_lossy(&first));
    drop(file);

    let mut file = OpenOptions::new().read(true).write(true).open("/data/a.txt")?;
    file.seek(SeekFrom::Start(0))?;
    file.write_all(b"J")?;
    file.seek(SeekFrom::Current(5))?;
    file.write_all(b"W")?;
    drop(file);
    println!("overwritten: {:?}", fs::read_to_string("/data/a.txt")?);

    fs::create_dir("/data/sub")?;
    fs::write("/data/sub/b.txt", vec![b'x'; 10_000])?;
    fs::rename("/data/a.txt", "/data/sub/c.txt")?;
    list("/data");
    list("/data/sub");

    let meta = fs::metadata("/data/sub/b.txt")?;
    println!("b.txt: len {} file {} dir {}", meta.len(), meta.is_file(), meta.is_dir());
    let meta = fs::metadata("/data/sub")?;
    println!("sub: file {} dir {}", meta.is_file(), meta.is_dir());

    let file = File::options().write(true).open("/data/sub/c.txt")?;
    let when = UNIX_EPOCH + Duration::new(1_000_000_000, 123_456_789);
    file.set_modified(when)?;
    drop(file);
    let modified = fs::metadata("/data/sub/c.txt")?.modified()?;
    println!("modified set: {}", modified == when);
    println!("accessed known: {}", fs::metadata("/data/sub/c.txt")?.accessed().is_ok());

    set_len()?;

    error("read missing", fs::read("/data/missing.txt"));
    error("create existing dir", fs::create_dir("/data/sub"));
    error("remove non-empty dir", fs::remove_dir("/data/sub"));
    error("open dir as file for writing", File::create("/data/sub"));
    error("read_dir of a file", fs::read_dir("/data/sub/c.txt").map(drop));

    fs::create_dir("/data/empty")?;
    fs::remove_dir("/data/empty")?;
    fs::remove_file("/data/sub/b.txt")?;
    fs::write("/data/out.txt", "left behind\n")?;
    list("/data");
    list("/data/sub");
    Ok(())
}

/// `File::set_len` grows and shrinks a file.
fn set_len() -> io::Result<()> {
    let file = File::create("/data/sized.bin")?;
    file.set_len(100)?;
    let grown = file.metadata()?.len();
    file.set_len(3)?;
    let shrunk = file.metadata()?.len();
    println!("set_len: {grown} then {shrunk}");
    Ok(())
}
