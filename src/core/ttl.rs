//! A value read from the database that may be a few seconds old, for what
//! busy public routes need on every request but users change rarely (the
//! networks' names in an open-data attribution).

use std::{
    future::Future,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

pub struct Ttl<T> {
    kept: Mutex<Option<(Instant, Arc<T>)>>,
    life: Duration,
}

impl<T> Ttl<T> {
    pub fn new(life: Duration) -> Self {
        Ttl {
            kept: Mutex::new(None),
            life,
        }
    }

    /// The kept value if younger than its life, else a freshly loaded one.
    pub async fn get<E, F>(&self, load: impl FnOnce() -> F) -> Result<Arc<T>, E>
    where
        F: Future<Output = Result<T, E>>,
    {
        if let Some((at, value)) = &*self.kept.lock().expect("ttl")
            && at.elapsed() < self.life
        {
            return Ok(value.clone());
        }
        let value = Arc::new(load().await?);
        *self.kept.lock().expect("ttl") = Some((Instant::now(), value.clone()));
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_value_is_read_again_once_its_life_is_over() {
        let ttl = Ttl::new(Duration::from_millis(50));
        let first = ttl.get(|| async { Ok::<_, ()>(1) }).await.unwrap();
        let kept = ttl.get(|| async { Ok::<_, ()>(2) }).await.unwrap();
        assert_eq!((*first, *kept), (1, 1));
        tokio::time::sleep(Duration::from_millis(60)).await;
        let fresh = ttl.get(|| async { Ok::<_, ()>(3) }).await.unwrap();
        assert_eq!(*fresh, 3);
    }
}
