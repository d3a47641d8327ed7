//! The feeds of a network's bulletin: Atom, JSON Feed and iCalendar, and
//! one event as an iCalendar file. Feeds are read by programs that sign
//! in nowhere, so they hold only public posts, whoever asks; a feed of a
//! network that does not exist is a 404. A feed speaks German unless its
//! URL asks for another language of the interface (`?lang=en`): its
//! title and labels, never the posts' own words.

use axum::{
    extract::{Path, Query, State},
    http::header,
    response::{IntoResponse, Response},
};
use chrono::Days;
use serde::Deserialize;

use super::{load_post, require_read_post};
use crate::{
    accounts::viewer::Viewer,
    bulletin::{
        feeds::{self, FeedInfo},
        model::{Feed, Kind, iso, today},
        service,
        store::{self, View},
    },
    core::{
        error::{AppError, AppResult},
        i18n::Lang,
        ids::{NetworkId, PostId},
        paths,
        store::now,
        web::App,
    },
    network::{context::load_network, model::Network},
};

/// How many posts a feed holds.
const FEED_ITEMS: i64 = 50;

/// The feed's title: the network's bulletin, narrowed to a type or tag.
fn title(network: &Network, filters: &Feed, lang: Lang) -> String {
    let mut title = lang.t_args(
        "bul-feed-title",
        &[("network".into(), network.name.clone())],
    );
    if let Some(kind) = filters.kind.as_deref().and_then(Kind::parse) {
        title.push_str(&format!(
            " · {}",
            lang.t(&format!("bul-type-{}", kind.code()))
        ));
    }
    if let Some((_, label)) = filters.tag.as_deref().and_then(|t| {
        crate::bulletin::model::tags()
            .into_iter()
            .find(|(c, _)| *c == t)
    }) {
        title.push_str(&format!(" · {}", lang.t(&label)));
    }
    title
}

/// The language a feed's URL asks for.
#[derive(Debug, Default, Deserialize)]
pub struct FeedLang {
    #[serde(default)]
    lang: Option<String>,
}

impl FeedLang {
    /// A language the whole interface speaks; German otherwise.
    fn get(&self) -> Lang {
        self.lang
            .as_deref()
            .and_then(Lang::parse)
            .filter(|l| l.is_full())
            .unwrap_or(Lang::De)
    }
}

/// The query of a feed's URL: the filters it honours and its language
/// (none for German), `?…` or empty.
pub(crate) fn feed_query(filters: &Feed, lang: Lang) -> String {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    if let Some(kind) = filters.kind.as_deref().filter(|k| Kind::parse(k).is_some()) {
        pairs.push(("type", kind));
    }
    if let Some(tag) = filters
        .tag
        .as_deref()
        .filter(|t| crate::bulletin::model::is_tag(t))
    {
        pairs.push(("tag", tag));
    }
    if lang != Lang::De && lang.is_full() {
        pairs.push(("lang", lang.code()));
    }
    let query = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    if query.is_empty() {
        query
    } else {
        format!("?{query}")
    }
}

/// The feed's own URL (with the filters it honours) and the page it mirrors.
fn urls(
    app: &App,
    (network_id, path): (NetworkId, String),
    filters: &Feed,
    lang: Lang,
) -> (String, String) {
    let base = app.config.base();
    let suffix = feed_query(filters, lang);
    (
        format!("{base}{path}{suffix}"),
        format!("{base}{}{suffix}", paths::posts(network_id)),
    )
}

async fn current(
    app: &App,
    network_id: NetworkId,
    filters: &Feed,
) -> AppResult<Vec<crate::bulletin::model::Post>> {
    let filters = Feed {
        deadline_within: None,
        q: None,
        page: None,
        ..filters.clone()
    };
    Ok(
        service::list(app, network_id, &filters, View::Current, true, FEED_ITEMS)
            .await?
            .posts,
    )
}

fn respond(content_type: &'static str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        body,
    )
        .into_response()
}

/// `GET /networks/{id}/posts.atom` (`?type=`, `?tag=`): Atom 1.0.
pub async fn atom(
    State(app): State<App>,
    Path(network_id): Path<NetworkId>,
    Query(filters): Query<Feed>,
    Query(language): Query<FeedLang>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id.get()).await?;
    let posts = current(&app, network_id, &filters).await?;
    let lang = language.get();
    let (self_url, page_url) = urls(
        &app,
        (network_id, paths::posts_atom(network_id)),
        &filters,
        lang,
    );
    let base = app.config.base();
    let info = FeedInfo {
        title: &title(&network, &filters, lang),
        self_url: &self_url,
        page_url: &page_url,
        author: &network.name,
        base: &base,
    };
    let body = feeds::atom(&info, &posts, lang, now());
    Ok(respond("application/atom+xml; charset=utf-8", body))
}

/// `GET /networks/{id}/posts.json` (`?type=`, `?tag=`): JSON Feed 1.1.
pub async fn json(
    State(app): State<App>,
    Path(network_id): Path<NetworkId>,
    Query(filters): Query<Feed>,
    Query(language): Query<FeedLang>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id.get()).await?;
    let posts = current(&app, network_id, &filters).await?;
    let lang = language.get();
    let (self_url, page_url) = urls(
        &app,
        (network_id, paths::posts_json(network_id)),
        &filters,
        lang,
    );
    let base = app.config.base();
    let info = FeedInfo {
        title: &title(&network, &filters, lang),
        self_url: &self_url,
        page_url: &page_url,
        author: &network.name,
        base: &base,
    };
    let body = feeds::json_feed(&info, &posts, lang).to_string();
    Ok(respond("application/feed+json; charset=utf-8", body))
}

/// `GET /networks/{id}/posts.ics`: the public events and funding
/// deadlines from a month ago to a year ahead.
pub async fn ics(
    State(app): State<App>,
    Path(network_id): Path<NetworkId>,
    Query(language): Query<FeedLang>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id.get()).await?;
    let at = now();
    let today = today();
    let from_day = today.checked_sub_days(Days::new(31)).unwrap_or(today);
    let to_day = today.checked_add_days(Days::new(366)).unwrap_or(today);
    let posts = store::calendar(
        app.db.pool(),
        network_id,
        true,
        (at - 31 * 86_400, at + 366 * 86_400),
        (&iso(from_day), &iso(to_day)),
    )
    .await?;
    let lang = language.get();
    let name = title(&network, &Feed::default(), lang);
    let body = feeds::ical(&name, &posts, &app.config.base(), lang, at);
    Ok(respond("text/calendar; charset=utf-8", body))
}

/// `GET /networks/{id}/posts/{post_id}/event.ics`: one event or deadline
/// for one's own calendar.
pub async fn post_ics(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, post_id)): Path<(NetworkId, PostId)>,
) -> AppResult<Response> {
    let (post, network) = load_post(&app, network_id, post_id).await?;
    require_read_post(&viewer, &network, &post)?;
    if !matches!(post.record.kind, Kind::Event | Kind::FundingCall) {
        return Err(AppError::not_found());
    }
    let body = feeds::ical(
        &post.record.title,
        std::slice::from_ref(&post),
        &app.config.base(),
        viewer.lang,
        now(),
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"termin.ics\"",
            ),
        ],
        body,
    )
        .into_response())
}
