//! OParl 1.1: the networks, their conferences, meetings, agendas, member
//! organisations, public contact people and files as the open standard for
//! council information systems describes them, read-only and anonymous
//! under `/oparl/v1/`. Only public objects ever appear (see `store`);
//! deleted public objects stay as tombstones (`tombstones`).

pub mod model;
pub mod store;
pub mod tombstones;
pub mod web;

use crate::core::web::routes::RouteTable;

pub fn routes(t: RouteTable) -> RouteTable {
    t.get("/oparl/v1", web::system)
        .get("/oparl/v1/system", web::system)
        .get("/oparl/v1/bodies", web::bodies)
        .get("/oparl/v1/body/{id}", web::body)
        .get("/oparl/v1/body/{id}/organizations", web::organization_list)
        .get("/oparl/v1/body/{id}/people", web::person_list)
        .get("/oparl/v1/body/{id}/memberships", web::membership_list)
        .get("/oparl/v1/body/{id}/meetings", web::meeting_list)
        .get("/oparl/v1/body/{id}/agenda-items", web::agenda_item_list)
        .get("/oparl/v1/body/{id}/papers", web::paper_list)
        .get("/oparl/v1/body/{id}/files", web::file_list)
        .get("/oparl/v1/body/{id}/locations", web::location_list)
        .get("/oparl/v1/body/{id}/legislative-terms", web::term_list)
        .get("/oparl/v1/body/{id}/conference", web::conference)
        .get(
            "/oparl/v1/body/{id}/organization/{object}",
            web::organization,
        )
        .get("/oparl/v1/body/{id}/person/{object}", web::person)
        .get("/oparl/v1/body/{id}/membership/{object}", web::membership)
        .get("/oparl/v1/body/{id}/legislative-term/{object}", web::term)
        .get("/oparl/v1/meeting/{id}", web::meeting)
        .get("/oparl/v1/meeting/{id}/location", web::location)
        .get("/oparl/v1/meeting/{id}/invitation", web::invitation)
        .get("/oparl/v1/meeting/{id}/results-protocol", web::protocol)
        .get("/oparl/v1/agenda-item/{id}", web::agenda_item)
        .get("/oparl/v1/file/{id}", web::file)
}
