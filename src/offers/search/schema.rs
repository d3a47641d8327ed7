//! The index layout: which fields hold what, and how each is analysed.

use tantivy::{
    Index,
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
pub const VERSION: u32 = 3;

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

pub fn stem_tokenizer(lang: &str) -> String {
    format!("ikon_stem_{lang}")
}

#[derive(Clone, Debug)]
pub struct Fields {
    pub id: Field,
    /// German title (stemmed), weighted higher than the body.
    pub title_de: Field,
    /// One stemmed text field per stemmed language (German: the body, i.e.
    /// summary, description, provider and place).
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
    pub hours: Field,
    pub lat: Field,
    pub lon: Field,
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
    let title_de = b.add_text_field("title_de", text(&stem_tokenizer("de"), false));
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
        title_de,
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
        lat: b.add_f64_field("lat", FAST),
        lon: b.add_f64_field("lon", FAST),
        doc: b.add_text_field("doc", STORED),
    };
    (b.build(), fields)
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
