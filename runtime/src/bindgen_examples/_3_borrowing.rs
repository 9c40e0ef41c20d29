bindgen!({
    inline: "
        package example:logs;

        interface sink {
            record entry { level: u8, text: string, tags: list<string> }
            write: func(e: entry);
            flushed: func() -> list<entry>;
        }

        world logger {
            import sink;
            export flush: func(reason: string) -> u32;
        }
    ",
    ownership: Borrowing { duplicate_if_necessary: true },
});
