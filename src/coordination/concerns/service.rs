//! Drafting concerns and moving them through the state machine: one
//! transaction each, with the audit record; putting a concern on the agenda
//! adds it as an item of the named meeting; agreeing links the decision of
//! that meeting. A move the state machine forbids is a 409 that names the
//! allowed ones.

use serde_json::json;

use super::{
    letter,
    model::{
        Concern, ConcernInput, ConcernLinks, ConcernState, StoredFile, Transition, TransitionInput,
    },
    store::{self, Set},
};
use crate::{
    accounts::{model::Role, viewer::Viewer},
    conferences::{model::AgendaRecord, store as conferences},
    coordination::registry::{self, Access, Network},
    core::{
        audit::{self, Actor, Change},
        error::{AppError, AppResult, FieldErrors, Msg},
        identity::User,
        ids::{ConcernId, NetworkId, OrganizationId, PersonId, UserId},
        web::App,
    },
};

/// A concern of this network; one of another network is a 404.
pub async fn concern_in(app: &App, network_id: NetworkId, id: ConcernId) -> AppResult<Concern> {
    let mut concern = store::concern(app.db.pool(), id)
        .await?
        .filter(|c| c.network_id == network_id)
        .ok_or_else(AppError::not_found)?;
    let supporters = store::supporters(app.db.pool(), network_id).await?;
    store::with_supporters(std::slice::from_mut(&mut concern), &supporters);
    Ok(concern)
}

/// The concerns of a network with their supporters, newest first.
pub async fn concerns(app: &App, network_id: NetworkId) -> AppResult<Vec<Concern>> {
    let mut concerns = store::concerns(app.db.pool(), network_id).await?;
    let supporters = store::supporters(app.db.pool(), network_id).await?;
    store::with_supporters(&mut concerns, &supporters);
    Ok(concerns)
}

/// Writes the letter of every concern of the network that was submitted
/// without one (the demo's concerns are stored as submitted; so is data
/// from before letters existed), dated and numbered as submitted; returns
/// how many were written.
pub async fn write_missing_letters(app: &App, network_id: NetworkId) -> AppResult<usize> {
    let network = registry::network(&app.db, network_id).await?;
    let mut written = 0;
    for concern in concerns(app, network_id).await? {
        let Some(on) = concern.submitted_on.as_deref().filter(|_| {
            concern.letter.is_none()
                && matches!(
                    concern.state,
                    ConcernState::Submitted | ConcernState::Answered | ConcernState::Closed
                )
        }) else {
            continue;
        };
        let file = letter::generate(app, &network, &concern, (on, &concern.reference)).await?;
        let mut tx = app.db.begin().await?;
        if store::set_missing_letter(&mut tx, concern.id, &file).await? {
            audit::record(
                &mut tx,
                Actor::System("letters"),
                Change {
                    network_id: Some(network_id.get()),
                    entity: "concern",
                    entity_id: Some(concern.id.get()),
                    action: "letter_written",
                    before: None,
                    after: Some(json!({ "letter": file })),
                },
            )
            .await?;
            written += 1;
        }
        tx.commit().await?;
    }
    Ok(written)
}

/// Checks the chosen supporters and contact person against the network's
/// members and their people.
async fn links(
    app: &App,
    network_id: NetworkId,
    input: &ConcernInput,
) -> AppResult<Result<ConcernLinks, FieldErrors>> {
    let members = registry::member_ids(&app.db, network_id).await?;
    let people: Vec<(PersonId, OrganizationId)> = registry::contacts(&app.db, network_id)
        .await?
        .into_iter()
        .map(|c| (c.id, c.organization_id))
        .collect();
    Ok(input.links(&members, &people))
}

/// Both checks of a form at once, so that every field error shows.
async fn checked(
    app: &App,
    network_id: NetworkId,
    input: &ConcernInput,
) -> AppResult<(super::model::ConcernRecord, ConcernLinks)> {
    let record = input.validate();
    let links = links(app, network_id, input).await?;
    match (record, links) {
        (Ok(record), Ok(links)) => Ok((record, links)),
        (record, links) => {
            let mut errors = record.err().unwrap_or_default();
            errors.extend(links.err().unwrap_or_default());
            Err(AppError::invalid(errors))
        }
    }
}

/// Whether the viewer is a member of the organisation that drafted it.
fn is_author(viewer: &Viewer, concern: &Concern) -> bool {
    viewer.user.as_ref().is_some_and(|u| {
        u.role == Role::Member
            && u.network_id == Some(concern.network_id.get())
            && u.organization_id.map(OrganizationId) == concern.organization_id
            && concern.organization_id.is_some()
    })
}

/// Coordinators; the drafting organisation's members while it is a draft.
pub fn may_edit<'v>(viewer: &'v Viewer, concern: &Concern) -> AppResult<&'v User> {
    let user = viewer.require_participate(concern.network_id)?;
    if viewer.can_manage(concern.network_id)
        || (concern.state == ConcernState::Draft && is_author(viewer, concern))
    {
        return Ok(user);
    }
    Err(AppError::forbidden())
}

/// Coordinators decide every move; the drafting organisation's members
/// may also withdraw it.
pub fn may_move<'v>(
    viewer: &'v Viewer,
    concern: &Concern,
    to: ConcernState,
) -> AppResult<&'v User> {
    let user = viewer.require_participate(concern.network_id)?;
    if viewer.can_manage(concern.network_id)
        || (to == ConcernState::Withdrawn && is_author(viewer, concern))
    {
        return Ok(user);
    }
    Err(AppError::forbidden())
}

/// The 409 for a move the state machine forbids.
pub fn not_allowed(concern: &Concern) -> AppError {
    let allowed: Vec<&str> = concern.state.next().iter().map(|s| s.code()).collect();
    AppError::conflict(
        "transition_not_allowed",
        Msg::new("conc-err-transition")
            .arg("from", concern.state.code())
            .arg(
                "allowed",
                if allowed.is_empty() {
                    "–".into()
                } else {
                    allowed.join(", ")
                },
            ),
    )
}

fn field_error(field: &str, message: &str) -> AppError {
    let mut errors = FieldErrors::new();
    errors.insert(field.into(), Msg::new(message));
    AppError::invalid(errors)
}

pub async fn create(
    app: &App,
    user: &User,
    network: &Network,
    input: &ConcernInput,
) -> AppResult<ConcernId> {
    let network_id = registry::id(network);
    let (record, links) = checked(app, network_id, input).await?;
    let mut tx = app.db.begin().await?;
    let id = store::create(
        &mut tx,
        network_id,
        &record,
        (
            user.organization_id.map(OrganizationId),
            Some(UserId(user.id)),
        ),
    )
    .await?;
    store::set_links(&mut tx, id, &links).await?;
    audit::record(
        &mut tx,
        Actor::User(user),
        Change {
            network_id: Some(network.id),
            entity: "concern",
            entity_id: Some(id.get()),
            action: "create",
            before: None,
            after: Some(json!({ "record": record, "links": links })),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn update(
    app: &App,
    user: &User,
    concern: &Concern,
    input: &ConcernInput,
) -> AppResult<()> {
    if concern.state != ConcernState::Draft {
        return Err(AppError::conflict("wrong_state", "conc-err-not-draft"));
    }
    let (record, links) = checked(app, concern.network_id, input).await?;
    let mut tx = app.db.begin().await?;
    store::update(&mut tx, concern.id, &record).await?;
    store::set_links(&mut tx, concern.id, &links).await?;
    audit::record(
        &mut tx,
        Actor::User(user),
        Change {
            network_id: Some(concern.network_id.get()),
            entity: "concern",
            entity_id: Some(concern.id.get()),
            action: "update",
            before: Some(json!(concern)),
            after: Some(json!({ "record": record, "links": links })),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Checks who may move the concern, whether the state machine allows it
/// and the details the move needs, then moves it.
pub async fn transition(
    app: &App,
    viewer: &Viewer,
    concern: &Concern,
    input: &TransitionInput,
) -> AppResult<()> {
    let Some(to) = input.target() else {
        return Err(field_error("to", "conc-err-state"));
    };
    let user = may_move(viewer, concern, to)?;
    if !concern.state.allows(to) {
        return Err(not_allowed(concern));
    }
    let transition = input.validate().map_err(AppError::invalid)?;
    // The letter is rendered before the transaction (Typst takes a while);
    // a submission that loses a race leaves only an unreferenced file.
    let letter = match &transition {
        Transition::Submit { on, reference } => {
            let network = registry::network(&app.db, concern.network_id).await?;
            Some(letter::generate(app, &network, concern, (on, reference)).await?)
        }
        _ => None,
    };
    let mut tx = app.db.begin().await?;
    let sets: Vec<(&str, Set)> = match &transition {
        Transition::ToAgenda(meeting_id) => {
            let meeting = conferences::meeting(&mut *tx, *meeting_id)
                .await?
                .filter(|m| m.network_id == concern.network_id)
                .ok_or_else(|| field_error("meeting_id", "conc-err-meeting"))?;
            if !meeting.before_the_day() {
                return Err(field_error("meeting_id", "conc-err-meeting-past"));
            }
            let record = AgendaRecord {
                title: format!("Anliegen: {}", concern.title),
                description: concern.body.clone(),
                proposer_organization_id: concern.organization_id,
                duration_minutes: 15,
                is_public: false,
            };
            let item =
                conferences::add_agenda_item(&mut tx, Actor::User(user), &meeting, &record).await?;
            vec![
                ("meeting_id", Set::Id(meeting.id.get())),
                ("agenda_item_id", Set::Id(item.get())),
            ]
        }
        Transition::Agree(decision_id) => {
            let decision = registry::decision(&app.db, *decision_id).await?;
            match decision {
                Some(d)
                    if d.network_id == concern.network_id
                        && Some(d.meeting_id) == concern.meeting_id => {}
                Some(d) if d.network_id != concern.network_id => {
                    return Err(field_error("decision_id", "resp-err-decision-network"));
                }
                _ => return Err(field_error("decision_id", "conc-err-decision")),
            }
            vec![("decision_id", Set::Id(decision_id.get()))]
        }
        Transition::Submit { on, reference } => {
            let letter = letter
                .clone()
                .ok_or_else(|| AppError::internal("no letter"))?;
            vec![
                ("submitted_on", Set::Text(on.clone())),
                ("reference", Set::Text(reference.clone())),
                ("letter_sha256", Set::Text(letter.sha256)),
                ("letter_sha512", Set::Text(letter.sha512)),
                ("letter_size", Set::Id(letter.size)),
            ]
        }
        Transition::Answer { on, text } => vec![
            ("answered_on", Set::Text(on.clone())),
            ("answer", Set::Text(text.clone())),
        ],
        Transition::Reject | Transition::Postpone | Transition::Close | Transition::Withdraw => {
            Vec::new()
        }
    };
    if !store::set_state(&mut tx, concern, to, &sets).await? {
        return Err(not_allowed(concern));
    }
    audit::record(
        &mut tx,
        Actor::User(user),
        Change {
            network_id: Some(concern.network_id.get()),
            entity: "concern",
            entity_id: Some(concern.id.get()),
            action: to.code(),
            before: Some(json!({ "state": concern.state })),
            after: Some(json!({ "transition": transition, "letter": letter })),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Keeps the answer's document of an answered concern (the coordinator's,
/// with the checks of agenda attachments: allow-listed kinds whose content
/// matches the extension).
pub async fn attach_answer(
    app: &App,
    user: &User,
    concern: &Concern,
    file_name: String,
    bytes: Vec<u8>,
) -> AppResult<()> {
    use crate::conferences::files;
    if !matches!(concern.state, ConcernState::Answered | ConcernState::Closed) {
        return Err(AppError::conflict("wrong_state", "conc-err-answer-first"));
    }
    if bytes.is_empty() || file_name.is_empty() {
        return Err(field_error("file", "min-err-file-missing"));
    }
    let Some(mime) = files::sniff(&file_name, &bytes) else {
        let mut errors = FieldErrors::new();
        errors.insert(
            "file".into(),
            Msg::new("min-err-file-type").arg("allowed", files::ALLOWED),
        );
        return Err(AppError::invalid(errors));
    };
    let file = StoredFile {
        file_name,
        mime_type: mime.to_string(),
        size: bytes.len() as i64,
        sha256: files::sha256_hex(&bytes),
        sha512: files::sha512_hex(&bytes),
    };
    files::store(&app.config.data_dir, &file.sha256, &bytes)
        .await
        .map_err(AppError::internal)?;
    let mut tx = app.db.begin().await?;
    store::set_answer_document(&mut tx, concern.id, &file).await?;
    audit::record(
        &mut tx,
        Actor::User(user),
        Change {
            network_id: Some(concern.network_id.get()),
            entity: "concern",
            entity_id: Some(concern.id.get()),
            action: "answer_document",
            before: concern.answer_document.as_ref().map(|f| json!(f)),
            after: Some(json!(file)),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The network's choice to publish its submitted concerns.
pub async fn set_publication(
    app: &App,
    user: &User,
    network_id: NetworkId,
    on: bool,
) -> AppResult<()> {
    let before = store::publishes(app.db.pool(), network_id).await?;
    let mut tx = app.db.begin().await?;
    if before && !on {
        // OParl clients that fetched the papers must learn they are gone.
        crate::oparl::tombstones::papers_hidden(&mut tx, network_id.get()).await?;
    }
    store::set_publishes(&mut tx, network_id, on).await?;
    audit::record(
        &mut tx,
        Actor::User(user),
        Change {
            network_id: Some(network_id.get()),
            entity: "concern_publication",
            entity_id: Some(network_id.get()),
            action: "update",
            before: Some(json!({ "publish_submitted": before })),
            after: Some(json!({ "publish_submitted": on })),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Whether anyone may see the concern: its network publishes submitted
/// concerns and it was submitted (answered and closed ones too). Drafts,
/// concerns still before the conference and agreed ones not yet sent stay
/// internal — an agreed concern may still be withdrawn.
pub async fn is_public(app: &App, concern: &Concern) -> AppResult<bool> {
    Ok(concern.state.is_sent() && store::publishes(app.db.pool(), concern.network_id).await?)
}
