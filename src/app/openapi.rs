//! The OpenAPI 3 document of the JSON API, generated from the handlers'
//! `#[utoipa::path]` annotations. A test keeps it in step with the routes.

use axum::Json;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(title = "ikon API", description = "JSON API of ikon, the platform for a county's integration network. Read endpoints marked public need no authentication; all others take a personal API token as `Authorization: Bearer ikon_…`."),
    paths(
        crate::app::pages::healthz,
        crate::network::api::list_networks,
        crate::network::api::list_organizations,
        crate::network::api::create_organization,
        crate::network::api::get_organization,
        crate::network::api::update_organization,
        crate::network::api::get_person,
        crate::network::api::erase_person,
        crate::geography::api::region,
        crate::geography::api::find,
        crate::geography::api::boundary,
        crate::accounts::api::me,
        crate::offers::api::list,
        crate::offers::api::geojson,
        crate::offers::export::csv,
        crate::offers::finder::api_find,
        crate::offers::coverage::api_coverage,
        crate::conferences::actions::api::list_meetings,
        crate::conferences::actions::api::create_meeting,
        crate::conferences::actions::api::list_agenda,
        crate::conferences::actions::api::create_agenda_item,
        crate::conferences::actions::api::list_actions,
        crate::conferences::actions::api::post_update,
    ),
    components(schemas(crate::core::web::errors::ErrorBody)),
    modifiers(&BearerAuth),
    tags(
        (name = "system"), (name = "accounts"), (name = "geography"), (name = "network"), (name = "offers"), (name = "conferences"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
