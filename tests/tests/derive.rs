//! The derives and `flags!`: layouts against the spec, round trips through a
//! `VecMemory`, typechecks against `witbind::Type`, and traps on bad input.

use witbind::types::{Case, EnumType, Field, FlagsType, ListType, RecordType, VariantType};
use witbind::{
    ComponentType, FlatReader, Lift, LiftContext, Lower, StringEncoding, Trap, Type, WasmList,
    WasmStr,
};
use witbind_tests::{assert_round_trip, assert_same_as_val, lower};

#[derive(ComponentType, Lift, Lower, Debug, Clone, PartialEq)]
#[component(record)]
struct Point {
    x: i32,
    y: i32,
}

#[derive(ComponentType, Lift, Lower, Debug, Clone, PartialEq)]
#[component(record)]
struct Everything {
    flag: bool,
    big: u64,
    #[component(name = "short-one")]
    short: i16,
    ch: char,
    float: f32,
    double: f64,
    name: String,
    points: Vec<Point>,
    nested: Vec<Vec<u8>>,
    maybe: Option<Point>,
    outcome: Result<u8, String>,
    pair: (u8, u64),
    shape: Shape,
    color: Color,
    perms: Perms,
}

#[derive(ComponentType, Lift, Lower, Debug, Clone, PartialEq)]
#[component(variant)]
enum Shape {
    Empty,
    Circle(f32),
    #[component(name = "big-number")]
    Big(u64),
    Text(String),
    Pair((u8, f64)),
}

#[derive(ComponentType, Lift, Lower, Debug, Clone, Copy, PartialEq)]
#[component(enum)]
enum Color {
    Red,
    #[component(name = "forest-green")]
    Green,
    Blue,
}

witbind::flags! {
    /// Access rights.
    Perms {
        #[component(name = "read")]
        const READ;
        const WRITE;
        const EXEC_ALL;
    }
}

#[test]
fn record_layout_follows_the_spec() {
    assert_eq!(Point::SIZE32, 8);
    assert_eq!(Point::ALIGN32, 4);
    assert_eq!(Point::FLAT_COUNT, 2);
    // A WIT-side layout computed by the dynamic type model agrees.
    let ty = record_type_of_everything();
    assert_eq!(Everything::SIZE32, ty.size32() as usize);
    assert_eq!(Everything::ALIGN32, ty.align32());
    assert_eq!(Everything::FLAT_COUNT, ty.flat_types().len());
}

#[test]
fn variant_layout_joins_payloads() {
    // payloads f32, u64, string, (u8, f64): max flat 2 (string, tuple),
    // max align 8, so the payload starts at 8.
    let ty = shape_type();
    assert_eq!(Shape::SIZE32, ty.size32() as usize);
    assert_eq!(Shape::ALIGN32, ty.align32());
    assert_eq!(Shape::FLAT_COUNT, 1 + 2);
    assert_eq!(Shape::FLAT_COUNT, ty.flat_types().len());
}

fn shape_type() -> Type {
    Type::Variant(VariantType::new(vec![
        Case {
            name: "empty".into(),
            ty: None,
        },
        Case {
            name: "circle".into(),
            ty: Some(Type::F32),
        },
        Case {
            name: "big-number".into(),
            ty: Some(Type::U64),
        },
        Case {
            name: "text".into(),
            ty: Some(Type::String),
        },
        Case {
            name: "pair".into(),
            ty: Some(Type::Tuple(witbind::types::TupleType::new(vec![
                Type::U8,
                Type::F64,
            ]))),
        },
    ]))
}

fn point_type() -> Type {
    Type::Record(RecordType::new(vec![
        Field {
            name: "x".into(),
            ty: Type::S32,
        },
        Field {
            name: "y".into(),
            ty: Type::S32,
        },
    ]))
}

fn color_type() -> Type {
    Type::Enum(EnumType::new(vec![
        "red".into(),
        "forest-green".into(),
        "blue".into(),
    ]))
}

fn perms_type() -> Type {
    Type::Flags(FlagsType::new(vec!["read".into(), "write".into(), "exec-all".into()]).unwrap())
}

fn record_type_of_everything() -> Type {
    use witbind::types::{OptionType, ResultType, TupleType};
    let field = |name: &str, ty| Field {
        name: name.into(),
        ty,
    };
    Type::Record(RecordType::new(vec![
        field("flag", Type::Bool),
        field("big", Type::U64),
        field("short-one", Type::S16),
        field("ch", Type::Char),
        field("float", Type::F32),
        field("double", Type::F64),
        field("name", Type::String),
        field("points", Type::List(ListType::new(point_type()))),
        field(
            "nested",
            Type::List(ListType::new(Type::List(ListType::new(Type::U8)))),
        ),
        field("maybe", Type::Option(OptionType::new(point_type()))),
        field(
            "outcome",
            Type::Result(ResultType::new(Some(Type::U8), Some(Type::String))),
        ),
        field(
            "pair",
            Type::Tuple(TupleType::new(vec![Type::U8, Type::U64])),
        ),
        field("shape", shape_type()),
        field("color", color_type()),
        field("perms", perms_type()),
    ]))
}

fn everything() -> Everything {
    Everything {
        flag: true,
        big: u64::MAX - 3,
        short: -12,
        ch: 'λ',
        float: 1.5,
        double: -2.25,
        name: "hello".into(),
        points: vec![Point { x: 1, y: -1 }, Point { x: 7, y: 9 }],
        nested: vec![vec![1, 2, 3], vec![], vec![4]],
        maybe: Some(Point { x: 3, y: 4 }),
        outcome: Err("bad".into()),
        pair: (9, 1 << 40),
        shape: Shape::Text("circle".into()),
        color: Color::Green,
        perms: Perms::READ | Perms::EXEC_ALL,
    }
}

#[test]
fn derived_types_typecheck_against_their_wit_types() {
    Everything::typecheck(&record_type_of_everything()).unwrap();
    Shape::typecheck(&shape_type()).unwrap();
    Color::typecheck(&color_type()).unwrap();
    Perms::typecheck(&perms_type()).unwrap();
}

#[test]
fn typecheck_errors_name_both_types() {
    let err = Point::typecheck(&Type::U32).unwrap_err().to_string();
    assert!(err.contains("Point") && err.contains("u32"), "{err}");

    let swapped = Type::Record(RecordType::new(vec![
        Field {
            name: "y".into(),
            ty: Type::S32,
        },
        Field {
            name: "x".into(),
            ty: Type::S32,
        },
    ]));
    let err = Point::typecheck(&swapped).unwrap_err().to_string();
    assert!(
        err.contains("Point") && err.contains("record { y: s32, x: s32 }"),
        "{err}"
    );

    let wrong_field = Type::Record(RecordType::new(vec![
        Field {
            name: "x".into(),
            ty: Type::S32,
        },
        Field {
            name: "y".into(),
            ty: Type::String,
        },
    ]));
    let err = format!("{:#}", Point::typecheck(&wrong_field).unwrap_err());
    assert!(
        err.contains("`y` of Rust type `Point`") && err.contains("string"),
        "{err}"
    );

    let reordered = Type::Enum(EnumType::new(vec![
        "red".into(),
        "blue".into(),
        "forest-green".into(),
    ]));
    assert!(Color::typecheck(&reordered).is_err());
    let no_payload = Type::Variant(VariantType::new(vec![
        Case {
            name: "empty".into(),
            ty: None,
        },
        Case {
            name: "circle".into(),
            ty: None,
        },
        Case {
            name: "big-number".into(),
            ty: Some(Type::U64),
        },
        Case {
            name: "text".into(),
            ty: Some(Type::String),
        },
        Case {
            name: "pair".into(),
            ty: None,
        },
    ]));
    let err = format!("{:#}", Shape::typecheck(&no_payload).unwrap_err());
    assert!(err.contains("circle"), "{err}");
    let flags = Type::Flags(FlagsType::new(vec!["read".into(), "write".into()]).unwrap());
    assert!(Perms::typecheck(&flags).is_err());
}

#[test]
fn derived_types_lower_to_the_same_bytes_as_val() {
    assert_same_as_val(&everything(), &record_type_of_everything());
    for shape in [
        Shape::Empty,
        Shape::Circle(2.0),
        Shape::Big(9),
        Shape::Text("t".into()),
    ] {
        assert_same_as_val(&shape, &shape_type());
    }
    assert_same_as_val(&Color::Blue, &color_type());
    assert_same_as_val(&(Perms::READ | Perms::EXEC_ALL), &perms_type());
}

#[test]
fn records_variants_enums_and_flags_round_trip() {
    assert_round_trip(&everything());
    assert_round_trip(&Point {
        x: i32::MIN,
        y: i32::MAX,
    });
    for shape in [
        Shape::Empty,
        Shape::Circle(-0.5),
        Shape::Big(u64::MAX),
        Shape::Text(String::new()),
        Shape::Pair((255, f64::MIN_POSITIVE)),
    ] {
        assert_round_trip(&shape);
    }
    for color in [Color::Red, Color::Green, Color::Blue] {
        assert_round_trip(&color);
    }
    for perms in [Perms::empty(), Perms::all(), Perms::WRITE] {
        assert_round_trip(&perms);
    }
}

#[test]
fn variant_lowering_pads_with_zeros() {
    let lowered = lower(&Shape::Circle(1.0)).unwrap();
    assert_eq!(lowered.flat, vec![1, u64::from(1.0f32.to_bits()), 0]);
    let lowered = lower(&Shape::Empty).unwrap();
    assert_eq!(lowered.flat, vec![0, 0, 0]);
    // In memory: discriminant byte, payload at offset 8.
    let lowered = lower(&Shape::Big(0x0102_0304_0506_0708)).unwrap();
    let bytes = lowered.value_bytes::<Shape>();
    assert_eq!(bytes[0], 2);
    assert_eq!(&bytes[8..16], &0x0102_0304_0506_0708u64.to_le_bytes());
}

fn lift_flat<T: for<'a> Lift<'a>>(flat: &[u64]) -> witbind::Result<T> {
    let mut cx = LiftContext::new(&[], StringEncoding::Utf8);
    T::lift_flat(&mut cx, &mut FlatReader::new(flat))
}

fn load<T: for<'a> Lift<'a>>(bytes: &[u8]) -> witbind::Result<T> {
    let mut cx = LiftContext::new(&[], StringEncoding::Utf8);
    T::load(&mut cx, bytes)
}

#[test]
fn invalid_discriminants_trap() {
    let err = lift_flat::<Shape>(&[5, 0, 0]).unwrap_err();
    assert_eq!(
        err.downcast_ref::<Trap>(),
        Some(&Trap::InvalidDiscriminant {
            discriminant: 5,
            cases: 5
        })
    );
    let err = load::<Color>(&[3]).unwrap_err();
    assert_eq!(
        err.downcast_ref::<Trap>(),
        Some(&Trap::InvalidDiscriminant {
            discriminant: 3,
            cases: 3
        })
    );
    let mut bytes = [0u8; 24];
    bytes[0] = 9;
    assert!(load::<Shape>(&bytes).is_err());
    // Too few flat values is a trap too, not a panic.
    let err = lift_flat::<Shape>(&[1]).unwrap_err();
    assert!(matches!(
        err.downcast_ref::<Trap>(),
        Some(Trap::MissingFlatValue { .. })
    ));
}

#[test]
fn joined_flat_slots_are_truncated_when_lifting() {
    // `circle` carries an f32 in a slot joined with i64 (`big-number`): the
    // high bits of the slot are ignored.
    let bits = u64::from(2.5f32.to_bits()) | 0xdead_beef_0000_0000;
    assert_eq!(
        lift_flat::<Shape>(&[1, bits, 0]).unwrap(),
        Shape::Circle(2.5)
    );
}

#[test]
fn flags_ignore_undeclared_bits_when_lifting() {
    assert_eq!(lift_flat::<Perms>(&[0xff]).unwrap(), Perms::all());
    assert_eq!(load::<Perms>(&[0b1010]).unwrap(), Perms::WRITE);
}

#[test]
fn flags_behave_like_bitflags() {
    let rw = Perms::READ | Perms::WRITE;
    assert!(rw.contains(Perms::READ) && !rw.contains(Perms::EXEC_ALL));
    assert_eq!(rw & Perms::WRITE, Perms::WRITE);
    assert_eq!(rw ^ Perms::READ, Perms::WRITE);
    assert_eq!(!rw, Perms::EXEC_ALL);
    assert_eq!(rw - Perms::READ, Perms::WRITE);
    assert!(Perms::empty().is_empty() && Perms::all().is_all());
    assert_eq!(
        rw.iter().collect::<Vec<_>>(),
        vec![Perms::READ, Perms::WRITE]
    );
    assert_eq!(rw.into_iter().collect::<Perms>(), rw);
    assert_eq!(format!("{rw:?}"), "Perms(READ | WRITE)");
    assert_eq!(format!("{:?}", Perms::empty()), "Perms()");
    assert_eq!(Perms::from_bits(0b1000), None);
    assert_eq!(Perms::from_bits_truncate(0b1001), Perms::READ);
    assert_eq!(Perms::wit_names(), &["read", "write", "exec-all"]);
    assert_eq!(Perms::names(), &["READ", "WRITE", "EXEC_ALL"]);
}

macro_rules! flag_sizes {
    ($($name:ident: $count:literal => $size:literal { $($flag:ident)* })*) => {$(
        witbind::flags! { $name { $(const $flag;)* } }
    )*
    #[test]
    fn flags_sizes_follow_the_count() {$(
        assert_eq!($name::flags().len(), $count);
        assert_eq!($name::SIZE32, $size);
        assert_eq!($name::ALIGN32, $size);
        assert_eq!($name::FLAT_COUNT, 1);
        let ty = Type::Flags(FlagsType::new($name::wit_names().iter().map(|s| s.to_string()).collect()).unwrap());
        assert_eq!(ty.size32() as usize, $size);
        $name::typecheck(&ty).unwrap();
        assert_round_trip(&$name::all());
        let last = $name::flags()[$count - 1];
        assert_round_trip(&last);
        assert_eq!(lower(&last).unwrap().flat, vec![1u64 << ($count - 1)]);
    )*}
    };
}

flag_sizes! {
    One: 1 => 1 { A }
    Eight: 8 => 1 { A B C D E F G H }
    Nine: 9 => 2 { A B C D E F G H I }
    Seventeen: 17 => 4 { A B C D E F G H I J K L M N O P Q }
    ThirtyTwo: 32 => 4 {
        A B C D E F G H I J K L M N O P Q R S T U V W X Y Z
        A1 B1 C1 D1 E1 F1
    }
}

/// An enum of 300 cases needs a 2-byte discriminant.
#[derive(ComponentType, Lift, Lower, Debug, Clone, Copy, PartialEq)]
#[component(enum)]
#[rustfmt::skip]
enum Big { C0, C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, C13, C14, C15, C16, C17, C18, C19, C20, C21, C22, C23, C24, C25, C26, C27, C28, C29, C30, C31, C32, C33, C34, C35, C36, C37, C38, C39, C40, C41, C42, C43, C44, C45, C46, C47, C48, C49, C50, C51, C52, C53, C54, C55, C56, C57, C58, C59, C60, C61, C62, C63, C64, C65, C66, C67, C68, C69, C70, C71, C72, C73, C74, C75, C76, C77, C78, C79, C80, C81, C82, C83, C84, C85, C86, C87, C88, C89, C90, C91, C92, C93, C94, C95, C96, C97, C98, C99, C100, C101, C102, C103, C104, C105, C106, C107, C108, C109, C110, C111, C112, C113, C114, C115, C116, C117, C118, C119, C120, C121, C122, C123, C124, C125, C126, C127, C128, C129, C130, C131, C132, C133, C134, C135, C136, C137, C138, C139, C140, C141, C142, C143, C144, C145, C146, C147, C148, C149, C150, C151, C152, C153, C154, C155, C156, C157, C158, C159, C160, C161, C162, C163, C164, C165, C166, C167, C168, C169, C170, C171, C172, C173, C174, C175, C176, C177, C178, C179, C180, C181, C182, C183, C184, C185, C186, C187, C188, C189, C190, C191, C192, C193, C194, C195, C196, C197, C198, C199, C200, C201, C202, C203, C204, C205, C206, C207, C208, C209, C210, C211, C212, C213, C214, C215, C216, C217, C218, C219, C220, C221, C222, C223, C224, C225, C226, C227, C228, C229, C230, C231, C232, C233, C234, C235, C236, C237, C238, C239, C240, C241, C242, C243, C244, C245, C246, C247, C248, C249, C250, C251, C252, C253, C254, C255, C256, C257, C258, C259, C260, C261, C262, C263, C264, C265, C266, C267, C268, C269, C270, C271, C272, C273, C274, C275, C276, C277, C278, C279, C280, C281, C282, C283, C284, C285, C286, C287, C288, C289, C290, C291, C292, C293, C294, C295, C296, C297, C298, C299, }

#[test]
fn enums_over_256_cases_use_two_byte_discriminants() {
    let ty = Type::Enum(EnumType::new((0..300).map(|i| format!("c{i}")).collect()));
    Big::typecheck(&ty).unwrap();
    assert_eq!(Big::SIZE32, 2);
    assert_eq!(Big::ALIGN32, 2);
    assert_eq!(ty.size32(), 2);
    assert_round_trip(&Big::C299);
    assert_round_trip(&Big::C256);
    let lowered = lower(&Big::C299).unwrap();
    assert_eq!(lowered.value_bytes::<Big>(), &299u16.to_le_bytes());
    assert_eq!(lowered.flat, vec![299]);
    assert_eq!(load::<Big>(&299u16.to_le_bytes()).unwrap(), Big::C299);
    assert!(load::<Big>(&300u16.to_le_bytes()).is_err());
}

/// A record borrowing guest memory: lift-only, zero-copy.
#[derive(ComponentType, Lift, Debug)]
#[component(record)]
struct Borrowed<'a> {
    name: WasmStr<'a>,
    data: WasmList<'a, u16>,
    id: u32,
}

#[derive(ComponentType, Lift, Lower, Debug, Clone, PartialEq)]
#[component(record)]
struct OwnedTwin {
    name: String,
    data: Vec<u16>,
    id: u32,
}

#[test]
fn records_with_a_lifetime_borrow_guest_memory() {
    let value = OwnedTwin {
        name: "zero-copy".into(),
        data: vec![1, 2, 65535],
        id: 77,
    };
    let lowered = lower(&value).unwrap();
    let memory = lowered.stored.bytes();
    let mut cx = LiftContext::new(memory, StringEncoding::Utf8);
    let borrowed = Borrowed::load(&mut cx, lowered.value_bytes::<OwnedTwin>()).unwrap();
    assert_eq!(borrowed.name.as_utf8(), Some("zero-copy"));
    assert_eq!(
        borrowed.data.iter().map(Result::unwrap).collect::<Vec<_>>(),
        vec![1, 2, 65535]
    );
    assert_eq!(borrowed.id, 77);
    assert_eq!(Borrowed::SIZE32, OwnedTwin::SIZE32);
}

/// A generic record: bounds are added per field.
#[derive(ComponentType, Lift, Lower, Debug, Clone, PartialEq)]
#[component(record)]
struct Pair<T> {
    first: T,
    second: Option<T>,
}

#[test]
fn generic_records_round_trip() {
    assert_round_trip(&Pair {
        first: 5u64,
        second: None,
    });
    assert_round_trip(&Pair {
        first: "a".to_string(),
        second: Some("b".to_string()),
    });
    assert_eq!(Pair::<u8>::SIZE32, 3);
}

/// A record holding a `ResourceAny`, whose resource type only the value knows.
#[derive(ComponentType, Lower)]
#[component(record)]
struct Entry {
    name: String,
    handle: witbind::ResourceAny,
}

/// A variant with a `ResourceAny` payload.
#[derive(ComponentType, Lower)]
#[component(variant)]
enum Event {
    Opened(witbind::ResourceAny),
    Closed(String),
}

#[test]
fn derived_types_check_the_resource_type_of_every_handle_they_hold() {
    use witbind::{Resource, ResourceAny, ResourceTables};
    struct File;
    struct Socket;
    let (file, socket) = (
        Resource::<File>::resource_type(),
        Resource::<Socket>::resource_type(),
    );
    let entry_type = |handle: &witbind::types::ResourceType| {
        Type::Record(RecordType::new(vec![
            Field {
                name: "name".into(),
                ty: Type::String,
            },
            Field {
                name: "handle".into(),
                ty: Type::Own(handle.clone()),
            },
        ]))
    };
    let event_type = |handle: &witbind::types::ResourceType| {
        Type::Variant(VariantType::new(vec![
            Case {
                name: "opened".into(),
                ty: Some(Type::Own(handle.clone())),
            },
            Case {
                name: "closed".into(),
                ty: Some(Type::String),
            },
        ]))
    };
    const { assert!(Entry::MAY_HOLD_HANDLES && Event::MAY_HOLD_HANDLES) };
    const { assert!(!<Point as ComponentType>::MAY_HOLD_HANDLES) };

    let mut tables = ResourceTables::new();
    let handle = ResourceAny::try_from_resource(Resource::<File>::new_own(1), &mut tables).unwrap();
    let entries = vec![Entry {
        name: "a".into(),
        handle,
    }];
    let list = |t: Type| Type::List(ListType::new(t));
    Entry::typecheck(&entry_type(&socket)).unwrap();
    entries.check_handles(&list(entry_type(&file))).unwrap();
    let err = entries
        .check_handles(&list(entry_type(&socket)))
        .unwrap_err();
    assert!(
        matches!(
            err.downcast_ref::<Trap>(),
            Some(Trap::WrongHandleType { .. })
        ),
        "{err:?}"
    );

    let handle = ResourceAny::try_from_resource(Resource::<File>::new_own(2), &mut tables).unwrap();
    let opened = Some(Event::Opened(handle));
    let option = |t: Type| Type::Option(witbind::types::OptionType::new(t));
    opened.check_handles(&option(event_type(&file))).unwrap();
    assert!(opened.check_handles(&option(event_type(&socket))).is_err());
    // A case without a handle has nothing to check.
    let closed = Event::Closed("x".into());
    closed.check_handles(&event_type(&socket)).unwrap();
}

/// A tuple of 17 elements, longer than the Rust tuples witbind implements
/// the traits for.
#[derive(ComponentType, Lift, Lower, Debug, PartialEq)]
#[component(tuple)]
struct Wide(
    u8,
    u64,
    u8,
    f32,
    u16,
    String,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    Option<u32>,
);

fn wide_type() -> Type {
    let mut types = vec![
        Type::U8,
        Type::U64,
        Type::U8,
        Type::F32,
        Type::U16,
        Type::String,
    ];
    types.extend(std::iter::repeat_n(Type::U8, 10));
    types.push(Type::Option(witbind::types::OptionType::new(Type::U32)));
    Type::Tuple(witbind::types::TupleType::new(types))
}

#[test]
fn tuple_structs_lay_out_and_travel_as_tuples() {
    let ty = wide_type();
    assert_eq!(Wide::SIZE32, ty.size32() as usize);
    assert_eq!(Wide::ALIGN32, ty.align32());
    assert_eq!(Wide::FLAT_COUNT, ty.flat_types().len());
    Wide::typecheck(&ty).unwrap();
    let value = Wide(
        1,
        2,
        3,
        4.5,
        6,
        "seven".into(),
        8,
        9,
        10,
        11,
        12,
        13,
        14,
        15,
        16,
        17,
        Some(18),
    );
    assert_round_trip(&value);
    assert_same_as_val(&value, &ty);
    // Another length, or a record, is not this tuple.
    let Type::Tuple(t) = &ty else { unreachable!() };
    let shorter = Type::Tuple(witbind::types::TupleType::new(t.types()[1..].to_vec()));
    assert!(Wide::typecheck(&shorter).is_err());
    assert!(Wide::typecheck(&point_type()).is_err());
}

/// A record of maps: `HashMap`, `BTreeMap` and a list of pairs.
#[derive(ComponentType, witbind::Lift, witbind::Lower, Debug, PartialEq)]
#[component(record)]
struct Scores {
    by_name: std::collections::HashMap<String, u32>,
    ordered: std::collections::BTreeMap<u8, String>,
    raw: Vec<(char, bool)>,
}

/// A variant with a map payload.
#[derive(ComponentType, witbind::Lift, witbind::Lower, Debug, PartialEq)]
#[component(variant)]
enum Lookup {
    #[component(name = "hit")]
    Hit(std::collections::BTreeMap<String, String>),
    #[component(name = "miss")]
    Miss,
}

#[test]
fn derived_types_hold_maps() {
    use witbind::types::{MapType, TupleType};
    let map = |k: Type, v: Type| Type::Map(MapType::new(k, v));
    let scores_type = Type::Record(RecordType::new(vec![
        Field {
            name: "by-name".into(),
            ty: map(Type::String, Type::U32),
        },
        Field {
            name: "ordered".into(),
            ty: map(Type::U8, Type::String),
        },
        Field {
            name: "raw".into(),
            ty: map(Type::Char, Type::Bool),
        },
    ]));
    Scores::typecheck(&scores_type).unwrap();
    // The list of pairs also fits the list type a map travels as.
    let as_list = Type::List(ListType::new(Type::Tuple(TupleType::new(vec![
        Type::Char,
        Type::Bool,
    ]))));
    <Vec<(char, bool)>>::typecheck(&as_list).unwrap();

    // One entry per map: a `HashMap`'s order is not fixed, and `Val` keeps it.
    let scores = Scores {
        by_name: [("ann".to_string(), 3)].into(),
        ordered: [(2, "two".to_string()), (1, "one".to_string())].into(),
        raw: vec![('y', true), ('x', false)],
    };
    assert_round_trip(&scores);
    assert_same_as_val(&scores, &scores_type);

    let lookup_type = Type::Variant(VariantType::new(vec![
        Case {
            name: "hit".into(),
            ty: Some(map(Type::String, Type::String)),
        },
        Case {
            name: "miss".into(),
            ty: None,
        },
    ]));
    Lookup::typecheck(&lookup_type).unwrap();
    let hit = Lookup::Hit([("k".to_string(), "v".to_string())].into());
    assert_round_trip(&hit);
    assert_same_as_val(&hit, &lookup_type);
    assert_round_trip(&Lookup::Miss);
}
