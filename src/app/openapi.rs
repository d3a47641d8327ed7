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
    "statistics",
    "bulletin",
    "coordination",
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
    RejectedInput.modify(&mut doc);
    doc
}

/// The answers every handler gives before it runs, from the extractors:
/// a body that is not JSON (`415`), malformed JSON or parameters (`400`),
/// JSON of the wrong shape (`422`). Documented once here for every
/// operation that takes a body or parameters, so clients (and schema
/// checkers) can rely on them.
struct RejectedInput;

impl Modify for RejectedInput {
    fn modify(&self, openapi: &mut openapi::OpenApi) {
        use openapi::{
            Ref, RefOr,
            response::{ResponseBuilder, Responses},
        };
        let error = |text: &str| {
            RefOr::T(
                ResponseBuilder::new()
                    .description(text)
                    .content(
                        "application/json",
                        openapi::ContentBuilder::new()
                            .schema(Some(Ref::from_schema_name("ErrorBody")))
                            .build(),
                    )
                    .build(),
            )
        };
        let add = |responses: &mut Responses, status: &str, text: &str| {
            responses
                .responses
                .entry(status.to_string())
                .or_insert_with(|| error(text));
        };
        for item in openapi.paths.paths.values_mut() {
            for operation in [
                &mut item.get,
                &mut item.post,
                &mut item.put,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                let has_parameters = operation.parameters.as_ref().is_some_and(|p| !p.is_empty());
                if operation.request_body.is_some() {
                    add(
                        &mut operation.responses,
                        "400",
                        "Malformed request body or parameters",
                    );
                    add(
                        &mut operation.responses,
                        "415",
                        "The body is not `application/json`",
                    );
                    add(
                        &mut operation.responses,
                        "422",
                        "The body does not have the expected shape or values",
                    );
                } else if has_parameters {
                    add(&mut operation.responses, "400", "Malformed parameters");
                }
            }
        }
    }
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
