::witbind::__bindgen_host_items! {
    #[doc =
    " An instance of a component of the world `command`: its exports, ready to call."]
    #[derive(::core::clone::Clone, ::core::fmt::Debug)] #[allow(dead_code, clippy::all)]
    pub struct Command { instance : ::witbind::Instance, wasi_cli_run :
    exports::wasi::cli::run::Guest, } #[doc =
    " A component of the world `command` linked to its imports, ready to be instantiated many times."]
    #[allow(dead_code, clippy::all)] pub struct CommandPre < T : 'static > { instance_pre
    : ::witbind::InstancePre < T >, } #[allow(dead_code, clippy::all)] impl < T : 'static
    > ::core::clone::Clone for CommandPre < T > { fn clone(& self) -> Self { Self {
    instance_pre : self.instance_pre.clone() } } } #[allow(dead_code, clippy::all)] impl
    < T : 'static > CommandPre < T > { #[doc = r" Wraps a linked component."] pub fn
    new(instance_pre : ::witbind::InstancePre < T >) -> ::witbind::Result < Self > {
    ::core::result::Result::Ok(Self { instance_pre }) } #[doc =
    r" The linked component."] pub fn instance_pre(& self) -> & ::witbind::InstancePre <
    T > { & self.instance_pre } #[doc =
    r" Instantiates the component in `store` and looks up its exports."] pub fn
    instantiate(& self, mut store : impl ::witbind::AsContextMut < Data = T >,) ->
    ::witbind::Result < Command > { let instance = self.instance_pre.instantiate(& mut
    store) ?; Command::new(& mut store, & instance) } } #[allow(dead_code, clippy::all)]
    impl Command { #[doc =
    r" Registers every import of the world in `linker`: `get` finds"] #[doc =
    r" the host's implementation in the store's data."] pub fn add_to_linker < T :
    'static, U : wasi::cli::environment::Host + wasi::cli::exit::Host +
    wasi::io::error::Host + wasi::io::poll::Host + wasi::io::streams::Host +
    wasi::cli::stdin::Host + wasi::cli::stdout::Host + wasi::cli::stderr::Host +
    wasi::cli::terminal_input::Host + wasi::cli::terminal_output::Host +
    wasi::cli::terminal_stdin::Host + wasi::cli::terminal_stdout::Host +
    wasi::cli::terminal_stderr::Host + wasi::clocks::monotonic_clock::Host +
    wasi::clocks::wall_clock::Host + wasi::filesystem::types::Host +
    wasi::filesystem::preopens::Host + wasi::sockets::network::Host +
    wasi::sockets::instance_network::Host + wasi::sockets::udp::Host +
    wasi::sockets::udp_create_socket::Host + wasi::sockets::tcp::Host +
    wasi::sockets::tcp_create_socket::Host + wasi::sockets::ip_name_lookup::Host +
    wasi::random::random::Host + wasi::random::insecure::Host +
    wasi::random::insecure_seed::Host + ? ::core::marker::Sized + 'static > (linker : &
    mut ::witbind::Linker < T >, get : fn (& mut T) -> & mut U,) -> ::witbind::Result <
    () > { let _ = (& mut * linker, get); wasi::cli::environment::add_to_linker(linker,
    get) ?; wasi::cli::exit::add_to_linker(linker, get) ?;
    wasi::io::error::add_to_linker(linker, get) ?; wasi::io::poll::add_to_linker(linker,
    get) ?; wasi::io::streams::add_to_linker(linker, get) ?;
    wasi::cli::stdin::add_to_linker(linker, get) ?;
    wasi::cli::stdout::add_to_linker(linker, get) ?;
    wasi::cli::stderr::add_to_linker(linker, get) ?;
    wasi::cli::terminal_input::add_to_linker(linker, get) ?;
    wasi::cli::terminal_output::add_to_linker(linker, get) ?;
    wasi::cli::terminal_stdin::add_to_linker(linker, get) ?;
    wasi::cli::terminal_stdout::add_to_linker(linker, get) ?;
    wasi::cli::terminal_stderr::add_to_linker(linker, get) ?;
    wasi::clocks::monotonic_clock::add_to_linker(linker, get) ?;
    wasi::clocks::wall_clock::add_to_linker(linker, get) ?;
    wasi::filesystem::types::add_to_linker(linker, get) ?;
    wasi::filesystem::preopens::add_to_linker(linker, get) ?;
    wasi::sockets::network::add_to_linker(linker, get) ?;
    wasi::sockets::instance_network::add_to_linker(linker, get) ?;
    wasi::sockets::udp::add_to_linker(linker, get) ?;
    wasi::sockets::udp_create_socket::add_to_linker(linker, get) ?;
    wasi::sockets::tcp::add_to_linker(linker, get) ?;
    wasi::sockets::tcp_create_socket::add_to_linker(linker, get) ?;
    wasi::sockets::ip_name_lookup::add_to_linker(linker, get) ?;
    wasi::random::random::add_to_linker(linker, get) ?;
    wasi::random::insecure::add_to_linker(linker, get) ?;
    wasi::random::insecure_seed::add_to_linker(linker, get) ?;
    ::core::result::Result::Ok(()) } #[doc =
    r" Instantiates `component` with `linker`'s definitions and looks"] #[doc =
    r" up its exports."] pub fn instantiate < T : 'static > (mut store : impl
    ::witbind::AsContextMut < Data = T >, component : & ::witbind::Component, linker : &
    ::witbind::Linker < T >,) -> ::witbind::Result < Self > { let instance = linker
    .instantiate(& mut store, component) ?; Self::new(& mut store, & instance) } #[doc =
    r" Looks up and type-checks the exports of `instance`."] pub fn new(mut store : impl
    ::witbind::AsContextMut, instance : & ::witbind::Instance,) -> ::witbind::Result <
    Self > { let _ = & mut store; let wasi_cli_run =
    exports::wasi::cli::run::Guest::new(& mut store, instance) ?;
    ::core::result::Result::Ok(Self { instance : * instance, wasi_cli_run, }) } #[doc =
    r" The instance."] pub fn instance(& self) -> & ::witbind::Instance { & self.instance
    } #[doc = " The exported interface `wasi:cli/run@0.2.12`."] pub fn wasi_cli_run(&
    self) -> & exports::wasi::cli::run::Guest { & self.wasi_cli_run } }
}
#[allow(missing_docs, dead_code, unused_imports, clippy::all)]
pub mod exports {
    #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
    pub mod wasi {
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod cli {
            #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
            pub mod run {
                ::witbind::__bindgen_host_items! {
                    #[doc =
                    " The exported interface `wasi:cli/run@0.2.12` of an instance."]
                    #[derive(::core::clone::Clone, ::core::fmt::Debug)] pub struct Guest
                    { func_run : ::witbind::Func, } impl Guest { #[doc =
                    r" Looks up and type-checks the interface's exports in `instance`."]
                    pub fn new(mut store : impl ::witbind::AsContextMut, instance : &
                    ::witbind::Instance,) -> ::witbind::Result < Self > { let _ = (& mut
                    store, instance); let func_run = instance.get_func(& mut store,
                    ("wasi:cli/run@0.2.12", "run")) ?; { func_run.typed:: < (),
                    (::core::result::Result < (), () >,) > () ?; }
                    ::core::result::Result::Ok(Self { func_run, }) } #[doc =
                    " Run the program."] pub fn call_run(& self, store : impl
                    ::witbind::AsContextMut,) -> ::witbind::Result <
                    ::core::result::Result < (), () > > { let (r,) = self.func_run
                    .call_prechecked:: < (), (::core::result::Result < (), () >,) >
                    (store, ()) ?; ::core::result::Result::Ok(r) } }
                }
            }
        }
    }
}
#[allow(missing_docs, dead_code, unused_imports, clippy::all)]
pub mod wasi {
    #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
    pub mod cli {
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod environment {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the imported interface `wasi:cli/environment@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host { #[doc =
                " Get the POSIX-style environment variables."] #[doc = " "] #[doc =
                " Each environment variable is provided as a pair of string variable names"]
                #[doc = " and string value."] #[doc = " "] #[doc =
                " Morally, these are a value import, but until value imports are available"]
                #[doc =
                " in the component model, this import function should return the same"]
                #[doc = " values each time it is called."] fn get_environment(& mut
                self,) -> ::witbind::Result < ::std::vec::Vec < (::std::string::String,
                ::std::string::String,) > >; #[doc =
                " Get the POSIX-style arguments to the program."] fn get_arguments(& mut
                self,) -> ::witbind::Result < ::std::vec::Vec < ::std::string::String >
                >; #[doc =
                " Return a path that programs should use as their initial current working"]
                #[doc = " directory, interpreting `.` as shorthand for this."] fn
                initial_cwd(& mut self,) -> ::witbind::Result < ::core::option::Option <
                ::std::string::String > >; } #[doc =
                r" Registers the host functions and resources of this interface"] #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:cli/environment@0.2.12") ?; let _ = (& mut inst, get); {
                inst.func_wrap("get-environment", move | mut store :
                ::witbind::StoreContextMut < '_, T >, () : () | { let r =
                Host::get_environment(get(store.data_mut()),) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("get-arguments", move | mut store : ::witbind::StoreContextMut
                < '_, T >, () : () | { let r = Host::get_arguments(get(store
                .data_mut()),) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("initial-cwd", move | mut store : ::witbind::StoreContextMut <
                '_, T >, () : () | { let r = Host::initial_cwd(get(store.data_mut()),) ?;
                ::core::result::Result::Ok((r,)) },) ?; } ::core::result::Result::Ok(())
                }
            }
        }
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod exit {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the imported interface `wasi:cli/exit@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host { #[doc =
                " Exit the current instance and any linked instances."] fn exit(& mut
                self, status : ::core::result::Result < (), () >) -> ::witbind::Result <
                () >; #[doc =
                " Exit the current instance and any linked instances, reporting the"]
                #[doc = " specified status code to the host."] #[doc = " "] #[doc =
                " The meaning of the code depends on the context, with 0 usually meaning"]
                #[doc =
                " \"success\", and other values indicating various types of failure."]
                #[doc = " "] #[doc =
                " This function does not return; the effect is analogous to a trap, but"]
                #[doc = " without the connotation that something bad has happened."] fn
                exit_with_code(& mut self, status_code : u8) -> ::witbind::Result < () >;
                } #[doc =
                r" Registers the host functions and resources of this interface"] #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:cli/exit@0.2.12") ?; let _ = (& mut inst, get); { inst
                .func_wrap("exit", move | mut store : ::witbind::StoreContextMut < '_, T
                >, (arg0,) : (::core::result::Result < (), () >,) | { let () =
                Host::exit(get(store.data_mut()), arg0) ?; ::core::result::Result::Ok(())
                },) ?; } { inst.func_wrap("exit-with-code", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (u8,) | { let () =
                Host::exit_with_code(get(store.data_mut()), arg0) ?;
                ::core::result::Result::Ok(()) },) ?; } ::core::result::Result::Ok(()) }
            }
        }
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod stderr {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the imported interface `wasi:cli/stderr@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host { fn get_stderr(& mut
                self,) -> ::witbind::Result < ::witbind::Resource <
                super::super::super::wasi::io::streams::OutputStream > >; } #[doc =
                r" Registers the host functions and resources of this interface"] #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:cli/stderr@0.2.12") ?; let _ = (& mut inst, get); { inst
                .func_wrap("get-stderr", move | mut store : ::witbind::StoreContextMut <
                '_, T >, () : () | { let r = Host::get_stderr(get(store.data_mut()),) ?;
                ::core::result::Result::Ok((r,)) },) ?; } ::core::result::Result::Ok(())
                }
            }
            pub type OutputStream = super::super::super::wasi::io::streams::OutputStream;
        }
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod stdin {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the imported interface `wasi:cli/stdin@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host { fn get_stdin(& mut
                self,) -> ::witbind::Result < ::witbind::Resource <
                super::super::super::wasi::io::streams::InputStream > >; } #[doc =
                r" Registers the host functions and resources of this interface"] #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:cli/stdin@0.2.12") ?; let _ = (& mut inst, get); { inst
                .func_wrap("get-stdin", move | mut store : ::witbind::StoreContextMut <
                '_, T >, () : () | { let r = Host::get_stdin(get(store.data_mut()),) ?;
                ::core::result::Result::Ok((r,)) },) ?; } ::core::result::Result::Ok(())
                }
            }
            pub type InputStream = super::super::super::wasi::io::streams::InputStream;
        }
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod stdout {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the imported interface `wasi:cli/stdout@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host { fn get_stdout(& mut
                self,) -> ::witbind::Result < ::witbind::Resource <
                super::super::super::wasi::io::streams::OutputStream > >; } #[doc =
                r" Registers the host functions and resources of this interface"] #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:cli/stdout@0.2.12") ?; let _ = (& mut inst, get); { inst
                .func_wrap("get-stdout", move | mut store : ::witbind::StoreContextMut <
                '_, T >, () : () | { let r = Host::get_stdout(get(store.data_mut()),) ?;
                ::core::result::Result::Ok((r,)) },) ?; } ::core::result::Result::Ok(())
                }
            }
            pub type OutputStream = super::super::super::wasi::io::streams::OutputStream;
        }
        /// Terminal input.
        ///
        /// In the future, this may include functions for disabling echoing,
        /// disabling input buffering so that keyboard events are sent through
        /// immediately, querying supported features, and so on.
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod terminal_input {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the WIT resource `terminal-input`."]
                #[allow(dead_code, clippy::all)] pub trait HostTerminalInput { #[doc =
                r" Called when the guest drops the last owned handle."] fn drop(& mut
                self, rep : ::witbind::Resource < TerminalInput >) -> ::witbind::Result <
                () >; } #[doc =
                " The host's implementation of the imported interface `wasi:cli/terminal-input@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host : HostTerminalInput {}
                #[doc = r" Registers the host functions and resources of this interface"]
                #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:cli/terminal-input@0.2.12") ?; let _ = (& mut inst, get);
                inst.resource:: < TerminalInput > ("terminal-input", move | mut store,
                rep | { HostTerminalInput::drop(get(store.data_mut()),
                ::witbind::Resource::new_own(rep)) }) ?; ::core::result::Result::Ok(()) }
            }
            /// The input side of a terminal.
            #[derive(::core::fmt::Debug)]
            pub enum TerminalInput {}
        }
        /// Terminal output.
        ///
        /// In the future, this may include functions for querying the terminal
        /// size, being notified of terminal size changes, querying supported
        /// features, and so on.
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod terminal_output {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the WIT resource `terminal-output`."]
                #[allow(dead_code, clippy::all)] pub trait HostTerminalOutput { #[doc =
                r" Called when the guest drops the last owned handle."] fn drop(& mut
                self, rep : ::witbind::Resource < TerminalOutput >) -> ::witbind::Result
                < () >; } #[doc =
                " The host's implementation of the imported interface `wasi:cli/terminal-output@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host : HostTerminalOutput {}
                #[doc = r" Registers the host functions and resources of this interface"]
                #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:cli/terminal-output@0.2.12") ?; let _ = (& mut inst,
                get); inst.resource:: < TerminalOutput > ("terminal-output", move | mut
                store, rep | { HostTerminalOutput::drop(get(store.data_mut()),
                ::witbind::Resource::new_own(rep)) }) ?; ::core::result::Result::Ok(()) }
            }
            /// The output side of a terminal.
            #[derive(::core::fmt::Debug)]
            pub enum TerminalOutput {}
        }
        /// An interface providing an optional `terminal-output` for stderr as a
        /// link-time authority.
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod terminal_stderr {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the imported interface `wasi:cli/terminal-stderr@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host { #[doc =
                " If stderr is connected to a terminal, return a `terminal-output` handle"]
                #[doc = " allowing further interaction with it."] fn
                get_terminal_stderr(& mut self,) -> ::witbind::Result <
                ::core::option::Option < ::witbind::Resource <
                super::super::super::wasi::cli::terminal_output::TerminalOutput > > >; }
                #[doc = r" Registers the host functions and resources of this interface"]
                #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:cli/terminal-stderr@0.2.12") ?; let _ = (& mut inst,
                get); { inst.func_wrap("get-terminal-stderr", move | mut store :
                ::witbind::StoreContextMut < '_, T >, () : () | { let r =
                Host::get_terminal_stderr(get(store.data_mut()),) ?;
                ::core::result::Result::Ok((r,)) },) ?; } ::core::result::Result::Ok(())
                }
            }
            pub type TerminalOutput = super::super::super::wasi::cli::terminal_output::TerminalOutput;
        }
        /// An interface providing an optional `terminal-input` for stdin as a
        /// link-time authority.
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod terminal_stdin {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the imported interface `wasi:cli/terminal-stdin@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host { #[doc =
                " If stdin is connected to a terminal, return a `terminal-input` handle"]
                #[doc = " allowing further interaction with it."] fn get_terminal_stdin(&
                mut self,) -> ::witbind::Result < ::core::option::Option <
                ::witbind::Resource <
                super::super::super::wasi::cli::terminal_input::TerminalInput > > >; }
                #[doc = r" Registers the host functions and resources of this interface"]
                #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:cli/terminal-stdin@0.2.12") ?; let _ = (& mut inst, get);
                { inst.func_wrap("get-terminal-stdin", move | mut store :
                ::witbind::StoreContextMut < '_, T >, () : () | { let r =
                Host::get_terminal_stdin(get(store.data_mut()),) ?;
                ::core::result::Result::Ok((r,)) },) ?; } ::core::result::Result::Ok(())
                }
            }
            pub type TerminalInput = super::super::super::wasi::cli::terminal_input::TerminalInput;
        }
        /// An interface providing an optional `terminal-output` for stdout as a
        /// link-time authority.
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod terminal_stdout {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the imported interface `wasi:cli/terminal-stdout@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host { #[doc =
                " If stdout is connected to a terminal, return a `terminal-output` handle"]
                #[doc = " allowing further interaction with it."] fn
                get_terminal_stdout(& mut self,) -> ::witbind::Result <
                ::core::option::Option < ::witbind::Resource <
                super::super::super::wasi::cli::terminal_output::TerminalOutput > > >; }
                #[doc = r" Registers the host functions and resources of this interface"]
                #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:cli/terminal-stdout@0.2.12") ?; let _ = (& mut inst,
                get); { inst.func_wrap("get-terminal-stdout", move | mut store :
                ::witbind::StoreContextMut < '_, T >, () : () | { let r =
                Host::get_terminal_stdout(get(store.data_mut()),) ?;
                ::core::result::Result::Ok((r,)) },) ?; } ::core::result::Result::Ok(())
                }
            }
            pub type TerminalOutput = super::super::super::wasi::cli::terminal_output::TerminalOutput;
        }
    }
    #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
    pub mod clocks {
        /// WASI Monotonic Clock is a clock API intended to let users measure elapsed
        /// time.
        ///
        /// It is intended to be portable at least between Unix-family platforms and
        /// Windows.
        ///
        /// A monotonic clock is a clock which has an unspecified initial value, and
        /// successive reads of the clock will produce non-decreasing values.
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod monotonic_clock {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the imported interface `wasi:clocks/monotonic-clock@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host { #[doc =
                " Read the current value of the clock."] #[doc = " "] #[doc =
                " The clock is monotonic, therefore calling this function repeatedly will"]
                #[doc = " produce a sequence of non-decreasing values."] #[doc = " "]
                #[doc =
                " For completeness, this function traps if it's not possible to represent"]
                #[doc =
                " the value of the clock in an `instant`. Consequently, implementations"]
                #[doc =
                " should ensure that the starting time is low enough to avoid the"] #[doc
                = " possibility of overflow in practice."] fn now(& mut self,) ->
                ::witbind::Result < Instant >; #[doc =
                " Query the resolution of the clock. Returns the duration of time"] #[doc
                = " corresponding to a clock tick."] fn resolution(& mut self,) ->
                ::witbind::Result < Duration >; #[doc =
                " Create a `pollable` which will resolve once the specified instant"]
                #[doc = " has occurred."] fn subscribe_instant(& mut self, when :
                Instant) -> ::witbind::Result < ::witbind::Resource <
                super::super::super::wasi::io::poll::Pollable > >; #[doc =
                " Create a `pollable` that will resolve after the specified duration has"]
                #[doc = " elapsed from the time this function is invoked."] fn
                subscribe_duration(& mut self, when : Duration) -> ::witbind::Result <
                ::witbind::Resource < super::super::super::wasi::io::poll::Pollable > >;
                } #[doc =
                r" Registers the host functions and resources of this interface"] #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:clocks/monotonic-clock@0.2.12") ?; let _ = (& mut inst,
                get); { inst.func_wrap("now", move | mut store :
                ::witbind::StoreContextMut < '_, T >, () : () | { let r =
                Host::now(get(store.data_mut()),) ?; ::core::result::Result::Ok((r,)) },)
                ?; } { inst.func_wrap("resolution", move | mut store :
                ::witbind::StoreContextMut < '_, T >, () : () | { let r =
                Host::resolution(get(store.data_mut()),) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("subscribe-instant", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (Instant,) | { let r =
                Host::subscribe_instant(get(store.data_mut()), arg0) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("subscribe-duration", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (Duration,) | { let r =
                Host::subscribe_duration(get(store.data_mut()), arg0) ?;
                ::core::result::Result::Ok((r,)) },) ?; } ::core::result::Result::Ok(())
                }
            }
            pub type Pollable = super::super::super::wasi::io::poll::Pollable;
            /// An instant in time, in nanoseconds. An instant is relative to an
            /// unspecified initial value, and can only be compared to instances from
            /// the same monotonic-clock.
            pub type Instant = u64;
            const _: () = {
                assert!(
                    < Instant as ::witbind::ComponentType > ::SIZE32 == 8usize,
                    "the Rust size of `instant` differs from its WIT size 8"
                );
                assert!(
                    < Instant as ::witbind::ComponentType > ::ALIGN32 == 8u32,
                    "the Rust alignment of `instant` differs from its WIT alignment 8"
                );
            };
            /// A duration of time, in nanoseconds.
            pub type Duration = u64;
            const _: () = {
                assert!(
                    < Duration as ::witbind::ComponentType > ::SIZE32 == 8usize,
                    "the Rust size of `duration` differs from its WIT size 8"
                );
                assert!(
                    < Duration as ::witbind::ComponentType > ::ALIGN32 == 8u32,
                    "the Rust alignment of `duration` differs from its WIT alignment 8"
                );
            };
        }
        /// WASI Wall Clock is a clock API intended to let users query the current
        /// time. The name "wall" makes an analogy to a "clock on the wall", which
        /// is not necessarily monotonic as it may be reset.
        ///
        /// It is intended to be portable at least between Unix-family platforms and
        /// Windows.
        ///
        /// A wall clock is a clock which measures the date and time according to
        /// some external reference.
        ///
        /// External references may be reset, so this clock is not necessarily
        /// monotonic, making it unsuitable for measuring elapsed time.
        ///
        /// It is intended for reporting the current date and time for humans.
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod wall_clock {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the imported interface `wasi:clocks/wall-clock@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host { #[doc =
                " Read the current value of the clock."] #[doc = " "] #[doc =
                " This clock is not monotonic, therefore calling this function repeatedly"]
                #[doc =
                " will not necessarily produce a sequence of non-decreasing values."]
                #[doc = " "] #[doc =
                " The returned timestamps represent the number of seconds since"] #[doc =
                " 1970-01-01T00:00:00Z, also known as [POSIX's Seconds Since the Epoch],"]
                #[doc = " also known as [Unix Time]."] #[doc = " "] #[doc =
                " The nanoseconds field of the output is always less than 1000000000."]
                #[doc = " "] #[doc =
                " [POSIX's Seconds Since the Epoch]: https://pubs.opengroup.org/onlinepubs/9699919799/xrat/V4_xbd_chap04.html#tag_21_04_16"]
                #[doc = " [Unix Time]: https://en.wikipedia.org/wiki/Unix_time"] fn now(&
                mut self,) -> ::witbind::Result < Datetime >; #[doc =
                " Query the resolution of the clock."] #[doc = " "] #[doc =
                " The nanoseconds field of the output is always less than 1000000000."]
                fn resolution(& mut self,) -> ::witbind::Result < Datetime >; } #[doc =
                r" Registers the host functions and resources of this interface"] #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:clocks/wall-clock@0.2.12") ?; let _ = (& mut inst, get);
                { inst.func_wrap("now", move | mut store : ::witbind::StoreContextMut <
                '_, T >, () : () | { let r = Host::now(get(store.data_mut()),) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst.func_wrap("resolution",
                move | mut store : ::witbind::StoreContextMut < '_, T >, () : () | { let
                r = Host::resolution(get(store.data_mut()),) ?;
                ::core::result::Result::Ok((r,)) },) ?; } ::core::result::Result::Ok(())
                }
            }
            /// A time and date in seconds plus nanoseconds.
            #[derive(
                ::witbind::ComponentType,
                ::witbind::Lift,
                ::witbind::Lower,
                ::core::fmt::Debug,
                ::core::clone::Clone,
                ::core::cmp::PartialEq
            )]
            #[component(record)]
            pub struct Datetime {
                #[component(name = "seconds")]
                pub seconds: u64,
                #[component(name = "nanoseconds")]
                pub nanoseconds: u32,
            }
            const _: () = {
                assert!(
                    < Datetime as ::witbind::ComponentType > ::SIZE32 == 16usize,
                    "the Rust size of `datetime` differs from its WIT size 16"
                );
                assert!(
                    < Datetime as ::witbind::ComponentType > ::ALIGN32 == 8u32,
                    "the Rust alignment of `datetime` differs from its WIT alignment 8"
                );
            };
        }
    }
    #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
    pub mod filesystem {
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod preopens {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the imported interface `wasi:filesystem/preopens@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host { #[doc =
                " Return the set of preopened directories, and their paths."] fn
                get_directories(& mut self,) -> ::witbind::Result < ::std::vec::Vec <
                (::witbind::Resource <
                super::super::super::wasi::filesystem::types::Descriptor >,
                ::std::string::String,) > >; } #[doc =
                r" Registers the host functions and resources of this interface"] #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:filesystem/preopens@0.2.12") ?; let _ = (& mut inst,
                get); { inst.func_wrap("get-directories", move | mut store :
                ::witbind::StoreContextMut < '_, T >, () : () | { let r =
                Host::get_directories(get(store.data_mut()),) ?;
                ::core::result::Result::Ok((r,)) },) ?; } ::core::result::Result::Ok(())
                }
            }
            pub type Descriptor = super::super::super::wasi::filesystem::types::Descriptor;
        }
        /// WASI filesystem is a filesystem API primarily intended to let users run WASI
        /// programs that access their files on their existing filesystems, without
        /// significant overhead.
        ///
        /// It is intended to be roughly portable between Unix-family platforms and
        /// Windows, though it does not hide many of the major differences.
        ///
        /// Paths are passed as interface-type `string`s, meaning they must consist of
        /// a sequence of Unicode Scalar Values (USVs). Some filesystems may contain
        /// paths which are not accessible by this API.
        ///
        /// The directory separator in WASI is always the forward-slash (`/`).
        ///
        /// All paths in WASI are relative paths, and are interpreted relative to a
        /// `descriptor` referring to a base directory. If a `path` argument to any WASI
        /// function starts with `/`, or if any step of resolving a `path`, including
        /// `..` and symbolic link steps, reaches a directory outside of the base
        /// directory, or reaches a symlink to an absolute or rooted path in the
        /// underlying filesystem, the function fails with `error-code::not-permitted`.
        ///
        /// For more information about WASI path resolution and sandboxing, see
        /// [WASI filesystem path resolution].
        ///
        /// [WASI filesystem path resolution]: https://github.com/WebAssembly/wasi-filesystem/blob/main/path-resolution.md
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod types {
            ::witbind::__bindgen_host_items! {
                #[doc = " The host's implementation of the WIT resource `descriptor`."]
                #[allow(dead_code, clippy::all)] pub trait HostDescriptor { #[doc =
                " Return a stream for reading from a file, if available."] #[doc = " "]
                #[doc =
                " May fail with an error-code describing why the file cannot be read."]
                #[doc = " "] #[doc =
                " Multiple read, write, and append streams may be active on the same open"]
                #[doc = " file and they do not interfere with each other."] #[doc = " "]
                #[doc =
                " Note: This allows using `read-stream`, which is similar to `read` in POSIX."]
                fn read_via_stream(& mut self, self_ : ::witbind::Resource < Descriptor
                >, offset : Filesize) -> ::witbind::Result < ::core::result::Result <
                ::witbind::Resource < super::super::super::wasi::io::streams::InputStream
                >, ErrorCode > >; #[doc =
                " Return a stream for writing to a file, if available."] #[doc = " "]
                #[doc =
                " May fail with an error-code describing why the file cannot be written."]
                #[doc = " "] #[doc =
                " Note: This allows using `write-stream`, which is similar to `write` in"]
                #[doc = " POSIX."] fn write_via_stream(& mut self, self_ :
                ::witbind::Resource < Descriptor >, offset : Filesize) ->
                ::witbind::Result < ::core::result::Result < ::witbind::Resource <
                super::super::super::wasi::io::streams::OutputStream >, ErrorCode > >;
                #[doc = " Return a stream for appending to a file, if available."] #[doc
                = " "] #[doc =
                " May fail with an error-code describing why the file cannot be appended."]
                #[doc = " "] #[doc =
                " Note: This allows using `write-stream`, which is similar to `write` with"]
                #[doc = " `O_APPEND` in POSIX."] fn append_via_stream(& mut self, self_ :
                ::witbind::Resource < Descriptor >) -> ::witbind::Result <
                ::core::result::Result < ::witbind::Resource <
                super::super::super::wasi::io::streams::OutputStream >, ErrorCode > >;
                #[doc = " Provide file advisory information on a descriptor."] #[doc =
                " "] #[doc = " This is similar to `posix_fadvise` in POSIX."] fn advise(&
                mut self, self_ : ::witbind::Resource < Descriptor >, offset : Filesize,
                length : Filesize, advice : Advice) -> ::witbind::Result <
                ::core::result::Result < (), ErrorCode > >; #[doc =
                " Synchronize the data of a file to disk."] #[doc = " "] #[doc =
                " This function succeeds with no effect if the file descriptor is not"]
                #[doc = " opened for writing."] #[doc = " "] #[doc =
                " Note: This is similar to `fdatasync` in POSIX."] fn sync_data(& mut
                self, self_ : ::witbind::Resource < Descriptor >) -> ::witbind::Result <
                ::core::result::Result < (), ErrorCode > >; #[doc =
                " Get flags associated with a descriptor."] #[doc = " "] #[doc =
                " Note: This returns similar flags to `fcntl(fd, F_GETFL)` in POSIX."]
                #[doc = " "] #[doc =
                " Note: This returns the value that was the `fs_flags` value returned"]
                #[doc = " from `fdstat_get` in earlier versions of WASI."] fn get_flags(&
                mut self, self_ : ::witbind::Resource < Descriptor >) ->
                ::witbind::Result < ::core::result::Result < DescriptorFlags, ErrorCode >
                >; #[doc = " Get the dynamic type of a descriptor."] #[doc = " "] #[doc =
                " Note: This returns the same value as the `type` field of the `fd-stat`"]
                #[doc = " returned by `stat`, `stat-at` and similar."] #[doc = " "] #[doc
                =
                " Note: This returns similar flags to the `st_mode & S_IFMT` value provided"]
                #[doc = " by `fstat` in POSIX."] #[doc = " "] #[doc =
                " Note: This returns the value that was the `fs_filetype` value returned"]
                #[doc = " from `fdstat_get` in earlier versions of WASI."] fn get_type(&
                mut self, self_ : ::witbind::Resource < Descriptor >) ->
                ::witbind::Result < ::core::result::Result < DescriptorType, ErrorCode >
                >; #[doc =
                " Adjust the size of an open file. If this increases the file's size, the"]
                #[doc = " extra bytes are filled with zeros."] #[doc = " "] #[doc =
                " Note: This was called `fd_filestat_set_size` in earlier versions of WASI."]
                fn set_size(& mut self, self_ : ::witbind::Resource < Descriptor >, size
                : Filesize) -> ::witbind::Result < ::core::result::Result < (), ErrorCode
                > >; #[doc = " Adjust the timestamps of an open file or directory."]
                #[doc = " "] #[doc = " Note: This is similar to `futimens` in POSIX."]
                #[doc = " "] #[doc =
                " Note: This was called `fd_filestat_set_times` in earlier versions of WASI."]
                fn set_times(& mut self, self_ : ::witbind::Resource < Descriptor >,
                data_access_timestamp : NewTimestamp, data_modification_timestamp :
                NewTimestamp) -> ::witbind::Result < ::core::result::Result < (),
                ErrorCode > >; #[doc =
                " Read from a descriptor, without using and updating the descriptor's offset."]
                #[doc = " "] #[doc =
                " This function returns a list of bytes containing the data that was"]
                #[doc =
                " read, along with a bool which, when true, indicates that the end of the"]
                #[doc =
                " file was reached. The returned list will contain up to `length` bytes; it"]
                #[doc =
                " may return fewer than requested, if the end of the file is reached or"]
                #[doc = " if the I/O operation is interrupted."] #[doc = " "] #[doc =
                " In the future, this may change to return a `stream<u8, error-code>`."]
                #[doc = " "] #[doc = " Note: This is similar to `pread` in POSIX."] fn
                read(& mut self, self_ : ::witbind::Resource < Descriptor >, length :
                Filesize, offset : Filesize) -> ::witbind::Result <
                ::core::result::Result < (::std::vec::Vec < u8 >, bool,), ErrorCode > >;
                #[doc =
                " Write to a descriptor, without using and updating the descriptor's offset."]
                #[doc = " "] #[doc =
                " It is valid to write past the end of a file; the file is extended to the"]
                #[doc =
                " extent of the write, with bytes between the previous end and the start of"]
                #[doc = " the write set to zero."] #[doc = " "] #[doc =
                " In the future, this may change to take a `stream<u8, error-code>`."]
                #[doc = " "] #[doc = " Note: This is similar to `pwrite` in POSIX."] fn
                write(& mut self, self_ : ::witbind::Resource < Descriptor >, buffer :
                ::std::vec::Vec < u8 >, offset : Filesize) -> ::witbind::Result <
                ::core::result::Result < Filesize, ErrorCode > >; #[doc =
                " Read directory entries from a directory."] #[doc = " "] #[doc =
                " On filesystems where directories contain entries referring to themselves"]
                #[doc =
                " and their parents, often named `.` and `..` respectively, these entries"]
                #[doc = " are omitted."] #[doc = " "] #[doc =
                " This always returns a new stream which starts at the beginning of the"]
                #[doc =
                " directory. Multiple streams may be active on the same directory, and they"]
                #[doc = " do not interfere with each other."] fn read_directory(& mut
                self, self_ : ::witbind::Resource < Descriptor >) -> ::witbind::Result <
                ::core::result::Result < ::witbind::Resource < DirectoryEntryStream >,
                ErrorCode > >; #[doc =
                " Synchronize the data and metadata of a file to disk."] #[doc = " "]
                #[doc =
                " This function succeeds with no effect if the file descriptor is not"]
                #[doc = " opened for writing."] #[doc = " "] #[doc =
                " Note: This is similar to `fsync` in POSIX."] fn sync(& mut self, self_
                : ::witbind::Resource < Descriptor >) -> ::witbind::Result <
                ::core::result::Result < (), ErrorCode > >; #[doc =
                " Create a directory."] #[doc = " "] #[doc =
                " Note: This is similar to `mkdirat` in POSIX."] fn create_directory_at(&
                mut self, self_ : ::witbind::Resource < Descriptor >, path :
                ::std::string::String) -> ::witbind::Result < ::core::result::Result <
                (), ErrorCode > >; #[doc =
                " Return the attributes of an open file or directory."] #[doc = " "]
                #[doc =
                " Note: This is similar to `fstat` in POSIX, except that it does not return"]
                #[doc =
                " device and inode information. For testing whether two descriptors refer to"]
                #[doc =
                " the same underlying filesystem object, use `is-same-object`. To obtain"]
                #[doc =
                " additional data that can be used do determine whether a file has been"]
                #[doc = " modified, use `metadata-hash`."] #[doc = " "] #[doc =
                " Note: This was called `fd_filestat_get` in earlier versions of WASI."]
                fn stat(& mut self, self_ : ::witbind::Resource < Descriptor >) ->
                ::witbind::Result < ::core::result::Result < DescriptorStat, ErrorCode >
                >; #[doc = " Return the attributes of a file or directory."] #[doc = " "]
                #[doc =
                " Note: This is similar to `fstatat` in POSIX, except that it does not"]
                #[doc =
                " return device and inode information. See the `stat` description for a"]
                #[doc = " discussion of alternatives."] #[doc = " "] #[doc =
                " Note: This was called `path_filestat_get` in earlier versions of WASI."]
                fn stat_at(& mut self, self_ : ::witbind::Resource < Descriptor >,
                path_flags : PathFlags, path : ::std::string::String) ->
                ::witbind::Result < ::core::result::Result < DescriptorStat, ErrorCode >
                >; #[doc = " Adjust the timestamps of a file or directory."] #[doc = " "]
                #[doc = " Note: This is similar to `utimensat` in POSIX."] #[doc = " "]
                #[doc =
                " Note: This was called `path_filestat_set_times` in earlier versions of"]
                #[doc = " WASI."] fn set_times_at(& mut self, self_ : ::witbind::Resource
                < Descriptor >, path_flags : PathFlags, path : ::std::string::String,
                data_access_timestamp : NewTimestamp, data_modification_timestamp :
                NewTimestamp) -> ::witbind::Result < ::core::result::Result < (),
                ErrorCode > >; #[doc = " Create a hard link."] #[doc = " "] #[doc =
                " Fails with `error-code::no-entry` if the old path does not exist,"]
                #[doc = " with `error-code::exist` if the new path already exists, and"]
                #[doc = " `error-code::not-permitted` if the old path is not a file."]
                #[doc = " "] #[doc = " Note: This is similar to `linkat` in POSIX."] fn
                link_at(& mut self, self_ : ::witbind::Resource < Descriptor >,
                old_path_flags : PathFlags, old_path : ::std::string::String,
                new_descriptor : ::witbind::Resource < Descriptor >, new_path :
                ::std::string::String) -> ::witbind::Result < ::core::result::Result <
                (), ErrorCode > >; #[doc = " Open a file or directory."] #[doc = " "]
                #[doc =
                " If `flags` contains `descriptor-flags::mutate-directory`, and the base"]
                #[doc =
                " descriptor doesn't have `descriptor-flags::mutate-directory` set,"]
                #[doc = " `open-at` fails with `error-code::read-only`."] #[doc = " "]
                #[doc =
                " If `flags` contains `write` or `mutate-directory`, or `open-flags`"]
                #[doc =
                " contains `truncate` or `create`, and the base descriptor doesn't have"]
                #[doc =
                " `descriptor-flags::mutate-directory` set, `open-at` fails with"] #[doc
                = " `error-code::read-only`."] #[doc = " "] #[doc =
                " Note: This is similar to `openat` in POSIX."] fn open_at(& mut self,
                self_ : ::witbind::Resource < Descriptor >, path_flags : PathFlags, path
                : ::std::string::String, open_flags : OpenFlags, flags : DescriptorFlags)
                -> ::witbind::Result < ::core::result::Result < ::witbind::Resource <
                Descriptor >, ErrorCode > >; #[doc =
                " Read the contents of a symbolic link."] #[doc = " "] #[doc =
                " If the contents contain an absolute or rooted path in the underlying"]
                #[doc =
                " filesystem, this function fails with `error-code::not-permitted`."]
                #[doc = " "] #[doc = " Note: This is similar to `readlinkat` in POSIX."]
                fn readlink_at(& mut self, self_ : ::witbind::Resource < Descriptor >,
                path : ::std::string::String) -> ::witbind::Result <
                ::core::result::Result < ::std::string::String, ErrorCode > >; #[doc =
                " Remove a directory."] #[doc = " "] #[doc =
                " Return `error-code::not-empty` if the directory is not empty."] #[doc =
                " "] #[doc =
                " Note: This is similar to `unlinkat(fd, path, AT_REMOVEDIR)` in POSIX."]
                fn remove_directory_at(& mut self, self_ : ::witbind::Resource <
                Descriptor >, path : ::std::string::String) -> ::witbind::Result <
                ::core::result::Result < (), ErrorCode > >; #[doc =
                " Rename a filesystem object."] #[doc = " "] #[doc =
                " Note: This is similar to `renameat` in POSIX."] fn rename_at(& mut
                self, self_ : ::witbind::Resource < Descriptor >, old_path :
                ::std::string::String, new_descriptor : ::witbind::Resource < Descriptor
                >, new_path : ::std::string::String) -> ::witbind::Result <
                ::core::result::Result < (), ErrorCode > >; #[doc =
                " Create a symbolic link (also known as a \"symlink\")."] #[doc = " "]
                #[doc = " If `old-path` starts with `/`, the function fails with"] #[doc
                = " `error-code::not-permitted`."] #[doc = " "] #[doc =
                " Note: This is similar to `symlinkat` in POSIX."] fn symlink_at(& mut
                self, self_ : ::witbind::Resource < Descriptor >, old_path :
                ::std::string::String, new_path : ::std::string::String) ->
                ::witbind::Result < ::core::result::Result < (), ErrorCode > >; #[doc =
                " Unlink a filesystem object that is not a directory."] #[doc = " "]
                #[doc =
                " Return `error-code::is-directory` if the path refers to a directory."]
                #[doc = " Note: This is similar to `unlinkat(fd, path, 0)` in POSIX."] fn
                unlink_file_at(& mut self, self_ : ::witbind::Resource < Descriptor >,
                path : ::std::string::String) -> ::witbind::Result <
                ::core::result::Result < (), ErrorCode > >; #[doc =
                " Test whether two descriptors refer to the same filesystem object."]
                #[doc = " "] #[doc =
                " In POSIX, this corresponds to testing whether the two descriptors have the"]
                #[doc =
                " same device (`st_dev`) and inode (`st_ino` or `d_ino`) numbers."] #[doc
                =
                " wasi-filesystem does not expose device and inode numbers, so this function"]
                #[doc = " may be used instead."] fn is_same_object(& mut self, self_ :
                ::witbind::Resource < Descriptor >, other : ::witbind::Resource <
                Descriptor >) -> ::witbind::Result < bool >; #[doc =
                " Return a hash of the metadata associated with a filesystem object referred"]
                #[doc = " to by a descriptor."] #[doc = " "] #[doc =
                " This returns a hash of the last-modification timestamp and file size, and"]
                #[doc =
                " may also include the inode number, device number, birth timestamp, and"]
                #[doc =
                " other metadata fields that may change when the file is modified or"]
                #[doc = " replaced. It may also include a secret value chosen by the"]
                #[doc = " implementation and not otherwise exposed."] #[doc = " "] #[doc
                = " Implementations are encouraged to provide the following properties:"]
                #[doc = " "] #[doc =
                "  - If the file is not modified or replaced, the computed hash value should"]
                #[doc = "    usually not change."] #[doc =
                "  - If the object is modified or replaced, the computed hash value should"]
                #[doc = "    usually change."] #[doc =
                "  - The inputs to the hash should not be easily computable from the"]
                #[doc = "    computed hash."] #[doc = " "] #[doc =
                " However, none of these is required."] fn metadata_hash(& mut self,
                self_ : ::witbind::Resource < Descriptor >) -> ::witbind::Result <
                ::core::result::Result < MetadataHashValue, ErrorCode > >; #[doc =
                " Return a hash of the metadata associated with a filesystem object referred"]
                #[doc = " to by a directory descriptor and a relative path."] #[doc =
                " "] #[doc =
                " This performs the same hash computation as `metadata-hash`."] fn
                metadata_hash_at(& mut self, self_ : ::witbind::Resource < Descriptor >,
                path_flags : PathFlags, path : ::std::string::String) ->
                ::witbind::Result < ::core::result::Result < MetadataHashValue, ErrorCode
                > >; #[doc = r" Called when the guest drops the last owned handle."] fn
                drop(& mut self, rep : ::witbind::Resource < Descriptor >) ->
                ::witbind::Result < () >; } #[doc =
                " The host's implementation of the WIT resource `directory-entry-stream`."]
                #[allow(dead_code, clippy::all)] pub trait HostDirectoryEntryStream {
                #[doc =
                " Read a single directory entry from a `directory-entry-stream`."] fn
                read_directory_entry(& mut self, self_ : ::witbind::Resource <
                DirectoryEntryStream >) -> ::witbind::Result < ::core::result::Result <
                ::core::option::Option < DirectoryEntry >, ErrorCode > >; #[doc =
                r" Called when the guest drops the last owned handle."] fn drop(& mut
                self, rep : ::witbind::Resource < DirectoryEntryStream >) ->
                ::witbind::Result < () >; } #[doc =
                " The host's implementation of the imported interface `wasi:filesystem/types@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host : HostDescriptor +
                HostDirectoryEntryStream { #[doc =
                " Attempts to extract a filesystem-related `error-code` from the stream"]
                #[doc = " `error` provided."] #[doc = " "] #[doc =
                " Stream operations which return `stream-error::last-operation-failed`"]
                #[doc =
                " have a payload with more information about the operation that failed."]
                #[doc =
                " This payload can be passed through to this function to see if there's"]
                #[doc = " filesystem-related information about the error to return."]
                #[doc = " "] #[doc =
                " Note that this function is fallible because not all stream-related"]
                #[doc = " errors are filesystem-related errors."] fn
                filesystem_error_code(& mut self, err : ::witbind::Resource <
                super::super::super::wasi::io::error::Error >) -> ::witbind::Result <
                ::core::option::Option < ErrorCode > >; } #[doc =
                r" Registers the host functions and resources of this interface"] #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:filesystem/types@0.2.12") ?; let _ = (& mut inst, get); {
                inst.func_wrap("[method]descriptor.read-via-stream", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < Descriptor > >, Filesize,) |
                { let r = HostDescriptor::read_via_stream(get(store.data_mut()), arg0
                .into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.write-via-stream", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < Descriptor > >, Filesize,) |
                { let r = HostDescriptor::write_via_stream(get(store.data_mut()), arg0
                .into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.append-via-stream", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < Descriptor > >,) | { let r =
                HostDescriptor::append_via_stream(get(store.data_mut()), arg0
                .into_inner()) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.advise", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1, arg2, arg3,) :
                (::witbind::Borrowed < ::witbind::Resource < Descriptor > >, Filesize,
                Filesize, Advice,) | { let r = HostDescriptor::advise(get(store
                .data_mut()), arg0.into_inner(), arg1, arg2, arg3) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.sync-data", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < Descriptor > >,) | { let r =
                HostDescriptor::sync_data(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.get-flags", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < Descriptor > >,) | { let r =
                HostDescriptor::get_flags(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.get-type", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < Descriptor > >,) | { let r =
                HostDescriptor::get_type(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.set-size", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < Descriptor > >, Filesize,) |
                { let r = HostDescriptor::set_size(get(store.data_mut()), arg0
                .into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.set-times", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1, arg2,) :
                (::witbind::Borrowed < ::witbind::Resource < Descriptor > >,
                NewTimestamp, NewTimestamp,) | { let r =
                HostDescriptor::set_times(get(store.data_mut()), arg0.into_inner(), arg1,
                arg2) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.read", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1, arg2,) :
                (::witbind::Borrowed < ::witbind::Resource < Descriptor > >, Filesize,
                Filesize,) | { let r = HostDescriptor::read(get(store.data_mut()), arg0
                .into_inner(), arg1, arg2) ?; ::core::result::Result::Ok((r,)) },) ?; } {
                inst.func_wrap("[method]descriptor.write", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1, arg2,) :
                (::witbind::Borrowed < ::witbind::Resource < Descriptor > >,
                ::std::vec::Vec < u8 >, Filesize,) | { let r =
                HostDescriptor::write(get(store.data_mut()), arg0.into_inner(), arg1,
                arg2) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.read-directory", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < Descriptor > >,) | { let r =
                HostDescriptor::read_directory(get(store.data_mut()), arg0.into_inner())
                ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.sync", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < Descriptor > >,) | { let r =
                HostDescriptor::sync(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.create-directory-at", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < Descriptor > >,
                ::std::string::String,) | { let r =
                HostDescriptor::create_directory_at(get(store.data_mut()), arg0
                .into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.stat", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < Descriptor > >,) | { let r =
                HostDescriptor::stat(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.stat-at", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1, arg2,) :
                (::witbind::Borrowed < ::witbind::Resource < Descriptor > >, PathFlags,
                ::std::string::String,) | { let r = HostDescriptor::stat_at(get(store
                .data_mut()), arg0.into_inner(), arg1, arg2) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.set-times-at", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1, arg2, arg3, arg4,) :
                (::witbind::Borrowed < ::witbind::Resource < Descriptor > >, PathFlags,
                ::std::string::String, NewTimestamp, NewTimestamp,) | { let r =
                HostDescriptor::set_times_at(get(store.data_mut()), arg0.into_inner(),
                arg1, arg2, arg3, arg4) ?; ::core::result::Result::Ok((r,)) },) ?; } {
                inst.func_wrap("[method]descriptor.link-at", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1, arg2, arg3, arg4,) :
                (::witbind::Borrowed < ::witbind::Resource < Descriptor > >, PathFlags,
                ::std::string::String, ::witbind::Borrowed < ::witbind::Resource <
                Descriptor > >, ::std::string::String,) | { let r =
                HostDescriptor::link_at(get(store.data_mut()), arg0.into_inner(), arg1,
                arg2, arg3.into_inner(), arg4) ?; ::core::result::Result::Ok((r,)) },) ?;
                } { inst.func_wrap("[method]descriptor.open-at", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1, arg2, arg3, arg4,) :
                (::witbind::Borrowed < ::witbind::Resource < Descriptor > >, PathFlags,
                ::std::string::String, OpenFlags, DescriptorFlags,) | { let r =
                HostDescriptor::open_at(get(store.data_mut()), arg0.into_inner(), arg1,
                arg2, arg3, arg4) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.readlink-at", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < Descriptor > >,
                ::std::string::String,) | { let r = HostDescriptor::readlink_at(get(store
                .data_mut()), arg0.into_inner(), arg1) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.remove-directory-at", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < Descriptor > >,
                ::std::string::String,) | { let r =
                HostDescriptor::remove_directory_at(get(store.data_mut()), arg0
                .into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.rename-at", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1, arg2, arg3,) :
                (::witbind::Borrowed < ::witbind::Resource < Descriptor > >,
                ::std::string::String, ::witbind::Borrowed < ::witbind::Resource <
                Descriptor > >, ::std::string::String,) | { let r =
                HostDescriptor::rename_at(get(store.data_mut()), arg0.into_inner(), arg1,
                arg2.into_inner(), arg3) ?; ::core::result::Result::Ok((r,)) },) ?; } {
                inst.func_wrap("[method]descriptor.symlink-at", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1, arg2,) :
                (::witbind::Borrowed < ::witbind::Resource < Descriptor > >,
                ::std::string::String, ::std::string::String,) | { let r =
                HostDescriptor::symlink_at(get(store.data_mut()), arg0.into_inner(),
                arg1, arg2) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.unlink-file-at", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < Descriptor > >,
                ::std::string::String,) | { let r =
                HostDescriptor::unlink_file_at(get(store.data_mut()), arg0.into_inner(),
                arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.is-same-object", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < Descriptor > >,
                ::witbind::Borrowed < ::witbind::Resource < Descriptor > >,) | { let r =
                HostDescriptor::is_same_object(get(store.data_mut()), arg0.into_inner(),
                arg1.into_inner()) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.metadata-hash", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < Descriptor > >,) | { let r =
                HostDescriptor::metadata_hash(get(store.data_mut()), arg0.into_inner())
                ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]descriptor.metadata-hash-at", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1, arg2,) :
                (::witbind::Borrowed < ::witbind::Resource < Descriptor > >, PathFlags,
                ::std::string::String,) | { let r =
                HostDescriptor::metadata_hash_at(get(store.data_mut()), arg0
                .into_inner(), arg1, arg2) ?; ::core::result::Result::Ok((r,)) },) ?; }
                inst.resource:: < Descriptor > ("descriptor", move | mut store, rep | {
                HostDescriptor::drop(get(store.data_mut()),
                ::witbind::Resource::new_own(rep)) }) ?; { inst
                .func_wrap("[method]directory-entry-stream.read-directory-entry", move |
                mut store : ::witbind::StoreContextMut < '_, T >, (arg0,) :
                (::witbind::Borrowed < ::witbind::Resource < DirectoryEntryStream > >,) |
                { let r = HostDirectoryEntryStream::read_directory_entry(get(store
                .data_mut()), arg0.into_inner()) ?; ::core::result::Result::Ok((r,)) },)
                ?; } inst.resource:: < DirectoryEntryStream > ("directory-entry-stream",
                move | mut store, rep | { HostDirectoryEntryStream::drop(get(store
                .data_mut()), ::witbind::Resource::new_own(rep)) }) ?; { inst
                .func_wrap("filesystem-error-code", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < super::super::super::wasi::io::error::Error > >,) |
                { let r = Host::filesystem_error_code(get(store.data_mut()), arg0
                .into_inner()) ?; ::core::result::Result::Ok((r,)) },) ?; }
                ::core::result::Result::Ok(()) }
            }
            pub type InputStream = super::super::super::wasi::io::streams::InputStream;
            pub type OutputStream = super::super::super::wasi::io::streams::OutputStream;
            pub type Error = super::super::super::wasi::io::streams::Error;
            pub type Datetime = super::super::super::wasi::clocks::wall_clock::Datetime;
            const _: () = {
                assert!(
                    < Datetime as ::witbind::ComponentType > ::SIZE32 == 16usize,
                    "the Rust size of `datetime` differs from its WIT size 16"
                );
                assert!(
                    < Datetime as ::witbind::ComponentType > ::ALIGN32 == 8u32,
                    "the Rust alignment of `datetime` differs from its WIT alignment 8"
                );
            };
            /// File size or length of a region within a file.
            pub type Filesize = u64;
            const _: () = {
                assert!(
                    < Filesize as ::witbind::ComponentType > ::SIZE32 == 8usize,
                    "the Rust size of `filesize` differs from its WIT size 8"
                );
                assert!(
                    < Filesize as ::witbind::ComponentType > ::ALIGN32 == 8u32,
                    "the Rust alignment of `filesize` differs from its WIT alignment 8"
                );
            };
            /// The type of a filesystem object referenced by a descriptor.
            ///
            /// Note: This was called `filetype` in earlier versions of WASI.
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
            pub enum DescriptorType {
                /// The type of the descriptor or file is unknown or is different from
                /// any of the other types specified.
                #[component(name = "unknown")]
                Unknown,
                /// The descriptor refers to a block device inode.
                #[component(name = "block-device")]
                BlockDevice,
                /// The descriptor refers to a character device inode.
                #[component(name = "character-device")]
                CharacterDevice,
                /// The descriptor refers to a directory inode.
                #[component(name = "directory")]
                Directory,
                /// The descriptor refers to a named pipe.
                #[component(name = "fifo")]
                Fifo,
                /// The file refers to a symbolic link inode.
                #[component(name = "symbolic-link")]
                SymbolicLink,
                /// The descriptor refers to a regular file inode.
                #[component(name = "regular-file")]
                RegularFile,
                /// The descriptor refers to a socket.
                #[component(name = "socket")]
                Socket,
            }
            const _: () = {
                assert!(
                    < DescriptorType as ::witbind::ComponentType > ::SIZE32 == 1usize,
                    "the Rust size of `descriptor-type` differs from its WIT size 1"
                );
                assert!(
                    < DescriptorType as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `descriptor-type` differs from its WIT alignment 1"
                );
            };
            ::witbind::flags! {
                #[doc = " Descriptor flags."] #[doc = " "] #[doc =
                " Note: This was called `fdflags` in earlier versions of WASI."] pub
                DescriptorFlags { #[doc = " Read mode: Data can be read."]
                #[component(name = "read")] const READ; #[doc =
                " Write mode: Data can be written to."] #[component(name = "write")]
                const WRITE; #[doc =
                " Request that writes be performed according to synchronized I/O file"]
                #[doc =
                " integrity completion. The data stored in the file and the file's"]
                #[doc =
                " metadata are synchronized. This is similar to `O_SYNC` in POSIX."]
                #[doc = " "] #[doc =
                " The precise semantics of this operation have not yet been defined for"]
                #[doc =
                " WASI. At this time, it should be interpreted as a request, and not a"]
                #[doc = " requirement."] #[component(name = "file-integrity-sync")] const
                FILE_INTEGRITY_SYNC; #[doc =
                " Request that writes be performed according to synchronized I/O data"]
                #[doc = " integrity completion. Only the data stored in the file is"]
                #[doc = " synchronized. This is similar to `O_DSYNC` in POSIX."] #[doc =
                " "] #[doc =
                " The precise semantics of this operation have not yet been defined for"]
                #[doc =
                " WASI. At this time, it should be interpreted as a request, and not a"]
                #[doc = " requirement."] #[component(name = "data-integrity-sync")] const
                DATA_INTEGRITY_SYNC; #[doc =
                " Requests that reads be performed at the same level of integrity"] #[doc
                = " requested for writes. This is similar to `O_RSYNC` in POSIX."] #[doc
                = " "] #[doc =
                " The precise semantics of this operation have not yet been defined for"]
                #[doc =
                " WASI. At this time, it should be interpreted as a request, and not a"]
                #[doc = " requirement."] #[component(name = "requested-write-sync")]
                const REQUESTED_WRITE_SYNC; #[doc =
                " Mutating directories mode: Directory contents may be mutated."] #[doc =
                " "] #[doc =
                " When this flag is unset on a descriptor, operations using the"] #[doc =
                " descriptor which would create, rename, delete, modify the data or"]
                #[doc =
                " metadata of filesystem objects, or obtain another handle which"] #[doc
                =
                " would permit any of those, shall fail with `error-code::read-only` if"]
                #[doc = " they would otherwise succeed."] #[doc = " "] #[doc =
                " This may only be set on directories."] #[component(name =
                "mutate-directory")] const MUTATE_DIRECTORY; }
            }
            const _: () = {
                assert!(
                    < DescriptorFlags as ::witbind::ComponentType > ::SIZE32 == 1usize,
                    "the Rust size of `descriptor-flags` differs from its WIT size 1"
                );
                assert!(
                    < DescriptorFlags as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `descriptor-flags` differs from its WIT alignment 1"
                );
            };
            ::witbind::flags! {
                #[doc = " Flags determining the method of how paths are resolved."] pub
                PathFlags { #[doc =
                " As long as the resolved path corresponds to a symbolic link, it is"]
                #[doc = " expanded."] #[component(name = "symlink-follow")] const
                SYMLINK_FOLLOW; }
            }
            const _: () = {
                assert!(
                    < PathFlags as ::witbind::ComponentType > ::SIZE32 == 1usize,
                    "the Rust size of `path-flags` differs from its WIT size 1"
                );
                assert!(
                    < PathFlags as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `path-flags` differs from its WIT alignment 1"
                );
            };
            ::witbind::flags! {
                #[doc = " Open flags used by `open-at`."] pub OpenFlags { #[doc =
                " Create file if it does not exist, similar to `O_CREAT` in POSIX."]
                #[component(name = "create")] const CREATE; #[doc =
                " Fail if not a directory, similar to `O_DIRECTORY` in POSIX."]
                #[component(name = "directory")] const DIRECTORY; #[doc =
                " Fail if file already exists, similar to `O_EXCL` in POSIX."]
                #[component(name = "exclusive")] const EXCLUSIVE; #[doc =
                " Truncate file to size 0, similar to `O_TRUNC` in POSIX."]
                #[component(name = "truncate")] const TRUNCATE; }
            }
            const _: () = {
                assert!(
                    < OpenFlags as ::witbind::ComponentType > ::SIZE32 == 1usize,
                    "the Rust size of `open-flags` differs from its WIT size 1"
                );
                assert!(
                    < OpenFlags as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `open-flags` differs from its WIT alignment 1"
                );
            };
            /// Number of hard links to an inode.
            pub type LinkCount = u64;
            const _: () = {
                assert!(
                    < LinkCount as ::witbind::ComponentType > ::SIZE32 == 8usize,
                    "the Rust size of `link-count` differs from its WIT size 8"
                );
                assert!(
                    < LinkCount as ::witbind::ComponentType > ::ALIGN32 == 8u32,
                    "the Rust alignment of `link-count` differs from its WIT alignment 8"
                );
            };
            /// File attributes.
            ///
            /// Note: This was called `filestat` in earlier versions of WASI.
            #[derive(
                ::witbind::ComponentType,
                ::witbind::Lift,
                ::witbind::Lower,
                ::core::fmt::Debug,
                ::core::clone::Clone,
                ::core::cmp::PartialEq
            )]
            #[component(record)]
            pub struct DescriptorStat {
                /// File type.
                #[component(name = "type")]
                pub r#type: DescriptorType,
                /// Number of hard links to the file.
                #[component(name = "link-count")]
                pub link_count: LinkCount,
                /// For regular files, the file size in bytes. For symbolic links, the
                /// length in bytes of the pathname contained in the symbolic link.
                #[component(name = "size")]
                pub size: Filesize,
                /// Last data access timestamp.
                ///
                /// If the `option` is none, the platform doesn't maintain an access
                /// timestamp for this file.
                #[component(name = "data-access-timestamp")]
                pub data_access_timestamp: ::core::option::Option<Datetime>,
                /// Last data modification timestamp.
                ///
                /// If the `option` is none, the platform doesn't maintain a
                /// modification timestamp for this file.
                #[component(name = "data-modification-timestamp")]
                pub data_modification_timestamp: ::core::option::Option<Datetime>,
                /// Last file status-change timestamp.
                ///
                /// If the `option` is none, the platform doesn't maintain a
                /// status-change timestamp for this file.
                #[component(name = "status-change-timestamp")]
                pub status_change_timestamp: ::core::option::Option<Datetime>,
            }
            const _: () = {
                assert!(
                    < DescriptorStat as ::witbind::ComponentType > ::SIZE32 == 96usize,
                    "the Rust size of `descriptor-stat` differs from its WIT size 96"
                );
                assert!(
                    < DescriptorStat as ::witbind::ComponentType > ::ALIGN32 == 8u32,
                    "the Rust alignment of `descriptor-stat` differs from its WIT alignment 8"
                );
            };
            /// When setting a timestamp, this gives the value to set it to.
            #[derive(
                ::witbind::ComponentType,
                ::witbind::Lift,
                ::witbind::Lower,
                ::core::fmt::Debug,
                ::core::clone::Clone,
                ::core::cmp::PartialEq
            )]
            #[component(variant)]
            pub enum NewTimestamp {
                /// Leave the timestamp set to its previous value.
                #[component(name = "no-change")]
                NoChange,
                /// Set the timestamp to the current time of the system clock associated
                /// with the filesystem.
                #[component(name = "now")]
                Now,
                /// Set the timestamp to the given value.
                #[component(name = "timestamp")]
                Timestamp(Datetime),
            }
            const _: () = {
                assert!(
                    < NewTimestamp as ::witbind::ComponentType > ::SIZE32 == 24usize,
                    "the Rust size of `new-timestamp` differs from its WIT size 24"
                );
                assert!(
                    < NewTimestamp as ::witbind::ComponentType > ::ALIGN32 == 8u32,
                    "the Rust alignment of `new-timestamp` differs from its WIT alignment 8"
                );
            };
            /// A directory entry.
            #[derive(
                ::witbind::ComponentType,
                ::witbind::Lift,
                ::witbind::Lower,
                ::core::fmt::Debug,
                ::core::clone::Clone,
                ::core::cmp::PartialEq
            )]
            #[component(record)]
            pub struct DirectoryEntry {
                /// The type of the file referred to by this directory entry.
                #[component(name = "type")]
                pub r#type: DescriptorType,
                /// The name of the object.
                #[component(name = "name")]
                pub name: ::std::string::String,
            }
            const _: () = {
                assert!(
                    < DirectoryEntry as ::witbind::ComponentType > ::SIZE32 == 12usize,
                    "the Rust size of `directory-entry` differs from its WIT size 12"
                );
                assert!(
                    < DirectoryEntry as ::witbind::ComponentType > ::ALIGN32 == 4u32,
                    "the Rust alignment of `directory-entry` differs from its WIT alignment 4"
                );
            };
            /// Error codes returned by functions, similar to `errno` in POSIX.
            /// Not all of these error codes are returned by the functions provided by this
            /// API; some are used in higher-level library layers, and others are provided
            /// merely for alignment with POSIX.
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
            pub enum ErrorCode {
                /// Permission denied, similar to `EACCES` in POSIX.
                #[component(name = "access")]
                Access,
                /// Resource unavailable, or operation would block, similar to `EAGAIN` and `EWOULDBLOCK` in POSIX.
                #[component(name = "would-block")]
                WouldBlock,
                /// Connection already in progress, similar to `EALREADY` in POSIX.
                #[component(name = "already")]
                Already,
                /// Bad descriptor, similar to `EBADF` in POSIX.
                #[component(name = "bad-descriptor")]
                BadDescriptor,
                /// Device or resource busy, similar to `EBUSY` in POSIX.
                #[component(name = "busy")]
                Busy,
                /// Resource deadlock would occur, similar to `EDEADLK` in POSIX.
                #[component(name = "deadlock")]
                Deadlock,
                /// Storage quota exceeded, similar to `EDQUOT` in POSIX.
                #[component(name = "quota")]
                Quota,
                /// File exists, similar to `EEXIST` in POSIX.
                #[component(name = "exist")]
                Exist,
                /// File too large, similar to `EFBIG` in POSIX.
                #[component(name = "file-too-large")]
                FileTooLarge,
                /// Illegal byte sequence, similar to `EILSEQ` in POSIX.
                #[component(name = "illegal-byte-sequence")]
                IllegalByteSequence,
                /// Operation in progress, similar to `EINPROGRESS` in POSIX.
                #[component(name = "in-progress")]
                InProgress,
                /// Interrupted function, similar to `EINTR` in POSIX.
                #[component(name = "interrupted")]
                Interrupted,
                /// Invalid argument, similar to `EINVAL` in POSIX.
                #[component(name = "invalid")]
                Invalid,
                /// I/O error, similar to `EIO` in POSIX.
                #[component(name = "io")]
                Io,
                /// Is a directory, similar to `EISDIR` in POSIX.
                #[component(name = "is-directory")]
                IsDirectory,
                /// Too many levels of symbolic links, similar to `ELOOP` in POSIX.
                #[component(name = "loop")]
                Loop,
                /// Too many links, similar to `EMLINK` in POSIX.
                #[component(name = "too-many-links")]
                TooManyLinks,
                /// Message too large, similar to `EMSGSIZE` in POSIX.
                #[component(name = "message-size")]
                MessageSize,
                /// Filename too long, similar to `ENAMETOOLONG` in POSIX.
                #[component(name = "name-too-long")]
                NameTooLong,
                /// No such device, similar to `ENODEV` in POSIX.
                #[component(name = "no-device")]
                NoDevice,
                /// No such file or directory, similar to `ENOENT` in POSIX.
                #[component(name = "no-entry")]
                NoEntry,
                /// No locks available, similar to `ENOLCK` in POSIX.
                #[component(name = "no-lock")]
                NoLock,
                /// Not enough space, similar to `ENOMEM` in POSIX.
                #[component(name = "insufficient-memory")]
                InsufficientMemory,
                /// No space left on device, similar to `ENOSPC` in POSIX.
                #[component(name = "insufficient-space")]
                InsufficientSpace,
                /// Not a directory or a symbolic link to a directory, similar to `ENOTDIR` in POSIX.
                #[component(name = "not-directory")]
                NotDirectory,
                /// Directory not empty, similar to `ENOTEMPTY` in POSIX.
                #[component(name = "not-empty")]
                NotEmpty,
                /// State not recoverable, similar to `ENOTRECOVERABLE` in POSIX.
                #[component(name = "not-recoverable")]
                NotRecoverable,
                /// Not supported, similar to `ENOTSUP` and `ENOSYS` in POSIX.
                #[component(name = "unsupported")]
                Unsupported,
                /// Inappropriate I/O control operation, similar to `ENOTTY` in POSIX.
                #[component(name = "no-tty")]
                NoTty,
                /// No such device or address, similar to `ENXIO` in POSIX.
                #[component(name = "no-such-device")]
                NoSuchDevice,
                /// Value too large to be stored in data type, similar to `EOVERFLOW` in POSIX.
                #[component(name = "overflow")]
                Overflow,
                /// Operation not permitted, similar to `EPERM` in POSIX.
                #[component(name = "not-permitted")]
                NotPermitted,
                /// Broken pipe, similar to `EPIPE` in POSIX.
                #[component(name = "pipe")]
                Pipe,
                /// Read-only file system, similar to `EROFS` in POSIX.
                #[component(name = "read-only")]
                ReadOnly,
                /// Invalid seek, similar to `ESPIPE` in POSIX.
                #[component(name = "invalid-seek")]
                InvalidSeek,
                /// Text file busy, similar to `ETXTBSY` in POSIX.
                #[component(name = "text-file-busy")]
                TextFileBusy,
                /// Cross-device link, similar to `EXDEV` in POSIX.
                #[component(name = "cross-device")]
                CrossDevice,
            }
            const _: () = {
                assert!(
                    < ErrorCode as ::witbind::ComponentType > ::SIZE32 == 1usize,
                    "the Rust size of `error-code` differs from its WIT size 1"
                );
                assert!(
                    < ErrorCode as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `error-code` differs from its WIT alignment 1"
                );
            };
            impl ::core::fmt::Display for ErrorCode {
                fn fmt(
                    &self,
                    f: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    ::core::write!(f, "{}: {:?}", "error-code", self)
                }
            }
            impl ::std::error::Error for ErrorCode {}
            /// File or memory access pattern advisory information.
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
            pub enum Advice {
                /// The application has no advice to give on its behavior with respect
                /// to the specified data.
                #[component(name = "normal")]
                Normal,
                /// The application expects to access the specified data sequentially
                /// from lower offsets to higher offsets.
                #[component(name = "sequential")]
                Sequential,
                /// The application expects to access the specified data in a random
                /// order.
                #[component(name = "random")]
                Random,
                /// The application expects to access the specified data in the near
                /// future.
                #[component(name = "will-need")]
                WillNeed,
                /// The application expects that it will not access the specified data
                /// in the near future.
                #[component(name = "dont-need")]
                DontNeed,
                /// The application expects to access the specified data once and then
                /// not reuse it thereafter.
                #[component(name = "no-reuse")]
                NoReuse,
            }
            const _: () = {
                assert!(
                    < Advice as ::witbind::ComponentType > ::SIZE32 == 1usize,
                    "the Rust size of `advice` differs from its WIT size 1"
                );
                assert!(
                    < Advice as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `advice` differs from its WIT alignment 1"
                );
            };
            /// A 128-bit hash value, split into parts because wasm doesn't have a
            /// 128-bit integer type.
            #[derive(
                ::witbind::ComponentType,
                ::witbind::Lift,
                ::witbind::Lower,
                ::core::fmt::Debug,
                ::core::clone::Clone,
                ::core::cmp::PartialEq
            )]
            #[component(record)]
            pub struct MetadataHashValue {
                /// 64 bits of a 128-bit hash value.
                #[component(name = "lower")]
                pub lower: u64,
                /// Another 64 bits of a 128-bit hash value.
                #[component(name = "upper")]
                pub upper: u64,
            }
            const _: () = {
                assert!(
                    < MetadataHashValue as ::witbind::ComponentType > ::SIZE32 ==
                    16usize,
                    "the Rust size of `metadata-hash-value` differs from its WIT size 16"
                );
                assert!(
                    < MetadataHashValue as ::witbind::ComponentType > ::ALIGN32 == 8u32,
                    "the Rust alignment of `metadata-hash-value` differs from its WIT alignment 8"
                );
            };
            /// A descriptor is a reference to a filesystem object, which may be a file,
            /// directory, named pipe, special file, or other object on which filesystem
            /// calls may be made.
            #[derive(::core::fmt::Debug)]
            pub enum Descriptor {}
            /// A stream of directory entries.
            #[derive(::core::fmt::Debug)]
            pub enum DirectoryEntryStream {}
        }
    }
    #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
    pub mod io {
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod error {
            ::witbind::__bindgen_host_items! {
                #[doc = " The host's implementation of the WIT resource `error`."]
                #[allow(dead_code, clippy::all)] pub trait HostError { #[doc =
                " Returns a string that is suitable to assist humans in debugging"] #[doc
                = " this error."] #[doc = " "] #[doc =
                " WARNING: The returned string should not be consumed mechanically!"]
                #[doc =
                " It may change across platforms, hosts, or other implementation"] #[doc
                = " details. Parsing this string is a major platform-compatibility"]
                #[doc = " hazard."] fn to_debug_string(& mut self, self_ :
                ::witbind::Resource < Error >) -> ::witbind::Result <
                ::std::string::String >; #[doc =
                r" Called when the guest drops the last owned handle."] fn drop(& mut
                self, rep : ::witbind::Resource < Error >) -> ::witbind::Result < () >; }
                #[doc =
                " The host's implementation of the imported interface `wasi:io/error@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host : HostError {} #[doc =
                r" Registers the host functions and resources of this interface"] #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:io/error@0.2.12") ?; let _ = (& mut inst, get); { inst
                .func_wrap("[method]error.to-debug-string", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < Error > >,) | { let r =
                HostError::to_debug_string(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } inst.resource:: < Error >
                ("error", move | mut store, rep | { HostError::drop(get(store
                .data_mut()), ::witbind::Resource::new_own(rep)) }) ?;
                ::core::result::Result::Ok(()) }
            }
            /// A resource which represents some error information.
            ///
            /// The only method provided by this resource is `to-debug-string`,
            /// which provides some human-readable information about the error.
            ///
            /// In the `wasi:io` package, this resource is returned through the
            /// `wasi:io/streams.stream-error` type.
            ///
            /// To provide more specific error information, other interfaces may
            /// offer functions to "downcast" this error into more specific types. For example,
            /// errors returned from streams derived from filesystem types can be described using
            /// the filesystem's own error-code type. This is done using the function
            /// `wasi:filesystem/types.filesystem-error-code`, which takes a `borrow<error>`
            /// parameter and returns an `option<wasi:filesystem/types.error-code>`.
            ///
            /// The set of functions which can "downcast" an `error` into a more
            /// concrete type is open.
            #[derive(::core::fmt::Debug)]
            pub enum Error {}
        }
        /// A poll API intended to let users wait for I/O events on multiple handles
        /// at once.
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod poll {
            ::witbind::__bindgen_host_items! {
                #[doc = " The host's implementation of the WIT resource `pollable`."]
                #[allow(dead_code, clippy::all)] pub trait HostPollable { #[doc =
                " Return the readiness of a pollable. This function never blocks."] #[doc
                = " "] #[doc =
                " Returns `true` when the pollable is ready, and `false` otherwise."] fn
                ready(& mut self, self_ : ::witbind::Resource < Pollable >) ->
                ::witbind::Result < bool >; #[doc =
                " `block` returns immediately if the pollable is ready, and otherwise"]
                #[doc = " blocks until ready."] #[doc = " "] #[doc =
                " This function is equivalent to calling `poll.poll` on a list"] #[doc =
                " containing only this pollable."] fn block(& mut self, self_ :
                ::witbind::Resource < Pollable >) -> ::witbind::Result < () >; #[doc =
                r" Called when the guest drops the last owned handle."] fn drop(& mut
                self, rep : ::witbind::Resource < Pollable >) -> ::witbind::Result < ()
                >; } #[doc =
                " The host's implementation of the imported interface `wasi:io/poll@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host : HostPollable { #[doc =
                " Poll for completion on a set of pollables."] #[doc = " "] #[doc =
                " This function takes a list of pollables, which identify I/O sources of"]
                #[doc =
                " interest, and waits until one or more of the events is ready for I/O."]
                #[doc = " "] #[doc =
                " The result `list<u32>` contains one or more indices of handles in the"]
                #[doc = " argument list that is ready for I/O."] #[doc = " "] #[doc =
                " This function traps if either:"] #[doc = " - the list is empty, or:"]
                #[doc =
                " - the list contains more elements than can be indexed with a `u32` value."]
                #[doc = " "] #[doc =
                " A timeout can be implemented by adding a pollable from the"] #[doc =
                " wasi-clocks API to the list."] #[doc = " "] #[doc =
                " This function does not return a `result`; polling in itself does not"]
                #[doc =
                " do any I/O so it doesn't fail. If any of the I/O sources identified by"]
                #[doc =
                " the pollables has an error, it is indicated by marking the source as"]
                #[doc = " being ready for I/O."] fn poll(& mut self, r#in :
                ::std::vec::Vec < ::witbind::Borrowed < ::witbind::Resource < Pollable >
                > >) -> ::witbind::Result < ::std::vec::Vec < u32 > >; } #[doc =
                r" Registers the host functions and resources of this interface"] #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:io/poll@0.2.12") ?; let _ = (& mut inst, get); { inst
                .func_wrap("[method]pollable.ready", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < Pollable > >,) | { let r =
                HostPollable::ready(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]pollable.block", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < Pollable > >,) | { let () =
                HostPollable::block(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok(()) },) ?; } inst.resource:: < Pollable >
                ("pollable", move | mut store, rep | { HostPollable::drop(get(store
                .data_mut()), ::witbind::Resource::new_own(rep)) }) ?; { inst
                .func_wrap("poll", move | mut store : ::witbind::StoreContextMut < '_, T
                >, (arg0,) : (::std::vec::Vec < ::witbind::Borrowed < ::witbind::Resource
                < Pollable > > >,) | { let r = Host::poll(get(store.data_mut()), arg0) ?;
                ::core::result::Result::Ok((r,)) },) ?; } ::core::result::Result::Ok(())
                }
            }
            /// `pollable` represents a single I/O event which may be ready, or not.
            #[derive(::core::fmt::Debug)]
            pub enum Pollable {}
        }
        /// WASI I/O is an I/O abstraction API which is currently focused on providing
        /// stream types.
        ///
        /// In the future, the component model is expected to add built-in stream types;
        /// when it does, they are expected to subsume this API.
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod streams {
            ::witbind::__bindgen_host_items! {
                #[doc = " The host's implementation of the WIT resource `input-stream`."]
                #[allow(dead_code, clippy::all)] pub trait HostInputStream { #[doc =
                " Perform a non-blocking read from the stream."] #[doc = " "] #[doc =
                " When the source of a `read` is binary data, the bytes from the source"]
                #[doc =
                " are returned verbatim. When the source of a `read` is known to the"]
                #[doc =
                " implementation to be text, bytes containing the UTF-8 encoding of the"]
                #[doc = " text are returned."] #[doc = " "] #[doc =
                " This function returns a list of bytes containing the read data,"] #[doc
                = " when successful. The returned list will contain up to `len` bytes;"]
                #[doc = " it may return fewer than requested, but not more. The list is"]
                #[doc =
                " empty when no bytes are available for reading at this time. The"] #[doc
                = " pollable given by `subscribe` will be ready when more bytes are"]
                #[doc = " available."] #[doc = " "] #[doc =
                " This function fails with a `stream-error` when the operation"] #[doc =
                " encounters an error, giving `last-operation-failed`, or when the"]
                #[doc = " stream is closed, giving `closed`."] #[doc = " "] #[doc =
                " When the caller gives a `len` of 0, it represents a request to"] #[doc
                = " read 0 bytes. If the stream is still open, this call should"] #[doc =
                " succeed and return an empty list, or otherwise fail with `closed`."]
                #[doc = " "] #[doc =
                " The `len` parameter is a `u64`, which could represent a list of u8 which"]
                #[doc =
                " is not possible to allocate in wasm32, or not desirable to allocate as"]
                #[doc =
                " as a return value by the callee. The callee may return a list of bytes"]
                #[doc =
                " less than `len` in size while more bytes are available for reading."]
                fn read(& mut self, self_ : ::witbind::Resource < InputStream >, len :
                u64) -> ::witbind::Result < ::core::result::Result < ::std::vec::Vec < u8
                >, StreamError > >; #[doc =
                " Read bytes from a stream, after blocking until at least one byte can"]
                #[doc =
                " be read. Except for blocking, behavior is identical to `read`."] fn
                blocking_read(& mut self, self_ : ::witbind::Resource < InputStream >,
                len : u64) -> ::witbind::Result < ::core::result::Result <
                ::std::vec::Vec < u8 >, StreamError > >; #[doc =
                " Skip bytes from a stream. Returns number of bytes skipped."] #[doc =
                " "] #[doc =
                " Behaves identical to `read`, except instead of returning a list"] #[doc
                = " of bytes, returns the number of bytes consumed from the stream."] fn
                skip(& mut self, self_ : ::witbind::Resource < InputStream >, len : u64)
                -> ::witbind::Result < ::core::result::Result < u64, StreamError > >;
                #[doc =
                " Skip bytes from a stream, after blocking until at least one byte"]
                #[doc =
                " can be skipped. Except for blocking behavior, identical to `skip`."] fn
                blocking_skip(& mut self, self_ : ::witbind::Resource < InputStream >,
                len : u64) -> ::witbind::Result < ::core::result::Result < u64,
                StreamError > >; #[doc =
                " Create a `pollable` which will resolve once either the specified stream"]
                #[doc =
                " has bytes available to read or the other end of the stream has been"]
                #[doc = " closed."] #[doc =
                " The created `pollable` is a child resource of the `input-stream`."]
                #[doc =
                " Implementations may trap if the `input-stream` is dropped before"]
                #[doc =
                " all derived `pollable`s created with this function are dropped."] fn
                subscribe(& mut self, self_ : ::witbind::Resource < InputStream >) ->
                ::witbind::Result < ::witbind::Resource <
                super::super::super::wasi::io::poll::Pollable > >; #[doc =
                r" Called when the guest drops the last owned handle."] fn drop(& mut
                self, rep : ::witbind::Resource < InputStream >) -> ::witbind::Result <
                () >; } #[doc =
                " The host's implementation of the WIT resource `output-stream`."]
                #[allow(dead_code, clippy::all)] pub trait HostOutputStream { #[doc =
                " Check readiness for writing. This function never blocks."] #[doc = " "]
                #[doc =
                " Returns the number of bytes permitted for the next call to `write`,"]
                #[doc =
                " or an error. Calling `write` with more bytes than this function has"]
                #[doc = " permitted will trap."] #[doc = " "] #[doc =
                " When this function returns 0 bytes, the `subscribe` pollable will"]
                #[doc =
                " become ready when this function will report at least 1 byte, or an"]
                #[doc = " error."] fn check_write(& mut self, self_ : ::witbind::Resource
                < OutputStream >) -> ::witbind::Result < ::core::result::Result < u64,
                StreamError > >; #[doc = " Perform a write. This function never blocks."]
                #[doc = " "] #[doc =
                " When the destination of a `write` is binary data, the bytes from"]
                #[doc =
                " `contents` are written verbatim. When the destination of a `write` is"]
                #[doc =
                " known to the implementation to be text, the bytes of `contents` are"]
                #[doc =
                " transcoded from UTF-8 into the encoding of the destination and then"]
                #[doc = " written."] #[doc = " "] #[doc =
                " Precondition: check-write gave permit of Ok(n) and contents has a"]
                #[doc =
                " length of less than or equal to n. Otherwise, this function will trap."]
                #[doc = " "] #[doc =
                " returns Err(closed) without writing if the stream has closed since"]
                #[doc = " the last call to check-write provided a permit."] fn write(&
                mut self, self_ : ::witbind::Resource < OutputStream >, contents :
                ::std::vec::Vec < u8 >) -> ::witbind::Result < ::core::result::Result <
                (), StreamError > >; #[doc =
                " Perform a write of up to 4096 bytes, and then flush the stream. Block"]
                #[doc =
                " until all of these operations are complete, or an error occurs."] #[doc
                = " "] #[doc =
                " Returns success when all of the contents written are successfully"]
                #[doc = " flushed to output. If an error occurs at any point before all"]
                #[doc =
                " contents are successfully flushed, that error is returned as soon as"]
                #[doc =
                " possible. If writing and flushing the complete contents causes the"]
                #[doc = " stream to become closed, this call should return success, and"]
                #[doc =
                " subsequent calls to check-write or other interfaces should return"]
                #[doc = " stream-error::closed."] fn blocking_write_and_flush(& mut self,
                self_ : ::witbind::Resource < OutputStream >, contents : ::std::vec::Vec
                < u8 >) -> ::witbind::Result < ::core::result::Result < (), StreamError >
                >; #[doc =
                " Request to flush buffered output. This function never blocks."] #[doc =
                " "] #[doc =
                " This tells the output-stream that the caller intends any buffered"]
                #[doc =
                " output to be flushed. the output which is expected to be flushed"]
                #[doc = " is all that has been passed to `write` prior to this call."]
                #[doc = " "] #[doc =
                " Upon calling this function, the `output-stream` will not accept any"]
                #[doc =
                " writes (`check-write` will return `ok(0)`) until the flush has"] #[doc
                = " completed. The `subscribe` pollable will become ready when the"]
                #[doc = " flush has completed and the stream can accept more writes."] fn
                flush(& mut self, self_ : ::witbind::Resource < OutputStream >) ->
                ::witbind::Result < ::core::result::Result < (), StreamError > >; #[doc =
                " Request to flush buffered output, and block until flush completes"]
                #[doc = " and stream is ready for writing again."] fn blocking_flush(&
                mut self, self_ : ::witbind::Resource < OutputStream >) ->
                ::witbind::Result < ::core::result::Result < (), StreamError > >; #[doc =
                " Create a `pollable` which will resolve once the output-stream"] #[doc =
                " is ready for more writing, or an error has occurred. When this"] #[doc
                =
                " pollable is ready, `check-write` will return `ok(n)` with n>0, or an"]
                #[doc = " error."] #[doc = " "] #[doc =
                " If the stream is closed, this pollable is always ready immediately."]
                #[doc = " "] #[doc =
                " The created `pollable` is a child resource of the `output-stream`."]
                #[doc =
                " Implementations may trap if the `output-stream` is dropped before"]
                #[doc =
                " all derived `pollable`s created with this function are dropped."] fn
                subscribe(& mut self, self_ : ::witbind::Resource < OutputStream >) ->
                ::witbind::Result < ::witbind::Resource <
                super::super::super::wasi::io::poll::Pollable > >; #[doc =
                " Write zeroes to a stream."] #[doc = " "] #[doc =
                " This should be used precisely like `write` with the exact same"] #[doc
                = " preconditions (must use check-write first), but instead of"] #[doc =
                " passing a list of bytes, you simply pass the number of zero-bytes"]
                #[doc = " that should be written."] fn write_zeroes(& mut self, self_ :
                ::witbind::Resource < OutputStream >, len : u64) -> ::witbind::Result <
                ::core::result::Result < (), StreamError > >; #[doc =
                " Perform a write of up to 4096 zeroes, and then flush the stream."]
                #[doc = " Block until all of these operations are complete, or an error"]
                #[doc = " occurs."] #[doc = " "] #[doc =
                " Functionality is equivelant to `blocking-write-and-flush` with"] #[doc
                = " contents given as a list of len containing only zeroes."] fn
                blocking_write_zeroes_and_flush(& mut self, self_ : ::witbind::Resource <
                OutputStream >, len : u64) -> ::witbind::Result < ::core::result::Result
                < (), StreamError > >; #[doc =
                " Read from one stream and write to another."] #[doc = " "] #[doc =
                " The behavior of splice is equivalent to:"] #[doc =
                " 1. calling `check-write` on the `output-stream`"] #[doc =
                " 2. calling `read` on the `input-stream` with the smaller of the"] #[doc
                = " `check-write` permitted length and the `len` provided to `splice`"]
                #[doc =
                " 3. calling `write` on the `output-stream` with that read data."] #[doc
                = " "] #[doc =
                " Any error reported by the call to `check-write`, `read`, or"] #[doc =
                " `write` ends the splice and reports that error."] #[doc = " "] #[doc =
                " This function returns the number of bytes transferred; it may be less"]
                #[doc = " than `len`."] fn splice(& mut self, self_ : ::witbind::Resource
                < OutputStream >, src : ::witbind::Resource < InputStream >, len : u64)
                -> ::witbind::Result < ::core::result::Result < u64, StreamError > >;
                #[doc = " Read from one stream and write to another, with blocking."]
                #[doc = " "] #[doc =
                " This is similar to `splice`, except that it blocks until the"] #[doc =
                " `output-stream` is ready for writing, and the `input-stream`"] #[doc =
                " is ready for reading, before performing the `splice`."] fn
                blocking_splice(& mut self, self_ : ::witbind::Resource < OutputStream >,
                src : ::witbind::Resource < InputStream >, len : u64) ->
                ::witbind::Result < ::core::result::Result < u64, StreamError > >; #[doc
                = r" Called when the guest drops the last owned handle."] fn drop(& mut
                self, rep : ::witbind::Resource < OutputStream >) -> ::witbind::Result <
                () >; } #[doc =
                " The host's implementation of the imported interface `wasi:io/streams@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host : HostInputStream +
                HostOutputStream {} #[doc =
                r" Registers the host functions and resources of this interface"] #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:io/streams@0.2.12") ?; let _ = (& mut inst, get); { inst
                .func_wrap("[method]input-stream.read", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < InputStream > >, u64,) | {
                let r = HostInputStream::read(get(store.data_mut()), arg0.into_inner(),
                arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]input-stream.blocking-read", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < InputStream > >, u64,) | {
                let r = HostInputStream::blocking_read(get(store.data_mut()), arg0
                .into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]input-stream.skip", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < InputStream > >, u64,) | {
                let r = HostInputStream::skip(get(store.data_mut()), arg0.into_inner(),
                arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]input-stream.blocking-skip", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < InputStream > >, u64,) | {
                let r = HostInputStream::blocking_skip(get(store.data_mut()), arg0
                .into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]input-stream.subscribe", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < InputStream > >,) | { let r =
                HostInputStream::subscribe(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } inst.resource:: < InputStream >
                ("input-stream", move | mut store, rep | {
                HostInputStream::drop(get(store.data_mut()),
                ::witbind::Resource::new_own(rep)) }) ?; { inst
                .func_wrap("[method]output-stream.check-write", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < OutputStream > >,) | { let r =
                HostOutputStream::check_write(get(store.data_mut()), arg0.into_inner())
                ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]output-stream.write", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < OutputStream > >,
                ::std::vec::Vec < u8 >,) | { let r = HostOutputStream::write(get(store
                .data_mut()), arg0.into_inner(), arg1) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]output-stream.blocking-write-and-flush", move | mut
                store : ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < OutputStream > >,
                ::std::vec::Vec < u8 >,) | { let r =
                HostOutputStream::blocking_write_and_flush(get(store.data_mut()), arg0
                .into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]output-stream.flush", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < OutputStream > >,) | { let r =
                HostOutputStream::flush(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]output-stream.blocking-flush", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < OutputStream > >,) | { let r =
                HostOutputStream::blocking_flush(get(store.data_mut()), arg0
                .into_inner()) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]output-stream.subscribe", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < OutputStream > >,) | { let r =
                HostOutputStream::subscribe(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]output-stream.write-zeroes", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < OutputStream > >, u64,) | {
                let r = HostOutputStream::write_zeroes(get(store.data_mut()), arg0
                .into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]output-stream.blocking-write-zeroes-and-flush", move
                | mut store : ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < OutputStream > >, u64,) | {
                let r = HostOutputStream::blocking_write_zeroes_and_flush(get(store
                .data_mut()), arg0.into_inner(), arg1) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]output-stream.splice", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1, arg2,) :
                (::witbind::Borrowed < ::witbind::Resource < OutputStream > >,
                ::witbind::Borrowed < ::witbind::Resource < InputStream > >, u64,) | {
                let r = HostOutputStream::splice(get(store.data_mut()), arg0
                .into_inner(), arg1.into_inner(), arg2) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]output-stream.blocking-splice", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1, arg2,) :
                (::witbind::Borrowed < ::witbind::Resource < OutputStream > >,
                ::witbind::Borrowed < ::witbind::Resource < InputStream > >, u64,) | {
                let r = HostOutputStream::blocking_splice(get(store.data_mut()), arg0
                .into_inner(), arg1.into_inner(), arg2) ?;
                ::core::result::Result::Ok((r,)) },) ?; } inst.resource:: < OutputStream
                > ("output-stream", move | mut store, rep | {
                HostOutputStream::drop(get(store.data_mut()),
                ::witbind::Resource::new_own(rep)) }) ?; ::core::result::Result::Ok(()) }
            }
            pub type Error = super::super::super::wasi::io::error::Error;
            pub type Pollable = super::super::super::wasi::io::poll::Pollable;
            /// An error for input-stream and output-stream operations.
            #[derive(
                ::witbind::ComponentType,
                ::witbind::Lift,
                ::witbind::Lower,
                ::core::fmt::Debug
            )]
            #[component(variant)]
            pub enum StreamError {
                /// The last operation (a write or flush) failed before completion.
                ///
                /// More information is available in the `error` payload.
                ///
                /// After this, the stream will be closed. All future operations return
                /// `stream-error::closed`.
                #[component(name = "last-operation-failed")]
                LastOperationFailed(
                    ::witbind::Resource<super::super::super::wasi::io::error::Error>,
                ),
                /// The stream is closed: no more input will be accepted by the
                /// stream. A closed output-stream will return this error on all
                /// future operations.
                #[component(name = "closed")]
                Closed,
            }
            const _: () = {
                assert!(
                    < StreamError as ::witbind::ComponentType > ::SIZE32 == 8usize,
                    "the Rust size of `stream-error` differs from its WIT size 8"
                );
                assert!(
                    < StreamError as ::witbind::ComponentType > ::ALIGN32 == 4u32,
                    "the Rust alignment of `stream-error` differs from its WIT alignment 4"
                );
            };
            impl ::core::fmt::Display for StreamError {
                fn fmt(
                    &self,
                    f: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    ::core::write!(f, "{}: {:?}", "stream-error", self)
                }
            }
            impl ::std::error::Error for StreamError {}
            /// An input bytestream.
            ///
            /// `input-stream`s are *non-blocking* to the extent practical on underlying
            /// platforms. I/O operations always return promptly; if fewer bytes are
            /// promptly available than requested, they return the number of bytes promptly
            /// available, which could even be zero. To wait for data to be available,
            /// use the `subscribe` function to obtain a `pollable` which can be polled
            /// for using `wasi:io/poll`.
            #[derive(::core::fmt::Debug)]
            pub enum InputStream {}
            /// An output bytestream.
            ///
            /// `output-stream`s are *non-blocking* to the extent practical on
            /// underlying platforms. Except where specified otherwise, I/O operations also
            /// always return promptly, after the number of bytes that can be written
            /// promptly, which could even be zero. To wait for the stream to be ready to
            /// accept data, the `subscribe` function to obtain a `pollable` which can be
            /// polled for using `wasi:io/poll`.
            ///
            /// Dropping an `output-stream` while there's still an active write in
            /// progress may result in the data being lost. Before dropping the stream,
            /// be sure to fully flush your writes.
            #[derive(::core::fmt::Debug)]
            pub enum OutputStream {}
        }
    }
    #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
    pub mod random {
        /// The insecure interface for insecure pseudo-random numbers.
        ///
        /// It is intended to be portable at least between Unix-family platforms and
        /// Windows.
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod insecure {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the imported interface `wasi:random/insecure@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host { #[doc =
                " Return `len` insecure pseudo-random bytes."] #[doc = " "] #[doc =
                " This function is not cryptographically secure. Do not use it for"]
                #[doc = " anything related to security."] #[doc = " "] #[doc =
                " There are no requirements on the values of the returned bytes, however"]
                #[doc =
                " implementations are encouraged to return evenly distributed values with"]
                #[doc = " a long period."] fn get_insecure_random_bytes(& mut self, len :
                u64) -> ::witbind::Result < ::std::vec::Vec < u8 > >; #[doc =
                " Return an insecure pseudo-random `u64` value."] #[doc = " "] #[doc =
                " This function returns the same type of pseudo-random data as"] #[doc =
                " `get-insecure-random-bytes`, represented as a `u64`."] fn
                get_insecure_random_u64(& mut self,) -> ::witbind::Result < u64 >; }
                #[doc = r" Registers the host functions and resources of this interface"]
                #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:random/insecure@0.2.12") ?; let _ = (& mut inst, get); {
                inst.func_wrap("get-insecure-random-bytes", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (u64,) | { let r =
                Host::get_insecure_random_bytes(get(store.data_mut()), arg0) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("get-insecure-random-u64", move | mut store :
                ::witbind::StoreContextMut < '_, T >, () : () | { let r =
                Host::get_insecure_random_u64(get(store.data_mut()),) ?;
                ::core::result::Result::Ok((r,)) },) ?; } ::core::result::Result::Ok(())
                }
            }
        }
        /// The insecure-seed interface for seeding hash-map DoS resistance.
        ///
        /// It is intended to be portable at least between Unix-family platforms and
        /// Windows.
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod insecure_seed {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the imported interface `wasi:random/insecure-seed@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host { #[doc =
                " Return a 128-bit value that may contain a pseudo-random value."] #[doc
                = " "] #[doc =
                " The returned value is not required to be computed from a CSPRNG, and may"]
                #[doc =
                " even be entirely deterministic. Host implementations are encouraged to"]
                #[doc = " provide pseudo-random values to any program exposed to"] #[doc
                =
                " attacker-controlled content, to enable DoS protection built into many"]
                #[doc = " languages' hash-map implementations."] #[doc = " "] #[doc =
                " This function is intended to only be called once, by a source language"]
                #[doc =
                " to initialize Denial Of Service (DoS) protection in its hash-map"]
                #[doc = " implementation."] #[doc = " "] #[doc =
                " # Expected future evolution"] #[doc = " "] #[doc =
                " This will likely be changed to a value import, to prevent it from being"]
                #[doc =
                " called multiple times and potentially used for purposes other than DoS"]
                #[doc = " protection."] fn insecure_seed(& mut self,) ->
                ::witbind::Result < (u64, u64,) >; } #[doc =
                r" Registers the host functions and resources of this interface"] #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:random/insecure-seed@0.2.12") ?; let _ = (& mut inst,
                get); { inst.func_wrap("insecure-seed", move | mut store :
                ::witbind::StoreContextMut < '_, T >, () : () | { let r =
                Host::insecure_seed(get(store.data_mut()),) ?;
                ::core::result::Result::Ok((r,)) },) ?; } ::core::result::Result::Ok(())
                }
            }
        }
        /// WASI Random is a random data API.
        ///
        /// It is intended to be portable at least between Unix-family platforms and
        /// Windows.
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod random {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the imported interface `wasi:random/random@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host { #[doc =
                " Return `len` cryptographically-secure random or pseudo-random bytes."]
                #[doc = " "] #[doc =
                " This function must produce data at least as cryptographically secure and"]
                #[doc =
                " fast as an adequately seeded cryptographically-secure pseudo-random"]
                #[doc =
                " number generator (CSPRNG). It must not block, from the perspective of"]
                #[doc =
                " the calling program, under any circumstances, including on the first"]
                #[doc =
                " request and on requests for numbers of bytes. The returned data must"]
                #[doc = " always be unpredictable."] #[doc = " "] #[doc =
                " This function must always return fresh data. Deterministic environments"]
                #[doc =
                " must omit this function, rather than implementing it with deterministic"]
                #[doc = " data."] fn get_random_bytes(& mut self, len : u64) ->
                ::witbind::Result < ::std::vec::Vec < u8 > >; #[doc =
                " Return a cryptographically-secure random or pseudo-random `u64` value."]
                #[doc = " "] #[doc =
                " This function returns the same type of data as `get-random-bytes`,"]
                #[doc = " represented as a `u64`."] fn get_random_u64(& mut self,) ->
                ::witbind::Result < u64 >; } #[doc =
                r" Registers the host functions and resources of this interface"] #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:random/random@0.2.12") ?; let _ = (& mut inst, get); {
                inst.func_wrap("get-random-bytes", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (u64,) | { let r =
                Host::get_random_bytes(get(store.data_mut()), arg0) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("get-random-u64", move | mut store :
                ::witbind::StoreContextMut < '_, T >, () : () | { let r =
                Host::get_random_u64(get(store.data_mut()),) ?;
                ::core::result::Result::Ok((r,)) },) ?; } ::core::result::Result::Ok(())
                }
            }
        }
    }
    #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
    pub mod sockets {
        /// This interface provides a value-export of the default network handle..
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod instance_network {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the imported interface `wasi:sockets/instance-network@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host { #[doc =
                " Get a handle to the default network."] fn instance_network(& mut self,)
                -> ::witbind::Result < ::witbind::Resource <
                super::super::super::wasi::sockets::network::Network > >; } #[doc =
                r" Registers the host functions and resources of this interface"] #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:sockets/instance-network@0.2.12") ?; let _ = (& mut inst,
                get); { inst.func_wrap("instance-network", move | mut store :
                ::witbind::StoreContextMut < '_, T >, () : () | { let r =
                Host::instance_network(get(store.data_mut()),) ?;
                ::core::result::Result::Ok((r,)) },) ?; } ::core::result::Result::Ok(())
                }
            }
            pub type Network = super::super::super::wasi::sockets::network::Network;
        }
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod ip_name_lookup {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the WIT resource `resolve-address-stream`."]
                #[allow(dead_code, clippy::all)] pub trait HostResolveAddressStream {
                #[doc = " Returns the next address from the resolver."] #[doc = " "]
                #[doc =
                " This function should be called multiple times. On each call, it will"]
                #[doc =
                " return the next address in connection order preference. If all"] #[doc
                = " addresses have been exhausted, this function returns `none`."] #[doc
                = " "] #[doc =
                " This function never returns IPv4-mapped IPv6 addresses."] #[doc = " "]
                #[doc = " # Typical errors"] #[doc =
                " - `name-unresolvable`:          Name does not exist or has no suitable associated IP addresses. (EAI_NONAME, EAI_NODATA, EAI_ADDRFAMILY)"]
                #[doc =
                " - `temporary-resolver-failure`: A temporary failure in name resolution occurred. (EAI_AGAIN)"]
                #[doc =
                " - `permanent-resolver-failure`: A permanent failure in name resolution occurred. (EAI_FAIL)"]
                #[doc =
                " - `would-block`:                A result is not available yet. (EWOULDBLOCK, EAGAIN)"]
                fn resolve_next_address(& mut self, self_ : ::witbind::Resource <
                ResolveAddressStream >) -> ::witbind::Result < ::core::result::Result <
                ::core::option::Option < IpAddress >, ErrorCode > >; #[doc =
                " Create a `pollable` which will resolve once the stream is ready for I/O."]
                #[doc = " "] #[doc = " Note: this function is here for WASI 0.2 only."]
                #[doc =
                " It's planned to be removed when `future` is natively supported in Preview3."]
                fn subscribe(& mut self, self_ : ::witbind::Resource <
                ResolveAddressStream >) -> ::witbind::Result < ::witbind::Resource <
                super::super::super::wasi::io::poll::Pollable > >; #[doc =
                r" Called when the guest drops the last owned handle."] fn drop(& mut
                self, rep : ::witbind::Resource < ResolveAddressStream >) ->
                ::witbind::Result < () >; } #[doc =
                " The host's implementation of the imported interface `wasi:sockets/ip-name-lookup@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host :
                HostResolveAddressStream { #[doc =
                " Resolve an internet host name to a list of IP addresses."] #[doc = " "]
                #[doc =
                " Unicode domain names are automatically converted to ASCII using IDNA encoding."]
                #[doc =
                " If the input is an IP address string, the address is parsed and returned"]
                #[doc = " as-is without making any external requests."] #[doc = " "]
                #[doc =
                " See the wasi-socket proposal README.md for a comparison with getaddrinfo."]
                #[doc = " "] #[doc =
                " This function never blocks. It either immediately fails or immediately"]
                #[doc =
                " returns successfully with a `resolve-address-stream` that can be used"]
                #[doc = " to (asynchronously) fetch the results."] #[doc = " "] #[doc =
                " # Typical errors"] #[doc =
                " - `invalid-argument`: `name` is a syntactically invalid domain name or IP address."]
                #[doc = " "] #[doc = " # References:"] #[doc =
                " - <https://pubs.opengroup.org/onlinepubs/9699919799/functions/getaddrinfo.html>"]
                #[doc = " - <https://man7.org/linux/man-pages/man3/getaddrinfo.3.html>"]
                #[doc =
                " - <https://learn.microsoft.com/en-us/windows/win32/api/ws2tcpip/nf-ws2tcpip-getaddrinfo>"]
                #[doc =
                " - <https://man.freebsd.org/cgi/man.cgi?query=getaddrinfo&sektion=3>"]
                fn resolve_addresses(& mut self, network : ::witbind::Resource <
                super::super::super::wasi::sockets::network::Network >, name :
                ::std::string::String) -> ::witbind::Result < ::core::result::Result <
                ::witbind::Resource < ResolveAddressStream >, ErrorCode > >; } #[doc =
                r" Registers the host functions and resources of this interface"] #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:sockets/ip-name-lookup@0.2.12") ?; let _ = (& mut inst,
                get); { inst
                .func_wrap("[method]resolve-address-stream.resolve-next-address", move |
                mut store : ::witbind::StoreContextMut < '_, T >, (arg0,) :
                (::witbind::Borrowed < ::witbind::Resource < ResolveAddressStream > >,) |
                { let r = HostResolveAddressStream::resolve_next_address(get(store
                .data_mut()), arg0.into_inner()) ?; ::core::result::Result::Ok((r,)) },)
                ?; } { inst.func_wrap("[method]resolve-address-stream.subscribe", move |
                mut store : ::witbind::StoreContextMut < '_, T >, (arg0,) :
                (::witbind::Borrowed < ::witbind::Resource < ResolveAddressStream > >,) |
                { let r = HostResolveAddressStream::subscribe(get(store.data_mut()), arg0
                .into_inner()) ?; ::core::result::Result::Ok((r,)) },) ?; } inst
                .resource:: < ResolveAddressStream > ("resolve-address-stream", move |
                mut store, rep | { HostResolveAddressStream::drop(get(store.data_mut()),
                ::witbind::Resource::new_own(rep)) }) ?; { inst
                .func_wrap("resolve-addresses", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource <
                super::super::super::wasi::sockets::network::Network > >,
                ::std::string::String,) | { let r = Host::resolve_addresses(get(store
                .data_mut()), arg0.into_inner(), arg1) ?;
                ::core::result::Result::Ok((r,)) },) ?; } ::core::result::Result::Ok(())
                }
            }
            pub type Pollable = super::super::super::wasi::io::poll::Pollable;
            pub type Network = super::super::super::wasi::sockets::network::Network;
            pub type ErrorCode = super::super::super::wasi::sockets::network::ErrorCode;
            const _: () = {
                assert!(
                    < ErrorCode as ::witbind::ComponentType > ::SIZE32 == 1usize,
                    "the Rust size of `error-code` differs from its WIT size 1"
                );
                assert!(
                    < ErrorCode as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `error-code` differs from its WIT alignment 1"
                );
            };
            pub type IpAddress = super::super::super::wasi::sockets::network::IpAddress;
            const _: () = {
                assert!(
                    < IpAddress as ::witbind::ComponentType > ::SIZE32 == 18usize,
                    "the Rust size of `ip-address` differs from its WIT size 18"
                );
                assert!(
                    < IpAddress as ::witbind::ComponentType > ::ALIGN32 == 2u32,
                    "the Rust alignment of `ip-address` differs from its WIT alignment 2"
                );
            };
            /// The WIT resource `resolve-address-stream`, which the host implements: the marker type of its `Resource` handles.
            #[derive(::core::fmt::Debug)]
            pub enum ResolveAddressStream {}
        }
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod network {
            ::witbind::__bindgen_host_items! {
                #[doc = " The host's implementation of the WIT resource `network`."]
                #[allow(dead_code, clippy::all)] pub trait HostNetwork { #[doc =
                r" Called when the guest drops the last owned handle."] fn drop(& mut
                self, rep : ::witbind::Resource < Network >) -> ::witbind::Result < () >;
                } #[doc =
                " The host's implementation of the imported interface `wasi:sockets/network@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host : HostNetwork {} #[doc =
                r" Registers the host functions and resources of this interface"] #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:sockets/network@0.2.12") ?; let _ = (& mut inst, get);
                inst.resource:: < Network > ("network", move | mut store, rep | {
                HostNetwork::drop(get(store.data_mut()),
                ::witbind::Resource::new_own(rep)) }) ?; ::core::result::Result::Ok(()) }
            }
            /// An opaque resource that represents access to (a subset of) the network.
            /// This enables context-based security for networking.
            /// There is no need for this to map 1:1 to a physical network interface.
            #[derive(::core::fmt::Debug)]
            pub enum Network {}
            /// Error codes.
            ///
            /// In theory, every API can return any error code.
            /// In practice, API's typically only return the errors documented per API
            /// combined with a couple of errors that are always possible:
            /// - `unknown`
            /// - `access-denied`
            /// - `not-supported`
            /// - `out-of-memory`
            /// - `concurrency-conflict`
            ///
            /// See each individual API for what the POSIX equivalents are. They sometimes differ per API.
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
            pub enum ErrorCode {
                /// Unknown error
                #[component(name = "unknown")]
                Unknown,
                /// Access denied.
                ///
                /// POSIX equivalent: EACCES, EPERM
                #[component(name = "access-denied")]
                AccessDenied,
                /// The operation is not supported.
                ///
                /// POSIX equivalent: EOPNOTSUPP
                #[component(name = "not-supported")]
                NotSupported,
                /// One of the arguments is invalid.
                ///
                /// POSIX equivalent: EINVAL
                #[component(name = "invalid-argument")]
                InvalidArgument,
                /// Not enough memory to complete the operation.
                ///
                /// POSIX equivalent: ENOMEM, ENOBUFS, EAI_MEMORY
                #[component(name = "out-of-memory")]
                OutOfMemory,
                /// The operation timed out before it could finish completely.
                #[component(name = "timeout")]
                Timeout,
                /// This operation is incompatible with another asynchronous operation that is already in progress.
                ///
                /// POSIX equivalent: EALREADY
                #[component(name = "concurrency-conflict")]
                ConcurrencyConflict,
                /// Trying to finish an asynchronous operation that:
                /// - has not been started yet, or:
                /// - was already finished by a previous `finish-*` call.
                ///
                /// Note: this is scheduled to be removed when `future`s are natively supported.
                #[component(name = "not-in-progress")]
                NotInProgress,
                /// The operation has been aborted because it could not be completed immediately.
                ///
                /// Note: this is scheduled to be removed when `future`s are natively supported.
                #[component(name = "would-block")]
                WouldBlock,
                /// The operation is not valid in the socket's current state.
                #[component(name = "invalid-state")]
                InvalidState,
                /// A new socket resource could not be created because of a system limit.
                #[component(name = "new-socket-limit")]
                NewSocketLimit,
                /// A bind operation failed because the provided address is not an address that the `network` can bind to.
                #[component(name = "address-not-bindable")]
                AddressNotBindable,
                /// A bind operation failed because the provided address is already in use or because there are no ephemeral ports available.
                #[component(name = "address-in-use")]
                AddressInUse,
                /// The remote address is not reachable
                #[component(name = "remote-unreachable")]
                RemoteUnreachable,
                /// The TCP connection was forcefully rejected
                #[component(name = "connection-refused")]
                ConnectionRefused,
                /// The TCP connection was reset.
                #[component(name = "connection-reset")]
                ConnectionReset,
                /// A TCP connection was aborted.
                #[component(name = "connection-aborted")]
                ConnectionAborted,
                /// The size of a datagram sent to a UDP socket exceeded the maximum
                /// supported size.
                #[component(name = "datagram-too-large")]
                DatagramTooLarge,
                /// Name does not exist or has no suitable associated IP addresses.
                #[component(name = "name-unresolvable")]
                NameUnresolvable,
                /// A temporary failure in name resolution occurred.
                #[component(name = "temporary-resolver-failure")]
                TemporaryResolverFailure,
                /// A permanent failure in name resolution occurred.
                #[component(name = "permanent-resolver-failure")]
                PermanentResolverFailure,
            }
            const _: () = {
                assert!(
                    < ErrorCode as ::witbind::ComponentType > ::SIZE32 == 1usize,
                    "the Rust size of `error-code` differs from its WIT size 1"
                );
                assert!(
                    < ErrorCode as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `error-code` differs from its WIT alignment 1"
                );
            };
            impl ::core::fmt::Display for ErrorCode {
                fn fmt(
                    &self,
                    f: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    ::core::write!(f, "{}: {:?}", "error-code", self)
                }
            }
            impl ::std::error::Error for ErrorCode {}
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
            pub enum IpAddressFamily {
                /// Similar to `AF_INET` in POSIX.
                #[component(name = "ipv4")]
                Ipv4,
                /// Similar to `AF_INET6` in POSIX.
                #[component(name = "ipv6")]
                Ipv6,
            }
            const _: () = {
                assert!(
                    < IpAddressFamily as ::witbind::ComponentType > ::SIZE32 == 1usize,
                    "the Rust size of `ip-address-family` differs from its WIT size 1"
                );
                assert!(
                    < IpAddressFamily as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `ip-address-family` differs from its WIT alignment 1"
                );
            };
            pub type Ipv4Address = (u8, u8, u8, u8);
            const _: () = {
                assert!(
                    < Ipv4Address as ::witbind::ComponentType > ::SIZE32 == 4usize,
                    "the Rust size of `ipv4-address` differs from its WIT size 4"
                );
                assert!(
                    < Ipv4Address as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `ipv4-address` differs from its WIT alignment 1"
                );
            };
            pub type Ipv6Address = (u16, u16, u16, u16, u16, u16, u16, u16);
            const _: () = {
                assert!(
                    < Ipv6Address as ::witbind::ComponentType > ::SIZE32 == 16usize,
                    "the Rust size of `ipv6-address` differs from its WIT size 16"
                );
                assert!(
                    < Ipv6Address as ::witbind::ComponentType > ::ALIGN32 == 2u32,
                    "the Rust alignment of `ipv6-address` differs from its WIT alignment 2"
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
            pub enum IpAddress {
                #[component(name = "ipv4")]
                Ipv4(Ipv4Address),
                #[component(name = "ipv6")]
                Ipv6(Ipv6Address),
            }
            const _: () = {
                assert!(
                    < IpAddress as ::witbind::ComponentType > ::SIZE32 == 18usize,
                    "the Rust size of `ip-address` differs from its WIT size 18"
                );
                assert!(
                    < IpAddress as ::witbind::ComponentType > ::ALIGN32 == 2u32,
                    "the Rust alignment of `ip-address` differs from its WIT alignment 2"
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
            #[component(record)]
            pub struct Ipv4SocketAddress {
                /// sin_port
                #[component(name = "port")]
                pub port: u16,
                /// sin_addr
                #[component(name = "address")]
                pub address: Ipv4Address,
            }
            const _: () = {
                assert!(
                    < Ipv4SocketAddress as ::witbind::ComponentType > ::SIZE32 == 6usize,
                    "the Rust size of `ipv4-socket-address` differs from its WIT size 6"
                );
                assert!(
                    < Ipv4SocketAddress as ::witbind::ComponentType > ::ALIGN32 == 2u32,
                    "the Rust alignment of `ipv4-socket-address` differs from its WIT alignment 2"
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
            #[component(record)]
            pub struct Ipv6SocketAddress {
                /// sin6_port
                #[component(name = "port")]
                pub port: u16,
                /// sin6_flowinfo
                #[component(name = "flow-info")]
                pub flow_info: u32,
                /// sin6_addr
                #[component(name = "address")]
                pub address: Ipv6Address,
                /// sin6_scope_id
                #[component(name = "scope-id")]
                pub scope_id: u32,
            }
            const _: () = {
                assert!(
                    < Ipv6SocketAddress as ::witbind::ComponentType > ::SIZE32 ==
                    28usize,
                    "the Rust size of `ipv6-socket-address` differs from its WIT size 28"
                );
                assert!(
                    < Ipv6SocketAddress as ::witbind::ComponentType > ::ALIGN32 == 4u32,
                    "the Rust alignment of `ipv6-socket-address` differs from its WIT alignment 4"
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
            pub enum IpSocketAddress {
                #[component(name = "ipv4")]
                Ipv4(Ipv4SocketAddress),
                #[component(name = "ipv6")]
                Ipv6(Ipv6SocketAddress),
            }
            const _: () = {
                assert!(
                    < IpSocketAddress as ::witbind::ComponentType > ::SIZE32 == 32usize,
                    "the Rust size of `ip-socket-address` differs from its WIT size 32"
                );
                assert!(
                    < IpSocketAddress as ::witbind::ComponentType > ::ALIGN32 == 4u32,
                    "the Rust alignment of `ip-socket-address` differs from its WIT alignment 4"
                );
            };
        }
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod tcp {
            ::witbind::__bindgen_host_items! {
                #[doc = " The host's implementation of the WIT resource `tcp-socket`."]
                #[allow(dead_code, clippy::all)] pub trait HostTcpSocket { #[doc =
                " Bind the socket to a specific network on the provided IP address and port."]
                #[doc = " "] #[doc =
                " If the IP address is zero (`0.0.0.0` in IPv4, `::` in IPv6), it is left to the implementation to decide which"]
                #[doc = " network interface(s) to bind to."] #[doc =
                " If the TCP/UDP port is zero, the socket will be bound to a random free port."]
                #[doc = " "] #[doc =
                " Bind can be attempted multiple times on the same socket, even with"]
                #[doc =
                " different arguments on each iteration. But never concurrently and"]
                #[doc =
                " only as long as the previous bind failed. Once a bind succeeds, the"]
                #[doc = " binding can't be changed anymore."] #[doc = " "] #[doc =
                " # Typical errors"] #[doc =
                " - `invalid-argument`:          The `local-address` has the wrong address family. (EAFNOSUPPORT, EFAULT on Windows)"]
                #[doc =
                " - `invalid-argument`:          `local-address` is not a unicast address. (EINVAL)"]
                #[doc =
                " - `invalid-argument`:          `local-address` is an IPv4-mapped IPv6 address. (EINVAL)"]
                #[doc =
                " - `invalid-state`:             The socket is already bound. (EINVAL)"]
                #[doc =
                " - `address-in-use`:            No ephemeral ports available. (EADDRINUSE, ENOBUFS on Windows)"]
                #[doc =
                " - `address-in-use`:            Address is already in use. (EADDRINUSE)"]
                #[doc =
                " - `address-not-bindable`:      `local-address` is not an address that the `network` can bind to. (EADDRNOTAVAIL)"]
                #[doc =
                " - `not-in-progress`:           A `bind` operation is not in progress."]
                #[doc =
                " - `would-block`:               Can't finish the operation, it is still in progress. (EWOULDBLOCK, EAGAIN)"]
                #[doc = " "] #[doc = " # Implementors note"] #[doc =
                " When binding to a non-zero port, this bind operation shouldn't be affected by the TIME_WAIT"]
                #[doc =
                " state of a recently closed socket on the same local address. In practice this means that the SO_REUSEADDR"]
                #[doc =
                " socket option should be set implicitly on all platforms, except on Windows where this is the default behavior"]
                #[doc = " and SO_REUSEADDR performs something different entirely."] #[doc
                = " "] #[doc =
                " Unlike in POSIX, in WASI the bind operation is async. This enables"]
                #[doc =
                " interactive WASI hosts to inject permission prompts. Runtimes that"]
                #[doc =
                " don't want to make use of this ability can simply call the native"]
                #[doc = " `bind` as part of either `start-bind` or `finish-bind`."] #[doc
                = " "] #[doc = " # References"] #[doc =
                " - <https://pubs.opengroup.org/onlinepubs/9699919799/functions/bind.html>"]
                #[doc = " - <https://man7.org/linux/man-pages/man2/bind.2.html>"] #[doc =
                " - <https://learn.microsoft.com/en-us/windows/win32/api/winsock/nf-winsock-bind>"]
                #[doc =
                " - <https://man.freebsd.org/cgi/man.cgi?query=bind&sektion=2&format=html>"]
                fn start_bind(& mut self, self_ : ::witbind::Resource < TcpSocket >,
                network : ::witbind::Resource <
                super::super::super::wasi::sockets::network::Network >, local_address :
                IpSocketAddress) -> ::witbind::Result < ::core::result::Result < (),
                ErrorCode > >; fn finish_bind(& mut self, self_ : ::witbind::Resource <
                TcpSocket >) -> ::witbind::Result < ::core::result::Result < (),
                ErrorCode > >; #[doc = " Connect to a remote endpoint."] #[doc = " "]
                #[doc = " On success:"] #[doc =
                " - the socket is transitioned into the `connected` state."] #[doc =
                " - a pair of streams is returned that can be used to read & write to the connection"]
                #[doc = " "] #[doc =
                " After a failed connection attempt, the socket will be in the `closed`"]
                #[doc =
                " state and the only valid action left is to `drop` the socket. A single"]
                #[doc = " socket can not be used to connect more than once."] #[doc =
                " "] #[doc = " # Typical errors"] #[doc =
                " - `invalid-argument`:          The `remote-address` has the wrong address family. (EAFNOSUPPORT)"]
                #[doc =
                " - `invalid-argument`:          `remote-address` is not a unicast address. (EINVAL, ENETUNREACH on Linux, EAFNOSUPPORT on MacOS)"]
                #[doc =
                " - `invalid-argument`:          `remote-address` is an IPv4-mapped IPv6 address. (EINVAL, EADDRNOTAVAIL on Illumos)"]
                #[doc =
                " - `invalid-argument`:          The IP address in `remote-address` is set to INADDR_ANY (`0.0.0.0` / `::`). (EADDRNOTAVAIL on Windows)"]
                #[doc =
                " - `invalid-argument`:          The port in `remote-address` is set to 0. (EADDRNOTAVAIL on Windows)"]
                #[doc =
                " - `invalid-argument`:          The socket is already attached to a different network. The `network` passed to `connect` must be identical to the one passed to `bind`."]
                #[doc =
                " - `invalid-state`:             The socket is already in the `connected` state. (EISCONN)"]
                #[doc =
                " - `invalid-state`:             The socket is already in the `listening` state. (EOPNOTSUPP, EINVAL on Windows)"]
                #[doc =
                " - `timeout`:                   Connection timed out. (ETIMEDOUT)"]
                #[doc =
                " - `connection-refused`:        The connection was forcefully rejected. (ECONNREFUSED)"]
                #[doc =
                " - `connection-reset`:          The connection was reset. (ECONNRESET)"]
                #[doc =
                " - `connection-aborted`:        The connection was aborted. (ECONNABORTED)"]
                #[doc =
                " - `remote-unreachable`:        The remote address is not reachable. (EHOSTUNREACH, EHOSTDOWN, ENETUNREACH, ENETDOWN, ENONET)"]
                #[doc =
                " - `address-in-use`:            Tried to perform an implicit bind, but there were no ephemeral ports available. (EADDRINUSE, EADDRNOTAVAIL on Linux, EAGAIN on BSD)"]
                #[doc =
                " - `not-in-progress`:           A connect operation is not in progress."]
                #[doc =
                " - `would-block`:               Can't finish the operation, it is still in progress. (EWOULDBLOCK, EAGAIN)"]
                #[doc = " "] #[doc = " # Implementors note"] #[doc =
                " The POSIX equivalent of `start-connect` is the regular `connect` syscall."]
                #[doc =
                " Because all WASI sockets are non-blocking this is expected to return"]
                #[doc = " EINPROGRESS, which should be translated to `ok()` in WASI."]
                #[doc = " "] #[doc =
                " The POSIX equivalent of `finish-connect` is a `poll` for event `POLLOUT`"]
                #[doc =
                " with a timeout of 0 on the socket descriptor. Followed by a check for"]
                #[doc =
                " the `SO_ERROR` socket option, in case the poll signaled readiness."]
                #[doc = " "] #[doc = " # References"] #[doc =
                " - <https://pubs.opengroup.org/onlinepubs/9699919799/functions/connect.html>"]
                #[doc = " - <https://man7.org/linux/man-pages/man2/connect.2.html>"]
                #[doc =
                " - <https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-connect>"]
                #[doc = " - <https://man.freebsd.org/cgi/man.cgi?connect>"] fn
                start_connect(& mut self, self_ : ::witbind::Resource < TcpSocket >,
                network : ::witbind::Resource <
                super::super::super::wasi::sockets::network::Network >, remote_address :
                IpSocketAddress) -> ::witbind::Result < ::core::result::Result < (),
                ErrorCode > >; fn finish_connect(& mut self, self_ : ::witbind::Resource
                < TcpSocket >) -> ::witbind::Result < ::core::result::Result <
                (::witbind::Resource <
                super::super::super::wasi::io::streams::InputStream >,
                ::witbind::Resource <
                super::super::super::wasi::io::streams::OutputStream >,), ErrorCode > >;
                #[doc = " Start listening for new connections."] #[doc = " "] #[doc =
                " Transitions the socket into the `listening` state."] #[doc = " "] #[doc
                = " Unlike POSIX, the socket must already be explicitly bound."] #[doc =
                " "] #[doc = " # Typical errors"] #[doc =
                " - `invalid-state`:             The socket is not bound to any local address. (EDESTADDRREQ)"]
                #[doc =
                " - `invalid-state`:             The socket is already in the `connected` state. (EISCONN, EINVAL on BSD)"]
                #[doc =
                " - `invalid-state`:             The socket is already in the `listening` state."]
                #[doc =
                " - `address-in-use`:            Tried to perform an implicit bind, but there were no ephemeral ports available. (EADDRINUSE)"]
                #[doc =
                " - `not-in-progress`:           A listen operation is not in progress."]
                #[doc =
                " - `would-block`:               Can't finish the operation, it is still in progress. (EWOULDBLOCK, EAGAIN)"]
                #[doc = " "] #[doc = " # Implementors note"] #[doc =
                " Unlike in POSIX, in WASI the listen operation is async. This enables"]
                #[doc =
                " interactive WASI hosts to inject permission prompts. Runtimes that"]
                #[doc =
                " don't want to make use of this ability can simply call the native"]
                #[doc = " `listen` as part of either `start-listen` or `finish-listen`."]
                #[doc = " "] #[doc = " # References"] #[doc =
                " - <https://pubs.opengroup.org/onlinepubs/9699919799/functions/listen.html>"]
                #[doc = " - <https://man7.org/linux/man-pages/man2/listen.2.html>"] #[doc
                =
                " - <https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-listen>"]
                #[doc =
                " - <https://man.freebsd.org/cgi/man.cgi?query=listen&sektion=2>"] fn
                start_listen(& mut self, self_ : ::witbind::Resource < TcpSocket >) ->
                ::witbind::Result < ::core::result::Result < (), ErrorCode > >; fn
                finish_listen(& mut self, self_ : ::witbind::Resource < TcpSocket >) ->
                ::witbind::Result < ::core::result::Result < (), ErrorCode > >; #[doc =
                " Accept a new client socket."] #[doc = " "] #[doc =
                " The returned socket is bound and in the `connected` state. The following properties are inherited from the listener socket:"]
                #[doc = " - `address-family`"] #[doc = " - `keep-alive-enabled`"] #[doc =
                " - `keep-alive-idle-time`"] #[doc = " - `keep-alive-interval`"] #[doc =
                " - `keep-alive-count`"] #[doc = " - `hop-limit`"] #[doc =
                " - `receive-buffer-size`"] #[doc = " - `send-buffer-size`"] #[doc = " "]
                #[doc =
                " On success, this function returns the newly accepted client socket along with"]
                #[doc =
                " a pair of streams that can be used to read & write to the connection."]
                #[doc = " "] #[doc = " # Typical errors"] #[doc =
                " - `invalid-state`:      Socket is not in the `listening` state. (EINVAL)"]
                #[doc =
                " - `would-block`:        No pending connections at the moment. (EWOULDBLOCK, EAGAIN)"]
                #[doc =
                " - `connection-aborted`: An incoming connection was pending, but was terminated by the client before this listener could accept it. (ECONNABORTED)"]
                #[doc =
                " - `new-socket-limit`:   The new socket resource could not be created because of a system limit. (EMFILE, ENFILE)"]
                #[doc = " "] #[doc = " # References"] #[doc =
                " - <https://pubs.opengroup.org/onlinepubs/9699919799/functions/accept.html>"]
                #[doc = " - <https://man7.org/linux/man-pages/man2/accept.2.html>"] #[doc
                =
                " - <https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-accept>"]
                #[doc =
                " - <https://man.freebsd.org/cgi/man.cgi?query=accept&sektion=2>"] fn
                accept(& mut self, self_ : ::witbind::Resource < TcpSocket >) ->
                ::witbind::Result < ::core::result::Result < (::witbind::Resource <
                TcpSocket >, ::witbind::Resource <
                super::super::super::wasi::io::streams::InputStream >,
                ::witbind::Resource <
                super::super::super::wasi::io::streams::OutputStream >,), ErrorCode > >;
                #[doc = " Get the bound local address."] #[doc = " "] #[doc =
                " POSIX mentions:"] #[doc =
                " > If the socket has not been bound to a local name, the value"] #[doc =
                " > stored in the object pointed to by `address` is unspecified."] #[doc
                = " "] #[doc =
                " WASI is stricter and requires `local-address` to return `invalid-state` when the socket hasn't been bound yet."]
                #[doc = " "] #[doc = " # Typical errors"] #[doc =
                " - `invalid-state`: The socket is not bound to any local address."]
                #[doc = " "] #[doc = " # References"] #[doc =
                " - <https://pubs.opengroup.org/onlinepubs/9699919799/functions/getsockname.html>"]
                #[doc = " - <https://man7.org/linux/man-pages/man2/getsockname.2.html>"]
                #[doc =
                " - <https://learn.microsoft.com/en-us/windows/win32/api/winsock/nf-winsock-getsockname>"]
                #[doc = " - <https://man.freebsd.org/cgi/man.cgi?getsockname>"] fn
                local_address(& mut self, self_ : ::witbind::Resource < TcpSocket >) ->
                ::witbind::Result < ::core::result::Result < IpSocketAddress, ErrorCode >
                >; #[doc = " Get the remote address."] #[doc = " "] #[doc =
                " # Typical errors"] #[doc =
                " - `invalid-state`: The socket is not connected to a remote address. (ENOTCONN)"]
                #[doc = " "] #[doc = " # References"] #[doc =
                " - <https://pubs.opengroup.org/onlinepubs/9699919799/functions/getpeername.html>"]
                #[doc = " - <https://man7.org/linux/man-pages/man2/getpeername.2.html>"]
                #[doc =
                " - <https://learn.microsoft.com/en-us/windows/win32/api/winsock/nf-winsock-getpeername>"]
                #[doc =
                " - <https://man.freebsd.org/cgi/man.cgi?query=getpeername&sektion=2&n=1>"]
                fn remote_address(& mut self, self_ : ::witbind::Resource < TcpSocket >)
                -> ::witbind::Result < ::core::result::Result < IpSocketAddress,
                ErrorCode > >; #[doc =
                " Whether the socket is in the `listening` state."] #[doc = " "] #[doc =
                " Equivalent to the SO_ACCEPTCONN socket option."] fn is_listening(& mut
                self, self_ : ::witbind::Resource < TcpSocket >) -> ::witbind::Result <
                bool >; #[doc = " Whether this is a IPv4 or IPv6 socket."] #[doc = " "]
                #[doc = " Equivalent to the SO_DOMAIN socket option."] fn
                address_family(& mut self, self_ : ::witbind::Resource < TcpSocket >) ->
                ::witbind::Result < IpAddressFamily >; #[doc =
                " Hints the desired listen queue size. Implementations are free to ignore this."]
                #[doc = " "] #[doc =
                " If the provided value is 0, an `invalid-argument` error is returned."]
                #[doc =
                " Any other value will never cause an error, but it might be silently clamped and/or rounded."]
                #[doc = " "] #[doc = " # Typical errors"] #[doc =
                " - `not-supported`:        (set) The platform does not support changing the backlog size after the initial listen."]
                #[doc = " - `invalid-argument`:     (set) The provided value was 0."]
                #[doc =
                " - `invalid-state`:        (set) The socket is in the `connect-in-progress` or `connected` state."]
                fn set_listen_backlog_size(& mut self, self_ : ::witbind::Resource <
                TcpSocket >, value : u64) -> ::witbind::Result < ::core::result::Result <
                (), ErrorCode > >; #[doc = " Enables or disables keepalive."] #[doc =
                " "] #[doc = " The keepalive behavior can be adjusted using:"] #[doc =
                " - `keep-alive-idle-time`"] #[doc = " - `keep-alive-interval`"] #[doc =
                " - `keep-alive-count`"] #[doc =
                " These properties can be configured while `keep-alive-enabled` is false, but only come into effect when `keep-alive-enabled` is true."]
                #[doc = " "] #[doc = " Equivalent to the SO_KEEPALIVE socket option."] fn
                keep_alive_enabled(& mut self, self_ : ::witbind::Resource < TcpSocket >)
                -> ::witbind::Result < ::core::result::Result < bool, ErrorCode > >; fn
                set_keep_alive_enabled(& mut self, self_ : ::witbind::Resource <
                TcpSocket >, value : bool) -> ::witbind::Result < ::core::result::Result
                < (), ErrorCode > >; #[doc =
                " Amount of time the connection has to be idle before TCP starts sending keepalive packets."]
                #[doc = " "] #[doc =
                " If the provided value is 0, an `invalid-argument` error is returned."]
                #[doc =
                " Any other value will never cause an error, but it might be silently clamped and/or rounded."]
                #[doc =
                " I.e. after setting a value, reading the same setting back may return a different value."]
                #[doc = " "] #[doc =
                " Equivalent to the TCP_KEEPIDLE socket option. (TCP_KEEPALIVE on MacOS)"]
                #[doc = " "] #[doc = " # Typical errors"] #[doc =
                " - `invalid-argument`:     (set) The provided value was 0."] fn
                keep_alive_idle_time(& mut self, self_ : ::witbind::Resource < TcpSocket
                >) -> ::witbind::Result < ::core::result::Result < Duration, ErrorCode >
                >; fn set_keep_alive_idle_time(& mut self, self_ : ::witbind::Resource <
                TcpSocket >, value : Duration) -> ::witbind::Result <
                ::core::result::Result < (), ErrorCode > >; #[doc =
                " The time between keepalive packets."] #[doc = " "] #[doc =
                " If the provided value is 0, an `invalid-argument` error is returned."]
                #[doc =
                " Any other value will never cause an error, but it might be silently clamped and/or rounded."]
                #[doc =
                " I.e. after setting a value, reading the same setting back may return a different value."]
                #[doc = " "] #[doc = " Equivalent to the TCP_KEEPINTVL socket option."]
                #[doc = " "] #[doc = " # Typical errors"] #[doc =
                " - `invalid-argument`:     (set) The provided value was 0."] fn
                keep_alive_interval(& mut self, self_ : ::witbind::Resource < TcpSocket
                >) -> ::witbind::Result < ::core::result::Result < Duration, ErrorCode >
                >; fn set_keep_alive_interval(& mut self, self_ : ::witbind::Resource <
                TcpSocket >, value : Duration) -> ::witbind::Result <
                ::core::result::Result < (), ErrorCode > >; #[doc =
                " The maximum amount of keepalive packets TCP should send before aborting the connection."]
                #[doc = " "] #[doc =
                " If the provided value is 0, an `invalid-argument` error is returned."]
                #[doc =
                " Any other value will never cause an error, but it might be silently clamped and/or rounded."]
                #[doc =
                " I.e. after setting a value, reading the same setting back may return a different value."]
                #[doc = " "] #[doc = " Equivalent to the TCP_KEEPCNT socket option."]
                #[doc = " "] #[doc = " # Typical errors"] #[doc =
                " - `invalid-argument`:     (set) The provided value was 0."] fn
                keep_alive_count(& mut self, self_ : ::witbind::Resource < TcpSocket >)
                -> ::witbind::Result < ::core::result::Result < u32, ErrorCode > >; fn
                set_keep_alive_count(& mut self, self_ : ::witbind::Resource < TcpSocket
                >, value : u32) -> ::witbind::Result < ::core::result::Result < (),
                ErrorCode > >; #[doc =
                " Equivalent to the IP_TTL & IPV6_UNICAST_HOPS socket options."] #[doc =
                " "] #[doc =
                " If the provided value is 0, an `invalid-argument` error is returned."]
                #[doc = " "] #[doc = " # Typical errors"] #[doc =
                " - `invalid-argument`:     (set) The TTL value must be 1 or higher."] fn
                hop_limit(& mut self, self_ : ::witbind::Resource < TcpSocket >) ->
                ::witbind::Result < ::core::result::Result < u8, ErrorCode > >; fn
                set_hop_limit(& mut self, self_ : ::witbind::Resource < TcpSocket >,
                value : u8) -> ::witbind::Result < ::core::result::Result < (), ErrorCode
                > >; #[doc =
                " The kernel buffer space reserved for sends/receives on this socket."]
                #[doc = " "] #[doc =
                " If the provided value is 0, an `invalid-argument` error is returned."]
                #[doc =
                " Any other value will never cause an error, but it might be silently clamped and/or rounded."]
                #[doc =
                " I.e. after setting a value, reading the same setting back may return a different value."]
                #[doc = " "] #[doc =
                " Equivalent to the SO_RCVBUF and SO_SNDBUF socket options."] #[doc =
                " "] #[doc = " # Typical errors"] #[doc =
                " - `invalid-argument`:     (set) The provided value was 0."] fn
                receive_buffer_size(& mut self, self_ : ::witbind::Resource < TcpSocket
                >) -> ::witbind::Result < ::core::result::Result < u64, ErrorCode > >; fn
                set_receive_buffer_size(& mut self, self_ : ::witbind::Resource <
                TcpSocket >, value : u64) -> ::witbind::Result < ::core::result::Result <
                (), ErrorCode > >; fn send_buffer_size(& mut self, self_ :
                ::witbind::Resource < TcpSocket >) -> ::witbind::Result <
                ::core::result::Result < u64, ErrorCode > >; fn set_send_buffer_size(&
                mut self, self_ : ::witbind::Resource < TcpSocket >, value : u64) ->
                ::witbind::Result < ::core::result::Result < (), ErrorCode > >; #[doc =
                " Create a `pollable` which can be used to poll for, or block on,"] #[doc
                = " completion of any of the asynchronous operations of this socket."]
                #[doc = " "] #[doc =
                " When `finish-bind`, `finish-listen`, `finish-connect` or `accept`"]
                #[doc =
                " return `error(would-block)`, this pollable can be used to wait for"]
                #[doc =
                " their success or failure, after which the method can be retried."]
                #[doc = " "] #[doc =
                " The pollable is not limited to the async operation that happens to be"]
                #[doc =
                " in progress at the time of calling `subscribe` (if any). Theoretically,"]
                #[doc =
                " `subscribe` only has to be called once per socket and can then be"]
                #[doc = " (re)used for the remainder of the socket's lifetime."] #[doc =
                " "] #[doc =
                " See <https://github.com/WebAssembly/WASI/blob/main/proposals/sockets/TcpSocketOperationalSemantics.md#pollable-readiness>"]
                #[doc = " for more information."] #[doc = " "] #[doc =
                " Note: this function is here for WASI 0.2 only."] #[doc =
                " It's planned to be removed when `future` is natively supported in Preview3."]
                fn subscribe(& mut self, self_ : ::witbind::Resource < TcpSocket >) ->
                ::witbind::Result < ::witbind::Resource <
                super::super::super::wasi::io::poll::Pollable > >; #[doc =
                " Initiate a graceful shutdown."] #[doc = " "] #[doc =
                " - `receive`: The socket is not expecting to receive any data from"]
                #[doc =
                "   the peer. The `input-stream` associated with this socket will be"]
                #[doc =
                "   closed. Any data still in the receive queue at time of calling"]
                #[doc = "   this method will be discarded."] #[doc =
                " - `send`: The socket has no more data to send to the peer. The `output-stream`"]
                #[doc =
                "   associated with this socket will be closed and a FIN packet will be sent."]
                #[doc = " - `both`: Same effect as `receive` & `send` combined."] #[doc =
                " "] #[doc =
                " This function is idempotent; shutting down a direction more than once"]
                #[doc = " has no effect and returns `ok`."] #[doc = " "] #[doc =
                " The shutdown function does not close (drop) the socket."] #[doc = " "]
                #[doc = " # Typical errors"] #[doc =
                " - `invalid-state`: The socket is not in the `connected` state. (ENOTCONN)"]
                #[doc = " "] #[doc = " # References"] #[doc =
                " - <https://pubs.opengroup.org/onlinepubs/9699919799/functions/shutdown.html>"]
                #[doc = " - <https://man7.org/linux/man-pages/man2/shutdown.2.html>"]
                #[doc =
                " - <https://learn.microsoft.com/en-us/windows/win32/api/winsock/nf-winsock-shutdown>"]
                #[doc =
                " - <https://man.freebsd.org/cgi/man.cgi?query=shutdown&sektion=2>"] fn
                shutdown(& mut self, self_ : ::witbind::Resource < TcpSocket >,
                shutdown_type : ShutdownType) -> ::witbind::Result <
                ::core::result::Result < (), ErrorCode > >; #[doc =
                r" Called when the guest drops the last owned handle."] fn drop(& mut
                self, rep : ::witbind::Resource < TcpSocket >) -> ::witbind::Result < ()
                >; } #[doc =
                " The host's implementation of the imported interface `wasi:sockets/tcp@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host : HostTcpSocket {} #[doc
                = r" Registers the host functions and resources of this interface"] #[doc
                = r" in `linker`; `get` finds the implementation in the store's data."]
                pub fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:sockets/tcp@0.2.12") ?; let _ = (& mut inst, get); { inst
                .func_wrap("[method]tcp-socket.start-bind", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1, arg2,) :
                (::witbind::Borrowed < ::witbind::Resource < TcpSocket > >,
                ::witbind::Borrowed < ::witbind::Resource <
                super::super::super::wasi::sockets::network::Network > >,
                IpSocketAddress,) | { let r = HostTcpSocket::start_bind(get(store
                .data_mut()), arg0.into_inner(), arg1.into_inner(), arg2) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.finish-bind", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < TcpSocket > >,) | { let r =
                HostTcpSocket::finish_bind(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.start-connect", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1, arg2,) :
                (::witbind::Borrowed < ::witbind::Resource < TcpSocket > >,
                ::witbind::Borrowed < ::witbind::Resource <
                super::super::super::wasi::sockets::network::Network > >,
                IpSocketAddress,) | { let r = HostTcpSocket::start_connect(get(store
                .data_mut()), arg0.into_inner(), arg1.into_inner(), arg2) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.finish-connect", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < TcpSocket > >,) | { let r =
                HostTcpSocket::finish_connect(get(store.data_mut()), arg0.into_inner())
                ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.start-listen", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < TcpSocket > >,) | { let r =
                HostTcpSocket::start_listen(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.finish-listen", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < TcpSocket > >,) | { let r =
                HostTcpSocket::finish_listen(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.accept", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < TcpSocket > >,) | { let r =
                HostTcpSocket::accept(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.local-address", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < TcpSocket > >,) | { let r =
                HostTcpSocket::local_address(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.remote-address", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < TcpSocket > >,) | { let r =
                HostTcpSocket::remote_address(get(store.data_mut()), arg0.into_inner())
                ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.is-listening", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < TcpSocket > >,) | { let r =
                HostTcpSocket::is_listening(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.address-family", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < TcpSocket > >,) | { let r =
                HostTcpSocket::address_family(get(store.data_mut()), arg0.into_inner())
                ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.set-listen-backlog-size", move | mut store
                : ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < TcpSocket > >, u64,) | { let
                r = HostTcpSocket::set_listen_backlog_size(get(store.data_mut()), arg0
                .into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.keep-alive-enabled", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < TcpSocket > >,) | { let r =
                HostTcpSocket::keep_alive_enabled(get(store.data_mut()), arg0
                .into_inner()) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.set-keep-alive-enabled", move | mut store
                : ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < TcpSocket > >, bool,) | {
                let r = HostTcpSocket::set_keep_alive_enabled(get(store.data_mut()), arg0
                .into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.keep-alive-idle-time", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < TcpSocket > >,) | { let r =
                HostTcpSocket::keep_alive_idle_time(get(store.data_mut()), arg0
                .into_inner()) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.set-keep-alive-idle-time", move | mut
                store : ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < TcpSocket > >, Duration,) |
                { let r = HostTcpSocket::set_keep_alive_idle_time(get(store.data_mut()),
                arg0.into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } {
                inst.func_wrap("[method]tcp-socket.keep-alive-interval", move | mut store
                : ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < TcpSocket > >,) | { let r =
                HostTcpSocket::keep_alive_interval(get(store.data_mut()), arg0
                .into_inner()) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.set-keep-alive-interval", move | mut store
                : ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < TcpSocket > >, Duration,) |
                { let r = HostTcpSocket::set_keep_alive_interval(get(store.data_mut()),
                arg0.into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } {
                inst.func_wrap("[method]tcp-socket.keep-alive-count", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < TcpSocket > >,) | { let r =
                HostTcpSocket::keep_alive_count(get(store.data_mut()), arg0.into_inner())
                ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.set-keep-alive-count", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < TcpSocket > >, u32,) | { let
                r = HostTcpSocket::set_keep_alive_count(get(store.data_mut()), arg0
                .into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.hop-limit", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < TcpSocket > >,) | { let r =
                HostTcpSocket::hop_limit(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.set-hop-limit", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < TcpSocket > >, u8,) | { let
                r = HostTcpSocket::set_hop_limit(get(store.data_mut()), arg0
                .into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.receive-buffer-size", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < TcpSocket > >,) | { let r =
                HostTcpSocket::receive_buffer_size(get(store.data_mut()), arg0
                .into_inner()) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.set-receive-buffer-size", move | mut store
                : ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < TcpSocket > >, u64,) | { let
                r = HostTcpSocket::set_receive_buffer_size(get(store.data_mut()), arg0
                .into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.send-buffer-size", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < TcpSocket > >,) | { let r =
                HostTcpSocket::send_buffer_size(get(store.data_mut()), arg0.into_inner())
                ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.set-send-buffer-size", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < TcpSocket > >, u64,) | { let
                r = HostTcpSocket::set_send_buffer_size(get(store.data_mut()), arg0
                .into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.subscribe", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < TcpSocket > >,) | { let r =
                HostTcpSocket::subscribe(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]tcp-socket.shutdown", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < TcpSocket > >,
                ShutdownType,) | { let r = HostTcpSocket::shutdown(get(store.data_mut()),
                arg0.into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; }
                inst.resource:: < TcpSocket > ("tcp-socket", move | mut store, rep | {
                HostTcpSocket::drop(get(store.data_mut()),
                ::witbind::Resource::new_own(rep)) }) ?; ::core::result::Result::Ok(()) }
            }
            pub type InputStream = super::super::super::wasi::io::streams::InputStream;
            pub type OutputStream = super::super::super::wasi::io::streams::OutputStream;
            pub type Pollable = super::super::super::wasi::io::poll::Pollable;
            pub type Duration = super::super::super::wasi::clocks::monotonic_clock::Duration;
            const _: () = {
                assert!(
                    < Duration as ::witbind::ComponentType > ::SIZE32 == 8usize,
                    "the Rust size of `duration` differs from its WIT size 8"
                );
                assert!(
                    < Duration as ::witbind::ComponentType > ::ALIGN32 == 8u32,
                    "the Rust alignment of `duration` differs from its WIT alignment 8"
                );
            };
            pub type Network = super::super::super::wasi::sockets::network::Network;
            pub type ErrorCode = super::super::super::wasi::sockets::network::ErrorCode;
            const _: () = {
                assert!(
                    < ErrorCode as ::witbind::ComponentType > ::SIZE32 == 1usize,
                    "the Rust size of `error-code` differs from its WIT size 1"
                );
                assert!(
                    < ErrorCode as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `error-code` differs from its WIT alignment 1"
                );
            };
            pub type IpSocketAddress = super::super::super::wasi::sockets::network::IpSocketAddress;
            const _: () = {
                assert!(
                    < IpSocketAddress as ::witbind::ComponentType > ::SIZE32 == 32usize,
                    "the Rust size of `ip-socket-address` differs from its WIT size 32"
                );
                assert!(
                    < IpSocketAddress as ::witbind::ComponentType > ::ALIGN32 == 4u32,
                    "the Rust alignment of `ip-socket-address` differs from its WIT alignment 4"
                );
            };
            pub type IpAddressFamily = super::super::super::wasi::sockets::network::IpAddressFamily;
            const _: () = {
                assert!(
                    < IpAddressFamily as ::witbind::ComponentType > ::SIZE32 == 1usize,
                    "the Rust size of `ip-address-family` differs from its WIT size 1"
                );
                assert!(
                    < IpAddressFamily as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `ip-address-family` differs from its WIT alignment 1"
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
            pub enum ShutdownType {
                /// Similar to `SHUT_RD` in POSIX.
                #[component(name = "receive")]
                Receive,
                /// Similar to `SHUT_WR` in POSIX.
                #[component(name = "send")]
                Send,
                /// Similar to `SHUT_RDWR` in POSIX.
                #[component(name = "both")]
                Both,
            }
            const _: () = {
                assert!(
                    < ShutdownType as ::witbind::ComponentType > ::SIZE32 == 1usize,
                    "the Rust size of `shutdown-type` differs from its WIT size 1"
                );
                assert!(
                    < ShutdownType as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `shutdown-type` differs from its WIT alignment 1"
                );
            };
            /// A TCP socket resource.
            ///
            /// The socket can be in one of the following states:
            /// - `unbound`
            /// - `bind-in-progress`
            /// - `bound` (See note below)
            /// - `listen-in-progress`
            /// - `listening`
            /// - `connect-in-progress`
            /// - `connected`
            /// - `closed`
            /// See <https://github.com/WebAssembly/WASI/blob/main/proposals/sockets/TcpSocketOperationalSemantics.md>
            /// for more information.
            ///
            /// Note: Except where explicitly mentioned, whenever this documentation uses
            /// the term "bound" without backticks it actually means: in the `bound` state *or higher*.
            /// (i.e. `bound`, `listen-in-progress`, `listening`, `connect-in-progress` or `connected`)
            ///
            /// In addition to the general error codes documented on the
            /// `network::error-code` type, TCP socket methods may always return
            /// `error(invalid-state)` when in the `closed` state.
            #[derive(::core::fmt::Debug)]
            pub enum TcpSocket {}
        }
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod tcp_create_socket {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the imported interface `wasi:sockets/tcp-create-socket@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host { #[doc =
                " Create a new TCP socket."] #[doc = " "] #[doc =
                " Similar to `socket(AF_INET or AF_INET6, SOCK_STREAM, IPPROTO_TCP)` in POSIX."]
                #[doc =
                " On IPv6 sockets, IPV6_V6ONLY is enabled by default and can't be configured otherwise."]
                #[doc = " "] #[doc =
                " This function does not require a network capability handle. This is considered to be safe because"]
                #[doc =
                " at time of creation, the socket is not bound to any `network` yet. Up to the moment `bind`/`connect`"]
                #[doc =
                " is called, the socket is effectively an in-memory configuration object, unable to communicate with the outside world."]
                #[doc = " "] #[doc =
                " All sockets are non-blocking. Use the wasi-poll interface to block on asynchronous operations."]
                #[doc = " "] #[doc = " # Typical errors"] #[doc =
                " - `not-supported`:     The specified `address-family` is not supported. (EAFNOSUPPORT)"]
                #[doc =
                " - `new-socket-limit`:  The new socket resource could not be created because of a system limit. (EMFILE, ENFILE)"]
                #[doc = " "] #[doc = " # References"] #[doc =
                " - <https://pubs.opengroup.org/onlinepubs/9699919799/functions/socket.html>"]
                #[doc = " - <https://man7.org/linux/man-pages/man2/socket.2.html>"] #[doc
                =
                " - <https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-wsasocketw>"]
                #[doc =
                " - <https://man.freebsd.org/cgi/man.cgi?query=socket&sektion=2>"] fn
                create_tcp_socket(& mut self, address_family : IpAddressFamily) ->
                ::witbind::Result < ::core::result::Result < ::witbind::Resource <
                super::super::super::wasi::sockets::tcp::TcpSocket >, ErrorCode > >; }
                #[doc = r" Registers the host functions and resources of this interface"]
                #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:sockets/tcp-create-socket@0.2.12") ?; let _ = (& mut
                inst, get); { inst.func_wrap("create-tcp-socket", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (IpAddressFamily,) | {
                let r = Host::create_tcp_socket(get(store.data_mut()), arg0) ?;
                ::core::result::Result::Ok((r,)) },) ?; } ::core::result::Result::Ok(())
                }
            }
            pub type Network = super::super::super::wasi::sockets::network::Network;
            pub type ErrorCode = super::super::super::wasi::sockets::network::ErrorCode;
            const _: () = {
                assert!(
                    < ErrorCode as ::witbind::ComponentType > ::SIZE32 == 1usize,
                    "the Rust size of `error-code` differs from its WIT size 1"
                );
                assert!(
                    < ErrorCode as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `error-code` differs from its WIT alignment 1"
                );
            };
            pub type IpAddressFamily = super::super::super::wasi::sockets::network::IpAddressFamily;
            const _: () = {
                assert!(
                    < IpAddressFamily as ::witbind::ComponentType > ::SIZE32 == 1usize,
                    "the Rust size of `ip-address-family` differs from its WIT size 1"
                );
                assert!(
                    < IpAddressFamily as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `ip-address-family` differs from its WIT alignment 1"
                );
            };
            pub type TcpSocket = super::super::super::wasi::sockets::tcp::TcpSocket;
        }
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod udp {
            ::witbind::__bindgen_host_items! {
                #[doc = " The host's implementation of the WIT resource `udp-socket`."]
                #[allow(dead_code, clippy::all)] pub trait HostUdpSocket { #[doc =
                " Bind the socket to a specific network on the provided IP address and port."]
                #[doc = " "] #[doc =
                " If the IP address is zero (`0.0.0.0` in IPv4, `::` in IPv6), it is left to the implementation to decide which"]
                #[doc = " network interface(s) to bind to."] #[doc =
                " If the port is zero, the socket will be bound to a random free port."]
                #[doc = " "] #[doc = " # Typical errors"] #[doc =
                " - `invalid-argument`:          The `local-address` has the wrong address family. (EAFNOSUPPORT, EFAULT on Windows)"]
                #[doc =
                " - `invalid-state`:             The socket is already bound. (EINVAL)"]
                #[doc =
                " - `address-in-use`:            No ephemeral ports available. (EADDRINUSE, ENOBUFS on Windows)"]
                #[doc =
                " - `address-in-use`:            Address is already in use. (EADDRINUSE)"]
                #[doc =
                " - `address-not-bindable`:      `local-address` is not an address that the `network` can bind to. (EADDRNOTAVAIL)"]
                #[doc =
                " - `not-in-progress`:           A `bind` operation is not in progress."]
                #[doc =
                " - `would-block`:               Can't finish the operation, it is still in progress. (EWOULDBLOCK, EAGAIN)"]
                #[doc = " "] #[doc = " # Implementors note"] #[doc =
                " Unlike in POSIX, in WASI the bind operation is async. This enables"]
                #[doc =
                " interactive WASI hosts to inject permission prompts. Runtimes that"]
                #[doc =
                " don't want to make use of this ability can simply call the native"]
                #[doc = " `bind` as part of either `start-bind` or `finish-bind`."] #[doc
                = " "] #[doc = " # References"] #[doc =
                " - <https://pubs.opengroup.org/onlinepubs/9699919799/functions/bind.html>"]
                #[doc = " - <https://man7.org/linux/man-pages/man2/bind.2.html>"] #[doc =
                " - <https://learn.microsoft.com/en-us/windows/win32/api/winsock/nf-winsock-bind>"]
                #[doc =
                " - <https://man.freebsd.org/cgi/man.cgi?query=bind&sektion=2&format=html>"]
                fn start_bind(& mut self, self_ : ::witbind::Resource < UdpSocket >,
                network : ::witbind::Resource <
                super::super::super::wasi::sockets::network::Network >, local_address :
                IpSocketAddress) -> ::witbind::Result < ::core::result::Result < (),
                ErrorCode > >; fn finish_bind(& mut self, self_ : ::witbind::Resource <
                UdpSocket >) -> ::witbind::Result < ::core::result::Result < (),
                ErrorCode > >; #[doc =
                " Set up inbound & outbound communication channels, optionally to a specific peer."]
                #[doc = " "] #[doc =
                " This function only changes the local socket configuration and does not generate any network traffic."]
                #[doc =
                " On success, the `remote-address` of the socket is updated. The `local-address` may be updated as well,"]
                #[doc = " based on the best network path to `remote-address`."] #[doc =
                " "] #[doc =
                " When a `remote-address` is provided, the returned streams are limited to communicating with that specific peer:"]
                #[doc = " - `send` can only be used to send to this destination."] #[doc
                =
                " - `receive` will only return datagrams sent from the provided `remote-address`."]
                #[doc = " "] #[doc =
                " This method may be called multiple times on the same socket to change its association, but"]
                #[doc =
                " only the most recently returned pair of streams will be operational. Implementations may trap if"]
                #[doc =
                " the streams returned by a previous invocation haven't been dropped yet before calling `stream` again."]
                #[doc = " "] #[doc = " The POSIX equivalent in pseudo-code is:"] #[doc =
                " ```text"] #[doc = " if (was previously connected) {"] #[doc =
                " \tconnect(s, AF_UNSPEC)"] #[doc = " }"] #[doc =
                " if (remote_address is Some) {"] #[doc =
                " \tconnect(s, remote_address)"] #[doc = " }"] #[doc = " ```"] #[doc =
                " "] #[doc =
                " Unlike in POSIX, the socket must already be explicitly bound."] #[doc =
                " "] #[doc = " # Typical errors"] #[doc =
                " - `invalid-argument`:          The `remote-address` has the wrong address family. (EAFNOSUPPORT)"]
                #[doc =
                " - `invalid-argument`:          The IP address in `remote-address` is set to INADDR_ANY (`0.0.0.0` / `::`). (EDESTADDRREQ, EADDRNOTAVAIL)"]
                #[doc =
                " - `invalid-argument`:          The port in `remote-address` is set to 0. (EDESTADDRREQ, EADDRNOTAVAIL)"]
                #[doc = " - `invalid-state`:             The socket is not bound."] #[doc
                =
                " - `address-in-use`:            Tried to perform an implicit bind, but there were no ephemeral ports available. (EADDRINUSE, EADDRNOTAVAIL on Linux, EAGAIN on BSD)"]
                #[doc =
                " - `remote-unreachable`:        The remote address is not reachable. (ECONNRESET, ENETRESET, EHOSTUNREACH, EHOSTDOWN, ENETUNREACH, ENETDOWN, ENONET)"]
                #[doc =
                " - `connection-refused`:        The connection was refused. (ECONNREFUSED)"]
                #[doc = " "] #[doc = " # References"] #[doc =
                " - <https://pubs.opengroup.org/onlinepubs/9699919799/functions/connect.html>"]
                #[doc = " - <https://man7.org/linux/man-pages/man2/connect.2.html>"]
                #[doc =
                " - <https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-connect>"]
                #[doc = " - <https://man.freebsd.org/cgi/man.cgi?connect>"] fn stream(&
                mut self, self_ : ::witbind::Resource < UdpSocket >, remote_address :
                ::core::option::Option < IpSocketAddress >) -> ::witbind::Result <
                ::core::result::Result < (::witbind::Resource < IncomingDatagramStream >,
                ::witbind::Resource < OutgoingDatagramStream >,), ErrorCode > >; #[doc =
                " Get the current bound address."] #[doc = " "] #[doc =
                " POSIX mentions:"] #[doc =
                " > If the socket has not been bound to a local name, the value"] #[doc =
                " > stored in the object pointed to by `address` is unspecified."] #[doc
                = " "] #[doc =
                " WASI is stricter and requires `local-address` to return `invalid-state` when the socket hasn't been bound yet."]
                #[doc = " "] #[doc = " # Typical errors"] #[doc =
                " - `invalid-state`: The socket is not bound to any local address."]
                #[doc = " "] #[doc = " # References"] #[doc =
                " - <https://pubs.opengroup.org/onlinepubs/9699919799/functions/getsockname.html>"]
                #[doc = " - <https://man7.org/linux/man-pages/man2/getsockname.2.html>"]
                #[doc =
                " - <https://learn.microsoft.com/en-us/windows/win32/api/winsock/nf-winsock-getsockname>"]
                #[doc = " - <https://man.freebsd.org/cgi/man.cgi?getsockname>"] fn
                local_address(& mut self, self_ : ::witbind::Resource < UdpSocket >) ->
                ::witbind::Result < ::core::result::Result < IpSocketAddress, ErrorCode >
                >; #[doc = " Get the address the socket is currently streaming to."]
                #[doc = " "] #[doc = " # Typical errors"] #[doc =
                " - `invalid-state`: The socket is not streaming to a specific remote address. (ENOTCONN)"]
                #[doc = " "] #[doc = " # References"] #[doc =
                " - <https://pubs.opengroup.org/onlinepubs/9699919799/functions/getpeername.html>"]
                #[doc = " - <https://man7.org/linux/man-pages/man2/getpeername.2.html>"]
                #[doc =
                " - <https://learn.microsoft.com/en-us/windows/win32/api/winsock/nf-winsock-getpeername>"]
                #[doc =
                " - <https://man.freebsd.org/cgi/man.cgi?query=getpeername&sektion=2&n=1>"]
                fn remote_address(& mut self, self_ : ::witbind::Resource < UdpSocket >)
                -> ::witbind::Result < ::core::result::Result < IpSocketAddress,
                ErrorCode > >; #[doc = " Whether this is a IPv4 or IPv6 socket."] #[doc =
                " "] #[doc = " Equivalent to the SO_DOMAIN socket option."] fn
                address_family(& mut self, self_ : ::witbind::Resource < UdpSocket >) ->
                ::witbind::Result < IpAddressFamily >; #[doc =
                " Equivalent to the IP_TTL & IPV6_UNICAST_HOPS socket options."] #[doc =
                " "] #[doc =
                " If the provided value is 0, an `invalid-argument` error is returned."]
                #[doc = " "] #[doc = " # Typical errors"] #[doc =
                " - `invalid-argument`:     (set) The TTL value must be 1 or higher."] fn
                unicast_hop_limit(& mut self, self_ : ::witbind::Resource < UdpSocket >)
                -> ::witbind::Result < ::core::result::Result < u8, ErrorCode > >; fn
                set_unicast_hop_limit(& mut self, self_ : ::witbind::Resource < UdpSocket
                >, value : u8) -> ::witbind::Result < ::core::result::Result < (),
                ErrorCode > >; #[doc =
                " The kernel buffer space reserved for sends/receives on this socket."]
                #[doc = " "] #[doc =
                " If the provided value is 0, an `invalid-argument` error is returned."]
                #[doc =
                " Any other value will never cause an error, but it might be silently clamped and/or rounded."]
                #[doc =
                " I.e. after setting a value, reading the same setting back may return a different value."]
                #[doc = " "] #[doc =
                " Equivalent to the SO_RCVBUF and SO_SNDBUF socket options."] #[doc =
                " "] #[doc = " # Typical errors"] #[doc =
                " - `invalid-argument`:     (set) The provided value was 0."] fn
                receive_buffer_size(& mut self, self_ : ::witbind::Resource < UdpSocket
                >) -> ::witbind::Result < ::core::result::Result < u64, ErrorCode > >; fn
                set_receive_buffer_size(& mut self, self_ : ::witbind::Resource <
                UdpSocket >, value : u64) -> ::witbind::Result < ::core::result::Result <
                (), ErrorCode > >; fn send_buffer_size(& mut self, self_ :
                ::witbind::Resource < UdpSocket >) -> ::witbind::Result <
                ::core::result::Result < u64, ErrorCode > >; fn set_send_buffer_size(&
                mut self, self_ : ::witbind::Resource < UdpSocket >, value : u64) ->
                ::witbind::Result < ::core::result::Result < (), ErrorCode > >; #[doc =
                " Create a `pollable` which will resolve once the socket is ready for I/O."]
                #[doc = " "] #[doc = " Note: this function is here for WASI 0.2 only."]
                #[doc =
                " It's planned to be removed when `future` is natively supported in Preview3."]
                fn subscribe(& mut self, self_ : ::witbind::Resource < UdpSocket >) ->
                ::witbind::Result < ::witbind::Resource <
                super::super::super::wasi::io::poll::Pollable > >; #[doc =
                r" Called when the guest drops the last owned handle."] fn drop(& mut
                self, rep : ::witbind::Resource < UdpSocket >) -> ::witbind::Result < ()
                >; } #[doc =
                " The host's implementation of the WIT resource `incoming-datagram-stream`."]
                #[allow(dead_code, clippy::all)] pub trait HostIncomingDatagramStream {
                #[doc = " Receive messages on the socket."] #[doc = " "] #[doc =
                " This function attempts to receive up to `max-results` datagrams on the socket without blocking."]
                #[doc =
                " The returned list may contain fewer elements than requested, but never more."]
                #[doc = " "] #[doc =
                " This function returns successfully with an empty list when either:"]
                #[doc = " - `max-results` is 0, or:"] #[doc =
                " - `max-results` is greater than 0, but no results are immediately available."]
                #[doc = " This function never returns `error(would-block)`."] #[doc =
                " "] #[doc = " # Typical errors"] #[doc =
                " - `remote-unreachable`: The remote address is not reachable. (ECONNRESET, ENETRESET on Windows, EHOSTUNREACH, EHOSTDOWN, ENETUNREACH, ENETDOWN, ENONET)"]
                #[doc =
                " - `connection-refused`: The connection was refused. (ECONNREFUSED)"]
                #[doc = " "] #[doc = " # References"] #[doc =
                " - <https://pubs.opengroup.org/onlinepubs/9699919799/functions/recvfrom.html>"]
                #[doc =
                " - <https://pubs.opengroup.org/onlinepubs/9699919799/functions/recvmsg.html>"]
                #[doc = " - <https://man7.org/linux/man-pages/man2/recv.2.html>"] #[doc =
                " - <https://man7.org/linux/man-pages/man2/recvmmsg.2.html>"] #[doc =
                " - <https://learn.microsoft.com/en-us/windows/win32/api/winsock/nf-winsock-recv>"]
                #[doc =
                " - <https://learn.microsoft.com/en-us/windows/win32/api/winsock/nf-winsock-recvfrom>"]
                #[doc =
                " - <https://learn.microsoft.com/en-us/previous-versions/windows/desktop/legacy/ms741687(v=vs.85)>"]
                #[doc = " - <https://man.freebsd.org/cgi/man.cgi?query=recv&sektion=2>"]
                fn receive(& mut self, self_ : ::witbind::Resource <
                IncomingDatagramStream >, max_results : u64) -> ::witbind::Result <
                ::core::result::Result < ::std::vec::Vec < IncomingDatagram >, ErrorCode
                > >; #[doc =
                " Create a `pollable` which will resolve once the stream is ready to receive again."]
                #[doc = " "] #[doc = " Note: this function is here for WASI 0.2 only."]
                #[doc =
                " It's planned to be removed when `future` is natively supported in Preview3."]
                fn subscribe(& mut self, self_ : ::witbind::Resource <
                IncomingDatagramStream >) -> ::witbind::Result < ::witbind::Resource <
                super::super::super::wasi::io::poll::Pollable > >; #[doc =
                r" Called when the guest drops the last owned handle."] fn drop(& mut
                self, rep : ::witbind::Resource < IncomingDatagramStream >) ->
                ::witbind::Result < () >; } #[doc =
                " The host's implementation of the WIT resource `outgoing-datagram-stream`."]
                #[allow(dead_code, clippy::all)] pub trait HostOutgoingDatagramStream {
                #[doc = " Check readiness for sending. This function never blocks."]
                #[doc = " "] #[doc =
                " Returns the number of datagrams permitted for the next call to `send`,"]
                #[doc =
                " or an error. Calling `send` with more datagrams than this function has"]
                #[doc = " permitted will trap."] #[doc = " "] #[doc =
                " When this function returns ok(0), the `subscribe` pollable will"] #[doc
                = " become ready when this function will report at least ok(1), or an"]
                #[doc = " error."] #[doc = " "] #[doc = " Never returns `would-block`."]
                fn check_send(& mut self, self_ : ::witbind::Resource <
                OutgoingDatagramStream >) -> ::witbind::Result < ::core::result::Result <
                u64, ErrorCode > >; #[doc = " Send messages on the socket."] #[doc = " "]
                #[doc =
                " This function attempts to send all provided `datagrams` on the socket without blocking and"]
                #[doc =
                " returns how many messages were actually sent (or queued for sending). This function never"]
                #[doc =
                " returns `error(would-block)`. If none of the datagrams were able to be sent, `ok(0)` is returned."]
                #[doc = " "] #[doc =
                " This function semantically behaves the same as iterating the `datagrams` list and sequentially"]
                #[doc =
                " sending each individual datagram until either the end of the list has been reached or the first error occurred."]
                #[doc =
                " If at least one datagram has been sent successfully, this function never returns an error."]
                #[doc = " "] #[doc =
                " If the input list is empty, the function returns `ok(0)`."] #[doc =
                " "] #[doc =
                " Each call to `send` must be permitted by a preceding `check-send`. Implementations must trap if"]
                #[doc =
                " either `check-send` was not called or `datagrams` contains more items than `check-send` permitted."]
                #[doc = " "] #[doc = " # Typical errors"] #[doc =
                " - `invalid-argument`:        The `remote-address` has the wrong address family. (EAFNOSUPPORT)"]
                #[doc =
                " - `invalid-argument`:        The IP address in `remote-address` is set to INADDR_ANY (`0.0.0.0` / `::`). (EDESTADDRREQ, EADDRNOTAVAIL)"]
                #[doc =
                " - `invalid-argument`:        The port in `remote-address` is set to 0. (EDESTADDRREQ, EADDRNOTAVAIL)"]
                #[doc =
                " - `invalid-argument`:        The socket is in \"connected\" mode and `remote-address` is `some` value that does not match the address passed to `stream`. (EISCONN)"]
                #[doc =
                " - `invalid-argument`:        The socket is not \"connected\" and no value for `remote-address` was provided. (EDESTADDRREQ)"]
                #[doc =
                " - `remote-unreachable`:      The remote address is not reachable. (ECONNRESET, ENETRESET on Windows, EHOSTUNREACH, EHOSTDOWN, ENETUNREACH, ENETDOWN, ENONET)"]
                #[doc =
                " - `connection-refused`:      The connection was refused. (ECONNREFUSED)"]
                #[doc =
                " - `datagram-too-large`:      The datagram is too large. (EMSGSIZE)"]
                #[doc = " "] #[doc = " # References"] #[doc =
                " - <https://pubs.opengroup.org/onlinepubs/9699919799/functions/sendto.html>"]
                #[doc =
                " - <https://pubs.opengroup.org/onlinepubs/9699919799/functions/sendmsg.html>"]
                #[doc = " - <https://man7.org/linux/man-pages/man2/send.2.html>"] #[doc =
                " - <https://man7.org/linux/man-pages/man2/sendmmsg.2.html>"] #[doc =
                " - <https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-send>"]
                #[doc =
                " - <https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-sendto>"]
                #[doc =
                " - <https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-wsasendmsg>"]
                #[doc = " - <https://man.freebsd.org/cgi/man.cgi?query=send&sektion=2>"]
                fn send(& mut self, self_ : ::witbind::Resource < OutgoingDatagramStream
                >, datagrams : ::std::vec::Vec < OutgoingDatagram >) -> ::witbind::Result
                < ::core::result::Result < u64, ErrorCode > >; #[doc =
                " Create a `pollable` which will resolve once the stream is ready to send again."]
                #[doc = " "] #[doc = " Note: this function is here for WASI 0.2 only."]
                #[doc =
                " It's planned to be removed when `future` is natively supported in Preview3."]
                fn subscribe(& mut self, self_ : ::witbind::Resource <
                OutgoingDatagramStream >) -> ::witbind::Result < ::witbind::Resource <
                super::super::super::wasi::io::poll::Pollable > >; #[doc =
                r" Called when the guest drops the last owned handle."] fn drop(& mut
                self, rep : ::witbind::Resource < OutgoingDatagramStream >) ->
                ::witbind::Result < () >; } #[doc =
                " The host's implementation of the imported interface `wasi:sockets/udp@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host : HostUdpSocket +
                HostIncomingDatagramStream + HostOutgoingDatagramStream {} #[doc =
                r" Registers the host functions and resources of this interface"] #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:sockets/udp@0.2.12") ?; let _ = (& mut inst, get); { inst
                .func_wrap("[method]udp-socket.start-bind", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1, arg2,) :
                (::witbind::Borrowed < ::witbind::Resource < UdpSocket > >,
                ::witbind::Borrowed < ::witbind::Resource <
                super::super::super::wasi::sockets::network::Network > >,
                IpSocketAddress,) | { let r = HostUdpSocket::start_bind(get(store
                .data_mut()), arg0.into_inner(), arg1.into_inner(), arg2) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]udp-socket.finish-bind", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < UdpSocket > >,) | { let r =
                HostUdpSocket::finish_bind(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]udp-socket.stream", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < UdpSocket > >,
                ::core::option::Option < IpSocketAddress >,) | { let r =
                HostUdpSocket::stream(get(store.data_mut()), arg0.into_inner(), arg1) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]udp-socket.local-address", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < UdpSocket > >,) | { let r =
                HostUdpSocket::local_address(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]udp-socket.remote-address", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < UdpSocket > >,) | { let r =
                HostUdpSocket::remote_address(get(store.data_mut()), arg0.into_inner())
                ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]udp-socket.address-family", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < UdpSocket > >,) | { let r =
                HostUdpSocket::address_family(get(store.data_mut()), arg0.into_inner())
                ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]udp-socket.unicast-hop-limit", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < UdpSocket > >,) | { let r =
                HostUdpSocket::unicast_hop_limit(get(store.data_mut()), arg0
                .into_inner()) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]udp-socket.set-unicast-hop-limit", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < UdpSocket > >, u8,) | { let
                r = HostUdpSocket::set_unicast_hop_limit(get(store.data_mut()), arg0
                .into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]udp-socket.receive-buffer-size", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < UdpSocket > >,) | { let r =
                HostUdpSocket::receive_buffer_size(get(store.data_mut()), arg0
                .into_inner()) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]udp-socket.set-receive-buffer-size", move | mut store
                : ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < UdpSocket > >, u64,) | { let
                r = HostUdpSocket::set_receive_buffer_size(get(store.data_mut()), arg0
                .into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]udp-socket.send-buffer-size", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < UdpSocket > >,) | { let r =
                HostUdpSocket::send_buffer_size(get(store.data_mut()), arg0.into_inner())
                ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]udp-socket.set-send-buffer-size", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < UdpSocket > >, u64,) | { let
                r = HostUdpSocket::set_send_buffer_size(get(store.data_mut()), arg0
                .into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]udp-socket.subscribe", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < UdpSocket > >,) | { let r =
                HostUdpSocket::subscribe(get(store.data_mut()), arg0.into_inner()) ?;
                ::core::result::Result::Ok((r,)) },) ?; } inst.resource:: < UdpSocket >
                ("udp-socket", move | mut store, rep | { HostUdpSocket::drop(get(store
                .data_mut()), ::witbind::Resource::new_own(rep)) }) ?; { inst
                .func_wrap("[method]incoming-datagram-stream.receive", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < IncomingDatagramStream > >,
                u64,) | { let r = HostIncomingDatagramStream::receive(get(store
                .data_mut()), arg0.into_inner(), arg1) ?;
                ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]incoming-datagram-stream.subscribe", move | mut store
                : ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < IncomingDatagramStream > >,) | { let r =
                HostIncomingDatagramStream::subscribe(get(store.data_mut()), arg0
                .into_inner()) ?; ::core::result::Result::Ok((r,)) },) ?; } inst
                .resource:: < IncomingDatagramStream > ("incoming-datagram-stream", move
                | mut store, rep | { HostIncomingDatagramStream::drop(get(store
                .data_mut()), ::witbind::Resource::new_own(rep)) }) ?; { inst
                .func_wrap("[method]outgoing-datagram-stream.check-send", move | mut
                store : ::witbind::StoreContextMut < '_, T >, (arg0,) :
                (::witbind::Borrowed < ::witbind::Resource < OutgoingDatagramStream > >,)
                | { let r = HostOutgoingDatagramStream::check_send(get(store.data_mut()),
                arg0.into_inner()) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]outgoing-datagram-stream.send", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0, arg1,) :
                (::witbind::Borrowed < ::witbind::Resource < OutgoingDatagramStream > >,
                ::std::vec::Vec < OutgoingDatagram >,) | { let r =
                HostOutgoingDatagramStream::send(get(store.data_mut()), arg0
                .into_inner(), arg1) ?; ::core::result::Result::Ok((r,)) },) ?; } { inst
                .func_wrap("[method]outgoing-datagram-stream.subscribe", move | mut store
                : ::witbind::StoreContextMut < '_, T >, (arg0,) : (::witbind::Borrowed <
                ::witbind::Resource < OutgoingDatagramStream > >,) | { let r =
                HostOutgoingDatagramStream::subscribe(get(store.data_mut()), arg0
                .into_inner()) ?; ::core::result::Result::Ok((r,)) },) ?; } inst
                .resource:: < OutgoingDatagramStream > ("outgoing-datagram-stream", move
                | mut store, rep | { HostOutgoingDatagramStream::drop(get(store
                .data_mut()), ::witbind::Resource::new_own(rep)) }) ?;
                ::core::result::Result::Ok(()) }
            }
            pub type Pollable = super::super::super::wasi::io::poll::Pollable;
            pub type Network = super::super::super::wasi::sockets::network::Network;
            pub type ErrorCode = super::super::super::wasi::sockets::network::ErrorCode;
            const _: () = {
                assert!(
                    < ErrorCode as ::witbind::ComponentType > ::SIZE32 == 1usize,
                    "the Rust size of `error-code` differs from its WIT size 1"
                );
                assert!(
                    < ErrorCode as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `error-code` differs from its WIT alignment 1"
                );
            };
            pub type IpSocketAddress = super::super::super::wasi::sockets::network::IpSocketAddress;
            const _: () = {
                assert!(
                    < IpSocketAddress as ::witbind::ComponentType > ::SIZE32 == 32usize,
                    "the Rust size of `ip-socket-address` differs from its WIT size 32"
                );
                assert!(
                    < IpSocketAddress as ::witbind::ComponentType > ::ALIGN32 == 4u32,
                    "the Rust alignment of `ip-socket-address` differs from its WIT alignment 4"
                );
            };
            pub type IpAddressFamily = super::super::super::wasi::sockets::network::IpAddressFamily;
            const _: () = {
                assert!(
                    < IpAddressFamily as ::witbind::ComponentType > ::SIZE32 == 1usize,
                    "the Rust size of `ip-address-family` differs from its WIT size 1"
                );
                assert!(
                    < IpAddressFamily as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `ip-address-family` differs from its WIT alignment 1"
                );
            };
            /// A received datagram.
            #[derive(
                ::witbind::ComponentType,
                ::witbind::Lift,
                ::witbind::Lower,
                ::core::fmt::Debug,
                ::core::clone::Clone,
                ::core::cmp::PartialEq
            )]
            #[component(record)]
            pub struct IncomingDatagram {
                /// The payload.
                ///
                /// Theoretical max size: ~64 KiB. In practice, typically less than 1500 bytes.
                #[component(name = "data")]
                pub data: ::std::vec::Vec<u8>,
                /// The source address.
                ///
                /// This field is guaranteed to match the remote address the stream was initialized with, if any.
                ///
                /// Equivalent to the `src_addr` out parameter of `recvfrom`.
                #[component(name = "remote-address")]
                pub remote_address: IpSocketAddress,
            }
            const _: () = {
                assert!(
                    < IncomingDatagram as ::witbind::ComponentType > ::SIZE32 == 40usize,
                    "the Rust size of `incoming-datagram` differs from its WIT size 40"
                );
                assert!(
                    < IncomingDatagram as ::witbind::ComponentType > ::ALIGN32 == 4u32,
                    "the Rust alignment of `incoming-datagram` differs from its WIT alignment 4"
                );
            };
            /// A datagram to be sent out.
            #[derive(
                ::witbind::ComponentType,
                ::witbind::Lift,
                ::witbind::Lower,
                ::core::fmt::Debug,
                ::core::clone::Clone,
                ::core::cmp::PartialEq
            )]
            #[component(record)]
            pub struct OutgoingDatagram {
                /// The payload.
                #[component(name = "data")]
                pub data: ::std::vec::Vec<u8>,
                /// The destination address.
                ///
                /// The requirements on this field depend on how the stream was initialized:
                /// - with a remote address: this field must be None or match the stream's remote address exactly.
                /// - without a remote address: this field is required.
                ///
                /// If this value is None, the send operation is equivalent to `send` in POSIX. Otherwise it is equivalent to `sendto`.
                #[component(name = "remote-address")]
                pub remote_address: ::core::option::Option<IpSocketAddress>,
            }
            const _: () = {
                assert!(
                    < OutgoingDatagram as ::witbind::ComponentType > ::SIZE32 == 44usize,
                    "the Rust size of `outgoing-datagram` differs from its WIT size 44"
                );
                assert!(
                    < OutgoingDatagram as ::witbind::ComponentType > ::ALIGN32 == 4u32,
                    "the Rust alignment of `outgoing-datagram` differs from its WIT alignment 4"
                );
            };
            /// A UDP socket handle.
            #[derive(::core::fmt::Debug)]
            pub enum UdpSocket {}
            /// The WIT resource `incoming-datagram-stream`, which the host implements: the marker type of its `Resource` handles.
            #[derive(::core::fmt::Debug)]
            pub enum IncomingDatagramStream {}
            /// The WIT resource `outgoing-datagram-stream`, which the host implements: the marker type of its `Resource` handles.
            #[derive(::core::fmt::Debug)]
            pub enum OutgoingDatagramStream {}
        }
        #[allow(missing_docs, dead_code, unused_imports, clippy::all)]
        pub mod udp_create_socket {
            ::witbind::__bindgen_host_items! {
                #[doc =
                " The host's implementation of the imported interface `wasi:sockets/udp-create-socket@0.2.12`."]
                #[allow(dead_code, clippy::all)] pub trait Host { #[doc =
                " Create a new UDP socket."] #[doc = " "] #[doc =
                " Similar to `socket(AF_INET or AF_INET6, SOCK_DGRAM, IPPROTO_UDP)` in POSIX."]
                #[doc =
                " On IPv6 sockets, IPV6_V6ONLY is enabled by default and can't be configured otherwise."]
                #[doc = " "] #[doc =
                " This function does not require a network capability handle. This is considered to be safe because"]
                #[doc =
                " at time of creation, the socket is not bound to any `network` yet. Up to the moment `bind` is called,"]
                #[doc =
                " the socket is effectively an in-memory configuration object, unable to communicate with the outside world."]
                #[doc = " "] #[doc =
                " All sockets are non-blocking. Use the wasi-poll interface to block on asynchronous operations."]
                #[doc = " "] #[doc = " # Typical errors"] #[doc =
                " - `not-supported`:     The specified `address-family` is not supported. (EAFNOSUPPORT)"]
                #[doc =
                " - `new-socket-limit`:  The new socket resource could not be created because of a system limit. (EMFILE, ENFILE)"]
                #[doc = " "] #[doc = " # References:"] #[doc =
                " - <https://pubs.opengroup.org/onlinepubs/9699919799/functions/socket.html>"]
                #[doc = " - <https://man7.org/linux/man-pages/man2/socket.2.html>"] #[doc
                =
                " - <https://learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-wsasocketw>"]
                #[doc =
                " - <https://man.freebsd.org/cgi/man.cgi?query=socket&sektion=2>"] fn
                create_udp_socket(& mut self, address_family : IpAddressFamily) ->
                ::witbind::Result < ::core::result::Result < ::witbind::Resource <
                super::super::super::wasi::sockets::udp::UdpSocket >, ErrorCode > >; }
                #[doc = r" Registers the host functions and resources of this interface"]
                #[doc =
                r" in `linker`; `get` finds the implementation in the store's data."] pub
                fn add_to_linker < T : 'static, U : Host + ? ::core::marker::Sized +
                'static > (linker : & mut ::witbind::Linker < T >, get : fn (& mut T) ->
                & mut U,) -> ::witbind::Result < () > { let mut inst = linker
                .instance("wasi:sockets/udp-create-socket@0.2.12") ?; let _ = (& mut
                inst, get); { inst.func_wrap("create-udp-socket", move | mut store :
                ::witbind::StoreContextMut < '_, T >, (arg0,) : (IpAddressFamily,) | {
                let r = Host::create_udp_socket(get(store.data_mut()), arg0) ?;
                ::core::result::Result::Ok((r,)) },) ?; } ::core::result::Result::Ok(())
                }
            }
            pub type Network = super::super::super::wasi::sockets::network::Network;
            pub type ErrorCode = super::super::super::wasi::sockets::network::ErrorCode;
            const _: () = {
                assert!(
                    < ErrorCode as ::witbind::ComponentType > ::SIZE32 == 1usize,
                    "the Rust size of `error-code` differs from its WIT size 1"
                );
                assert!(
                    < ErrorCode as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `error-code` differs from its WIT alignment 1"
                );
            };
            pub type IpAddressFamily = super::super::super::wasi::sockets::network::IpAddressFamily;
            const _: () = {
                assert!(
                    < IpAddressFamily as ::witbind::ComponentType > ::SIZE32 == 1usize,
                    "the Rust size of `ip-address-family` differs from its WIT size 1"
                );
                assert!(
                    < IpAddressFamily as ::witbind::ComponentType > ::ALIGN32 == 1u32,
                    "the Rust alignment of `ip-address-family` differs from its WIT alignment 1"
                );
            };
            pub type UdpSocket = super::super::super::wasi::sockets::udp::UdpSocket;
        }
    }
}
