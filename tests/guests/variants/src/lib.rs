//! Guest of the `variants` world: variants, enums, options and results.

wit_bindgen::generate!({ path: "../wit", world: "variants" });

struct Variants;

impl Guest for Variants {
    fn echo_color(c: Color) -> Color {
        c
    }

    fn next_color(c: Color) -> Color {
        match c {
            Color::Red => Color::Green,
            Color::Green => Color::Blue,
            Color::Blue => Color::Red,
        }
    }

    fn echo_shape(s: Shape) -> Shape {
        s
    }

    fn area(s: Shape) -> f64 {
        match s {
            Shape::Circle(r) => 3.0 * r * r,
            Shape::Rect((w, h)) => w * h,
            Shape::Dot => 0.0,
            Shape::Label(text) => text.len() as f64,
        }
    }

    fn echo_wide(w: Wide) -> Wide {
        w
    }

    fn echo_option(o: Option<u32>) -> Option<u32> {
        o
    }

    fn echo_nested_option(o: Option<Option<String>>) -> Option<Option<String>> {
        o
    }

    fn echo_result(r: Result<u32, String>) -> Result<u32, String> {
        r
    }

    fn echo_empty_result(r: Result<(), ()>) -> Result<(), ()> {
        r
    }

    fn echo_result_ok_only(r: Result<String, ()>) -> Result<String, ()> {
        r
    }

    fn echo_result_err_only(r: Result<(), u8>) -> Result<(), u8> {
        r
    }

    fn checked_div(a: u32, b: u32) -> Result<u32, String> {
        a.checked_div(b)
            .ok_or_else(|| "division by zero".to_string())
    }
}

export!(Variants);
