//! The `flag-sets` guest on wasmtime: flags of 1, 8, 9, 17 and 32 members.

use witbind_tests::oracle::{Case, Neutral as N, assert_cases};

/// The names `b0`..`b{count-1}` whose bit is set in `mask`.
fn members(count: u32, mask: u32) -> N {
    N::Flags(
        (0..count)
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| format!("b{i}"))
            .collect(),
    )
}

fn all_bits(count: u32) -> u32 {
    if count == 32 {
        u32::MAX
    } else {
        (1 << count) - 1
    }
}

#[test]
fn flags_echo_and_invert_at_every_width() {
    let widths = [
        ("one", 1),
        ("eight", 8),
        ("nine", 9),
        ("seventeen", 17),
        ("thirty-two", 32),
    ];
    let mut cases = Vec::new();
    for (name, count) in widths {
        let all = all_bits(count);
        let masks = [
            0,
            all,
            1,
            1 << (count - 1),
            0xa5a5_a5a5 & all,
            0x5a5a_5a5a & all,
        ];
        for mask in masks {
            cases.push(Case::echo(&format!("echo-{name}"), members(count, mask)));
            if name != "eight" {
                cases.push(Case::returns(
                    &format!("invert-{name}"),
                    vec![members(count, mask)],
                    members(count, !mask & all),
                ));
            }
        }
    }
    for mask in [0, u32::MAX, 0x8000_0001, 0x0f0f_0f0f] {
        cases.push(Case::returns(
            "count-thirty-two",
            vec![members(32, mask)],
            N::U32(mask.count_ones()),
        ));
    }
    assert_cases("flag-sets", &cases);
}
