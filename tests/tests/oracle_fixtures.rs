//! Every committed fixture is listed, and loads and instantiates with the host imports of
//! [`witbind_tests::oracle::host`] in wasmtime and in witbind.

use witbind_tests::fixtures;
use witbind_tests::oracle::{OracleFixture, WitbindFixture};

#[test]
fn the_fixture_folder_holds_exactly_the_listed_components() {
    let folder = fixtures::path("numbers")
        .parent()
        .expect("fixtures folder")
        .to_path_buf();
    let mut found: Vec<String> = std::fs::read_dir(&folder)
        .expect("read fixtures")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".wasm").map(str::to_string)
        })
        .collect();
    found.sort();
    let mut listed: Vec<String> = fixtures::ALL
        .iter()
        .chain(fixtures::BENCHMARKS)
        .chain(fixtures::COMPOSED)
        .map(|s| s.to_string())
        .collect();
    listed.sort();
    assert_eq!(found, listed);
}

#[test]
fn every_fixture_instantiates_on_wasmtime() {
    for name in fixtures::ALL {
        let compiled = OracleFixture::load(name).unwrap_or_else(|e| panic!("{name}: {e:#}"));
        compiled
            .instantiate()
            .unwrap_or_else(|e| panic!("{name}: {e:#}"));
    }
}

#[test]
fn every_fixture_instantiates_on_witbind() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        for name in fixtures::ALL {
            let loaded = WitbindFixture::load_on(name, &engine)
                .unwrap_or_else(|e| panic!("{backend}: {name}: {e:#}"));
            loaded
                .instantiate()
                .unwrap_or_else(|e| panic!("{backend}: {name}: {e:#}"));
        }
    }
}
