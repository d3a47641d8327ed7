//! Posts of a network's bulletin: their five types with the code lists of
//! each type's fields, the moderation workflow, and the pure rules (what
//! counts as current, what the search matches). `input` holds what the
//! forms send, with its one `validate`; `views` what pages, the JSON API
//! and the feeds show.

pub mod files;
pub mod input;
pub mod views;

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::core::ids::{NetworkId, PostId};

pub use input::{Check, PostInput, SettingsInput, SubscriptionInput};
pub use views::{Feed, PostPage, PostView};

/// The five types of post.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = PostType)]
pub enum Kind {
    /// A new regulation or legal change of an authority.
    Regulation,
    /// A funding programme's call for applications.
    FundingCall,
    /// An event (Tag der Begegnung, an integration forum, …).
    Event,
    /// An example of good practice.
    GoodPractice,
    /// News.
    News,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Regulation,
        Kind::FundingCall,
        Kind::Event,
        Kind::GoodPractice,
        Kind::News,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Regulation => "regulation",
            Kind::FundingCall => "funding_call",
            Kind::Event => "event",
            Kind::GoodPractice => "good_practice",
            Kind::News => "news",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code.trim())
    }
}

/// Who may read a post: everybody (feeds, the public bulletin) or only
/// those who may read the network.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = PostAudience)]
pub enum Audience {
    Public,
    Network,
}

impl Audience {
    pub const ALL: [Audience; 2] = [Audience::Public, Audience::Network];

    pub fn code(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::Network => "network",
        }
    }

    pub fn parse(code: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.code() == code.trim())
    }
}

/// Where a post stands: waiting for the coordinator's review, live, or
/// archived (by the coordinator, or because its funding deadline, its
/// event or its expiry date has passed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = PostStatus)]
pub enum Status {
    Review,
    Published,
    Archived,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Review, Status::Published, Status::Archived];

    pub fn code(self) -> &'static str {
        match self {
            Status::Review => "review",
            Status::Published => "published",
            Status::Archived => "archived",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code.trim())
    }
}

/// Issuing authorities of a regulation.
pub const AUTHORITIES: &[&str] = &[
    "county_office",
    "immigration_authority",
    "employment_agency",
    "job_centre",
    "bamf",
    "land_ministry",
    "federal_government",
    "eu",
];

/// Levels of a funder.
pub const FUNDER_LEVELS: &[&str] = &["eu", "bund", "land", "kommune", "foundation"];

/// Types of funding (Förderart, as the Förderdatenbank of the federal
/// government names them).
pub const FUNDING_TYPES: &[&str] = &["zuschuss", "darlehen", "buergschaft", "sonstige"];

/// Areas of funding (the Förderdatenbank's Förderbereiche that concern
/// integration work).
pub const FUNDING_AREAS: &[&str] = &[
    "arbeit",
    "aus_weiterbildung",
    "beratung",
    "digitalisierung",
    "existenzgruendung",
    "frauenfoerderung",
    "gesundheit_soziales",
    "infrastruktur",
    "kultur_medien_sport",
    "regionalfoerderung",
    "staedtebau",
    "wohnungsbau",
];

/// Who may apply (the Förderdatenbank's Förderberechtigte).
pub const APPLICANTS: &[&str] = &[
    "kommune",
    "verband",
    "bildungseinrichtung",
    "oeffentliche_einrichtung",
    "unternehmen",
    "forschungseinrichtung",
    "hochschule",
    "privatperson",
];

/// How a funding call's deadline works.
pub const DEADLINE_TYPES: &[&str] = &["fixed", "rolling", "rounds"];

/// How one registers for an event.
pub const REGISTRATIONS: &[&str] = &["none", "link", "ikon"];

/// The tags of a post: the offers' fields of integration and target
/// groups, with the message id of each one's name.
pub fn tags() -> Vec<(&'static str, String)> {
    let mut all: Vec<(&'static str, String)> = crate::offers::model::FIELDS
        .iter()
        .map(|f| (*f, format!("offer-field-{f}")))
        .collect();
    for g in crate::offers::model::TARGET_GROUPS {
        if !all.iter().any(|(code, _)| code == g) {
            all.push((g, format!("offer-group-{g}")));
        }
    }
    all
}

pub fn is_tag(code: &str) -> bool {
    tags().iter().any(|(c, _)| *c == code)
}

/// The type-specific fields of a post; those a type does not have stay
/// empty (and are left out of JSON).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
#[schema(as = PostDetails)]
pub struct Details {
    // regulation
    #[serde(skip_serializing_if = "String::is_empty")]
    pub authority: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub legal_reference: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub effective_on: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub affected: String,
    /// The regulation's text or the funding programme's page.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub link: String,
    // funding call
    #[serde(skip_serializing_if = "String::is_empty")]
    pub funder: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub funder_level: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub programme: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub funding_type: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub funding_areas: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub applicants: Vec<String>,
    /// Euros.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount_min: Option<i64>,
    /// Euros.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount_max: Option<i64>,
    /// fixed, rolling or rounds.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub deadline_type: String,
    // event
    #[serde(skip_serializing_if = "String::is_empty")]
    pub place: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub online_url: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub organiser: String,
    /// none, link or ikon (registration in ikon, with a limit and a
    /// waiting list).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub registration: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub registration_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registration_limit: Option<i64>,
    // good practice
    #[serde(skip_serializing_if = "String::is_empty")]
    pub problem: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub approach: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub results: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub contact: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub related: String,
}

/// What the post form sets.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PostRecord {
    pub kind: Kind,
    pub audience: Audience,
    pub title: String,
    /// Markdown: the summary of a regulation, the text of news, …
    pub body: String,
    pub tags: Vec<String>,
    /// After this day (YYYY-MM-DD) the post moves to the archive.
    pub expires_on: Option<String>,
    /// Event start and end (UNIX seconds).
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
    /// A funding call's (next) deadline, YYYY-MM-DD.
    pub deadline_on: Option<String>,
    pub details: Details,
}

#[derive(Clone, Debug, Serialize)]
pub struct Post {
    pub id: PostId,
    pub network_id: NetworkId,
    pub status: Status,
    pub pinned: bool,
    #[serde(flatten)]
    pub record: PostRecord,
    pub author_id: Option<i64>,
    pub author_name: String,
    /// Ties together the copies of a supervisor's post in every network
    /// of her region.
    pub group_key: Option<String>,
    pub published_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Post {
    /// Whether the post's time is over: its funding deadline or expiry
    /// date passed, or its event ended.
    pub fn is_over(&self, today: NaiveDate, now: i64) -> bool {
        is_over(&self.record, today, now)
    }

    /// Whether the post is live and current.
    pub fn is_current(&self, today: NaiveDate, now: i64) -> bool {
        self.status == Status::Published && !self.is_over(today, now)
    }
}

pub fn is_over(r: &PostRecord, today: NaiveDate, now: i64) -> bool {
    let day = |d: &Option<String>| d.as_deref().and_then(parse_day);
    day(&r.expires_on).is_some_and(|d| d < today)
        || (r.kind == Kind::FundingCall && day(&r.deadline_on).is_some_and(|d| d < today))
        || (r.kind == Kind::Event && r.ends_at.or(r.starts_at).is_some_and(|end| end < now))
}

/// A `YYYY-MM-DD` date.
pub fn parse_day(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    (value.len() == 10)
        .then(|| NaiveDate::parse_from_str(value, "%Y-%m-%d").ok())
        .flatten()
}

/// Today in German local time.
pub fn today() -> NaiveDate {
    Utc::now().with_timezone(&Berlin).date_naive()
}

pub fn iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// A `<input type="datetime-local">` value in German local time.
pub fn parse_local(value: &str) -> Option<i64> {
    let value = value.trim();
    let naive = NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    Berlin
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.timestamp())
}

/// The `datetime-local` value of a time, in German local time.
pub fn format_local(ts: i64) -> String {
    berlin(ts)
        .map(|t| t.format("%Y-%m-%dT%H:%M").to_string())
        .unwrap_or_default()
}

pub fn berlin(ts: i64) -> Option<DateTime<chrono_tz::Tz>> {
    DateTime::<Utc>::from_timestamp(ts, 0).map(|t| t.with_timezone(&Berlin))
}

/// RFC 3339 with the offset of German local time, e.g.
/// `2026-05-12T10:00:00+02:00` (Atom, JSON Feed).
pub fn rfc3339(ts: i64) -> String {
    berlin(ts)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false))
        .unwrap_or_default()
}

/// The words of a text as the full-text filter matches them: lower-cased,
/// split at everything that is not a letter or digit, and stemmed as
/// German (the Snowball stemmer the offer search uses; umlauts folded).
pub fn stems(text: &str) -> Vec<String> {
    use tantivy::tokenizer::{
        Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    };
    let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::German))
        .build();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let word = fold(&stream.token().text);
        if !out.contains(&word) {
            out.push(word);
        }
    }
    out
}

/// Umlauts the stemmer left (it folds them only in some positions).
fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'ä' => out.push('a'),
            'ö' => out.push('o'),
            'ü' => out.push('u'),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    out
}

/// The text the full-text filter searches, `" stem stem … "`.
pub fn search_text(r: &PostRecord) -> String {
    let d = &r.details;
    let parts = [
        r.title.as_str(),
        &r.body,
        &d.legal_reference,
        &d.affected,
        &d.funder,
        &d.programme,
        &d.place,
        &d.organiser,
        &d.problem,
        &d.approach,
        &d.results,
        &d.contact,
        &d.related,
    ];
    let mut words = Vec::new();
    for part in parts {
        for w in stems(part) {
            if !words.contains(&w) {
                words.push(w);
            }
        }
    }
    format!(" {} ", words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_stemmed_as_german() {
        assert_eq!(stems("Förderungen"), stems("Förderung"));
        // The filter matches stems as word beginnings.
        assert!(stems("Sprachkurse")[0].starts_with(&stems("Sprachkurs")[0]));
        assert!(stems("Ausländerbehörde")[0].starts_with("auslanderbehord"));
    }

    #[test]
    fn times_are_german_local_time() {
        let ts = parse_local("2026-05-12T10:00").unwrap();
        assert_eq!(rfc3339(ts), "2026-05-12T10:00:00+02:00");
        assert_eq!(format_local(ts), "2026-05-12T10:00");
        let winter = parse_local("2026-12-01T09:30").unwrap();
        assert_eq!(rfc3339(winter), "2026-12-01T09:30:00+01:00");
    }

    #[test]
    fn funding_calls_and_events_end() {
        let today = parse_day("2026-06-01").unwrap();
        let now = parse_local("2026-06-01T12:00").unwrap();
        let mut r = PostRecord {
            kind: Kind::FundingCall,
            audience: Audience::Public,
            title: "x".into(),
            body: String::new(),
            tags: vec![],
            expires_on: None,
            starts_at: None,
            ends_at: None,
            deadline_on: Some("2026-05-31".into()),
            details: Details::default(),
        };
        assert!(is_over(&r, today, now));
        r.deadline_on = Some("2026-06-01".into());
        assert!(!is_over(&r, today, now));
        r.kind = Kind::Event;
        r.starts_at = Some(now - 7200);
        r.ends_at = Some(now - 3600);
        assert!(is_over(&r, today, now));
    }
}
