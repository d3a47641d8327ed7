//! Running a search for the public page and the API: on a current index,
//! or from the answers kept for this index version.

use std::sync::Arc;

use crate::core::{error::AppResult, web::App};
use crate::offers::search::{Params, Search, collect::Outcome};

/// The largest page whose answer is kept: larger pages are rare (exports,
/// crawlers) and would make the kept answers take much memory.
pub const KEPT_MAX_OFFERS: usize = 50;

/// Runs a search on a current index, or answers it from those kept for
/// this index version.
///
/// The search runs right here on the request's worker thread. It is CPU
/// work of about a millisecond (at most tens on 100,000 offers), and the
/// runtime has one worker per core, so at most one search per core runs
/// at a time, as it should. Handing it to the blocking pool instead cost
/// two thread switches per request and a thread per search in flight:
/// over HTTP that gave 950 requests/s where running here gives 1,650
/// (bench/README.md, 2026-12-05).
pub async fn run(app: &App, params: &Params) -> AppResult<Arc<Outcome>> {
    Search::of(app).refresh(&app.db).await?;
    let version = Search::of(app).version();
    let key = params.cache_key();
    if let Some(kept) = Search::of(app).answers.get(version, &key) {
        return Ok(kept);
    }
    let outcome = Arc::new(Search::of(app).search(params)?);
    if outcome.offers.len() <= KEPT_MAX_OFFERS {
        Search::of(app).answers.put(version, key, outcome.clone());
    }
    Ok(outcome)
}
