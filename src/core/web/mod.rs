//! The web shell: application state, page rendering, the middleware stack
//! (identify → CSRF → error pages → security headers) and the server.

pub mod assets;
pub mod client;
pub mod csrf;
pub mod errors;
pub mod forms;
pub mod limits;
pub mod parts;
pub mod routes;
pub mod security;
pub mod templates;
pub mod viewer;

use std::{ops::Deref, sync::Arc, time::Duration};

use axum::{Router, extract::DefaultBodyLimit, middleware, response::Html};
use minijinja::{Value, context};
use tokio::sync::Notify;
use tower_http::{timeout::TimeoutLayer, trace::TraceLayer};

use crate::core::{config::Config, error::AppResult, i18n::Lang, store::Db};
pub use parts::Parts;
use viewer::Viewer;

pub struct AppState {
    pub config: Config,
    pub db: Db,
    pub templates: templates::Templates,
    /// Woken when a job is enqueued, so the runner need not wait for its poll.
    pub jobs_ready: Notify,
    /// What the capabilities handed in at start (see [`Parts`]).
    parts: Parts,
}

/// Cheap to clone; handed to every handler.
#[derive(Clone)]
pub struct App(Arc<AppState>);

impl Deref for App {
    type Target = AppState;
    fn deref(&self) -> &AppState {
        &self.0
    }
}

impl App {
    pub fn new(config: Config, db: Db, parts: Parts) -> Self {
        App(Arc::new(AppState {
            config,
            db,
            templates: templates::Templates::new(),
            jobs_ready: Notify::new(),
            parts,
        }))
    }

    /// The state a capability handed in at start. Missing state is a
    /// wiring mistake in the composition root, found by the first test.
    pub fn part<T: Send + Sync + 'static>(&self) -> &T {
        self.parts.get::<T>().unwrap_or_else(|| {
            panic!(
                "{} was not handed to the app at start",
                std::any::type_name::<T>()
            )
        })
    }

    /// The handler registered for a kind of job, if any.
    pub fn job_handler(&self, kind: &str) -> Option<parts::JobHandler> {
        self.parts.jobs.get(kind).copied()
    }

    pub fn start_hooks(&self) -> &[parts::StartHook] {
        &self.parts.start_hooks
    }

    pub fn tasks(&self) -> &[parts::Task] {
        &self.parts.tasks
    }

    pub fn sweeps(&self) -> &[parts::Sweep] {
        &self.parts.sweeps
    }

    /// Tells the capabilities that follow `event` (see [`Parts::on`]) about
    /// a change, inside the transaction that makes it: they commit or roll
    /// back together.
    pub async fn emit(
        &self,
        tx: &mut crate::core::store::Tx,
        event: &str,
        id: i64,
    ) -> Result<(), sqlx::Error> {
        for hook in self.parts.hooks.get(event).into_iter().flatten() {
            hook(tx, id).await?;
        }
        Ok(())
    }

    /// The panels of a network's start page this viewer gets, in the
    /// order the capabilities were installed.
    pub async fn network_panels(
        &self,
        viewer: &Viewer,
        network: crate::core::ids::NetworkId,
    ) -> AppResult<Vec<Value>> {
        let mut shown = Vec::new();
        for panel in &self.parts.panels {
            if let Some(data) = (panel.load)(self.clone(), viewer.clone(), network).await? {
                shown.push(context! { template => panel.template, data => data });
            }
        }
        Ok(shown)
    }

    /// Every capability's part of a person's GDPR export, merged.
    pub async fn personal_data(
        &self,
        person: &parts::PersonRef,
    ) -> Result<serde_json::Map<String, serde_json::Value>, sqlx::Error> {
        let mut all = serde_json::Map::new();
        for part in &self.parts.personal_data {
            all.extend(part(self.clone(), person.clone()).await?);
        }
        Ok(all)
    }

    /// The context every page template gets: language, signed-in user,
    /// CSRF token and navigation. Public pages speak every public
    /// language; the others German or English, with a note when the
    /// visitor asked for a language they do not speak.
    pub fn base_context(&self, viewer: &Viewer, public: bool) -> Value {
        let (lang, offered): (Lang, &[Lang]) = if public {
            (viewer.public_lang, &Lang::PUBLIC)
        } else {
            (viewer.lang, &Lang::ALL)
        };
        let langs: Vec<Value> = offered
            .iter()
            .map(|l| {
                context! {
                    code => l.code(), name => l.endonym(), dir => l.dir(),
                    current => *l == lang, href => with_lang(&viewer.path, *l),
                }
            })
            .collect();
        let lang_note = (viewer.public_lang != lang).then(|| {
            context! {
                lang => viewer.public_lang.code(), dir => viewer.public_lang.dir(),
                text => viewer.public_lang.t_args("lang-internal-note", &[("lang".into(), lang.endonym().into())]),
            }
        });
        context! {
            lang => lang.code(),
            dir => lang.dir(),
            langs => langs,
            lang_note => lang_note,
            user => viewer.user,
            csrf => viewer.csrf,
            // `path` is the link builder (`core::paths`); the request path has its own name.
            request_path => viewer.path,
            current_path => viewer.path.split('?').next().unwrap_or("/"),
            is_admin => viewer.is_admin(),
            notice => notice_from(&viewer.path),
        }
    }

    /// Renders a page template with the base context plus `ctx`.
    pub fn page(&self, viewer: &Viewer, name: &str, ctx: Value) -> AppResult<Html<String>> {
        let public = self.parts.is_public_template(name);
        let full = context! { ..ctx, ..self.base_context(viewer, public) };
        Ok(Html(self.templates.render(name, full)?))
    }
}

/// The current page in another language: keeps the query (e.g. a search),
/// drops a one-off `notice`.
fn with_lang(path: &str, lang: Lang) -> String {
    let (base, query) = path.split_once('?').unwrap_or((path, ""));
    // The page asked for may be no page at all (a 404 for `//host`): link
    // to a path on this site, never to another host.
    let base = crate::core::paths::local_path(base).unwrap_or("/");
    let mut pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
        .filter(|(k, _)| k != "lang" && k != "notice")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    pairs.push(("lang".into(), lang.code().into()));
    let query: String = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    format!("{base}?{query}")
}

/// A confirmation after a redirect (`?notice=saved`), limited to known ids.
fn notice_from(path: &str) -> Option<String> {
    let query = path.split_once('?')?.1;
    let value = query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == "notice")?
        .1;
    let id = format!("notice-{value}");
    (value.chars().all(|c| c.is_ascii_lowercase() || c == '-') && Lang::De.has(&id)).then_some(id)
}

/// The middleware stack around the application's routes, outside in:
/// tracing → timeout → security headers → body limit → error pages →
/// `identify` (given by the accounts capability) → CSRF check → handler.
pub fn shell<M>(app: App, routes: Router<App>, identify: M) -> Router
where
    M: FnOnce(Router<App>, App) -> Router<App>,
{
    identify(
        routes.layer(middleware::from_fn_with_state(app.clone(), csrf::verify)),
        app.clone(),
    )
    .layer(middleware::from_fn_with_state(app.clone(), errors::render))
    .layer(DefaultBodyLimit::disable())
    .layer(middleware::from_fn_with_state(app.clone(), limits::body))
    .layer(security::headers())
    .layer(middleware::from_fn_with_state(
        app.clone(),
        security::transport,
    ))
    .layer(TimeoutLayer::with_status_code(
        axum::http::StatusCode::REQUEST_TIMEOUT,
        Duration::from_secs(30),
    ))
    .layer(TraceLayer::new_for_http())
    .with_state(app)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_links_keep_the_query() {
        assert_eq!(
            with_lang("/regions?q=Neustadt&lang=de", Lang::En),
            "/regions?q=Neustadt&lang=en"
        );
        assert_eq!(with_lang("/x?notice=saved", Lang::De), "/x?lang=de");
        assert_eq!(with_lang("/", Lang::En), "/?lang=en");
        assert_eq!(with_lang("//evil.example", Lang::En), "/?lang=en");
    }
}
