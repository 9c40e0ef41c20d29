//! Attempts to leave the preopened directory `/data`, each of which must
//! fail: through std (`..`, an absolute path, symbolic links the host made
//! pointing out) and through wasi:filesystem directly (the error codes).
//! The host puts `secret.txt` beside `/data`, and in `/data` the symbolic
//! links `link-up` (to `../secret.txt`) and `link-abs` (to the absolute
//! host path of `secret.txt`).

use std::fs;

use wasip2::filesystem::preopens::get_directories;
use wasip2::filesystem::types::{DescriptorFlags, OpenFlags, PathFlags};

fn std_read(path: &str) {
    match fs::read_to_string(path) {
        Ok(text) => println!("std read {path}: LEAKED {text:?}"),
        Err(e) => println!("std read {path}: error {:?}", e.kind()),
    }
}

fn main() {
    println!("inside: {:?}", fs::read_to_string("/data/inside.txt").map_err(|e| e.kind()));
    std_read("/data/../secret.txt");
    std_read("/secret.txt");
    std_read("/data/link-up");
    std_read("/data/link-abs");
    match fs::write("/data/../escaped.txt", "out") {
        Ok(()) => println!("std write ../escaped.txt: LEAKED"),
        Err(e) => println!("std write ../escaped.txt: error {:?}", e.kind()),
    }

    let dirs = get_directories();
    let (data, name) = dirs.iter().find(|(_, name)| name == "/data").expect("the /data preopen");
    println!("preopen: {name}");
    let open = |path: &str, follow: bool| {
        let flags = if follow { PathFlags::SYMLINK_FOLLOW } else { PathFlags::empty() };
        match data.open_at(flags, path, OpenFlags::empty(), DescriptorFlags::READ) {
            Ok(_) => println!("open_at {path} (follow {follow}): LEAKED"),
            Err(code) => println!("open_at {path} (follow {follow}): {code:?}"),
        }
    };
    open("../secret.txt", true);
    open("/secret.txt", true);
    open("sub/../../secret.txt", true);
    open("link-up", true);
    open("link-up", false);
    open("link-abs", true);
    match data.symlink_at("../secret.txt", "made-link") {
        Ok(()) => println!("symlink_at made-link: ok"),
        Err(code) => println!("symlink_at made-link: {code:?}"),
    }
    open("made-link", true);
    match data.readlink_at("link-up") {
        Ok(target) => println!("readlink_at link-up: {target}"),
        Err(code) => println!("readlink_at link-up: {code:?}"),
    }
    match data.stat_at(PathFlags::SYMLINK_FOLLOW, "..") {
        Ok(_) => println!("stat_at ..: LEAKED"),
        Err(code) => println!("stat_at ..: {code:?}"),
    }
    match data.create_directory_at("../made-outside") {
        Ok(()) => println!("create_directory_at ../made-outside: LEAKED"),
        Err(code) => println!("create_directory_at ../made-outside: {code:?}"),
    }
}
