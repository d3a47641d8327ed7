//! Creating and changing meetings, and the series settings.

use crate::accounts::model::User;
use crate::conferences::{
    model::{Meeting, MeetingChoices, MeetingInput, SettingsInput},
    registry, store,
};
use crate::core::{
    audit::Actor,
    error::{AppResult, FieldErrors, Msg},
    ids::{MeetingId, NetworkId, OrganizationId},
    web::App,
};

use super::invalid;

/// Whom a meeting of this network may name: its member organisations and
/// their contact people.
pub async fn meeting_choices(app: &App, network_id: NetworkId) -> AppResult<MeetingChoices> {
    Ok(MeetingChoices {
        organizations: registry::member_ids(&app.db, network_id).await?,
        people: registry::contacts(&app.db, network_id)
            .await?
            .iter()
            .map(|c| c.id)
            .collect(),
    })
}

/// A new meeting of the network (the form and `POST /api/v1/…/meetings`).
pub async fn create_meeting(
    app: &App,
    user: &User,
    network_id: NetworkId,
    input: &MeetingInput,
) -> AppResult<MeetingId> {
    let choices = meeting_choices(app, network_id).await?;
    let (record, roles) = match input.validate(&choices) {
        Ok(valid) => valid,
        Err(errors) => return invalid(errors),
    };
    let mut tx = app.db.begin().await?;
    let meeting_id = store::create_meeting(&mut tx, Actor::User(user), network_id, &record).await?;
    store::set_roles(&mut tx, Actor::User(user), meeting_id, roles).await?;
    tx.commit().await?;
    Ok(meeting_id)
}

pub async fn update_meeting(
    app: &App,
    user: &User,
    meeting: &Meeting,
    input: &MeetingInput,
) -> AppResult<()> {
    let choices = meeting_choices(app, meeting.network_id).await?;
    let (record, roles) = match input.validate(&choices) {
        Ok(valid) => valid,
        Err(errors) => return invalid(errors),
    };
    let mut tx = app.db.begin().await?;
    store::update_meeting(&mut tx, Actor::User(user), meeting, &record).await?;
    store::set_roles(&mut tx, Actor::User(user), meeting.id, roles).await?;
    tx.commit().await?;
    Ok(())
}

/// Saves the rhythm and default location, or changes the organisers'
/// rotation (add a member, move one up or down, remove one).
pub async fn save_settings(
    app: &App,
    user: &User,
    network_id: NetworkId,
    input: &SettingsInput,
) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    if input.changes_rotation() {
        let mut ids: Vec<OrganizationId> = store::rotation(&mut *tx, network_id)
            .await?
            .iter()
            .map(|r| r.organization_id)
            .collect();
        let org = input
            .organization_id
            .trim()
            .parse::<i64>()
            .ok()
            .map(OrganizationId);
        let at = org.and_then(|o| ids.iter().position(|i| *i == o));
        let mut errors = FieldErrors::new();
        let mut refuse = |id: &str| {
            errors.insert("organization_id".into(), Msg::new(id));
        };
        match (input.action.as_str(), org, at) {
            ("add", Some(o), None) if registry::is_member(&mut tx, network_id, o).await? => {
                ids.push(o)
            }
            ("add", _, _) => refuse("conf-err-not-member"),
            ("up", _, Some(i)) if i > 0 => ids.swap(i, i - 1),
            ("down", _, Some(i)) if i + 1 < ids.len() => ids.swap(i, i + 1),
            ("remove", _, Some(i)) => {
                ids.remove(i);
            }
            (_, _, Some(_)) => {}
            _ => refuse("conf-err-not-in-rotation"),
        }
        if !errors.is_empty() {
            return invalid(errors);
        }
        store::set_rotation(&mut tx, Actor::User(user), network_id, &ids).await?;
    } else {
        let series = match input.validate_series() {
            Ok(series) => series,
            Err(errors) => return invalid(errors),
        };
        store::save_series(&mut tx, Actor::User(user), network_id, &series).await?;
    }
    tx.commit().await?;
    Ok(())
}
