//! The shipped statistics that are not GENESIS exports, read into
//! observations: population from the municipality directory, foreigners
//! by residence status (12521-0043), the INKAR county indicators, the
//! Zensus 2022 municipality figures and the BA national totals. Each file
//! and its licence is described in data/README.md.

use std::collections::BTreeMap;

use anyhow::Context;

use crate::monitoring::import::{Dim, Obs, values};

/// One shipped table, ready to store.
pub struct Table {
    pub table_code: &'static str,
    pub title: &'static str,
    pub source: &'static str,
    pub licence: &'static str,
    pub file_name: &'static str,
    /// Measure code → name.
    pub measure_names: &'static [(&'static str, &'static str)],
    pub rows: Vec<Obs>,
}

/// The mark ikon gives a count it derived from a published share.
pub const DERIVED: &str = "derived";

const GV: &str = include_str!("../../../../data/gv_31122024_all_records.csv");
const AZR: &str = include_str!("../../../../data/statistics/12521-0043_kreise_2024.csv");
const INKAR: &str = include_str!("../../../../data/statistics/inkar_kreise_bayern_1995_2022.csv");
const ZENSUS: &str = include_str!("../../../../data/statistics/zensus2022_gemeinden_bayern.csv");
const BA: &[(&str, &str, &str)] = &[
    (
        "Ausländer",
        "Arbeitslose",
        include_str!("../../../../data/statistics/ba_auslaender_arbeitslose.csv"),
    ),
    (
        "Ausländer",
        "Arbeitsuchende",
        include_str!("../../../../data/statistics/ba_auslaender_arbeitsuchende.csv"),
    ),
    (
        "Ausländer",
        "Auszubildende",
        include_str!("../../../../data/statistics/ba_auslaender_auszubildende.csv"),
    ),
    (
        "Ausländer",
        "Beschäftigte",
        include_str!("../../../../data/statistics/ba_auslaender_beschaeftigte.csv"),
    ),
    (
        "Deutsche",
        "Arbeitslose",
        include_str!("../../../../data/statistics/ba_deutsch_arbeitslose.csv"),
    ),
    (
        "Deutsche",
        "Arbeitsuchende",
        include_str!("../../../../data/statistics/ba_deutsch_arbeitsuchende.csv"),
    ),
    (
        "Deutsche",
        "Auszubildende",
        include_str!("../../../../data/statistics/ba_deutsch_auszubildende.csv"),
    ),
    (
        "Deutsche",
        "Beschäftigte",
        include_str!("../../../../data/statistics/ba_deutsch_beschaeftigte.csv"),
    ),
];

/// The classic GENESIS excerpts, imported through the importer itself.
pub const GENESIS: &[(&str, &[u8])] = &[
    (
        "12411-01-01-4_mittelfranken.csv",
        include_bytes!("../../../../data/statistics/12411-01-01-4_mittelfranken.csv"),
    ),
    (
        "12411-03-03-4_mittelfranken.csv",
        include_bytes!("../../../../data/statistics/12411-03-03-4_mittelfranken.csv"),
    ),
    (
        "12511-01-01-4_mittelfranken.csv",
        include_bytes!("../../../../data/statistics/12511-01-01-4_mittelfranken.csv"),
    ),
    (
        "13211-02-05-4_mittelfranken.csv",
        include_bytes!("../../../../data/statistics/13211-02-05-4_mittelfranken.csv"),
    ),
];

pub const DL_DE_BY: &str = "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)";

fn obs(
    region: &str,
    period: &str,
    measure: &str,
    unit: &str,
    dims: Vec<Dim>,
    value: Option<f64>,
    mark: Option<&str>,
) -> Obs {
    Obs {
        region_key: region.to_string(),
        region_name: String::new(),
        period: period.to_string(),
        measure: measure.to_string(),
        unit: unit.to_string(),
        dims,
        value,
        mark: mark.map(str::to_string),
        line: 0,
        region_column: 0,
    }
}

fn dim(code: &str, classifier: &str, attribute: &str) -> Dim {
    Dim {
        classifier_code: code.into(),
        classifier: classifier.into(),
        attribute_code: String::new(),
        attribute: attribute.into(),
    }
}

fn reader(text: &'static str, delimiter: u8) -> csv::Reader<&'static [u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
}

/// Population on 31.12.2023 from the municipality directory: every
/// Bavarian Gemeinde, and for Kreis, Regierungsbezirk, Land and Germany the
/// sum of their Gemeinden (the directory gives figures only per Gemeinde).
pub fn population() -> anyhow::Result<Table> {
    let mut rows = Vec::new();
    let mut sums: BTreeMap<String, f64> = BTreeMap::new();
    let mut r = reader(GV, b',');
    let headers = r.headers()?.clone();
    let at = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .with_context(|| format!("GV lacks {name}"))
    };
    let (satzart, ags, pop) = (at("satzart")?, at("ags")?, at("pop_total")?);
    for record in r.records() {
        let record = record?;
        let key = &record[ags];
        if &record[satzart] != "60" || key.len() != 8 {
            continue;
        }
        let Some(value) = values::number(&record[pop]) else {
            continue;
        };
        if key.starts_with("09") {
            rows.push(obs(
                key,
                "2023-12-31",
                "BEVSTD",
                "Anzahl",
                Vec::new(),
                Some(value),
                None,
            ));
        }
        let regierungsbezirk = (&key[2..3] != "0").then(|| key[0..3].to_string());
        for parent in [
            Some("DG".to_string()),
            Some(key[0..2].to_string()),
            regierungsbezirk,
            Some(key[0..5].to_string()),
        ]
        .into_iter()
        .flatten()
        {
            *sums.entry(parent).or_default() += value;
        }
    }
    for (key, value) in sums {
        rows.push(obs(
            &key,
            "2023-12-31",
            "BEVSTD",
            "Anzahl",
            Vec::new(),
            Some(value),
            None,
        ));
    }
    Ok(Table {
        table_code: "GV-ISys-31122024",
        title: "Gemeindeverzeichnis: Bevölkerung am 31.12.2023 (Gebietsstand 31.12.2024; Kreise, Bezirke, Länder als Summe ihrer Gemeinden)",
        source: "Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV-ISys",
        licence: "© Statistisches Bundesamt (Destatis), 2025, Daten verändert — dl-de/by-2-0",
        file_name: "gv_31122024_all_records.csv",
        measure_names: &[("BEVSTD", "Bevölkerungsstand")],
        rows,
    })
}

/// Foreigners by residence status per Kreis, 31.12.2024 (12521-0043).
pub fn residence_status() -> anyhow::Result<Table> {
    let mut rows = Vec::new();
    for record in reader(AZR, b';').records() {
        let record = record?;
        let value = values::number(&record[2]).context("12521-0043: not a number")?;
        rows.push(obs(
            &record[0],
            "2024-12-31",
            "BEV002",
            "Anzahl",
            vec![dim("AUFTI", "Ausgewählte Aufenthaltstitel", &record[1])],
            Some(value),
            None,
        ));
    }
    Ok(Table {
        table_code: "12521-0043",
        title: "Ausländer: Kreise, Stichtag, Ausgewählte Aufenthaltstitel (Ausländerzentralregister)",
        source: "GENESIS-Online (Destatis), Ausländerstatistik",
        licence: "© Statistisches Bundesamt (Destatis), 2025 — dl-de/by-2-0",
        file_name: "12521-0043_kreise_2024.csv",
        measure_names: &[("BEV002", "Ausländer")],
        rows,
    })
}

/// INKAR codes of the shipped county indicators, by CSV column.
pub const INKAR_COLUMNS: &[(&str, &str, &str)] = &[
    ("share_foreign", "a_ausl_bev", "Ausländeranteil"),
    ("unemployment_rate", "q_alo", "Arbeitslosenquote"),
    (
        "youth_unemployment_rate",
        "q_alo_u25",
        "Arbeitslosenquote unter 25 Jahre",
    ),
    (
        "share_no_degree",
        "a_schul_oA",
        "Schulabgänger ohne Abschluss",
    ),
    (
        "share_abitur",
        "a_schul_abi",
        "Schulabgänger mit allgemeiner Hochschulreife",
    ),
    (
        "childcare_under3",
        "a_betr0003_bev0003",
        "Betreuungsquote unter 3 Jahre",
    ),
    (
        "childcare_3to6",
        "a_betr0306_bev0306",
        "Betreuungsquote 3 bis 6 Jahre",
    ),
];

/// INKAR county indicators of the Bavarian Kreise, 1995–2022.
pub fn inkar() -> anyhow::Result<Table> {
    let mut rows = Vec::new();
    let mut r = reader(INKAR, b',');
    let headers = r.headers()?.clone();
    for record in r.records() {
        let record = record?;
        for (column, code, _) in INKAR_COLUMNS {
            let at = headers
                .iter()
                .position(|h| h == *column)
                .context("INKAR column")?;
            if let Some(value) = values::number(&record[at]) {
                rows.push(obs(
                    &record[0],
                    &record[1],
                    code,
                    "%",
                    Vec::new(),
                    Some(value),
                    None,
                ));
            }
        }
    }
    Ok(Table {
        table_code: "INKAR",
        title: "INKAR – Indikatoren und Karten zur Raum- und Stadtentwicklung (Kreise)",
        source: "Bundesinstitut für Bau-, Stadt- und Raumforschung (BBSR), INKAR",
        licence: "© BBSR Bonn — dl-de/by-2-0",
        file_name: "inkar_kreise_bayern_1995_2022.csv",
        measure_names: &[
            ("a_ausl_bev", "Ausländeranteil"),
            ("q_alo", "Arbeitslosenquote"),
            ("q_alo_u25", "Arbeitslosenquote unter 25 Jahre"),
            ("a_schul_oA", "Schulabgänger ohne Abschluss"),
            (
                "a_schul_abi",
                "Schulabgänger mit allgemeiner Hochschulreife",
            ),
            ("a_betr0003_bev0003", "Betreuungsquote unter 3 Jahre"),
            ("a_betr0306_bev0306", "Betreuungsquote 3 bis 6 Jahre"),
        ],
        rows,
    })
}

/// Zensus 2022 per Bavarian Gemeinde: population, shares of foreigners and
/// of people with a migration background, and the number of foreigners
/// derived from the share (marked).
pub fn census() -> anyhow::Result<Table> {
    let mut rows = Vec::new();
    for record in reader(ZENSUS, b',').records() {
        let record = record?;
        let key = &record[0];
        let population = values::number(&record[2]);
        let share = values::number(&record[3]);
        let migration = values::number(&record[4]);
        let period = "2022-05-15";
        rows.push(obs(
            key,
            period,
            "PRS018",
            "Anzahl",
            Vec::new(),
            population,
            population.is_none().then_some("."),
        ));
        rows.push(obs(
            key,
            period,
            "AUSL_ANTEIL",
            "%",
            Vec::new(),
            share,
            share.is_none().then_some("."),
        ));
        rows.push(obs(
            key,
            period,
            "MIGH_ANTEIL",
            "%",
            Vec::new(),
            migration,
            migration.is_none().then_some("."),
        ));
        let derived = population.zip(share).map(|(p, s)| (p * s / 100.0).round());
        rows.push(obs(
            key,
            period,
            "AUSL",
            "Anzahl",
            Vec::new(),
            derived,
            Some(if derived.is_some() { DERIVED } else { "." }),
        ));
    }
    Ok(Table {
        table_code: "Zensus2022-Gemeinden",
        title: "Zensus 2022: Bevölkerung, Ausländeranteil und Migrationshintergrund nach Gemeinden",
        source: "Statistische Ämter des Bundes und der Länder, Zensus 2022",
        licence: "© Statistische Ämter des Bundes und der Länder, Zensus 2022 — dl-de/by-2-0",
        file_name: "zensus2022_gemeinden_bayern.csv",
        measure_names: &[
            ("PRS018", "Personen"),
            ("AUSL_ANTEIL", "Ausländeranteil"),
            ("MIGH_ANTEIL", "Anteil mit Migrationshintergrund"),
            ("AUSL", "Ausländer (aus dem Anteil abgeleitet)"),
        ],
        rows,
    })
}

/// A BA figure with thousands points ("1.392.630").
fn ba_number(text: &str) -> Option<f64> {
    let t = text.trim().replace('.', "");
    (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

/// BA annual averages for Germany: foreigners and Germans by sex.
pub fn labour_market() -> anyhow::Result<Table> {
    let mut rows = Vec::new();
    for (nationality, measure, text) in BA {
        let mut r = reader(text, b';');
        for record in r.records() {
            let record = record?;
            let year = record[0].trim();
            for (i, sex) in [(1, "Frauen"), (2, "Männer"), (3, "Insgesamt")] {
                let value = ba_number(&record[i])
                    .with_context(|| format!("BA {measure} {year}: {:?}", &record[i]))?;
                rows.push(obs(
                    "DG",
                    year,
                    measure,
                    "Anzahl",
                    vec![
                        dim("GES", "Geschlecht", sex),
                        dim("NAT", "Staatsangehörigkeit", nationality),
                    ],
                    Some(value),
                    None,
                ));
            }
        }
    }
    Ok(Table {
        table_code: "BA-Staatsangehoerigkeit",
        title: "Arbeitsmarkt nach Staatsangehörigkeit, Deutschland, Jahresdurchschnitte",
        source: "Statistik der Bundesagentur für Arbeit",
        licence: "© Statistik der Bundesagentur für Arbeit",
        file_name: "ba_*.csv",
        measure_names: &[
            ("Arbeitslose", "Arbeitslose"),
            ("Arbeitsuchende", "Arbeitsuchende"),
            ("Auszubildende", "Auszubildende"),
            ("Beschäftigte", "Sozialversicherungspflichtig Beschäftigte"),
        ],
        rows,
    })
}
