//! The index layout: which fields hold what, and how each is analysed.

use tantivy::{
    Index, IndexSettings,
    schema::{
        FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
        TextOptions,
    },
    tokenizer::{
        Language, LowerCaser, NgramTokenizer, RemoveLongFilter, SimpleTokenizer, Stemmer,
        TextAnalyzer,
    },
};

/// Bumped whenever the layout or analysis changes: an index of another
/// version is rebuilt at start.
pub const VERSION: u32 = 6;

/// Offer languages with a stemmer of their own; all others share the
/// `text_other` field with plain lower-case words.
pub const STEMMED: &[(&str, Language)] = &[
    ("de", Language::German),
    ("en", Language::English),
    ("ar", Language::Arabic),
    ("tr", Language::Turkish),
    ("ru", Language::Russian),
    ("fr", Language::French),
    ("es", Language::Spanish),
    ("it", Language::Italian),
    ("pt", Language::Portuguese),
    ("ro", Language::Romanian),
    ("el", Language::Greek),
    ("hu", Language::Hungarian),
    ("ta", Language::Tamil),
];

/// Analysis of the plain word fields: words, lower-cased, very long
/// tokens (pasted URLs, base64) dropped.
pub const SIMPLE: &str = "ikon_simple";
/// Trigrams of German words, so a part of a compound finds the whole.
pub const NGRAM: &str = "ikon_ngram";

/// Stored offers are compressed in blocks of this many bytes (tantivy's
/// default is 16 KiB). A page of results reads its offers from as many
/// blocks, each decompressed whole, so smaller blocks make a page cheaper;
/// the index grows by a few per cent.
const STORE_BLOCK_BYTES: usize = 4096;

/// The index's settings (see [`STORE_BLOCK_BYTES`]).
pub fn settings() -> IndexSettings {
    IndexSettings {
        docstore_blocksize: STORE_BLOCK_BYTES,
        ..IndexSettings::default()
    }
}

/// Whether an index on disk was made with these settings.
pub fn same_settings(index: &Index) -> bool {
    index.settings().docstore_blocksize == STORE_BLOCK_BYTES
}

/// How often the German title is indexed: a word of the title counts more
/// than one of the body. One field for both (instead of a title field
/// weighted higher) gives each German word one posting list to read, not
/// a union of two.
pub const TITLE_REPEATS: usize = 3;

pub fn stem_tokenizer(lang: &str) -> String {
    format!("ikon_stem_{lang}")
}

#[derive(Clone, Debug)]
pub struct Fields {
    pub id: Field,
    /// One stemmed text field per stemmed language. German holds the
    /// title ([`TITLE_REPEATS`] times) and the body: summary, description,
    /// provider and places.
    pub text: Vec<(&'static str, Field)>,
    pub text_other: Field,
    /// Every text in every language, unstemmed: exact words and typos.
    pub raw: Field,
    pub ngram: Field,
    pub field: Field,
    pub offer_type: Field,
    pub target_group: Field,
    pub language: Field,
    pub municipality: Field,
    /// Prefixes of the municipality key: Land, Regierungsbezirk, Kreis,
    /// municipality.
    pub region: Field,
    pub cost: Field,
    pub network: Field,
    /// The opening hours of every place (an offer is open when one of its
    /// places is).
    pub hours: Field,
    /// Every place's position as one value (see [`point`]), so latitude
    /// and longitude of a place stay paired in a multi-valued column.
    pub point: Field,
    /// The offer as the API shows it, with its translations (JSON).
    pub doc: Field,
}

fn text(tokenizer: &str, positions: bool) -> TextOptions {
    let option = if positions {
        IndexRecordOption::WithFreqsAndPositions
    } else {
        IndexRecordOption::WithFreqs
    };
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(option),
    )
}

pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let id = b.add_u64_field("id", INDEXED | FAST | STORED);
    let text_fields = STEMMED
        .iter()
        .map(|(lang, _)| {
            let f = b.add_text_field(&format!("text_{lang}"), text(&stem_tokenizer(lang), false));
            (*lang, f)
        })
        .collect();
    let text_other = b.add_text_field("text_other", text(SIMPLE, false));
    let raw = b.add_text_field("raw", text(SIMPLE, false));
    let ngram = b.add_text_field("ngram", text(NGRAM, false));
    let keyword = STRING | FAST;
    let fields = Fields {
        id,
        text: text_fields,
        text_other,
        raw,
        ngram,
        field: b.add_text_field("field", keyword.clone()),
        offer_type: b.add_text_field("offer_type", keyword.clone()),
        target_group: b.add_text_field("target_group", keyword.clone()),
        language: b.add_text_field("language", keyword.clone()),
        municipality: b.add_text_field("municipality", keyword.clone()),
        region: b.add_text_field("region", STRING),
        cost: b.add_text_field("cost", keyword.clone()),
        network: b.add_u64_field("network", INDEXED | FAST),
        hours: b.add_text_field("hours", keyword),
        point: b.add_u64_field("point", FAST),
        doc: b.add_text_field("doc", STORED),
    };
    (b.build(), fields)
}

/// A position as one number: latitude and longitude each scaled to 32
/// bits (about a centimetre), latitude in the high half.
pub fn point((lat, lon): (f64, f64)) -> u64 {
    let scale = |v: f64, lo: f64, span: f64| {
        (((v - lo) / span).clamp(0.0, 1.0) * f64::from(u32::MAX)).round() as u64
    };
    (scale(lat, -90.0, 180.0) << 32) | scale(lon, -180.0, 360.0)
}

/// The position a [`point`] stands for.
pub fn position(point: u64) -> (f64, f64) {
    let unscale = |v: u64, lo: f64, span: f64| lo + (v as f64) / f64::from(u32::MAX) * span;
    (
        unscale(point >> 32, -90.0, 180.0),
        unscale(point & 0xffff_ffff, -180.0, 360.0),
    )
}

pub fn register_tokenizers(index: &Index) {
    let manager = index.tokenizers();
    for (lang, language) in STEMMED {
        manager.register(
            &stem_tokenizer(lang),
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(40))
                .filter(LowerCaser)
                .filter(Stemmer::new(*language))
                .build(),
        );
    }
    manager.register(
        SIMPLE,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .build(),
    );
    manager.register(
        NGRAM,
        TextAnalyzer::builder(NgramTokenizer::new(3, 3, false).expect("valid n-gram sizes"))
            .filter(LowerCaser)
            .build(),
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_point_keeps_its_position() {
        for at in [(49.5797, 10.6114), (47.27, 5.87), (-33.9, 151.2)] {
            let (lat, lon) = super::position(super::point(at));
            assert!(
                (lat - at.0).abs() < 1e-6 && (lon - at.1).abs() < 1e-6,
                "{at:?}"
            );
        }
    }
}
