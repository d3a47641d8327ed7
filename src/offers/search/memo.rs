//! Answers derived from the published offers, kept until the index applies
//! its next change: the change log covers everything they are made of, so
//! an answer computed at one index version stays right until the version
//! moves on.

use std::{
    collections::{HashMap, HashSet},
    hash::{BuildHasher, Hash, RandomState},
    sync::{Arc, Mutex},
};

pub struct Memo<K, V> {
    /// The index version the entries belong to, and the entries.
    entries: Mutex<(u64, HashMap<K, Arc<V>>)>,
    capacity: usize,
    /// With [`Memo::on_second_ask`]: the hashes of the keys asked lately,
    /// and how they are hashed.
    asked: Option<(Mutex<HashSet<u64>>, RandomState)>,
}

/// How many keys' hashes, per entry kept, a memo that keeps answers on
/// their second ask remembers.
const ASKED_PER_ENTRY: usize = 8;

impl<K: Eq + Hash, V> Memo<K, V> {
    /// A memo of at most `capacity` entries; when full, it starts afresh
    /// (a public search's questions repeat a lot, so the common ones are
    /// back at once).
    pub fn new(capacity: usize) -> Self {
        Memo {
            entries: Mutex::new((0, HashMap::new())),
            capacity,
            asked: None,
        }
    }

    /// A memo that keeps an answer only when its question comes the
    /// second time, as Lucene's query cache keeps only filters it has
    /// seen used more than once: questions asked once (most of a public
    /// search's long tail) would only push the kept ones out, fill memory
    /// and be dropped in bulk when the memo starts afresh.
    pub fn on_second_ask(capacity: usize) -> Self {
        Memo {
            asked: Some((Mutex::default(), RandomState::new())),
            ..Memo::new(capacity)
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
        if self.capacity == 0 || !self.asked_before(&key) {
            return;
        }
        let mut entries = self.entries.lock().expect("memo");
        if version < entries.0 {
            return;
        }
        // What a newer version or a full memo replaces is dropped once the
        // lock is let go: hundreds of answers take a while to free.
        let replaced = if entries.0 != version {
            std::mem::replace(&mut *entries, (version, HashMap::new())).1
        } else if entries.1.len() >= self.capacity {
            std::mem::take(&mut entries.1)
        } else {
            HashMap::new()
        };
        entries.1.insert(key, value);
        drop(entries);
        drop(replaced);
    }

    /// Whether the key may be kept: always, or (see
    /// [`Memo::on_second_ask`]) when it was asked before.
    fn asked_before(&self, key: &K) -> bool {
        let Some((asked, hasher)) = &self.asked else {
            return true;
        };
        let mut asked = asked.lock().expect("memo");
        if asked.len() >= self.capacity.saturating_mul(ASKED_PER_ENTRY) {
            asked.clear();
        }
        !asked.insert(hasher.hash_one(key))
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

    #[test]
    fn a_second_ask_memo_keeps_what_comes_again() {
        let memo: Memo<String, u32> = Memo::on_second_ask(2);
        memo.put(1, "a".into(), Arc::new(1));
        assert_eq!(memo.get(1, &"a".into()), None, "asked once: not kept");
        memo.put(1, "a".into(), Arc::new(1));
        assert_eq!(memo.get(1, &"a".into()).as_deref(), Some(&1));
        // Many questions asked once each forget the ones asked long ago,
        // and push nothing out.
        for n in 0..2 * 2 * ASKED_PER_ENTRY as u32 {
            memo.put(1, format!("once {n}"), Arc::new(n));
        }
        assert_eq!(memo.get(1, &"a".into()).as_deref(), Some(&1));
        memo.put(1, "b".into(), Arc::new(2));
        memo.put(1, "b".into(), Arc::new(2));
        assert_eq!(memo.get(1, &"b".into()).as_deref(), Some(&2));
    }
}
