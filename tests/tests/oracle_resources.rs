//! The `resources` guest on wasmtime and on witbind: guest resources returned to the host, host
//! resources passed into the guest (own and borrow), and the order of destructors. Each
//! scenario runs on both runtimes with the same documented expectations.

use std::slice::from_ref;

use witbind::Resource;
use witbind_tests::oracle::{
    HostEvent, Neutral as N, Outcome, Runtime, WasmtimeOracle, WitbindCounter, WitbindInstance,
};

const API: &str = "witbind:guests/guest-side";

fn export(func: &str) -> String {
    format!("{API}#{func}")
}

/// Calls `func` of the guest-side interface and returns its single result.
fn call(oracle: &mut impl Runtime, func: &str, args: &[N]) -> N {
    oracle.call1(&export(func), args).expect(func)
}

fn new_stack(oracle: &mut impl Runtime, items: &[u32], on: &str) -> N {
    let stack = oracle
        .call1(&export("[constructor]stack"), &[])
        .expect("constructor");
    for &item in items {
        let pushed = oracle
            .call(
                &export("[method]stack.push"),
                &[stack.clone(), N::U32(item)],
            )
            .expect("push");
        assert!(
            matches!(pushed, Outcome::Returned(ref v) if v.is_empty()),
            "{on}: push: {pushed}"
        );
    }
    stack
}

#[test]
fn guest_stack_methods_and_borrows_on_wasmtime() {
    guest_stack_methods_and_borrows(
        WasmtimeOracle::new("resources").expect("instantiate"),
        "wasmtime",
    );
}

#[test]
fn guest_stack_methods_and_borrows_on_witbind() {
    for engine in witbind_tests::engines() {
        guest_stack_methods_and_borrows(
            WitbindInstance::on("resources", &engine).expect("instantiate"),
            &format!("witbind on {}", engine.backend_kind()),
        );
    }
}

/// `on` names the runtime in assertion messages.
fn guest_stack_methods_and_borrows(mut oracle: impl Runtime, on: &str) {
    let stack = new_stack(&mut oracle, &[3, 4, u32::MAX], on);
    assert_eq!(
        call(&mut oracle, "[method]stack.id", from_ref(&stack)),
        N::U32(1),
        "{on}"
    );
    assert_eq!(
        call(&mut oracle, "[method]stack.len", from_ref(&stack)),
        N::U32(3),
        "{on}"
    );
    assert_eq!(
        call(&mut oracle, "sum", from_ref(&stack)),
        N::U64(7 + u64::from(u32::MAX)),
        "{on}"
    );
    assert_eq!(
        call(&mut oracle, "[method]stack.pop", from_ref(&stack)),
        N::some(N::U32(u32::MAX)),
        "{on}"
    );
    assert_eq!(
        call(&mut oracle, "[method]stack.len", from_ref(&stack)),
        N::U32(2),
        "{on}"
    );
    assert!(oracle.host().events.is_empty(), "{on}: nothing dropped yet");
    oracle.drop_handle(&stack).expect("drop");
    assert_eq!(oracle.host().events, [HostEvent::StackDropped(1)], "{on}");
}

#[test]
fn merge_consumes_its_owned_argument_inside_the_call_on_wasmtime() {
    merge_consumes_its_owned_argument_inside_the_call(
        WasmtimeOracle::new("resources").expect("instantiate"),
        "wasmtime",
    );
}

#[test]
fn merge_consumes_its_owned_argument_inside_the_call_on_witbind() {
    for engine in witbind_tests::engines() {
        merge_consumes_its_owned_argument_inside_the_call(
            WitbindInstance::on("resources", &engine).expect("instantiate"),
            &format!("witbind on {}", engine.backend_kind()),
        );
    }
}

/// `on` names the runtime in assertion messages.
fn merge_consumes_its_owned_argument_inside_the_call(mut oracle: impl Runtime, on: &str) {
    let a = new_stack(&mut oracle, &[1, 2], on);
    let b = new_stack(&mut oracle, &[10], on);
    let merged = oracle
        .call1(&export("merge"), &[a.clone(), b])
        .expect("merge");
    // `b` (id 2) was dropped by the guest before `merge` returned.
    assert_eq!(oracle.host().events, [HostEvent::StackDropped(2)], "{on}");
    assert_eq!(
        oracle
            .call1(&export("[method]stack.id"), from_ref(&merged))
            .expect("id"),
        N::U32(3),
        "{on}"
    );
    assert_eq!(
        oracle
            .call1(&export("sum"), from_ref(&merged))
            .expect("sum"),
        N::U64(13),
        "{on}"
    );
    assert_eq!(
        oracle.call1(&export("sum"), from_ref(&a)).expect("sum"),
        N::U64(3),
        "{on}"
    );
    oracle.drop_handle(&merged).expect("drop merged");
    oracle.drop_handle(&a).expect("drop a");
    let dropped = [
        HostEvent::StackDropped(2),
        HostEvent::StackDropped(3),
        HostEvent::StackDropped(1),
    ];
    assert_eq!(oracle.host().events, dropped, "{on}");
}

#[test]
fn destructors_run_in_the_order_handles_are_dropped_on_wasmtime() {
    destructors_run_in_the_order_handles_are_dropped(
        WasmtimeOracle::new("resources").expect("instantiate"),
        "wasmtime",
    );
}

#[test]
fn destructors_run_in_the_order_handles_are_dropped_on_witbind() {
    for engine in witbind_tests::engines() {
        destructors_run_in_the_order_handles_are_dropped(
            WitbindInstance::on("resources", &engine).expect("instantiate"),
            &format!("witbind on {}", engine.backend_kind()),
        );
    }
}

/// `on` names the runtime in assertion messages.
fn destructors_run_in_the_order_handles_are_dropped(mut oracle: impl Runtime, on: &str) {
    let stacks: Vec<N> = (0..4).map(|_| new_stack(&mut oracle, &[], on)).collect();
    for index in [2, 0, 3, 1] {
        oracle.drop_handle(&stacks[index]).expect("drop");
    }
    let ids = [3, 1, 4, 2].map(HostEvent::StackDropped);
    assert_eq!(oracle.host().events, ids, "{on}");
}

#[test]
fn host_counters_borrowed_and_owned_by_the_guest_on_wasmtime() {
    let mut oracle = WasmtimeOracle::new("resources").expect("instantiate");
    let counter = oracle.new_host_counter(41).expect("counter");
    let rep = oracle.counter_rep(&counter).expect("rep");
    assert_eq!(
        oracle
            .call1(&export("read-counter"), from_ref(&counter))
            .expect("read"),
        N::U32(41)
    );
    let bumped = oracle
        .call(&export("bump-counter"), &[counter.clone(), N::U32(3)])
        .expect("bump");
    assert!(
        matches!(bumped, Outcome::Returned(ref v) if v.is_empty()),
        "bump: {bumped}"
    );
    assert_eq!(oracle.host().counter_value(rep), Some(44));
    assert!(oracle.host().events.is_empty(), "a borrow does not drop");

    let value = oracle
        .call1(&export("consume-counter"), from_ref(&counter))
        .expect("consume");
    assert_eq!(value, N::U32(44));
    assert_eq!(oracle.host().events, [HostEvent::CounterDropped(rep)]);
    assert_eq!(oracle.host().counter_value(rep), None);

    // The handle was moved into the guest: using it again fails.
    let again = oracle
        .call(&export("read-counter"), &[counter])
        .expect("call");
    assert!(
        matches!(again, Outcome::Trapped(_)),
        "stale handle: {again}"
    );
}

#[test]
fn guest_made_host_counter_is_owned_by_the_caller_on_wasmtime() {
    let mut oracle = WasmtimeOracle::new("resources").expect("instantiate");
    let counter = oracle
        .call1(&export("make-counter"), &[N::U32(u32::MAX)])
        .expect("make");
    let rep = oracle.counter_rep(&counter).expect("rep");
    assert_eq!(oracle.host().counter_value(rep), Some(u32::MAX));
    oracle
        .call(&export("bump-counter"), &[counter.clone(), N::U32(1)])
        .expect("bump");
    assert_eq!(oracle.host().counter_value(rep), Some(0), "increment wraps");
    assert!(oracle.host().events.is_empty());
}

#[test]
fn host_counters_borrowed_and_owned_by_the_guest_on_witbind() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let mut witbind = WitbindInstance::on("resources", &engine).expect("instantiate");
        let counter = witbind.new_host_counter(41);
        let rep = counter.rep();
        let borrowed = (counter.as_borrow(),);
        let read: (u32,) = witbind
            .call_typed(&export("read-counter"), borrowed)
            .expect("read");
        assert_eq!(read, (41,), "{backend}");
        let () = witbind
            .call_typed(&export("bump-counter"), (counter.as_borrow(), 3u32))
            .expect("bump");
        assert_eq!(witbind.host().counter_value(rep), Some(44), "{backend}");
        assert!(
            witbind.host().events.is_empty(),
            "{backend}: a borrow does not drop"
        );

        let value: (u32,) = witbind
            .call_typed(&export("consume-counter"), (counter,))
            .expect("consume");
        assert_eq!(value, (44,), "{backend}");
        assert_eq!(
            witbind.host().events,
            [HostEvent::CounterDropped(rep)],
            "{backend}"
        );
        assert_eq!(witbind.host().counter_value(rep), None, "{backend}");
    }
}

#[test]
fn guest_made_host_counter_is_owned_by_the_caller_on_witbind() {
    for engine in witbind_tests::engines() {
        let backend = engine.backend_kind();
        let mut witbind = WitbindInstance::on("resources", &engine).expect("instantiate");
        let (counter,): (Resource<WitbindCounter>,) = witbind
            .call_typed(&export("make-counter"), (u32::MAX,))
            .expect("make");
        assert!(counter.owned(), "{backend}");
        let rep = counter.rep();
        assert_eq!(
            witbind.host().counter_value(rep),
            Some(u32::MAX),
            "{backend}"
        );
        let () = witbind
            .call_typed(&export("bump-counter"), (counter.as_borrow(), 1u32))
            .expect("bump");
        assert_eq!(
            witbind.host().counter_value(rep),
            Some(0),
            "{backend}: increment wraps"
        );
        assert!(witbind.host().events.is_empty(), "{backend}");
    }
}
