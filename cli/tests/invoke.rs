//! `witbind run --invoke`: arguments parsed from WAVE, results printed in
//! WAVE, checked against wasmtime's own component model running the same
//! call (its values printed by wasm-wave's own `Value`), and the errors of
//! calls that cannot be made.

mod common;

use common::{ENGINES, TRAP, TempDir, fixture, wasi_guest, witbind, witbind_with};
use wasm_wave::untyped::UntypedFuncCall;
use wasm_wave::value::{Type as WaveType, Value};
use wasm_wave::wasm::{WasmType, WasmValue};
use wasmtime::component::{Type, Val};

/// The oracle: a fixture instantiated by wasmtime, called through its
/// dynamic `Func`/`Val` API.
struct Oracle {
    store: wasmtime::Store<()>,
    instance: wasmtime::component::Instance,
}

impl Oracle {
    fn new(path: &str) -> Self {
        let engine = wasmtime::Engine::default();
        let component = wasmtime::component::Component::from_file(&engine, path).unwrap();
        let mut store = wasmtime::Store::new(&engine, ());
        let instance = wasmtime::component::Linker::new(&engine)
            .instantiate(&mut store, &component)
            .unwrap();
        Oracle { store, instance }
    }

    /// The results of `call` (`name(args)`), as `--invoke` prints them.
    fn call(&mut self, call: &str) -> String {
        let untyped = UntypedFuncCall::parse(call).unwrap();
        let func = self
            .instance
            .get_func(&mut self.store, untyped.name())
            .unwrap();
        let ty = func.ty(&self.store);
        let params: Vec<Type> = ty.params().map(|(_, t)| t).collect();
        let results: Vec<Type> = ty.results().collect();
        let wave_params: Vec<WaveType> = params.iter().map(wave_type).collect();
        let values: Vec<Value> = untyped.to_wasm_params(&wave_params).unwrap();
        let args: Vec<Val> = values
            .iter()
            .zip(&params)
            .map(|(v, t)| to_val(v, t))
            .collect();
        let mut out = vec![Val::Bool(false); results.len()];
        func.call(&mut self.store, &args, &mut out).unwrap();
        let texts: Vec<String> = out
            .iter()
            .zip(&results)
            .map(|(v, t)| wasm_wave::to_string(&from_val(v, &wave_type(t))).unwrap())
            .collect();
        match texts.as_slice() {
            [one] => one.clone(),
            _ => format!("({})", texts.join(", ")),
        }
    }
}

fn wave_type(ty: &Type) -> WaveType {
    match ty {
        Type::Bool => WaveType::BOOL,
        Type::S8 => WaveType::S8,
        Type::U8 => WaveType::U8,
        Type::S16 => WaveType::S16,
        Type::U16 => WaveType::U16,
        Type::S32 => WaveType::S32,
        Type::U32 => WaveType::U32,
        Type::S64 => WaveType::S64,
        Type::U64 => WaveType::U64,
        Type::Float32 => WaveType::F32,
        Type::Float64 => WaveType::F64,
        Type::Char => WaveType::CHAR,
        Type::String => WaveType::STRING,
        Type::List(l) => WaveType::list(wave_type(&l.ty())),
        Type::Record(r) => {
            WaveType::record(r.fields().map(|f| (f.name, wave_type(&f.ty)))).unwrap()
        }
        Type::Tuple(t) => {
            WaveType::tuple(t.types().map(|t| wave_type(&t)).collect::<Vec<_>>()).unwrap()
        }
        Type::Variant(v) => WaveType::variant(
            v.cases()
                .map(|c| (c.name, c.ty.as_ref().map(wave_type)))
                .collect::<Vec<_>>(),
        )
        .unwrap(),
        Type::Enum(e) => WaveType::enum_ty(e.names()).unwrap(),
        Type::Option(o) => WaveType::option(wave_type(&o.ty())),
        Type::Result(r) => WaveType::result(
            r.ok().as_ref().map(wave_type),
            r.err().as_ref().map(wave_type),
        ),
        Type::Flags(f) => WaveType::flags(f.names()).unwrap(),
        other => panic!("no WAVE type in these tests for {other:?}"),
    }
}

fn boxed(value: Option<std::borrow::Cow<'_, Value>>, ty: Option<Type>) -> Option<Box<Val>> {
    value.map(|v| Box::new(to_val(&v, &ty.unwrap())))
}

fn to_val(value: &Value, ty: &Type) -> Val {
    match ty {
        Type::Bool => Val::Bool(value.unwrap_bool()),
        Type::S8 => Val::S8(value.unwrap_s8()),
        Type::U8 => Val::U8(value.unwrap_u8()),
        Type::S16 => Val::S16(value.unwrap_s16()),
        Type::U16 => Val::U16(value.unwrap_u16()),
        Type::S32 => Val::S32(value.unwrap_s32()),
        Type::U32 => Val::U32(value.unwrap_u32()),
        Type::S64 => Val::S64(value.unwrap_s64()),
        Type::U64 => Val::U64(value.unwrap_u64()),
        Type::Float32 => Val::Float32(value.unwrap_f32()),
        Type::Float64 => Val::Float64(value.unwrap_f64()),
        Type::Char => Val::Char(value.unwrap_char()),
        Type::String => Val::String(value.unwrap_string().into_owned()),
        Type::List(l) => Val::List(value.unwrap_list().map(|v| to_val(&v, &l.ty())).collect()),
        Type::Record(r) => Val::Record(
            value
                .unwrap_record()
                .zip(r.fields())
                .map(|((name, v), f)| (name.into_owned(), to_val(&v, &f.ty)))
                .collect(),
        ),
        Type::Tuple(t) => Val::Tuple(
            value
                .unwrap_tuple()
                .zip(t.types())
                .map(|(v, t)| to_val(&v, &t))
                .collect(),
        ),
        Type::Variant(v) => {
            let (case, payload) = value.unwrap_variant();
            let ty = v.cases().find(|c| c.name == case).unwrap().ty;
            Val::Variant(case.into_owned(), boxed(payload, ty))
        }
        Type::Enum(_) => Val::Enum(value.unwrap_enum().into_owned()),
        Type::Option(o) => Val::Option(boxed(value.unwrap_option(), Some(o.ty()))),
        Type::Result(r) => Val::Result(match value.unwrap_result() {
            Ok(v) => Ok(boxed(v, r.ok())),
            Err(v) => Err(boxed(v, r.err())),
        }),
        Type::Flags(_) => Val::Flags(value.unwrap_flags().map(|f| f.into_owned()).collect()),
        other => panic!("no value in these tests for {other:?}"),
    }
}

fn from_val(value: &Val, ty: &WaveType) -> Value {
    let sub = |v: &Val, t: Option<WaveType>| from_val(v, &t.unwrap());
    match value {
        Val::Bool(v) => Value::make_bool(*v),
        Val::S8(v) => Value::make_s8(*v),
        Val::U8(v) => Value::make_u8(*v),
        Val::S16(v) => Value::make_s16(*v),
        Val::U16(v) => Value::make_u16(*v),
        Val::S32(v) => Value::make_s32(*v),
        Val::U32(v) => Value::make_u32(*v),
        Val::S64(v) => Value::make_s64(*v),
        Val::U64(v) => Value::make_u64(*v),
        Val::Float32(v) => Value::make_f32(*v),
        Val::Float64(v) => Value::make_f64(*v),
        Val::Char(v) => Value::make_char(*v),
        Val::String(v) => Value::make_string(v.as_str().into()),
        Val::List(items) => {
            Value::make_list(ty, items.iter().map(|v| sub(v, ty.list_element_type()))).unwrap()
        }
        Val::Record(fields) => {
            let types: Vec<_> = ty.record_fields().map(|(_, t)| t).collect();
            Value::make_record(
                ty,
                fields
                    .iter()
                    .zip(types)
                    .map(|((name, v), t)| (name.as_str(), from_val(v, &t))),
            )
            .unwrap()
        }
        Val::Tuple(items) => Value::make_tuple(
            ty,
            items
                .iter()
                .zip(ty.tuple_element_types())
                .map(|(v, t)| from_val(v, &t)),
        )
        .unwrap(),
        Val::Variant(case, payload) => {
            let case_ty = ty.variant_cases().find(|(name, _)| name == case).unwrap().1;
            Value::make_variant(ty, case, payload.as_deref().map(|v| sub(v, case_ty))).unwrap()
        }
        Val::Enum(case) => Value::make_enum(ty, case).unwrap(),
        Val::Option(v) => {
            Value::make_option(ty, v.as_deref().map(|v| sub(v, ty.option_some_type()))).unwrap()
        }
        Val::Result(result) => {
            let (ok, err) = ty.result_types().unwrap();
            let value = match result {
                Ok(v) => Ok(v.as_deref().map(|v| sub(v, ok))),
                Err(v) => Err(v.as_deref().map(|v| sub(v, err))),
            };
            Value::make_result(ty, value).unwrap()
        }
        Val::Flags(names) => Value::make_flags(ty, names.iter().map(String::as_str)).unwrap(),
        other => panic!("no WAVE value in these tests for {other:?}"),
    }
}

/// Each call gives what wasmtime gives, on every engine.
fn same_as_wasmtime(fixture_name: &str, calls: &[&str]) {
    let path = fixture(fixture_name);
    let mut oracle = Oracle::new(&path);
    for call in calls {
        let expected = oracle.call(call);
        for engine in ENGINES {
            let out = witbind(&["run", "--engine", engine, "--invoke", call, &path]);
            assert_eq!(out.code, Some(0), "{engine}: {call}: {out:?}");
            assert_eq!(out.stdout, format!("{expected}\n"), "{engine}: {call}");
            assert_eq!(out.stderr, "", "{engine}: {call}");
        }
    }
}

#[test]
fn scalars_match_wasmtime() {
    same_as_wasmtime(
        "numbers",
        &[
            "echo-bool(true)",
            "negate-bool(true)",
            "echo-s8(-128)",
            "echo-u8(255)",
            "echo-s16(-32768)",
            "echo-u16(65535)",
            "echo-s32(-2147483648)",
            "echo-u32(4294967295)",
            "echo-s64(-9223372036854775808)",
            "echo-u64(18446744073709551615)",
            "echo-f32(1.5)",
            "echo-f32(-inf)",
            "echo-f64(-0.25)",
            "echo-f64(nan)",
            "echo-f64(1e300)",
            "add-s32(2147483647, 1)",
            "add-u64(18446744073709551615, 2)",
            "add-f64(0.1, 0.2)",
            r"echo-char('\u{2603}')",
            r"echo-char('\'')",
            "char-to-u32('A')",
            "u32-to-char(65)",
            "u32-to-char(55296)",
        ],
    );
}

#[test]
fn strings_match_wasmtime() {
    let calls = [
        r#"echo("tab\there \"quoted\" ☃ \u{1f44b}")"#,
        r#"echo("")"#,
        r#"repeat("ab", 3)"#,
        r#"reverse-chars("héllo")"#,
        r#"concat("a\n", "b")"#,
        r#"byte-len("☃")"#,
    ];
    same_as_wasmtime("strings", &calls);
    // A guest keeping its strings in UTF-16: transcoded both ways.
    same_as_wasmtime(
        "strings-utf16",
        &[r#"echo("snow ☃ \u{1f44b}")"#, "sample-wide()"],
    );
}

#[test]
fn records_and_tuples_match_wasmtime() {
    same_as_wasmtime(
        "records",
        &[
            "echo-point({x: 1, y: -2})",
            // Fields in any order.
            "translate({y: 2, x: 1}, 10, -20)",
            // An absent `option` field is `none`, and is not printed.
            r#"echo-mixed({flag: true, small: 255, big: 18446744073709551615, ratio: 0.5, name: "n", tags: ["a", "b"], origin: {x: 1, y: 2}})"#,
            r#"echo-mixed({flag: false, small: 0, big: 0, ratio: -1.25, name: "", tags: [], origin: {x: 0, y: 0}, maybe: some(7)})"#,
            r#"touch-mixed({flag: false, small: 255, big: 3, ratio: 2, name: "up", tags: ["x", "y", "z"], origin: {x: -1, y: -1}, maybe: 9})"#,
            r#"swap((7, "seven"))"#,
            r#"echo-tuple((true, 65535, 2.5, 'c', "s"))"#,
            "echo-unit-tuple((5,))",
        ],
    );
}

#[test]
fn variants_options_and_results_match_wasmtime() {
    same_as_wasmtime(
        "variants",
        &[
            "echo-color(blue)",
            "next-color(blue)",
            "echo-shape(circle(1.5))",
            "echo-shape(rect((2, 3.5)))",
            "echo-shape(dot)",
            r#"echo-shape(label("x"))"#,
            "area(rect((2, 3)))",
            "echo-wide(big(18446744073709551615))",
            "echo-wide(real(0.5))",
            "echo-wide(nothing)",
            "echo-option(none)",
            "echo-option(some(3))",
            // WAVE lets an option's `some` go unwritten.
            "echo-option(7)",
            "echo-nested-option(some(none))",
            r#"echo-nested-option(some(some("x")))"#,
            "echo-result(ok(1))",
            r#"echo-result(err("e"))"#,
            "echo-empty-result(ok)",
            "echo-empty-result(err)",
            r#"echo-result-ok-only(ok("x"))"#,
            "echo-result-err-only(err(9))",
            "checked-div(7, 2)",
            "checked-div(1, 0)",
        ],
    );
}

#[test]
fn lists_match_wasmtime() {
    same_as_wasmtime(
        "lists",
        &[
            "echo-bools([true, false, true])",
            "echo-s8s([-1, 0, 127])",
            "echo-u64s([0, 18446744073709551615])",
            "echo-f32s([nan, -inf, 0.5])",
            r"echo-chars(['a', '\n', '☃'])",
            r#"echo-strings(["a", "", "☃"])"#,
            "echo-nested([[1], [], [2, 3]])",
            "echo-pairs([(1, 2), (255, 4294967295)])",
            "echo-options([some(1), none, 3])",
            r#"echo-results([ok(1), err("x")])"#,
            "echo-u8s([])",
            "count-up(5)",
            "reverse-outer([[1, 2], [3]])",
            r#"total-len(["ab", "☃"])"#,
        ],
    );
}

#[test]
fn flags_and_many_arguments_match_wasmtime() {
    same_as_wasmtime(
        "flag-sets",
        &[
            "echo-one({b0})",
            "echo-one({})",
            // Any order in, declaration order out.
            "echo-nine({b8, b0})",
            "invert-nine({b1, b2, b3, b4, b5, b6, b7})",
            "echo-thirty-two({b31, b0, b16})",
            "count-thirty-two({b1, b2, b30})",
        ],
    );
    same_as_wasmtime(
        "many-args",
        &[
            "sum18(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18)",
            r#"sum-mixed(1, -2, 3, -4, 5, -6, 7, -8, 9.9, -10.5, true, 'x', "str", 1, 2, 3)"#,
            r#"join9("a", "b", "c", "d", "e", "f", "g", "h", "i")"#,
            "split(4294967298)",
        ],
    );
}

#[test]
fn printed_results_read_as_their_wave_text() {
    // The oracle and witbind agree; these pin the text itself.
    for engine in ENGINES {
        let invoke = |fixture_name: &str, call: &str| {
            let out = witbind(&[
                "run",
                "--engine",
                engine,
                "--invoke",
                call,
                &fixture(fixture_name),
            ]);
            assert_eq!(out.code, Some(0), "{engine}: {call}: {out:?}");
            out.stdout
        };
        assert_eq!(
            invoke("records", "echo-point({x: 1, y: -2})"),
            "{x: 1, y: -2}\n"
        );
        assert_eq!(invoke("records", r#"swap((7, "x"))"#), "(\"x\", 7)\n");
        assert_eq!(
            invoke("variants", "echo-shape(rect((2, 3.5)))"),
            "rect((2, 3.5))\n"
        );
        assert_eq!(invoke("variants", "echo-option(7)"), "some(7)\n");
        assert_eq!(
            invoke("variants", "checked-div(1, 0)"),
            "err(\"division by zero\")\n"
        );
        assert_eq!(invoke("flag-sets", "echo-nine({b8, b0})"), "{b0, b8}\n");
        assert_eq!(
            invoke("lists", "echo-options([some(1), none])"),
            "[some(1), none]\n"
        );
        assert_eq!(invoke("numbers", r"echo-char('\u{2603}')"), "'☃'\n");
        assert_eq!(invoke("strings", r#"echo("a\"b\n")"#), "\"a\\\"b\\n\"\n");
    }
}

#[test]
fn functions_of_exported_interfaces_are_found_by_any_of_their_names() {
    let hello = wasi_guest("hello");
    for engine in ENGINES {
        // `wasi:cli/run`'s `run`: a bare name, as wasmtime finds it; the
        // interface with or without its version or package; WAVE's form.
        for call in [
            "run()",
            "wasi:cli/run#run()",
            "run#run()",
            "wasi:cli/run@0.2.0#run()",
            "wasi:cli/run.run@0.2.0()",
            "wasi:cli/run.run()",
        ] {
            let out = witbind(&["run", "--engine", engine, "--invoke", call, &hello]);
            assert_eq!(out.code, Some(0), "{engine}: {call}: {out:?}");
            // The guest's output, then `run`'s result.
            assert_eq!(out.stdout, "hello, world\nok\n", "{engine}: {call}");
            assert_eq!(out.stderr, "hello, stderr\n", "{engine}: {call}");
        }
    }
}

#[test]
fn a_guest_exiting_inside_an_invoked_call_exits_the_process() {
    for engine in ENGINES {
        let out = witbind(&[
            "run",
            "--engine",
            engine,
            "--invoke",
            "run()",
            &wasi_guest("exit"),
            "exit-with-code",
            "3",
        ]);
        assert_eq!(out.code, Some(3), "{engine}: {out:?}");
        assert_eq!(out.stdout, "exit: exit-with-code 3\n", "{engine}");
    }
}

/// A component with a function of no results, one that traps, and
/// functions whose parameters or results hold resource handles.
const SPECIAL: &str = r#"(component
  (type $r (resource (rep i32)))
  (core func $new (canon resource.new $r))
  (core module $m
    (import "" "new" (func $new (param i32) (result i32)))
    (func (export "nop"))
    (func (export "boom") unreachable)
    (func (export "make") (result i32) (call $new (i32.const 7)))
    (func (export "take") (param i32 i32)))
  (core instance $i (instantiate $m (with "" (instance (export "new" (func $new))))))
  (export $r2 "r" (type $r))
  (func (export "nop") (canon lift (core func $i "nop")))
  (func (export "boom") (canon lift (core func $i "boom")))
  (func (export "make") (result (own $r2)) (canon lift (core func $i "make")))
  (func (export "take") (param "n" u32) (param "h" (borrow $r2)) (canon lift (core func $i "take")))
)"#;

fn special() -> (TempDir, String) {
    let dir = TempDir::new();
    let path = dir.path().join("special.wasm");
    std::fs::write(&path, wat::parse_str(SPECIAL).unwrap()).unwrap();
    let path = path.to_str().unwrap().to_string();
    (dir, path)
}

#[test]
fn no_results_print_as_the_empty_tuple_and_a_trap_exits_as_one() {
    let (_dir, path) = special();
    for engine in ENGINES {
        let out = witbind(&["run", "--engine", engine, "--invoke", "nop()", &path]);
        assert_eq!(
            (out.code, out.stdout.as_str()),
            (Some(0), "()\n"),
            "{engine}: {out:?}"
        );
        let out = witbind(&["run", "--engine", engine, "--invoke", "boom()", &path]);
        assert_eq!(out.code, Some(TRAP), "{engine}: {out:?}");
        assert!(
            out.stderr.contains("failed to invoke `boom`") && out.stderr.contains("unreachable"),
            "{engine}: {}",
            out.stderr
        );
        assert_eq!(out.stdout, "", "{engine}");
    }
}

#[test]
fn resource_handles_are_refused_before_the_call() {
    let (_dir, path) = special();
    for engine in ENGINES {
        let out = witbind(&["run", "--engine", engine, "--invoke", "make()", &path]);
        assert_eq!(out.code, Some(1), "{engine}: {out:?}");
        assert!(
            out.stderr
                .contains("`make` (func() -> own<r>) returns a resource handle"),
            "{engine}: {}",
            out.stderr
        );
        let out = witbind(&["run", "--engine", engine, "--invoke", "take(1, 2)", &path]);
        assert_eq!(out.code, Some(1), "{engine}: {out:?}");
        assert!(
            out.stderr
                .contains("takes a resource handle in parameter 1 (`borrow<r>`)"),
            "{engine}: {}",
            out.stderr
        );
    }
}

/// `witbind run --invoke CALL` on `fixture_name` fails with code 1 and an
/// error containing each of `expected`, without panicking.
fn fails(fixture_name: &str, call: &str, expected: &[&str]) {
    for engine in ENGINES {
        let out = witbind(&[
            "run",
            "--engine",
            engine,
            "--invoke",
            call,
            &fixture(fixture_name),
        ]);
        assert_eq!(out.code, Some(1), "{engine}: {call}: {out:?}");
        assert_eq!(out.stdout, "", "{engine}: {call}");
        assert!(
            !out.stderr.contains("panicked"),
            "{engine}: {call}: {}",
            out.stderr
        );
        assert_eq!(out.stderr.matches("Error:").count(), 1, "{}", out.stderr);
        for part in expected {
            assert!(
                out.stderr.contains(part),
                "{engine}: {call}: `{part}` in {}",
                out.stderr
            );
        }
    }
}

#[test]
fn wrong_arity_is_an_error_pointing_at_the_call() {
    fails(
        "numbers",
        "add-u32(1)",
        &[
            "invalid arguments for `add-u32` (func(u32, u32) -> u32)",
            "missing required param(s)",
            "add-u32(1)\n",
        ],
    );
    fails(
        "numbers",
        "add-u32(1, 2, 3)",
        &["more param(s) than expected", "add-u32(1, 2, 3)\n", "^"],
    );
    fails(
        "numbers",
        "add-u32()",
        &["no params provided, but 2 required"],
    );
}

#[test]
fn wrong_types_are_errors_naming_the_value() {
    fails(
        "numbers",
        "echo-u8(256)",
        &["invalid arguments for `echo-u8`", "echo-u8(256)"],
    );
    fails(
        "numbers",
        r#"echo-bool("yes")"#,
        &["argument 0 must be a `bool`", "invalid value type"],
    );
    fails(
        "records",
        r#"translate({x: 1, y: 2}, 3, "4")"#,
        &[
            "argument 2 must be a `s32`",
            "translate({x: 1, y: 2}, 3, \"4\")\n",
        ],
    );
    fails(
        "records",
        "echo-point({x: 1})",
        &["missing field \"y\"", "echo-point({x: 1})\n", "^^^^^^"],
    );
    fails(
        "records",
        "echo-point({x: 1, y: 2, z: 3})",
        &["invalid value"],
    );
    fails(
        "variants",
        "echo-color(purple)",
        &["unknown case \"purple\""],
    );
    fails("variants", "echo-shape(circle)", &["missing payload"]);
    fails(
        "variants",
        "echo-empty-result(ok(1))",
        &["invalid arguments"],
    );
    fails("flag-sets", "echo-one({b1})", &["unknown flag \"b1\""]);
    fails("lists", "echo-u8s([1, -1])", &["invalid arguments"]);
    fails(
        "strings",
        r#"echo("unterminated)"#,
        &["echo(\"unterminated)"],
    );
}

#[test]
fn names_that_find_nothing_or_too_much_are_errors_saying_so() {
    fails(
        "records",
        "nope()",
        &["the component exports no function `nope`", "`echo-point`"],
    );
    fails(
        "records",
        "a:b/c#echo-point()",
        &["the component exports no interface `a:b/c`"],
    );
    fails("records", "echo-point", &["expected `NAME(ARGS)`"]);
    fails(
        "records",
        "f@1.0.0()",
        &["a version belongs to an interface"],
    );
    // An interface is not a function.
    let out = witbind(&[
        "run",
        "--invoke",
        "wasi:cli/run@0.2.0()",
        &wasi_guest("hello"),
    ]);
    assert_eq!(out.code, Some(1), "{out:?}");
    assert!(
        out.stderr.contains("invalid function name"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_call_may_span_lines() {
    // The call is one argument: parsed as it is, newlines and all.
    let out = witbind_with(
        &[
            "run",
            "--invoke",
            "concat(\n  \"a\",\n  \"b\",\n)",
            &fixture("strings"),
        ],
        None,
        b"",
        &[],
    );
    assert_eq!(out.code, Some(0), "{out:?}");
    assert_eq!(out.stdout, "\"ab\"\n");
}
