//! wasi:io and wasi:filesystem called directly (not through std), one case
//! per first argument, printing what each call gives. The cases named
//! `trap-*` break a rule the WIT says traps; the others end normally.

use wasip2::cli::{stdin, stdout};
use wasip2::clocks::monotonic_clock;
use wasip2::filesystem::preopens::get_directories;
use wasip2::filesystem::types::{
    Descriptor, DescriptorFlags, NewTimestamp, OpenFlags, PathFlags,
};
use wasip2::io::poll;
use wasip2::io::streams::StreamError;
use wasip2::clocks::wall_clock::Datetime;

fn data() -> Descriptor {
    get_directories()
        .into_iter()
        .find(|(_, name)| name == "/data")
        .expect("the /data preopen")
        .0
}

fn main() {
    let case = std::env::args().nth(1).unwrap_or_default();
    println!("case {case}");
    match case.as_str() {
        "poll" => {
            let start = monotonic_clock::now();
            let slow = monotonic_clock::subscribe_duration(2_000_000_000);
            let fast = monotonic_clock::subscribe_duration(20_000_000);
            let ready = poll::poll(&[&slow, &fast]);
            let waited = monotonic_clock::now() - start;
            println!("ready: {ready:?}");
            println!("waited at least 20ms: {}", waited >= 20_000_000);
            println!("waited less than 2s: {}", waited < 2_000_000_000);
            println!("fast ready now: {} slow ready now: {}", fast.ready(), slow.ready());
            let past = monotonic_clock::subscribe_instant(0);
            past.block();
            println!("instant in the past ready after block: {}", past.ready());
            let stdin = stdin::get_stdin();
            let readable = stdin.subscribe();
            let ready = poll::poll(&[&slow, &readable]);
            println!("stdin ready before the slow clock: {ready:?}");
        }
        "stdin" => {
            let input = stdin::get_stdin();
            let mut total = 0;
            loop {
                match input.blocking_read(1000) {
                    Ok(bytes) => {
                        assert!(bytes.len() <= 1000);
                        total += bytes.len();
                    }
                    Err(StreamError::Closed) => break,
                    Err(StreamError::LastOperationFailed(e)) => {
                        println!("failed: {}", e.to_debug_string());
                        break;
                    }
                }
            }
            println!("read {total} bytes, then closed");
            println!("read after the end: {:?}", input.read(10).map_err(kind));
            println!("read of 0 after the end: {:?}", input.read(0).map_err(kind));
            println!("skip after the end: {:?}", input.skip(10).map_err(kind));
        }
        "splice" => {
            let input = stdin::get_stdin();
            let output = stdout::get_stdout();
            let mut total = 0;
            loop {
                match output.blocking_splice(&input, 777) {
                    Ok(n) => total += n,
                    Err(StreamError::Closed) => break,
                    Err(StreamError::LastOperationFailed(e)) => {
                        println!("failed: {}", e.to_debug_string());
                        break;
                    }
                }
            }
            output.blocking_flush().expect("flush");
            eprintln!("spliced {total} bytes");
        }
        "write" => {
            let output = stdout::get_stdout();
            let permit = output.check_write().expect("check-write");
            println!("check-write permits some: {}", permit > 0);
            output.write(b"written\n").expect("write");
            output.flush().expect("flush");
            let ready = output.subscribe();
            ready.block();
            drop(ready);
            output.blocking_write_and_flush(b"blocking\n").expect("blocking write");
            let permit = output.check_write().expect("check-write");
            output.write_zeroes(3.min(permit)).expect("zeroes");
            output.blocking_write_zeroes_and_flush(2).expect("blocking zeroes");
            output.blocking_write_and_flush(b"\n").expect("newline");
        }
        "files" => files(),
        "failing-stdout" => {
            let output = stdout::get_stdout();
            match output.blocking_write_and_flush(b"lost") {
                Ok(()) => println!("write: ok"),
                Err(StreamError::Closed) => println!("write: closed"),
                Err(StreamError::LastOperationFailed(e)) => {
                    eprintln!("write failed: {}", e.to_debug_string());
                    let code = wasip2::filesystem::types::filesystem_error_code(&e);
                    eprintln!("filesystem error code: {:?}", code.map(|c| c.name()));
                }
            }
            eprintln!("then: {:?}", output.check_write().map_err(kind));
        }
        "read-only" => read_only(),
        "huge-read" => {
            let input = stdin::get_stdin();
            input.subscribe().block();
            let first = input.read(u64::MAX).expect("read");
            println!("first read of u64::MAX bytes gave {}", first.len());
            let skipped = input.skip(u64::MAX).expect("skip");
            println!("skip of u64::MAX bytes skipped {skipped}");
        }
        "trap-poll-empty" => {
            poll::poll(&[]);
        }
        "trap-write-over-permit" => {
            let output = stdout::get_stdout();
            let permit = output.check_write().expect("check-write");
            let too_much = vec![b'x'; permit as usize + 1];
            let _ = output.write(&too_much);
        }
        "trap-blocking-write-too-big" => {
            let output = stdout::get_stdout();
            let _ = output.blocking_write_and_flush(&[b'x'; 4097]);
        }
        "trap-drop-stream-before-pollable" => {
            let output = stdout::get_stdout();
            let pollable = output.subscribe();
            drop(output);
            drop(pollable);
        }
        other => println!("unknown case {other}"),
    }
}

fn kind(e: StreamError) -> &'static str {
    match e {
        StreamError::Closed => "closed",
        StreamError::LastOperationFailed(_) => "failed",
    }
}

/// What a guest may do in a preopen the host gave read-only.
fn read_only() {
    let data = data();
    println!("flags: {:?}", data.get_flags().map(|f| f.bits()));
    let open = |flags: OpenFlags, access: DescriptorFlags| {
        data.open_at(PathFlags::empty(), "given.txt", flags, access)
            .map(|_| ())
            .map_err(|e| e.name())
    };
    println!("open to read: {:?}", open(OpenFlags::empty(), DescriptorFlags::READ));
    println!("open to write: {:?}", open(OpenFlags::empty(), DescriptorFlags::WRITE));
    println!("open to truncate: {:?}", open(OpenFlags::TRUNCATE, DescriptorFlags::READ));
    println!(
        "create: {:?}",
        data.open_at(PathFlags::empty(), "new.txt", OpenFlags::CREATE, DescriptorFlags::READ)
            .map(|_| ())
            .map_err(|e| e.name())
    );
    println!("mkdir: {:?}", data.create_directory_at("d").map_err(|e| e.name()));
    println!("unlink: {:?}", data.unlink_file_at("given.txt").map_err(|e| e.name()));
    println!("rename: {:?}", data.rename_at("given.txt", &data, "x").map_err(|e| e.name()));
    println!("symlink: {:?}", data.symlink_at("given.txt", "l").map_err(|e| e.name()));
    let file = data
        .open_at(PathFlags::empty(), "given.txt", OpenFlags::empty(), DescriptorFlags::READ)
        .expect("open to read");
    println!("read: {:?}", file.read(100, 0).map(|(b, _)| String::from_utf8(b)));
    println!("write: {:?}", file.write(b"x", 0).map_err(|e| e.name()));
    println!("set-size: {:?}", file.set_size(0).map_err(|e| e.name()));
    println!("write-via-stream: {:?}", file.write_via_stream(0).map(drop).map_err(|e| e.name()));
    println!(
        "set-times: {:?}",
        file.set_times(NewTimestamp::Now, NewTimestamp::Now).map_err(|e| e.name())
    );
}

fn files() {
    let data = data();
    println!("preopen type: {:?}", data.get_type().map(|t| format!("{t:?}")));
    let rw = DescriptorFlags::READ | DescriptorFlags::WRITE;
    let file = data
        .open_at(PathFlags::empty(), "f.txt", OpenFlags::CREATE | OpenFlags::TRUNCATE, rw)
        .expect("create f.txt");
    println!("flags: {:?}", file.get_flags().map(|f| f.bits()));
    println!("type: {:?}", file.get_type().map(|t| format!("{t:?}")));

    let out = file.write_via_stream(0).expect("write-via-stream");
    out.blocking_write_and_flush(b"0123456789").expect("write");
    drop(out);
    let append = file.append_via_stream().expect("append-via-stream");
    append.blocking_write_and_flush(b"abc").expect("append");
    drop(append);
    println!("write at 2: {:?}", file.write(b"XY", 2));
    println!("read 5 at 1: {:?}", file.read(5, 1).map(|(b, end)| (String::from_utf8(b), end)));
    println!("read at the end: {:?}", file.read(5, 13));
    println!("read past the end: {:?}", file.read(5, 100));
    let input = file.read_via_stream(8).expect("read-via-stream");
    println!("stream from 8: {:?}", input.blocking_read(100).map(String::from_utf8));
    println!("stream at the end: {:?}", input.blocking_read(100).map_err(kind));
    drop(input);
    let stat = file.stat().expect("stat");
    println!("size: {} links: {} type: {:?}", stat.size, stat.link_count, stat.type_);

    let when = Datetime { seconds: 1_234_567_890, nanoseconds: 5_000 };
    file.set_times(NewTimestamp::Timestamp(when), NewTimestamp::Timestamp(when))
        .expect("set-times");
    let stat = file.stat().expect("stat");
    println!("times set: {:?} {:?}", stat.data_access_timestamp, stat.data_modification_timestamp);
    println!("set-size 4: {:?}", file.set_size(4));
    println!("size now: {:?}", file.stat().map(|s| s.size));
    println!("sync: {:?} sync-data: {:?}", file.sync(), file.sync_data());
    println!("advise: {:?}", file.advise(0, 4, wasip2::filesystem::types::Advice::Sequential));

    let again = data
        .open_at(PathFlags::empty(), "f.txt", OpenFlags::empty(), DescriptorFlags::READ)
        .expect("open f.txt");
    println!("same object: {}", file.is_same_object(&again));
    println!("same object as the dir: {}", file.is_same_object(&data));
    println!(
        "same hash: {}",
        file.metadata_hash().map(|h| (h.lower, h.upper)).ok()
            == data
                .metadata_hash_at(PathFlags::empty(), "f.txt")
                .map(|h| (h.lower, h.upper))
                .ok()
    );
    println!("read-only write: {:?}", again.write(b"no", 0));
    println!("read-only write-via-stream: {:?}", again.write_via_stream(0).err());

    println!("mkdir d: {:?}", data.create_directory_at("d"));
    println!("mkdir d again: {:?}", data.create_directory_at("d"));
    println!("link: {:?}", data.link_at(PathFlags::empty(), "f.txt", &data, "d/hard.txt"));
    println!("links now: {:?}", file.stat().map(|s| s.link_count));
    println!("symlink: {:?}", data.symlink_at("f.txt", "d/soft"));
    println!("readlink: {:?}", data.readlink_at("d/soft"));
    println!("readlink of a file: {:?}", data.readlink_at("f.txt"));
    println!(
        "stat-at nofollow: {:?}",
        data.stat_at(PathFlags::empty(), "d/soft").map(|s| format!("{:?}", s.type_))
    );
    println!(
        "stat-at follow: {:?}",
        data.stat_at(PathFlags::SYMLINK_FOLLOW, "d/soft").map(|s| s.size)
    );
    println!(
        "set-times-at: {:?}",
        data.set_times_at(PathFlags::empty(), "d/hard.txt", NewTimestamp::NoChange, NewTimestamp::Timestamp(when))
    );
    println!("rename: {:?}", data.rename_at("d/hard.txt", &data, "moved.txt"));
    println!("rename missing: {:?}", data.rename_at("nothing", &data, "x"));
    println!("rmdir non-empty: {:?}", data.remove_directory_at("d"));
    println!("unlink a dir: {:?}", data.unlink_file_at("d"));
    println!("unlink symlink: {:?}", data.unlink_file_at("d/soft"));
    println!("rmdir: {:?}", data.remove_directory_at("d"));
    println!("open a file as a dir: {:?}", data.open_at(PathFlags::empty(), "f.txt", OpenFlags::DIRECTORY, DescriptorFlags::READ).err());
    println!("create exclusive existing: {:?}", data.open_at(PathFlags::empty(), "f.txt", OpenFlags::CREATE | OpenFlags::EXCLUSIVE, rw).err());
    println!("read a dir: {:?}", data.read(1, 0).err());
    println!("read-directory of a file: {:?}", file.read_directory().err());
    println!("stream of a dir: {:?}", data.read_via_stream(0).err());

    let entries = data.read_directory().expect("read-directory");
    let mut names = Vec::new();
    while let Some(entry) = entries.read_directory_entry().expect("entry") {
        names.push(format!("{} {:?}", entry.name, entry.type_));
    }
    names.sort();
    println!("entries: {names:?}");
}
