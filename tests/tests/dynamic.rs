//! The dynamic API: `Val`s as parameters and results of typed calls (exports and host
//! functions), and `func_new` host functions that create and receive host resources through
//! the store. Every test runs on both engines.

use witbind::{
    Component, Engine, Instance, Linker, Resource, ResourceAny, Store, StoreContextMut, Trap, Val,
};
use witbind_tests::fixtures;
use witbind_tests::oracle::{HostEvent, HostState};

fn instantiate(engine: &Engine, fixture: &str) -> (Store<()>, Instance) {
    let component = Component::from_file(engine, fixtures::path(fixture)).expect("load");
    let mut store = Store::new(engine, ());
    let instance = Linker::new(engine)
        .instantiate(&mut store, &component)
        .expect("instantiate");
    (store, instance)
}

fn some(value: Val) -> Option<Box<Val>> {
    Some(Box::new(value))
}

#[test]
fn vals_stand_for_parameters_and_results_of_typed_exports() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let (mut store, instance) = instantiate(&engine, "variants");

        let echo = instance
            .get_typed_func::<(Val,), (Val,)>(&mut store, "echo-shape")
            .unwrap();
        let rect = Val::Variant(
            "rect".into(),
            some(Val::Tuple(vec![Val::Float64(2.0), Val::Float64(3.5)])),
        );
        assert_eq!(
            echo.call(&mut store, (rect.clone(),)).unwrap(),
            (rect,),
            "{backend}"
        );

        // Partly typed: a typed parameter beside a `Val`, a `Val` result.
        let div = instance
            .get_typed_func::<(u32, Val), (Val,)>(&mut store, "checked-div")
            .unwrap();
        assert_eq!(
            div.call(&mut store, (7, Val::U32(2))).unwrap(),
            (Val::Result(Ok(some(Val::U32(3)))),),
            "{backend}"
        );
        assert_eq!(
            div.call(&mut store, (1, Val::U32(0))).unwrap(),
            (Val::Result(Err(some(Val::String(
                "division by zero".into()
            )))),),
            "{backend}"
        );
        // A `Val` that does not fit its place is the host's error, found before the guest
        // runs: the instance stays usable.
        let err = div
            .call(&mut store, (1, Val::String("two".into())))
            .unwrap_err();
        assert!(format!("{err:#}").contains("u32"), "{backend}: {err:#}");
        assert_eq!(
            div.call(&mut store, (9, Val::U32(3))).unwrap(),
            (Val::Result(Ok(some(Val::U32(3)))),),
            "{backend}"
        );

        // `&Val` lowers like `Val`, without giving up the value.
        let option = instance
            .get_typed_func::<(&Val,), (Option<u32>,)>(&mut store, "echo-option")
            .unwrap();
        let none = Val::Option(None);
        assert_eq!(
            option.call(&mut store, (&none,)).unwrap(),
            (None,),
            "{backend}"
        );
    }
}

#[test]
fn vals_take_their_place_in_spilled_parameters_and_results() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let (mut store, instance) = instantiate(&engine, "many-args");

        // 17 flat parameters: the tuple goes to memory, the `Val` at the string's offset.
        type Mixed = (u8, i8, u16, i16, u32, i32, u64, i64, f32, f64, bool, char);
        let typed = instance
            .get_typed_func::<(
                u8,
                i8,
                u16,
                i16,
                u32,
                i32,
                u64,
                i64,
                f32,
                f64,
                bool,
                char,
                &str,
                u8,
                u8,
                u8,
            ), (i64,)>(&mut store, "sum-mixed")
            .unwrap();
        let head: Mixed = (1, -2, 3, -4, 5, -6, 7, -8, 9.5, -10.5, true, 'x');
        let (a, b, c, d, e, f, g, h, i, j, k, l) = head;
        let expected = typed
            .call(
                &mut store,
                (a, b, c, d, e, f, g, h, i, j, k, l, "héllo", 13, 14, 15),
            )
            .unwrap();
        let partly = instance
            .get_typed_func::<(
                u8,
                i8,
                u16,
                i16,
                u32,
                i32,
                u64,
                i64,
                f32,
                f64,
                bool,
                Val,
                Val,
                u8,
                u8,
                Val,
            ), (Val,)>(&mut store, "sum-mixed")
            .unwrap();
        let got = partly
            .call(
                &mut store,
                (
                    a,
                    b,
                    c,
                    d,
                    e,
                    f,
                    g,
                    h,
                    i,
                    j,
                    k,
                    Val::Char(l),
                    Val::String("héllo".into()),
                    13,
                    14,
                    Val::U8(15),
                ),
            )
            .unwrap();
        assert_eq!(got, (Val::S64(expected.0),), "{backend}");

        // Four flat results come back through memory: as one `Val`, or as a tuple mixing
        // typed elements and `Val`s.
        let x = 0x1234_5678_9abc_def0_u64;
        let whole = instance
            .get_typed_func::<(u64,), (Val,)>(&mut store, "split")
            .unwrap();
        assert_eq!(
            whole.call(&mut store, (x,)).unwrap(),
            (Val::Tuple(vec![
                Val::U32(0x9abc_def0),
                Val::U32(0x1234_5678),
                Val::U16(0xdef0),
                Val::U8(0xf0),
            ]),),
            "{backend}"
        );
        let mixed = instance
            .get_typed_func::<(Val,), ((u32, Val, u16, Val),)>(&mut store, "split")
            .unwrap();
        assert_eq!(
            mixed.call(&mut store, (Val::U64(x),)).unwrap(),
            ((0x9abc_def0, Val::U32(0x1234_5678), 0xdef0, Val::U8(0xf0)),),
            "{backend}"
        );

        // Nine strings (18 flat values), some typed, some `Val`s.
        let join = instance
            .get_typed_func::<(Val, &str, Val, &str, Val, &str, Val, &str, Val), (String,)>(
                &mut store, "join9",
            )
            .unwrap();
        let s = |t: &str| Val::String(t.into());
        let (joined,) = join
            .call(
                &mut store,
                (s("a"), "b", s("c"), "d", s("e"), "f", s("g"), "h", s("i")),
            )
            .unwrap();
        assert_eq!(joined, "a,b,c,d,e,f,g,h,i", "{backend}");
    }
}

#[test]
fn a_val_nested_in_a_typed_container_is_refused_with_its_reason() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let (mut store, instance) = instantiate(&engine, "variants");
        let func = instance.get_func(&mut store, "echo-option").unwrap();
        let err = func.typed::<(Option<Val>,), (Val,)>().unwrap_err();
        let text = format!("{err:#}");
        assert!(text.contains("echo-option"), "{backend}: {text}");
        assert!(
            text.contains("a `Val` can stand for a whole parameter"),
            "{backend}: {text}"
        );
        let err = func.typed::<(Val,), (Option<Val>,)>().unwrap_err();
        assert!(format!("{err:#}").contains("`Val`"), "{backend}: {err:#}");
        // The arity still counts.
        assert!(func.typed::<(Val, Val), (Val,)>().is_err(), "{backend}");
        // A list of `Val`s is refused; the list as one `Val` is not.
        let (mut store, instance) = instantiate(&engine, "lists");
        let strings = instance.get_func(&mut store, "echo-strings").unwrap();
        assert!(strings.typed::<(Vec<Val>,), (Val,)>().is_err(), "{backend}");
        let echo = strings.typed::<(Val,), (Val,)>().unwrap();
        let list = Val::List(vec![Val::String("a".into()), Val::String("bc".into())]);
        assert_eq!(
            echo.call(&mut store, (list.clone(),)).unwrap(),
            (list,),
            "{backend}"
        );
    }
}

#[test]
fn typed_host_functions_take_and_return_vals() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let component = Component::from_file(&engine, fixtures::path("host-calls")).unwrap();
        let mut linker = Linker::<HostState>::new(&engine);
        let mut root = linker.root();
        root.func_wrap("add", |_, (a, b): (u32, Val)| match b {
            Val::U32(b) => Ok((Val::U32(a.wrapping_add(b)),)),
            other => anyhow::bail!("`b` is a u32, got {other:?}"),
        })
        .unwrap();
        root.func_wrap(
            "log",
            |mut store: StoreContextMut<'_, HostState>, (msg,): (Val,)| match msg {
                Val::String(msg) => {
                    store.data_mut().log(msg);
                    Ok(())
                }
                other => anyhow::bail!("`msg` is a string, got {other:?}"),
            },
        )
        .unwrap();
        root.func_wrap("lookup", |_, (key,): (Val,)| {
            let Val::String(key) = key else {
                anyhow::bail!("`key` is a string");
            };
            let found = HostState::lookup(&key).map(|v| Box::new(Val::String(v)));
            Ok((Val::Option(found),))
        })
        .unwrap();
        root.func_wrap("numbers", |_, (n,): (u32,)| {
            let list = HostState::numbers(n)?.into_iter().map(Val::U32).collect();
            Ok((Val::List(list),))
        })
        .unwrap();
        let mut store = Store::new(&engine, HostState::default());
        let instance = linker.instantiate(&mut store, &component).unwrap();
        let greet = instance
            .get_typed_func::<(&str,), (String,)>(&mut store, "greet")
            .unwrap();
        assert_eq!(
            greet.call(&mut store, ("alice",)).unwrap().0,
            "hello alice (admin)",
            "{backend}"
        );
        assert_eq!(
            greet.call(&mut store, ("carol",)).unwrap().0,
            "hello carol (?)",
            "{backend}"
        );
        let double = instance
            .get_typed_func::<(u32,), (u32,)>(&mut store, "double-plus-one")
            .unwrap();
        assert_eq!(double.call(&mut store, (20,)).unwrap(), (41,), "{backend}");
        let sum = instance
            .get_typed_func::<(u32,), (u64,)>(&mut store, "sum-numbers")
            .unwrap();
        assert_eq!(sum.call(&mut store, (100,)).unwrap(), (5050,), "{backend}");
        assert_eq!(
            store.data().events,
            [
                HostEvent::Log("greet:alice".into()),
                HostEvent::Log("greet:carol".into())
            ],
            "{backend}"
        );
    }
}

/// The host's `counter` on this side.
struct Counter;

/// Another host resource type, to convert to by mistake.
struct NotACounter;

/// The rep of the host counter behind `value`, a borrowed handle the guest passed.
fn borrowed_counter(
    store: &mut StoreContextMut<'_, HostState>,
    value: &Val,
) -> witbind::Result<u32> {
    let Val::Resource(any) = value else {
        anyhow::bail!("expected a counter handle, got {value:?}");
    };
    // The wrong Rust type is an error, and leaves the handle usable.
    let wrong = Resource::<NotACounter>::try_from_resource_any(any.clone(), &mut *store);
    let err = wrong
        .err()
        .ok_or_else(|| anyhow::anyhow!("a counter converted to another type"))?;
    if !format!("{err:#}").contains("NotACounter") {
        anyhow::bail!("the error does not name the type asked for: {err:#}");
    }
    let counter = Resource::<Counter>::try_from_resource_any(any.clone(), &mut *store)?;
    if counter.owned() {
        anyhow::bail!("a `borrow<counter>` arrived owned");
    }
    Ok(counter.rep())
}

/// The `host-side` interface of the `resources` fixture, every function defined with
/// `func_new`.
fn dynamic_host_side(engine: &Engine) -> Linker<HostState> {
    let mut linker = Linker::<HostState>::new(engine);
    let mut host = linker.instance("witbind:guests/host-side").unwrap();
    host.resource::<Counter>("counter", |mut store, rep| {
        store.data_mut().counter_drop(rep)
    })
    .unwrap();
    host.func_new("[constructor]counter", |mut store, ty, params, results| {
        assert_eq!(ty.params().map(|(n, _)| n).collect::<Vec<_>>(), ["start"]);
        let &[Val::U32(start)] = params else {
            anyhow::bail!("`start` is a u32");
        };
        let rep = store.data_mut().counter_new(start);
        let any = ResourceAny::try_from_resource(Resource::<Counter>::new_own(rep), &mut store)?;
        results[0] = Val::Resource(any);
        Ok(())
    })
    .unwrap();
    host.func_new("[method]counter.get", |mut store, _, params, results| {
        let rep = borrowed_counter(&mut store, &params[0])?;
        results[0] = Val::U32(store.data().counter_get(rep)?);
        Ok(())
    })
    .unwrap();
    host.func_new("[method]counter.increment", |mut store, _, params, _| {
        let rep = borrowed_counter(&mut store, &params[0])?;
        store.data_mut().counter_increment(rep)
    })
    .unwrap();
    host.func_new("stack-dropped", |mut store, _, params, _| {
        let &[Val::U32(id)] = params else {
            anyhow::bail!("`id` is a u32");
        };
        store.data_mut().stack_dropped(id);
        Ok(())
    })
    .unwrap();
    linker
}

fn resource_of(value: &Val) -> ResourceAny {
    match value {
        Val::Resource(any) => any.clone(),
        other => panic!("expected a resource, got {other:?}"),
    }
}

#[test]
fn func_new_functions_create_and_receive_host_resources() {
    const API: &str = "witbind:guests/guest-side";
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let component = Component::from_file(&engine, fixtures::path("resources")).unwrap();
        let linker = dynamic_host_side(&engine);
        let mut store = Store::new(&engine, HostState::default());
        let instance = linker.instantiate(&mut store, &component).unwrap();
        let func =
            |store: &mut Store<HostState>, name| instance.get_func(store, (API, name)).unwrap();
        let mut one = [Val::Bool(false)];

        // The guest calls the dynamic constructor, which made the host resource a handle.
        func(&mut store, "make-counter")
            .call(&mut store, &[Val::U32(5)], &mut one)
            .unwrap();
        let counter = resource_of(&one[0]);
        assert!(Resource::<Counter>::is_type(counter.ty()), "{backend}");
        assert!(counter.owned(), "{backend}");

        // The guest calls the dynamic methods with borrows of it.
        let borrow = Val::Resource(counter.as_borrow().into_inner());
        func(&mut store, "bump-counter")
            .call(&mut store, &[borrow.clone(), Val::U32(3)], &mut [])
            .unwrap();
        func(&mut store, "read-counter")
            .call(&mut store, &[borrow], &mut one)
            .unwrap();
        assert_eq!(one[0], Val::U32(8), "{backend}");

        // The guest takes it, reads it and drops it: the host's destructor runs.
        func(&mut store, "consume-counter")
            .call(&mut store, &[Val::Resource(counter)], &mut one)
            .unwrap();
        assert_eq!(one[0], Val::U32(8), "{backend}");
        assert_eq!(
            store.data().events,
            [HostEvent::CounterDropped(0)],
            "{backend}"
        );

        // Outside a host function, a handle the host holds converts back through the store
        // (which finds the instance holding it), and a new one has no instance to go to.
        func(&mut store, "make-counter")
            .call(&mut store, &[Val::U32(1)], &mut one)
            .unwrap();
        let wrong =
            Resource::<NotACounter>::try_from_resource_any(resource_of(&one[0]), &mut store);
        assert!(wrong.is_err(), "{backend}");
        let counter =
            Resource::<Counter>::try_from_resource_any(resource_of(&one[0]), &mut store).unwrap();
        assert!(counter.owned(), "{backend}");
        assert_eq!(
            store.data().counter_value(counter.rep()),
            Some(1),
            "{backend}"
        );
        let err = ResourceAny::try_from_resource(counter, &mut store).unwrap_err();
        assert!(
            format!("{err:#}").contains("no host function"),
            "{backend}: {err:#}"
        );
        // The handle left the table: converting it again is a trap-carrying error.
        let again = Resource::<Counter>::try_from_resource_any(resource_of(&one[0]), &mut store);
        assert!(again.is_err(), "{backend}");
    }
}

#[test]
fn a_func_new_result_of_another_resource_type_traps_the_call() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let component = Component::from_file(&engine, fixtures::path("resources")).unwrap();
        let mut linker = Linker::<HostState>::new(&engine);
        let mut host = linker.instance("witbind:guests/host-side").unwrap();
        host.resource::<Counter>("counter", |_, _| Ok(())).unwrap();
        host.func_new("[constructor]counter", |mut store, _, _, results| {
            let other = Resource::<NotACounter>::new_own(0);
            results[0] = Val::Resource(ResourceAny::try_from_resource(other, &mut store)?);
            Ok(())
        })
        .unwrap();
        linker.define_unknown_imports_as_traps(&component).unwrap();
        let mut store = Store::new(&engine, HostState::default());
        let instance = linker.instantiate(&mut store, &component).unwrap();
        let make = instance
            .get_func(&mut store, ("witbind:guests/guest-side", "make-counter"))
            .unwrap();
        let err = make
            .call(&mut store, &[Val::U32(1)], &mut [Val::Bool(false)])
            .unwrap_err();
        assert!(
            matches!(
                err.downcast_ref::<Trap>(),
                Some(Trap::WrongHandleType { .. })
            ),
            "{backend}: {err:#}"
        );
    }
}
