//! Official geography: Länder, Regierungsbezirke, Kreise and Gemeinden from
//! the Destatis municipality directory, boundaries, postal codes.
//!
//! The data ships inside the binary (`data/`) and is loaded into `regions`
//! and `postal_codes` on first start (`load`), so an installation needs no
//! download and every network can name its Kreis by official key. Geometry
//! stays out of the database (`boundaries`). All routes are public: the
//! data is official and open.

pub mod api;
pub mod boundaries;
pub mod directory;
pub mod format;
pub mod gazetteer;
pub mod key;
pub mod load;
pub mod model;
pub mod names;
pub mod store;
pub mod web;

use crate::core::web::Parts;

/// Hands the geography's in-memory places to the app.
pub fn install(parts: Parts) -> Parts {
    parts.state(gazetteer::Places::default())
}
