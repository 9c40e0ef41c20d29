//! `witbind bindgen`: the code `bindgen!` generates, formatted.

mod common;

use common::{TempDir, witbind, witbind_with};

fn wit_dir() -> String {
    format!("{}/../tests/guests/wit", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn prints_the_worlds_bindings_formatted() {
    let out = witbind(&["bindgen", &wit_dir(), "--world", "records"]);
    assert_eq!(out.code, Some(0), "{out:?}");
    let text = out.stdout;
    // Rust that parses, formatted as prettyplease formats it.
    let file = syn::parse_file(&text).expect("the output parses as Rust");
    assert_eq!(
        prettyplease::unparse(&file),
        text,
        "the output is formatted"
    );
    // The world's items: its struct, its types, the call methods of its
    // exports and the host side, written out.
    for expected in [
        "pub struct Records {",
        "pub struct Point {",
        "pub struct Mixed {",
        "pub fn call_echo_point(",
        "pub fn call_swap(",
        "pub fn instantiate(",
        "pub fn add_to_linker<",
        "#[derive(",
    ] {
        assert!(text.contains(expected), "`{expected}` in:\n{text}");
    }
    // Nothing that only tracks rebuilds, no machine path, no gate macro.
    for unexpected in [
        "include_bytes",
        "WITBIND_DEBUG",
        "__bindgen_host_items",
        "/work/",
    ] {
        assert!(!text.contains(unexpected), "`{unexpected}` in:\n{text}");
    }
}

#[test]
fn a_world_with_imports_gets_its_host_traits() {
    let out = witbind(&[
        "bindgen",
        &wit_dir(),
        "--world",
        "witbind:guests/host-calls",
    ]);
    assert_eq!(out.code, Some(0), "{out:?}");
    for expected in ["pub trait HostCallsImports", "fn add(", "fn lookup("] {
        assert!(
            out.stdout.contains(expected),
            "`{expected}` in:\n{}",
            out.stdout
        );
    }
}

#[test]
fn paths_are_relative_to_where_the_command_runs() {
    let dir = TempDir::new();
    std::fs::write(
        dir.path().join("w.wit"),
        "package a:b;\nworld w {\n  export f: func(x: u32) -> string;\n}\n",
    )
    .unwrap();
    let out = witbind_with(&["bindgen", "w.wit"], Some(dir.path()), b"", &[]);
    assert_eq!(out.code, Some(0), "{out:?}");
    assert!(out.stdout.contains("pub fn call_f("), "{}", out.stdout);
}

#[test]
fn errors_name_the_problem_and_where() {
    // Several worlds and none chosen.
    let out = witbind(&["bindgen", &wit_dir()]);
    assert_eq!(out.code, Some(1), "{out:?}");
    assert!(
        out.stderr.contains("witbind:guests/records"),
        "{}",
        out.stderr
    );
    // A world that does not exist.
    let out = witbind(&["bindgen", &wit_dir(), "--world", "nope"]);
    assert_eq!(out.code, Some(1), "{out:?}");
    assert!(out.stderr.contains("nope"), "{}", out.stderr);
    // A WIT error, with its file, line and column.
    let dir = TempDir::new();
    std::fs::write(
        dir.path().join("bad.wit"),
        "package a:b;\nworld w {\n  export f: func(x: nope);\n}\n",
    )
    .unwrap();
    let out = witbind_with(&["bindgen", "bad.wit"], Some(dir.path()), b"", &[]);
    assert_eq!(out.code, Some(1), "{out:?}");
    assert!(out.stderr.contains("bad.wit:3:"), "{}", out.stderr);
    assert_eq!(out.stdout, "");
    // No such path.
    let out = witbind(&["bindgen", "no/such/dir"]);
    assert_eq!(out.code, Some(1), "{out:?}");
    assert!(
        out.stderr
            .contains("the WIT path `no/such/dir` does not exist"),
        "{}",
        out.stderr
    );
}
