//! Creating and editing meetings.

use axum::{
    Form,
    extract::{Path, State},
    response::Response,
};
use minijinja::context;
use serde::{Deserialize, Serialize};

use crate::conferences::{
    model::{Meeting, format_local, next_organizer, parse_local},
    store::{self, MeetingRecord},
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::Actor,
        error::{AppResult, FieldErrors, Msg},
        store::now,
        web::{App, forms::Validator},
    },
    network::{
        context::load_network,
        model::Network,
        web::{saved, texts},
    },
};

use super::due::last_held;
use super::*;

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct MeetingForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub starts_at: String,
    #[serde(default)]
    pub ends_at: String,
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub online_url: String,
    #[serde(default)]
    pub organizer_organization_id: String,
    #[serde(default)]
    pub is_public: String,
    #[serde(default)]
    pub chair_person_id: String,
    #[serde(default)]
    pub minute_taker_person_id: String,
}

impl MeetingForm {
    fn of(m: &Meeting) -> Self {
        Self {
            title: m.title.clone(),
            starts_at: m.starts_at.map(format_local).unwrap_or_default(),
            ends_at: m.ends_at.map(format_local).unwrap_or_default(),
            location: m.location.clone(),
            online_url: m.online_url.clone(),
            organizer_organization_id: m
                .organizer_organization_id
                .map(|o| o.to_string())
                .unwrap_or_default(),
            is_public: if m.is_public {
                "1".into()
            } else {
                String::new()
            },
            chair_person_id: id_text(m.chair_person_id),
            minute_taker_person_id: id_text(m.minute_taker_person_id),
        }
    }

    fn validate(
        &self,
        member_ids: &[i64],
        people_ids: &[i64],
    ) -> Result<(MeetingRecord, Roles), FieldErrors> {
        let mut v = Validator::new();
        let title = v.text("title", &self.title, true, 200);
        let location = v.text("location", &self.location, false, 300);
        let online_url = if self.online_url.trim().is_empty() {
            String::new()
        } else {
            v.website("online_url", &self.online_url)
        };
        let (starts_at, ends_at) = times(&mut v, &self.starts_at, &self.ends_at, false);
        let organizer = match self.organizer_organization_id.trim() {
            "" => None,
            value => {
                let id = value.parse::<i64>().ok().filter(|i| member_ids.contains(i));
                if id.is_none() {
                    v.add("organizer_organization_id", Msg::new("conf-err-not-member"));
                }
                id
            }
        };
        let mut person = |field: &str, value: &str| match value.trim() {
            "" => None,
            value => {
                let id = value.parse::<i64>().ok().filter(|i| people_ids.contains(i));
                if id.is_none() {
                    v.add(field, Msg::new("min-err-not-member-person"));
                }
                id
            }
        };
        let chair = person("chair_person_id", &self.chair_person_id);
        let minute_taker = person("minute_taker_person_id", &self.minute_taker_person_id);
        if !v.is_ok() {
            return Err(v.errors);
        }
        let record = MeetingRecord {
            title,
            starts_at,
            ends_at,
            location,
            online_url,
            organizer_organization_id: organizer,
            is_public: !self.is_public.trim().is_empty(),
        };
        Ok((record, (chair, minute_taker)))
    }
}

/// Chair and minute taker (contact people).
type Roles = (Option<i64>, Option<i64>);

fn id_text(id: Option<i64>) -> String {
    id.map(|i| i.to_string()).unwrap_or_default()
}

/// Contact people of the network's member organisations: (id, label).
pub(super) async fn member_people(app: &App, network_id: i64) -> AppResult<Vec<(i64, String)>> {
    Ok(
        crate::network::store::people::list_in_network(app.db.pool(), network_id)
            .await?
            .into_iter()
            .map(|p| {
                (
                    p.person.id,
                    format!("{} ({})", p.person.name, p.organization_name),
                )
            })
            .collect(),
    )
}

/// Start and end from `datetime-local` fields: both or (unless required)
/// neither, the end after the start.
pub(super) fn times(
    v: &mut Validator,
    start: &str,
    end: &str,
    required: bool,
) -> (Option<i64>, Option<i64>) {
    let (start, end) = (start.trim(), end.trim());
    if !required && start.is_empty() && end.is_empty() {
        return (None, None);
    }
    let mut parse = |field: &str, value: &str| {
        if value.is_empty() {
            v.add(field, Msg::new("err-required"));
            None
        } else {
            let t = parse_local(value);
            if t.is_none() {
                v.add(field, Msg::new("conf-err-datetime"));
            }
            t
        }
    };
    let s = parse("starts_at", start);
    let e = parse("ends_at", end);
    if let (Some(s), Some(e)) = (s, e)
        && e <= s
    {
        v.add("ends_at", Msg::new("conf-err-end-before-start"));
    }
    (s, e)
}

enum Target<'a> {
    New(&'a Network),
    Edit(&'a Meeting, &'a Network),
}

async fn render_meeting_form(
    app: &App,
    viewer: &Viewer,
    target: Target<'_>,
    form: &MeetingForm,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let (action, cancel, network, meeting) = match target {
        Target::New(n) => (
            format!("/networks/{}/conferences/new", n.id),
            format!("/networks/{}/conferences", n.id),
            n,
            None,
        ),
        Target::Edit(m, n) => (
            format!("/conferences/{}/edit", m.id),
            format!("/conferences/{}", m.id),
            n,
            Some(m),
        ),
    };
    let organizations = members(app, network.id).await?;
    let people: Vec<_> = member_people(app, network.id)
        .await?
        .into_iter()
        .map(|(id, label)| context! { id => id, label => label })
        .collect();
    let page = app.page(
        viewer,
        "conferences/meeting_form.html",
        context! {
            action => action, cancel => cancel, network => network, meeting => meeting,
            form => form, errors => texts(viewer, errors), organizations => organizations,
            people => people,
        },
    )?;
    Ok(respond(page, errors))
}

pub async fn new_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    viewer.require_manage_network(network.id)?;
    let series = store::series(app.db.pool(), network.id).await?;
    let meetings = store::meetings(app.db.pool(), network.id).await?;
    let rotation: Vec<i64> = store::rotation(app.db.pool(), network.id)
        .await?
        .iter()
        .map(|r| r.organization_id)
        .collect();
    let last = last_held(&meetings, now()).and_then(|m| m.organizer_organization_id);
    let form = MeetingForm {
        title: viewer.lang.t("conf-default-title"),
        location: series.default_location,
        organizer_organization_id: next_organizer(&rotation, last)
            .map(|o| o.to_string())
            .unwrap_or_default(),
        ..MeetingForm::default()
    };
    render_meeting_form(
        &app,
        &viewer,
        Target::New(&network),
        &form,
        &FieldErrors::new(),
    )
    .await
}

pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<MeetingForm>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let ids = member_ids(&app, network.id).await?;
    let people: Vec<i64> = member_people(&app, network.id)
        .await?
        .iter()
        .map(|p| p.0)
        .collect();
    let (record, roles) = match form.validate(&ids, &people) {
        Ok(valid) => valid,
        Err(errors) => {
            return render_meeting_form(&app, &viewer, Target::New(&network), &form, &errors).await;
        }
    };
    let mut tx = app.db.begin().await?;
    let meeting_id = store::create_meeting(&mut tx, Actor::User(user), network.id, &record).await?;
    store::set_roles(&mut tx, Actor::User(user), meeting_id, roles).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{meeting_id}"),
        "conf-meeting-created",
    ))
}

pub async fn edit_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    viewer.require_manage_network(network.id)?;
    let form = MeetingForm::of(&meeting);
    let target = Target::Edit(&meeting, &network);
    render_meeting_form(&app, &viewer, target, &form, &FieldErrors::new()).await
}

pub async fn update(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<MeetingForm>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let ids = member_ids(&app, network.id).await?;
    let people: Vec<i64> = member_people(&app, network.id)
        .await?
        .iter()
        .map(|p| p.0)
        .collect();
    let (record, roles) = match form.validate(&ids, &people) {
        Ok(valid) => valid,
        Err(errors) => {
            let target = Target::Edit(&meeting, &network);
            return render_meeting_form(&app, &viewer, target, &form, &errors).await;
        }
    };
    let mut tx = app.db.begin().await?;
    store::update_meeting(&mut tx, Actor::User(user), &meeting, &record).await?;
    store::set_roles(&mut tx, Actor::User(user), meeting.id, roles).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{}", meeting.id),
        "conf-meeting-saved",
    ))
}
