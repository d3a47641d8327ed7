//! The letter a concern goes out as: generated at submission from the
//! concern, on the network's letterhead (the network, its conference and
//! the address of the coordinating organisation), and kept like an agenda
//! attachment — under its SHA-256 in the data folder, with the SHA-512
//! that OParl publishes. Letters to German authorities are German.

use serde::Serialize;

use super::model::{Concern, StoredFile};
use crate::{
    conferences::{actions::model::format_day, files},
    coordination::registry::{self, Network},
    core::{error::AppError, error::AppResult, i18n::Lang, pdf::Document, web::App},
};

const LETTER: &str = include_str!("../../../templates/pdf/concern_letter.typ");

#[derive(Debug, Serialize)]
struct LetterData {
    network: String,
    conference: String,
    sender: Vec<String>,
    addressee: String,
    date: String,
    reference: String,
    subject: String,
    body: String,
    justification: String,
    supporters: Vec<String>,
    decision: String,
}

/// The decision a concern rests on, as one sentence of the letter.
async fn decision_text(app: &App, concern: &Concern) -> AppResult<String> {
    let Some(id) = concern.decision_id else {
        return Ok(String::new());
    };
    let Some(d) = registry::decision(&app.db, id).await? else {
        return Ok(String::new());
    };
    let day = d
        .meeting_starts_at
        .and_then(|at| chrono::DateTime::from_timestamp(at, 0))
        .map(|t| format!(" vom {}", t.format("%d.%m.%Y")))
        .unwrap_or_default();
    Ok(format!(
        "Beschluss der Sitzung „{}“{day}: {}",
        d.meeting_title,
        d.text.trim()
    ))
}

/// Renders the letter for a submission on `on` under `reference` and
/// keeps its bytes; returns the kept file.
pub async fn generate(
    app: &App,
    network: &Network,
    concern: &Concern,
    (on, reference): (&str, &str),
) -> AppResult<StoredFile> {
    let coordinating = registry::coordinator_organization(&app.db, registry::id(network)).await?;
    let sender: Vec<String> = coordinating
        .map(|o| {
            vec![
                format!("Geschäftsstelle: {}", o.name),
                o.street,
                format!("{} {}", o.postal_code, o.city).trim().to_string(),
                o.email,
                o.phone,
            ]
        })
        .unwrap_or_default()
        .into_iter()
        .filter(|line| !line.trim().is_empty())
        .collect();
    let data = LetterData {
        network: network.name.clone(),
        conference: format!("Integrationskonferenz {}", network.region_name)
            .trim()
            .to_string(),
        sender,
        addressee: Lang::De.t(&format!("conc-addressee-{}", concern.addressee)),
        date: format_day(on),
        reference: reference.to_string(),
        subject: concern.title.clone(),
        body: concern.body.clone(),
        justification: concern.justification.clone(),
        supporters: concern.supporters.iter().map(|s| s.name.clone()).collect(),
        decision: decision_text(app, concern).await?,
    };
    let pdf = Document::new(LETTER, &data)?.render().await?;
    let file = StoredFile {
        file_name: format!("anliegen-{}.pdf", concern.id),
        mime_type: "application/pdf".into(),
        size: pdf.len() as i64,
        sha256: files::sha256_hex(&pdf),
        sha512: files::sha512_hex(&pdf),
    };
    files::store(&app.config.data_dir, &file.sha256, &pdf)
        .await
        .map_err(AppError::internal)?;
    Ok(file)
}

/// The bytes of a kept file.
pub async fn read(app: &App, file: &StoredFile) -> AppResult<Vec<u8>> {
    tokio::fs::read(files::stored_path(&app.config.data_dir, &file.sha256))
        .await
        .map_err(AppError::internal)
}
