//! Contact people: creation and editing by whoever may edit their
//! organisation, plus the GDPR tools (JSON export, erasure).

use axum::{
    Form, Json,
    extract::{Path, State},
    http::header,
    response::{IntoResponse, Response},
};
use minijinja::context;

use super::{checked, saved, texts, unprocessable};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::{AppResult, FieldErrors},
        ids::{OrganizationId, PersonId},
        paths,
        web::App,
    },
    network::{
        context::{OrgContext, PersonContext},
        model::{EraseInput, Organization, Person, PersonForm},
        service,
        store::people,
    },
};

pub async fn new_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(organization_id): Path<OrganizationId>,
) -> AppResult<Response> {
    let ctx = OrgContext::load(&app.db, organization_id).await?;
    viewer.require_edit_organization(ctx.organization.id, &ctx.network_ids())?;
    let form = PersonForm::default();
    render_form(&app, &viewer, Page::new(&ctx.organization, None, &form))
}

pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Path(organization_id): Path<OrganizationId>,
    Form(form): Form<PersonForm>,
) -> AppResult<Response> {
    let ctx = OrgContext::load(&app.db, organization_id).await?;
    let user = viewer.require_edit_organization(ctx.organization.id, &ctx.network_ids())?;
    match checked(service::people::create(&app, user, &ctx, &form).await)? {
        Ok(_) => Ok(saved(
            &paths::organization(organization_id),
            "net-person-created",
        )),
        Err(errors) => {
            let page = Page::new(&ctx.organization, None, &form);
            render_form(&app, &viewer, Page { errors, ..page })
        }
    }
}

pub async fn edit_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(person_id): Path<PersonId>,
) -> AppResult<Response> {
    let ctx = PersonContext::load(&app.db, person_id).await?;
    viewer.require_edit_organization(ctx.org.organization.id, &ctx.org.network_ids())?;
    let form = stored_form(&app, &ctx.person).await?;
    let page = Page::new(&ctx.org.organization, Some(&ctx.person), &form);
    render_form(&app, &viewer, page)
}

pub async fn update(
    State(app): State<App>,
    viewer: Viewer,
    Path(person_id): Path<PersonId>,
    Form(form): Form<PersonForm>,
) -> AppResult<Response> {
    let ctx = PersonContext::load(&app.db, person_id).await?;
    let org_id = OrganizationId(ctx.org.organization.id);
    let user = viewer.require_edit_organization(org_id.get(), &ctx.org.network_ids())?;
    match checked(service::people::update(&app, user, &ctx, &form).await)? {
        Ok(()) => Ok(saved(&paths::organization(org_id), "net-person-saved")),
        Err(errors) => {
            let page = Page::new(&ctx.org.organization, Some(&ctx.person), &form);
            render_form(&app, &viewer, Page { errors, ..page })
        }
    }
}

/// GDPR access: everything held about the person, as a JSON download.
pub async fn export(
    State(app): State<App>,
    viewer: Viewer,
    Path(person_id): Path<PersonId>,
) -> AppResult<Response> {
    let ctx = PersonContext::load(&app.db, person_id).await?;
    viewer.require_edit_organization(ctx.org.organization.id, &ctx.org.network_ids())?;
    let export = service::gdpr::export(&app, &ctx).await?;
    let disposition = format!("attachment; filename=\"person-{person_id}.json\"");
    Ok((
        [
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        Json(export),
    )
        .into_response())
}

/// GDPR erasure, confirmed by a checkbox (works without JavaScript).
pub async fn erase(
    State(app): State<App>,
    viewer: Viewer,
    Path(person_id): Path<PersonId>,
    Form(input): Form<EraseInput>,
) -> AppResult<Response> {
    let ctx = PersonContext::load(&app.db, person_id).await?;
    let org_id = OrganizationId(ctx.org.organization.id);
    let user = viewer.require_edit_organization(org_id.get(), &ctx.org.network_ids())?;
    if let Err(erase_errors) = input.validate() {
        let form = stored_form(&app, &ctx.person).await?;
        let page = Page::new(&ctx.org.organization, Some(&ctx.person), &form);
        return render_form(
            &app,
            &viewer,
            Page {
                erase_errors,
                ..page
            },
        );
    }
    service::gdpr::erase(&app, user, &ctx).await?;
    Ok(saved(&paths::organization(org_id), "net-person-erased"))
}

/// The form as stored, consent included.
async fn stored_form(app: &App, person: &Person) -> AppResult<PersonForm> {
    let public = people::is_public(app.db.pool(), person.id).await?;
    Ok(PersonForm::of(person, public))
}

/// What the person form shows: the record's form and its problems, and
/// for an existing person the erasure form's.
struct Page<'a> {
    organization: &'a Organization,
    person: Option<&'a Person>,
    form: &'a PersonForm,
    errors: FieldErrors,
    erase_errors: FieldErrors,
}

impl<'a> Page<'a> {
    fn new(
        organization: &'a Organization,
        person: Option<&'a Person>,
        form: &'a PersonForm,
    ) -> Self {
        Page {
            organization,
            person,
            form,
            errors: FieldErrors::new(),
            erase_errors: FieldErrors::new(),
        }
    }
}

fn render_form(app: &App, viewer: &Viewer, p: Page) -> AppResult<Response> {
    let page = app.page(
        viewer,
        "network/person_form.html",
        context! {
            organization => p.organization, person => p.person,
            form => p.form, errors => texts(viewer, &p.errors),
            erase_errors => texts(viewer, &p.erase_errors),
        },
    )?;
    Ok(if p.errors.is_empty() && p.erase_errors.is_empty() {
        page.into_response()
    } else {
        unprocessable(page)
    })
}
