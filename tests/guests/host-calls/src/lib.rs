//! Guest of the `host-calls` world: exports that call the host's imports.

wit_bindgen::generate!({ path: "../wit", world: "host-calls" });

struct HostCalls;

impl Guest for HostCalls {
    fn double_plus_one(x: u32) -> u32 {
        add(add(x, 1), x)
    }

    fn greet(name: String) -> String {
        log(&format!("greet:{name}"));
        let found = lookup(&name).unwrap_or_else(|| "?".to_string());
        format!("hello {name} ({found})")
    }

    fn sum_numbers(n: u32) -> u64 {
        numbers(n)
            .into_iter()
            .map(u64::from)
            .fold(0, u64::wrapping_add)
    }

    fn log_all(msgs: Vec<String>) -> u32 {
        for msg in &msgs {
            log(msg);
        }
        u32::try_from(msgs.len()).unwrap_or(u32::MAX)
    }
}

export!(HostCalls);
