//! Valid components using what witbind does not run yet (async) are
//! refused by `Component::new` with an error naming the construct the
//! component wrote, on every engine.

use witbind::Component;

/// The error `Component::new` gives for `wat`, on every engine.
fn refusals(wat: &str) -> Vec<String> {
    let bytes = wat::parse_str(wat).unwrap();
    witbind_tests::engines()
        .iter()
        .map(|engine| format!("{:#}", Component::new(engine, &bytes).unwrap_err()))
        .collect()
}

#[test]
fn task_context_built_ins_are_named() {
    let wat = r#"(component
      (core func $get (canon context.get i32 0))
      (core func $set (canon context.set i32 0))
      (core module $m
        (import "" "get" (func (result i32)))
        (import "" "set" (func (param i32))))
      (core instance (instantiate $m (with "" (instance
        (export "get" (func $get)) (export "set" (func $set)))))))"#;
    for message in refusals(wat) {
        assert!(
            message.contains("unsupported component construct")
                && message.contains("`context.get` built-in (async task context)"),
            "{message}"
        );
    }
}

#[test]
fn backpressure_built_ins_are_named() {
    let wat = r#"(component
      (core func $inc (canon backpressure.inc))
      (core module $m (import "" "inc" (func)))
      (core instance (instantiate $m (with "" (instance (export "inc" (func $inc)))))))"#;
    for message in refusals(wat) {
        assert!(
            message.contains("unsupported component construct") && message.contains("backpressure"),
            "{message}"
        );
    }
}
