::witbind::__bindgen_host_items! {
    #[doc =
    " An instance of a component of the world `records`: its exports, ready to call."]
    #[derive(::core::clone::Clone, ::core::fmt::Debug)] #[allow(dead_code, clippy::all)]
    pub struct Records { instance : ::witbind::Instance, } #[doc =
    " A component of the world `records` linked to its imports, ready to be instantiated many times."]
    #[allow(dead_code, clippy::all)] pub struct RecordsPre < T : 'static > { instance_pre
    : ::witbind::InstancePre < T >, } #[allow(dead_code, clippy::all)] impl < T : 'static
    > ::core::clone::Clone for RecordsPre < T > { fn clone(& self) -> Self { Self {
    instance_pre : self.instance_pre.clone() } } } #[allow(dead_code, clippy::all)] impl
    < T : 'static > RecordsPre < T > { #[doc = r" Wraps a linked component."] pub fn
    new(instance_pre : ::witbind::InstancePre < T >) -> ::witbind::Result < Self > {
    ::core::result::Result::Ok(Self { instance_pre }) } #[doc =
    r" The linked component."] pub fn instance_pre(& self) -> & ::witbind::InstancePre <
    T > { & self.instance_pre } #[doc =
    r" Instantiates the component in `store` and looks up its exports."] pub fn
    instantiate(& self, mut store : impl ::witbind::AsContextMut < Data = T >,) ->
    ::witbind::Result < Records > { let instance = self.instance_pre.instantiate(& mut
    store) ?; Records::new(& mut store, & instance) } } #[allow(dead_code, clippy::all)]
    impl Records { #[doc =
    r" Registers every import of the world in `linker`: `get` finds"] #[doc =
    r" the host's implementation in the store's data."] pub fn add_to_linker < T :
    'static, U : test::records::shapes::Host + ? ::core::marker::Sized + 'static >
    (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) -> & mut U,) ->
    ::witbind::Result < () > { let _ = (& mut * linker, get);
    test::records::shapes::add_to_linker(linker, get) ?; ::core::result::Result::Ok(()) }
    #[doc = r" Instantiates `component` with `linker`'s definitions and looks"] #[doc =
    r" up its exports."] pub fn instantiate < T : 'static > (mut store : impl
    ::witbind::AsContextMut < Data = T >, component : & ::witbind::Component, linker : &
    ::witbind::Linker < T >,) -> ::witbind::Result < Self > { let instance = linker
    .instantiate(& mut store, component) ?; Self::new(& mut store, & instance) } #[doc =
    r" Looks up and type-checks the exports of `instance`."] pub fn new(mut store : impl
    ::witbind::AsContextMut, instance : & ::witbind::Instance,) -> ::witbind::Result <
    Self > { let _ = & mut store; ::core::result::Result::Ok(Self { instance : *
    instance, }) } #[doc = r" The instance."] pub fn instance(& self) -> &
    ::witbind::Instance { & self.instance } }
}
#[allow(missing_docs, dead_code, unused_imports, clippy::all)]
pub mod test {
    #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
    pub mod records {
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod shapes {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the imported interface `test:records/shapes`."]
                #[allow(dead_code, clippy::all)] pub trait Host { fn get(& mut self, e :
                Everything) -> Everything; fn send(& mut self, e : Everything); } #[doc =
                r" Registers the host functions and resources of this interface"] #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("test:records/shapes") ?; let _ = (& mut inst, get); inst
                .func_wrap("get", move | mut store : ::witbind::StoreContextMut < '_, T
                >, (arg0,) : (Everything,) | { let r = Host::get(get(store.data_mut()),
                arg0); ::core::result::Result::Ok((r,)) },) ?; inst.func_wrap("send",
                move | mut store : ::witbind::StoreContextMut < '_, T >, (arg0,) :
                (Everything,) | { let () = Host::send(get(store.data_mut()), arg0);
                ::core::result::Result::Ok(()) },) ?; ::core::result::Result::Ok(()) }
            }
            #[derive(
                ::witbind::ComponentType,
                ::witbind::Lift,
                ::witbind::Lower,
                ::core::fmt::Debug,
                ::core::clone::Clone,
                ::core::cmp::PartialEq
            )]
            #[component(record)]
            pub struct Point {
                #[component(name = "x")]
                pub x: i32,
                #[component(name = "y")]
                pub y: i32,
            }
            const _: () = {
                assert!(
                    < Point as ::witbind::ComponentType > ::SIZE32 == 8usize,
                    "the Rust size of `point` differs from its WIT size 8"
                );
                assert!(
                    < Point as ::witbind::ComponentType > ::ALIGN32 == 4u32,
                    "the Rust alignment of `point` differs from its WIT alignment 4"
                );
            };
            #[derive(
                ::witbind::ComponentType,
                ::witbind::Lift,
                ::witbind::Lower,
                ::core::fmt::Debug,
                ::core::clone::Clone,
                ::core::marker::Copy,
                ::core::cmp::PartialEq,
                ::core::cmp::Eq,
                ::core::hash::Hash
            )]
            #[component(enum)]
            pub enum Color {
                #[component(name = "red")]
                Red,
                #[component(name = "green")]
                Green,
                #[component(name = "blue")]
                Blue,
            }
            const _: () = {
                assert!(
                    < Color as ::witbind::ComponentType > ::SIZE32 == 1usize,
                    "the Rust size of `color` differs from its WIT size 1"
                );
                assert!(
                    < Color as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `color` differs from its WIT alignment 1"
                );
            };
            ::witbind::flags! {
                pub Perms { #[component(name = "read")] const READ; #[component(name =
                "write")] const WRITE; #[component(name = "exec")] const EXEC; }
            }
            const _: () = {
                assert!(
                    < Perms as ::witbind::ComponentType > ::SIZE32 == 1usize,
                    "the Rust size of `perms` differs from its WIT size 1"
                );
                assert!(
                    < Perms as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `perms` differs from its WIT alignment 1"
                );
            };
            #[derive(
                ::witbind::ComponentType,
                ::witbind::Lift,
                ::witbind::Lower,
                ::core::fmt::Debug,
                ::core::clone::Clone,
                ::core::cmp::PartialEq
            )]
            #[component(variant)]
            pub enum Shape {
                #[component(name = "empty")]
                Empty,
                #[component(name = "circle")]
                Circle(f32),
                #[component(name = "big")]
                Big(u64),
                #[component(name = "text")]
                Text(::std::string::String),
                #[component(name = "pair")]
                Pair((u8, f64)),
            }
            const _: () = {
                assert!(
                    < Shape as ::witbind::ComponentType > ::SIZE32 == 24usize,
                    "the Rust size of `shape` differs from its WIT size 24"
                );
                assert!(
                    < Shape as ::witbind::ComponentType > ::ALIGN32 == 8u32,
                    "the Rust alignment of `shape` differs from its WIT alignment 8"
                );
            };
            /// A record holding every kind of field.
            #[derive(
                ::witbind::ComponentType,
                ::witbind::Lift,
                ::witbind::Lower,
                ::core::fmt::Debug,
                ::core::clone::Clone,
                ::core::cmp::PartialEq
            )]
            #[component(record)]
            pub struct Everything {
                #[component(name = "p")]
                pub p: Point,
                #[component(name = "points")]
                pub points: ::std::vec::Vec<Point>,
                #[component(name = "nested")]
                pub nested: ::std::vec::Vec<::std::vec::Vec<u8>>,
                #[component(name = "maybe")]
                pub maybe: ::core::option::Option<Point>,
                #[component(name = "outcome")]
                pub outcome: ::core::result::Result<u8, ::std::string::String>,
                #[component(name = "pair")]
                pub pair: (u8, u64, ::std::string::String),
                #[component(name = "shape")]
                pub shape: Shape,
                #[component(name = "color")]
                pub color: Color,
                #[component(name = "perms")]
                pub perms: Perms,
                #[component(name = "names")]
                pub names: ::std::vec::Vec<::std::string::String>,
                #[component(name = "empty-result")]
                pub empty_result: ::core::result::Result<(), ()>,
                #[component(name = "ok-only")]
                pub ok_only: ::core::result::Result<::std::string::String, ()>,
                #[component(name = "err-only")]
                pub err_only: ::core::result::Result<(), Color>,
            }
            const _: () = {
                assert!(
                    < Everything as ::witbind::ComponentType > ::SIZE32 == 128usize,
                    "the Rust size of `everything` differs from its WIT size 128"
                );
                assert!(
                    < Everything as ::witbind::ComponentType > ::ALIGN32 == 8u32,
                    "the Rust alignment of `everything` differs from its WIT alignment 8"
                );
            };
        }
    }
}
