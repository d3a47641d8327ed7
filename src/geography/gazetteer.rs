//! The official places the public search asks about on every request —
//! postal codes with their municipalities and centres, region names — held
//! in memory. The geography changes only when a new release ships new data
//! files (`load`), which happens at start, so a process reads it once, on
//! the first question.

use std::{collections::HashMap, sync::Arc};

use sqlx::Row;

use crate::core::{store::Db, web::App};

/// A municipality a postal code reaches into.
#[derive(Clone, Debug, PartialEq)]
pub struct Municipality {
    pub key: String,
    pub name: String,
    /// The municipality's centre.
    pub centre: Option<(f64, f64)>,
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Region names by official key, every level.
    names: HashMap<String, String>,
    /// Municipalities by postal code, ordered by key.
    postal: HashMap<String, Vec<Municipality>>,
    /// Every postal code, sorted (for suggestions).
    codes: Vec<String>,
}

impl Gazetteer {
    pub async fn load(db: &Db) -> Result<Gazetteer, sqlx::Error> {
        let mut names: HashMap<String, String> = HashMap::new();
        let mut centres = HashMap::new();
        for r in sqlx::query("SELECT key, name, lat, lon FROM regions")
            .fetch_all(db.pool())
            .await?
        {
            let key: String = r.get("key");
            let lat: Option<f64> = r.get("lat");
            let lon: Option<f64> = r.get("lon");
            centres.insert(key.clone(), lat.zip(lon));
            names.insert(key, r.get("name"));
        }
        let mut postal: HashMap<String, Vec<Municipality>> = HashMap::new();
        for r in sqlx::query(
            "SELECT DISTINCT postal_code, municipality_key FROM postal_codes ORDER BY postal_code, municipality_key",
        )
        .fetch_all(db.pool())
        .await?
        {
            let key: String = r.get("municipality_key");
            let Some(name) = names.get(&key) else {
                continue;
            };
            postal
                .entry(r.get("postal_code"))
                .or_default()
                .push(Municipality {
                    name: name.clone(),
                    centre: centres.get(&key).copied().flatten(),
                    key,
                });
        }
        let mut codes: Vec<String> = postal.keys().cloned().collect();
        codes.sort_unstable();
        Ok(Gazetteer {
            names,
            postal,
            codes,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The name of a region (any level) by official key.
    pub fn region_name(&self, key: &str) -> Option<&str> {
        self.names.get(key).map(String::as_str)
    }

    /// The municipalities of a postal code, by key (none if unknown).
    pub fn municipalities(&self, postal_code: &str) -> &[Municipality] {
        self.postal.get(postal_code).map_or(&[], Vec::as_slice)
    }

    /// Up to ten known postal codes sharing the first three digits.
    pub fn nearby(&self, postal_code: &str) -> Vec<String> {
        let prefix = postal_code.get(..3).unwrap_or_default();
        let start = self.codes.partition_point(|c| c.as_str() < prefix);
        self.codes[start..]
            .iter()
            .take_while(|c| c.starts_with(prefix))
            .take(10)
            .cloned()
            .collect()
    }
}

/// A process's gazetteer, read on first use. An empty one (a database
/// whose geography is not loaded yet) is not kept.
#[derive(Default)]
pub struct Places {
    loaded: std::sync::Mutex<Option<Arc<Gazetteer>>>,
    loading: tokio::sync::Mutex<()>,
}

impl Places {
    pub async fn get(&self, db: &Db) -> Result<Arc<Gazetteer>, sqlx::Error> {
        if let Some(g) = self.loaded() {
            return Ok(g);
        }
        let _one_loader = self.loading.lock().await;
        if let Some(g) = self.loaded() {
            return Ok(g);
        }
        let g = Arc::new(Gazetteer::load(db).await?);
        if !g.is_empty() {
            *self.loaded.lock().expect("places") = Some(g.clone());
        }
        Ok(g)
    }

    fn loaded(&self) -> Option<Arc<Gazetteer>> {
        self.loaded.lock().expect("places").clone()
    }
}

/// The official places of this process, read from the database on first use.
pub async fn places(app: &App) -> Result<Arc<Gazetteer>, sqlx::Error> {
    app.part::<Places>().get(&app.db).await
}
