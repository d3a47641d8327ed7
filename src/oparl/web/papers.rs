//! The OParl routes of papers: a published concern, its answer, the
//! consultation that agreed it and both files. Unpublished concerns are
//! 404 like any non-public object.

use axum::{
    extract::{Path, State},
    response::Response,
};

use super::{by_object, respond};
use crate::{
    accounts::viewer::Viewer,
    core::web::App,
    oparl::{
        model::{self, Entry, Urls},
        store::{BodyData, PaperRow},
    },
};

/// The papers of a body: each concern, then its answer.
pub fn papers(urls: &Urls, d: &BodyData) -> Vec<Entry> {
    let mut out = Vec::new();
    for p in &d.papers {
        out.push(model::paper(urls, d, p));
        out.extend(model::answer_paper(urls, d, p));
    }
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

/// One handler per object of a paper, each found through the concern.
macro_rules! paper_object {
    ($name:ident, $build:expr) => {
        pub async fn $name(
            State(app): State<App>,
            viewer: Viewer,
            Path(raw): Path<String>,
        ) -> Response {
            let build: fn(&Urls, &BodyData, &PaperRow) -> Option<Entry> = $build;
            let result = by_object(&app, &raw, "paper", |urls, d, id| {
                build(urls, d, published(d, id)?)
            })
            .await;
            respond(&viewer, result)
        }
    };
}

paper_object!(paper, |urls, d, p| Some(model::paper(urls, d, p)));
paper_object!(answer, model::answer_paper);
paper_object!(consultation, |urls, d, p| Some(model::consultation(
    urls, d, p
)));
paper_object!(letter, model::letter);
paper_object!(answer_document, model::answer_document);
