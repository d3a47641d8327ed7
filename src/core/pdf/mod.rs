//! The one Typst engine of ikon: PDF documents from a template under
//! `templates/pdf/` and data handed over as JSON.
//!
//! User text never becomes Typst markup: the data is a virtual file
//! `data.json` that the template reads with `json("data.json")`, so a title
//! like `#panic()` stays a title. Images (QR codes, the logo) are virtual
//! files too. Nothing is read from disk or the network at render time.

mod queue;
mod world;

use axum::{
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use serde::Serialize;

use crate::core::error::{AppError, AppResult};

use world::DocumentWorld;
pub use world::fonts_loaded;

/// The shared page set-up (fonts, language, header and footer) that every
/// template imports as `base.typ`.
const BASE: &str = include_str!("../../../templates/pdf/base.typ");

/// A document to render: a template, its data and any images it uses.
pub struct Document {
    template: &'static str,
    data: Vec<u8>,
    files: Vec<(String, Vec<u8>)>,
}

impl Document {
    /// `template` is the Typst source (an `include_str!` of a file under
    /// `templates/pdf/`); `data` becomes `data.json`.
    pub fn new(template: &'static str, data: &impl Serialize) -> AppResult<Self> {
        Ok(Self {
            template,
            data: serde_json::to_vec(data).map_err(AppError::internal)?,
            files: Vec::new(),
        })
    }

    /// Adds a virtual file, e.g. `qr/12.svg`.
    pub fn file(mut self, name: impl Into<String>, bytes: Vec<u8>) -> Self {
        self.files.push((name.into(), bytes));
        self
    }

    /// Compiles and exports the PDF on a blocking thread (Typst is
    /// CPU-bound) through the process's [`queue`]: kept by content, one
    /// render per core, `503` beyond a short queue. Diagnostics are logged
    /// and become a plain 500.
    pub async fn render(self) -> AppResult<Vec<u8>> {
        let key = self.key();
        let pdf = QUEUE.get_or_render(key, move || self.render_now()).await?;
        Ok(pdf.as_ref().clone())
    }

    /// Everything the PDF is made of, hashed.
    fn key(&self) -> queue::Key {
        use sha2::{Digest, Sha256};
        let mut hash = Sha256::new();
        // A template may print today's date.
        hash.update(chrono::Utc::now().date_naive().to_string());
        for part in [self.template.as_bytes(), &self.data] {
            hash.update((part.len() as u64).to_le_bytes());
            hash.update(part);
        }
        for (name, bytes) in &self.files {
            for part in [name.as_bytes(), bytes] {
                hash.update((part.len() as u64).to_le_bytes());
                hash.update(part);
            }
        }
        hash.finalize().into()
    }

    /// The same, on the calling thread.
    pub fn render_now(self) -> AppResult<Vec<u8>> {
        let world = DocumentWorld::new(self.template, BASE, self.data, self.files)
            .map_err(AppError::internal)?;
        let compiled = typst::compile::<typst_layout::PagedDocument>(&world);
        let document = compiled.output.map_err(|errors| {
            let text: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
            AppError::internal(format!("typst: {}", text.join("; ")))
        })?;
        let pdf =
            typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(|errors| {
                let text: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
                AppError::internal(format!("typst pdf: {}", text.join("; ")))
            })?;
        // Typst memoises layouts across compilations; documents differ every
        // time, so keep the cache small.
        typst::comemo::evict(5);
        Ok(pdf)
    }
}

/// The renders of this process: one per core, a queue of four per core,
/// and 64 MB of finished PDFs.
static QUEUE: std::sync::LazyLock<queue::Queue> = std::sync::LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    queue::Queue::new(cores, 4 * cores, 64 << 20)
});

/// How many PDFs this process has rendered (kept ones are not rendered
/// again), for tests and benchmarks.
pub fn renders() -> usize {
    QUEUE.renders()
}

/// A PDF as an HTTP response, shown in the browser with a download name.
pub fn response(pdf: Vec<u8>, file_name: &str) -> Response {
    let mut response = pdf.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    let safe: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if let Ok(value) = HeaderValue::from_str(&format!("inline; filename=\"{safe}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// A QR code for a URL as a compact SVG image: black on white with the
/// standard quiet zone, one rectangle per horizontal run of dark modules
/// (a guide prints hundreds of them, so fewer shapes render faster).
pub fn qr_svg(url: &str) -> AppResult<Vec<u8>> {
    use std::fmt::Write;
    let code = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M)
        .map_err(AppError::internal)?;
    let width = code.width();
    let colors = code.to_colors();
    let quiet = 4;
    let size = width + 2 * quiet;
    let mut path = String::new();
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] == qrcode::Color::Dark {
                let start = x;
                while x < width && row[x] == qrcode::Color::Dark {
                    x += 1;
                }
                let run = x - start;
                let _ = write!(path, "M{} {}h{run}v1h-{run}z", start + quiet, y + quiet);
            } else {
                x += 1;
            }
        }
    }
    Ok(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>"##
    )
    .into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: &str = r#"#import "base.typ": *
#let data = json("data.json")
#show: doc.with(title: data.title, network: data.network, lang: data.lang)
#data.body
"#;

    #[derive(Serialize)]
    struct Data<'a> {
        title: &'a str,
        network: &'a str,
        lang: &'a str,
        body: &'a str,
    }

    #[test]
    fn markup_in_data_stays_text() {
        let data = Data {
            title: "Test",
            network: "Netz",
            lang: "de",
            body: "#panic(\"boom\") *not bold* $x$",
        };
        let pdf = Document::new(PLAIN, &data).unwrap().render_now().unwrap();
        assert!(pdf.starts_with(b"%PDF"));
    }

    #[test]
    fn broken_templates_are_internal_errors() {
        let data = Data {
            title: "Test",
            network: "Netz",
            lang: "de",
            body: "",
        };
        let err = Document::new("#let x = (", &data)
            .unwrap()
            .render_now()
            .unwrap_err();
        assert_eq!(err.status, axum::http::StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[test]
    fn qr_codes_are_svg_with_merged_runs() {
        let svg = String::from_utf8(qr_svg("https://example.org/offers/1").unwrap()).unwrap();
        assert!(svg.starts_with("<svg"));
        // The finder pattern's top edge is one run of seven modules.
        assert!(svg.contains("M4 4h7v1h-7z"), "{svg}");
    }

    #[test]
    fn arabic_and_latin_fonts_are_loaded() {
        let families = fonts_loaded();
        assert!(families.iter().any(|f| f == "Noto Sans Arabic"));
        assert!(families.iter().any(|f| f == "Noto Sans"));
    }
}
