//! A route table that remembers what it holds, so that tests can walk
//! every route (the route × role test) and compare the API routes with the
//! OpenAPI document.

use axum::{Router, handler::Handler, http::Method, routing::MethodRouter};

use crate::core::{error::AppError, web::App};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteEntry {
    pub method: Method,
    pub path: &'static str,
}

pub struct RouteTable {
    router: Router<App>,
    entries: Vec<RouteEntry>,
}

impl Default for RouteTable {
    fn default() -> Self {
        Self::new()
    }
}

macro_rules! method {
    ($name:ident, $method:ident, $routing:path) => {
        pub fn $name<H, T>(self, path: &'static str, handler: H) -> Self
        where
            H: Handler<T, App>,
            T: 'static,
        {
            self.add(Method::$method, path, $routing(handler))
        }
    };
}

impl RouteTable {
    pub fn new() -> Self {
        Self {
            router: Router::new(),
            entries: Vec::new(),
        }
    }

    method!(get, GET, axum::routing::get);
    method!(post, POST, axum::routing::post);
    method!(put, PUT, axum::routing::put);
    method!(delete, DELETE, axum::routing::delete);

    fn add(mut self, method: Method, path: &'static str, route: MethodRouter<App>) -> Self {
        assert!(
            !self
                .entries
                .iter()
                .any(|e| e.method == method && e.path == path),
            "route {method} {path} registered twice"
        );
        self.entries.push(RouteEntry { method, path });
        self.router = self.router.route(path, route);
        self
    }

    /// Adds the routes a capability keeps in its own `routes()` function,
    /// so the table in `router.rs` stays one line per part.
    pub fn with(self, add: fn(Self) -> Self) -> Self {
        add(self)
    }

    pub fn entries(&self) -> &[RouteEntry] {
        &self.entries
    }

    pub fn into_router(self) -> Router<App> {
        self.router.fallback(|| async { AppError::not_found() })
    }
}
