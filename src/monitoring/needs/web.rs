//! The pages of the groups with special needs: the list with its gaps (for
//! the network's members), the form of a new or recorded group (for its
//! coordinators) and removing a group.

use axum::{
    Form,
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use minijinja::context;

use super::{
    model::{KINDS, NeedInput},
    service,
};
use crate::{
    accounts::viewer::Viewer,
    conferences::web::{refused, respond},
    core::{
        error::{AppResult, FieldErrors},
        ids::{NeedId, NetworkId},
        paths,
        web::{
            App,
            forms::{saved, texts},
        },
    },
    monitoring::registry::{self, Network},
};

/// `GET /networks/{network_id}/needs`: every group, gaps marked.
pub async fn list(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = registry::readable(&app.db, &viewer, network_id).await?;
    let needs = service::list(&app, &network).await?;
    Ok(app
        .page(
            &viewer,
            "monitoring/needs.html",
            context! {
                network => network, needs => needs.needs, gaps => needs.gaps,
                can_manage => registry::can_manage(&viewer, &network),
            },
        )?
        .into_response())
}

/// The form, new (`editing` `None`) or of a recorded group.
async fn render_form(
    app: &App,
    viewer: &Viewer,
    network: &Network,
    (form, editing): (&NeedInput, Option<NeedId>),
    errors: &FieldErrors,
) -> AppResult<Response> {
    let municipalities = registry::municipalities(&app.db, network).await?;
    let offers: Vec<minijinja::Value> = service::suggestions(app, network, form)
        .await?
        .into_iter()
        .map(|s| {
            context! {
                id => s.offer.id, title => s.offer.title, field => s.offer.field,
                suggested => s.suggested, checked => form.has_offer(s.offer.id),
            }
        })
        .collect();
    let municipalities: Vec<minijinja::Value> = municipalities
        .into_iter()
        .map(|(key, name)| context! { checked => form.has_municipality(&key), key => key, name => name })
        .collect();
    let page = app.page(
        viewer,
        "monitoring/need_form.html",
        context! {
            network => network, form => form, editing => editing, kinds => KINDS,
            municipalities => municipalities, offers => offers, errors => texts(viewer, errors),
        },
    )?;
    Ok(respond(page, errors))
}

/// `GET …/needs/new`
pub async fn new_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = registry::managed(&app.db, &viewer, network_id).await?;
    let form = NeedInput {
        whole_kreis: true,
        ..NeedInput::default()
    };
    render_form(&app, &viewer, &network, (&form, None), &FieldErrors::new()).await
}

/// `POST …/needs`: a new group.
pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let network = registry::managed(&app.db, &viewer, network_id).await?;
    let user = viewer.require_signed_in()?;
    let form = NeedInput::from_pairs(&pairs);
    match refused(service::create(&app, user, &network, &form).await)? {
        Ok(_) => Ok(saved(&paths::needs(network_id), "need-saved")),
        Err(errors) => render_form(&app, &viewer, &network, (&form, None), &errors).await,
    }
}

/// `GET …/needs/{need_id}`: the group; for coordinators in its form.
pub async fn show(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, need_id)): Path<(NetworkId, NeedId)>,
) -> AppResult<Response> {
    let network = registry::readable(&app.db, &viewer, network_id).await?;
    let need = service::need_in(&app, network_id, need_id).await?;
    if registry::can_manage(&viewer, &network) {
        let form = NeedInput::of(&need);
        return render_form(
            &app,
            &viewer,
            &network,
            (&form, Some(need.id)),
            &FieldErrors::new(),
        )
        .await;
    }
    let offers = registry::offers(&app.db, network_id).await?;
    let municipalities = registry::municipalities(&app.db, &network).await?;
    let names: Vec<String> = municipalities
        .iter()
        .filter(|(k, _)| need.municipalities.contains(k))
        .map(|(_, n)| n.clone())
        .collect();
    let view = service::view(need, &offers, &municipalities);
    Ok(app
        .page(
            &viewer,
            "monitoring/need.html",
            context! { network => network, n => view, places => names },
        )?
        .into_response())
}

/// `POST …/needs/{need_id}`: changes the group.
pub async fn update(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, need_id)): Path<(NetworkId, NeedId)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let network = registry::managed(&app.db, &viewer, network_id).await?;
    let user = viewer.require_signed_in()?;
    let need = service::need_in(&app, network_id, need_id).await?;
    let form = NeedInput::from_pairs(&pairs);
    match refused(service::update(&app, user, &network, &need, &form).await)? {
        Ok(()) => Ok(saved(&paths::needs(network_id), "need-saved")),
        Err(errors) => render_form(&app, &viewer, &network, (&form, Some(need.id)), &errors).await,
    }
}

/// `POST …/needs/{need_id}/delete`
pub async fn delete(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, need_id)): Path<(NetworkId, NeedId)>,
) -> AppResult<Response> {
    let network = registry::managed(&app.db, &viewer, network_id).await?;
    let user = viewer.require_signed_in()?;
    let need = service::need_in(&app, network_id, need_id).await?;
    service::delete(&app, user, &network, &need).await?;
    Ok(saved(&paths::needs(network_id), "need-deleted"))
}
