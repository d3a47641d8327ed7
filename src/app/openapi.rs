//! The OpenAPI 3 document of the JSON API, generated from the API routes
//! of the one route table (each handler's `#[utoipa::path]`), so no route
//! can be served undocumented. A snapshot test keeps it stable.

use std::sync::LazyLock;

use axum::Json;
use utoipa::{
    Modify, OpenApi,
    openapi::{
        self, InfoBuilder, Tag,
        security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
    },
};

const DESCRIPTION: &str = "JSON API of ikon, the platform for a county's integration network. \
Read endpoints marked public need no authentication; all others take a personal API token \
as `Authorization: Bearer ikon_…`.";

const TAGS: &[&str] = &[
    "system",
    "accounts",
    "geography",
    "network",
    "offers",
    "conferences",
];

/// The document, built once per process from the route table.
pub fn document_value() -> openapi::OpenApi {
    let mut doc = super::router::routes().openapi().clone();
    doc.info = InfoBuilder::new()
        .title("ikon API")
        .version(env!("CARGO_PKG_VERSION"))
        .description(Some(DESCRIPTION))
        .license(Some(
            openapi::LicenseBuilder::new()
                .name(env!("CARGO_PKG_LICENSE"))
                .build(),
        ))
        .build();
    doc.tags = Some(TAGS.iter().map(|t| Tag::new(*t)).collect());
    doc.merge(Errors::openapi());
    BearerAuth.modify(&mut doc);
    doc
}

#[derive(OpenApi)]
#[openapi(components(schemas(crate::core::web::errors::ErrorBody)))]
struct Errors;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub async fn document() -> Json<&'static openapi::OpenApi> {
    static DOCUMENT: LazyLock<openapi::OpenApi> = LazyLock::new(document_value);
    Json(&DOCUMENT)
}
