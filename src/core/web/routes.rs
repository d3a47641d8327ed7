//! A route table that remembers what it holds: tests walk every route
//! (the route × role test), the OpenAPI document is generated from the
//! API routes it was given, and the old URLs that answer with a permanent
//! redirect are listed beside the routes that replaced them.

use std::{future::Future, sync::Arc};

use axum::{
    Router,
    extract::{Path, State},
    handler::Handler,
    http::{HeaderValue, Method, StatusCode, Uri, header},
    response::{IntoResponse, Response},
    routing::MethodRouter,
};
use utoipa::openapi::{
    OpenApi, RefOr,
    path::{HttpMethod, PathItem, Paths},
    schema::Schema,
};

use crate::core::{
    error::{AppError, AppResult},
    web::App,
};

/// What a route is, for the tests that walk the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An HTML page or form target.
    Page,
    /// A JSON API operation, documented in the OpenAPI document.
    Api,
    /// Anything else that answers machines: files, feeds, OParl.
    Other,
    /// An old URL that answers 308 with the new one.
    Redirect,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteEntry {
    pub method: Method,
    pub path: String,
    pub kind: Kind,
}

/// An API route as `utoipa_axum::routes!(handler)` gives it: the schemas
/// it names, its documented path item, and the axum method router.
pub type ApiRoute = (Vec<(String, RefOr<Schema>)>, Paths, MethodRouter<App>);

pub struct RouteTable {
    router: Router<App>,
    entries: Vec<RouteEntry>,
    openapi: OpenApi,
}

impl Default for RouteTable {
    fn default() -> Self {
        Self::new()
    }
}

macro_rules! method {
    ($name:ident, $method:ident, $routing:path) => {
        pub fn $name<H, T>(self, path: &str, handler: H) -> Self
        where
            H: Handler<T, App>,
            T: 'static,
        {
            self.add(Method::$method, path, Kind::Page, $routing(handler))
        }
    };
}

impl RouteTable {
    pub fn new() -> Self {
        Self {
            router: Router::new(),
            entries: Vec::new(),
            openapi: OpenApi::default(),
        }
    }

    method!(get, GET, axum::routing::get);
    method!(post, POST, axum::routing::post);

    /// A GET route that is not a page: a file, a feed, an OParl object.
    pub fn get_other<H, T>(self, path: &str, handler: H) -> Self
    where
        H: Handler<T, App>,
        T: 'static,
    {
        self.add(Method::GET, path, Kind::Other, axum::routing::get(handler))
    }

    /// JSON API operations from `utoipa_axum::routes!(a, b, …)`: the path
    /// and method come from each handler's `#[utoipa::path]`, and the
    /// operation goes into the OpenAPI document.
    pub fn api(mut self, (schemas, paths, method_router): ApiRoute) -> Self {
        let mut path = None;
        for (p, item) in &paths.paths {
            for method in methods_of(item) {
                self.record(method, p, Kind::Api);
            }
            assert!(
                path.as_ref().is_none_or(|known: &String| known == p),
                "one routes!() call per path: {p}"
            );
            path = Some(p.clone());
        }
        let path = path.expect("routes!() names at least one handler");
        self.router = self.router.route(&path, method_router);
        let components = self.openapi.components.get_or_insert_with(Default::default);
        components.schemas.extend(schemas);
        self.openapi.paths.paths.extend(paths.paths);
        self
    }

    /// An old GET URL: answers 308 Permanent Redirect to where `to` says
    /// the page lives now (a lookup may be needed, e.g. a meeting's
    /// network), keeping the query. Links in e-mails and bookmarks keep
    /// working; 404 when the old id is unknown.
    pub fn redirect<F, Fut>(self, old: &str, to: F) -> Self
    where
        F: Fn(App, Vec<String>) -> Fut + Clone + Send + Sync + 'static,
        Fut: Future<Output = AppResult<String>> + Send + 'static,
    {
        let to = Arc::new(to);
        let handler =
            move |State(app): State<App>, Path(params): Path<Vec<(String, String)>>, uri: Uri| {
                let to = to.clone();
                async move {
                    let values = params.into_iter().map(|(_, v)| v).collect();
                    let target = to(app, values).await?;
                    Ok::<Response, AppError>(permanent_redirect(&target, uri.query()))
                }
            };
        self.add(
            Method::GET,
            old,
            Kind::Redirect,
            axum::routing::get(handler),
        )
    }

    fn record(&mut self, method: Method, path: &str, kind: Kind) {
        assert!(
            !self
                .entries
                .iter()
                .any(|e| e.method == method && e.path == path),
            "route {method} {path} registered twice"
        );
        self.entries.push(RouteEntry {
            method,
            path: path.to_string(),
            kind,
        });
    }

    fn add(mut self, method: Method, path: &str, kind: Kind, route: MethodRouter<App>) -> Self {
        self.record(method, path, kind);
        self.router = self.router.route(path, route);
        self
    }

    pub fn entries(&self) -> &[RouteEntry] {
        &self.entries
    }

    /// The API operations this table holds, for the OpenAPI document.
    pub fn openapi(&self) -> &OpenApi {
        &self.openapi
    }

    pub fn into_router(self) -> Router<App> {
        self.router.fallback(|| async { AppError::not_found() })
    }
}

fn methods_of(item: &PathItem) -> Vec<Method> {
    [
        (HttpMethod::Get, &item.get),
        (HttpMethod::Post, &item.post),
        (HttpMethod::Put, &item.put),
        (HttpMethod::Delete, &item.delete),
        (HttpMethod::Patch, &item.patch),
    ]
    .into_iter()
    .filter(|(_, op)| op.is_some())
    .map(|(m, _)| match m {
        HttpMethod::Get => Method::GET,
        HttpMethod::Post => Method::POST,
        HttpMethod::Put => Method::PUT,
        HttpMethod::Delete => Method::DELETE,
        _ => Method::PATCH,
    })
    .collect()
}

fn permanent_redirect(target: &str, query: Option<&str>) -> Response {
    let location = match query {
        Some(q) if !q.is_empty() => format!("{target}?{q}"),
        _ => target.to_string(),
    };
    match HeaderValue::from_str(&location) {
        Ok(value) => (StatusCode::PERMANENT_REDIRECT, [(header::LOCATION, value)]).into_response(),
        Err(_) => AppError::not_found().into_response(),
    }
}

/// Parses the `n`-th path value of an old URL as an id; an id that is no
/// number is a page that never existed.
pub fn old_id<T: std::str::FromStr>(values: &[String], n: usize) -> AppResult<T> {
    values
        .get(n)
        .and_then(|v| v.parse().ok())
        .ok_or_else(AppError::not_found)
}
