//! Guest of the `flag-sets` world: flags of 1, 8, 9, 17 and 32 members.

wit_bindgen::generate!({ path: "../wit", world: "flag-sets" });

struct Flags;

impl Guest for Flags {
    fn echo_one(f: One) -> One {
        f
    }

    fn echo_eight(f: Eight) -> Eight {
        f
    }

    fn echo_nine(f: Nine) -> Nine {
        f
    }

    fn echo_seventeen(f: Seventeen) -> Seventeen {
        f
    }

    fn echo_thirty_two(f: ThirtyTwo) -> ThirtyTwo {
        f
    }

    fn invert_one(f: One) -> One {
        f.complement()
    }

    fn invert_nine(f: Nine) -> Nine {
        f.complement()
    }

    fn invert_seventeen(f: Seventeen) -> Seventeen {
        f.complement()
    }

    fn invert_thirty_two(f: ThirtyTwo) -> ThirtyTwo {
        f.complement()
    }

    fn count_thirty_two(f: ThirtyTwo) -> u32 {
        f.bits().count_ones()
    }
}

export!(Flags);
