//! Reading the tables the statistical offices publish, in one code path:
//! the format is recognised from the first bytes (GENESIS classic table
//! CSV, flat-file CSV in the current English or the older German layout,
//! or a ZIP holding one of them), the text encoding per cell (UTF-8 or
//! ISO-8859-1), line endings either way. Files are read as a stream: the
//! readers hand observations on in batches and never hold the file.
//!
//! A reader stops at the first problem with an [`ImportError`] naming the
//! file, line and column; the caller then imports nothing. A later
//! fetcher for the offices' REST API hands its downloads to [`read`] too.

pub mod classic;
pub mod flat;
pub mod generic;
pub mod grid;
pub mod text;
pub mod values;
pub mod zip;

use std::{
    collections::BTreeMap,
    fmt,
    fs::File,
    io::{BufRead, BufReader, Read},
    path::Path,
};

use serde::Serialize;

/// Observations handed on at once.
pub const BATCH: usize = 2_000;

/// The formats ikon reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// GENESIS classic table CSV ("GENESIS-Tabelle").
    Classic,
    /// Flat-file CSV, current layout (English column names).
    Flat,
    /// Flat-file CSV, older layout (German column names, one column per measure).
    FlatWide,
    /// A table of one's own (CSV or spreadsheet) read through a mapping.
    Generic,
}

impl Format {
    pub fn code(self) -> &'static str {
        match self {
            Format::Classic => "classic",
            Format::Flat => "flat",
            Format::FlatWide => "flat_wide",
            Format::Generic => "generic",
        }
    }
}

/// One classifier attribute of a cell, e.g. Geschlecht = weiblich.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Dim {
    pub classifier_code: String,
    pub classifier: String,
    pub attribute_code: String,
    pub attribute: String,
}

/// One cell of a table as read.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Obs {
    pub region_key: String,
    pub region_name: String,
    pub period: String,
    pub measure: String,
    pub unit: String,
    pub dims: Vec<Dim>,
    pub value: Option<f64>,
    pub mark: Option<String>,
    /// Where the cell was read, for messages about its region.
    pub line: u64,
    pub region_column: usize,
}

/// A measure of a table: its code (the name where the format has none),
/// name and unit.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
pub struct Measure {
    pub code: String,
    pub name: String,
    pub unit: String,
}

/// What a table says about itself, known once its header is read.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Header {
    pub table_code: String,
    pub title: String,
    pub licence: Option<String>,
    /// Who published the table, when the file says (a table of one's own);
    /// otherwise it follows from the table code.
    pub source: Option<String>,
}

/// What the reader hands on.
pub enum Event {
    Header(Format, Header),
    Batch(Vec<Obs>),
}

/// A problem in a file, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub file: String,
    pub line: Option<u64>,
    pub column: Option<usize>,
    pub message: String,
}

impl ImportError {
    pub fn at(file: &str, line: u64, column: Option<usize>, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            line: Some(line),
            column,
            message: message.into(),
        }
    }

    pub fn file(file: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let Some(column) = self.column {
            write!(f, ", column {column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ImportError {}

/// Running totals of a read: measures, periods, regions and marks.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    pub observations: u64,
    pub measures: Vec<Measure>,
    pub periods: Vec<String>,
    pub regions: u64,
    pub marks: BTreeMap<String, u64>,
}

/// Collects what the summary needs while observations pass by.
#[derive(Default)]
pub struct Tally {
    observations: u64,
    measures: std::collections::BTreeSet<Measure>,
    periods: std::collections::BTreeSet<String>,
    regions: std::collections::HashSet<String>,
    marks: BTreeMap<String, u64>,
}

impl Tally {
    pub fn add(&mut self, obs: &Obs, measure_name: &str) {
        self.observations += 1;
        if !self.periods.contains(&obs.period) {
            self.periods.insert(obs.period.clone());
        }
        if !self.regions.contains(&obs.region_key) {
            self.regions.insert(obs.region_key.clone());
        }
        let measure = Measure {
            code: obs.measure.clone(),
            name: measure_name.to_string(),
            unit: obs.unit.clone(),
        };
        if !self.measures.contains(&measure) {
            self.measures.insert(measure);
        }
        if let Some(mark) = &obs.mark {
            *self.marks.entry(mark.clone()).or_default() += 1;
        }
    }

    pub fn periods(&self) -> &std::collections::BTreeSet<String> {
        &self.periods
    }

    pub fn finish(self) -> Summary {
        Summary {
            observations: self.observations,
            measures: self.measures.into_iter().collect(),
            periods: self.periods.into_iter().collect(),
            regions: self.regions.len() as u64,
            marks: self.marks,
        }
    }
}

/// The receiver of a read: every event, in order. An error from it stops
/// the read.
pub trait Sink {
    fn event(&mut self, event: Event) -> Result<(), ImportError>;
}

/// Reads the file at `path` (any supported format, a ZIP included) into
/// `sink`; `name` is how messages call the file.
pub fn read(
    path: &Path,
    name: &str,
    sink: &mut dyn Sink,
    tally: &mut Tally,
) -> Result<(), ImportError> {
    let mut file =
        File::open(path).map_err(|e| ImportError::file(name, format!("cannot open: {e}")))?;
    let mut magic = [0u8; 4];
    let n =
        read_up_to(&mut file, &mut magic).map_err(|e| ImportError::file(name, e.to_string()))?;
    drop(file);
    if n == 4 && magic == *b"PK\x03\x04" {
        let (inner_name, stream) = zip::open_csv(path, name)?;
        let label = format!("{name}/{inner_name}");
        return read_stream(stream, &label, &inner_name, sink, tally);
    }
    let file =
        File::open(path).map_err(|e| ImportError::file(name, format!("cannot open: {e}")))?;
    read_stream(Box::new(file), name, name, sink, tally)
}

/// Whether the file is in one of the offices' formats (or a ZIP of one),
/// as opposed to a table of one's own that needs a mapping.
pub fn is_official(path: &Path) -> bool {
    if grid::is_spreadsheet(path) {
        return false;
    }
    let Ok(mut file) = File::open(path) else {
        return false;
    };
    let mut head = [0u8; 32];
    let Ok(n) = read_up_to(&mut file, &mut head) else {
        return false;
    };
    let head = &head[..n];
    let start = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    head.starts_with(b"PK\x03\x04")
        || start.starts_with(b"GENESIS-Tabelle")
        || start.starts_with(b"statistics_code;")
        || start.starts_with(b"Statistik_Code;")
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match r.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// Recognises the format of a CSV stream and reads it. `file_name` is the
/// name of the CSV itself (flat files carry their table code only there).
pub fn read_stream(
    stream: Box<dyn Read + Send>,
    label: &str,
    file_name: &str,
    sink: &mut dyn Sink,
    tally: &mut Tally,
) -> Result<(), ImportError> {
    let (counting, lines) = text::counting(stream);
    let mut reader = BufReader::with_capacity(64 * 1024, counting);
    let head = reader
        .fill_buf()
        .map_err(|e| ImportError::file(label, format!("cannot read: {e}")))?;
    if head.is_empty() {
        return Err(ImportError::file(label, "the file is empty"));
    }
    text::check_encoding(head).map_err(|m| ImportError::at(label, 1, None, m))?;
    let start = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let format = if start.starts_with(b"GENESIS-Tabelle") {
        Format::Classic
    } else if start.starts_with(b"statistics_code;") {
        Format::Flat
    } else if start.starts_with(b"Statistik_Code;") {
        Format::FlatWide
    } else {
        return Err(ImportError::at(
            label,
            1,
            None,
            "not a statistics table: expected a GENESIS table (\"GENESIS-Tabelle: …\"), a flat-file CSV (\"statistics_code;…\" or \"Statistik_Code;…\") or a ZIP holding one",
        ));
    };
    let records = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);
    match format {
        Format::Classic => classic::read(records, &lines, label, sink, tally),
        Format::Flat | Format::FlatWide => {
            flat::read(records, &lines, format, label, file_name, sink, tally)
        }
        Format::Generic => unreachable!("a mapped table is read by `generic`"),
    }
}

/// The table code in a download's file name (`12411-01-01-4_…csv`), if the
/// name starts with one that belongs to `statistic`.
pub fn table_code_from_file_name(file_name: &str, statistic: &str) -> Option<String> {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = base.split(['_', '.']).next().unwrap_or_default();
    let plausible = stem.starts_with(statistic)
        && stem.contains('-')
        && stem.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    plausible.then(|| stem.to_string())
}
