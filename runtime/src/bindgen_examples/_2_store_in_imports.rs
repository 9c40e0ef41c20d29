bindgen!({
    inline: "
        package example:plugins;

        interface host {
            /// Logs a message.
            log: func(msg: string);
            /// Asks another plugin, by name, to handle `input`.
            delegate: func(plugin: string, input: string) -> result<string, string>;
        }

        world plugin {
            import host;
            export handle: func(input: string) -> string;
        }
    ",
    imports: { "example:plugins/host/delegate": store | trappable },
});
