//! WIT feature gates at run time: a world whose imports use `@unstable`
//! features gets `LinkOptions`, and `add_to_linker` registers a gated
//! import only when its feature is on; `@deprecated` items compile (their
//! warnings are pinned by the trybuild tests).

use witbind::{Component, Linker, Store};

mod gated {
    witbind::bindgen!({
        inline: "package test:gated@1.0.0;
            @since(version = 1.0.0)
            interface stable {
                @since(version = 1.0.0)
                ping: func() -> u32;
                @unstable(feature = fancy)
                sparkle: func() -> u32;
            }
            @unstable(feature = lab)
            interface lab {
                @unstable(feature = lab)
                mix: func(a: u32) -> u32;
            }
            world gated {
                @since(version = 1.0.0)
                import stable;
                @unstable(feature = lab)
                import lab;
                @since(version = 1.0.0)
                @deprecated(version = 1.0.0)
                import legacy: func() -> u32;
            }",
        all_features: true,
    });
}

#[derive(Default)]
struct Host {
    calls: Vec<&'static str>,
}

impl gated::test::gated::stable::Host for Host {
    fn ping(&mut self) -> u32 {
        self.calls.push("ping");
        1
    }
    fn sparkle(&mut self) -> u32 {
        self.calls.push("sparkle");
        2
    }
}

impl gated::test::gated::lab::Host for Host {
    fn mix(&mut self, a: u32) -> u32 {
        self.calls.push("mix");
        a * 3
    }
}

#[allow(deprecated)]
impl gated::GatedImports for Host {
    fn legacy(&mut self) -> u32 {
        self.calls.push("legacy");
        4
    }
}

/// A component importing `stable.ping`, and `stable.sparkle` and `lab.mix`
/// when `fancy` / `lab` are true, exporting `run`, which calls them all and
/// sums their results.
fn component_text(fancy: bool, lab: bool) -> String {
    let sparkle_type = if fancy {
        "(export \"sparkle\" (func (result u32)))"
    } else {
        ""
    };
    let sparkle_alias = if fancy {
        "(core func $sparkle (canon lower (func $stable \"sparkle\")))"
    } else {
        "(core func $sparkle (canon lower (func $ping)))"
    };
    let lab_import = if lab {
        r#"(import "test:gated/lab@1.0.0" (instance $lab (export "mix" (func (param "a" u32) (result u32)))))
           (core func $mix (canon lower (func $lab "mix")))"#
    } else {
        r#"(core module $fake (func (export "mix") (param i32) (result i32) local.get 0))
           (core instance $fake_i (instantiate $fake))
           (alias core export $fake_i "mix" (core func $mix))"#
    };
    format!(
        r#"(component
  (import "test:gated/stable@1.0.0" (instance $stable
    (export "ping" (func (result u32)))
    {sparkle_type}))
  (alias export $stable "ping" (func $ping))
  {lab_import}
  (core func $ping_lowered (canon lower (func $ping)))
  {sparkle_alias}
  (core module $m
    (import "host" "ping" (func $ping (result i32)))
    (import "host" "sparkle" (func $sparkle (result i32)))
    (import "host" "mix" (func $mix (param i32) (result i32)))
    (func (export "run") (result i32)
      (i32.add (call $ping) (i32.add (call $sparkle) (call $mix (i32.const 5))))))
  (core instance $i (instantiate $m
    (with "host" (instance
      (export "ping" (func $ping_lowered))
      (export "sparkle" (func $sparkle))
      (export "mix" (func $mix))))))
  (func (export "run") (result u32) (canon lift (core func $i "run"))))"#
    )
}

fn component(engine: &witbind::Engine, fancy: bool, lab: bool) -> Component {
    let bytes = wat::parse_str(component_text(fancy, lab)).unwrap();
    Component::new(engine, bytes).unwrap()
}

#[test]
fn gated_imports_are_registered_only_when_their_feature_is_on() {
    use gated::{Gated, LinkOptions};
    for engine in witbind_tests::engines() {
        let kind = engine.backend_kind();
        let run = |options: &LinkOptions, fancy: bool, lab: bool| -> witbind::Result<u32> {
            let mut linker = Linker::new(&engine);
            Gated::add_to_linker(&mut linker, options, |h: &mut Host| h)?;
            let mut store = Store::new(&engine, Host::default());
            let instance = linker.instantiate(&mut store, &component(&engine, fancy, lab))?;
            let run = instance.get_typed_func::<(), (u32,)>(&mut store, "run")?;
            Ok(run.call(&mut store, ())?.0)
        };

        // Stable imports link with every feature off.
        let off = LinkOptions::default();
        assert_eq!(run(&off, false, false).unwrap(), 1 + 1 + 5, "{kind}");
        // A gated function or interface is missing until its feature is on.
        let err = run(&off, true, false).unwrap_err();
        assert!(format!("{err:#}").contains("sparkle"), "{kind}: {err:#}");
        let err = run(&off, false, true).unwrap_err();
        assert!(
            format!("{err:#}").contains("test:gated/lab"),
            "{kind}: {err:#}"
        );

        let mut on = LinkOptions::default();
        on.fancy(true).lab(true);
        assert_eq!(run(&on, true, true).unwrap(), 1 + 2 + 15, "{kind}");
        let mut fancy_only = LinkOptions::default();
        fancy_only.fancy(true);
        assert_eq!(run(&fancy_only, true, false).unwrap(), 1 + 2 + 5, "{kind}");
        assert!(run(&fancy_only, true, true).is_err(), "{kind}");
    }
}
