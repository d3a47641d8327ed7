//! What the capabilities hand the shell at start: their own state (a
//! search index, a gazetteer, caches), the templates they publish in every
//! public language, and the kinds of background job they perform. Core
//! keeps these by type and by name, so it never has to name a capability;
//! the composition root (the `app` module) fills one `Parts` and builds the
//! [`App`](super::App) from it.

use std::{
    any::{Any, TypeId},
    collections::HashMap,
    future::Future,
    pin::Pin,
    time::Duration,
};

use tokio::sync::watch;

use super::App;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Performs one job of a registered kind from its JSON payload.
pub type JobHandler = fn(App, String) -> BoxFuture<'static, anyhow::Result<()>>;

/// Work a capability needs done before the server answers (e.g. bringing
/// a derived index up to date).
pub type StartHook = fn(App) -> BoxFuture<'static, anyhow::Result<()>>;

/// A long-running task of `ikon serve` that ends when `stop` turns true.
pub type Task = fn(App, watch::Receiver<bool>) -> BoxFuture<'static, ()>;

/// Runs inside the transaction of a change another capability must follow
/// (e.g. the offer index when an organisation is renamed), with the id of
/// the changed record. See [`App::emit`](super::App::emit).
pub type TxHook =
    for<'a> fn(&'a mut crate::core::store::Tx, i64) -> BoxFuture<'a, Result<(), sqlx::Error>>;

/// A panel on a network's start page, contributed by a capability: its
/// template is included with `panel.data` set to what `load` returns
/// (nothing: the panel is not shown to this viewer).
#[derive(Clone, Copy)]
pub struct NetworkPanel {
    pub template: &'static str,
    pub load: fn(
        App,
        super::viewer::Viewer,
        crate::core::ids::NetworkId,
    )
        -> BoxFuture<'static, crate::core::error::AppResult<Option<minijinja::Value>>>,
}

/// Whom a GDPR export is about.
#[derive(Clone, Debug)]
pub struct PersonRef {
    pub id: crate::core::ids::PersonId,
    /// The person's e-mail address; records written through personal
    /// links are kept under it.
    pub email: String,
}

/// A capability's part of a person's GDPR export: named sections (e.g.
/// `attendance`) that are merged into the export document.
pub type PersonalData =
    fn(
        App,
        PersonRef,
    ) -> BoxFuture<'static, Result<serde_json::Map<String, serde_json::Value>, sqlx::Error>>;

/// A periodic sweep (e.g. reminders that fall due): run at start and then
/// every `every`; it returns how many jobs it queued. Sweeps run in every
/// process, so each must claim its work atomically.
#[derive(Clone, Copy)]
pub struct Sweep {
    pub name: &'static str,
    pub every: Duration,
    pub run: fn(App) -> BoxFuture<'static, anyhow::Result<usize>>,
}

#[derive(Default)]
pub struct Parts {
    state: HashMap<TypeId, Box<dyn Any + Send + Sync>>,
    pub(super) public_templates: Vec<&'static str>,
    pub(super) jobs: HashMap<&'static str, JobHandler>,
    pub(super) start_hooks: Vec<StartHook>,
    pub(super) tasks: Vec<Task>,
    pub(super) sweeps: Vec<Sweep>,
    pub(super) hooks: HashMap<&'static str, Vec<TxHook>>,
    pub(super) panels: Vec<NetworkPanel>,
    pub(super) personal_data: Vec<PersonalData>,
}

impl Parts {
    /// Keeps a capability's state; handlers get it back with
    /// [`App::part`](super::App::part). One value per type.
    pub fn state<T: Send + Sync + 'static>(mut self, value: T) -> Self {
        let previous = self.state.insert(TypeId::of::<T>(), Box::new(value));
        assert!(
            previous.is_none(),
            "{} given twice",
            std::any::type_name::<T>()
        );
        self
    }

    /// Templates (or template folders ending in `/`) that speak every
    /// public language instead of only German and English.
    pub fn public_templates(mut self, names: &[&'static str]) -> Self {
        self.public_templates.extend_from_slice(names);
        self
    }

    /// The handler for jobs of `kind` enqueued with `core::jobs::enqueue`.
    pub fn job(mut self, kind: &'static str, handler: JobHandler) -> Self {
        let previous = self.jobs.insert(kind, handler);
        assert!(previous.is_none(), "job kind {kind} registered twice");
        self
    }

    /// Runs before the server answers its first request.
    pub fn on_start(mut self, hook: StartHook) -> Self {
        self.start_hooks.push(hook);
        self
    }

    /// Runs beside the server until it stops.
    pub fn task(mut self, task: Task) -> Self {
        self.tasks.push(task);
        self
    }

    pub fn sweep(mut self, sweep: Sweep) -> Self {
        self.sweeps.push(sweep);
        self
    }

    /// Follows an event another capability emits in its transactions.
    pub fn on(mut self, event: &'static str, hook: TxHook) -> Self {
        self.hooks.entry(event).or_default().push(hook);
        self
    }

    pub fn network_panel(mut self, panel: NetworkPanel) -> Self {
        self.panels.push(panel);
        self
    }

    pub fn personal_data(mut self, part: PersonalData) -> Self {
        self.personal_data.push(part);
        self
    }

    pub(super) fn get<T: Send + Sync + 'static>(&self) -> Option<&T> {
        self.state
            .get(&TypeId::of::<T>())
            .and_then(|b| b.downcast_ref::<T>())
    }

    pub(super) fn is_public_template(&self, name: &str) -> bool {
        self.public_templates.iter().any(|p| {
            if p.ends_with('/') {
                name.starts_with(p)
            } else {
                *p == name
            }
        })
    }
}
