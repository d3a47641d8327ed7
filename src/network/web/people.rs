//! Contact people: creation and editing by whoever may edit their
//! organisation, plus the GDPR tools (JSON export, erasure).

use axum::{
    Form, Json,
    extract::{Path, State},
    http::header,
    response::{IntoResponse, Response},
};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::{saved, texts, unprocessable};
use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::Actor,
        error::{AppResult, FieldErrors, Msg},
        web::App,
    },
    network::{
        context::{OrgContext, PersonContext},
        gdpr,
        model::{Organization, Person},
        store::people,
        validate::PersonInput,
    },
};

/// The person form: the record plus the consent to appear publicly
/// (OParl), which is kept apart from the record the CSV import shares.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct PersonForm {
    #[serde(flatten)]
    pub input: PersonInput,
    /// The checkbox: present (any value) when ticked.
    #[serde(default)]
    pub is_public: Option<String>,
}

impl PersonForm {
    fn public(&self) -> bool {
        self.is_public.is_some()
    }

    async fn of(app: &App, person: &Person) -> AppResult<Self> {
        let public = people::is_public(app.db.pool(), person.id).await?;
        Ok(Self {
            input: PersonInput::from(person),
            is_public: public.then(|| "yes".into()),
        })
    }
}

pub async fn new_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(org_id): Path<i64>,
) -> AppResult<Response> {
    let ctx = OrgContext::load(&app.db, org_id).await?;
    viewer.require_edit_organization(org_id, &ctx.network_ids())?;
    let none = FieldErrors::new();
    render_form(
        &app,
        &viewer,
        &ctx.organization,
        None,
        &PersonForm::default(),
        &none,
        &none,
    )
}

pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Path(org_id): Path<i64>,
    Form(form): Form<PersonForm>,
) -> AppResult<Response> {
    let ctx = OrgContext::load(&app.db, org_id).await?;
    let user = viewer.require_edit_organization(org_id, &ctx.network_ids())?;
    let input = &form.input;
    let mut errors = FieldErrors::new();
    let record = input.validate().map_err(|e| errors = e).ok();
    if people::name_taken(app.db.pool(), org_id, &input.name, None).await? {
        errors.insert("name".into(), Msg::new("net-err-person-taken"));
    }
    let Some(record) = record.filter(|_| errors.is_empty()) else {
        let none = FieldErrors::new();
        return render_form(
            &app,
            &viewer,
            &ctx.organization,
            None,
            &form,
            &errors,
            &none,
        );
    };
    let mut tx = app.db.begin().await?;
    let network_id = ctx.audit_network(user);
    let actor = Actor::User(user);
    let person_id = people::create(&mut tx, &actor, network_id, org_id, &record).await?;
    people::set_public(&mut tx, &actor, network_id, person_id, form.public()).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/organizations/{org_id}"),
        "net-person-created",
    ))
}

pub async fn edit_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let ctx = PersonContext::load(&app.db, id).await?;
    viewer.require_edit_organization(ctx.org.organization.id, &ctx.org.network_ids())?;
    let form = PersonForm::of(&app, &ctx.person).await?;
    let none = FieldErrors::new();
    let org = &ctx.org.organization;
    render_form(&app, &viewer, org, Some(&ctx.person), &form, &none, &none)
}

pub async fn update(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<PersonForm>,
) -> AppResult<Response> {
    let ctx = PersonContext::load(&app.db, id).await?;
    let org_id = ctx.org.organization.id;
    let user = viewer.require_edit_organization(org_id, &ctx.org.network_ids())?;
    let input = &form.input;
    let mut errors = FieldErrors::new();
    let record = input.validate().map_err(|e| errors = e).ok();
    if people::name_taken(app.db.pool(), org_id, &input.name, Some(id)).await? {
        errors.insert("name".into(), Msg::new("net-err-person-taken"));
    }
    let Some(record) = record.filter(|_| errors.is_empty()) else {
        let (org, none) = (&ctx.org.organization, FieldErrors::new());
        return render_form(&app, &viewer, org, Some(&ctx.person), &form, &errors, &none);
    };
    let mut tx = app.db.begin().await?;
    let network_id = ctx.org.audit_network(user);
    let actor = Actor::User(user);
    people::update(&mut tx, &actor, network_id, &ctx.person, &record).await?;
    people::set_public(&mut tx, &actor, network_id, id, form.public()).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/organizations/{org_id}"),
        "net-person-saved",
    ))
}

fn render_form(
    app: &App,
    viewer: &Viewer,
    organization: &Organization,
    person: Option<&Person>,
    input: &PersonForm,
    errors: &FieldErrors,
    erase_errors: &FieldErrors,
) -> AppResult<Response> {
    let action = match person {
        Some(p) => format!("/people/{}/edit", p.id),
        None => format!("/organizations/{}/people/new", organization.id),
    };
    let page = app.page(
        viewer,
        "network/person_form.html",
        context! {
            action => action, organization => organization, person => person,
            form => input, errors => texts(viewer, errors),
            erase_errors => texts(viewer, erase_errors),
        },
    )?;
    Ok(if errors.is_empty() && erase_errors.is_empty() {
        page.into_response()
    } else {
        unprocessable(page)
    })
}

/// GDPR access: everything held about the person, as a JSON download.
pub async fn export(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let ctx = PersonContext::load(&app.db, id).await?;
    viewer.require_edit_organization(ctx.org.organization.id, &ctx.org.network_ids())?;
    let export = gdpr::export_person(&app.db, &ctx.person, &ctx.org.organization).await?;
    let disposition = format!("attachment; filename=\"person-{id}.json\"");
    Ok((
        [
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        Json(export),
    )
        .into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct EraseForm {
    #[serde(default)]
    pub confirm: String,
}

/// GDPR erasure, confirmed by a checkbox (works without JavaScript).
pub async fn erase(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<EraseForm>,
) -> AppResult<Response> {
    let ctx = PersonContext::load(&app.db, id).await?;
    let org_id = ctx.org.organization.id;
    let user = viewer.require_edit_organization(org_id, &ctx.org.network_ids())?;
    if form.confirm != "yes" {
        let mut erase_errors = FieldErrors::new();
        erase_errors.insert("confirm".into(), Msg::new("net-err-confirm-erase"));
        let (org, person) = (&ctx.org.organization, Some(&ctx.person));
        let form = PersonForm::of(&app, &ctx.person).await?;
        let none = FieldErrors::new();
        return render_form(&app, &viewer, org, person, &form, &none, &erase_errors);
    }
    let mut tx = app.db.begin().await?;
    let network_id = ctx.org.audit_network(user);
    gdpr::erase_person(&mut tx, &Actor::User(user), network_id, &ctx.person).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/organizations/{org_id}"),
        "net-person-erased",
    ))
}
