//! What an import would do, without storing anything: the file is read
//! through the same readers and region check as the import, and what
//! passes by is summed up — format, table, periods, regions, measures,
//! classifiers, marks, the first rows — together with whether the same
//! file was imported before and which stored periods it would replace.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::Serialize;

use super::import::{Input, RegionCheck};
use crate::{
    core::store::Db,
    monitoring::{
        import::{Event, ImportError, Obs, Sink, Summary, Tally},
        store::{self, observations},
    },
};

/// Rows shown as read.
pub const FIRST_ROWS: usize = 20;
/// Regions named on the page.
pub const FIRST_REGIONS: usize = 8;
/// Attributes named per classifier.
const FIRST_ATTRIBUTES: usize = 12;

/// A classifier of the table and its attributes.
#[derive(Clone, Debug, Serialize)]
pub struct Classifier {
    pub code: String,
    pub name: String,
    pub attributes: Vec<String>,
    /// Attributes beyond those named.
    pub more: usize,
}

/// The file as ikon would import it.
#[derive(Clone, Debug, Serialize)]
pub struct Preview {
    pub format: String,
    pub table_code: String,
    pub title: String,
    pub source: Option<String>,
    pub licence: Option<String>,
    pub summary: Summary,
    /// The first regions in the file: key and the name the file gives.
    pub regions: Vec<(String, String)>,
    pub classifiers: Vec<Classifier>,
    pub rows: Vec<Obs>,
    /// Keys the geography lacks, kept with the file's name for them.
    pub historic_regions: Vec<String>,
    /// The same input was imported before: when, by whom, as which file.
    pub imported_before: Option<Before>,
    /// Stored periods of the same table that an import would replace.
    pub replaces: Vec<String>,
}

/// An earlier import of the same file.
#[derive(Clone, Debug, Serialize)]
pub struct Before {
    pub file_name: String,
    pub imported_at: i64,
    pub imported_by: String,
}

#[derive(Default)]
struct Collect {
    header: Option<(String, crate::monitoring::import::Header)>,
    regions: Vec<(String, String)>,
    seen: HashSet<String>,
    classifiers: BTreeMap<(String, String), BTreeSet<String>>,
    rows: Vec<Obs>,
}

struct CollectSink<'a> {
    collect: Collect,
    label: &'a str,
    regions: RegionCheck<'a>,
}

impl Sink for CollectSink<'_> {
    fn event(&mut self, event: Event) -> Result<(), ImportError> {
        let c = &mut self.collect;
        match event {
            Event::Header(format, header) => match &mut c.header {
                Some((_, h)) => {
                    if header.licence.is_some() {
                        h.licence = header.licence;
                    }
                }
                None => c.header = Some((format.code().to_string(), header)),
            },
            Event::Batch(rows) => {
                for obs in rows {
                    self.regions.check(self.label, &obs)?;
                    if c.regions.len() < FIRST_REGIONS && c.seen.insert(obs.region_key.clone()) {
                        c.regions
                            .push((obs.region_key.clone(), obs.region_name.clone()));
                    }
                    for d in &obs.dims {
                        let attributes = c
                            .classifiers
                            .entry((d.classifier_code.clone(), d.classifier.clone()))
                            .or_default();
                        if attributes.len() < 1_000 {
                            attributes.insert(d.attribute.clone());
                        }
                    }
                    if c.rows.len() < FIRST_ROWS {
                        c.rows.push(obs);
                    }
                }
            }
        }
        Ok(())
    }
}

/// Reads `input` as the import would and sums it up; the inner error is
/// the file's first problem (the import would store nothing).
pub async fn preview(
    db: &Db,
    input: Input,
    label: &str,
) -> anyhow::Result<Result<Preview, ImportError>> {
    let geography = store::region_keys(db).await?;
    let probe = input.clone();
    let sha = tokio::task::spawn_blocking(move || probe.sha256()).await??;
    let name = label.to_string();
    let read = tokio::task::spawn_blocking(move || {
        let mut sink = CollectSink {
            collect: Collect::default(),
            label: &name,
            regions: RegionCheck::new(&geography),
        };
        let mut tally = Tally::default();
        input.read(&name, &mut sink, &mut tally)?;
        let historic: Vec<String> = sink.regions.historic.keys().cloned().collect();
        Ok::<_, ImportError>((sink.collect, tally.finish(), historic))
    })
    .await?;
    let (collect, summary, historic_regions) = match read {
        Ok(r) => r,
        Err(e) => return Ok(Err(e)),
    };
    let Some((format, header)) = collect.header else {
        return Ok(Err(ImportError::file(label, "the table has no data rows")));
    };
    if summary.observations == 0 {
        return Ok(Err(ImportError::file(label, "the table has no data rows")));
    }
    let imported_before = store::dataset_by_sha(db, &sha).await?.map(|d| Before {
        file_name: d.file_name,
        imported_at: d.imported_at,
        imported_by: d.imported_by,
    });
    let stored = observations::stored_periods(db, &header.table_code).await?;
    let replaces = if imported_before.is_some() {
        Vec::new()
    } else {
        summary
            .periods
            .iter()
            .filter(|p| stored.contains(*p))
            .cloned()
            .collect()
    };
    // A table of one's own names no regions: the geography does.
    let mut regions = collect.regions;
    let unnamed: Vec<String> = regions
        .iter()
        .filter(|(_, name)| name.is_empty())
        .map(|(key, _)| key.clone())
        .collect();
    let names = store::region_names(db, &unnamed).await?;
    for (key, name) in &mut regions {
        if let Some(official) = names.get(key.as_str()) {
            name.clone_from(official);
        }
    }
    let classifiers = collect
        .classifiers
        .into_iter()
        .map(|((code, name), attributes)| {
            let more = attributes.len().saturating_sub(FIRST_ATTRIBUTES);
            Classifier {
                code,
                name,
                attributes: attributes.into_iter().take(FIRST_ATTRIBUTES).collect(),
                more,
            }
        })
        .collect();
    Ok(Ok(Preview {
        format,
        table_code: header.table_code,
        title: header.title,
        source: header.source,
        licence: header.licence,
        summary,
        regions,
        classifiers,
        rows: collect.rows,
        historic_regions,
        imported_before,
        replaces,
    }))
}
