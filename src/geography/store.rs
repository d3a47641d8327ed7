//! Store queries of the official geography. Text is never sorted in SQL:
//! SQLite and PostgreSQL collate differently, so name order is made in Rust
//! with the same folding the search uses.

use super::{
    boundaries,
    key::AgsKey,
    model::{Centre, Kind, Level, Region, RegionItem, RegionMatch, RegionRef},
};
use crate::core::store::{Db, like_pattern, search_key};

/// Most results a name search returns.
pub const SEARCH_LIMIT: i64 = 50;

#[derive(sqlx::FromRow)]
struct RegionRow {
    key: String,
    level: String,
    name: String,
    kind: Option<String>,
    parent_key: Option<String>,
    ars: Option<String>,
    population: Option<i64>,
    area_km2: Option<f64>,
    lat: Option<f64>,
    lon: Option<f64>,
}

#[derive(sqlx::FromRow)]
struct ItemRow {
    key: String,
    name: String,
    level: String,
    kind: Option<String>,
    population: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct MatchRow {
    key: String,
    name: String,
    level: String,
    kind: Option<String>,
    population: Option<i64>,
    parent_key: Option<String>,
    parent_name: Option<String>,
    parent_level: Option<String>,
    place: Option<String>,
}

fn corrupt(what: &str, value: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("regions: unknown {what} {value:?}").into())
}

fn level(code: &str) -> Result<Level, sqlx::Error> {
    Level::parse(code).ok_or_else(|| corrupt("level", code))
}

fn kind(code: Option<&str>) -> Result<Kind, sqlx::Error> {
    let code = code.unwrap_or_default();
    Kind::parse(code).ok_or_else(|| corrupt("kind", code))
}

impl ItemRow {
    fn into_item(self) -> Result<RegionItem, sqlx::Error> {
        Ok(RegionItem {
            level: level(&self.level)?,
            kind: kind(self.kind.as_deref())?,
            population: self.population.unwrap_or_default(),
            key: self.key,
            name: self.name,
        })
    }
}

/// Orders by name as a German reader expects, then by key.
fn by_name(items: &mut [RegionItem]) {
    items.sort_by_cached_key(|i| (search_key(&i.name), i.key.clone()));
}

const ITEM_COLUMNS: &str = "key, name, level, kind, population";

pub async fn region(db: &Db, key: &AgsKey) -> Result<Option<Region>, sqlx::Error> {
    let row: Option<RegionRow> = sqlx::query_as(
        "SELECT key, level, name, kind, parent_key, ars, population, area_km2, lat, lon
         FROM regions WHERE key = $1",
    )
    .bind(key.as_str())
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    let level = level(&row.level)?;
    let ancestors = ancestors(db, &row.key).await?;
    let parent = row
        .parent_key
        .as_deref()
        .and_then(|p| ancestors.iter().find(|a| a.key == p))
        .cloned();
    let mut children: Vec<RegionItem> = sqlx::query_as::<_, ItemRow>(&format!(
        "SELECT {ITEM_COLUMNS} FROM regions WHERE parent_key = $1"
    ))
    .bind(&row.key)
    .fetch_all(db.pool())
    .await?
    .into_iter()
    .map(ItemRow::into_item)
    .collect::<Result<_, _>>()?;
    by_name(&mut children);
    let postal_codes = if level == Level::Municipality {
        sqlx::query_scalar(
            "SELECT DISTINCT postal_code FROM postal_codes WHERE municipality_key = $1
             ORDER BY postal_code",
        )
        .bind(&row.key)
        .fetch_all(db.pool())
        .await?
    } else {
        Vec::new()
    };
    Ok(Some(Region {
        kind: kind(row.kind.as_deref())?,
        ars: row.ars.unwrap_or_else(|| row.key.clone()),
        parent,
        ancestors,
        children,
        population: row.population.unwrap_or_default(),
        area_km2: row.area_km2.unwrap_or_default(),
        centre: row.lat.zip(row.lon).map(|(lat, lon)| Centre { lat, lon }),
        postal_codes,
        has_boundary: boundaries::has(&row.key),
        key: row.key,
        name: row.name,
        level,
    }))
}

/// A region's key, name and level only.
pub async fn region_ref(db: &Db, key: &AgsKey) -> Result<Option<RegionRef>, sqlx::Error> {
    let row: Option<(String, String, String)> =
        sqlx::query_as("SELECT key, name, level FROM regions WHERE key = $1")
            .bind(key.as_str())
            .fetch_optional(db.pool())
            .await?;
    row.map(|(key, name, code)| {
        Ok(RegionRef {
            level: level(&code)?,
            key,
            name,
        })
    })
    .transpose()
}

/// The existing regions whose keys are prefixes of `key`, Land first.
pub async fn ancestors(db: &Db, key: &str) -> Result<Vec<RegionRef>, sqlx::Error> {
    let prefixes: Vec<&str> = [2, 3, 5]
        .into_iter()
        .filter(|&len| len < key.len())
        .map(|len| &key[..len])
        .collect();
    if prefixes.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=prefixes.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT key, name, level FROM regions WHERE key IN ({})",
        placeholders.join(", ")
    );
    let mut query = sqlx::query_as::<_, (String, String, String)>(&sql);
    for prefix in &prefixes {
        query = query.bind(*prefix);
    }
    let mut found = query
        .fetch_all(db.pool())
        .await?
        .into_iter()
        .map(|(key, name, code)| {
            Ok(RegionRef {
                level: level(&code)?,
                key,
                name,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    found.sort_by_key(|r| r.key.len());
    Ok(found)
}

/// All regions of one level, ordered by name.
pub async fn by_level(db: &Db, of: Level) -> Result<Vec<RegionItem>, sqlx::Error> {
    let mut items: Vec<RegionItem> = sqlx::query_as::<_, ItemRow>(&format!(
        "SELECT {ITEM_COLUMNS} FROM regions WHERE level = $1"
    ))
    .bind(of.code())
    .fetch_all(db.pool())
    .await?
    .into_iter()
    .map(ItemRow::into_item)
    .collect::<Result<_, _>>()?;
    by_name(&mut items);
    Ok(items)
}

const MATCH_SELECT: &str = "SELECT r.key, r.name, r.level, r.kind, r.population,
        p.key AS parent_key, p.name AS parent_name, p.level AS parent_level";

/// Folds rows (one per region, or per region and place) into matches,
/// keeping the order of first appearance.
fn into_matches(rows: Vec<MatchRow>) -> Result<Vec<RegionMatch>, sqlx::Error> {
    let mut out: Vec<RegionMatch> = Vec::new();
    for row in rows {
        if let Some(place) = &row.place
            && let Some(last) = out.last_mut().filter(|m| m.key == row.key)
        {
            last.places.push(place.clone());
            continue;
        }
        let parent = match (row.parent_key, row.parent_name, row.parent_level) {
            (Some(key), Some(name), Some(code)) => Some(RegionRef {
                key,
                name,
                level: level(&code)?,
            }),
            _ => None,
        };
        out.push(RegionMatch {
            level: level(&row.level)?,
            kind: kind(row.kind.as_deref())?,
            population: row.population.unwrap_or_default(),
            parent,
            places: row.place.into_iter().collect(),
            key: row.key,
            name: row.name,
        });
    }
    for m in &mut out {
        m.places.sort_by_cached_key(|p| search_key(p));
    }
    Ok(out)
}

/// The municipalities a postal code belongs to, largest first.
pub async fn by_postal_code(db: &Db, postal_code: &str) -> Result<Vec<RegionMatch>, sqlx::Error> {
    let rows: Vec<MatchRow> = sqlx::query_as(&format!(
        "{MATCH_SELECT}, c.place
         FROM postal_codes c
         JOIN regions r ON r.key = c.municipality_key
         LEFT JOIN regions p ON p.key = r.parent_key
         WHERE c.postal_code = $1
         ORDER BY r.population DESC, r.key"
    ))
    .bind(postal_code)
    .fetch_all(db.pool())
    .await?;
    into_matches(rows)
}

/// Regions whose name contains `query` (case- and umlaut-insensitive),
/// higher levels first, then the most populous.
pub async fn search(db: &Db, query: &str, limit: i64) -> Result<Vec<RegionMatch>, sqlx::Error> {
    let rows: Vec<MatchRow> = sqlx::query_as(&format!(
        r"{MATCH_SELECT}, NULL AS place
          FROM regions r
          LEFT JOIN regions p ON p.key = r.parent_key
          WHERE r.name_search LIKE $1 ESCAPE '\'
          ORDER BY LENGTH(r.key), r.population DESC, r.key
          LIMIT $2"
    ))
    .bind(like_pattern(query))
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    into_matches(rows)
}

/// The integration network of a Kreis, if one has been set up.
pub async fn network_of(db: &Db, key: &str) -> Result<Option<(i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, name FROM networks WHERE region_key = $1")
        .bind(key)
        .fetch_optional(db.pool())
        .await
}
