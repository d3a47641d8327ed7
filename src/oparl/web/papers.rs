//! The OParl routes of papers: a published concern, its answer, the
//! consultation that agreed it and both files. Unpublished concerns are
//! 404 like any non-public object; papers a network stopped publishing
//! are tombstones.

use axum::{
    extract::{Path, State},
    response::Response,
};

use super::{by_object, respond, tombstones};
use crate::{
    accounts::viewer::Viewer,
    core::web::App,
    oparl::{
        model::{self, Entry, Urls},
        store::{BodyData, PaperRow},
    },
};

/// The ids of the published concerns for which `has` holds.
fn visible(d: &BodyData, has: impl Fn(&PaperRow) -> bool) -> Vec<i64> {
    d.papers.iter().filter(|p| has(p)).map(|p| p.id).collect()
}

/// The papers of a body: each concern, then its answer; then the papers
/// that are no longer published, as tombstones.
pub fn papers(urls: &Urls, d: &BodyData) -> Vec<Entry> {
    let mut out = Vec::new();
    for p in &d.papers {
        out.push(model::paper(urls, d, p));
        out.extend(model::answer_paper(urls, d, p));
    }
    out.extend(tombstones(urls, d, "paper", &visible(d, |_| true)));
    out.extend(tombstones(
        urls,
        d,
        "answer_paper",
        &visible(d, model::is_answered),
    ));
    out
}

/// The tombstones of papers' files that are no longer published.
pub fn file_tombstones(urls: &Urls, d: &BodyData) -> Vec<Entry> {
    let mut out = tombstones(
        urls,
        d,
        "paper_letter",
        &visible(d, |p| !p.letter_sha512.is_empty()),
    );
    out.extend(tombstones(
        urls,
        d,
        "answer_document",
        &visible(d, |p| model::is_answered(p) && !p.answer_sha512.is_empty()),
    ));
    out
}

/// The papers' files, for the body's file list.
pub fn files(urls: &Urls, d: &BodyData) -> Vec<Entry> {
    d.papers
        .iter()
        .flat_map(|p| {
            [
                model::letter(urls, d, p),
                model::answer_document(urls, d, p),
            ]
        })
        .flatten()
        .collect()
}

fn published(d: &BodyData, id: i64) -> Option<&PaperRow> {
    d.papers.iter().find(|p| p.id == id)
}

/// One handler per object of a paper, each found through the concern;
/// `$kind` names its tombstones.
macro_rules! paper_object {
    ($name:ident, $kind:literal, $build:expr) => {
        pub async fn $name(
            State(app): State<App>,
            viewer: Viewer,
            Path(raw): Path<String>,
        ) -> Response {
            let build: fn(&Urls, &BodyData, &PaperRow) -> Option<Entry> = $build;
            let result = by_object(&app, &raw, $kind, |urls, d, id| {
                build(urls, d, published(d, id)?)
            })
            .await;
            respond(&viewer, result)
        }
    };
}

paper_object!(paper, "paper", |urls, d, p| Some(model::paper(urls, d, p)));
paper_object!(answer, "answer_paper", model::answer_paper);
paper_object!(consultation, "consultation", |urls, d, p| Some(
    model::consultation(urls, d, p)
));
paper_object!(letter, "paper_letter", model::letter);
paper_object!(answer_document, "answer_document", model::answer_document);
