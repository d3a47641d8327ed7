//! The bulletin's feeds: Atom 1.0 (RFC 4287), JSON Feed 1.1
//! (<https://www.jsonfeed.org/version/1.1/>) and an iCalendar (RFC 5545)
//! calendar of events and funding deadlines. Links are absolute; times
//! are those of Europe/Berlin (Atom and JSON Feed with the offset of
//! German local time, iCalendar with a `VTIMEZONE` for `Europe/Berlin`,
//! deadlines as all-day events). The iCalendar text is written like the
//! conference invitations (`conferences::ical`): CRLF line ends, lines
//! folded at 75 octets, TEXT values escaped.

use serde_json::{Value, json};

use crate::bulletin::model::{Kind, Post, berlin, rfc3339};
use crate::core::{i18n::Lang, markdown, paths};

/// What a feed is about: its title, its own URL and the page it mirrors.
pub struct FeedInfo<'a> {
    pub title: &'a str,
    pub self_url: &'a str,
    pub page_url: &'a str,
    /// The network's name (the feed's author).
    pub author: &'a str,
    /// The site's address without the trailing slash.
    pub base: &'a str,
}

fn post_url(base: &str, post: &Post) -> String {
    format!("{base}{}", paths::post(post.network_id, post.id))
}

/// The post's text and type-specific fields as safe HTML.
pub fn content_html(post: &Post, lang: Lang) -> String {
    let r = &post.record;
    let d = &r.details;
    let mut md = r.body.clone();
    let mut line = |label: &str, value: String| {
        if !value.is_empty() {
            md.push_str(&format!("\n\n**{}:** {}", lang.t(label), value));
        }
    };
    match r.kind {
        Kind::Regulation => {
            if !d.authority.is_empty() {
                line(
                    "bul-field-authority",
                    lang.t(&format!("bul-authority-{}", d.authority)),
                );
            }
            line("bul-field-legal-reference", d.legal_reference.clone());
            line("bul-field-effective-on", d.effective_on.clone());
            line("bul-field-affected", d.affected.clone());
            line("bul-field-link", d.link.clone());
        }
        Kind::FundingCall => {
            line("bul-field-funder", d.funder.clone());
            line("bul-field-programme", d.programme.clone());
            line(
                "bul-field-deadline",
                r.deadline_on.clone().unwrap_or_default(),
            );
            line("bul-field-link", d.link.clone());
        }
        Kind::Event => {
            line(
                "bul-field-starts-at",
                r.starts_at.map(rfc3339).unwrap_or_default(),
            );
            line("bul-field-place", d.place.clone());
            line("bul-field-online-url", d.online_url.clone());
            line("bul-field-organiser", d.organiser.clone());
        }
        Kind::GoodPractice => {
            line("bul-field-problem", d.problem.clone());
            line("bul-field-approach", d.approach.clone());
            line("bul-field-results", d.results.clone());
            line("bul-field-contact", d.contact.clone());
        }
        Kind::News => {}
    }
    markdown::render(&md)
}

/// Characters XML 1.0 allows, escaped for text and attribute values.
fn xml(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// An Atom 1.0 feed of the posts, newest first.
pub fn atom(info: &FeedInfo<'_>, posts: &[Post], lang: Lang, now: i64) -> String {
    let updated = posts.iter().map(|p| p.updated_at).max().unwrap_or(now);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        lang.code()
    ));
    out.push_str(&format!("  <id>{}</id>\n", xml(info.self_url)));
    out.push_str(&format!("  <title>{}</title>\n", xml(info.title)));
    out.push_str(&format!("  <updated>{}</updated>\n", rfc3339(updated)));
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml(info.self_url)
    ));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml(info.page_url)
    ));
    out.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        xml(info.author)
    ));
    out.push_str(&format!(
        "  <generator uri=\"{}/\" version=\"{}\">ikon</generator>\n",
        xml(info.base),
        env!("CARGO_PKG_VERSION")
    ));
    for post in posts {
        let r = &post.record;
        let url = post_url(info.base, post);
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <id>{}</id>\n", xml(&url)));
        out.push_str(&format!("    <title>{}</title>\n", xml(&r.title)));
        out.push_str(&format!(
            "    <updated>{}</updated>\n",
            rfc3339(post.updated_at)
        ));
        if let Some(at) = post.published_at {
            out.push_str(&format!("    <published>{}</published>\n", rfc3339(at)));
        }
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml(&url)
        ));
        out.push_str(&format!(
            "    <category term=\"{}\" label=\"{}\" scheme=\"{}/types\"/>\n",
            r.kind.code(),
            xml(&lang.t(&format!("bul-type-{}", r.kind.code()))),
            xml(info.base)
        ));
        for tag in &r.tags {
            out.push_str(&format!(
                "    <category term=\"{}\" scheme=\"{}/tags\"/>\n",
                xml(tag),
                xml(info.base)
            ));
        }
        out.push_str(&format!(
            "    <content type=\"html\">{}</content>\n",
            xml(&content_html(post, lang))
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// A JSON Feed 1.1 of the posts, newest first. What JSON Feed has no
/// field for (type, audience, event time, deadline) is in the item's
/// `_ikon` extension object.
pub fn json_feed(info: &FeedInfo<'_>, posts: &[Post], lang: Lang) -> Value {
    let items: Vec<Value> = posts
        .iter()
        .map(|post| {
            let r = &post.record;
            let url = post_url(info.base, post);
            let mut item = json!({
                "id": url,
                "url": url,
                "title": r.title,
                "content_html": content_html(post, lang),
                "date_modified": rfc3339(post.updated_at),
                "tags": r.tags,
                "_ikon": {
                    "type": r.kind,
                    "audience": r.audience,
                    "starts_at": r.starts_at.map(rfc3339),
                    "ends_at": r.ends_at.map(rfc3339),
                    "deadline": r.deadline_on,
                },
            });
            if let Some(at) = post.published_at {
                item["date_published"] = json!(rfc3339(at));
            }
            if !r.body.is_empty() {
                let summary: String = r.body.chars().take(300).collect();
                item["summary"] = json!(summary);
            }
            item
        })
        .collect();
    json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": info.title,
        "home_page_url": info.page_url,
        "feed_url": info.self_url,
        "language": lang.code(),
        "authors": [{ "name": info.author }],
        "items": items,
    })
}

// ── iCalendar ────────────────────────────────────────────────────────────

/// TEXT value escaping (RFC 5545 3.3.11).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI value: nothing that could end the line or the value.
fn uri(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect()
}

/// One content line, folded at 75 octets between characters.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

const BERLIN: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

fn local(ts: i64) -> String {
    berlin(ts)
        .map(|t| t.format("%Y%m%dT%H%M%S").to_string())
        .unwrap_or_default()
}

fn utc(ts: i64) -> String {
    chrono::DateTime::<chrono::Utc>::from_timestamp(ts, 0)
        .unwrap_or_default()
        .format("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// A calendar of the posts' events (in German local time) and funding
/// deadlines (all-day), for Outlook, Thunderbird, Integreat and the like.
pub fn ical(name: &str, posts: &[Post], base: &str, lang: Lang, now: i64) -> String {
    let host = url::Url::parse(base)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| "localhost".into());
    let mut out = String::new();
    push_line(&mut out, "BEGIN:VCALENDAR");
    push_line(&mut out, "PRODID:-//ikon//Mitteilungen//DE");
    push_line(&mut out, "VERSION:2.0");
    push_line(&mut out, "CALSCALE:GREGORIAN");
    push_line(&mut out, "METHOD:PUBLISH");
    push_line(&mut out, &format!("X-WR-CALNAME:{}", text(name)));
    push_line(&mut out, "X-WR-TIMEZONE:Europe/Berlin");
    for line in BERLIN {
        push_line(&mut out, line);
    }
    for post in posts {
        event(&mut out, post, base, &host, lang, now);
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

fn event(out: &mut String, post: &Post, base: &str, host: &str, lang: Lang, now: i64) {
    let r = &post.record;
    let d = &r.details;
    let url = post_url(base, post);
    match r.kind {
        Kind::Event => {
            let Some(start) = r.starts_at else { return };
            let end = r.ends_at.unwrap_or(start + 3600).max(start);
            push_line(out, "BEGIN:VEVENT");
            push_line(out, &format!("UID:post-{}-event@{}", post.id, uri(host)));
            push_line(out, &format!("DTSTAMP:{}", utc(now)));
            push_line(out, &format!("LAST-MODIFIED:{}", utc(post.updated_at)));
            push_line(out, &format!("DTSTART;TZID=Europe/Berlin:{}", local(start)));
            push_line(out, &format!("DTEND;TZID=Europe/Berlin:{}", local(end)));
            push_line(out, &format!("SUMMARY:{}", text(&r.title)));
            let place = if d.place.is_empty() {
                &d.online_url
            } else {
                &d.place
            };
            if !place.is_empty() {
                push_line(out, &format!("LOCATION:{}", text(place)));
            }
            if let (Some(lat), Some(lon)) = (d.lat, d.lon) {
                push_line(out, &format!("GEO:{lat:.6};{lon:.6}"));
            }
        }
        Kind::FundingCall => {
            let Some(day) = r.deadline_on.as_deref().and_then(super::model::parse_day) else {
                return;
            };
            let next = day.succ_opt().unwrap_or(day);
            push_line(out, "BEGIN:VEVENT");
            push_line(out, &format!("UID:post-{}-deadline@{}", post.id, uri(host)));
            push_line(out, &format!("DTSTAMP:{}", utc(now)));
            push_line(out, &format!("LAST-MODIFIED:{}", utc(post.updated_at)));
            push_line(out, &format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")));
            push_line(out, &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
            let summary = lang.t_args("bul-ical-deadline", &[("title".into(), r.title.clone())]);
            push_line(out, &format!("SUMMARY:{}", text(&summary)));
            push_line(out, "TRANSP:TRANSPARENT");
        }
        _ => return,
    }
    let description: String = r.body.chars().take(2000).collect();
    let description = format!("{description}\n\n{url}");
    push_line(out, &format!("DESCRIPTION:{}", text(description.trim())));
    push_line(out, &format!("URL:{}", uri(&url)));
    push_line(
        out,
        &format!(
            "CATEGORIES:{}",
            text(&lang.t(&format!("bul-type-{}", r.kind.code())))
        ),
    );
    push_line(out, "STATUS:CONFIRMED");
    push_line(out, "END:VEVENT");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_is_escaped_and_control_characters_dropped() {
        assert_eq!(xml("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn ical_lines_fold_and_escape() {
        let mut out = String::new();
        push_line(&mut out, &format!("SUMMARY:{}", text(&"Ä,".repeat(40))));
        assert!(out.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(local(1_783_159_200), "20260704T120000");
    }
}
