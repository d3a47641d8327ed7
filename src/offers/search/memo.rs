//! Answers derived from the published offers, kept until the index applies
//! its next change: the change log covers everything they are made of, so
//! an answer computed at one index version stays right until the version
//! moves on.

use std::{
    collections::HashMap,
    hash::Hash,
    sync::{Arc, Mutex},
};

pub struct Memo<K, V> {
    /// The index version the entries belong to, and the entries.
    entries: Mutex<(u64, HashMap<K, Arc<V>>)>,
    capacity: usize,
}

impl<K: Eq + Hash, V> Memo<K, V> {
    /// A memo of at most `capacity` entries; when full, it starts afresh
    /// (a public search's questions repeat a lot, so the common ones are
    /// back at once).
    pub fn new(capacity: usize) -> Self {
        Memo {
            entries: Mutex::new((0, HashMap::new())),
            capacity,
        }
    }

    /// The answer kept for `key` at `version`.
    pub fn get(&self, version: u64, key: &K) -> Option<Arc<V>> {
        let entries = self.entries.lock().expect("memo");
        (entries.0 == version)
            .then(|| entries.1.get(key).cloned())
            .flatten()
    }

    /// Keeps an answer computed at `version` (an answer of an older
    /// version than the kept ones is dropped).
    pub fn put(&self, version: u64, key: K, value: Arc<V>) {
        if self.capacity == 0 {
            return;
        }
        let mut entries = self.entries.lock().expect("memo");
        if entries.0 != version {
            if version < entries.0 {
                return;
            }
            *entries = (version, HashMap::new());
        }
        if entries.1.len() >= self.capacity {
            entries.1.clear();
        }
        entries.1.insert(key, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_lasts_until_the_version_moves_on() {
        let memo: Memo<String, u32> = Memo::new(2);
        memo.put(1, "a".into(), Arc::new(1));
        assert_eq!(memo.get(1, &"a".into()).as_deref(), Some(&1));
        assert_eq!(memo.get(2, &"a".into()), None);
        memo.put(2, "b".into(), Arc::new(2));
        assert_eq!(memo.get(2, &"a".into()), None, "older entries are gone");
        memo.put(1, "c".into(), Arc::new(3));
        assert_eq!(
            memo.get(1, &"c".into()),
            None,
            "late old answers are dropped"
        );
        memo.put(2, "c".into(), Arc::new(3));
        memo.put(2, "d".into(), Arc::new(4));
        assert_eq!(memo.get(2, &"d".into()).as_deref(), Some(&4));
        assert_eq!(memo.get(2, &"b".into()), None, "a full memo starts afresh");
        let none: Memo<String, u32> = Memo::new(0);
        none.put(1, "a".into(), Arc::new(1));
        assert_eq!(none.get(1, &"a".into()), None, "capacity 0 keeps nothing");
    }
}
