//! Running a search for the public page and the API: on a current index,
//! off the async threads, or from the answers kept for this index version.

use std::sync::Arc;

use crate::core::{error::AppResult, web::App};
use crate::offers::search::{Params, Search, collect::Outcome};

/// The largest page whose answer is kept: larger pages are rare (exports,
/// crawlers) and would make the kept answers take much memory.
pub const KEPT_MAX_OFFERS: usize = 50;

/// Runs a search on a current index (off the async threads: it is CPU
/// work), or answers it from those kept for this index version.
pub async fn run(app: &App, params: &Params) -> AppResult<Arc<Outcome>> {
    Search::of(app).refresh(&app.db).await?;
    let version = Search::of(app).version();
    let key = params.cache_key();
    if let Some(kept) = Search::of(app).answers.get(version, &key) {
        return Ok(kept);
    }
    let permit = Search::of(app)
        .computing
        .clone()
        .acquire_owned()
        .await
        .map_err(anyhow::Error::from)?;
    let (app, params) = (app.clone(), params.clone());
    let outcome = tokio::task::spawn_blocking(move || {
        let outcome = Search::of(&app).search(&params).map(Arc::new);
        // Given back as soon as the search is done, not when the answer has
        // travelled back to the request's task: the next search starts on
        // the core this one leaves, instead of after two thread hand-offs.
        drop(permit);
        if let Ok(outcome) = &outcome
            && outcome.offers.len() <= KEPT_MAX_OFFERS
        {
            Search::of(&app).answers.put(version, key, outcome.clone());
        }
        outcome
    })
    .await
    .map_err(anyhow::Error::from)??;
    Ok(outcome)
}
