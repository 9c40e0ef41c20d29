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

use semver::Version;
use wasmtime_environ::component::alternate_lookup_key;

/// How a name was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Matched {
    /// Under the very name asked for.
    Exactly,
    /// Under a semver-compatible version of it.
    Compatible,
}

/// A map keyed by versioned names that also finds an entry by a
/// semver-compatible name: it keeps, per track, the highest version
/// defined, so a lookup costs one parse of the name asked for, whatever
/// the map holds.
#[derive(Debug)]
pub(crate) struct VersionedMap<V> {
    map: HashMap<String, V>,
    /// Per track (`a:b/c@0.2`), the highest version defined and its name.
    highest: HashMap<String, (Version, String)>,
}

impl<V: Clone> Clone for VersionedMap<V> {
    fn clone(&self) -> Self {
        Self {
            map: self.map.clone(),
            highest: self.highest.clone(),
        }
    }
}

impl<V> Default for VersionedMap<V> {
    fn default() -> Self {
        Self {
            map: HashMap::new(),
            highest: HashMap::new(),
        }
    }
}

impl<V: Default> VersionedMap<V> {
    /// The entry of `name`, made empty when new.
    pub(crate) fn entry_or_default(&mut self, name: &str) -> &mut V {
        if !self.map.contains_key(name)
            && let Some((track, version)) = alternate_lookup_key(name)
        {
            let best = self
                .highest
                .entry(track.to_string())
                .or_insert_with(|| (version.clone(), name.to_string()));
            if version > best.0 {
                *best = (version, name.to_string());
            }
        }
        self.map.entry(name.to_string()).or_default()
    }
}

impl<V> VersionedMap<V> {
    /// Whether `name` itself is defined.
    pub(crate) fn contains_key(&self, name: &str) -> bool {
        self.map.contains_key(name)
    }

    /// The entry for `name`: its own, or else the one of the highest
    /// semver-compatible version, with the name it is defined under.
    pub(crate) fn lookup(&self, name: &str) -> Option<(&str, &V, Matched)> {
        if let Some((key, value)) = self.map.get_key_value(name) {
            return Some((key, value, Matched::Exactly));
        }
        let (track, _) = alternate_lookup_key(name)?;
        let (_, key) = self.highest.get(track)?;
        let (key, value) = self.map.get_key_value(key)?;
        Some((key, value, Matched::Compatible))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(names: &[&str], name: &str) -> Option<(String, Matched)> {
        let mut map = VersionedMap::<usize>::default();
        for (i, n) in names.iter().enumerate() {
            *map.entry_or_default(n) = i;
        }
        map.lookup(name).map(|(key, _, m)| (key.to_string(), m))
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
