//! Every WIT fixture in `tests/codegen/` compiles through `bindgen!` in
//! every ownership mode, with plain imports and with every import flag
//! (`trappable`, `store`, `exact`, `tracing`, `verbose_tracing`) and the
//! exports' tracing flags.

macro_rules! fixture {
    ($name:ident, $path:tt $(, ($($extra:tt)*))*) => {
        pub(crate) mod $name {
            pub(crate) mod owning {
                witbind::bindgen!({ path: $path, ownership: Owning $(, $($extra)*)* });
            }
            pub(crate) mod borrowing {
                witbind::bindgen!({
                    path: $path,
                    ownership: Borrowing { duplicate_if_necessary: false } $(, $($extra)*)*
                });
            }
            mod duplicating {
                witbind::bindgen!({
                    path: $path,
                    ownership: Borrowing { duplicate_if_necessary: true },
                    imports: { default: trappable | tracing },
                    exports: { default: tracing } $(, $($extra)*)*
                });
            }
            mod owning_store {
                witbind::bindgen!({
                    path: $path,
                    ownership: Owning,
                    imports: { default: store | trappable | exact | verbose_tracing },
                    exports: { default: verbose_tracing } $(, $($extra)*)*
                });
            }
            mod borrowing_store {
                witbind::bindgen!({
                    path: $path,
                    ownership: Borrowing { duplicate_if_necessary: false },
                    imports: { default: store | verbose_tracing } $(, $($extra)*)*
                });
            }
        }
    };
}

fixture!(aliases, "codegen/aliases.wit");
fixture!(call_names, "codegen/call-names.wit");
fixture!(chars_floats, "codegen/chars-floats.wit");
fixture!(deep_use, "codegen/deep-use.wit");
fixture!(docs, "codegen/docs.wit");
fixture!(empty_interface, "codegen/empty-interface.wit");
fixture!(empty_records, "codegen/empty-records.wit");
fixture!(enum_big, "codegen/enum-big.wit");
fixture!(exports_only, "codegen/exports-only.wit");
fixture!(flag_names, "codegen/flag-names.wit");
fixture!(flags_1, "codegen/flags-1.wit");
fixture!(flags_17, "codegen/flags-17.wit");
fixture!(flags_32, "codegen/flags-32.wit");
fixture!(flags_8, "codegen/flags-8.wit");
fixture!(flags_9, "codegen/flags-9.wit");
fixture!(flags_wide, "codegen/flags-wide.wit");
fixture!(gates, "codegen/gates.wit");
fixture!(fixed_lists, "codegen/fixed-lists.wit");
fixture!(maps, "codegen/maps.wit");
fixture!(grammar, "codegen/grammar.wit", (world: "grammar"));
fixture!(grammar_all_features, "codegen/grammar.wit", (world: "grammar", all_features: true));
fixture!(maps_btree, "codegen/maps.wit", (map_type: BTreeMap));
fixture!(maps_vec, "codegen/maps.wit", (map_type: Vec));
fixture!(handle_lists, "codegen/handle-lists.wit");
fixture!(import_named_exports, "codegen/import-named-exports.wit");
fixture!(many_params, "codegen/many-params.wit");
fixture!(name_clashes, "codegen/name-clashes.wit");
fixture!(package_named_exports, "codegen/package-named-exports.wit");
fixture!(handles_in_variants, "codegen/handles-in-variants.wit");
fixture!(host_names, "codegen/host-names.wit");
fixture!(imports_only, "codegen/imports-only.wit");
fixture!(inline_interfaces, "codegen/inline-interfaces.wit");
fixture!(keywords, "codegen/keywords.wit");
fixture!(lists, "codegen/lists.wit");
fixture!(link_options_name, "codegen/link-options-name.wit");
fixture!(link_options_name_gated, "codegen/link-options-name.wit", (all_features: true));
fixture!(name_clash, "codegen/name-clash.wit");
fixture!(nested_records, "codegen/nested-records.wit");
fixture!(options_results, "codegen/options-results.wit");
fixture!(primitives, "codegen/primitives.wit");
fixture!(records, "codegen/records.wit");
fixture!(resources, "codegen/resources.wit");
fixture!(shared_types, "codegen/shared-types.wit");
fixture!(std_names, "codegen/std-names.wit");
fixture!(strings, "codegen/strings.wit");
fixture!(tuples, "codegen/tuples.wit");
fixture!(use_across, "codegen/use-across.wit");
fixture!(variant_joins, "codegen/variant-joins.wit");
fixture!(variant_records, "codegen/variant-records.wit");
fixture!(versioned, "codegen/versioned.wit");
fixture!(world_types, "codegen/world-types.wit");
fixture!(with_deps, "codegen/with-deps");
fixture!(two_versions, "codegen/two-versions");
fixture!(multi_world_first, "codegen/multi-world.wit", (world: "first"));
fixture!(multi_world_second, "codegen/multi-world.wit", (world: "test:multi-world/second"));
fixture!(gates_all_features, "codegen/gates.wit", (all_features: true));
fixture!(gates_shiny, "codegen/gates.wit", (features: ["shiny"]));
fixture!(paths_list, ["codegen/use-across.wit"], (world: "use-across"));
fixture!(inline_source, [], (inline: "package test:inline-src; interface i { record r { s: string } f: func(r: r) -> r; } world w { import i; export i; }"));

// The debug expansion is written to a file and `include!`d; it must compile
// the same way.
mod debug_expansion {
    witbind::bindgen!({ path: "codegen/records.wit", debug: true });

    // wasmtime's name for it, on a world with every host-side flag.
    mod included {
        witbind::bindgen!({
            path: "codegen/resources.wit",
            include_generated_code_from_file: true,
            imports: { default: store | trappable | exact | verbose_tracing },
            exports: { default: verbose_tracing },
        });
    }

    #[test]
    fn the_included_expansion_defines_the_types() {
        let point = test::records::shapes::Point { x: 1, y: 2 };
        assert_eq!(point.clone(), point);
    }
}

/// Two versions of one package get one module each.
#[test]
fn two_versions_of_a_package_coexist() {
    use two_versions::owning::test::{api_v1_0_0, api_v2_0_0};
    let old = api_v1_0_0::calls::Request { id: 1 };
    let new = api_v2_0_0::calls::Request {
        id: 2,
        name: "n".into(),
    };
    assert_eq!((old.id, new.id), (1, 2));
}

/// Every fixture file is compiled above: a new `.wit` without a
/// `fixture!` line would silently go untested.
#[test]
fn every_fixture_is_compiled() {
    let source = include_str!("codegen.rs");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("codegen");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let quoted = format!("\"codegen/{name}\"");
        assert!(source.contains(&quoted), "fixture {name} is not compiled");
        count += 1;
    }
    assert!(count >= 30, "only {count} fixtures");
}

/// A borrowing world whose imports take lists of handles links: the lists
/// are `Vec`s (a lazy `WasmList` of handles is refused at compile time),
/// and registering the host functions compiles their lifting code.
#[test]
fn borrowing_imports_take_lists_of_handles_as_vecs() {
    use handle_lists::borrowing::test::handle_lists::store::{self, Batch, File, HostFile};
    use witbind::Resource;

    struct Host;
    impl HostFile for Host {
        fn drop(&mut self, _: Resource<File>) -> witbind::Result<()> {
            Ok(())
        }
    }
    impl store::Host for Host {
        fn put(&mut self, files: Vec<Resource<File>>, label: witbind::WasmStr<'_>) -> u32 {
            files.len() as u32 + label.to_str().len() as u32
        }
        fn put_batch(&mut self, b: Batch<'_>) -> u32 {
            b.files.len() as u32 + b.label.to_str().len() as u32
        }
        fn peek_all(&mut self, files: Vec<witbind::Borrowed<Resource<File>>>) -> u32 {
            files.len() as u32
        }
    }
    for engine in witbind_tests::engines() {
        let mut linker = witbind::Linker::<Host>::new(&engine);
        handle_lists::borrowing::HandleLists::add_to_linker(&mut linker, |h| h).unwrap();
    }
}

/// An import named `exports`, or of a package in the namespace `exports`,
/// stays an import (a `Host` trait and `add_to_linker`) beside the
/// `exports` module of the exported interfaces.
#[test]
fn imports_named_exports_stay_imports() {
    struct Host;
    impl import_named_exports::owning::exports_::Host for Host {
        fn f(&mut self) {}
    }
    impl package_named_exports::owning::exports_::pkg::api::Host for Host {
        fn f(&mut self) -> u32 {
            7
        }
    }
    for engine in witbind_tests::engines() {
        let mut linker = witbind::Linker::<Host>::new(&engine);
        import_named_exports::owning::W::add_to_linker(&mut linker, |h| h).unwrap();
        let mut linker = witbind::Linker::<Host>::new(&engine);
        package_named_exports::owning::W::add_to_linker(&mut linker, |h| h).unwrap();
    }
    // The world's own export is still generated as one.
    let _: Option<import_named_exports::owning::exports::test::names::api::Guest> = None;
}

/// A function with more parameters than a Rust tuple has elements links as
/// an import in both ownership modes (its host function lifts them all).
#[test]
fn imports_with_more_than_sixteen_parameters_link() {
    struct Host;
    #[allow(clippy::too_many_arguments)]
    impl many_params::owning::test::many::api::Host for Host {
        fn wide(
            &mut self,
            a0: u32,
            _: u32,
            _: u32,
            _: u32,
            _: u32,
            _: u32,
            _: u32,
            _: u32,
            _: u32,
            _: u32,
            _: u32,
            _: u32,
            _: u32,
            _: u32,
            _: u32,
            a15: u32,
            a16: String,
            a17: Vec<u8>,
            a18: many_params::owning::test::many::api::Pt,
        ) -> u64 {
            u64::from(a0 + a15 + a18.x) + (a16.len() + a17.len()) as u64
        }
    }
    for engine in witbind_tests::engines() {
        let mut linker = witbind::Linker::<Host>::new(&engine);
        many_params::owning::Many::add_to_linker(&mut linker, |h| h).unwrap();
    }
}

/// WIT names that meet the generator's own items, or each other after case
/// conversion, get distinct Rust names (a trailing `_`), never a
/// compilation error.
#[test]
fn clashing_names_get_distinct_rust_names() {
    use name_clashes::owning::test::clashes::api::{
        self, File, Guest_, Host_, HostFile, HostFile_, HostMyRes, HostMyRes_, MyRes, MyRes_,
        MyUrl, MyUrl_,
    };
    use witbind::Resource;

    struct Host;
    impl HostFile for Host {
        fn drop_(&mut self, _: Resource<File>) {}
        fn get_url(&mut self, _: Resource<File>) -> u32 {
            1
        }
        fn get_url_(&mut self, _: Resource<File>) -> u32 {
            2
        }
        fn drop(&mut self, _: Resource<File>) -> witbind::Result<()> {
            Ok(())
        }
    }
    impl HostMyRes for Host {
        fn drop(&mut self, _: Resource<MyRes>) -> witbind::Result<()> {
            Ok(())
        }
    }
    impl HostMyRes_ for Host {
        fn drop(&mut self, _: Resource<MyRes_>) -> witbind::Result<()> {
            Ok(())
        }
    }
    impl api::Host for Host {
        fn use_guest(&mut self, g: Guest_) -> Host_ {
            Host_ { y: g.x }
        }
        fn fallible(&mut self) -> Result<u32, api::Errno> {
            Err(api::Errno::MyUrl_)
        }
        fn failing(&mut self) -> Result<(), api::Failure> {
            Err(api::Failure::Io(api::Errno::NotFound))
        }
        fn get_url(&mut self) -> u32 {
            3
        }
        fn get_url_(&mut self) -> u32 {
            4
        }
    }
    let _ = (MyUrl { a: 1 }, MyUrl_ { b: 2 }, HostFile_ { c: 3 });
    let fields = api::Fields {
        my_url: 1,
        my_url_: 2,
    };
    assert_eq!(fields.my_url + fields.my_url_, 3);
    for engine in witbind_tests::engines() {
        let mut linker = witbind::Linker::<Host>::new(&engine);
        name_clashes::owning::Clashes::add_to_linker(&mut linker, |h| h).unwrap();
    }
    // The export side: `Guest` stays the interface's struct, and the
    // resources' structs and call methods are distinct.
    let _ = |guest: &name_clashes::owning::exports::test::clashes::api::Guest| {
        let _ = (guest.my_res(), guest.my_res_(), guest.file());
    };
}

/// An export named `call-x` next to one named `x` gets its own call method
/// (`call_call_x`) and its own field, at the world and in an interface.
#[test]
fn exports_named_call_something_keep_their_own_methods() {
    use call_names::owning::CallNames;
    use call_names::owning::exports::test::call_names::api::Guest;
    let _ = |store: &mut witbind::Store<()>, world: &CallNames, api: &Guest| {
        let _: witbind::Result<()> = world.call_call_run(&mut *store);
        let _: witbind::Result<()> = world.call_run(&mut *store);
        let _: witbind::Result<u32> = api.call_call_ping(&mut *store);
        let _: witbind::Result<u32> = api.call_ping(&mut *store);
        let _: witbind::Result<()> = api.call_call_call_ping(&mut *store);
    };
}

/// A WIT record without fields is a zero-sized struct: it lowers to no
/// byte and no flat value, lifts back, and links as an import; no
/// component type matches it (components cannot declare one).
#[test]
fn records_without_fields_are_zero_sized() {
    use empty_records::owning::Marker;
    use empty_records::owning::test::empty_records::{shapes, user};
    use shapes::{Either, Holder, Nothing};
    use witbind::ComponentType;

    assert_eq!(
        (Nothing::SIZE32, Nothing::ALIGN32, Nothing::FLAT_COUNT),
        (0, 1, 0)
    );
    assert_eq!(
        (Marker::SIZE32, Marker::ALIGN32, Marker::FLAT_COUNT),
        (0, 1, 0)
    );
    // The empty field takes no room: `n` sits at offset 0.
    assert_eq!((Holder::SIZE32, Holder::FLAT_COUNT), (1, 1));
    witbind_tests::assert_round_trip(&Nothing {});
    witbind_tests::assert_round_trip(&Holder {
        inner: Nothing {},
        n: 7,
    });
    witbind_tests::assert_round_trip(&Either::None(Nothing {}));
    witbind_tests::assert_round_trip(&vec![Nothing {}, Nothing {}]);
    let lowered = witbind_tests::lower(&Holder {
        inner: Nothing {},
        n: 9,
    })
    .unwrap();
    assert_eq!(lowered.flat, vec![9]);

    let unit = witbind::Type::Record(witbind::types::RecordType::new(vec![
        witbind::types::Field {
            name: "a".into(),
            ty: witbind::Type::U8,
        },
    ]));
    let err = Nothing::typecheck(&unit).unwrap_err().to_string();
    assert!(err.contains("type mismatch"), "{err}");

    struct Host;
    impl shapes::Host for Host {
        fn take(
            &mut self,
            a: Nothing,
            b: Vec<Nothing>,
            c: Option<Nothing>,
        ) -> Result<Nothing, Nothing> {
            if b.is_empty() && c.is_none() {
                Ok(a)
            } else {
                Err(a)
            }
        }
        fn wrap(&mut self, h: Holder) -> Either {
            Either::Some(u32::from(h.n))
        }
    }
    impl user::Host for Host {
        fn echo(&mut self, n: Nothing) -> Nothing {
            n
        }
    }
    for engine in witbind_tests::engines() {
        let mut linker = witbind::Linker::<Host>::new(&engine);
        empty_records::owning::EmptyRecords::add_to_linker(&mut linker, |h| h).unwrap();
    }
}

/// WIT flags types of no flag or of more than 32 (which WIT text allows and
/// components do not) hold one `u32` per 32 flags, low word first, as the
/// Canonical ABI laid them out before its limit; lifting ignores bits that
/// name no flag, and no component type matches them.
#[test]
fn flags_of_no_or_many_flags_hold_one_word_per_32() {
    use flags_wide::owning::test::flags_wide::wide::{
        self, Full, Holder, NoneSet, SixtyFive, SixtyFour, ThirtyThree,
    };
    use witbind::{ComponentType, FlatReader, Lift, LiftContext, StringEncoding};

    let layout = |size, align, flat| (size, align, flat);
    assert_eq!(
        layout(NoneSet::SIZE32, NoneSet::ALIGN32, NoneSet::FLAT_COUNT),
        (0, 4, 0)
    );
    assert_eq!(
        layout(
            ThirtyThree::SIZE32,
            ThirtyThree::ALIGN32,
            ThirtyThree::FLAT_COUNT
        ),
        (8, 4, 2)
    );
    assert_eq!(
        layout(SixtyFour::SIZE32, SixtyFour::ALIGN32, SixtyFour::FLAT_COUNT),
        (8, 4, 2)
    );
    assert_eq!(
        layout(SixtyFive::SIZE32, SixtyFive::ALIGN32, SixtyFive::FLAT_COUNT),
        (12, 4, 3)
    );
    assert_eq!(
        layout(Full::SIZE32, Full::ALIGN32, Full::FLAT_COUNT),
        (16, 4, 4)
    );
    assert_eq!(NoneSet::flags().len() + Full::flags().len(), 128);
    assert_eq!(Full::all().bits(), u128::MAX);

    let both = ThirtyThree::T0 | ThirtyThree::T32;
    let lowered = witbind_tests::lower(&both).unwrap();
    assert_eq!(lowered.flat, vec![1, 1]);
    assert_eq!(
        lowered.value_bytes::<ThirtyThree>(),
        &[1, 0, 0, 0, 1, 0, 0, 0]
    );
    let last = witbind_tests::lower(&SixtyFive::G64).unwrap();
    assert_eq!(last.flat, vec![0, 0, 1]);
    for value in [ThirtyThree::all(), ThirtyThree::empty(), both] {
        witbind_tests::assert_round_trip(&value);
    }
    witbind_tests::assert_round_trip(&SixtyFour::all());
    witbind_tests::assert_round_trip(&(SixtyFive::G64 | SixtyFive::G1));
    witbind_tests::assert_round_trip(&(Full::B127 | Full::B31 | Full::B32));
    witbind_tests::assert_round_trip(&NoneSet::empty());
    witbind_tests::assert_round_trip(&Holder {
        narrow: NoneSet::empty(),
        wide: SixtyFive::all(),
    });

    // Bits above the last flag are dropped, in memory and flat.
    let mut cx = LiftContext::new(&[], StringEncoding::Utf8);
    assert_eq!(
        SixtyFive::load(&mut cx, &[0xff; 12]).unwrap(),
        SixtyFive::all()
    );
    let flat = [u64::from(u32::MAX); 3];
    let lifted = SixtyFive::lift_flat(&mut cx, &mut FlatReader::new(&flat)).unwrap();
    assert_eq!(lifted, SixtyFive::all());

    let one = witbind::Type::Flags(witbind::types::FlagsType::new(vec!["a".into()]).unwrap());
    for err in [
        NoneSet::typecheck(&one).unwrap_err(),
        ThirtyThree::typecheck(&one).unwrap_err(),
    ] {
        let text = err.to_string();
        assert!(text.contains("no component can declare"), "{text}");
    }

    struct Host;
    impl wide::Host for Host {
        fn pass(
            &mut self,
            a: NoneSet,
            _: ThirtyThree,
            _: SixtyFour,
            d: SixtyFive,
            _: Full,
        ) -> Holder {
            Holder { narrow: a, wide: d }
        }
    }
    for engine in witbind_tests::engines() {
        let mut linker = witbind::Linker::<Host>::new(&engine);
        flags_wide::owning::FlagsWide::add_to_linker(&mut linker, |h| h).unwrap();
    }
}

/// A WIT type named `link-options` keeps that name unless the world gets
/// a `LinkOptions` of its own (enabled features gate imports): then it is
/// `LinkOptions_`.
#[test]
fn a_type_named_link_options_gives_way_to_the_generated_one() {
    let plain = link_options_name::owning::LinkOptions { verbose: true };
    let renamed = link_options_name_gated::owning::LinkOptions_ { verbose: true };
    let mut options = link_options_name_gated::owning::LinkOptions::default();
    options.extra(true);
    assert_eq!(plain.verbose, renamed.verbose);
}

/// Enums and variants that a `result` names as its error are errors: they
/// display and work with `?` into `Box<dyn Error>` and `anyhow`.
#[test]
fn error_types_of_results_implement_display_and_error() {
    use name_clashes::owning::test::clashes::api::{Errno, Failure};
    fn fails() -> Result<(), Box<dyn std::error::Error>> {
        Err(Failure::Io(Errno::NotFound))?;
        Ok(())
    }
    let err = fails().unwrap_err();
    assert_eq!(err.to_string(), "failure: Io(NotFound)");
    assert_eq!(Errno::Access.to_string(), "errno: Access");
    let any: anyhow::Error = Errno::MyUrl.into();
    assert!(any.downcast_ref::<Errno>().is_some());
}

/// Fixed-length lists are Rust arrays in generated types and signatures.
#[test]
fn fixed_length_lists_are_arrays() {
    use fixed_lists::owning::test::fixed::api::{self, Block, Digest};
    struct Host;
    impl api::Host for Host {
        fn hash(&mut self, data: Vec<u8>) -> Digest {
            [data.len() as u8; 32]
        }
        fn mix(&mut self, b: Block, keys: [[u16; 2]; 4]) -> [Block; 2] {
            let again = Block {
                tag: keys[3][1] as u8,
                ..b.clone()
            };
            [b, again]
        }
    }
    for engine in witbind_tests::engines() {
        let mut linker = witbind::Linker::<Host>::new(&engine);
        fixed_lists::owning::Fixed::add_to_linker(&mut linker, |h| h).unwrap();
    }
    let block = Block {
        tag: 1,
        words: [1, 2, 3],
        names: ["a".into(), "b".into()],
    };
    witbind_tests::assert_round_trip(&block);
}
