//! Guest of the `records` world: records and tuples.

// The bindings wit-bindgen generates for wide records/signatures take many arguments.
#![allow(clippy::too_many_arguments)]

wit_bindgen::generate!({ path: "../wit", world: "records" });

struct Records;

impl Guest for Records {
    fn echo_point(p: Point) -> Point {
        p
    }

    fn echo_mixed(m: Mixed) -> Mixed {
        m
    }

    fn translate(p: Point, dx: i32, dy: i32) -> Point {
        Point {
            x: p.x.wrapping_add(dx),
            y: p.y.wrapping_add(dy),
        }
    }

    fn touch_mixed(mut m: Mixed) -> Mixed {
        m.name = m.name.to_ascii_uppercase();
        m.tags.reverse();
        m.small = m.small.wrapping_add(1);
        m
    }

    fn swap(t: (u8, String)) -> (String, u8) {
        (t.1, t.0)
    }

    fn echo_tuple(t: (bool, u16, f64, char, String)) -> (bool, u16, f64, char, String) {
        t
    }

    fn echo_unit_tuple(t: (u32,)) -> (u32,) {
        t
    }
}

export!(Records);
