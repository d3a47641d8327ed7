//! The report as a PDF through Typst (`templates/pdf/situation_report.typ`),
//! in German: cover with title, network, day and introduction, contents,
//! one section per chosen indicator with its chart (the page's SVG),
//! table, definition, sources and commentary. Anonymous readers get the
//! published report with the protected figures; before publication it is
//! for the network's readers only.

use axum::{
    extract::{Path, State},
    response::Response,
};
use pulldown_cmark::{Event, Parser, TagEnd};
use serde::Serialize;

use super::{store, view, web::internal_reader};
use crate::{
    accounts::viewer::Viewer,
    core::{error::AppResult, i18n::Lang, ids::NetworkId, pdf::Document, web::App},
    monitoring::web::Panel,
    network::{context::load_network, model::Network},
};

const TEMPLATE: &str = include_str!("../../../templates/pdf/situation_report.typ");

/// Documents are German.
const LANG: Lang = Lang::De;

#[derive(Serialize)]
struct Section {
    code: &'static str,
    /// `charts/{code}.svg` is there.
    has_chart: bool,
    panel: Panel,
    /// The commentary as plain paragraphs.
    commentary: Vec<String>,
    commentary_by: String,
}

#[derive(Serialize)]
struct Data {
    lang: &'static str,
    network: String,
    region: String,
    title: String,
    introduction: Vec<String>,
    day: String,
    published: bool,
    labels: serde_json::Value,
    sections: Vec<Section>,
}

/// Markdown as plain paragraphs: the PDF prints text, never markup.
pub fn paragraphs(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => {
                if !current.trim().is_empty() {
                    out.push(current.trim().to_string());
                }
                current.clear();
            }
            _ => {}
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

fn labels() -> serde_json::Value {
    let t = |id: &str| LANG.t(id);
    serde_json::json!({
        "page": t("resp-pdf-page"),
        "contents": t("report-contents"),
        "introduction": t("report-introduction"),
        "definition": t("report-definition"),
        "source": t("report-source"),
        "reference_date": t("report-reference-date"),
        "licence": t("report-licence"),
        "period": t("report-period"),
        "category": t("report-category"),
        "value": t("report-value"),
        "numerator": t("report-numerator"),
        "denominator": t("report-denominator"),
        "mark": t("report-mark"),
        "commentary": t("report-commentary"),
        "as_of": t("report-as-of"),
        "no_data": t("report-no-data"),
        "marks": t("report-marks"),
        "marks_legend": t("report-marks-legend"),
    })
}

/// Renders the report of `network` (protected for anonymous readers).
async fn render(app: &App, network: &Network, public: bool) -> AppResult<Vec<u8>> {
    let network_id = NetworkId(network.id);
    let report = store::report(app.db.pool(), network_id).await?;
    let codes = view::codes(report.as_ref());
    let figures = view::figures(app, network, &codes, public).await?;
    let commentaries = store::commentaries(app.db.pool(), network_id).await?;
    let mut files = Vec::new();
    let mut sections = Vec::new();
    for f in &figures {
        let mut panel = crate::monitoring::web::panel(f.indicator, &f.points, LANG);
        let has_chart = !panel.chart.is_empty();
        if has_chart {
            // Typst sizes the image itself; the page's SVG fills its box.
            let svg = panel.chart.replacen("width=\"100%\"", "width=\"640\"", 1);
            files.push((format!("charts/{}.svg", f.indicator.code), svg.into_bytes()));
        }
        panel.chart = String::new();
        let commentary = commentaries
            .iter()
            .find(|c| c.indicator == f.indicator.code);
        sections.push(Section {
            code: f.indicator.code,
            has_chart,
            panel,
            commentary: commentary.map(|c| paragraphs(&c.body)).unwrap_or_default(),
            commentary_by: commentary
                .map(|c| format!("{}, {}", c.author_name, view::day(c.updated_at, LANG)))
                .unwrap_or_default(),
        });
    }
    let data = Data {
        lang: LANG.code(),
        network: network.name.clone(),
        region: network.region_name.clone(),
        title: report
            .as_ref()
            .map_or_else(|| LANG.t("report-default-title"), |r| r.title.clone()),
        introduction: report
            .as_ref()
            .map(|r| paragraphs(&r.introduction))
            .unwrap_or_default(),
        day: view::day(crate::core::store::now(), LANG),
        published: report.as_ref().is_some_and(|r| r.is_published()),
        labels: labels(),
        sections,
    };
    let mut document = Document::new(TEMPLATE, &data)?;
    for (name, bytes) in files {
        document = document.file(name, bytes);
    }
    document.render().await
}

/// `GET /networks/{network_id}/situation-report.pdf`
pub async fn download(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    let internal = internal_reader(&app, &viewer, &network).await?;
    let bytes = render(&app, &network, !internal).await?;
    let name = format!("situationsbericht-{}.pdf", network.region_key);
    Ok(crate::core::pdf::response(bytes, &name))
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn markdown_becomes_plain_paragraphs() {
        assert_eq!(
            paragraphs("Der Anteil **steigt**\nseit 2015.\n\n- erstens\n- `zweitens`\n\n#panic()"),
            [
                "Der Anteil steigt seit 2015.",
                "erstens",
                "zweitens",
                "#panic()"
            ]
        );
    }
}
