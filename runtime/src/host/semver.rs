//! Semver-compatible import names, as wasmtime's linker matches them: an
//! import of `a:b/c@0.2.1` is satisfied by a definition of `a:b/c@0.2.0`
//! (or `@0.2.5`) when no exact `a:b/c@0.2.1` is defined.
//!
//! Versions are compatible when they share their "track"
//! (wasmtime-environ's `alternate_lookup_key`): the major version from
//! 1.0.0 on, the minor version for 0.x (x > 0); a 0.0.x version or a
//! pre-release matches only itself. Among several compatible definitions
//! the highest version wins.

use std::collections::HashMap;

use wasmtime_environ::component::alternate_lookup_key;

/// How a name was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Matched {
    /// Under the very name asked for.
    Exactly,
    /// Under a semver-compatible version of it.
    Compatible,
}

/// The entry of `map` for `name`: its own, or else the one of the highest
/// semver-compatible version, with the name it is defined under.
pub(crate) fn lookup<'m, V>(
    map: &'m HashMap<String, V>,
    name: &str,
) -> Option<(&'m str, &'m V, Matched)> {
    if let Some((key, value)) = map.get_key_value(name) {
        return Some((key, value, Matched::Exactly));
    }
    let (track, _) = alternate_lookup_key(name)?;
    map.iter()
        .filter_map(|(key, value)| {
            let (key_track, version) = alternate_lookup_key(key)?;
            (key_track == track).then_some((version, key, value))
        })
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, key, value)| (key.as_str(), value, Matched::Compatible))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(names: &[&str]) -> HashMap<String, usize> {
        names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.to_string(), i))
            .collect()
    }

    fn found(names: &[&str], name: &str) -> Option<(String, Matched)> {
        let map = map(names);
        lookup(&map, name).map(|(key, _, m)| (key.to_string(), m))
    }

    #[test]
    fn exact_names_win_and_compatible_ones_follow_the_track() {
        let defined = ["a:b/c@0.2.0", "a:b/c@0.2.3", "a:b/c@0.3.0", "x:y/z@1.0.0"];
        assert_eq!(
            found(&defined, "a:b/c@0.2.0"),
            Some(("a:b/c@0.2.0".into(), Matched::Exactly))
        );
        // The highest version of the 0.2 track.
        assert_eq!(
            found(&defined, "a:b/c@0.2.1"),
            Some(("a:b/c@0.2.3".into(), Matched::Compatible))
        );
        assert_eq!(
            found(&defined, "a:b/c@0.3.7"),
            Some(("a:b/c@0.3.0".into(), Matched::Compatible))
        );
        assert_eq!(found(&defined, "a:b/c@0.4.0"), None);
        // From 1.0 on the major version is the track.
        assert_eq!(
            found(&defined, "x:y/z@1.4.2"),
            Some(("x:y/z@1.0.0".into(), Matched::Compatible))
        );
        assert_eq!(found(&defined, "x:y/z@2.0.0"), None);
        assert_eq!(found(&defined, "a:b/c"), None);
    }

    #[test]
    fn pre_releases_and_0_0_versions_match_only_themselves() {
        assert_eq!(found(&["a:b/c@0.0.1"], "a:b/c@0.0.2"), None);
        assert_eq!(found(&["a:b/c@1.0.0"], "a:b/c@1.0.1-rc.1"), None);
        assert_eq!(found(&["a:b/c@1.0.0-rc.1"], "a:b/c@1.0.0"), None);
    }
}
