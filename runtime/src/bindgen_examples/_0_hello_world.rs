bindgen!({
    inline: "
        package example:hello;

        world hello-world {
            /// The name to greet.
            import name: func() -> string;
            /// Greets whoever `name` returns.
            export greet: func() -> string;
        }
    ",
});
