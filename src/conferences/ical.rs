//! iCalendar (RFC 5545) text for invitations (iTIP `REQUEST` / `CANCEL`,
//! RFC 5546) and the public calendar feed. Times are written in UTC (`Z`),
//! lines end in CRLF and are folded at 75 octets.

use chrono::{DateTime, Utc};

use super::model::Meeting;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Request,
    Cancel,
}

/// A mailbox as iCalendar writes it (`CN` parameter and `mailto:`).
#[derive(Clone, Debug)]
pub struct Party {
    pub name: String,
    pub email: String,
}

fn utc(ts: i64) -> String {
    DateTime::<Utc>::from_timestamp(ts, 0)
        .unwrap_or_default()
        .format("%Y%m%dT%H%M%SZ")
        .to_string()
}

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

/// A URI or UID value (RFC 5545 3.3.13): not TEXT-escaped, so nothing
/// that could end the line or the value may pass — no control character
/// and no white space, which a URI never holds literally.
fn uri(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect()
}

/// A quoted parameter value; quotes and control characters cannot occur in one.
fn param(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    format!("\"{clean}\"")
}

/// Appends one content line, folded so that no line exceeds 75 octets
/// (continuation lines start with a space), never inside a UTF-8 character.
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

fn party_line(name: &str, party: &Party, extra: &str) -> String {
    format!(
        "{name};CN={}{extra}:mailto:{}",
        param(&party.name),
        uri(&party.email)
    )
}

fn event(
    out: &mut String,
    meeting: &Meeting,
    now: i64,
    cancelled: bool,
    description: &str,
    organizer: &Party,
    attendee: Option<&Party>,
) {
    let (Some(start), Some(end)) = (meeting.starts_at, meeting.ends_at) else {
        return;
    };
    push_line(out, "BEGIN:VEVENT");
    push_line(out, &format!("UID:{}", uri(&meeting.ics_uid)));
    push_line(out, &format!("DTSTAMP:{}", utc(now)));
    push_line(out, &format!("SEQUENCE:{}", meeting.ics_sequence));
    push_line(out, &format!("DTSTART:{}", utc(start)));
    push_line(out, &format!("DTEND:{}", utc(end)));
    push_line(out, &format!("SUMMARY:{}", text(&meeting.title)));
    if !meeting.location.is_empty() {
        push_line(out, &format!("LOCATION:{}", text(&meeting.location)));
    }
    if !description.is_empty() {
        push_line(out, &format!("DESCRIPTION:{}", text(description)));
    }
    if !meeting.online_url.is_empty() {
        push_line(out, &format!("URL:{}", uri(&meeting.online_url)));
    }
    push_line(out, &party_line("ORGANIZER", organizer, ""));
    if let Some(attendee) = attendee {
        push_line(
            out,
            &party_line(
                "ATTENDEE",
                attendee,
                ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE",
            ),
        );
    }
    push_line(
        out,
        if cancelled {
            "STATUS:CANCELLED"
        } else {
            "STATUS:CONFIRMED"
        },
    );
    push_line(out, "END:VEVENT");
}

fn begin(out: &mut String, method: Option<Method>) {
    push_line(out, "BEGIN:VCALENDAR");
    push_line(out, "PRODID:-//ikon//Integrationskonferenz//DE");
    push_line(out, "VERSION:2.0");
    push_line(out, "CALSCALE:GREGORIAN");
    match method {
        Some(Method::Request) => push_line(out, "METHOD:REQUEST"),
        Some(Method::Cancel) => push_line(out, "METHOD:CANCEL"),
        None => {}
    }
}

/// The invitation (or its cancellation) for one attendee.
pub fn invitation(
    method: Method,
    meeting: &Meeting,
    description: &str,
    organizer: &Party,
    attendee: &Party,
    now: i64,
) -> String {
    let mut out = String::new();
    begin(&mut out, Some(method));
    let cancelled = method == Method::Cancel;
    event(
        &mut out,
        meeting,
        now,
        cancelled,
        description,
        organizer,
        Some(attendee),
    );
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// A subscribable calendar of meetings (no method: a published calendar).
pub fn feed(name: &str, meetings: &[Meeting], organizer: &Party, now: i64) -> String {
    let mut out = String::new();
    begin(&mut out, None);
    push_line(&mut out, &format!("X-WR-CALNAME:{}", text(name)));
    for meeting in meetings {
        event(&mut out, meeting, now, false, "", organizer, None);
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_folded_at_75_octets_between_characters() {
        let mut out = String::new();
        push_line(&mut out, &format!("SUMMARY:{}", "Ä".repeat(60)));
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "Ä".repeat(60)));
    }

    #[test]
    fn uri_values_cannot_break_the_line() {
        assert_eq!(
            uri("https://example.org/a\r\nATTENDEE:mailto:x@evil.example"),
            "https://example.org/aATTENDEE:mailto:x@evil.example"
        );
        assert_eq!(uri("a b\tc"), "abc");
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(text("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
        assert_eq!(utc(0), "19700101T000000Z");
    }
}
