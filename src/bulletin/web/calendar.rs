//! The calendar page: a network's events and funding deadlines of one
//! month, as a grid of weeks or as a list, without JavaScript. Readers
//! outside the network see the public ones.

use axum::{
    extract::{Path, Query, State},
    response::{IntoResponse, Response},
};
use chrono::{Datelike, Days, Months, NaiveDate, TimeZone};
use chrono_tz::Europe::Berlin;
use minijinja::context;
use serde::Deserialize;

use super::reads_network;
use crate::{
    accounts::viewer::Viewer,
    bulletin::{
        model::{Feed, Kind, Post, berlin, iso, today},
        store,
    },
    core::{error::AppResult, ids::NetworkId, paths, web::App},
    network::context::load_network,
};

#[derive(Debug, Default, Deserialize)]
pub struct CalendarQuery {
    /// `YYYY-MM`; the current month otherwise.
    #[serde(default)]
    pub month: String,
    /// `list` for the list; the grid otherwise.
    #[serde(default)]
    pub view: String,
}

/// One entry of a day: an event (with its time) or a deadline.
#[derive(serde::Serialize)]
struct Entry {
    post: Post,
    deadline: bool,
    time: String,
    day: String,
}

fn first_of(month: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{}-01", month.trim()), "%Y-%m-%d").ok()
}

fn midnight(day: NaiveDate) -> i64 {
    Berlin
        .from_local_datetime(&day.and_hms_opt(0, 0, 0).unwrap_or_default())
        .earliest()
        .map(|t| t.timestamp())
        .unwrap_or_default()
}

pub async fn page(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Query(q): Query<CalendarQuery>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id.get()).await?;
    let internal = reads_network(&viewer, &network);
    let today = today();
    let first = first_of(&q.month)
        .filter(|d| (2000..=2100).contains(&d.year()))
        .unwrap_or_else(|| today.with_day(1).unwrap_or(today));
    let next_month = first.checked_add_months(Months::new(1)).unwrap_or(first);
    let prev_month = first.checked_sub_months(Months::new(1)).unwrap_or(first);
    let posts = store::calendar(
        app.db.pool(),
        network_id,
        !internal,
        (midnight(first), midnight(next_month)),
        (&iso(first), &iso(next_month)),
    )
    .await?;
    // Every day of the month with what falls on it.
    let mut entries: Vec<Entry> = Vec::new();
    for post in posts {
        let (start_day, time, deadline) = match post.record.kind {
            Kind::Event => {
                let Some(start) = post.record.starts_at.and_then(berlin) else {
                    continue;
                };
                (start.date_naive(), start.format("%H:%M").to_string(), false)
            }
            _ => {
                let Some(day) = post
                    .record
                    .deadline_on
                    .as_deref()
                    .and_then(crate::bulletin::model::parse_day)
                else {
                    continue;
                };
                (day, String::new(), true)
            }
        };
        // An event that began last month shows on the first of this one.
        let day = start_day.max(first);
        entries.push(Entry {
            post,
            deadline,
            time,
            day: iso(day),
        });
    }
    entries.sort_by(|a, b| (&a.day, &a.time).cmp(&(&b.day, &b.time)));
    // The grid: weeks from Monday, days outside the month empty.
    let lead = first.weekday().num_days_from_monday() as u64;
    let start = first.checked_sub_days(Days::new(lead)).unwrap_or(first);
    let mut weeks = Vec::new();
    let mut day = start;
    while day < next_month {
        let mut week = Vec::new();
        for _ in 0..7 {
            let in_month = day.month() == first.month();
            let key = iso(day);
            let items: Vec<&Entry> = entries.iter().filter(|e| e.day == key).collect();
            week.push(context! {
                day => day.day(), iso => key, in_month => in_month,
                today => day == today, items => items,
            });
            day = day.succ_opt().unwrap_or(day);
        }
        weeks.push(week);
    }
    let month_link = |d: NaiveDate, view: &str| {
        let month = d.format("%Y-%m").to_string();
        let view = if view == "list" { "&view=list" } else { "" };
        format!(
            "{}?month={month}{view}",
            paths::bulletin_calendar(network_id)
        )
    };
    let view = if q.view == "list" { "list" } else { "grid" };
    let page = app.page(
        &viewer,
        "bulletin/calendar.html",
        context! {
            network => network, view => view, entries => entries, weeks => weeks,
            month => first.format("%Y-%m").to_string(), month_number => first.month(),
            year => first.year(),
            prev => month_link(prev_month, view), next => month_link(next_month, view),
            as_list => month_link(first, "list"), as_grid => month_link(first, "grid"),
            internal => internal,
            feeds => super::posts::feed_links(&app, network_id, &Feed::default(), viewer.lang),
        },
    )?;
    Ok(page.into_response())
}
