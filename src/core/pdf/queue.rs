//! Rendering PDFs without letting them take the server: a finished PDF is
//! kept by the hash of everything it is made from (template, data, images
//! — so a new version of the content is a new PDF, in every language), the
//! same PDF asked for many times at once is rendered once, at most one
//! render runs per core, and beyond a short queue a request is told to
//! come back (`503` with `Retry-After`). Public PDFs (the Wegweiser, an
//! invitation) used to be rendered anew for every request: 64 parallel
//! requests pushed every other answer to seconds.

use std::{
    collections::{HashMap, VecDeque},
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
};

use crate::core::error::{AppError, AppResult};

pub type Key = [u8; 32];

pub struct Queue {
    running: tokio::sync::Semaphore,
    waiting: AtomicUsize,
    max_waiting: usize,
    kept: Mutex<Kept>,
    in_flight: Mutex<HashMap<Key, Arc<tokio::sync::Mutex<()>>>>,
    renders: AtomicUsize,
}

/// Finished PDFs, the oldest dropped first beyond the byte budget.
struct Kept {
    by_key: HashMap<Key, Arc<Vec<u8>>>,
    order: VecDeque<Key>,
    bytes: usize,
    budget: usize,
}

impl Queue {
    pub fn new(concurrency: usize, max_waiting: usize, budget_bytes: usize) -> Self {
        Queue {
            running: tokio::sync::Semaphore::new(concurrency.max(1)),
            waiting: AtomicUsize::new(0),
            max_waiting,
            kept: Mutex::new(Kept {
                by_key: HashMap::new(),
                order: VecDeque::new(),
                bytes: 0,
                budget: budget_bytes,
            }),
            in_flight: Mutex::new(HashMap::new()),
            renders: AtomicUsize::new(0),
        }
    }

    /// How many renders this queue has run (for tests and benchmarks).
    pub fn renders(&self) -> usize {
        self.renders.load(Ordering::Relaxed)
    }

    fn kept(&self, key: &Key) -> Option<Arc<Vec<u8>>> {
        self.kept
            .lock()
            .expect("pdf cache")
            .by_key
            .get(key)
            .cloned()
    }

    fn keep(&self, key: Key, pdf: Arc<Vec<u8>>) {
        let mut kept = self.kept.lock().expect("pdf cache");
        if pdf.len() > kept.budget || kept.by_key.contains_key(&key) {
            return;
        }
        kept.bytes += pdf.len();
        kept.by_key.insert(key, pdf);
        kept.order.push_back(key);
        while kept.bytes > kept.budget {
            let Some(old) = kept.order.pop_front() else {
                break;
            };
            if let Some(dropped) = kept.by_key.remove(&old) {
                kept.bytes -= dropped.len();
            }
        }
    }

    /// The PDF for `key`: kept, or rendered by `render` on a blocking
    /// thread when a slot is free.
    pub async fn get_or_render<F>(&self, key: Key, render: F) -> AppResult<Arc<Vec<u8>>>
    where
        F: FnOnce() -> AppResult<Vec<u8>> + Send + 'static,
    {
        if let Some(pdf) = self.kept(&key) {
            return Ok(pdf);
        }
        // One render per key: later askers wait for the first.
        let gate = self
            .in_flight
            .lock()
            .expect("pdf in flight")
            .entry(key)
            .or_default()
            .clone();
        let _one_at_a_time = gate.lock().await;
        if let Some(pdf) = self.kept(&key) {
            return Ok(pdf);
        }
        let outcome = self.render_with_slot(render).await;
        if let Ok(pdf) = &outcome {
            self.keep(key, pdf.clone());
        }
        self.in_flight.lock().expect("pdf in flight").remove(&key);
        outcome
    }

    async fn render_with_slot<F>(&self, render: F) -> AppResult<Arc<Vec<u8>>>
    where
        F: FnOnce() -> AppResult<Vec<u8>> + Send + 'static,
    {
        if self.waiting.fetch_add(1, Ordering::SeqCst) >= self.max_waiting {
            self.waiting.fetch_sub(1, Ordering::SeqCst);
            return Err(AppError::busy(5));
        }
        let permit = self.running.acquire().await;
        self.waiting.fetch_sub(1, Ordering::SeqCst);
        let _permit = permit.map_err(AppError::internal)?;
        self.renders.fetch_add(1, Ordering::Relaxed);
        let pdf = tokio::task::spawn_blocking(render)
            .await
            .map_err(AppError::internal)??;
        Ok(Arc::new(pdf))
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn slow(bytes: usize) -> impl FnOnce() -> AppResult<Vec<u8>> + Send + 'static {
        move || {
            std::thread::sleep(Duration::from_millis(50));
            Ok(vec![7; bytes])
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn the_same_pdf_asked_for_at_once_is_rendered_once() {
        let queue = Arc::new(Queue::new(2, 64, 1 << 20));
        let mut asks = Vec::new();
        for _ in 0..20 {
            let queue = queue.clone();
            asks.push(tokio::spawn(async move {
                queue.get_or_render([1; 32], slow(10)).await
            }));
        }
        for ask in asks {
            assert_eq!(ask.await.unwrap().unwrap().len(), 10);
        }
        assert_eq!(queue.renders(), 1);
        // A new version of the content is another key.
        queue.get_or_render([2; 32], slow(10)).await.unwrap();
        assert_eq!(queue.renders(), 2);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn beyond_the_queue_requests_are_told_to_come_back() {
        let queue = Arc::new(Queue::new(1, 2, 1 << 20));
        let mut asks = Vec::new();
        for n in 0..10u8 {
            let queue = queue.clone();
            asks.push(tokio::spawn(async move {
                queue.get_or_render([n; 32], slow(1)).await
            }));
        }
        let mut busy = 0;
        for ask in asks {
            match ask.await.unwrap() {
                Ok(_) => {}
                Err(e) => {
                    assert_eq!(e.status.as_u16(), 503);
                    assert_eq!(e.retry_after, Some(5));
                    busy += 1;
                }
            }
        }
        assert!(
            busy >= 7,
            "{busy} of 10 refused with one slot and a queue of two"
        );
    }

    #[tokio::test]
    async fn kept_pdfs_stay_within_their_budget() {
        let queue = Queue::new(1, 8, 25);
        for n in 0..5u8 {
            queue.get_or_render([n; 32], slow(10)).await.unwrap();
        }
        let kept = queue.kept.lock().unwrap();
        assert!(kept.bytes <= 25 && kept.by_key.len() == 2);
        assert!(kept.by_key.contains_key(&[4; 32]));
    }
}
