//! The WASI benchmarks' guest (`bench-report`'s WASI rows), as its
//! arguments say:
//! `write TOTAL CHUNK`: TOTAL bytes to stdout, CHUNK bytes per write;
//! `read PATH CHUNK`: the file at PATH, CHUNK bytes per read.
//! Each prints (to stderr) how many bytes it moved, so a run that moved
//! fewer shows.

use std::io::{Read, Write};

fn number(arg: Option<String>, what: &str) -> usize {
    arg.and_then(|a| a.parse().ok())
        .unwrap_or_else(|| panic!("bench: {what} must be a number"))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let moved = match args.next().as_deref() {
        Some("write") => {
            let total = number(args.next(), "TOTAL");
            let chunk = vec![b'x'; number(args.next(), "CHUNK")];
            let mut out = std::io::stdout().lock();
            let mut written = 0;
            while written < total {
                let n = chunk.len().min(total - written);
                out.write_all(&chunk[..n]).expect("write to stdout");
                written += n;
            }
            out.flush().expect("flush stdout");
            written
        }
        Some("read") => {
            let path = args.next().expect("bench: read PATH CHUNK");
            let mut buf = vec![0; number(args.next(), "CHUNK")];
            let mut file = std::fs::File::open(&path).expect("open the file");
            let mut read = 0;
            loop {
                match file.read(&mut buf).expect("read the file") {
                    0 => break,
                    n => read += n,
                }
            }
            read
        }
        other => panic!("bench: unknown mode {other:?}"),
    };
    eprintln!("{moved}");
}
