//! Static assets compiled into the binary, served under content-hashed
//! names so browsers may cache them for a year.

use std::{collections::HashMap, sync::LazyLock};

use axum::{
    extract::Path,
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use sha2::{Digest, Sha256};

use crate::core::error::AppError;

struct Asset {
    bytes: &'static [u8],
    mime: &'static str,
}

/// (logical name, bytes, media type)
const FILES: &[(&str, &[u8], &str)] = &[
    (
        "app.css",
        include_bytes!("../../../assets/app.css"),
        "text/css; charset=utf-8",
    ),
    (
        "htmx.min.js",
        include_bytes!("../../../assets/vendor/htmx.min.js"),
        "text/javascript; charset=utf-8",
    ),
    (
        "leaflet.js",
        include_bytes!("../../../assets/vendor/leaflet/leaflet.js"),
        "text/javascript; charset=utf-8",
    ),
    (
        "leaflet.css",
        include_bytes!("../../../assets/vendor/leaflet/leaflet.css"),
        "text/css; charset=utf-8",
    ),
    (
        "search-map.js",
        include_bytes!("../../../assets/search-map.js"),
        "text/javascript; charset=utf-8",
    ),
    (
        "logo.svg",
        include_bytes!("../../../assets/logo.svg"),
        "image/svg+xml",
    ),
];

struct Catalogue {
    /// hashed file name → asset
    by_hashed: HashMap<String, Asset>,
    /// logical name → public URL
    urls: HashMap<&'static str, String>,
}

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
    let mut by_hashed = HashMap::new();
    let mut urls = HashMap::new();
    for (name, bytes, mime) in FILES {
        let digest = hex::encode(Sha256::digest(bytes));
        let (stem, ext) = name
            .rsplit_once('.')
            .expect("asset names have an extension");
        let hashed = format!("{stem}.{}.{ext}", &digest[..12]);
        urls.insert(*name, format!("/assets/{hashed}"));
        by_hashed.insert(hashed, Asset { bytes, mime });
    }
    Catalogue { by_hashed, urls }
});

/// The public URL of an asset, e.g. `/assets/app.3f2a…css`.
pub fn url(name: &str) -> Option<&'static str> {
    CATALOGUE.urls.get(name).map(String::as_str)
}

pub async fn serve(Path(file): Path<String>) -> Result<Response, AppError> {
    let asset = CATALOGUE
        .by_hashed
        .get(&file)
        .ok_or_else(AppError::not_found)?;
    let mut response = asset.bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(asset.mime));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    Ok(response)
}
