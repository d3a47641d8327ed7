//! Turns the shipped data files into the rows of `regions` and
//! `postal_codes`, without touching the database: cleaning names, deriving
//! kinds and parents, and summing Gemeinde figures up the hierarchy (the
//! directory gives population, area and centre only for Gemeinden).

use std::collections::{HashMap, HashSet};

use anyhow::{Context, bail};

use super::{
    model::{Kind, Level},
    names::{clean_name, district_government, kind_of},
};
use crate::core::web::forms::is_postal_code;

/// Destatis Gemeindeverzeichnis, Gebietsstand 31.12.2024.
static DIRECTORY_CSV: &str = include_str!("../../data/gv_31122024_all_records.csv");
/// Postal code → municipality, compiled from OpenStreetMap.
static POSTAL_CODES_CSV: &str = include_str!("../../data/zuordnung_plz_ort.csv");

/// One row of `regions`.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionRecord {
    pub key: String,
    pub level: Level,
    pub kind: Kind,
    pub name: String,
    pub ars: String,
    pub parent_key: Option<String>,
    pub population: i64,
    pub area_km2: f64,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Postal code of the administrative seat (municipalities only).
    pub postal_code: Option<String>,
}

/// One row of `postal_codes`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PostalRecord {
    pub postal_code: String,
    pub municipality_key: String,
    pub place: String,
}

pub struct Directory {
    /// In key order, so parents precede their children.
    pub regions: Vec<RegionRecord>,
    pub postal_codes: Vec<PostalRecord>,
    /// Postal-code rows whose municipality is not in the directory (merged
    /// away since the OSM extract was made).
    pub skipped_postal_rows: usize,
}

fn number<T: std::str::FromStr>(text: &str) -> Option<T> {
    let text = text.trim();
    if text.is_empty() {
        None
    } else {
        text.parse().ok()
    }
}

/// Looks columns up by header name, so a reordered file still loads.
fn columns<const N: usize>(
    reader: &mut csv::Reader<&[u8]>,
    names: [&str; N],
) -> anyhow::Result<[usize; N]> {
    let headers = reader.headers()?.clone();
    let mut out = [0; N];
    for (slot, name) in out.iter_mut().zip(names) {
        *slot = headers
            .iter()
            .position(|h| h == name)
            .with_context(|| format!("column {name} missing"))?;
    }
    Ok(out)
}

/// Sums of the Gemeinden below a region.
#[derive(Default)]
struct Totals {
    population: i64,
    area_km2: f64,
    weighted_lat: f64,
    weighted_lon: f64,
    weight: f64,
    plain_lat: f64,
    plain_lon: f64,
    located: usize,
}

fn round(value: f64, digits: i32) -> f64 {
    let factor = 10f64.powi(digits);
    (value * factor).round() / factor
}

fn read_regions() -> anyhow::Result<Vec<RegionRecord>> {
    let mut reader = csv::Reader::from_reader(DIRECTORY_CSV.as_bytes());
    let [satzart, text_code, ars, ags, name, area, pop, plz, lon, lat] = columns(
        &mut reader,
        [
            "satzart",
            "textkennzeichen",
            "ars",
            "ags",
            "name",
            "area_km2",
            "pop_total",
            "plz",
            "lon",
            "lat",
        ],
    )?;
    let mut regions = Vec::with_capacity(11_500);
    for (line, record) in reader.records().enumerate() {
        let record = record?;
        let level = match &record[satzart] {
            "10" => Level::State,
            "20" => Level::DistrictGovernment,
            "40" => Level::District,
            "60" => Level::Municipality,
            _ => continue, // Regionen (BW) and Gemeindeverbände are not used.
        };
        let key = record[ags].to_string();
        let context = || format!("directory line {}: {key}", line + 2);
        if key.len() != level.key_len() || !key.bytes().all(|b| b.is_ascii_digit()) {
            bail!("{}: key does not fit its level", context());
        }
        let (name, kind) = if level == Level::DistrictGovernment {
            district_government(&record[name])
        } else {
            let kind = kind_of(level, &key, &record[text_code])
                .with_context(|| format!("{}: unknown textkennzeichen", context()))?;
            (clean_name(&record[name]), kind)
        };
        let municipality = level == Level::Municipality;
        regions.push(RegionRecord {
            ars: record[ars].to_string(),
            parent_key: None,
            population: if municipality {
                number(&record[pop]).with_context(context)?
            } else {
                0
            },
            area_km2: if municipality {
                number(&record[area]).with_context(context)?
            } else {
                0.0
            },
            lat: number(&record[lat]).filter(|_| municipality),
            lon: number(&record[lon]).filter(|_| municipality),
            postal_code: Some(record[plz].trim().to_string()).filter(|p| is_postal_code(p)),
            key,
            level,
            kind,
            name,
        });
    }
    Ok(regions)
}

/// Links each region to its nearest existing ancestor and sums the
/// Gemeinden up the hierarchy.
fn complete(regions: &mut [RegionRecord]) {
    let index: HashMap<String, usize> = regions
        .iter()
        .enumerate()
        .map(|(i, r)| (r.key.clone(), i))
        .collect();
    let ancestors = |key: &str| -> Vec<usize> {
        [5, 3, 2]
            .into_iter()
            .filter(|&len| len < key.len())
            .filter_map(|len| index.get(&key[..len]).copied())
            .collect()
    };
    let mut totals: HashMap<usize, Totals> = HashMap::new();
    for i in 0..regions.len() {
        let found = ancestors(&regions[i].key);
        regions[i].parent_key = found.first().map(|&p| regions[p].key.clone());
        if regions[i].level != Level::Municipality {
            continue;
        }
        let r = &regions[i];
        for p in found {
            let t = totals.entry(p).or_default();
            t.population += r.population;
            t.area_km2 += r.area_km2;
            if let (Some(lat), Some(lon)) = (r.lat, r.lon) {
                let w = r.population as f64;
                t.weighted_lat += lat * w;
                t.weighted_lon += lon * w;
                t.weight += w;
                t.plain_lat += lat;
                t.plain_lon += lon;
                t.located += 1;
            }
        }
    }
    for (i, t) in totals {
        let r = &mut regions[i];
        r.population = t.population;
        r.area_km2 = round(t.area_km2, 2);
        let centre = if t.weight > 0.0 {
            Some((t.weighted_lat / t.weight, t.weighted_lon / t.weight))
        } else if t.located > 0 {
            let n = t.located as f64;
            Some((t.plain_lat / n, t.plain_lon / n))
        } else {
            None
        };
        r.lat = centre.map(|c| round(c.0, 6));
        r.lon = centre.map(|c| round(c.1, 6));
    }
}

/// The OSM mapping, deduplicated, plus each municipality's official seat
/// postal code where OSM lacks it (e.g. municipalities merged since).
fn read_postal_codes(regions: &[RegionRecord]) -> anyhow::Result<(Vec<PostalRecord>, usize)> {
    let municipalities: HashMap<&str, &RegionRecord> = regions
        .iter()
        .filter(|r| r.level == Level::Municipality)
        .map(|r| (r.key.as_str(), r))
        .collect();
    let mut reader = csv::Reader::from_reader(POSTAL_CODES_CSV.as_bytes());
    let [ags, place, plz] = columns(&mut reader, ["ags", "ort", "plz"])?;
    let mut seen = HashSet::new();
    let mut covered = HashSet::new();
    let mut out = Vec::with_capacity(13_000);
    let mut skipped = 0;
    for record in reader.records() {
        let record = record?;
        let (key, postal_code) = (record[ags].trim(), record[plz].trim());
        if !municipalities.contains_key(key) || !is_postal_code(postal_code) {
            tracing::debug!(ags = key, plz = postal_code, "postal code row skipped");
            skipped += 1;
            continue;
        }
        let row = PostalRecord {
            postal_code: postal_code.to_string(),
            municipality_key: key.to_string(),
            place: record[place].trim().to_string(),
        };
        covered.insert((row.postal_code.clone(), row.municipality_key.clone()));
        if seen.insert(row.clone()) {
            out.push(row);
        }
    }
    for r in regions.iter().filter(|r| r.level == Level::Municipality) {
        let Some(code) = &r.postal_code else { continue };
        if covered.insert((code.clone(), r.key.clone())) {
            out.push(PostalRecord {
                postal_code: code.clone(),
                municipality_key: r.key.clone(),
                place: r.name.clone(),
            });
        }
    }
    Ok((out, skipped))
}

/// Parses and completes the shipped data.
pub fn read() -> anyhow::Result<Directory> {
    let mut regions = read_regions().context("municipality directory")?;
    regions.sort_by(|a, b| a.key.cmp(&b.key));
    complete(&mut regions);
    let (postal_codes, skipped_postal_rows) =
        read_postal_codes(&regions).context("postal code mapping")?;
    Ok(Directory {
        regions,
        postal_codes,
        skipped_postal_rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_data_reads_completely() {
        let d = read().unwrap();
        let count = |level| d.regions.iter().filter(|r| r.level == level).count();
        assert_eq!(count(Level::State), 16);
        assert_eq!(count(Level::DistrictGovernment), 29);
        assert_eq!(count(Level::District), 400);
        assert_eq!(count(Level::Municipality), 10_959);
        let get = |key: &str| d.regions.iter().find(|r| r.key == key).unwrap();
        let kreis = get("09575");
        assert_eq!(kreis.kind, Kind::RuralCounty);
        assert_eq!(kreis.parent_key.as_deref(), Some("095"));
        assert_eq!(get("095").parent_key.as_deref(), Some("09"));
        assert_eq!(get("01001").parent_key.as_deref(), Some("01"));
        let town = get("09575153");
        assert_eq!(
            (town.name.as_str(), town.kind),
            ("Neustadt a.d.Aisch", Kind::Town)
        );
        assert_eq!(get("09575145").kind, Kind::MarketTown);
        let sum: i64 = d
            .regions
            .iter()
            .filter(|r| r.parent_key.as_deref() == Some("09575"))
            .map(|r| r.population)
            .sum();
        assert_eq!(kreis.population, sum);
        let centre = (kreis.lat.unwrap(), kreis.lon.unwrap());
        assert!((49.4..49.8).contains(&centre.0) && (10.1..10.8).contains(&centre.1));
        // Gemeinden outside any Kreis hang from the nearest existing level.
        assert_eq!(get("13000999").parent_key.as_deref(), Some("13"));
        let germany: i64 = d
            .regions
            .iter()
            .filter(|r| r.level == Level::State)
            .map(|r| r.population)
            .sum();
        assert!((80_000_000..90_000_000).contains(&germany), "{germany}");
    }

    #[test]
    fn postal_codes_are_deduplicated_and_checked() {
        let d = read().unwrap();
        let unique: HashSet<_> = d.postal_codes.iter().collect();
        assert_eq!(unique.len(), d.postal_codes.len());
        assert!(d.skipped_postal_rows > 0);
        assert!(
            d.postal_codes
                .iter()
                .any(|p| p.postal_code == "91413" && p.municipality_key == "09575153")
        );
        let keys: HashSet<&str> = d.regions.iter().map(|r| r.key.as_str()).collect();
        assert!(
            d.postal_codes
                .iter()
                .all(|p| keys.contains(p.municipality_key.as_str()))
        );
    }
}
