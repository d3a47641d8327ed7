//! `ikon statistics import FILE…`: the same import as the web page, one
//! line per file, a non-zero exit when any file had a problem (that file
//! imports nothing; the others are imported). With `--region-column` the
//! files are tables of one's own, read through the mapping the options
//! give (as the import page's mapping form does).

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{
    import::generic::Mapping,
    service::import::{Input, Report, import_input},
    web_mapping::MappingInput,
};
use crate::core::{audit::Actor, i18n::Lang, store::Db};

#[derive(Subcommand)]
pub enum StatisticsCommand {
    /// Import GENESIS tables (classic CSV, flat-file CSV, or a ZIP of one),
    /// or tables of one's own with a mapping (CSV, XLSX, XLS, ODS).
    Import {
        /// The files, each imported all-or-nothing.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        mapping: MappingArgs,
    },
}

/// The mapping of a table of one's own; columns count from 1 (A = 1).
#[derive(Args, Default)]
pub struct MappingArgs {
    /// The column with the region key (AGS): reads the files as tables of
    /// one's own.
    #[arg(long)]
    region_column: Option<usize>,
    /// The row with the column headers.
    #[arg(long, default_value_t = 1)]
    header_row: u64,
    /// The column with the period.
    #[arg(long)]
    period_column: Option<usize>,
    /// One period for every row: a year (2023) or a day (31.12.2023).
    #[arg(long)]
    period: Option<String>,
    /// A value column: `COLUMN=measure:unit`, e.g. `4=Ausländer:Personen`
    /// (up to three).
    #[arg(long = "value")]
    values: Vec<String>,
    #[arg(long)]
    table_code: Option<String>,
    #[arg(long)]
    title: Option<String>,
    #[arg(long)]
    source: Option<String>,
    #[arg(long, default_value = "")]
    licence: String,
    /// The spreadsheet's sheet (the first when not given).
    #[arg(long)]
    sheet: Option<String>,
}

impl MappingArgs {
    /// The mapping, when `--region-column` asks for one; the messages of
    /// what is wrong otherwise.
    fn mapping(&self) -> anyhow::Result<Option<Mapping>> {
        let Some(region) = self.region_column else {
            return Ok(None);
        };
        let mut input = MappingInput {
            sheet: self.sheet.clone().unwrap_or_default(),
            header_row: self.header_row.to_string(),
            region_column: region.to_string(),
            period_column: self
                .period_column
                .map(|c| c.to_string())
                .unwrap_or_default(),
            period: self.period.clone().unwrap_or_default(),
            table_code: self.table_code.clone().unwrap_or_default(),
            title: self.title.clone().unwrap_or_default(),
            source: self.source.clone().unwrap_or_default(),
            licence: self.licence.clone(),
            ..MappingInput::default()
        };
        let slots = [
            (
                &mut input.value1_column,
                &mut input.value1_measure,
                &mut input.value1_unit,
            ),
            (
                &mut input.value2_column,
                &mut input.value2_measure,
                &mut input.value2_unit,
            ),
            (
                &mut input.value3_column,
                &mut input.value3_measure,
                &mut input.value3_unit,
            ),
        ];
        if self.values.len() > slots.len() {
            anyhow::bail!("at most {} --value options", slots.len());
        }
        for (slot, value) in slots.into_iter().zip(&self.values) {
            let (column, rest) = value.split_once('=').ok_or_else(|| {
                anyhow::anyhow!("--value {value:?}: expected COLUMN=measure:unit")
            })?;
            let (measure, unit) = rest.split_once(':').ok_or_else(|| {
                anyhow::anyhow!("--value {value:?}: expected COLUMN=measure:unit")
            })?;
            *slot.0 = column.trim().to_string();
            *slot.1 = measure.to_string();
            *slot.2 = unit.to_string();
        }
        // The columns are checked against the file when it is read.
        input.validate(usize::MAX / 2).map(Some).map_err(|errors| {
            let text: Vec<String> = errors
                .iter()
                .map(|(field, msg)| format!("--{}: {}", field.replace('_', "-"), Lang::En.msg(msg)))
                .collect();
            anyhow::anyhow!("the mapping is incomplete: {}", text.join("; "))
        })
    }
}

/// One line about an imported file.
pub fn report_line(r: &Report) -> String {
    if r.unchanged {
        return format!(
            "{}: unchanged — {} {} was imported before ({} observations)",
            r.file, r.format, r.table_code, r.observations
        );
    }
    let marks = if r.marks.is_empty() {
        "none".to_string()
    } else {
        r.marks
            .iter()
            .map(|(m, n)| format!("{m:?}×{n}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut line = format!(
        "{}: {} {} — {} observations, {} periods, {} regions, marks: {marks}",
        r.file,
        r.format,
        r.table_code,
        r.observations,
        r.periods.len(),
        r.regions
    );
    if r.replaced > 0 {
        line.push_str(&format!(", replaced {} earlier observations", r.replaced));
    }
    if !r.historic_regions.is_empty() {
        line.push_str(&format!(
            ", kept historic region keys: {}",
            r.historic_regions.join(" ")
        ));
    }
    line
}

impl StatisticsCommand {
    pub async fn run(self, db: &Db) -> anyhow::Result<()> {
        match self {
            StatisticsCommand::Import { files, mapping } => {
                let mapping = mapping.mapping()?;
                let mut failed = 0;
                for path in &files {
                    let name = path.display().to_string();
                    let input = match &mapping {
                        Some(m) => Input::Mapped(path.clone(), m.clone()),
                        None => Input::File(path.clone()),
                    };
                    match import_input(db, input, &name, Actor::System("cli")).await? {
                        Ok(report) => println!("{}", report_line(&report)),
                        Err(e) => {
                            failed += 1;
                            eprintln!("{e} — nothing imported from this file");
                        }
                    }
                }
                if failed > 0 {
                    anyhow::bail!("{failed} of {} files not imported", files.len());
                }
                Ok(())
            }
        }
    }
}
