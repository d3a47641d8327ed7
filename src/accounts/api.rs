//! JSON API of accounts.

use axum::Json;

use super::{model::User, viewer::Viewer};
use crate::core::error::AppResult;

/// The user the request is authenticated as.
#[utoipa::path(get, path = "/api/v1/me", tag = "accounts", security(("api_token" = [])),
    responses((status = 200, body = Me), (status = 401, body = crate::core::web::errors::ErrorBody)))]
pub async fn me(viewer: Viewer) -> AppResult<Json<Me>> {
    let user = viewer.require_signed_in()?;
    Ok(Json(Me::from(user)))
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Me {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: super::model::Role,
    pub network_id: Option<i64>,
    pub organization_id: Option<i64>,
    pub region_key: Option<String>,
}

impl From<&User> for Me {
    fn from(u: &User) -> Self {
        Me {
            id: u.id,
            email: u.email.clone(),
            name: u.name.clone(),
            role: u.role,
            network_id: u.network_id,
            organization_id: u.organization_id,
            region_key: u.region_key.clone(),
        }
    }
}
